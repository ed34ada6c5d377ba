/** What the mock providers can be told to do instead of answering normally. */
export const faultKinds = [
  '401',
  '403',
  '404',
  '422',
  '429',
  '500',
  /** Down for maintenance: 503, with a Retry-After when `retryAfterSec` is given. */
  '503',
  'hang',
  'slow',
  'html-login',
  'bad-schema',
  'oversized',
  'reset',
  'echo-key',
  /** The key quoted at the end of a 300-character message, where cutting the message would keep three quarters of it. */
  'echo-key-long',
] as const;

export type FaultKind = (typeof faultKinds)[number];

export interface Fault {
  kind: FaultKind;
  /** For `slow`: how long to wait before answering normally. */
  ms?: number;
  /** For `429`: the Retry-After seconds (default 30); for `503`, when given. */
  retryAfterSec?: number;
}

export interface FaultRule extends Fault {
  provider: string;
  /** Only requests that authenticate as this user; every request to the provider when absent. */
  userId?: string;
  /** Only these HTTP methods (e.g. ['PUT'] to fail edits but not reads). */
  methods?: string[];
  /** How many requests it applies to; forever when absent. */
  times?: number;
}

function isFaultKind(value: string): value is FaultKind {
  return (faultKinds as readonly string[]).includes(value);
}

/** A fault named on the request itself: `x-mock-fault: 429` or `?mock_fault=slow&mock_ms=500`. */
export function faultFromRequest(url: URL, headers: Record<string, string | string[] | undefined>): Fault | null {
  const header = headers['x-mock-fault'];
  const kind = (Array.isArray(header) ? header[0] : header) ?? url.searchParams.get('mock_fault');
  if (!kind || !isFaultKind(kind)) return null;
  const ms = Number(headers['x-mock-ms'] ?? url.searchParams.get('mock_ms') ?? NaN);
  const retry = Number(headers['x-mock-retry-after'] ?? url.searchParams.get('mock_retry_after') ?? NaN);
  return {
    kind,
    ms: Number.isFinite(ms) ? ms : undefined,
    retryAfterSec: Number.isFinite(retry) ? retry : undefined,
  };
}

/** Takes the first rule matching the request, counting down its `times`. */
export function takeFault(rules: FaultRule[], provider: string, userId: string | null, method: string): Fault | null {
  const index = rules.findIndex(
    (rule) =>
      rule.provider === provider &&
      (rule.userId === undefined || rule.userId === userId) &&
      (rule.methods === undefined || rule.methods.includes(method)),
  );
  if (index === -1) return null;
  const rule = rules[index]!;
  if (rule.times !== undefined) {
    rule.times -= 1;
    if (rule.times <= 0) rules.splice(index, 1);
  }
  return { kind: rule.kind, ms: rule.ms, retryAfterSec: rule.retryAfterSec };
}
