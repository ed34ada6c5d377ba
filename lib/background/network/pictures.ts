import { originPattern } from '../../shared/base-url';
import { readBytesCapped } from './http';
import type { Picture } from '../../shared/model';
import type { Platform } from '../platform';

// Pictures are fetched here, never by the views: opening the popup must not tell any host that
// it was opened. No cookies, no referrer, no redirects (a redirect may lead to a host the user
// never allowed), a size cap, and only bitmap types — the result is drawn again before it is kept.
const PICTURE_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'];
const MAX_PICTURE_BYTES = 2_000_000;
const PICTURE_TIMEOUT_MS = 10_000;

const unavailable = (source: string, reason: string): Picture => ({ state: 'unavailable', source, reason });

/** The picture at `source`, or why there is none; reuses what was loaded before for the same URL. */
export async function loadPicture(platform: Platform, source: string, previous?: Picture | null): Promise<Picture> {
  const url = new URL(source);
  const origin = originPattern(url.href);
  if (!(await platform.hasOrigins([origin]))) return { state: 'needs-permission', source, origin, host: url.host };
  if (previous?.state === 'loaded' && previous.source === source) return previous;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), PICTURE_TIMEOUT_MS);
  try {
    const response = await platform.fetch(url.href, {
      credentials: 'omit',
      redirect: 'manual',
      referrerPolicy: 'no-referrer',
      cache: 'no-store',
      signal: controller.signal,
    });
    if (response.status !== 200) {
      await response.body?.cancel();
      return unavailable(source, response.type === 'opaqueredirect' ? 'redirected' : `HTTP ${response.status}`);
    }
    const type = (response.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (!PICTURE_TYPES.includes(type)) {
      await response.body?.cancel();
      return unavailable(source, `not a picture (${type || 'no type'})`);
    }
    const bytes = await readBytesCapped(response, MAX_PICTURE_BYTES);
    const dataUrl = await platform.thumbnail(bytes, type);
    return dataUrl ? { state: 'loaded', source, dataUrl } : unavailable(source, 'could not be decoded');
  } catch {
    return unavailable(source, 'could not be fetched');
  } finally {
    clearTimeout(timer);
  }
}

/** The host permission a picture needs, for the permission bookkeeping. */
export function pictureOrigin(picture: Picture | null | undefined): string | null {
  if (!picture) return null;
  try {
    return originPattern(picture.source);
  } catch {
    return null;
  }
}
