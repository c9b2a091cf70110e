/**
 * `npm run bench:workerd`: what each route costs the Worker in CPU, measured
 * in workerd itself (under `wrangler dev`), and search's throughput beside a
 * no-op's, all in one run.
 *
 * CPU: the kernel's own count of the time workerd's threads ran on a core
 * (`/proc/<pid>/task/<tid>/schedstat`, first field, nanoseconds), summed over
 * every thread of every workerd process below wrangler, read before and after
 * each batch of sequential requests. It counts everything workerd does for a
 * request (HTTP parsing, the isolate, our code, garbage collection), nothing
 * of the load generator's, and no time spent waiting for a core, so a busy
 * machine slows the run but barely moves the figures. Nothing is subtracted:
 * the no-op (an unmatched `/api/…` 404) is measured the same way, and every
 * route is given as a ratio to it. Each route's requests are split into
 * blocks taken in turn with the other routes', so a change in the machine's
 * state weighs on all routes alike; the spread of the blocks is printed.
 *
 * Searches never repeat a query: the widget's own requests as a reader types
 * words of the report (`i`, `in`, `int`, …, then `integrated p`, …), so no
 * cache could help; the worst cases the API accepts are generated afresh for
 * every request too.
 *
 * Throughput: autocannon, `--connections` for `--duration` seconds, on the
 * no-op and on a rotating set of distinct widget searches.
 *
 * Usage: npm run bench:workerd [-- --requests 300 --duration 10 --connections 20]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import autocannon, { type AutocannonRequest, type AutocannonResult } from 'autocannon';
import { MAX_QUERY_LENGTH, MAX_QUERY_WORDS, MAX_TERM_LENGTH, queryLimitProblems } from '../src/core/search';
import type { Catalogue } from '../src/core/types';
import { BuiltLibrary } from './library/read-build';
import { startDevServer } from './dev-server';

const { values: args } = parseArgs({
  options: {
    requests: { type: 'string', default: '300' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '20' },
  },
});
const REQUESTS = positive('requests');
const DURATION_S = positive('duration');
const CONNECTIONS = positive('connections');
/** Each route's requests come in this many blocks, taken in turn with the other routes'. */
const BLOCKS = 3;
/** Requests sent to each route before measuring: the isolate compiles and warms the code paths. */
const WARM_UP = 30;
/** Targets of issue 9. */
const SEARCH_TARGET = 1.5;
const ANY_ROUTE_TARGET = 2;
const THROUGHPUT_TARGET = 0.8;

