import { base64ToBytes } from '../../shared/base64';

const fromBase64Url = (segment: string) =>
  base64ToBytes(
    segment
      .replace(/-/g, '+')
      .replace(/_/g, '/')
      .padEnd(Math.ceil(segment.length / 4) * 4, '='),
  );

/** When a credential stops working, as read from the credential itself. */
export interface TokenExpiry {
  expiresAt: number;
  issuedAt: number | null;
}

// exp/iat are seconds since 1970 (RFC 7519 §4.1.4); anything outside these years is not a date.
const EARLIEST = Date.UTC(2000, 0, 1);
const LATEST = Date.UTC(2200, 0, 1);

function claimTime(value: unknown): number | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return null;
  const ms = value * 1000;
  return ms >= EARLIEST && ms <= LATEST ? ms : null;
}

function jsonSegment(segment: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(new TextDecoder().decode(fromBase64Url(segment)));
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/**
 * The `exp` (and `iat`) of a JSON Web Token, decoded here and never sent anywhere. The signature
 * is not checked: it says nothing the provider won't, and only the provider holds the key.
 * Anything that is not a JWT with a sensible `exp` gives null.
 */
export function jwtExpiry(value: string): TokenExpiry | null {
  const parts = value.trim().split('.');
  if (parts.length !== 3 || value.length > 16_384 || !parts.every((part) => /^[A-Za-z0-9_-]+$/.test(part))) return null;
  const header = jsonSegment(parts[0]!);
  if (!header || typeof header.alg !== 'string') return null;
  const payload = jsonSegment(parts[1]!);
  const expiresAt = claimTime(payload?.exp);
  return expiresAt === null ? null : { expiresAt, issuedAt: claimTime(payload?.iat) };
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Where an expiry was read: the token's own claims, or the provider's answer about the session. */
export type ExpirySource = 'token' | 'session';

/**
 * When an account's credential stops working — the earlier of what its token says and what the
 * provider last reported about the session or key — and the moment from which the user is warned.
 */
export function expiryWithWarning(
  secrets: Record<string, string>,
  warningDays: number,
  sessionExpiresAt: string | null = null,
): (TokenExpiry & { warnFrom: number; source: ExpirySource }) | null {
  const token = credentialExpiry(secrets);
  const reported = sessionExpiresAt === null ? NaN : Date.parse(sessionExpiresAt);
  const expiry: (TokenExpiry & { source: ExpirySource }) | null =
    Number.isFinite(reported) && (!token || reported < token.expiresAt)
      ? // Reported for an account that sends a key (GitHub's token-expiration header): the key's lifetime.
        { expiresAt: reported, issuedAt: null, source: Object.keys(secrets).length > 0 ? 'token' : 'session' }
      : token && { ...token, source: 'token' };
  return expiry && { ...expiry, warnFrom: expiry.expiresAt - warningDays * DAY_MS };
}

/** The earliest expiry among an account's secrets, when any of them is a JWT that says. */
export function credentialExpiry(secrets: Record<string, string>): TokenExpiry | null {
  let earliest: TokenExpiry | null = null;
  for (const secret of Object.values(secrets)) {
    const expiry = jwtExpiry(secret);
    if (expiry && (!earliest || expiry.expiresAt < earliest.expiresAt)) earliest = expiry;
  }
  return earliest;
}
