import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { request } from '../../lib/views/messaging';
import { createDescriptorRegistry, type DescriptorRegistry } from '../../lib/shared/providers/registry';
import { queryKeys } from '../../lib/views/query/keys';
import { parseDefinitions } from '../../lib/views/definitions';

export function useDefinitions() {
  return useQuery({
    queryKey: queryKeys.definitions,
    queryFn: async () => {
      const { definitions, problems } = await request('listDefinitions', {});
      return { definitions: parseDefinitions(definitions), problems };
    },
  });
}

/** Built-in providers plus the user's own, for the options page's forms. */
export function useRegistry(): DescriptorRegistry {
  const definitions = useDefinitions().data?.definitions;
  return useMemo(() => createDescriptorRegistry(definitions ?? []), [definitions]);
}
