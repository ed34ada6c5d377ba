import { fakeBrowser } from 'wxt/testing/fake-browser';
import { describe, expect, it } from 'vitest';
import { bytesToBase64 } from '../../../../lib/shared/base64';
import { TINY_PNG } from '../../../fixtures/pictures';
import { useMockProviders } from '../../../support/use-mock-providers';
import { backgroundHarness } from '../../../support/background-harness';

const mock = useMockProviders();

async function withAccount(provider: 'insighto' | 'wacht' | 'leadping' | 'chakra') {
  const bg = backgroundHarness(mock);
  const account = await bg.addMockAccount(provider);
  await bg.settle();
  mock.requests.splice(0);
  return { bg, account };
}

const writes = () => mock.requests.filter((r) => r.method !== 'GET');

describe('updateProfile', () => {
  it('sends only what changed and stores the server’s answer', async () => {
    const { bg, account } = await withAccount('insighto');
    const entry = await bg.send('updateProfile', {
      accountId: account.id,
      editId: 'e1',
      changes: { firstName: 'Ada', lastName: 'King', phone: '+44 1' },
    });
    expect(entry.profile).toMatchObject({ firstName: 'Ada', lastName: 'King', phone: '+44 1' });
    expect(writes()).toHaveLength(1);
    expect(JSON.parse(writes()[0]!.body)).toEqual({ last_name: 'King', phone: '+44 1' });
    expect(mock.insighto.userData(mock.insighto.userIds()[0]!)).toMatchObject({ last_name: 'King' });
  });

  it('checks every field with the provider’s rules before sending anything', async () => {
    const { bg, account } = await withAccount('insighto');
    const error = await bg
      .send('updateProfile', { accountId: account.id, editId: 'e1', changes: { phone: 'call me', username: 'ada' } })
      .catch((e) => e);
    expect(error.info).toMatchObject({
      kind: 'validation',
      fieldErrors: {
        phone: ['Phone may hold digits, spaces, +, -, . and parentheses only'],
        username: ['This provider does not let Whoami change this field'],
      },
    });
    expect(writes()).toHaveLength(0);
  });

  it('never sends the same save twice', async () => {
    const { bg, account } = await withAccount('chakra');
    await Promise.all([
      bg.send('updateProfile', { accountId: account.id, editId: 'same', changes: { firstName: 'Mae' } }),
      bg.send('updateProfile', { accountId: account.id, editId: 'same', changes: { firstName: 'Mae' } }),
    ]);
    await bg.send('updateProfile', { accountId: account.id, editId: 'same', changes: { firstName: 'Mae' } });
    expect(writes()).toHaveLength(1);
  });

  it('keeps the profile as it was when the provider refuses, with field errors for the form', async () => {
    const { bg, account } = await withAccount('wacht');
    const error = await bg
      .send('updateProfile', { accountId: account.id, editId: 'e1', changes: { username: 'margaret' } })
      .catch((e) => e);
    expect(error.info).toMatchObject({ kind: 'validation', fieldErrors: { username: ['Username already exists'] } });
    expect((await bg.send('getProfile', { accountId: account.id })).profile?.username).toBe('linus');
  });

  it('marks the profile when an edit finds the session gone', async () => {
    const { bg, account } = await withAccount('wacht');
    mock.addFault({ provider: 'wacht', kind: '401', methods: ['POST'] });
    const error = await bg.send('updateProfile', { accountId: account.id, editId: 'e1', changes: { firstName: 'L' } }).catch((e) => e);
    expect(error.info.kind).toBe('signed-out');
    const entry = await bg.send('getProfile', { accountId: account.id });
    expect(entry.error?.kind).toBe('signed-out');
    expect(entry.profile?.firstName).toBe('Linus');
    expect(bg.badge()).toBe('1');
  });

  it('after a restart, re-reads an interrupted edit instead of sending it again', async () => {
    const { account } = await withAccount('leadping');
    // What a worker stopped mid-edit leaves behind.
    await fakeBrowser.storage.session.set({
      'edits-pending': [{ editId: 'cut', accountId: account.id, changes: { firstName: 'Kat' }, startedAt: 1 }],
    });
    const restarted = backgroundHarness(mock);
    const recovered = await restarted.core.editor.recoverInterrupted();
    expect(recovered.map((e) => e.editId)).toEqual(['cut']);
    expect(writes()).toHaveLength(0);
    expect(mock.requests.filter((r) => r.method === 'GET')).toHaveLength(1);
    // The same save arriving late is not sent either.
    await restarted.send('updateProfile', { accountId: account.id, editId: 'cut', changes: { firstName: 'Kat' } });
    expect(writes()).toHaveLength(0);
  });
});

describe('uploadAvatar', () => {
  it('checks type and size before sending, sends once, and stores the new picture', async () => {
    const { bg, account } = await withAccount('wacht');
    const send = (editId: string, type: string, bytes: Uint8Array) =>
      bg.send('uploadAvatar', { accountId: account.id, editId, file: { name: 'me', type, data: bytesToBase64(bytes) } });
    const wrongType = await send('a1', 'image/svg+xml', TINY_PNG).catch((e) => e);
    expect(wrongType.info).toMatchObject({ kind: 'validation', detail: 'Use a PNG, JPEG, WEBP, GIF image' });
    const tooBig = await send('a2', 'image/png', new Uint8Array(2_000_001)).catch((e) => e);
    expect(tooBig.info.detail).toBe('The picture must be at most 2 MB');
    expect(writes()).toHaveLength(0);

    const [entry] = await Promise.all([send('a3', 'image/png', TINY_PNG), send('a3', 'image/png', TINY_PNG)]);
    expect(entry.profile?.avatarUrl).toMatch(/\/picture\/.+\?v=1$/);
    await send('a3', 'image/png', TINY_PNG);
    expect(writes().filter((r) => r.path === '/me/profile-picture')).toHaveLength(1);
  });

  it('refuses providers that take no picture', async () => {
    const { bg, account } = await withAccount('leadping');
    const refused = await bg
      .send('uploadAvatar', { accountId: account.id, editId: 'x', file: { name: 'me', type: 'image/png', data: bytesToBase64(TINY_PNG) } })
      .catch((e) => e);
    expect(refused.info).toMatchObject({ kind: 'unsupported' });
  });
});
