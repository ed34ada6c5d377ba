import { t } from '../i18n';
import { z } from '../zod';
import { isAllowedBaseUrl, normalizeBaseUrl } from '../base-url';
import { editableField, servedFrom } from './fields';
import { defineCredentials, type ProviderDescriptor } from './types';

// Seed 002 and providers.md §B: read with the browser's own `__session` cookie for the
// deployment, so an account holds no secret at all — only where the deployment is.

/** `pk_test_<base64 of the host>` decodes to the deployment host: accept it as a convenience. */
export function deploymentUrlFrom(input: string): string {
  let value = input.trim();
  const key = /^pk_(?:live|test)_([A-Za-z0-9+/=_-]+)$/.exec(value);
  if (key?.[1]) {
    try {
      value = atob(key[1].replaceAll('-', '+').replaceAll('_', '/')).replace(/\$$/, '');
    } catch {
      return value;
    }
  }
  return /^[a-z]+:\/\//i.test(value) ? value : `https://${value}`;
}

const deploymentSchema = z.pipe(
  z.string().check(
    z.trim(),
    z.minLength(1, { error: t('providers.wacht.deploymentHostRequired') }),
    z.refine((value) => isAllowedBaseUrl(deploymentUrlFrom(value)), {
      error: t('providers.wacht.deploymentHostInvalid'),
    }),
  ),
  z.transform((value) => normalizeBaseUrl(deploymentUrlFrom(value))),
);

const credentials = defineCredentials({
  deploymentUrl: {
    label: t('providers.wacht.deploymentHost'),
    kind: 'url',
    placeholder: t('providers.wacht.deploymentHostPlaceholder'),
    help: t('providers.wacht.deploymentHostHelp'),
    schema: deploymentSchema,
  },
  useBrowserSession: {
    label: t('providers.browserSession.label'),
    kind: 'consent',
    defaultValue: 'true',
    help: t('providers.wacht.sessionHelp'),
    schema: z.literal('true', { error: t('providers.wacht.sessionRequired') }),
  },
});

export type WachtCredentials = z.output<typeof credentials.schema>;

export const wacht: ProviderDescriptor<WachtCredentials> = {
  id: 'wacht',
  name: 'Wacht',
  needs: t('providers.browserSession.needs'),
  auth: 'browser-session',
  credentials,
  ...servedFrom((c) => c.deploymentUrl),
  signInUrl: (c) => c.deploymentUrl,
  // Wacht skips empty values, so a name can be changed but not cleared here.
  editableFields: [
    editableField('firstName', 100, { allowEmpty: false }),
    editableField('lastName', 100, { allowEmpty: false }),
    editableField('username', 64, {
      allowEmpty: false,
      checks: [z.regex(/^[A-Za-z0-9_.-]*$/, { error: t('providers.wacht.usernameChars') })],
    }),
  ],
  avatar: { maxBytes: 2_000_000, types: ['image/png', 'image/jpeg', 'image/webp', 'image/gif'] },
};
