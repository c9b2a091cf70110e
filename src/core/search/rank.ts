/**
 * Ranking: turns a parsed query into a MiniSearch query tree and the hits into
 * results with snippets. Title beats label beats body; all words before any
 * word; exact before prefix before fuzzy; quoted phrases in order.
 *
 * One MiniSearch pass per query: every word is looked up once, the results
 * say which query terms each section matched, and "every word" versus "any
 * word" is decided from that one result set.
 */
import type MiniSearch from 'minisearch';
import type { Query, SearchResult as MiniSearchResult } from 'minisearch';
import type { Analyzer } from '../analyzer';
import { findReport, findSection, sectionText } from '../catalogue';
import type { Catalogue, PageRange, Section, SectionDocument } from '../types';
import type { ParsedQuery, QueryWord } from './query';
import { RELATION_NAMES, RELATIONS, relatedTermsOf, type RelatedTerm, type RelatedWords, type Relation } from './related-words';
import { indexTermsOf, mayBeWithin, SEARCH_FIELDS, type IndexTerms, type SearchField } from './search-index';
import { analyseText, flattenText, highlightAnalysed, matchedWordsOf, matchStrength, snippetOf, type AnalysedText } from './snippet';

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
  /** The kinds of related word (`related-words.ts`) a query word may also match. */
  related: readonly Relation[];
}

export const DEFAULT_SEARCH_OPTIONS: SearchOptions = {
  fuzzy: true,
  prefix: true,
  fields: [...SEARCH_FIELDS],
  mode: 'auto',
  report: null,
  limit: 10,
  offset: 0,
  related: RELATION_NAMES,
};

// A known title says more than a label, and a label (pages and opening words) more than body text.
export const FIELD_BOOST: Record<SearchField, number> = { title: 4, label: 1.5, text: 1 };
// Below 1 so an exact word always outranks a completion, and a completion a typo.
export const MATCH_WEIGHTS = { prefix: 0.6, fuzzy: 0.3 };

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
  /** Which of those words matched as a related word of a query word, and how. */
  related: RelatedMatch[];
  /** HTML: escaped text with matched words in `<mark>`, from `page` where it is known. */
  snippet: string;
  /** The printed page of the best match ("11"), or null where the section's text has no pages (only an excerpt is known). */
  page: string | null;
}

/** A section's word that matched a query word as a related word: "matched *electoral* for *election*". */
export interface RelatedMatch {
  /** The query word as typed. */
  query: string;
  /** The section's word as written there (lower case). */
  matched: string;
  relation: Relation;
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
 * @example [3, 4, 8].map(fuzzyDistance) // [0, 1, 2]
 */
export function fuzzyDistance(length: number): number {
  if (length <= 3) return 0;
  return length <= 7 ? 1 : 2;
}

/** Whether any index term is `term` or, with `prefix`, starts with it. */
function canMatchExactly(terms: IndexTerms, term: string, prefix: boolean): boolean {
  if (terms.exact.has(term)) return true;
  if (!prefix) return false;
  let low = 0;
  let high = terms.sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (terms.sorted[middle] < term) low = middle + 1;
    else high = middle;
  }
  return low < terms.sorted.length && terms.sorted[low].startsWith(term);
}

/** A query node, or null for one that cannot match anything (and so is left out). */
type Node = Query | null;
const anyOf = (queries: Node[]): Node => {
  const left = queries.filter((q): q is Query => q !== null);
  return left.length === 0 ? null : left.length === 1 ? left[0] : { queries: left, combineWith: 'OR' };
};
const allOf = (queries: Node[]): Node =>
  queries.length === 0 || queries.some((q) => q === null) ? null : queries.length === 1 ? queries[0] : { queries: queries as Query[], combineWith: 'AND' };

