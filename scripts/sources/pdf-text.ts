/**
 * A PDF page's text from the positioned pieces pdf.js gives: lines in reading
 * order, running heads and feet set apart (with the page number they print),
 * line-end hyphenation undone, ligatures and soft hyphens normalised. Pure:
 * `pdf.ts` does the reading.
 */
import { romanToNumber } from '../../src/core/page-ranges';

/** A piece of text where the page draws it (pdf.js `TextItem`, reduced). */
export interface PositionedText {
  str: string;
  /** Left edge and baseline, in PDF units (y grows upwards). */
  x: number;
  y: number;
  width: number;
  /** Font size, roughly. */
  height: number;
}

/** One printed line. */
export interface TextLine {
  text: string;
  y: number;
  height: number;
}

/**
 * Groups pieces into lines, top to bottom, each read left to right.
 * @example toLines([{ str: 'b', x: 50, y: 700, width: 5, height: 10 }, { str: 'a', x: 10, y: 700, width: 5, height: 10 }])
 * // [{ text: 'a b', y: 700, height: 10 }]
 */
export function toLines(items: PositionedText[]): TextLine[] {
  const pieces = items.filter((item) => item.str.trim() !== '').sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Array<{ y: number; height: number; pieces: PositionedText[] }> = [];
  for (const piece of pieces) {
    const line = lines[lines.length - 1];
    // Same baseline within a third of the font size: superscripts and mixed sizes stay on their line.
    if (line && Math.abs(line.y - piece.y) <= Math.max(2, piece.height / 3)) line.pieces.push(piece);
    else lines.push({ y: piece.y, height: piece.height, pieces: [piece] });
  }
  return lines.map((line) => {
    const sorted = line.pieces.sort((a, b) => a.x - b.x);
    let text = '';
    let end = -Infinity;
    for (const piece of sorted) {
      // A gap wider than a fifth of the font size is a space the PDF did not write.
      if (text !== '' && !/\s$/.test(text) && !/^\s/.test(piece.str) && piece.x - end > piece.height * 0.2) text += ' ';
      text += piece.str;
      end = piece.x + piece.width;
    }
    return { text: text.replace(/\s+/g, ' ').trim(), y: line.y, height: line.height };
  });
}

const LIGATURES: Record<string, string> = { 'ﬀ': 'ff', 'ﬁ': 'fi', 'ﬂ': 'fl', 'ﬃ': 'ffi', 'ﬄ': 'ffl', 'ﬅ': 'st', 'ﬆ': 'st' };

/**
 * Ligatures spelled out, soft hyphens dropped; other typography (curly quotes, dashes) kept.
 * @example normaliseCharacters('ﬁnancial coordi\u00ADnation') // 'financial coordination'
 */
export function normaliseCharacters(text: string): string {
  return text.replace(/[\uFB00-\uFB06]/g, (ligature) => LIGATURES[ligature] ?? ligature).replace(/\u00AD/g, '');
}

// A word broken at a line end: letters and a hyphen (or a soft hyphen), the next line going on in lower case.
const LINE_END_HYPHEN = /(\p{L})[-\u2010\u00AD]$/u;

// Lines are set about 1.2–1.3 font sizes apart; a wider gap separates paragraphs.
const PARAGRAPH_GAP = 1.6;

/**
 * Joins lines into paragraphs: a gap wider than 1.6 font sizes starts a new one;
 * a word hyphenated at a line end is joined (`Depart-` / `ment` → `Department`).
 * @example joinLines([{ text: 'the Depart-', y: 700, height: 10 }, { text: 'ment of', y: 687, height: 10 }]) // 'the Department of'
 */
