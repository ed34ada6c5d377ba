// Shared code reads its messages: Node needs a stand-in for the browser's i18n API, loaded first.
import '../support/node-i18n';
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { FIREFOX_PATH, launchFirefox, openExtensionPage, send, signInToWacht, waitForText } from '../e2e/firefox/fixtures';
import { DEMO_PEOPLE, PROVIDERS } from '../e2e/helpers';
import { createMockProviders } from '../mock-providers/server';

// `npm run demo -- --browser firefox [--headless]`: the same demo in Firefox ESR — the loopback
// build installed as a temporary add-on, four demo accounts, the popup in a tab. Without a
// display (or with --headless) it saves screenshots to demo-screenshots/firefox/ and exits.
export async function firefoxDemo(headless: boolean, outDir: string): Promise<void> {
  console.log('Building the Firefox extension (loopback build for the mock providers)…');
  execSync('npx wxt build -b firefox --mode e2e', { stdio: 'inherit' });
  if (!fs.existsSync(FIREFOX_PATH)) {
    console.error(`Firefox not found at ${FIREFOX_PATH}. Install it with: sudo apt-get install -y firefox-esr`);
    process.exit(1);
  }
  const mock = await createMockProviders();
  console.log(`Mock providers on ${mock.url}`);
  const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'whoami-demo-firefox-'));
  const browser = await launchFirefox(profileDir, { extensionDir: path.resolve('.output/firefox-mv2-e2e'), headless });

  await signInToWacht(browser, mock);
  const setup = await openExtensionPage(browser, 'popup.html');
  const accounts: Array<{ id: string }> = [];
  for (const provider of PROVIDERS) {
    accounts.push(
      await send(setup, 'addAccount', {
        provider,
        label: `${provider} demo`,
        credentials: mock.credentials(provider, mock[provider].userIds()[0]!),
      }),
    );
  }
  await send(setup, 'refresh', {});
  await setup.close();

  const showPopup = async (index: number): Promise<Page> => {
    const page = await openExtensionPage(browser, 'popup.html');
    await page.select('select', accounts[index]!.id);
    await waitForText(page, DEMO_PEOPLE[PROVIDERS[index]!]);
    return page;
  };

  if (!headless) {
    await showPopup(0);
    console.log('\nWhoami is running in Firefox with four demo accounts. Press Ctrl+C to stop.');
    await new Promise<void>((resolve) => process.on('SIGINT', () => resolve()));
  } else {
    fs.mkdirSync(outDir, { recursive: true });
    const shots: string[] = [];
    const shoot = async (page: Page, name: string) => {
      const file = path.join(outDir, `${name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      shots.push(file);
    };
    for (const index of PROVIDERS.keys()) {
      const page = await showPopup(index);
      await shoot(page, `popup-${index + 1}-${PROVIDERS[index]}`);
      await page.close();
    }
    mock.addFault({ provider: 'leadping', kind: '401' });
    const rejected = await showPopup(2);
    await send(rejected, 'refresh', { accountId: accounts[2]!.id });
    await waitForText(rejected, 'Key rejected');
    await shoot(rejected, 'popup-6-error-key-rejected');
    mock.clearFaults();
    const options = await openExtensionPage(browser, 'options.html');
    await waitForText(options, 'Mary Jackson');
    await shoot(options, 'options');
    console.log(`\nFirefox screenshots (${shots.length}) in ${outDir}:`);
    for (const file of shots) console.log(`  ${path.basename(file)}`);
  }
  await browser.close();
  await mock.close();
  fs.rmSync(profileDir, { recursive: true, force: true });
}
