/**
 * Look-ups every route needs: a report by id, a section by number, failing
 * with a 404 problem that names what does exist.
 */
import { findReport, findSection } from '../core/catalogue';
import type { Report, Section } from '../core/types';
import { ProblemError, unknownReport, type Problem } from '../problem';
import { getCatalogue } from '../site-data';

/** The report with this id; otherwise fails with the 404 naming those that exist. */
export function requireReport(id: string): Report {
  const reports = getCatalogue().reports;
  const report = findReport(reports, id);
  if (!report) throw new ProblemError(unknownReport(id, reports.map((r) => r.id)));
  return report;
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
