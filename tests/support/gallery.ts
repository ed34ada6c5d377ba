import fs from 'node:fs';
import { loadGalleryEntries, type ReadPackaged } from '../../lib/shared/gallery';
import type { GalleryEntry } from '../../lib/shared/gallery/entry';

/** The packaged files, from `public/` on disk: what the built extension serves at its own URLs. */
export const readPackagedFromDisk: ReadPackaged = async (file) =>
  JSON.parse(fs.readFileSync(new URL(`../../public/${file}`, import.meta.url), 'utf8'));

/** The gallery as the extension ships it, checked by the same schema. */
export function galleryEntriesFromDisk(): Promise<GalleryEntry[]> {
  return loadGalleryEntries(readPackagedFromDisk);
}
