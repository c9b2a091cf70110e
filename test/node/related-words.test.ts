/**
 * Related words from WordNet: what the build computes for a report, how a
 * query reads them, and that they help a student's words without costing
 * the report's own words anything (`npm run eval` prints the whole table).
 */
import { describe, expect, it } from 'vitest';
import { analyzer } from '../../src/core/analyzer';
import { DEFAULT_SEARCH_OPTIONS, lemmaCandidates, parseQuery, relatedTermsOf, RELATIONS, MATCH_WEIGHTS, searchSections, createSearchIndex, surfaceForms } from '../../src/core/search';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { readWordNeighbours, relatedWordsOf, sharedWordNeighbours, WordNet } from '../../scripts/related-words';
import { wordNeighboursFile } from '../../scripts/related-words/word-neighbours';
import { relationalGlossNouns } from '../../scripts/related-words/wordnet';
import { evaluate, HELD_OUT_PARAPHRASE_SET, PARAPHRASE_SET, readRelevanceSet } from '../../scripts/relevance';
import { loadSeedReports } from './seed-fixture';

const [report] = await loadSeedReports();
const wordNet = new WordNet();
const related = relatedWordsOf(report, wordNet, analyzer);
const neighbours = () => sharedWordNeighbours();

describe('WordNet, as the build reads it', () => {
  it('finds a written word’s lemma by the detachment rules', () => {
    expect(wordNet.lemmasOf('elections')).toEqual([{ lemma: 'election', pos: 'n' }]);
    expect(lemmaCandidates('elections')).toContain('election');
  });

  it('lists a lemma’s senses most frequent first, and reads a sense’s words and pointers', () => {
    const election = wordNet.entry('election', 'n')!;
    expect(election.senses.length).toBeGreaterThan(1);
    const first = wordNet.synset(election.senses[0], 'n');
    expect(first.words).toContain('election');
    // election +→ electoral (derivationally related), from word 1 to word 1
    expect(first.pointers.some((p) => p.symbol === '+' && wordNet.synset(p.offset, p.pos).words[p.target - 1] === 'electoral')).toBe(true);
  });

  it('knows the adjectives that pertain to a noun (pointers that run the other way)', () => {
    expect(wordNet.pertainymsOf('election', 'n')).toContain('electoral');
  });

  it('reads the noun a relational adjective’s gloss names ("of or relating to …", "serving as …"): one noun, or one word of one noun', () => {
    expect(relationalGlossNouns('of or relating to elections; "electoral process"')).toEqual(['elections']);
    expect(relationalGlossNouns('of or relating to the practice of science; "scientific journals"')).toEqual(['science']);
    expect(relationalGlossNouns('relating to or composed of electors; "electoral college"')).toEqual(['electors']);
    expect(relationalGlossNouns('serving as an introduction or preface')).toEqual(['introduction', 'preface']);
    expect(relationalGlossNouns('involving or characteristic of politics or parties or politicians')).toEqual(['politics', 'parties', 'politicians']);
    expect(relationalGlossNouns('of or relating to Norway or its people or culture or language')).toEqual(['norway', 'people', 'culture', 'language']);
    // A longer phrase's last word is too general to stand for the adjective, and so is what follows it.
    expect(relationalGlossNouns('of or relating to a peacekeeping force')).toEqual([]);
    expect(relationalGlossNouns('of or relating to your views about social relationships that involve authority or power')).toEqual([]);
    expect(relationalGlossNouns('conforming with the principles or methods used in science')).toEqual([]);
  });

  it('relates adjectives and nouns by those glosses where the pointers do not (scientific points to "scientific knowledge")', () => {
    expect(wordNet.pertainymsOf('science', 'n')).not.toContain('scientific');
    expect(wordNet.relationalAdjectivesOf('science')).toContain('scientific');
    expect(wordNet.relationalNounsOf('electoral')).toEqual(expect.arrayContaining(['election', 'elector']));
    // Adjectives of a name say who, not what.
    expect(wordNet.relationalAdjectivesOf('philosophy')).not.toContain('kantian');
  });
});

