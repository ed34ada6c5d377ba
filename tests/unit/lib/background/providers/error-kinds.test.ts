import { describe, expect, it } from 'vitest';
import type { ErrorKind } from '../../../../../lib/shared/errors';
import { providerIds, providers } from '../../../../../lib/background/providers';
import type { FaultKind } from '../../../../mock-providers/faults';
import { useMockProviders } from '../../../../support/use-mock-providers';
import { mockContext, signedInWachtContext } from '../../../../support/mock-context';

// Every fault the mock providers inject, through each adapter's real fetchProfile over HTTP.
const expected: Array<[FaultKind, ErrorKind | 'ok', (id: string) => ErrorKind | 'ok']> = [
  ['401', 'unauthorized', (id) => (id === 'wacht' ? 'signed-out' : 'unauthorized')],
  ['403', 'forbidden', () => 'forbidden'],
  ['404', 'not-found', () => 'not-found'],
  ['422', 'validation', () => 'validation'],
  ['429', 'rate-limited', () => 'rate-limited'],
  ['500', 'server', () => 'server'],
  ['hang', 'timeout', () => 'timeout'],
  ['html-login', 'signed-out', () => 'signed-out'],
  ['bad-schema', 'invalid-response', () => 'invalid-response'],
  ['oversized', 'invalid-response', () => 'invalid-response'],
  ['reset', 'network', () => 'network'],
  ['slow', 'ok', () => 'ok'],
];

const mock = useMockProviders();

// Only a request that never answers gets a short timeout: on a loaded machine a real answer may
// take longer than any short limit, but a hang stays a hang.
async function contextFor(providerId: string, userId: string, fault?: FaultKind) {
  const ctx = providerId === 'wacht' ? await signedInWachtContext(mock, userId) : mockContext();
  return fault === 'hang' ? { ...ctx, timeoutMs: 300 } : ctx;
}

describe.each(providerIds)('%s error kinds over HTTP', (providerId) => {
  const adapter = providers[providerId];

  it.each(expected)('fault %s → %s', async (fault, _label, kindFor) => {
    const userId = mock[providerId].userIds()[0]!;
    const credentials = adapter.credentials.schema.parse(mock.credentials(providerId, userId));
    const ctx = await contextFor(providerId, userId, fault);
    mock.addFault({ provider: providerId, kind: fault, ms: 100 });
    const outcome = await adapter.fetchProfile(credentials, ctx).then(
      (result) => ({ kind: 'ok' as const, result }),
      (error) => ({ kind: error.info.kind as ErrorKind, info: error.info }),
    );
    expect(outcome.kind).toBe(kindFor(providerId));
    if (fault === '429' && 'info' in outcome) expect(outcome.info.retryAfterSec).toBe(30);
    if (fault === 'bad-schema' && 'info' in outcome) expect(outcome.info.detail).toMatch(/^[\w.[\]]+: /);
    if (fault === 'oversized' && 'info' in outcome) expect(outcome.info.detail).toMatch(/larger than 1000 kB/);
    if (fault === '500') expect(mock.requests.filter((r) => r.provider === providerId && r.method === 'GET')).toHaveLength(3);
    if (['401', '403', '404', '500'].includes(fault) && 'info' in outcome) {
      expect(outcome.info.providerMessage).toMatch(/injected fault/);
    }
    if (fault === '422' && 'info' in outcome) {
      expect(outcome.info.fieldErrors.phone).toEqual(['Phone is not a valid phone number (injected fault).']);
    }
  });

  it('reports a refused connection as a network error', async () => {
    const userId = mock[providerId].userIds()[0]!;
    const credentials = adapter.credentials.schema.parse({
      ...mock.credentials(providerId, userId),
      [providerId === 'wacht' ? 'deploymentUrl' : 'baseUrl']: 'http://127.0.0.1:9',
    });
    const ctx = { ...mockContext(), hasCookie: async () => true };
    const error = await adapter.fetchProfile(credentials, ctx).catch((e) => e);
    expect(error.info).toMatchObject({ kind: 'network', detail: 'could not connect to 127.0.0.1:9' });
  });

  it('waits out a short Retry-After and then succeeds', async () => {
    const userId = mock[providerId].userIds()[0]!;
    const credentials = adapter.credentials.schema.parse(mock.credentials(providerId, userId));
    const ctx = await contextFor(providerId, userId);
    const waits: number[] = [];
    mock.addFault({ provider: providerId, kind: '429', retryAfterSec: 2, times: 1 });
    const { profile } = await adapter.fetchProfile(credentials, { ...ctx, sleep: async (ms) => void waits.push(ms) });
    expect(profile.displayName).toBeTruthy();
    expect(waits).toEqual([2000]);
  });
});
