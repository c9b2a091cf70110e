import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readReports } from '../../scripts/report-sources';
import { readDocuments } from '../../scripts/sources';
import { parseJstorToc } from '../../scripts/sources/jstor-toc';
import { readPdf } from '../../scripts/sources/pdf';
import { labelsFromPrintedNumbers } from '../../scripts/sources/pdf-labels';
import { joinLines, normaliseCharacters, printedNumber, toLines } from '../../scripts/sources/pdf-text';
import type { DocumentPart } from '../../scripts/sources/document';
import { DISTINCTIVE_WORDS, EXCERPT_PAGES, expectedLabels, makeBadPdfs, makeReportPdf, OUTLINE, OUTLINE_SECTIONS } from '../fixtures/make-pdfs';
import { readSeedMetadata, readSeedPage, SEED_PAGE_FILE } from './seed-fixture';

// Generating and reading a few 32-page PDFs takes seconds on a busy 2-core machine.
const SLOW = 60_000;

let dir: string;
const file = (name: string) => path.join(dir, name);

async function read(name: string): Promise<DocumentPart> {
  const result = await readPdf(file(name));
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

function pageText(part: DocumentPart, label: string): string {
  const page = part.pages!.pages.find((p) => p.label === label);
  if (!page) throw new Error(`no page labelled ${label}`);
  return page.text;
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'report-edge-pdf-'));
  const made = {
    'labelled.pdf': await makeReportPdf({ pageLabels: true, outline: true }),
    'printed.pdf': await makeReportPdf(),
    'unnumbered.pdf': await makeReportPdf({ feet: false }),
    ...Object.fromEntries(Object.entries(await makeBadPdfs()).map(([name, bytes]) => [`${name}.pdf`, bytes])),
  };
  for (const [name, bytes] of Object.entries(made)) writeFileSync(file(name), bytes);
}, SLOW);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('readPdf: printed page labels', () => {
  it("takes the labels from the PDF's /PageLabels: two unnumbered covers, i–iv, 1–26", async () => {
    const part = await read('labelled.pdf');

    expect(part.pages!.labels).toBe('page-labels');
    expect(part.pages!.pages.map((p) => p.label)).toEqual(expectedLabels());
    expect(part.warnings).toEqual([]);
  }, SLOW);

  it('without /PageLabels, reads the numbers printed in the running feet as one sequence', async () => {
    const part = await read('printed.pdf');

    expect(part.pages!.labels).toBe('printed-numbers');
    expect(part.pages!.pages.map((p) => p.label)).toEqual(expectedLabels());
    expect(part.pages!.pages.map((p) => p.index)).toEqual(Array.from({ length: 32 }, (_, i) => i + 1));
  }, SLOW);

  it('with neither, labels pages by their place in the PDF and warns, naming the file', async () => {
    const part = await read('unnumbered.pdf');

    expect(part.pages!.labels).toBe('fallback');
    expect(part.pages!.pages.map((p) => p.label)).toEqual(Array.from({ length: 32 }, (_, i) => String(i + 1)));
    expect(part.warnings).toHaveLength(1);
    expect(part.warnings[0]).toMatch(new RegExp(`^${file('unnumbered.pdf').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: no page labels and no consistent printed page numbers`));
  }, SLOW);

  it('says in its summary how many pages it read, how labels were found, and how much text', async () => {
    const part = await read('printed.pdf');

    expect(part.summary).toHaveLength(1);
    expect(part.summary[0]).toMatch(/^read printed\.pdf: 32 pages, 30 labels from printed numbers, \d+ characters of text, 0 outline entries, \d+ ms$/);
  }, SLOW);
});

