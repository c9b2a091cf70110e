/**
 * `npm run bench:widget`: how soon a reader typing into `<report-search>` sees
 * results, on an emulated campus link. Not a test: figures to read and compare.
 *
 * The real Worker under `wrangler dev`, the course site of the browser tests
 * (another origin) and Debian's Chromium; Chromium's network is emulated
 * through CDP (`Network.emulateNetworkConditions`: 40 ms latency, 20 Mbit/s
 * down and up). Each run opens the course page in a fresh browser context (no
 * HTTP cache, no widget memory), types one word at 100 ms a key, and records
 * in the page, at the animation frame after each change to the widget's DOM:
 * - top result: from the last keystroke until the first result is the word's
 *   top hit (asked of the API beforehand) for good; 0 when it already was;
 * - final answer: from the last keystroke until the last change of the list
 *   (the word's own answer rendered; 0 when nothing changed after it), with
 *   when the word's own request was sent and answered (Resource Timing, medians);
 * and, from CDP network events for `/api/search`: bytes received (headers and
 * body as sent, `encodedDataLength`) per keystroke and per answered request,
 * the median time from sending a search to its last byte, requests made,
 * aborted, and served from the browser's cache. First it prints how long the
 * Worker takes to answer with no emulation: on a busy machine that, not the
 * widget, sets the floor.
 *
 * Usage: tsx scripts/bench-widget.ts [--runs 7] [--words integration,counterfactual] [--latency 40] [--mbps 20] [--delay 100]
 */
import { parseArgs } from 'node:util';
import { chromium, type Browser, type CDPSession } from 'playwright-core';
import { CHROMIUM_LAUNCH_OPTIONS, HOST_PAGES, REPORT, startSite, type Site } from '../test/browser/harness';
import { requireChromium } from '../test/browser/find-chromium';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '7' },
    words: { type: 'string', default: 'integration,counterfactual,peacekeeping,planning' },
    latency: { type: 'string', default: '40' },
    mbps: { type: 'string', default: '20' },
    delay: { type: 'string', default: '100' },
  },
});
const RUNS = Number(args.runs);
const WORDS = args.words.split(',').filter(Boolean);
const LATENCY_MS = Number(args.latency);
const BYTES_PER_SECOND = (Number(args.mbps) * 1_000_000) / 8;
const KEY_DELAY_MS = Number(args.delay);
/** After the word's answer is shown, how long to keep watching for a late, stale answer replacing it. */
const SETTLE_MS = 600;
/** Give up on a run after this long without the word's answer. */
const ANSWER_TIMEOUT_MS = 10_000;

/** What one run of one word measured. */
interface Run {
  topMs: number;
  finalMs: number;
  /** From the last keystroke until the word's own request was sent, and until its last byte arrived (Resource Timing). */
  sentMs: number;
  answeredMs: number;
  keystrokes: number;
  meanKeyGapMs: number;
  requests: number;
  aborted: number;
  fromCache: number;
  bytes: number;
  /** Milliseconds from sending each answered search to its last byte, emulated latency included. */
  durations: number[];
  /** The first result when the run ended, against the word's top hit. */
  endedOn: number | null;
}

/** Installed in the page before typing: a log of input events and of the widget's state after each DOM change. */
function instrument() {
  type Entry = { t: number; kind: 'input'; value: string } | { t: number; kind: 'state'; top: number | null; busy: string | null; list: number };
  const log: Entry[] = [];
  (window as unknown as { benchLog: Entry[] }).benchLog = log;
  const host = document.querySelector('report-search')!;
  const root = host.shadowRoot!;
  const section = (href: string | null | undefined) => {
    const match = /\/sections\/(\d+)/.exec(href ?? '');
    return match ? Number(match[1]) : null;
  };
  let listVersion = 0;
  // Input events are composed: they reach the host, retargeted, with the shadow input first on the path.
  host.addEventListener('input', (event) => log.push({ t: performance.now(), kind: 'input', value: (event.composedPath()[0] as HTMLInputElement).value }), true);
  const list = root.querySelector<HTMLElement>('ul.list')!;
  new MutationObserver((records) => {
    if (records.some((r) => r.target === list || list.contains(r.target))) listVersion++;
    const version = listVersion;
    // Read the state now, stamp it when the frame that shows it is about to paint.
    const first = list.hidden ? null : list.querySelector('li a.link');
    const state = { top: section(first?.getAttribute('href')), busy: root.querySelector('[aria-busy]')?.getAttribute('aria-busy') ?? null, list: version };
    requestAnimationFrame(() => log.push({ t: performance.now(), kind: 'state', ...state }));
  }).observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
}

