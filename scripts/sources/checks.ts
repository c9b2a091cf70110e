/**
 * Checks that a report's sources agree: the printed labels of its pages
 * against every section's printed range and against the metadata's
 * `number-of-pages`. A disagreement is a problem naming the file and the page.
 */
import { parsePrintedPage, printedLabel } from '../../src/core/page-ranges';
import { LABEL_SOURCE_NAMES, type ReportDocument, type SourceProblem } from './document';

function sameLabel(label: string | null, wanted: { numbering: string; value: number }): boolean {
  const printed = label === null ? null : parsePrintedPage(label);
  return printed !== null && printed.numbering === wanted.numbering && printed.value === wanted.value;
}

/**
 * Every disagreement between the document's pages and what the other sources say of them.
 * @example checkDocument(document) // [{ file: 'r.pdf', line: 9, message: 'printed "4", but section 5 …' }]
 */
export function checkDocument(document: ReportDocument): SourceProblem[] {
  if (!document.pages) return [];
  const { file, pages, labels } = document.pages;
  const how = LABEL_SOURCE_NAMES[labels];
  const problems: SourceProblem[] = [];
  const expected = document.metadata.csl['number-of-pages'];
  if (expected !== undefined && expected !== pages.length) {
    problems.push({ file, line: pages.length, message: `has ${pages.length} pages, but the metadata file gives "number-of-pages": ${expected}` });
  }
  for (const section of document.sections) {
    const range = section.pages;
    if (!range) continue;
    const where = `section ${section.number} (pp. ${range.label}) of ${section.at.file}:${section.at.line}`;
    const start = pages.findIndex((page) => sameLabel(page.label, { numbering: range.numbering, value: range.from }));
    if (start < 0) {
      problems.push({ file, line: 1, message: `no page is printed "${range.first}" (labels from ${how}), but ${where} starts there` });
      continue;
    }
    for (let value = range.from; value <= range.to; value++) {
      const page = pages[start + value - range.from];
      if (page && sameLabel(page.label, { numbering: range.numbering, value })) continue;
      const printed = page ? (page.label === null ? 'unnumbered' : `printed "${page.label}"`) : 'missing: the PDF ends before it';
      const at = page ? page.index : pages.length;
      const wanted = printedLabel(range.numbering, value);
      problems.push({ file, line: at, message: `page ${at} is ${printed} (labels from ${how}), but ${where} needs page "${wanted}" there` });
      break;
    }
  }
  return problems;
}
