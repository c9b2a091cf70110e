/**
 * @module library
 * A library of reports as files: one file per report, the shelf list, and
 * the word list in shards, with where each lives under the assets folder.
 * The build writes them (scripts/library/); the Worker reads them through
 * `src/data/`, the only code that knows how they are fetched and kept.
 */
export { decodeReportFile, encodeReportFile, type ReportFileParts, type ReportHead } from './report-file';
export { isFiltered, issuedYear, listShelf, matchesShelfFilters, shelfEntry, SHELF_ORDERS, type ShelfEntry, type ShelfList, type ShelfOrder, type ShelfQuery } from './shelf';
export { FIELD_CODES, inverseSectionFrequency, POSTING_WIDTH, termShard, type TermPresence, type TermShard } from './term-shards';

/**
 * What a report id may be: it is a file name here and a path segment in URLs
 * that must never change, so plain lower-case words joined by hyphens.
 * @example REPORT_ID.test('driving-the-system-apart') // true
 */
export const REPORT_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Where each file lives under the build's assets folder, as the path the
 * Worker asks its `ASSETS` binding for. Report ids are checked against
 * `REPORT_ID` before they get here, so a path cannot leave `/data/`.
 */
export const dataPaths = {
  shelf: () => '/data/library.json',
  citationStyles: () => '/data/citation-styles.json',
  report: (id: string) => `/data/reports/${id}.ndjson`,
  termShard: (shard: string) => `/data/terms/${shard}.json`,
};
