// Shared code reads its messages: Node needs a stand-in for the browser's i18n API, loaded first.
import '../support/node-i18n';
import { type BrowserContext, expect, type Page } from '@playwright/test';
import type { RequestOutput } from '../../lib/shared/messaging/replies';
import { CREDENTIAL_PORT, CREDENTIAL_REQUESTS } from '../../lib/shared/messaging/channels';
import type { RequestInput, RequestType } from '../../lib/shared/messaging/requests';
import { descriptors, providerIds, type ProviderId } from '../../lib/shared/providers';
import { createMocks } from '../mock-providers/index';
import type { MockProviders } from '../mock-providers/server';

// Every provider list here comes from the one registry, and every demo person from the mocks.
export type ProviderName = ProviderId;
export const PROVIDERS: ProviderName[] = providerIds;

/** How each provider is named in the UI, and who its first mock user is. */
export const PROVIDER_NAMES = Object.fromEntries(providerIds.map((id) => [id, descriptors[id].name])) as Record<ProviderName, string>;
const demo = createMocks();
export const DEMO_PEOPLE = Object.fromEntries(providerIds.map((id) => [id, demo[id].displayNameOf(demo[id].userIds()[0]!)])) as Record<
  ProviderName,
  string
>;

/** Sends a protocol request from an extension page, exactly as the views do (typed secrets over a port). */
export async function send<T extends RequestType>(page: Page, type: T, input: RequestInput<T>): Promise<RequestOutput<T>> {
  const reply = await page.evaluate(
    ([type, input, overPort, portName]) => {
      const message = { whoami: 'request', type, input };
      if (!overPort) return chrome.runtime.sendMessage(message);
      return new Promise((resolve, reject) => {
        const port = chrome.runtime.connect({ name: portName });
        port.onMessage.addListener((answer) => (resolve(answer), port.disconnect()));
        port.onDisconnect.addListener(() => reject(new Error('port closed')));
        port.postMessage(message);
      });
    },
    [type, input, CREDENTIAL_REQUESTS.has(type), CREDENTIAL_PORT] as const,
  );
  const envelope = reply as { ok: boolean; data?: unknown; error?: unknown };
  if (!envelope.ok) throw new Error(`${type} failed: ${JSON.stringify(envelope.error)}`);
  return envelope.data as RequestOutput<T>;
}

/** Signs in on the mock Wacht's page in this browser, as a user would: the cookie is the browser's. */
export async function signInToWacht(context: BrowserContext, mock: MockProviders, user: number | string = 0): Promise<void> {
  const userId = typeof user === 'string' ? user : mock.wacht.userIds()[user]!;
  const { username, password } = mock.wacht.signInOf(userId);
  const page = await context.newPage();
  await page.goto(`${mock.baseUrl('wacht')}/sign-in`);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByText(`Signed in as ${username}`).waitFor();
  await page.close();
}

/** Adds one account per provider through the message protocol and waits for their profiles. */
export async function addAccounts(page: Page, mock: MockProviders, providers: ProviderName[] = PROVIDERS) {
  const added = [];
  for (const provider of providers) {
    const userId = mock[provider].userIds()[0]!;
    added.push(await send(page, 'addAccount', { provider, label: `${provider} demo`, credentials: mock.credentials(provider, userId) }));
  }
  await send(page, 'refresh', {});
  return added;
}

/**
 * Stops the extension's service worker the way Chrome does when it idles, via the Stop button
 * of chrome://serviceworker-internals (CDP's stopAllWorkers closes the whole context here).
 */
export async function stopServiceWorker(context: BrowserContext, extensionId: string): Promise<void> {
  const page = await context.newPage();
  await page.goto('chrome://serviceworker-internals/');
  const registration = page.locator('.serviceworker-registration', { hasText: `chrome-extension://${extensionId}/` });
  await registration.getByText('Stop', { exact: true }).first().click();
  await registration.locator('.serviceworker-running-status', { hasText: 'STOPPED' }).waitFor();
  await page.close();
}

/** A marker only a still-running worker remembers: proof that a restart really happened. */
export async function markWorker(context: BrowserContext, extensionId: string): Promise<void> {
  const worker = context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${extensionId}/`));
  await worker!.evaluate(() => ((globalThis as { __alive?: boolean }).__alive = true));
}

/** Whether the running worker is the one that was marked (false after a real restart). */
export async function workerHasMarker(context: BrowserContext, extensionId: string): Promise<boolean> {
  // Playwright may still list the stopped worker for a while; the newest one is the live one.
  const workers = context.serviceWorkers().filter((w) => w.url().startsWith(`chrome-extension://${extensionId}/`));
  const worker = workers.at(-1) ?? (await context.waitForEvent('serviceworker'));
  return worker.evaluate(() => (globalThis as { __alive?: boolean }).__alive === true);
}

/** Runs axe-core in the page and answers its serious and critical violations. */
export async function seriousA11yViolations(page: Page): Promise<Array<{ id: string; help: string; nodes: string[] }>> {
  const { readFileSync } = await import('node:fs');
  const { createRequire } = await import('node:module');
  const source = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  // Evaluated through the debugger protocol, which the extension page's CSP does not apply to.
  await page.evaluate(source);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            ctx: Document,
          ) => Promise<{ violations: Array<{ id: string; help: string; impact: string; nodes: Array<{ target: string[] }> }> }>;
        };
      }
    ).axe;
    const { violations } = await axe.run(document);
    return violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  });
}

/** The account form on the options page (add, edit or complete an import). */
export const accountForm = (options: Page) => options.locator('form.account-form');

/** Fills the add-account form the way a user does: each setting the provider asks for, by its visible label. */
export async function fillAccountForm(
  options: Page,
  mock: MockProviders,
  provider: ProviderName,
  { userId = mock[provider].userIds()[0]!, overrides = {} }: { userId?: string; overrides?: Record<string, string> } = {},
) {
  await options.getByRole('button', { name: 'Add account' }).click();
  const form = accountForm(options);
  await form.getByLabel('Provider').selectOption({ label: PROVIDER_NAMES[provider] });
  await form.getByLabel('Label', { exact: true }).fill(`${PROVIDER_NAMES[provider]} (work)`);
  const credentials = { ...mock.credentials(provider, userId), ...overrides };
  for (const field of descriptors[provider].credentials.fields) {
    const input = form.getByLabel(field.label, { exact: true });
    const value = credentials[field.name];
    if (field.kind === 'consent') await expect(input).toBeChecked();
    else if (field.kind === 'choice') await input.selectOption(value ?? field.defaultValue ?? '');
    else if (value !== undefined) await input.fill(value);
  }
}
