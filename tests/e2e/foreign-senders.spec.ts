import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Worker } from '@playwright/test';
import { E2E_BUILD_NAME, expect, launchWithExtension, test } from './fixtures';
import { send } from './helpers';

const ATTACKER_DIR = path.resolve('tests/e2e/attacker-extension');

async function workerNamed(context: BrowserContext, name: string): Promise<Worker> {
  for (;;) {
    for (const worker of context.serviceWorkers()) {
      if ((await worker.evaluate(() => chrome.runtime.getManifest().name)) === name) return worker;
    }
    await context.waitForEvent('serviceworker', { timeout: 5000 });
  }
}

test('requests from another extension, its content script, or a web page are refused', async ({ mock }) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'whoami-foreign-'));
  const context = await launchWithExtension(dir, [ATTACKER_DIR]);
  try {
    const whoami = await workerNamed(context, E2E_BUILD_NAME);
    const attacker = await workerNamed(context, 'Attacker (test only)');
    const whoamiId = new URL(whoami.url()).host;

    const own = await context.newPage();
    await own.goto(`chrome-extension://${whoamiId}/options.html`);
    const [account] = [
      await send(own, 'addAccount', {
        provider: 'chakra',
        label: 'keep me',
        credentials: mock.credentials('chakra', mock.chakra.userIds()[0]!),
      }),
    ];
    const removal = { whoami: 'request', type: 'removeAccount', input: { id: account!.id } };
    const listing = { whoami: 'request', type: 'listAccounts', input: {} };

    // Another extension: Whoami listens to no external messages at all.
    for (const message of [listing, removal]) {
      const outcome = await attacker.evaluate(
        ([id, msg]) => (self as unknown as { tryWhoami: (id: string, m: unknown) => Promise<unknown> }).tryWhoami(id, msg),
        [whoamiId, message] as const,
      );
      expect(outcome).toEqual({ answered: false, error: 'Could not establish connection. Receiving end does not exist.' });
    }

    // A web page has no way in, and neither does a content script relaying for it.
    const page = await context.newPage();
    await page.goto(`${mock.url}/hello`);
    expect(
      await page.evaluate(() => typeof (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime?.sendMessage),
    ).toBe('undefined');
    const relayed = await page.evaluate(
      ([id, msg]) =>
        new Promise((resolve) => {
          window.addEventListener('message', (event) => event.data?.kind === 'whoami-result' && resolve(event.data));
          window.postMessage({ kind: 'try-whoami', whoamiId: id, message: msg }, '*');
        }),
      [whoamiId, removal] as const,
    );
    expect(relayed).toMatchObject({ answered: false, error: 'Could not establish connection. Receiving end does not exist.' });

    // Nothing changed.
    expect((await send(own, 'listAccounts', {})).accounts.map((a) => a.id)).toEqual([account!.id]);
  } finally {
    await context.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
