import { chakra } from './chakra';
import { insighto } from './insighto';
import { leadping } from './leadping';
import type { ProviderDescriptor } from './types';
import { wacht } from './wacht';

/**
 * Descriptors are registered with their credential type erased: every caller parses stored or
 * typed credentials with the provider's own `credentials.schema` before using them.
 */
const register = <C extends Record<string, string>>(descriptor: ProviderDescriptor<C>) => descriptor as unknown as ProviderDescriptor;

/**
 * The one registry of built-in providers, as the views see them. Each has its background half
 * in `lib/background/providers/` under the same id (a test checks the two lists match, and that
 * each provider has its mock, seed fixture and tests: `npm run new-provider` makes them all).
 */
export const descriptors = {
  insighto: register(insighto),
  wacht: register(wacht),
  leadping: register(leadping),
  chakra: register(chakra),
};

export type ProviderId = keyof typeof descriptors;

export const providerIds = Object.keys(descriptors) as ProviderId[];

export function isProviderId(id: string): id is ProviderId {
  return Object.hasOwn(descriptors, id);
}
