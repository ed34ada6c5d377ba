import { beforeAll, describe, expect, it } from 'vitest';
import { galleryEntriesFromDisk } from '../../../../support/gallery';
import { galleryEntrySchema } from '../../../../../lib/shared/gallery/entry';
import github from '../../../../../public/gallery/github.json';

describe('the gallery', () => {
  let entries: Awaited<ReturnType<typeof galleryEntriesFromDisk>> = [];
  beforeAll(async () => {
    entries = await galleryEntriesFromDisk();
  });

  it('ships the providers developers use, each a checked definition', () => {
    expect(entries.map((entry) => entry.definition.name)).toEqual([
      'Asana',
      'Cloudflare',
      'DigitalOcean',
      'Figma',
      'GitHub',
      'GitLab',
      'Heroku',
      'Hugging Face',
      'Jira Cloud',
      'Linear',
      'Netlify',
      'Notion',
      'Okta',
      'PagerDuty',
      'Slack',
      'Twilio',
      'Vercel',
    ]);
    expect(new Set(entries.map((entry) => entry.definition.id)).size).toBe(entries.length);
  });

  it('names each token the way its provider does, and says where to make it in both languages', () => {
    for (const { definition, about, tokenUrl } of entries) {
      const secrets = definition.fields.filter((field) => field.secret);
      expect(secrets.length, definition.name).toBeGreaterThan(0);
      expect(
        secrets.every((field) => field.label !== 'Token'),
        definition.name,
      ).toBe(true);
      expect(new URL(tokenUrl).protocol).toBe('https:');
      expect(about.de).not.toBe(about.en);
    }
  });

  it('asks for the host where it is per customer, and offers the public API elsewhere', () => {
    const perCustomer = entries.filter((entry) => entry.baseUrlExample).map((entry) => entry.definition.name);
    expect(perCustomer).toEqual(['Jira Cloud', 'Okta']);
    expect(entries.find((entry) => entry.definition.name === 'GitHub')!.definition.baseUrl).toBe('https://api.github.com');
  });

  it('refuses an entry outside the gallery’s ids or with a key written into it', () => {
    expect(galleryEntrySchema.safeParse({ ...github, definition: { ...github.definition, id: 'github' } }).success).toBe(false);
    const keyed = { ...github.definition, auth: { type: 'header', name: 'Authorization', value: 'Bearer ghp_0123456789abcdefghij' } };
    expect(galleryEntrySchema.safeParse({ ...github, definition: keyed }).success).toBe(false);
  });
});
