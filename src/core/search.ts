/**
 * Ranking: turns a parsed query into a MiniSearch query tree and the hits into
 * results with snippets. Title beats label beats body; all words before any
 * word; exact before prefix before fuzzy; quoted phrases in order.
 */
import type MiniSearch from 'minisearch';
import type { Query, SearchResult as MiniSearchResult } from 'minisearch';
import { analyzer, type Analyzer } from './analyzer';
import { findReport, findSection, sectionText } from './catalogue';
import type { ParsedQuery, QueryWord } from './query';
import { SEARCH_FIELDS, type SearchField } from './search-index';
import { buildSnippet, highlightHtml, matchedWords } from './snippet';
import type { Catalogue, PageRange, SectionDocument } from './types';

/** How words combine: `all` needs every word, `any` one, `auto` tries all then any. */
export type SearchMode = 'all' | 'any' | 'auto';

/** What a caller may set; unset options take `DEFAULT_SEARCH_OPTIONS`. */
export interface SearchOptions {
  /** Allow typos, more for longer words. */
  fuzzy: boolean;
  /** Complete the last word while it is being typed. */
  prefix: boolean;
  fields: SearchField[];
  mode: SearchMode;
  /** Only this report's sections, or every report when null. */
  report: string | null;
  limit: number;
  offset: number;
}

export const DEFAULT_SEARCH_OPTIONS: SearchOptions = {
  fuzzy: true,
  prefix: true,
  fields: [...SEARCH_FIELDS],
  mode: 'auto',
  report: null,
  limit: 10,
  offset: 0,
};

// A known title says more than a label, and a label (pages and opening words) more than body text.
const FIELD_BOOST: Record<SearchField, number> = { title: 4, label: 1.5, text: 1 };
// Below 1 so an exact word always outranks a completion, and a completion a typo.
const MATCH_WEIGHTS = { prefix: 0.6, fuzzy: 0.3 };

/** One ranked section. */
export interface SearchHit {
  id: string;
  report: string;
  number: number;
  title: string | null;
  label: string;
  pages: PageRange | null;
  score: number;
  /** The words of the section that matched, as written there (lower case). */
  terms: string[];
  /** HTML: escaped text with matched words in `<mark>`. */
  snippet: string;
}

/** A page of results. */
export interface SearchPage {
  total: number;
  /** The mode that produced the results (`auto` resolves to `all` or `any`). */
  mode: 'all' | 'any';
  hits: SearchHit[];
}

/**
 * Typos allowed in a word of this length: none in short words, where one edit
 * makes another word ("plan" → "plain"), two in long ones.
 */
export function fuzzyDistance(length: number): number {
  if (length <= 3) return 0;
  return length <= 7 ? 1 : 2;
}

/** One token's index terms; typos allowed by each term's own length, so a long word's stem is not over-stretched. */
function termQuery(terms: string[], open: boolean, options: SearchOptions): Query {
  const prefix = open && options.prefix;
  return {
    queries: terms.map((term) => ({ queries: [term], prefix, fuzzy: options.fuzzy ? fuzzyDistance(term.length) : false })),
    combineWith: 'OR',
  };
}

function wordQuery(word: QueryWord, open: boolean, options: SearchOptions): Query {
  const parts = word.parts.map((terms, i) => termQuery(terms, open && i === word.parts.length - 1, options));
  const partsQuery: Query = { queries: parts, combineWith: 'AND' };
  if (!word.joined) return partsQuery;
  const joined = termQuery(word.joined, open, options);
  return { queries: parts.length > 0 ? [partsQuery, joined] : [joined], combineWith: 'OR' };
}

/** A word run together with a neighbour: exact (or completed, while typed), never fuzzy. */
function runTogetherQuery(terms: string[], open: boolean, options: SearchOptions): Query {
  return { queries: terms.map((term) => ({ queries: [term], prefix: open && options.prefix, fuzzy: false })), combineWith: 'OR' };
}

/**
 * The MiniSearch query tree for a parsed query, combining words with AND or
 * OR. A word is met by itself or by its run-together form with a neighbour,
 * so "peace keeping" finds "peacekeeping" and "post conflict" "postconflict".
 */
