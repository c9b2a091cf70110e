/**
 * Reads a text copy of a JSTOR table-of-contents page: the header, the
 * numbered segments with their page ranges, and the excerpt paragraphs.
 */
import { readFileSync } from 'node:fs';
import { BIDI_CONTROLS, MAX_CONTENTS_PAGE_BYTES, MAX_EXCERPT_LENGTH, MAX_SECTIONS, MAX_TITLE_LENGTH, tooLarge } from './limits';

const BIDI_CONTROLS_ALL = new RegExp(BIDI_CONTROLS.source, 'g');
import { cleanParagraph } from './clean-text';
import type { DocumentPart, ReadResult } from './document';
import { parsePageRange } from '../../src/core/page-ranges';
import type { PageRange } from '../../src/core/types';

/** A problem in a source file, at a 1-based line. */
export interface SourceError {
  line: number;
  message: string;
}

/** One numbered segment as the page lists it. */
export interface TocSegment {
  number: number;
  line: number;
  pages: PageRange | null;
  paragraphs: string[];
  truncated: boolean;
}

/** What a JSTOR table-of-contents page says. */
export interface TocPage {
  type: string;
  title: string;
  copyrightDate: string | null;
  pageCount: number | null;
  segments: TocSegment[];
}

export type TocParseResult = { ok: true; page: TocPage } | { ok: false, errors: SourceError[] };

