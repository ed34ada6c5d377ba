import type { ErrorInfo } from './error-schema';

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

export class WhoamiError extends Error {
  readonly info: ErrorInfo;

  constructor(kind: ErrorKind, init: Partial<Omit<ErrorInfo, 'kind'>> = {}) {
    const info: ErrorInfo = {
      kind,
      status: init.status ?? null,
      providerMessage: init.providerMessage ?? null,
      detail: init.detail ?? null,
      retryAfterSec: init.retryAfterSec ?? null,
      fieldErrors: init.fieldErrors ?? {},
    };
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
