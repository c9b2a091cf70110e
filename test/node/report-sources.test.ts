import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readReports } from '../../scripts/report-sources';
import { formatProblem, readMetadata } from '../../scripts/sources';
import { readSeedMetadata, readSeedPage, SEED_ID, SEED_METADATA_FILE, SEED_PAGE_FILE } from './seed-fixture';

const SEGMENTS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
/*
 * The seed metadata file, by line:
 *  2  "title": "Driving the System Apart? A Study of …",
 *  3  "csl": {
 *  4    "type": "report",
 *  7    "publisher": "International Peace Institute",
 *  9    "issued": { "date-parts": [[2013, 8]] },
 * 10    "number-of-pages": 32,
 * 14  "3": { "title": "Abbreviations" },
 * 15  "4": { "title": "Executive Summary", "citationTitle": "Executive summary" },
 * 16  "5": { "title": "Introduction" }
 */
const METADATA = readSeedMetadata();

function problemsOf(text: string, segments = SEGMENTS) {
  const result = readMetadata('meta.json', text, segments);
  if (result.ok) throw new Error('expected the metadata to be rejected');
  return result.problems;
}

/** The 1-based line of the first occurrence of `needle`, so tests follow the file's layout. */
function lineOf(text: string, needle: string): number {
  if (!text.includes(needle)) throw new Error(`no ${needle} in the text`);
  return text.slice(0, text.indexOf(needle)).split('\n').length;
}

function edited(from: string, to: string): string {
  if (!METADATA.includes(from)) throw new Error(`the seed metadata has no ${from}`);
  return METADATA.replace(from, to);
}

describe('readMetadata', () => {
  it('accepts the seed metadata and returns its display title, CSL and known titles', () => {
    const result = readMetadata('meta.json', METADATA, SEGMENTS);

    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.metadata.title).toBe(
      'Driving the System Apart? A Study of United Nations Integration and Integrated Strategic Planning',
    );
    expect(result.metadata.csl.title).toBe(
      'Driving the system apart? A study of United Nations integration and integrated strategic planning',
    );
    expect(result.metadata.sections).toEqual({
      '3': { title: 'Abbreviations' },
      '4': { title: 'Executive Summary', citationTitle: 'Executive summary' },
      '5': { title: 'Introduction' },
    });
  });

  it('reports "number-of-pages" given as a string at its line', () => {
    const problems = problemsOf(edited('"number-of-pages": 32', '"number-of-pages": "32"'));

    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'meta.json', line: 11 });
    expect(problems[0].message).toMatch(/^"csl\.number-of-pages": .*expected number, received string/);
  });

  it('reports a string inside the issued date-parts at its line', () => {
    const problems = problemsOf(edited('[[2013, 8]]', '[[2013, "8"]]'));

    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'meta.json', line: 10 });
    expect(problems[0].message).toMatch(/^"csl\.issued\.date-parts\.0\.1": .*expected number/);
  });

  it('reports invalid JSON (an unquoted value) at its line', () => {
    const problems = problemsOf(edited('"publisher": "International Peace Institute"', '"publisher": International Peace Institute'));

    expect(problems[0]).toMatchObject({ file: 'meta.json', line: 8 });
    expect(problems[0].message).toMatch(/^invalid JSON: /);
  });

  it('reports a comment as invalid JSON at its line', () => {
    const problems = problemsOf(edited('"type": "report",', '"type": "report", // CSL type'));

    expect(problems).toEqual([{ file: 'meta.json', line: 4, message: 'invalid JSON: InvalidCommentToken' }]);
  });

  it('reports an empty file as invalid JSON at line 1', () => {
    expect(problemsOf('')).toEqual([{ file: 'meta.json', line: 1, message: 'invalid JSON: ValueExpected' }]);
  });

  it('reports a section key naming a segment the page does not have ("12") at its line', () => {
    const text = edited('"5": { "title": "Introduction" }', '"12": { "title": "Introduction" }');
    const problems = problemsOf(text);

    expect(problems).toEqual([
      { file: 'meta.json', line: lineOf(text, '"12"'), message: 'names section 12, but the source page has sections 1-10' },
    ]);
  });

  it('reports a section key that is not a section number at its line', () => {
    const text = edited('"3": { "title"', '"abc": { "title"');
    const problems = problemsOf(text);

    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: lineOf(text, '"abc"') });
    expect(problems[0].message).toMatch(/^"sections\.abc": /);
  });

  it('reports an unknown field in a section at its line', () => {
    const text = edited('"Introduction" }', '"Introduction", "subtitle": "x" }');
    const problems = problemsOf(text);

    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: lineOf(text, '"subtitle"') });
    expect(problems[0].message).toMatch(/^"sections\.5\.subtitle": .*subtitle/);
  });

  it('reports a missing required CSL field at the line of its parent object', () => {
    const problems = problemsOf(edited('    "type": "report",\n', ''));

    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 3 });
    expect(problems[0].message).toMatch(/^"csl\.type": /);
  });

  it('reports a malformed URL, DOI and an author without a family name', () => {
    const text = JSON.stringify(
      { csl: { type: 'report', title: 'T', URL: 'not a url', DOI: 'doi:10/x', author: [{ given: 'Arthur' }] } },
      null,
      2,
    );

    const messages = problemsOf(text).map((p) => p.message).sort();

    expect(messages).toHaveLength(3);
    expect(messages[0]).toBe('"csl.DOI": a DOI looks like "10.1234/abc"');
    expect(messages[1]).toMatch(/^"csl\.URL": /);
    expect(messages[2]).toBe('"csl.author.0": a name needs "family" or "literal"');
  });

  it('reports an unknown top-level key at its own line', () => {
    const text = METADATA.replace(/\n}\s*$/, ',\n  "notes": "checked against the PDF"\n}\n');

    const problems = problemsOf(text);

    expect(problems).toHaveLength(1);
    expect(problems[0].line).toBe(lineOf(text, '"notes"'));
  });
});