describe('words used alike, by word vectors (scripts/related-words/word-neighbours.ts)', () => {
  const neighbours = sharedWordNeighbours();

  it('reads the table both ways: a word is near the words it lists and the words that list it', () => {
    expect(neighbours.size).toBeGreaterThan(40_000);
    expect(neighbours.of('meticulous').get('painstaking')).toBe(0.74);
    expect(neighbours.of('painstaking').get('meticulous')).toBe(0.74);
    // decentralize is among devolve's twelve nearest, not devolve among decentralize's: the pair is on both lines.
    expect(neighbours.of('devolve').get('decentralize')).toBe(0.66);
    expect(neighbours.of('decentralize').get('devolve')).toBe(0.66);
    expect(neighbours.of('banana').has('integration')).toBe(false);
  });

  it('is the two-way table its maker writes: every line well formed, every pair on both words’ lines with one cosine, 0.5 and up', () => {
    const lines = gunzipSync(readFileSync(wordNeighboursFile())).toString('utf8').trimEnd().split('\n');
    const cosines = new Map<string, string>();
    expect(lines.filter((line) => !/^[a-z]+\t[a-z]+:\d\d(?: [a-z]+:\d\d)*$/.test(line))).toEqual([]);
    for (const line of lines) {
      const [word, list] = line.split('\t');
      for (const pair of list.split(' ')) cosines.set(`${word} ${pair.split(':')[0]}`, pair.split(':')[1]);
    }
    expect([...cosines.values()].filter((hundredths) => Number(hundredths) < 50)).toEqual([]);
    expect([...cosines].filter(([pair, hundredths]) => cosines.get(pair.split(' ').reverse().join(' ')) !== hundredths)).toEqual([]);
    expect(lines.map((line) => line.split('\t')[0])).toEqual([...lines.map((line) => line.split('\t')[0])].sort());
    // Half a million pairs: seconds, not the default five.
  }, 60_000);

  it('fails on a malformed line, naming the file and the line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'neighbours-'));
    const path = join(dir, 'table.tsv.gz');
    writeFileSync(path, gzipSync('zeal\tenthusiasm:60 ardor:58\ncosts expenses:83\n'));
    expect(() => readWordNeighbours(path)).toThrow(`${path}:2: not "word<TAB>word:NN …"`);
    writeFileSync(path, gzipSync('zeal\tenthusiasm:160\n'));
    expect(() => readWordNeighbours(path)).toThrow(`${path}:1:`);
  });

  it('tells opposites apart, which vectors put side by side (WordNet’s antonyms, and a satellite adjective’s head’s)', () => {
    expect(wordNet.areOpposites('increase', 'decrease')).toBe(true);
    expect(wordNet.areOpposites('many', 'few')).toBe(true);
    expect(wordNet.areOpposites('zeal', 'enthusiasm')).toBe(false);
  });
});

