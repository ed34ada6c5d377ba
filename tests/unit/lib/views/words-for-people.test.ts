import { describe, expect, it } from 'vitest';
import { middleEllipsis } from '../../../../lib/views/shorten';
import { shortcutInWords } from '../../../../lib/views/key-names';
import { optionsPlaceOf } from '../../../../lib/views/options-place';

describe('a long id in one line', () => {
  it('keeps its start and end, and the whole id when it already fits', () => {
    const id = '5f6a7b8c-1111-4222-8333-944455566601';
    const short = middleEllipsis(id);
    expect(short).toBe('5f6a7b8c-…55566601');
    expect(Array.from(short)).toHaveLength(18);
    expect(middleEllipsis('usr_42')).toBe('usr_42');
  });

  it('never splits a character made of two code units', () => {
    const short = middleEllipsis('😀'.repeat(30), 9);
    expect(short).toBe('😀😀😀😀…😀😀😀😀');
  });
});

describe('a shortcut as the browser names its keys', () => {
  it('names each key through the messages, leaving letters alone', () => {
    // The test messages are English; German names them "Umschalt", "Strg" (locales/de.yml).
    expect(shortcutInWords('Alt+Shift+U')).toBe('Alt+Shift+U');
    expect(shortcutInWords('MacCtrl+Space')).toBe('Ctrl+Space');
  });
});

describe('the options page opened at a place', () => {
  it('reads an account to edit, or the forgotten passphrase, from its address', () => {
    expect(optionsPlaceOf('#edit=custom%3Aacme%3A1')).toEqual({ editAccount: 'custom:acme:1' });
    expect(optionsPlaceOf('#forgot-passphrase')).toBe('forgot-passphrase');
    expect(optionsPlaceOf('#edit=')).toBeNull();
    expect(optionsPlaceOf('#edit=%E0%A4%A')).toBeNull();
    expect(optionsPlaceOf('#welcome')).toBeNull();
  });
});
