import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DefinitionInput } from '../../../../lib/shared/custom/definition';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { backgroundHarness } from '../../../support/background-harness';
import { useMockProviders } from '../../../support/use-mock-providers';

// Found by the third look from outside (issue 23, 4): profile text was clipped to 500
// characters before the account's secrets were redacted, so a key echoed at the end of a long
// field was cut in two, no longer matched, and 18 of its 31 characters reached storage.local.
const mock = useMockProviders();

// A provider that refuses the key and quotes it at the end of a long message.
let server: http.Server;
let base = '';
beforeAll(async () => {
  server = http.createServer((req, res) => {
    const key = String(req.headers['x-api-key']);
    res.writeHead(401, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ message: `${'B'.repeat(300 - Math.ceil(key.length / 2))}${key}` }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Every stretch of `length` characters of the secret, to find a piece of it anywhere. */
const piecesOf = (secret: string, length = 10) => Array.from({ length: secret.length - length + 1 }, (_, i) => secret.slice(i, i + length));

async function storedPieces(secret: string): Promise<string[]> {
  const local = await fakeBrowser.storage.local.get();
  const text = JSON.stringify(Object.entries(local).filter(([key]) => key !== 'accounts'));
  return piecesOf(secret).filter((piece) => text.includes(piece));
}

describe('a key echoed at the end of a long profile field', () => {
  it('is redacted before the field is clipped', async () => {
    const bg = backgroundHarness(mock);
    const userId = mock.leadping.createUser();
    const credentials = mock.credentials('leadping', userId);
    const token = credentials.token!;
    // The token straddles the 500th character of the name (and of a long company name).
    const padding = 'A'.repeat(500 - Math.ceil(token.length / 2));
    Object.assign(mock.leadping.userData(userId)!, { name: `${padding}${token}`, business: { id: 'b', name: `${padding} ${token}` } });
    const account = await bg.send('addAccount', { provider: 'leadping', label: 'Echo', credentials });
    await bg.settle();
    const entry = await bg.send('getProfile', { accountId: account.id });
    expect(entry.profile?.displayName.length).toBeLessThanOrEqual(500);
    expect(entry.profile?.displayName.startsWith(padding)).toBe(true);
    const leaked = await storedPieces(token);
    console.log(`long field ending in a ${token.length}-character token: pieces of it in storage.local: ${leaked.length}`);
    expect(leaked).toEqual([]);
    expect(JSON.stringify(bg.events)).not.toContain(token.slice(0, 10));
  });

  it('is redacted before an error message is clipped', async () => {
    const bg = backgroundHarness(mock);
    const definition = {
      id: 'quoter',
      name: 'Quoter',
      baseUrl: base,
      path: '/me',
      method: 'GET',
      fields: [{ name: 'token', label: 'Token', secret: true }],
      auth: { type: 'header', name: 'X-Api-Key', value: '{token}' },
      envelope: '',
      profile: { id: 'id' },
      details: [],
    } as DefinitionInput;
    await bg.send('saveDefinition', { definition });
    const token = 'qk_live_0123456789abcdefghijklmnopqrstuv';
    const account = await bg.send('addAccount', { provider: 'custom:quoter', label: 'Quoter', credentials: { baseUrl: base, token } });
    await bg.settle();
    const entry = await bg.send('getProfile', { accountId: account.id });
    expect(entry.error?.kind).toBe('unauthorized');
    expect(entry.error?.providerMessage).toMatch(/^B+\[redacted\]$/);
    expect(await storedPieces(token)).toEqual([]);
  });
});
