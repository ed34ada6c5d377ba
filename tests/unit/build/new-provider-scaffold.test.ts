import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { providerParts } from '../../build/new-provider';

// `npm run new-provider` promises a provider that type-checks, lints and passes its tests as
// made. Checking the planned text is not enough (it once imported a zod path that does not
// exist), so this scaffolds one for real in a copy of the repository and runs the checks there.

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const ID = 'scaffold-probe';
/** Not copied: node_modules is linked, the rest is output or history. */
const SKIPPED = new Set(['node_modules', '.git', '.output', 'test-results', 'playwright-report', 'demo-screenshots', '.scratch']);

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'whoami-scaffold-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

/** A nested run of the project's tools sees none of this Vitest's own settings. */
const childEnv = Object.fromEntries(
  Object.entries({ ...process.env, NO_COLOR: '1' }).filter(([key]) => !/^(VITEST|FORCE_COLOR$|NODE_ENV$|TEST$)/.test(key)),
);

type Result = { code: number | null; output: string };

function run(bin: string, args: string[]): Promise<Result> {
  return new Promise((resolve) => {
    const child = spawn(path.join(scratch, 'node_modules/.bin', bin), args, { cwd: scratch, env: childEnv });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', (error) => resolve({ code: null, output: `${output}${String(error)}` }));
    child.on('close', (code) => resolve({ code, output }));
  });
}

const succeeded = (step: string, result: Result) => expect(result.code, `${step} exited ${result.code}:\n${result.output}`).toBe(0);
/** Reports every failing check, not just the first. */
const alsoSucceeded = (step: string, result: Result) =>
  expect.soft(result.code, `${step} exited ${result.code}:\n${result.output}`).toBe(0);

it('scaffolds a provider that type-checks, lints and passes its own tests', { timeout: 240_000 }, async () => {
  fs.cpSync(ROOT, scratch, { recursive: true, filter: (source) => !SKIPPED.has(path.relative(ROOT, source)) });
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(scratch, 'node_modules'), 'dir');
  // tsconfig.json extends WXT's generated .wxt/ (`wxt prepare`, run by `npm ci`; without it no
  // unit test runs at all): the copy takes it along, types included.
  for (const generated of ['.wxt/tsconfig.json', '.wxt/wxt.d.ts'])
    expect(fs.existsSync(path.join(scratch, generated)), generated).toBe(true);

  succeeded('npm run new-provider', await run('tsx', ['tests/build/new-provider.ts', ID, 'Scaffold Probe']));
  const parts = providerParts(ID);
  const touched = [...parts, 'lib/shared/providers/index.ts', 'lib/background/providers/index.ts', 'tests/mock-providers/index.ts'];
  const code = touched.filter((file) => file.endsWith('.ts'));

  // Independent checks, side by side: the type-check is the slow one.
  const [typecheck, eslint, prettier, tests] = await Promise.all([
    run('tsc', ['--noEmit', '-p', '.']),
    run('eslint', ['--max-warnings', '0', ...code]),
    run('prettier', ['--check', ...touched]),
    run('vitest', ['run', parts.at(-1)!]),
  ]);
  alsoSucceeded('tsc --noEmit -p .', typecheck);
  alsoSucceeded('eslint', eslint);
  alsoSucceeded('prettier --check', prettier);
  alsoSucceeded(`vitest run ${parts.at(-1)}`, tests);
  // Its three tests ran, rather than none being found.
  if (tests.code === 0) expect(tests.output).toMatch(/Tests\s+3 passed/);
});
