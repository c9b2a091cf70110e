import { describe, expect, it } from 'vitest';
import { analyzer } from '../../src/core/analyzer';
import { parseQuery } from '../../src/core/search';

describe('parseQuery', () => {
  it('reads a quoted phrase and an open last word (documented example)', () => {
    const query = parseQuery('"whole of government" approa', analyzer);

    expect(query.phrases).toEqual([['whole', 'govern']]);
    expect(query.words.map((w) => [w.text, w.phrase])).toEqual([
      ['whole', 0],
      ['government', 0],
      ['approa', null],
    ]);
    expect(query.lastWordOpen).toBe(true);
  });

  it('says the last word is finished when the query ends with a space or a quote', () => {
    expect(parseQuery('counterfactual ', analyzer).lastWordOpen).toBe(false);
    expect(parseQuery('"quick fixes"', analyzer).lastWordOpen).toBe(false);
  });

  it('drops stop words but keeps "UN"', () => {
    expect(parseQuery('the role of the UN', analyzer).words.map((w) => w.text)).toEqual(['role', 'UN']);
  });

  it('gives each word its index terms, and a compound its parts and joined form', () => {
    const [word] = parseQuery('Boutros-Ghali', analyzer).words;

    expect(word.parts).toEqual([['boutro', 'boutros'], ['ghali']]);
    expect(word.joined).toEqual(['boutrosghali']);
  });

  it('reads curly quotes as phrase quotes', () => {
    expect(parseQuery('“quick fixes”', analyzer).phrases).toEqual([['quick', 'fix']]);
  });

  it('runs an unclosed quote to the end, as while typing', () => {
    const query = parseQuery('"whole of gov', analyzer);

    expect(query.phrases).toEqual([['whole', 'gov']]);
    expect(query.words.every((w) => w.phrase === 0)).toBe(true);
  });

  it('finds no words in a query of stop words and punctuation', () => {
    expect(parseQuery('the of, and!', analyzer).words).toEqual([]);
  });
});
