import type { ProfileEntry } from '../../shared/model';

/**
 * The most of a provider's answer kept for the raw view, as stored. Answers may be up to 1 MB;
 * fifty of those would fill the browser's storage for Whoami (10 MB) and stop every refresh.
 */
const MAX_RAW_CHARS = 64_000;

/** The answer as kept: whole when small, else the start of its JSON text, marked as cut. */
export function capRaw(raw: unknown): Pick<ProfileEntry, 'raw' | 'rawCut'> {
  if (raw === undefined) return { raw };
  const text = JSON.stringify(raw, null, 2);
  if (text.length <= MAX_RAW_CHARS) return { raw };
  // Stored as a string of JSON, the text is escaped again ("\"", "\n"): it is cut until that
  // copy fits, so an answer of quotes takes no more room than one of letters.
  let cut = text.slice(0, MAX_RAW_CHARS);
  for (let stored = JSON.stringify(cut).length; stored > MAX_RAW_CHARS; stored = JSON.stringify(cut).length) {
    cut = cut.slice(0, Math.floor((cut.length * MAX_RAW_CHARS) / stored));
  }
  return { raw: cut, rawCut: { bytes: new TextEncoder().encode(text).length } };
}
