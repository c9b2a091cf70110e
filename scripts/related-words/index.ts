/**
 * @module related-words
 * The related words of one report (`src/core/search/related-words.ts`),
 * computed at build time from WordNet and from a table of words used alike
 * (`word-neighbours.ts`): for each word the report writes, the words a
 * reader might type for it instead (in their dictionary form), kept only
 * where they reach the report's index terms.
 *
 * What keeps ambiguous words from flooding results (the eval compares):
 * - only a word's frequent senses, on both sides: the report's word and
 *   the reader's must each have the sense among their first
 *   `FREQUENT_SENSES` (WordNet lists senses by frequency in its tagged
 *   texts), so *support* the noun of holding up is not *assistance*;
 * - only specific report words: a term in more than `MAX_SECTION_SHARE` of
 *   the report's sections is left out (a related word cannot single out a
 *   section there, only blur the ranking);
 * - one step of the hierarchy, and only below specific concepts: a
 *   broader word with more than `MAX_NARROWER` narrower senses (*activity*,
 *   *organization*) is too general to stand for any of them;
 * - siblings (two kinds of one thing) only of a title's head noun, under
 *   a parent of at most `MAX_SIBLINGS` kinds;
 * - from an adjective's gloss, only a lone noun it names;
 * - words used alike (word vectors) only at a cosine of `MIN_SIMILARITY`
 *   or more, never two words WordNet calls opposites, only for a reader's
 *   word the report does not write, and at most `MAX_SIMILAR_TERMS` a word;
 * - only single words.
 */
import type { Analyzer } from '../../src/core/analyzer';
import { wordSpans, wordTokens } from '../../src/core/analyzer';
import { sectionText } from '../../src/core/catalogue';
import { RELATIONS, type Relation, type RelatedWords } from '../../src/core/search/related-words';
import type { Report } from '../../src/core/types';
import { sharedWordNeighbours, type WordNeighbours } from './word-neighbours';
import { WordNet, type IndexEntry, type PartOfSpeech, type Synset } from './wordnet';

export { WordNet } from './wordnet';
export { readWordNeighbours, sharedWordNeighbours, type WordNeighbours } from './word-neighbours';

let wordNet: WordNet | null = null;
/** WordNet, read once per process (about 2 s) on first need: a build that reuses every report never reads it. */
export function sharedWordNet(): WordNet {
  return (wordNet ??= new WordNet());
}

/**
 * Senses counted as frequent: the first so many of those WordNet has
 * frequencies for (at least the first). One: `npm run eval` finds the same
 * paraphrases with the first sense as with two, from a map 0.6 of the size;
 * three find one more, every sense two more, from maps 2.4 and 3.4 times it.
 */
export const FREQUENT_SENSES = 1;
/** A report word in more of its sections than this share relates to nothing (it cannot single a section out). */
export const MAX_SECTION_SHARE = 0.5;

/** A sense with more narrower senses (hyponyms) than this is too general to relate through. */
export const MAX_NARROWER = 12;

/**
 * Siblings (two kinds of one thing) are two steps apart, so they are kept
 * to where they help and cannot flood: the head noun of a section's title
 * (a heading names the kind of thing a section is, as *Abbreviations* does),
 * under a hypernym of at most this many kinds (*abbreviation* and *acronym*
 * are two of eight word forms). In body text they related *victory* to
 * *outcome* and *april* to *may* (`npm run eval` shows the rows).
 */
export const MAX_SIBLINGS = 8;

/**
 * The least cosine of two words' vectors for one to stand for the other
 * (`similar`). Vectors put words near each other for being used alike, which
 * is not always meaning alike (*senior* is near *executive*, *unicef* near
 * *humanitarian*); `npm run eval` shows the rows for other thresholds.
 */
export const MIN_SIMILARITY = 0.65;

/** A reader's word relates by use alike to at most this many of a report's terms, the nearest. */
export const MAX_SIMILAR_TERMS = 2;

/** Which relations to compute, and how strictly: the defaults above, or the eval's variants. */
export interface RelatedWordsOptions {
  relations: readonly Relation[];
  frequentSenses: number;
  maxSectionShare: number;
  maxNarrower: number;
  /** Siblings only under a noun with at most so many kinds. */
  maxSiblings: number;
  /** Siblings only of a title's head noun (`MAX_SIBLINGS`), or of any word. */
  siblingsOfTitlesOnly: boolean;
  /** Also relate adjectives and nouns by the adjective's gloss ("of or relating to elections"), not only by pertainym pointers. */
  glossPertainyms: boolean;
  /** Words used alike only at this cosine or more (`MIN_SIMILARITY`). */
  minSimilarity: number;
  /** Words used alike only for a reader's word the report does not write itself (that word finds its own sections). */
  similarOnlyForUnwritten: boolean;
  /** A reader's word relates to at most so many of the report's terms by use alike, the nearest (`MAX_SIMILAR_TERMS`). */
  maxSimilarTerms: number;
}

