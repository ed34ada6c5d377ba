import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createBackgroundCore } from '../../lib/background';
import type { RequestOutput } from '../../lib/shared/messaging/replies';
import type { RequestInput, RequestType } from '../../lib/shared/messaging/requests';
import type { MockProviders } from '../mock-providers/server';
import { signInToWacht } from './cookie-jar';
import { fakePlatform } from './fake-platform';

export const OWN_SENDER = { id: fakeBrowser.runtime.id, url: `chrome-extension://${fakeBrowser.runtime.id}/popup.html` };

/**
 * The background's real handlers and router over the fake browser's storage, with a fake
 * platform whose fetch reaches the mock providers over real HTTP.
 */
export function backgroundHarness(mock: MockProviders) {
  const fake = fakePlatform();
  const alarms: number[] = [];
  const core = createBackgroundCore(fake.platform, async (minutes) => void alarms.push(minutes));

  /** Sends a request the way a view does, through the router with its checks. */
  async function send<T extends RequestType>(type: T, input: RequestInput<T>, sender = OWN_SENDER): Promise<RequestOutput<T>> {
    const reply = await core.handleMessage({ whoami: 'request', type, input }, sender);
    // What follows an answer (badge, broadcasts) settles before the test looks at it.
    await core.refresher.idle();
    if (!reply.ok)
      throw Object.assign(new Error(`${reply.error.kind}: ${reply.error.detail ?? reply.error.providerMessage}`), { info: reply.error });
    return reply.data as RequestOutput<T>;
  }

  async function addMockAccount(provider: 'insighto' | 'wacht' | 'leadping' | 'chakra', userIndex = 0, label?: string) {
    const userId = mock[provider].userIds()[userIndex]!;
    if (provider === 'wacht') {
      const { username, password } = mock.wacht.signInOf(userId);
      await signInToWacht(fake.jar, mock.baseUrl('wacht'), username, password);
    }
    return send('addAccount', { provider, label: label ?? `${provider} ${userIndex}`, credentials: mock.credentials(provider, userId) });
  }

  /** Lets the refresh an add or update starts in the background finish. */
  const settle = () => core.refresher.idle();

  return { ...fake, core, send, addMockAccount, settle, alarms };
}
