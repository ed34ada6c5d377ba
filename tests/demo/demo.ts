// Shared code reads its messages: Node needs a stand-in for the browser's i18n API, loaded first.
import '../support/node-i18n';
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Page } from '@playwright/test';
import { CHROME_PATH, chromiumArgs, extensionWorker } from '../e2e/fixtures';
import { addAccounts, PROVIDERS, send, signInToWacht } from '../e2e/helpers';
import { createMockProviders, type MockProviders } from '../mock-providers/server';
import { galleryEntriesFromDisk } from '../support/gallery';
import { descriptors, isProviderId } from '../../lib/shared/providers';
import { serveUnderRealHosts } from './real-hosts';
import { drawBadge } from './badge';

// `npm run demo [-- --headless] [-- --browser firefox]`: builds the extension, starts the mock
// providers under the providers' own addresses (https://api.leadping.ai, … on loopback, see
// real-hosts.ts), opens Chromium with one demo account of each provider and shows the popup.
// Without a display (or with --headless) it saves screenshots of every state, in English and
// German, and exits.
const headless = process.argv.includes('--headless') || !process.env.DISPLAY;
const outDir = path.resolve('demo-screenshots');
// `--docs` (npm run screenshots): also copies the README's pictures, demo shot → README name.
const README_SHOTS: Record<string, string> = {
  'popup-1-insighto': 'popup',
  'popup-6-error-token-refused': 'popup-error',
  'popup-7-edit': 'popup-edit',
  'de-popup-1-insighto': 'popup-de',
  'popup-8-token-expiry': 'popup-expiry',
  'popup-9-changes': 'popup-changes',
  'popup-10-tab-account': 'popup-tab-account',
  'popup-11-locked': 'popup-locked',
  options: 'options',
  'options-welcome': 'options-welcome',
  'popup-0-empty': 'popup-empty',
  'popup-0-loading': 'popup-loading',
  'popup-12-another-account-needs-attention': 'popup-attention',
  'popup-13-lock-now': 'popup-lock-now',
  'toolbar-badge': 'toolbar-badge',
  // The states a German user meets, beside the English ones.
  'de-popup-0-empty': 'de/popup-empty',
  'de-popup-6-error-token-refused': 'de/popup-error',
  'de-popup-8-token-expiry': 'de/popup-expiry',
  'de-popup-9-changes': 'de/popup-changes',
  'de-popup-11-locked': 'de/popup-locked',
  'de-popup-12-another-account-needs-attention': 'de/popup-attention',
};
const docsDir = path.resolve('docs/screenshots');
const browserArg = process.argv.indexOf('--browser');
if (browserArg !== -1 && process.argv[browserArg + 1] === 'firefox') {
  const { firefoxDemo } = await import('./firefox');
  await firefoxDemo(headless, path.join(outDir, 'firefox'));
  process.exit(0);
}

console.log('Building the extension (demo build: the mock providers granted up front)…');
execSync('npx wxt build --mode demo', { stdio: 'inherit' });
const DEMO_BUILD = path.resolve('.output/chrome-mv3-demo');
if (!fs.existsSync(CHROME_PATH)) {
  console.error(`Chromium not found at ${CHROME_PATH}. Install it with: sudo apt-get install -y chromium`);
  process.exit(1);
}

const mock = await createMockProviders();
// Wacht's /me may say when the sign-in expires; the demo's Wacht does, a week out.
mock.wacht.sessionLifetimeMs = 7 * 24 * 60 * 60 * 1000;
// Two ready providers from the gallery, against mocks shaped like GitHub's and Slack's answers.
const readyEntries = (await galleryEntriesFromDisk()).filter(({ definition }) =>
  ['gallery-github', 'gallery-slack'].includes(definition.id),
);
const readyMockOf = (id: string) => (id === 'gallery-github' ? 'github' : 'slack');
const urlFieldOf = (provider: string) =>
  (isProviderId(provider) && descriptors[provider].credentials.fields.find((f) => f.kind === 'url')?.name) || 'baseUrl';
