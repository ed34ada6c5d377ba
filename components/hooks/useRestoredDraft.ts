import { useEffect, useState } from 'react';
import type { Profile } from '../../lib/shared/profile';
import type { Draft } from '../../lib/views/drafts';
import { draftApplied } from '../../lib/views/edit-values';
import { t } from '../../lib/shared/i18n';
import { draftStore } from './useDrafts';

/**
 * A draft restored from an earlier popup opens the edit form again, unless the profile shows
 * it was saved after that popup closed. Decided once, when the profile is first known.
 */
export function useRestoredDraft(accountId: string, initialDraft: Draft | null | undefined, profile: Profile | null) {
  const [restored, setRestored] = useState<{ draft: Draft; applied: boolean } | null>(null);
  // undefined: the popup's drafts are still being read; null: this account has none.
  const [decided, setDecided] = useState(initialDraft === null);
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  if (!decided && initialDraft === null) setDecided(true);
  if (!decided && initialDraft && profile) {
    const applied = draftApplied(initialDraft.values, profile);
    setDecided(true);
    setRestored({ draft: initialDraft, applied });
    setEditing(!applied);
  }
  useEffect(() => {
    if (!restored?.applied) return;
    void draftStore()
      .then((store) => store.discardDraft(accountId))
      .then(() => {
        if (restored.draft.editId) setNotice(t('errors.lastEditSaved'));
      });
  }, [accountId, restored]);
  return {
    draft: editing && restored && !restored.applied ? restored.draft : null,
    editing,
    notice,
    startEditing: () => {
      setNotice(null);
      setEditing(true);
    },
    stopEditing: (message: string | null) => {
      setRestored(null);
      setEditing(false);
      setNotice(message);
    },
  };
}
