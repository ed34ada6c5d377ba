import { z } from '../zod';
import { baseUrlField, editableText, secretField, servedFrom } from './fields';
import { defineCredentials, type ProviderDescriptor } from './types';

// Seed 003 and providers.md §C: a user token (Bearer), or an API key the current-user call may refuse.
const credentials = defineCredentials({
  baseUrl: baseUrlField('https://api.leadping.ai'),
  authStyle: {
    label: 'Authentication',
    kind: 'choice',
    defaultValue: 'bearer',
    choices: [
      { value: 'bearer', label: 'User token (Authorization: Bearer)' },
      { value: 'api-key', label: 'API key (X-Leadping-Api-Key)' },
    ],
    schema: z.enum(['bearer', 'api-key'], { error: 'Choose how to authenticate' }),
  },
  token: secretField('Token', { help: '/users/me needs a user token; an API key may be refused.' }),
});

export type LeadpingCredentials = z.output<typeof credentials.schema>;

export const leadping: ProviderDescriptor<LeadpingCredentials> = {
  id: 'leadping',
  name: 'Leadping',
  needs: 'a user token',
  auth: 'bearer',
  credentials,
  ...servedFrom((c) => c.baseUrl),
  editableFields: [
    { name: 'firstName', label: 'First name', input: 'text', schema: editableText('First name', 100) },
    { name: 'lastName', label: 'Last name', input: 'text', schema: editableText('Last name', 100) },
    { name: 'phone', label: 'Phone', input: 'tel', schema: editableText('Phone', 32) },
  ],
};
