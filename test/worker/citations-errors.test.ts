/**
 * Bad citation requests: 400 or 404 application/problem+json answers that
 * name the valid choices.
 */
import { describe, expect, it } from 'vitest';
import { call, getProblem, REPORT, REPORT_PATH } from './client';

const CITE = `${REPORT_PATH}/cite`;
const FORMATS = ['ris', 'bibtex', 'biblatex', 'csl-json', 'text', 'html'];
const STYLES = ['apa', 'mla', 'chicago-author-date', 'chicago-notes-bibliography', 'chicago-author-date-17', 'chicago-notes-bibliography-17', 'harvard', 'vancouver'];
const LOCALES = ['en-US', 'en-GB', 'de-DE', 'es-ES', 'fr-FR', 'nl-NL'];
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('format', () => {
  it.each([
    ['an unknown format', `${CITE}?format=docx`],
    ['a missing format', CITE],
    ['an empty format', `${CITE}?format=`],
    ['a format in capitals', `${CITE}?format=RIS`],
    ['an unknown format for a section', `${REPORT_PATH}/sections/5/cite?format=endnote`],
  ])('answers %s with a 400 problem naming every format offered', async (_why, path) => {
    const problem = await getProblem(path, 400);

    expect(problem.type).toBe('urn:report-edge:problem:invalid-parameter');
    expect(problem.invalid_params?.map((p) => p.name)).toEqual(['format']);
    expect(problem.detail).toBe(`format: format must be one of: ${FORMATS.join(', ')}`);
  });
});

describe('style and locale', () => {
  it('answers an unknown style with a 404 problem naming the styles offered', async () => {
    const problem = await getProblem(`${CITE}?format=text&style=nope`, 404);

    expect(problem.type).toBe('urn:report-edge:problem:unknown-style');
    expect(problem.detail).toBe(`There is no style "nope". Styles offered: ${STYLES.join(', ')}.`);
    expect(problem.styles).toEqual(STYLES);
  });

  it('answers an unknown locale with a 404 problem naming the locales offered', async () => {
    const problem = await getProblem(`${CITE}?format=html&locale=en-AU`, 404);

    expect(problem.type).toBe('urn:report-edge:problem:unknown-locale');
    expect(problem.detail).toBe(`There is no locale "en-AU". Locales offered: ${LOCALES.join(', ')}.`);
    expect(problem.locales).toEqual(LOCALES);
  });

  it('answers an unknown style for one section with the same 404 problem', async () => {
    const problem = await getProblem(`${REPORT_PATH}/sections/5/cite?format=text&style=turabian`, 404);

    expect(problem.type).toBe('urn:report-edge:problem:unknown-style');
    expect(problem.styles).toEqual(STYLES);
  });

  // A selection lists the report once where the manual puts pages in the citation; Vancouver lists each part.
  it('offers every style in every locale it names, a selection listing the report once (Vancouver: each part)', async () => {
    for (const style of STYLES) {
      for (const locale of LOCALES) {
        const res = await call(`${CITE}?format=text&style=${style}&locale=${locale}&sections=5,7`);
        const body = await res.text();
        expect(res.status, `${style}/${locale}: ${body}`).toBe(200);
        expect(body.trim().split('\n'), `${style}/${locale}`).toHaveLength(style === 'vancouver' ? 2 : 1);
      }
    }
  });
});

