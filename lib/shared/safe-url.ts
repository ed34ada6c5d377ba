// Loopback http is how the mock providers serve avatars in tests and the demo; a production
// build only ever loads https images.
const allowLoopbackHttp = import.meta.env?.MODE !== 'production';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname);
}

export function parseUrl(raw: unknown): URL | null {
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
