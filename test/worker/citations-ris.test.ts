/**
 * RIS files as served: one TY…ER record per item, CRLF line ends, no value
 * wrapped, zero-padded dates, a section's pages in SP/EP, the report as T2 of
 * a chapter.
 */
import { describe, expect, it } from 'vitest';
import { call, REPORT_PATH } from './client';

/** The report's title as citations carry it: csl.title, in sentence case. */
const CSL_TITLE = 'Driving the system apart? A study of United Nations integration and integrated strategic planning';
const URL_OF_REPORT = 'https://www.jstor.org/stable/resrep09639';
const ALL_SECTIONS = '1,2,3,4,5,6,7,8,9,10';

async function fetchRis(path: string): Promise<string> {
  const res = await call(path);
  const body = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(await res.arrayBuffer());
  expect(res.status, `${path}: ${body}`).toBe(200);
  expect(res.headers.get('Content-Type')).toBe('application/x-research-info-systems; charset=utf-8');
  return body;
}

type RisRecord = Array<[tag: string, value: string]>;

/** Splits a RIS file into records of [tag, value] lines, failing on any line that is not `TAG  - value`. */
function parseRis(text: string): RisRecord[] {
  const records: RisRecord[] = [];
  let current: RisRecord | null = null;
  for (const line of text.split('\r\n')) {
    if (line === '') continue;
    const match = /^([A-Z][A-Z0-9]) {2}- (.*)$/.exec(line);
    if (!match) throw new Error(`not a RIS line: ${JSON.stringify(line)}`);
    const [, tag, value] = match;
    if (tag === 'TY') current = [];
    if (!current) throw new Error(`${tag} before TY`);
    current.push([tag, value]);
    if (tag === 'ER') {
      records.push(current);
      current = null;
    }
  }
  if (current) throw new Error('a record has no ER');
  return records;
}

/** The values of one tag in a record. */
const values = (record: RisRecord, tag: string) => record.filter(([t]) => t === tag).map(([, v]) => v);
/** The one value of a tag, or undefined. */
const value = (record: RisRecord, tag: string) => values(record, tag)[0];

describe('RIS: the file as a whole', () => {
  it('ends every line with CRLF, as the RIS specification asks, and never with a bare LF', async () => {
    const text = await fetchRis(`${REPORT_PATH}/cite?format=ris&sections=${ALL_SECTIONS}`);

    expect(text).not.toMatch(/[^\r]\n/);
    expect(text).not.toMatch(/\r(?!\n)/);
    expect(text.endsWith('ER  - \r\n')).toBe(true);
  });

  it('writes every line as `TAG  - value`, so no value is wrapped onto a line of its own', async () => {
    const text = await fetchRis(`${REPORT_PATH}/cite?format=ris&sections=${ALL_SECTIONS}`);

    for (const line of text.split('\r\n').filter(Boolean)) expect(line).toMatch(/^[A-Z][A-Z0-9] {2}- /);
  });

  it('writes one TY…ER record per section, starting with TY and ending with ER', async () => {
    const records = parseRis(await fetchRis(`${REPORT_PATH}/cite?format=ris&sections=${ALL_SECTIONS}`));

    expect(records).toHaveLength(10);
    for (const record of records) {
      expect(record[0][0]).toBe('TY');
      expect(record.at(-1)).toEqual(['ER', '']);
      expect(values(record, 'TY')).toHaveLength(1);
    }
  });

  it('gives each record its own ID, the readable BibTeX key of the item', async () => {
    const records = parseRis(await fetchRis(`${REPORT_PATH}/cite?format=ris&sections=${ALL_SECTIONS}`));

    expect(records.map((r) => value(r, 'ID'))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => `boutellis2013driving-sec${n}`));
  });

  it('keeps the 96-character title whole on one TI line, in every record', async () => {
    const records = parseRis(await fetchRis(`${REPORT_PATH}/cite?format=ris&sections=${ALL_SECTIONS}`));

    for (const record of records) {
      const titles = [...values(record, 'TI'), ...values(record, 'T2')];
      expect(titles).toContain(CSL_TITLE);
      for (const title of titles) expect([CSL_TITLE, 'Abbreviations', 'Executive summary', 'Introduction']).toContain(title);
    }
  });
});

