import { appendFileSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { citationsKey, relatedWordsKey, reportKey } from '../../scripts/library/build-cache';
import { ReadCache } from '../../scripts/library/read-cache';
import { readReports } from '../../scripts/report-sources';
import { makeReportPdf } from '../fixtures/make-pdfs';
import { SEED_ID, SEED_METADATA_FILE, SEED_PAGE_FILE } from './seed-fixture';

describe('the cache of reads (scripts/library/read-cache.ts)', () => {
  let work: string;
  let sources: string;
  let cacheDir: string;

  beforeEach(() => {
    work = mkdtempSync(path.join(os.tmpdir(), 'report-edge-read-cache-'));
    sources = path.join(work, 'sources');
    cacheDir = path.join(work, 'cache');
    mkdirSync(sources);
    for (const id of [SEED_ID, 'second-report']) {
      copyFileSync(SEED_PAGE_FILE, path.join(sources, `${id}.txt`));
      copyFileSync(SEED_METADATA_FILE, path.join(sources, `${id}.json`));
    }
  });
  afterEach(() => rmSync(work, { recursive: true, force: true }));

  it('gives, from the cache, the very reports and keys that reading gives', async () => {
    const cache = new ReadCache(cacheDir, 'code-1');
    const plain = await readReports(sources);
    const first = await readReports(sources, { cache });
    const second = await readReports(sources, { cache });
    if (!plain.ok || !first.ok || !second.ok) throw new Error('the seed sources should read');
    expect(first.reports).toEqual(plain.reports);
    expect(second.reports).toEqual(plain.reports);
    expect(second.warnings).toEqual(plain.warnings);
    // The keys of kept reads come from the digests kept with them: they must be what hashing gives.
    for (const [i, report] of second.reports.entries()) {
      const read = plain.reports[i];
      expect(reportKey('code', report)).toBe(reportKey('code', read));
      expect(citationsKey('code', report)).toBe(citationsKey('code', read));
      expect(relatedWordsKey('code', report)).toBe(relatedWordsKey('code', read));
    }
  });

  it('reads again exactly the report whose file changed, and what it reads is the new file', async () => {
    const cache = new ReadCache(cacheDir, 'code-1');
    await readReports(sources, { cache });
    const metadataFile = path.join(sources, 'second-report.json');
    const metadata = JSON.parse(readFileSync(metadataFile, 'utf8'));
    metadata.csl.publisher = 'A Changed Publisher';
    writeFileSync(metadataFile, JSON.stringify(metadata));
    expect(cache.read(sources, SEED_ID)).not.toBeNull();
    expect(cache.read(sources, 'second-report')).toBeNull();
    const again = await readReports(sources, { cache });
    if (!again.ok) throw new Error('should read');
    const second = again.reports.find((r) => r.id === 'second-report')!;
    expect(second.csl.publisher).toBe('A Changed Publisher');
    expect(again.reports.find((r) => r.id === SEED_ID)!.csl.publisher).not.toBe('A Changed Publisher');
  });

  it('takes a file written again with the same bytes as unchanged, and one changed at the same size as changed', async () => {
    const cache = new ReadCache(cacheDir, 'code-1');
    await readReports(sources, { cache });
    const pageFile = path.join(sources, 'second-report.txt');
    const page = readFileSync(pageFile, 'utf8');
    const later = new Date(Date.now() + 5_000);
    writeFileSync(pageFile, page);
    utimesSync(pageFile, later, later);
    expect(cache.read(sources, 'second-report')).not.toBeNull();
    // One letter for another: the same size, another time of change.
    writeFileSync(pageFile, page.replace('counterfactual', 'counterfactuel'));
    utimesSync(pageFile, new Date(Date.now() + 10_000), new Date(Date.now() + 10_000));
    expect(readFileSync(pageFile).length).toBe(Buffer.byteLength(page));
    expect(cache.read(sources, 'second-report')).toBeNull();
  });

  it('reads again when a source appears where there was none, the reader changed, or the folder is another', async () => {
    const cache = new ReadCache(cacheDir, 'code-1');
    await readReports(sources, { cache });
    expect(cache.read(sources, SEED_ID)).not.toBeNull();
    // A PDF beside the report is one more source of it, even if it is not a good one.
    writeFileSync(path.join(sources, `${SEED_ID}.pdf`), '%PDF-1.4 not really');
    expect(cache.read(sources, SEED_ID)).toBeNull();
    rmSync(path.join(sources, `${SEED_ID}.pdf`));
    expect(cache.read(sources, SEED_ID)).not.toBeNull();
    expect(new ReadCache(cacheDir, 'code-2').read(sources, SEED_ID)).toBeNull();
    // The same id in another folder is another report, even with the same files.
    const elsewhere = path.join(work, 'elsewhere');
    mkdirSync(elsewhere);
    copyFileSync(SEED_PAGE_FILE, path.join(elsewhere, `${SEED_ID}.txt`));
    copyFileSync(SEED_METADATA_FILE, path.join(elsewhere, `${SEED_ID}.json`));
    expect(cache.read(elsewhere, SEED_ID)).toBeNull();
  });

  it('keeps no problem: a report that failed to read is read again, and reported again', async () => {
    const cache = new ReadCache(cacheDir, 'code-1');
    appendFileSync(path.join(sources, 'second-report.json'), '{ not json');
    const bad = await readReports(sources, { cache });
    expect(bad.ok).toBe(false);
    expect(cache.read(sources, 'second-report')).toBeNull();
    const again = await readReports(sources, { cache });
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.problems.some((p) => p.file.endsWith('second-report.json'))).toBe(true);
  });

  it('says in the summary which reads came from the cache, and forgets reports no longer there', async () => {
    const cache = new ReadCache(cacheDir, 'code-1');
    // A report read from a PDF: reading it prints a line (pages, labels, text, time).
    copyFileSync(SEED_METADATA_FILE, path.join(sources, 'from-pdf.json'));
    writeFileSync(path.join(sources, 'from-pdf.pdf'), await makeReportPdf({ pageLabels: true, outline: true }));
    const first = await readReports(sources, { cache });
    const second = await readReports(sources, { cache });
    if (!first.ok || !second.ok) throw new Error('should read');
    const pdfLines = (summary: string[]) => summary.filter((line) => line.startsWith('from-pdf: read from-pdf.pdf: 32 pages'));
    expect(pdfLines(first.summary)).toHaveLength(1);
    expect(pdfLines(first.summary)[0]).not.toContain('an earlier read');
    expect(pdfLines(second.summary)).toEqual([`${pdfLines(first.summary)[0]} (an earlier read: the files are unchanged)`]);
    expect(second.reports).toEqual(first.reports);
    cache.keepOnly([SEED_ID]);
    expect(cache.read(sources, 'from-pdf')).toBeNull();
    expect(cache.read(sources, 'second-report')).toBeNull();
    expect(cache.read(sources, SEED_ID)).not.toBeNull();
  }, 60_000);
});