describe('readPdf: the text of each page', () => {
  it('finds each distinctive word on its own page and on no other', async () => {
    const part = await read('printed.pdf');

    for (const [label, word] of Object.entries(DISTINCTIVE_WORDS)) {
      const holding = part.pages!.pages.filter((p) => p.text.includes(word)).map((p) => p.label);
      expect(holding, word).toEqual([label]);
    }
  }, SLOW);

  it('leaves out running heads, running feet and printed page numbers', async () => {
    const part = await read('printed.pdf');
    const body = part.pages!.pages.filter((p) => p.label !== null && /^\d+$/.test(p.label));

    expect(body).toHaveLength(26);
    for (const page of body) {
      expect(page.text).not.toContain('INTERNATIONAL PEACE INSTITUTE');
      expect(page.text).not.toContain('Arthur Boutellis');
      expect(page.text).not.toContain('Driving the System Apart?');
      expect(page.text.endsWith(` ${page.label}`)).toBe(false);
    }
    expect(pageText(part, 'iii')).toMatch(/^Donors ask for evidence .* printed as page iii of the report\.$/);
  }, SLOW);

  it('carries the five JSTOR excerpts, whole, on the pages where their sections start', async () => {
    const part = await read('labelled.pdf');
    const jstor = parseJstorToc(readSeedPage());
    if (!jstor.ok) throw new Error('the seed page should parse');

    for (const [section, label] of Object.entries(EXCERPT_PAGES)) {
      const paragraphs = jstor.page.segments[Number(section) - 1].paragraphs;
      expect(paragraphs.length).toBeGreaterThan(0);
      for (const paragraph of paragraphs) expect(pageText(part, label).split('\n\n')).toContain(paragraph);
    }
    expect(pageText(part, '9')).toContain('the counterfactual (“what if the UN had not planned together?”) is subject to claims');
  }, SLOW);

  it('joins a word hyphenated at a line end: "Depart-" / "ment" → "Department"', async () => {
    const text = pageText(await read('printed.pdf'), '12');

    expect(text).toContain('Staff from the Department of Field Support joined the planning team.');
    expect(text).not.toContain('Depart-');
  }, SLOW);

  it('spells out the ligatures ﬁ and ﬂ and drops the soft hyphen', async () => {
    const text = pageText(await read('printed.pdf'), '13');

    expect(text).toContain('The financial flows followed coordination rules.');
    expect(text).not.toMatch(/[\uFB00-\uFB06\u00AD]/);
  }, SLOW);
});

describe('readPdf: the outline', () => {
  it('gives each bookmark with its title and the page it opens at', async () => {
    const part = await read('labelled.pdf');
    const labels = expectedLabels();

    expect(part.pages!.outline.map((e) => [e.title, e.page, e.depth])).toEqual(OUTLINE.map(([title, label]) => [title, labels.indexOf(label) + 1, 0]));
    expect(part.pages!.outline.map((e) => [e.title, part.pages!.pages[e.page - 1].label])).toEqual(OUTLINE);
  }, SLOW);

  it('without an outline, gives none and splits sections where the numbering changes: covers, front matter, body', async () => {
    const part = await read('printed.pdf');

    expect(part.pages!.outline).toEqual([]);
    expect(part.sections!.map((s) => [s.number, s.pages?.label ?? null, s.title])).toEqual([
      [1, null, null],
      [2, 'i-iv', null],
      [3, '1-26', null],
    ]);
  }, SLOW);

  it('with an outline, starts a section at each bookmark, titled by it', async () => {
    const part = await read('labelled.pdf');

    expect(part.sections!.map((s) => [s.number, s.pages?.label ?? null, s.title])).toEqual(OUTLINE_SECTIONS);
    expect(part.sections![6].paragraphs.join(' ')).toContain('quetzal');
  }, SLOW);
});

describe('readPdf: bad PDFs', () => {
  it.each([
    ['not-a-pdf.pdf', /^not a PDF: no "%PDF-" header at its start$/],
    ['truncated.pdf', /^truncated: no "%%EOF" end marker in its last 1024 bytes \(\d+ bytes read\); copy the whole file again$/],
    ['encrypted.pdf', /^encrypted: it needs a password \(No password given\); give the build an unencrypted copy$/],
  ])('refuses %s with a problem naming the file', async (name, message) => {
    const result = await readPdf(file(name));

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0].file).toBe(file(name));
    expect(result.problems[0].line).toBe(1);
    expect(result.problems[0].message).toMatch(message);
  }, SLOW);

  it('reads a scan (pages without a text layer) with a warning naming the file, and gives no pages', async () => {
    const part = await read('scan.pdf');

    expect(part.pages).toBeUndefined();
    expect(part.sections).toBeUndefined();
    expect(part.warnings).toEqual([`${file('scan.pdf')}: no text layer on any of its 3 pages (a scan?): its pages are not read`]);
  }, SLOW);
});

