/**
 * The `cite` links in the report JSON: a download per format, and one-click
 * exports to RefWorks and EndNote online that point back at our RIS link.
 */
import { describe, expect, it } from 'vitest';
import { call, getJson, ORIGIN, REPORT_PATH } from './client';

const FORMATS = ['ris', 'bibtex', 'biblatex', 'csl-json', 'text', 'html'];

/** The query of a link as an ordered list of [name, value], and its address without the query. */
function splitLink(link: string): { base: string; params: Array<[string, string]> } {
  const url = new URL(link);
  const params: Array<[string, string]> = [];
  url.searchParams.forEach((value, name) => params.push([name, value]));
  return { base: `${url.origin}${url.pathname}`, params };
}

/** Checks the RefWorks and EndNote links built for one RIS link. */
function expectReferenceManagerLinks(cite: Record<string, string>, risLink: string) {
  expect(cite.ris).toBe(risLink);

  const refworks = splitLink(cite.refworks);
  expect(refworks.base).toBe('https://www.refworks.com/express/expressimport.asp');
  expect(refworks.params).toEqual([
    ['vendor', 'report-edge'],
    ['filter', 'RIS Format'],
    ['encoding', '65001'],
    ['url', risLink],
  ]);
  // The RIS link's own "?" and "=" must be escaped, or RefWorks would read format=ris as its own parameter.
  expect(cite.refworks).toContain(`&url=${encodeURIComponent(risLink)}`);

  const endnote = splitLink(cite.endnote);
  expect(endnote.base).toBe('https://www.myendnoteweb.com/EndNoteWeb.html');
  expect(endnote.params).toEqual([
    ['func', 'directExport'],
    ['partnerName', 'report-edge'],
    ['dataIdentifier', '1'],
    ['dataRequestUrl', risLink],
  ]);
  expect(cite.endnote).toContain(`&dataRequestUrl=${encodeURIComponent(risLink)}`);
}

describe('cite links of the whole report', () => {
  it('links a download in every format, absolute on the origin asked', async () => {
    const report = await getJson(REPORT_PATH);

    for (const format of FORMATS) expect(report.cite[format]).toBe(`${ORIGIN}${REPORT_PATH}/cite?format=${format}`);
    expect(Object.keys(report.cite).sort()).toEqual([...FORMATS, 'endnote', 'refworks'].sort());
  });

  it('links RefWorks and EndNote to the report’s RIS, URL-encoded and decoding back exactly', async () => {
    const report = await getJson(REPORT_PATH);

    expectReferenceManagerLinks(report.cite, `${ORIGIN}${REPORT_PATH}/cite?format=ris`);
  });

  it('gives the report in the list of reports the same cite links', async () => {
    const { reports } = await getJson('/api/reports');
    const report = await getJson(REPORT_PATH);

    expect(reports[0].cite).toEqual(report.cite);
  });

  it('builds the links, and the link inside them, on whichever origin the request came to', async () => {
    const res = await call(`https://reports.example.org${REPORT_PATH}`);
    const report = await res.json<any>();

    expectReferenceManagerLinks(report.cite, `https://reports.example.org${REPORT_PATH}/cite?format=ris`);
  });
});

describe('cite links of each table-of-contents entry', () => {
  it('links every section’s downloads to its own cite URL', async () => {
    const { sections } = await getJson(REPORT_PATH);

    for (const section of sections) {
      for (const format of FORMATS) expect(section.cite[format]).toBe(`${ORIGIN}${REPORT_PATH}/sections/${section.number}/cite?format=${format}`);
    }
  });

  it('links RefWorks and EndNote of every section to that section’s RIS', async () => {
    const { sections } = await getJson(REPORT_PATH);

    for (const section of sections) expectReferenceManagerLinks(section.cite, `${ORIGIN}${REPORT_PATH}/sections/${section.number}/cite?format=ris`);
  });

  it('gives a section in full the same cite links as its table-of-contents entry', async () => {
    const { sections } = await getJson(REPORT_PATH);
    const section = await getJson(`${REPORT_PATH}/sections/5`);

    expect(section.cite).toEqual(sections[4].cite);
  });
});

describe('the RIS link a reference manager fetches', () => {
  it('answers the report’s RIS, as RefWorks would fetch it from the url parameter', async () => {
    const report = await getJson(REPORT_PATH);
    const risLink = new URL(report.cite.refworks).searchParams.get('url')!;

    const res = await call(risLink);
    const body = new TextDecoder().decode(await res.arrayBuffer());

    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('application/x-research-info-systems; charset=utf-8');
    expect(body).toMatch(/^TY {2}- RPRT\r\nID {2}- boutellis2013driving\r\n/);
  });

  it('answers section 5’s RIS, as EndNote would fetch it from dataRequestUrl', async () => {
    const { sections } = await getJson(REPORT_PATH);
    const risLink = new URL(sections[4].cite.endnote).searchParams.get('dataRequestUrl')!;

    const res = await call(risLink);
    const body = new TextDecoder().decode(await res.arrayBuffer());

    expect(res.status).toBe(200);
    expect(body).toContain('TI  - Introduction\r\n');
    expect(body).toContain('SP  - 3\r\nEP  - 4\r\n');
  });

  it('answers every link in every cite object with a 200', async () => {
    const report = await getJson(REPORT_PATH);
    const links = [report.cite, ...report.sections.map((s: { cite: Record<string, string> }) => s.cite)].flatMap((cite) =>
      FORMATS.map((format) => cite[format] as string),
    );

    for (const link of links) {
      const res = await call(link);
      expect(res.status, link).toBe(200);
      await res.arrayBuffer();
    }
  });
});
