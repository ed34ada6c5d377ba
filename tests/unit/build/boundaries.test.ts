import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { boundaries } from '../../../eslint.config.js';

// The runtime boundaries are lint errors (eslint.config.js): each rule, shown firing on a file
// that breaks it and silent on one that keeps it. The same rule objects the project lints with.
const eslint = new ESLint({
  cwd: process.cwd(),
  overrideConfigFile: true,
  overrideConfig: [{ files: ['**/*.{ts,tsx}'], languageOptions: { parser: tseslint.parser } }, ...boundaries],
});

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe('lint keeps the runtimes apart', () => {
  it.each([
    ['components/Card.tsx', "import { requestJson } from '../lib/background/network/http';"],
    ['components/options/Form.tsx', "import { accountsStore } from '../../lib/background/storage/accounts';"],
    ['entrypoints/popup/main.tsx', "import { providers } from '../../lib/background/providers';"],
    ['lib/views/thing.ts', "import { scrubSecrets } from '../background/secrets/scrub';"],
    ['lib/shared/thing.ts', "import { guardedCall } from '../background/network/guard';"],
  ])('%s may not import the background', async (file, code) => {
    expect(await problems(file, code)).toEqual([expect.stringMatching(/^no-restricted-imports: .*never import the background/)]);
  });

  it.each([
    ['lib/background/thing.ts', "import { useState } from 'react';"],
    ['lib/background/thing.ts', "import { QueryClient } from '@tanstack/react-query';"],
    ['lib/background/thing.ts', "import { ProfileCard } from '../../components/popup/ProfileCard';"],
    ['lib/background/thing.ts', "import { request } from '../views/messaging';"],
    ['entrypoints/background.ts', "import { createRoot } from 'react-dom/client';"],
    ['lib/shared/thing.ts', "import { describeError } from '../views/error-text';"],
  ])('%s may not import view code or React (%s)', async (file, code) => {
    expect(await problems(file, code)).toEqual([expect.stringMatching(/^no-restricted-imports: /)]);
  });

  it('components make no request and call no browser API of their own', async () => {
    expect(await problems('components/Card.tsx', "import { browser } from 'wxt/browser';")).toHaveLength(1);
    expect(await problems('components/Card.tsx', 'export const load = () => fetch("https://x.example");')).toEqual([
      "no-restricted-globals: Unexpected use of 'fetch'. Components make no requests: the background does.",
    ]);
    expect(await problems('components/Card.tsx', 'export const go = () => chrome.tabs.create({});')).toHaveLength(1);
  });

  it("keeps each page's components to that page", async () => {
    expect(await problems('components/popup/Card.tsx', "import { AccountForm } from '../options/AccountForm';")).toEqual([
      expect.stringMatching(/^no-restricted-imports: .*never import the options page/),
    ]);
    expect(await problems('components/options/List.tsx', "import { ProfileCard } from '../popup/ProfileCard';")).toEqual([
      expect.stringMatching(/^no-restricted-imports: .*never import the popup/),
    ]);
    expect(await problems('components/options/List.tsx', "import { useViewActions } from '../ViewActions';")).toEqual([]);
  });

  it('lets each side import what it may', async () => {
    expect(
      await problems(
        'components/Card.tsx',
        "import { describeError } from '../lib/views/error-text';\nimport type { Profile } from '../lib/shared/profile';",
      ),
    ).toEqual([]);
    expect(await problems('lib/background/thing.ts', "import { profileSchema } from '../shared/profile';")).toEqual([]);
    expect(await problems('lib/views/thing.ts', "import { browser } from 'wxt/browser';")).toEqual([]);
  });
});
