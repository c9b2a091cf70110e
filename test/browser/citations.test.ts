/**
 * Citing from the widget and the report page as a student does: copy the
 * reference and the in-text citation (with the italics as HTML), copy where
 * the browser refuses the clipboard, and export a selection.
 *
 * Expected strings are written from the manuals' rules (see the README's Cite table):
 * - APA 7 §8.13: parenthetical citation with the pages of the part cited;
 * - APA 7 §10.4 and §6.17: the report's title in italics, in sentence case.
 */
import type { BrowserContext } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { origins, useBrowser, widgetParts } from './browser-run';
import { HOST_PAGES, REPORT_PATH, REPORT_TITLE_SENTENCE_CASE } from './harness';

const browser = useBrowser();

/**
 * A course page whose origin may use the clipboard, or one where the browser
 * refuses it, as it does in a frame without `allow="clipboard-write"`:
 * Chromium's own refusal (NotAllowedError), made to happen on this page.
 */
async function coursePage(clipboard: boolean) {
  const { hostOrigin } = origins();
  const context: BrowserContext = await browser.newContext();
  if (clipboard) await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: hostOrigin });
  const page = await context.newPage();
  if (!clipboard) {
    await page.addInitScript(() => {
      const refuse = () => Promise.reject(new DOMException('The Clipboard API has been blocked', 'NotAllowedError'));
      Object.defineProperty(navigator, 'clipboard', { value: { write: refuse, writeText: refuse, read: refuse, readText: refuse } });
    });
  }
  await page.goto(hostOrigin + HOST_PAGES.widget);
  const parts = widgetParts(page);
  await parts.input.fill('counterfactual');
  await parts.options.first().waitFor();
  await parts.options.first().getByRole('button', { name: 'Cite' }).click();
  return { page, menu: parts.options.first().locator('.menu') };
}

describe('the widget’s Cite menu on a course site', () => {
  it('copies the APA in-text citation of section 7 with its pages: (Boutellis, 2013, pp. 9–14)', async () => {
    const { page, menu } = await coursePage(true);

    await menu.getByRole('button', { name: 'Copy APA in-text citation' }).click();

    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe('(Boutellis, 2013, pp. 9–14)');
  });

  it('copies the APA reference with its italic title as HTML beside the text', async () => {
    const { page, menu } = await coursePage(true);

    await menu.getByRole('button', { name: 'Copy APA reference' }).click();

    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(
      `Boutellis, A. (2013). ${REPORT_TITLE_SENTENCE_CASE}. International Peace Institute. https://www.jstor.org/stable/resrep09639`,
    );
    const html = await page.evaluate(async () => {
      const [item] = await navigator.clipboard.read();
      return item.types.includes('text/html') ? (await item.getType('text/html')).text() : null;
    });
    expect(html).toContain(`<i>${REPORT_TITLE_SENTENCE_CASE}</i>`);
  });

  // CMOS 17 §14.29–14.30: a later note gives author, short title and pages.
  it('copies the Chicago short note of section 7: Boutellis, Driving the System Apart?, 9–14.', async () => {
    const { page, menu } = await coursePage(true);

    await menu.getByRole('button', { name: 'Copy Chicago notes short note' }).click();

    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe('Boutellis, Driving the System Apart?, 9–14.');
  });

  it('selects the citation for copying by hand, and says so, where the clipboard is refused', async () => {
    const { page, menu } = await coursePage(false);
    const button = menu.getByRole('button', { name: 'Copy MLA in-text citation' });

    await button.click();

    await expect.poll(() => menu.locator('button').filter({ hasText: 'Selected' }).count()).toBe(1);
    // MLA 9, ch. 6: author and pages, no comma.
    expect(await page.evaluate(() => getSelection()?.toString())).toBe('(Boutellis 9–14)');
  });
});

describe('“Export selected” on the report page', () => {
  it('stays on the page and says what to do when no section is ticked', async () => {
    const page = await browser.newPage();
    await page.goto(origins().origin + REPORT_PATH);

    await page.getByRole('button', { name: 'Export selected' }).click();

    await expect.poll(() => page.locator('.export-message').textContent()).toBe('Tick at least one section to export.');
    expect(new URL(page.url()).pathname).toBe(REPORT_PATH);
  });

  it('without JavaScript, answers with a page that links back to the report', async () => {
    const page = await browser.newPage({ javaScriptEnabled: false });
    await page.goto(origins().origin + REPORT_PATH);

    await page.getByRole('button', { name: 'Export selected' }).click();

    await expect.poll(() => page.locator('h1').textContent()).toBe('No section selected');
    const back = page.getByRole('link', { name: /^Back to Driving the System Apart\?/ });
    expect(await back.getAttribute('href')).toBe(REPORT_PATH);
  });
});
