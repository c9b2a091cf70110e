import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BuiltLibrary } from '../../scripts/library/read-build';
import { analyzer } from '../../src/core/analyzer';
import { DEFAULT_SEARCH_OPTIONS, parseQuery, searchSections } from '../../src/core/search';
import { makeReportPdf, OUTLINE_SECTIONS } from '../fixtures/make-pdfs';
import { readSeedPage, REPO_ROOT, SEED_ID, SEED_METADATA_FILE, SEED_PAGE_FILE } from './seed-fixture';
import { BUILD_TIMEOUT, runBuild } from './build-process';
import { snapshot } from './folder-snapshot';

/** A build of `sources` into `out`. */
const build = (sources: string, out: string) => runBuild(['--sources', sources, '--out', out]);

/** The line a build prints for its reports stage: how many were built and how many reused. */
function reportsStage(stdout: string): { built: number; reused: number } {
  const match = /^stage reports: [\d.]+ s, (\d+) built, (\d+) unchanged and reused/m.exec(stdout);
  if (!match) throw new Error(`no reports stage in:\n${stdout}`);
  return { built: Number(match[1]), reused: Number(match[2]) };
}

function copySeed(dir: string, id: string, { metadata = true } = {}) {
  copyFileSync(SEED_PAGE_FILE, path.join(dir, `${id}.txt`));
  if (metadata) copyFileSync(SEED_METADATA_FILE, path.join(dir, `${id}.json`));
}

