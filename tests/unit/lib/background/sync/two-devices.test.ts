import { describe, expect, it } from 'vitest';
import { type LocalSide, type SyncArea, syncOnce, type SyncState, removeOwnCopy, usage } from '../../../../../lib/background/sync/engine';
import { itemBytes, SYNC_QUOTA, type SyncKey } from '../../../../../lib/background/sync/items';

// Two devices, one sync area: what the browser's sync does between a user's browsers. Writes on
// one arrive on the other as storage.onChanged (area "sync"), which runs a sync round there. The
// devices' own storage is kept in memory here; tests/unit/lib/background/sync/sync-background.test.ts
// drives the real background over the same engine.

/** One sync area shared by every device, with Chrome's quota (chrome.storage.sync's documented limits). */
function sharedArea() {
  const data: Record<string, unknown> = {};
  const listeners: Array<{ device: string; onChange: (keys: string[]) => void }> = [];
  let writes = 0;
  const changed = (by: string, keys: string[]) => {
    for (const listener of listeners) if (listener.device !== by && keys.length > 0) listener.onChange(keys);
  };
  return {
    data,
    writes: () => writes,
    listen(device: string, onChange: (keys: string[]) => void) {
      listeners.push({ device, onChange });
    },
    areaFor(device: string): SyncArea {
      return {
        get: async () => structuredClone(data),
        async set(items) {
          const next = { ...data, ...structuredClone(items) };
          for (const [key, value] of Object.entries(items)) {
            if (itemBytes(key, value) > SYNC_QUOTA.itemBytes) throw new Error('QUOTA_BYTES_PER_ITEM quota exceeded');
          }
          if (usage(next).bytes > SYNC_QUOTA.totalBytes) throw new Error('QUOTA_BYTES quota exceeded');
          if (usage(next).items > SYNC_QUOTA.maxItems) throw new Error('MAX_ITEMS quota exceeded');
          writes += 1;
          Object.assign(data, structuredClone(items));
          changed(device, Object.keys(items));
        },
        async remove(keys) {
          writes += 1;
          for (const key of keys) delete data[key];
          changed(device, keys);
        },
      };
    },
  };
}

interface Account {
  provider: string;
  label: string;
  settings: Record<string, string>;
  secrets: Record<string, string>;
  createdAt: number;
}

/** A device's own storage, in memory, with the semantics of lib/background/sync/local.ts. */
function memoryDevice(name: string, area: ReturnType<typeof sharedArea>) {
  const accounts = new Map<string, Account>();
  const definitions = new Map<string, { id: string; name: string; body: string }>();
  let state: SyncState = { deviceId: name, known: {}, problems: [], lastSyncedAt: null, localChangedAt: 0 };
  let clock = 0;
  const local: LocalSide = {
    async read() {
      const items = new Map<SyncKey, unknown>();
      const names = new Map<SyncKey, string>();
      for (const [id, account] of accounts) {
        items.set(`account:${id}`, {
          provider: account.provider,
          label: account.label,
          settings: account.settings,
          secretFields: Object.keys(account.secrets).sort(),
          createdAt: account.createdAt,
        });
        names.set(`account:${id}`, `${account.provider} · ${account.label}`);
      }
      for (const [id, definition] of definitions) {
        items.set(`definition:${id}`, definition);
        names.set(`definition:${id}`, definition.name);
      }
      return {
        items,
        names,
        secrets: [...accounts.values()].flatMap((a) => Object.values(a.secrets)).filter(Boolean),
        held: new Set<SyncKey>(),
      };
    },
    async apply(key, content) {
      const id = key.slice(key.indexOf(':') + 1);
      if (key.startsWith('definition:')) {
        if (content === null) definitions.delete(id);
        else definitions.set(id, content as { id: string; name: string; body: string });
        return;
      }
      if (content === null) {
        accounts.delete(id);
        return;
      }
      const synced = content as Omit<Account, 'secrets'> & { secretFields: string[] };
      const before = accounts.get(id);
      accounts.set(id, {
        provider: synced.provider,
        label: synced.label,
        settings: synced.settings,
        createdAt: synced.createdAt,
        // Secrets only ever from this device: a new one asks for its key here.
        secrets: before?.secrets ?? Object.fromEntries(synced.secretFields.map((field) => [field, ''])),
      });
    },
  };
  const device = {
    name,
    accounts,
    definitions,
    get state() {
      return state;
    },
    /** A change made on this device, as the user makes it. */
    change(at: number, edit: () => void) {
      edit();
      state = { ...state, localChangedAt: at };
    },
    async sync(at = (clock += 1000)) {
      state = await syncOnce({ area: area.areaFor(name), local, state, now: at });
    },
  };
  return device;
}

