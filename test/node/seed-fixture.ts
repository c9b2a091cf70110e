/**
 * Paths and loaders shared by the Node tests: the project's own copy of the
 * seed page and its metadata, read the way the build reads them.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readReports } from '../../scripts/report-sources';
import { analyzer } from '../../src/core/analyzer';
import { createSearchIndex, surfaceForms } from '../../src/core/search';
import type { Catalogue, Report } from '../../src/core/types';

export const REPO_ROOT = path.resolve(__dirname, '../..');
export const SOURCES_DIR = path.join(REPO_ROOT, 'index/sources');
export const SEED_ID = 'driving-the-system-apart';
export const SEED_PAGE_FILE = path.join(SOURCES_DIR, `${SEED_ID}.txt`);
export const SEED_METADATA_FILE = path.join(SOURCES_DIR, `${SEED_ID}.json`);

export function readSeedPage(): string {
  return readFileSync(SEED_PAGE_FILE, 'utf8');
}

export function readSeedMetadata(): string {
  return readFileSync(SEED_METADATA_FILE, 'utf8');
}

/** The reports in index/sources, or a thrown list of problems. */
export async function loadSeedReports(): Promise<Report[]> {
  const read = await readReports(SOURCES_DIR);
  if (!read.ok) throw new Error(read.problems.map((p) => `${p.file}:${p.line}: ${p.message}`).join('\n'));
  return read.reports;
}

/** The catalogue and index the build would write, built in memory. */
export async function loadSeedSearch() {
  const reports = await loadSeedReports();
  const catalogue: Catalogue = { reports, surfaceForms: surfaceForms(reports, analyzer) };
  return { reports, catalogue, index: createSearchIndex(reports, analyzer) };
}
