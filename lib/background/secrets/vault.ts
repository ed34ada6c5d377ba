import { defineItem } from '../storage/area';
import { base64ToBytes, bytesToBase64 } from '../../shared/base64';
import { WhoamiError } from '../../shared/errors';
import type { LockState } from '../../shared/model';
import { STORED } from '../../shared/storage';
import { z } from '../../shared/zod';
import { t } from '../../shared/i18n';
import { forgetCompiledSecrets } from './redact';

// The optional passphrase lock. With it on, every stored secret is an AES-GCM ciphertext (a fresh
// IV per value) under a key derived from the passphrase with PBKDF2-SHA-256. Neither the
// passphrase nor the key is ever in `local`: while unlocked the key is in `session` storage,
// which the browser empties when it closes (so a worker restart stays unlocked, a browser
// restart is locked), and in this worker's memory.

const SEALED_PREFIX = 'whoami-sealed:v1:';
/** OWASP's 2023 figure for PBKDF2-HMAC-SHA256. */
const KDF_ITERATIONS = 600_000;
const CHECK_TEXT = 'whoami-lock-check';

const lockConfigSchema = z.object({
  kdf: z.literal('PBKDF2-SHA-256'),
  iterations: z.int().check(z.minimum(100_000)),
  salt: z.string().check(z.minLength(16)),
  /** A known text sealed with the key: opening it proves a passphrase right. */
  check: z.string().check(z.startsWith(SEALED_PREFIX)),
});
type LockConfig = z.infer<typeof lockConfigSchema>;

const lockConfigItem = defineItem<unknown>(STORED.lock.key, { version: STORED.lock.version });
const sessionKeyItem = defineItem<string | null>(STORED.lockKey.key, { fallback: null, version: STORED.lockKey.version });

export const isSealed = (value: string): boolean => value.startsWith(SEALED_PREFIX);

async function deriveKey(passphrase: string, salt: Uint8Array, iterations: number): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    // Extractable only so the session copy can be written; it never goes to `local`.
    true,
    ['encrypt', 'decrypt'],
  );
}

async function seal(key: CryptoKey, plain: string, binding: string): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(binding) },
    key,
    new TextEncoder().encode(plain),
  );
  return `${SEALED_PREFIX}${bytesToBase64(iv)}:${bytesToBase64(new Uint8Array(data))}`;
}

/** The plain text of a sealed value; throws when the key or the binding is not the one it was sealed with. */
async function unseal(key: CryptoKey, sealed: string, binding: string): Promise<string> {
  const [iv, data] = sealed.slice(SEALED_PREFIX.length).split(':');
  const plain = await crypto.subtle.decrypt(
    { name: 'AES-GCM', iv: base64ToBytes(iv ?? '') as BufferSource, additionalData: new TextEncoder().encode(binding) },
    key,
    base64ToBytes(data ?? '') as BufferSource,
  );
  return new TextDecoder().decode(plain);
}

async function readConfig(): Promise<LockConfig | null> {
  const parsed = lockConfigSchema.safeParse(await lockConfigItem.getValue());
  return parsed.success ? parsed.data : null;
}

/** What a lock check value is bound to: nothing but itself. */
const CHECK_BINDING = 'whoami-lock-check';

/**
 * What a stored secret is bound to (AES-GCM's additional data): its account, provider, field
 * and the origin the account's requests go to. A sealed value moved to another account or
 * field, or left under a base URL changed behind the background's back, does not open, so it
 * is never sent anywhere but where it was saved for.
 */
function bindingOf(entry: unknown, field: string): string {
  const { id, provider, settings } = (entry ?? {}) as { id?: unknown; provider?: unknown; settings?: { baseUrl?: unknown } };
  const baseUrl = typeof settings?.baseUrl === 'string' ? settings.baseUrl : '';
  return JSON.stringify(['whoami-secret', id ?? null, provider ?? null, field, URL.canParse(baseUrl) ? new URL(baseUrl).origin : baseUrl]);
}

type SecretsMap = Record<string, unknown>;
const secretsOf = (entry: unknown): SecretsMap | null => {
  const secrets = (entry as { secrets?: unknown } | null)?.secrets;
  return secrets && typeof secrets === 'object' && !Array.isArray(secrets) ? (secrets as SecretsMap) : null;
};

/**
 * Gives each raw account entry a new secrets map, every string in it what `change` makes of it.
 * A new map, never the one read: that may be the storage layer's own object.
 */
