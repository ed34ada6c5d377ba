// Shared code reads its messages: Node needs a stand-in for the browser's i18n API, loaded first.
import '../support/node-i18n';
import { adapterFromDefinition } from '../../lib/background/custom/client';
import { definitionSchema } from '../../lib/shared/custom/definition';
import { providerIds, providers } from '../../lib/background/providers';
import { fetched } from '../../lib/background/providers/raw';
import { redactKnownSecrets } from '../../lib/background/secrets/redact';
import { capRaw } from '../../lib/background/storage/raw-cap';
import type { ProviderAdapter } from '../../lib/background/providers/types';
import acme from '../fixtures/definitions/acme.json';
import { adversarialBodies, ENVELOPES } from '../fixtures/adversarial';

/** As many secrets as 100 stored accounts hold, sharing a prefix as one provider's keys do. */
const STORED_SECRETS = Array.from({ length: 200 }, (_, i) => `sk_live_${i.toString(36).padStart(4, '0')}${'x'.repeat(28)}`);

/** The account the answer is for: its key, redacted from the answer before anything reads it. */
const ACCOUNT_SECRETS = [STORED_SECRETS[0]!];

/**
 * What the background does with one answer, in its order: JSON.parse, the account's own secrets
 * redacted (the HTTP layer), scrub and map (`fetched`), the account's secrets again on the result
 * (the guard), the raw answer cut to what is kept, then every stored secret redacted from what
 * leaves (the net on every message).
 */
function handleAnswer(parseProfile: ProviderAdapter['parseProfile'], text: string): unknown {
  const result = redactKnownSecrets(fetched(parseProfile, redactKnownSecrets(JSON.parse(text), ACCOUNT_SECRETS)), ACCOUNT_SECRETS);
  return redactKnownSecrets({ profile: result.profile, ...capRaw(result.raw) }, STORED_SECRETS);
}

/**
 * The cost of the worst provider answer: for every provider (and a user-defined one) and every
 * adversarial 1 MB body, the background's handling of it (above) and, alternating with it,
 * JSON.parse alone of the same text, `runs` times each — the same code the background runs, on
 * the same engine (V8). The ratio of the two medians is what the background adds per byte over
 * reading the answer at all, whatever the machine.
 */
export function benchAdversarial(runs: number): Array<{ name: string; times: number[]; parseTimes: number[] }> {
  const adapters: Record<string, ProviderAdapter> = {
    ...Object.fromEntries(providerIds.map((id) => [id, providers[id]])),
    'custom:acme': adapterFromDefinition(definitionSchema.parse(acme)),
  };
  const results: Array<{ name: string; times: number[]; parseTimes: number[] }> = [];
  for (const provider of Object.keys(ENVELOPES)) {
    for (const [name, body] of Object.entries(adversarialBodies(provider))) {
      const times: number[] = [];
      const parseTimes: number[] = [];
      for (let i = 0; i < runs; i++) {
        let started = performance.now();
        JSON.parse(body);
        parseTimes.push(performance.now() - started);
        started = performance.now();
        try {
          handleAnswer(adapters[provider]!.parseProfile, body);
        } catch {
          // An answer refused as unreadable costs its time too.
        }
        times.push(performance.now() - started);
      }
      results.push({ name: `${provider}: ${name}`, times, parseTimes });
    }
  }
  return results;
}
