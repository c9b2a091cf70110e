/**
 * Snippets and highlights from the words as written: a word is marked when one
 * of its index terms matched, so "programmes" lights up for a search on "programs".
 *
 * A text is analysed once (`analyseText`: its words, where they stand, their
 * index terms, and where each term stands); every snippet, highlight and list
 * of matched words after that reads only the places of the matched terms,
 * with no stemming and no pass over the whole text at query time.
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
  /** Index term → the positions (in `words`) of the words that stand for it, ascending. */
  places: Map<string, number[]>;
}

/** A matched word: its position in `words` and the matched term it stands for. */
interface Match {
  at: number;
  term: string;
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
  const places = new Map<string, number[]>();
  words.forEach((word, at) => {
    for (const term of new Set(word.terms)) {
      const list = places.get(term);
      if (list) list.push(at);
      else places.set(term, [at]);
    }
  });
  return { text, words, places };
}

/** The words of an analysed text that matched, in order, each with the first of its terms that matched. */
function matchesIn(analysed: AnalysedText, matched: ReadonlySet<string>): Match[] {
  const positions = new Set<number>();
  for (const term of matched) for (const at of analysed.places.get(term) ?? []) positions.add(at);
  return [...positions]
    .sort((x, y) => x - y)
    .map((at) => ({ at, term: matchedTermOf(analysed.words[at], matched)! }));
}

/**
 * How well a text matched: its distinct matched terms, then its matched words
 * in all. Compare two with `[a, b]` order: more distinct terms first.
 * @example matchStrength(analyseText('integration and integrated plans', analyzer), new Set(['integr', 'plan'])) // [2, 3]
 */
export function matchStrength(analysed: AnalysedText, matched: ReadonlySet<string>): [distinct: number, total: number] {
  let distinct = 0;
  let total = 0;
  for (const term of matched) {
    const places = analysed.places.get(term);
    if (!places) continue;
    distinct++;
    total += places.length;
  }
  return [distinct, total];
}

/**
 * A text as a snippet shows it: runs of white space as one space.
 * @example flattenText(' two\n\nparagraphs ') // 'two paragraphs'
 */
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

/**
 * `highlightHtml` over a text already analysed.
 * @example highlightAnalysed(analyseText('Programmes', analyzer), new Set(['program'])) // '<mark>Programmes</mark>'
 */
export function highlightAnalysed(analysed: AnalysedText, matched: ReadonlySet<string>): string {
  return renderRange(analysed, matchesIn(analysed, matched), 0, analysed.words.length, 0, analysed.text.length);
}

/** HTML for text[from, to), marking the matched words whose positions are in [first, last). */
function renderRange(analysed: AnalysedText, matches: Match[], first: number, last: number, from: number, to: number): string {
  const { text, words } = analysed;
  let html = '';
  let at = from;
  for (const match of matches) {
    if (match.at < first || match.at >= last) continue;
    const word = words[match.at];
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

/**
 * `buildSnippet` over a text already flattened (`flattenText`) and analysed.
 * @example snippetOf(analyseText(flattenText(text), analyzer), new Set(['counterfactu'])) // '…the <mark>counterfactual</mark>…'
 */
export function snippetOf(flat: AnalysedText, matched: ReadonlySet<string>, options: { words?: number; truncated?: boolean } = {}): string {
  const size = options.words ?? SNIPPET_WORDS;
  const { words, text } = flat;
  if (words.length === 0) return escapeHtml(text);
  const matches = matchesIn(flat, matched);
  const start = bestWindowStart(matches, words.length, size);
  const end = Math.min(words.length, start + size) - 1;
  // Keep the punctuation that closes the last word ("(DPA).") but not the next word.
  const from = start === 0 ? 0 : words[start].start;
  const to = end === words.length - 1 ? text.length : words[end].end;
  const before = start > 0 ? '…' : '';
  const after = end < words.length - 1 || options.truncated ? '…' : '';
  return before + renderRange(flat, matches, start, end + 1, from, to).trimEnd() + after;
}

/**
 * Start of the window of `size` words (out of `total`) with the most distinct
 * matched terms, then the most matches; earliest wins ties. A window's score
 * rises only when a match enters it, so the earliest best window starts at 0
 * or just where a match enters: only those starts are scored, sliding over
 * the matches rather than over every word.
 */
function bestWindowStart(matches: Match[], total: number, size: number): number {
  if (total <= size) return 0;
  const lastStart = total - size;
  const starts = [0, ...matches.map((m) => m.at - size + 1).filter((start) => start > 0 && start <= lastStart)];
  const counts = new Map<string, number>();
  let low = 0;
  let high = 0;
  let best = 0;
  let bestScore = -1;
  for (const start of starts) {
    for (; high < matches.length && matches[high].at < start + size; high++) counts.set(matches[high].term, (counts.get(matches[high].term) ?? 0) + 1);
    for (; low < high && matches[low].at < start; low++) {
      const left = counts.get(matches[low].term)! - 1;
      if (left === 0) counts.delete(matches[low].term);
      else counts.set(matches[low].term, left);
    }
    // Distinct terms first, then how many matches in all.
    const score = counts.size * 1000 + (high - low);
    if (score > bestScore) {
      best = start;
      bestScore = score;
    }
  }
  // Begin a few words before the first match so it reads in context.
  const first = matches.find((m) => m.at >= best && m.at < best + size);
  const firstMatch = first ? first.at - best : -1;
  const lead = Math.min(3, firstMatch < 0 ? 0 : firstMatch);
  return Math.max(0, Math.min(best + firstMatch - lead, total - size));
}

/**
 * The distinct words of a text that matched, as written there (folded to
 * lower case, without a possessive 's), so a client can highlight them itself.
 * @example matchedWords('Integrated planning; integration.', new Set(['integr']), analyzer) // ['integrated', 'integration']
 */
export function matchedWords(text: string, matched: ReadonlySet<string>, a: Analyzer): string[] {
  return matchedWordsOf([analyseText(text, a)], matched);
}

/**
 * `matchedWords` over texts already analysed, in order, without repeats.
 * @example matchedWordsOf([analyseText('Integrated planning', analyzer)], new Set(['integr'])) // ['integrated']
 */
export function matchedWordsOf(texts: AnalysedText[], matched: ReadonlySet<string>): string[] {
  const words = new Set<string>();
  for (const text of texts) {
    // Each written form once, at its first place: no need to sort every place of a long text.
    const first = new Map<string, number>();
    for (const term of matched) {
      for (const at of text.places.get(term) ?? []) {
        const folded = text.words[at].folded;
        const known = first.get(folded);
        if (known === undefined || at < known) first.set(folded, at);
      }
    }
    for (const [folded] of [...first].sort((x, y) => x[1] - y[1])) words.add(folded);
  }
  return [...words];
}
