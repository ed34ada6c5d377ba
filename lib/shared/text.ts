/** Trimmed text, or null for anything empty or not a string: empty strings count as missing. */
export function textOrNull(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/** "Ada Lovelace" from its parts, skipping the missing ones; null when all are missing. */
export function joinName(...parts: unknown[]): string | null {
  const joined = parts
    .map(textOrNull)
    .filter((part): part is string => part !== null)
    .join(' ');
  return joined === '' ? null : joined;
}

/** Text cut to at most `max` UTF-16 units, ending in an ellipsis when cut; never half a character. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, max - 1);
  const last = cut.charCodeAt(cut.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut = cut.slice(0, -1);
  return `${cut}…`;
}

// Control characters (C0, DEL, C1) and the line and paragraph separators, as runs of whitespace.
// eslint-disable-next-line no-control-regex
const BREAKS_AND_CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\s]+/g;

/** Provider text for one line of ours: no control characters or line breaks, whitespace collapsed, clipped. */
export function oneLine(text: string, max: number): string {
  // Clipped before the replace too, so a megabyte of text costs no more than its first part.
  return clip(
    clip(text, max * 4)
      .replace(BREAKS_AND_CONTROLS, ' ')
      .trim(),
    max,
  );
}
