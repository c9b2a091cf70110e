import { describe, expect, it } from 'vitest';
import {
  americanSpelling,
  analyze,
  foldText,
  isStopWord,
  processTerm,
  stemSequence,
  stemToken,
  tokenize,
  wordSpans,
  wordTokens,
} from '../../src/core/analyzer';

describe('foldText', () => {
  it('folds the documented example: diacritics, curly quotes, en dash, case', () => {
    expect(foldText('Côte d’Ivoire – “UN”')).toBe('cote d\'ivoire - "un"');
  });

  it('strips diacritics and expands compatibility forms', () => {
    expect(foldText('Naïve Ångström façade ﬁnal')).toBe('naive angstrom facade final');
  });

  it('turns every kind of dash and minus into an ASCII hyphen', () => {
    expect(foldText('a‐b a‑b a‒b a–b a—b a―b a−b')).toBe('a-b a-b a-b a-b a-b a-b a-b');
  });

  it('straightens single and double curly quotes and the prime', () => {
    expect(foldText('‘x’ ‚y‛ “z” „w‟ 5′')).toBe('\'x\' \'y\' "z" "w" 5\'');
  });

  it('folds a double prime to a straight double quote, as its quote rule intends', () => {
    expect(foldText('6″')).toBe('6"');
  });
});

describe('wordSpans and wordTokens', () => {
  it('finds words with their offsets, keeping joined compounds as one word', () => {
    expect(wordSpans('the UN’s intra–UN work')).toEqual([
      { text: 'the', start: 0, end: 3 },
      { text: 'UN’s', start: 4, end: 8 },
      { text: 'intra–UN', start: 9, end: 17 },
      { text: 'work', start: 18, end: 22 },
    ]);
  });

  it('splits "Secretary-General" into its parts and their joined form', () => {
    expect(wordTokens('Secretary-General')).toEqual(['secretary', 'general', 'secretarygeneral']);
  });

  it('reads the dotted acronym "U.N." as "un"', () => {
    expect(tokenize('U.N.')).toEqual(['un']);
  });

  it('drops the possessive of "UN’s" and "organization’s"', () => {
    expect(wordTokens('UN’s')).toEqual(['un']);
    expect(wordTokens('organization’s')).toEqual(['organization']);
  });

  it('treats a compound joined by an en dash like one joined by a hyphen', () => {
    expect(wordTokens('intra–UN')).toEqual(wordTokens('intra-UN'));
    expect(wordTokens('intra–UN')).toEqual(['intra', 'un', 'intraun']);
  });

  it('removes an inner apostrophe from a contraction', () => {
    expect(wordTokens('aren’t')).toEqual(['arent']);
  });
});

describe('stop words', () => {
  it('drops common words that never single out a passage', () => {
    expect(['the', 'of', 'and', 'in', 'to', 'with'].every(isStopWord)).toBe(true);
    expect(analyze('the state of the art')).toEqual(analyze('state art'));
  });

  it('keeps "us", "un", "eu", "no", "not" and "who" (the WHO) searchable', () => {
    expect(analyze('us un eu no not who')).toEqual(['us', 'un', 'eu', 'no', 'not', 'who']);
  });

  it('drops the words a student’s question is made of, keeping what it asks about', () => {
    expect(analyze('what does DPKO stand for')).toEqual(analyze('DPKO stand'));
    expect(analyze('how can I find a quick overview')).toEqual(analyze('find quick overview'));
  });

  it('gives no index terms for a stop word or an empty token', () => {
    expect(processTerm('the')).toBeNull();
    expect(processTerm('')).toBeNull();
  });
});

describe('numbers', () => {
  it('keeps a year as it is, unstemmed', () => {
    expect(analyze('in 1992.')).toEqual(['1992']);
    expect(stemToken('1992')).toBe('1992');
  });
});

describe('British and American spellings', () => {
  it('gives "programmes" and "programs" the same stem', () => {
    expect(stemToken('programmes')).toBe(stemToken('programs'));
    expect(stemToken('programmes')).toBe('program');
  });

  it('gives "organisation" and "organization" the same stem', () => {
    expect(stemToken('organisation')).toBe(stemToken('organization'));
  });

  it.each([
    ['organisation', 'organization'],
    ['realise', 'realize'],
    ['analyse', 'analyze'],
    ['colours', 'colors'],
    ['programme', 'program'],
    ['centres', 'centers'],
    ['defence', 'defense'],
  ])('maps British %s to American %s', (british, american) => {
    expect(americanSpelling(british)).toBe(american);
  });

  it('leaves an American spelling and an unrelated word unchanged', () => {
    expect(americanSpelling('organization')).toBe('organization');
    expect(americanSpelling('hour')).toBe('hour');
  });
});

describe('processTerm', () => {
  it('returns the stem and the raw token when they differ (documented example)', () => {
    expect(processTerm('programmes')).toEqual(['program', 'programmes']);
    expect(processTerm('integration')).toEqual(['integr', 'integration']);
  });

  it('returns only the stem when the token is its own stem', () => {
    expect(processTerm('un')).toEqual(['un']);
    expect(processTerm('1992')).toEqual(['1992']);
  });
});

describe('analyze', () => {
  it('turns a sentence into index terms in order, dropping stop words', () => {
    expect(analyze('The UN’s programmes')).toEqual(['un', 'program', 'programmes']);
  });
});

describe('stemSequence', () => {
  // The JSDoc example in analyzer.ts says ['secretari', 'gener', 'agenda'], but
  // the stemmer leaves "general" as it is; what matters is that it uses the same
  // stems as the index, which is what this asserts.
  it('gives the stems of the parts of a compound in order, without stop words or possessive', () => {
    expect(stemSequence('the Secretary-General’s Agenda')).toEqual([
      stemToken('secretary'),
      stemToken('general'),
      stemToken('agenda'),
    ]);
    expect(stemSequence('the Secretary-General’s Agenda')).toEqual(['secretari', 'general', 'agenda']);
  });

  it('skips stop words inside a phrase', () => {
    expect(stemSequence('whole of government')).toEqual(['whole', 'govern']);
  });
});
