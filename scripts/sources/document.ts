/**
 * The neutral record of the build's first stage, as Pagefind's fossicker
 * makes one `FossickedData` of every kind of input: each reader in this
 * folder turns one source file into a {@link DocumentPart}, the parts of a
 * report are combined into one {@link ReportDocument}, and the rest of the
 * build (`scripts/assemble-report.ts`, the index, the citations) reads only
 * that. No JSTOR or PDF shape goes past this file.
 */
import type { CslReport, LabelSource, PageRange } from '../../src/core/types';

/** One problem in a source file: a line of a text file, or the page (1-based) of a PDF. */
export interface SourceProblem {
  file: string;
  line: number;
  message: string;
}

/** @example formatProblem({ file: 'x.txt', line: 4, message: 'bad' }) // 'x.txt:4: bad' */
export function formatProblem(problem: SourceProblem): string {
  return `${problem.file}:${problem.line}: ${problem.message}`;
}

/** A reader's answer: what the file says, or every problem found in it. */
export type ReadResult<T> = { ok: true; value: T } | { ok: false; problems: SourceProblem[] };

/** The metadata file beside a report's sources, once validated. */
export interface ReportMetadata {
  /** The title as the cover prints it (title case), for display; defaults to the CSL title. */
  title?: string;
  /** The report as CSL-JSON; its title in sentence case, as CSL styles expect (APA prints it as stored). */
  csl: CslReport;
  /** Known titles by segment number (as printed, and in sentence case for citations); a segment not listed has no known title. */
  sections: Record<string, { title: string; citationTitle?: string }>;
  /** The report's PDF when it is not `ID.pdf`: a file name in the same folder, possibly shared by reports. */
  pdf?: string;
}

/** One section of a report as a source gives it. */
export interface DocumentSection {
  /** 1-based position in the report's contents. */
  number: number;
  pages: PageRange | null;
  /** Known text, one string per paragraph, typography kept. */
  paragraphs: string[];
  /** The source cut the last paragraph short. */
  truncated: boolean;
  /** A title the document itself prints (a PDF bookmark), or null; the metadata file's titles come later. */
  title: string | null;
  /** Where the source declares the section, for error messages. */
  at: { file: string; line: number };
  /** The PDF pages (1-based) it spans, for a section read from the PDF itself; others are placed by their printed range. */
  pageSpan?: { first: number; last: number };
}

export type { LabelSource };

export const LABEL_SOURCE_NAMES: Record<LabelSource, string> = {
  'page-labels': 'page labels',
  'printed-numbers': 'printed numbers',
  fallback: 'fallback to PDF page numbers',
};

/** One physical page of a document. */
export interface DocumentPage {
  /** 1-based position in the file. */
  index: number;
  /** The printed page number ("iii", "11"), or null for an unnumbered page (a cover). */
  label: string | null;
  /** The page's text without running heads, feet and page numbers; paragraphs separated by a blank line. */
  text: string;
}

/** A bookmark of the document: its title and the page it opens at. */
export interface OutlineEntry {
  title: string;
  /** 1-based page index. */
  page: number;
  /** Nesting depth, 0 for top-level entries. */
  depth: number;
}

/** The document's own pages, as a PDF gives them. */
export interface DocumentPages {
  file: string;
  pages: DocumentPage[];
  labels: LabelSource;
  outline: OutlineEntry[];
}

/** What one source file says about a report: every reader returns one. */
export interface DocumentPart {
  /** The reader's kind, e.g. "jstor" or "pdf". */
  kind: string;
  file: string;
  /** What a catalogue page says about the report as a whole. */
  header?: { type: string; title: string; copyrightDate: string | null; pageCount: number | null };
  /** The contents: sections with their printed ranges and known text. */
  sections?: DocumentSection[];
  /** The pages themselves. */
  pages?: DocumentPages;
  /** Notes for the build summary, e.g. how labels were found. */
  summary: string[];
  /** Things a person should look at that do not stop the build. */
  warnings: string[];
}

/** The one record of a report that the rest of the build consumes. */
export interface ReportDocument {
  id: string;
  metadata: ReportMetadata;
  /** Document type, e.g. "Research Report". */
  type: string;
  /** The title as a catalogue page prints it, or the display title. */
  sourceTitle: string;
  copyrightDate: string | null;
  pageCount: number | null;
  sections: DocumentSection[];
  /** Per-page text and labels where a PDF was read, otherwise null. */
  pages: DocumentPages | null;
  summary: string[];
  warnings: string[];
}