describe('a report’s related words', () => {
  it('relates a reader’s word to the report’s own term, with how: election → electoral (another form)', () => {
    expect(related.election).toEqual(expect.arrayContaining([['elector', RELATIONS.derivation.code]]));
    expect(relatedTermsOf(related, 'elections')).toContainEqual({ term: 'elector', relation: 'derivation' });
  });

  it('keys words by their dictionary form (a WordNet lemma), so words one stem joins keep their own relations', () => {
    for (const word of Object.keys(related)) expect((['n', 'v', 'a', 'r'] as const).some((pos) => wordNet.entry(word, pos)), word).toBe(true);
    // "assistance" and "assistant" stem alike ("assist"): neither borrows the verb's relations.
    expect(related.assist).toBeDefined();
    expect(relatedTermsOf(related, 'assistance')).toEqual([]);
  });

  it('holds no relation the stemmer already makes, and only single words', () => {
    for (const [word, entries] of Object.entries(related)) {
      expect(word).toMatch(/^\p{L}+$/u);
      for (const [term] of entries) expect(term).not.toBe(analyzer.stemToken(word));
    }
  });

  it('relates a reader’s adjective to the report’s noun by its gloss: scientific → science', () => {
    expect(relatedTermsOf(related, 'scientific')).toContainEqual({ term: analyzer.stemToken('science'), relation: 'pertainym' });
  });

  it('relates a sibling only to a title’s head noun: acronyms → Abbreviations (both word forms in WordNet), never body words', () => {
    expect(relatedTermsOf(related, 'acronyms')).toContainEqual({ term: analyzer.stemToken('abbreviations'), relation: 'sibling' });
    const titleHeads = new Set(report.sections.flatMap((section) => (section.title ? [analyzer.stemToken(section.title.split(/\s+/).at(-1)!.toLowerCase())] : [])));
    const siblings = Object.values(related).flatMap((entries) => entries.filter(([, code]) => code === RELATIONS.sibling.code));
    expect(siblings.length).toBeGreaterThan(0);
    for (const [term] of siblings) expect(titleHeads).toContain(term);
    // In body text siblings flooded: a victory is an outcome, April a month like May.
    expect(relatedTermsOf(related, 'victory')).toEqual([]);
    expect(relatedTermsOf(related, 'april')).toEqual([]);
  });

  it('relates words used alike where WordNet does not (meticulous → painstaking, devolve → decentralize), never an opposite', () => {
    expect(relatedTermsOf(related, 'meticulous')).toContainEqual({ term: analyzer.stemToken('painstaking'), relation: 'similar' });
    expect(relatedTermsOf(related, 'devolved')).toContainEqual({ term: analyzer.stemToken('decentralize'), relation: 'similar' });
    // The report writes "decentralize"; a reader's "centralize" is its opposite, however near their vectors.
    expect(neighbours().of('decentralize').get('centralize')).toBeGreaterThanOrEqual(0.65);
    expect(relatedTermsOf(related, 'centralize').map((found) => found.term)).not.toContain(analyzer.stemToken('decentralize'));
  });

  it('is written the same way every time (sorted), for byte-identical builds', () => {
    expect(JSON.stringify(relatedWordsOf(report, new WordNet(), analyzer))).toBe(JSON.stringify(related));
    expect(Object.keys(related)).toEqual([...Object.keys(related)].sort());
  });
});

describe('searching with related words', () => {
  const index = createSearchIndex([report], analyzer);
  const catalogue = { reports: [report], surfaceForms: surfaceForms([report], analyzer), relatedWords: related };
  const search = (q: string, options = {}) => searchSections(index, catalogue, parseQuery(q, analyzer), { ...DEFAULT_SEARCH_OPTIONS, ...options }, analyzer);

  it('finds the Executive Summary for "synopsis", and says why: matched "summary", a broader word', () => {
    const page = search('synopsis');
    expect(page.hits.map((hit) => hit.number)).toEqual([4]);
    expect(page.hits[0].related).toEqual([{ query: 'synopsis', matched: 'summary', relation: 'broader' }]);
    expect(page.hits[0].terms).toEqual(['summary']);
    expect(page.hits[0].snippet).toContain('<mark>Summary</mark>');
  });

  it('finds the section on science for "scientific" (a relational adjective) and the Abbreviations for "acronyms" (a sibling), and says why', () => {
    const scientific = search('scientific');
    expect(scientific.hits.map((hit) => hit.number)).toEqual([7]);
    expect(scientific.hits[0].related).toEqual([{ query: 'scientific', matched: 'science', relation: 'pertainym' }]);
    expect(scientific.hits[0].snippet).toContain('<mark>science</mark>');
    const acronyms = search('acronyms');
    expect(acronyms.hits.map((hit) => hit.number)).toEqual([3]);
    expect(acronyms.hits[0].related).toEqual([{ query: 'acronyms', matched: 'abbreviations', relation: 'sibling' }]);
    expect(search('acronyms', { related: [] }).total).toBe(0);
  });

  it('finds nothing for it without related words', () => {
    expect(search('synopsis', { related: [] }).total).toBe(0);
  });

  it('counts a related word less than the word typed, a completion or a typo', () => {
    for (const { weight } of Object.values(RELATIONS)) expect(weight).toBeLessThan(MATCH_WEIGHTS.fuzzy);
    const typed = search('summary').hits[0];
    const relatedOnly = search('synopsis').hits[0];
    expect(relatedOnly.number).toBe(typed.number);
    expect(relatedOnly.score).toBeLessThan(typed.score * RELATIONS.broader.weight * 1.001);
  });

  it('lists no related words for a word typed as the report writes it', () => {
    expect(search('summary').hits[0].related).toEqual([]);
  });

  it('finds nothing for queries the report cannot answer, one of whose words has a related word in it', () => {
    expect(search('banana').total).toBe(0);
    expect(search('quantum chromodynamics').total).toBe(0);
    expect(search('climate finance').total).toBe(0);
  });
});