describe('reading a report from its JSTOR page, metadata and PDF together', () => {
  let sources: string;

  function report(id: string, pdf: string, { page = readSeedPage(), metadata = readSeedMetadata() } = {}) {
    writeFileSync(path.join(sources, `${id}.txt`), page);
    writeFileSync(path.join(sources, `${id}.json`), metadata);
    copyFileSync(file(pdf), path.join(sources, `${id}.pdf`));
  }

  beforeAll(() => {
    sources = path.join(dir, 'sources');
  });

  function fresh() {
    rmSync(sources, { recursive: true, force: true });
    mkdirSync(sources);
  }

  it('keeps the JSTOR sections and carries the PDF pages and labels into the report', async () => {
    fresh();
    report('r', 'printed.pdf');

    const read = await readReports(sources);

    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    const [r] = read.reports;
    expect(r.sections.map((s) => s.pages?.label ?? null)).toEqual([null, 'i-ii', 'iii-iv', '1-3', '3-4', '4-9', '9-14', '14-23', '23-25', '26-26']);
    expect(r.sections[6].paragraphs[0]).toMatch(/^After all these efforts/);
    expect(r.labelsFrom).toBe('printed-numbers');
    // Section 7 (pp. 9–14) holds page 11, the only one to mention the quetzal.
    expect(r.sections[6].fullText?.map((p) => p.label)).toEqual(['9', '10', '11', '12', '13', '14']);
    expect(r.sections[6].fullText?.[2].text).toContain('quetzal');
    expect(r.sections[0].fullText).toBeNull();
    // Page 4 holds the end of section 5 and the start of section 6 (its JSTOR excerpt): split between them.
    const six = r.sections[5];
    expect(six.fullText?.[0].label).toBe('4');
    expect(six.fullText?.[0].text.startsWith(six.paragraphs[0].slice(0, 40))).toBe(true);
    const fiveOnFour = r.sections[4].fullText?.find((p) => p.label === '4');
    expect(fiveOnFour?.text).toMatch(/printed as page 4 of the report/);
    expect(fiveOnFour?.text).not.toContain(six.paragraphs[0].slice(0, 40));
    expect(read.warnings.filter((w) => w.includes('shared by sections'))).toEqual([]);
    expect(read.summary).toEqual([expect.stringMatching(/^r: read r\.pdf: 32 pages, 30 labels from printed numbers, \d+ characters/)]);
  }, SLOW);

  it('is a build error naming the PDF and its last page when a JSTOR range runs past the printed pages', async () => {
    fresh();
    const page = readSeedPage().replace('  10. (pp. 26-26)', '  10. (pp. 26-27)');
    report('r', 'printed.pdf', { page });

    const read = await readReports(sources);

    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.problems).toEqual([
      {
        file: path.join(sources, 'r.pdf'),
        line: 32,
        message: `page 32 is missing: the PDF ends before it (labels from printed numbers), but section 10 (pp. 26-27) of ${path.join(sources, 'r.txt')}:43 needs page "27" there`,
      },
    ]);
  }, SLOW);

  it('is a build error naming the PDF and the page where its labels leave a JSTOR range', async () => {
    fresh();
    // Section 3 as pp. iii-v: the PDF's page 7 is printed "1", not "v".
    report('r', 'labelled.pdf', { page: readSeedPage().replace('  3. (pp. iii-iv)', '  3. (pp. iii-v)') });

    const read = await readReports(sources);

    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.problems.map((p) => [path.basename(p.file), p.line, p.message.replace(sources + path.sep, '')])).toEqual([
      ['r.pdf', 7, 'page 7 is printed "1" (labels from page labels), but section 3 (pp. iii-v) of r.txt:15 needs page "v" there'],
    ]);
  }, SLOW);

  it('is a build error naming the PDF when its page count differs from the metadata\'s "number-of-pages"', async () => {
    fresh();
    report('r', 'printed.pdf', { metadata: readSeedMetadata().replace('"number-of-pages": 32', '"number-of-pages": 34') });

    const read = await readReports(sources);

    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.problems).toEqual([{ file: path.join(sources, 'r.pdf'), line: 32, message: 'has 32 pages, but the metadata file gives "number-of-pages": 34' }]);
  }, SLOW);

  it('builds a report from a scanned PDF and its JSTOR page as before, with the warning', async () => {
    fresh();
    report('r', 'scan.pdf');

    const read = await readReports(sources);

    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    expect(read.reports[0].sections).toHaveLength(10);
    expect(read.reports[0].labelsFrom).toBeNull();
    expect(read.reports[0].sections.every((s) => s.fullText === null)).toBe(true);
    expect(read.warnings).toEqual([`warning: ${path.join(sources, 'r.pdf')}: no text layer on any of its 3 pages (a scan?): its pages are not read`]);
  }, SLOW);

  it('refuses a scanned PDF without a JSTOR page: nothing to build the report from', async () => {
    fresh();
    writeFileSync(path.join(sources, 'r.json'), readSeedMetadata());
    copyFileSync(file('scan.pdf'), path.join(sources, 'r.pdf'));

    const read = await readReports(sources);

    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.problems.map((p) => [path.basename(p.file), p.line])).toEqual([['r.pdf', 1]]);
    if (!read.ok) expect(read.problems[0].message).toMatch(/^nothing to build report "r" from: .*no text layer/);
  }, SLOW);

  it('reads a PDF named in two metadata files ("pdf": "shared.pdf") for both, and not as a report of its own', async () => {
    fresh();
    copyFileSync(file('labelled.pdf'), path.join(sources, 'shared.pdf'));
    const metadata = readSeedMetadata().replace('"sections": {', '"pdf": "shared.pdf",\n  "sections": {');
    writeFileSync(path.join(sources, 'a.json'), metadata);
    writeFileSync(path.join(sources, 'b.json'), metadata);
    copyFileSync(SEED_PAGE_FILE, path.join(sources, 'b.txt'));

    const read = await readDocuments(sources);

    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    expect(read.documents.map((d) => [d.id, d.pages?.file, d.sections.length, d.sections[6].title])).toEqual([
      ['a', path.join(sources, 'shared.pdf'), 10, 'Part Two'],
      ['b', path.join(sources, 'shared.pdf'), 10, null],
    ]);
  }, SLOW);

  it('names the metadata file and its line when its "pdf" is not in the folder', async () => {
    fresh();
    const metadata = readSeedMetadata().replace('"sections": {', '"pdf": "gone.pdf",\n  "sections": {');
    writeFileSync(path.join(sources, 'a.json'), metadata);
    copyFileSync(SEED_PAGE_FILE, path.join(sources, 'a.txt'));

    const read = await readDocuments(sources);

    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.problems).toEqual([{ file: path.join(sources, 'a.json'), line: metadata.split('\n').findIndex((l) => l.includes('"pdf"')) + 1, message: `names "gone.pdf", which is not in ${sources}` }]);
  });
});

