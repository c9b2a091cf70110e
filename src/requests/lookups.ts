/**
 * Look-ups every route needs, API and pages alike: a report by id, a
 * section by number, a report's citations, each failing with a 404 problem
 * that says what does exist.
 */
import { findSection } from '../core/catalogue';
import type { CitationsFile } from '../core/citations';
import type { Report, Section } from '../core/types';
import { citationStyles, reportData, shelfList, type ReportData } from '../data';
import { ProblemError, unknownReport, type Problem } from '../problem';

/** The report with this id, with its data; otherwise fails with the 404 naming reports that exist. */
export async function requireReport(id: string): Promise<ReportData> {
  const data = await reportData(id);
  if (data) return data;
  const shelf = await shelfList();
  throw new ProblemError(unknownReport(id, shelf.reports.map((r) => r.id)));
}

/** The section with this number; otherwise fails with a 404 giving the valid range. */
export function requireSection(report: Report, n: number): Section {
  const section = findSection(report, n);
  if (!section) throw new ProblemError(missingSection(report, n));
  return section;
}

/** The 404 for section numbers a report lacks. */
export function missingSection(report: Report, n: number, all: number[] = [n]): Problem {
  return {
    status: 404,
    kind: 'unknown-section',
    title: 'No such section',
    detail: `Report "${report.id}" has sections 1 to ${report.sections.length}; there is no section ${all.join(', ')}.`,
    extra: { sections: report.sections.map((s) => s.number) },
  };
}

/** A report's prerendered citations with the library's styles. */
export async function reportCitations(data: ReportData): Promise<CitationsFile> {
  return data.citations(await citationStyles());
}