export function joinLines(lines: TextLine[]): string {
  const paragraphs: string[] = [];
  let current = '';
  let previous: TextLine | null = null;
  for (const line of lines) {
    const text = line.text;
    if (previous && previous.y - line.y > Math.max(previous.height, line.height) * PARAGRAPH_GAP) {
      paragraphs.push(normaliseCharacters(current));
      current = '';
    }
    if (current === '') current = text;
    else if (LINE_END_HYPHEN.test(current) && /^\p{Ll}/u.test(text)) current = current.slice(0, -1) + text;
    else current += ` ${text}`;
    previous = line;
  }
  if (current !== '') paragraphs.push(normaliseCharacters(current));
  return paragraphs.join('\n\n');
}

/** A page number as printed: its text, numbering and value. */
export interface PrintedNumber {
  text: string;
  numbering: 'roman' | 'arabic';
  value: number;
}

function asNumber(token: string): PrintedNumber | null {
  if (/^[1-9][0-9]{0,4}$/.test(token)) return { text: token, numbering: 'arabic', value: Number(token) };
  const roman = romanToNumber(token);
  return roman === null ? null : { text: token.toLowerCase(), numbering: 'roman', value: roman };
}

/**
 * The page number a running head or foot prints, at its start or its end.
 * @example printedNumber('Arthur Boutellis 11') // { text: '11', numbering: 'arabic', value: 11 }
 */
export function printedNumber(line: string): PrintedNumber | null {
  const words = line.split(' ');
  return asNumber(words[words.length - 1]) ?? (words.length > 1 ? asNumber(words[0]) : null);
}

/** A margin line with its numbers blanked, so "Boutellis 11" and "Boutellis 13" compare equal. */
function shapeOf(line: string): string {
  return line
    .toLowerCase()
    .split(' ')
    .map((word) => (asNumber(word) ? '#' : word))
    .join(' ');
}

/** A page's lines once its running heads and feet are set apart. */
export interface PageLines {
  body: TextLine[];
  /** The running heads and feet removed, top to bottom. */
  margins: string[];
}

// A line that recurs at the top or bottom of this share of pages is a running head or foot.
const RUNNING_SHARE = 0.25;
// Heads and feet are at most this many lines deep (a head and a separate page number).
const MARGIN_DEPTH = 2;

/**
 * Sets apart the running heads and feet of every page: lines at the top or
 * bottom of a page that recur on many pages once numbers are blanked, and
 * lines that are a page number alone.
 */
export function separateMargins(pages: TextLine[][]): PageLines[] {
  const counts = new Map<string, number>();
  const edges = (lines: TextLine[]) => {
    const depth = Math.min(MARGIN_DEPTH, Math.floor(lines.length / 2));
    return new Set([...lines.slice(0, depth), ...lines.slice(lines.length - depth)].map((line) => shapeOf(line.text)));
  };
  for (const lines of pages) for (const shape of edges(lines)) counts.set(shape, (counts.get(shape) ?? 0) + 1);
  const minimum = Math.max(2, Math.ceil(pages.length * RUNNING_SHARE));
  // A head or foot stands apart from the body: a gap wider than a paragraph's (or no neighbour).
  const apart = (line: TextLine, neighbour: TextLine | undefined) =>
    !neighbour || Math.abs(line.y - neighbour.y) > Math.max(line.height, neighbour.height) * PARAGRAPH_GAP;
  const running = (line: TextLine, neighbour: TextLine | undefined) => {
    const shape = shapeOf(line.text);
    return apart(line, neighbour) && (shape === '#' || (counts.get(shape) ?? 0) >= minimum);
  };
  return pages.map((lines) => {
    let top = 0;
    let bottom = lines.length;
    while (top < Math.min(MARGIN_DEPTH, bottom) && running(lines[top], lines[top + 1])) top++;
    while (bottom > top && lines.length - bottom < MARGIN_DEPTH && running(lines[bottom - 1], lines[bottom - 2])) bottom--;
    return { body: lines.slice(top, bottom), margins: [...lines.slice(0, top), ...lines.slice(bottom)].map((line) => line.text) };
  });
}
