import { useEffect, useState } from 'react';
import { type Draft, readDrafts } from '../../lib/views/drafts';

/** The edits typed in earlier popups and not yet saved, by account; null while they are read. */
export function useDrafts(): Record<string, Draft> | null {
  const [drafts, setDrafts] = useState<Record<string, Draft> | null>(null);
  useEffect(() => {
    let live = true;
    readDrafts()
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
