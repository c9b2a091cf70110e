/**
 * The build's cache of reads: each report as its sources read (the report,
 * what reading found, its warnings), kept with the hash, size and time of
 * change of every file the reading depended on (`readDocument`'s files: the
 * metadata and each place a source could be, present or not) and with the
 * key of the code that reads. A build reads again only the reports whose
 * files or reader changed; the rest cost a look at their files and a JSON
 * parse, a fraction of reading a JSTOR page or a PDF. An entry is one file
 * per report id (`sources/ID.json`), written whole (a temporary name, then
 * renamed); problems are never kept, so a report that failed to read is
 * read again.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Report } from '../../src/core/types';
import { filesUnder } from '../build-id';
import { rememberDigests, reportDigests, writeWhole, type ReportDigests } from './build-cache';

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
  /** Each file reading depended on: its name, the hash of its bytes (null where it was absent), and its size and time of change. */
  inputs: KeptInput[];
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

type KeptInput = [file: string, hash: string | null, size: number, changed: number];

/** A file as a read depended on it: its hash (null when it is not there), size and time of change. */
function keptInput(file: string): KeptInput {
  const stat = statSync(file, { throwIfNoEntry: false });
  return stat ? [file, createHash('sha1').update(readFileSync(file)).digest('hex'), stat.size, stat.mtimeMs] : [file, null, 0, 0];
}

/**
 * Whether a file is as a read found it. The same size and time of change
 * mean the same file, as make and git take them to, without reading it (a
 * large library has tens of thousands); otherwise its bytes are hashed, so a
 * file touched but not changed still counts as the same.
 */
function unchanged([file, hash, size, changed]: KeptInput): boolean {
  const stat = statSync(file, { throwIfNoEntry: false });
  if (!stat) return hash === null;
  if (hash === null) return false;
  return (stat.size === size && stat.mtimeMs === changed) || keptInput(file)[1] === hash;
}

export class ReadCache {
  /** Reads parsed so far, by id, for a cache that remembers them (a build that watches its sources reads every report at each change). */
  readonly #kept: Map<string, KeptRead> | null;

  constructor(
    readonly dir: string,
    /** The reader's code key (`readerCodeKey`): an entry made by other code is not used. */
    readonly code: string,
    { remember = false }: { remember?: boolean } = {},
  ) {
    this.#kept = remember ? new Map() : null;
  }

  #path(id: string): string {
    return join(this.dir, 'sources', `${id}.json`);
  }

  /** The report kept for `id` in the sources folder `dir`, when the code and every file it was read from are as they were; else null. */
  read(dir: string, id: string): ReportRead | null {
    const path = this.#path(id);
    let kept = this.#kept?.get(id);
    if (!kept) {
      if (!existsSync(path)) return null;
      kept = JSON.parse(readFileSync(path, 'utf8')) as KeptRead;
      this.#kept?.set(id, kept);
    }
    if (kept.code !== this.code || kept.dir !== resolve(dir) || !kept.inputs.every(unchanged)) return null;
    // The keys of the report's builds are hashes of it: kept with it, they need not be computed again.
    rememberDigests(kept.read.report, kept.digests);
    return kept.read;
  }

  /** Keeps a report read from `files` in the sources folder `dir`. */
  write(dir: string, id: string, files: string[], read: ReportRead): void {
    const kept: KeptRead = { code: this.code, dir: resolve(dir), inputs: files.map(keptInput), read, digests: reportDigests(read.report) };
    writeWhole(this.#path(id), JSON.stringify(kept));
    this.#kept?.set(id, kept);
  }

  /** Forgets the reads of reports no longer in the sources. */
  keepOnly(ids: Iterable<string>): void {
    const dir = join(this.dir, 'sources');
    if (!existsSync(dir)) return;
    const used = new Set(ids);
    if (this.#kept) for (const id of [...this.#kept.keys()]) if (!used.has(id)) this.#kept.delete(id);
    for (const name of readdirSync(dir)) {
      if (!name.endsWith('.tmp') && !used.has(name.slice(0, -'.json'.length))) rmSync(join(dir, name), { force: true });
    }
  }
}
