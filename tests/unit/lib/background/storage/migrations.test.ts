import fs from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { STORED } from '../../../../../lib/shared/storage';

// A sample of what each storage version left in the browser, migrated to the current version:
// every account keeps its id, label and every value it held; nothing else is lost.
const dir = new URL('../../../../fixtures/storage/', import.meta.url);
const samples = fs.readdirSync(dir).filter((file) => /^v\d+\.json$/.test(file));

interface Sample {
  local: Record<string, unknown>;
  session: Record<string, unknown>;
  expected: { accounts: Array<{ id: string; settings: Record<string, string>; secrets: Record<string, string> }> };
}

describe.each(samples)('stored state of %s', (file) => {
  const sample = JSON.parse(fs.readFileSync(new URL(file, dir), 'utf8')) as Sample;

  it('migrates to the current version without loss', async () => {
    fakeBrowser.reset();
    await fakeBrowser.storage.local.set(sample.local);
    await fakeBrowser.storage.session.set(sample.session);
    // Fresh modules: WXT runs an item's migrations when the item is defined.
    vi.resetModules();
    const { migrateAll } = await import('../../../../../lib/background/storage/items');
    await migrateAll();
    const { accountsStore } = await import('../../../../../lib/background/storage/accounts');

    const local = await fakeBrowser.storage.local.get();
    expect(local['accounts$']).toEqual({ v: STORED.accounts.version });
    const stored = local.accounts as Array<Record<string, unknown>>;
    const before = sample.local.accounts as Array<Record<string, unknown>>;
    expect(stored.map((a) => [a.id, a.provider, a.label, a.createdAt])).toEqual(
      before.map((a) => [a.id, a.provider, a.label, a.createdAt]),
    );
    expect(stored.map(({ id, settings, secrets }) => ({ id, settings, secrets }))).toEqual(sample.expected.accounts);

    // Readable through the store; the one account whose provider definition is gone is reported, not lost.
    const { accounts, problems } = await accountsStore.read();
    expect(accounts.map((a) => a.account.id)).toEqual(sample.expected.accounts.map((a) => a.id).filter((id) => id !== 'a-gone'));
    expect(problems.map((p) => p.message)).toEqual(['"Gone" uses an unknown provider "custom:gone" and was skipped']);

    // The rest is as it was, except what v1 could leak: a secret in a stored profile, the old view cache.
    for (const key of ['definitions', 'settings', 'ui:selected-account']) expect(local[key]).toEqual(sample.local[key]);
    expect(JSON.stringify(local['profile:a-chakra'])).not.toContain('chk_v1_sample_token_0001');
    expect((local['profile:a-chakra'] as { error: { providerMessage: string } }).error.providerMessage).toBe('Invalid token [redacted]');
    expect(local['whoami-query-cache']).toBeUndefined();
    expect(await fakeBrowser.storage.session.get()).toEqual(sample.session);
  });
});

it('keeps a sample of every storage version up to the current one', () => {
  expect(samples.sort()).toEqual(Array.from({ length: STORED.accounts.version }, (_, i) => `v${i + 1}.json`));
});