async function mapSecrets(entries: unknown[], change: (value: string, binding: string) => Promise<string>): Promise<void> {
  await Promise.all(
    entries.map(async (entry) => {
      const secrets = secretsOf(entry);
      if (!secrets) return;
      const next: SecretsMap = {};
      for (const [name, value] of Object.entries(secrets)) {
        next[name] = typeof value === 'string' ? await change(value, bindingOf(entry, name)) : value;
      }
      (entry as { secrets: SecretsMap }).secrets = next;
    }),
  );
}

export type PassphraseCheck = 'right' | 'wrong';

/**
 * A lock operation's new state: what the holders are closed with, and the config written with
 * them in one storage call — so a browser that quits halfway leaves the old state or the new,
 * never keys sealed under a config that is gone. `committed` runs after that write.
 */
export interface Staged {
  config: LockConfig | null;
  key: CryptoKey | null;
  committed: () => Promise<void>;
}

/**
 * Writes every holder of stored secrets back: `prepare` runs before the read, `change` on the
 * holders as read (opened) and may stage a new lock state; all inside the accounts' write lock.
 */
export type Rewrite = (change: (holders: unknown[]) => Promise<Staged | void>, prepare?: () => Promise<void>) => Promise<void>;

/**
 * A value still sealed after opening means a key mismatch: re-sealing or decrypting now would
 * lose it. A holder marked `keptAsIs` (the set-aside copy of a damaged list, which nothing else
 * can repair) stays as it is instead of blocking the change.
 */
function refuseSealed(holders: unknown[]): void {
  const sealed = holders.some(
    (holder) =>
      !(holder as { keptAsIs?: boolean }).keptAsIs &&
      Object.values(secretsOf(holder) ?? {}).some((value) => typeof value === 'string' && isSealed(value)),
  );
  if (sealed) throw new WhoamiError('internal', { detail: t('background.lockCouldNotOpen') });
}

/** Whoami is locked: what needs a key waits for the passphrase. */
export function lockedError(): WhoamiError {
  return new WhoamiError('locked', { detail: t('background.lockedUnlockFirst') });
}

/** A stored key the open lock could not decrypt (changed or moved outside Whoami): typed again, it works. */
export function undecryptableKey(): WhoamiError {
  return new WhoamiError('unauthorized', { detail: t('background.secretUndecryptable') });
}

