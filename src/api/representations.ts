/**
 * The JSON shapes of the API: reports, table-of-contents entries and sections,
 * with absolute links so a client never has to build a URL itself.
 */
import { CITATION_FORMATS, CITATION_FORMS, FEATURED_STYLES, type CitationForm, type CitationLocale } from '../core/citations';
import { formatDateParts } from '../core/csl-dates';
import { endNoteLink, refWorksLink } from '../core/reference-managers';
import type { CslName, PageRange, Report, Section } from '../core/types';

/** Stable URL paths: printed in course pages, so they must never change. */
export const apiPaths = {
  reports: () => '/api/reports',
  report: (report: string) => `/api/reports/${encodeURIComponent(report)}`,
  section: (report: string, n: number) => `/api/reports/${encodeURIComponent(report)}/sections/${n}`,
  page: (report: string, page: string) => `/api/reports/${encodeURIComponent(report)}/pages/${encodeURIComponent(page)}`,
  cite: (report: string) => `/api/reports/${encodeURIComponent(report)}/cite`,
  citeSection: (report: string, n: number) => `/api/reports/${encodeURIComponent(report)}/sections/${n}/cite`,
};

/**
 * Ready links to cite an item: a download per format, a formatted reference
 * (APA by default; add style= and locale=), and one-click exports to the
 * reference managers that import by URL.
 */
export function citationLinks(citeUrl: string): Record<string, string> {
  const links: Record<string, string> = Object.fromEntries(CITATION_FORMATS.map(({ name }) => [name, `${citeUrl}?format=${name}`]));
  return { ...links, refworks: refWorksLink(links.ris), endnote: endNoteLink(links.ris) };
}

/**
 * Links that cite one printed page: for each citation form other than the
 * reference, the first featured style that offers it, as formatted text.
 * @example pageCitationLinks(cite, '11', styles) // { 'in-text': '…/cite?format=text&style=apa&form=in-text&page=11', note: '…&style=chicago-notes-bibliography&form=note&page=11', … }
 */
export function pageCitationLinks(citeUrl: string, page: string, styles: Array<{ name: string; forms: CitationForm[] }>): Record<string, string> {
  const links: Record<string, string> = {};
  for (const { name: form } of CITATION_FORMS.filter((f) => f.name !== 'reference')) {
    const style = FEATURED_STYLES.map((f) => styles.find((s) => s.name === f.style)).find((s) => s?.forms.includes(form));
    if (style) links[form] = `${citeUrl}?${new URLSearchParams({ format: 'text', style: style.name, form, page })}`;
  }
  return links;
}

/** Absolute URLs on the origin the request came to. */
export type Linker = (path: string) => string;
export function linkerFor(requestUrl: string): Linker {
  const origin = new URL(requestUrl).origin;
  return (path) => origin + path;
}

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

/** A report's bibliographic data, without its sections. */
export function reportSummary(report: Report, link: Linker) {
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
