// Shared code reads its messages: Node needs a stand-in for the browser's i18n API, loaded first.
import '../../support/node-i18n';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, type TestInfo } from '@playwright/test';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { CREDENTIAL_PORT, CREDENTIAL_REQUESTS } from '../../../lib/shared/messaging/channels';
import type { RequestOutput } from '../../../lib/shared/messaging/replies';
import type { RequestInput, RequestType } from '../../../lib/shared/messaging/requests';
import { createMockProviders, type MockProviders } from '../../mock-providers/server';

/**
 * Real Firefox ESR (Debian's `firefox-esr`), driven over WebDriver BiDi by puppeteer-core, with
 * the **store build** installed as a temporary add-on: host permissions stay optional and are
 * asked for from the click, exactly as for a user — the prompt is auto-accepted by a pref.
 * Playwright's own Firefox can't be downloaded here; its test runner still runs these files.
 */
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/lib/firefox-esr/firefox-esr';
const STORE_BUILD_DIR = path.resolve('.output/firefox-mv2');
const GECKO_ID = 'whoami@whoami.dev';
/** Fixed, so the tests know the add-on's moz-extension:// host. */
const EXTENSION_UUID = '5f0e2a3b-6c1d-4e8f-9a7b-2c3d4e5f6a7b';
const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;

/** What Firefox printed on stdout and stderr, line by line, with when each line came. */
const outputOf = new WeakMap<Browser, Array<{ at: number; line: string }>>();
/** Firefox's words when it stops a running script (the JS engine's JSMSG_TERMINATED warning). */
const SCRIPT_STOPPED = /Script terminated by timeout/;
/** A task in an extension page longer than this fails the test (see measureLongestTask). */
const LONGEST_TASK_LIMIT_MS = 1000;

export async function launchFirefox(profileDir: string, { extensionDir = STORE_BUILD_DIR, headless = true } = {}): Promise<Browser> {
  if (!fs.existsSync(path.join(extensionDir, 'manifest.json'))) {
    throw new Error(`No Firefox build in ${extensionDir}: run \`npm run build:firefox\` first.`);
  }
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless,
    userDataDir: profileDir,
    // Without it BiDi refuses to navigate to moz-extension:// pages.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
      // Optional host permissions are granted without the doorhanger nobody can click — but
      // Firefox still refuses a request not made inside the user's input handler.
      'extensions.webextOptionalPermissionPrompts': false,
      'browser.shell.checkDefaultBrowser': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.reportingpolicy.firstRun': false,
    },
  });
  const lines: Array<{ at: number; line: string }> = [];
  outputOf.set(browser, lines);
  for (const stream of [browser.process()?.stdout, browser.process()?.stderr]) {
    let rest = '';
    stream?.on('data', (chunk: Buffer) => {
      const parts = (rest + chunk.toString()).split('\n');
      rest = parts.pop()!;
      for (const line of parts) lines.push({ at: Date.now(), line });
    });
  }
  await browser.installExtension(extensionDir);
  return browser;
}

/** Opens an extension page in a tab. BiDi sends no load events for extension pages: wait for the document. */
export async function openExtensionPage(browser: Browser, page: 'popup.html' | 'options.html'): Promise<Page> {
  const tab = await browser.newPage();
  await tab.setViewport(page === 'popup.html' ? { width: 360, height: 600 } : { width: 1000, height: 900 });
  await tab.goto(`${EXTENSION_ORIGIN}/${page}`, { waitUntil: [] });
  await tab.waitForFunction(() => document.readyState === 'complete' && document.getElementById('root')?.childElementCount);
  await measureLongestTask(tab);
  return tab;
}

/**
 * Measures, from now on, the longest task of the extension's pages — how late a 50 ms tick of
 * this page runs — for the check when the test closes Firefox. Every extension page and the
 * background page share one thread, so the visible page's tick is delayed by a long task of any
 * of them. Firefox's own slow-script check is no help here: puppeteer turns it off, and even with
 * Firefox's default limits a 25 s loop in an extension page ran to its end without a word. A
 * hidden tab's timers are slowed on purpose: they don't count, and a change of visibility
 * starts the measure again. A reload ends it: call this again after one.
 */