const realHosts = await serveUnderRealHosts(mock, {
  ...Object.fromEntries(
    PROVIDERS.filter((p) => p !== 'wacht').map((p) => [p, descriptors[p].credentials.fields.find((f) => f.kind === 'url')!.defaultValue!]),
  ),
  wacht: 'https://acme.wacht.services',
  ...Object.fromEntries(readyEntries.map(({ definition }) => [readyMockOf(definition.id), definition.baseUrl])),
});
/** The mock providers as the demo's browser knows them: at their real addresses. */
const demoMock: MockProviders = {
  ...mock,
  baseUrl: realHosts.baseUrl,
  credentials: (provider, userId) => ({ ...mock.credentials(provider, userId), [urlFieldOf(provider)]: realHosts.baseUrl(provider) }),
};

async function launch(language: 'en' | 'de'): Promise<{ context: BrowserContext; extensionId: string; profileDir: string }> {
  const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), `whoami-demo-${language}-`));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROME_PATH,
    headless,
    args: [...chromiumArgs([DEMO_BUILD]), ...realHosts.chromiumArgs, `--lang=${language}`],
    env: { ...process.env, LANGUAGE: language },
    locale: language,
    viewport: { width: 360, height: 600 },
  });
  const worker = await extensionWorker(context);
  return { context, extensionId: new URL(worker.url()).host, profileDir };
}

/** Adds demo accounts of these built-in providers, and GitHub and Slack from the gallery. */
async function addDemoAccounts(context: BrowserContext, popupUrl: string, providers = PROVIDERS) {
  const setup = await context.newPage();
  await setup.goto(popupUrl);
  if (providers.includes('wacht')) await signInToWacht(context, demoMock);
  const accounts = await addAccounts(setup, demoMock, providers);
  const ready = [];
  for (const { definition } of readyEntries) {
    const provider = readyMockOf(definition.id);
    await send(setup, 'saveDefinition', { definition });
    ready.push(
      await send(setup, 'addAccount', {
        provider: `custom:${definition.id}`,
        label: definition.name,
        credentials: demoMock.credentials(provider, mock[provider].userIds()[0]!),
      }),
    );
  }
  await send(setup, 'refresh', {});
  await setup.close();
  return { accounts, ready };
}

const { context, extensionId, profileDir } = await launch('en');
const popupUrl = `chrome-extension://${extensionId}/popup.html`;

