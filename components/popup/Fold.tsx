import { lazy, type ReactNode, Suspense, useState } from 'react';

/**
 * A folded section whose content is drawn only once opened: the details list and the raw answer
 * (up to 500 kB to lay out as JSON) cost a popup nothing until asked for, and their code loads then.
 */
export function Fold({ summary, children }: { summary: string; children: () => ReactNode }) {
  const [opened, setOpened] = useState(false);
  return (
    <details className="fold" onToggle={(event) => event.currentTarget.open && setOpened(true)}>
      <summary>{summary}</summary>
      {opened && <Suspense fallback={null}>{children()}</Suspense>}
    </details>
  );
}

const folded = () => import('./FoldedContent');
export const FoldedDetails = lazy(() => folded().then((module) => ({ default: module.DetailsList })));
export const FoldedRaw = lazy(() => folded().then((module) => ({ default: module.RawView })));
