import type { ErrorInfo, ErrorKind } from './error-schema';

export type { ErrorInfo, ErrorKind } from './error-schema';

// Free of zod, so a view can throw and read errors before any schema has loaded (the kinds and
// the error's shape are types here; their list and schema are in error-schema.ts).

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