describe('page text helpers', () => {
  const line = (text: string, y: number, height = 10) => ({ text, y, height });

  it('joins a line-end hyphen only before a lower-case continuation', () => {
    expect(joinLines([line('the Depart-', 700), line('ment of', 687)])).toBe('the Department of');
    expect(joinLines([line('the Secretary-', 700), line('General said', 687)])).toBe('the Secretary- General said');
    expect(joinLines([line('coordi\u00AD', 700), line('nation', 687)])).toBe('coordination');
  });

  it('starts a paragraph after a gap wider than a line', () => {
    expect(joinLines([line('One.', 700), line('Two.', 687), line('Three.', 665)])).toBe('One. Two.\n\nThree.');
  });

  it('normalises every Unicode ligature and soft hyphen, keeping curly quotes and dashes', () => {
    expect(normaliseCharacters('ﬀ ﬁ ﬂ ﬃ ﬄ “coordi\u00ADnation” – ok')).toBe('ff fi fl ffi ffl “coordination” – ok');
  });

  it('reads pieces of one baseline left to right, adding the space a gap stands for', () => {
    const piece = (str: string, x: number, y: number) => ({ str, x, y, width: str.length * 5, height: 10 });

    expect(toLines([piece('11', 530, 40), piece('Arthur Boutellis', 72, 40), piece('Body', 72, 700)]).map((l) => l.text)).toEqual(['Body', 'Arthur Boutellis 11']);
  });

  it('finds a page number at either end of a running foot, roman or arabic', () => {
    expect(printedNumber('Arthur Boutellis 11')).toEqual({ text: '11', numbering: 'arabic', value: 11 });
    expect(printedNumber('12 Driving the System Apart?')).toEqual({ text: '12', numbering: 'arabic', value: 12 });
    expect(printedNumber('iv')).toEqual({ text: 'iv', numbering: 'roman', value: 4 });
    expect(printedNumber('INTERNATIONAL PEACE INSTITUTE')).toBeNull();
  });
});

describe('labelsFromPrintedNumbers', () => {
  const arabic = (value: number) => ({ text: String(value), numbering: 'arabic' as const, value });
  const roman = (text: string, value: number) => ({ text, numbering: 'roman' as const, value });

  it('fills pages that print no number from the sequence around them', () => {
    const result = labelsFromPrintedNumbers([null, roman('i', 1), null, roman('iii', 3), arabic(1), null, arabic(3), arabic(4)]);

    expect(result).toEqual({ ok: true, labels: [null, 'i', 'ii', 'iii', '1', '2', '3', '4'] });
  });

  it('refuses numbers that do not make one sequence, saying where', () => {
    const result = labelsFromPrintedNumbers([arabic(1), arabic(2), arabic(3), arabic(9), arabic(17), arabic(4), arabic(30), arabic(8)]);

    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/^the printed numbers are not one sequence: page 4 prints "9" where "4" was expected/);
  });

  it('refuses a document with no arabic numbers in its heads or feet', () => {
    expect(labelsFromPrintedNumbers([null, null, roman('i', 1)])).toEqual({ ok: false, reason: 'no run of printed arabic page numbers' });
  });
});

describe('the fixture itself', () => {
  it('is a real PDF file of 32 pages', async () => {
    const bytes = await makeReportPdf();

    expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    expect((readFileSync(file('printed.pdf')).toString('latin1').match(/\/Type \/Page\b/g) ?? []).length).toBe(32);
  }, SLOW);
});
