/**
 * A search as the API and the pages ask for it: within one report (the
 * widget's case: that report's file only, the same cost at any library
 * size), or across the library (the word list picks the reports to open,
 * `src/core/search/library-search.ts`), with the shelf list's filters.
 */
import { analyzer } from '../core/analyzer';
import { isFiltered, matchesShelfFilters, shelfEntry, type ShelfList } from '../core/library';
import {
  correctQuery,
  DEFAULT_SEARCH_OPTIONS,
  MAX_LIBRARY_REPORTS,
  parseQuery,
  pickReports,
  queryIndexTerms,
  searchLibrary,
  searchWithCorrection,
  suggestCompletions,
  type Completion,
  type ParsedQuery,
  type SearchAnswer,
  type SearchOptions,
  type WordList,
} from '../core/search';
import { reportData, shelfList, wordListFor, type ReportData } from '../data';
import { requireReport } from './lookups';

/** Filters a search may add to its options. */
export interface SearchFilters {
  publisher?: string;
  year?: number;
}

/** A search's answer, and, across the library, how many reports held the query and how many were searched. */
export type ReportsSearchAnswer = SearchAnswer & { reports: { matched: number; searched: number } | null };

/** The reports at these places, read (or taken from the isolate's cache). */
async function openReports(shelf: ShelfList, places: number[]): Promise<Array<{ data: ReportData; place: number }>> {
  const opened = await Promise.all(places.map(async (place) => ({ data: await reportData(shelf.reports[place].id), place })));
  return opened.filter((r): r is { data: ReportData; place: number } => r.data !== null);
}

/**
 * The reports a query should open: every allowed one in a library of at
 * most `MAX_LIBRARY_REPORTS` (so a small library is searched whole, exactly
 * as each report is), otherwise those the word list picks.
 */
function reportsToOpen(query: ParsedQuery, words: WordList, shelf: ShelfList, options: SearchOptions, filters: SearchFilters) {
  // Without filters every report is allowed, and no shelf entry need be read to say so.
  const allowed = isFiltered(filters) ? shelf.reports.flatMap((entry, place) => (matchesShelfFilters(entry, filters) ? [place] : [])) : null;
  const count = allowed?.length ?? shelf.reports.length;
  if (count <= MAX_LIBRARY_REPORTS) return { places: allowed ?? shelf.reports.map((_, place) => place), matched: count, whole: true };
  const permitted = allowed && new Set(allowed);
  const picked = pickReports(query, words, shelf.sections, options, permitted ? (place) => permitted.has(place) : () => true);
  return { places: picked.reports, matched: picked.matched, whole: false };
}

/**
 * Searches one report (`options.report`) or the library, and offers a
 * corrected query when nothing matched.
 * @example await searchReports('counterfactual', { ...DEFAULT_SEARCH_OPTIONS, report: null }, {}) // { total: 1, hits: [{ report: 'driving-the-system-apart', number: 7, … }], reports: { matched: 1, searched: 1 }, … }
 */
export async function searchReports(text: string, options: SearchOptions, filters: SearchFilters): Promise<ReportsSearchAnswer> {
  if (options.report !== null) {
    const data = await requireReport(options.report);
    if (!matchesShelfFilters(shelfEntry(data.report), filters)) return { total: 0, mode: 'all', hits: [], correction: null, reports: null };
    return { ...searchWithCorrection(data.searchIndex(), data.catalogue, text, options, analyzer), reports: null };
  }
  const query = parseQuery(text, analyzer);
  const [shelf, words] = await Promise.all([shelfList(), wordListFor(queryIndexTerms(query))]);
  const chosen = reportsToOpen(query, words, shelf, options, filters);
  const opened = await openReports(shelf, chosen.places);
  const page = searchLibrary(
    opened.map(({ data, place }) => ({ index: data.searchIndex(), catalogue: data.catalogue, place })),
    query,
    options,
    analyzer,
    words,
    shelf.sections,
  );
  let correction: string | null = null;
  if (page.total === 0) {
    // A small library knows every word it holds; a large one, the words of the shards this query read.
    const surfaceForms = chosen.whole ? Object.assign({}, ...opened.map(({ data }) => data.catalogue.surfaceForms)) : words.forms();
    correction = correctQuery({ reports: [], surfaceForms }, text, analyzer);
  }
  return { ...page, correction, reports: { matched: chosen.matched, searched: opened.length } };
}

/** Most reports a type-ahead across a large library completes from: a keystroke must stay cheap. */
const SUGGEST_REPORTS = 3;

/**
 * Completions of the last word typed, from one report or across the library
 * (every report of a small one, else the few the word list picks), best first.
 * @example await suggestAcross('integ', 5, null) // [{ suggestion: 'integrated', score: … }, …]
 */
export async function suggestAcross(text: string, limit: number, report: string | null): Promise<Completion[]> {
  if (report !== null) {
    const data = await requireReport(report);
    return suggestCompletions(data.searchIndex(), data.catalogue, text, limit, report);
  }
  const query = parseQuery(text, analyzer);
  const [shelf, words] = await Promise.all([shelfList(), wordListFor(queryIndexTerms(query))]);
  const chosen = reportsToOpen(query, words, shelf, { ...DEFAULT_SEARCH_OPTIONS, mode: 'any', report: null, limit }, {});
  const opened = await openReports(shelf, chosen.whole ? chosen.places : chosen.places.slice(0, SUGGEST_REPORTS));
  const best = new Map<string, number>();
  for (const { data } of opened) {
    for (const { suggestion, score } of suggestCompletions(data.searchIndex(), data.catalogue, text, limit, null)) best.set(suggestion, Math.max(best.get(suggestion) ?? 0, score));
  }
  return [...best]
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .slice(0, limit)
    .map(([suggestion, score]) => ({ suggestion, score }));
}
