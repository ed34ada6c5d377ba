import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import ts from 'typescript';
import { parseMessagesFile } from '@wxt-dev/i18n/build';
import { describe, expect, it } from 'vitest';
import { userFacingLiterals } from '../../support/literal-strings';

// Every string a user sees comes from locales/<lang>.yml (lib/shared/i18n.ts). These checks keep
// the two languages complete, every message used, and components free of literal text.

const LOCALES = ['en', 'de'] as const;

async function messagesOf(locale: string): Promise<Map<string, string>> {
  const parsed = await parseMessagesFile(`locales/${locale}.yml`);
  // The browser's predefined messages (@@ui_locale…) come with every file.
  return new Map(
    parsed
      .filter((message) => !message.key[0]!.startsWith('@@'))
      .map((message) => [message.key.join('.'), 'message' in message ? String(message.message) : '']),
  );
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

const SOURCE_FILES = execFileSync(
  'git',
  ['ls-files', '--cached', '--others', '--exclude-standard', 'lib', 'components', 'entrypoints', 'wxt.config.ts'],
  {
    encoding: 'utf8',
  },
)
  .split('\n')
  .filter((file) => /\.(ts|tsx)$/.test(file) && fs.existsSync(file));

/** Keys the code asks for: t('a.b'), plural('a.b', n) (→ a.b_one, a.b_other), __MSG_a_b__. */
function usedKeys(): Set<string> {
  const used = new Set<string>();
  for (const file of SOURCE_FILES) {
    const text = fs.readFileSync(file, 'utf8');
    for (const [, key] of text.matchAll(/\bt\(\s*'([\w.]+)'/g)) used.add(key!);
    for (const [, base] of text.matchAll(/\bplural\(\s*'([\w.]+)'/g)) used.add(`${base}_one`).add(`${base}_other`);
    for (const [, key] of text.matchAll(/__MSG_(\w+)__/g)) used.add(key!);
  }
  // uiLocale() reads the language of the messages in use.
  return used.add('locale');
}

describe('messages', () => {
  it('has the same keys, with the same placeholders, in every language', async () => {
    const [english, ...others] = await Promise.all(LOCALES.map(messagesOf));
    expect(english!.size).toBeGreaterThan(50);
    for (const other of others) {
      expect([...other.keys()].sort()).toEqual([...english!.keys()].sort());
      for (const [key, text] of english!)
        expect({ key, placeholders: placeholders(other.get(key)!) }).toEqual({ key, placeholders: placeholders(text) });
    }
  });

  it('are all used by the code, and every key the code uses exists', async () => {
    const english = await messagesOf('en');
    // Nested keys reach the browser as a_b; the manifest names them that way.
    const known = new Set([...english.keys()].flatMap((key) => [key, key.replaceAll('.', '_')]));
    const used = usedKeys();
    expect([...used].filter((key) => !known.has(key))).toEqual([]);
    const usedDotted = new Set([...used].flatMap((key) => [key, key.replaceAll('_', '.')]));
    expect([...english.keys()].filter((key) => !usedDotted.has(key))).toEqual([]);
  });

  it('are translated: a German message differs from the English one unless it is a name or a code', async () => {
    const [english, german] = await Promise.all(LOCALES.map(messagesOf));
    const same = [...english!].filter(([key, text]) => german!.get(key) === text && /[a-z]{3,} [a-z]{3,}/i.test(text));
    expect(same.map(([key]) => key)).toEqual([]);
  });
});

describe('components', () => {
  it('render no literal user-facing text', () => {
    const components = SOURCE_FILES.filter((file) => file.startsWith('components/') && file.endsWith('.tsx'));
    const found = components.flatMap((file) =>
      userFacingLiterals(ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX)),
    );
    expect(found).toEqual([]);
  });

  it('the check finds literal text, labels and titles', () => {
    const source = ts.createSourceFile(
      'Sample.tsx',
      `export const A = () => <div title="Refresh profile"><p>Hello there</p><button aria-label={'Close it'}>{t('ok')}</button>{'·'}<img alt="" />{kind === 'header' && <b />}{busy ? 'Saving it' : null}</div>;`,
      ts.ScriptTarget.Latest,
      true,
      ts.ScriptKind.TSX,
    );
    expect(userFacingLiterals(source)).toEqual([
      'Sample.tsx:1 title="Refresh profile"',
      'Sample.tsx:1 Hello there',
      "Sample.tsx:1 aria-label={'Close it'}",
      'Sample.tsx:1 Saving it',
    ]);
  });
});
