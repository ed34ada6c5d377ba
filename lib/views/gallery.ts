import { descriptorFromDefinition } from '../shared/custom/descriptor';
import type { GalleryEntry } from '../shared/gallery/entry';
import { loadGalleryEntries, packagedReader, type ReadPackaged } from '../shared/gallery';
import { browser } from './browser';
import type { ProviderDescriptor } from '../shared/providers/types';
import { t, uiLocale } from '../shared/i18n';

/** A gallery entry as the add-account form offers it: the form it needs, and what to tell the user. */
export interface GalleryChoice {
  entry: GalleryEntry;
  descriptor: ProviderDescriptor;
  /** Where to make the token and which scopes it needs, in the user's language. */
  about: string;
}

/** The account form of an entry: its Base URL left empty where the host is the customer's own. */
function galleryDescriptor(entry: GalleryEntry): ProviderDescriptor {
  const descriptor = descriptorFromDefinition(entry.definition);
  const example = entry.baseUrlExample;
  if (!example) return descriptor;
  const fields = descriptor.credentials.fields.map((field) =>
    field.name === 'baseUrl'
      ? { ...field, defaultValue: '', placeholder: example, help: t('options.gallery.yourHost', { example }) }
      : field,
  );
  return { ...descriptor, credentials: { ...descriptor.credentials, fields } };
}

const readPackaged = packagedReader((path) => browser.runtime.getURL(path));

/** The gallery, read with the add-account form and never before: no bundle carries it. */
export async function loadGallery(read: ReadPackaged = readPackaged): Promise<GalleryChoice[]> {
  const language = uiLocale() === 'de' ? 'de' : 'en';
  return (await loadGalleryEntries(read)).map((entry) => ({ entry, descriptor: galleryDescriptor(entry), about: entry.about[language] }));
}
