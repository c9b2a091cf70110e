/**
 * @module search
 * Search, in one place: the entry the API, the pages, the build and the
 * scripts import. A query's path runs one way:
 *
 *   text → `queryLimitProblems` (at the edge) → `parseQuery` → `searchSections`
 *   (one MiniSearch pass, ranking, snippets) → `correctQuery` when nothing matched.
 *
 * Every function that reads text takes the analyser explicitly; the index must
 * be built and loaded with the same one (`createSearchIndex`, `loadSearchIndex`).
 * Limits on what a query may cost are in `limits.ts`.
 */
import type MiniSearch from 'minisearch';
import type { Analyzer } from '../analyzer';
import type { Catalogue, SectionDocument } from '../types';
import { correctQuery } from './correct';
import { parseQuery } from './query';
import { searchSections, type SearchOptions, type SearchPage } from './rank';

export { matchCount, noResultsAdvice, relatedPairs, type NoResultsAdvice } from './advice';
export { correctQuery } from './correct';
export { pickReports, queryIndexTerms, searchLibrary, wordListFrom, type LibraryReport, type PickedReports, type WordList } from './library-search';
export { editDistance } from './edit-distance';
export { MAX_CORRECTED_WORDS, MAX_CORRECTION_DISTANCE, MAX_LIBRARY_POSTINGS, MAX_LIBRARY_REPORTS, MAX_TERM_EXPANSIONS, MAX_QUERY_LENGTH, MAX_QUERY_WORDS, MAX_TERM_LENGTH } from './limits';
export { parseQuery, queryLimitProblems, type ParsedQuery, type QueryWord } from './query';
export { lemmaCandidates, RELATION_NAMES, RELATIONS, relatedTermsOf, type Relation, type RelatedTerm, type RelatedWords } from './related-words';
export {
  buildQuery,
  DEFAULT_SEARCH_OPTIONS,
  MATCH_WEIGHTS,
  fuzzyDistance,
  holdsPhrases,
  searchSections,
  type RelatedMatch,
  type SearchHit,
  type SearchMode,
  type SearchOptions,
  type SearchPage,
} from './rank';
export {
  createSearchIndex,
  indexTermsOf,
  loadSearchIndex,
  mayBeWithin,
  SEARCH_FIELDS,
  searchIndexOptions,
  sectionDocuments,
  sectionId,
  surfaceForms,
  type IndexTerms,
  type SearchField,
} from './search-index';
export { analyseText, buildSnippet, escapeHtml, highlightHtml, matchedWords, SNIPPET_WORDS, type AnalysedText } from './snippet';
export { suggestCompletions, type Completion } from './suggest';

/** A page of results, with a corrected query when nothing matched. */
export type SearchAnswer = SearchPage & { correction: string | null };

/**
 * Searches, and when nothing matches offers a corrected query: what the API
 * and the no-JavaScript results page both answer.
 * @example searchWithCorrection(index, catalogue, 'counterfatcual', { ...DEFAULT_SEARCH_OPTIONS, fuzzy: false }, analyzer).correction // 'counterfactual'
 */
export function searchWithCorrection(
  index: MiniSearch<SectionDocument>,
  catalogue: Catalogue,
  text: string,
  options: SearchOptions,
  a: Analyzer,
): SearchAnswer {
  const page = searchSections(index, catalogue, parseQuery(text, a), options, a);
  return { ...page, correction: page.total === 0 ? correctQuery(catalogue, text, a) : null };
}
