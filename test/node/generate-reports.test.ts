/**
 * The report generator (scripts/generate-reports.ts): what it writes is
 * read by the build like any report, is the same for the same seed, and each
 * planted word is found by search in the section the manifest names.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateReport, writeLibrary } from '../../scripts/generate-reports';
import { readReports } from '../../scripts/report-sources';
import { analyzer } from '../../src/core/analyzer';
import { createSearchIndex, DEFAULT_SEARCH_OPTIONS, searchWithCorrection, surfaceForms } from '../../src/core/search';

const dir = mkdtempSync(path.join(tmpdir(), 'report-edge-generated-'));
const sources = path.join(dir, 'sources');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run generate', () => {
  const ids = writeLibrary(dir, 12, 7);
  const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8'));

  it('writes a contents page and a metadata file per report, and the manifest', () => {
    expect(ids).toEqual(Array.from({ length: 12 }, (_, i) => `generated-7-${i + 1}`));
    expect(readdirSync(dir).sort()).toEqual(['manifest.json', 'sources']);
    expect(readdirSync(sources).sort()).toEqual(ids.flatMap((id) => [`${id}.json`, `${id}.txt`]).sort());
    expect(Object.keys(manifest.reports)).toEqual(ids);
  });

  it('writes the same report for the same seed, and another for another seed', () => {
    expect(generateReport(7, 3)).toEqual(generateReport(7, 3));
    expect(generateReport(8, 3).contentsPage).not.toBe(generateReport(7, 3).contentsPage);
  });

  it('writes reports the build reads: 3 to 40 sections, roman and arabic ranges, titled "(generated)"', async () => {
    const read = await readReports(sources);
    if (!read.ok) throw new Error(read.problems.map((p) => `${p.file}:${p.line}: ${p.message}`).join('\n'));

    expect(read.reports.map((r) => r.id)).toEqual([...ids].sort());
    for (const report of read.reports) {
      expect(report.sections.length).toBeGreaterThanOrEqual(3);
      expect(report.sections.length).toBeLessThanOrEqual(40);
      expect(report.title).toMatch(/ \(generated\)$/);
    }
    const numberings = new Set(read.reports.flatMap((r) => r.sections.flatMap((s) => (s.pages ? [s.pages.numbering] : []))));
    expect(numberings).toEqual(new Set(['roman', 'arabic']));
  });

  it('plants words that search finds in the section the manifest names, and only there', async () => {
    const read = await readReports(sources);
    if (!read.ok) throw new Error('does not build');
    const index = createSearchIndex(read.reports, analyzer);
    const catalogue = { reports: read.reports, surfaceForms: surfaceForms(read.reports, analyzer) };

    for (const [id, planted] of Object.entries(manifest.reports) as Array<[string, Array<{ word: string; section: number }>]>) {
      expect(planted.length, id).toBe(2);
      for (const { word, section } of planted) {
        const answer = searchWithCorrection(index, catalogue, word, { ...DEFAULT_SEARCH_OPTIONS, fuzzy: false, prefix: false }, analyzer);
        expect(answer.hits.map((hit) => [hit.report, hit.number]), word).toEqual([[id, section]]);
      }
    }
  });
});
