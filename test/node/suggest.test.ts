import { describe, expect, it } from 'vitest';
import { analyzer } from '../../src/core/analyzer';
import { correctQuery, DEFAULT_SEARCH_OPTIONS, editDistance, parseQuery, searchWithCorrection, suggestCompletions } from '../../src/core/search';
import { loadSeedSearch, SEED_ID } from './seed-fixture';

const { catalogue, index } = await loadSeedSearch();
const allText = catalogue.reports
  .flatMap((r) => r.sections.flatMap((s) => [s.title ?? '', ...s.paragraphs]))
  .join(' ')
  .toLowerCase();

describe('editDistance', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('counterfactual', 'counterfactual')).toBe(0);
    expect(editDistance('intergration', 'integration')).toBe(1);
    expect(editDistance('counterfatcual', 'counterfactual')).toBe(2);
    expect(editDistance('', 'abc')).toBe(3);
  });
});

describe('correctQuery', () => {
  it('corrects "counterfatcual" to "counterfactual"', () => {
    expect(correctQuery(catalogue, 'counterfatcual', analyzer)).toBe('counterfactual');
  });

  it('corrects only the unknown word and keeps the known one', () => {
    expect(correctQuery(catalogue, 'electoral asistance', analyzer)).toBe('electoral assistance');
  });

  it('offers nothing when every word is known', () => {
    expect(correctQuery(catalogue, 'counterfactual integration', analyzer)).toBeNull();
  });

  it('offers nothing when no word of the vocabulary is near', () => {
    expect(correctQuery(catalogue, 'xylophone', analyzer)).toBeNull();
  });

  it('keeps the quotes and stop words of the query it corrects', () => {
    expect(correctQuery(catalogue, '"whole of govermnent"', analyzer)).toBe('"whole of government"');
  });
});

describe('suggestCompletions', () => {
  it('completes "integ" with words as written in the text, not stems', () => {
    const suggestions = suggestCompletions(index, catalogue, 'integ', 10, null).map((s) => s.suggestion);

    expect(suggestions).toEqual(expect.arrayContaining(['integration', 'integrated']));
    expect(suggestions).not.toContain('integr');
    for (const word of suggestions) expect(allText).toMatch(new RegExp(`\\b${word}\\b`));
  });

  it('completes the last word among sections that hold the earlier ones, as a whole query', () => {
    const suggestions = suggestCompletions(index, catalogue, 'integrated plan', 5, null).map((s) => s.suggestion);

    expect(suggestions).toContain('integrated planning');
    expect(suggestions.every((s) => s.startsWith('integrated '))).toBe(true);
  });

  it('respects the limit and the report filter', () => {
    expect(suggestCompletions(index, catalogue, 'integ', 1, null)).toHaveLength(1);
    expect(suggestCompletions(index, catalogue, 'integ', 10, SEED_ID).length).toBeGreaterThan(0);
    expect(suggestCompletions(index, catalogue, 'integ', 10, 'another-report')).toEqual([]);
  });

  it('suggests nothing for a query without letters or digits', () => {
    expect(suggestCompletions(index, catalogue, '  ', 5, null)).toEqual([]);
    expect(suggestCompletions(index, catalogue, 'integrated "', 5, null)).toEqual([]);
  });
});

describe('searchWithCorrection', () => {
  it('offers a corrected query when nothing matches', () => {
    const page = searchWithCorrection(index, catalogue, 'counterfatcual', { ...DEFAULT_SEARCH_OPTIONS, fuzzy: false }, analyzer);

    expect(page.total).toBe(0);
    expect(page.correction).toBe('counterfactual');
  });

  it('offers none when the query finds sections', () => {
    const page = searchWithCorrection(index, catalogue, 'counterfactual', DEFAULT_SEARCH_OPTIONS, analyzer);

    expect(page.hits[0].number).toBe(7);
    expect(page.correction).toBeNull();
  });
});
