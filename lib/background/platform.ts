import { browser } from 'wxt/browser';
import type { ViewEvent } from '../shared/messaging/replies';
import { bytesToBase64 } from '../shared/base64';

/** What the background needs from the browser, in one place so tests can stand in for it. */
export interface Platform {
  fetch: typeof fetch;
  /** Overrides the HTTP layer's default timeout (tests). */
  requestTimeoutMs?: number;
  now(): number;
  /** A cookie's value from the browser's jar, or null; read only to check and redact it, never stored. */
  cookieValue(url: string, name: string): Promise<string | null>;
  hasOrigins(origins: string[]): Promise<boolean>;
  /** Host permissions the user granted (not the ones the manifest requires). */
  grantedOrigins(): Promise<string[]>;
  removeOrigins(origins: string[]): Promise<void>;
  setBadge(badge: { text: string; title: string }): Promise<void>;
  /** A browser notification, when the user has allowed them (the permission is optional). */
  notify(notification: { id: string; title: string; message: string }): Promise<void>;
  broadcast(event: ViewEvent): Promise<void>;
  /** A small square PNG/WebP data URL of a picture, re-encoded (so nothing but pixels survives), or null. */
  thumbnail(bytes: Uint8Array, type: string): Promise<string | null>;
}

const BROADCAST_WAIT_MS = 1000;
const THUMBNAIL_PX = 112;

/** Draws the picture's centre square at 112 px (twice the popup's 56) and encodes it again. */
async function drawThumbnail(bytes: Uint8Array, type: string): Promise<string | null> {
  const bitmap = await createImageBitmap(new Blob([bytes as BlobPart], { type }));
  try {
    const side = Math.min(bitmap.width, bitmap.height);
    if (side === 0) return null;
    const canvas = new OffscreenCanvas(THUMBNAIL_PX, THUMBNAIL_PX);
    const context = canvas.getContext('2d');
    if (!context) return null;
    context.drawImage(bitmap, (bitmap.width - side) / 2, (bitmap.height - side) / 2, side, side, 0, 0, THUMBNAIL_PX, THUMBNAIL_PX);
    const blob = await canvas.convertToBlob({ type: 'image/webp', quality: 0.85 });
    return `data:${blob.type};base64,${bytesToBase64(new Uint8Array(await blob.arrayBuffer()))}`;
  } finally {
    bitmap.close();
  }
}

function requiredOrigins(): Set<string> {
  const manifest = browser.runtime.getManifest() as { host_permissions?: string[]; permissions?: string[] };
  return new Set([...(manifest.host_permissions ?? []), ...(manifest.permissions ?? [])]);
}

export function browserPlatform(): Platform {
  // Firefox's MV2 build has browserAction where Chrome's MV3 has action.
  const action = browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
  return {
    fetch: (input, init) => globalThis.fetch(input, init),
    now: () => Date.now(),
    async cookieValue(url, name) {
      try {
        // Firefox's Total Cookie Protection: the cookie set when the user signed in on the
        // deployment's own site is its unpartitioned, first-party cookie — what `get` answers
        // without a partitionKey, and what the background's `credentials: 'include'` sends.
        return (await browser.cookies.get({ url, name }))?.value ?? null;
      } catch {
        // Firefox with first-party isolation on refuses a lookup without `firstPartyDomain`;
        // null matches the cookie whatever its isolation key.
        const all = await browser.cookies.getAll({ url, name, firstPartyDomain: null } as Parameters<typeof browser.cookies.getAll>[0]);
        return all[0]?.value ?? null;
      }
    },
    hasOrigins: (origins) => browser.permissions.contains({ origins }),
    async grantedOrigins() {
      const required = requiredOrigins();
      return ((await browser.permissions.getAll()).origins ?? []).filter((origin) => !required.has(origin));
    },
    async removeOrigins(origins) {
      if (origins.length > 0) await browser.permissions.remove({ origins });
    },
    async notify({ id, title, message }) {
      if (!(await browser.permissions.contains({ permissions: ['notifications'] }))) return;
      await browser.notifications.create(id, { type: 'basic', iconUrl: browser.runtime.getURL('/icons/128.png'), title, message });
    },
    async setBadge({ text, title }) {
      await action.setBadgeText({ text });
      await action.setTitle({ title });
      if (text) await action.setBadgeBackgroundColor({ color: '#c5221f' });
    },
    async broadcast(event) {
      // Rejects when no popup or options page is open to hear it: nothing to do then. Bounded,
      // because a page torn down mid-delivery can leave the promise unsettled.
      const delivered = browser.runtime.sendMessage(event).catch(() => undefined);
      await Promise.race([delivered, new Promise((resolve) => setTimeout(resolve, BROADCAST_WAIT_MS))]);
    },
    thumbnail: (bytes, type) => drawThumbnail(bytes, type).catch(() => null),
  };
}
