import { z } from '../zod';
import { isAllowedBaseUrl, normalizeBaseUrl } from '../base-url';
import { editableFieldNameSchema } from '../profile';
import { expressionInputSchema, parseExpression } from './expression';
import { t } from '../i18n';

/**
 * A provider described as data: where its current-user call is, how it authenticates, and
 * where each profile field is in its answer. Definitions never hold credentials: account
 * fields have no values here, and auth templates may only place those fields.
 */
const fieldName = z.string().check(z.regex(/^[A-Za-z][A-Za-z0-9_]{0,30}$/, { error: () => t('validation.fieldName') }));
const bodyKey = z
  .string()
  .check(z.regex(/^[A-Za-z][A-Za-z0-9_]{0,30}(\.[A-Za-z][A-Za-z0-9_]{0,30}){0,2}$/, { error: () => t('validation.bodyKey') }));
const label = z.string().check(z.trim(), z.minLength(1, { error: () => t('validation.required') }), z.maxLength(40));
const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9_.]*)\}/g;

/** The update path may also place the user's id from the fetched profile. */
export const PROFILE_ID_PLACEHOLDER = 'profile.id';

/** What an edit's fixed body parts may place: the profile as it is, never an account field (a key). */
export const BODY_PROFILE_PLACEHOLDERS = [
  'profile.id',
  'profile.email',
  'profile.username',
  'profile.firstName',
  'profile.lastName',
  'profile.phone',
];

// Every account of a user-defined provider has these already: a field of the same name would
// replace the base URL's https check, or the session consent.
const RESERVED_FIELD_NAMES = new Set(['baseUrl', 'useBrowserSession']);

const accountFieldSchema = z.object({
  name: fieldName.check(z.refine((name) => !RESERVED_FIELD_NAMES.has(name), { error: () => t('validation.reservedName') })),
  label,
  /** Masked, kept in the background only, never exported. */
  secret: z.boolean(),
  /** How the provider's tokens begin ("ghp_", "xoxp-"): a value that doesn't is warned about, not refused. */
  prefixes: z.optional(
    z.array(z.string().check(z.regex(/^[A-Za-z0-9_/+-]{2,20}$/, { error: () => t('validation.tokenPrefix') }))).check(z.maxLength(6)),
  ),
});

// Headers a definition may not set: the browser's own, and cookies (browser-session covers those).
const FORBIDDEN_HEADERS = /^(cookie|host|origin|referer|content-length|connection|set-cookie)$/i;

const headerName = z.string().check(
  z.regex(/^[A-Za-z0-9-]{1,40}$/, { error: () => t('validation.headerName') }),
  z.refine((name) => !FORBIDDEN_HEADERS.test(name), { error: () => t('validation.browserHeader') }),
);

/**
 * A header every request of the provider carries, word for word: a versioned `Accept`,
 * `Notion-Version`, `X-GitHub-Api-Version`. Never a credential — no placeholders, and not the
 * headers credentials travel in (those are the authentication's).
 */
const constantHeader = z.strictObject({
  name: headerName.check(
    z.refine((name) => !/^(authorization|proxy-authorization)$/i.test(name), { error: () => t('validation.headerIsAuth') }),
  ),
  value: z.string().check(
    z.maxLength(200),
    z.refine((value) => !/[{}]/.test(value), { error: () => t('validation.headerConstant') }),
  ),
});

const authSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('header'),
    name: headerName,
    /** "Bearer {token}", "Token token={token}": a few words around account fields, never a literal secret. */
    value: z.string().check(z.maxLength(80)),
  }),
  z.strictObject({
    type: z.literal('query'),
    name: z.string().check(z.regex(/^[A-Za-z0-9_.-]{1,40}$/, { error: () => t('validation.parameterName') })),
    value: z.string().check(z.maxLength(80)),
  }),
  /** HTTP Basic from two templates ("{email}" and "{token}"): the password places a secret field. */
  z.strictObject({
    type: z.literal('basic'),
    username: z.string().check(z.maxLength(80)),
    password: z.string().check(z.maxLength(80)),
  }),
  z.strictObject({
    type: z.literal('browser-session'),
    cookie: z.string().check(z.regex(/^[A-Za-z0-9_.-]{1,64}$/, { error: () => t('validation.cookieName') })),
  }),
  z.strictObject({ type: z.literal('none') }),
]);

