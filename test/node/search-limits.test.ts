import { describe, expect, it } from 'vitest';
import { analyzer } from '../../src/core/analyzer';
import {
  buildQuery,
  correctQuery,
  MAX_CORRECTED_WORDS,
  DEFAULT_SEARCH_OPTIONS,
  editDistance,
  indexTermsOf,
  MAX_QUERY_LENGTH,
  MAX_QUERY_WORDS,
  MAX_TERM_LENGTH,
  parseQuery,
  queryLimitProblems,
  searchWithCorrection,
} from '../../src/core/search';
import { loadSeedSearch } from './seed-fixture';

const { catalogue, index } = await loadSeedSearch();

/** Every term MiniSearch is asked about, with its options. */
function leaves(query: unknown): Array<{ term: string; prefix: boolean; fuzzy: number | false }> {
  const node = query as { queries: unknown[]; prefix?: boolean; fuzzy?: number | false };
  if (node.queries.every((q) => typeof q === 'string')) {
    return (node.queries as string[]).map((term) => ({ term, prefix: node.prefix ?? false, fuzzy: node.fuzzy ?? false }));
  }
  return node.queries.flatMap(leaves);
}

describe('the limits (src/core/search/limits.ts)', () => {
  it('are 200 UTF-16 units, 16 words and 32 characters a word', () => {
    expect([MAX_QUERY_LENGTH, MAX_QUERY_WORDS, MAX_TERM_LENGTH]).toEqual([200, 16, 32]);
  });

  it('let every labelled query of the relevance set through', async () => {
    const { readRelevanceSet } = await import('../../scripts/relevance');

    for (const { q } of readRelevanceSet().queries) expect(queryLimitProblems(q), q).toEqual([]);
  });
});

describe('queryLimitProblems', () => {
  it('finds nothing wrong with an ordinary query', () => {
    expect(queryLimitProblems('"whole of government" approach')).toEqual([]);
  });

  it('names the word limit for 22 × qzxvbnmk (documented example)', () => {
    expect(queryLimitProblems(Array(22).fill('qzxvbnmk').join(' '))).toEqual(['22 words: at most 16 words (MAX_QUERY_WORDS)']);
  });

  it('counts words as written, stop words included: 16 pass, 17 do not', () => {
    expect(queryLimitProblems(Array(16).fill('the').join(' '))).toEqual([]);
    expect(queryLimitProblems(Array(17).fill('the').join(' '))).toEqual(['17 words: at most 16 words (MAX_QUERY_WORDS)']);
  });

  it('measures a word after Unicode folding: one U+FDFA is 18 characters, two are 36', () => {
    expect(queryLimitProblems('\uFDFA')).toEqual([]);
    expect(queryLimitProblems('\uFDFA\uFDFA')).toEqual(['a word ("\uFDFA\uFDFA") is 36 characters once normalised: at most 32 per word (MAX_TERM_LENGTH)']);
  });

  it('accepts a word of 32 letters and refuses one of 33', () => {
    expect(queryLimitProblems('a'.repeat(32))).toEqual([]);
    expect(queryLimitProblems('a'.repeat(33))).toHaveLength(1);
  });

  it('measures each part of a compound: two 20-letter halves joined by a hyphen are too long together', () => {
    const compound = `${'a'.repeat(20)}-${'b'.repeat(20)}`;

    expect(queryLimitProblems(compound)).toEqual([`a word ("${'a'.repeat(20)}…") is 40 characters once normalised: at most 32 per word (MAX_TERM_LENGTH)`]);
  });

  it('counts length in UTF-16 code units, as the HTML maxlength does', () => {
    expect(queryLimitProblems('😀'.repeat(100))).toEqual([]);
    expect(queryLimitProblems('😀'.repeat(101))).toEqual(['202 characters: at most 200 characters, counted as UTF-16 code units (MAX_QUERY_LENGTH)']);
  });

  it('names every limit a query breaks', () => {
    expect(queryLimitProblems(Array(70).fill('\uFDFA\uFDFA').join(' '))).toHaveLength(3);
  });
});

