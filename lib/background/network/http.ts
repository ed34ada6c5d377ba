import { type ErrorKind, WhoamiError } from '../../shared/errors';
import { scrubSecrets } from '../secrets/scrub';
import { t } from '../../shared/i18n';

// The e2e build waits 3 s instead of 10 so its hung-provider cases stay quick; the product
// waits 10 s.
const DEFAULT_TIMEOUT_MS = import.meta.env?.MODE === 'e2e' ? 3_000 : 10_000;
const MAX_RESPONSE_BYTES = 1_000_000;

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH';
  url: string;
  headers?: Record<string, string>;
  body?: string | URLSearchParams | FormData;
  /** Wacht authenticates by the browser's own cookie; everyone else gets no cookies at all. */
  credentials?: RequestCredentials;
  timeoutMs?: number;
  maxBytes?: number;
}

export interface HttpDeps {
  fetch: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  /** Overrides DEFAULT_TIMEOUT_MS for every request made with these deps. */
  timeoutMs?: number;
  /** Runs one exchange in its host's slot (at most a few in flight per host). */
  slot?: <T>(exchange: () => Promise<T>) => Promise<T>;
  /**
   * Takes the account's own secrets out of a parsed answer — success or error — before anything
   * reads it: whatever later cuts a long text short would cut an echoed key in two, and half a
   * key no longer matches.
   */
  redact?: <T>(value: T) => T;
}

export interface HttpResponse {
  status: number;
  headers: Headers;
  body: unknown;
}

interface ProviderErrorBody {
  message?: string | null;
  fieldErrors?: Record<string, string[]>;
  /** A provider may know better than the status code (Wacht's 400 "No active sign-in found"). */
  kind?: ErrorKind;
}

/** Each provider reads its own error format (FastAPI, ProblemDetails, Wacht, Chakra). */
export type ErrorBodyReader = (body: unknown, status: number) => ProviderErrorBody | null;

const JSON_TYPE = /^application\/([\w.+-]+\+)?json\b/i;

function kindForStatus(status: number): ErrorKind {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404 || status === 410) return 'not-found';
  if (status === 405 || status === 501) return 'unsupported';
  if (status === 408) return 'timeout';
  if (status === 429) return 'rate-limited';
  if (status >= 500) return 'server';
  return 'validation';
}

/** The most a `Retry-After` is taken at its word, in seconds: three hours. */
const MAX_RETRY_AFTER_SEC = 3 * 60 * 60;

/** Seconds to wait from a `Retry-After` header (delta-seconds or an HTTP date), at most three hours. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  const trimmed = value.trim().slice(0, 64);
  let seconds: number;
  if (/^\d+$/.test(trimmed)) seconds = Number(trimmed);
  else {
    const at = Date.parse(trimmed);
    if (Number.isNaN(at)) return null;
    seconds = Math.ceil((at - now) / 1000);
  }
  return Math.min(Math.max(0, seconds), MAX_RETRY_AFTER_SEC);
}

/** The body's bytes, refused as soon as it passes `maxBytes` (declared or streamed). */
export async function readBytesCapped(response: Response, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw tooLarge(maxBytes);
  }
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

async function readCapped(response: Response, maxBytes: number): Promise<string> {
  return new TextDecoder().decode(await readBytesCapped(response, maxBytes));
}

function tooLarge(maxBytes: number): WhoamiError {
  return new WhoamiError('invalid-response', {
    detail: t('background.tooLarge', { size: Math.round(maxBytes / 1000) }),
  });
}

function looksLikeHtml(contentType: string, text: string): boolean {
  return /html/i.test(contentType) || /^\s*<(!doctype|html|head|body)\b/i.test(text);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new WhoamiError('invalid-response', { detail: t('background.notJson') });
  }
}

function fetchFailure(error: unknown, timedOut: boolean, timeoutMs: number, url: string): WhoamiError {
  if (error instanceof WhoamiError) return error;
  if (timedOut) {
    const limit = timeoutMs < 1000 ? `${timeoutMs} ms` : `${Math.round(timeoutMs / 1000)} s`;
    return new WhoamiError('timeout', { detail: t('background.noAnswerWithin', { limit }) });
  }
  const offline = typeof navigator !== 'undefined' && navigator.onLine === false;
  return new WhoamiError('network', {
    detail: offline ? t('background.offline') : t('background.cannotConnect', { host: new URL(url).host }),
  });
}

/**
 * One HTTP exchange that answers JSON or throws a typed error. Never follows redirects: a
 * redirect from an API is a sign-in page, and following it would carry our headers elsewhere.
 */