function positive(name: keyof typeof args): number {
  const value = Number(args[name]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive whole number, not ${args[name]}`);
  return value;
}

// ---------------------------------------------------------------- processes

interface ProcessInfo {
  pid: number;
  ppid: number;
  name: string;
}

/** Every process on the machine, from /proc/<pid>/stat (the name is between the first "(" and the last ")"). */
function processes(): ProcessInfo[] {
  const found: ProcessInfo[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      const fields = stat.slice(close + 2).split(' ');
      found.push({ pid: Number(entry), ppid: Number(fields[1]), name: stat.slice(stat.indexOf('(') + 1, close) });
    } catch {
      // Exited while listing.
    }
  }
  return found;
}

/** The processes below `root` (not `root` itself). */
function descendants(root: number): ProcessInfo[] {
  const all = processes();
  const below: ProcessInfo[] = [];
  let parents = new Set([root]);
  while (parents.size > 0) {
    const children = all.filter((p) => parents.has(p.ppid));
    below.push(...children);
    parents = new Set(children.map((p) => p.pid));
  }
  return below;
}

/** Nanoseconds the process's live threads have run on a core (first field of each thread's schedstat). */
function threadsCpuNs(pid: number): number {
  let total = 0;
  if (!existsSync(`/proc/${pid}/task`)) {
    throw new Error(`workerd (pid ${pid}) is gone: wrangler dev restarts it when a file it watches changes (src/, scripts/, index/sources/, index/styles/); run the bench again with the tree left alone`);
  }
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      total += Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]);
    } catch {
      // The thread ended between the listing and the read.
    }
  }
  return total;
}

const CLOCK_TICKS = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());

/** utime + stime of the whole process (ended threads included), in nanoseconds, at clock-tick resolution. */
function statCpuNs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields 14 and 15 of proc(5); fields[0] here is field 3.
  return ((Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS) * 1e9;
}

// ---------------------------------------------------------------- queries

const REPORT = 'driving-the-system-apart';

/** The report's words in reading order, each once, lower case, letters only. */
function vocabulary(catalogue: Catalogue): string[] {
  const words = new Set<string>();
  for (const report of catalogue.reports) {
    for (const section of report.sections) {
      for (const text of [section.title ?? '', ...section.paragraphs]) {
        for (const [word] of text.toLowerCase().matchAll(/\p{L}+/gu)) words.add(word);
      }
    }
  }
  return [...words];
}

/** What the widget sends while each word is typed, letter by letter: `i`, `in`, `int`, … each query once. */
function typedWords(words: string[]): string[] {
  const queries = new Set<string>();
  for (const word of words) for (let end = 1; end <= word.length; end++) queries.add(word.slice(0, end));
  return [...queries];
}

/** Two neighbouring words of the text typed letter by letter after the first: `integrated p`, `integrated pl`, … */
function typedPairs(catalogue: Catalogue): string[] {
  const queries = new Set<string>();
  for (const report of catalogue.reports) {
    for (const section of report.sections) {
      const words = section.paragraphs.join(' ').toLowerCase().match(/\p{L}{4,}/gu) ?? [];
      for (let i = 0; i + 1 < words.length; i++) {
        for (let end = 1; end <= words[i + 1].length; end++) queries.add(`${words[i]} ${words[i + 1].slice(0, end)}`);
      }
    }
  }
  return [...queries];
}

/** Seeded pseudo-random numbers in [0, 1): the same queries on every run. */
function random(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x = (x + 0x6d2b79f5) >>> 0;
    let t = Math.imul(x ^ (x >>> 15), 1 | x);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A word of consonants only: no index term starts with it, so every lookup of it fails the slow way. */
function garbageWord(next: () => number, length: number): string {
  let word = '';
  for (let i = 0; i < length; i++) word += 'bcdfghjklmnpqrstvwxz'[Math.floor(next() * 20)];
  return word;
}

/** One typo: two neighbouring letters swapped. */
function typo(word: string, next: () => number): string {
  const at = Math.floor(next() * (word.length - 1));
  return word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
}

/** `count` distinct queries from `make`, each checked against the API's limits. */
function distinct(count: number, seed: number, make: (next: () => number) => string): string[] {
  const next = random(seed);
  const queries = new Set<string>();
  for (let tries = 0; queries.size < count; tries++) {
    if (tries > count * 100) throw new Error(`could not make ${count} distinct queries`);
    const q = make(next);
    const problems = queryLimitProblems(q);
    if (problems.length > 0) throw new Error(`generated query refused by the API's limits: ${problems.join('; ')}`);
    queries.add(q);
  }
  return [...queries];
}

