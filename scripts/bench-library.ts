/**
 * `npm run bench -- --reports 1,100,1000,10000`: how report-edge grows with
 * its library. For each size it generates a library (`npm run generate`,
 * seed 11), builds it from an empty cache (full), changes one report and
 * builds again (incremental), then the same change made while a build
 * watches the sources (`--watch`, once it is ready, timed from the write to
 * its "rebuilt" line), dry-runs the deploy (script size; assets:
 * files and bytes), then serves it with `wrangler dev` from the same Worker
 * code (a wrangler.toml beside the library pointing the assets at its build)
 * and times, over the generated reports picked at random: the first request
 * after start (cold), then warm p50/p99 of a report-scoped search for a
 * planted word, the same word across the library, a section and a
 * citation; and the Worker process's memory after 1,000 mixed requests.
 * One table at the end, with the ratio of each figure to the first size's.
 *
 * Usage: tsx scripts/bench.ts --reports 1,100 [--seed 11] [--requests 200]
 */
import { execFileSync, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { bundleSizes } from './bundle-size';
import { startDevServer, workerdRss } from './dev-server';
import { percentile } from './samples';

const SEED = 11;

interface Planted {
  word: string;
  section: number;
}

interface Row {
  reports: number;
  /** Heap per report file byte, all of it parsed, measured in Node. */
  heapPerByte: number;
  fullBuild: number;
  incrementalBuild: number;
  /** One report changed while a build watches (`--watch`): from the write to the rebuilt build. */
  watchedBuild: number;
  scriptGzip: number;
  assetFiles: number;
  assetBytes: number;
  coldFirst: number;
  warm: Record<string, { p50: number; p99: number }>;
  memory: number;
  memoryAtStart: number;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Runs a build, returning its elapsed time and its stage lines. */
function build(sources: string, out: string, cache: string): { ms: number; stages: string[] } {
  const started = performance.now();
  const output = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build-index.ts', '--sources', sources, '--out', out, '--cache', cache], { encoding: 'utf8', maxBuffer: 256 * 2 ** 20 });
  return { ms: performance.now() - started, stages: output.split('\n').filter((line) => line.startsWith('stage ')) };
}

/**
 * Starts a build that watches the sources (its first build from the cache),
 * then makes `change` to one file and times it from the write to the build's
 * "rebuilt" line; puts the file back (a second rebuild) and stops the build.
 * @returns the time, the stage lines of the timed rebuild, and how long the watching build's first build took
 */
async function watchedChange(sources: string, out: string, cache: string, file: string, changed: string): Promise<{ ms: number; stages: string[]; firstMs: number }> {
  const original = readFileSync(file, 'utf8');
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/build-index.ts', '--sources', sources, '--out', out, '--cache', cache, '--watch'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout });
  const waiters: Array<{ test: RegExp; resolve: (line: string) => void }> = [];
  let stages: string[] = [];
  lines.on('line', (line) => {
    if (line.startsWith('stage ')) stages.push(line);
    const waiter = waiters.find((w) => w.test.test(line));
    if (waiter) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(line);
    }
  });
  const next = (test: RegExp) => new Promise<string>((resolve) => waiters.push({ test, resolve }));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    // Timed once its children have built their engines, as a person would edit a report after the build settled.
    await next(/^ready: /);
    const firstMs = performance.now() - started;
    stages = [];
    const written = performance.now();
    const rebuilt = next(/^(rebuilt in|not rebuilt)/);
    writeFileSync(file, changed);
    const line = await rebuilt;
    const ms = performance.now() - written;
    if (!line.startsWith('rebuilt')) throw new Error(`the watching build failed on ${file}`);
    const timedStages = stages;
    const putBack = next(/^(rebuilt in|not rebuilt)/);
    writeFileSync(file, original);
    await putBack;
    return { ms, stages: timedStages, firstMs };
  } finally {
    writeFileSync(file, original);
    child.kill('SIGTERM');
    await exited;
  }
}

function filesUnder(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    files++;
    bytes += statSync(join(entry.parentPath, entry.name)).size;
  }
  return { files, bytes };
}

/** A wrangler.toml for the library: the project's Worker, its assets from the library's build, no build command. */
function writeConfig(dir: string): string {
  const config = join(dir, 'wrangler.toml');
  const project = resolve('.');
  writeFileSync(
    config,
    [
      'name = "report-edge-bench"',
      `main = "${join(project, 'src/index.ts')}"`,
      'compatibility_date = "2026-04-01"',
      'minify = true',
      '[assets]',
      `directory = "${join(dir, 'build/assets')}"`,
      'binding = "ASSETS"',
      'run_worker_first = true',
      '[[rules]]',
      'type = "Text"',
      'globs = ["**/index/build/*.json", "**/index/build/*.js", "**/*.css"]',
      'fallthrough = false',
      '[vars]',
      'PUBLIC_ORIGIN = ""',
      '',
    ].join('\n'),
  );
  return config;
}

