import { describe, expect, it } from 'vitest';
import { getJson, ORIGIN, REPORT, REPORT_PATH } from './client';

/** Section numbers holding a printed page, as the API answers. */
async function sectionsHolding(page: string): Promise<number[]> {
  const body = await getJson(`${REPORT_PATH}/pages/${page}`);
  return body.sections.map((s: { number: number }) => s.number);
}

describe('GET /api/reports/{report}/pages/{page}', () => {
  it('finds the section that holds roman page ii: section 2', async () => {
    expect(await sectionsHolding('ii')).toEqual([2]);
  });

  it('reads roman pages case-insensitively: II is page ii, in section 2', async () => {
    const body = await getJson(`${REPORT_PATH}/pages/II`);

    expect(body.page).toEqual({ label: 'ii', numbering: 'roman' });
    expect(body.sections.map((s: { number: number }) => s.number)).toEqual([2]);
  });

  it('finds roman page iii in section 3, Abbreviations', async () => {
    const body = await getJson(`${REPORT_PATH}/pages/iii`);

    expect(body.sections).toHaveLength(1);
    expect(body.sections[0]).toMatchObject({ number: 3, title: 'Abbreviations' });
  });

  it('finds both sections that share arabic page 4: sections 5 and 6, in order', async () => {
    const body = await getJson(`${REPORT_PATH}/pages/4`);

    expect(body.report).toBe(REPORT);
    expect(body.page).toEqual({ label: '4', numbering: 'arabic' });
    expect(body.sections.map((s: { number: number }) => s.number)).toEqual([5, 6]);
  });

  it('finds the last printed page, 26, in section 10', async () => {
    expect(await sectionsHolding('26')).toEqual([10]);
  });

  it('keeps roman and arabic pages apart: page 1 is in section 4, page i in section 2', async () => {
    expect(await sectionsHolding('1')).toEqual([4]);
    expect(await sectionsHolding('i')).toEqual([2]);
  });

  it('describes each section found as the table of contents does, with an absolute link', async () => {
    const body = await getJson(`${REPORT_PATH}/pages/4`);

    expect(body.sections[0]).toEqual({
      number: 5,
      title: 'Introduction',
      // The metadata file names section 5 "Introduction".
      titleSource: 'metadata',
      label: 'pp. 3–4: The United Nations (UN) has come a long…',
      pages: { label: '3-4', first: '3', last: '4', numbering: 'arabic' },
      hasText: true,
      // The real report is built from its JSTOR page alone: an excerpt, no PDF.
      hasFullText: false,
      links: { self: `${ORIGIN}${REPORT_PATH}/sections/5` },
      cite: expect.objectContaining({ ris: `${ORIGIN}${REPORT_PATH}/sections/5/cite?format=ris` }),
      citePage: {
        'in-text': `${ORIGIN}${REPORT_PATH}/sections/5/cite?format=text&style=apa&form=in-text&page=4`,
        note: `${ORIGIN}${REPORT_PATH}/sections/5/cite?format=text&style=chicago-notes-bibliography&form=note&page=4`,
        'short-note': `${ORIGIN}${REPORT_PATH}/sections/5/cite?format=text&style=chicago-notes-bibliography&form=short-note&page=4`,
      },
    });
  });
});
