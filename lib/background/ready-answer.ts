import { browser } from 'wxt/browser';
import { areaKey, STORED } from '../shared/storage';

// The popup's first question to a stopped worker is the account list. Its last answer is kept in
// `storage.session` (gone when the browser closes) for as long as nothing it was made from has
// changed, so wake.ts can answer it before the rest of the worker has loaded. Any write of the
// background's, or any change another context makes to the background's keys, drops it.

const KEY = areaKey(STORED.readyAnswer.key);
// Unknown at a wake whether one is stored: the first write drops it to be sure.
let mayBeStored = true;

export async function readyAnswer(): Promise<unknown> {
  return (await browser.storage.session.get(KEY))[KEY] ?? null;
}

export async function keepReadyAnswer(reply: unknown): Promise<void> {
  mayBeStored = true;
  await browser.storage.session.set({ [KEY]: reply });
}

export function dropReadyAnswer(): void {
  if (!mayBeStored) return;
  mayBeStored = false;
  void browser.storage.session.remove(KEY).catch(() => undefined);
}
