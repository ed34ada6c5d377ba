import { useMemo } from 'react';
import { createDescriptorRegistry, type DescriptorRegistry } from '../../lib/shared/providers/registry';
import { parseDefinitions } from '../../lib/views/definitions';
import { useDefinitions } from './definitions';

/** Built-in providers plus the user's own, for the account form (loaded with it). */
export function useRegistry(): DescriptorRegistry {
  const definitions = useDefinitions().data?.definitions;
  return useMemo(() => createDescriptorRegistry(parseDefinitions(definitions ?? [])), [definitions]);
}
