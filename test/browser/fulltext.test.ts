/**
 * The whole text in a browser, as a student meets it: a search lands on the
 * printed page (the result says which, its link opens the section page at
 * that page's marker), and the Cite menu copies the in-text citation of that
 * very page. Served by `wrangler dev` from a copy of the project whose report
 * comes with its (generated) PDF: ./fulltext-project.ts. "quetzal" is printed
 * on page 11 only, in section 7 (pp. 9–14).
 *
 * Expected citation written from the manual: APA 7 §8.13, a parenthetical
 * citation of a quotation gives the page: (Author, year, p. 11).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useBrowser, widgetParts } from './browser-run';
import { HOST_PAGES, startSite, type Site } from './harness';
import { makeFullTextProject } from './fulltext-project';

const browser = useBrowser();
let site: Site;
let project: Awaited<ReturnType<typeof makeFullTextProject>>;

beforeAll(async () => {
  project = await makeFullTextProject();
  site = await startSite({ cwd: project.dir });
}, 240_000);

afterAll(async () => {
  await site?.stop();
  project?.remove();
});

async function searchQuetzal(clipboard: boolean) {
  const context = await browser.newContext();
  if (clipboard) await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.hostOrigin });
  const page = await context.newPage();
  await page.goto(site.hostOrigin + HOST_PAGES.widget);
  const parts = widgetParts(page);
  await parts.input.fill('quetzal');
  await parts.options.first().waitFor();
  return { page, parts };
}

describe('the whole text in the browser', () => {
  it('shows the page of the match in the widget and links to that page of the section', async () => {
    const { parts } = await searchQuetzal(false);

    const first = parts.options.first();
    await expect.poll(() => first.textContent()).toContain('match on p. 11');
    expect(await first.locator('a.link').getAttribute('href')).toBe(`${site.origin}/reports/driving-the-system-apart/sections/7?highlight=quetzal#p-11`);
  });

  it('opens the section page at page 11: its marker is on screen and the word is marked', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.origin}/reports/driving-the-system-apart/sections/7?highlight=quetzal#p-11`);

    const marker = page.locator('#p-11');
    await expect.poll(() => marker.textContent()).toBe('p. 11');
    expect(await marker.evaluate((element) => element.getBoundingClientRect().top)).toBeLessThan(100);
    expect(await page.locator('mark').first().textContent()).toBe('quetzal');
  });

  it('copies the APA in-text citation of page 11 from the result’s Cite menu: (Boutellis, 2013, p. 11)', async () => {
    const { page, parts } = await searchQuetzal(true);
    const first = parts.options.first();
    await first.getByRole('button', { name: 'Cite' }).click();

    await first.locator('.menu').getByRole('button', { name: 'Copy APA in-text citation for page 11' }).click();

    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe('(Boutellis, 2013, p. 11)');
  });

  it('prints the text with its page markers and the reference, without the search box, forms or folded panels', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.origin}/reports/driving-the-system-apart/sections/7`);
    await page.emulateMedia({ media: 'print' });

    const shown = (selector: string) => page.locator(selector).first().isVisible();
    expect(await shown('#p-11')).toBe(true);
    expect(await shown('.print-reference')).toBe(true);
    expect(await page.locator('.print-reference').textContent()).toMatch(/^Cite as \(APA\): Boutellis, A\. \(2013\)\./);
    for (const hidden of ['report-search', 'details.cite-panel', 'form', '.prev-next']) expect(await shown(hidden), hidden).toBe(false);
    await page.emulateMedia({ media: 'screen' });
    expect(await shown('.print-reference')).toBe(false);
  });
});
