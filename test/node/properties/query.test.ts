/**
 * Query parsing and the search behind it, for any text a search box can send:
 * no throw, words that carry terms, snippets that stay escaped.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzer } from '../../../src/core/analyzer';
import { parseQuery } from '../../../src/core/search';
import { DEFAULT_SEARCH_OPTIONS } from '../../../src/core/search';
import { searchWithCorrection, suggestCompletions } from '../../../src/core/search';
import { loadSeedSearch } from '../seed-fixture';
import { hostileText, PROPERTY_RUNS } from '../property-runs';

const { catalogue, index } = await loadSeedSearch();
/** The API's limit on a query (src/api/schemas.ts). */
const MAX_QUERY_LENGTH = 200;

describe('parseQuery, for any text', () => {
  it('reads words as written, each standing for index terms, and never throws', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const parsed = parseQuery(text, analyzer);
        const folded = text.replace(/[“”„‟″]/g, '"');
        for (const word of parsed.words) {
          expect(folded).toContain(word.text);
          expect(word.parts.length > 0 || word.joined !== null).toBe(true);
          for (const terms of word.parts) expect(terms.every((t) => typeof t === 'string' && t.length > 0)).toBe(true);
          if (word.phrase !== null) expect(word.phrase).toBeLessThan(parsed.phrases.length);
        }
        for (const phrase of parsed.phrases) expect(phrase.length).toBeGreaterThan(0);
        expect(parsed.lastWordOpen).toBe(/[\p{L}\p{N}]$/u.test(folded));
      }),
      PROPERTY_RUNS,
    );
  });
});

describe('search and type-ahead over the real index, for any query the API accepts', () => {
  const query = hostileText.map((text) => text.slice(0, MAX_QUERY_LENGTH)).filter((text) => text.trim().length > 0);
  const runs = { ...PROPERTY_RUNS, numRuns: Math.ceil(PROPERTY_RUNS.numRuns! / 3) };

  it('answers with hits whose snippets hold no tag but <mark>, and never throws', () => {
    fc.assert(
      fc.property(query, fc.constantFrom<'all' | 'any' | 'auto'>('all', 'any', 'auto'), fc.boolean(), (q, mode, fuzzy) => {
        const page = searchWithCorrection(index, catalogue, q, { ...DEFAULT_SEARCH_OPTIONS, mode, fuzzy, limit: 10 }, analyzer);
        expect(page.hits.length).toBeLessThanOrEqual(10);
        expect(page.total).toBeGreaterThanOrEqual(page.hits.length);
        for (const hit of page.hits) {
          expect(hit.snippet.replace(/<\/?mark>/g, '')).not.toMatch(/[<>"']/);
          expect(hit.snippet.replace(/<\/?mark>/g, '').replace(/&(amp|lt|gt|quot|#39);/g, '')).not.toContain('&');
        }
      }),
      runs,
    );
  });

  it('completes any prefix without throwing, at most as many as asked', () => {
    fc.assert(
      fc.property(query, fc.integer({ min: 1, max: 20 }), (q, limit) => {
        const completions = suggestCompletions(index, catalogue, q, limit, null);
        expect(completions.length).toBeLessThanOrEqual(limit);
      }),
      runs,
    );
  });
});
