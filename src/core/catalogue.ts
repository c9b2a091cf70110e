/**
 * Assembles reports from what the build read: the parsed source page and the
 * metadata beside it. Pure: the build validates both before calling this.
 */
import { openingWords } from './clean-text';
import type { TocPage, TocSegment } from './jstor-toc';
import { formatPageRange } from './page-ranges';
import type { CslReport, Report, Section } from './types';

/** The metadata file beside a source page, once validated. */
export interface ReportMetadata {
  /** The title as the cover prints it (title case), for display; defaults to the CSL title. */
  title?: string;
  /** The report as CSL-JSON; its title in sentence case, as CSL styles expect (APA prints it as stored). */
  csl: CslReport;
  /** Known titles by segment number (as printed, and in sentence case for citations); a segment not listed has no known title. */
  sections: Record<string, { title: string; citationTitle?: string }>;
}

// Enough words to tell excerpts apart in a list, short enough for one line.
const LABEL_OPENING_WORDS = 8;

/**
 * The display label of a section: its pages and, where it has text, its
 * opening words. Used where no title is known, and never as a title.
 * @example sectionLabel(6, pages, ['Over the past two decades, the UN has …'])
 * // 'pp. 4–9: Over the past two decades, the UN has…'
 */
export function sectionLabel(segment: Pick<TocSegment, 'number' | 'pages' | 'paragraphs'>): string {
  const where = segment.pages ? formatPageRange(segment.pages) : `Section ${segment.number} (no printed page numbers)`;
  if (segment.paragraphs.length === 0) return where;
  const opening = openingWords(segment.paragraphs[0], LABEL_OPENING_WORDS);
  return `${where}: ${opening.words}${opening.cut ? '…' : ''}`;
}

/** Builds one report from its id, parsed page and metadata. */
export function assembleReport(id: string, page: TocPage, metadata: ReportMetadata): Report {
  const sections: Section[] = page.segments.map((segment) => ({
    number: segment.number,
    title: metadata.sections[String(segment.number)]?.title ?? null,
    citationTitle: metadata.sections[String(segment.number)]?.citationTitle ?? metadata.sections[String(segment.number)]?.title ?? null,
    label: sectionLabel(segment),
    pages: segment.pages,
    paragraphs: segment.paragraphs,
    truncated: segment.truncated,
  }));
  return {
    id,
    type: page.type,
    title: metadata.title ?? metadata.csl.title,
    sourceTitle: page.title,
    csl: metadata.csl,
    pageCount: page.pageCount,
    copyrightDate: page.copyrightDate,
    sections,
  };
}

/** A section's text as one string, paragraphs separated by a blank line. */
export function sectionText(section: Section): string {
  return section.paragraphs.join('\n\n');
}

/** Looks up a report by id. */
export function findReport(reports: Report[], id: string): Report | undefined {
  return reports.find((report) => report.id === id);
}

/** Looks up a section by number. */
export function findSection(report: Report, number: number): Section | undefined {
  return report.sections.find((section) => section.number === number);
}
