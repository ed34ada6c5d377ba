import type { z } from '../../shared/zod';
import type { Profile } from '../../shared/profile';
import type { EditableField, ProfileChanges, ProviderDescriptor } from '../../shared/providers/types';
import type { ErrorBodyReader, HttpDeps } from '../network/http';

export type { ProfileChanges, ProviderDescriptor } from '../../shared/providers/types';

/** What the background gives a client to reach the network and the browser's cookie jar. */
export interface FetchContext extends HttpDeps {
  hasCookie(url: string, name: string): Promise<boolean>;
}

export interface FetchedProfile {
  profile: Profile;
  /** The provider's response with every secret removed, for the raw-JSON view. */
  raw: unknown;
}

/** A picture the user chose, checked against the provider's limits before it is sent. */
export interface AvatarFile {
  name: string;
  type: string;
  bytes: Uint8Array;
}

/**
 * The background half of a provider: its network calls and how it reads answers. Paired with
 * the provider's `ProviderDescriptor` (shared with the views) by `adapterOf`.
 */
export interface ProviderClient<C extends Record<string, string> = Record<string, string>> {
  readErrorBody: ErrorBodyReader;
  /** Reads an answer (already scrubbed of secrets) into the Profile. */
  parseProfile(body: unknown): Profile;
  fetchProfile(credentials: C, ctx: FetchContext): Promise<FetchedProfile>;
  update?: {
    /** The provider-shaped body, checked before anything is sent. */
    bodySchema: z.ZodMiniType;
    /** Rules across fields (a required name), checked before anything is sent: errors by field. */
    check?(changes: ProfileChanges, current: Profile): Record<string, string[]>;
    /**
     * Sends only the changed fields (or the full body a replace-like call needs) and answers the
     * profile as the provider now has it. Never retried: a repeated write could apply twice.
     */
    send(credentials: C, changes: ProfileChanges, current: Profile, ctx: FetchContext): Promise<FetchedProfile>;
  };
  /** Uploads a new picture and answers the profile as the provider now has it. Never retried. */
  uploadAvatar?(credentials: C, file: AvatarFile, ctx: FetchContext): Promise<FetchedProfile>;
}

interface ProfileUpdate<C> {
  fields: readonly EditableField[];
  bodySchema: z.ZodMiniType;
  check?(changes: ProfileChanges, current: Profile): Record<string, string[]>;
  send(credentials: C, changes: ProfileChanges, current: Profile, ctx: FetchContext): Promise<FetchedProfile>;
}

interface AvatarUpload<C> {
  maxBytes: number;
  types: readonly string[];
  upload(credentials: C, file: AvatarFile, ctx: FetchContext): Promise<FetchedProfile>;
}

/** A provider as the background uses it: both halves together. */
export interface ProviderAdapter<C extends Record<string, string> = Record<string, string>>
  extends Omit<ProviderDescriptor<C>, 'editableFields' | 'avatar'>, Omit<ProviderClient<C>, 'update' | 'uploadAvatar'> {
  update?: ProfileUpdate<C>;
  avatar?: AvatarUpload<C>;
}

/** Joins a provider's two halves; an edit or a picture needs both (the fields and the call). */
export function adapterOf<C extends Record<string, string>>(
  descriptor: ProviderDescriptor<C>,
  client: ProviderClient<C>,
): ProviderAdapter<C> {
  const { editableFields, avatar, ...described } = descriptor;
  const { update, uploadAvatar, ...reads } = client;
  return {
    ...described,
    ...reads,
    update: update && editableFields ? { ...update, fields: editableFields } : undefined,
    avatar: avatar && uploadAvatar ? { ...avatar, upload: uploadAvatar } : undefined,
  };
}