describe('sections', () => {
  it.each([
    ['an empty list', ''],
    ['a list with an empty item', '3,,5'],
    ['a trailing comma', '3,5,'],
    ['section 0', '0'],
    ['a negative number', '-3'],
    ['a word', 'intro'],
    ['a range', '3-5'],
    ['spaces', '3, 5'],
    ['a fraction', '1.5'],
  ])('answers %s with a 400 problem saying what a list of sections is', async (_why, list) => {
    const problem = await getProblem(`${CITE}?format=ris&sections=${encodeURIComponent(list)}`, 400);

    expect(problem.type).toBe('urn:report-edge:problem:invalid-parameter');
    expect(problem.invalid_params).toEqual([{ name: 'sections', reason: 'sections is a comma-separated list of section numbers, like 3,5,7' }]);
  });

  it('answers a section listed twice with a 400 problem saying each may be listed once', async () => {
    const problem = await getProblem(`${CITE}?format=ris&sections=3,5,3`, 400);

    expect(problem.invalid_params).toEqual([{ name: 'sections', reason: 'each section may be listed once' }]);
  });

  it('answers a list of 101 sections with a 400 problem giving the limit of 100', async () => {
    const problem = await getProblem(`${CITE}?format=ris&sections=${range(1, 101).join(',')}`, 400);

    expect(problem.invalid_params?.map((p) => p.name)).toEqual(['sections']);
    expect(problem.detail).toContain('at most 100 sections');
  });

  it('does not refuse a list of exactly 100 for its length, only for the numbers the report lacks', async () => {
    const problem = await getProblem(`${CITE}?format=ris&sections=${range(1, 100).join(',')}`, 404);

    expect(problem.type).toBe('urn:report-edge:problem:unknown-section');
  });

  it('answers unknown section numbers with a 404 problem naming them and the sections that exist', async () => {
    const problem = await getProblem(`${CITE}?format=ris&sections=3,11,12`, 404);

    expect(problem.type).toBe('urn:report-edge:problem:unknown-section');
    expect(problem.detail).toBe(`Report "${REPORT}" has sections 1 to 10; there is no section 11, 12.`);
    expect(problem.sections).toEqual(range(1, 10));
  });

  it('answers citing section 11 alone with a 404 problem giving the valid range', async () => {
    const problem = await getProblem(`${REPORT_PATH}/sections/11/cite?format=ris`, 404);

    expect(problem.type).toBe('urn:report-edge:problem:unknown-section');
    expect(problem.detail).toContain('sections 1 to 10');
  });

  it('answers citing section "abc" with a 400 problem naming n', async () => {
    const problem = await getProblem(`${REPORT_PATH}/sections/abc/cite?format=ris`, 400);

    expect(problem.invalid_params?.map((p) => p.name)).toEqual(['n']);
  });
});

describe('reports', () => {
  it('answers citing an unknown report with a 404 problem naming the reports served', async () => {
    const problem = await getProblem('/api/reports/nope/cite?format=ris', 404);

    expect(problem.type).toBe('urn:report-edge:problem:unknown-report');
    expect(problem.reports).toEqual([REPORT]);
  });

  it('answers citing a section of an unknown report with the same 404 problem', async () => {
    const problem = await getProblem('/api/reports/nope/sections/5/cite?format=ris', 404);

    expect(problem.type).toBe('urn:report-edge:problem:unknown-report');
  });
});

describe('problems are never cached and never server errors', () => {
  it('marks a citation problem no-store', async () => {
    const res = await call(`${CITE}?format=docx`);

    expect(res.headers.get('Cache-Control')).toBe('no-store');
    await res.arrayBuffer();
  });

  it('never answers odd citation requests with a server error', async () => {
    const paths = [
      `${CITE}?format=ris&sections=${'9'.repeat(20)}`,
      `${CITE}?format=ris&sections=${range(1, 5000).join(',')}`,
      `${CITE}?format=text&style=${encodeURIComponent('__proto__')}`,
      `${CITE}?format=text&locale=${encodeURIComponent('constructor')}`,
      `${CITE}?format=text&style=${'x'.repeat(150)}`,
      `${CITE}?format=ris&format=bibtex`,
      `${CITE}?format=${encodeURIComponent('toString')}`,
      `${REPORT_PATH}/sections/${'9'.repeat(25)}/cite?format=ris`,
    ];
    for (const path of paths) {
      const res = await call(path);
      expect(res.status, path).toBeLessThan(500);
      await res.arrayBuffer();
    }
    for (const accept of ['text/x-bibliography; style=__proto__', 'text/x-bibliography; locale=toString', ';;;', 'q=1']) {
      const res = await call(REPORT_PATH, { headers: { Accept: accept } });
      expect(res.status, accept).toBeLessThan(500);
      await res.arrayBuffer();
    }
  });
});
