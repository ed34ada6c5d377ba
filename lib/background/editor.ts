import { z } from '../shared/zod';
import { toErrorInfo, WhoamiError } from '../shared/errors';
import { createLock } from './lock';
import type { ProfileEntry } from '../shared/model';
import { editableFieldNameSchema, type EditableFieldName, type Profile } from '../shared/profile';
import { checkAvatar } from '../shared/avatar';
import type { AvatarFile, FetchContext, FetchedProfile, ProfileChanges } from './providers/types';
import { describeIssue } from '../shared/zod-issues';
import { accountsStore, type ResolvedAccount, settingsIncomplete } from './storage/accounts';
import { editsDoneItem, editsPendingItem } from './storage/items';
import { profileStore } from './storage/profiles';
import { lockedError, undecryptableKey } from './secrets/vault';
import type { Platform } from './platform';
import type { Refresher } from './refresher';
import { t } from '../shared/i18n';

// An edit in flight is written down before it is sent, in `session` storage, so a worker
// stopped mid-edit can tell on restart that an edit may or may not have landed — and check
// the provider instead of sending it again.
const pendingEditSchema = z.object({
  editId: z.string(),
  accountId: z.string(),
  changes: z.partialRecord(editableFieldNameSchema, z.string()),
  startedAt: z.number(),
});
type PendingEdit = z.infer<typeof pendingEditSchema>;

const DONE_KEPT = 100;

const withLock = createLock();

async function readPending(): Promise<PendingEdit[]> {
  const parsed = z.array(pendingEditSchema).safeParse(await editsPendingItem.getValue());
  return parsed.success ? parsed.data : [];
}

async function readDone(): Promise<string[]> {
  const parsed = z.array(z.string()).safeParse(await editsDoneItem.getValue());
  return parsed.success ? parsed.data : [];
}

function setPending(change: (edits: PendingEdit[]) => PendingEdit[]) {
  return withLock(async () => editsPendingItem.setValue(change(await readPending())));
}

/** Checks the typed values with the provider's rules and keeps only what really changed. */
function checkChanges(
  fields: ReadonlyArray<{ name: EditableFieldName; schema: z.ZodMiniType<string, string> }>,
  changes: ProfileChanges,
  current: Profile,
): ProfileChanges {
  const fieldErrors: Record<string, string[]> = {};
  const changed: ProfileChanges = {};
  for (const [name, value] of Object.entries(changes) as Array<[EditableFieldName, string]>) {
    const field = fields.find((f) => f.name === name);
    if (!field) {
      fieldErrors[name] = [t('background.fieldNotEditable')];
      continue;
    }
    const parsed = field.schema.safeParse(value);
    if (!parsed.success) {
      fieldErrors[name] = parsed.error.issues.map(describeIssue);
      continue;
    }
    if (parsed.data !== (current[name] ?? '')) changed[name] = parsed.data;
  }
  if (Object.keys(fieldErrors).length > 0) {
    throw new WhoamiError('validation', { detail: t('background.fieldsNeedFixing'), fieldErrors });
  }
  return changed;
}

