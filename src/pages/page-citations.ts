/**
 * The formatted references a page shows in its cite panels, taken from the
 * prerendered citations like every API answer.
 */
import { citationAnswer } from '../core/citation-answer';
import { itemId, type ItemRef } from '../core/citation-items';
import { getCitations } from '../site-data';
import type { FormattedReference } from './cite-panel';

/** The styles a reader is offered first, in this order (those installed). */
export const PAGE_STYLES: Array<[style: string, label: string]> = [
  ['apa', 'APA'],
  ['mla', 'MLA'],
  ['chicago-author-date', 'Chicago'],
];

/** APA, MLA and Chicago references of one item, as HTML and text. */
export function formattedReferences(report: string, ref: ItemRef): FormattedReference[] {
  const file = getCitations();
  const installed = new Set(file.styles.map((s) => s.name));
  return PAGE_STYLES.filter(([style]) => installed.has(style)).map(([style, label]) => {
    const request = { report, items: [itemId(ref)], style, locale: file.defaultLocale };
    return {
      style,
      label,
      html: citationAnswer(file, { ...request, format: 'html' }).body,
      text: citationAnswer(file, { ...request, format: 'text' }).body.trim(),
    };
  });
}
