/**
 * The build's cache of reads: each report as its sources read (the report,
 * what reading found, its warnings), kept with a hash of every file the
 * reading depended on (`readDocument`'s files: the metadata and each place a
 * source could be, present or not) and of the code that reads. A build
 * reads again only the reports whose files or reader changed; the rest cost
 * a hash of their files and a JSON parse, a fraction of reading a JSTOR page
 * or a PDF. An entry is one file per report id (`sources/ID.json`), written
 * whole (a temporary name, then renamed); problems are never kept, so a
 * report that failed to read is read again.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Report } from '../../src/core/types';
import { filesUnder } from '../build-id';
import { rememberDigests, reportDigests, type ReportDigests } from './build-cache';

/** A report as its sources read: what `readReports` gives for one id. */
export interface ReportRead {
  report: Report;
  /** What reading found (pages, labels, text, time), one line each. */
  summary: string[];
  warnings: string[];
}

interface KeptRead {
  code: string;
  /** The sources folder it was read from: the same id in another folder is another report. */
  dir: string;
  /** Each file reading depended on, with the hash of its bytes, or null where it was absent. */
  inputs: Array<[file: string, hash: string | null]>;
  read: ReportRead;
  digests: ReportDigests;
}

/**
 * The key of the code that turns sources into a report: the source readers,
 * the report's assembly, the shared core it uses, and the locked
 * dependencies (pdf.js, the metadata's parser).
 */
export function readerCodeKey(root: string): string {
  const hash = createHash('sha256');
  const files = [...filesUnder(root, 'scripts/sources'), 'scripts/assemble-report.ts', 'scripts/section-pages.ts', 'scripts/report-sources.ts', ...filesUnder(root, 'src/core'), 'package-lock.json'];
  for (const file of files) hash.update(`${file}\0`).update(readFileSync(join(root, file))).update('\0');
  return hash.digest('hex');
}

/** A file's hash, or null when it is not there. */
function fileHash(file: string): string | null {
  return existsSync(file) ? createHash('sha1').update(readFileSync(file)).digest('hex') : null;
}

export class ReadCache {
  constructor(
    readonly dir: string,
    /** The reader's code key (`readerCodeKey`): an entry made by other code is not used. */
    readonly code: string,
  ) {}

  #path(id: string): string {
    return join(this.dir, 'sources', `${id}.json`);
  }

  /** The report kept for `id` in the sources folder `dir`, when the code and every file it was read from are as they were; else null. */
  read(dir: string, id: string): ReportRead | null {
    const path = this.#path(id);
    if (!existsSync(path)) return null;
    const kept = JSON.parse(readFileSync(path, 'utf8')) as KeptRead;
    if (kept.code !== this.code || kept.dir !== resolve(dir) || kept.inputs.some(([file, hash]) => fileHash(file) !== hash)) return null;
    // The keys of the report's builds are hashes of it: kept with it, they need not be computed again.
    rememberDigests(kept.read.report, kept.digests);
    return kept.read;
  }

  /** Keeps a report read from `files` in the sources folder `dir`. */
  write(dir: string, id: string, files: string[], read: ReportRead): void {
    const kept: KeptRead = { code: this.code, dir: resolve(dir), inputs: files.map((file) => [file, fileHash(file)]), read, digests: reportDigests(read.report) };
    mkdirSync(join(this.dir, 'sources'), { recursive: true });
    const path = this.#path(id);
    writeFileSync(`${path}.${process.pid}.tmp`, JSON.stringify(kept));
    renameSync(`${path}.${process.pid}.tmp`, path);
  }

  /** Forgets the reads of reports no longer in the sources. */
  keepOnly(ids: Iterable<string>): void {
    const dir = join(this.dir, 'sources');
    if (!existsSync(dir)) return;
    const used = new Set(ids);
    for (const name of readdirSync(dir)) {
      if (!name.endsWith('.tmp') && !used.has(name.slice(0, -'.json'.length))) rmSync(join(dir, name), { force: true });
    }
  }
}