/**
 * The heap a report file takes once read and wholly parsed (report, search
 * index, citations), per byte of the file, over up to 50 of the library's
 * reports: what `HEAP_PER_BYTE` in src/data/report-data.ts estimates. Measured
 * in a child Node process with the GC exposed, by the same class the Worker uses.
 */
function measureHeap(out: string, ids: string[]): number {
  const script = [
    "import { readFileSync } from 'node:fs';",
    "import { ReportData } from './src/data/report-data.ts';",
    `const ids = ${JSON.stringify(ids.slice(0, 50))};`,
    "const styles = JSON.parse(readFileSync(" + JSON.stringify(join(out, 'assets/data/citation-styles.json')) + ", 'utf8'));",
    "const texts = ids.map((id) => readFileSync(" + JSON.stringify(join(out, 'assets/data/reports/')) + " + id + '.ndjson', 'utf8'));",
    'globalThis.gc(); const before = process.memoryUsage().heapUsed;',
    'const kept = texts.map((t) => { const d = new ReportData(t); d.searchIndex(); d.citations(styles); return d; });',
    'globalThis.gc(); const after = process.memoryUsage().heapUsed;',
    'const bytes = texts.reduce((n, t) => n + t.length, 0);',
    // The texts were already in the heap before; what the kept data adds is measured against the file bytes.
    'console.log(((after - before) / bytes).toFixed(3), kept.length);',
  ].join('\n');
  const output = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
  return Number(output.trim().split(' ')[0]);
}

async function timed(url: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(url);
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`${url}: ${response.status}`);
  return performance.now() - started;
}

async function measure(size: number, requests: number, log: (line: string) => void): Promise<Row> {
  const dir = resolve(`generated/reports-${size}-seed-${SEED}`);
  if (!existsSync(join(dir, 'manifest.json'))) execFileSync(process.execPath, ['--import', 'tsx', 'scripts/generate-reports.ts', '--reports', String(size), '--seed', String(SEED), '--out', dir], { stdio: 'ignore' });
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { reports: Record<string, Planted[]> };
  const sources = join(dir, 'sources');
  const out = join(dir, 'build');
  const cache = join(dir, 'cache');

  // Full: from an empty cache. Incremental: one report's metadata changed, then put back (a second rebuild).
  rmSync(cache, { recursive: true, force: true });
  const full = build(sources, out, cache);
  log(`  full build: ${seconds(full.ms)}\n    ${full.stages.join('\n    ')}`);
  const ids = Object.keys(manifest.reports);
  const changedFile = join(sources, `${ids[Math.floor(ids.length / 2)]}.json`);
  const original = readFileSync(changedFile, 'utf8');
  const changedMetadata = original.replace('"publisher-place": "', '"publisher-place": "Greater ');
  writeFileSync(changedFile, changedMetadata);
  const incremental = build(sources, out, cache);
  writeFileSync(changedFile, original);
  log(`  one report changed: ${seconds(incremental.ms)}\n    ${incremental.stages.join('\n    ')}`);
  build(sources, out, cache);
  const watched = await watchedChange(sources, out, cache, changedFile, changedMetadata);
  log(`  one report changed, watching (--watch; ready after ${seconds(watched.firstMs)}): ${seconds(watched.ms)}\n    ${watched.stages.join('\n    ')}`);

  const heapPerByte = measureHeap(out, ids);
  log(`  heap per byte of a report file, all parsed (Node, same V8 as workerd): ${heapPerByte.toFixed(2)}`);

  const config = writeConfig(dir);
  const dryRun = join(dir, 'dist');
  execFileSync('node_modules/.bin/wrangler', ['deploy', '--dry-run', '--outdir', dryRun, '--config', config], { stdio: 'ignore', env: { ...process.env, WRANGLER_SEND_METRICS: 'false' } });
  const script = bundleSizes(dryRun).find((m) => m.name === 'index.js')!;
  const assets = filesUnder(join(out, 'assets'));

  const server = await startDevServer({ config });
  try {
    const origin = server.origin;
    const random = (() => {
      let state = 12345;
      return () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    })();
    // A report with no text has no planted word (14 of the 10,000 of seed 11): requests pick among the others.
    const planted = ids.filter((id) => manifest.reports[id].length > 0);
    const pick = () => {
      const id = planted[Math.floor(random() * planted.length)];
      return { id, planted: manifest.reports[id][0] };
    };
    const [oneId] = planted;
    const one = { id: oneId, planted: manifest.reports[oneId][0] };
    const routes: Record<string, (p: { id: string; planted: Planted }) => string> = {
      // One report again and again, as a class on the widget: its file read once, then kept.
      'one report search': () => `/api/search?report=${one.id}&q=${one.planted.word}`,
      'report search': ({ id, planted }) => `/api/search?report=${id}&q=${planted.word}`,
      'library search': ({ planted }) => `/api/search?q=${planted.word}`,
      section: ({ id, planted }) => `/api/reports/${id}/sections/${planted.section}`,
      citation: ({ id }) => `/api/reports/${id}/cite?format=text&style=apa`,
    };
    // The server answered /api/reports while starting: the isolate is up; the first data request is cold for its files.
    const memoryAtStart = workerdRss(server.pid).worker;
    const coldFirst = await timed(origin + routes['library search'](pick()));
    const warm: Row['warm'] = {};
    for (const [name, route] of Object.entries(routes)) {
      const samples: number[] = [];
      for (let i = 0; i < requests; i++) samples.push(await timed(origin + route(pick())));
      samples.sort((a, b) => a - b);
      warm[name] = { p50: percentile(samples, 50), p99: percentile(samples, 99) };
    }
    const names = Object.keys(routes);
    for (let i = 0; i < 1000; i++) await timed(origin + routes[names[i % names.length]](pick()));
    const memory = workerdRss(server.pid).worker;
    return { reports: size, heapPerByte, fullBuild: full.ms, incrementalBuild: incremental.ms, watchedBuild: watched.ms, scriptGzip: script.gzipBytes, assetFiles: assets.files, assetBytes: assets.bytes, coldFirst, warm, memory, memoryAtStart };
  } finally {
    await server.stop();
  }
}

