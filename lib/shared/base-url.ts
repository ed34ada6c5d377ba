import { isLoopbackHost, parseUrl } from './safe-url';

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
