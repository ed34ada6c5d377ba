import { execSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Page } from '@playwright/test';
import { PROFILE_PAINT_ID } from '../../components/popup/ProfileCard';
import { CHROME_PATH, CHROMIUM_ARGS, extensionWorker } from '../e2e/fixtures';
import { PROVIDERS, send, signInToWacht } from '../e2e/helpers';
import { createMockProviders, type MockProviders } from '../mock-providers/server';
import { benchAdversarial } from './adversarial';
import { benchCalibration, benchManyAccounts, benchRefreshOnHosts, benchStoredBytes, SPREAD_ACCOUNTS, timedRefresh } from './scale';
import { type BundleSize, bundleSizes, measure } from './sizes';
import { benchWake } from './wake';

// `npm run bench`: speed, size and scale of the built extension in real Chromium. Timings
// use the loopback (e2e) build, which differs from the store build only in its manifest's
// host grant and HTTP timeout; sizes are of the production build.
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
// A cold open swings ±30 ms around its median on this 2-core machine (the worker, the renderer and
// the mock share two cores): twice the pairs keep the median's own error near 3 ms.
const COLD_PAIRS = 2 * RUNS;
/** Provider latencies the cold open is measured at. */
const COLD_LATENCIES = [0, 200];
const REFRESH_ACCOUNTS = 100;
const REFRESH_LATENCY_MS = 100;
/** The background's per-host limit; every mock provider is on one host, as the worst case. */
const MAX_IN_FLIGHT_PER_HOST = 4;

interface Stat {
  median: number;
  p90: number;
  min: number;
  max: number;
  runs: number;
}

/** The value below which `fraction` of the sorted values lie (linear between neighbours). */
function quantile(sorted: number[], fraction: number): number {
  const at = (sorted.length - 1) * fraction;
  const below = Math.floor(at);
  return sorted[below]! + (sorted[Math.min(below + 1, sorted.length - 1)]! - sorted[below]!) * (at - below);
}

function stat(values: number[]): Stat {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: quantile(sorted, 0.5), p90: quantile(sorted, 0.9), min: sorted[0]!, max: sorted.at(-1)!, runs: values.length };
}

interface OpenTiming {
  /** When the profile's name was first painted, by the browser's Element Timing. */
  profileVisible: number;
  firstPaint: number;
}

/** Opens the popup and reads, from the page's own clock, when the profile was first painted. */
async function openPopup(context: BrowserContext, url: string): Promise<{ page: Page; timing: OpenTiming }> {
  const page = await context.newPage();
  await page.goto(url);
  // A string, not a function: the bench's TypeScript build would wrap named functions in
  // helpers the page does not have. Buffered observers get the entries from before it ran.
  const timing = await page.evaluate<OpenTiming>(`new Promise((resolve) => {
    let profileVisible;
    let firstPaint;
    function done() {
      if (profileVisible !== undefined && firstPaint !== undefined) resolve({ profileVisible, firstPaint });
    }
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (entry.identifier === ${JSON.stringify(PROFILE_PAINT_ID)}) profileVisible ??= entry.renderTime || entry.startTime;
      }
      done();
    }).observe({ type: 'element', buffered: true });
    new PerformanceObserver((list) => {
      firstPaint ??= list.getEntriesByName('first-contentful-paint')[0]?.startTime;
      done();
    }).observe({ type: 'paint', buffered: true });
  })`);
  return { page, timing };
}

/** One timed open; the page stays `settleMs` so the popup's throttled cache write lands before it goes. */
async function openTimedAndClose(context: BrowserContext, url: string, settleMs: number): Promise<OpenTiming> {
  const { page, timing } = await openPopup(context, url);
  await page.waitForTimeout(settleMs);
  await page.close();
  return timing;
}

type Worker = Awaited<ReturnType<typeof extensionWorker>>;

interface ColdOpen {
  profileVisible: number;
  /** How long the provider took to answer: the background's HTTP exchanges with it. */
  exchange: number;
  /** The paired warm open's profileVisible. */
  warm: number;
}

/** Forgets the popup's cache and the stored profiles (and the worker's request timings). */
async function clearCaches(worker: Worker) {
  await worker.evaluate(async () => {
    performance.clearResourceTimings();
    const all = await chrome.storage.local.get();
    await chrome.storage.local.remove(Object.keys(all).filter((k) => k === 'whoami-query-cache' || k.startsWith('profile:')));
  });
}

