import { describe, expect, it } from 'vitest';
import { emptyEntry } from '../../../../lib/shared/model';
import { buildProfile } from '../../../../lib/background/providers/normalize';
import { applyOptimistic, formFieldErrors, valuesFromProfile } from '../../../../lib/views/profile-edit';
import { changedValues, draftApplied } from '../../../../lib/views/edit-values';

const fields = [
  { name: 'firstName', label: 'First name', input: 'text' },
  { name: 'lastName', label: 'Last name', input: 'text' },
  { name: 'phone', label: 'Phone', input: 'tel' },
] as const;

const profile = buildProfile('p', { id: '1', firstName: 'Ada', lastName: 'Lovelace', phone: null });
const entry = { ...emptyEntry('a1'), profile };

describe('profile edit logic', () => {
  it('starts from the profile, empty where the provider has nothing', () => {
    expect(valuesFromProfile(fields, profile)).toEqual({ firstName: 'Ada', lastName: 'Lovelace', phone: '' });
  });

  it('keeps only what changed, ignoring surrounding spaces', () => {
    expect(changedValues({ firstName: ' Ada ', lastName: 'King', phone: '' }, profile)).toEqual({ lastName: 'King' });
    expect(draftApplied({ firstName: 'Ada', phone: '' }, profile)).toBe(true);
    expect(draftApplied({ phone: '+1' }, profile)).toBe(false);
  });

  it('shows the edit at once, with a derived display name following the new names', () => {
    const optimistic = applyOptimistic(entry, { firstName: 'Augusta', phone: '+44 1' });
    expect(optimistic.profile).toMatchObject({ firstName: 'Augusta', phone: '+44 1', displayName: 'Augusta Lovelace' });
    expect(entry.profile?.firstName).toBe('Ada'); // the cached entry itself is untouched
  });

  it("keeps a provider's own full name and clears emptied fields", () => {
    const named = { ...entry, profile: buildProfile('p', { id: '1', name: 'The Countess', firstName: 'Ada', phone: '+1' }) };
    expect(applyOptimistic(named, { firstName: 'Augusta', phone: '' }).profile).toMatchObject({
      displayName: 'The Countess',
      phone: null,
    });
  });

  it('puts field errors on the form’s own fields only', () => {
    const info = {
      kind: 'validation' as const,
      status: 422,
      providerMessage: null,
      detail: null,
      retryAfterSec: null,
      fieldErrors: { phone: ['bad', 'worse'], email: ['not editable'] },
    };
    expect(formFieldErrors(info, fields)).toEqual({ phone: 'bad worse' });
  });

  it('edits a provider’s one full name (GitHub, Heroku) whole, and never empties it', () => {
    const github = { ...emptyEntry('g1'), profile: buildProfile('gallery', { id: '1', name: 'The Octocat', username: 'octocat' }) };
    expect(valuesFromProfile([{ name: 'displayName', label: 'Name', input: 'text' }], github.profile)).toEqual({
      displayName: 'The Octocat',
    });
    expect(applyOptimistic(github, { displayName: ' Mona Lisa ' }).profile?.displayName).toBe('Mona Lisa');
    expect(applyOptimistic(github, { displayName: '' }).profile?.displayName).toBe('The Octocat');
  });
});