/** The heaviest queries the API accepts, `count` distinct ones of each kind. */
function worstCases(words: string[], count: number): Array<[string, string[]]> {
  const known = words.filter((w) => w.length >= 5 && w.length <= 9);
  const pick = (next: () => number) => known[Math.floor(next() * known.length)];
  const wordsOf = (n: number, length: number) => Math.min(n, Math.floor((MAX_QUERY_LENGTH + 1) / (length + 1)));
  const shortGarbage = Math.floor((MAX_QUERY_LENGTH + 1) / MAX_QUERY_WORDS) - 1;
  const longGarbage = wordsOf(MAX_QUERY_WORDS, MAX_TERM_LENGTH);
  return [
    [`${MAX_QUERY_WORDS} unknown words of ${shortGarbage} letters`, distinct(count, 1, (next) => Array.from({ length: MAX_QUERY_WORDS }, () => garbageWord(next, shortGarbage)).join(' '))],
    [`${longGarbage} unknown words of ${MAX_TERM_LENGTH} letters`, distinct(count, 2, (next) => Array.from({ length: longGarbage }, () => garbageWord(next, MAX_TERM_LENGTH)).join(' '))],
    [`${MAX_QUERY_WORDS} known words (5–9 letters)`, distinct(count, 3, (next) => Array.from({ length: MAX_QUERY_WORDS }, () => pick(next)).join(' '))],
    [`${MAX_QUERY_WORDS} typos of known words`, distinct(count, 4, (next) => Array.from({ length: MAX_QUERY_WORDS }, () => typo(pick(next), next)).join(' '))],
  ];
}

// ---------------------------------------------------------------- measuring

interface Route {
  name: string;
  /** The path of the i-th measured request (i ≥ 0) or of the i-th warm-up request (i < 0). */
  path: (i: number) => string;
  /** A search over distinct queries: held to the search target. */
  search?: boolean;
  /** The no-op every other route is compared with. */
  noop?: boolean;
}

type Group = 'worker' | 'proxy' | 'wrangler';

interface Measured {
  route: Route;
  /** CPU nanoseconds spent by each group of processes over this route's requests. */
  ns: Record<Group, number>;
  requests: number;
  /** The Worker's CPU per request in each block, in microseconds. */
  blocks: number[];
  statuses: Map<number, number>;
}

/** The rows of the tables: routes by name, the no-op first. */
function routes(catalogue: Catalogue, n: number): Route[] {
  const report = catalogue.reports.find((r) => r.id === REPORT) ?? catalogue.reports[0];
  const api = `/api/reports/${report.id}`;
  const words = vocabulary(catalogue);
  const typed = typedWords(words);
  const pairs = typedPairs(catalogue);
  if (typed.length < n + WARM_UP) throw new Error(`only ${typed.length} distinct typed words in the report: use --requests ${typed.length - WARM_UP} or fewer`);
  if (pairs.length < 2 * (n + WARM_UP)) throw new Error(`only ${pairs.length} distinct typed word pairs in the report`);
  // Warm-up requests (i < 0) take queries after the measured ones: no query is measured twice.
  const from = (list: string[], offset = 0) => (i: number) => list[offset + (i < 0 ? n - i - 1 : i)];
  const widget = (q: string) => `/api/search?${new URLSearchParams({ q, report: report.id, limit: '5' })}`;
  const word = from(typed);
  const pair = from(pairs);
  const pagePair = from(pairs, n + WARM_UP);
  const section = report.sections[Math.min(6, report.sections.length - 1)].number;
  const fixed = (path: string) => () => path;
  const list: Route[] = [
    { name: 'no-op: /api/nothing (404)', path: fixed('/api/nothing'), noop: true },
    { name: '/api/reports', path: fixed('/api/reports') },
    { name: `/api/reports/{r}`, path: fixed(api) },
    { name: `/api/reports/{r}/sections/${section}`, path: fixed(`${api}/sections/${section}`) },
    { name: `/api/reports/{r}/pages/ii`, path: fixed(`${api}/pages/ii`) },
    { name: `…/cite?format=ris (whole report)`, path: fixed(`${api}/cite?format=ris`) },
    { name: `…/sections/${section}/cite?format=ris`, path: fixed(`${api}/sections/${section}/cite?format=ris`) },
    { name: `…/sections/${section}/cite?format=text&style=apa&form=in-text`, path: fixed(`${api}/sections/${section}/cite?format=text&style=apa&form=in-text`) },
    { name: `…/cite?format=text&style=apa&form=in-text`, path: fixed(`${api}/cite?format=text&style=apa&form=in-text`) },
    { name: '/api/suggest?q=integ', path: fixed('/api/suggest?q=integ') },
    { name: '/api/openapi.json', path: fixed('/api/openapi.json') },
    { name: '/ (home page)', path: fixed('/') },
    { name: `/reports/{r} (report page)`, path: fixed(`/reports/${report.id}`) },
    { name: `/reports/{r}/sections/${section} (section page)`, path: fixed(`/reports/${report.id}/sections/${section}`) },
    { name: `/embed/{r}`, path: fixed(`/embed/${report.id}`) },
    { name: '/widget.js', path: fixed('/widget.js') },
    { name: `search, 1 word typed (i, in, int…; distinct)`, path: (i) => widget(word(i)), search: true },
    { name: `search, 2 words typed (integrated p…; distinct)`, path: (i) => widget(pair(i)), search: true },
    { name: `HTML search page, 2 words typed (distinct)`, path: (i) => `/reports/${report.id}/search?${new URLSearchParams({ q: pagePair(i) })}` },
  ];
  for (const [name, queries] of worstCases(words, n + WARM_UP)) {
    list.push({ name: `search, worst: ${name}`, path: (i) => `/api/search?${new URLSearchParams({ q: queries[i < 0 ? n - i - 1 : i] })}` });
  }
  return list;
}

