import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { STORED, STORED_FAMILIES } from '../../../../lib/shared/storage';
import { emptyEntry } from '../../../../lib/shared/model';
import { saveDraft } from '../../../../lib/views/drafts';
import { saveSelectedAccount } from '../../../../lib/views/preferences';
import { persistQueryCache } from '../../../../lib/views/query/client';
import { backgroundHarness } from '../../../support/background-harness';
import { useMockProviders } from '../../../support/use-mock-providers';

const mock = useMockProviders();

/** Whether a stored key (as `area:key`) is one the registry lists, itself or as a family member. */
function listed(key: string): boolean {
  const base = key.endsWith('$') ? key.slice(0, -1) : key; // WXT's version metadata beside an item
  return Object.values(STORED).some((s) => s.key === base) || Object.values(STORED_FAMILIES).some((f) => base.startsWith(f.prefix));
}

describe('the storage registry', () => {
  it('lists every key a full session writes, in both areas', async () => {
    const bg = backgroundHarness(mock);
    for (const provider of ['insighto', 'wacht', 'leadping', 'chakra'] as const) await bg.addMockAccount(provider);
    await bg.settle();
    const [account] = (await bg.send('listAccounts', {})).accounts;
    await bg.send('updateProfile', { accountId: account!.id, editId: 'e1', changes: { firstName: 'Augusta' } });
    await bg.send('setSettings', { refreshMinutes: 20 });
    mock.addFault({ provider: 'leadping', kind: '401', times: 1 });
    await bg.send('refresh', {});
    // The views' own keys.
    await saveSelectedAccount(account!.id);
    await saveDraft(account!.id, { values: { firstName: 'A' }, editId: null, updatedAt: 1 });
    const cache = new QueryClient();
    persistQueryCache(cache);
    cache.setQueryData(['profile', account!.id], emptyEntry(account!.id));
    await vi.waitFor(async () => expect(Object.keys(await fakeBrowser.storage.local.get())).toContain('whoami-query-cache'));

    const written = [
      ...Object.keys(await fakeBrowser.storage.local.get()).map((key) => `local:${key}`),
      ...Object.keys(await fakeBrowser.storage.session.get()).map((key) => `session:${key}`),
    ];
    expect(written.length).toBeGreaterThan(10);
    expect(written.filter((key) => !listed(key))).toEqual([]);
  });

  it('says which keys hold secrets: the account list, its set-aside copy, and the lock’s key (session only)', () => {
    const all = [
      ...Object.values(STORED).map((s) => [s.key, s.secret] as const),
      ...Object.values(STORED_FAMILIES).map((f) => [f.prefix, f.secret] as const),
    ];
    expect(all.filter(([, secret]) => secret).map(([key]) => key)).toEqual([
      'local:accounts',
      'local:accounts-unreadable',
      'session:lock-key',
    ]);
  });
});