export async function measureLongestTask(page: Page): Promise<void> {
  await page.evaluate((tickMs: number) => {
    const scope = globalThis as unknown as { __longestTaskMs: number };
    scope.__longestTaskMs = 0;
    let last = performance.now();
    document.addEventListener('visibilitychange', () => (last = performance.now()));
    setInterval(() => {
      const now = performance.now();
      if (document.visibilityState === 'visible') scope.__longestTaskMs = Math.max(scope.__longestTaskMs, now - last - tickMs);
      last = now;
    }, tickMs);
  }, 50);
}

/**
 * Closes every tab (a new blank one keeps the window open), then quits Firefox. Quitting stops
 * whatever script of an extension page runs at that moment (`dom.abort_script_on_child_shutdown`)
 * and Firefox logs "Script terminated by timeout" for it: with the popup still open, a tick of
 * its one-second clock or a React Query timer that fired as the browser went down — not a long
 * script. With the tabs closed first, none is running then. Firefox stopping a script before
 * closing began is never the shutdown: that fails the test, as does a long task (see
 * measureLongestTask).
 */
async function closeFirefox(browser: Browser, testInfo: TestInfo): Promise<void> {
  const pages = await browser.pages();
  const measured = await Promise.all(
    pages.map((page) => page.evaluate(() => (globalThis as { __longestTaskMs?: number }).__longestTaskMs ?? -1).catch(() => -1)),
  );
  const longest = Math.max(-1, ...measured);
  testInfo.annotations.push({
    type: 'longest task in an extension page',
    description: longest < 0 ? 'not measured (no page still had its tick)' : `${Math.round(longest)} ms`,
  });
  const closing = Date.now();
  await browser.newPage();
  for (const page of pages) await page.close().catch(() => undefined);
  await browser.close();
  const lines = outputOf.get(browser) ?? [];
  const stopped = lines.flatMap(({ at, line }, index) => {
    if (!SCRIPT_STOPPED.test(line)) return [];
    // The warning, then the stack it names, up to the blank line that ends it.
    const stack = lines.slice(index + 1, index + 8).map((next) => next.line);
    const end = stack.findIndex((next) => !next.trim());
    return [{ at, text: [line, ...stack.slice(0, end < 0 ? undefined : end)].join('\n') }];
  });
  for (const { at, text } of stopped) {
    const when = at < closing ? `${closing - at} ms before closing began` : `${at - closing} ms after closing began`;
    testInfo.annotations.push({ type: 'Firefox stopped a script', description: `${when}:\n${text}` });
  }
  const early = stopped.filter(({ at }) => at < closing);
  if (early.length) {
    throw new Error(`Firefox stopped a script before the test closed it:\n${early.map(({ text }) => text).join('\n\n')}`);
  }
  if (longest > LONGEST_TASK_LIMIT_MS) {
    throw new Error(`A task in an extension page ran ${Math.round(longest)} ms (limit ${LONGEST_TASK_LIMIT_MS} ms).`);
  }
}

interface WorkerFixtures {
  mock: MockProviders;
}

interface TestFixtures {
  firefox: Browser;
  openOptions: () => Promise<Page>;
  openPopup: () => Promise<Page>;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  mock: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const mock = await createMockProviders();
      await use(mock);
      await mock.close();
    },
    { scope: 'worker' },
  ],
  firefox: async ({ mock }, use, testInfo) => {
    mock.reset();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'whoami-firefox-'));
    const browser = await launchFirefox(dir);
    // Installing opens the welcome tab a moment later. Wait for it, so that no tab the test opens
    // ends up behind it: a hidden tab runs no animation frames, and waitForFunction polls on them
    // (the passphrase test, which opens the options page first, timed out on a page showing
    // the awaited text).
    await expect.poll(async () => (await browser.pages()).length).toBeGreaterThan(1);
    await use(browser);
    if (testInfo.status !== testInfo.expectedStatus) {
      for (const [index, page] of (await browser.pages()).entries()) {
        const file = testInfo.outputPath(`failure-${index}.png`);
        await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
        if (fs.existsSync(file)) await testInfo.attach(`page ${index}`, { path: file, contentType: 'image/png' });
      }
    }
    try {
      await closeFirefox(browser, testInfo);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
  openOptions: async ({ firefox }, use) => {
    await use(() => openExtensionPage(firefox, 'options.html'));
  },
  openPopup: async ({ firefox }, use) => {
    await use(() => openExtensionPage(firefox, 'popup.html'));
  },
});

