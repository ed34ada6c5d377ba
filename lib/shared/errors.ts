import type { ErrorInfo } from './error-schema';
import { oneLine } from './text';

export type { ErrorInfo } from './error-schema';

// Free of zod, so a view can throw and read errors before any schema has loaded.

/**
 * Every way a provider call can fail, as the rest of the extension sees it. The words shown to
 * the user for each kind live in `error-text.ts`, nowhere else.
 */
export const errorKinds = [
  'unauthorized',
  /** The token says it has expired (a JWT's exp): it is not sent, and the user replaces it. */
  'token-expired',
  'signed-out',
  'forbidden',
  'not-found',
  'rate-limited',
  'server',
  'network',
  'timeout',
  'invalid-response',
  'validation',
  /** What was being saved changed elsewhere (another tab) since it was read. */
  'conflict',
  'permission-missing',
  /** The account lacks settings its provider's definition now asks for: the user completes them in Options. */
  'settings-incomplete',
  /** The browser's storage for Whoami is full: what was fetched is shown but not kept. */
  'storage-full',
  'unsupported',
  /** The passphrase lock is closed: nothing that needs a secret runs until it is unlocked. */
  'locked',
  'internal',
] as const;

export type ErrorKind = (typeof errorKinds)[number];

// An error is stored with its account's profile, broadcast, and kept in the popup's cache:
// a provider's megabyte of "detail" must not travel with it. These bound everything in it.
const MAX_ERROR_TEXT = 300;
const MAX_ERROR_FIELDS = 10;
const MAX_MESSAGES_PER_FIELD = 3;

const boundedText = (text: string | null | undefined) => (text ? oneLine(text, MAX_ERROR_TEXT) || null : null);

/** Field errors, each message one short line, each said once, a few per field, a few fields. */
function boundedFieldErrors(fieldErrors: Record<string, string[]>): Record<string, string[]> {
  const bounded: Record<string, string[]> = {};
  for (const [field, messages] of Object.entries(fieldErrors).slice(0, MAX_ERROR_FIELDS)) {
    const unique = new Set<string>();
    for (const message of messages) {
      const text = boundedText(message);
      if (text) unique.add(text);
      if (unique.size === MAX_MESSAGES_PER_FIELD) break;
    }
    if (unique.size > 0) bounded[oneLine(field, 60)] = [...unique];
  }
  return bounded;
}

/** An error's facts with every text short and every list bounded, whoever wrote them. */
export function boundErrorInfo(info: ErrorInfo): ErrorInfo {
  return {
    ...info,
    providerMessage: boundedText(info.providerMessage),
    detail: boundedText(info.detail),
    fieldErrors: boundedFieldErrors(info.fieldErrors),
  };
}

export class WhoamiError extends Error {
  readonly info: ErrorInfo;

  constructor(kind: ErrorKind, init: Partial<Omit<ErrorInfo, 'kind'>> = {}) {
    const info = boundErrorInfo({
      kind,
      status: init.status ?? null,
      providerMessage: init.providerMessage ?? null,
      detail: init.detail ?? null,
      retryAfterSec: init.retryAfterSec ?? null,
      fieldErrors: init.fieldErrors ?? {},
    });
    super([kind, info.status, info.detail ?? info.providerMessage].filter(Boolean).join(': '));
    this.name = 'WhoamiError';
    this.info = info;
  }

  get kind(): ErrorKind {
    return this.info.kind;
  }
}

/** Turns anything thrown into an ErrorInfo; anything not already typed is a bug of ours. */
export function toErrorInfo(error: unknown): ErrorInfo {
  if (error instanceof WhoamiError) return error.info;
  return new WhoamiError('internal', {
    detail: error instanceof Error ? error.message : String(error),
  }).info;
}

export function invalidResponse(detail: string): WhoamiError {
  return new WhoamiError('invalid-response', { detail });
}