/** The time the background spent in HTTP exchanges with the mock providers since the last clear. */
async function providerTime(worker: Worker, mock: MockProviders): Promise<number> {
  return worker.evaluate(
    (origin) =>
      performance
        .getEntriesByType('resource')
        .filter((entry) => entry.name.startsWith(origin))
        .reduce((sum, entry) => sum + (entry as PerformanceResourceTiming).responseEnd - entry.startTime, 0),
    mock.url,
  );
}

async function launch(mock: MockProviders) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'whoami-bench-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROME_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 360, height: 600 },
  });
  const worker = await extensionWorker(context);
  const extensionId = new URL(worker.url()).host;
  const popupUrl = `chrome-extension://${extensionId}/popup.html`;
  const setup = await context.newPage();
  await setup.goto(popupUrl);
  return {
    context,
    worker,
    popupUrl,
    setup,
    cleanup: async () => (await context.close(), fs.rmSync(dir, { recursive: true, force: true })),
    mock,
  };
}

/** Every script a popup open fetches until it has settled, on-demand chunks included. */
async function scriptsFetchedByOpen(context: BrowserContext, url: string): Promise<string[]> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const files = new Set<string>();
  cdp.on('Network.requestWillBeSent', ({ request }) => {
    if (request.url.endsWith('.js')) files.add(new URL(request.url).pathname.slice(1));
  });
  await cdp.send('Network.enable');
  await page.goto(url);
  await page.waitForTimeout(800);
  await page.close();
  return [...files];
}

/** The account the opens are measured on: one Chakra account, refreshed once. */
export async function benchOpens(mock: MockProviders) {
  const { context, worker, popupUrl, setup, cleanup } = await launch(mock);
  await send(setup, 'addAccount', {
    provider: 'chakra',
    label: 'bench',
    credentials: mock.credentials('chakra', mock.chakra.userIds()[0]!),
  });
  await send(setup, 'refresh', {});

  const open = () => openTimedAndClose(context, popupUrl, 400);
  await open(); // the first open after install pays one-off costs (first compile, first cache)

  // Each cold open (no persisted cache, no stored profile: the provider is asked) is paired with
  // the warm open after it, which paints from the cache the cold one left: machine load falls on
  // both alike, and what is compared is the pair. The provider's own time is what the
  // background's HTTP exchange took (Resource Timing), so the rest is Whoami's.
  const warm: OpenTiming[] = [];
  const cold: Record<number, ColdOpen[]> = {};
  for (const latency of COLD_LATENCIES) {
    mock.setLatency(latency);
    cold[latency] = [];
    for (let i = 0; i < COLD_PAIRS; i++) {
      await clearCaches(worker);
      const { profileVisible } = await open();
      const exchange = await providerTime(worker, mock);
      const warmAfter = await open();
      warm.push(warmAfter);
      cold[latency].push({ profileVisible, exchange, warm: warmAfter.profileVisible });
    }
  }
  mock.setLatency(0);

  const fetchedScripts = await scriptsFetchedByOpen(context, popupUrl);

  // Heap after open, from Chromium's own counters, after a collection.
  const heap: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const { page } = await openPopup(context, popupUrl);
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    heap.push(metrics.find((m) => m.name === 'JSHeapUsedSize')!.value);
    await page.close();
  }
  await cleanup();
  return { warm, cold, heap, fetchedScripts };
}

const LOCK_ACCOUNTS = 20;

/**
 * The passphrase lock with 20 accounts: how long Unlock takes (the key derivation, then the
 * account list read back, which opens all 20 sealed secrets), and whether the warm popup is
 * any slower with the lock on and open than with it off, in alternating opens of one browser.
 */
async function benchLock(mock: MockProviders) {
  const { context, popupUrl, setup, cleanup } = await launch(mock);
  for (let i = 0; i < LOCK_ACCOUNTS; i++) {
    await send(setup, 'addAccount', {
      provider: 'chakra',
      label: `lock ${i}`,
      credentials: mock.credentials('chakra', mock.chakra.userIds()[0]!),
    });
  }
  await send(setup, 'refresh', {});
  const warmOpen = async () => (await openTimedAndClose(context, popupUrl, 200)).profileVisible;
  await warmOpen();
  const passphrase = 'bench passphrase, long enough';
  const unlock: number[] = [];
  const warmOff: number[] = [];
  const warmOn: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    warmOff.push(await warmOpen());
    await send(setup, 'turnOnLock', { passphrase });
    // The seal's writes and the views' reread settle first, as they would before a user's next open.
    await setup.waitForTimeout(300);
    // Turning the lock on drops the popup's cached first frame (it held key hints): the first
    // open after it is cold and rebuilds it (given the time its throttled write takes); the opens
    // after that are the warm ones compared.
    await openTimedAndClose(context, popupUrl, 400);
    warmOn.push(await warmOpen());
    await send(setup, 'lockNow', {});
    // A string, not a function: tsx would wrap the named helper in __name, unknown to the page.
    unlock.push(
      await setup.evaluate<number>(`(async () => {
        const ask = (type, input) => chrome.runtime.sendMessage({ whoami: 'request', type, input });
        const started = performance.now();
        const unlocked = await ask('unlock', { passphrase: ${JSON.stringify(passphrase)} });
        const listed = await ask('listAccounts', {});
        if (!unlocked.ok || !listed.ok || listed.data.lock !== 'unlocked') throw new Error('unlock failed');
        return performance.now() - started;
      })()`),
    );
    await send(setup, 'turnOffLock', { passphrase });
  }
  await cleanup();
  return { unlock, warmOff, warmOn };
}

