/**
 * @module data
 * Where the library's data lives and how it is kept: the only code that
 * knows. The build writes one file per report, the shelf list, the word list
 * in shards and the citation styles under `index/build/assets/data/`
 * (`src/core/library/`), and wrangler serves that folder to the Worker as
 * Workers Static Assets through the `ASSETS` binding: in `wrangler dev`, in
 * vitest-pool-workers and on Cloudflare alike, and never as part of the
 * script, so the script's size does not grow with the library. Public
 * requests for `/data/…` reach the Worker first (`run_worker_first`), which
 * serves no such route.
 *
 * Each file is read once per isolate and kept in a cache bounded by an
 * estimate of the memory it takes (see the budgets below), least recently
 * used first out; a request about one report reads that report's file only.
 */
import { env } from 'cloudflare:workers';
import type { CitationStyles } from '../core/citations';
import { dataPaths, REPORT_ID, termShard, type ShelfList, type TermShard } from '../core/library';
import { wordListFrom, type WordList } from '../core/search';
import { BoundedCache } from '../isolate-cache';
import { HEAP_PER_BYTE, ReportData } from './report-data';

export { ReportData } from './report-data';

/**
 * Heap an isolate may spend on report files: 48 MiB of its 128 MiB, leaving
 * room for the page and answer caches (≤ 6 MiB), the word list (below), the
 * shelf list (about 12 MiB of heap at 10,000 reports) and the requests in
 * flight. A report weighs `HEAP_PER_BYTE` times its file, as if all of it
 * were parsed: today's report (a 120 KB file) about 1.1 MB, so about 45 such
 * reports are kept, or 5 of a 1 MB full-text report.
 */
export const REPORT_CACHE_BYTES = 48 * 2 ** 20;
/** Heap for word-list shards: one is read per query word in a search across the library. */
export const SHARD_CACHE_BYTES = 16 * 2 ** 20;

const reports = new BoundedCache<ReportData>(REPORT_CACHE_BYTES, (data) => data.bytes * HEAP_PER_BYTE);
const shards = new BoundedCache<TermShard>(SHARD_CACHE_BYTES, (shard) => (shardBytes.get(shard) ?? 0) * HEAP_PER_BYTE);
const shardBytes = new WeakMap<TermShard, number>();
let shelf: Promise<ShelfList> | null = null;
let styles: Promise<CitationStyles> | null = null;
/** Reads under way, so two requests arriving together read a file once. */
const reading = new Map<string, Promise<unknown>>();

/** A data file's text, or null where the build wrote none. */
async function readText(path: string): Promise<string | null> {
  const response = await env.ASSETS.fetch(new URL(path, 'https://assets.invalid'));
  if (response.status === 404) return null;
  if (!response.ok) throw new Error(`data: ${path}: the assets binding answered ${response.status}`);
  return response.text();
}

/** A file read once even when asked for by requests in flight together. */
async function readOnce<T>(key: string, read: () => Promise<T>): Promise<T> {
  const pending = reading.get(key) as Promise<T> | undefined;
  if (pending) return pending;
  const promise = read().finally(() => reading.delete(key));
  reading.set(key, promise);
  return promise;
}

/**
 * A report's data, read on first use and kept; null for an id the library
 * does not hold (including any id that is not a plain report id).
 * @example (await reportData('driving-the-system-apart'))?.report.sections.length // 10
 */
export async function reportData(id: string): Promise<ReportData | null> {
  if (!REPORT_ID.test(id)) return null;
  const kept = reports.get(id);
  if (kept) return kept;
  return readOnce(`report:${id}`, async () => {
    const text = await readText(dataPaths.report(id));
    if (text === null) return null;
    const data = new ReportData(text);
    reports.set(id, data);
    return data;
  });
}

async function readJson<T>(path: string): Promise<T> {
  const text = await readText(path);
  if (text === null) throw new Error(`data: ${path} is missing: run the build (npm run build)`);
  return JSON.parse(text) as T;
}

/** The shelf list: every report's bibliographic data, read once per isolate. */
export function shelfList(): Promise<ShelfList> {
  shelf ??= readJson<ShelfList>(dataPaths.shelf()).catch((error: unknown) => {
    shelf = null;
    throw error;
  });
  return shelf;
}

/** The library's citation styles and locales, read once per isolate. */
export function citationStyles(): Promise<CitationStyles> {
  styles ??= readJson<CitationStyles>(dataPaths.citationStyles()).catch((error: unknown) => {
    styles = null;
    throw error;
  });
  return styles;
}

/** A shard of the word list; an empty one where no term is filed under that name. */
async function termShardFile(name: string): Promise<TermShard> {
  const kept = shards.get(name);
  if (kept) return kept;
  return readOnce(`shard:${name}`, async () => {
    const text = await readText(dataPaths.termShard(name));
    const shard = (text === null ? { postings: {}, forms: {} } : JSON.parse(text)) as TermShard;
    shardBytes.set(shard, text?.length ?? 0);
    shards.set(name, shard);
    return shard;
  });
}

/**
 * The word list for a query: the shards of the terms asked for read first
 * (one per distinct shard), then looked up synchronously by the search.
 * @example (await wordListFor(['integr'])).postings('integr') // [0, 6, 2]
 */
export async function wordListFor(terms: Iterable<string>): Promise<WordList> {
  const names = [...new Set([...terms].map(termShard))];
  const loaded = new Map<string, TermShard>(await Promise.all(names.map(async (name) => [name, await termShardFile(name)] as const)));
  return wordListFrom(loaded);
}
