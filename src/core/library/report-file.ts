/**
 * One report's data as the build writes it and the Worker reads it: one file
 * per report (`data/reports/{id}.ndjson`), so a library of 10,000 reports is
 * 10,000 files, within Workers Static Assets' 20,000 files a version on the
 * free plan.
 *
 * The file is three JSON texts on three lines: the report with its surface
 * forms, its search index, its citations. `JSON.stringify` never writes a
 * raw line break, so the lines split cleanly; the Worker parses the first
 * line at once and each of the others only when a request needs it (a
 * section page never pays for the search index, a search never for the
 * citations), without the escaping a JSON string inside JSON would cost.
 */
import type { RelatedWords } from '../search/related-words';
import type { Report } from '../types';

/** The first line: the report and its index terms' written forms. */
export interface ReportHead {
  report: Report;
  /** Index term → the word as most often written in this report (see `Catalogue.surfaceForms`). */
  surfaceForms: Record<string, string>;
  /** A reader's word → this report's index terms it relates to (`Catalogue.relatedWords`). */
  relatedWords: RelatedWords;
}

/** The three parts, the last two still as JSON text. */
export interface ReportFileParts {
  head: ReportHead;
  searchIndexJson: string;
  citationsJson: string;
}

/**
 * The file's text from its parts.
 * @example encodeReportFile(head, JSON.stringify(index), JSON.stringify(citations)).split('\n').length // 3
 */
export function encodeReportFile(head: ReportHead, searchIndexJson: string, citationsJson: string): string {
  for (const [name, json] of [['search index', searchIndexJson], ['citations', citationsJson]]) {
    if (json.includes('\n')) throw new Error(`encodeReportFile: the ${name} JSON holds a line break; write it with JSON.stringify`);
  }
  return `${JSON.stringify(head)}\n${searchIndexJson}\n${citationsJson}\n`;
}

/**
 * The parts of a report file, the head parsed.
 * @example decodeReportFile(text).head.report.id // 'driving-the-system-apart'
 */
export function decodeReportFile(text: string): ReportFileParts {
  const first = text.indexOf('\n');
  const second = text.indexOf('\n', first + 1);
  const third = text.indexOf('\n', second + 1);
  if (first < 0 || second < 0 || third < 0) throw new Error('decodeReportFile: a report file has three lines');
  return {
    head: JSON.parse(text.slice(0, first)) as ReportHead,
    searchIndexJson: text.slice(first + 1, second),
    citationsJson: text.slice(second + 1, third),
  };
}
