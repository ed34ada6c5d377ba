import { labelSchema, type AccountSummary } from '../shared/model';
import { destinationFromSettings } from '../shared/providers/destination';
import type { ProviderDescriptor } from '../shared/providers/types';
import { describeIssue } from '../shared/zod-issues';
import { t, uiLocale } from '../shared/i18n';

export type FormValues = Record<string, string>;
export type FormErrors = Record<string, string>;

/** The form's starting values: the account's settings when editing, the defaults otherwise. */
export function initialValues(adapter: ProviderDescriptor, account?: AccountSummary): FormValues {
  const values: FormValues = { label: account?.label ?? adapter.name };
  for (const field of adapter.credentials.fields) {
    // Secrets are never sent to a view, so an edit starts with them empty ("unchanged").
    values[field.name] = account?.settings[field.name] ?? (field.kind === 'secret' ? '' : (field.defaultValue ?? ''));
  }
  return values;
}

export interface ValidatedForm {
  label: string;
  credentials: Record<string, string>;
  errors: FormErrors;
}

/**
 * Checks the form with the adapter's own credential schema. When editing, an empty secret
 * means "keep the stored one", so it is not an error.
 */
export function validateForm(adapter: ProviderDescriptor, values: FormValues, editing?: AccountSummary): ValidatedForm {
  const errors: FormErrors = {};
  const label = labelSchema.safeParse(values.label ?? '');
  if (!label.success) errors.label = describeIssue(label.error.issues[0]!);

  const kept = new Set(adapter.credentials.secretFields.filter((field) => editing?.secretHints[field] && !values[field]?.trim()));
  // A saved secret only ever goes where it was saved for (the background enforces it too):
  // pointing the account elsewhere means typing it again.
  if (editing && kept.size > 0) {
    const before = destinationFromSettings(adapter, editing.settings);
    const after = destinationFromSettings(adapter, values);
    if (before && after && before.origin !== after.origin) {
      for (const field of kept) {
        const label = adapter.credentials.fields.find((f) => f.name === field)?.label ?? field;
        // English names the field in lower case inside a sentence ("Type the token again"); German keeps nouns capitalised.
        errors[field] = t('options.form.retypeSecret', { field: uiLocale() === 'en' ? label.toLowerCase() : label, host: before.host });
      }
      kept.clear();
    }
  }
  const candidate: FormValues = {};
  for (const field of adapter.credentials.fields) {
    // A kept secret is checked as a placeholder of the right shape; the background fills it in.
    candidate[field.name] = kept.has(field.name) ? '' : (values[field.name] ?? '');
  }
  const parsed = adapter.credentials.schema.safeParse(candidate);
  const credentials: Record<string, string> = parsed.success ? { ...parsed.data } : { ...candidate };
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? '');
      if (kept.has(field) || errors[field]) continue;
      errors[field] = describeIssue(issue);
    }
  }
  for (const field of kept) credentials[field] = '';
  return { label: label.success ? label.data : (values.label ?? ''), credentials, errors };
}

/** The origins to ask permission for, once the form is valid. */
export function originsFor(adapter: ProviderDescriptor, credentials: Record<string, string>): string[] {
  try {
    return adapter.origins(credentials);
  } catch {
    return [];
  }
}
