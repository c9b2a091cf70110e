/**
 * The library's shelf list: every report's bibliographic data without its
 * sections (`data/library.json`), and how a listing is filtered, sorted and
 * paged. What `/api/reports` and the home page answer from, read once per
 * isolate: about 400 bytes a report, 4 MB at 10,000 reports.
 */
import { foldText } from '../analyzer';
import type { Report } from '../types';

/** A report as the shelf list holds it: its bibliographic data (what `reportSummary` shows), and the number of its sections. */
export type ShelfEntry = Pick<Report, 'id' | 'type' | 'title' | 'sourceTitle' | 'csl' | 'pageCount'> & { sections: number };

/** `data/library.json`. */
export interface ShelfList {
  /** In id order: a report's place here is its number in the term shards (`term-shards.ts`). */
  reports: ShelfEntry[];
  /** Sections in the whole library, for the search's word weights. */
  sections: number;
}

/**
 * A report's shelf entry.
 * @example shelfEntry(report).sections // 10
 */
export function shelfEntry(report: Report): ShelfEntry {
  const { id, type, title, sourceTitle, csl, pageCount } = report;
  return { id, type, title, sourceTitle, csl, pageCount, sections: report.sections.length };
}

/** The orders a listing can take: the shelf's own (by id), by title, by date of issue (oldest or newest first). */
export const SHELF_ORDERS = ['id', 'title', 'date', '-date'] as const;
export type ShelfOrder = (typeof SHELF_ORDERS)[number];

/** What a listing asks for. */
export interface ShelfQuery {
  publisher?: string;
  year?: number;
  author?: string;
  sort: ShelfOrder;
  limit: number;
  offset: number;
}

/**
 * Whether a listing or search names any filter. What the filters name is the
 * client's to choose, so answers to filtered requests are made for them and
 * not kept in an isolate's caches.
 * @example isFiltered({ sort: 'id', limit: 50, offset: 0 }) // false
 */
export function isFiltered(filters: Pick<ShelfQuery, 'publisher' | 'year' | 'author'>): boolean {
  return filters.publisher !== undefined || filters.year !== undefined || filters.author !== undefined;
}

/** The year a report was issued, or null. */
export function issuedYear(entry: Pick<ShelfEntry, 'csl'>): number | null {
  return entry.csl.issued?.['date-parts'][0]?.[0] ?? null;
}

/** Folded as search folds words (case, accents, quotes), spaces collapsed: how filters compare names. */
function folded(text: string): string {
  return foldText(text).replace(/\s+/g, ' ').trim();
}

/** The names of a report's authors and editors as filters read them. */
function peopleOf(entry: ShelfEntry): string[] {
  return [...(entry.csl.author ?? []), ...(entry.csl.editor ?? [])].map((name) => folded(name.literal ?? [name.given, name.family].filter(Boolean).join(' ')));
}

/**
 * Whether a report passes the filters: the publisher named in full, the
 * year, an author or editor whose name holds the words given (any case,
 * accents optional).
 * @example matchesShelfFilters(entry, { publisher: 'international peace institute' }) // true
 */
export function matchesShelfFilters(entry: ShelfEntry, filters: Pick<ShelfQuery, 'publisher' | 'year' | 'author'>): boolean {
  if (filters.publisher !== undefined && folded(entry.csl.publisher ?? '') !== folded(filters.publisher)) return false;
  if (filters.year !== undefined && issuedYear(entry) !== filters.year) return false;
  if (filters.author !== undefined) {
    const wanted = folded(filters.author);
    if (!peopleOf(entry).some((name) => name.includes(wanted))) return false;
  }
  return true;
}

/** Date parts as one sortable number; undated reports sort last either way. */
function dateKey(entry: ShelfEntry): number | null {
  const parts = entry.csl.issued?.['date-parts'][0];
  if (!parts?.length) return null;
  return parts[0] * 10_000 + (parts[1] ?? 0) * 100 + (parts[2] ?? 0);
}

const byId = (a: ShelfEntry, b: ShelfEntry) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The comparison for each order, ties broken by id so a page boundary never moves. */
const ORDERS: Record<ShelfOrder, (a: ShelfEntry, b: ShelfEntry) => number> = {
  id: byId,
  title: (a, b) => folded(a.title).localeCompare(folded(b.title), 'en') || byId(a, b),
  date: (a, b) => compareDates(dateKey(a), dateKey(b), 1) || byId(a, b),
  '-date': (a, b) => compareDates(dateKey(a), dateKey(b), -1) || byId(a, b),
};

function compareDates(a: number | null, b: number | null, direction: 1 | -1): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return (a - b) * direction;
}

/**
 * One page of the shelf list, and how many reports pass the filters.
 * @example listShelf(shelf, { sort: 'title', limit: 20, offset: 0 }) // { total: 1, reports: [{ id: 'driving-the-system-apart', … }] }
 */
export function listShelf(shelf: ShelfList, query: ShelfQuery): { total: number; reports: ShelfEntry[] } {
  const passing = shelf.reports.filter((entry) => matchesShelfFilters(entry, query));
  if (query.sort !== 'id') passing.sort(ORDERS[query.sort]);
  return { total: passing.length, reports: passing.slice(query.offset, query.offset + query.limit) };
}
