/**
 * The build's second stage for each report: its neutral document (what the
 * readers in `scripts/sources/` found) and metadata → the `Report` the
 * catalogue, the index and the citations are made from. Knows no kind of source.
 */
import { formatPageRange } from '../src/core/page-ranges';
import type { Report, Section } from '../src/core/types';
import { openingWords } from './sources/clean-text';
import { outlineTitle, sectionPageTexts } from './section-pages';
import type { DocumentSection, ReportDocument } from './sources/document';

// Enough words to tell excerpts apart in a list, short enough for one line.
const LABEL_OPENING_WORDS = 8;

/**
 * The display label of a section: its pages and, where it has text, its
 * opening words. Used where no title is known, and never as a title.
 * @example sectionLabel(6, pages, ['Over the past two decades, the UN has …'])
 * // 'pp. 4–9: Over the past two decades, the UN has…'
 */
export function sectionLabel(segment: Pick<DocumentSection, 'number' | 'pages' | 'paragraphs'>): string {
  const where = segment.pages ? formatPageRange(segment.pages) : `Section ${segment.number} (no printed page numbers)`;
  if (segment.paragraphs.length === 0) return where;
  const opening = openingWords(segment.paragraphs[0], LABEL_OPENING_WORDS);
  return `${where}: ${opening.words}${opening.cut ? '…' : ''}`;
}

/**
 * Builds one report from its document, with notes for the build summary. A
 * title comes from the metadata file, else from the document itself (a PDF
 * bookmark), else it is unknown: titles are never invented. Where the PDF
 * was read, each section gets its pages' text (`section-pages.ts`).
 */
export function assembleReport(document: ReportDocument): { report: Report; notes: string[] } {
  const known = document.metadata.sections;
  // The document's own title for a section: what its source gave it, else the PDF bookmark that opens it.
  const documentTitle = (section: DocumentSection) => section.title ?? (document.pages ? outlineTitle(section, document.sections, document.pages) : null);
  const titleOf = (section: DocumentSection) => known[String(section.number)]?.title ?? documentTitle(section);
  const split = document.pages ? sectionPageTexts(document.sections, document.pages, titleOf) : null;
  const sections: Section[] = document.sections.map((section) => {
    const title = titleOf(section);
    return {
      number: section.number,
      title,
      citationTitle: known[String(section.number)]?.citationTitle ?? title,
      titleSource: known[String(section.number)] ? 'metadata' : documentTitle(section) !== null ? 'outline' : null,
      label: sectionLabel(section),
      pages: section.pages,
      paragraphs: section.paragraphs,
      truncated: section.truncated,
      fullText: split?.texts.get(section.number) ?? null,
    };
  });
  const report: Report = {
    id: document.id,
    type: document.type,
    title: document.metadata.title ?? document.metadata.csl.title,
    sourceTitle: document.sourceTitle,
    csl: document.metadata.csl,
    pageCount: document.pageCount,
    copyrightDate: document.copyrightDate,
    sections,
    labelsFrom: document.pages?.labels ?? null,
  };
  return { report, notes: split?.notes ?? [] };
}
