/**
 * Look-ups in the catalogue the build wrote: reports, sections, a section's
 * text. (The build assembles reports in `scripts/assemble-report.ts`.)
 */
import type { Report, Section } from './types';

/**
 * A section's text as one string, paragraphs separated by a blank line: its
 * whole text where the PDF was read, otherwise the excerpt.
 */
export function sectionText(section: Section): string {
  if (section.fullText) return section.fullText.map((page) => page.text).join('\n\n');
  return section.paragraphs.join('\n\n');
}

/**
 * The text of one printed page of a report, from the sections that hold a
 * part of it, in order; null where the page's text is not known.
 * @example printedPageText(report, '11') // 'Only this page mentions the quetzal…'
 */
export function printedPageText(report: Report, label: string): string | null {
  const parts: string[] = [];
  for (const section of report.sections) {
    for (const page of section.fullText ?? []) {
      // A page the build could not split is in both sections whole: give it once.
      if (page.label === label && !parts.includes(page.text)) parts.push(page.text);
    }
  }
  return parts.length > 0 ? parts.join('\n\n') : null;
}

/** Looks up a report by id. */
export function findReport(reports: Report[], id: string): Report | undefined {
  return reports.find((report) => report.id === id);
}

/** Looks up a section by number. */
export function findSection(report: Report, number: number): Section | undefined {
  return report.sections.find((section) => section.number === number);
}
