import { describe, expect, it } from 'vitest';
import { describeError } from '../../../../lib/views/error-text';
import { expiryText } from '../../../../lib/views/expiry';

const NOW = Date.UTC(2026, 10, 23, 12);
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

describe('what a user reads about a token’s expiry', () => {
  it('reads "Token expires in 2 days", a warning from the warning day on', () => {
    const expiry = {
      expiresAt: NOW + 2 * DAY - 30_000,
      issuedAt: null,
      warnFrom: NOW + 2 * DAY - 30_000 - 3 * DAY,
      source: 'token',
    } as const;
    // The day is said too (issue 26): a warning names when, in the user's words and calendar.
    expect(expiryText(expiry, NOW)).toEqual({
      text: 'Token expires in 2 days',
      dated: 'Token expires in 2 days, on Nov 25',
      warn: true,
      expired: false,
    });
    expect(expiryText({ ...expiry, warnFrom: expiry.expiresAt - DAY }, NOW)).toMatchObject({
      text: 'Token expires in 2 days',
      warn: false,
    });
    expect(expiryText(null, NOW)).toBeNull();
  });

  it('reads "Token expired 3 hours ago" once past, and the error says what to do', () => {
    const expiry = { expiresAt: NOW - 3 * HOUR, issuedAt: null, warnFrom: NOW - 3 * HOUR - 3 * DAY, source: 'token' } as const;
    expect(expiryText(expiry, NOW)).toMatchObject({ text: 'Token expired 3 hours ago', warn: true, expired: true });
    const error = {
      kind: 'token-expired',
      status: null,
      providerMessage: null,
      detail: null,
      fieldErrors: {},
      retryAfterSec: null,
    } as const;
    const context = { providerName: 'Leadping', host: 'api.leadping.ai', tokenExpiresAt: expiry.expiresAt, now: NOW };
    expect(describeError(error, context)).toMatchObject({
      title: 'Token expired 3 hours ago, on Nov 23',
      action: { kind: 'edit-account', label: 'Replace token' },
    });
    expect(describeError(error, { ...context, inOptions: true })).toMatchObject({
      title: "Token expired 3 hours ago, on Nov 23 — type a new one in the account's settings",
      action: null,
    });
  });

  it('words an expiry the provider reported as the session’s', () => {
    const expiry = { expiresAt: NOW + 5 * DAY, issuedAt: null, warnFrom: NOW + 2 * DAY, source: 'session' } as const;
    expect(expiryText(expiry, NOW)).toMatchObject({
      text: 'Session expires in 5 days',
      dated: 'Session expires in 5 days, on Nov 28',
      warn: false,
    });
    expect(expiryText({ ...expiry, expiresAt: NOW - 2 * HOUR }, NOW)).toMatchObject({ text: 'Session expired 2 hours ago', warn: true });
  });
});
