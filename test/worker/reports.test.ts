import { describe, expect, it } from 'vitest';
import { call, getJson, ORIGIN, REPORT, REPORT_PATH } from './client';

describe('GET /api/reports', () => {
  it('lists exactly one report, driving-the-system-apart', async () => {
    const body = await getJson('/api/reports');

    expect(body.reports).toHaveLength(1);
    expect(body.reports[0].id).toBe(REPORT);
  });

  it('gives the report its bibliographic data', async () => {
    const [report] = (await getJson('/api/reports')).reports;

    expect(report).toMatchObject({
      title: 'Driving the System Apart? A Study of United Nations Integration and Integrated Strategic Planning',
      authors: ['Arthur Boutellis'],
      publisher: 'International Peace Institute',
      place: 'New York',
      issued: '2013-08',
      pages: 32,
      url: 'https://www.jstor.org/stable/resrep09639',
    });
  });

  it('keeps JSTOR’s own spelling of the title apart from the report’s', async () => {
    const [report] = (await getJson('/api/reports')).reports;

    expect(report.sourceTitle).toBe('Driving the System Apart?: A Study of United Nations Integration and Integrated Strategic Planning');
  });

  it('carries the CSL record a citation is built from, its title in sentence case', async () => {
    const [report] = (await getJson('/api/reports')).reports;

    expect(report.csl).toMatchObject({
      type: 'report',
      title: 'Driving the system apart? A study of United Nations integration and integrated strategic planning',
      author: [{ family: 'Boutellis', given: 'Arthur' }],
      publisher: 'International Peace Institute',
      'publisher-place': 'New York',
      issued: { 'date-parts': [[2013, 8]] },
      URL: 'https://www.jstor.org/stable/resrep09639',
    });
  });

  it('links each report to its table of contents with an absolute URL', async () => {
    const [report] = (await getJson('/api/reports')).reports;

    expect(report.links.self).toBe(`${ORIGIN}${REPORT_PATH}`);
  });

  it('lets browsers cache the answer for an hour, and CDNs only once PUBLIC_ORIGIN is set (public-origin.test.ts)', async () => {
    const res = await call('/api/reports');

    expect(res.headers.get('Cache-Control')).toBe('private, max-age=3600, stale-while-revalidate=86400');
  });
});

describe('GET /api/reports/driving-the-system-apart', () => {
  it('has the same bibliographic data as the list', async () => {
    const [listed] = (await getJson('/api/reports')).reports;
    const report = await getJson(REPORT_PATH);

    const { sections, citations, ...summary } = report;
    expect(summary).toEqual(listed);
    expect(sections).toEqual(expect.any(Array));
    expect(citations.locales).toEqual(['en-US', 'en-GB', 'de-DE', 'es-ES', 'fr-FR', 'nl-NL']);
    expect(citations.styles.find((s: { name: string }) => s.name === 'chicago-notes-bibliography').forms).toEqual(['reference', 'note', 'short-note']);
    expect(citations.styles.find((s: { name: string }) => s.name === 'apa').forms).toEqual(['reference', 'in-text']);
  });

  it('lists ten sections, numbered 1 to 10 in order', async () => {
    const { sections } = await getJson(REPORT_PATH);

    expect(sections.map((s: { number: number }) => s.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('titles only Abbreviations (3), Executive Summary (4) and Introduction (5), and never invents the others', async () => {
    const { sections } = await getJson(REPORT_PATH);

    expect(sections.map((s: { title: string | null }) => s.title)).toEqual([
      null,
      null,
      'Abbreviations',
      'Executive Summary',
      'Introduction',
      null,
      null,
      null,
      null,
      null,
    ]);
  });

  it('gives each section its printed page range, and none for section 1', async () => {
    const { sections } = await getJson(REPORT_PATH);

    expect(sections.map((s: { pages: unknown }) => s.pages)).toEqual([
      null,
      { label: 'i-ii', first: 'i', last: 'ii', numbering: 'roman' },
      { label: 'iii-iv', first: 'iii', last: 'iv', numbering: 'roman' },
      { label: '1-3', first: '1', last: '3', numbering: 'arabic' },
      { label: '3-4', first: '3', last: '4', numbering: 'arabic' },
      { label: '4-9', first: '4', last: '9', numbering: 'arabic' },
      { label: '9-14', first: '9', last: '14', numbering: 'arabic' },
      { label: '14-23', first: '14', last: '23', numbering: 'arabic' },
      { label: '23-25', first: '23', last: '25', numbering: 'arabic' },
      { label: '26-26', first: '26', last: '26', numbering: 'arabic' },
    ]);
  });

  it('says that only sections 5 to 9 have text', async () => {
    const { sections } = await getJson(REPORT_PATH);

    const withText = sections.filter((s: { hasText: boolean }) => s.hasText).map((s: { number: number }) => s.number);
    expect(withText).toEqual([5, 6, 7, 8, 9]);
  });

  it('labels every section by its pages, and sections with text by their opening words too', async () => {
    const { sections } = await getJson(REPORT_PATH);

    expect(sections[0].label).toBe('Section 1 (no printed page numbers)');
    expect(sections[1].label).toBe('pp. i–ii');
    expect(sections[9].label).toBe('p. 26');
    expect(sections[6].label).toBe('pp. 9–14: After all these efforts, many within and beyond…');
  });

  it('links every section with an absolute URL on the origin that was asked', async () => {
    const { sections } = await getJson(REPORT_PATH);

    for (const section of sections) {
      expect(section.links.self).toBe(`${ORIGIN}${REPORT_PATH}/sections/${section.number}`);
    }
  });

  it('builds links on whichever origin the request came to', async () => {
    const res = await call(`https://reports.example.org${REPORT_PATH}`);
    const report = await res.json<any>();

    expect(report.links.self).toBe(`https://reports.example.org${REPORT_PATH}`);
    expect(report.sections[6].links.self).toBe(`https://reports.example.org${REPORT_PATH}/sections/7`);
  });
});
