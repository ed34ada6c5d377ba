import { useQuery } from '@tanstack/react-query';
import type { ProviderDefinition } from '../../lib/shared/custom/definition';
import { queryKeys } from '../../lib/views/query/keys';
import { request } from '../../lib/views/messaging';

/**
 * The user's own provider definitions, as the background keeps them (it checks each one on
 * every read). Listing them needs no schema; the forms check them again (see useRegistry).
 */
export function useDefinitions() {
  return useQuery({
    queryKey: queryKeys.definitions,
    queryFn: async () => {
      const { definitions, problems } = await request('listDefinitions', {});
      return { definitions: definitions as ProviderDefinition[], problems };
    },
  });
}
