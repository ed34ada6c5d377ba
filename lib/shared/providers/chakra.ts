import { t } from '../i18n';
import type { z } from '../zod';
import { baseUrlField, editableField, secretField, servedFrom, textField } from './fields';
import { defineCredentials, type ProviderDescriptor } from './types';

// Seed 004 and providers.md §D. ChakraHQ has no current-user call: the account holds the id.
const credentials = defineCredentials({
  baseUrl: baseUrlField('https://api.chakrahq.com'),
  token: secretField(t('providers.fields.token'), { help: t('providers.chakra.tokenHelp') }),
  userId: textField(t('providers.fields.userId'), {
    placeholder: '9763caa1-cef3-497f-b3b2-f551456b2831',
    help: t('providers.chakra.userIdHelp'),
  }),
});

export type ChakraCredentials = z.output<typeof credentials.schema>;

export const chakra: ProviderDescriptor<ChakraCredentials> = {
  id: 'chakra',
  name: 'ChakraHQ',
  needs: t('providers.chakra.needs'),
  auth: 'bearer',
  credentials,
  ...servedFrom((c) => c.baseUrl),
  editableFields: [editableField('firstName', 100, { allowEmpty: false }), editableField('lastName', 100)],
};