/**
 * One index term: exact, completed while typed, or with typos allowed by its
 * own length (so a long word's stem is not over-stretched); null when no index
 * term is within reach, so MiniSearch is not asked. Typos are looked for only
 * where they can help: not for a term the index holds as it is (the eval lost
 * nothing by it), and not where no index term is near enough (`mayBeWithin`).
 */
function termLeaf(term: string, prefix: boolean, fuzzy: boolean, terms: IndexTerms): Node {
  const distance = fuzzy && !terms.exact.has(term) ? fuzzyDistance(term.length) : 0;
  if (distance > 0 && mayBeWithin(term, distance, terms)) return { queries: [term], prefix, fuzzy: distance };
  return canMatchExactly(terms, term, prefix) ? { queries: [term], prefix, fuzzy: false } : null;
}

/** One token's index terms, any of which may match. */
function termQuery(tokenTerms: string[], open: boolean, options: SearchOptions, terms: IndexTerms): Node {
  return anyOf(tokenTerms.map((term, i) => termLeaf(term, open && options.prefix, options.fuzzy && i === 0, terms)));
}

function wordQuery(word: QueryWord, open: boolean, options: SearchOptions, terms: IndexTerms): Node {
  const parts = allOf(word.parts.map((tokenTerms, i) => termQuery(tokenTerms, open && i === word.parts.length - 1, options, terms)));
  return word.joined ? anyOf([parts, termQuery(word.joined, open, options, terms)]) : parts;
}

/**
 * A query word's related words (`related-words.ts`): exact index terms
 * only, each counted at its relation's weight, so that they count less than
 * the word typed, a completion or a typo.
 */
function relatedQuery(related: RelatedTerm[], terms: IndexTerms): Node {
  return anyOf(related.map(({ term, relation }) => (terms.exact.has(term) ? { queries: [term], prefix: false, fuzzy: false, boostTerm: () => RELATIONS[relation].weight } : null)));
}

/**
 * Each query word's related index terms in a report: for a plain word (not
 * a compound, not in a quoted phrase: a phrase asks for those words), one
 * map read per candidate lemma.
 */
export function relatedTermsOfQuery(query: ParsedQuery, related: RelatedWords | undefined, kinds: readonly Relation[]): RelatedTerm[][] {
  return query.words.map((word) => {
    if (!related || kinds.length === 0 || word.phrase !== null || word.joined !== null || word.parts.length !== 1) return [];
    return relatedTermsOf(related, word.text.toLowerCase(), kinds).filter(({ term }) => !word.parts[0].includes(term));
  });
}

/** A word run together with a neighbour: exact (or completed, while typed), never fuzzy. */
function runTogetherQuery(tokenTerms: string[], open: boolean, options: SearchOptions, terms: IndexTerms): Node {
  return anyOf(tokenTerms.map((term) => termLeaf(term, open && options.prefix, false, terms)));
}

function isOpen(query: ParsedQuery, i: number): boolean {
  return query.lastWordOpen && i === query.words.length - 1 && query.words[i]?.phrase === null;
}

/**
 * The MiniSearch query tree for a parsed query, combining words with AND or
 * OR, or null when no word can match. A word is met by itself or by its
 * run-together form with a neighbour, so "peace keeping" finds "peacekeeping"
 * and "post conflict" "postconflict", or by a related word (`related`, one
 * list per query word). Lookups no index term can answer are left out of
 * the tree, which changes no score.
 * @example buildQuery(parseQuery('integrated planning', analyzer), 'OR', DEFAULT_SEARCH_OPTIONS, indexTermsOf(index)) // { combineWith: 'OR', queries: [integrated…, planning…] }
 */
