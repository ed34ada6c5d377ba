import { describe, expect, it } from 'vitest';
import { buildProfile, details, isoOrNull, joinName, textOrNull } from '../../../../../lib/background/providers/normalize';

describe('isoOrNull', () => {
  it('converts epoch integers by magnitude: seconds below 1e11, milliseconds above', () => {
    expect(isoOrNull(1_700_000_000)).toBe('2023-11-14T22:13:20.000Z');
    expect(isoOrNull(1_700_000_000_000)).toBe('2023-11-14T22:13:20.000Z');
    expect(isoOrNull(99_999_999_999)).toBe('5138-11-16T09:46:39.000Z');
    expect(isoOrNull(100_000_000_000)).toBe('1973-03-03T09:46:40.000Z');
  });

  it('treats 0, negatives, NaN and junk as missing', () => {
    for (const value of [0, -5, Number.NaN, Infinity, '', '  ', 'yesterday', null, undefined, {}]) {
      expect(isoOrNull(value)).toBeNull();
    }
  });

  it('normalizes ISO strings with offsets to UTC', () => {
    expect(isoOrNull('2023-11-07T05:31:56Z')).toBe('2023-11-07T05:31:56.000Z');
    expect(isoOrNull('2023-11-07T11:01:56+05:30')).toBe('2023-11-07T05:31:56.000Z');
  });
});

describe('text helpers', () => {
  it('counts empty strings as missing', () => {
    expect(textOrNull('  a ')).toBe('a');
    expect(textOrNull('')).toBeNull();
    expect(textOrNull(3)).toBeNull();
    expect(joinName('', ' Ada ', null, 'Lovelace')).toBe('Ada Lovelace');
    expect(joinName('', null)).toBeNull();
  });

  it('leaves out detail rows with nothing to say', () => {
    expect(
      details([
        ['A', ''],
        ['B', null],
        ['C', false],
        ['D', 0],
        ['E', ' x '],
      ]),
    ).toEqual([
      { label: 'C', value: 'No' },
      { label: 'D', value: '0' },
      { label: 'E', value: 'x' },
    ]);
  });
});

describe('buildProfile', () => {
  it('derives the display name: name, else first+last, else username, else email, else id', () => {
    expect(buildProfile('p', { name: 'N', firstName: 'F', username: 'u' }).displayName).toBe('N');
    expect(buildProfile('p', { firstName: 'F', lastName: 'L', username: 'u' }).displayName).toBe('F L');
    expect(buildProfile('p', { username: 'u', email: 'e@x' }).displayName).toBe('u');
    expect(buildProfile('p', { email: 'e@x', id: '1' }).displayName).toBe('e@x');
    expect(buildProfile('p', { id: '1' }).displayName).toBe('1');
  });

  it('refuses a profile that identifies nobody', () => {
    expect(() => buildProfile('p', { phone: '123', roles: ['Admin'] })).toThrow(/identifies no user/);
  });

  it('fills every missing field with null, never a made-up value', () => {
    expect(buildProfile('p', { id: '1' })).toEqual({
      provider: 'p',
      id: '1',
      displayName: '1',
      firstName: null,
      lastName: null,
      username: null,
      email: null,
      emailVerified: null,
      phone: null,
      avatarUrl: null,
      roles: [],
      organization: null,
      plan: null,
      trial: null,
      createdAt: null,
      updatedAt: null,
      sessionExpiresAt: null,
      details: [],
    });
  });
});

describe('money and long text', () => {
  it('formats amounts, and leaves out the ones that cannot be real', async () => {
    const { money, clip } = await import('../../../../../lib/background/providers/normalize');
    expect(money(1234.5)).toBe('$1,234.50');
    expect(money(-1.7976931348623157e308)).toBeNull();
    expect(money(Number.NaN)).toBeNull();
    expect(money(null)).toBeNull();
    expect(clip('a'.repeat(10), 5)).toBe('aaaa…');
    expect(clip('😀'.repeat(10), 5)).toBe('😀😀…');
  });
});
