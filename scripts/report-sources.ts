/**
 * Sources → reports: the first two stages of the build, for every report in
 * a folder. `scripts/sources/` reads each report's files into one neutral
 * document; `assemble-report.ts` makes the report from it. Problems come back
 * as `file:line: message` (a PDF's "line" is its page), never half a result.
 */
import { assembleReport } from './assemble-report';
import { readDocuments, type SourceProblem } from './sources';
import type { Report } from '../src/core/types';

/** The reports of a folder with what reading them found (one line each: pages, labels, text, time), or every problem. */
export type ReadReports = { ok: true; reports: Report[]; summary: string[]; warnings: string[] } | { ok: false; problems: SourceProblem[] };

/**
 * Reads every report in a folder, in id order.
 * @example await readReports('index/sources') // { ok: true, reports: [{ id: 'driving-the-system-apart', … }], summary: [], warnings: [] }
 */
export async function readReports(dir: string): Promise<ReadReports> {
  const read = await readDocuments(dir);
  if (!read.ok) return read;
  const assembled = read.documents.map(assembleReport);
  return {
    ok: true,
    reports: assembled.map(({ report }) => report),
    summary: read.documents.flatMap((document) => document.summary.map((line) => `${document.id}: ${line}`)),
    warnings: [...read.documents.flatMap((document) => document.warnings), ...assembled.flatMap(({ notes }) => notes)].map((warning) => `warning: ${warning}`),
  };
}
