import { describe, expect, it } from 'vitest';
import { matchCount, noResultsAdvice, relatedPairs } from '../../src/core/search';

describe('what a results list says beyond its hits', () => {
  it('counts matches in words, one section in the singular', () => {
    expect([0, 1, 2, 1200].map(matchCount)).toEqual(['No sections match', '1 section matches', '2 sections match', '1,200 sections match']);
  });

  it('names each related pair once, in the order the hit lists them', () => {
    expect(
      relatedPairs([
        { query: 'election', matched: 'electoral', relation: 'derivation' },
        { query: 'election', matched: 'electoral', relation: 'derivation' },
        { query: 'aid', matched: 'assistance', relation: 'synonym' },
      ]),
    ).toEqual([
      { matched: 'electoral', query: 'election' },
      { matched: 'assistance', query: 'aid' },
    ]);
  });

  it('advises fewer words only for several, and the whole library only within one report', () => {
    expect(noResultsAdvice({ words: 1, inOneReport: false }).map((a) => a.kind)).toEqual(['spelling']);
    expect(noResultsAdvice({ words: 3, inOneReport: true }).map((a) => a.kind)).toEqual(['fewer-words', 'spelling', 'whole-library']);
  });
});
