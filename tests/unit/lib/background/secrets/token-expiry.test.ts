import { describe, expect, it } from 'vitest';
import { credentialExpiry, expiryWithWarning, jwtExpiry } from '../../../../../lib/background/secrets/token-expiry';

const b64 = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
const jwt = (payload: unknown, header: unknown = { alg: 'HS256', typ: 'JWT' }) => `${b64(header)}.${b64(payload)}.c2lnbmF0dXJl`;

describe('a token’s expiry, read from the token', () => {
  it('reads exp and iat (seconds) from a JWT, without its signature', () => {
    expect(jwtExpiry(jwt({ sub: 'u1', iat: 1_800_000_000, exp: 1_800_172_800 }))).toEqual({
      expiresAt: 1_800_172_800_000,
      issuedAt: 1_800_000_000_000,
    });
    expect(jwtExpiry(jwt({ exp: 1_800_172_800 }))).toEqual({ expiresAt: 1_800_172_800_000, issuedAt: null });
  });

  it('says nothing for what is not a JWT with a sensible exp', () => {
    for (const value of [
      'in-abcdef1234567890',
      'lp_live_abc.def',
      jwt({ sub: 'u1' }),
      jwt({ exp: '1800172800' }),
      jwt({ exp: 1e15 }),
      jwt({ exp: -5 }),
      jwt({ exp: 1_800_172_800 }, { typ: 'JWT' }),
      jwt([1, 2]),
      `${b64({ alg: 'none' })}.${b64('not json')}.x`,
      'a.b.c',
      `${jwt({ exp: 1_800_172_800 })}.extra`,
      `${jwt({ exp: 1_800_172_800 })}==`,
    ]) {
      expect(jwtExpiry(value)).toBeNull();
    }
  });

  it('takes the earliest expiry among an account’s secrets', () => {
    expect(credentialExpiry({ token: jwt({ exp: 1_900_000_000 }), refresh: jwt({ exp: 1_850_000_000 }), key: 'plain' })).toEqual({
      expiresAt: 1_850_000_000_000,
      issuedAt: null,
    });
    expect(credentialExpiry({ key: 'plain' })).toBeNull();
  });
});

describe('an expiry the provider reports', () => {
  it('is the key’s when the account sends one (GitHub’s token-expiration header), the session’s when it sends none (Wacht)', () => {
    const reported = '2026-12-18T10:00:00.000Z';
    expect(expiryWithWarning({ token: 'ghp_0123456789abcdefghij' }, 3, reported)).toMatchObject({
      source: 'token',
      expiresAt: Date.parse(reported),
    });
    expect(expiryWithWarning({}, 3, reported)).toMatchObject({ source: 'session', expiresAt: Date.parse(reported) });
  });
});
