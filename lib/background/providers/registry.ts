import { CUSTOM_PREFIX, type ProviderDefinition } from '../../shared/custom/definition';
import { adapterFromDefinition } from '../custom/client';
import { isProviderId, providerIds, providers } from './index';
import type { ProviderAdapter } from './types';

/** Built-in providers plus the user's own definitions, looked up by provider id. */
export interface Registry {
  adapterFor(providerId: string): ProviderAdapter | undefined;
  /** Every provider an account can be added for, built-ins first. */
  all(): ProviderAdapter[];
}

export function createRegistry(definitions: readonly ProviderDefinition[]): Registry {
  const custom = new Map(definitions.map((d) => [`${CUSTOM_PREFIX}${d.id}`, adapterFromDefinition(d)]));
  return {
    adapterFor: (providerId) => (isProviderId(providerId) ? providers[providerId] : custom.get(providerId)),
    all: () => [...providerIds.map((id) => providers[id]), ...custom.values()],
  };
}