// Site navigation and menus copied along with the page; never content.
const PAGE_CHROME = [/^Skip to Main Content$/, /^Have library access\?/, /^Export Selected Citations\b/];
const TOC_HEADING = /^Table of Contents$/;
const ENTRY = /^\s*(\d+)\.\s+\(pp\.\s*([^)]*)\)\s*$/;
// Anything that starts like an entry: a number with a dot, or a number before "(pp.".
const ENTRY_LIKE = /^\s*\d+(\.\s|\.?\s*\(pp?\.)/;
const HEADER_FIELD = /^([A-Z][A-Za-z ]{0,40}):\s*(.*)$/;
// Fields JSTOR prints under the title: seeing one where the title belongs means the title is missing.
const KNOWN_HEADER_FIELDS = new Set(['Copyright Date', 'Pages', 'Published by', 'Stable URL']);

/**
 * Parses the page, reporting every malformed line rather than the first.
 * @example parseJstorToc(text) // { ok: true, page: { title: 'Driving the System Apart?: …', segments: [10 items] } }
 */
export function parseJstorToc(source: string): TocParseResult {
  // Bidirectional controls would make a title or excerpt read otherwise than written: dropped (metadata refuses them).
  const lines = source.replace(/^\uFEFF/, '').replace(BIDI_CONTROLS_ALL, '').split(/\r?\n/);
  const errors: SourceError[] = [];
  const header: string[] = [];
  const fields = new Map<string, { value: string; line: number }>();
  const segments: TocSegment[] = [];
  let tocLine = 0;
  let lastNumber = 0;
  let paragraph: string[] = [];
  let paragraphLine = 0;

  const endParagraph = () => {
    const current = segments[segments.length - 1];
    if (current && paragraph.length > 0) {
      const cleaned = cleanParagraph(paragraph.join(' '));
      if (cleaned.text.length > MAX_EXCERPT_LENGTH) errors.push({ line: paragraphLine, message: `an excerpt of ${cleaned.text.length} characters is too long (at most ${MAX_EXCERPT_LENGTH})` });
      if (cleaned.text !== '') current.paragraphs.push(cleaned.text);
      // Only a cut in the last paragraph matters; an earlier one would be a source error we tolerate.
      current.truncated = cleaned.truncated;
    }
    paragraph = [];
  };

  lines.forEach((text, index) => {
    const line = index + 1;
    const trimmed = text.trim();
    if (trimmed === '') return endParagraph();
    if (PAGE_CHROME.some((pattern) => pattern.test(trimmed))) return;
    if (tocLine === 0) {
      if (TOC_HEADING.test(trimmed)) tocLine = line;
      else readHeaderLine(trimmed, line, header, fields, errors);
      return;
    }
    const entry = ENTRY.exec(text);
    if (entry) {
      endParagraph();
      const segment = readEntry(entry, line, lastNumber + 1, errors);
      // A rejected entry still counts, so the next one is not blamed for it.
      lastNumber = Number(entry[1]);
      if (segment && segments.length === MAX_SECTIONS) errors.push({ line, message: `segment ${segment.number} is one too many: a report has at most ${MAX_SECTIONS} sections` });
      else if (segment) segments.push(segment);
      return;
    }
    if (ENTRY_LIKE.test(text) && paragraph.length === 0) {
      errors.push({ line, message: `"${trimmed}" looks like a contents entry but is not "N. (pp. FIRST-LAST)"` });
      return;
    }
    if (segments.length === 0) {
      errors.push({ line, message: `text before the first contents entry: "${trimmed.slice(0, 60)}"` });
      return;
    }
    if (paragraph.length === 0) paragraphLine = line;
    paragraph.push(trimmed);
  });
  endParagraph();

  if (header.length < 2) errors.push({ line: 1, message: 'the header needs a document type line and a title line' });
  const lastLine = lines.reduce((last, text, i) => (text.trim() === '' ? last : i + 1), 1);
  if (tocLine === 0) errors.push({ line: lastLine, message: 'no "Table of Contents" heading' });
  else if (segments.length === 0 && !errors.some((error) => error.line > tocLine)) {
    errors.push({ line: tocLine, message: 'no contents entries like "1. (pp. 1-3)" after the heading' });
  }
  const pageCount = readPageCount(fields.get('Pages'), errors);
  if (errors.length > 0) return { ok: false, errors: errors.sort((a, b) => a.line - b.line) };
  return {
    ok: true,
    page: {
      type: header[0],
      title: header[1],
      copyrightDate: fields.get('Copyright Date')?.value ?? null,
      pageCount,
      segments,
    },
  };
}

function readHeaderLine(
  text: string,
  line: number,
  header: string[],
  fields: Map<string, { value: string; line: number }>,
  errors: SourceError[],
): void {
  const field = HEADER_FIELD.exec(text);
  if (header.length === 1 && field && KNOWN_HEADER_FIELDS.has(field[1])) {
    errors.push({ line, message: `expected the title after the document type "${header[0]}", found "${text.slice(0, 60)}"` });
    header.push('');
    fields.set(field[1], { value: field[2].trim(), line });
    return;
  }
  // The type and title come first; a title may itself contain a colon.
  if (header.length >= 2 && field) fields.set(field[1], { value: field[2].trim(), line });
  else if (header.length < 2) {
    if (text.length > MAX_TITLE_LENGTH) errors.push({ line, message: `a header line of ${text.length} characters is too long for a type or title (at most ${MAX_TITLE_LENGTH})` });
    header.push(text);
  }
  else errors.push({ line, message: `unexpected header line "${text.slice(0, 60)}" (expected "Field: value")` });
}

function readEntry(entry: RegExpExecArray, line: number, expected: number, errors: SourceError[]): TocSegment | null {
  const number = Number(entry[1]);
  if (number !== expected) {
    errors.push({ line, message: `segment ${number} is out of order: expected segment ${expected}` });
    return null;
  }
  const range = parsePageRange(entry[2]);
  if (!range.ok) {
    errors.push({ line, message: `segment ${number}: ${range.reason}` });
    return null;
  }
  return { number, line, pages: range.range, paragraphs: [], truncated: false };
}

function readPageCount(field: { value: string; line: number } | undefined, errors: SourceError[]): number | null {
  if (!field) return null;
  if (/^[1-9][0-9]*$/.test(field.value)) return Number(field.value);
  errors.push({ line: field.line, message: `"Pages: ${field.value}" is not a whole number of pages` });
  return null;
}

/**
 * The JSTOR reader: a contents page (`ID.txt`) as a document part, its
 * segments as the report's sections with their printed ranges and excerpts.
 * @example readJstorPage('index/sources/driving-the-system-apart.txt') // { ok: true, value: { kind: 'jstor', sections: [10 sections], … } }
 */
export function readJstorPage(file: string): ReadResult<DocumentPart> {
  const oversized = tooLarge(file, MAX_CONTENTS_PAGE_BYTES, 'a contents page');
  if (oversized) return { ok: false, problems: [{ file, line: 1, message: oversized }] };
  const parsed = parseJstorToc(readFileSync(file, 'utf8'));
  if (!parsed.ok) return { ok: false, problems: parsed.errors.map((e) => ({ file, line: e.line, message: e.message })) };
  const { type, title, copyrightDate, pageCount, segments } = parsed.page;
  return {
    ok: true,
    value: {
      kind: 'jstor',
      file,
      header: { type, title, copyrightDate, pageCount },
      sections: segments.map((s) => ({ number: s.number, pages: s.pages, paragraphs: s.paragraphs, truncated: s.truncated, title: null, at: { file, line: s.line } })),
      summary: [],
      warnings: [],
    },
  };
}
