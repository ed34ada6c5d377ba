import { browser } from 'wxt/browser';
import * as z from 'zod/mini';
import { areaKey, draftKey, STORED_FAMILIES } from '../shared/storage';

// A profile edit being typed survives the popup closing: it is kept in `session` storage
// (cleared when the browser closes) until it is saved or discarded.
const draftSchema = z.object({
  values: z.record(z.string(), z.string()),
  /** The id of the save in flight, if the popup closed while saving. */
  editId: z.nullable(z.string()),
  updatedAt: z.number(),
});
export type Draft = z.infer<typeof draftSchema>;

const PREFIX = areaKey(STORED_FAMILIES.draft.prefix);

export async function readDrafts(): Promise<Record<string, Draft>> {
  const all = await browser.storage.session.get(null);
  const drafts: Record<string, Draft> = {};
  for (const [key, value] of Object.entries(all)) {
    if (!key.startsWith(PREFIX)) continue;
    const parsed = draftSchema.safeParse(value);
    if (parsed.success) drafts[key.slice(PREFIX.length)] = parsed.data;
  }
  return drafts;
}

export function saveDraft(accountId: string, draft: Draft): Promise<void> {
  return browser.storage.session.set({ [areaKey(draftKey(accountId))]: draft });
}

export function discardDraft(accountId: string): Promise<void> {
  return browser.storage.session.remove(areaKey(draftKey(accountId)));
}
