import { describe, expect, it } from 'vitest';
import { getJson, ORIGIN, REPORT, REPORT_PATH } from './client';

const sectionPath = (n: number) => `${REPORT_PATH}/sections/${n}`;

describe('GET /api/reports/{report}/sections/{n}', () => {
  it('gives section 7 in full: its paragraphs, which speak of the counterfactual', async () => {
    const section = await getJson(sectionPath(7));

    expect(section).toMatchObject({ report: REPORT, number: 7, title: null, hasText: true });
    expect(section.paragraphs).toHaveLength(1);
    expect(section.paragraphs[0]).toContain('counterfactual (“what if the UN had not planned together?”)');
  });

  it('says that section 7 is only an excerpt, and drops JSTOR’s trailing dots', async () => {
    const section = await getJson(sectionPath(7));

    expect(section.truncated).toBe(true);
    expect(section.paragraphs.at(-1)).toMatch(/electoral assistance may be$/);
  });

  it('points from section 7 to its neighbours 6 and 8', async () => {
    const section = await getJson(sectionPath(7));

    expect(section.prev).toBe(6);
    expect(section.next).toBe(8);
  });

  it('links section 7 to itself, its report and its neighbours with absolute URLs', async () => {
    const section = await getJson(sectionPath(7));

    expect(section.links).toEqual({
      self: `${ORIGIN}${sectionPath(7)}`,
      report: `${ORIGIN}${REPORT_PATH}`,
      prev: `${ORIGIN}${sectionPath(6)}`,
      next: `${ORIGIN}${sectionPath(8)}`,
    });
  });

  it('gives section 1 no previous section and no prev link', async () => {
    const section = await getJson(sectionPath(1));

    expect(section.prev).toBeNull();
    expect(section.next).toBe(2);
    expect(section.links).not.toHaveProperty('prev');
    expect(section.links.next).toBe(`${ORIGIN}${sectionPath(2)}`);
  });

  it('gives section 10 no next section and no next link', async () => {
    const section = await getJson(sectionPath(10));

    expect(section.next).toBeNull();
    expect(section.prev).toBe(9);
    expect(section.links).not.toHaveProperty('next');
    expect(section.links.prev).toBe(`${ORIGIN}${sectionPath(9)}`);
  });

  it('answers a section without text with no paragraphs, not truncated', async () => {
    const section = await getJson(sectionPath(3));

    expect(section).toMatchObject({ number: 3, title: 'Abbreviations', hasText: false, paragraphs: [], truncated: false });
    expect(section.pages).toEqual({ label: 'iii-iv', first: 'iii', last: 'iv', numbering: 'roman' });
  });

  it('joins the line-break hyphenation of section 6: “Department of Political Affairs”', async () => {
    const section = await getJson(sectionPath(6));
    const text = section.paragraphs.join('\n');

    expect(text).toContain('the Department of Political Affairs (DPA) in 1992.');
    expect(text).not.toContain('Depart - ment');
  });

  it('drops the footnote marker “¹” from everything section 5 answers', async () => {
    const section = await getJson(sectionPath(5));

    expect(JSON.stringify(section)).not.toContain('¹');
    expect(section.paragraphs[0]).toContain('postconflict engagement. Over the last two decades');
  });

  it('keeps the same table-of-contents fields as the report lists for each section', async () => {
    const { sections } = await getJson(REPORT_PATH);

    for (const entry of sections) {
      const section = await getJson(sectionPath(entry.number));
      expect(section).toMatchObject({ number: entry.number, title: entry.title, label: entry.label, pages: entry.pages, hasText: entry.hasText });
      expect(section.paragraphs.length > 0).toBe(entry.hasText);
    }
  });
});
