/**
 * What a reference manager's browser connector (Zotero's "Embedded Metadata"
 * translator) reads from the DOM: Highwire `citation_*` meta tags and a COinS
 * span. A section page must read as a book section, the report page as a report.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { origins, useBrowser } from './browser-run';
import { REPORT_PATH, REPORT_TITLE_SENTENCE_CASE, sectionPath } from './harness';

const browser = useBrowser();

/** The page's `citation_*` meta tags, name → contents in document order. */
async function citationMeta(page: Page): Promise<Record<string, string[]>> {
  const pairs = await page.locator('head meta[name^="citation_"]').evaluateAll((tags) => tags.map((tag) => [tag.getAttribute('name')!, tag.getAttribute('content') ?? '']));
  const meta: Record<string, string[]> = {};
  for (const [name, content] of pairs) (meta[name] ??= []).push(content);
  return meta;
}

/** The page's COinS spans, each as its OpenURL key/value pairs. */
async function coins(page: Page): Promise<URLSearchParams[]> {
  const titles = await page.locator('span.Z3988').evaluateAll((spans) => spans.map((span) => span.getAttribute('title') ?? ''));
  return titles.map((title) => new URLSearchParams(title));
}

describe('citation metadata for reference managers', () => {
  it('describes section 5 as a book section: "Introduction", pp. 3–4, in the report', async () => {
    const page = await browser.newPage();
    await page.goto(origins().origin + sectionPath(5));

    const meta = await citationMeta(page);

    expect(meta).toMatchObject({
      citation_title: ['Introduction'],
      citation_author: ['Boutellis, Arthur'],
      citation_inbook_title: [REPORT_TITLE_SENTENCE_CASE],
      citation_publisher: ['International Peace Institute'],
      citation_firstpage: ['3'],
      citation_lastpage: ['4'],
      citation_publication_date: ['2013/08'],
    });
    expect(meta).not.toHaveProperty('citation_technical_report_institution');
    const [span, ...others] = await coins(page);
    expect(others).toEqual([]);
    expect(span.get('ctx_ver')).toBe('Z39.88-2004');
    expect(span.get('rft.genre')).toBe('bookitem');
    expect(span.get('rft.atitle')).toBe('Introduction');
    expect(span.get('rft.btitle')).toBe(REPORT_TITLE_SENTENCE_CASE);
    expect([span.get('rft.spage'), span.get('rft.epage')]).toEqual(['3', '4']);
  });

  it('describes the report page as a technical report of the International Peace Institute', async () => {
    const page = await browser.newPage();
    await page.goto(origins().origin + REPORT_PATH);

    const meta = await citationMeta(page);

    expect(meta).toMatchObject({
      citation_title: [REPORT_TITLE_SENTENCE_CASE],
      citation_author: ['Boutellis, Arthur'],
      citation_technical_report_institution: ['International Peace Institute'],
      citation_publication_date: ['2013/08'],
    });
    expect(meta).not.toHaveProperty('citation_inbook_title');
    expect(meta).not.toHaveProperty('citation_firstpage');
    const [span, ...others] = await coins(page);
    expect(others).toEqual([]);
    expect(span.get('ctx_ver')).toBe('Z39.88-2004');
    expect(span.get('rft.genre')).toBe('report');
    expect(span.get('rft.btitle') ?? span.get('rft.title')).toBe(REPORT_TITLE_SENTENCE_CASE);
  });
});
