import { browser } from './browser';
import { areaKey, draftKey, VIEW_STORED_FAMILIES } from '../shared/storage-views';
import type { Draft } from './draft-schema';

export type { Draft } from './draft-schema';

// A profile edit being typed survives the popup closing: it is kept in `session` storage
// (cleared when the browser closes) until it is saved or discarded. Reading checks each one
// with its schema, loaded then: the popup's first paint doesn't wait for zod.

const PREFIX = areaKey(VIEW_STORED_FAMILIES.draft.prefix);

export async function readDrafts(): Promise<Record<string, Draft>> {
  const [all, { draftSchema }] = await Promise.all([browser.storage.session.get(null), import('./draft-schema')]);
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
