import type { EditableFieldName, Profile } from '../shared/profile';

// Apart from the rest of the edit's code: a popup's first frame checks a restored draft with
// these, and the editor's code loads only when the form opens.

export type EditValues = Partial<Record<EditableFieldName, string>>;

/** Only the fields the user changed. */
export function changedValues(values: EditValues, profile: Profile): EditValues {
  return Object.fromEntries(Object.entries(values).filter(([name, value]) => value.trim() !== (profile[name as EditableFieldName] ?? '')));
}

/** Whether the profile already holds every value of a draft (the save went through). */
export function draftApplied(values: EditValues, profile: Profile): boolean {
  return Object.keys(changedValues(values, profile)).length === 0;
}
