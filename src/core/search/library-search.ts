/**
 * A search across a whole library, in two steps that each read little:
 *
 * 1. `pickReports`: the query's words are looked up in the library's word
 *    list (one shard per word, `src/core/library/term-shards.ts`): exact,
 *    completed while typed, or with typos within the shard. Reports that
 *    hold every word (else any word) are weighed by how rare the words are
 *    across the library and where they stand, and the best few are kept.
 * 2. `searchLibrary`: each kept report's own index is searched as a
 *    report-scoped search is, and the sections of all of them are ranked on
 *    one scale: the library-wide weight of each matched word, by field and
 *    by how it matched, the same sum whichever report a section is in.
 *
 * So a query costs a few shard reads and at most `MAX_LIBRARY_REPORTS`
 * report reads, at 1 report or 10,000.
 */
import type MiniSearch from 'minisearch';
import type { SearchResult as MiniSearchResult } from 'minisearch';
import type { Analyzer } from '../analyzer';
import { FIELD_CODES, inverseSectionFrequency, POSTING_WIDTH, termShard, type TermShard } from '../library';
import type { Catalogue, SectionDocument } from '../types';
import { editDistance } from './edit-distance';
import { MAX_LIBRARY_POSTINGS, MAX_LIBRARY_REPORTS, MAX_TERM_EXPANSIONS } from './limits';
import type { ParsedQuery } from './query';
import { FIELD_BOOST, fuzzyDistance, MATCH_WEIGHTS, matchSections, relatedMatcher, resultsByMode, toHit, type RelatedMatcher, type SearchOptions, type SearchPage } from './rank';

/** The library's word list as a search reads it: postings of a term, and the terms of a shard. */
export interface WordList {
  /** Postings of a term (see `TermShard`), or undefined. */
  postings(term: string): number[] | undefined;
  /** Every term filed in the same shard as `term`, sorted. */
  neighbours(term: string): readonly string[];
  /** Term → written word, for the terms of the shards read. */
  forms(): Record<string, string>;
}

/**
 * A shard's terms in order, sorted once per shard object: an isolate keeps its
 * shards, so a query does not sort tens of thousands of terms again. (The
 * file's own key order is not enough: JavaScript lists keys that read as
 * whole numbers, "2013", first.)
 */
const sortedTerms = new WeakMap<TermShard, string[]>();
function sortedTermsOf(shard: TermShard): string[] {
  let sorted = sortedTerms.get(shard);
  if (!sorted) sortedTerms.set(shard, (sorted = Object.keys(shard.postings).sort()));
  return sorted;
}

/**
 * The word list of the shards read for a query, by shard name.
 * @example wordListFrom(new Map([['in', shard]])).postings('integr') // [0, 6, 2]
 */
export function wordListFrom(shards: ReadonlyMap<string, TermShard>): WordList {
  const postingsOf = (term: string) => shards.get(termShard(term))?.postings ?? {};
  return {
    postings: (term) => (Object.hasOwn(postingsOf(term), term) ? postingsOf(term)[term] : undefined),
    neighbours: (term) => {
      const shard = shards.get(termShard(term));
      return shard ? sortedTermsOf(shard) : [];
    },
    forms: () => Object.assign({}, ...[...shards.values()].map((shard) => shard.forms)) as Record<string, string>,
  };
}

/** How a library term meets a query word. */
interface Expansion {
  term: string;
  weight: number;
}

/** A field's boost by its code in the word list. */
const FIELD_BOOST_BY_CODE: number[] = [];
for (const [field, code] of Object.entries(FIELD_CODES)) FIELD_BOOST_BY_CODE[code] = FIELD_BOOST[field as keyof typeof FIELD_CODES];

/** Every index term a query word may be met by, as the per-report search would look it up. */
function wordTerms(query: ParsedQuery, i: number): string[][] {
  const word = query.words[i];
  const previous = query.words[i - 1];
  return [...word.parts, word.joined ?? [], word.joinedWithNext ?? [], previous?.joinedWithNext ?? []].filter((terms) => terms.length > 0);
}

