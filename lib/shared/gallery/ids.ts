// Kept apart from the schemas: the options page's first bundle asks these questions, and a
// module that builds zod schemas at its top level would bring all of zod with it.

/** Gallery definitions live under their own ids, so a user's own provider is never taken for one. */
export const GALLERY_DEFINITION_PREFIX = 'gallery-';

export const isGalleryDefinition = (definitionId: string) => definitionId.startsWith(GALLERY_DEFINITION_PREFIX);

/** An account's provider id ("custom:gallery-github"): `CUSTOM_PREFIX` written out, for the same reason. */
export const isGalleryProvider = (providerId: string) => providerId.startsWith(`custom:${GALLERY_DEFINITION_PREFIX}`);
