/**
 * The widget's pure rules about queries: the query a box's text asks, and
 * which hits of a shorter query may stand in while a longer one is asked.
 */
import { describe, expect, it } from 'vitest';
import { stillFits } from '../../src/widget/search-answers';
import { MAX_QUERY_LENGTH, queryOf } from '../../src/widget/search-box';

describe('queryOf: the query a box’s text asks', () => {
  it('trims and collapses spaces, so one text is one cached answer', () => {
    expect(queryOf('  integrated   \t planning ')).toBe('integrated planning');
    expect(queryOf('   ')).toBe('');
  });

  it('keeps case and quotes: the API tells UN from "un"', () => {
    expect(queryOf('UN "whole of government"')).toBe('UN "whole of government"');
  });

  it('cuts at the API’s limit without leaving a trailing space', () => {
    const long = `${'a'.repeat(MAX_QUERY_LENGTH - 1)} b`;
    expect(queryOf(long)).toBe('a'.repeat(MAX_QUERY_LENGTH - 1));
    expect(queryOf('x'.repeat(MAX_QUERY_LENGTH + 50))).toHaveLength(MAX_QUERY_LENGTH);
  });
});

describe('stillFits: a shorter query’s hit kept while the longer one is asked', () => {
  it('keeps a hit whose matched words begin with the word being typed', () => {
    expect(stillFits({ terms: ['counterfactual'] }, 'counterfa')).toBe(true);
    expect(stillFits({ terms: ['past', 'painstaking'] }, 'pai')).toBe(true);
  });

  it('drops a hit none of whose matched words fit any more', () => {
    expect(stillFits({ terms: ['peace', 'political', 'pillars'] }, 'pa')).toBe(false);
  });

  it('looks only at the last word, the one the API completes', () => {
    expect(stillFits({ terms: ['integrated'] }, 'integration pla')).toBe(false);
    expect(stillFits({ terms: ['integrated', 'planning'] }, 'integration pla')).toBe(true);
  });

  it('folds case and accents as the API does, and splits hyphenated words', () => {
    expect(stillFits({ terms: ['Peacekeeping'] }, 'peacek')).toBe(true);
    expect(stillFits({ terms: ['Évolution'] }, 'evol')).toBe(true);
    expect(stillFits({ terms: ['Secretary-General'] }, 'secretary gen')).toBe(true);
  });
});