export function buildQuery(query: ParsedQuery, combineWith: 'AND' | 'OR', options: SearchOptions, terms: IndexTerms, related: RelatedTerm[][] = []): Query | null {
  const words = query.words.map((word, i) => {
    const previous = query.words[i - 1];
    return anyOf([
      wordQuery(word, isOpen(query, i), options, terms),
      previous?.joinedWithNext ? runTogetherQuery(previous.joinedWithNext, isOpen(query, i), options, terms) : null,
      word.joinedWithNext ? runTogetherQuery(word.joinedWithNext, isOpen(query, i + 1), options, terms) : null,
      relatedQuery(related[i] ?? [], terms),
    ]);
  });
  if (combineWith === 'AND') return allOf(words);
  const left = words.filter((q): q is Query => q !== null);
  return left.length === 0 ? null : { queries: left, combineWith: 'OR' };
}

/**
 * For each word of the query, the ways it can be met, each a list of groups
 * of index terms where one term per group must have matched: its parts, its
 * joined form, its run-together forms with either neighbour, a related word
 * (which meets the word it relates to: all words before any word holds).
 */
function wordRequirements(query: ParsedQuery, related: RelatedTerm[][]): string[][][][] {
  return query.words.map((word, i) => {
    const ways: string[][][] = [];
    if (word.parts.length > 0) ways.push(word.parts);
    if (word.joined) ways.push([word.joined]);
    const previous = query.words[i - 1];
    if (previous?.joinedWithNext) ways.push([previous.joinedWithNext]);
    if (word.joinedWithNext) ways.push([word.joinedWithNext]);
    if (related[i]?.length) ways.push([related[i].map(({ term }) => term)]);
    return ways;
  });
}

/** Every index term the query's own words stand for (not their related words). */
function typedTerms(query: ParsedQuery): Set<string> {
  const terms = new Set<string>();
  for (const word of query.words) {
    for (const group of [...word.parts, word.joined ?? [], word.joinedWithNext ?? []]) for (const term of group) terms.add(term);
  }
  return terms;
}

const meetsWord = (ways: string[][][], matched: ReadonlySet<string>) => ways.some((groups) => groups.every((group) => group.some((term) => matched.has(term))));

/** Whether a section whose matched query terms are `matched` meets every word. */
function meetsEveryWord(requirements: string[][][][], matched: ReadonlySet<string>): boolean {
  return requirements.every((ways) => meetsWord(ways, matched));
}

/** How many of the query's words a section whose matched query terms are `matched` meets. */
function wordsMet(requirements: string[][][][], matched: ReadonlySet<string>): number {
  return requirements.filter((ways) => meetsWord(ways, matched)).length;
}

/**
 * Whether a text holds every phrase's stems consecutively.
 * @example holdsPhrases(['system', 'wide', 'level'], [['system', 'wide']]) // true
 */
export function holdsPhrases(textStems: string[], phrases: string[][]): boolean {
  return phrases.every((phrase) =>
    textStems.some((_, start) => phrase.every((stem, i) => textStems[start + i] === stem)),
  );
}

/** What the ranking reads of a section, computed once per section and analyser. */
interface SectionAnalysis {
  /** Stems of title, pages and text in order, for phrase checks. */
  stems?: string[];
  /** The text as a snippet shows it, analysed. */
  snippetText?: AnalysedText;
  /** Title, printed pages and text, analysed, for the matched words. */
  fields?: AnalysedText[];
  /** Each printed page of the full text as a snippet shows it, analysed. */
  pages?: Array<{ label: string; text: AnalysedText }>;
}

const sectionAnalyses = new WeakMap<Section, WeakMap<Analyzer, SectionAnalysis>>();
function analysisOf(section: Section, a: Analyzer): SectionAnalysis {
  let byAnalyzer = sectionAnalyses.get(section);
  if (!byAnalyzer) sectionAnalyses.set(section, (byAnalyzer = new WeakMap()));
  let analysis = byAnalyzer.get(a);
  if (!analysis) byAnalyzer.set(a, (analysis = {}));
  return analysis;
}

function sectionStems(section: Section, a: Analyzer): string[] {
  const analysis = analysisOf(section, a);
  analysis.stems ??= a.stemSequence([section.title ?? '', section.pages?.label ?? '', sectionText(section)].join('\n'));
  return analysis.stems;
}

