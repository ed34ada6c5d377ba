import { describe, expect, it } from 'vitest';
import { loadGallery } from '../../../../lib/views/gallery';
import { isGalleryProvider } from '../../../../lib/shared/gallery/ids';
import { matchesPrefixes } from '../../../../lib/views/token-format';
import { initialValues, validateForm } from '../../../../lib/views/account-form';
import { readPackagedFromDisk } from '../../../support/gallery';

describe('the gallery in the add-account form', () => {
  it('fills in the public API, and asks for the host where it is the customer’s own', async () => {
    const gallery = await loadGallery(readPackagedFromDisk);
    const github = gallery.find((choice) => choice.descriptor.name === 'GitHub')!;
    expect(initialValues(github.descriptor).baseUrl).toBe('https://api.github.com');
    expect(isGalleryProvider(github.descriptor.id)).toBe(true);
    expect(isGalleryProvider('custom:acme')).toBe(false);

    const okta = gallery.find((choice) => choice.descriptor.name === 'Okta')!;
    const baseUrl = okta.descriptor.credentials.fields.find((field) => field.name === 'baseUrl')!;
    expect(initialValues(okta.descriptor).baseUrl).toBe('');
    expect(baseUrl.placeholder).toBe('https://your-org.okta.com');
    expect(validateForm(okta.descriptor, { ...initialValues(okta.descriptor), apiToken: '00abcdefgh' }).errors.baseUrl).toBe(
      'Base URL is required',
    );
  });

  it('warns about a value that is not the provider’s kind of token, and says nothing of an empty one', () => {
    expect(matchesPrefixes('xoxp-123', ['ghp_', 'github_pat_'])).toBe(false);
    expect(matchesPrefixes(' ghp_abc ', ['ghp_', 'github_pat_'])).toBe(true);
    expect(matchesPrefixes('', ['ghp_'])).toBe(true);
    expect(matchesPrefixes('anything', undefined)).toBe(true);
  });
});