if (!headless) {
  const { accounts } = await addDemoAccounts(context, popupUrl);
  const page = await context.newPage();
  await page.goto(popupUrl);
  await page.getByRole('combobox', { name: 'Account' }).selectOption(accounts[0]!.id);
  console.log(
    `\nWhoami is running in Chromium with six demo accounts: the four built-in providers, GitHub and Slack (extension ${extensionId}),`,
  );
  console.log('served under their own addresses from the mock providers on this machine. Click the toolbar icon, or use the popup tab.');
  console.log('Press Ctrl+C to stop.');
  await new Promise<void>((resolve) => process.on('SIGINT', () => resolve()));
  await context.close();
  fs.rmSync(profileDir, { recursive: true, force: true });
} else {
  fs.mkdirSync(outDir, { recursive: true });
  const shots: string[] = [];
  await shootEveryState(context, extensionId, '', true);
  await context.close();
  fs.rmSync(profileDir, { recursive: true, force: true });
  // The same in a German browser: the UI language picks the messages.
  mock.reset();
  mock.wacht.sessionLifetimeMs = 7 * 24 * 60 * 60 * 1000;
  const german = await launch('de');
  await shootEveryState(german.context, german.extensionId, 'de-', false);
  await german.context.close();
  fs.rmSync(german.profileDir, { recursive: true, force: true });

  console.log(`\nScreenshots (${shots.length}) in ${outDir}:`);
  for (const file of shots) console.log(`  ${path.basename(file)}`);
  if (process.argv.includes('--docs')) {
    fs.mkdirSync(path.join(docsDir, 'de'), { recursive: true });
    for (const [shot, name] of Object.entries(README_SHOTS))
      fs.copyFileSync(path.join(outDir, `${shot}.png`), path.join(docsDir, `${name}.png`));
    console.log(`The README's ${Object.keys(README_SHOTS).length} pictures copied to ${docsDir}.`);
  }

  /** Every state of the popup and options page, as a user meets them, in this browser's language. */
  async function shootEveryState(context: BrowserContext, id: string, prefix: string, everyProvider: boolean) {
    const popupUrl = `chrome-extension://${id}/popup.html`;
    const shoot = async (page: Page, name: string) => {
      const file = path.join(outDir, `${prefix}${name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      shots.push(file);
    };
    const openPopup = async (accountId?: string) => {
      const page = await context.newPage();
      await page.goto(popupUrl);
      if (accountId && (await page.locator('.bar select').count())) await page.locator('.bar select').selectOption(accountId);
      return page;
    };
    const showPopup = async (accountId: string) => {
      const page = await openPopup(accountId);
      await page.locator('.card h1').waitFor();
      // The first frame comes from the popup's cache, without the raw answer: wait for the fresh one.
      await page.locator('summary', { hasText: /Raw response|Rohdaten/ }).waitFor();
      // Let the avatar image arrive before the picture is taken.
      await page.waitForLoadState('networkidle');
      return page;
    };

    // A first install opens the welcome guide; the popup has nothing to show yet.
    const welcome =
      context.pages().find((page) => page.url().includes('/options.html')) ??
      (await context.waitForEvent('page', { predicate: (page) => page.url().includes('/options.html') }));
    await welcome.setViewportSize({ width: 900, height: 800 });
    await welcome.getByRole('button', { name: /Got it|Verstanden/ }).waitFor();
    // The whole page, its last section drawn too (a full-page shot measures the page when taken).
    await welcome.locator('section[aria-labelledby="data-title"] button').first().waitFor();
    await welcome.locator('section[aria-labelledby="sync-title"] input[type="checkbox"]:not([disabled])').waitFor();
    await shoot(welcome, 'options-welcome');
    await welcome.close();
    const empty = await openPopup();
    await empty.locator('.first-run').waitFor();
    await shoot(empty, 'popup-0-empty');
    await empty.close();

    // Loading: the first profile on its way, the provider answering slowly.
    mock.setLatency(3000);
    const setup = await openPopup();
    const insighto = await send(setup, 'addAccount', {
      provider: 'insighto',
      label: 'insighto demo',
      credentials: demoMock.credentials('insighto', mock.insighto.userIds()[0]!),
    });
    await setup.close();
    const loading = await openPopup();
    await loading.getByLabel(/Loading profile|Profil wird geladen/).waitFor();
    await shoot(loading, 'popup-0-loading');
    await loading.locator('.card h1').waitFor({ timeout: 10_000 });
    await loading.close();
    mock.setLatency(0);

    const { accounts: others, ready } = await addDemoAccounts(
      context,
      popupUrl,
      PROVIDERS.filter((p) => p !== 'insighto'),
    );
    const accounts = [insighto, ...others];
    const [, wacht, leadping, chakra] = accounts;

    if (everyProvider) {
      for (const [index, account] of accounts.entries()) {
        const page = await showPopup(account.id);
        await shoot(page, `popup-${index + 1}-${PROVIDERS[index]}`);
        await page.close();
      }
      const dark = await showPopup(wacht!.id);
      await dark.emulateMedia({ colorScheme: 'dark' });
      await dark.getByText(/^Details/).click();
      await dark.locator('.fold .facts').waitFor();
      await shoot(dark, 'popup-5-wacht-dark-details');
      await dark.close();
      for (const account of ready) {
        const page = await showPopup(account.id);
        await shoot(page, `popup-ready-${account.label.toLowerCase()}`);
        await page.close();
      }
    } else {
      const page = await showPopup(insighto.id);
      await shoot(page, 'popup-1-insighto');
      await page.close();
    }

    // Know before it breaks: a Leadping token that says it expires in two days.
    const leadpingUser = mock.leadping.userIds()[0]!;
    const renew = await openPopup();
    await send(renew, 'updateAccount', {
      id: leadping!.id,
      label: leadping!.label,
      credentials: { ...demoMock.credentials('leadping', leadpingUser), token: mock.leadping.issueToken(leadpingUser, 2 * 24 * 60 * 60) },
      revision: leadping!.revision,
    });
    await renew.close();
    const expiring = await showPopup(leadping!.id);
    await expiring.locator('.expiry-warn').waitFor();
    await shoot(expiring, 'popup-8-token-expiry');
    await expiring.close();

    // Change watch: the plan changed at Leadping between two refreshes.
    mock.leadping.userData(leadpingUser)!.billingPlan = 'Monthly';
    const refresher = await openPopup();
    await send(refresher, 'refresh', { accountId: leadping!.id });
    await refresher.close();
    const changed = await showPopup(leadping!.id);
    await changed.locator('.changes').waitFor();
    await shoot(changed, 'popup-9-changes');
    await changed.close();

    // The account of this tab: the popup opens over a page of a connected account's site. It opens
    // in a window of its own here, so the page stays the active tab, as under the toolbar popup.
    const site = await context.newPage();
    await site.goto(`${demoMock.baseUrl('wacht')}/account`);
    const opened = context.waitForEvent('page', { predicate: (page) => page.url() === popupUrl });
    const worker = await extensionWorker(context);
    await worker.evaluate((url) => chrome.windows.create({ url, type: 'popup', focused: false, width: 360, height: 600 }), popupUrl);
    const overTab = await opened;
    await overTab.locator('.tab-notice').waitFor();
    await overTab.waitForLoadState('networkidle');
    await shoot(overTab, 'popup-10-tab-account');
    await overTab.close();
    await site.close();

    const edit = await showPopup(chakra!.id);
    await edit.locator('.edit-button').click();
    await edit.locator('form.edit-form').waitFor();
    await shoot(edit, 'popup-7-edit');
    await edit.close();

    const options = await context.newPage();
    await options.setViewportSize({ width: 900, height: 900 });
    await options.goto(`chrome-extension://${id}/options.html`);
    await options.getByText('Mary Jackson').first().waitFor();
    await shoot(options, 'options');
    await options.close();

    // Leadping stops taking the token (it was replaced there): the last good profile stays,
    // marked stale, with the way to a new one; the other accounts say so in one line.
    mock.leadping.issueToken(leadpingUser, 30 * 24 * 60 * 60);
    const refused = await showPopup(leadping!.id);
    await refused.locator('.bar .icon-button').first().click();
    await refused.getByRole('alert').waitFor();
    await shoot(refused, 'popup-6-error-token-refused');
    await refused.close();
    const attention = await showPopup(insighto.id);
    await attention.locator('.attention').waitFor();
    await shoot(attention, 'popup-12-another-account-needs-attention');
    await attention.close();
    const badge = await drawBadge(context, worker, DEMO_BUILD);
    await shoot(badge, 'toolbar-badge');
    await badge.close();

    // The passphrase lock: Lock now while open; closed, the last profiles stay with the Unlock form.
    const locker = await openPopup();
    await send(locker, 'turnOnLock', { passphrase: 'demo passphrase, long enough' });
    await locker.close();
    const open = await showPopup(insighto.id);
    await open.locator('.lock-now').waitFor();
    await shoot(open, 'popup-13-lock-now');
    await open.locator('.lock-now button').click();
    await open.locator('.lock-bar').waitFor();
    await open.reload();
    await open.locator('.lock-bar input[type="password"]').waitFor();
    await open.locator('.card h1').waitFor();
    await shoot(open, 'popup-11-locked');
    await open.close();
  }
}

await realHosts.close();
await mock.close();
