import { z } from '../zod';
import { isAllowedBaseUrl, normalizeBaseUrl, originPattern } from '../base-url';
import { plural, t } from '../i18n';
import type { CredentialField, EditableField, ProviderDescriptor } from './types';
import type { EditableFieldName } from '../profile';

/** Secret fields take at least this many characters: see lib/background/redact.ts. */
export const MIN_SECRET_LENGTH = 4;
// The longest real credentials (a JWT with many claims, a PEM key) stay under this; a longer value
// is a paste gone wrong, and every stored secret is searched for in every answer.
const MAX_SECRET_LENGTH = 8192;

const required = (label: string) => z.minLength(1, { error: t('providers.fields.required', { label }) });

export function baseUrlField(defaultValue: string, label = t('providers.fields.baseUrl')): Omit<CredentialField, 'name'> {
  return {
    label,
    kind: 'url',
    defaultValue,
    placeholder: defaultValue,
    schema: z.pipe(
      z.string().check(z.trim(), required(label), z.refine(isAllowedBaseUrl, { error: t('providers.fields.httpsOnly', { label }) })),
      z.transform(normalizeBaseUrl),
    ),
  };
}

export function secretField(
  label: string,
  extra: { help?: string; placeholder?: string; checks?: z.core.$ZodCheck<string>[] } = {},
): Omit<CredentialField, 'name'> {
  return {
    label,
    kind: 'secret',
    help: extra.help,
    placeholder: extra.placeholder,
    schema: z.string().check(
      z.trim(),
      required(label),
      z.refine((value) => !/\s/.test(value), { error: t('providers.fields.noSpaces', { label }) }),
      ...(extra.checks ?? []),
      // Shorter values can't be told apart from ordinary text when Whoami redacts them.
      z.minLength(MIN_SECRET_LENGTH, { error: plural('providers.fields.tooShort', MIN_SECRET_LENGTH, { label }) }),
      z.maxLength(MAX_SECRET_LENGTH, { error: plural('providers.fields.tooLong', MAX_SECRET_LENGTH, { label }) }),
    ),
  };
}

export function textField(label: string, extra: Partial<Omit<CredentialField, 'name' | 'label' | 'kind'>> = {}) {
  return {
    label,
    kind: 'text' as const,
    schema: z.string().check(z.trim(), required(label)),
    ...extra,
  };
}

/** An editable profile field's rules: a length cap, and whether it may be emptied. */
export function editableText(label: string, maxLength: number, allowEmpty = true): z.ZodMiniType<string, string> {
  return z
    .string()
    .check(
      z.trim(),
      z.maxLength(maxLength, { error: plural('providers.fields.tooLong', maxLength, { label }) }),
      ...(allowEmpty ? [] : [required(label)]),
    );
}

const EDITABLE_LABELS: Record<EditableFieldName, () => string> = {
  displayName: () => t('providers.fields.fullName'),
  firstName: () => t('providers.fields.firstName'),
  lastName: () => t('providers.fields.lastName'),
  username: () => t('providers.fields.username'),
  phone: () => t('providers.fields.phone'),
};

/** One editable profile field, under its usual label, with the provider's length cap and rules. */
export function editableField(
  name: EditableFieldName,
  maxLength: number,
  { allowEmpty = true, checks = [] }: { allowEmpty?: boolean; checks?: z.core.$ZodCheck<string>[] } = {},
): EditableField {
  const label = EDITABLE_LABELS[name]();
  const schema = editableText(label, maxLength, allowEmpty);
  return { name, label, input: name === 'phone' ? 'tel' : 'text', schema: checks.length > 0 ? schema.check(...checks) : schema };
}

/** Where an account's requests go, and the host permission that covers exactly that. */
export function servedFrom<C extends Record<string, string>>(
  base: (credentials: C) => string,
): Pick<ProviderDescriptor<C>, 'baseUrl' | 'origins'> {
  return { baseUrl: base, origins: (credentials) => [originPattern(base(credentials))] };
}
