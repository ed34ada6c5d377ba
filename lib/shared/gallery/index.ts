import { type GalleryEntry, galleryEntrySchema } from './entry';
import { GALLERY_DEFINITION_PREFIX } from './ids';

/**
 * The ready providers, one file each in the extension's `public/gallery/` (shipped as data, read
 * by nothing until needed): the options page reads them all when the add-account form opens, the
 * background only those of definitions an account uses, after Whoami updates. Alphabetical: the
 * order the Provider list shows them in.
 */
const GALLERY_NAMES = [
  'asana',
  'cloudflare',
  'digitalocean',
  'figma',
  'github',
  'gitlab',
  'heroku',
  'huggingface',
  'jira',
  'linear',
  'netlify',
  'notion',
  'okta',
  'pagerduty',
  'slack',
  'twilio',
  'vercel',
] as const;

/** A packaged entry's path inside the extension. */
export type GalleryFile = `gallery/${(typeof GALLERY_NAMES)[number]}.json`;

/** The packaged file of a gallery definition's entry ("gallery-github" → "gallery/github.json"), if it is one. */
export function galleryFileOf(definitionId: string): GalleryFile | null {
  const name = GALLERY_NAMES.find((known) => definitionId === `${GALLERY_DEFINITION_PREFIX}${known}`);
  return name ? `gallery/${name}.json` : null;
}

/** Reads a packaged file as JSON: `fetch` of the extension's own URL in a browser, the disk in tests. */
export type ReadPackaged = (file: GalleryFile) => Promise<unknown>;

/** The browser's reader, over the extension URL the caller's own `runtime.getURL` makes (views and background differ in their `browser`). */
export const packagedReader =
  (getURL: (path: `/${GalleryFile}`) => string): ReadPackaged =>
  async (file) =>
    (await fetch(getURL(`/${file}`))).json();

/** Every entry, checked: a damaged one is a bug the tests catch, and throws here. */
export async function loadGalleryEntries(read: ReadPackaged): Promise<GalleryEntry[]> {
  return Promise.all(GALLERY_NAMES.map(async (name) => galleryEntrySchema.parse(await read(`gallery/${name}.json`))));
}