/** Two devices whose sync area is shared; each syncs when the other writes. */
function twoDevices() {
  const area = sharedArea();
  const a = memoryDevice('device-a', area);
  const b = memoryDevice('device-b', area);
  const pending: Array<() => Promise<void>> = [];
  area.listen('device-a', () => pending.push(() => a.sync()));
  area.listen('device-b', () => pending.push(() => b.sync()));
  /** Lets the onChanged rounds run until the area is quiet. */
  const settle = async () => {
    for (let round = 0; pending.length > 0 && round < 20; round += 1) await pending.shift()!();
  };
  return { area, a, b, settle };
}

const leadping = (label: string, token = 'lp_live_0123456789abcdef'): Account => ({
  provider: 'leadping',
  label,
  settings: { baseUrl: 'https://api.leadping.ai' },
  secrets: { token },
  createdAt: 1,
});

describe('sync between two devices', () => {
  it('an account added, edited and removed on A appears, changes and goes on B; its key never leaves A', async () => {
    const { area, a, b, settle } = twoDevices();
    a.change(100, () => a.accounts.set('acc-1', leadping('work')));
    await a.sync(1000);
    await settle();
    expect(b.accounts.get('acc-1')).toEqual({ ...leadping('work'), secrets: { token: '' } });
    expect(JSON.stringify(area.data)).not.toContain('lp_live_0123456789abcdef');

    // B types its own key; it stays on B.
    b.change(1500, () => (b.accounts.get('acc-1')!.secrets.token = 'lp_live_typed_on_b_0001'));
    await b.sync(1600);
    await settle();
    expect(JSON.stringify(area.data)).not.toContain('lp_live_typed_on_b_0001');

    a.change(2000, () => (a.accounts.get('acc-1')!.label = 'work (sales)'));
    await a.sync(2100);
    await settle();
    expect(b.accounts.get('acc-1')).toMatchObject({ label: 'work (sales)', secrets: { token: 'lp_live_typed_on_b_0001' } });

    a.change(3000, () => a.accounts.delete('acc-1'));
    await a.sync(3100);
    await settle();
    expect(b.accounts.has('acc-1')).toBe(false);
    expect(area.data['account:acc-1']).toMatchObject({ kind: 'removed', dev: 'device-a', at: 3100 });
  });

  it('when both devices edit one account, the later write wins on both, and the other sees it', async () => {
    const { a, b, settle } = twoDevices();
    a.change(100, () => a.accounts.set('acc-1', leadping('work')));
    await a.sync(1000);
    await settle();

    // Both edit while apart: A at 2000, B later at 2500. A writes first; B's own write is later.
    a.change(2000, () => (a.accounts.get('acc-1')!.label = 'from A'));
    b.change(2500, () => (b.accounts.get('acc-1')!.label = 'from B'));
    await a.sync(2100);
    await b.sync(2600);
    await settle();
    expect(a.accounts.get('acc-1')!.label).toBe('from B');
    expect(b.accounts.get('acc-1')!.label).toBe('from B');

    // And the other way round: B's edit is older than A's write — A's stands on both.
    b.change(3000, () => (b.accounts.get('acc-1')!.label = 'older, from B'));
    a.change(3500, () => (a.accounts.get('acc-1')!.label = 'newer, from A'));
    await a.sync(3600);
    await b.sync(3700);
    await settle();
    expect(a.accounts.get('acc-1')!.label).toBe('newer, from A');
    expect(b.accounts.get('acc-1')!.label).toBe('newer, from A');
  });

  it('a removal is not brought back by a device that still holds an unchanged copy, nor by one that was away', async () => {
    const area = sharedArea();
    const a = memoryDevice('device-a', area);
    const b = memoryDevice('device-b', area);
    const c = memoryDevice('device-c', area);
    a.change(100, () => a.accounts.set('acc-1', leadping('work')));
    await a.sync(1000);
    await b.sync(1100);
    await c.sync(1200);
    expect(c.accounts.has('acc-1')).toBe(true);

    a.change(2000, () => a.accounts.delete('acc-1'));
    await a.sync(2100);
    // B syncs later, its copy unchanged: it is removed, not written back.
    await b.sync(3000);
    await b.sync(3100);
    expect(b.accounts.has('acc-1')).toBe(false);
    expect(area.data['account:acc-1']).toMatchObject({ kind: 'removed' });
    // C was away the whole time; it comes back with its copy: removed there too.
    await c.sync(50_000);
    expect(c.accounts.has('acc-1')).toBe(false);
    // A device turning sync on for the first time with an old copy: the removal wins too.
    const d = memoryDevice('device-d', area);
    d.accounts.set('acc-1', leadping('work'));
    await d.sync(60_000);
    expect(d.accounts.has('acc-1')).toBe(false);
    expect(area.data['account:acc-1']).toMatchObject({ kind: 'removed' });
  });

  it('fills the browser’s quota without going over it: what does not fit stays local and says why; nothing local is lost', async () => {
    const { area, a, b, settle } = twoDevices();
    // 20 definitions of about 7 kB each: 140 kB, more than the 102,400 bytes the browser allows.
    a.change(100, () => {
      for (let index = 0; index < 20; index += 1) {
        const id = `big-${String(index).padStart(2, '0')}`;
        a.definitions.set(id, { id, name: `Big ${index}`, body: 'x'.repeat(6_800 + index) });
      }
    });
    await a.sync(1000);
    await settle();
    const held = usage(area.data);
    expect(held.bytes).toBeLessThanOrEqual(SYNC_QUOTA.totalBytes);
    const staying = a.state.problems.map((problem) => problem.what);
    expect(staying.length).toBeGreaterThan(0);
    expect(staying.length + b.definitions.size).toBe(20);
    expect(a.state.problems[0]!.message).toContain('102400');
    // Every definition is still on A, and those that fit are on B.
    expect(a.definitions.size).toBe(20);
    expect(b.definitions.size).toBe(20 - staying.length);
  });

  it('cuts a long definition in parts and puts it together again; a shorter version leaves no part behind', async () => {
    const { area, a, b, settle } = twoDevices();
    a.change(100, () => a.definitions.set('long', { id: 'long', name: 'Long', body: 'y'.repeat(20_000) }));
    await a.sync(1000);
    await settle();
    expect(Object.keys(area.data).filter((key) => key.startsWith('definition:long#'))).toHaveLength(3);
    expect(b.definitions.get('long')!.body).toHaveLength(20_000);
    a.change(2000, () => (a.definitions.get('long')!.body = 'short'));
    await a.sync(2100);
    await settle();
    expect(Object.keys(area.data).filter((key) => key.startsWith('definition:long#'))).toEqual(['definition:long#0']);
    expect(b.definitions.get('long')!.body).toBe('short');
  });

  it('sets aside a damaged item from another device and reports it, never applying it', async () => {
    const { area, b } = twoDevices();
    area.data['account:evil'] = {
      kind: 'account',
      id: 'evil',
      provider: 'x',
      label: 'l'.repeat(5_000),
      settings: {},
      secretFields: [],
      createdAt: 1,
      rev: 1,
      dev: 'z',
      at: 1,
    };
    area.data['account:other'] = {
      kind: 'account',
      id: 'not-other',
      provider: 'x',
      label: 'x',
      settings: {},
      secretFields: [],
      createdAt: 1,
      rev: 1,
      dev: 'z',
      at: 1,
    };
    area.data['definition:cut'] = { kind: 'definition', parts: 2, length: 10, rev: 1, dev: 'z', at: 1 };
    await b.sync(1000);
    expect(b.accounts.size).toBe(0);
    expect(b.definitions.size).toBe(0);
    expect(b.state.problems.map((problem) => problem.key).sort()).toEqual(['account:evil', 'account:other', 'definition:cut']);
  });

  it('never writes an item that would carry one of the device’s secrets', async () => {
    const { area, a } = twoDevices();
    // A setting that holds the key itself (pasted in the wrong field): the item stays local.
    a.change(100, () =>
      a.accounts.set('acc-1', { ...leadping('work'), settings: { baseUrl: 'https://api.leadping.ai', note: 'lp_live_0123456789abcdef' } }),
    );
    await a.sync(1000);
    expect(area.data['account:acc-1']).toBeUndefined();
    expect(a.state.problems).toEqual([expect.objectContaining({ key: 'account:acc-1', message: expect.stringContaining('key or token') })]);
  });

  it('Remove synced copy takes out what this device wrote, and leaves the other device’s items', async () => {
    const { area, a, b, settle } = twoDevices();
    a.change(100, () => a.accounts.set('from-a', leadping('a')));
    b.change(100, () => b.accounts.set('from-b', leadping('b')));
    await a.sync(1000);
    await b.sync(1100);
    await settle();
    expect(await removeOwnCopy(area.areaFor('device-a'), 'device-a')).toBe(1);
    expect(Object.keys(area.data)).toEqual(['account:from-b']);
    expect(a.accounts.has('from-a')).toBe(true);
  });

  it('writes each round in one call, however many items changed (the browser counts write operations)', async () => {
    const { area, a } = twoDevices();
    a.change(100, () => {
      for (let index = 0; index < 30; index += 1) a.accounts.set(`acc-${index}`, leadping(`n${index}`, `lp_live_secret_${index}_abcdef`));
    });
    await a.sync(1000);
    expect(area.writes()).toBe(1);
    expect(Object.keys(area.data)).toHaveLength(30);
  });

  it('a definition nested past the stack’s depth is set aside alone; the rest of the round goes on', async () => {
    const { area, b } = twoDevices();
    // 27,000 levels in 54,000 characters (8 parts): JSON.parse takes it, JSON.stringify overflows.
    const deep = `${'['.repeat(27_000)}${']'.repeat(27_000)}`;
    const parts = Math.ceil(deep.length / 7_000);
    area.data['definition:deep'] = { kind: 'definition', parts, length: deep.length, rev: 1, dev: 'z', at: 1 };
    for (let index = 0; index < parts; index += 1) area.data[`definition:deep#${index}`] = deep.slice(index * 7_000, (index + 1) * 7_000);
    area.data['account:fine'] = { kind: 'account', id: 'fine', ...leadping('fine'), secretFields: ['token'], rev: 1, dev: 'z', at: 1 };
    delete (area.data['account:fine'] as { secrets?: unknown }).secrets;
    await b.sync(1000);
    expect(b.accounts.has('fine')).toBe(true);
    expect(b.state.problems.map((problem) => problem.key)).toEqual(['definition:deep']);
  });

  it('finds a secret anywhere before encoding: with a quote or backslash, of 4 characters, or across a definition’s parts', async () => {
    for (const secret of ['abc"defghij', 'a\\bcdefgh', 'k3y5']) {
      const { area, a } = twoDevices();
      a.change(100, () => a.accounts.set('acc-1', { ...leadping('work', secret), settings: { note: `pasted ${secret} here` } }));
      await a.sync(1000);
      expect(area.data['account:acc-1'], secret).toBeUndefined();
    }
    const { area, a } = twoDevices();
    const secret = 'SPLIT-SECRET-VALUE-0123456789';
    a.change(100, () => {
      a.accounts.set('acc-1', leadping('work', secret));
      a.definitions.set('d', { id: 'd', name: 'D', body: `${'p'.repeat(7_000 - 30)}${secret}` });
    });
    await a.sync(1000);
    expect(Object.keys(area.data).filter((key) => key.startsWith('definition:d'))).toEqual([]);
    expect(a.state.problems).toEqual([expect.objectContaining({ key: 'definition:d', message: expect.stringContaining('key or token') })]);
  });
});
