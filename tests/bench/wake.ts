import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, CDPSession, Page } from '@playwright/test';
import { launchWithExtension } from '../e2e/fixtures';
import { send } from '../e2e/helpers';
import type { MockProviders } from '../mock-providers/server';

// What a user feels of the background's size and startup: the time a stopped worker takes to
// answer the popup's first message (listAccounts), beside a bare worker that answers the same
// message with nothing to load — built here, loaded in the same browser, stopped and woken the
// same way (the DevTools protocol's ServiceWorker.stopWorker), alternating with Whoami's.

/** A bare extension whose worker answers every request at once. */
function writeBareExtension(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'whoami-bare-'));
  const manifest = { manifest_version: 3, name: 'bare worker (bench)', version: '1.0', background: { service_worker: 'worker.js' } };
  fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
  fs.writeFileSync(
    path.join(dir, 'worker.js'),
    `chrome.runtime.onMessage.addListener((message, sender, respond) => {
  if (message?.whoami !== 'request') return undefined;
  respond({ ok: true, data: { lock: 'off', accounts: [], problems: [], providers: [] } });
  return true;
});\n`,
  );
  fs.writeFileSync(path.join(dir, 'page.html'), '<!doctype html><title>bare</title>');
  return dir;
}

interface WorkerVersion {
  versionId: string;
  scriptURL: string;
  runningStatus: string;
}

/** Stops extension workers through the DevTools protocol and waits until each is stopped. */
async function workerStopper(page: Page, context: BrowserContext) {
  const cdp: CDPSession = await context.newCDPSession(page);
  const versions = new Map<string, WorkerVersion>();
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions: updated }: { versions: WorkerVersion[] }) => {
    for (const version of updated) versions.set(version.versionId, version);
  });
  await cdp.send('ServiceWorker.enable');
  const latest = (extensionId: string) => [...versions.values()].filter((v) => v.scriptURL.includes(extensionId)).at(-1);
  return async (extensionId: string) => {
    for (let i = 0; i < 100 && !latest(extensionId); i++) await page.waitForTimeout(10);
    await cdp.send('ServiceWorker.stopWorker', { versionId: latest(extensionId)!.versionId });
    for (let i = 0; i < 200 && latest(extensionId)?.runningStatus !== 'stopped'; i++) await page.waitForTimeout(5);
    if (latest(extensionId)?.runningStatus !== 'stopped') throw new Error(`the worker of ${extensionId} did not stop`);
  };
}

/** One listAccounts round trip, timed by the asking page on its own clock. */
const firstAnswer = (page: Page) =>
  page.evaluate<number>(`(async () => {
    const started = performance.now();
    const reply = await chrome.runtime.sendMessage({ whoami: 'request', type: 'listAccounts', input: {} });
    if (!reply?.ok) throw new Error('no answer');
    return performance.now() - started;
  })()`);

export async function benchWake(mock: MockProviders, runs: number): Promise<{ whoami: number[]; bare: number[] }> {
  const bareDir = writeBareExtension();
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'whoami-bench-wake-'));
  const context = await launchWithExtension(userDataDir, [bareDir]);
  try {
    const idOf = async (script: string) => {
      for (let i = 0; i < 200; i++) {
        const worker = context.serviceWorkers().find((w) => w.url().endsWith(script));
        if (worker) return new URL(worker.url()).host;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      throw new Error(`no worker ${script}`);
    };
    const [whoamiId, bareId] = [await idOf('/background.js'), await idOf('/worker.js')];
    const whoamiPage = await context.newPage();
    await whoamiPage.goto(`chrome-extension://${whoamiId}/popup.html`);
    // The account the popup opens are measured on (as in the open rows): one Chakra account.
    await send(whoamiPage, 'addAccount', {
      provider: 'chakra',
      label: 'bench',
      credentials: mock.credentials('chakra', mock.chakra.userIds()[0]!),
    });
    await send(whoamiPage, 'refresh', {});
    const barePage = await context.newPage();
    await barePage.goto(`chrome-extension://${bareId}/page.html`);
    const stop = await workerStopper(whoamiPage, context);
    const whoami: number[] = [];
    const bare: number[] = [];
    // The first wake of each pays one-off costs (the first compile): not counted.
    for (let i = -1; i < runs; i++) {
      for (const [id, page, times] of [
        [whoamiId, whoamiPage, whoami],
        [bareId, barePage, bare],
      ] as const) {
        await stop(id);
        // Stopped means stopped: the worker's teardown is not part of the next wake.
        await page.waitForTimeout(100);
        const ms = await firstAnswer(page);
        if (i >= 0) times.push(ms);
      }
    }
    return { whoami, bare };
  } finally {
    await context.close();
    fs.rmSync(userDataDir, { recursive: true, force: true });
    fs.rmSync(bareDir, { recursive: true, force: true });
  }
}
