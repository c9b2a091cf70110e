/**
 * `npm run bench`: figures for speed and size, measured in one run.
 * - the core search (parse, rank, snippets, correction) in Node over the
 *   relevance set, beside plain MiniSearch on the same queries, and on the
 *   worst inputs the API accepts (and what refusing the others costs)
 * - index deserialisation, index and catalogue sizes (raw, gzip)
 * - the deploy bundle (wrangler deploy --dry-run), raw and gzip
 * - HTTP latency of the real Worker under wrangler dev (sequential requests)
 *
 * Usage: npm run bench [-- --core]   (--core: only the Node figures, no bundle or HTTP)
 */
import { execFileSync } from 'node:child_process';
import { buildSync } from 'esbuild';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { gzipSync } from 'node:zlib';
import { analyzer } from '../src/core/analyzer';
import {
  DEFAULT_SEARCH_OPTIONS,
  loadSearchIndex,
  MAX_QUERY_LENGTH,
  MAX_QUERY_WORDS,
  MAX_TERM_LENGTH,
  queryLimitProblems,
  searchWithCorrection,
} from '../src/core/search';
import type { Catalogue } from '../src/core/types';
import { bundleSizes, formatSize, totalSize } from './bundle-size';
import { startDevServer } from './dev-server';
import { baselineSearch, readRelevanceSet } from './relevance';
import { readReports } from './report-sources';

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function median(samples: number[]): number {
  return percentile([...samples].sort((a, b) => a - b), 50);
}

function summarise(samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  return `median ${percentile(sorted, 50).toFixed(3)} ms, p99 ${percentile(sorted, 99).toFixed(3)} ms (n=${samples.length})`;
}

/** CPU milliseconds this process has used: what a Worker is billed for, and blind to other processes' load. */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/**
 * CPU milliseconds of each call of every runner on every query, over
 * `rounds` rounds after one warm-up round; the runners take turns on each
 * query, so what the machine is doing at the time weighs on both alike.
 * CPU time, not wall time: the machine is shared, and wall time counts the
 * time other processes hold the cores.
 */
function timeEach<K extends string>(queries: string[], runners: Record<K, (q: string) => unknown>, rounds = 20): Record<K, number[]> {
  const names = Object.keys(runners) as K[];
  const samples = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<K, number[]>;
  for (let round = -1; round < rounds; round++) {
    for (const q of queries) {
      for (const name of names) {
        const started = cpuMs();
        runners[name](q);
        if (round >= 0) samples[name].push(cpuMs() - started);
      }
    }
  }
  return samples;
}

/** A seeded pseudo-random word of `length` letters that no index holds. */
function garbageWord(seed: number, length: number): string {
  let x = seed * 2654435761;
  let word = '';
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    word += 'bcdfghjklmnpqrstvwxz'[x % 20];
  }
  return word;
}

/** The worst inputs for the search: the longest, the wordiest, the most typo-prone, and ones beyond the limits. */
function hostileQueries(): Array<[string, string]> {
  const maxWordsLength = Math.floor((MAX_QUERY_LENGTH + 1) / MAX_QUERY_WORDS) - 1;
  const longWords = Math.floor((MAX_QUERY_LENGTH + 1) / (MAX_TERM_LENGTH + 1));
  return [
    [`${MAX_QUERY_WORDS} distinct unknown words of ${maxWordsLength} letters`, Array.from({ length: MAX_QUERY_WORDS }, (_, i) => garbageWord(i + 1, maxWordsLength)).join(' ')],
    [`${longWords} unknown words of ${MAX_TERM_LENGTH} letters`, Array.from({ length: longWords }, (_, i) => garbageWord(i + 100, MAX_TERM_LENGTH)).join(' ')],
    [`${MAX_QUERY_WORDS} known words`, 'integrated planning integration mission strategic framework peacekeeping humanitarian development political security coherence united nations secretary general'],
    [`${MAX_QUERY_WORDS} typos of known words`, 'intergrated plannign intergration misison stratgic framwork peacekeping humanitarain developmnet politcal securty coherense unitd natoins secretery genral'],
    ['one letter (widest completion)', 'i'],
    ['integrated planning', 'integrated planning'],
    ['intergration', 'intergration'],
    ['22× qzxvbnmk', Array(22).fill('qzxvbnmk').join(' ')],
    ['200× U+FDFA', '\uFDFA'.repeat(200)],
    [`${MAX_QUERY_LENGTH} letters, one word`, 'a'.repeat(MAX_QUERY_LENGTH)],
  ];
}

function size(bytes: Buffer | string): string {
  const raw = Buffer.from(bytes);
  return `${(raw.length / 1024).toFixed(1)} KiB raw, ${(gzipSync(raw, { level: 9 }).length / 1024).toFixed(1)} KiB gzip`;
}