export function buildQuery(query: ParsedQuery, combineWith: 'AND' | 'OR', options: SearchOptions): Query {
  const last = query.words.length - 1;
  const open = (i: number) => query.lastWordOpen && i === last && query.words[i].phrase === null;
  return {
    queries: query.words.map((word, i) => {
      const alternatives: Query[] = [wordQuery(word, open(i), options)];
      const previous = query.words[i - 1];
      if (previous?.joinedWithNext) alternatives.push(runTogetherQuery(previous.joinedWithNext, open(i), options));
      if (word.joinedWithNext) alternatives.push(runTogetherQuery(word.joinedWithNext, open(i + 1), options));
      return alternatives.length === 1 ? alternatives[0] : { queries: alternatives, combineWith: 'OR' };
    }),
    combineWith,
  };
}

/** Whether a text holds every phrase's stems consecutively. */
export function holdsPhrases(textStems: string[], phrases: string[][]): boolean {
  return phrases.every((phrase) =>
    textStems.some((_, start) => phrase.every((stem, i) => textStems[start + i] === stem)),
  );
}

/** Stems of a section's searchable text, computed once per catalogue and analyser for phrase checks. */
const stemCache = new WeakMap<Catalogue, WeakMap<Analyzer, Map<string, string[]>>>();
function sectionStems(catalogue: Catalogue, doc: { report: string; number: number }, a: Analyzer): string[] {
  const key = `${doc.report}/${doc.number}`;
  const byAnalyzer = stemCache.get(catalogue) ?? new WeakMap<Analyzer, Map<string, string[]>>();
  stemCache.set(catalogue, byAnalyzer);
  const cache = byAnalyzer.get(a) ?? new Map<string, string[]>();
  byAnalyzer.set(a, cache);
  let stems = cache.get(key);
  if (!stems) {
    const section = findSection(findReport(catalogue.reports, doc.report)!, doc.number)!;
    stems = a.stemSequence([section.title ?? '', section.pages?.label ?? '', sectionText(section)].join('\n'));
    cache.set(key, stems);
  }
  return stems;
}

function runQuery(
  index: MiniSearch<SectionDocument>,
  catalogue: Catalogue,
  query: ParsedQuery,
  combineWith: 'AND' | 'OR',
  options: SearchOptions,
  a: Analyzer,
): MiniSearchResult[] {
  const results = index.search(buildQuery(query, combineWith, options), {
    fields: options.fields,
    boost: FIELD_BOOST,
    weights: MATCH_WEIGHTS,
    // The tree already holds index terms: read them as they are.
    tokenize: (text: string) => [text],
    processTerm: (term: string) => term,
    filter: (result) => {
      const [report, number] = splitSectionId(result.id);
      return options.report === null || options.report === report
        ? query.phrases.length === 0 || holdsPhrases(sectionStems(catalogue, { report, number }, a), query.phrases)
        : false;
    },
  });
  return results;
}

function splitSectionId(id: string): [string, number] {
  const slash = id.lastIndexOf('/');
  return [id.slice(0, slash), Number(id.slice(slash + 1))];
}

/**
 * Searches the sections and returns one page of ranked hits with snippets.
 * @example searchSections(index, catalogue, parseQuery('counterf'), DEFAULT_SEARCH_OPTIONS).hits[0].number // 7
 */
export function searchSections(
  index: MiniSearch<SectionDocument>,
  catalogue: Catalogue,
  query: ParsedQuery,
  options: SearchOptions,
  a: Analyzer = analyzer,
): SearchPage {
  if (query.words.length === 0) return { total: 0, mode: options.mode === 'any' ? 'any' : 'all', hits: [] };
  let mode: 'all' | 'any' = options.mode === 'any' ? 'any' : 'all';
  let results = runQuery(index, catalogue, query, mode === 'all' ? 'AND' : 'OR', options, a);
  if (results.length === 0 && options.mode === 'auto' && query.words.length > 1) {
    mode = 'any';
    results = runQuery(index, catalogue, query, 'OR', options, a);
  }
  const hits = results.slice(options.offset, options.offset + options.limit).map((result) => toHit(catalogue, result));
  return { total: results.length, mode, hits };
}

function toHit(catalogue: Catalogue, result: MiniSearchResult): SearchHit {
  const [reportId, number] = splitSectionId(result.id);
  const section = findSection(findReport(catalogue.reports, reportId)!, number)!;
  const matched = new Set(result.terms);
  const text = sectionText(section);
  const snippet = text
    ? buildSnippet(text, matched, { truncated: section.truncated })
    : highlightHtml(section.title ?? section.label, matched);
  return {
    id: result.id,
    report: reportId,
    number,
    title: section.title,
    label: section.label,
    pages: section.pages,
    score: Math.round(result.score * 1000) / 1000,
    terms: matchedWords([section.title ?? '', section.pages?.label ?? '', text].join('\n'), matched),
    snippet,
  };
}
