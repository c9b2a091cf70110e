/**
 * The build's per-report cache: each report's built file kept under a key
 * of everything it is made from (the report as read from its sources, and
 * the code, styles and locales that index and cite it), so a build rebuilds
 * only the reports whose key changed, and a change to the citation code
 * rebuilds every report. Entries are written whole (a temporary name, then
 * renamed), so a build that stops half-way never leaves half an entry, and
 * builds sharing a cache cannot read each other's partial writes.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { itemFileName, reportItems } from '../../src/core/citations';
import type { RelatedWords } from '../../src/core/search/related-words';
import type { Report } from '../../src/core/types';
import { filesUnder } from '../build-id';
import type { RenderedCitations } from './report-file';
import type { BuiltReport } from './report-file';
import { encodeTermList, type GatheredWordList } from './word-list';

/** A cached report: what the library needs of it without reading its file or its term list. */
export interface CacheEntry {
  dated: string[];
  checked: number;
  summary: string[];
}

/**
 * The key of the code and data every report file is made with: the shared
 * core (analyser, index, citations), the build's library, citation and
 * related-words code (WordNet's version is in the lock file),
 * the locked dependencies, and the style and locale files.
 */
export function codeKey(root: string, dataDirs: string[], extra: unknown): string {
  const hash = createHash('sha256');
  for (const file of [...filesUnder(root, 'src/core'), ...filesUnder(root, 'scripts/citations'), ...filesUnder(root, 'scripts/library'), ...filesUnder(root, 'scripts/related-words'), 'package-lock.json']) {
    hash.update(`${file}\0`).update(readFileSync(join(root, file))).update('\0');
  }
  for (const dir of dataDirs.filter((d) => existsSync(d))) {
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.csl') || f.endsWith('.xml') || f.endsWith('.json')).sort()) hash.update(file).update(readFileSync(join(dir, file)));
  }
  hash.update(JSON.stringify(extra));
  return hash.digest('hex');
}

/** Hashes of what a report's builds are made from: the report as read, the inputs of its citations, its sections. */
export interface ReportDigests {
  report: string;
  citations: string;
  sections: string;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** What each digest hashes. */
const DIGESTED: { [K in keyof ReportDigests]: (report: Report) => unknown } = {
  report: (report) => report,
  citations: (report) => [reportItems(report).map(({ ref, item }) => [item, itemFileName(report, ref)]), report.sections.map((s) => [s.number, s.pages, s.citationTitle])],
  sections: (report) => report.sections,
};

const digestOf = (report: Report, kind: keyof ReportDigests) => sha256(JSON.stringify(DIGESTED[kind](report)));

/**
 * Digests kept with a report's read (`read-cache.ts`), by the report object
 * that read gave. Only those: a report made or changed in code is hashed
 * each time its key is asked for.
 */
const keptDigests = new WeakMap<Report, ReportDigests>();

/**
 * The digests of a report (`ReportDigests`): what its keys hash with the code's key.
 * @example reportDigests(report).sections // '5d41…' (64 hex digits)
 */
export function reportDigests(report: Report): ReportDigests {
  return { report: digestOf(report, 'report'), citations: digestOf(report, 'citations'), sections: digestOf(report, 'sections') };
}

/** Takes a report's digests as kept with its read, which hashed this very report (the same JSON), for its keys. */
export function rememberDigests(report: Report, digests: ReportDigests): void {
  keptDigests.set(report, digests);
}

const digest = (report: Report, kind: keyof ReportDigests) => keptDigests.get(report)?.[kind] ?? digestOf(report, kind);

const keyOf = (code: string, hashed: string) => sha256(`${code}\0${hashed}`).slice(0, 24);

/**
 * The key of a report's citations: the code's key and exactly what they are
 * rendered from, each item's CSL-JSON, file name and pages. A change to the
 * report's text alone (a corrected PDF) keeps it, so its citations, nearly
 * all of a report's build time, are reused.
 * @example citationsKey(code, report) // '51ab…' (24 hex digits)
 */
export function citationsKey(code: string, report: Report): string {
  return keyOf(code, digest(report, 'citations'));
}

/**
 * The key of a report's related words (`relatedWordsOf`): the code's key and
 * its sections, whose titles, labels and text they are found from. A change
 * to the report's metadata alone (its citations' inputs) keeps them, so a
 * one-report rebuild does not load WordNet.
 * @example relatedWordsKey(code, report) // '7f02…' (24 hex digits)
 */
export function relatedWordsKey(code: string, report: Report): string {
  return keyOf(code, digest(report, 'sections'));
}

/**
 * A report's key: the code's key and the report as its sources read.
 * @example reportKey(code, report) // '9c1e…' (24 hex digits)
 */
export function reportKey(code: string, report: Report): string {
  return keyOf(code, digest(report, 'report'));
}

/**
 * Writes a cache file whole: a temporary name (this process's), then
 * renamed, so a build that stops half-way never leaves half a file and
 * builds sharing a cache never read each other's partial writes.
 */
export function writeWhole(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, path);
}

export class BuildCache {
  /** Entries read so far, by `ID.KEY`, for a cache that remembers them (a build that watches its sources asks again at each change). */
  readonly #entries: Map<string, CacheEntry> | null;

  constructor(
    readonly dir: string,
    { remember = false }: { remember?: boolean } = {},
  ) {
    this.#entries = remember ? new Map() : null;
  }

