/**
 * Scores a ranking on the labelled relevance set (test/relevance/queries.json):
 * MRR@10, P@1 and recall@3, overall and per kind of query.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readReports } from './report-sources';
import { DEFAULT_RELATED_WORDS_OPTIONS, relatedWordsOfAll, WordNet, type RelatedWordsOptions } from './related-words';
import { formatProblem } from './sources';
import MiniSearch from 'minisearch';
import { type Analyzer } from '../src/core/analyzer';
import {
  createSearchIndex,
  DEFAULT_SEARCH_OPTIONS,
  parseQuery,
  searchSections,
  sectionDocuments,
  surfaceForms,
  type SearchOptions,
} from '../src/core/search';
import type { Catalogue, Report, SectionDocument } from '../src/core/types';

export interface LabelledQuery {
  q: string;
  kind: string;
  expect: number[];
  /** The printed page the first hit must land on, for a report whose whole text is known. */
  page?: string;
  why?: string;
}

export interface RelevanceSet {
  report: string;
  queries: LabelledQuery[];
}

export interface Scores {
  queries: number;
  mrr10: number;
  p1: number;
  recall3: number;
}

export interface Evaluation extends Scores {
  byKind: Record<string, Scores>;
  failures: Array<{ query: LabelledQuery; ranked: number[] }>;
  /** Of the queries that name a page, the share whose first hit is the right section on that page; null when none names one. */
  pageP1: number | null;
  /** Queries naming a page whose first hit landed elsewhere. */
  pageFailures: Array<{ query: LabelledQuery; page: string | null }>;
}

/** Queries in a student's words, not the report's (synonyms, other forms, broader and narrower words, questions, and some with no answer): kept apart from the main set. */
export const PARAPHRASE_SET = 'test/relevance/paraphrase-queries.json';

/** More such queries, written after the related words' limits were chosen on `PARAPHRASE_SET` and never used to choose them: how well those limits carry over. */
export const HELD_OUT_PARAPHRASE_SET = 'test/relevance/paraphrase-heldout-queries.json';

/** The queries answered outside the excerpts, for the report built with its (generated) PDF: see `fullTextReports`. */
export const FULL_TEXT_SET = 'test/relevance/fulltext-queries.json';

/**
 * The report built as a publisher with its PDF would build it: its JSTOR page
 * and metadata from `index/sources/`, and the PDF the tests generate (no real
 * PDF of it may be in the repository), in a folder that is removed after.
 */
export async function fullTextReports(): Promise<Report[]> {
  const { makeReportPdf } = await import('../test/fixtures/make-pdfs');
  const dir = mkdtempSync(join(tmpdir(), 'report-edge-fulltext-'));
  try {
    for (const ext of ['.txt', '.json']) copyFileSync(`index/sources/driving-the-system-apart${ext}`, join(dir, `driving-the-system-apart${ext}`));
    writeFileSync(join(dir, 'driving-the-system-apart.pdf'), await makeReportPdf({ pageLabels: true, outline: true }));
    const read = await readReports(dir);
    if (!read.ok) throw new Error(`the full-text fixture does not build: ${read.problems.map(formatProblem).join('; ')}`);
    return read.reports;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function readRelevanceSet(path = 'test/relevance/queries.json'): RelevanceSet {
  return JSON.parse(readFileSync(path, 'utf8')) as RelevanceSet;
}

/** One way of ranking, to compare against others. */
export interface RankingVariant {
  name: string;
  analyzer: Analyzer;
  options?: Partial<SearchOptions>;
  /** How the related words are computed; the build's defaults when unset. */
  relatedWords?: Partial<RelatedWordsOptions>;
}

let wordNet: WordNet | null = null;

function score(rankings: Array<{ ranked: number[]; expect: number[] }>): Scores {
  const n = rankings.length || 1;
  let mrr = 0;
  let p1 = 0;
  let recall = 0;
  for (const { ranked, expect } of rankings) {
    if (expect.length === 0) {
      // A query the report cannot answer: right only when nothing is found.
      const right = ranked.length === 0 ? 1 : 0;
      mrr += right;
      p1 += right;
      recall += right;
      continue;
    }
    const top10 = ranked.slice(0, 10);
    const rank = top10.findIndex((number) => expect.includes(number));
    if (rank >= 0) mrr += 1 / (rank + 1);
    if (rank === 0) p1 += 1;
    if (rank >= 0 && rank < 3) recall += 1;
  }
  return { queries: rankings.length, mrr10: mrr / n, p1: p1 / n, recall3: recall / n };
}

/** Scores rankings overall and per kind, and lists the queries whose expected section is not first. */
function evaluation(set: RelevanceSet, rankings: Array<{ query: LabelledQuery; ranked: number[]; expect: number[]; firstPage?: string | null }>): Evaluation {
  const kinds = [...new Set(set.queries.map((q) => q.kind))];
  const byKind = Object.fromEntries(kinds.map((kind) => [kind, score(rankings.filter((r) => r.query.kind === kind))]));
  const right = (r: { ranked: number[]; expect: number[] }) => (r.expect.length === 0 ? r.ranked.length === 0 : r.expect.includes(r.ranked[0]));
  const failures = rankings.filter((r) => !right(r)).map(({ query, ranked }) => ({ query, ranked }));
  const paged = rankings.filter((r) => r.query.page !== undefined);
  const pageFailures = paged
    .filter((r) => !(r.expect.includes(r.ranked[0]) && r.firstPage === r.query.page))
    .map((r) => ({ query: r.query, page: r.firstPage ?? null }));
  const pageP1 = paged.length === 0 ? null : (paged.length - pageFailures.length) / paged.length;
  return { ...score(rankings), byKind, failures, pageP1, pageFailures };
}

/** Ranks every query of the set with a variant and scores the rankings. */
export function evaluate(reports: Report[], set: RelevanceSet, variant: RankingVariant): Evaluation {
  const index: MiniSearch<SectionDocument> = createSearchIndex(reports, variant.analyzer);
  wordNet ??= new WordNet();
  const relatedWords = relatedWordsOfAll(reports, wordNet, variant.analyzer, { ...DEFAULT_RELATED_WORDS_OPTIONS, ...variant.relatedWords });
  const catalogue: Catalogue = { reports, surfaceForms: surfaceForms(reports, variant.analyzer), relatedWords };
  const options: SearchOptions = { ...DEFAULT_SEARCH_OPTIONS, limit: 10, report: set.report, ...variant.options };
  const rankings = set.queries.map((query) => {
    const page = searchSections(index, catalogue, parseQuery(query.q, variant.analyzer), options, variant.analyzer);
    return { query, ranked: page.hits.map((hit) => hit.number), expect: query.expect, firstPage: page.hits[0]?.page ?? null };
  });
  return evaluation(set, rankings);
}

/** MiniSearch as it comes, over the same documents: the "before" this project's ranking is measured against. */
export function baselineSearch(reports: Report[]) {
  const index = new MiniSearch<SectionDocument>({ fields: ['title', 'label', 'text'] });
  index.addAll(reports.flatMap(sectionDocuments));
  return (q: string) => index.search(q, { prefix: true, fuzzy: 0.2, boost: { title: 2 } });
}

/** Scores the out-of-the-box baseline on the set. */
export function evaluateBaseline(reports: Report[], set: RelevanceSet): Evaluation {
  const search = baselineSearch(reports);
  const rankings = set.queries.map((query) => ({
    query,
    ranked: search(query.q).slice(0, 10).map((hit) => Number(String(hit.id).split('/').pop())),
    expect: query.expect,
  }));
  return evaluation(set, rankings);
}
