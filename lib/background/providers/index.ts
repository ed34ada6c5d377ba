import { descriptors, type ProviderId } from '../../shared/providers';
import { chakraClient } from './chakra';
import { insightoClient } from './insighto';
import { leadpingClient } from './leadping';
import { adapterOf, type ProviderAdapter, type ProviderClient } from './types';
import { wachtClient } from './wacht';

export { isProviderId, providerIds, type ProviderId } from '../../shared/providers';

const register = <C extends Record<string, string>>(client: ProviderClient<C>) => client as unknown as ProviderClient;

/** The background half of each built-in provider, by the id of its descriptor. */
export const clients: Record<ProviderId, ProviderClient> = {
  insighto: register(insightoClient),
  wacht: register(wachtClient),
  leadping: register(leadpingClient),
  chakra: register(chakraClient),
};

/** Built-in providers with both halves, as the background uses them. */
export const providers = Object.fromEntries(
  Object.entries(descriptors).map(([id, descriptor]) => [id, adapterOf(descriptor, clients[id as ProviderId])]),
) as Record<ProviderId, ProviderAdapter>;
