import { adapterFromDefinition } from '../custom/client';
import { customProviderId, type ProviderDefinition } from '../../shared/custom/definition';
import { toErrorInfo, WhoamiError } from '../../shared/errors';
import { boundErrorInfo } from '../error-bounds';
import { scrubSecrets } from '../secrets/scrub';
import { vault } from '../secrets/vault';
import { accountsStore, countUsing, hideNewSecrets } from '../storage/accounts';
import { definitionsStore } from '../storage/definitions';
import type { Handlers } from '../router';
import { announceAccounts, type HandlerDeps, parseCredentials } from './context';
import { requireUnlocked } from './lock';
import { plural, t } from '../../shared/i18n';

type DefinitionHandlers = Pick<Handlers, 'listDefinitions' | 'saveDefinition' | 'removeDefinition' | 'tryDefinition'>;

const secretNames = (definition: ProviderDefinition) => definition.fields.filter((f) => f.secret).map((f) => f.name);

/** Secret fields of `before` that `after` drops, renames or makes visible. */
function secretsLost(before: ProviderDefinition, after: ProviderDefinition): string[] {
  const stillSecret = new Set(secretNames(after));
  return before.fields.filter((f) => f.secret && !stillSecret.has(f.name)).map((f) => f.label);
}

const accountsPhrase = (count: number) => plural('background.accountsUse', count);

export function definitionHandlers({ platform, refresher, permissions }: HandlerDeps): DefinitionHandlers {
  return {
    listDefinitions: () => definitionsStore.read(),

    async saveDefinition({ definition }) {
      const provider = customProviderId(definition.id);
      // Under the accounts' lock: no account can be added or changed between the check and the save.
      const baseUrlChanged = await accountsStore.mutate(
        async (entries) => {
          const previous = (await definitionsStore.read()).definitions.find((d) => d.id === definition.id);
          const users = countUsing(entries, provider);
          if (previous && users > 0) {
            // What is secret can't change under an account: its stored value would be shown.
            const lost = secretsLost(previous, definition);
            if (lost.length > 0) {
              const names = lost.map((label) => `“${label}”`).join(', ');
              throw new WhoamiError('validation', {
                detail: plural('background.keepSecret', users, { accounts: accountsPhrase(users), names }),
                fieldErrors: { fields: [t('background.mustStaySecret', { names })] },
              });
            }
          }
          hideNewSecrets(entries, provider, secretNames(definition));
          // Sealed before the definition is saved: while locked a newly secret value can't be,
          // and the refusal leaves both as they were.
          await vault.close(entries);
          return previous !== undefined && previous.baseUrl !== definition.baseUrl;
        },
        // The accounts are written first, their newly secret values hidden (and sealed): a write
        // cut off between the two leaves the old definition over hidden values, never the new
        // one over values still in plain settings.
        () => definitionsStore.save(definition),
      );
      if (baseUrlChanged) void permissions.prune();
      // Accounts of this provider read their profile the new way from now on.
      announceAccounts(platform);
      return { definition };
    },

    async removeDefinition({ id }) {
      const users = await accountsStore.countUsing(customProviderId(id));
      if (users > 0) {
        throw new WhoamiError('validation', { detail: plural('background.removeFirst', users, { accounts: accountsPhrase(users) }) });
      }
      const removed = await definitionsStore.remove(id);
      void permissions.prune();
      return { removed };
    },

    /** Calls the endpoint as the definition says and shows both the raw answer and the mapping. */
    async tryDefinition({ definition, credentials }) {
      // Nothing reaches a provider while locked — a browser-session definition would send cookies.
      await requireUnlocked();
      const adapter = adapterFromDefinition(definition);
      const parsed = parseCredentials(adapter, credentials);
      // Scrubbed before the mapping reads it, exactly as for a saved account.
      const raw = scrubSecrets(await refresher.callProvider(adapter, parsed, (ctx) => adapter.fetchRaw(parsed, ctx)));
      try {
        return { raw, profile: adapter.parseProfile(raw), error: null };
      } catch (error) {
        return { raw, profile: null, error: boundErrorInfo(toErrorInfo(error)) };
      }
    },
  };
}