/**
 * Every index term a query may look up: the word-list shards it needs.
 * @example queryIndexTerms(parseQuery('integrated planning', analyzer)) // ['integr', 'integrated', 'plan', 'planning']
 */
export function queryIndexTerms(query: ParsedQuery): string[] {
  return query.words.flatMap((_, i) => wordTerms(query, i).flat());
}

/**
 * The library terms that meet one query term: itself, its completions when
 * it is being typed, its near spellings when typos are allowed and the
 * library lacks it. At most `MAX_TERM_EXPANSIONS`, the closest first.
 */
function expand(term: string, open: boolean, options: SearchOptions, fuzzyAllowed: boolean, words: WordList): Expansion[] {
  const found: Expansion[] = [];
  const exact = words.postings(term) !== undefined;
  if (exact) found.push({ term, weight: 1 });
  const neighbours = open && options.prefix ? words.neighbours(term) : fuzzyAllowed && options.fuzzy && !exact ? words.neighbours(term) : [];
  if (open && options.prefix) {
    for (const other of neighbours) {
      if (other !== term && other.startsWith(term)) found.push({ term: other, weight: MATCH_WEIGHTS.prefix });
      if (found.length >= MAX_TERM_EXPANSIONS) return found;
    }
  }
  const distance = fuzzyAllowed && options.fuzzy && !exact ? fuzzyDistance(term.length) : 0;
  if (distance > 0) {
    for (const other of neighbours) {
      if (Math.abs(other.length - term.length) > distance || found.some((e) => e.term === other)) continue;
      if (editDistance(term, other, distance) <= distance) found.push({ term: other, weight: MATCH_WEIGHTS.fuzzy });
      if (found.length >= MAX_TERM_EXPANSIONS) return found;
    }
  }
  return found;
}

/** The reports picked for a query, and how many held it at all. */
export interface PickedReports {
  /** Places in the shelf list, best first. */
  reports: number[];
  /** Reports that met the query (every word, else any word) before the cut. */
  matched: number;
}

/**
 * The reports worth searching for a query: those holding every word (any
 * word when none holds all, or when `mode` is `any`), weighed by the rarity
 * of the words, the field they are in and how they matched, best first, at
 * most `MAX_LIBRARY_REPORTS`.
 * @example pickReports(parseQuery('zqplanted', analyzer), words, 12000, DEFAULT_SEARCH_OPTIONS, () => true) // { reports: [417], matched: 1 }
 */
export function pickReports(query: ParsedQuery, words: WordList, librarySections: number, options: SearchOptions, allowed: (report: number) => boolean): PickedReports {
  // Report → per query word, the best weight of a term meeting it there.
  const weights = new Map<number, Float64Array>();
  // The query's own terms first, then their completions and near spellings while the budget lasts.
  const lookups: Array<{ word: number; term: string; weight: number }> = [];
  query.words.forEach((word, i) => {
    const open = query.lastWordOpen && i === query.words.length - 1 && word.phrase === null;
    for (const [part, terms] of wordTerms(query, i).entries()) {
      for (const [k, term] of terms.entries()) {
        for (const { term: found, weight } of expand(term, open, options, part === 0 && k === 0, words)) lookups.push({ word: i, term: found, weight });
      }
    }
  });
  lookups.sort((a, b) => b.weight - a.weight);
  let read = 0;
  for (const { word: i, term: found, weight } of lookups) {
    const postings = words.postings(found)!;
    if (weight < 1 && read + postings.length > MAX_LIBRARY_POSTINGS) continue;
    read += postings.length;
    let holding = 0;
    for (let p = 1; p < postings.length; p += POSTING_WIDTH) holding += postings[p];
    const rarity = inverseSectionFrequency(holding, librarySections);
    for (let p = 0; p < postings.length; p += POSTING_WIDTH) {
      const report = postings[p];
      if (!allowed(report)) continue;
      let perWord = weights.get(report);
      if (!perWord) weights.set(report, (perWord = new Float64Array(query.words.length)));
      const value = rarity * weight * FIELD_BOOST_BY_CODE[postings[p + 2]] * (1 + Math.log(postings[p + 1]));
      if (value > perWord[i]) perWord[i] = value;
    }
  }
  const all = [...weights];
  const everyWord = options.mode === 'any' ? [] : all.filter(([, perWord]) => perWord.every((w) => w > 0));
  const chosen = everyWord.length > 0 || options.mode === 'all' ? everyWord : all;
  const sum = (perWord: Float64Array) => perWord.reduce((n, w) => n + w, 0);
  chosen.sort(([a, x], [b, y]) => sum(y) - sum(x) || a - b);
  return { reports: chosen.slice(0, MAX_LIBRARY_REPORTS).map(([report]) => report), matched: chosen.length };
}

