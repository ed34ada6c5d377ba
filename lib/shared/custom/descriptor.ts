import { t, uiLocale } from '../i18n';
import { z } from '../zod';
import { baseUrlField, editableText, secretField, servedFrom, textField } from '../providers/fields';
import { type CredentialField, defineCredentials, type ProviderDescriptor } from '../providers/types';
import { customProviderId, type ProviderDefinition } from './definition';

function credentialFields(definition: ProviderDefinition): Record<string, Omit<CredentialField, 'name'>> {
  const fields: Record<string, Omit<CredentialField, 'name'>> = { baseUrl: baseUrlField(definition.baseUrl) };
  for (const field of definition.fields) {
    fields[field.name] = { ...(field.secret ? secretField(field.label) : textField(field.label)), prefixes: field.prefixes };
  }
  if (definition.auth.type === 'browser-session') {
    fields.useBrowserSession = {
      label: t('providers.browserSession.label'),
      kind: 'consent',
      defaultValue: 'true',
      help: t('providers.custom.sessionHelp', { cookie: definition.auth.cookie }),
      schema: z.literal('true', { error: t('providers.custom.sessionRequired', { provider: definition.name }) }),
    };
  }
  return fields;
}

/** A user-defined provider as the views see it: the same form, origins and edits as a built-in's. */
export function descriptorFromDefinition(definition: ProviderDefinition): ProviderDescriptor {
  const browserSession = definition.auth.type === 'browser-session';
  return {
    id: customProviderId(definition.id),
    name: definition.name,
    // English reads labels inside a sentence in lower case ("an api key"); German keeps its nouns.
    needs: browserSession
      ? t('providers.browserSession.needs')
      : new Intl.ListFormat(uiLocale(), { type: 'conjunction' }).format(
          definition.fields.map((f) => (uiLocale() === 'en' ? f.label.toLowerCase() : f.label)),
        ) || t('providers.custom.noCredentials'),
    auth: browserSession ? 'browser-session' : definition.auth.type === 'query' ? 'query-key' : 'bearer',
    credentials: defineCredentials(credentialFields(definition)) as never,
    ...servedFrom((c) => c.baseUrl!),
    signInUrl: browserSession ? (c) => c.baseUrl! : undefined,
    editableFields: definition.update?.fields.map(({ field, label }) => ({
      name: field,
      label,
      input: field === 'phone' ? ('tel' as const) : ('text' as const),
      schema: editableText(label, 200, field !== 'displayName'),
    })),
  };
}
