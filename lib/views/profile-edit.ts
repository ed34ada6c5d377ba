import type { ErrorInfo } from '../shared/errors';
import type { EditableFieldView, ProfileEntry } from '../shared/model';
import { joinName } from '../shared/text';
import type { EditableFieldName, Profile } from '../shared/profile';
import { changedValues, type EditValues } from './edit-values';

/** The form's values for a profile: what the provider has now, empty where it has nothing. */
export function valuesFromProfile(fields: readonly EditableFieldView[], profile: Profile): EditValues {
  return Object.fromEntries(fields.map((field) => [field.name, profile[field.name] ?? '']));
}

/** The profile as it will look once the edit lands, shown while the provider answers. */
export function applyOptimistic(entry: ProfileEntry, values: EditValues): ProfileEntry {
  if (!entry.profile) return entry;
  const before = entry.profile;
  const after: Profile = { ...before };
  const changed = changedValues(values, before);
  for (const [name, value] of Object.entries(changed) as Array<[EditableFieldName, string]>) {
    if (name === 'displayName') after.displayName = value.trim() || before.displayName;
    else after[name] = value.trim() === '' ? null : value.trim();
  }
  // A name built from first and last name follows them; a provider's own full name is kept.
  if (changed.displayName === undefined && before.displayName === joinName(before.firstName, before.lastName)) {
    after.displayName = joinName(after.firstName, after.lastName) ?? before.displayName;
  }
  return { ...entry, profile: after };
}

/** Field errors for the form's own fields; the rest of the error is shown above the form. */
export function formFieldErrors(error: ErrorInfo, fields: readonly EditableFieldView[]): Record<string, string> {
  const names = new Set<string>(fields.map((f) => f.name));
  return Object.fromEntries(
    Object.entries(error.fieldErrors)
      .filter(([name]) => names.has(name))
      .map(([name, messages]) => [name, messages.join(' ')]),
  );
}
