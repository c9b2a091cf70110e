/**
 * axe-core on every kind of page and on the widget, closed and open (results
 * listed, a Cite menu open), in both themes: no serious or critical
 * violation anywhere. A failure lists each violation and where it is.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousViolations } from './axe';
import { origins, useBrowser, widgetParts } from './browser-run';
import { EMBED_PATH, HOST_PAGES, REPORT_PATH, sectionPath } from './harness';

const browser = useBrowser();

/** Types `query` into the page's (or frame's) widget and waits for its results. */
async function listResults(scope: Parameters<typeof widgetParts>[0], query: string) {
  const parts = widgetParts(scope);
  await parts.input.fill(query);
  await parts.options.first().waitFor();
  return parts;
}

async function expectClean(page: Page, include?: string) {
  const violations = await seriousViolations(page, include);
  expect(violations, violations.join('\n')).toEqual([]);
}

describe('axe: no serious or critical violation', () => {
  for (const [name, path] of [
    ['the home page', '/'],
    ['the report page', REPORT_PATH],
    ['a section page arriving from a search', `${sectionPath(7)}?highlight=counterfactual`],
    ['the results page of a report', `${REPORT_PATH}/search?q=planning`],
    ['the results page across the library', '/search?q=planning'],
    ['the embed page', EMBED_PATH],
    ['the embed page in the dark theme', `${EMBED_PATH}?theme=dark`],
    ['an error page', '/reports/no-such-report'],
  ]) {
    it(`on ${name}`, async () => {
      const page = await browser.newPage();
      await page.goto(origins().origin + path, { waitUntil: 'networkidle' });
      await expectClean(page);
    });
  }

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`on the course page with the widget closed, listing results, and with a Cite menu open (${colorScheme} system)`, async () => {
      const page = await browser.newPage({ colorScheme });
      await page.goto(origins().hostOrigin + HOST_PAGES.widget);
      await widgetParts(page).input.waitFor();
      // The fixture's own red-on-lime CSS is deliberately hostile: only the widget is ours to check.
      await expectClean(page, 'report-search');

      const { options } = await listResults(page, 'planning');
      await expectClean(page, 'report-search');

      await options.first().getByRole('button', { name: 'Cite' }).click();
      await widgetParts(page).widget.getByRole('group', { name: /^Cite this section/ }).waitFor();
      await expectClean(page, 'report-search');
    });
  }

  it('inside the embed framed by a course page, listing results and with a Cite menu open', async () => {
    const page = await browser.newPage();
    await page.goto(origins().hostOrigin + HOST_PAGES.embedFrame);
    const frame = page.frameLocator('iframe');
    const { options } = await listResults(frame, 'integration');
    await options.first().getByRole('button', { name: 'Cite' }).click();
    const inner = page.frames().find((f) => f.url().includes(EMBED_PATH))!;

    const violations = [...(await seriousViolations(page)), ...(await seriousViolations(inner))];
    expect(violations, violations.join('\n')).toEqual([]);
  });

  it('on the report page with its widget listing results', async () => {
    const page = await browser.newPage();
    await page.goto(origins().origin + REPORT_PATH);
    await listResults(page, 'counterf');
    await expectClean(page);
  });
});
