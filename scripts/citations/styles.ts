/**
 * The citation styles the build offers, and what each needs beyond its CSL
 * file to follow its manual. Every rule is written beside the style with the
 * manual's section; the README's Cite table says the same for readers.
 *
 * Build-only: the Worker gets the rendered strings, never these recipes.
 */
import type { CslItem } from '../../src/core/citations/items';

/** A style as the build renders it. */
export interface StyleRecipe {
  /** The name the API uses. */
  name: string;
  title: string;
  /** Where its CSL comes from: a citation-js built-in, or a file of Debian's citation-style-language-styles. */
  csl: { builtIn: string } | { debianFile: string } | { file: string };
  /** See StyleInfo.pagesIn in src/core/citations/file.ts. */
  pagesIn: 'citation' | 'reference';
  /** The item as this style must see it (a report cited like a book, say). */
  adaptItem?: (item: CslItem) => CslItem;
  /** Completes a rendered reference entry where the official style falls short. */
  finishReference?: (entry: string, format: 'text' | 'html', item: CslItem) => string;
  /** Adds a section (its title where known, and pages) to the work's reference entry. */
  addPart?: (entry: string, format: 'text' | 'html', part: { title: string | null; pages: string }) => string;
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

/** CMOS 17, chapter 14 (reports and similar documents): a published report is cited like a book, title in italics. */
const reportAsBook = (item: CslItem): CslItem => (item.type === 'report' ? { ...item, type: 'book' } : item);

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

function vancouverPart(entry: string, format: 'text' | 'html', part: { title: string | null; pages: string }): string {
  const title = part.title === null ? '' : `${format === 'html' ? escapeHtml(part.title) : part.title}; `;
  const text = `${title}p. ${citingMedicinePages(part.pages)}.`;
  const available = entry.indexOf(' Available from: ');
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
    csl: { debianFile: 'modern-language-association.csl' },
    pagesIn: 'citation',
    // Reports are cited like books (year of publication only); container 2 is written by finishReference.
    adaptItem: (item) => (item.archive && item.URL ? without(reportAsBook(item), 'URL', 'archive') : reportAsBook(item)),
    finishReference: (entry, format, item) => mlaSecondContainer(entry, format, item),
    rule: 'The report is listed once, like a book, with the database as second container and the URL without https:// (*JSTOR*, www.jstor.org/…) (Handbook ch. 5, containers and location); pages of an authored work go in the in-text citation: (Boutellis 9–14) (ch. 6).',
  },
  {
    name: 'chicago-author-date',
    title: 'Chicago 17th edition (author-date)',
    csl: { debianFile: 'chicago-author-date.csl' },
    pagesIn: 'citation',
    adaptItem: reportAsBook,
    rule: 'The report is cited like a book, title in italics (CMOS 17 ch. 14, reports), listed once in the reference list; pages go in the in-text citation: (Boutellis 2013, 9–14) (ch. 15).',
  },
  {
    name: 'chicago-notes-bibliography',
    title: 'Chicago 17th edition (notes and bibliography)',
    // The full-note variant: a first note in full, later notes shortened (§14.29–14.30).
    csl: { debianFile: 'chicago-fullnote-bibliography.csl' },
    pagesIn: 'citation',
    adaptItem: reportAsBook,
    rule: 'The report is cited like a book, title in italics (CMOS 17 ch. 14, reports), listed once in the bibliography; a section is cited in a note with its pages (§14.22), in full the first time and shortened after: author, short title, pages (§14.29–14.30).',
  },
  {
    name: 'harvard',
    title: 'Harvard (Cite Them Right)',
    csl: { debianFile: 'harvard-cite-them-right.csl' },
    pagesIn: 'citation',
    rule: 'The report is listed once, with "Available at: URL (Accessed: date)" for an online document; pages in the in-text citation: (Boutellis, 2013, pp. 9–14) (Cite Them Right, reports and online documents).',
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

/** The rule for a style dropped into index/styles/ (no recipe: the file is followed as it is). */
export const DROPPED_IN_RULE = 'As the style file says; the report is listed once and pages go in the citation.';
