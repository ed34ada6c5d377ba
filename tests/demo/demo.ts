// Shared code reads its messages: Node needs a stand-in for the browser's i18n API, loaded first.
import '../support/node-i18n';
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { CHROME_PATH, CHROMIUM_ARGS, extensionWorker, launchWithExtension } from '../e2e/fixtures';
import { addAccounts, PROVIDERS, send, signInToWacht } from '../e2e/helpers';
import { createMockProviders } from '../mock-providers/server';
import { galleryEntriesFromDisk } from '../support/gallery';

// `npm run demo [-- --headless] [-- --browser firefox]`: builds the extension, starts the mock
// providers, opens Chromium (or Firefox) with one demo account of each provider and shows the
// popup. Without a display (or with --headless) it saves screenshots of the popup and options
// page and exits.
const headless = process.argv.includes('--headless') || !process.env.DISPLAY;
const outDir = path.resolve('demo-screenshots');
// `--docs` (npm run screenshots): also copies the README's pictures, demo shot → README name.
const README_SHOTS: Record<string, string> = {
  'popup-1-insighto': 'popup',
  'popup-6-error-key-rejected': 'popup-error',
  'popup-7-edit': 'popup-edit',
  'de-popup-1-insighto': 'popup-de',
  'popup-8-token-expiry': 'popup-expiry',
  'popup-9-changes': 'popup-changes',
  'popup-10-tab-account': 'popup-tab-account',
  'popup-11-locked': 'popup-locked',
  options: 'options',
};
const docsDir = path.resolve('docs/screenshots');
const browserArg = process.argv.indexOf('--browser');
if (browserArg !== -1 && process.argv[browserArg + 1] === 'firefox') {
  const { firefoxDemo } = await import('./firefox');
  await firefoxDemo(headless, path.join(outDir, 'firefox'));
  process.exit(0);
}

console.log('Building the extension (loopback build for the mock providers)…');
execSync('npx wxt build --mode e2e', { stdio: 'inherit' });
if (!fs.existsSync(CHROME_PATH)) {
  console.error(`Chromium not found at ${CHROME_PATH}. Install it with: sudo apt-get install -y chromium`);
  process.exit(1);
}

const mock = await createMockProviders();
console.log(`Mock providers on ${mock.url}`);
// Wacht's /me may say when the sign-in expires; the demo's Wacht does, a week out.
mock.wacht.sessionLifetimeMs = 7 * 24 * 60 * 60 * 1000;
const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'whoami-demo-'));
const context = await chromium.launchPersistentContext(profileDir, {
  executablePath: CHROME_PATH,
  headless,
  args: CHROMIUM_ARGS,
  viewport: { width: 360, height: 600 },
});
const worker = await extensionWorker(context);
const extensionId = new URL(worker.url()).host;
const popupUrl = `chrome-extension://${extensionId}/popup.html`;

const setup = await context.newPage();
await setup.goto(popupUrl);
await signInToWacht(context, mock);
const accounts = await addAccounts(setup, mock, PROVIDERS);
for (const [index, account] of accounts.entries()) {
  console.log(`  ${account.providerName.padEnd(9)} ${account.label} → ${mock[PROVIDERS[index]!].userIds()[0]}`);
}
// Two ready providers from the gallery, against mocks shaped like GitHub's and Slack's answers.
const readyAccounts = [];
for (const entry of (await galleryEntriesFromDisk()).filter(({ definition }) =>
  ['gallery-github', 'gallery-slack'].includes(definition.id),
)) {
  const provider = entry.definition.id === 'gallery-github' ? 'github' : 'slack';
  await send(setup, 'saveDefinition', { definition: entry.definition });
  const account = await send(setup, 'addAccount', {
    provider: `custom:${entry.definition.id}`,
    label: entry.definition.name,
    credentials: { baseUrl: mock.baseUrl(provider), ...mock.credentials(provider, mock[provider].userIds()[0]!) },
  });
  readyAccounts.push(account);
  console.log(`  ${account.providerName.padEnd(9)} ${account.label} (ready provider)`);
}
await setup.close();

async function showPopup(accountId: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(popupUrl);
  await page.getByRole('combobox', { name: 'Account' }).selectOption(accountId);
  await page.locator('.card h1').waitFor();
  // Let the avatar image arrive before the picture is taken.
  await page.waitForLoadState('networkidle');
  return page;
}

