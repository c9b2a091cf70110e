/**
 * `npm run bench`: figures for speed and size, measured in one run.
 * - search() in Node over the relevance set (median, p99 per query)
 * - index deserialisation, index and catalogue sizes (raw, gzip)
 * - the deploy bundle (wrangler deploy --dry-run), raw and gzip
 * - HTTP latency of the real Worker under wrangler dev (sequential requests)
 */
import { execFileSync } from 'node:child_process';
import { buildSync } from 'esbuild';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { parseQuery } from '../src/core/query';
import { DEFAULT_SEARCH_OPTIONS, searchSections } from '../src/core/search';
import { loadSearchIndex } from '../src/core/search-index';
import type { Catalogue } from '../src/core/types';
import { bundleSizes, formatSize, totalSize } from './bundle-size';
import { startDevServer } from './dev-server';
import { baselineSearch, readRelevanceSet } from './relevance';
import { readReports } from './report-sources';

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function summarise(samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  return `median ${percentile(sorted, 50).toFixed(3)} ms, p99 ${percentile(sorted, 99).toFixed(3)} ms (n=${samples.length})`;
}

/** Milliseconds of each call of `run` on every query, over 20 rounds. */
function timeEach(queries: string[], run: (q: string) => unknown): number[] {
  const samples: number[] = [];
  for (let round = 0; round < 20; round++) {
    for (const q of queries) {
      const started = performance.now();
      run(q);
      samples.push(performance.now() - started);
    }
  }
  return samples;
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
    loadSearchIndex(JSON.parse(indexText));
    loads.push(performance.now() - started);
  }
  const index = loadSearchIndex(JSON.parse(indexText));

  const queries = readRelevanceSet().queries.map((q) => q.q);
  const perQuery = timeEach(queries, (q) => searchSections(index, catalogue, parseQuery(q), DEFAULT_SEARCH_OPTIONS));

  const read = readReports('index/sources');
  if (!read.ok) throw new Error('sources do not build');
  const baseline = baselineSearch(read.reports);
  const perBaselineQuery = timeEach(queries, baseline);

  console.log(`search() in Node, relevance-set queries:  ${summarise(perQuery)}`);
  console.log(`  before: MiniSearch out of the box:       ${summarise(perBaselineQuery)} (no snippets)`);
  console.log(`index parse + loadJS:                      ${summarise(loads)}`);
  console.log(`search-index.json:                         ${size(indexText)}`);
  console.log(`catalogue.json:                            ${size(catalogueText)}`);

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
