import { describe, expect, it } from 'vitest';
import { adapterFromDefinition } from '../../../../../lib/background/custom/client';
import { definitionSchema } from '../../../../../lib/shared/custom/definition';
import { providerIds, providers } from '../../../../../lib/background/providers';
import { fetched } from '../../../../../lib/background/providers/raw';
import type { ProviderAdapter } from '../../../../../lib/background/providers/types';
import acme from '../../../../fixtures/definitions/acme.json';
import { adversarialBodies, ENVELOPES } from '../../../../fixtures/adversarial';

// No work on provider data may grow faster than linearly. A linear pass over 1 MB takes tens of
// milliseconds here; the quadratic URL check it replaces took 34 s on 150 kB. The bound below is
// far from both, so load on the machine can't make this fail, and a quadratic algorithm can't pass.
const BOUND_MS = 3_000;

const adapters: Record<string, ProviderAdapter> = {
  ...Object.fromEntries(providerIds.map((id) => [id, providers[id]])),
  'custom:acme': adapterFromDefinition(definitionSchema.parse(acme)),
};

function timed(text: string, parseProfile: (body: unknown) => unknown): { ms: number; outcome: string } {
  const start = performance.now();
  let outcome = 'ok';
  try {
    fetched(parseProfile as never, JSON.parse(text));
  } catch (error) {
    outcome = (error as { info?: { kind: string } }).info?.kind ?? String(error);
  }
  return { ms: performance.now() - start, outcome };
}

describe.each(Object.keys(ENVELOPES))('%s: a 1 MB adversarial answer is parsed, scrubbed and mapped in linear time', (id) => {
  const adapter = adapters[id]!;
  const bodies = adversarialBodies(id);

  it.each(Object.keys(bodies))('%s', (name) => {
    const body = bodies[name]!;
    expect(body.length).toBeGreaterThan(500_000);
    expect(body.length).toBeLessThanOrEqual(1_000_000 + 200);
    const { ms, outcome } = timed(body, adapter.parseProfile);
    // A profile, or a clear refusal of an answer Whoami can't read — never a hang or a crash.
    expect(['ok', 'invalid-response']).toContain(outcome);
    expect(ms).toBeLessThan(BOUND_MS);
  });
});
