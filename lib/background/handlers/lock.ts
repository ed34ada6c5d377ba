import { WhoamiError } from '../../shared/errors';
import type { LockState } from '../../shared/model';
import { t } from '../../shared/i18n';
import type { Handlers } from '../router';
import { lockedError, type PassphraseCheck, type Rewrite, vault } from '../secrets/vault';
import { accountsStore } from '../storage/accounts';
import { dropPersistedCache } from '../storage/view-cache';
import { announceAccounts, type HandlerDeps } from './context';

type LockHandlers = Pick<Handlers, 'turnOnLock' | 'unlock' | 'lockNow' | 'changePassphrase' | 'turnOffLock' | 'forgetSecrets'>;

/** A wrong passphrase, said on the field it was typed in. */
function wrongPassphrase(field: string): WhoamiError {
  const message = t('lock.wrong');
  return new WhoamiError('validation', { detail: message, fieldErrors: { [field]: [message] } });
}

/** Writes every stored secret back through the vault, which seals or opens them on the way. */
const rewriteAccounts: Rewrite = (change, prepare) => accountsStore.rewriteSecrets(change, prepare);

export function lockHandlers({ platform, refresher }: HandlerDeps): LockHandlers {
  /** Every view rereads the list (which carries the lock's state); the badge follows. */
  async function changed(): Promise<{ lock: LockState }> {
    announceAccounts(platform);
    await refresher.updateBadge();
    return { lock: await vault.state() };
  }

  const checked = (result: PassphraseCheck, field: string) => {
    if (result === 'wrong') throw wrongPassphrase(field);
  };

  return {
    async turnOnLock({ passphrase }) {
      await vault.turnOn(passphrase, rewriteAccounts);
      // With the lock on, views see no key characters at all; the popup's next open rebuilds it.
      await dropPersistedCache();
      return changed();
    },

    async unlock({ passphrase }) {
      checked(await vault.unlock(passphrase, () => rewriteAccounts(async () => undefined)), 'passphrase');
      const reply = await changed();
      // What waited for the passphrase goes out now.
      void refresher.refreshAll({ kind: 'due' }).catch(() => undefined);
      return reply;
    },

    async lockNow() {
      if ((await vault.state()) === 'off') throw new WhoamiError('conflict', { detail: t('background.lockIsOff') });
      // A request already sent finishes, and an edit already sent finishes whole; a refresh's
      // requests still waiting for a slot or a retry see the lock first and are not sent (refresher).
      // No account write (a re-seal, a new passphrase) is cut in half by the key going.
      await accountsStore.exclusive(() => vault.lock());
      return changed();
    },

    async changePassphrase({ current, next }) {
      checked(await vault.changePassphrase(current, next, rewriteAccounts), 'current');
      return changed();
    },

    async turnOffLock({ passphrase }) {
      checked(await vault.turnOff(passphrase, rewriteAccounts), 'passphrase');
      return changed();
    },

    async forgetSecrets() {
      await vault.forget(rewriteAccounts);
      return changed();
    },
  };
}

/** Adding or changing an account needs its secrets at hand: while locked, the user unlocks first. */
export async function requireUnlocked(): Promise<void> {
  if ((await vault.state()) === 'locked') throw lockedError();
}
