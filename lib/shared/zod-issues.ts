import type { z } from './zod';
import { t } from './i18n';

/** "data.primary_email_address.email: expected string" — the first failing path, in words. */
export function firstIssue(error: z.core.$ZodError): string {
  const issue = error.issues[0];
  if (!issue) return t('validation.invalid');
  const path = issue.path.length > 0 ? issue.path.map(String).join('.') : t('validation.root');
  return `${path}: ${describeIssue(issue)}`;
}

export function describeIssue(issue: z.core.$ZodIssue): string {
  // Schemas give their own words with `{ error: '…' }`; zod/mini's default is a bare "Invalid input".
  if (issue.message && issue.message !== 'Invalid input') return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      return t('validation.expected', { type: issue.expected });
    case 'invalid_value':
      return t('validation.expectedOneOf', { values: issue.values.map((v) => JSON.stringify(v)).join(', ') });
    case 'too_small':
      return issue.origin === 'string' ? t('validation.minChars', { min: String(issue.minimum) }) : t('validation.tooSmall');
    case 'too_big':
      return issue.origin === 'string' ? t('validation.maxChars', { max: String(issue.maximum) }) : t('validation.tooBig');
    case 'unrecognized_keys':
      return t('validation.unknownKeys', { keys: issue.keys.map((key) => `"${key}"`).join(', ') });
    case 'invalid_format':
      return issue.format === 'starts_with' && 'prefix' in issue
        ? t('validation.startsWith', { prefix: String(issue.prefix) })
        : t('validation.validFormat', { format: issue.format });
    default:
      return issue.code.replaceAll('_', ' ');
  }
}
