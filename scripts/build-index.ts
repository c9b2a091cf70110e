/**
 * The build: index/sources → index/build. Reads and validates every report,
 * then writes the catalogue and the search index into a fresh folder and swaps
 * it in, so a failed build leaves the previous one untouched.
 *
 * Usage: tsx scripts/build-index.ts [--sources DIR] [--out DIR]
 */
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { analyze } from '../src/core/analyzer';
import { sectionText } from '../src/core/catalogue';
import { createSearchIndex, surfaceForms } from '../src/core/search-index';
import type { Catalogue, Report } from '../src/core/types';
import { formatProblem, readReports } from './report-sources';

/** The files a build writes, by name. */
export type BuildFiles = Record<string, string>;

/** Builds the output files from validated reports. Pure apart from the clock. */
export function buildFiles(reports: Report[]): { files: BuildFiles; summary: string[] } {
  const started = performance.now();
  const catalogue: Catalogue = { reports, surfaceForms: surfaceForms(reports) };
  const index = createSearchIndex(reports);
  const files: BuildFiles = {
    'catalogue.json': JSON.stringify(catalogue),
    'search-index.json': JSON.stringify(index),
  };
  const ms = performance.now() - started;
  const summary = reports.map((report) => {
    const withText = report.sections.filter((s) => s.paragraphs.length > 0).length;
    const terms = new Set(report.sections.flatMap((s) => analyze([s.title ?? '', s.label, sectionText(s)].join(' ')))).size;
    return `${report.id}: ${report.sections.length} sections (${withText} with text), ${terms} distinct terms`;
  });
  summary.push(
    `index: ${index.termCount} terms, ${kib(files['search-index.json'])}; catalogue: ${kib(files['catalogue.json'])}; built in ${ms.toFixed(0)} ms`,
  );
  return { files, summary };
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

function main(): number {
  const { values } = parseArgs({
    options: { sources: { type: 'string', default: 'index/sources' }, out: { type: 'string', default: 'index/build' } },
  });
  const sources = resolve(values.sources!);
  const out = resolve(values.out!);
  const read = readReports(sources);
  if (!read.ok) {
    for (const problem of read.problems) console.error(formatProblem(problem));
    console.error(`build failed: ${read.problems.length} problem(s); ${out} was left as it was`);
    return 1;
  }
  const { files, summary } = buildFiles(read.reports);
  writeBuildAtomically(out, files);
  for (const line of summary) console.log(line);
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('build-index.ts')) {
  process.exitCode = main();
}
