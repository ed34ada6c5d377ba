import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ALLOWED_WARNINGS, addonsLintProblems, type LintReport } from '../../build/addons-lint';

const report = (errors: LintReport['errors'], warnings: LintReport['warnings']): LintReport => ({
  summary: { errors: errors.length, warnings: warnings.length, notices: 0 },
  errors,
  warnings,
});
const innerHtml = {
  code: 'UNSAFE_VAR_ASSIGNMENT',
  file: 'chunks/vendor-D9GDIC8g.js',
  line: 9,
  column: 1781,
  message: 'Unsafe assignment to innerHTML',
};

describe('the addons-linter check of the Firefox store zip', () => {
  it("passes today's report: React DOM's two innerHTML assignments in the vendor chunk", () => {
    expect(addonsLintProblems(report([], [innerHtml, { ...innerHtml, column: 4696 }]))).toEqual([]);
  });

  it('fails on any error, and on a warning the allow-list does not name', () => {
    const error = { code: 'MANIFEST_FIELD_INVALID', file: 'manifest.json', message: '"permissions" is invalid' };
    expect(addonsLintProblems(report([error], []))).toEqual(['error MANIFEST_FIELD_INVALID at manifest.json: "permissions" is invalid']);
    expect(addonsLintProblems(report([], [{ ...innerHtml, file: 'chunks/options-CVfx2tWQ.js' }]))).toEqual([
      'warning UNSAFE_VAR_ASSIGNMENT at chunks/options-CVfx2tWQ.js:9:1781: Unsafe assignment to innerHTML',
    ]);
    expect(addonsLintProblems(report([], [{ ...innerHtml, code: 'DANGEROUS_EVAL' }]))).toHaveLength(1);
  });

  it('fails when an allowed warning occurs more often than allowed', () => {
    expect(addonsLintProblems(report([], [innerHtml, innerHtml, innerHtml]))).toEqual([
      'warning UNSAFE_VAR_ASSIGNMENT at chunks/vendor-D9GDIC8g.js:9:1781: Unsafe assignment to innerHTML (more than the 2 allowed)',
    ]);
  });

  it('names every allowed warning in the README, with its reason', () => {
    const readme = fs.readFileSync('README.md', 'utf8').replace(/\s+/g, ' ');
    for (const { code, reason } of ALLOWED_WARNINGS) {
      expect(readme).toContain(`\`${code}\``);
      expect(readme).toContain(reason);
    }
  });
});
