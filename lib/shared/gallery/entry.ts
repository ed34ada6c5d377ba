import { z } from '../zod';
import { isAllowedBaseUrl } from '../base-url';
import { definitionSchema } from '../custom/definition';
import { GALLERY_DEFINITION_PREFIX, isGalleryDefinition } from './ids';

const sentence = z.string().check(z.minLength(20), z.maxLength(400));

/**
 * A ready provider shipped with Whoami: a definition in the language every user-defined provider
 * speaks (one engine, no code per provider), and what the user needs to make its token.
 */
export const galleryEntrySchema = z
  .strictObject({
    definition: definitionSchema,
    /** Where the user creates the token: opened on click. */
    tokenUrl: z.string().check(
      z.startsWith('https://'),
      z.refine((url) => URL.canParse(url)),
    ),
    /** Where to create the token and which scopes or permissions it needs, in each language Whoami speaks. */
    about: z.strictObject({ en: sentence, de: sentence }),
    /** For a host per customer (Okta, Jira Cloud): the Base URL starts empty, showing this. */
    baseUrlExample: z.optional(z.string().check(z.refine(isAllowedBaseUrl))),
    /** What the entry was checked against in Whoami's tests: the provider's own description, or its documentation. */
    verifiedAgainst: z.string().check(z.minLength(10), z.maxLength(200)),
  })
  .check(
    z.refine((entry) => isGalleryDefinition(entry.definition.id), {
      error: `a gallery definition's id starts with "${GALLERY_DEFINITION_PREFIX}"`,
      path: ['definition', 'id'],
    }),
  );

export type GalleryEntry = z.infer<typeof galleryEntrySchema>;
