import { isSealed, vault } from '../secrets/vault';
import { unreadableAccountsItem } from './items';

// A damaged account list is kept aside rather than overwritten, and may hold keys. To the
// passphrase lock it is one more holder of one secret, its whole JSON text: sealed with the
// lock on, opened with it off, emptied (and the copy removed) when the keys are forgotten.

export interface SetAsideHolder {
  secrets: { copy: string };
  /** Sealed under a key no passphrase gives (tampered), it stays so and blocks no lock change. */
  keptAsIs: true;
}

/** The set-aside list as a holder, opened when the key is at hand; null when there is none. */
export async function readSetAside(): Promise<SetAsideHolder | null> {
  const value = await unreadableAccountsItem.getValue();
  if (value === null || value === undefined) return null;
  const holder: SetAsideHolder = {
    secrets: { copy: typeof value === 'string' && isSealed(value) ? value : JSON.stringify(value) },
    keptAsIs: true,
  };
  await vault.open([holder]);
  return holder;
}

/** What to store for a closed holder: the sealed text, the list as it was (lock off), or null once forgotten. */
export function setAsideValue(holder: SetAsideHolder): unknown {
  const { copy } = holder.secrets;
  if (copy === '') return null;
  return isSealed(copy) ? copy : (JSON.parse(copy) as unknown);
}

/** Writes the holder back: sealed with the lock on, the list as it was with it off. */
export async function writeSetAside(holder: SetAsideHolder | null): Promise<void> {
  if (!holder) return;
  await vault.close([holder]);
  await unreadableAccountsItem.setValue(setAsideValue(holder));
}
