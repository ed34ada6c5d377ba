import { chakra } from './chakra';
import { insighto } from './insighto';
import { leadping } from './leadping';
import type { ProviderAdapter } from '../../shared/providers/types';
import { wacht } from './wacht';

/**
 * Adapters are registered with their credential type erased: every caller parses stored or
 * typed credentials with the adapter's own `credentials.schema` before using them.
 */
function register<C extends Record<string, string>>(adapter: ProviderAdapter<C>): ProviderAdapter {
  return adapter as unknown as ProviderAdapter;
}

/** The one registry of providers. A new provider is one file in this folder and one line here. */
export const providers = {
  insighto: register(insighto),
  wacht: register(wacht),
  leadping: register(leadping),
  chakra: register(chakra),
};

export type ProviderId = keyof typeof providers;

export const providerIds = Object.keys(providers) as ProviderId[];

export function isProviderId(id: string): id is ProviderId {
  return Object.hasOwn(providers, id);
}

