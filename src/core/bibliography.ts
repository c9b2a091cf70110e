/**
 * Citations prerendered by the build, and how the Worker answers from them by
 * looking up and joining strings, never running citeproc at request time.
 *
 * A formatted entry depends on the item and on its rank in the selection:
 * APA and Chicago author-date add year suffixes (2013a, 2013b) in bibliography
 * order, Vancouver numbers entries, MLA and Chicago replace a repeated author
 * with dashes after the first entry. With one author per report, the rank is
 * all that varies, so the build renders each item at every rank it can take
 * and checks the joined answer against citation-js for sample selections.
 */

/** Machine-readable formats: one record per item, joined in section order. */
export const MACHINE_FORMATS = ['ris', 'bibtex', 'biblatex', 'csl-json'] as const;
export type MachineFormat = (typeof MACHINE_FORMATS)[number];
/** Formatted references in a citation style. */
export const STYLED_FORMATS = ['text', 'html'] as const;
export type StyledFormat = (typeof STYLED_FORMATS)[number];
export type CitationFormat = MachineFormat | StyledFormat;
export const CITATION_FORMATS: readonly CitationFormat[] = [...MACHINE_FORMATS, ...STYLED_FORMATS];

/** How citation-js wraps an HTML bibliography (checked by the build on every render). */
export const HTML_BIBLIOGRAPHY_OPEN = '<div class="csl-bib-body">\n';
export const HTML_BIBLIOGRAPHY_CLOSE = '</div>';

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

/** One style in one locale for one report. */
export interface StyledBibliography {
  /** Item ids in the order the style sorts its bibliography. */
  order: string[];
  /** Each item alone. */
  solo: Record<string, EntryStrings>;
  /** Each section item at rank 1, 2, … of a selection of two or more. */
  ranked: Record<string, EntryStrings[]>;
}

/** Everything the build prerenders for citations. */
export interface CitationsFile {
  styles: Array<{ name: string; title: string; source: string }>;
  /** Styles asked for but not installed on the build machine, with why. */
  missingStyles: Array<{ name: string; reason: string }>;
  locales: string[];
  defaultStyle: string;
  defaultLocale: string;
  reports: Record<
    string,
    {
      items: Record<string, ItemRecords>;
      bibliographies: Record<string, Record<string, StyledBibliography>>;
    }
  >;
  /** Every formatted entry once; bibliographies refer to them by index. */
  strings: string[];
}

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
 * The bibliography of some items in a style, exactly as citation-js renders
 * that selection: sorted by the style, each entry at its rank.
 * @example assembleBibliography(apa, strings, ['s5', 's7'], 'text') // 'Boutellis, A. (2013a)…\nBoutellis, A. (2013b)…\n'
 */
export function assembleBibliography(bibliography: StyledBibliography, strings: string[], ids: string[], format: StyledFormat): string {
  const chosen = new Set(ids);
  const sorted = bibliography.order.filter((id) => chosen.has(id));
  const column = format === 'text' ? 0 : 1;
  const entries = sorted.map((id, rank) =>
    sorted.length === 1 ? strings[bibliography.solo[id][column]] : strings[bibliography.ranked[id][rank][column]],
  );
  return format === 'text' ? entries.join('') : HTML_BIBLIOGRAPHY_OPEN + entries.join('') + HTML_BIBLIOGRAPHY_CLOSE;
}
