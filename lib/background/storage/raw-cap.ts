import type { ProfileEntry } from '../../shared/model';

/**
 * The most of a provider's answer kept for the raw view. Answers may be up to 1 MB; fifty of
 * those would fill the browser's storage for Whoami (10 MB) and stop every refresh.
 */
const MAX_RAW_CHARS = 64_000;

/** The answer as kept: whole when small, else the start of its JSON text, marked as cut. */
export function capRaw(raw: unknown): Pick<ProfileEntry, 'raw' | 'rawCut'> {
  if (raw === undefined) return { raw };
  const text = JSON.stringify(raw, null, 2);
  if (text.length <= MAX_RAW_CHARS) return { raw };
  return { raw: text.slice(0, MAX_RAW_CHARS), rawCut: { bytes: new TextEncoder().encode(text).length } };
}
