/**
 * Reads what a person typed into a search box: words, quoted phrases, and
 * whether the last word is still being typed.
 */
import { analyzer, wordSpans, wordTokens, type Analyzer } from './analyzer';

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
 * Parses a query.
 * @example parseQuery('"whole of government" approa')
 * // { phrases: [['whole', 'govern']], words: [whole, government, approa], lastWordOpen: true }
 */
export function parseQuery(text: string, a: Analyzer = analyzer): ParsedQuery {
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
  for (const span of wordSpans(folded)) {
    const tokens = wordTokens(span.text);
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
