import { descriptorFromDefinition } from '../custom/descriptor';
import { CUSTOM_PREFIX, type ProviderDefinition } from '../custom/definition';
import { descriptors, isProviderId, providerIds } from './index';
import type { ProviderDescriptor } from './types';

/** Built-in providers plus the user's own definitions, as the views see them. */
export interface DescriptorRegistry {
  descriptorFor(providerId: string): ProviderDescriptor | undefined;
  /** Every provider an account can be added for, built-ins first. */
  all(): ProviderDescriptor[];
}

export function createDescriptorRegistry(definitions: readonly ProviderDefinition[]): DescriptorRegistry {
  const custom = new Map(definitions.map((d) => [`${CUSTOM_PREFIX}${d.id}`, descriptorFromDefinition(d)]));
  return {
    descriptorFor: (providerId) => (isProviderId(providerId) ? descriptors[providerId] : custom.get(providerId)),
    all: () => [...providerIds.map((id) => descriptors[id]), ...custom.values()],
  };
}
