import { z } from '../zod';
import { isAllowedBaseUrl, normalizeBaseUrl } from '../base-url';
import { editableText, servedFrom } from './fields';
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
    z.minLength(1, { error: 'Deployment host is required' }),
    z.refine((value) => isAllowedBaseUrl(deploymentUrlFrom(value)), {
      error: 'Enter the deployment host (e.g. acme.wacht.services) or a publishable key',
    }),
  ),
  z.transform((value) => normalizeBaseUrl(deploymentUrlFrom(value))),
);

const credentials = defineCredentials({
  deploymentUrl: {
    label: 'Deployment host',
    kind: 'url',
    placeholder: 'acme.wacht.services or pk_live_…',
    help: 'The host your app signs in with. A publishable key works too.',
    schema: deploymentSchema,
  },
  useBrowserSession: {
    label: 'Use my signed-in browser session',
    kind: 'consent',
    defaultValue: 'true',
    help: "Whoami reads your profile with the browser's own Wacht session cookie. It never stores or copies the cookie.",
    schema: z.literal('true', { error: 'Wacht works only with your signed-in browser session' }),
  },
});

export type WachtCredentials = z.output<typeof credentials.schema>;

export const wacht: ProviderDescriptor<WachtCredentials> = {
  id: 'wacht',
  name: 'Wacht',
  needs: 'your signed-in browser session',
  auth: 'browser-session',
  credentials,
  ...servedFrom((c) => c.deploymentUrl),
  signInUrl: (c) => c.deploymentUrl,
  // Wacht skips empty values, so a name can be changed but not cleared here.
  editableFields: [
    { name: 'firstName', label: 'First name', input: 'text', schema: editableText('First name', 100, false) },
    { name: 'lastName', label: 'Last name', input: 'text', schema: editableText('Last name', 100, false) },
    {
      name: 'username',
      label: 'Username',
      input: 'text',
      schema: editableText('Username', 64, false).check(
        z.regex(/^[A-Za-z0-9_.-]*$/, { error: 'Username may hold letters, digits, _ . and - only' }),
      ),
    },
  ],
  avatar: { maxBytes: 2_000_000, types: ['image/png', 'image/jpeg', 'image/webp', 'image/gif'] },
};
