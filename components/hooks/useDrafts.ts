import { useEffect, useState } from 'react';
import type { Draft } from '../../lib/views/drafts';

// Read with their schema, which loads anyway to check them: the storage code comes with it, off
// the first frame's path.
export const draftStore = () => import('../../lib/views/drafts');

/** The edits typed in earlier popups and not yet saved, by account; null while they are read. */
export function useDrafts(): Record<string, Draft> | null {
  const [drafts, setDrafts] = useState<Record<string, Draft> | null>(null);
  useEffect(() => {
    let live = true;
    draftStore()
      .then((store) => store.readDrafts())
      .catch(() => ({}))
      .then(
        (read) => live && setDrafts(read),
        () => undefined,
      );
    return () => {
      live = false;
    };
  }, []);
  return drafts;
}
