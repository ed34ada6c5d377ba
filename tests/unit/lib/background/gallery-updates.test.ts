import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { followGalleryUpdates } from '../../../../lib/background/gallery-updates';
import type { ProviderDefinition } from '../../../../lib/shared/custom/definition';
import { backgroundHarness } from '../../../support/background-harness';
import { galleryEntriesFromDisk, readPackagedFromDisk } from '../../../support/gallery';

const shipped = await galleryEntriesFromDisk();
const github = shipped.find((entry) => entry.definition.id === 'gallery-github')!;

describe('after Whoami updates', () => {
  it('a ready provider in use follows its corrected entry, and its account stays', async () => {
    fakeBrowser.reset();
    const bg = backgroundHarness(undefined as never);
    // As an older Whoami shipped it: an API version since corrected.
    const older = { ...github.definition, headers: [{ name: 'X-GitHub-Api-Version', value: '2020-01-01' }] };
    await bg.send('saveDefinition', { definition: older });
    await bg.send('addAccount', {
      provider: 'custom:gallery-github',
      label: 'GitHub',
      credentials: { baseUrl: 'http://127.0.0.1:9', token: 'ghp_0123456789abcdefghij' },
    });
    const save = (definition: ProviderDefinition) => bg.send('saveDefinition', { definition });

    expect(await followGalleryUpdates(save, readPackagedFromDisk)).toEqual(['gallery-github']);
    const { definitions } = await bg.send('listDefinitions', {});
    expect(definitions).toEqual([github.definition]);
    expect((await bg.send('listAccounts', {})).accounts.map((a) => a.provider)).toEqual(['custom:gallery-github']);
    // Already current: nothing to do.
    expect(await followGalleryUpdates(save, readPackagedFromDisk)).toEqual([]);
  });

  it('a correction that would show a stored secret is refused, and the provider keeps what it had', async () => {
    fakeBrowser.reset();
    const bg = backgroundHarness(undefined as never);
    await bg.send('saveDefinition', { definition: github.definition });
    await bg.send('addAccount', {
      provider: 'custom:gallery-github',
      label: 'GitHub',
      credentials: { baseUrl: 'http://127.0.0.1:9', token: 'ghp_0123456789abcdefghij' },
    });
    const unsafe = { ...github, definition: { ...github.definition, fields: [{ name: 'token', label: 'Token', secret: false }] } };
    const replaced = await followGalleryUpdates(
      (definition) => bg.send('saveDefinition', { definition }),
      async () => unsafe,
    );
    expect(replaced).toEqual([]);
    expect((await bg.send('listDefinitions', {})).definitions).toEqual([github.definition]);
  });

  it('leaves the user’s own providers alone, and reads no file for them', async () => {
    fakeBrowser.reset();
    const bg = backgroundHarness(undefined as never);
    await bg.send('saveDefinition', { definition: { ...github.definition, id: 'my-github', name: 'My GitHub' } });
    const read: string[] = [];
    await followGalleryUpdates(
      (definition) => bg.send('saveDefinition', { definition }),
      async (file) => void read.push(file),
    );
    expect(read).toEqual([]);
  });
});