/** A report to search: its own index and catalogue, and its place and size in the library. */
export interface LibraryReport {
  index: MiniSearch<SectionDocument>;
  catalogue: Catalogue;
  /** Its place in the shelf list, as the word list's postings name it. */
  place: number;
}

/** How many sections of the report at `place` hold the term, and of the whole library, from its postings. */
function holding(postings: number[], place: number): { report: number; library: number } {
  let report = 0;
  let library = 0;
  for (let p = 0; p < postings.length; p += POSTING_WIDTH) {
    library += postings[p + 1];
    if (postings[p] === place) report = postings[p + 1];
  }
  return { report, library };
}

/**
 * The factor that puts a report's own score on the library's scale. A
 * report's BM25 weighs each matched term by how rare it is among that
 * report's sections; the library weighs it by how rare it is among all
 * sections. The factor is the library's weights of the matched terms over
 * the report's: a word common in one report but rare in the library counts
 * for more there, and the other way round. With one report (or terms the
 * word list read no shard for) it is exactly 1, so a library of one ranks
 * as the report does.
 */
function libraryScale(result: MiniSearchResult, report: LibraryReport, reportSections: number, librarySections: number, words: WordList): number {
  let library = 0;
  let own = 0;
  for (const term of Object.keys(result.match)) {
    const postings = words.postings(term);
    if (!postings) continue;
    const counts = holding(postings, report.place);
    if (counts.report === 0) continue;
    library += inverseSectionFrequency(counts.library, librarySections);
    own += inverseSectionFrequency(counts.report, reportSections);
  }
  return library > 0 && own > 0 ? library / own : 1;
}

/**
 * One page of sections from the given reports, ranked on one scale: every
 * word before any word across all of them, then each section's own score
 * put on the library's scale (`libraryScale`).
 * @example searchLibrary(picked, parseQuery('zqplanted', analyzer), DEFAULT_SEARCH_OPTIONS, analyzer, words, 12000).hits[0].report // 'generated-1-418'
 */
export function searchLibrary(reports: LibraryReport[], query: ParsedQuery, options: SearchOptions, a: Analyzer, words: WordList, librarySections: number): SearchPage {
  const scoped = { ...options, report: null };
  const matched = reports.map((report) => {
    const matches = matchSections(report.index, report.catalogue, query, scoped, a);
    return { report, matches, related: relatedMatcher(query, matches.related) };
  });
  const merged = {
    anyWord: matched.flatMap(({ matches }) => matches.anyWord),
    everyWord: matched.flatMap(({ matches }) => matches.everyWord),
  };
  const { mode, results } = resultsByMode(merged, query, options.mode);
  const reportOf = new Map<string, LibraryReport>();
  const relatedOf = new Map<LibraryReport, RelatedMatcher>();
  for (const { report, matches, related } of matched) {
    relatedOf.set(report, related);
    for (const result of matches.anyWord) reportOf.set(result.id, report);
  }
  const scored = results.map((result) => {
    const report = reportOf.get(result.id)!;
    return { result, score: result.score * libraryScale(result, report, report.catalogue.reports[0].sections.length, librarySections, words) };
  });
  // A stable sort: ties keep each report's own order, reports in shelf order, so pages never overlap.
  scored.sort((x, y) => y.score - x.score);
  const hits = scored.slice(options.offset, options.offset + options.limit).map(({ result, score }) => ({
    ...toHit(reportOf.get(result.id)!.catalogue, result, a, relatedOf.get(reportOf.get(result.id)!)),
    score: Math.round(score * 1000) / 1000,
  }));
  return { total: results.length, mode, hits };
}