async function main() {
  execFileSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
  const catalogueText = readFileSync('index/build/catalogue.json', 'utf8');
  const indexText = readFileSync('index/build/search-index.json', 'utf8');
  const catalogue = JSON.parse(catalogueText) as Catalogue;

  const loads: number[] = [];
  for (let i = 0; i < 50; i++) {
    const started = performance.now();
    loadSearchIndex(JSON.parse(indexText), analyzer);
    loads.push(performance.now() - started);
  }
  const index = loadSearchIndex(JSON.parse(indexText), analyzer);
  const search = (q: string) => searchWithCorrection(index, catalogue, q, DEFAULT_SEARCH_OPTIONS, analyzer);

  const queries = readRelevanceSet().queries.map((q) => q.q);
  const read = await readReports('index/sources');
  if (!read.ok) throw new Error('sources do not build');
  const plain = baselineSearch(read.reports);
  const times = timeEach(queries, { ours: search, plain });
  const ratio = (x: number[], y: number[]) => `${(median(x) / median(y)).toFixed(1)}×`;

  console.log(`machine load average while measuring: ${loadavg().map((x) => x.toFixed(1)).join(', ')} (1, 5, 15 min)`);
  console.log(`core search in Node (parse, rank, snippets, correction), CPU time per call, ${queries.length} relevance-set queries × 20 rounds:`);
  console.log(`  searchWithCorrection:                    ${summarise(times.ours)}`);
  console.log(`  plain MiniSearch, same queries, same run: ${summarise(times.plain)} (prefix, fuzzy 0.2, no snippets)`);
  console.log(`  ratio of medians, ours / plain:          ${ratio(times.ours, times.plain)}`);
  console.log(`worst cases, CPU time per call (limits: ${MAX_QUERY_LENGTH} UTF-16 units, ${MAX_QUERY_WORDS} words, ${MAX_TERM_LENGTH} characters a word), 200 rounds each:`);
  for (const [name, q] of hostileQueries()) {
    const refused = queryLimitProblems(q).length > 0;
    const run = refused ? () => queryLimitProblems(q) : search;
    const { one, mini } = timeEach([q], { one: run, mini: plain }, 200);
    const verdict = refused ? 'refused (400), checking:' : 'accepted, search:';
    const figures = `median ${median(one).toFixed(3)} ms, p99 ${percentile([...one].sort((a, b) => a - b), 99).toFixed(3)} ms`;
    console.log(`  ${name.padEnd(40)} ${verdict.padEnd(25)} ${figures}; plain MiniSearch ${median(mini).toFixed(3)} ms (${ratio(one, mini)})`);
  }
  console.log(`index parse + loadJS:                      ${summarise(loads)}`);
  console.log(`search-index.json:                         ${size(indexText)}`);
  console.log(`catalogue.json:                            ${size(catalogueText)}`);
  if (process.argv.includes('--core')) return;

  execFileSync('node_modules/.bin/wrangler', ['deploy', '--dry-run', '--outdir', 'dist'], { stdio: 'ignore', env: { ...process.env, WRANGLER_SEND_METRICS: 'false' } });
  const modules = bundleSizes('dist');
  const total = totalSize(modules);
  const script = modules.find((m) => m.name === 'index.js')!;
  console.log(`Worker upload (dry run, all modules):      ${formatSize(total)} (no citation-js in it)`);
  console.log(`  of which the script (index.js):          ${formatSize(script)}; citations.json ${formatSize(modules.find((m) => m.name === 'citations.json')!)}`);
  // What rendering citations in the Worker would have added: citation-js and its plugins, bundled alone.
  const citationJs = buildSync({
    stdin: { contents: "import '@citation-js/core'; import '@citation-js/plugin-csl'; import '@citation-js/plugin-bibtex'; import '@citation-js/plugin-ris';", resolveDir: process.cwd() },
    bundle: true, minify: true, format: 'esm', platform: 'node', write: false, logLevel: 'silent',
  }).outputFiles[0].text;
  console.log(`citation-js + plugins, bundled alone:      ${size(citationJs)} (what rendering in the Worker would add)`);
  const citations = JSON.parse(readFileSync('index/build/citations.json', 'utf8')) as { strings: string[]; reports: Record<string, { items: Record<string, unknown> }> };
  const records = Object.values(citations.reports).reduce((n, r) => n + Object.keys(r.items).length * 4, 0);
  console.log(`prerendered citations:                     ${citations.strings.length} formatted entries + ${records} machine-format records`);

  const server = await startDevServer();
  try {
    const urls = [
      ...queries.map((q) => `/api/search?q=${encodeURIComponent(q)}`),
      '/api/reports/driving-the-system-apart/sections/7',
      '/api/reports/driving-the-system-apart/pages/ii',
      '/api/suggest?q=integ',
    ];
    const first = performance.now();
    await (await fetch(server.origin + urls[0])).text();
    const firstMs = performance.now() - first;
    const samples: number[] = [];
    for (let round = 0; round < 3; round++) {
      for (const url of urls) {
        const started = performance.now();
        await (await fetch(server.origin + url)).text();
        samples.push(performance.now() - started);
      }
    }
    console.log(`HTTP via wrangler dev, first request:      ${firstMs.toFixed(1)} ms`);
    console.log(`HTTP via wrangler dev, sequential:         ${summarise(samples)}`);
  } finally {
    await server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