/** Counts /api/search traffic on a page through CDP. */
function watchSearches(cdp: CDPSession) {
  const counts = { requests: 0, aborted: 0, fromCache: 0, bytes: 0, durations: [] as number[] };
  /** Searches by request id, with when they were sent (CDP timestamps, in seconds). */
  const searches = new Map<string, number>();
  cdp.on('Network.requestWillBeSent', (event) => {
    if (new URL(event.request.url).pathname !== '/api/search') return;
    searches.set(event.requestId, event.timestamp);
    counts.requests++;
  });
  cdp.on('Network.requestServedFromCache', (event) => {
    if (searches.has(event.requestId)) counts.fromCache++;
  });
  cdp.on('Network.loadingFinished', (event) => {
    const sent = searches.get(event.requestId);
    if (sent === undefined) return;
    counts.bytes += event.encodedDataLength;
    counts.durations.push((event.timestamp - sent) * 1000);
  });
  cdp.on('Network.loadingFailed', (event) => {
    if (searches.has(event.requestId) && event.canceled) counts.aborted++;
  });
  return counts;
}

/**
 * How long the Worker takes to answer a search here, with no emulated network:
 * the word's prefixes asked in turn from Node (median, ms). On a busy machine
 * this, not the widget, sets the floor of the figures.
 */
async function serverMs(origin: string, words: string[]): Promise<number> {
  const samples: number[] = [];
  for (const word of words) {
    for (let end = 1; end <= word.length; end++) {
      const started = performance.now();
      await (await fetch(`${origin}/api/search?${new URLSearchParams({ q: word.slice(0, end), report: REPORT, limit: '5' })}`)).arrayBuffer();
      samples.push(performance.now() - started);
    }
  }
  return percentile(samples, 50);
}

/** The section the API ranks first for `word`. */
async function topHit(origin: string, word: string): Promise<number> {
  const response = await fetch(`${origin}/api/search?${new URLSearchParams({ q: word, report: REPORT, limit: '1' })}`);
  const body = (await response.json()) as { results: Array<{ number: number }> };
  if (!body.results[0]) throw new Error(`bench-widget: "${word}" finds nothing`);
  return body.results[0].number;
}

async function typeOnce(browser: Browser, site: Site, word: string, expected: number): Promise<Run> {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  try {
    const page = await context.newPage();
    // tsx keeps function names by wrapping them in __name(); functions sent to the page need it there too.
    await page.addInitScript('window.__name = (f) => f');
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: LATENCY_MS, downloadThroughput: BYTES_PER_SECOND, uploadThroughput: BYTES_PER_SECOND });
    await page.goto(site.hostOrigin + HOST_PAGES.widget);
    const input = page.locator('report-search').getByRole('searchbox');
    await input.waitFor();
    await input.focus();
    await page.evaluate(instrument);
    const counts = watchSearches(cdp);

    // A key every KEY_DELAY_MS on the clock (keyboard.type's delay comes on top of each press's own round trip).
    const started = performance.now();
    for (const [i, key] of [...word].entries()) {
      await new Promise((resolve) => setTimeout(resolve, started + i * KEY_DELAY_MS - performance.now()));
      await page.keyboard.press(key);
    }
    // Wait for the word's top hit on top and a list that has stopped changing.
    await page.waitForFunction(
      ({ expected }) => {
        const log = (window as unknown as { benchLog: Array<{ kind: string; top?: number | null; busy?: string | null }> }).benchLog;
        const last = log.filter((e) => e.kind === 'state').at(-1);
        return last?.top === expected && last.busy !== 'true';
      },
      { expected },
      { timeout: ANSWER_TIMEOUT_MS },
    );
    await page.waitForTimeout(SETTLE_MS);
    const log = await page.evaluate(() => (window as unknown as { benchLog: Array<{ t: number; kind: string; value?: string; top?: number | null; list?: number }> }).benchLog);

    // The word's own request, on the page's clock (the newest if the browser made two).
    const own = await page.evaluate(
      (word) =>
        performance
          .getEntriesByType('resource')
          .filter((entry) => new URL(entry.name).pathname === '/api/search' && new URL(entry.name).searchParams.get('q') === word)
          .map((entry) => ({ start: entry.startTime, end: (entry as PerformanceResourceTiming).responseEnd }))
          .at(-1),
      word,
    );
    const inputs = log.filter((e) => e.kind === 'input');
    const states = log.filter((e) => e.kind === 'state');
    const lastKey = inputs.at(-1)!.t;
    if (inputs.at(-1)!.value !== word) throw new Error(`bench-widget: typed "${inputs.at(-1)!.value}", not "${word}"`);
    const gaps = inputs.slice(1).map((e, i) => e.t - inputs[i].t);
    // Start of the final stretch with the expected top result.
    let topAt = lastKey;
    for (let i = states.length - 1; i >= 0 && states[i].top === expected; i--) topAt = Math.max(lastKey, states[i].t);
    // Last change of the list's content.
    let finalAt = lastKey;
    for (let i = 1; i < states.length; i++) if (states[i].list !== states[i - 1].list && states[i].t > lastKey) finalAt = states[i].t;
    return {
      topMs: topAt - lastKey,
      finalMs: finalAt - lastKey,
      sentMs: own ? own.start - lastKey : NaN,
      answeredMs: own ? own.end - lastKey : NaN,
      keystrokes: inputs.length,
      meanKeyGapMs: gaps.reduce((a, b) => a + b, 0) / Math.max(1, gaps.length),
      ...counts,
      endedOn: states.at(-1)?.top ?? null,
    };
  } finally {
    await context.close();
  }
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const ms = (n: number) => `${n.toFixed(0).padStart(4)} ms`;

