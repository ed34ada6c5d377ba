import { originPattern } from '../shared/base-url';
import { createLock } from './lock';
import { accountsStore } from './storage/accounts';
import { definitionsStore } from './storage/definitions';
import type { Platform } from './platform';
import { pictureOrigin } from './network/pictures';
import { profileStore } from './storage/profiles';

/**
 * Host permissions follow the accounts: when no account, its picture, or a provider definition
 * uses a host any more, Whoami gives its permission back. A host is never kept "just in case".
 */
export function createPermissionKeeper(platform: Platform) {
  const withLock = createLock();

  async function usedOrigins(): Promise<Set<string>> {
    const [{ accounts }, { definitions }] = await Promise.all([accountsStore.read(), definitionsStore.read()]);
    const used = new Set<string>();
    for (const { adapter, credentials, account } of accounts) {
      for (const origin of adapter.origins(credentials)) used.add(origin);
      const picture = pictureOrigin((await profileStore.get(account.id)).picture);
      if (picture) used.add(picture);
    }
    for (const definition of definitions) used.add(originPattern(definition.baseUrl));
    return used;
  }

  return {
    usedOrigins,
    /** Removes every granted host permission nothing uses; answers what was removed. */
    prune(): Promise<string[]> {
      return withLock(async () => {
        const [granted, used] = await Promise.all([platform.grantedOrigins(), usedOrigins()]);
        const unused = granted.filter((origin) => !used.has(origin));
        await platform.removeOrigins(unused);
        return unused;
      });
    },
  };
}

export type PermissionKeeper = ReturnType<typeof createPermissionKeeper>;
