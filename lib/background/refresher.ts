import { type ErrorKind, toErrorInfo, WhoamiError } from '../shared/errors';
import { createHostLimiter } from './network/concurrency';
import type { ProfileEntry } from '../shared/model';
import type { FetchContext, FetchedProfile, ProviderAdapter } from './providers/types';
import { accountsStore, type ResolvedAccount } from './storage/accounts';
import { nextAttemptAt, TRANSIENT } from './backoff';
import { guardedCall } from './network/guard';
import { loadPicture } from './network/pictures';
import { capRaw } from './storage/raw-cap';
import type { Platform } from './platform';
import { profileStore } from './storage/profiles';
import { plural, t } from '../shared/i18n';
import { credentialExpiry, expiryWithWarning } from './secrets/token-expiry';
import { EXPIRY_WARNING_DAYS } from '../shared/limits';
import { settingsStore } from './storage/settings';
import { isSealed, lockedError, undecryptableKey, vault } from './secrets/vault';
import { settingsIncomplete } from './storage/accounts';
import { boundErrorInfo } from './error-bounds';
import { profileChanges, withChanges } from './changes';
import { changeLine } from '../shared/change-line';
import type { ProfileChange } from '../shared/model';

/** How eager a refresh is: the user asked, the alarm fired, or a view wants data this fresh. */
export type RefreshMode = { kind: 'force' } | { kind: 'due' } | { kind: 'max-age'; maxAgeMs: number };

/** Errors only the user can fix: they light up the toolbar badge. */
const NEEDS_USER: ReadonlySet<ErrorKind> = new Set([
  'unauthorized',
  'token-expired',
  'signed-out',
  'permission-missing',
  'settings-incomplete',
  'key-needed',
]);

/** The badge while the passphrase lock is closed. */
const LOCKED_BADGE = '🔒';

// A view opening after a transient failure may try again this soon, backoff or not.
const TRANSIENT_RETRY_MS = 30_000;

const isLocked = async (): Promise<boolean> => (await vault.state()) === 'locked';

export function needsUser(entry: ProfileEntry): boolean {
  return entry.error !== null && NEEDS_USER.has(entry.error.kind);
}

function shouldAttempt(entry: ProfileEntry, mode: RefreshMode, now: number): boolean {
  // The user's own Refresh always goes out, whatever the backoff or a provider's Retry-After.
  if (mode.kind === 'force') return true;
  const inBackoff = entry.nextAttemptAt !== null && entry.nextAttemptAt > now;
  if (mode.kind === 'due') return !inBackoff;
  const fresh = entry.error === null && entry.fetchedAt !== null && now - entry.fetchedAt < mode.maxAgeMs;
  if (fresh) return false;
  if (!inBackoff) return true;
  // …unless the provider said when to come back (a 503's Retry-After): then only the user's Refresh goes sooner.
  const error = entry.error;
  return error !== null && TRANSIENT.has(error.kind) && error.retryAfterSec === null && now - (entry.attemptedAt ?? 0) > TRANSIENT_RETRY_MS;
}

