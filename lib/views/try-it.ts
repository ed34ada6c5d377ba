import { fillTemplate, type ProviderDefinition } from '../shared/custom/definition';
import type { Profile } from '../shared/profile';

const MASK = '••••';

export interface ShownRequest {
  method: string;
  url: string;
  headers: Array<{ name: string; value: string }>;
}

/**
 * The request Try it makes, as the user may see it: every value of a secret account field
 * masked wherever it goes (URL, header, Basic pair). Built from the definition and the values
 * typed here, in the view: the background never sends a request description back.
 */
export function shownRequest(definition: ProviderDefinition, credentials: Record<string, string>): ShownRequest {
  const secret = new Set(definition.fields.filter((f) => f.secret).map((f) => f.name));
  const masked = Object.fromEntries(Object.entries(credentials).map(([name, value]) => [name, secret.has(name) ? MASK : value]));
  const url = new URL(`${credentials.baseUrl ?? definition.baseUrl}${fillTemplate(definition.path, masked, true)}`);
  const headers = (definition.headers ?? []).map((header) => ({ ...header }));
  const { auth } = definition;
  if (auth.type === 'query') url.searchParams.set(auth.name, fillTemplate(auth.value, masked, false));
  if (auth.type === 'header') headers.push({ name: auth.name, value: fillTemplate(auth.value, masked, false) });
  if (auth.type === 'basic')
    headers.push({ name: 'Authorization', value: `Basic (${fillTemplate(auth.username, masked, false)} : ${MASK})` });
  if (auth.type === 'browser-session') headers.push({ name: 'Cookie', value: `${auth.cookie}=${MASK}` });
  if (definition.body !== undefined) headers.push({ name: 'Content-Type', value: 'application/json' });
  // The URL class writes "••••" percent-encoded; the user reads it as typed.
  return { method: definition.method, url: decodeURI(url.href), headers };
}

/** Reads a plain dotted path the way the mapping does: "avatar.url", "emails[0].email". */
export function valueAtPath(value: unknown, path: string): unknown {
  let current = value;
  for (const key of path
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter(Boolean)) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

const PROFILE_FIELD: Record<string, keyof Profile> = { name: 'displayName' };

/**
 * Mapped fields the answer has a value for that the profile doesn't show: Whoami refused the
 * value (a picture that isn't an https URL, a date it can't read). Plain-path mappings only:
 * an expression with fallbacks says what it does.
 */
export function droppedMappings(definition: ProviderDefinition, raw: unknown, profile: Profile): Array<{ field: string; path: string }> {
  const user = definition.envelope ? valueAtPath(raw, definition.envelope) : raw;
  const dropped: Array<{ field: string; path: string }> = [];
  for (const [field, expression] of Object.entries(definition.profile)) {
    const path = typeof expression === 'string' && /^[\w.[\]-]+$/.test(expression) ? expression : null;
    if (!path) continue;
    const value = valueAtPath(user, path);
    const present = (typeof value === 'string' && value.trim() !== '') || typeof value === 'number';
    const shown = profile[PROFILE_FIELD[field] ?? (field as keyof Profile)];
    if (present && (shown === null || shown === undefined)) dropped.push({ field, path });
  }
  return dropped;
}
