/**
 * Scores a ranking on the labelled relevance set (test/relevance/queries.json):
 * MRR@10, P@1 and recall@3, overall and per kind of query.
 */
import { readFileSync } from 'node:fs';
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
}

export function readRelevanceSet(path = 'test/relevance/queries.json'): RelevanceSet {
  return JSON.parse(readFileSync(path, 'utf8')) as RelevanceSet;
}

/** One way of ranking, to compare against others. */
export interface RankingVariant {
  name: string;
  analyzer: Analyzer;
  options?: Partial<SearchOptions>;
}

function score(rankings: Array<{ ranked: number[]; expect: number[] }>): Scores {
  const n = rankings.length || 1;
  let mrr = 0;
  let p1 = 0;
  let recall = 0;
  for (const { ranked, expect } of rankings) {
    const top10 = ranked.slice(0, 10);
    const rank = top10.findIndex((number) => expect.includes(number));
    if (rank >= 0) mrr += 1 / (rank + 1);
    if (rank === 0) p1 += 1;
    if (rank >= 0 && rank < 3) recall += 1;
  }
  return { queries: rankings.length, mrr10: mrr / n, p1: p1 / n, recall3: recall / n };
}

/** Scores rankings overall and per kind, and lists the queries whose expected section is not first. */
function evaluation(set: RelevanceSet, rankings: Array<{ query: LabelledQuery; ranked: number[]; expect: number[] }>): Evaluation {
  const kinds = [...new Set(set.queries.map((q) => q.kind))];
  const byKind = Object.fromEntries(kinds.map((kind) => [kind, score(rankings.filter((r) => r.query.kind === kind))]));
  const failures = rankings.filter((r) => !r.expect.includes(r.ranked[0])).map(({ query, ranked }) => ({ query, ranked }));
  return { ...score(rankings), byKind, failures };
}

/** Ranks every query of the set with a variant and scores the rankings. */
export function evaluate(reports: Report[], set: RelevanceSet, variant: RankingVariant): Evaluation {
  const index: MiniSearch<SectionDocument> = createSearchIndex(reports, variant.analyzer);
  const catalogue: Catalogue = { reports, surfaceForms: surfaceForms(reports, variant.analyzer) };
  const options: SearchOptions = { ...DEFAULT_SEARCH_OPTIONS, limit: 10, report: set.report, ...variant.options };
  const rankings = set.queries.map((query) => {
    const page = searchSections(index, catalogue, parseQuery(query.q, variant.analyzer), options, variant.analyzer);
    return { query, ranked: page.hits.map((hit) => hit.number), expect: query.expect };
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
