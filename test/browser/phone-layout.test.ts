/**
 * Reflow on a phone (WCAG 1.4.10): at 390 CSS pixels, the width of a current
 * mid-size phone, no page is wider than the screen, so nothing needs
 * scrolling sideways. Code samples may scroll inside their own box.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { origins, useBrowser, widgetParts } from './browser-run';
import { EMBED_PATH, HOST_PAGES, REPORT_PATH, sectionPath } from './harness';

const browser = useBrowser();

const PHONE = { width: 390, height: 844 };

/** How wide the page is, against the width of the screen, and what sticks out. */
function widths(page: Page) {
  return page.evaluate(() => {
    const screen = document.documentElement.clientWidth;
    const sticking = Array.from(document.querySelectorAll('body *'))
      .filter((element) => element.getBoundingClientRect().right > screen + 0.5 && !element.closest('pre'))
      .map((element) => `${element.tagName.toLowerCase()}${element.className ? `.${element.className}` : ''}`);
    return { page: document.documentElement.scrollWidth, screen, sticking };
  });
}

describe('pages on a 390px-wide phone', () => {
  // The export select is as wide as its longest option; the fieldset must not grow past the screen.
  it('fits the report page into the screen width', async () => {
    const page = await browser.newPage({ viewport: PHONE, isMobile: true, hasTouch: true });
    await page.goto(origins().origin + REPORT_PATH);

    const { page: width, screen, sticking } = await widths(page);

    expect(sticking).toEqual([]);
    expect(width).toBe(screen);
  });

  for (const [name, path] of [
    ['a section page', sectionPath(7)],
    ['the search results page', `${REPORT_PATH}/search?q=planning`],
    ['the home page', '/'],
    ['the results page across the library', '/search?q=planning'],
    ['the embed page', EMBED_PATH],
  ]) {
    it(`fits ${name} into the screen width`, async () => {
      const page = await browser.newPage({ viewport: PHONE, isMobile: true, hasTouch: true });
      await page.goto(origins().origin + path);

      const { page: width, screen, sticking } = await widths(page);

      expect(sticking).toEqual([]);
      expect(width).toBe(screen);
    });
  }

  it('keeps the embed compact in a phone-width frame: its title on one line, cut with an ellipsis', async () => {
    const page = await browser.newPage({ viewport: PHONE, isMobile: true, hasTouch: true });
    await page.goto(origins().origin + EMBED_PATH);
    const title = page.getByRole('heading', { level: 1 });

    const box = await title.evaluate((h1) => {
      const link = h1.querySelector('a')!;
      return { height: h1.getBoundingClientRect().height, line: parseFloat(getComputedStyle(h1).lineHeight), cut: link.scrollWidth > link.clientWidth, ellipsis: getComputedStyle(link).textOverflow };
    });

    expect(box.height).toBeLessThan(box.line * 1.5); // one line, where it took four
    expect(box).toMatchObject({ cut: true, ellipsis: 'ellipsis' });
    expect(await title.getByRole('link').textContent()).toBe(await title.getByRole('link').getAttribute('title')); // the whole title is still there to read
  });

  it('fits the widget and its results, with a Cite menu open, into the course page on a phone', async () => {
    const page = await browser.newPage({ viewport: PHONE, isMobile: true, hasTouch: true });
    await page.goto(origins().hostOrigin + HOST_PAGES.widget);
    const { widget, input, options } = widgetParts(page);
    await input.fill('integration');
    await options.first().waitFor();
    await options.first().getByRole('button', { name: 'Cite' }).click();

    const box = await widget.boundingBox();
    const parts = await widget.locator('.opt, .menu > *').evaluateAll((elements) => elements.map((element) => element.getBoundingClientRect().right));

    expect(box).not.toBeNull();
    expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE.width);
    expect(parts.length).toBeGreaterThan(4);
    expect(Math.max(...parts)).toBeLessThanOrEqual(box!.x + box!.width + 0.5);
  });
});
