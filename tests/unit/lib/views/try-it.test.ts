import { describe, expect, it } from 'vitest';
import { definitionSchema } from '../../../../lib/shared/custom/definition';
import { buildProfile } from '../../../../lib/background/providers/normalize';
import { galleryEntriesFromDisk } from '../../../support/gallery';
import { droppedMappings, shownRequest } from '../../../../lib/views/try-it';
import acme from '../../../fixtures/definitions/acme.json';

const gallery = await galleryEntriesFromDisk();
const entry = (id: string) => gallery.find((e) => e.definition.id === id)!.definition;

describe('Try it shows the request it made', () => {
  it('with every secret masked, wherever it goes', () => {
    const pagerduty = shownRequest(entry('gallery-pagerduty'), { baseUrl: 'https://api.pagerduty.com', apiKey: 'u+secretkey123' });
    expect(pagerduty).toEqual({
      method: 'GET',
      url: 'https://api.pagerduty.com/users/me',
      headers: [
        { name: 'Accept', value: 'application/vnd.pagerduty+json;version=2' },
        { name: 'Content-Type', value: 'application/json' },
        { name: 'Authorization', value: 'Token token=••••' },
      ],
    });
    const twilio = shownRequest(entry('gallery-twilio'), {
      baseUrl: 'https://api.twilio.com',
      accountSid: 'AC123',
      authToken: 'tok-secret-1',
    });
    expect(twilio.url).toBe('https://api.twilio.com/2010-04-01/Accounts/AC123.json');
    expect(twilio.headers).toEqual([{ name: 'Authorization', value: 'Basic (AC123 : ••••)' }]);
    const query = definitionSchema.parse({ ...acme, auth: { type: 'query', name: 'api_key', value: '{apiKey}' } });
    const shown = JSON.stringify(shownRequest(query, { baseUrl: 'https://api.acme.example', apiKey: 'acme_secret_000' }));
    expect(shown).not.toContain('acme_secret_000');
    expect(shown).toContain('api_key=••••');
  });

  it('says which mapped field had a value Whoami could not show', () => {
    const figma = entry('gallery-figma');
    const raw = { id: '1', handle: 'ada', email: 'ada@example.com', img_url: 'not a url' };
    const profile = buildProfile('figma', { id: '1', name: 'ada', username: 'ada', email: 'ada@example.com', avatarUrl: 'not a url' });
    expect(droppedMappings(figma, raw, profile)).toEqual([{ field: 'avatarUrl', path: 'img_url' }]);
    expect(
      droppedMappings(figma, { ...raw, img_url: 'https://cdn.example/a.png' }, { ...profile, avatarUrl: 'https://cdn.example/a.png' }),
    ).toEqual([]);
  });
});
