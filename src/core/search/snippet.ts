/**
 * Snippets and highlights from the words as written: a word is marked when one
 * of its index terms matched, so "programmes" lights up for a search on "programs".
 *
 * A text is analysed once (`analyseText`: its words, where they stand, their
 * index terms); every snippet, highlight and list of matched words after that
 * is set look-ups over the analysis, with no stemming at query time.
 */
import { escapeToBuffer } from 'hono/utils/html';
import { foldText, wordSpans, wordTokens, type Analyzer } from '../analyzer';

/** About two lines of a result list. */
export const SNIPPET_WORDS = 30;

/** A word of an analysed text: where it stands and the index terms it stands for. */
export interface AnalysedWord {
  start: number;
  end: number;
  /** The index terms of its tokens, in the order they are checked. */
  terms: string[];
  /** As written, folded to lower case, without a possessive 's (what `terms` of a hit lists). */
  folded: string;
}

/** A text with its words analysed, ready for any number of snippets and highlights. */
export interface AnalysedText {
  text: string;
  words: AnalysedWord[];
}

/**
 * Analyses a text once: its words, offsets and index terms.
 * @example analyseText('Programmes', analyzer).words[0].terms // ['program', 'programmes']
 */
export function analyseText(text: string, a: Analyzer): AnalysedText {
  const words = wordSpans(text).map((span) => ({
    start: span.start,
    end: span.end,
    terms: wordTokens(span.text).flatMap((token) => a.processTerm(token) ?? []),
    folded: foldText(span.text).replace(/'s$/, ''),
  }));
  return { text, words };
}

/** A text as a snippet shows it: runs of white space as one space. */
export function flattenText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** HTML-escapes text (Hono's escaper, the one its `html` helper uses). */
export function escapeHtml(text: string): string {
  const buffer: [string] = [''];
  escapeToBuffer(text, buffer);
  return buffer[0];
}

/** The matched term a written word stands for, or null when it did not match. */
function matchedTermOf(word: AnalysedWord, matched: ReadonlySet<string>): string | null {
  for (const term of word.terms) if (matched.has(term)) return term;
  return null;
}

/**
 * Escapes `text` and wraps every word that matched in `<mark>`; nothing else
 * in the result is markup.
 * @example highlightHtml('Programmes & <b>', new Set(['program']), analyzer) // '<mark>Programmes</mark> &amp; &lt;b&gt;'
 */
export function highlightHtml(text: string, matched: ReadonlySet<string>, a: Analyzer): string {
  return highlightAnalysed(analyseText(text, a), matched);
}

/** `highlightHtml` over a text already analysed. */
export function highlightAnalysed(analysed: AnalysedText, matched: ReadonlySet<string>): string {
  return renderRange(analysed, 0, analysed.words.length, 0, analysed.text.length, matched);
}

/** HTML for text[from, to), marking the matched words among words[first, last). */
function renderRange(analysed: AnalysedText, first: number, last: number, from: number, to: number, matched: ReadonlySet<string>): string {
  const { text, words } = analysed;
  let html = '';
  let at = from;
  for (let i = first; i < last; i++) {
    const word = words[i];
    if (matchedTermOf(word, matched) === null) continue;
    html += escapeHtml(text.slice(at, word.start)) + '<mark>' + escapeHtml(text.slice(word.start, word.end)) + '</mark>';
    at = word.end;
  }
  return html + escapeHtml(text.slice(at, to));
}

/**
 * The window of about `words` words holding the most distinct matched terms,
 * cut at whole words, with ellipses where the text goes on, as HTML.
 * @example buildSnippet(sectionText, new Set(['counterfactu']), analyzer) // '…the <mark>counterfactual</mark> (“what if…'
 */
export function buildSnippet(
  text: string,
  matched: ReadonlySet<string>,
  a: Analyzer,
  options: { words?: number; truncated?: boolean } = {},
): string {
  return snippetOf(analyseText(flattenText(text), a), matched, options);
}

/** `buildSnippet` over a text already flattened (`flattenText`) and analysed. */
export function snippetOf(flat: AnalysedText, matched: ReadonlySet<string>, options: { words?: number; truncated?: boolean } = {}): string {
  const size = options.words ?? SNIPPET_WORDS;
  const { words, text } = flat;
  if (words.length === 0) return escapeHtml(text);
  const terms = words.map((word) => matchedTermOf(word, matched));
  const start = bestWindowStart(terms, size);
  const end = Math.min(words.length, start + size) - 1;
  // Keep the punctuation that closes the last word ("(DPA).") but not the next word.
  const from = start === 0 ? 0 : words[start].start;
  const to = end === words.length - 1 ? text.length : words[end].end;
  const before = start > 0 ? '…' : '';
  const after = end < words.length - 1 || options.truncated ? '…' : '';
  return before + renderRange(flat, start, end + 1, from, to, matched).trimEnd() + after;
}

/**
 * Start of the window with the most distinct matched terms (then the most
 * matches); earliest wins ties. One pass, sliding the window a word at a time.
 */
function bestWindowStart(terms: Array<string | null>, size: number): number {
  if (terms.length <= size) return 0;
  const counts = new Map<string, number>();
  let matches = 0;
  const add = (term: string | null, by: number) => {
    if (term === null) return;
    const count = (counts.get(term) ?? 0) + by;
    if (count === 0) counts.delete(term);
    else counts.set(term, count);
    matches += by;
  };
  for (let i = 0; i < size; i++) add(terms[i], 1);
  let best = 0;
  let bestScore = counts.size * 1000 + matches;
  for (let start = 1; start + size <= terms.length; start++) {
    add(terms[start - 1], -1);
    add(terms[start + size - 1], 1);
    // Distinct terms first, then how many matches in all.
    const score = counts.size * 1000 + matches;
    if (score > bestScore) {
      best = start;
      bestScore = score;
    }
  }
  // Begin a few words before the first match so it reads in context.
  let firstMatch = -1;
  for (let i = best; i < best + size; i++) {
    if (terms[i] !== null) {
      firstMatch = i - best;
      break;
    }
  }
  const lead = Math.min(3, firstMatch < 0 ? 0 : firstMatch);
  return Math.max(0, Math.min(best + firstMatch - lead, terms.length - size));
}

/**
 * The distinct words of a text that matched, as written there (folded to
 * lower case, without a possessive 's), so a client can highlight them itself.
 * @example matchedWords('Integrated planning; integration.', new Set(['integr']), analyzer) // ['integrated', 'integration']
 */
export function matchedWords(text: string, matched: ReadonlySet<string>, a: Analyzer): string[] {
  return matchedWordsOf([analyseText(text, a)], matched);
}

/** `matchedWords` over texts already analysed, in order, without repeats. */
export function matchedWordsOf(texts: AnalysedText[], matched: ReadonlySet<string>): string[] {
  const words = new Set<string>();
  for (const text of texts) {
    for (const word of text.words) if (matchedTermOf(word, matched) !== null) words.add(word.folded);
  }
  return [...words];
}
