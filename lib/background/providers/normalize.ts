import { invalidResponse } from '../../shared/errors';
import { type Profile, type ProfileDetail, profileSchema } from '../../shared/profile';
import { safeImageUrl } from '../../shared/safe-url';
import { clip as clipText, joinName, textOrNull } from '../../shared/text';
import { firstIssue } from '../../shared/zod-issues';
import { t } from '../../shared/i18n';

export { joinName, textOrNull } from '../../shared/text';

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

// A profile is a few lines in a popup: a provider's megabyte-long "address" is kept to a
// readable length, so no answer can bloat what is stored and painted.
const MAX_TEXT = 500;
const MAX_URL = 2_000;
const MAX_ROLES = 20;
const MAX_DETAILS = 40;

/** Profile text cut to a readable length (see `clip` in shared/text). */
export const clip = (text: string, max = MAX_TEXT): string => clipText(text, max);

const clipOrNull = (text: string | null, max = MAX_TEXT) => (text === null ? null : clip(text, max));

type DetailValue = string | number | boolean | null | undefined;

// No balance a person holds is this large: such a number is a provider's bug, not money.
const MAX_MONEY = 1e12;

let dollars: Intl.NumberFormat | undefined;

/** "$1,234.50", or null for an amount that can't be real (NaN, ±1.8e308…). */
export function money(amount: number | null | undefined): string | null {
  if (amount === null || amount === undefined || !Number.isFinite(amount) || Math.abs(amount) >= MAX_MONEY) return null;
  // One formatter for every amount: making one costs more than a hundred uses of it.
  return (dollars ??= new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' })).format(amount);
}

// What `isoOrNull` makes of a time: such a detail is marked so the views format it for people.
const NORMALIZED_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** Detail rows with nothing to say are left out, so the details section never shows blanks. */
export function details(rows: Array<[label: string, value: DetailValue]>): ProfileDetail[] {
  const out: ProfileDetail[] = [];
  for (const [label, value] of rows) {
    if (value === null || value === undefined) continue;
    const text = typeof value === 'boolean' ? (value ? t('details.yes') : t('details.no')) : String(value).trim();
    if (text === '' || out.length >= MAX_DETAILS) continue;
    out.push(
      NORMALIZED_TIME.test(text)
        ? { label: clip(label, 60), value: text, kind: 'datetime' }
        : { label: clip(label, 60), value: clip(text) },
    );
  }
  return out;
}

export type ProfileInput = Partial<Omit<Profile, 'provider' | 'displayName' | 'createdAt' | 'updatedAt' | 'sessionExpiresAt'>> & {
  /** The provider's own full name for the user, when it has one. */
  name?: string | null;
  /** ISO strings or epoch integers; `isoOrNull` normalizes both. */
  createdAt?: string | number | null;
  updatedAt?: string | number | null;
  sessionExpiresAt?: string | number | null;
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
    throw invalidResponse(t('background.noUser'));
  }
  const avatarUrl = safeImageUrl(input.avatarUrl);
  const candidate: Profile = {
    provider,
    id: clipOrNull(id),
    displayName: clip(displayName),
    firstName: clipOrNull(firstName),
    lastName: clipOrNull(lastName),
    username: clipOrNull(username),
    email: clipOrNull(email),
    emailVerified: input.emailVerified ?? null,
    phone: clipOrNull(textOrNull(input.phone)),
    avatarUrl: avatarUrl && avatarUrl.length <= MAX_URL ? avatarUrl : null,
    roles: (input.roles ?? [])
      .map(textOrNull)
      .filter((role): role is string => role !== null)
      .slice(0, MAX_ROLES)
      .map((role) => clip(role, 100)),
    organization: clipOrNull(textOrNull(input.organization)),
    plan: clipOrNull(textOrNull(input.plan)),
    trial: input.trial ?? null,
    createdAt: isoOrNull(input.createdAt),
    updatedAt: isoOrNull(input.updatedAt),
    sessionExpiresAt: isoOrNull(input.sessionExpiresAt),
    details: (input.details ?? []).slice(0, MAX_DETAILS).map((d) => ({ ...d, label: clip(d.label, 60), value: clip(d.value) })),
  };
  const checked = profileSchema.safeParse(candidate);
  if (!checked.success) throw invalidResponse(t('background.normalizedProfile', { issue: firstIssue(checked.error) }));
  return checked.data;
}
