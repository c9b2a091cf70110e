/**
 * The text analyser: how text becomes index terms. The build indexes with it
 * and the Worker reads queries with it, so both always agree on what a term is.
 */
import { stem as porter2 } from 'porter2';

/** A word as written in a text, with where it stands (for snippets and highlights). */
export interface WordSpan {
  text: string;
  start: number;
  end: number;
}

// Letters or digits, joined by an apostrophe, a dot or any hyphen/dash with no
// space around it: "organization’s", "U.N", "Secretary-General", "intra–UN".
const WORD = /[\p{L}\p{N}]+(?:['’‐‑‒–—\-.][\p{L}\p{N}]+)*/gu;
const JOINERS = /['.\-]/;
// Short on purpose: only words that never single out a passage. "us", "un",
// "eu", "no" and "not" stay searchable, and so does "who" (the WHO). The
// words a student's question is made of ("what does DPKO stand for", "how can
// I find …") are here too: as words to match they sent a question to the
// section that happens to write "what" or "how" (`npm run eval`, questions
// 0.538 → 0.692 of the paraphrase set; the relevance set stays at 1.0).
const STOP_WORDS = new Set([
  'a', 'an', 'and', 'are', 'as', 'at', 'be', 'been', 'by', 'for', 'from', 'had', 'has', 'have',
  'in', 'into', 'is', 'it', 'its', 'of', 'on', 'or', 'that', 'the', 'their', 'these', 'this',
  'those', 'to', 'was', 'were', 'which', 'with',
  'what', 'how', 'why', 'where', 'when', 'does', 'do', 'did', 'can', 'i', 'you', 'me', 'my',
]);
// British spellings mapped to American before stemming, so "programmes" and
// "programs" share a term. Applied to index and query alike, so a rule that
// also rewrites an unrelated word ("promise" → "promize") is harmless.
const SPELLING_RULES: Array<[RegExp, string]> = [
  [/isation(s?)$/, 'ization$1'],
  [/^(\w{3,})is(e|es|ed|ing)$/, '$1iz$2'],
  [/^(\w{2,})ys(e|es|ed|ing)$/, '$1yz$2'],
  [/^(\w{3,})our(s|ed|ing|able|ite|ites)?$/, '$1or$2'],
  [/^programme(s|d)?$/, 'program$1'],
  [/^(\w{3,})tre(s?)$/, '$1ter$2'],
  [/^(defen|offen|licen|preten)ce(s?)$/, '$1se$2'],
];

/**
 * Folds text for matching: Unicode compatibility forms, no diacritics,
 * straight quotes, ASCII hyphens, lower case.
 * @example foldText('Côte d’Ivoire – “UN”') // 'cote d\'ivoire - "un"'
 */
export function foldText(text: string): string {
  // Quotes and dashes first: NFKD would split "″" into two primes.
  return text
    .replace(/[‘’‚‛′]/g, "'")
    .replace(/[“”„‟″]/g, '"')
    .replace(/[‐‑‒–—―−]/g, '-')
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/** The words of a text as written, with their offsets. */
export function wordSpans(text: string): WordSpan[] {
  const spans: WordSpan[] = [];
  for (const match of text.matchAll(WORD)) {
    spans.push({ text: match[0], start: match.index, end: match.index + match[0].length });
  }
  return spans;
}

/**
 * The tokens one written word stands for: itself, and for a compound its parts
 * and their joined form, so "Secretary-General", "secretary general" and
 * "secretarygeneral" meet. Dotted acronyms lose their dots ("U.N." is "un").
 * @example wordTokens('Secretary-General') // ['secretary', 'general', 'secretarygeneral']
 */
export function wordTokens(word: string): string[] {
  let folded = foldText(word).replace(/'s$/, '');
  if (/^(\p{L}\.)+\p{L}\.?$/u.test(folded)) folded = folded.replace(/\./g, '');
  if (!JOINERS.test(folded)) return [folded];
  const parts = folded.split(/[.\-]/).map((part) => part.replace(/'/g, '')).filter(Boolean);
  const joined = parts.join('');
  return parts.length > 1 ? [...parts, joined] : [joined];
}

/** Splits text into tokens (MiniSearch's `tokenize`). */
export function tokenize(text: string): string[] {
  return wordSpans(text).flatMap((span) => wordTokens(span.text));
}

/** Maps a British spelling to the American one the index uses. */
export function americanSpelling(token: string): string {
  for (const [pattern, replacement] of SPELLING_RULES) {
    if (pattern.test(token)) return token.replace(pattern, replacement);
  }
  return token;
}

/** Whether a token is too common to search by. */
export function isStopWord(token: string): boolean {
  return STOP_WORDS.has(token);
}

/** A stemmer: a word (lower case, folded) to its stem. */
export type Stemmer = (word: string) => string;

/** The analyser's functions, all built on one stemmer. */
export interface Analyzer {
  /** Splits text into tokens (MiniSearch's `tokenize`). */
  tokenize(text: string): string[];
  /**
   * The index terms of a token (MiniSearch's `processTerm`): its stem, and the
   * token itself when that differs, so a word typed halfway ("integrat") still
   * finds "integration" by prefix. Stop words give none.
   */
  processTerm(token: string): string[] | null;
  /** The stem of one token, after British spellings become American. */
  stemToken(token: string): string;
  /** Every index term of a text, in order (duplicates kept). */
  analyze(text: string): string[];
  /**
   * The stems of a text's words in order, for phrase matching: compounds count
   * as their parts, stop words are skipped on both sides.
   */
  stemSequence(text: string): string[];
}

/**
 * Builds an analyser around a stemmer; `analyzer` below is the one the index
 * uses. Other stemmers exist only so `npm run eval` can compare them.
 */
export function createAnalyzer(stem: Stemmer): Analyzer {
  const stemToken = (token: string) => (/^\p{N}+$/u.test(token) ? token : stem(americanSpelling(token)));
  const processTerm = (token: string) => {
    if (token === '' || isStopWord(token)) return null;
    const stemmed = stemToken(token);
    return stemmed === token ? [stemmed] : [stemmed, token];
  };
  return {
    tokenize,
    processTerm,
    stemToken,
    analyze: (text) => tokenize(text).flatMap((token) => processTerm(token) ?? []),
    stemSequence: (text) =>
      wordSpans(text).flatMap((span) => {
        const tokens = wordTokens(span.text);
        const parts = tokens.length > 1 ? tokens.slice(0, -1) : tokens;
        return parts.filter((token) => token !== '' && !isStopWord(token)).map(stemToken);
      }),
  };
}

/**
 * The analyser of the index and of every query: Porter2 (the "English"
 * Snowball stemmer), chosen over Porter (1980) by `npm run eval`.
 * @example analyzer.processTerm('programmes') // ['program', 'programmes']
 * @example analyzer.stemSequence('the Secretary-General’s Agenda') // ['secretari', 'general', 'agenda']
 */
export const analyzer: Analyzer = createAnalyzer(porter2);

export const { processTerm, stemToken, analyze, stemSequence } = analyzer;

/** Options that make MiniSearch read text the way an analyser does. */
export function analyzerOptions(a: Analyzer = analyzer) {
  return { tokenize: a.tokenize, processTerm: a.processTerm };
}
