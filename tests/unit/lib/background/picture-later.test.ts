import { expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { backgroundHarness, OWN_SENDER } from '../../../support/background-harness';
import { useMockProviders } from '../../../support/use-mock-providers';

// A popup asking for a profile (a view's refresh) gets the profile as soon as the provider has
// answered; a picture it has not fetched before follows, saved and announced on its own.
const mock = useMockProviders();

it('answers a view before fetching a new picture, then saves and announces the picture', async () => {
  const bg = backgroundHarness(mock);
  const userId = mock.chakra.userIds()[1]!; // Christine has a picture
  const account = await bg.send('addAccount', { provider: 'chakra', label: 'Pictured', credentials: mock.credentials('chakra', userId) });
  await bg.settle();
  const first = await bg.send('getProfile', { accountId: account.id });
  expect(first.picture).toMatchObject({ state: 'loaded' }); // the user's own Refresh (on saving) fetches it at once

  // The provider now points at another picture; a popup opening a minute later asks.
  Object.assign(mock.chakra.userData(userId)!, { username: 'renamed-for-a-new-picture' });
  bg.advance(61_000);
  const picturesBefore = mock.pictureRequests.length;
  const reply = await bg.core.handleMessage(
    { whoami: 'request', type: 'getProfile', input: { accountId: account.id, maxAgeMs: 60_000 } },
    OWN_SENDER,
  );
  expect(reply).toMatchObject({ ok: true, data: { picture: null, profile: { username: 'renamed-for-a-new-picture' } } });
  await bg.settle();
  expect(mock.pictureRequests.length).toBe(picturesBefore + 1);
  const key = `profile:${account.id}`;
  const stored = (await fakeBrowser.storage.local.get(key))[key] as { picture: { state: string; source: string } };
  expect(stored.picture).toMatchObject({ state: 'loaded', source: expect.stringContaining('renamed-for-a-new-picture') });
  expect(bg.events.at(-1)).toMatchObject({ type: 'profile', entry: { picture: { state: 'loaded' } } });
});
