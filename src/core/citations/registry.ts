/**
 * The one list of citation formats and forms. The build, the API (routes,
 * validation, OpenAPI, content negotiation, links), the pages and the widget
 * all map over these entries: adding a format or a form is one entry here,
 * plus its writer in the build (scripts/citations/).
 *
 * Pure constants and types, no imports: the widget bundles this file too.
 */

/** A file for a reference manager: one record per item, joined in section order. */
export type MachineFormat = 'ris' | 'bibtex' | 'biblatex' | 'csl-json';
/** A reference formatted in a citation style. */
export type StyledFormat = 'text' | 'html';
export type CitationFormat = MachineFormat | StyledFormat;

export interface FormatEntry {
  name: CitationFormat;
  kind: 'machine' | 'styled';
  /** Media type, without charset. */
  mediaType: string;
  /** File extension, without the dot. */
  extension: string;
  /** What a reader is shown on a download link or an export choice. */
  label: string;
  /** Short name for tight spaces (the widget's menu). */
  shortLabel: string;
  /** Offered by content negotiation on the report and section URLs. */
  negotiable: boolean;
  /** Listed as `<link rel="alternate">` on the pages. */
  alternate: boolean;
}

/** Every citation format, in the order pages and links list them. */
export const CITATION_FORMATS: readonly FormatEntry[] = [
  { name: 'ris', kind: 'machine', mediaType: 'application/x-research-info-systems', extension: 'ris', label: 'RIS (EndNote, Zotero, Mendeley, EasyBib, NoodleTools)', shortLabel: 'RIS', negotiable: true, alternate: true },
  { name: 'bibtex', kind: 'machine', mediaType: 'application/x-bibtex', extension: 'bib', label: 'BibTeX', shortLabel: 'BibTeX', negotiable: true, alternate: true },
  // Same media type as BibTeX: negotiation answers BibTeX, the older and more widely read of the two.
  { name: 'biblatex', kind: 'machine', mediaType: 'application/x-bibtex', extension: 'bib', label: 'BibLaTeX', shortLabel: 'BibLaTeX', negotiable: false, alternate: false },
  { name: 'csl-json', kind: 'machine', mediaType: 'application/vnd.citationstyles.csl+json', extension: 'json', label: 'CSL-JSON', shortLabel: 'CSL-JSON', negotiable: true, alternate: true },
  { name: 'text', kind: 'styled', mediaType: 'text/plain', extension: 'txt', label: 'Formatted text', shortLabel: 'Text', negotiable: false, alternate: false },
  { name: 'html', kind: 'styled', mediaType: 'text/html', extension: 'html', label: 'Formatted HTML', shortLabel: 'HTML', negotiable: false, alternate: false },
];

export const FORMAT_NAMES = CITATION_FORMATS.map((f) => f.name) as [CitationFormat, ...CitationFormat[]];
export const MACHINE_FORMATS = CITATION_FORMATS.filter((f) => f.kind === 'machine');

/** The entry of a format name, or undefined (never a prototype member). */
export function formatEntry(name: string): FormatEntry | undefined {
  return CITATION_FORMATS.find((f) => f.name === name);
}

/**
 * The media type that asks for a formatted reference by negotiation, as DOI
 * resolvers use it (`Accept: text/x-bibliography; style=apa; locale=en-US`).
 */
export const BIBLIOGRAPHY_MEDIA_TYPE = 'text/x-bibliography';

/** How a style cites: in the text (author-date, numeric) or in notes. */
export type StyleClass = 'in-text' | 'note';

export type CitationForm = 'reference' | 'in-text' | 'note' | 'short-note';

export interface FormEntry {
  name: CitationForm;
  /** Offered by styles of these classes. */
  classes: readonly StyleClass[];
  /** The label on a page or in the widget. */
  label: string;
}

/** Every form of a formatted citation; `reference` first, the default. */
export const CITATION_FORMS: readonly FormEntry[] = [
  { name: 'reference', classes: ['in-text', 'note'], label: 'Reference' },
  { name: 'in-text', classes: ['in-text'], label: 'In-text citation' },
  { name: 'note', classes: ['note'], label: 'Note' },
  { name: 'short-note', classes: ['note'], label: 'Short note' },
];

export const FORM_NAMES = CITATION_FORMS.map((f) => f.name) as [CitationForm, ...CitationForm[]];

/** The forms a style of this class offers, in registry order. */
export function formsOf(styleClass: StyleClass): CitationForm[] {
  return CITATION_FORMS.filter((f) => f.classes.includes(styleClass)).map((f) => f.name);
}

/**
 * The locales the build prerenders, the default first. A configuration list:
 * each one multiplies the citation build for every report of a library.
 * Those citation-js lacks (en-GB) come from the official locales on npm (scripts/citations/official-styles.ts).
 */
export const CITATION_LOCALES = ['en-US', 'en-GB', 'de-DE', 'es-ES', 'fr-FR', 'nl-NL'] as const;
export type CitationLocale = (typeof CITATION_LOCALES)[number];

/** What `/cite` gives without `style` and `locale`. */
export const DEFAULT_STYLE = 'apa';
export const DEFAULT_LOCALE = 'en-US';

/**
 * The styles a reader is offered first on the pages and in the widget (those
 * installed), with their labels and their class (which decides their forms;
 * the build checks it against the style file).
 */
export const FEATURED_STYLES: ReadonlyArray<{ style: string; label: string; styleClass: StyleClass }> = [
  { style: 'apa', label: 'APA', styleClass: 'in-text' },
  { style: 'mla', label: 'MLA', styleClass: 'in-text' },
  { style: 'chicago-author-date', label: 'Chicago', styleClass: 'in-text' },
  { style: 'chicago-notes-bibliography', label: 'Chicago notes', styleClass: 'note' },
];

/**
 * Marks left in prerendered strings for what only the request knows: a
 * number in a selection, a printed page asked for with `page=`, and the
 * access date (the day of the request). Private-use characters, which no
 * metadata or style text contains.
 */
export const PLACEHOLDERS = {
  number: '\uE000n\uE001',
  page: '\uE000p\uE001',
  accessed: '\uE000a\uE001',
} as const;
