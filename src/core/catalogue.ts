/**
 * Look-ups in the catalogue the build wrote: reports, sections, a section's
 * text. (The build assembles reports in `scripts/assemble-report.ts`.)
 */
import type { Report, Section } from './types';

/** A section's text as one string, paragraphs separated by a blank line. */
export function sectionText(section: Section): string {
  return section.paragraphs.join('\n\n');
}

/** Looks up a report by id. */
export function findReport(reports: Report[], id: string): Report | undefined {
  return reports.find((report) => report.id === id);
}

/** Looks up a section by number. */
export function findSection(report: Report, number: number): Section | undefined {
  return report.sections.find((section) => section.number === number);
}
