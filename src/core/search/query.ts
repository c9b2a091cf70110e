/**
 * Reads what a person typed into a search box: words, quoted phrases, and
 * whether the last word is still being typed; and says whether a query is
 * within the limits that keep a search cheap.
 */
import { wordSpans, wordTokens, type Analyzer } from '../analyzer';
import { MAX_QUERY_LENGTH, MAX_QUERY_WORDS, MAX_TERM_LENGTH } from './limits';

/** One word of the query, with the index terms each of its tokens stands for. */
export interface QueryWord {
  /** As typed. */
  text: string;
  /** Index terms of each part: one part for a plain word, several for a compound. */
  parts: string[][];
  /** Index terms of a compound written as one word ("secretarygeneral"), or null. */
  joined: string[] | null;
  /** Index of the quoted phrase this word belongs to, or null. */
  phrase: number | null;
  /**
   * Index terms of this word run together with the next one ("peace keeping"
   * → "peacekeeping"), since readers split words the text writes as one; null
   * for the last word, compounds and words in a phrase.
   */
  joinedWithNext: string[] | null;
}

/** A query once read. */
export interface ParsedQuery {
  /** Words that carry meaning (stop words dropped). */
  words: QueryWord[];
  /** Each quoted phrase as a stem sequence, for checking word order. */
  phrases: string[][];
  /** The last word has no space after it: the person may still be typing it. */
  lastWordOpen: boolean;
}

// A quoted phrase; an unclosed quote runs to the end, as while typing.
const PHRASE = /"([^"]*)"?/g;

/**
 * Why a query is beyond the limits of `limits.ts`, one reason per limit
 * broken, or none. The edge (API, search page) refuses such a query.
 * @example queryLimitProblems('qzxvbnmk '.repeat(22)) // ['22 words: at most 16 words (MAX_QUERY_WORDS)']
 */
export function queryLimitProblems(text: string): string[] {
  const problems: string[] = [];
  if (text.length > MAX_QUERY_LENGTH) {
    problems.push(`${text.length} characters: at most ${MAX_QUERY_LENGTH} characters, counted as UTF-16 code units (MAX_QUERY_LENGTH)`);
  }
  const spans = wordSpans(text);
  if (spans.length > MAX_QUERY_WORDS) problems.push(`${spans.length} words: at most ${MAX_QUERY_WORDS} words (MAX_QUERY_WORDS)`);
  const longest = spans.reduce<{ word: string; length: number } | null>((best, span) => {
    const length = Math.max(...wordTokens(span.text).map((token) => token.length));
    return length > (best?.length ?? MAX_TERM_LENGTH) ? { word: span.text, length } : best;
  }, null);
  if (longest) {
    const shown = longest.word.length > 20 ? `${longest.word.slice(0, 20)}…` : longest.word;
    problems.push(`a word ("${shown}") is ${longest.length} characters once normalised: at most ${MAX_TERM_LENGTH} per word (MAX_TERM_LENGTH)`);
  }
  return problems;
}

/**
 * Parses a query. Past `MAX_QUERY_WORDS` words, and for words longer than
 * `MAX_TERM_LENGTH`, it reads nothing more, so even an unchecked query costs
 * little (the edge refuses such queries before they get here).
 * @example parseQuery('"whole of government" approa', analyzer)
 * // { phrases: [['whole', 'govern']], words: [whole, government, approa], lastWordOpen: true }
 */
export function parseQuery(text: string, a: Analyzer): ParsedQuery {
  const folded = text.replace(/[“”„‟″]/g, '"');
  const phraseOf: Array<{ start: number; end: number; index: number }> = [];
  const phrases: string[][] = [];
  for (const match of folded.matchAll(PHRASE)) {
    const stems = a.stemSequence(match[1]);
    if (stems.length === 0) continue;
    phraseOf.push({ start: match.index, end: match.index + match[0].length, index: phrases.length });
    phrases.push(stems);
  }
  const words: QueryWord[] = [];
  for (const span of wordSpans(folded).slice(0, MAX_QUERY_WORDS)) {
    const tokens = wordTokens(span.text);
    if (tokens.some((token) => token.length > MAX_TERM_LENGTH)) continue;
    const compound = tokens.length > 1;
    const parts = (compound ? tokens.slice(0, -1) : tokens)
      .map((token) => a.processTerm(token) ?? [])
      .filter((terms) => terms.length > 0);
    const joined = compound ? a.processTerm(tokens[tokens.length - 1]) : null;
    if (parts.length === 0 && !joined) continue;
    const phrase = phraseOf.find((p) => p.start <= span.start && span.end <= p.end)?.index ?? null;
    words.push({ text: span.text, parts, joined, phrase, joinedWithNext: null });
  }
  words.forEach((word, i) => {
    const next = words[i + 1];
    const single = (w: QueryWord) => w.joined === null && w.parts.length === 1 && w.phrase === null;
    if (next && single(word) && single(next)) {
      word.joinedWithNext = a.processTerm(wordTokens(word.text)[0] + wordTokens(next.text)[0]);
    }
  });
  const lastWordOpen = /[\p{L}\p{N}]$/u.test(folded);
  return { words, phrases, lastWordOpen };
}
