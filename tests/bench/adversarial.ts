import { adapterFromDefinition } from '../../lib/background/custom/client';
import { definitionSchema } from '../../lib/shared/custom/definition';
import { providerIds, providers } from '../../lib/background/providers';
import { fetched } from '../../lib/background/providers/raw';
import type { ProviderAdapter } from '../../lib/background/providers/types';
import acme from '../fixtures/definitions/acme.json';
import { adversarialBodies, ENVELOPES } from '../fixtures/adversarial';

/**
 * The cost of the worst provider answer: for every provider (and a user-defined one) and every
 * adversarial 1 MB body, JSON.parse + scrub + map, `runs` times. Answers the per-body medians,
 * worst first — the same code the background runs, on the same engine (V8).
 */
export function benchAdversarial(runs: number): Array<{ name: string; times: number[] }> {
  const adapters: Record<string, ProviderAdapter> = {
    ...Object.fromEntries(providerIds.map((id) => [id, providers[id]])),
    'custom:acme': adapterFromDefinition(definitionSchema.parse(acme)),
  };
  const results: Array<{ name: string; times: number[] }> = [];
  for (const provider of Object.keys(ENVELOPES)) {
    for (const [name, body] of Object.entries(adversarialBodies(provider))) {
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        const started = performance.now();
        try {
          fetched(adapters[provider]!.parseProfile, JSON.parse(body));
        } catch {
          // An answer refused as unreadable costs its time too.
        }
        times.push(performance.now() - started);
      }
      results.push({ name: `${provider}: ${name}`, times });
    }
  }
  return results;
}
