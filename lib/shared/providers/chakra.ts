import type { z } from '../zod';
import { baseUrlField, editableText, secretField, servedFrom, textField } from './fields';
import { defineCredentials, type ProviderDescriptor } from './types';

// Seed 004 and providers.md §D. ChakraHQ has no current-user call: the account holds the id.
const credentials = defineCredentials({
  baseUrl: baseUrlField('https://api.chakrahq.com'),
  token: secretField('Token', { help: 'The access token of an API key made in ChakraHQ (Settings → API Keys).' }),
  userId: textField('User ID', {
    placeholder: '9763caa1-cef3-497f-b3b2-f551456b2831',
    help: 'ChakraHQ has no "current user" call, so Whoami asks for your user id.',
  }),
});

export type ChakraCredentials = z.output<typeof credentials.schema>;

export const chakra: ProviderDescriptor<ChakraCredentials> = {
  id: 'chakra',
  name: 'ChakraHQ',
  needs: 'an API key token and your user id',
  auth: 'bearer',
  credentials,
  ...servedFrom((c) => c.baseUrl),
  editableFields: [
    { name: 'firstName', label: 'First name', input: 'text', schema: editableText('First name', 100, false) },
    { name: 'lastName', label: 'Last name', input: 'text', schema: editableText('Last name', 100) },
  ],
};
