/**
 * The build: index/sources → index/build. Reads and validates every report
 * (`scripts/sources/`: one reader per kind of source, one neutral document
 * per report; `assemble-report.ts`: the report from it), then writes the catalogue and the search index into a fresh folder and swaps
 * it in, so a failed build leaves the previous one untouched.
 *
 * Usage: tsx scripts/build-index.ts [--sources DIR] [--styles DIR] [--out DIR]
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { itemFileName, reportItems } from '../src/core/citations/items';
import { analyzer } from '../src/core/analyzer';
import { createSearchIndex, surfaceForms } from '../src/core/search';
import type { Catalogue, Report } from '../src/core/types';
import { buildId } from './build-id';
import { bundleScript } from './bundle-script';
import { DEBIAN_LOCALES_DIR, DEBIAN_STYLES_DIR, LOCALES, renderCitations } from './citations/render';
import { readReports } from './report-sources';
import { formatProblem } from './sources';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The widget must stay small enough to add to any course page without a thought. */
export const WIDGET_GZIP_BUDGET = 8192;

/** The files a build writes, by name. */
export type BuildFiles = Record<string, string>;

/** Builds the output files from validated reports. Pure apart from the clock. */
export function buildFiles(reports: Report[], options: { stylesDir?: string; debianStylesDir?: string; previous?: string } = {}): { files: BuildFiles; summary: string[] } {
  const started = performance.now();
  const catalogue: Catalogue = { reports, surfaceForms: surfaceForms(reports, analyzer) };
  const index = createSearchIndex(reports, analyzer);
  const files: BuildFiles = {
    'catalogue.json': JSON.stringify(catalogue),
    'search-index.json': JSON.stringify(index),
  };
  const ms = performance.now() - started;
  const citations = cachedCitations(reports, options);
  files['citations.json'] = citations.json;
  files['citations.key'] = citations.key;
  const page = bundleScript(join(projectRoot, 'src/assets/page-script.ts'));
  const widget = bundleScript(join(projectRoot, 'src/widget/report-search.ts'));
  if (widget.gzipBytes > WIDGET_GZIP_BUDGET) throw new Error(`widget.js is ${widget.gzipBytes} bytes gzip, over the ${WIDGET_GZIP_BUDGET}-byte budget`);
  files['page.js'] = page.code;
  files['widget.js'] = widget.code;
  // Last: it hashes every file above.
  files['build-id.json'] = JSON.stringify({ id: buildId(files, projectRoot) });
  const summary = reports.map((report) => {
    // Each report's share of the index, measured by indexing it alone.
    const reportStarted = performance.now();
    const alone = createSearchIndex([report], analyzer);
    const bytes = JSON.stringify(alone);
    const withText = report.sections.filter((s) => s.paragraphs.length > 0).length;
    return `${report.id}: ${report.sections.length} sections (${withText} with text), ${alone.termCount} index terms, ${kib(bytes)} index, ${(performance.now() - reportStarted).toFixed(0)} ms`;
  });
  summary.push(
    `index: ${index.termCount} terms, ${kib(files['search-index.json'])}; catalogue: ${kib(files['catalogue.json'])}; built in ${ms.toFixed(0)} ms`,
    ...citations.summary,
    `citations.json: ${kib(files['citations.json'])}`,
    `widget.js: ${widget.bytes} bytes, ${widget.gzipBytes} bytes gzip (budget ${WIDGET_GZIP_BUDGET}); page.js: ${page.gzipBytes} bytes gzip`,
  );
  return { files, summary };
}

/**
 * Rendering every citation takes seconds; its inputs rarely change. Reuse the
 * previous build's citations when the key (everything they depend on) matches.
 */
function cachedCitations(reports: Report[], options: { stylesDir?: string; debianStylesDir?: string; previous?: string }) {
  const key = citationsKey(reports, options);
  const previous = options.previous;
  if (previous && existsSync(join(previous, 'citations.key')) && readFileSync(join(previous, 'citations.key'), 'utf8') === key) {
    return { key, json: readFileSync(join(previous, 'citations.json'), 'utf8'), summary: ['citations: unchanged inputs, reused from the previous build'] };
  }
  const rendered = renderCitations(reports, { stylesDir: options.stylesDir, debianDir: options.debianStylesDir });
  return { key, json: JSON.stringify(rendered.file), summary: rendered.summary };
}

function citationsKey(reports: Report[], options: { stylesDir?: string; debianStylesDir?: string }): string {
  const hash = createHash('sha256');
  // Exactly what citations are rendered from: every item's CSL and file name.
  hash.update(JSON.stringify(reports.map((r) => reportItems(r).map(({ ref, item }) => [item, itemFileName(r, ref)]))));
  // The code that renders them: the build's citation folder and the core it shares with the Worker.
  const code = [
    ...codeFiles('scripts/citations'),
    ...codeFiles('src/core/citations'),
    'package-lock.json',
  ];
  for (const file of code) hash.update(file).update(readFileSync(join(projectRoot, file)));
  hash.update(JSON.stringify(LOCALES));
  const dirs = [options.debianStylesDir ?? DEBIAN_STYLES_DIR, DEBIAN_LOCALES_DIR, options.stylesDir].filter((d): d is string => !!d && existsSync(d));
  for (const dir of dirs) {
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.csl') || f.endsWith('.xml')).sort()) hash.update(file).update(readFileSync(join(dir, file)));
  }
  return hash.digest('hex');
}

/** The TypeScript files of a folder of the project, by path from the project root. */
function codeFiles(folder: string): string[] {
  return readdirSync(join(projectRoot, folder))
    .filter((f) => f.endsWith('.ts'))
    .sort()
    .map((f) => `${folder}/${f}`);
}

function kib(text: string): string {
  return `${(Buffer.byteLength(text) / 1024).toFixed(1)} KiB`;
}

/** Writes the files into `out` all at once: a sibling folder is filled, then renamed into place. */
export function writeBuildAtomically(out: string, files: BuildFiles): void {
  const next = `${out}.next-${process.pid}`;
  const previous = `${out}.previous-${process.pid}`;
  rmSync(next, { recursive: true, force: true });
  mkdirSync(next, { recursive: true });
  for (const [name, content] of Object.entries(files)) writeFileSync(join(next, name), content);
  mkdirSync(dirname(out), { recursive: true });
  if (existsSync(out)) renameSync(out, previous);
  renameSync(next, out);
  rmSync(previous, { recursive: true, force: true });
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      sources: { type: 'string', default: 'index/sources' },
      styles: { type: 'string', default: 'index/styles' },
      out: { type: 'string', default: 'index/build' },
    },
  });
  const sources = resolve(values.sources!);
  const out = resolve(values.out!);
  const read = await readReports(sources);
  if (!read.ok) {
    for (const problem of read.problems) console.error(formatProblem(problem));
    console.error(`build failed: ${read.problems.length} problem(s); ${out} was left as it was`);
    return 1;
  }
  const { files, summary } = buildFiles(read.reports, { stylesDir: resolve(values.styles!), previous: out });
  writeBuildAtomically(out, files);
  // What reading found (pages, labels and how, text, time) and what a person should look at.
  for (const line of [...read.summary, ...summary, ...read.warnings]) console.log(line);
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('build-index.ts')) {
  process.exitCode = await main();
}
