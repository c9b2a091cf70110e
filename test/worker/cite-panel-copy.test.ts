/**
 * A cite panel's copy button copies the quoted citation's own text (its
 * `textContent`), so that text must be the plain citation, character for
 * character: for every item of the report, every featured style and form.
 */
import { describe, expect, it } from 'vitest';
import { citationAnswer, itemId } from '../../src/core/citations';
import { reportData } from '../../src/data';
import { formattedCitations } from '../../src/pages/page-citations';
import { reportCitations } from '../../src/requests/lookups';

const data = (await reportData('driving-the-system-apart'))!;

/** What a browser's `textContent` gives for a fragment of citeproc's HTML: no tags, entities decoded. */
function textContentOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_, code: string) => String.fromCodePoint(parseInt(code, 16)))
    .replace(/&(lt|gt|quot|apos|nbsp|amp);/g, (_, name: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', amp: '&' })[name]!);
}

describe('cite panels: the text a copy button takes is the plain citation', () => {
  const report = data.report;
  const items = ['report' as const, ...report.sections.map((s) => s.number)];

  it.each(items)('item %s: every style and form', async (item) => {
    const today = new Date('2026-11-28T12:00:00Z');
    const file = await reportCitations(data);
    const styled = formattedCitations(file, report.id, item, today);
    expect(styled.length).toBeGreaterThanOrEqual(3);
    for (const { style, forms } of styled) {
      for (const form of forms) {
        // The API's plain-text answer for the same citation.
        const text = citationAnswer(file, { report: report.id, items: [itemId(item)], style, locale: file.defaultLocale, form: form.form, today, format: 'text' }).body.trim();
        expect(text.length, `${style} ${form.form}`).toBeGreaterThan(0);
        expect(textContentOf(form.html), `${style} ${form.form}`).toBe(text);
      }
    }
  });
});