async function benchRefresh(mock: MockProviders) {
  const { context, setup, cleanup } = await launch(mock);
  await signInToWacht(context, mock);
  for (let i = 0; i < REFRESH_ACCOUNTS; i++) {
    const provider = PROVIDERS[i % 4]!;
    // Wacht accounts share the browser's one session on the deployment, as they would.
    const userId = provider === 'wacht' ? mock.wacht.userIds()[0]! : mock[provider].createUser();
    await send(setup, 'addAccount', { provider, label: `${provider} ${i}`, credentials: mock.credentials(provider, userId) });
  }
  await send(setup, 'refresh', {});
  mock.setLatency(REFRESH_LATENCY_MS);
  const wall: number[] = [];
  const peaks: number[] = [];
  let failures = 0;
  for (let i = 0; i < RUNS; i++) {
    mock.resetStats();
    // Timed by the page that asks, on its own clock: handing the whole answer (100 entries) over
    // to the bench would add the bench's own copying to the figure.
    const { ms, answered, failed } = await timedRefresh(setup);
    wall.push(ms);
    peaks.push(mock.stats.peakInFlight);
    failures += failed + (REFRESH_ACCOUNTS - answered);
  }
  mock.setLatency(0);
  await cleanup();
  return { wall, peaks, failures };
}

interface Row {
  name: string;
  value: string;
  budget: string;
  ok: boolean;
}

const ms = (s: Stat) => `${s.median.toFixed(1)} ms (min ${s.min.toFixed(1)}, max ${s.max.toFixed(1)})`;
const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
function bundleRow(name: string, size: BundleSize, budgetKb: number): Row {
  const css = size.cssRaw ? `; CSS beside it ${kb(size.cssGzip)}` : '';
  return {
    name: `${name}, gzip`,
    value: `${kb(size.gzip)} (${kb(size.raw)} raw${css})`,
    budget: `≤ ${budgetKb} kB`,
    ok: size.gzip <= budgetKb * 1000,
  };
}

/** What the adversarial answers cost beside JSON.parse of the same text, per body, worst first. */
function adversarialRatios(runs: number) {
  return benchAdversarial(runs)
    .map(({ name, times, parseTimes }) => {
      const handled = stat(times);
      const parsed = stat(parseTimes);
      return { name, handled, parsed, ratio: handled.median / parsed.median };
    })
    .sort((a, b) => b.ratio - a.ratio);
}

const spread = (s: Stat, digits = 3) =>
  `${s.median.toFixed(digits)} (p90 ${s.p90.toFixed(digits)}, min ${s.min.toFixed(digits)}, max ${s.max.toFixed(digits)})`;

