import { z } from '../zod';
import { baseUrlField, editableText, secretField, servedFrom } from './fields';
import { defineCredentials, type ProviderDescriptor } from './types';

// Seeds 000/001 and providers.md §A: the API key goes in the query (`api_key`), as Insighto
// requires — its docs say Bearer headers don't work.
const credentials = defineCredentials({
  baseUrl: baseUrlField('https://api.insighto.ai'),
  apiKey: secretField('API key', {
    placeholder: 'in-…',
    help: 'Settings → API Keys in Insighto. Sent as the api_key query parameter, as Insighto requires.',
    checks: [z.startsWith('in-', { error: 'Insighto API keys start with "in-"' })],
  }),
});

export type InsightoCredentials = z.output<typeof credentials.schema>;

const PHONE = /^[+()0-9 .-]*$/;

export const insighto: ProviderDescriptor<InsightoCredentials> = {
  id: 'insighto',
  name: 'Insighto',
  needs: 'an API key (Settings → API Keys)',
  auth: 'query-key',
  credentials,
  ...servedFrom((c) => c.baseUrl),
  // Only what Insighto's own profile screen edits; never email, privilege or billing fields.
  editableFields: [
    { name: 'firstName', label: 'First name', input: 'text', schema: editableText('First name', 100) },
    { name: 'lastName', label: 'Last name', input: 'text', schema: editableText('Last name', 100) },
    {
      name: 'phone',
      label: 'Phone',
      input: 'tel',
      schema: editableText('Phone', 32).check(z.regex(PHONE, { error: 'Phone may hold digits, spaces, +, -, . and parentheses only' })),
    },
  ],
};