// The figures `npm run eval` reached on the paraphrase set when this floor was set: raise them when
// the ranking improves. The report's own relevance set stays at 1.0 (relevance.test.ts).
const FLOOR = { p1: 0.59, mrr10: 0.63, p1WithoutRelated: 0.37 };

describe('the paraphrase set (test/relevance/paraphrase-queries.json)', () => {
  const set = readRelevanceSet(PARAPHRASE_SET);
  const withRelated = evaluate([report], set, { name: 'chosen', analyzer });
  const without = evaluate([report], set, { name: 'no related words', analyzer, options: { related: [] } });

  it('holds at least 40 queries of each kind a student writes, and some the report cannot answer', () => {
    expect(set.queries.length).toBeGreaterThanOrEqual(40);
    expect(new Set(set.queries.map((q) => q.kind))).toEqual(new Set(['synonym', 'word-form', 'broader', 'narrower', 'question', 'no-answer']));
  });

  it(`ranks the expected section first for at least ${FLOOR.p1 * 100}% of them, above the ranking without related words`, () => {
    expect(withRelated.p1).toBeGreaterThanOrEqual(FLOOR.p1);
    expect(withRelated.mrr10).toBeGreaterThanOrEqual(FLOOR.mrr10);
    expect(without.p1).toBeGreaterThanOrEqual(FLOOR.p1WithoutRelated);
    expect(withRelated.p1).toBeGreaterThan(without.p1);
  });

  it('still finds nothing for every query the report cannot answer', () => {
    expect(withRelated.byKind['no-answer'].p1).toBe(1);
  });
});

// The held-out set was written after the limits were chosen, so it says how well they carry over:
// 0.757 without related words, 0.784 with WordNet's, 0.838 with words used alike too when this floor was set.
const HELD_OUT_FLOOR = { p1: 0.83, p1WithoutRelated: 0.75 };

describe('the held-out paraphrase set (test/relevance/paraphrase-heldout-queries.json)', () => {
  const set = readRelevanceSet(HELD_OUT_PARAPHRASE_SET);
  const withRelated = evaluate([report], set, { name: 'chosen', analyzer });
  const without = evaluate([report], set, { name: 'no related words', analyzer, options: { related: [] } });

  it(`ranks the expected section first for at least ${HELD_OUT_FLOOR.p1 * 100}% of them, above the ranking without related words, and finds nothing where there is no answer`, () => {
    expect(set.queries.length).toBeGreaterThanOrEqual(30);
    expect(withRelated.p1).toBeGreaterThanOrEqual(HELD_OUT_FLOOR.p1);
    expect(without.p1).toBeGreaterThanOrEqual(HELD_OUT_FLOOR.p1WithoutRelated);
    expect(withRelated.p1).toBeGreaterThan(without.p1);
    expect(withRelated.byKind['no-answer'].p1).toBe(1);
  });
});