async function main() {
  console.log('Building (production and loopback)…');
  execSync('npx wxt build && npx wxt build --mode e2e', { stdio: 'ignore' });
  const sizes = bundleSizes(path.resolve('.output/chrome-mv3'));

  console.log(`Measuring the worst adversarial 1 MB answers (${RUNS} runs each)…`);
  const adversarial = adversarialRatios(RUNS);
  const worstBody = adversarial[0]!;

  const mock = await createMockProviders();
  console.log(`Measuring the calibration workload (${RUNS} runs)…`);
  const calibration = await benchCalibration(mock, RUNS);
  console.log(`Measuring a stopped worker's first answer beside a bare worker's (${RUNS} runs)…`);
  const wake = await benchWake(mock, RUNS);
  console.log(`Measuring popup opens (${RUNS} runs each)…`);
  const opens = await benchOpens(mock);
  console.log(`Measuring warm opens with 50 accounts and with 1 (${RUNS} runs)…`);
  const many = await benchManyAccounts(mock, RUNS, (context, url) => openTimedAndClose(context, url, 200));
  console.log(`Measuring a refresh of 100 accounts on one host (${RUNS} runs)…`);
  const refresh = await benchRefresh(mock);
  console.log(`Measuring a refresh of 100 accounts on 20 hosts (${RUNS} runs)…`);
  const spreadRefresh = await benchRefreshOnHosts(RUNS, REFRESH_LATENCY_MS);
  console.log('Measuring what an account takes in storage…');
  const stored = await benchStoredBytes(mock);
  console.log(`Measuring unlock and warm opens with the lock on (${RUNS} runs)…`);
  const lock = await benchLock(mock);
  await mock.close();

  // The loopback build's files (what the timed popup loaded); its chunks match the store build's.
  const openedScripts = measure(path.resolve('.output/chrome-mv3-e2e'), opens.fetchedScripts);
  const ratio = stat(opens.warm.map((t) => t.profileVisible / t.firstPaint));
  const warm = stat(opens.warm.map((t) => t.profileVisible));
  const wall = stat(refresh.wall);
  const floor = Math.ceil(REFRESH_ACCOUNTS / MAX_IN_FLIGHT_PER_HOST) * REFRESH_LATENCY_MS;
  const overFloor = stat(refresh.wall.map((t) => t / floor));
  const spreadFloor = Math.ceil(spreadRefresh.perHost / MAX_IN_FLIGHT_PER_HOST) * REFRESH_LATENCY_MS;
  const spreadOverFloor = stat(spreadRefresh.wall.map((t) => t / spreadFloor));
  const peak = Math.max(...refresh.peaks);
  const heap = stat(opens.heap.map((b) => b / 1e6));
  const ratioText = (s: Stat) => `${s.median.toFixed(3)} (p90 ${s.p90.toFixed(3)}, min ${s.min.toFixed(3)}, max ${s.max.toFixed(3)})`;
  const wakeWhoami = stat(wake.whoami);
  const wakeBare = stat(wake.bare);
  const fiftyOverOne = stat(many.withFifty).median / stat(many.withOne).median;
  const perAccountMs = (wallMs: number, floorMs: number, accounts: number) => ((wallMs - floorMs) / accounts).toFixed(2);

  const rows: Row[] = [
    bundleRow('Popup JS loaded at open', sizes.popup, 90),
    {
      name: 'Popup JS fetched by an open, on-demand chunks included (informational)',
      value: `${kb(openedScripts.gzip)} (${kb(openedScripts.raw)} raw, ${openedScripts.files.length} files)`,
      budget: '—',
      ok: true,
    },
    bundleRow('Options JS', sizes.options, 100),
    bundleRow('Background JS', sizes.background, 40),
    {
      name: "A stopped worker's first answer (listAccounts) ÷ a bare worker's, medians",
      value: `${(wakeWhoami.median / wakeBare.median).toFixed(3)} (${ms(wakeWhoami)} vs ${ms(wakeBare)})`,
      budget: '≤ 1.3',
      ok: wakeWhoami.median / wakeBare.median <= 1.3,
    },
    {
      name: 'Warm open: profile visible ÷ first paint',
      value: ratioText(ratio),
      budget: '≤ 1.0 median, ≤ 1.05 p90',
      ok: ratio.median <= 1 && ratio.p90 <= 1.05,
    },
    { name: 'Warm open: profile visible', value: ms(warm), budget: '—', ok: true },
    ...COLD_LATENCIES.map((latency): Row => {
      const runs = opens.cold[latency]!;
      const over = stat(runs.map((r) => (r.profileVisible - r.exchange) / r.warm));
      const cold = stat(runs.map((r) => r.profileVisible));
      const exchange = stat(runs.map((r) => r.exchange));
      return {
        name: `Cold open: (profile visible − provider exchange) ÷ paired warm open (mock latency ${latency} ms)`,
        value: `${spread(over)}; cold ${cold.median.toFixed(1)} ms, exchange ${exchange.median.toFixed(1)} ms`,
        budget: '≤ 1.10',
        ok: over.median <= 1.1,
      };
    }),
    {
      name: `Warm open with 50 accounts ÷ with 1 (profile visible, medians)`,
      value: `${fiftyOverOne.toFixed(3)} (${ms(stat(many.withFifty))} vs ${ms(stat(many.withOne))})`,
      budget: '≤ 1.05',
      ok: fiftyOverOne <= 1.05,
    },
    {
      name: `Refresh ${REFRESH_ACCOUNTS} accounts on one host at ${REFRESH_LATENCY_MS} ms, ÷ floor (${floor / REFRESH_LATENCY_MS} rounds × latency = ${floor} ms)`,
      value: `${ratioText(overFloor)}; ${ms(wall)}; ${perAccountMs(wall.median, floor, REFRESH_ACCOUNTS)} ms per account over the floor`,
      budget: '≤ 1.10',
      ok: overFloor.median <= 1.1,
    },
    {
      name: `Refresh ${SPREAD_ACCOUNTS} accounts on 20 hosts at ${REFRESH_LATENCY_MS} ms, ÷ floor (${spreadFloor / REFRESH_LATENCY_MS} rounds × latency = ${spreadFloor} ms)`,
      value: `${ratioText(spreadOverFloor)}; ${ms(stat(spreadRefresh.wall))}; ${perAccountMs(stat(spreadRefresh.wall).median, spreadFloor, SPREAD_ACCOUNTS)} ms per account over the floor`,
      budget: '≤ 1.10',
      ok: spreadOverFloor.median <= 1.1,
    },
    {
      name: 'Refresh: peak in flight on one host',
      value: String(peak),
      budget: `≤ ${MAX_IN_FLIGHT_PER_HOST}`,
      ok: peak <= MAX_IN_FLIGHT_PER_HOST,
    },
    {
      name: 'Refresh: failed accounts',
      value: String(refresh.failures + spreadRefresh.failures),
      budget: '0',
      ok: refresh.failures + spreadRefresh.failures === 0,
    },
    {
      name: 'Stored per account (its profile entry): a typical answer; the largest answer kept',
      value: `${kb(stored.typical)}; ${kb(stored.largest)}`,
      budget: '≤ 80 kB largest',
      ok: stored.largest <= 80_000,
    },
    {
      name: `Unlock (KDF + decrypt of ${LOCK_ACCOUNTS} accounts)`,
      value: ms(stat(lock.unlock)),
      budget: '≤ 1000 ms',
      ok: stat(lock.unlock).median <= 1000,
    },
    {
      name: 'Warm open with the lock on and open ÷ lock off (profile visible, medians)',
      value: `${(stat(lock.warmOn).median / stat(lock.warmOff).median).toFixed(3)} (${ms(stat(lock.warmOn))} vs ${ms(stat(lock.warmOff))})`,
      budget: '≤ 1.10',
      ok: stat(lock.warmOn).median / stat(lock.warmOff).median <= 1.1,
    },
    {
      name: 'Popup JS heap after open',
      value: `${heap.median.toFixed(2)} MB (min ${heap.min.toFixed(2)}, max ${heap.max.toFixed(2)})`,
      budget: '≤ 8 MB',
      ok: heap.median <= 8,
    },
    {
      name: `Worst adversarial 1 MB answer, handled ÷ JSON.parse of it (${worstBody.name}: parse, redact, scrub, map, cut, redact 200 stored secrets)`,
      value: `${worstBody.ratio.toFixed(1)} (${worstBody.handled.median.toFixed(1)} ms ÷ ${worstBody.parsed.median.toFixed(2)} ms)`,
      budget: '≤ 25',
      ok: worstBody.ratio <= 25,
    },
  ];

  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${execSync(`${CHROME_PATH} --version`).toString().trim()}`;
  const date = new Date().toISOString().slice(0, 10);
  const calibrationText = `calibration ${stat(calibration.node).median.toFixed(1)} ms in Node, ${stat(calibration.browser).median.toFixed(1)} ms in Chromium (JSON.parse + stringify of a ${calibration.answerBytes}-byte answer × 2000)`;
  const table = [
    `Measured ${date} on ${machine}; ${calibrationText}; ${RUNS} runs each (cold opens: ${COLD_PAIRS} per latency, each paired with a warm open), median (min, max).`,
    '',
    '| Measure | Result | Budget | |',
    '| --- | --- | --- | --- |',
    ...rows.map((r) => `| ${r.name} | ${r.value} | ${r.budget} | ${r.ok ? '✅' : '❌'} |`),
  ].join('\n');
  console.log(`\n${table}\n`);
  fs.writeFileSync(
    'bench-results.json',
    JSON.stringify(
      {
        date,
        machine,
        calibration,
        runs: RUNS,
        rows,
        raw: { sizes, wake, warm: opens.warm, cold: opens.cold, many, heap: opens.heap, refresh, spreadRefresh, stored, adversarial },
      },
      null,
      2,
    ),
  );
  console.log('Wrote bench-results.json');
  const broken = rows.filter((r) => !r.ok);
  if (broken.length > 0) {
    console.error(`Budget broken: ${broken.map((r) => r.name).join('; ')}`);
    process.exit(1);
  }
}

if (process.env.BENCH_ONLY !== 'opens') await main();