describe('the core stays cheap even for a query that skipped the checks', () => {
  it('reads at most 16 words', () => {
    expect(parseQuery(Array(40).fill('integration').join(' '), analyzer).words).toHaveLength(MAX_QUERY_WORDS);
  });

  it('reads no word longer than the limit', () => {
    expect(parseQuery(`${'\uFDFA'.repeat(200)} counterfactual`, analyzer).words.map((w) => w.text)).toEqual(['counterfactual']);
  });

  it('corrects a word typed many times once, and corrects each copy', () => {
    expect(correctQuery(catalogue, 'intergation intergation', analyzer)).toBe('integration integration');
  });

  it(`corrects the first ${MAX_CORRECTED_WORDS} distinct unknown words and leaves later ones as typed`, () => {
    const typed = 'intergation counterfatcual strategc plannign missoin';
    const corrected = correctQuery(catalogue, typed, analyzer);

    expect(MAX_CORRECTED_WORDS).toBe(4);
    expect(corrected).toBe('integration counterfactual strategic planning missoin');
  });

  it('offers no correction for garbage, and still answers', () => {
    const page = searchWithCorrection(index, catalogue, Array(16).fill('qzxvbnmk').join(' '), DEFAULT_SEARCH_OPTIONS, analyzer);

    expect(page).toMatchObject({ total: 0, hits: [], correction: null });
  });
});

describe('buildQuery asks MiniSearch only what can match', () => {
  const terms = indexTermsOf(index);

  it('leaves out a run-together form that no index term is, and keeps one that is', () => {
    const asked = (q: string) => leaves(buildQuery(parseQuery(q, analyzer), 'OR', DEFAULT_SEARCH_OPTIONS, terms)).map((l) => l.term);

    expect(asked('integrated planning ')).not.toContain('integratedplanning');
    expect(asked('peace keeping ')).toContain('peacekeep');
  });

  it('looks a word up with typos only when it is short enough to come near an index term', () => {
    const long = 'x'.repeat(terms.longest + 3);
    const query = buildQuery(parseQuery(`${long} intergrations`, analyzer), 'OR', DEFAULT_SEARCH_OPTIONS, terms);

    expect(leaves(query).map((l) => l.term)).not.toContain(long);
    // The stem of the misspelt word ("intergr", 7 letters) may have one typo.
    expect(leaves(query).find((l) => l.term === analyzer.stemToken('intergrations'))?.fuzzy).toBe(1);
  });

  it('looks up typos of a word once, by its stem, and not at all when the stem is an index term', () => {
    const asked = (q: string) => leaves(buildQuery(parseQuery(q, analyzer), 'OR', DEFAULT_SEARCH_OPTIONS, terms));

    // "integration" is spelt right: its stem is an index term, so no typo look-up.
    expect(asked('integration planning').map((l) => [l.term, l.fuzzy])).toEqual(
      expect.arrayContaining([['integr', false], ['integration', false]]),
    );
    // Misspelt: the stem is looked up with typos, the word as typed only exactly (and it is no index term).
    const misspelt = asked('intergration planning');
    expect(misspelt.filter((l) => l.fuzzy !== false).map((l) => l.term)).toEqual(['intergr']);
    expect(misspelt.map((l) => l.term)).not.toContain('intergration');
  });

  it('gives no tree at all when nothing can match without typos', () => {
    expect(buildQuery(parseQuery('qzxvbnmk ', analyzer), 'OR', { ...DEFAULT_SEARCH_OPTIONS, fuzzy: false }, terms)).toBeNull();
  });
});

describe('editDistance with a bound', () => {
  it('gives the exact distance within the bound, and something above it beyond', () => {
    expect(editDistance('counterfatcual', 'counterfactual', 2)).toBe(2);
    expect(editDistance('qzxvbnmk', 'integration', 3)).toBeGreaterThan(3);
  });
});
