// Shared code reads its messages: Node needs a stand-in for the browser's i18n API, loaded first.
import '../support/node-i18n';
import { adapterFromDefinition } from '../../lib/background/custom/client';
import { definitionSchema } from '../../lib/shared/custom/definition';
import { providerIds, providers } from '../../lib/background/providers';
import { fetched } from '../../lib/background/providers/raw';
import { redactKnownSecrets } from '../../lib/background/secrets/redact';
import type { ProviderAdapter } from '../../lib/background/providers/types';
import acme from '../fixtures/definitions/acme.json';
import { adversarialBodies, ENVELOPES } from '../fixtures/adversarial';

/** As many secrets as 100 stored accounts hold, sharing a prefix as one provider's keys do. */
const STORED_SECRETS = Array.from({ length: 200 }, (_, i) => `sk_live_${i.toString(36).padStart(4, '0')}${'x'.repeat(28)}`);

/**
 * The cost of the worst provider answer: for every provider (and a user-defined one) and every
 * adversarial 1 MB body, JSON.parse + scrub + map, then the redaction of every stored secret
 * from the result (the net on all that leaves the background), `runs` times. Answers the per-body medians,
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
          redactKnownSecrets(fetched(adapters[provider]!.parseProfile, JSON.parse(body)), STORED_SECRETS);
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
