/**
 * Ranking on the whole text (test/relevance/fulltext-queries.json): queries
 * whose answers lie outside the JSTOR excerpts, on the report built with the
 * generated PDF. The first hit must be the right section, on the right
 * printed page. `npm run eval` prints the same figures for every variant.
 */
import { describe, expect, it } from 'vitest';
import { analyzer } from '../../src/core/analyzer';
import { evaluate, FULL_TEXT_SET, fullTextReports, readRelevanceSet } from '../../scripts/relevance';

// Reached when this floor was set (npm run eval); may rise, never fall.
const FLOOR = { p1: 1.0, mrr10: 1.0, pageP1: 1.0 };

const reports = await fullTextReports();

describe('ranking on the whole text, queries answered outside the excerpts', () => {
  const set = readRelevanceSet(FULL_TEXT_SET);
  const result = evaluate(reports, set, { name: 'chosen', analyzer });

  it('holds queries of each kind, each naming its section and page', () => {
    expect(set.queries.length).toBeGreaterThanOrEqual(12);
    expect(new Set(set.queries.map((q) => q.kind))).toEqual(new Set(['page-word', 'mended', 'page-text']));
    expect(set.queries.every((q) => typeof q.page === 'string')).toBe(true);
  });

  it('ranks the expected section first, and lands on the expected page', () => {
    expect(result.failures.map((f) => `${f.query.q} → ${f.ranked.join(',')}`)).toEqual([]);
    expect(result.pageFailures.map((f) => `${f.query.q} → p. ${f.page}`)).toEqual([]);
    expect(result.p1).toBeGreaterThanOrEqual(FLOOR.p1);
    expect(result.mrr10).toBeGreaterThanOrEqual(FLOOR.mrr10);
    expect(result.pageP1).toBeGreaterThanOrEqual(FLOOR.pageP1);
  });

  it('still finds nothing for words the report does not hold', () => {
    const none = evaluate(reports, { report: set.report, queries: [{ q: 'banana', kind: 'none', expect: [] }] }, { name: 'chosen', analyzer });
    // A query labelled with no answer is right only when nothing is found.
    expect(none.failures).toEqual([]);
    expect(none.p1).toBe(1);
  });
});
