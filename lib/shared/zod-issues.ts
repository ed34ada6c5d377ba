import type { z } from './zod';

/** "data.primary_email_address.email: expected string" — the first failing path, in words. */
export function firstIssue(error: z.core.$ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  const path = issue.path.length > 0 ? issue.path.map(String).join('.') : '(root)';
  return `${path}: ${describeIssue(issue)}`;
}

export function describeIssue(issue: z.core.$ZodIssue): string {
  // Schemas give their own words with `{ error: '…' }`; zod/mini's default is a bare "Invalid input".
  if (issue.message && issue.message !== 'Invalid input') return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${issue.expected}`;
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'too_small':
      return issue.origin === 'string' ? `must be at least ${String(issue.minimum)} characters` : 'too small';
    case 'too_big':
      return issue.origin === 'string' ? `must be at most ${String(issue.maximum)} characters` : 'too big';
    case 'invalid_format':
      return issue.format === 'starts_with' && 'prefix' in issue
        ? `must start with "${String(issue.prefix)}"`
        : `must be a valid ${issue.format}`;
    default:
      return issue.code.replaceAll('_', ' ');
  }
}
