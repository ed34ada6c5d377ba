import { adapterFromDefinition } from '../../custom/adapter';
import { customProviderId } from '../../custom/definition';
import { toErrorInfo, WhoamiError } from '../../errors';
import { scrubSecrets } from '../../secrets';
import { accountsStore } from '../accounts-store';
import { definitionsStore } from '../definitions-store';
import type { Handlers } from '../router';
import { announceAccounts, type HandlerDeps, parseCredentials } from './context';

type DefinitionHandlers = Pick<Handlers, 'listDefinitions' | 'saveDefinition' | 'removeDefinition' | 'tryDefinition'>;

export function definitionHandlers({ platform, refresher }: HandlerDeps): DefinitionHandlers {
  return {
    listDefinitions: () => definitionsStore.read(),

    async saveDefinition({ definition }) {
      await definitionsStore.save(definition);
      // Accounts of this provider read their profile the new way from now on.
      announceAccounts(platform);
      return { definition };
    },

    async removeDefinition({ id }) {
      const { accounts } = await accountsStore.read();
      const users = accounts.filter((a) => a.account.provider === customProviderId(id));
      if (users.length > 0) {
        throw new WhoamiError('validation', {
          detail: `${users.length} account${users.length === 1 ? ' uses' : 's use'} this provider: remove ${users.length === 1 ? 'it' : 'them'} first`,
        });
      }
      return { removed: await definitionsStore.remove(id) };
    },

    /** Calls the endpoint as the definition says and shows both the raw answer and the mapping. */
    async tryDefinition({ definition, credentials }) {
      const adapter = adapterFromDefinition(definition);
      const parsed = parseCredentials(adapter, credentials);
      const raw = await refresher.callProvider(adapter, parsed, (ctx) => adapter.fetchRaw(parsed, ctx));
      try {
        return { raw: scrubSecrets(raw), profile: adapter.parseProfile(raw), error: null };
      } catch (error) {
        return { raw: scrubSecrets(raw), profile: null, error: toErrorInfo(error) };
      }
    },
  };
}
