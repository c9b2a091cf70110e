/**
 * Citing one printed page: the page look-up links each section holding the
 * page to its in-text citation and notes for that very page, and those links
 * answer what the manuals write (APA 7 §8.13: "p." and the page; CMOS 17
 * §14.22: the page after the publication facts in a note).
 */
import { describe, expect, it } from 'vitest';
import { call, getJson, REPORT_PATH } from './client';

const NOTE_TITLE = 'Driving the System Apart? A Study of United Nations Integration and Integrated Strategic Planning';

async function text(url: string): Promise<string> {
  const res = await call(url);
  const body = await res.text();
  expect(res.status, body).toBe(200);
  return body;
}

describe('GET /api/reports/{report}/pages/{page}: links that cite the page', () => {
  it('links section 7 to its APA in-text citation of page 11: (Boutellis, 2013, p. 11)', async () => {
    const body = await getJson(`${REPORT_PATH}/pages/11`);
    const [seven] = body.sections;

    expect(seven.number).toBe(7);
    expect(Object.keys(seven.citePage).sort()).toEqual(['in-text', 'note', 'short-note']);
    expect(await text(seven.citePage['in-text'])).toBe('(Boutellis, 2013, p. 11)\n');
  });

  it('links section 7 to its Chicago notes for page 11, the full note and the short one', async () => {
    const [seven] = (await getJson(`${REPORT_PATH}/pages/11`)).sections;

    expect(await text(seven.citePage.note)).toBe(`Arthur Boutellis, ${NOTE_TITLE} (International Peace Institute, 2013), 11, https://www.jstor.org/stable/resrep09639.\n`);
    expect(await text(seven.citePage['short-note'])).toBe('Boutellis, Driving the System Apart?, 11.\n');
  });

  it('gives both sections that share page 4 their own links to it', async () => {
    const body = await getJson(`${REPORT_PATH}/pages/4`);

    expect(body.sections.map((s: { number: number }) => s.number)).toEqual([5, 6]);
    for (const section of body.sections) {
      expect(section.citePage['in-text']).toContain(`/sections/${section.number}/cite?`);
      expect(await text(section.citePage['in-text'])).toBe('(Boutellis, 2013, p. 4)\n');
    }
  });

  it('cites a roman page of the front matter as printed: (Boutellis, 2013, p. iii)', async () => {
    const [three] = (await getJson(`${REPORT_PATH}/pages/III`)).sections;

    expect(await text(three.citePage['in-text'])).toBe('(Boutellis, 2013, p. iii)\n');
  });
});
