import { t } from '../i18n';
import { z } from '../zod';
import { baseUrlField, editableField, secretField, servedFrom } from './fields';
import { defineCredentials, type ProviderDescriptor } from './types';

// Seed 003 and providers.md §C: a user token (Bearer), or an API key the current-user call may refuse.
const credentials = defineCredentials({
  baseUrl: baseUrlField('https://api.leadping.ai'),
  authStyle: {
    label: t('providers.leadping.authentication'),
    kind: 'choice',
    defaultValue: 'bearer',
    choices: [
      { value: 'bearer', label: t('providers.leadping.bearer') },
      { value: 'api-key', label: t('providers.leadping.apiKey') },
    ],
    schema: z.enum(['bearer', 'api-key'], { error: t('providers.leadping.chooseAuth') }),
  },
  token: secretField(t('providers.fields.token'), { help: t('providers.leadping.tokenHelp') }),
});

export type LeadpingCredentials = z.output<typeof credentials.schema>;

export const leadping: ProviderDescriptor<LeadpingCredentials> = {
  id: 'leadping',
  name: 'Leadping',
  needs: t('providers.leadping.needs'),
  auth: 'bearer',
  credentials,
  ...servedFrom((c) => c.baseUrl),
  editableFields: [editableField('firstName', 100), editableField('lastName', 100), editableField('phone', 32)],
};
