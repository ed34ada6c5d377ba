import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Mozilla's own linter, the one addons.mozilla.org runs on an upload, over the Firefox store zip
 * (`npm run check:store-zips`): no error, and no warning but those allowed below — each named in
 * the README with its reason.
 */

interface LintMessage {
  code: string;
  file?: string;
  line?: number;
  column?: number;
  message: string;
}

export interface LintReport {
  summary: { errors: number; warnings: number; notices: number };
  errors: LintMessage[];
  warnings: LintMessage[];
}

interface AllowedWarning {
  code: string;
  /** The file in the zip; chunk names carry a content hash. */
  file: RegExp;
  /** How many times it may occur: one more is a new warning. */
  count: number;
  reason: string;
}

export const ALLOWED_WARNINGS: AllowedWarning[] = [
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    file: /^chunks\/vendor-[\w-]+\.js$/,
    count: 2,
    reason: "React DOM's support for dangerouslySetInnerHTML, bundled in the libraries' chunk; Whoami never uses it",
  },
];

const where = (m: LintMessage) => `${m.file ?? '?'}${m.line ? `:${m.line}:${m.column ?? 0}` : ''}`;

/** What would fail the check: every error, and every warning the allow-list does not cover. */
export function addonsLintProblems(report: LintReport, allowed: AllowedWarning[] = ALLOWED_WARNINGS): string[] {
  const problems = report.errors.map((m) => `error ${m.code} at ${where(m)}: ${m.message}`);
  const used = new Map<AllowedWarning, number>();
  for (const warning of report.warnings) {
    const entry = allowed.find((a) => a.code === warning.code && a.file.test(warning.file ?? ''));
    const seen = entry ? (used.get(entry) ?? 0) + 1 : 0;
    if (entry && seen <= entry.count) used.set(entry, seen);
    else
      problems.push(
        `warning ${warning.code} at ${where(warning)}: ${warning.message}${entry ? ` (more than the ${entry.count} allowed)` : ''}`,
      );
  }
  return problems;
}

function main() {
  const zip = fs.readdirSync('.output').find((file) => file.endsWith('-firefox.zip'));
  if (!zip) {
    console.error('No Firefox store zip in .output/ (npm run zip:firefox)');
    process.exit(1);
  }
  const run = spawnSync('npx', ['addons-linter', '--output', 'json', path.join('.output', zip)], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  // It exits non-zero when it finds an error, and still prints its report.
  const start = run.stdout.indexOf('{');
  if (start < 0) {
    console.error(`addons-linter printed no report (exit ${run.status}):\n${run.stdout}${run.stderr}`);
    process.exit(1);
  }
  const report = JSON.parse(run.stdout.slice(start)) as LintReport;
  const problems = addonsLintProblems(report);
  const { errors, warnings, notices } = report.summary;
  console.log(
    `${zip}: addons-linter ${errors} errors, ${warnings} warnings (allowed: ${warnings - problems.filter((p) => p.startsWith('warning')).length}), ${notices} notices`,
  );
  for (const problem of problems) console.error(`  ${problem}`);
  if (problems.length > 0) process.exit(1);
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) main();
