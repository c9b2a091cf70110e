/**
 * An accessibility smoke test of the report page (landmarks, headings, named
 * controls, the skip link), and a clean console and network on every kind of page.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { origins, recordProblems, useBrowser, widgetParts } from './browser-run';
import { EMBED_PATH, REPORT_PATH, REPORT_TITLE, sectionPath } from './harness';

const browser = useBrowser();

/**
 * The accessible name in the first line of an ARIA snapshot, '' without one.
 * @example ariaName(`- 'checkbox "Select section 5: Introduction"'`) // 'Select section 5: Introduction'
 */
function ariaName(snapshot: string): string {
  let line = snapshot.split('\n')[0].replace(/^- /, '');
  if (line.startsWith("'")) line = line.slice(1, -1).replaceAll("''", "'"); // YAML-quoted (the name holds a colon)
  return /^[\w-]+ "(.*)"/.exec(line.replace(/:$/, ''))?.[1] ?? '';
}

/** The report page with its widget running. */
async function openReportPage(page: Page): Promise<void> {
  await page.goto(origins().origin + REPORT_PATH);
  await widgetParts(page).input.waitFor();
}

describe('report page: accessibility smoke test', () => {
  it('has one main landmark and one h1, the report’s title', async () => {
    const page = await browser.newPage();
    await openReportPage(page);

    expect(await page.getByRole('main').count()).toBe(1);
    expect(await page.locator('main').count()).toBe(1);
    expect(await page.getByRole('heading', { level: 1 }).allTextContents()).toEqual([REPORT_TITLE]);
  });

  it('names every control: the search box, the ten section checkboxes and the export format', async () => {
    const page = await browser.newPage();
    await openReportPage(page);

    // The widget's box replaces the fallback form, which is no longer shown.
    expect(await page.getByRole('searchbox', { name: 'Search this report', exact: true }).count()).toBe(1);
    expect(await page.getByRole('searchbox').count()).toBe(1);
    expect(await page.locator('report-search > form').isVisible()).toBe(false);
    for (let n = 1; n <= 10; n++) expect(await page.getByRole('checkbox', { name: new RegExp(`^Select section ${n}: \\S`) }).count(), `section ${n}`).toBe(1);
    expect(await page.getByRole('checkbox').count()).toBe(10);
    expect(await page.getByRole('combobox', { name: 'Format', exact: true }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Export selected' }).count()).toBe(1);

    // And generically: every visible input and select (shadow roots included) has a name.
    const named: string[] = [];
    for (const control of await page.locator('input, select, textarea').all()) {
      if (await control.isVisible()) named.push(ariaName(await control.ariaSnapshot()));
    }
    expect(named).toHaveLength(12);
    expect(named.filter((name) => name.trim() === '')).toEqual([]);
  });

  it('moves focus to the main content with the skip link', async () => {
    const page = await browser.newPage();
    await openReportPage(page);

    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Skip to content');
    await page.keyboard.press('Enter');

    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    expect(new URL(page.url()).hash).toBe('#main');
  });
});

describe('no console errors and no failed requests', () => {
  for (const [name, path] of [
    ['the report page', REPORT_PATH],
    ['a section page', `${sectionPath(7)}?highlight=counterfactual`],
    ['the embed page', EMBED_PATH],
    ['the home page', '/'],
    ['the results page across the library', '/search?q=counterfactual'],
  ]) {
    it(`loads ${name} and searches in it cleanly`, async () => {
      const page = await browser.newPage();
      const problems = recordProblems(page);

      await page.goto(origins().origin + path, { waitUntil: 'networkidle' });
      const { input, options } = widgetParts(page);
      if (await input.count()) {
        await input.fill('counterf');
        await options.first().waitFor();
      }
      await page.waitForLoadState('networkidle');

      expect(problems).toEqual([]);
    });
  }
});