async function main() {
  console.log(`bench-widget: ${RUNS} runs per word, ${LATENCY_MS} ms latency, ${args.mbps} Mbit/s, a key every ${KEY_DELAY_MS} ms`);
  const site = await startSite();
  const browser = await chromium.launch({ ...CHROMIUM_LAUNCH_OPTIONS, executablePath: requireChromium() });
  try {
    const expected = new Map<string, number>();
    for (const word of WORDS) expected.set(word, await topHit(site.origin, word));
    // One untimed run: the isolate, the bundle and Chromium warm up.
    await typeOnce(browser, site, WORDS[0], expected.get(WORDS[0])!);

    const all: Run[] = [];
    console.log(`the Worker answers a search in ${(await serverMs(site.origin, WORDS)).toFixed(0)} ms (median over the words' prefixes, from Node, no emulation)`);
    console.log('word             top result (median / p90)   final answer (median / p90)   its request sent / answered  bytes/key  bytes/request  request time  requests  aborted  cached  key gap');
    for (const word of WORDS) {
      const runs: Run[] = [];
      for (let i = 0; i < RUNS; i++) runs.push(await typeOnce(browser, site, word, expected.get(word)!));
      all.push(...runs);
      const keys = runs.reduce((sum, r) => sum + r.keystrokes, 0);
      const sum = (pick: (r: Run) => number) => runs.reduce((total, r) => total + pick(r), 0);
      console.log(
        [
          word.padEnd(16),
          `${ms(percentile(runs.map((r) => r.topMs), 50))} / ${ms(percentile(runs.map((r) => r.topMs), 90))}         `,
          `${ms(percentile(runs.map((r) => r.finalMs), 50))} / ${ms(percentile(runs.map((r) => r.finalMs), 90))}           `,
          `${ms(percentile(runs.map((r) => r.sentMs), 50))} / ${ms(percentile(runs.map((r) => r.answeredMs), 50))}        `,
          `${(sum((r) => r.bytes) / keys).toFixed(0).padStart(6)} B`,
          `${(sum((r) => r.bytes) / Math.max(1, sum((r) => r.requests - r.aborted - r.fromCache))).toFixed(0).padStart(10)} B`,
          `${(percentile(runs.flatMap((r) => r.durations), 50) ?? NaN).toFixed(0).padStart(9)} ms`,
          `${(sum((r) => r.requests) / runs.length).toFixed(1).padStart(8)}`,
          `${(sum((r) => r.aborted) / runs.length).toFixed(1).padStart(7)}`,
          `${(sum((r) => r.fromCache) / runs.length).toFixed(1).padStart(6)}`,
          `${(sum((r) => r.meanKeyGapMs) / runs.length).toFixed(0).padStart(5)} ms`,
        ].join('  '),
      );
      const wrong = runs.filter((r) => r.endedOn !== expected.get(word));
      if (wrong.length > 0) console.log(`  ${wrong.length} run(s) ended on section ${wrong.map((r) => r.endedOn).join(', ')}, not ${expected.get(word)}`);
    }
    const keys = all.reduce((sum, r) => sum + r.keystrokes, 0);
    console.log(
      `all words: top result median ${percentile(all.map((r) => r.topMs), 50).toFixed(0)} ms, p90 ${percentile(all.map((r) => r.topMs), 90).toFixed(0)} ms; ` +
        `final answer median ${percentile(all.map((r) => r.finalMs), 50).toFixed(0)} ms, p90 ${percentile(all.map((r) => r.finalMs), 90).toFixed(0)} ms; ` +
        `${(all.reduce((sum, r) => sum + r.bytes, 0) / keys).toFixed(0)} bytes per keystroke (targets: ≤ 80 ms, ≤ 2048 bytes)`,
    );
  } finally {
    await browser.close().catch(() => {});
    await site.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
