/**
 * A section's citation is derived from its report's templates, not
 * rendered (`sectionCiter` in scripts/citations/render.ts): it must be what
 * citeproc-js renders for that section, in every style, form and format,
 * for every kind of pages a contents page gives: ranges that each page-range
 * format shortens differently, ranges across a power of ten, roman numerals,
 * single pages, and none. Each is checked here against citation-js's own
 * citation, the way a reader's software would render it.
 */
import { Cite } from '@citation-js/core';
import { describe, expect, it } from 'vitest';
import { renderReportCitations, setUpCitations } from '../../scripts/citations/render';
import { itemId, reportItems, type CslItem } from '../../src/core/citations/items';
import { PLACEHOLDERS } from '../../src/core/citations/registry';
import { parsePageRange } from '../../src/core/page-ranges';
import type { Report } from '../../src/core/types';
import { loadSeedReports } from './seed-fixture';

const PAGES = ['9-14', '101-108', '321-328', '1496-1504', '2787-2816', '11564-11615', '96-117', 'ii-iv', '26', 'xii', 'None'];

async function reportWithEveryKindOfPages(): Promise<Report> {
  const [seed] = await loadSeedReports();
  const sections = PAGES.map((label, i) => {
    const parsed = parsePageRange(label);
    if (!parsed.ok) throw new Error(label);
    return { ...seed.sections[i % seed.sections.length], number: i + 1, pages: parsed.range };
  });
  return { ...seed, sections };
}

describe('section citations derived from the report\'s templates', () => {
  it('are what citeproc-js renders for each section, in every style, form and format', async () => {
    const report = await reportWithEveryKindOfPages();
    const setup = setUpCitations({ locales: ['en-US', 'de-DE'] });
    // Twice: the second report of a process renders without the proofs the first made.
    renderReportCitations({ ...report, id: 'first-of-process' }, setup);
    const { citations } = renderReportCitations(report, setup);
    let compared = 0;
    for (const style of setup.styles) {
      for (const lang of setup.locales) {
        const forms = citations.styled[style.name][lang];
        for (const form of ['in-text', 'note'] as const) {
          if (!forms[form]) continue;
          const original = { ...reportItems(report)[0].item, accessed: { literal: PLACEHOLDERS.accessed } } as CslItem;
          const item = style.adaptItem ? style.adaptItem(original) : original;
          report.sections.forEach((section, i) => {
            const [first, last] = PAGES[i].split('-');
            const locator = PAGES[i] === 'None' ? undefined : last ? `${first}-${last}` : first;
            for (const [column, format] of (['text', 'html'] as const).entries()) {
              const expected = new Cite([item]).format('citation', {
                format,
                template: style.template,
                lang,
                entry: { citationItems: [{ id: item.id, ...(locator ? { locator, label: 'page' } : {}) }], properties: { noteIndex: 1 } },
              }) as string;
              const stored = citations.strings[forms[form]!.items[itemId(section.number)][column]].replaceAll(PLACEHOLDERS.number, '1');
              expect(stored, `${style.name}/${lang}/${form}/${format}: pages ${PAGES[i]}`).toBe(expected);
              compared++;
            }
          });
        }
      }
    }
    expect(compared).toBe(setup.styles.length * setup.locales.length * PAGES.length * 2);
  }, 120_000);
});