export const DEFAULT_RELATED_WORDS_OPTIONS: RelatedWordsOptions = {
  relations: Object.keys(RELATIONS) as Relation[],
  frequentSenses: FREQUENT_SENSES,
  maxSectionShare: MAX_SECTION_SHARE,
  maxNarrower: MAX_NARROWER,
  maxSiblings: MAX_SIBLINGS,
  siblingsOfTitlesOnly: true,
  glossPertainyms: true,
  minSimilarity: MIN_SIMILARITY,
  similarOnlyForUnwritten: true,
  maxSimilarTerms: MAX_SIMILAR_TERMS,
};

const isNarrowing = (symbol: string) => symbol === '~' || symbol === '~i';
const narrowerCount = (synset: Synset) => synset.pointers.filter((p) => isNarrowing(p.symbol)).length;

const ONE_WORD = /^\p{L}+$/u;

function frequentSenses(entry: IndexEntry, limit: number): number[] {
  return entry.senses.slice(0, Math.max(1, Math.min(entry.taggedSenses, limit)));
}

/** How many of a report's sections hold an index term (in title, page label or text). */
function sectionCounter(report: Report, a: Analyzer): (term: string) => number {
  const counts = new Map<string, number>();
  for (const section of report.sections) {
    for (const term of new Set(a.analyze([section.title ?? '', section.label, sectionText(section)].join('\n')))) counts.set(term, (counts.get(term) ?? 0) + 1);
  }
  return (term) => counts.get(term) ?? 0;
}

/**
 * The related words of several reports as one map (for a catalogue of
 * them, as the Node tests and the eval read one): each reader's word with
 * every report's terms.
 */
export function relatedWordsOfAll(reports: Report[], wordNet: WordNet, a: Analyzer, options: RelatedWordsOptions = DEFAULT_RELATED_WORDS_OPTIONS, neighbours: WordNeighbours = sharedWordNeighbours()): RelatedWords {
  const merged: RelatedWords = {};
  for (const report of reports) {
    for (const [word, entries] of Object.entries(relatedWordsOf(report, wordNet, a, options, neighbours))) (merged[word] ??= []).push(...entries);
  }
  return merged;
}

/** Each written word of the report (one token, lower case, folded) with its stem; of some texts only (the titles) if asked. */
function writtenWords(report: Report, a: Analyzer, textsOf: (section: Report['sections'][number]) => string[] = (section) => [section.title ?? '', sectionText(section)]): Map<string, string> {
  const words = new Map<string, string>();
  for (const section of report.sections) {
    for (const text of textsOf(section)) {
      for (const span of wordSpans(text)) {
        const tokens = wordTokens(span.text);
        for (const token of tokens.length > 1 ? tokens.slice(0, -1) : tokens) {
          if (!words.has(token) && ONE_WORD.test(token) && a.processTerm(token)) words.set(token, a.stemToken(token));
        }
      }
    }
  }
  return words;
}

/**
 * The related words of a report: reader's word → the report's terms, each
 * with the strongest relation found, sorted so the file is the same bytes
 * from build to build.
 * @example relatedWordsOf(report, wordNet, analyzer).election // [['elector', 'd']]
 */