function sectionSnippetText(section: Section, a: Analyzer): AnalysedText {
  const analysis = analysisOf(section, a);
  analysis.snippetText ??= analyseText(flattenText(sectionText(section)), a);
  return analysis.snippetText;
}

function sectionPages(section: Section, a: Analyzer): Array<{ label: string; text: AnalysedText }> {
  const analysis = analysisOf(section, a);
  analysis.pages ??= (section.fullText ?? []).map((page) => ({ label: page.label, text: analyseText(flattenText(page.text), a) }));
  return analysis.pages;
}

/**
 * The printed page of a section where the search matched best: most distinct
 * matched terms, then most matched words, the earliest page on a tie; null
 * for a section whose text has no pages or where no page matched (a match in
 * the title or the page range only).
 */
function bestPage(section: Section, matched: ReadonlySet<string>, a: Analyzer): { label: string; text: AnalysedText } | null {
  let best: { label: string; text: AnalysedText } | null = null;
  let bestStrength: [number, number] = [0, 0];
  for (const page of sectionPages(section, a)) {
    const strength = matchStrength(page.text, matched);
    if (strength[0] > bestStrength[0] || (strength[0] === bestStrength[0] && strength[1] > bestStrength[1])) {
      best = page;
      bestStrength = strength;
    }
  }
  return best;
}

function sectionFields(section: Section, a: Analyzer): AnalysedText[] {
  const analysis = analysisOf(section, a);
  analysis.fields ??= [section.title ?? '', section.pages?.label ?? '', sectionText(section)].map((text) => analyseText(text, a));
  return analysis.fields;
}

function splitSectionId(id: string): [string, number] {
  const slash = id.lastIndexOf('/');
  return [id.slice(0, slash), Number(id.slice(slash + 1))];
}

function sectionOf(catalogue: Catalogue, id: string): Section {
  const [report, number] = splitSectionId(id);
  return findSection(findReport(catalogue.reports, report)!, number)!;
}

/** The sections a query matched, before paging: each that met any word, and those of them that met every word. */
export interface SectionMatches {
  anyWord: MiniSearchResult[];
  everyWord: MiniSearchResult[];
  /** Each query word's related terms in this index, for saying why a hit matched (`toHit`). */
  related: RelatedTerm[][];
}

/**
 * Runs the query over one index: one MiniSearch pass, phrases checked, and
 * the sections that met every word picked out. What `searchSections` pages
 * and `searchLibrary` merges across reports.
 * @example matchSections(index, catalogue, parseQuery('counterf', analyzer), DEFAULT_SEARCH_OPTIONS, analyzer).everyWord.length // 1
 */
export function matchSections(
  index: MiniSearch<SectionDocument>,
  catalogue: Catalogue,
  query: ParsedQuery,
  options: SearchOptions,
  a: Analyzer,
): SectionMatches {
  const related = relatedTermsOfQuery(query, catalogue.relatedWords, options.related);
  if (query.words.length === 0) return { anyWord: [], everyWord: [], related };
  // Any word matches here; sections that met every word are picked out below.
  const tree = buildQuery(query, 'OR', options, indexTermsOf(index), related);
  if (tree === null) return { anyWord: [], everyWord: [], related };
  const anyWord = index.search(tree, {
    fields: options.fields,
    boost: FIELD_BOOST,
    weights: MATCH_WEIGHTS,
    // The tree already holds index terms: read them as they are.
    tokenize: (text: string) => [text],
    processTerm: (term: string) => term,
    filter: (result) => {
      if (options.report !== null && !result.id.startsWith(`${options.report}/`)) return false;
      return query.phrases.length === 0 || holdsPhrases(sectionStems(sectionOf(catalogue, result.id), a), query.phrases);
    },
  });
  const requirements = wordRequirements(query, related);
  const meetsEvery = (result: MiniSearchResult) => meetsEveryWord(requirements, new Set(result.queryTerms));
  // A section met by related words alone counts only when it meets most of the query's words:
  // "climate finance" must not find the section about funds when nothing matched "climate".
  const direct = typedTerms(query);
  const standsOnItsOwn = (result: MiniSearchResult) =>
    result.queryTerms.some((term) => direct.has(term)) || wordsMet(requirements, new Set(result.queryTerms)) * 2 > query.words.length;
  return {
    anyWord: related.some((terms) => terms.length > 0) ? anyWord.filter(standsOnItsOwn) : anyWord,
    everyWord: options.mode === 'any' ? [] : anyWord.filter(meetsEvery),
    related,
  };
}