  #path(id: string, key: string, ext: string): string {
    return join(this.dir, 'reports', `${id}.${key}.${ext}`);
  }

  /** The report file's path in the cache, for linking into a build. */
  filePath(id: string, key: string): string {
    return this.#path(id, key, 'ndjson');
  }

  /** Whether an entry is kept for this report and key, without reading it (a build asks this of every report). */
  has(id: string, key: string): boolean {
    if (this.#entries?.has(`${id}.${key}`)) return true;
    return existsSync(this.#path(id, key, 'json')) && existsSync(this.filePath(id, key)) && existsSync(this.#path(id, key, 'terms'));
  }

  /** The entry kept for this report and key, or null. */
  read(id: string, key: string): CacheEntry | null {
    const remembered = this.#entries?.get(`${id}.${key}`);
    if (remembered) return remembered;
    if (!this.has(id, key)) return null;
    const entry = JSON.parse(readFileSync(this.#path(id, key, 'json'), 'utf8')) as CacheEntry;
    this.#entries?.set(`${id}.${key}`, entry);
    return entry;
  }

  /** The report's terms and how it writes each, for the word list (`encodeTermList`), or null. */
  readTermList(id: string, key: string): string | null {
    const path = this.#path(id, key, 'terms');
    return existsSync(path) ? readFileSync(path, 'utf8') : null;
  }

  /** Keeps a built report under its key: its file, its term list, its entry (written last: `has` asks for all three). */
  write(built: BuiltReport, key: string): void {
    const entry: CacheEntry = { dated: built.dated, checked: built.checked, summary: built.summary };
    writeWhole(this.filePath(built.id, key), built.text);
    writeWhole(this.#path(built.id, key, 'terms'), encodeTermList(built.terms, built.forms));
    writeWhole(this.#path(built.id, key, 'json'), JSON.stringify(entry));
  }

  /** A JSON entry kept under `folder/ID.KEY.json`, or null. */
  #readEntry<T>(folder: string, id: string, key: string): T | null {
    const path = join(this.dir, folder, `${id}.${key}.json`);
    return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as T) : null;
  }

  /** Keeps a JSON entry as `folder/name`, written whole. */
  #writeEntry(folder: string, name: string, value: unknown): void {
    writeWhole(join(this.dir, folder, name), JSON.stringify(value));
  }

  /** A report's rendered citations kept under their own key, or null. */
  readCitations(id: string, key: string): RenderedCitations | null {
    return this.#readEntry<RenderedCitations>('citations', id, key);
  }

  writeCitations(id: string, key: string, rendered: RenderedCitations): void {
    this.#writeEntry('citations', `${id}.${key}.json`, rendered);
  }

  /** A report's related words kept under their own key, or null. */
  readRelatedWords(id: string, key: string): RelatedWords | null {
    return this.#readEntry<RelatedWords>('related-words', id, key);
  }

  writeRelatedWords(id: string, key: string, words: RelatedWords): void {
    this.#writeEntry('related-words', `${id}.${key}.json`, words);
  }

  #partPath(id: string, key: string, part: number): string {
    return join(this.dir, 'parts', `${id}.${key}.${part}.json`);
  }

  /** A part of a report's citations rendered by one process (some of its styles), until the parts are joined. */
  writeCitationPart(id: string, key: string, part: number, rendered: RenderedCitations): void {
    this.#writeEntry('parts', `${id}.${key}.${part}.json`, rendered);
  }

  /** Reads and forgets a part. */
  takeCitationPart(id: string, key: string, part: number): RenderedCitations {
    const path = this.#partPath(id, key, part);
    const rendered = JSON.parse(readFileSync(path, 'utf8')) as RenderedCitations;
    rmSync(path, { force: true });
    return rendered;
  }

  /** The word list the last build gathered (`GatheredWordList`), or null. */
  readWordList(): GatheredWordList | null {
    const path = join(this.dir, 'word-list.json');
    return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as GatheredWordList) : null;
  }

  writeWordList(gathered: GatheredWordList): void {
    writeWhole(join(this.dir, 'word-list.json'), JSON.stringify(gathered));
  }

  /**
   * What earlier builds with this code proved while rendering citations
   * (`RenderMemory`): each proof is keyed by all it depends on but the code,
   * so with the same code's key it holds for every later build.
   */
  readProofs(code: string): string[] {
    return this.#readEntry<string[]>('proofs', 'code', code) ?? [];
  }

  writeProofs(code: string, proofs: Iterable<string>): void {
    this.#writeEntry('proofs', `code.${code}.json`, [...proofs].sort());
  }

  /**
   * Forgets every entry but those a build just used (report id → key, for
   * the report files, the citations and the related words, and the code's
   * key for the proofs), so the cache does not grow with every edit.
   */
  keepOnly(reports: Map<string, string>, citations: Map<string, string>, relatedWords: Map<string, string>, code: string): void {
    const proofs = join(this.dir, 'proofs');
    if (existsSync(proofs)) for (const name of readdirSync(proofs)) if (name !== `code.${code}.json` && !name.endsWith('.tmp')) rmSync(join(proofs, name), { force: true });
    for (const [folder, used] of [['reports', reports], ['citations', citations], ['related-words', relatedWords]] as const) {
      const dir = join(this.dir, folder);
      if (!existsSync(dir)) continue;
      for (const name of readdirSync(dir)) {
        const [id, key] = name.split('.');
        if (used.get(id) !== key && !name.endsWith('.tmp')) rmSync(join(dir, name), { force: true });
      }
    }
    if (this.#entries) for (const name of [...this.#entries.keys()]) if (reports.get(name.split('.')[0]) !== name.split('.')[1]) this.#entries.delete(name);
  }
}
