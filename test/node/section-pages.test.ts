/**
 * Sharing a report's pages among its sections (scripts/section-pages.ts): a
 * page holding the end of one section and the start of the next is split
 * where the later one begins, found from its excerpt's opening words or its
 * title; failing both, the page goes to both and the build says so.
 */
import { describe, expect, it } from 'vitest';
import { parsePageRange } from '../../src/core/page-ranges';
import { outlineTitle, sectionPageTexts, sectionStart } from '../../scripts/section-pages';
import type { DocumentPages, DocumentSection } from '../../scripts/sources';

function range(label: string) {
  const parsed = parsePageRange(label);
  if (!parsed.ok) throw new Error(label);
  return parsed.range;
}

function section(number: number, pages: string, paragraphs: string[] = []): DocumentSection {
  return { number, pages: range(pages), paragraphs, truncated: false, title: null, at: { file: 'r.txt', line: number } };
}

const PAGES: DocumentPages = {
  file: 'r.pdf',
  labels: 'page-labels',
  outline: [],
  pages: [
    { index: 1, label: null, text: 'Cover' },
    { index: 2, label: '1', text: 'The first section opens here.' },
    { index: 3, label: '2', text: 'The first section ends here.\n\nOver the past two decades, the “UN” has tried integration.' },
    { index: 4, label: '3', text: 'The second section goes on.' },
  ],
};

describe('sectionStart', () => {
  it('finds the excerpt’s opening words across other quotes, spacing and case', () => {
    const text = 'End of one.\n\nOver the past two decades, the “UN” has tried';
    expect(sectionStart(text, { paragraphs: ["over the past two decades, the \"UN\" has tried a lot"] }, null)).toBe(13);
  });

  it('falls back to the title, and gives null when neither is on the page', () => {
    expect(sectionStart('…the end.\n\nConclusion\n\nIn short', { paragraphs: [] }, 'The Conclusion')).toBeNull();
    expect(sectionStart('…the end.\n\nPart Two: Planning\n\nIn short', { paragraphs: [] }, 'Part Two: Planning')).toBe(11);
    expect(sectionStart('nothing like it', { paragraphs: ['Over the past two decades'] }, null)).toBeNull();
  });
});

describe('sectionPageTexts', () => {
  it('splits a shared page where the later section begins and gives each section its printed pages', () => {
    const sections = [section(1, '1-2'), section(2, '2-3', ['Over the past two decades, the UN has tried integration.'])];

    const { texts, notes } = sectionPageTexts(sections, PAGES, () => null);

    expect(texts.get(1)).toEqual([
      { label: '1', text: 'The first section opens here.' },
      { label: '2', text: 'The first section ends here.' },
    ]);
    expect(texts.get(2)).toEqual([
      { label: '2', text: 'Over the past two decades, the “UN” has tried integration.' },
      { label: '3', text: 'The second section goes on.' },
    ]);
    expect(notes).toEqual([]);
  });

  it('gives a shared page whole to both sections when the later one’s start is not on it, and says so', () => {
    const sections = [section(1, '1-2'), section(2, '2-3', ['Words that the page does not print at all.'])];

    const { texts, notes } = sectionPageTexts(sections, PAGES, () => null);

    expect(texts.get(1)?.[1].text).toBe(PAGES.pages[2].text);
    expect(texts.get(2)?.[0].text).toBe(PAGES.pages[2].text);
    expect(notes).toEqual(['r.pdf: page "2" is shared by sections 1 and 2, and where 2 begins was not found on it: the page is given whole to both']);
  });

  it('gives no text to a section without printed pages', () => {
    const sections = [{ ...section(1, '1-1'), pages: null }, section(2, '1-3')];

    const { texts } = sectionPageTexts(sections, PAGES, () => null);

    expect(texts.get(1)).toBeNull();
    expect(texts.get(2)?.map((p) => p.label)).toEqual(['1', '2', '3']);
  });
});

describe('outlineTitle', () => {
  const outlined: DocumentPages = { ...PAGES, outline: [{ title: 'Part Two', page: 3, depth: 0 }, { title: 'A subsection', page: 4, depth: 1 }] };

  it('titles a section by the top-level bookmark that opens its first page, even a page it shares', () => {
    const sections = [section(1, '1-2'), section(2, '2-3')];

    // Section 2 begins on page "2" (PDF page 3), which the bookmark "Part Two" opens.
    expect(outlineTitle(sections[1], sections, outlined)).toBe('Part Two');
    expect(outlineTitle(sections[0], sections, outlined)).toBeNull();
  });

  it('gives no title where two sections begin on the bookmarked page, or only a nested bookmark opens it', () => {
    const twoOnOnePage = [section(1, '2-2'), section(2, '2-3')];
    expect(outlineTitle(twoOnOnePage[1], twoOnOnePage, outlined)).toBeNull();

    const nested = [section(1, '1-2'), section(2, '3-3')];
    expect(outlineTitle(nested[1], nested, outlined)).toBeNull();
  });
});
