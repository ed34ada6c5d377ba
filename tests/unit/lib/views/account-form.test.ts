import { describe, expect, it } from 'vitest';
import type { AccountSummary } from '../../../../lib/shared/model';
import { providers } from '../../../../lib/background/providers';
import { initialValues, originsFor, validateForm } from '../../../../lib/views/account-form';
import { accountState } from '../../../../lib/views/account-state';

const editing: AccountSummary = {
  id: 'a1',
  provider: 'chakra',
  providerName: 'ChakraHQ',
  label: 'Work',
  settings: { baseUrl: 'https://api.chakrahq.com', userId: 'u-1' },
  secretHints: { token: '••••abcd' },
  tokenExpiry: null,
  origins: ['https://api.chakrahq.com/*'],
  host: 'api.chakrahq.com',
  signInUrl: null,
  editableFields: [],
  avatarUpload: null,
  createdAt: 1,
  revision: 1,
};

describe('account form logic', () => {
  it('starts a new account from the adapter defaults', () => {
    expect(initialValues(providers.leadping)).toEqual({
      label: 'Leadping',
      baseUrl: 'https://api.leadping.ai',
      authStyle: 'bearer',
      token: '',
    });
    expect(initialValues(providers.wacht)).toEqual({ label: 'Wacht', deploymentUrl: '', useBrowserSession: 'true' });
  });

  it('starts an edit from the saved settings, with secrets empty', () => {
    expect(initialValues(providers.chakra, editing)).toEqual({
      label: 'Work',
      baseUrl: 'https://api.chakrahq.com',
      token: '',
      userId: 'u-1',
    });
  });

  it('reports each invalid field with the adapter’s own words', () => {
    const { errors } = validateForm(providers.insighto, { label: '', baseUrl: 'ftp://x', apiKey: 'key' });
    expect(errors).toEqual({
      label: 'Label is required',
      baseUrl: 'Base URL must be an https:// URL (http only for localhost)',
      apiKey: 'Insighto API keys start with "in-"',
    });
  });

  it('accepts https and localhost, and normalizes the base URL', () => {
    const ok = validateForm(providers.insighto, { label: 'Me', baseUrl: 'https://api.insighto.ai/', apiKey: 'in-abc' });
    expect(ok.errors).toEqual({});
    expect(ok.credentials).toEqual({ baseUrl: 'https://api.insighto.ai', apiKey: 'in-abc' });
    expect(validateForm(providers.insighto, { label: 'Me', baseUrl: 'http://localhost:8080', apiKey: 'in-abc' }).errors).toEqual({});
    expect(originsFor(providers.insighto, ok.credentials)).toEqual(['https://api.insighto.ai/*']);
  });

  it('lets an edit leave a saved secret empty, but not a new account', () => {
    const values = { label: 'Work', baseUrl: 'https://api.chakrahq.com', token: '', userId: 'u-1' };
    expect(validateForm(providers.chakra, values, editing).errors).toEqual({});
    expect(validateForm(providers.chakra, values).errors).toEqual({ token: 'Token is required' });
  });

  it('asks for a saved secret again when the account would point to another origin', () => {
    const values = { label: 'Work', baseUrl: 'https://chakra.attacker.example', token: '', userId: 'u-1' };
    expect(validateForm(providers.chakra, values, editing).errors).toEqual({
      token: 'Type the token again: the saved one is only ever sent to api.chakrahq.com',
    });
    expect(validateForm(providers.chakra, { ...values, baseUrl: 'https://api.chakrahq.com/' }, editing).errors).toEqual({});
  });

  it('requires consent for the Wacht browser session', () => {
    const { errors } = validateForm(providers.wacht, { label: 'App', deploymentUrl: 'acme.wacht.services', useBrowserSession: '' });
    expect(errors).toEqual({ useBrowserSession: 'Wacht works only with your signed-in browser session' });
  });

  it('names the state of an account from its last attempt', () => {
    expect(accountState(undefined)).toBe('never-tested');
    expect(accountState({ error: null, attemptedAt: 1 })).toBe('ok');
    expect(accountState({ error: { kind: 'signed-out' }, attemptedAt: 1 })).toBe('signed-out');
    expect(accountState({ error: { kind: 'unauthorized' }, attemptedAt: 1 })).toBe('rejected');
    expect(accountState({ error: { kind: 'permission-missing' }, attemptedAt: 1 })).toBe('permission-missing');
    expect(accountState({ error: { kind: 'timeout' }, attemptedAt: 1 })).toBe('error');
  });
});
