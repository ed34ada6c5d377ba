import type { ErrorInfo } from '../shared/errors';
import { oneLine } from '../shared/text';

// An error is stored with its account's profile, broadcast, and kept in the popup's cache: a
// provider's megabyte of "detail" must not travel with it. Every error is bounded where it leaves
// the background — a reply (the router) and a profile entry (the refresher's save) — after the
// account's secrets were redacted from it, so no clipping can cut a secret in two.
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
