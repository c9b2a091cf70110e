/**
 * Sources → reports: the first two stages of the build, for every report in
 * a folder. `scripts/sources/` reads each report's files into one neutral
 * document; `assemble-report.ts` makes the report from it. Problems come back
 * as `file:line: message` (a PDF's "line" is its page), never half a result.
 */
import { assembleReport } from './assemble-report';
import type { ReadCache, ReportRead } from './library/read-cache';
import { listReports, readDocument, type SourceProblem } from './sources';
import type { Report } from '../src/core/types';

/** The reports of a folder with what reading them found (one line each: pages, labels, text, time), or every problem. */
export type ReadReports = { ok: true; reports: Report[]; summary: string[]; warnings: string[]; /** How many were read anew, not taken from the cache. */ readAnew: number } | { ok: false; problems: SourceProblem[] };

/**
 * Reads every report in a folder, in id order. With a `cache`, a report
 * whose files and reader are unchanged is taken from it, not read again.
 * @example await readReports('index/sources') // { ok: true, reports: [{ id: 'driving-the-system-apart', … }], summary: [], warnings: [] }
 */
export async function readReports(dir: string, options: { cache?: ReadCache } = {}): Promise<ReadReports> {
  const listed = listReports(dir);
  if (!listed.ok) return listed;
  const reads: ReportRead[] = [];
  const problems: SourceProblem[] = [];
  let readAnew = 0;
  for (const id of listed.ids) {
    const kept = options.cache?.read(dir, id);
    if (kept) {
      // Its lines say what an earlier build's reading found (and how long that took).
      reads.push({ ...kept, summary: kept.summary.map((line) => `${line} (an earlier read: the files are unchanged)`) });
      continue;
    }
    readAnew++;
    const result = await readDocument(dir, id);
    if (!result.ok) {
      problems.push(...result.problems);
      continue;
    }
    const { document } = result;
    const { report, notes } = assembleReport(document);
    const read = { report, summary: document.summary.map((line) => `${document.id}: ${line}`), warnings: [...document.warnings, ...notes] };
    options.cache?.write(dir, id, result.files, read);
    reads.push(read);
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    reports: reads.map((read) => read.report),
    summary: reads.flatMap((read) => read.summary),
    warnings: reads.flatMap((read) => read.warnings).map((warning) => `warning: ${warning}`),
    readAnew,
  };
}
