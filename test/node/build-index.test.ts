import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildFiles, writeBuildAtomically } from '../../scripts/build-index';
import { readReports } from '../../scripts/report-sources';
import { analyzer } from '../../src/core/analyzer';
import { DEFAULT_SEARCH_OPTIONS, loadSearchIndex, parseQuery, searchSections } from '../../src/core/search';
import type { Catalogue } from '../../src/core/types';
import { makeReportPdf, OUTLINE_SECTIONS } from '../fixtures/make-pdfs';
import { readSeedPage, REPO_ROOT, SEED_ID, SEED_METADATA_FILE, SEED_PAGE_FILE } from './seed-fixture';

// A good build renders every citation style and takes tens of seconds.
const BUILD_TIMEOUT = 240_000;

function runBuild(sources: string, out: string) {
  const result = spawnSync('npx', ['tsx', 'scripts/build-index.ts', '--sources', sources, '--out', out], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    timeout: BUILD_TIMEOUT,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Every file under a folder, by relative path, with its bytes. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    files[path.relative(dir, full)] = readFileSync(full).toString('base64');
  }
  return files;
}

function copySeed(dir: string, id: string, { metadata = true } = {}) {
  copyFileSync(SEED_PAGE_FILE, path.join(dir, `${id}.txt`));
  if (metadata) copyFileSync(SEED_METADATA_FILE, path.join(dir, `${id}.json`));
}

describe('the build as a process (tsx scripts/build-index.ts)', () => {
  let work: string;
  let sources: string;
  let out: string;
  let good: ReturnType<typeof runBuild>;

  // One good build of two reports, shared by the tests below (the last one
  // then tries a bad build over its output).
  beforeAll(() => {
    work = mkdtempSync(path.join(os.tmpdir(), 'report-edge-build-'));
    sources = path.join(work, 'sources');
    out = path.join(work, 'out');
    mkdirSync(sources);
    copySeed(sources, SEED_ID);
    copySeed(sources, 'second-copy');
    good = runBuild(sources, out);
  }, BUILD_TIMEOUT);

  afterAll(() => {
    rmSync(work, { recursive: true, force: true });
  });

  it('exits 0 on good sources and prints a summary line per report', () => {
    expect(good.stderr).toBe('');
    expect(good.status).toBe(0);
    const lines = good.stdout.trim().split('\n');
    const perReport = lines.filter((line) => /^[a-z0-9-]+: \d+ sections/.test(line));
    expect(perReport).toHaveLength(2);
    expect(perReport[0]).toMatch(new RegExp(`^${SEED_ID}: 10 sections \\(5 with text\\), \\d+ index terms, [\\d.]+ KiB index, \\d+ ms$`));
    expect(perReport[1]).toMatch(/^second-copy: 10 sections \(5 with text\), \d+ index terms, [\d.]+ KiB index, \d+ ms$/);
    expect(lines).toContainEqual(expect.stringMatching(/^index: \d+ terms, [\d.]+ KiB; catalogue: [\d.]+ KiB; built in \d+ ms$/));
  });

  it('writes catalogue.json and search-index.json into the output folder, leaving no temporary folders', () => {
    expect(readdirSync(out)).toEqual(expect.arrayContaining(['catalogue.json', 'search-index.json']));
    expect(readdirSync(work).sort()).toEqual(['out', 'sources']);
  });

  it('writes a catalogue and an index that answer a search', () => {
    const catalogue = JSON.parse(readFileSync(path.join(out, 'catalogue.json'), 'utf8')) as Catalogue;
    const index = loadSearchIndex(JSON.parse(readFileSync(path.join(out, 'search-index.json'), 'utf8')), analyzer);

    const page = searchSections(index, catalogue, parseQuery('counterfactual', analyzer), { ...DEFAULT_SEARCH_OPTIONS, report: SEED_ID }, analyzer);

    expect(catalogue.reports.map((r) => [r.id, r.sections.length])).toEqual([[SEED_ID, 10], ['second-copy', 10]]);
    expect(catalogue.surfaceForms['integr']).toBe('integration');
    expect(page.hits.map((h) => h.number)).toEqual([7]);
  });

  it('rebuilds unchanged sources into byte-identical catalogue and index files', async () => {
    const read = await readReports(sources);
    if (!read.ok) throw new Error('sources should be valid');

    // `previous` lets the build reuse the citations it rendered, as `main` does.
    const { files } = buildFiles(read.reports, { previous: out, stylesDir: path.join(REPO_ROOT, 'index/styles') });

    expect(files['catalogue.json']).toBe(readFileSync(path.join(out, 'catalogue.json'), 'utf8'));
    expect(files['search-index.json']).toBe(readFileSync(path.join(out, 'search-index.json'), 'utf8'));
  });

  it('exits non-zero when a metadata file is missing, naming that file at line 1', () => {
    const lonely = path.join(work, 'lonely');
    mkdirSync(lonely);
    copySeed(lonely, SEED_ID, { metadata: false });
    const lonelyOut = path.join(work, 'lonely-out');

    const run = runBuild(lonely, lonelyOut);
    rmSync(lonely, { recursive: true, force: true });

    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain(`${path.join(lonely, `${SEED_ID}.json`)}:1: missing: every source page needs a metadata file beside it`);
    expect(existsSync(lonelyOut)).toBe(false);
  }, BUILD_TIMEOUT);

  it('exits non-zero on a malformed source, prints file:line: message and leaves the previous build byte-for-byte untouched', () => {
    expect(good.status).toBe(0);
    writeFileSync(path.join(out, 'sentinel.txt'), 'written by the test after the good build\n');
    const before = snapshot(out);
    const bad = path.join(work, 'bad-sources');
    mkdirSync(bad);
    copySeed(bad, SEED_ID);
    // Line 43 is the last entry, "  10. (pp. 26-26)".
    const pageFile = path.join(bad, `${SEED_ID}.txt`);
    writeFileSync(pageFile, readSeedPage().replace('  10. (pp. 26-26)', '  10. (pp. 27-26)'));

    const run = runBuild(bad, out);
    rmSync(bad, { recursive: true, force: true });

    expect(run.status).not.toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toEqual([
      `${pageFile}:43: segment 10: "27-26" ends before it starts`,
      `build failed: 1 problem(s); ${out} was left as it was`,
    ]);
    expect(snapshot(out)).toEqual(before);
    expect(readdirSync(work).sort()).toEqual(['out', 'sources']);
  }, BUILD_TIMEOUT);
});