export async function requestJson(request: HttpRequest, deps: HttpDeps, readErrorBody: ErrorBodyReader): Promise<HttpResponse> {
  const timeoutMs = request.timeoutMs ?? deps.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = request.maxBytes ?? MAX_RESPONSE_BYTES;
  let timedOut = false;
  // The exchange itself — sending, and reading the body — holds the host's slot (and runs on
  // the clock); reading what came back happens after, so the next request can go out.
  const exchange = async () => {
    const controller = new AbortController();
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    try {
      const response = await deps.fetch(request.url, {
        method: request.method,
        headers: { Accept: 'application/json', ...request.headers },
        body: request.body,
        credentials: request.credentials ?? 'omit',
        redirect: 'manual',
        cache: 'no-store',
        signal: controller.signal,
      });
      if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
        await response.body?.cancel();
        throw new WhoamiError('signed-out', {
          status: response.status || null,
          detail: t('background.redirected'),
        });
      }
      return { response, text: await readCapped(response, maxBytes) };
    } finally {
      clearTimeout(timer);
    }
  };
  try {
    const { response, text } = await (deps.slot ? deps.slot(exchange) : exchange());
    const contentType = response.headers.get('content-type') ?? '';
    const redact = deps.redact ?? ((value) => value);
    // An error body may echo the key or carry secrets of its own: both go before it is read.
    if (!response.ok)
      throw errorFromResponse(response, contentType, text, (body) => readErrorBody(scrubSecrets(redact(body)), response.status));
    if (looksLikeHtml(contentType, text)) {
      throw new WhoamiError('signed-out', {
        status: response.status,
        detail: t('background.gotHtml'),
      });
    }
    if (!JSON_TYPE.test(contentType)) {
      throw new WhoamiError('invalid-response', {
        status: response.status,
        detail: t('background.expectedJson', { type: contentType.split(';')[0] || t('background.noContentType') }),
      });
    }
    return { status: response.status, headers: response.headers, body: redact(parseJson(text)) };
  } catch (error) {
    throw fetchFailure(error, timedOut, timeoutMs, request.url);
  }
}

function errorFromResponse(
  response: Response,
  contentType: string,
  text: string,
  readErrorBody: (body: unknown) => ProviderErrorBody | null,
): WhoamiError {
  let provider: ProviderErrorBody | null = null;
  if (JSON_TYPE.test(contentType)) {
    try {
      provider = readErrorBody(JSON.parse(text));
    } catch {
      provider = null;
    }
  }
  const kind = provider?.kind ?? kindForStatus(response.status);
  return new WhoamiError(kind, {
    status: response.status,
    providerMessage: provider?.message ?? null,
    fieldErrors: provider?.fieldErrors ?? {},
    retryAfterSec: parseRetryAfter(response.headers.get('retry-after')),
  });
}

export interface RetryPolicy {
  attempts: number;
  baseDelayMs: number;
  /**
   * The longest a call waits before trying again, whatever the status (429 or 5xx): a longer
   * Retry-After is reported instead — it becomes the account's next attempt time — so a call
   * never holds its account (and the Refresh, Remove or Test waiting on it) for longer.
   */
  maxRetryAfterSec: number;
}

const DEFAULT_RETRY: RetryPolicy = { attempts: 3, baseDelayMs: 250, maxRetryAfterSec: 5 };

const RETRYABLE: ReadonlySet<ErrorKind> = new Set(['network', 'server', 'rate-limited']);

/**
 * Reads (GETs) retry with backoff on network errors, 5xx and 429, honouring Retry-After.
 * Updates never come through here: a retried write could apply twice.
 */
export async function getJson(
  request: Omit<HttpRequest, 'method' | 'body'>,
  deps: HttpDeps,
  readErrorBody: ErrorBodyReader,
  policy: RetryPolicy = DEFAULT_RETRY,
): Promise<HttpResponse> {
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  for (let attempt = 1; ; attempt++) {
    try {
      return await requestJson({ ...request, method: 'GET' }, deps, readErrorBody);
    } catch (error) {
      if (!(error instanceof WhoamiError) || !RETRYABLE.has(error.kind) || attempt >= policy.attempts) throw error;
      const retryAfter = error.info.retryAfterSec;
      // A 503 may say "come back in an hour" as well as a 429: that is the account's next try, not a wait here.
      if (retryAfter !== null && retryAfter > policy.maxRetryAfterSec) throw error;
      if (error.kind === 'rate-limited' && retryAfter === null) throw error;
      const backoff = policy.baseDelayMs * 3 ** (attempt - 1) * (0.8 + Math.random() * 0.4);
      await sleep(Math.min(retryAfter !== null ? retryAfter * 1000 : backoff, policy.maxRetryAfterSec * 1000));
    }
  }
}
