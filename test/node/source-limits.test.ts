/**
 * Every source is bounded before it is parsed (`scripts/sources/limits.ts`):
 * beyond a limit the build names file and line, says what is too large and
 * the limit, exits non-zero and leaves the last good build as it was.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseJstorToc, readJstorPage } from '../../scripts/sources/jstor-toc';
import { MAX_EXCERPT_LENGTH, MAX_NAMES, MAX_PDF_PAGES, MAX_SECTIONS, MAX_TITLE_LENGTH } from '../../scripts/sources/limits';
import { readMetadata } from '../../scripts/sources/metadata';
import { readPdf } from '../../scripts/sources/pdf';
import { BUILD_TIMEOUT, runBuild } from './build-process';
import { snapshot } from './folder-snapshot';
import { readSeedMetadata, readSeedPage, SEED_ID, SEED_METADATA_FILE, SEED_PAGE_FILE } from './seed-fixture';

const work = mkdtempSync(path.join(os.tmpdir(), 'report-edge-limits-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The metadata's problems, as "line: message". */
function metadataProblems(text: string): string[] {
  const read = readMetadata('meta.json', text, null);
  return read.ok ? [] : read.problems.map((p) => `${p.line}: ${p.message}`);
}

/** The seed metadata with one CSL field set. */
const withCsl = (field: string, value: unknown) => {
  const metadata = JSON.parse(readSeedMetadata());
  metadata.csl[field] = value;
  return JSON.stringify(metadata, null, 2);
};

describe('metadata fields', () => {
  it('takes only http(s) links: javascript: and data: URLs are refused at their line', () => {
    expect(metadataProblems(withCsl('URL', 'javascript:alert(1)'))).toEqual([expect.stringMatching(/^\d+: "csl\.URL": must be an http\(s\) URL$/)]);
    expect(metadataProblems(withCsl('URL', 'data:text/html,<script>alert(1)</script>'))).toEqual([expect.stringMatching(/"csl\.URL": must be an http\(s\) URL/)]);
    expect(metadataProblems(withCsl('URL', 'http://www.jstor.org/stable/resrep09639'))).toEqual([]);
  });

  it('refuses bidirectional control characters, which make a title read otherwise than written', () => {
    expect(metadataProblems(withCsl('title', 'Driving the System \u202EtrapA'))).toEqual([expect.stringMatching(/"csl\.title": holds a bidirectional control character/)]);
    expect(metadataProblems(withCsl('publisher', 'International\u2066 Peace Institute'))).toEqual([expect.stringMatching(/"csl\.publisher": holds a bidirectional control character/)]);
  });

  it('bounds titles, names and the count of names, naming the limit', () => {
    expect(metadataProblems(withCsl('title', 'x'.repeat(MAX_TITLE_LENGTH + 1)))).toEqual([expect.stringMatching(new RegExp(`"csl\\.title": is too long \\(at most ${MAX_TITLE_LENGTH} characters\\)`))]);
    const many = Array.from({ length: MAX_NAMES + 1 }, (_, i) => ({ family: `Author${i}` }));
    expect(metadataProblems(withCsl('author', many))).toEqual([expect.stringMatching(new RegExp(`"csl\\.author": lists too many names \\(at most ${MAX_NAMES}\\)`))]);
  });
});

describe('contents pages', () => {
  const toc = (entries: string[]) => ['Research Report', 'A title', 'Pages: 3', '', 'Table of Contents', '', ...entries].join('\n');

  it('bounds the number of sections, naming the line of the first one too many', () => {
    const entries = Array.from({ length: MAX_SECTIONS + 1 }, (_, i) => `  ${i + 1}. (pp. 1-2)`);
    const parsed = parseJstorToc(toc(entries));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors).toEqual([{ line: 7 + MAX_SECTIONS, message: `segment ${MAX_SECTIONS + 1} is one too many: a report has at most ${MAX_SECTIONS} sections` }]);
  });

  it('bounds an excerpt, naming the line it starts on', () => {
    const parsed = parseJstorToc(toc(['  1. (pp. 1-2)', '', 'w'.repeat(MAX_EXCERPT_LENGTH + 10)]));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors).toEqual([{ line: 9, message: `an excerpt of ${MAX_EXCERPT_LENGTH + 10} characters is too long (at most ${MAX_EXCERPT_LENGTH})` }]);
  });

  it('drops bidirectional controls from the page’s text', () => {
    const parsed = parseJstorToc(toc(['  1. (pp. 1-2)']).replace('A title', 'A \u202Etitle'));
    expect(parsed.ok && parsed.page.title).toBe('A title');
  });

  it('refuses a page file too large before reading it', () => {
    const file = path.join(work, 'huge.txt');
    writeFileSync(file, '');
    truncateSync(file, 2 * 1024 * 1024);
    const read = readJstorPage(file);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.problems).toEqual([{ file, line: 1, message: 'is 2 MiB, too large for a contents page (at most 1 MiB)' }]);
  });
});

