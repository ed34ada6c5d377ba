import type { AccountSummary } from '../model';
import { maskSecret } from '../secrets';
import type { ResolvedAccount } from './accounts-store';

/** An account as views may see it: every secret masked to its last four characters. */
export function summarize({ account, adapter }: ResolvedAccount): AccountSummary {
  const credentials = adapter.credentials.schema.parse(account.credentials);
  const secrets = new Set<string>(adapter.credentials.secretFields);
  const settings: Record<string, string> = {};
  const secretHints: Record<string, string> = {};
  for (const [name, value] of Object.entries(credentials)) {
    if (secrets.has(name)) secretHints[name] = maskSecret(value);
    else settings[name] = value;
  }
  return {
    id: account.id,
    provider: account.provider,
    providerName: adapter.name,
    label: account.label,
    settings,
    secretHints,
    origins: adapter.origins(credentials),
    host: new URL(adapter.baseUrl(credentials)).host,
    signInUrl: adapter.signInUrl?.(credentials) ?? null,
    editableFields: (adapter.update?.fields ?? []).map(({ name, label, input }) => ({ name, label, input })),
    avatarUpload: adapter.avatar ? { maxBytes: adapter.avatar.maxBytes, types: [...adapter.avatar.types] } : null,
    createdAt: account.createdAt,
  };
}
