import type { ProviderDescriptor } from './types';

/**
 * Where an account would connect, read from its non-secret settings alone (each checked by its
 * own field's schema): for an import preview, and for the form to see that a saved secret
 * would have to go somewhere new.
 */
export function destinationFromSettings(
  adapter: ProviderDescriptor,
  settings: Record<string, string>,
): { origin: string; host: string; origins: string[] } | null {
  const partial: Record<string, string> = {};
  for (const field of adapter.credentials.fields) {
    if (field.kind === 'secret') continue;
    const parsed = field.schema.safeParse(settings[field.name] ?? field.defaultValue ?? '');
    if (parsed.success) partial[field.name] = parsed.data;
  }
  try {
    const url = new URL(adapter.baseUrl(partial));
    return { origin: url.origin, host: url.host, origins: adapter.origins(partial) };
  } catch {
    return null;
  }
}