export const expect = test.expect;

/** The page's visible text (what a user reads). */
export const textOf = (page: Page) => page.evaluate(() => document.body.innerText);

/** Waits until the page shows this text. */
export async function waitForText(page: Page, text: string | RegExp, timeoutMs = 10_000): Promise<void> {
  const source = typeof text === 'string' ? text : text.source;
  const isRegExp = typeof text !== 'string';
  await page
    .waitForFunction(
      (needle: string, regexp: boolean) =>
        regexp ? new RegExp(needle).test(document.body.innerText) : document.body.innerText.includes(needle),
      { timeout: timeoutMs },
      source,
      isRegExp,
    )
    .catch(async () => {
      throw new Error(`"${String(text)}" did not appear; the page says:\n${(await textOf(page)).slice(0, 1500)}`);
    });
}

/** Clicks the button (or link) whose visible text or accessible label is `name`, inside `scope` if given. */
export async function clickButton(page: Page, name: string, scope = 'body'): Promise<void> {
  const handle = await page.waitForFunction(
    (wanted: string, within: string) => {
      const root = document.querySelector(within);
      const candidates = [...(root?.querySelectorAll('button, a, label.file-button') ?? [])] as HTMLElement[];
      return (
        candidates.find(
          (el) => (el.getAttribute('aria-label') ?? el.textContent ?? '').trim() === wanted && !(el as HTMLButtonElement).disabled,
        ) ?? null
      );
    },
    { timeout: 10_000 },
    name,
    scope,
  );
  await (handle as unknown as { click(): Promise<void> }).click();
}

/** Types into an input the way a user does; a pre-filled value is selected and replaced. */
export async function typeInto(page: Page, selector: string, value: string): Promise<void> {
  const input = await page.waitForSelector(selector);
  await input!.click();
  // Locator fill appends in Firefox over BiDi: select everything, delete, then type.
  await page.keyboard.down('Control');
  await page.keyboard.press('KeyA');
  await page.keyboard.up('Control');
  await page.keyboard.press('Backspace');
  if (value) await input!.type(value);
}

/** Sends a protocol request from an extension page, as the views do (typed secrets over a port). */
export async function send<T extends RequestType>(page: Page, type: T, input: RequestInput<T>): Promise<RequestOutput<T>> {
  const reply = (await page.evaluate(
    (type: string, input: unknown, overPort: boolean, portName: string) => {
      const runtime = (globalThis as unknown as { browser: typeof chrome }).browser.runtime;
      const message = { whoami: 'request', type, input };
      if (!overPort) return runtime.sendMessage(message);
      return new Promise((resolve, reject) => {
        const port = runtime.connect({ name: portName });
        port.onMessage.addListener((answer: unknown) => (resolve(answer), port.disconnect()));
        port.onDisconnect.addListener(() => reject(new Error('port closed')));
        port.postMessage(message);
      });
    },
    type,
    input,
    CREDENTIAL_REQUESTS.has(type),
    CREDENTIAL_PORT,
  )) as { ok: boolean; data?: unknown; error?: unknown };
  if (!reply.ok) throw new Error(`${type} failed: ${JSON.stringify(reply.error)}`);
  return reply.data as RequestOutput<T>;
}

/** Signs in on the mock Wacht's own page in this Firefox, as a user would: the cookie is the browser's. */
export async function signInToWacht(browser: Browser, mock: MockProviders, userIndex = 0): Promise<void> {
  const { username, password } = mock.wacht.signInOf(mock.wacht.userIds()[userIndex]!);
  const page = await browser.newPage();
  await page.goto(`${mock.baseUrl('wacht')}/sign-in`);
  await page.type('input[name=username]', username);
  await page.type('input[name=password]', password);
  await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
  await waitForText(page, `Signed in as ${username}`);
  await page.close();
}