export function createRefresher(platform: Platform, maxPerHost = 4) {
  const limiter = createHostLimiter(maxPerHost);
  const inFlight = new Map<string, { generation: string; work: Promise<ProfileEntry> }>();
  const running = new Set<Promise<unknown>>();
  // Entries being written: Forget everything waits for these before it clears the storage.
  const saving = new Set<Promise<unknown>>();
  // Bumped when an account's profile or settings are written (an edit, new credentials): a
  // refresh that started before the write must not overwrite what the write brought. The epoch
  // is bumped when everything is forgotten: nothing started before it saves anything after.
  const generations = new Map<string, number>();
  let epoch = 0;
  const generationOf = (accountId: string) => `${epoch}:${generations.get(accountId) ?? 0}`;

  /** Remembers a task until it settles, so `idle()` can wait for all of them. */
  function track<T>(task: Promise<T>): Promise<T> {
    running.add(task);
    void task.finally(() => running.delete(task)).catch(() => undefined);
    return task;
  }

  /**
   * Every provider call goes through here: permission check first, then the guard that keeps the
   * call on the account's own origin and its secrets out of the answer; each HTTP exchange of
   * the call waits for its host's slot (the host limiter), the parsing after it does not.
   */
  async function callProvider<T>(
    adapter: ProviderAdapter,
    credentials: Record<string, string>,
    call: (ctx: FetchContext) => Promise<T>,
    /** A saved account's own secrets, redacted whatever its provider's definition now says. */
    storedSecrets: readonly string[] = [],
    /** An edit already sent finishes (its follow-up read included) if the lock closes meanwhile. */
    { finishIfLocked = false }: { finishIfLocked?: boolean } = {},
  ): Promise<T> {
    // A stored account whose secrets are sealed (the lock is closed) or were forgotten with the
    // passphrase has only its settings here: nothing goes out without its key.
    if (storedSecrets.some(isSealed)) throw lockedError();
    if (storedSecrets.some((secret) => secret === '')) throw new WhoamiError('unauthorized', { detail: t('background.secretForgotten') });
    const origins = adapter.origins(credentials);
    if (!(await platform.hasOrigins(origins))) {
      throw new WhoamiError('permission-missing', { detail: origins.join(', ') });
    }
    const host = new URL(adapter.baseUrl(credentials)).host;
    const closingsAtStart = vault.closings();
    return guardedCall(platform, adapter, credentials, call, platform.requestTimeoutMs, storedSecrets, (exchange) =>
      limiter.run(host, () => {
        // Lock now or the idle lock stops what is still waiting for its host's slot or for a
        // retry: a call started before it sends nothing more once the lock has closed.
        if (!finishIfLocked && vault.closings() !== closingsAtStart) throw lockedError();
        return exchange();
      }),
    );
  }

  /** A successful answer as a stored entry, with its picture fetched (or reused) by the background. */
  async function entryFor(
    accountId: string,
    fetched: FetchedProfile,
    previous: ProfileEntry,
    attemptedAt: number,
    /** false when the lock closed meanwhile: the picture waits for the next refresh, with the rest. */
    fetchPicture = true,
  ): Promise<ProfileEntry> {
    const source = fetched.profile.avatarUrl;
    const picture = !source ? null : fetchPicture ? await loadPicture(platform, source, previous.picture) : previous.picture;
    return {
      accountId,
      profile: fetched.profile,
      ...capRaw(fetched.raw),
      picture,
      fetchedAt: platform.now(),
      attemptedAt,
      error: null,
      failures: 0,
      nextAttemptAt: null,
      changes: previous.changes,
    };
  }

  async function attempt(resolved: ResolvedAccount, previous: ProfileEntry, generation: string): Promise<ProfileEntry> {
    const { account, adapter, credentials } = resolved;
    // Locked: the refresh waits for the passphrase; the last profile stays as it was.
    if (resolved.secretsUnavailable === 'locked') return previous;
    const now = platform.now();
    let entry: ProfileEntry;
    // Changes are announced once they are kept: not for an answer an edit has overtaken.
    let found: ProfileChange[] = [];
    const closingsAtStart = vault.closings();
    try {
      if (resolved.secretsUnavailable === 'undecryptable') throw undecryptableKey();
      if (resolved.settingsIncomplete) throw settingsIncomplete(resolved.settingsIncomplete);
      // Synced from another device: its key stays where it was typed, and nothing goes out without it.
      if (account.syncedIn && Object.values(account.secrets).some((secret) => secret === '')) throw new WhoamiError('key-needed');
      // A token that says it has expired is not sent: the answer would only be a rejection.
      const expiry = credentialExpiry(account.secrets);
      if (expiry && expiry.expiresAt <= now) throw new WhoamiError('token-expired');
      const fetched = await callProvider(
        adapter,
        credentials,
        (ctx) => adapter.fetchProfile(credentials, ctx),
        Object.values(account.secrets),
      );
      entry = await entryFor(account.id, fetched, previous, now, vault.closings() === closingsAtStart);
      found = profileChanges(previous.profile, fetched.profile, entry.fetchedAt!);
      entry = { ...entry, changes: withChanges(previous.changes, found) };
    } catch (thrown) {
      const error = toErrorInfo(thrown);
      // Locked while it waited its turn: it waits for the passphrase, as one started locked does.
      if (error.kind === 'locked') return previous;
      const failures = error.kind === 'permission-missing' ? previous.failures : previous.failures + 1;
      entry = { ...previous, attemptedAt: now, error, failures, nextAttemptAt: nextAttemptAt(error, failures, now) };
    }
    // Written to meanwhile (an edit landed, the settings changed): this answer is older news.
    if (generationOf(account.id) !== generation) return profileStore.get(account.id);
    const saved = await save(entry);
    void track(notifyChanges(account.id, account.label, found));
    // The account list carries the expiry the provider reports: a new one is the list's news.
    const reportedExpiry = (e: ProfileEntry) => e.profile?.sessionExpiresAt ?? null;
    if (reportedExpiry(saved) !== reportedExpiry(previous)) void track(platform.broadcast({ whoami: 'event', type: 'accounts' }));
    return saved;
  }

  /**
   * Stores and announces an entry (removeAccount waits for a running refresh to save first). When
   * storage is full it keeps the profile without its raw answer and picture; when even that
   * can't be written, the last stored entry stays, and the views are shown the new one, marked.
   */
  async function save(found: ProfileEntry, since: number = epoch): Promise<ProfileEntry> {
    // Work that began before Forget everything keeps what it brought to itself.
    if (since !== epoch) return found;
    const entry = found.error ? { ...found, error: boundErrorInfo(found.error) } : found;
    const writing = store(entry);
    saving.add(writing);
    try {
      return await writing;
    } finally {
      saving.delete(writing);
    }
  }

  async function store(entry: ProfileEntry): Promise<ProfileEntry> {
    let saved = entry;
    try {
      await profileStore.set(entry);
    } catch {
      saved = { ...entry, raw: undefined, rawCut: undefined, picture: null };
      try {
        await profileStore.set(saved);
      } catch (error) {
        saved = { ...entry, error: new WhoamiError('storage-full', { detail: error instanceof Error ? error.message : null }).info };
      }
    }
    // Views hear of it in their own time; the caller's answer doesn't wait for them.
    void track(platform.broadcast({ whoami: 'event', type: 'profile', entry: saved }));
    return saved;
  }

  /**
   * One refresh per account at a time: a second caller shares the first one's answer. Registered
   * before anything is read, so a removal can always wait for it (see `settled`).
   */
  function refresh(accountId: string, mode: RefreshMode, known?: ResolvedAccount): Promise<ProfileEntry> {
    const generation = generationOf(accountId);
    const running = inFlight.get(accountId);
    if (running?.generation === generation) return running.work;
    const work = (async () => {
      // One started before a write finishes first (and is set aside); this one reads afresh.
      if (running) await running.work.catch(() => undefined);
      const [account, previous] = await Promise.all([
        running ? accountsStore.get(accountId) : (known ?? accountsStore.get(accountId)),
        profileStore.get(accountId),
      ]);
      return shouldAttempt(previous, mode, platform.now()) ? attempt(account, previous, generation) : previous;
    })().finally(() => {
      if (inFlight.get(accountId)?.work === work) inFlight.delete(accountId);
    });
    inFlight.set(accountId, { generation, work });
    return work;
  }

  /** A notification for the changes in the fields the user picked, if any. */
  async function notifyChanges(accountId: string, label: string, found: ProfileChange[]): Promise<void> {
    if (found.length === 0) return;
    const picked = new Set((await settingsStore.read()).settings.notifyChanges ?? []);
    const lines = found.filter((change) => picked.has(change.field)).map(changeLine);
    if (lines.length === 0) return;
    // The values are the provider's words: always under the account's own label, never alone.
    await platform.notify({
      id: `changes:${accountId}:${found[0]!.seenAt}`,
      title: t('changes.notifyTitle', { account: label }),
      message: t('changes.notifyMessage', { account: label, changes: lines.join(' · ') }),
    });
  }

  async function updateBadge(): Promise<void> {
    if ((await vault.state()) === 'locked') {
      await platform.setBadge({ text: LOCKED_BADGE, title: t('background.badgeLocked') });
      return;
    }
    const { accounts } = await accountsStore.read();
    const [entries, { settings }] = await Promise.all([
      Promise.all(accounts.map((a) => profileStore.get(a.account.id))),
      settingsStore.read(),
    ]);
    // From the warning day on, a token about to expire needs the user too.
    const warningDays = settings.expiryWarningDays ?? EXPIRY_WARNING_DAYS.default;
    const expiring = (secrets: Record<string, string>, entry: ProfileEntry) =>
      (expiryWithWarning(secrets, warningDays, entry.profile?.sessionExpiresAt ?? null)?.warnFrom ?? Infinity) <= platform.now();
    const count = accounts.filter(({ account }, i) => needsUser(entries[i]!) || expiring(account.secrets, entries[i]!)).length;
    await platform.setBadge(
      count === 0
        ? { text: '', title: t('background.badgeTitle') }
        : { text: String(count), title: plural('background.badgeAttention', count) },
    );
  }

  return {
    callProvider,
    entryFor,
    save,
    updateBadge,
    refreshOne(accountId: string, mode: RefreshMode): Promise<ProfileEntry> {
      return track(
        (async () => {
          const entry = await refresh(accountId, mode);
          // The badge follows; the popup waiting for this profile does not wait for it.
          void track(updateBadge());
          return entry;
        })(),
      );
    },
    refreshAll(mode: RefreshMode): Promise<ProfileEntry[]> {
      return track(
        (async () => {
          const { accounts } = await accountsStore.read();
          const entries = await Promise.all(accounts.map((resolved) => refresh(resolved.account.id, mode, resolved)));
          await updateBadge();
          return entries;
        })(),
      );
    },
    /** Resolves once the account's running refresh, if any, has saved its entry. */
    async settled(accountId: string): Promise<void> {
      await inFlight.get(accountId)?.work.catch(() => undefined);
    },
    /** Marks the account written to: refreshes already running won't save over it. */
    invalidate(accountId: string): void {
      generations.set(accountId, (generations.get(accountId) ?? 0) + 1);
    },
    /** Which forgetting the work starting now belongs to: an edit passes it to `save`. */
    epoch: (): number => epoch,
    /**
     * Everything is being forgotten: no refresh or edit started before this saves anything from
     * now on; resolves once the entries already being written have landed.
     */
    async forgetAll(): Promise<void> {
      epoch += 1;
      generations.clear();
      while (saving.size > 0) await Promise.allSettled([...saving]);
    },
    /** Resolves once every refresh started so far has settled. */
    async idle(): Promise<void> {
      while (running.size > 0) await Promise.allSettled([...running]);
    },
    /**
     * After host permissions were revoked: mark the accounts that lost theirs at once, without
     * a request. After they were granted: fetch the accounts that were waiting for them.
     */
    async syncPermissions(): Promise<void> {
      const { accounts } = await accountsStore.read();
      await Promise.all(
        accounts.map(async (resolved) => {
          const { account, adapter, credentials } = resolved;
          const granted = await platform.hasOrigins(adapter.origins(credentials));
          const entry = await profileStore.get(account.id);
          const missing = entry.error?.kind === 'permission-missing';
          const picture = entry.picture;
          const pictureAllowed = picture?.state === 'needs-permission' && (await platform.hasOrigins([picture.origin]));
          if (!granted && !missing) {
            const error = new WhoamiError('permission-missing', { detail: adapter.origins(credentials).join(', ') }).info;
            await save({ ...entry, error, nextAttemptAt: null });
          } else if (granted && missing) {
            await refresh(account.id, { kind: 'force' }, resolved);
          } else if (pictureAllowed && entry.profile?.avatarUrl && !(await isLocked())) {
            // The user just allowed pictures from this host: fetch it, the profile is unchanged.
            await save({ ...entry, picture: await loadPicture(platform, entry.profile.avatarUrl, picture) });
          }
        }),
      );
      await updateBadge();
    },
    /** Fetches with credentials that are not saved, through the same checks and limits. */
    test(adapter: ProviderAdapter, credentials: Record<string, string>): Promise<FetchedProfile> {
      return callProvider(adapter, credentials, (ctx) => adapter.fetchProfile(credentials, ctx));
    },
    peaks: limiter.peaks,
  };
}

export type Refresher = ReturnType<typeof createRefresher>;
