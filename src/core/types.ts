/**
 * The data model shared by the build (Node) and the Worker: plain data only,
 * so the catalogue can be written as JSON once and read back anywhere.
 */

/** Printed page numbering: front matter in roman numerals, the body in arabic. */
export type Numbering = 'roman' | 'arabic';

/** A printed page range as the source prints it, plus the numbers to search by. */
export interface PageRange {
  /** As printed, e.g. "i-ii" or "4-9". */
  label: string;
  /** First printed page, e.g. "i" or "4". */
  first: string;
  /** Last printed page, e.g. "ii" or "9". */
  last: string;
  numbering: Numbering;
  /** Numeric value of `first` within its numbering (roman "iii" is 3). */
  from: number;
  /** Numeric value of `last` within its numbering. */
  to: number;
}

/** CSL-JSON name, as citation-js and citeproc expect it. */
export interface CslName {
  family?: string;
  given?: string;
  literal?: string;
}

/** The CSL-JSON fields report-edge reads from a report's metadata file. */
export interface CslReport {
  type: string;
  title: string;
  author?: CslName[];
  editor?: CslName[];
  publisher?: string;
  'publisher-place'?: string;
  issued?: { 'date-parts': number[][] };
  'number-of-pages'?: number;
  URL?: string;
  DOI?: string;
  [field: string]: unknown;
}

/** One numbered segment of a report. */
export interface Section {
  /** 1-based position in the table of contents. */
  number: number;
  /** Known title from the metadata file, or null: titles are never invented. */
  title: string | null;
  /** The title as citations take it (CSL stores sentence case), or null with `title`. */
  citationTitle: string | null;
  /** Display label built from the page range and the opening words. */
  label: string;
  pages: PageRange | null;
  /** Cleaned excerpt paragraphs, typography kept for display. */
  paragraphs: string[];
  /** The source cut the last paragraph short ("..." in the copy). */
  truncated: boolean;
  /** Where `title` came from: the metadata file, the PDF's outline (bookmarks), or nowhere (no title is known). */
  titleSource: TitleSource | null;
  /**
   * The section's whole text, printed page by printed page, where the
   * report's PDF was read; null where only the excerpt is known. A page
   * shared with the previous or next section holds only this section's part.
   */
  fullText: PageText[] | null;
}

/** Where a section's title came from. */
export type TitleSource = 'metadata' | 'outline';

/** A section's text on one printed page. */
export interface PageText {
  /** The printed page number, e.g. "11" or "iii". */
  label: string;
  /** Paragraphs separated by a blank line, without running heads, feet and page numbers. */
  text: string;
}

/** One report: its bibliographic data and its sections in order. */
export interface Report {
  /** URL-safe id, the base name of its source file. */
  id: string;
  /** Document type as the source page states it, e.g. "Research Report". */
  type: string;
  /** The title as the report's cover prints it, for display. */
  title: string;
  /** The title as the source page prints it (JSTOR may punctuate it differently). */
  sourceTitle: string;
  csl: CslReport;
  /** Page count as the source page states it, or null. */
  pageCount: number | null;
  /** Copyright date as printed on the source page, or null. */
  copyrightDate: string | null;
  sections: Section[];
  /** How the printed page numbers of its PDF were found, or null where no PDF was read (see `Section.fullText`). */
  labelsFrom: LabelSource | null;
}

import type { RelatedWords } from './search/related-words';

/** How a PDF's printed page labels were found: its own `/PageLabels`, the numbers its heads and feet print, or its page order. */
export type LabelSource = 'page-labels' | 'printed-numbers' | 'fallback';

/** Everything the Worker serves, written by the build as catalogue.json. */
export interface Catalogue {
  reports: Report[];
  /**
   * Index term → the word as most often written in the text, so suggestions
   * and corrections can show "integration" rather than the stem "integr".
   */
  surfaceForms: Record<string, string>;
  /** A reader's word → the index terms it relates to (`search/related-words.ts`); none where the build computed none. */
  relatedWords?: RelatedWords;
}

/** The MiniSearch document for a section. */
export interface SectionDocument {
  id: string;
  report: string;
  number: number;
  title: string;
  /** The printed page range, e.g. "iii-iv", so sections without text are found by page. */
  label: string;
  text: string;
}
