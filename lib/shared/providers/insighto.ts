import { t } from '../i18n';
import { z } from '../zod';
import { baseUrlField, editableField, secretField, servedFrom } from './fields';
import { defineCredentials, type ProviderDescriptor } from './types';

// Seeds 000/001 and providers.md §A: the API key goes in the query (`api_key`), as Insighto
// requires — its docs say Bearer headers don't work.
const credentials = defineCredentials({
  baseUrl: baseUrlField('https://api.insighto.ai'),
  apiKey: secretField(t('providers.fields.apiKey'), {
    placeholder: 'in-…',
    help: t('providers.insighto.apiKeyHelp'),
    checks: [z.startsWith('in-', { error: t('providers.insighto.apiKeyPrefix') })],
  }),
});

export type InsightoCredentials = z.output<typeof credentials.schema>;

const PHONE = /^[+()0-9 .-]*$/;

export const insighto: ProviderDescriptor<InsightoCredentials> = {
  id: 'insighto',
  name: 'Insighto',
  needs: t('providers.insighto.needs'),
  auth: 'query-key',
  credentials,
  ...servedFrom((c) => c.baseUrl),
  // Only what Insighto's own profile screen edits; never email, privilege or billing fields.
  editableFields: [
    editableField('firstName', 100),
    editableField('lastName', 100),
    editableField('phone', 32, { checks: [z.regex(PHONE, { error: t('providers.insighto.phoneChars') })] }),
  ],
};
