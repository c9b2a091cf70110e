/**
 * Snippets and highlights from the words as written: a word is marked when one
 * of its index terms matched, so "programmes" lights up for a search on "programs".
 */
import { escapeToBuffer } from 'hono/utils/html';
import { foldText, processTerm, wordSpans, wordTokens, type WordSpan } from './analyzer';

/** About two lines of a result list. */
export const SNIPPET_WORDS = 30;

/** HTML-escapes text (Hono's escaper, the one its `html` helper uses). */
export function escapeHtml(text: string): string {
  const buffer: [string] = [''];
  escapeToBuffer(text, buffer);
  return buffer[0];
}

/** The matched term a written word stands for, or null when it did not match. */
function matchedTermOf(span: WordSpan, matched: ReadonlySet<string>): string | null {
  for (const token of wordTokens(span.text)) {
    for (const term of processTerm(token) ?? []) if (matched.has(term)) return term;
  }
  return null;
}

/**
 * Escapes `text` and wraps every word that matched in `<mark>`; nothing else
 * in the result is markup.
 * @example highlightHtml('Programmes & <b>', new Set(['program'])) // '<mark>Programmes</mark> &amp; &lt;b&gt;'
 */
export function highlightHtml(text: string, matched: ReadonlySet<string>): string {
  return renderRange(text, wordSpans(text), 0, text.length, matched);
}

function renderRange(text: string, spans: WordSpan[], from: number, to: number, matched: ReadonlySet<string>): string {
  let html = '';
  let at = from;
  for (const span of spans) {
    if (span.start < from || span.end > to) continue;
    if (matchedTermOf(span, matched) === null) continue;
    html += escapeHtml(text.slice(at, span.start)) + '<mark>' + escapeHtml(span.text) + '</mark>';
    at = span.end;
  }
  return html + escapeHtml(text.slice(at, to));
}

/**
 * The window of about `words` words holding the most distinct matched terms,
 * cut at whole words, with ellipses where the text goes on, as HTML.
 * @example buildSnippet(sectionText, new Set(['counterfactu'])) // '…the <mark>counterfactual</mark> (“what if…'
 */
export function buildSnippet(
  text: string,
  matched: ReadonlySet<string>,
  options: { words?: number; truncated?: boolean } = {},
): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const size = options.words ?? SNIPPET_WORDS;
  const spans = wordSpans(flat);
  if (spans.length === 0) return escapeHtml(flat);
  const terms = spans.map((span) => matchedTermOf(span, matched));
  const start = bestWindowStart(terms, size);
  const end = Math.min(spans.length, start + size) - 1;
  // Keep the punctuation that closes the last word ("(DPA).") but not the next word.
  const from = start === 0 ? 0 : spans[start].start;
  const to = end === spans.length - 1 ? flat.length : spans[end].end;
  const before = start > 0 ? '…' : '';
  const after = end < spans.length - 1 || options.truncated ? '…' : '';
  return before + renderRange(flat, spans, from, to, matched).trimEnd() + after;
}

/** Start of the window with the most distinct matched terms; earliest wins ties. */
function bestWindowStart(terms: Array<string | null>, size: number): number {
  if (terms.length <= size) return 0;
  let best = 0;
  let bestScore = -1;
  for (let start = 0; start + size <= terms.length; start++) {
    const window = terms.slice(start, start + size).filter((t): t is string => t !== null);
    // Distinct terms first, then how many matches in all.
    const score = new Set(window).size * 1000 + window.length;
    if (score > bestScore) {
      best = start;
      bestScore = score;
    }
  }
  // Begin a few words before the first match so it reads in context.
  const firstMatch = terms.slice(best, best + size).findIndex((t) => t !== null);
  const lead = Math.min(3, firstMatch < 0 ? 0 : firstMatch);
  return Math.max(0, Math.min(best + firstMatch - lead, terms.length - size));
}

/**
 * The distinct words of a text that matched, as written there (folded to
 * lower case, without a possessive 's), so a client can highlight them itself.
 * @example matchedWords('Integrated planning; integration.', new Set(['integr'])) // ['integrated', 'integration']
 */
export function matchedWords(text: string, matched: ReadonlySet<string>): string[] {
  const words = wordSpans(text)
    .filter((span) => matchedTermOf(span, matched) !== null)
    .map((span) => foldText(span.text).replace(/'s$/, ''));
  return [...new Set(words)];
}