describe('RIS: the whole report', () => {
  it('is one RPRT record with author, title, year, the date to the month (2013/08//), place, publisher and URL', async () => {
    const [record, ...more] = parseRis(await fetchRis(`${REPORT_PATH}/cite?format=ris`));

    expect(more).toHaveLength(0);
    expect(record).toEqual([
      ['TY', 'RPRT'],
      ['ID', 'boutellis2013driving'],
      ['AU', 'Boutellis, Arthur'],
      ['TI', CSL_TITLE],
      ['PY', '2013'],
      ['DA', '2013/08//'],
      ['CY', 'New York'],
      ['PB', 'International Peace Institute'],
      ['UR', URL_OF_REPORT],
      ['LA', 'en'],
      ['ST', 'Driving the system apart?'],
      ['ER', ''],
    ]);
  });
});

describe('RIS: sections', () => {
  it('cites section 5 as a chapter: TI Introduction, T2 the report, SP 3, EP 4', async () => {
    const [record] = parseRis(await fetchRis(`${REPORT_PATH}/sections/5/cite?format=ris`));

    expect(value(record, 'TY')).toBe('CHAP');
    expect(value(record, 'TI')).toBe('Introduction');
    expect(value(record, 'T2')).toBe(CSL_TITLE);
    expect([value(record, 'SP'), value(record, 'EP')]).toEqual(['3', '4']);
    expect(value(record, 'DA')).toBe('2013/08//');
    // A part's short title is its own or none, never the report's (RIS ST is the record's own short title).
    expect(value(record, 'ST')).toBeUndefined();
    expect(value(record, 'PB')).toBe('International Peace Institute');
    expect(value(record, 'CY')).toBe('New York');
    expect(value(record, 'UR')).toBe(URL_OF_REPORT);
  });

  it('cites section 7, whose title is unknown, as the report with pages 9 to 14 and no invented title', async () => {
    const [record] = parseRis(await fetchRis(`${REPORT_PATH}/sections/7/cite?format=ris`));

    expect(value(record, 'TY')).toBe('RPRT');
    expect(values(record, 'TI')).toEqual([CSL_TITLE]);
    expect(values(record, 'T2')).toEqual([]);
    expect([value(record, 'SP'), value(record, 'EP')]).toEqual(['9', '14']);
  });

  it('gives roman-numbered section 2 SP i and EP ii', async () => {
    const [record] = parseRis(await fetchRis(`${REPORT_PATH}/sections/2/cite?format=ris`));

    expect([value(record, 'SP'), value(record, 'EP')]).toEqual(['i', 'ii']);
  });

  it('gives one-page section 10 SP 26 and no EP', async () => {
    const [record] = parseRis(await fetchRis(`${REPORT_PATH}/sections/10/cite?format=ris`));

    expect(values(record, 'SP')).toEqual(['26']);
    expect(values(record, 'EP')).toEqual([]);
  });

  it('gives section 1, which has no printed page numbers, neither SP nor EP', async () => {
    const [record] = parseRis(await fetchRis(`${REPORT_PATH}/sections/1/cite?format=ris`));

    expect(values(record, 'SP')).toEqual([]);
    expect(values(record, 'EP')).toEqual([]);
  });

  it('types the titled sections 3, 4 and 5 as chapters and the others as the report', async () => {
    const records = parseRis(await fetchRis(`${REPORT_PATH}/cite?format=ris&sections=${ALL_SECTIONS}`));

    expect(records.map((r) => value(r, 'TY'))).toEqual(['RPRT', 'RPRT', 'CHAP', 'CHAP', 'CHAP', 'RPRT', 'RPRT', 'RPRT', 'RPRT', 'RPRT']);
    expect(records.map((r) => value(r, 'TI'))).toEqual([
      CSL_TITLE,
      CSL_TITLE,
      'Abbreviations',
      'Executive summary',
      'Introduction',
      CSL_TITLE,
      CSL_TITLE,
      CSL_TITLE,
      CSL_TITLE,
      CSL_TITLE,
    ]);
  });

  it('gives every section the report’s URL, publisher, place and padded date', async () => {
    const records = parseRis(await fetchRis(`${REPORT_PATH}/cite?format=ris&sections=${ALL_SECTIONS}`));

    for (const record of records) {
      expect(value(record, 'UR')).toBe(URL_OF_REPORT);
      expect(value(record, 'PB')).toBe('International Peace Institute');
      expect(value(record, 'CY')).toBe('New York');
      expect(value(record, 'DA')).toBe('2013/08//');
      expect(values(record, 'AU')).toEqual(['Boutellis, Arthur']);
    }
  });

  it('serves the same record for a section alone and inside a selection', async () => {
    const alone = parseRis(await fetchRis(`${REPORT_PATH}/sections/9/cite?format=ris`));
    const inSelection = parseRis(await fetchRis(`${REPORT_PATH}/cite?format=ris&sections=4,9`));

    expect(inSelection[1]).toEqual(alone[0]);
  });
});