describe('the build as a process (tsx scripts/build-index.ts)', () => {
  let work: string;
  let sources: string;
  let out: string;
  let good: ReturnType<typeof build>;

  // One good build of two reports, shared by the tests below (the last one
  // then tries a bad build over its output).
  beforeAll(() => {
    work = mkdtempSync(path.join(os.tmpdir(), 'report-edge-build-'));
    sources = path.join(work, 'sources');
    out = path.join(work, 'out');
    mkdirSync(sources);
    copySeed(sources, SEED_ID);
    copySeed(sources, 'second-copy');
    good = build(sources, out);
  }, BUILD_TIMEOUT);

  afterAll(() => {
    rmSync(work, { recursive: true, force: true });
  });

  it('exits 0 on good sources and prints a summary line per report and one per stage', () => {
    expect(good.stderr).toBe('');
    expect(good.status).toBe(0);
    const lines = good.stdout.trim().split('\n');
    const perReport = lines.filter((line) => /^[a-z0-9-]+: \d+ sections/.test(line));
    expect(perReport).toHaveLength(2);
    expect(perReport[0]).toMatch(new RegExp(`^${SEED_ID}: 10 sections \\(5 with text\\), \\d+ index terms, [\\d.]+ KiB index, \\d+ ms; related words \\d+ \\([\\d.]+ KiB\\), \\d+ ms$`));
    expect(perReport[1]).toMatch(/^second-copy: 10 sections \(5 with text\), \d+ index terms, [\d.]+ KiB index, \d+ ms; related words \d+ \([\d.]+ KiB\), \d+ ms$/);
    expect(reportsStage(good.stdout)).toEqual({ built: 2, reused: 0 });
    expect(lines).toContainEqual(expect.stringMatching(/^stage library: [\d.]+ s, 2 report files \([\d.]+ KiB\), shelf list [\d.]+ KiB, word list \d+ shards/));
    for (const name of ['read', 'scripts', 'write']) expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^stage ${name}: [\\d.]+ s, `)));
  });

  it('writes one file per report, the shelf list, the word list and the citation styles under assets/, and the scripts beside it, leaving no temporary folders', () => {
    expect(readdirSync(out).sort()).toEqual(['assets', 'build-id.json', 'frame.js', 'page.js', 'widget.js']);
    expect(readdirSync(path.join(out, 'assets/data')).sort()).toEqual(['citation-styles.json', 'library.json', 'reports', 'terms']);
    expect(readdirSync(path.join(out, 'assets/data/reports')).sort()).toEqual([`${SEED_ID}.ndjson`, 'second-copy.ndjson']);
    expect(readdirSync(path.join(out, 'assets/data/terms'))).toContain('in.json');
    // The per-report cache lives beside the build.
    expect(readdirSync(work).sort()).toEqual(['.build-cache', 'out', 'sources']);
  });

  it('writes report files that answer a search, and a word list that names the reports holding a term', () => {
    const library = new BuiltLibrary(out);
    const seed = library.report(SEED_ID);

    const page = searchSections(seed.searchIndex, seed.catalogue, parseQuery('counterfactual', analyzer), DEFAULT_SEARCH_OPTIONS, analyzer);

    expect(library.shelf().reports.map((r) => [r.id, r.sections])).toEqual([[SEED_ID, 10], ['second-copy', 10]]);
    expect(library.shelf().sections).toBe(20);
    expect(seed.catalogue.surfaceForms['integr']).toBe('integration');
    expect(page.hits.map((h) => h.number)).toEqual([7]);
    // "counterfactual" is in section 7 of each copy: both reports, one section each, in the text.
    const shard = library.termShard('co')!;
    expect(shard.postings['counterfactu']).toEqual([0, 1, 0, 1, 1, 0]);
    expect(shard.forms['counterfactu']).toBe('counterfactual');
  });

  it('rebuilds unchanged sources from its cache into byte-identical files', () => {
    const before = snapshot(out);

    const again = build(sources, out);

    expect(again.status).toBe(0);
    expect(reportsStage(again.stdout)).toEqual({ built: 0, reused: 2 });
    expect(again.stdout).not.toMatch(/^citations: /m);
    expect(snapshot(out)).toEqual(before);
  }, BUILD_TIMEOUT);

  it('rebuilds a report whose text alone changed with the citations it had, which depend on its metadata and pages only', () => {
    const pageFile = path.join(sources, 'second-copy.txt');
    const original = readFileSync(pageFile, 'utf8');
    writeFileSync(pageFile, original.replace('the counterfactual (', 'the counterfactual case ('));

    const changed = build(sources, out);
    // The same sources built afresh, without a cache: what the patched word list must equal.
    const fresh = mkdtempSync(path.join(os.tmpdir(), 'report-edge-fresh-'));
    const afresh = build(sources, path.join(fresh, 'out'));
    writeFileSync(pageFile, original);

    expect(changed.status).toBe(0);
    expect(reportsStage(changed.stdout)).toEqual({ built: 1, reused: 1 });
    expect(changed.stdout).toMatch(/^stage reports: .*citations rendered for 0 on 1 process/m);
    // New words in one report: the last build's word list patched for it, to the very bytes of one gathered afresh.
    expect(changed.stdout).toMatch(/^stage library: .*word list \d+ shards \([^)]*; the last build's patched for 1 report\(s\)\)/m);
    expect(afresh.stdout).toMatch(/^stage library: .*word list \d+ shards \([^)]*; gathered from every report\)/m);
    expect(snapshot(out)).toEqual(snapshot(path.join(fresh, 'out')));
    rmSync(fresh, { recursive: true, force: true });
    expect(changed.stdout).toMatch(/^citations: second-copy: inputs unchanged, reused$/m);
    // New text: its related words are found again in WordNet (a time, not "kept").
    expect(changed.stdout).toMatch(/^second-copy: .*; related words \d+ \([\d.]+ KiB\), \d+ ms$/m);
    const second = new BuiltLibrary(out).report('second-copy');
    expect(second.catalogue.reports[0].sections[6].paragraphs.join(' ')).toContain('counterfactual case');
    expect(second.citations.reports['second-copy'].items.s7.ris).toBe(new BuiltLibrary(out).report(SEED_ID).citations.reports[SEED_ID].items.s7.ris);
  }, BUILD_TIMEOUT);

  it('rebuilds only the report whose sources changed', () => {
    // The sources as they were, built: the cache holds what they are made of.
    expect(build(sources, out).status).toBe(0);
    const metadataFile = path.join(sources, 'second-copy.json');
    const original = readFileSync(metadataFile, 'utf8');
    writeFileSync(metadataFile, original.replace('"publisher-place": "New York"', '"publisher-place": "Geneva"'));
    expect(readFileSync(metadataFile, 'utf8')).not.toBe(original);

    const changed = build(sources, out);
    writeFileSync(metadataFile, original);

    expect(changed.status).toBe(0);
    expect(reportsStage(changed.stdout)).toEqual({ built: 1, reused: 1 });
    expect(changed.stdout).toMatch(/^citations: second-copy: 10 sections/m);
    // The same sections: the related words are kept, with the same map in the file.
    expect(changed.stdout).toMatch(/^second-copy: .*; related words \d+ \([\d.]+ KiB\), kept$/m);
    expect(new BuiltLibrary(out).report('second-copy').catalogue.relatedWords).toEqual(new BuiltLibrary(out).report(SEED_ID).catalogue.relatedWords);
    expect(new BuiltLibrary(out).shelf().reports[1].csl['publisher-place']).toBe('Geneva');
  }, BUILD_TIMEOUT);

  it('exits non-zero when a metadata file is missing, naming that file at line 1', () => {
    const lonely = path.join(work, 'lonely');
    mkdirSync(lonely);
    copySeed(lonely, SEED_ID, { metadata: false });
    const lonelyOut = path.join(work, 'lonely-out');

    const run = build(lonely, lonelyOut);
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

    const run = build(bad, out);
    rmSync(bad, { recursive: true, force: true });

    expect(run.status).not.toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toEqual([
      `${pageFile}:43: segment 10: "27-26" ends before it starts`,
      `build failed: 1 problem(s); ${out} was left as it was`,
    ]);
    expect(snapshot(out)).toEqual(before);
    expect(readdirSync(work).sort()).toEqual(['.build-cache', 'out', 'sources']);
  }, BUILD_TIMEOUT);
});

describe('the build of a report from its metadata file and PDF alone (no JSTOR page)', () => {
  let work: string;
  let run: ReturnType<typeof build>;
  let out: string;

  beforeAll(async () => {
    work = mkdtempSync(path.join(os.tmpdir(), 'report-edge-pdf-build-'));
    const sources = path.join(work, 'sources');
    out = path.join(work, 'out');
    mkdirSync(sources);
    copyFileSync(SEED_METADATA_FILE, path.join(sources, 'from-pdf.json'));
    writeFileSync(path.join(sources, 'from-pdf.pdf'), await makeReportPdf({ pageLabels: true, outline: true }));
    run = build(sources, out);
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
    const [report] = new BuiltLibrary(out).report('from-pdf').catalogue.reports;

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
    const built = new BuiltLibrary(out).report('from-pdf');

    const page = searchSections(built.searchIndex, built.catalogue, parseQuery('quetzal', analyzer), DEFAULT_SEARCH_OPTIONS, analyzer);

    expect(page.hits.map((h) => [h.report, h.number])).toEqual([['from-pdf', 7]]);
  });
});