describe('the build of a report from its metadata file and PDF alone (no JSTOR page)', () => {
  let work: string;
  let run: ReturnType<typeof runBuild>;
  let out: string;

  beforeAll(async () => {
    work = mkdtempSync(path.join(os.tmpdir(), 'report-edge-pdf-build-'));
    const sources = path.join(work, 'sources');
    out = path.join(work, 'out');
    mkdirSync(sources);
    copyFileSync(SEED_METADATA_FILE, path.join(sources, 'from-pdf.json'));
    writeFileSync(path.join(sources, 'from-pdf.pdf'), await makeReportPdf({ pageLabels: true, outline: true }));
    run = runBuild(sources, out);
  }, BUILD_TIMEOUT);

  afterAll(() => {
    rmSync(work, { recursive: true, force: true });
  });

  it('exits 0 and says what it read: pages, labels and how, characters of text, time', () => {
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^from-pdf: read from-pdf\.pdf: 32 pages, 30 labels from page labels, \d+ characters of text, 9 outline entries, \d+ ms$/m);
    expect(run.stdout).toMatch(/^from-pdf: 10 sections \(10 with text\), \d+ index terms/m);
  });

  it('writes sections from the outline, titled by the metadata file or else by the bookmarks, with every page and its label', () => {
    const catalogue = JSON.parse(readFileSync(path.join(out, 'catalogue.json'), 'utf8')) as Catalogue;
    const [report] = catalogue.reports;

    expect(report.sections.map((s) => [s.number, s.pages?.label ?? null, s.title])).toEqual(OUTLINE_SECTIONS);
    expect(report.sourceTitle).toBe('Driving the System Apart? A Study of United Nations Integration and Integrated Strategic Planning');
    expect(report.pageCount).toBe(32);
    expect(report.labelsFrom).toBe('page-labels');
    // Part Two (pp. 9–13) holds page 11, the only one to mention the quetzal.
    const partTwo = report.sections.find((s) => s.title === 'Part Two')!;
    expect(partTwo.fullText?.map((p) => p.label)).toEqual(['9', '10', '11', '12', '13']);
    expect(partTwo.fullText?.find((p) => p.label === '11')?.text).toContain('quetzal');
    // The metadata file titles sections 3, 4 and 5; the bookmarks the rest, but the covers (section 1), which have none.
    expect(report.sections.map((s) => s.titleSource)).toEqual([null, 'outline', 'metadata', 'metadata', 'metadata', 'outline', 'outline', 'outline', 'outline', 'outline']);
  });

  it('indexes the full text: a word printed only on page 11 finds the section holding it', () => {
    const catalogue = JSON.parse(readFileSync(path.join(out, 'catalogue.json'), 'utf8')) as Catalogue;
    const index = loadSearchIndex(JSON.parse(readFileSync(path.join(out, 'search-index.json'), 'utf8')), analyzer);

    const page = searchSections(index, catalogue, parseQuery('quetzal', analyzer), DEFAULT_SEARCH_OPTIONS, analyzer);

    expect(page.hits.map((h) => [h.report, h.number])).toEqual([['from-pdf', 7]]);
  });
});

describe('writeBuildAtomically', () => {
  let work: string;

  beforeEach(() => {
    work = mkdtempSync(path.join(os.tmpdir(), 'report-edge-write-'));
  });

  afterEach(() => {
    rmSync(work, { recursive: true, force: true });
  });

  it('creates the output folder with exactly the files given', () => {
    const out = path.join(work, 'nested', 'build');

    writeBuildAtomically(out, { 'a.json': '{"a":1}', 'b.json': '[]' });

    expect(snapshot(out)).toEqual({ 'a.json': Buffer.from('{"a":1}').toString('base64'), 'b.json': Buffer.from('[]').toString('base64') });
  });

  it('replaces the whole output folder, dropping files the new build does not write', () => {
    const out = path.join(work, 'build');
    writeBuildAtomically(out, { 'old.json': '{}', 'catalogue.json': 'old' });

    writeBuildAtomically(out, { 'catalogue.json': 'new' });

    expect(readdirSync(out)).toEqual(['catalogue.json']);
    expect(readFileSync(path.join(out, 'catalogue.json'), 'utf8')).toBe('new');
    expect(readdirSync(work)).toEqual(['build']);
  });
});
