import { storage } from './area';
import { emptyEntry, type ProfileEntry, profileEntrySchema } from '../../shared/model';
import { profileKey } from '../../shared/storage';
import { boundErrorInfo } from '../error-bounds';

// One key per account, so parallel refreshes never overwrite each other's entries. Entries
// hold no secret: the profile is normalized and the raw answer is scrubbed at parse time.
const keyOf = profileKey;

export const profileStore = {
  async get(accountId: string): Promise<ProfileEntry> {
    const parsed = profileEntrySchema.safeParse(await storage.getItem(keyOf(accountId)));
    // A damaged entry is only a cache: start over rather than fail.
    if (!parsed.success) return emptyEntry(accountId);
    // An error stored before errors were bounded (a provider's megabyte of detail) is cut down as it is read.
    const { error } = parsed.data;
    return error ? { ...parsed.data, error: boundErrorInfo(error) } : parsed.data;
  },

  async set(entry: ProfileEntry): Promise<void> {
    await storage.setItem(keyOf(entry.accountId), entry);
  },

  async remove(accountId: string): Promise<void> {
    await storage.removeItem(keyOf(accountId));
  },
};