describe('PDFs', () => {
  it('refuses a PDF file too large before reading it', async () => {
    const file = path.join(work, 'huge.pdf');
    writeFileSync(file, '');
    truncateSync(file, 300 * 1024 * 1024);
    const read = await readPdf(file);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.problems).toEqual([{ file, line: 1, message: 'is 300 MiB, too large for a PDF (at most 256 MiB)' }]);
  });

  it('refuses a PDF with more pages than a report has', async () => {
    const pdf = await PDFDocument.create();
    for (let i = 0; i <= MAX_PDF_PAGES; i++) pdf.addPage([200, 200]);
    const file = path.join(work, 'long.pdf');
    writeFileSync(file, await pdf.save());
    const read = await readPdf(file);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.problems).toEqual([{ file, line: 1, message: `has ${MAX_PDF_PAGES + 1} pages, too many for one report (at most ${MAX_PDF_PAGES})` }]);
  }, 60_000);
});

describe('the build with a source beyond a limit', () => {
  let sources: string;
  let out: string;
  const build = () => runBuild(['--sources', sources, '--out', out]);

  beforeAll(() => {
    sources = path.join(work, 'sources');
    out = path.join(work, 'out');
    mkdirSync(sources);
    copyFileSync(SEED_PAGE_FILE, path.join(sources, `${SEED_ID}.txt`));
    copyFileSync(SEED_METADATA_FILE, path.join(sources, `${SEED_ID}.json`));
    expect(build().status).toBe(0);
  }, BUILD_TIMEOUT);

  // Issue 25: 10 MB strings once held the build 4.5 minutes and 6.2 GB of heap, naming no file.
  it('stops on a metadata file of 10 MB strings, naming the file, and leaves the last build', () => {
    const before = snapshot(out);
    const file = path.join(sources, `${SEED_ID}.json`);
    writeFileSync(file, withCsl('publisher', 'P'.repeat(10 * 1024 * 1024)));

    const run = build();
    writeFileSync(file, readSeedMetadata());

    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([`${file}:1: is 10 MiB, too large for a metadata file (at most 64 KiB)`, `build failed: 1 problem(s); ${out} was left as it was`]);
    expect(snapshot(out)).toEqual(before);
  }, BUILD_TIMEOUT);

  // Issue 25: strings × styles × locales × forms once made a 243 MiB report file that kept wrangler dev from starting.
  it('stops a report whose citations would pass the 24 MiB a report file may be, every field within its limit, and leaves the last build', () => {
    const before = snapshot(out);
    const id = 'every-field-at-its-limit';
    const entries = Array.from({ length: MAX_SECTIONS }, (_, i) => `  ${i + 1}. (pp. ${2 * i + 1}-${2 * i + 2})\n\nAn excerpt of the section ...\n`);
    writeFileSync(path.join(sources, `${id}.txt`), ['Research Report', 'T'.repeat(MAX_TITLE_LENGTH - 10), 'Pages: 2000', '', 'Table of Contents', '', ...entries].join('\n'));
    const csl = {
      type: 'report',
      title: 'T'.repeat(MAX_TITLE_LENGTH - 10),
      author: Array.from({ length: MAX_NAMES }, () => ({ family: 'F'.repeat(190), given: 'G'.repeat(190) })),
      publisher: 'P'.repeat(190),
      'publisher-place': 'Q'.repeat(190),
      issued: { 'date-parts': [[2013, 8]] },
      URL: `https://example.org/${'u'.repeat(950)}`,
    };
    const sections = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [String(i + 1), { title: 's'.repeat(MAX_TITLE_LENGTH - 10) }]));
    writeFileSync(path.join(sources, `${id}.json`), JSON.stringify({ csl, sections }));

    const run = build();
    rmSync(path.join(sources, `${id}.txt`));
    rmSync(path.join(sources, `${id}.json`));

    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`report "${id}": its citations pass 24 MiB, the most a report file may be`);
    expect(run.stderr).toContain(`build failed; ${out} was left as it was`);
    expect(snapshot(out)).toEqual(before);
  }, BUILD_TIMEOUT);

  it('stops on a field too long within a small file, naming its line', () => {
    const file = path.join(sources, `${SEED_ID}.json`);
    const text = withCsl('publisher', 'P'.repeat(40_000));
    writeFileSync(file, text);

    const run = build();
    writeFileSync(file, readSeedMetadata());

    const line = text.split('\n').findIndex((l) => l.includes('"publisher"')) + 1;
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${file}:${line}: "csl.publisher": is too long (at most 200 characters)`);
    expect(readSeedPage()).toContain('Table of Contents');
  }, BUILD_TIMEOUT);
});
