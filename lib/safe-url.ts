// Loopback http is how the mock providers serve avatars in tests and the demo; a production
// build only ever loads https images.
const allowLoopbackHttp = import.meta.env?.MODE !== 'production';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname);
}

function parseUrl(raw: unknown): URL | null {
  if (typeof raw !== 'string' || raw.trim() === '') return null;
  try {
    return new URL(raw.trim());
  } catch {
    return null;
  }
}

/** An image URL that is safe to put in `<img src>`, or null. Profile data is untrusted. */
export function safeImageUrl(raw: unknown): string | null {
  const url = parseUrl(raw);
  if (!url) return null;
  if (url.protocol === 'https:') return url.href;
  if (url.protocol === 'http:' && allowLoopbackHttp && isLoopbackHost(url.hostname)) return url.href;
  return null;
}

/** API base URLs must be https, except on the user's own machine. */
export function isAllowedBaseUrl(raw: string): boolean {
  const url = parseUrl(raw);
  if (!url || url.username || url.password) return false;
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && isLoopbackHost(url.hostname);
}

/** The base URL without a trailing slash, so paths can be appended. */
export function normalizeBaseUrl(raw: string): string {
  const url = new URL(raw.trim());
  url.search = '';
  url.hash = '';
  return url.href.replace(/\/+$/, '');
}

/** The host permission pattern that covers a base URL ("https://api.example.com/*"). */
export function originPattern(baseUrl: string): string {
  const url = new URL(baseUrl);
  return `${url.protocol}//${url.hostname}/*`;
}