const profileFields = [
  'id',
  'name',
  'firstName',
  'lastName',
  'username',
  'email',
  'emailVerified',
  'phone',
  'avatarUrl',
  'roles',
  'organization',
  'plan',
  'trial',
  'createdAt',
  'updatedAt',
  'sessionExpiresAt',
] as const;
export type MappedField = (typeof profileFields)[number];
export const mappedFields: readonly MappedField[] = profileFields;

const expression = expressionInputSchema.check(
  z.refine(
    (input) => {
      if (typeof input !== 'string') return true;
      try {
        parseExpression(input);
        return true;
      } catch {
        return false;
      }
    },
    { error: () => t('validation.notExpression') },
  ),
);

export const definitionSchema = z
  .strictObject({
    id: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,39}$/, { error: () => t('validation.providerId') })),
    name: label,
    baseUrl: z.pipe(
      z.string().check(z.trim(), z.refine(isAllowedBaseUrl, { error: () => t('validation.httpsUrl') })),
      z.transform(normalizeBaseUrl),
    ),
    path: z.string().check(z.regex(/^\/[^\s?#]*$/, { error: () => t('validation.pathSlash') }), z.maxLength(200)),
    method: z.enum(['GET', 'POST']),
    /** For a POST read: the JSON it sends, word for word (a GraphQL query). */
    body: z.optional(z.string().check(z.maxLength(4000), z.refine(isJsonText, { error: () => t('validation.bodyJson') }))),
    headers: z.optional(z.array(constantHeader).check(z.maxLength(8))),
    fields: z.array(accountFieldSchema).check(z.maxLength(6)),
    auth: authSchema,
    /**
     * When an answer is an error although it came with 200 (GraphQL's `errors`, Slack's
     * `"ok": false`): an expression over the whole answer, present only then, and the error's words.
     */
    failWhen: z.optional(expression),
    /** Where the user object sits in the answer ("data", "_data", "result.user"); empty for the top. */
    envelope: z.string().check(z.regex(/^([\w$-]+(\.[\w$-]+)*)?$/, { error: () => t('validation.dottedPath') })),
    profile: z.partialRecord(z.enum(profileFields), expression),
    details: z.array(z.object({ label, value: expression })).check(z.maxLength(30)),
    update: z.optional(
      z.strictObject({
        method: z.enum(['PATCH', 'PUT', 'POST']),
        path: z.string().check(z.regex(/^\/[^\s?#]*$/, { error: () => t('validation.pathSlash') })),
        body: z.enum(['json', 'form']),
        /** `key` is where the value goes in the body: "name", or nested for JSON ("profile.firstName", "user.name"). */
        fields: z.array(z.object({ field: editableFieldNameSchema, key: bodyKey, label })).check(z.minLength(1)),
        /**
         * What else the body must carry, word for word or from the profile as it is
         * (PagerDuty's PUT wants `user.type` "user" and the email beside the name): never an account field.
         */
        with: z.optional(z.array(z.strictObject({ key: bodyKey, value: z.string().check(z.maxLength(200)) })).check(z.maxLength(6))),
      }),
    ),
  })
  .check(
    z.superRefine((definition, ctx) => {
      const declared = new Set(definition.fields.map((f) => f.name));
      const secrets = new Set(definition.fields.filter((f) => f.secret).map((f) => f.name));
      const checkPlaces = (template: string, where: (string | number)[], extra: string[] = []) => {
        for (const [, name] of template.matchAll(PLACEHOLDER)) {
          if (!declared.has(name!) && !extra.includes(name!)) {
            ctx.addIssue({
              code: 'custom',
              path: where,
              message: t('validation.notAccountField', { placeholder: `{${name}}` }),
              input: template,
            });
          }
        }
      };
      checkPlaces(definition.path, ['path']);
      if (definition.update) checkPlaces(definition.update.path, ['update', 'path'], [PROFILE_ID_PLACEHOLDER]);
      for (const [index, { value }] of (definition.update?.with ?? []).entries()) {
        for (const [, name] of value.matchAll(PLACEHOLDER)) {
          if (!BODY_PROFILE_PLACEHOLDERS.includes(name!)) {
            ctx.addIssue({
              code: 'custom',
              path: ['update', 'with', index, 'value'],
              message: t('validation.bodyPlaceholder', { placeholders: BODY_PROFILE_PLACEHOLDERS.map((p) => `{${p}}`).join(', ') }),
              input: value,
            });
          }
        }
      }
      // Where a secret goes out: it must place a secret field, around which only a few words may
      // be written out (a key typed here would end up in every export).
      const placesSecret = (value: string, where: string[]) => {
        checkPlaces(value, where);
        const placed = [...value.matchAll(PLACEHOLDER)].map((m) => m[1]!);
        const literalText = value.replace(PLACEHOLDER, '');
        if (!placed.some((name) => secrets.has(name)) || !/^[A-Za-z0-9 =:_.-]{0,20}$/.test(literalText)) {
          ctx.addIssue({
            code: 'custom',
            path: where,
            message: t('validation.useSecretField', { example: 'Bearer {token}' }),
            input: value,
          });
        }
      };
      if (definition.auth.type === 'header' || definition.auth.type === 'query') placesSecret(definition.auth.value, ['auth', 'value']);
      if (definition.auth.type === 'basic') {
        checkPlaces(definition.auth.username, ['auth', 'username']);
        placesSecret(definition.auth.password, ['auth', 'password']);
      }
      const authHeader = definition.auth.type === 'header' ? definition.auth.name.toLowerCase() : null;
      if ((definition.headers ?? []).some((header) => header.name.toLowerCase() === authHeader)) {
        ctx.addIssue({ code: 'custom', path: ['headers'], message: t('validation.headerIsAuth'), input: definition.headers });
      }
      if (definition.body !== undefined && definition.method !== 'POST') {
        ctx.addIssue({ code: 'custom', path: ['body'], message: t('validation.bodyNeedsPost'), input: definition.body });
      }
      if (new Set(definition.fields.map((f) => f.name)).size !== definition.fields.length) {
        ctx.addIssue({ code: 'custom', path: ['fields'], message: t('validation.fieldNamesDiffer'), input: definition.fields });
      }
      if (!definition.profile.id && !definition.profile.email && !definition.profile.name && !definition.profile.username) {
        ctx.addIssue({
          code: 'custom',
          path: ['profile'],
          message: t('validation.mapOne'),
          input: definition.profile,
        });
      }
    }),
  );

export type ProviderDefinition = z.infer<typeof definitionSchema>;

function isJsonText(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
export type DefinitionInput = z.input<typeof definitionSchema>;

export const definitionsFileSchema = z.object({
  format: z.literal('whoami-provider-definitions'),
  version: z.literal(1),
  definitions: z.array(definitionSchema),
});
export type DefinitionsFile = z.infer<typeof definitionsFileSchema>;

export const CUSTOM_PREFIX = 'custom:';

export function customProviderId(definitionId: string): string {
  return `${CUSTOM_PREFIX}${definitionId}`;
}

/** Fills `{field}` placeholders; values are URL-encoded when they go into a URL. */
export function fillTemplate(template: string, values: Record<string, string>, encode: boolean): string {
  return template.replace(PLACEHOLDER, (_, name: string) => {
    const value = values[name] ?? '';
    return encode ? encodeURIComponent(value) : value;
  });
}