describe('formatProblem', () => {
  it('writes a problem as file:line: message', () => {
    expect(formatProblem({ file: 'index/sources/x.txt', line: 4, message: 'segment 1: "9-4" ends before it starts' })).toBe(
      'index/sources/x.txt:4: segment 1: "9-4" ends before it starts',
    );
  });
});

describe('readReports on a folder of sources', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'report-edge-sources-'));
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  function addSeed(id: string, { metadata = true } = {}) {
    copyFileSync(SEED_PAGE_FILE, path.join(dir, `${id}.txt`));
    if (metadata) copyFileSync(SEED_METADATA_FILE, path.join(dir, `${id}.json`));
  }

  it('reads every report in file-name order', async () => {
    addSeed('b-report');
    addSeed('a-report');

    const result = await readReports(dir);

    expect(result.ok).toBe(true);
    if (result.ok) expect(result.reports.map((r) => [r.id, r.sections.length])).toEqual([['a-report', 10], ['b-report', 10]]);
  });

  it('reports a source page without its metadata file at that file, line 1', async () => {
    addSeed(SEED_ID, { metadata: false });

    const result = await readReports(dir);

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ file: path.join(dir, `${SEED_ID}.json`), line: 1 });
    expect(result.problems[0].message).toMatch(/^missing: every source page needs a metadata file beside it/);
  });

  it.each(['Driving-The-System', 'driving the system', 'driving_system', '-leading-hyphen'])(
    'rejects the report id %j, naming the page file',
    async (id) => {
      addSeed(id);

      const result = await readReports(dir);

      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.problems).toEqual([
        {
          file: path.join(dir, `${id}.txt`),
          line: 1,
          message: `"${id}" is not a usable report id: name the file in lower-case letters, digits and hyphens`,
        },
      ]);
    },
  );

  it('reports problems in the page and in the metadata of the same report together', async () => {
    writeFileSync(path.join(dir, 'x.txt'), readSeedPage().replace('Pages: 32', 'Pages: lots'));
    writeFileSync(path.join(dir, 'x.json'), METADATA.replace('"number-of-pages": 32', '"number-of-pages": "32"'));

    const result = await readReports(dir);

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => `${path.basename(p.file)}:${p.line}`)).toEqual(['x.txt:8', 'x.json:11']);
  });

  it('collects problems from every report, not only the first bad one', async () => {
    addSeed('a-report', { metadata: false });
    addSeed('b-report', { metadata: false });

    const result = await readReports(dir);

    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => path.basename(p.file))).toEqual(['a-report.json', 'b-report.json']);
  });

  it('reports a folder without source pages', async () => {
    writeFileSync(path.join(dir, 'orphan.json'), METADATA);

    expect(await readReports(dir)).toEqual({
      ok: false,
      problems: [{ file: dir, line: 0, message: 'no source pages (ID.txt or ID.pdf) to build from' }],
    });
  });
});
