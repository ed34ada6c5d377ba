import { z } from '../../shared/zod';
import { invalidResponse } from '../../shared/errors';
import { scrubSecrets } from '../secrets/scrub';
import { firstIssue } from '../../shared/zod-issues';
import type { FetchedProfile } from './types';
import type { Profile } from '../../shared/profile';

// Provider schemas drift: every field is optional and nullable unless the provider promises
// otherwise, unknown fields pass, and enums are plain strings (known values are only hints).
export const optText = z.optional(z.nullable(z.string()));
export const optBool = z.optional(z.nullable(z.boolean()));
export const optNumber = z.optional(z.nullable(z.number()));
export const optTextList = z.optional(z.nullable(z.array(z.string())));

/** Parses a raw response or throws the invalid-response error naming the first failing path. */
export function parseRaw<T>(schema: z.ZodMiniType<T>, body: unknown): T {
  const result = schema.safeParse(body);
  if (!result.success) throw invalidResponse(firstIssue(result.error));
  return result.data;
}

/**
 * Scrub first, then map: what a mapping reads — a built-in parser or a user's expressions — is
 * the answer with its secrets already removed, so no mapping can carry one into a profile.
 */
export function fetched(parseProfile: (body: unknown) => Profile, body: unknown): FetchedProfile {
  const raw = scrubSecrets(body);
  return { profile: parseProfile(raw), raw };
}

/** Turns a provider's field name ("first_name", "FirstName", "$.phone") into a Profile field. */
function profileFieldName(providerField: string): string {
  const last =
    providerField
      .split(/[.[\]/]/)
      .filter(Boolean)
      .pop() ?? providerField;
  const compact = last.replaceAll(/[_-]/g, '').toLowerCase();
  const known: Record<string, string> = {
    firstname: 'firstName',
    lastname: 'lastName',
    username: 'username',
    phone: 'phone',
    phonenumber: 'phone',
    email: 'email',
    name: 'name',
  };
  return known[compact] ?? last;
}

export function addFieldError(errors: Record<string, string[]>, field: string, message: string): void {
  const key = profileFieldName(field);
  (errors[key] ??= []).push(message);
}
