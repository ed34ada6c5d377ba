import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DefinitionInput } from '../../../../lib/shared/custom/definition';
import { backgroundHarness } from '../../../support/background-harness';
import { enforceQuota, storedBytes } from '../../../support/storage-quota';
import { useMockProviders } from '../../../support/use-mock-providers';

// Found by the third look from outside (issue 23, 2): a provider's error text was kept whole —
// five Leadping accounts answering 401 with a 900 kB `detail` put 4.5 MB in storage.local.
const mock = useMockProviders();
const CHROME_QUOTA = 10 * 1024 * 1024;
/** What fifty accounts' stored entries, settings and errors may take in all. */
const STATED_TOTAL = 500_000;
const HUGE = 'Your token was refused because '.padEnd(900_000, 'x');

let server: http.Server;
let base = '';
beforeAll(async () => {
  // 401 in each provider's own format, with a 900 kB text and thousands of field errors.
  server = http.createServer((req, res) => {
    const fieldErrors = Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`field${i}`, [HUGE.slice(0, 40), HUGE.slice(0, 40)]]));
    const body = req.url?.startsWith('/leadping')
      ? { type: 'about:blank', title: 'Unauthorized', status: 401, detail: HUGE, errors: fieldErrors }
      : { message: HUGE, errors: Array.from({ length: 200 }, (_, i) => ({ field: `f${i % 3}`, message: HUGE.slice(0, 400) })) };
    res.writeHead(401, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const loud: () => DefinitionInput = () =>
  ({
    id: 'loud',
    name: 'Loud',
    baseUrl: `${base}/custom`,
    path: '/me',
    method: 'GET',
    fields: [{ name: 'token', label: 'Token', secret: true }],
    auth: { type: 'header', name: 'Authorization', value: 'Bearer {token}' },
    envelope: '',
    profile: { id: 'id', name: 'name' },
    details: [],
  }) as DefinitionInput;

describe('provider error texts are bounded', () => {
  it('fifty accounts answering 900 kB errors stay under the stated total', async () => {
    enforceQuota(CHROME_QUOTA);
    const bg = backgroundHarness(mock);
    await bg.send('saveDefinition', { definition: loud() });
    for (let i = 0; i < 25; i++) {
      await bg.send('addAccount', {
        provider: 'leadping',
        label: `Leadping ${i}`,
        credentials: { baseUrl: `${base}/leadping`, token: `leadping-token-${i}-abcdefgh`, authStyle: 'bearer' },
      });
      await bg.send('addAccount', {
        provider: 'custom:loud',
        label: `Loud ${i}`,
        credentials: { baseUrl: `${base}/custom`, token: `loud-${i}-abcdefghij` },
      });
    }
    await bg.settle();
    const { entries } = await bg.send('refresh', {});
    expect(entries).toHaveLength(50);
    const stored = await storedBytes();
    console.log(`50 accounts answering 900 kB errors: ${stored} bytes in storage.local (stated total ${STATED_TOTAL})`);
    for (const entry of entries) {
      expect(entry.error?.kind).toBe('unauthorized');
      expect(entry.error!.providerMessage!.length).toBeLessThanOrEqual(300);
      expect(Object.keys(entry.error!.fieldErrors).length).toBeLessThanOrEqual(10);
      for (const messages of Object.values(entry.error!.fieldErrors)) {
        expect(messages.length).toBeLessThanOrEqual(3);
        expect(new Set(messages).size).toBe(messages.length);
      }
    }
    expect(stored).toBeLessThan(STATED_TOTAL);
    // What the views hear is as small: every profile event of the refresh together.
    expect(JSON.stringify(bg.events).length).toBeLessThan(STATED_TOTAL);
  }, 60_000);
});
