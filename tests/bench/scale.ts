import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { launchWithExtension } from '../e2e/fixtures';
import { send } from '../e2e/helpers';
import { createMockProviders, type MockProviders } from '../mock-providers/server';

// What users reach: many accounts in the popup's list, accounts on many hosts, and what each
// account costs in storage. And a calibration: a fixed CPU workload, to read two runs by.

type Opener = (context: BrowserContext, url: string) => Promise<{ profileVisible: number }>;

async function launched() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'whoami-bench-scale-'));
  const context = await launchWithExtension(dir);
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const popupUrl = `chrome-extension://${new URL(worker.url()).host}/popup.html`;
  const setup = await context.newPage();
  await setup.goto(popupUrl);
  return { context, setup, popupUrl, close: async () => (await context.close(), fs.rmSync(dir, { recursive: true, force: true })) };
}

/**
 * Warm opens with 50 accounts and with 1, alternating between two browsers (the shown account is
 * the same Chakra user in both), so machine load falls on both alike.
 */
export async function benchManyAccounts(mock: MockProviders, runs: number, open: Opener) {
  const one = await launched();
  const fifty = await launched();
  try {
    const chakra = mock.credentials('chakra', mock.chakra.userIds()[0]!);
    for (const [browser, count] of [
      [one, 1],
      [fifty, 50],
    ] as const) {
      await send(browser.setup, 'addAccount', { provider: 'chakra', label: 'shown', credentials: chakra });
      for (let i = 1; i < count; i++) {
        const provider = (['insighto', 'leadping', 'chakra'] as const)[i % 3]!;
        const userId = mock[provider].createUser();
        await send(browser.setup, 'addAccount', { provider, label: `${provider} ${i}`, credentials: mock.credentials(provider, userId) });
      }
      await send(browser.setup, 'refresh', {});
      await browser.setup.close();
      await open(browser.context, browser.popupUrl); // the first open pays one-off costs
    }
    const withOne: number[] = [];
    const withFifty: number[] = [];
    for (let i = 0; i < runs; i++) {
      withOne.push((await open(one.context, one.popupUrl)).profileVisible);
      withFifty.push((await open(fifty.context, fifty.popupUrl)).profileVisible);
    }
    return { withOne, withFifty };
  } finally {
    await one.close();
    await fifty.close();
  }
}

const HOSTS = 20;
export const SPREAD_ACCOUNTS = 100;

/** A refresh of 100 accounts on 20 hosts (five each), every answer `latency` ms late. */
export async function benchRefreshOnHosts(runs: number, latency: number) {
  const mocks: MockProviders[] = [];
  for (let i = 0; i < HOSTS; i++) mocks.push(await createMockProviders());
  const browser = await launched();
  try {
    for (let i = 0; i < SPREAD_ACCOUNTS; i++) {
      const mock = mocks[i % HOSTS]!;
      // Providers by token or key (each mock is its own host; a cookie session would span them).
      const provider = (['insighto', 'leadping', 'chakra'] as const)[Math.floor(i / HOSTS) % 3]!;
      const userId = mock[provider].createUser();
      await send(browser.setup, 'addAccount', { provider, label: `${provider} ${i}`, credentials: mock.credentials(provider, userId) });
    }
    await send(browser.setup, 'refresh', {});
    for (const mock of mocks) mock.setLatency(latency);
    const wall: number[] = [];
    let failures = 0;
    for (let i = 0; i < runs; i++) {
      const { ms, failed } = await timedRefresh(browser.setup);
      wall.push(ms);
      failures += failed;
    }
    return { wall, failures, perHost: SPREAD_ACCOUNTS / HOSTS };
  } finally {
    await browser.close();
    await Promise.all(mocks.map((mock) => mock.close()));
  }
}

/** One refresh of every account, timed by the page that asks, on its own clock. */
export async function timedRefresh(page: Page): Promise<{ ms: number; answered: number; failed: number }> {
  // A string, not a function: tsx would wrap a named helper in __name, unknown to the page.
  return page.evaluate<{ ms: number; answered: number; failed: number }>(`(async () => {
    const started = performance.now();
    const reply = await chrome.runtime.sendMessage({ whoami: 'request', type: 'refresh', input: {} });
    const ms = performance.now() - started;
    const entries = reply.ok ? reply.data.entries : [];
    return { ms, answered: entries.length, failed: entries.filter((entry) => entry.error !== null).length };
  })()`);
}

/** What one account takes in storage.local (its profile entry, as the browser counts it), typical and largest. */
export async function benchStoredBytes(mock: MockProviders) {
  const browser = await launched();
  try {
    const typical = await send(browser.setup, 'addAccount', {
      provider: 'chakra',
      label: 'typical',
      credentials: mock.credentials('chakra', mock.chakra.userIds()[0]!),
    });
    // The largest answer the HTTP layer takes (just under 1 MB), its raw view cut to what is kept.
    const bigUser = mock.insighto.createUser({ first_name: 'Large', address: 'x'.repeat(980_000) });
    const largest = await send(browser.setup, 'addAccount', {
      provider: 'insighto',
      label: 'largest',
      credentials: mock.credentials('insighto', bigUser),
    });
    await send(browser.setup, 'refresh', {});
    const bytes = (accountId: string) =>
      browser.setup.evaluate<number>(`chrome.storage.local.getBytesInUse(${JSON.stringify(`profile:${accountId}`)})`);
    return { typical: await bytes(typical.id), largest: await bytes(largest.id) };
  } finally {
    await browser.close();
  }
}

const CALIBRATION_ROUNDS = 2_000;

/** The calibration workload: JSON.parse + JSON.stringify of a typical answer, 2 000 times. */
function calibrationWorkload(text: string): number {
  const started = performance.now();
  for (let i = 0; i < CALIBRATION_ROUNDS; i++) JSON.stringify(JSON.parse(text));
  return performance.now() - started;
}

/** The calibration workload's median ms in this Node and in the browser (an extension page). */
export async function benchCalibration(mock: MockProviders, runs: number) {
  const typicalAnswer = JSON.stringify({ _data: mock.chakra.userData(mock.chakra.userIds()[0]!) });
  const node: number[] = [];
  for (let i = 0; i < runs; i++) node.push(calibrationWorkload(typicalAnswer));
  const browser = await launched();
  try {
    const inBrowser: number[] = [];
    for (let i = 0; i < runs; i++) {
      inBrowser.push(
        await browser.setup.evaluate<number>(`(() => {
          const text = ${JSON.stringify(typicalAnswer)};
          const started = performance.now();
          for (let i = 0; i < ${CALIBRATION_ROUNDS}; i++) JSON.stringify(JSON.parse(text));
          return performance.now() - started;
        })()`),
      );
    }
    return { node, browser: inBrowser, answerBytes: typicalAnswer.length };
  } finally {
    await browser.close();
  }
}
