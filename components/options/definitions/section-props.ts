import type { DefinitionDraft } from '../../../lib/views/definitions';

export type DraftChange = (draft: DefinitionDraft) => DefinitionDraft;

/** What every part of the definition editor gets: the draft, its errors and a way to change it. */
export interface SectionProps {
  draft: DefinitionDraft;
  errors: Record<string, string>;
  onChange: (change: DraftChange) => void;
}