/**
 * The processes below wrangler's pid: `wrangler dev` runs two workerd, its
 * proxy (listening on the port we call) and the Worker's own runtime behind
 * it, plus Node (wrangler, which prints each request's log line).
 */
function workerProcesses(wranglerPid: number, port: string): Record<'worker' | 'proxy' | 'wrangler', number[]> {
  const below = descendants(wranglerPid);
  const workerd = below.filter((p) => p.name === 'workerd');
  const listensOnPort = (pid: number) => readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').includes(`--socket-addr=entry=127.0.0.1:${port}`);
  const proxy = workerd.filter((p) => listensOnPort(p.pid)).map((p) => p.pid);
  const worker = workerd.filter((p) => !listensOnPort(p.pid)).map((p) => p.pid);
  if (worker.length === 0) throw new Error(`no workerd process below wrangler (pid ${wranglerPid}) but the proxy: ${below.map((p) => `${p.pid} ${p.name}`).join(', ')}`);
  return { worker, proxy, wrangler: [wranglerPid, ...below.filter((p) => p.name !== 'workerd').map((p) => p.pid)] };
}

function cpuNs(pids: number[]): number {
  return pids.reduce((sum, pid) => sum + threadsCpuNs(pid), 0);
}

async function get(origin: string, path: string, statuses?: Map<number, number>) {
  const response = await fetch(origin + path);
  await response.arrayBuffer();
  statuses?.set(response.status, (statuses.get(response.status) ?? 0) + 1);
}

function rate(result: AutocannonResult): string {
  const codes = (['2xx', '4xx', '5xx'] as const).map((k) => `${k} ${result[k]}`).join(', ');
  return `${result.requests.average.toFixed(0).padStart(6)} req/s, latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms (${result.requests.total} requests: ${codes}; errors ${result.errors}, timeouts ${result.timeouts})`;
}

