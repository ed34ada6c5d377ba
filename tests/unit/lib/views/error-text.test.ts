import { describe, expect, it } from 'vitest';
import { describeError } from '../../../../lib/views/error-text';
import { type ErrorKind, WhoamiError } from '../../../../lib/shared/errors';
import { errorKinds } from '../../../../lib/shared/error-schema';

const context = { providerName: 'Insighto', host: 'api.insighto.ai' };
const info = (kind: ErrorKind, init = {}) => new WhoamiError(kind, init).info;

describe('describeError', () => {
  it('has words and, where the user can act, an action for every error kind', () => {
    for (const kind of errorKinds) {
      const text = describeError(info(kind), context);
      expect(text.title.length, kind).toBeGreaterThan(10);
    }
  });

  it('says what to do about a rejected key, and where; the provider’s words are the technical part', () => {
    expect(describeError(info('unauthorized', { providerMessage: 'Invalid API key', status: 401 }), context)).toEqual({
      title: 'Insighto refused your token',
      detail: 'Insighto said: “Invalid API key”',
      advice: null,
      technical: 'Insighto said: “Invalid API key”',
      action: { kind: 'edit-account', label: 'Update token' },
    });
    expect(describeError(info('unauthorized'), { ...context, inOptions: true })).toEqual({
      title: 'Key rejected',
      detail: null,
      advice: null,
      technical: null,
      action: null,
    });
  });

  it('keeps advice for people apart from the technical part', () => {
    const text = describeError(info('network', { detail: 'TypeError: Failed to fetch' }), context);
    expect(text).toMatchObject({ advice: 'Check your connection.', technical: 'TypeError: Failed to fetch.' });
    expect(text.detail).toBe('Check your connection. TypeError: Failed to fetch.');
  });

  // In the options page the settings sit above the line that says so (the account form, Try it).
  it('points a wrong path at the settings above it, in the options page', () => {
    expect(describeError(info('not-found'), { ...context, inOptions: true }).title).toBe('Not found — check the settings above');
  });

  it('sends a signed-out Wacht user to sign in at their deployment', () => {
    const text = describeError(info('signed-out'), {
      providerName: 'Wacht',
      host: 'acme.wacht.services',
      signInUrl: 'https://acme.wacht.services',
    });
    expect(text.title).toBe('Signed out of Wacht — sign in at acme.wacht.services');
    expect(text.action).toEqual({ kind: 'sign-in', label: 'Sign in at acme.wacht.services', url: 'https://acme.wacht.services' });
  });

  it('counts down a rate limit from the next attempt', () => {
    const text = describeError(info('rate-limited', { retryAfterSec: 30 }), { ...context, nextAttemptAt: 10_000, now: 0 });
    expect(text.title).toBe('Rate limited — retrying in 10 seconds');
    expect(describeError(info('rate-limited', { retryAfterSec: 30 }), context).title).toBe('Rate limited — retrying in 30 seconds');
    // Hours are said in hours, not as 10796 s.
    const hours = describeError(info('rate-limited', { retryAfterSec: 10_800 }), { ...context, nextAttemptAt: 10_796_000, now: 0 });
    expect(hours.title).toBe('Rate limited — retrying in 3 hours');
  });

  it('says when a provider that asked to wait (a 503 with Retry-After) is tried again', () => {
    const at = new Date(2026, 11, 6, 14, 5).getTime();
    const text = describeError(info('server', { status: 503, retryAfterSec: 3600 }), {
      ...context,
      nextAttemptAt: at,
      now: at - 3_600_000,
    });
    expect(text.title).toBe('Insighto is unavailable (HTTP 503) — next try at 2:05 PM');
    // Without the provider's word it is the usual trouble, retried on Whoami's own schedule.
    expect(describeError(info('server', { status: 503 }), { ...context, nextAttemptAt: at, now: 0 }).title).toBe(
      'Insighto is having trouble (HTTP 503)',
    );
  });

  it('joins the provider’s words and the reason into sentences', () => {
    const text = describeError(
      info('server', { status: 503, providerMessage: 'Down for maintenance.', detail: 'retried 3 times' }),
      context,
    );
    expect(text).toMatchObject({
      title: 'Insighto is having trouble (HTTP 503)',
      detail: 'Insighto said: “Down for maintenance.” Retried 3 times.',
    });
  });

  it('offers to grant a missing permission', () => {
    expect(describeError(info('permission-missing'), context).action).toEqual({ kind: 'grant', label: 'Grant access' });
  });
});
