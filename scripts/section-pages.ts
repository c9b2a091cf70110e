/**
 * A report's pages shared out among its sections: each section gets the text
 * of its printed pages, and a page that holds the end of one section and the
 * start of the next is split where the later one begins. Build-only; the
 * Worker reads the result (`Section.fullText`).
 *
 * Where a section begins on a shared page is found from what the sources say
 * of it: the opening words of its JSTOR excerpt, else its title (the metadata
 * file's or the PDF outline's, which a report prints as its heading). Found
 * neither, the page goes whole to both sections and the build says so.
 */
import { parsePrintedPage } from '../src/core/page-ranges';
import type { PageText } from '../src/core/types';
import type { DocumentPage, DocumentPages, DocumentSection } from './sources';

/** Words of an excerpt's opening matched on the page: enough to be unique, few enough to survive a line break or a footnote mark. */
const OPENING_WORDS = 8;
/** Fewer words than this prove nothing ("The"). */
const FEWEST_WORDS = 3;

/** The PDF pages (1-based, first and last) a section spans, by its printed range or, for a section read from the PDF, as it was read. */
export function spanOf(section: DocumentSection, pages: DocumentPage[]): { first: number; last: number } | null {
  if (section.pageSpan) return section.pageSpan;
  const range = section.pages;
  if (!range) return null;
  const at = (value: number) =>
    pages.find((page) => {
      const printed = page.label === null ? null : parsePrintedPage(page.label);
      return printed !== null && printed.numbering === range.numbering && printed.value === value;
    })?.index ?? null;
  const first = at(range.from);
  const last = at(range.to);
  return first !== null && last !== null && last >= first ? { first, last } : null;
}

/** A pattern for words as the page prints them: any punctuation, spacing or case between and around them. */
function wordsPattern(text: string, most: number): RegExp | null {
  const words = (text.match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, most);
  if (words.length < FEWEST_WORDS) return null;
  return new RegExp(words.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[^\\p{L}\\p{N}]+'), 'iu');
}

/**
 * Where on a page's text a section begins: the offset of its excerpt's
 * opening words, else of its title; null when neither is on the page.
 * @example sectionStart('…end of five.\n\nOver the past two decades, the UN…', { paragraphs: ['Over the past two decades, the UN has…'] }, null) // 15
 */
export function sectionStart(pageText: string, section: Pick<DocumentSection, 'paragraphs'>, title: string | null): number | null {
  for (const pattern of [wordsPattern(section.paragraphs[0] ?? '', OPENING_WORDS), wordsPattern(title ?? '', OPENING_WORDS)]) {
    const match = pattern?.exec(pageText);
    if (match) return match.index;
  }
  return null;
}

/**
 * The title the PDF's outline gives a section: the top-level bookmark that
 * opens the section's first page, when no other section starts on that page
 * (a bookmark on a shared page belongs to the section that begins there, but
 * two sections starting on one page leave it unclear). Null otherwise.
 * @example outlineTitle(sections[6], sections, pages) // 'Part Two' (section 7 begins on page 9, bookmarked "Part Two")
 */
export function outlineTitle(section: DocumentSection, sections: DocumentSection[], document: DocumentPages): string | null {
  const first = spanOf(section, document.pages)?.first;
  if (first === undefined) return null;
  const startingThere = sections.filter((other) => spanOf(other, document.pages)?.first === first);
  if (startingThere.length !== 1) return null;
  return document.outline.find((entry) => entry.depth === 0 && entry.page === first)?.title ?? null;
}

/**
 * Each section's text by printed page, or null for a section whose pages are
 * not known (no printed range, or only unnumbered pages); with a note for
 * every shared page that could not be split.
 * @example sectionPageTexts(sections, pages, titles).texts.get(6)?.[0] // { label: '4', text: 'Over the past two decades…' }
 */
export function sectionPageTexts(
  sections: DocumentSection[],
  document: DocumentPages,
  titleOf: (section: DocumentSection) => string | null,
): { texts: Map<number, PageText[] | null>; notes: string[] } {
  const notes: string[] = [];
  const parts = sections.map((section) => {
    const span = spanOf(section, document.pages);
    if (!span) return null;
    return document.pages
      .slice(span.first - 1, span.last)
      .filter((page): page is DocumentPage & { label: string } => page.label !== null)
      .map((page) => ({ index: page.index, label: page.label, text: page.text }));
  });
  for (let i = 1; i < sections.length; i++) {
    const before = parts[i - 1];
    const after = parts[i];
    const shared = before?.at(-1);
    const start = after?.[0];
    if (!before || !after || !shared || !start || shared.index !== start.index) continue;
    const at = sectionStart(start.text, sections[i], titleOf(sections[i]));
    if (at === null) {
      notes.push(`${document.file}: page "${start.label}" is shared by sections ${sections[i - 1].number} and ${sections[i].number}, and where ${sections[i].number} begins was not found on it: the page is given whole to both`);
      continue;
    }
    shared.text = start.text.slice(0, at).trim();
    after[0] = { ...start, text: start.text.slice(at).trim() };
  }
  const texts = new Map<number, PageText[] | null>();
  sections.forEach((section, i) => {
    const own = (parts[i] ?? []).filter((page) => page.text !== '').map(({ label, text }) => ({ label, text }));
    texts.set(section.number, own.length > 0 ? own : null);
  });
  return { texts, notes };
}