export function createEditor(refresher: Refresher, platform: Pick<Platform, 'now'>) {
  const inFlight = new Map<string, Promise<ProfileEntry>>();

  /** A repeated message for the same write (a retry, a second click) shares the first one… */
  function once(accountId: string, editId: string, task: () => Promise<ProfileEntry>): Promise<ProfileEntry> {
    const running = inFlight.get(editId);
    if (running) return running;
    const work = (async () => {
      // …and one that arrives after it finished, or after a restart, is never sent again.
      const [pending, done] = await Promise.all([readPending(), readDone()]);
      if (done.includes(editId) || pending.some((p) => p.editId === editId)) return profileStore.get(accountId);
      return task();
    })().finally(() => inFlight.delete(editId));
    inFlight.set(editId, work);
    return work;
  }

  /** Sends one write, recorded as pending first so a worker restart can never repeat it. */
  async function write(
    accountId: string,
    editId: string,
    changes: ProfileChanges,
    resolved: ResolvedAccount,
    send: (ctx: FetchContext) => Promise<FetchedProfile>,
    options: { freshPicture?: boolean } = {},
  ): Promise<ProfileEntry> {
    await setPending((edits) => [...edits, { editId, accountId, changes, startedAt: platform.now() }]);
    // Forget everything while it was out: what the provider answers is not written back.
    const epoch = refresher.epoch();
    try {
      const result = await refresher.callProvider(resolved.adapter, resolved.credentials, send, Object.values(resolved.account.secrets), {
        finishIfLocked: true,
      });
      // What the provider answered to the write wins over any refresh that started before it.
      refresher.invalidate(accountId);
      const previous = await profileStore.get(accountId);
      // A new picture may sit at the same address as the old one: fetch it again.
      const saved = await refresher.entryFor(
        accountId,
        result,
        options.freshPicture ? { ...previous, picture: null } : previous,
        platform.now(),
      );
      await refresher.save(saved, epoch);
      await refresher.updateBadge();
      return saved;
    } catch (error) {
      // Rejections that mean the session or key is gone belong on the profile too.
      const info = toErrorInfo(error);
      if (info.kind === 'unauthorized' || info.kind === 'signed-out') {
        await refresher.save({ ...(await profileStore.get(accountId)), error: info, attemptedAt: platform.now() }, epoch);
        await refresher.updateBadge();
      }
      throw error;
    } finally {
      await withLock(async () => {
        await editsPendingItem.setValue((await readPending()).filter((p) => p.editId !== editId));
        await editsDoneItem.setValue([...(await readDone()), editId].slice(-DONE_KEPT));
      });
    }
  }

  /** An edit waits for the passphrase: refused before it is recorded, so the same edit can be sent once unlocked. */
  async function unlockedAccount(accountId: string): Promise<ResolvedAccount> {
    const resolved = await accountsStore.get(accountId);
    if (resolved.secretsUnavailable === 'locked') throw lockedError();
    if (resolved.secretsUnavailable === 'undecryptable') throw undecryptableKey();
    if (resolved.settingsIncomplete) throw settingsIncomplete(resolved.settingsIncomplete);
    return resolved;
  }

  function update(accountId: string, editId: string, changes: ProfileChanges): Promise<ProfileEntry> {
    return once(accountId, editId, async () => {
      const resolved = await unlockedAccount(accountId);
      const profileUpdate = resolved.adapter.update;
      if (!profileUpdate)
        throw new WhoamiError('unsupported', { detail: t('background.notEditable', { provider: resolved.adapter.name }) });
      const entry = await profileStore.get(accountId);
      const current = entry.profile;
      if (!current) throw new WhoamiError('not-found', { detail: t('background.loadBeforeEditing') });
      const changed = checkChanges(profileUpdate.fields, changes, current);
      if (Object.keys(changed).length === 0) return entry;
      const fieldErrors = profileUpdate.check?.(changed, current) ?? {};
      if (Object.keys(fieldErrors).length > 0)
        throw new WhoamiError('validation', { detail: t('background.fieldsNeedFixing'), fieldErrors });
      return write(accountId, editId, changed, resolved, (ctx) => profileUpdate.send(resolved.credentials, changed, current, ctx));
    });
  }

  function uploadAvatar(accountId: string, editId: string, file: AvatarFile): Promise<ProfileEntry> {
    return once(accountId, editId, async () => {
      const resolved = await unlockedAccount(accountId);
      const avatar = resolved.adapter.avatar;
      if (!avatar) throw new WhoamiError('unsupported', { detail: t('background.noPictureUpload', { provider: resolved.adapter.name }) });
      checkAvatar(avatar, file);
      return write(accountId, editId, {}, resolved, (ctx) => avatar.upload(resolved.credentials, file, ctx), { freshPicture: true });
    });
  }

  /**
   * After a restart, an edit still marked pending was cut off mid-flight: it may or may not
   * have reached the provider. Re-read the profile rather than send it twice.
   */
  async function recoverInterrupted(): Promise<PendingEdit[]> {
    const interrupted = await readPending();
    if (interrupted.length === 0) return [];
    await withLock(async () => {
      await editsPendingItem.setValue([]);
      await editsDoneItem.setValue([...(await readDone()), ...interrupted.map((p) => p.editId)].slice(-DONE_KEPT));
    });
    await Promise.all(interrupted.map((edit) => refresher.refreshOne(edit.accountId, { kind: 'force' }).catch(() => undefined)));
    return interrupted;
  }

  return { update, uploadAvatar, recoverInterrupted };
}

export type Editor = ReturnType<typeof createEditor>;