/**
 * Which results a page shows: those that met every word, unless none did
 * and the mode allows any word (all words before any word).
 */
export function resultsByMode(matches: Pick<SectionMatches, 'anyWord' | 'everyWord'>, query: ParsedQuery, mode: SearchMode): { mode: 'all' | 'any'; results: MiniSearchResult[] } {
  if (mode === 'any') return { mode: 'any', results: matches.anyWord };
  if (matches.everyWord.length > 0 || mode === 'all' || query.words.length <= 1) return { mode: 'all', results: matches.everyWord };
  return { mode: 'any', results: matches.anyWord };
}

/**
 * Searches the sections and returns one page of ranked hits with snippets.
 * @example searchSections(index, catalogue, parseQuery('counterf', analyzer), DEFAULT_SEARCH_OPTIONS, analyzer).hits[0].number // 7
 */
export function searchSections(
  index: MiniSearch<SectionDocument>,
  catalogue: Catalogue,
  query: ParsedQuery,
  options: SearchOptions,
  a: Analyzer,
): SearchPage {
  const matches = matchSections(index, catalogue, query, options, a);
  const { mode, results } = resultsByMode(matches, query, options.mode);
  const hits = results.slice(options.offset, options.offset + options.limit).map((result) => toHit(catalogue, result, a, relatedMatcher(query, matches.related)));
  return { total: results.length, mode, hits };
}

/** Which query word each related term stands for, and how: what `toHit` reads to say why a hit matched. */
export type RelatedMatcher = Map<string, { query: string; relation: Relation }>;

/** The related terms of a query's words, by term (the first query word, on a tie). */
export function relatedMatcher(query: ParsedQuery, related: RelatedTerm[][]): RelatedMatcher {
  const byTerm: RelatedMatcher = new Map();
  related.forEach((terms, i) => {
    for (const { term, relation } of terms) if (!byTerm.has(term)) byTerm.set(term, { query: query.words[i].text, relation });
  });
  return byTerm;
}

/** A result as a hit: the section's data, the words it matched (and which as related words), a snippet from its best page. */
export function toHit(catalogue: Catalogue, result: MiniSearchResult, a: Analyzer, related: RelatedMatcher = new Map()): SearchHit {
  const [reportId, number] = splitSectionId(result.id);
  const section = sectionOf(catalogue, result.id);
  const matched = new Set(result.terms);
  const page = bestPage(section, matched, a);
  const snippet = page
    ? snippetOf(page.text, matched)
    : sectionText(section)
      ? snippetOf(sectionSnippetText(section, a), matched, { truncated: section.truncated && !section.fullText })
      : highlightAnalysed(analyseText(section.title ?? section.label, a), matched);
  return {
    id: result.id,
    report: reportId,
    number,
    title: section.title,
    label: section.label,
    pages: section.pages,
    score: Math.round(result.score * 1000) / 1000,
    terms: matchedWordsOf(sectionFields(section, a), matched),
    related: result.terms.flatMap((term) => {
      const by = related.get(term);
      const written = by ? matchedWordsOf(sectionFields(section, a), new Set([term]))[0] : undefined;
      return by && written ? [{ query: by.query, matched: written, relation: by.relation }] : [];
    }),
    snippet,
    page: page?.label ?? null,
  };
}
