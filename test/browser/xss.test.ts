/**
 * Markup typed by a reader, or put into a link by an attacker, stays text:
 * in the widget on a host page without any CSP (so nothing but the widget's
 * own care stands in the way), on the search results page and on a section
 * page reached with `?highlight=`.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { origins, recordDialogs, useBrowser, widgetParts } from './browser-run';
import { HOST_PAGES, REPORT_PATH, sectionPath } from './harness';

const browser = useBrowser();

const PAYLOAD = '<img src=x onerror=alert(1)>';

/** Img elements anywhere: the document and every open shadow root in it. */
function imagesAnywhere(page: Page): Promise<number> {
  return page.evaluate(() => {
    const roots: Array<Document | ShadowRoot> = [document];
    for (const element of Array.from(document.querySelectorAll('*'))) if (element.shadowRoot) roots.push(element.shadowRoot);
    return roots.reduce((count, root) => count + root.querySelectorAll('img').length, 0);
  });
}

/** Records requests for the payload's image (`src=x`), which only a parsed <img> would make. */
function recordImageRequests(page: Page): string[] {
  const requests: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.endsWith('/x')) requests.push(request.url());
  });
  return requests;
}

describe('markup from readers and links is shown as text', () => {
  it('renders nothing of "<img src=x onerror=alert(1)>" typed into the widget on a page without CSP', async () => {
    const page = await browser.newPage();
    const dialogs = recordDialogs(page);
    const imageRequests = recordImageRequests(page);
    await page.goto(origins().hostOrigin + HOST_PAGES.widget);
    const { widget, input, status, options } = widgetParts(page);
    const answered = page.waitForResponse((response) => new URL(response.url()).searchParams.get('q') === PAYLOAD);

    await input.fill(PAYLOAD);
    await answered;
    await widget.locator('.root[aria-busy="false"]').waitFor({ state: 'attached' });
    // Results or a message: either way the answer has been put on screen.
    await expect.poll(async () => (await options.count()) > 0 || (await status.textContent()) !== '').toBe(true);
    await page.waitForTimeout(300);

    expect(await input.inputValue()).toBe(PAYLOAD);
    expect(await page.locator('img').count()).toBe(0); // CSS locators pierce the open shadow root
    expect(await imagesAnywhere(page)).toBe(0);
    expect(dialogs).toEqual([]);
    expect(imageRequests).toEqual([]);
  });

  it('shows the query of /search?q=<img …> as text, with no image and no script run', async () => {
    const page = await browser.newPage();
    const dialogs = recordDialogs(page);
    const imageRequests = recordImageRequests(page);

    await page.goto(`${origins().origin}${REPORT_PATH}/search?q=${encodeURIComponent(PAYLOAD)}`);

    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Search results');
    expect(await page.getByRole('status').textContent()).toContain(`“${PAYLOAD}”`);
    expect(await page.getByRole('searchbox', { name: 'Search this report' }).inputValue()).toBe(PAYLOAD);
    expect(await imagesAnywhere(page)).toBe(0);
    expect(dialogs).toEqual([]);
    expect(imageRequests).toEqual([]);
  });

  it('marks nothing as HTML from ?highlight=<img src=x> on a section page', async () => {
    const page = await browser.newPage();
    const dialogs = recordDialogs(page);
    const imageRequests = recordImageRequests(page);

    await page.goto(`${origins().origin}${sectionPath(5)}?highlight=${encodeURIComponent('<img src=x>')}`);

    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Introduction');
    expect(await page.locator('.section-text').textContent()).toContain('The United Nations (UN) has come a long way');
    expect(await page.locator('.section-text mark').count()).toBe(0);
    expect(await imagesAnywhere(page)).toBe(0);
    expect(dialogs).toEqual([]);
    expect(imageRequests).toEqual([]);
  });
});