async function main() {
  if (!existsSync('index/build/assets/data/library.json')) execFileSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
  const catalogue = new BuiltLibrary('index/build').report('driving-the-system-apart').catalogue;
  const list = routes(catalogue, REQUESTS);
  const loadBefore = loadavg();

  const server = await startDevServer();
  try {
    const origin = server.origin;
    const pids = workerProcesses(server.pid, new URL(origin).port);
    const groups = Object.keys(pids) as Group[];
    const allWorkerd = [...pids.worker, ...pids.proxy];
    console.log(`wrangler dev at ${origin}: the Worker's workerd pid ${pids.worker.join(', ')}; wrangler's proxy workerd pid ${pids.proxy.join(', ')}; wrangler (node) pid ${pids.wrangler.join(', ')}`);

    for (const route of list) for (let i = -WARM_UP; i < 0; i++) await get(origin, route.path(i));

    // What the Worker's workerd spends doing nothing, for scale.
    const idleStart = cpuNs(pids.worker);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const idleUsPerS = (cpuNs(pids.worker) - idleStart) / 1e3 / 2;

    const statBefore = allWorkerd.reduce((sum, pid) => sum + statCpuNs(pid), 0);
    const schedBefore = cpuNs(allWorkerd);
    const measured: Measured[] = list.map((route) => ({ route, ns: { worker: 0, proxy: 0, wrangler: 0 }, requests: 0, blocks: [], statuses: new Map() }));
    for (let block = 0; block < BLOCKS; block++) {
      const start = Math.floor((block * REQUESTS) / BLOCKS);
      const end = Math.floor(((block + 1) * REQUESTS) / BLOCKS);
      if (end === start) continue;
      for (const m of measured) {
        const before = groups.map((group) => cpuNs(pids[group]));
        for (let i = start; i < end; i++) await get(origin, m.route.path(i), m.statuses);
        const spent = groups.map((group, g) => cpuNs(pids[group]) - before[g]);
        groups.forEach((group, g) => (m.ns[group] += spent[g]));
        m.requests += end - start;
        m.blocks.push(spent[groups.indexOf('worker')] / 1e3 / (end - start));
      }
    }
    const schedSpent = cpuNs(allWorkerd) - schedBefore;
    const statSpent = allWorkerd.reduce((sum, pid) => sum + statCpuNs(pid), 0) - statBefore;
    const loadAfterCpu = loadavg();

    const noop = measured.find((m) => m.route.noop)!;
    const us = (m: Measured, group: Group) => m.ns[group] / 1e3 / m.requests;
    const both = (m: Measured) => us(m, 'worker') + us(m, 'proxy');
    const noopUs = us(noop, 'worker');
    console.log();
    console.log(`CPU per request in workerd: ${REQUESTS} sequential requests per route in ${BLOCKS} interleaved blocks, after ${WARM_UP} warm-up requests each;`);
    console.log(`run time on a core of every thread (/proc/<pid>/task/*/schedstat). Idle, the Worker's workerd uses ${idleUsPerS.toFixed(0)} µs/s.`);
    console.log(`Check, both workerd over all routes: schedstat ${(schedSpent / 1e6).toFixed(0)} ms, /proc/<pid>/stat utime+stime ${(statSpent / 1e6).toFixed(0)} ms.`);
    console.log(`Load average before: ${loadBefore.map((x) => x.toFixed(2)).join(' ')}, after: ${loadAfterCpu.map((x) => x.toFixed(2)).join(' ')} (1, 5, 15 min; ${cpus().length} cores).`);
    console.log(`"Worker": the Worker's own workerd; "+ proxy": with wrangler dev's proxy workerd in front (what the issue read); "node": wrangler's request log.`);
    console.log();
    const header = `${'route'.padEnd(56)} ${'Worker µs'.padStart(9)} ${'× no-op'.padStart(7)}  ${'blocks µs'.padEnd(17)} ${'+ proxy µs'.padStart(10)} ${'× no-op'.padStart(7)} ${'node µs'.padStart(7)}  ${'status'.padEnd(6)} target`;
    console.log(header);
    console.log('-'.repeat(header.length + 12));
    const over: string[] = [];
    for (const m of measured) {
      const ratio = us(m, 'worker') / noopUs;
      const target = m.route.noop ? 1 : m.route.search ? SEARCH_TARGET : ANY_ROUTE_TARGET;
      const verdict = m.route.noop ? '' : ratio <= target ? `ok (≤ ${target}×)` : `ABOVE ${target}×`;
      if (!m.route.noop && ratio > target) over.push(`${m.route.name} ${ratio.toFixed(2)}×`);
      const statuses = [...m.statuses].map(([status, count]) => (count === m.requests ? String(status) : `${status}×${count}`)).join(' ');
      console.log(
        [
          m.route.name.padEnd(56),
          us(m, 'worker').toFixed(0).padStart(9),
          `${ratio.toFixed(2)}×`.padStart(7),
          ' ' + m.blocks.map((b) => b.toFixed(0)).join('/').padEnd(17),
          both(m).toFixed(0).padStart(10),
          `${(both(m) / both(noop)).toFixed(2)}×`.padStart(7),
          us(m, 'wrangler').toFixed(0).padStart(7),
          ' ' + statuses.padEnd(6),
          verdict,
        ].join(' '),
      );
    }
    const searches = measured.filter((m) => m.route.search);
    const searchRequests = searches.reduce((sum, m) => sum + m.requests, 0);
    const searchUs = searches.reduce((sum, m) => sum + m.ns.worker, 0) / 1e3 / searchRequests;
    const searchBoth = searches.reduce((sum, m) => sum + m.ns.worker + m.ns.proxy, 0) / 1e3 / searchRequests;
    console.log();
    console.log(`widget searches together (${searchRequests} distinct queries): Worker ${searchUs.toFixed(0)} µs/req, ${(searchUs / noopUs).toFixed(2)}× the no-op (target ≤ ${SEARCH_TARGET}×); with the proxy ${(searchBoth / both(noop)).toFixed(2)}×`);
    console.log(over.length ? `above target: ${over.join('; ')}` : 'every route within target');

    // Throughput: the no-op, then distinct widget searches handed out in turn.
    const rotating = [...new Set([...typedWords(vocabulary(catalogue)), ...typedPairs(catalogue)])];
    let next = 0;
    const report = catalogue.reports.find((r) => r.id === REPORT) ?? catalogue.reports[0];
    const searchPath = () => `/api/search?${new URLSearchParams({ q: rotating[next++ % rotating.length], report: report.id, limit: '5' })}`;
    const run = async (requests: AutocannonRequest[]) => {
      const before = cpuNs(pids.worker);
      const result = await autocannon({ url: origin, connections: CONNECTIONS, duration: DURATION_S, requests });
      return { result, cpuUs: (cpuNs(pids.worker) - before) / 1e3 / Math.max(1, result.requests.total) };
    };
    // No-op, search, no-op: the machine's load changes over a run, so search is compared with the mean of the no-op before and after it.
    const noopPath: AutocannonRequest[] = [{ method: 'GET', path: '/api/nothing' }];
    const noopFirst = await run(noopPath);
    const search = await run([{ method: 'GET', path: searchPath(), setupRequest: (request) => ({ ...request, path: searchPath() }) }]);
    const noopAfter = await run(noopPath);
    const line = (name: string, r: Awaited<ReturnType<typeof run>>) => console.log(`  ${name.padEnd(40)} ${rate(r.result)}; Worker CPU ${r.cpuUs.toFixed(0)} µs/req`);
    console.log();
    console.log(`throughput, autocannon ${CONNECTIONS} connections × ${DURATION_S} s each, load generator on the same machine (load average now ${loadavg().map((x) => x.toFixed(2)).join(' ')}):`);
    line('no-op /api/nothing, before', noopFirst);
    line(`search, ${Math.min(next, rotating.length)} distinct widget queries`, search);
    line('no-op /api/nothing, after', noopAfter);
    console.log(`  (the search run sent ${next} requests in turn over ${rotating.length} distinct queries: words and word pairs typed letter by letter)`);
    const noopRate = (noopFirst.result.requests.average + noopAfter.result.requests.average) / 2;
    const ratio = search.result.requests.average / noopRate;
    console.log(`  search / mean no-op: ${ratio.toFixed(2)}× the requests per second (target ≥ ${THROUGHPUT_TARGET}×: ${ratio >= THROUGHPUT_TARGET ? 'ok' : 'BELOW'})`);
  } finally {
    await server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
