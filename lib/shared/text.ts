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
