// Shared code reads its messages: Node needs a stand-in for the browser's i18n API, loaded first.
import '../support/node-i18n';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type BrowserContext, type Page, type Worker, test as base, chromium } from '@playwright/test';
import { createMockProviders, type MockProviders } from '../mock-providers/server';

const EXTENSION_DIR = path.resolve('.output/chrome-mv3-e2e');
/** The e2e/demo build's name: it must never pass for a release (see wxt.config.ts). */
export const E2E_BUILD_NAME = 'Whoami E2E TEST BUILD (not for release)';
export const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/lib/chromium/chromium';

// Flags from the toolchain recipe: without the background-networking ones Chromium's own
// connections are refused by this closed network, many at a time.
export function chromiumArgs(extensionDirs: string[] = [EXTENSION_DIR]): string[] {
  return [`--disable-extensions-except=${extensionDirs.join(',')}`, `--load-extension=${extensionDirs.join(',')}`, ...BROWSER_FLAGS];
}

const BROWSER_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const CHROMIUM_ARGS = chromiumArgs();

/** `uiLanguage`: the browser's UI language ("de"), which picks the extension's messages. */
export async function launchWithExtension(
  userDataDir: string,
  extraExtensions: string[] = [],
  uiLanguage?: string,
): Promise<BrowserContext> {
  if (!fs.existsSync(path.join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No e2e build in ${EXTENSION_DIR}: run \`npm run build:e2e\` first.`);
  }
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROME_PATH,
    headless: true,
    args: [...chromiumArgs([EXTENSION_DIR, ...extraExtensions]), ...(uiLanguage ? [`--lang=${uiLanguage}`] : [])],
    // Chromium on Linux reads its UI language from the environment as well as from --lang.
    ...(uiLanguage ? { env: { ...process.env, LANGUAGE: uiLanguage }, locale: uiLanguage } : {}),
    viewport: { width: 360, height: 600 },
  });
}

/** The store build (`npm run build`), as a user installs it: nothing granted, no test switches. */
export async function launchStoreBuild(userDataDir: string): Promise<BrowserContext> {
  const storeDir = path.resolve('.output/chrome-mv3');
  if (!fs.existsSync(path.join(storeDir, 'manifest.json'))) throw new Error(`No store build in ${storeDir}: run \`npm run build\` first.`);
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROME_PATH,
    headless: true,
    args: chromiumArgs([storeDir]),
    viewport: { width: 900, height: 700 },
  });
}

export async function extensionWorker(context: BrowserContext): Promise<Worker> {
  const running = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
  return running ?? context.waitForEvent('serviceworker');
}

interface WorkerFixtures {
  mock: MockProviders;
  /** The browser's UI language for the tests of a file (`test.use({ uiLanguage: 'de' })`). */
  uiLanguage: string | undefined;
}

interface TestFixtures {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  openPopup: () => Promise<Page>;
  openOptions: () => Promise<Page>;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  uiLanguage: [undefined, { option: true, scope: 'worker' }],
  mock: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const mock = await createMockProviders();
      await use(mock);
      await mock.close();
    },
    { scope: 'worker' },
  ],
  context: async ({ mock, uiLanguage }, use, testInfo) => {
    mock.reset();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'whoami-e2e-'));
    const context = await launchWithExtension(dir, [], uiLanguage);
    await use(context);
    if (testInfo.status !== testInfo.expectedStatus) {
      // Failure screenshots of every open page, kept as test artifacts.
      for (const [index, page] of context.pages().entries()) {
        const file = testInfo.outputPath(`failure-${index}.png`);
        await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
        if (fs.existsSync(file)) await testInfo.attach(`page ${index}: ${page.url()}`, { path: file, contentType: 'image/png' });
      }
    }
    await context.close();
    fs.rmSync(dir, { recursive: true, force: true });
  },
  serviceWorker: async ({ context }, use) => {
    await use(await extensionWorker(context));
  },
  extensionId: async ({ serviceWorker }, use) => {
    await use(new URL(serviceWorker.url()).host);
  },
  openPopup: async ({ context, extensionId }, use) => {
    await use(async () => {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/popup.html`);
      return page;
    });
  },
  openOptions: async ({ context, extensionId }, use) => {
    await use(async () => {
      const page = await context.newPage();
      await page.setViewportSize({ width: 1000, height: 900 });
      await page.goto(`chrome-extension://${extensionId}/options.html`);
      return page;
    });
  },
});

export const expect = test.expect;
