import { fakeBrowser } from 'wxt/testing/fake-browser';

/** What `storage.local` holds, measured as Chrome counts it: each key plus its JSON. */
export async function storedBytes(): Promise<number> {
  const all = await fakeBrowser.storage.local.get();
  return Object.entries(all).reduce((total, [key, value]) => total + key.length + JSON.stringify(value).length, 0);
}

/**
 * Gives the fake browser's `storage.local` the real browser's quota: a write that would take
 * it past `bytes` fails as Chrome's does ("QUOTA_BYTES quota exceeded") and changes nothing.
 */
export function enforceQuota(bytes: number): void {
  const local = fakeBrowser.storage.local;
  const set = local.set.bind(local);
  local.set = async (items: Record<string, unknown>) => {
    const all = { ...(await local.get()), ...items };
    const size = Object.entries(all).reduce((total, [key, value]) => total + key.length + JSON.stringify(value).length, 0);
    if (size > bytes) throw new Error('QUOTA_BYTES quota exceeded');
    return set(items);
  };
}
