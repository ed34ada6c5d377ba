import { invalidResponse } from './errors';
import { type Profile, type ProfileDetail, profileSchema } from './profile';
import { safeImageUrl } from './safe-url';
import { joinName, textOrNull } from './text';
import { firstIssue } from './zod-issues';

export { joinName, textOrNull } from './text';

// Below this an integer timestamp is in seconds: 1e11 s is the year 5138, 1e11 ms is 1973.
const SECONDS_LIMIT = 1e11;

/** ISO 8601 from an ISO string or an epoch integer (seconds or milliseconds, by magnitude). */
export function isoOrNull(value: unknown): string | null {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value <= 0) return null;
    const ms = Math.abs(value) < SECONDS_LIMIT ? value * 1000 : value;
    const date = new Date(ms);
    return Number.isNaN(date.getTime()) ? null : date.toISOString();
  }
  const raw = textOrNull(value);
  if (raw === null) return null;
  const date = new Date(raw);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}


type DetailValue = string | number | boolean | null | undefined;

/** Detail rows with nothing to say are left out, so the details section never shows blanks. */
export function details(rows: Array<[label: string, value: DetailValue]>): ProfileDetail[] {
  const out: ProfileDetail[] = [];
  for (const [label, value] of rows) {
    if (value === null || value === undefined) continue;
    const text = typeof value === 'boolean' ? (value ? 'Yes' : 'No') : String(value).trim();
    if (text !== '') out.push({ label, value: text });
  }
  return out;
}

export type ProfileInput = Partial<Omit<Profile, 'provider' | 'displayName' | 'createdAt' | 'updatedAt'>> & {
  /** The provider's own full name for the user, when it has one. */
  name?: string | null;
  /** ISO strings or epoch integers; `isoOrNull` normalizes both. */
  createdAt?: string | number | null;
  updatedAt?: string | number | null;
};

/**
 * Completes and checks a profile: derives the display name, keeps only safe avatar URLs, and
 * refuses a response that identifies nobody, whatever the provider's docs mark nullable.
 */
export function buildProfile(provider: string, input: ProfileInput): Profile {
  const id = textOrNull(input.id);
  const firstName = textOrNull(input.firstName);
  const lastName = textOrNull(input.lastName);
  const username = textOrNull(input.username);
  const email = textOrNull(input.email);
  const name = textOrNull(input.name) ?? joinName(firstName, lastName);
  const displayName = name ?? username ?? email ?? id;
  if (displayName === null) {
    throw invalidResponse('the response identifies no user (no id, name, username or email)');
  }
  const candidate: Profile = {
    provider,
    id,
    displayName,
    firstName,
    lastName,
    username,
    email,
    emailVerified: input.emailVerified ?? null,
    phone: textOrNull(input.phone),
    avatarUrl: safeImageUrl(input.avatarUrl),
    roles: (input.roles ?? []).map(textOrNull).filter((role): role is string => role !== null),
    organization: textOrNull(input.organization),
    plan: textOrNull(input.plan),
    trial: input.trial ?? null,
    createdAt: isoOrNull(input.createdAt),
    updatedAt: isoOrNull(input.updatedAt),
    details: input.details ?? [],
  };
  const checked = profileSchema.safeParse(candidate);
  if (!checked.success) throw invalidResponse(`normalized profile: ${firstIssue(checked.error)}`);
  return checked.data;
}
