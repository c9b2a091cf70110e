/**
 * What the build prerenders for citations (the third line of each report's file, `src/core/library/report-file.ts`), as
 * the Worker reads it. Every formatted string is rendered once by the build;
 * the Worker looks strings up, fills the placeholders of ./registry.ts and
 * joins them, never running citeproc.
 */
import type { CitationForm, StyleClass } from './registry';

/** An item's records in the machine formats, and how to name its file. */
export interface ItemRecords {
  key: string;
  fileName: string;
  ris: string;
  bibtex: string;
  biblatex: string;
  /** One CSL-JSON object, pretty-printed with two spaces, indented for an array. */
  cslJson: string;
}

/** String-table indices of an entry's text and HTML. */
export type EntryStrings = [text: number, html: number];

/** A style offered by this build. */
export interface StyleInfo {
  name: string;
  title: string;
  /** citation-js, the official styles' npm package and snapshot, or the dropped-in file. */
  source: string;
  styleClass: StyleClass;
  forms: CitationForm[];
  /**
   * Where a section's pages go. `citation`: the reference lists the whole
   * work once and the pages go in the in-text citation or note (APA, MLA,
   * Chicago, Harvard). `reference`: each section is an entry of its own,
   * the work followed by the part and its pages (Vancouver).
   */
  pagesIn: 'citation' | 'reference';
  /** Entries and in-text citations are numbered (Vancouver): the number is the item's place in the selection. */
  numbered: boolean;
}

/** The strings of one citation form of one report in one style and locale. */
export interface FormStrings {
  /** Each item ("report", "s5"…) with its own pages. */
  items: Record<string, EntryStrings>;
  /** The report narrowed to one printed page: PLACEHOLDERS.page marks the page. */
  page: EntryStrings;
}

/** One report in one style and locale. */
export type StyledStrings = Partial<Record<CitationForm, FormStrings>>;

/**
 * How a style and locale write an access date: one template per month with
 * `{Y}` and `{D}` for the year and day, derived and checked by the build.
 */
export interface AccessDateFormat {
  months: string[];
  /** Day numbers zero-padded to two digits ("03")? */
  padDay: boolean;
}

/** What a library offers for citing, the same for every report (`data/citation-styles.json`). */
export interface CitationStyles {
  styles: StyleInfo[];
  locales: string[];
  defaultStyle: string;
  defaultLocale: string;
  /** Style → locale → format, for the styles whose entries carry an access date. */
  accessDates: Record<string, Record<string, AccessDateFormat>>;
}

/** One report's prerendered citations (the third line of its report file). */
export interface ReportCitations {
  items: Record<string, ItemRecords>;
  /** Style → locale → form → strings. */
  styled: Record<string, Record<string, StyledStrings>>;
  /** Every formatted string once; the tables above refer to them by index. */
  strings: string[];
}

/** What a citation answer is made from: the library's styles and one or more reports' citations over one string table. */
export interface CitationsFile extends CitationStyles {
  reports: Record<string, Omit<ReportCitations, 'strings'>>;
  strings: string[];
}

/**
 * The citations of one report with the library's styles, as answers read them.
 * @example citationsOf(styles, 'driving-the-system-apart', JSON.parse(citationsJson)).reports['driving-the-system-apart'].items.report.key // 'boutellis2013driving'
 */
export function citationsOf(styles: CitationStyles, report: string, citations: ReportCitations): CitationsFile {
  return { ...styles, reports: { [report]: { items: citations.items, styled: citations.styled } }, strings: citations.strings };
}
