/**
 * With JavaScript off, the report page still searches (the plain form inside
 * `<report-search>`) and still shows its references (a <details> panel).
 */
import { describe, expect, it } from 'vitest';
import { origins, useBrowser } from './browser-run';
import { HOST_PAGES, REPORT_PATH, sectionPath } from './harness';

const browser = useBrowser();

const REPORT_APA =
  'Boutellis, A. (2013). Driving the system apart? A study of United Nations integration and integrated strategic planning. International Peace Institute. https://www.jstor.org/stable/resrep09639';

describe('the report page without JavaScript', () => {
  it('shows the fallback search form, and "counterfactual" lists section 7 on the results page', async () => {
    const page = await browser.newPage({ javaScriptEnabled: false });
    await page.goto(origins().origin + REPORT_PATH);
    const form = page.locator('report-search').getByRole('search');

    expect(await form.isVisible()).toBe(true);
    expect(await page.evaluate(() => document.querySelector('report-search')?.shadowRoot ?? null)).toBeNull();
    await form.getByRole('searchbox', { name: 'Search this report' }).fill('counterfactual');
    await Promise.all([page.waitForURL(/\/search\?/), form.getByRole('button', { name: 'Search' }).click()]);

    const url = new URL(page.url());
    expect(url.pathname).toBe(`${REPORT_PATH}/search`);
    expect(url.searchParams.get('q')).toBe('counterfactual');
    expect(await page.getByRole('status').textContent()).toContain('“counterfactual”');
    const results = page.locator('ol.results > li');
    const first = results.first();
    expect(await first.getByRole('link').getAttribute('href')).toBe(`${sectionPath(7)}?highlight=counterfactual`);
    expect(await first.locator('.snippet mark').allTextContents()).toEqual(['counterfactual']);
  });

  it('opens "Cite this report" and shows the APA reference', async () => {
    const page = await browser.newPage({ javaScriptEnabled: false });
    await page.goto(origins().origin + REPORT_PATH);
    const panel = page.locator('details.cite-panel', { has: page.locator('summary', { hasText: 'Cite this report' }) });
    const apa = panel.locator('#cite-report-apa-reference');
    expect(await apa.isVisible()).toBe(false);

    await panel.getByText('Cite this report').click();

    expect(await panel.getAttribute('open')).not.toBeNull();
    expect(await apa.isVisible()).toBe(true);
    expect(await apa.innerText()).toBe(REPORT_APA);
  });
});

describe('<report-search> on a course page without JavaScript', () => {
  it('shows the fallback link the README puts inside the element, which leads to the report', async () => {
    const page = await browser.newPage({ javaScriptEnabled: false });
    await page.goto(origins().hostOrigin + HOST_PAGES.widget);
    const link = page.locator('report-search').getByRole('link', { name: 'Search this report' });

    expect(await link.isVisible()).toBe(true);
    expect(await link.getAttribute('href')).toBe(origins().origin + REPORT_PATH);
  });

  it('hides that link once the element renders: the widget’s box takes its place', async () => {
    const page = await browser.newPage();
    await page.goto(origins().hostOrigin + HOST_PAGES.widget);
    await page.locator('report-search').getByRole('searchbox', { name: 'Search this report' }).waitFor();

    expect(await page.locator('report-search > a').isVisible()).toBe(false);
    expect(await page.locator('report-search > a').count()).toBe(1); // still in the DOM, for the record
  });
});
