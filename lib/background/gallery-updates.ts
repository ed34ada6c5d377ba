import { browser } from 'wxt/browser';
import type { ProviderDefinition } from '../shared/custom/definition';
import { galleryFileOf, packagedReader, type ReadPackaged } from '../shared/gallery';
import { galleryEntrySchema } from '../shared/gallery/entry';
import { definitionsStore } from './storage/definitions';

const readPackaged = packagedReader((path) => browser.runtime.getURL(path));

/**
 * After Whoami updates, each ready provider an account uses follows its corrected entry: the
 * packaged file is read (only those in use), checked by the gallery's schema, and saved through
 * the same path as any definition — a change that would show a stored secret is refused there,
 * and that provider keeps its old definition. Returns the ids of the definitions replaced.
 */
export async function followGalleryUpdates(
  save: (definition: ProviderDefinition) => Promise<unknown>,
  read: ReadPackaged = readPackaged,
): Promise<string[]> {
  const replaced: string[] = [];
  for (const stored of (await definitionsStore.read()).definitions) {
    const file = galleryFileOf(stored.id);
    if (!file) continue;
    try {
      const packaged = galleryEntrySchema.parse(await read(file)).definition;
      if (packaged.id !== stored.id || JSON.stringify(packaged) === JSON.stringify(stored)) continue;
      await save(packaged);
      replaced.push(stored.id);
    } catch {
      // A file that no longer checks, or a change refused: the provider keeps what it had.
    }
  }
  return replaced;
}