/** The lock's state and the key while unlocked. Session storage says which key, if any, is in use. */
function createVault() {
  let memory: { raw: string; key: CryptoKey } | null = null;
  // Binding and ciphertext → plain text under the key in use: each read of the accounts need not decrypt again.
  const opened = new Map<string, string>();
  // How many times the key has gone from this worker: work started before a closing sees it.
  let closings = 0;

  function forgetMemory(): void {
    closings += 1;
    memory = null;
    opened.clear();
    // The redaction net's compiled secrets are plain text too.
    forgetCompiledSecrets();
  }

  async function currentKey(): Promise<CryptoKey | null> {
    const raw = await sessionKeyItem.getValue();
    if (!raw) {
      if (memory) forgetMemory();
      return null;
    }
    if (memory?.raw !== raw) {
      opened.clear();
      memory = {
        raw,
        key: await crypto.subtle.importKey('raw', base64ToBytes(raw) as BufferSource, 'AES-GCM', true, ['encrypt', 'decrypt']),
      };
    }
    return memory.key;
  }

  async function keep(key: CryptoKey): Promise<void> {
    const raw = bytesToBase64(new Uint8Array(await crypto.subtle.exportKey('raw', key)));
    await sessionKeyItem.setValue(raw);
    opened.clear();
    memory = { raw, key };
  }

  async function drop(): Promise<void> {
    forgetMemory();
    await sessionKeyItem.removeValue();
  }

  /** The key a passphrase gives, if it is the right one. */
  async function keyFor(config: LockConfig, passphrase: string): Promise<CryptoKey | null> {
    const key = await deriveKey(passphrase, base64ToBytes(config.salt), config.iterations);
    try {
      return (await unseal(key, config.check, CHECK_BINDING)) === CHECK_TEXT ? key : null;
    } catch {
      return null;
    }
  }

  async function newConfig(passphrase: string): Promise<{ config: LockConfig; key: CryptoKey }> {
    const salt = crypto.getRandomValues(new Uint8Array(16));
    const key = await deriveKey(passphrase, salt, KDF_ITERATIONS);
    const config: LockConfig = {
      kdf: 'PBKDF2-SHA-256',
      iterations: KDF_ITERATIONS,
      salt: bytesToBase64(salt),
      check: await seal(key, CHECK_TEXT, CHECK_BINDING),
    };
    return { config, key };
  }

  return {
    /** Changes each time the lock closes (Lock now, idle, the key gone): cheap to compare, no storage read. */
    closings: (): number => closings,

    async state(): Promise<LockState> {
      if (!(await readConfig())) return 'off';
      return (await currentKey()) ? 'unlocked' : 'locked';
    },

    /**
     * The raw entries as read, their sealed secrets opened when the key is at hand (left sealed
     * when locked); says the lock's state it opened them under.
     */
    async open(entries: unknown[]): Promise<LockState> {
      if (!(await readConfig())) return 'off';
      const key = await currentKey();
      if (!key) return 'locked';
      const closingsAtStart = closings;
      await mapSecrets(entries, async (value, binding) => {
        if (!isSealed(value)) return value;
        const cacheKey = `${binding}\n${value}`;
        let plain = opened.get(cacheKey);
        if (plain === undefined) {
          // A value sealed under another key or binding (a damaged or tampered store) stays sealed: it is never sent.
          plain = await unseal(key, value, binding).catch(() => value);
          // Not kept if the lock closed while this read was decrypting: the cache went with the key.
          if (plain !== value && closings === closingsAtStart) opened.set(cacheKey, plain);
        }
        return plain;
      });
      return 'unlocked';
    },

    /** The raw entries as they are to be written: with the lock on (or staged on), every secret sealed. */
    async close(entries: unknown[], staged?: Staged): Promise<void> {
      const config = staged ? staged.config : await readConfig();
      if (!config) return;
      const key = staged ? staged.key : await currentKey();
      await mapSecrets(entries, async (value, binding) => {
        if (isSealed(value) || value === '') return value;
        if (!key) throw lockedError();
        return seal(key, value, binding);
      });
    },

    /** The storage write of a staged lock state, for the one call that also writes the accounts. */
    configWrite(staged: Staged): { key: `local:${string}`; value: LockConfig | null } {
      return { key: STORED.lock.key, value: staged.config };
    },

    /**
     * Turns the lock on: the accounts are sealed and written with the config; the key is kept
     * once both are. Refused when the lock is already on.
     */
    async turnOn(passphrase: string, rewrite: Rewrite): Promise<void> {
      if (await readConfig()) throw new WhoamiError('conflict', { detail: t('background.lockAlreadyOn') });
      const { config, key } = await newConfig(passphrase);
      await rewrite(
        async () => ({ config, key, committed: () => keep(key) }),
        async () => {
          if (await readConfig()) throw new WhoamiError('conflict', { detail: t('background.lockAlreadyOn') });
        },
      );
    },

    /** Unlocks; `reseal` then writes the accounts back, sealing any value a cut-off write left plain. */
    async unlock(passphrase: string, reseal: () => Promise<void>): Promise<PassphraseCheck> {
      const config = await readConfig();
      if (!config) return 'right';
      const key = await keyFor(config, passphrase);
      if (!key) return 'wrong';
      await keep(key);
      await reseal();
      return 'right';
    },

    async lock(): Promise<void> {
      await drop();
    },

    /** Re-seals every secret under a key from the new passphrase; nothing is written unless all opened. */
    async changePassphrase(current: string, next: string, rewrite: Rewrite): Promise<PassphraseCheck> {
      const config = await readConfig();
      if (!config) throw new WhoamiError('conflict', { detail: t('background.lockIsOff') });
      const oldKey = await keyFor(config, current);
      if (!oldKey) return 'wrong';
      const fresh = await newConfig(next);
      await rewrite(
        async (holders) => {
          refuseSealed(holders);
          return { config: fresh.config, key: fresh.key, committed: () => keep(fresh.key) };
        },
        () => keep(oldKey),
      );
      return 'right';
    },

    /** Decrypts every secret and forgets the passphrase; nothing is written unless all opened. */
    async turnOff(passphrase: string, rewrite: Rewrite): Promise<PassphraseCheck> {
      const config = await readConfig();
      if (!config) return 'right';
      const key = await keyFor(config, passphrase);
      if (!key) return 'wrong';
      await rewrite(
        async (holders) => {
          refuseSealed(holders);
          return { config: null, key: null, committed: drop };
        },
        () => keep(key),
      );
      return 'right';
    },

    /** Forgets the passphrase and the secrets it sealed: every secret of the accounts emptied. Only while locked. */
    async forget(rewrite: Rewrite): Promise<void> {
      if ((await this.state()) !== 'locked') throw new WhoamiError('conflict', { detail: t('background.lockNotClosed') });
      await rewrite(async (holders) => {
        await mapSecrets(holders, async () => '');
        return { config: null, key: null, committed: drop };
      });
    },
  };
}

/** The one vault of this worker. */
export const vault = createVault();
