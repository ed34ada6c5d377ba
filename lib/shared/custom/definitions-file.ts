import type { DefinitionsFile, ProviderDefinition } from './definition';

/** An export of provider definitions, in the file format an import reads back. */
export function definitionsFile(definitions: ProviderDefinition[]): DefinitionsFile {
  return { format: 'whoami-provider-definitions', version: 1, definitions };
}
