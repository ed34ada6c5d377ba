import { t } from './i18n';
// Files and messages are checked for size and nesting before any schema walks them: zod's
// recursive schemas overflow the stack on deep enough input, with no useful message.

/** Whether a parsed JSON value nests no deeper than `limit` (an iterative walk: no stack to overflow). */
export function nestsWithin(value: unknown, limit: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (current === null || typeof current !== 'object') continue;
    if (depth >= limit) return false;
    for (const child of Array.isArray(current) ? current : Object.values(current)) {
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
    }
  }
  return true;
}

export interface JsonLimits {
  maxBytes: number;
  maxDepth: number;
}

/** Parses a file's text within limits, or says in words what is wrong with it. */
export function parseJsonWithin(text: string, { maxBytes, maxDepth }: JsonLimits): { json: unknown } | { error: string } {
  if (text.length > maxBytes) return { error: t('validation.fileTooLarge', { size: Math.round(maxBytes / 1000) }) };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { error: t('validation.fileNotJson') };
  }
  if (!nestsWithin(json, maxDepth)) return { error: t('validation.fileTooDeep', { depth: maxDepth }) };
  return { json };
}

/** Import files: far above any real export (a few kB), far below what could stall a page. */
export const IMPORT_LIMITS: JsonLimits = { maxBytes: 1_000_000, maxDepth: 40 };