export function relatedWordsOf(
  report: Report,
  wordNet: WordNet,
  a: Analyzer,
  options: RelatedWordsOptions = DEFAULT_RELATED_WORDS_OPTIONS,
  neighbours: WordNeighbours = sharedWordNeighbours(),
): RelatedWords {
  const sectionsWith = sectionCounter(report, a);
  const found = new Map<string, Map<string, Relation>>();
  const maxSections = Math.max(1, Math.floor(report.sections.length * options.maxSectionShare));
  const wanted = new Set(options.relations);
  const isFrequent = (word: string, synset: Synset) => {
    const entry = wordNet.entry(word, synset.pos);
    return entry !== undefined && frequentSenses(entry, options.frequentSenses).includes(synset.offset);
  };
  const add = (readerWord: string, term: string, relation: Relation) => {
    // A word the stemmer already joins to the report's needs no relation.
    if (!wanted.has(relation) || !ONE_WORD.test(readerWord) || !a.processTerm(readerWord) || a.stemToken(readerWord) === term) return;
    const byTerm = found.get(readerWord) ?? new Map<string, Relation>();
    found.set(readerWord, byTerm);
    const known = byTerm.get(term);
    if (!known || RELATIONS[relation].weight > RELATIONS[known].weight) byTerm.set(term, relation);
  };

  // Words used alike: each reader's word → the report's terms with their cosines, the nearest kept below.
  const similar = new Map<string, Map<string, number>>();
  // A title's last word is its head noun (*Executive Summary* is a summary).
  const titleWords = writtenWords(report, a, (section) => [section.title?.split(/\s+/).at(-1) ?? '']);
  for (const [word, term] of writtenWords(report, a)) {
    if (sectionsWith(term) > maxSections) continue;
    if (wanted.has('similar')) {
      for (const [reader, cosine] of neighbours.of(word)) {
        if (cosine < options.minSimilarity || wordNet.areOpposites(reader, word)) continue;
        if (options.similarOnlyForUnwritten && sectionsWith(a.stemToken(reader)) > 0) continue;
        // Keyed by the reader's dictionary forms, like every relation: the query looks up a word's (`lemmaCandidates`).
        for (const form of new Set(wordNet.lemmasOf(reader).map((found) => found.lemma))) {
          const terms = similar.get(form) ?? new Map<string, number>();
          similar.set(form, terms);
          terms.set(term, Math.max(cosine, terms.get(term) ?? 0));
        }
      }
    }
    for (const { lemma, pos } of wordNet.lemmasOf(word)) {
      for (const offset of frequentSenses(wordNet.entry(lemma, pos)!, options.frequentSenses)) {
        const synset = wordNet.synset(offset, pos);
        const position = synset.words.indexOf(lemma) + 1;
        for (const synonym of synset.words) if (synonym !== lemma && isFrequent(synonym, synset)) add(synonym, term, 'synonym');
        for (const pointer of synset.pointers) {
          const lexical = pointer.source === position && pointer.target > 0;
          const target = () => wordNet.synset(pointer.offset, pointer.pos);
          if (pointer.symbol === '+' && lexical) {
            add(target().words[pointer.target - 1], term, 'derivation');
          } else if (pointer.symbol === '\\' && lexical) {
            // The report's adjective pertains to the reader's noun (scientific → science).
            add(target().words[pointer.target - 1], term, 'pertainym');
          } else if (pointer.symbol === '@' || pointer.symbol === '@i') {
            // The reader's word is broader: the report's is narrower than it.
            const broader = target();
            if (narrowerCount(broader) > options.maxNarrower) continue;
            for (const reader of broader.words) if (isFrequent(reader, broader)) add(reader, term, 'narrower');
            // Both are kinds of it: a sibling, under a hypernym specific enough for its kinds to stand in for each other.
            if (wanted.has('sibling') && pos === 'n' && (titleWords.has(word) || !options.siblingsOfTitlesOnly) && narrowerCount(broader) <= options.maxSiblings) {
              for (const kind of broader.pointers.filter((p) => isNarrowing(p.symbol) && !(p.offset === synset.offset && p.pos === synset.pos))) {
                const sibling = wordNet.synset(kind.offset, kind.pos);
                for (const reader of sibling.words) if (isFrequent(reader, sibling)) add(reader, term, 'sibling');
              }
            }
          } else if (isNarrowing(pointer.symbol) && narrowerCount(synset) <= options.maxNarrower) {
            const narrower = target();
            for (const reader of narrower.words) if (isFrequent(reader, narrower)) add(reader, term, 'broader');
          }
        }
      }
      // The reader's adjective pertains to the report's noun (science → scientific): pointers into this word.
      for (const adjective of wordNet.pertainymsOf(lemma, pos)) add(adjective, term, 'pertainym');
      if (options.glossPertainyms && pos === 'n') for (const adjective of wordNet.relationalAdjectivesOf(lemma)) add(adjective, term, 'pertainym');
      if (options.glossPertainyms && pos === 'a') for (const noun of wordNet.relationalNounsOf(lemma)) add(noun, term, 'pertainym');
    }
  }

  for (const [reader, terms] of similar) {
    const nearest = [...terms].sort(([x, one], [y, other]) => other - one || (x < y ? -1 : 1)).slice(0, options.maxSimilarTerms);
    for (const [term] of nearest) add(reader, term, 'similar');
  }

  const related: RelatedWords = {};
  for (const readerTerm of [...found.keys()].sort()) {
    const entries = [...found.get(readerTerm)!].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
    related[readerTerm] = entries.map(([term, relation]) => [term, RELATIONS[relation].code]);
  }
  return related;
}

export type { PartOfSpeech };