/** Runs the growth bench for the sizes given (`1,100,1000`) and prints the table. */
export async function benchLibraryGrowth(list: string): Promise<void> {
  const { values } = parseArgs({ options: { reports: { type: 'string' }, seed: { type: 'string' }, requests: { type: 'string', default: '200' }, core: { type: 'boolean' } }, strict: false });
  const sizes = list.split(',').map(Number);
  if (sizes.length === 0 || sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`--reports takes sizes separated by commas, like 1,100,1000, not "${list}"`);
  const requests = Number(values.requests);
  execFileSync('npm', ['run', '--silent', 'build'], { stdio: 'ignore' });
  const rows: Row[] = [];
  for (const size of sizes) {
    console.log(`library of ${size} generated report(s), load average ${loadavg()[0].toFixed(1)}:`);
    rows.push(await measure(size, requests, (line) => console.log(line)));
  }
  const first = rows[0];
  const ratio = (value: number, base: number) => (base > 0 ? `${(value / base).toFixed(1)}×` : '–');
  const header = ['reports', 'full build', 'one changed', 'one changed, watching', 'script gzip', 'asset files', 'asset bytes', 'cold first', ...Object.keys(first.warm).map((n) => `${n} p50/p99`), 'Worker RSS after 1,000', 'heap/byte'];
  console.log(`\n| ${header.join(' | ')} |`);
  console.log(`|${header.map(() => '---').join('|')}|`);
  for (const row of rows) {
    const cells = [
      String(row.reports),
      `${seconds(row.fullBuild)} (${ratio(row.fullBuild, first.fullBuild)})`,
      `${seconds(row.incrementalBuild)} (${ratio(row.incrementalBuild, first.incrementalBuild)})`,
      `${seconds(row.watchedBuild)} (${ratio(row.watchedBuild, first.watchedBuild)})`,
      `${(row.scriptGzip / 1024).toFixed(1)} KiB (${ratio(row.scriptGzip, first.scriptGzip)})`,
      `${row.assetFiles} (${ratio(row.assetFiles, first.assetFiles)})`,
      `${(row.assetBytes / 2 ** 20).toFixed(1)} MiB (${ratio(row.assetBytes, first.assetBytes)})`,
      `${row.coldFirst.toFixed(0)} ms`,
      ...Object.entries(row.warm).map(([name, { p50, p99 }]) => `${p50.toFixed(1)} / ${p99.toFixed(1)} ms (p50 ${ratio(p50, first.warm[name].p50)})`),
      `${row.memory.toFixed(0)} MB (${row.memoryAtStart.toFixed(0)} at start)`,
      row.heapPerByte.toFixed(2),
    ];
    console.log(`| ${cells.join(' | ')} |`);
  }
}
