/**
 * What gets cited: the CSL-JSON item for a whole report and for each section,
 * built only from the report's metadata file and the parsed page ranges.
 * A section with a known title is a chapter of the report; a section whose
 * title is unknown is cited as the report with that section's pages.
 */
import { foldText } from '../analyzer';
import type { CslReport, Report, Section } from '../types';

/**
 * A CSL-JSON item as citation-js reads it. Its `id` is its citation key, the
 * same as BibTeX's, since Pandoc and other CSL processors cite by `id`.
 */
export type CslItem = CslReport & { id: string; 'citation-key': string };

/** Which item of a report: the whole report, or a section by number. */
export type ItemRef = 'report' | number;

/** The id of an item within its report's prerendered citations: "report" or "s7". */
export function itemId(ref: ItemRef): string {
  return ref === 'report' ? 'report' : `s${ref}`;
}

// Words skipped when a key or file name takes the title's first word.
const MINOR_TITLE_WORDS = new Set(['a', 'an', 'the', 'on', 'of', 'in', 'and', 'to', 'for']);

function asciiWords(text: string): string[] {
  return foldText(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
}

function firstAuthorName(csl: CslReport): string | null {
  const name = csl.author?.[0] ?? csl.editor?.[0];
  const words = name ? asciiWords(name.family ?? name.literal ?? '') : [];
  return words.length ? words.join('') : null;
}

function issuedYear(csl: CslReport): number | null {
  return csl.issued?.['date-parts'][0]?.[0] ?? null;
}

/**
 * The BibTeX key of the report: author, year, first significant title word.
 * @example reportKey(csl) // 'boutellis2013driving'
 */
export function reportKey(report: Report): string {
  const word = asciiWords(report.csl.title).find((w) => !MINOR_TITLE_WORDS.has(w)) ?? 'report';
  return `${firstAuthorName(report.csl) ?? ''}${issuedYear(report.csl) ?? ''}${word}` || report.id;
}

/** The BibTeX key of an item: the report's, plus the section for sections. */
export function itemKey(report: Report, ref: ItemRef): string {
  return ref === 'report' ? reportKey(report) : `${reportKey(report)}-sec${ref}`;
}

/**
 * A file name a person recognises: author, year, short title, and the pages
 * for a section.
 * @example itemFileName(report, 6) // 'boutellis-2013-driving-the-system-apart-pp-4-9'
 */
export function itemFileName(report: Report, ref: ItemRef): string {
  const head = [firstAuthorName(report.csl), issuedYear(report.csl), report.id].filter((part) => part !== null).join('-');
  if (ref === 'report') return head;
  const section = report.sections.find((s) => s.number === ref)!;
  const where = section.pages ? `pp-${section.pages.first}-${section.pages.last}` : `section-${ref}`;
  return `${head}-${where}`;
}

/** The CSL page value of a section: "3-4", or "26" for a one-page range. */
function cslPage(section: Section): string | undefined {
  if (!section.pages) return undefined;
  return section.pages.first === section.pages.last ? section.pages.first : `${section.pages.first}-${section.pages.last}`;
}

/**
 * The CSL-JSON item for the report or one of its sections.
 * @example cslItem(report, 5) // { type: 'chapter', title: 'Introduction', 'container-title': 'Driving…', page: '3-4', … }
 */
export function cslItem(report: Report, ref: ItemRef): CslItem {
  const { id: _id, ...csl } = report.csl as CslReport & { id?: unknown };
  const key = itemKey(report, ref);
  const base = { ...csl, id: key, 'citation-key': key } as CslItem;
  if (ref === 'report') return base;
  const section = report.sections.find((s) => s.number === ref)!;
  const page = cslPage(section);
  // Total pages describe the whole report, not a part of it.
  const { 'number-of-pages': _pages, ...partOfReport } = base;
  if (section.citationTitle === null) return { ...partOfReport, ...(page ? { page } : {}) } as CslItem;
  // A titled part's short title would be its own: the report's is not (biblatex-chicago and pandoc print a short note from it).
  const { 'title-short': _reportShortTitle, ...chapterFields } = partOfReport;
  return {
    ...chapterFields,
    type: 'chapter',
    title: section.citationTitle,
    'container-title': report.csl.title,
    ...(page ? { page } : {}),
  } as CslItem;
}

/** Every item of a report, the report first, then its sections in order. */
export function reportItems(report: Report): Array<{ ref: ItemRef; item: CslItem }> {
  const refs: ItemRef[] = ['report', ...report.sections.map((s) => s.number)];
  return refs.map((ref) => ({ ref, item: cslItem(report, ref) }));
}