if (!headless) {
  await showPopup(accounts[0]!.id);
  console.log(
    `\nWhoami is running in Chromium with six demo accounts: the four built-in providers, GitHub and Slack (extension ${extensionId}).`,
  );
  console.log('Click the toolbar icon, or use the popup tab. Press Ctrl+C to stop.');
  await new Promise<void>((resolve) => process.on('SIGINT', () => resolve()));
} else {
  fs.mkdirSync(outDir, { recursive: true });
  const shots: string[] = [];
  const shoot = async (page: Page, name: string) => {
    const file = path.join(outDir, `${name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    shots.push(file);
  };
  for (const [index, account] of accounts.entries()) {
    const page = await showPopup(account.id);
    await shoot(page, `popup-${index + 1}-${PROVIDERS[index]}`);
    await page.close();
  }
  const wacht = await showPopup(accounts[1]!.id);
  await wacht.emulateMedia({ colorScheme: 'dark' });
  await wacht.getByText(/^Details/).click();
  await shoot(wacht, 'popup-5-wacht-dark-details');
  await wacht.close();
  for (const account of readyAccounts) {
    const page = await showPopup(account.id);
    await shoot(page, `popup-ready-${account.label.toLowerCase()}`);
    await page.close();
  }

  // Know before it breaks: a Leadping token that says it expires in two days.
  const leadpingUser = mock.leadping.userIds()[0]!;
  mock.leadping.issueToken(leadpingUser, 2 * 24 * 60 * 60);
  const renew = await context.newPage();
  await renew.goto(popupUrl);
  await send(renew, 'updateAccount', {
    id: accounts[2]!.id,
    label: accounts[2]!.label,
    credentials: mock.credentials('leadping', leadpingUser),
    revision: accounts[2]!.revision,
  });
  await renew.close();
  const expiring = await showPopup(accounts[2]!.id);
  await expiring.locator('.expiry-warn').waitFor();
  await shoot(expiring, 'popup-8-token-expiry');
  await expiring.close();

  // Change watch: the plan changed at Leadping between two refreshes.
  mock.leadping.userData(leadpingUser)!.billingPlan = 'Monthly';
  const refresher = await context.newPage();
  await refresher.goto(popupUrl);
  await send(refresher, 'refresh', { accountId: accounts[2]!.id });
  await refresher.close();
  const changed = await showPopup(accounts[2]!.id);
  await changed.getByRole('region', { name: 'Changed since you last looked' }).waitFor();
  await shoot(changed, 'popup-9-changes');
  await changed.close();

  // The account of this tab: the popup opens over a page of a connected account's site. It opens
  // in a window of its own here, so the page stays the active tab, as under the toolbar popup.
  const site = await context.newPage();
  await site.goto(`${mock.baseUrl('wacht')}/account`);
  const opened = context.waitForEvent('page', { predicate: (page) => page.url() === popupUrl });
  await worker.evaluate((url) => chrome.windows.create({ url, type: 'popup', focused: false, width: 360, height: 600 }), popupUrl);
  const overTab = await opened;
  await overTab.getByRole('status').filter({ hasText: 'the site of this tab' }).waitFor();
  await overTab.waitForLoadState('networkidle');
  await shoot(overTab, 'popup-10-tab-account');
  await overTab.close();
  await site.close();

  const edit = await showPopup(accounts[3]!.id);
  await edit.getByRole('button', { name: 'Edit profile' }).click();
  await edit.getByRole('form', { name: 'Edit profile' }).waitFor();
  await shoot(edit, 'popup-7-edit');
  await edit.close();

  const options = await context.newPage();
  await options.setViewportSize({ width: 900, height: 900 });
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByText('Mary Jackson').waitFor();
  await shoot(options, 'options');
  await options.close();

  // One error state: Leadping rejects the token; the last good profile stays, marked stale.
  mock.addFault({ provider: 'leadping', kind: '401' });
  const rejected = await showPopup(accounts[2]!.id);
  await rejected.getByRole('button', { name: 'Refresh profile' }).click();
  await rejected.getByRole('alert').waitFor();
  await shoot(rejected, 'popup-6-error-key-rejected');
  await rejected.close();
  mock.clearFaults();

  // The passphrase lock, closed: the last profiles stay, marked locked, with the Unlock form.
  const locker = await context.newPage();
  await locker.goto(popupUrl);
  await send(locker, 'turnOnLock', { passphrase: 'demo passphrase, long enough' });
  await send(locker, 'lockNow', {});
  await locker.close();
  const locked = await showPopup(accounts[0]!.id);
  await locked.getByRole('button', { name: 'Unlock' }).waitFor();
  await shoot(locked, 'popup-11-locked');
  await locked.close();

  // The same in a German browser: the UI language picks the messages.
  const germanDir = fs.mkdtempSync(path.join(os.tmpdir(), 'whoami-demo-de-'));
  const german = await launchWithExtension(germanDir, [], 'de');
  const germanId = new URL((await extensionWorker(german)).url()).host;
  const germanSetup = await german.newPage();
  await germanSetup.goto(`chrome-extension://${germanId}/popup.html`);
  await signInToWacht(german, mock);
  await addAccounts(germanSetup, mock, PROVIDERS);
  await germanSetup.close();
  const germanPopup = await german.newPage();
  await germanPopup.goto(`chrome-extension://${germanId}/popup.html`);
  await germanPopup.locator('.card h1').waitFor();
  await germanPopup.waitForLoadState('networkidle');
  await shoot(germanPopup, 'de-popup-1-insighto');
  const germanOptions = await german.newPage();
  await germanOptions.setViewportSize({ width: 900, height: 900 });
  await germanOptions.goto(`chrome-extension://${germanId}/options.html`);
  await germanOptions.getByText('Mary Jackson').waitFor();
  await shoot(germanOptions, 'de-options');
  await german.close();
  fs.rmSync(germanDir, { recursive: true, force: true });

  console.log(`\nScreenshots (${shots.length}) in ${outDir}:`);
  for (const file of shots) console.log(`  ${path.basename(file)}`);
  if (process.argv.includes('--docs')) {
    for (const [shot, name] of Object.entries(README_SHOTS))
      fs.copyFileSync(path.join(outDir, `${shot}.png`), path.join(docsDir, `${name}.png`));
    console.log(`The README's ${Object.keys(README_SHOTS).length} pictures copied to ${docsDir}.`);
  }
}

await context.close();
await mock.close();
fs.rmSync(profileDir, { recursive: true, force: true });
