/**
 * The answer to a citation request, from prerendered strings: body, media
 * type and file name. Pure: the route has already validated the request
 * (the style offers the form, the page lies within the items).
 */
import type { AccessDateFormat, CitationsFile, ItemRecords } from './file';
import { formatEntry, PLACEHOLDERS, type CitationForm, type CitationFormat, type MachineFormat } from './registry';

/** What a citation request asks for, once validated. */
export interface CitationRequest {
  report: string;
  /** Item ids ("report", "s5", …), in section order. */
  items: string[];
  format: CitationFormat;
  style: string;
  locale: string;
  /** For text and html; `reference` when not asked. */
  form?: CitationForm;
  /** A printed page (`page=`), already checked to lie within the items. */
  page?: string | null;
  /** The day of the request, for access dates. */
  today?: Date;
}

export interface CitationAnswer {
  body: string;
  /** Media type without charset. */
  mediaType: string;
  /** File name with extension, for Content-Disposition. */
  fileName: string;
  /** The body carries today's date: cache it for today only. */
  dated: boolean;
}

/** How citation-js wraps an HTML bibliography. */
export const HTML_BIBLIOGRAPHY_OPEN = '<div class="csl-bib-body">\n';
export const HTML_BIBLIOGRAPHY_CLOSE = '</div>';

// Beyond this many, a file name lists a count instead of every section.
const SECTIONS_NAMED_IN_FILE_NAME = 6;

/**
 * Joins the machine-format records of some items into one file.
 * @example joinRecords([report, section5], 'ris') // two TY…ER records
 */
export function joinRecords(items: ItemRecords[], format: MachineFormat): string {
  switch (format) {
    case 'ris':
      return items.map((item) => item.ris).join('\r\n');
    case 'bibtex':
      return items.map((item) => item.bibtex).join('\n');
    case 'biblatex':
      return items.map((item) => item.biblatex).join('\n');
    case 'csl-json':
      return `[\n${items.map((item) => item.cslJson).join(',\n')}\n]\n`;
  }
}

/**
 * An access date as a style and locale write it.
 * @example formatAccessDate({ months: ['{D} January {Y}', …], padDay: false }, new Date('2026-01-05')) // '5 January 2026'
 */
export function formatAccessDate(format: AccessDateFormat, today: Date): string {
  const day = String(today.getUTCDate());
  return format.months[today.getUTCMonth()].replace('{Y}', String(today.getUTCFullYear())).replace('{D}', format.padDay ? day.padStart(2, '0') : day);
}

/** Replaces the placeholders of a prerendered string. */
function fill(text: string, values: { number: number; page: string; accessed: () => string }): string {
  return text
    .replaceAll(PLACEHOLDERS.number, String(values.number))
    .replaceAll(PLACEHOLDERS.page, values.page)
    .replaceAll(PLACEHOLDERS.accessed, values.accessed);
}

/**
 * The formatted body: the entries of a reference list, or one citation per
 * item in section order. Where a style puts pages in the citation, the
 * reference lists the whole report once, whatever the selection.
 */
function styledBody(file: CitationsFile, request: CitationRequest, format: 'text' | 'html'): { body: string; dated: boolean } {
  const style = file.styles.find((s) => s.name === request.style)!;
  const form = request.form ?? 'reference';
  const strings = file.reports[request.report].styled[style.name][request.locale][form]!;
  const listsWorkOnce = form === 'reference' && style.pagesIn === 'citation';
  const ids = listsWorkOnce ? ['report'] : request.items;
  const page = listsWorkOnce ? null : (request.page ?? null);
  const column = format === 'text' ? 0 : 1;
  let dated = false;
  const accessed = () => {
    dated = true;
    return formatAccessDate(file.accessDates[style.name][request.locale], request.today ?? new Date());
  };
  // CMOS 17 §14.29, 18 §13.32: after a first note, a note to the same work is the short note.
  const later = form === 'note' ? file.reports[request.report].styled[style.name][request.locale]['short-note'] : undefined;
  const entries = ids.map((id, rank) => {
    const source = rank > 0 && later ? later : strings;
    return fill(file.strings[(page !== null ? source.page : source.items[id])[column]], { number: rank + 1, page: page ?? '', accessed });
  });
  if (form === 'reference') {
    return { body: format === 'text' ? entries.join('') : HTML_BIBLIOGRAPHY_OPEN + entries.join('') + HTML_BIBLIOGRAPHY_CLOSE, dated };
  }
  const body = format === 'text' ? entries.map((e) => `${e}\n`).join('') : `<div class="csl-citations">\n${entries.map((e) => `  <div class="csl-citation">${e}</div>\n`).join('')}</div>`;
  return { body, dated };
}

function fileStem(file: CitationsFile, request: CitationRequest): string {
  const items = file.reports[request.report].items;
  const head = request.items.length === 1 ? items[request.items[0]].fileName : `${items.report.fileName}-${sectionsPart(request.items)}`;
  return request.page ? `${head}-p-${request.page}` : head;
}

function sectionsPart(ids: string[]): string {
  const numbers = ids.map((id) => id.slice(1));
  return numbers.length <= SECTIONS_NAMED_IN_FILE_NAME ? `sections-${numbers.join('-')}` : `${numbers.length}-sections`;
}

/**
 * Builds the answer by looking up, filling and joining strings.
 * @example citationAnswer(file, { report: 'driving-the-system-apart', items: ['s7'], format: 'text', style: 'apa', locale: 'en-US', form: 'in-text' })
 * // { body: '(Boutellis, 2013, pp. 9–14)\n', mediaType: 'text/plain', fileName: 'boutellis-2013-driving-the-system-apart-pp-9-14-apa-in-text.txt', dated: false }
 */
export function citationAnswer(file: CitationsFile, request: CitationRequest): CitationAnswer {
  const entry = formatEntry(request.format)!;
  const stem = fileStem(file, request);
  if (entry.kind === 'machine') {
    const body = joinRecords(
      request.items.map((id) => file.reports[request.report].items[id]),
      request.format as MachineFormat,
    );
    const suffix = request.format === 'biblatex' ? '-biblatex' : '';
    return { body, mediaType: entry.mediaType, fileName: `${stem}${suffix}.${entry.extension}`, dated: false };
  }
  const form = request.form ?? 'reference';
  const { body, dated } = styledBody(file, request, request.format as 'text' | 'html');
  const suffix = `-${request.style}${form === 'reference' ? '' : `-${form}`}`;
  return { body, mediaType: entry.mediaType, fileName: `${stem}${suffix}.${entry.extension}`, dated };
}
