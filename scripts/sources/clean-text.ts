/**
 * Repairs the artefacts of a text copy of a web page, keeping its typography
 * (curly quotes, en dashes) for display; the analyser folds those for search.
 */

/** A paragraph once cleaned, and whether the source cut it short. */
export interface CleanParagraph {
  text: string;
  truncated: boolean;
}

// Superscript digits are footnote markers in these copies ("engagement. ¹ Over").
const FOOTNOTE_MARKER = /\s*[⁰¹²³⁴⁵⁶⁷⁸⁹]+(?=\s|$)/gu;
// A word broken at a line end comes out as "Depart - ment": letters, a spaced
// ASCII hyphen, then lower-case letters. A real dash in prose is an en or em dash.
const LINE_BREAK_HYPHEN = /(\p{L}) - (\p{Ll})/gu;
// JSTOR cuts excerpts with "..." (mid-sentence) or "...." (after a full stop).
const TRUNCATION_MARK = /\s*(\.{3,4}|…)$/u;

/**
 * Cleans one excerpt paragraph.
 * @example cleanParagraph('the Depart - ment of Political Affairs (DPA) in 1992....')
 * // { text: 'the Department of Political Affairs (DPA) in 1992.', truncated: true }
 */
export function cleanParagraph(raw: string): CleanParagraph {
  let text = raw.replace(/\s+/g, ' ').trim();
  text = text.replace(FOOTNOTE_MARKER, '');
  text = text.replace(LINE_BREAK_HYPHEN, '$1$2');
  const mark = TRUNCATION_MARK.exec(text);
  if (!mark) return { text, truncated: false };
  // Four dots are a full stop followed by the ellipsis: keep the full stop.
  const keep = mark[1] === '....' ? '.' : '';
  return { text: text.slice(0, mark.index) + keep, truncated: true };
}

/** The opening words of a text, whole words only, for labels. */
export function openingWords(text: string, maxWords: number): { words: string; cut: boolean } {
  const words = text.split(/\s+/).filter(Boolean);
  const cut = words.length > maxWords;
  return { words: words.slice(0, maxWords).join(' ').replace(/[,;:]$/, ''), cut };
}
