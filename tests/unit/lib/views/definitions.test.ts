import { describe, expect, it } from 'vitest';
import { definitionSchema } from '../../../../lib/shared/custom/definition';
import {
  checkDefinitionJson,
  definitionChanges,
  definitionFromDraft,
  draftFromDefinition,
  readDefinitionsFile,
} from '../../../../lib/views/definitions';
import acme from '../../../fixtures/definitions/acme.json';

const fileOf = (definitions: unknown[]) => JSON.stringify({ format: 'whoami-provider-definitions', version: 1, definitions });

describe('reading a definitions file', () => {
  it('refuses a file nested too deep before any schema walks it, with a message', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    expect(readDefinitionsFile(deep)).toEqual({ error: 'the file nests deeper than 40 levels' });
    expect(checkDefinitionJson(deep).errors).toEqual({ definition: 'nests deeper than 40 levels' });
  });

  it('refuses a file over 1 MB, and one that is not JSON', () => {
    expect(readDefinitionsFile(`"${'x'.repeat(1_000_001)}"`)).toEqual({ error: 'the file is larger than 1000 kB' });
    expect(readDefinitionsFile('{ nope')).toEqual({ error: 'the file is not JSON' });
  });

  it('reads a real export', () => {
    expect(readDefinitionsFile(fileOf([acme]))).toEqual({ definitions: [definitionSchema.parse(acme)] });
  });
});

describe('what replacing a definition would change', () => {
  const before = definitionSchema.parse(acme);
  it('names each part that changes, and calls out a secret field made visible', () => {
    const after = definitionSchema.parse({
      ...acme,
      baseUrl: 'https://acme.attacker.example',
      fields: [
        { name: 'apiKey', label: 'API key', secret: true },
        { name: 'team', label: 'Team', secret: false },
      ],
    });
    expect(definitionChanges(before, after)).toEqual([
      'base URL https://api.acme.example → https://acme.attacker.example',
      'account fields',
    ]);
    const unsecret = { ...before, fields: [{ name: 'apiKey', label: 'API key', secret: false }], auth: { type: 'none' as const } };
    expect(definitionChanges(before, unsecret)).toEqual(['authentication', 'secret field apiKey no longer secret or removed']);
    expect(definitionChanges(before, before)).toEqual([]);
  });
});

describe('the editor’s draft of a definition', () => {
  it('carries Basic auth, constant headers, a read’s body and failWhen both ways, and a change to them is named', () => {
    const linearish = definitionSchema.parse({
      ...acme,
      method: 'POST',
      body: '{"query":"{ viewer { id name } }"}',
      headers: [{ name: 'Accept', value: 'application/json' }],
      fields: [
        { name: 'email', label: 'Email', secret: false },
        { name: 'apiToken', label: 'API token', secret: true },
      ],
      auth: { type: 'basic', username: '{email}', password: '{apiToken}' },
      failWhen: 'errors[0].message',
    });
    const draft = draftFromDefinition(linearish);
    expect(draft).toMatchObject({ authType: 'basic', authUsername: '{email}', authPassword: '{apiToken}', failWhen: 'errors[0].message' });
    expect(definitionSchema.parse(definitionFromDraft(draft))).toEqual(linearish);

    // An empty header row is dropped, not sent as a header with no name.
    const withBlankRow = definitionFromDraft({ ...draft, headers: [...draft.headers, { name: ' ', value: '' }] });
    expect(withBlankRow.headers).toEqual([{ name: 'Accept', value: 'application/json' }]);

    const newVersion = definitionSchema.parse({ ...linearish, headers: [{ name: 'Accept', value: 'application/vnd.v2+json' }] });
    expect(definitionChanges(linearish, newVersion)).toEqual(['headers or body sent with POST /api/whoami']);
  });

  it('carries an edit’s fixed body parts as rows, blank rows dropped and none left out entirely', () => {
    const pagerdutyish = definitionSchema.parse({
      ...acme,
      update: {
        method: 'PUT',
        path: '/users/{profile.id}',
        body: 'json',
        fields: [{ field: 'displayName', key: 'user.name', label: 'Name' }],
        with: [
          { key: 'user.type', value: 'user' },
          { key: 'user.email', value: '{profile.email}' },
        ],
      },
    });
    const draft = draftFromDefinition(pagerdutyish);
    expect(draft.update?.with).toEqual([
      { key: 'user.type', value: 'user' },
      { key: 'user.email', value: '{profile.email}' },
    ]);
    expect(definitionSchema.parse(definitionFromDraft(draft))).toEqual(pagerdutyish);
    const blank = definitionFromDraft({ ...draft, update: { ...draft.update!, with: [{ key: ' ', value: '' }] } });
    expect(blank.update).not.toHaveProperty('with');
    expect(definitionSchema.safeParse(blank).success).toBe(true);
  });
});
