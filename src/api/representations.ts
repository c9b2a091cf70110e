/**
 * The JSON shapes of the API: reports, table-of-contents entries and sections,
 * with absolute links so a client never has to build a URL itself.
 */
import type { CitationForm, CitationLocale } from '../core/citations';
import { formatDateParts } from '../core/csl-dates';
import type { ShelfEntry } from '../core/library';
import type { CslName, PageRange, Report, Section } from '../core/types';
import { citationLinks, type Linker } from '../requests/links';
import { apiPaths } from '../requests/paths';

export { apiPaths } from '../requests/paths';
export { citationLinks, linkerFor, pageCitationLinks, type Linker } from '../requests/links';

function displayName(name: CslName): string {
  return name.literal ?? [name.given, name.family].filter(Boolean).join(' ');
}

function isoDate(parts: number[] | undefined): string | null {
  return parts && parts.length > 0 ? formatDateParts(parts, '-') : null;
}

/** A page range as the API shows it. */
export function pagesOf(range: PageRange | null) {
  return range && { label: range.label, first: range.first, last: range.last, numbering: range.numbering };
}

/** A report's bibliographic data, without its sections: from the report, or from its entry in the shelf list. */
export function reportSummary(report: Pick<ShelfEntry, 'id' | 'type' | 'title' | 'sourceTitle' | 'csl' | 'pageCount'>, link: Linker) {
  const csl = report.csl;
  return {
    id: report.id,
    type: report.type,
    title: report.title,
    sourceTitle: report.sourceTitle,
    authors: (csl.author ?? []).map(displayName),
    publisher: csl.publisher ?? null,
    place: csl['publisher-place'] ?? null,
    issued: isoDate(csl.issued?.['date-parts'][0]),
    pages: csl['number-of-pages'] ?? report.pageCount,
    url: csl.URL ?? null,
    csl,
    links: { self: link(apiPaths.report(report.id)) },
    cite: citationLinks(link(apiPaths.cite(report.id))),
  };
}

/** One line of the table of contents. */
export function tocEntry(report: Report, section: Section, link: Linker) {
  return {
    number: section.number,
    title: section.title,
    titleSource: section.titleSource,
    label: section.label,
    pages: pagesOf(section.pages),
    hasText: section.paragraphs.length > 0 || section.fullText !== null,
    hasFullText: section.fullText !== null,
    links: { self: link(apiPaths.section(report.id, section.number)) },
    cite: citationLinks(link(apiPaths.citeSection(report.id, section.number))),
  };
}

/** What this deployment offers for citing: styles with their forms, locales, and the defaults. */
export interface CitationChoices {
  styles: Array<{ name: string; title: string; forms: CitationForm[] }>;
  locales: CitationLocale[];
  defaultStyle: string;
  defaultLocale: string;
}

/** A report with its table of contents and the citation styles and locales offered. */
export function reportWithContents(report: Report, link: Linker, citations: CitationChoices) {
  return { ...reportSummary(report, link), sections: report.sections.map((s) => tocEntry(report, s, link)), citations };
}

/** One section in full, with its neighbours. */
export function sectionInFull(report: Report, section: Section, link: Linker) {
  const index = report.sections.indexOf(section);
  const prev = report.sections[index - 1]?.number ?? null;
  const next = report.sections[index + 1]?.number ?? null;
  const entry = tocEntry(report, section, link);
  return {
    report: report.id,
    ...entry,
    paragraphs: section.paragraphs,
    truncated: section.truncated,
    fullText: section.fullText?.map(({ label, text }) => ({ page: label, text })) ?? null,
    prev,
    next,
    links: {
      ...entry.links,
      report: link(apiPaths.report(report.id)),
      ...(prev !== null ? { prev: link(apiPaths.section(report.id, prev)) } : {}),
      ...(next !== null ? { next: link(apiPaths.section(report.id, next)) } : {}),
    },
  };
}
