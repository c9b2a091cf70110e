/**
 * Framing: /embed/{report} is made to be framed by any site; every other page
 * refuses to be framed (clickjacking), both by its headers and in Chromium.
 */
import type { Frame, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { listedSections, origins, useBrowser, widgetParts } from './browser-run';
import { EMBED_PATH, HOST_PAGES, REPORT_PATH, REPORT_TITLE } from './harness';

const browser = useBrowser();

/** The page's one iframe, once it has finished loading (or failing to). */
async function onlyFrame(page: Page): Promise<Frame> {
  const frame = await (await page.locator('iframe').elementHandle())!.contentFrame();
  if (!frame) throw new Error('the iframe has no frame');
  await frame.waitForLoadState('load');
  return frame;
}

describe('framing', () => {
  it('serves /embed/{report} to be framed by any site: CSP frame-ancestors *, no X-Frame-Options', async () => {
    const res = await fetch(origins().origin + EMBED_PATH);

    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toMatch(/(?:^|;)\s*frame-ancestors \*(?:;|$)/);
    expect(res.headers.get('x-frame-options')).toBeNull();
  });

  it('forbids framing the report page: X-Frame-Options DENY and CSP frame-ancestors \'none\'', async () => {
    const res = await fetch(origins().origin + REPORT_PATH);

    expect(res.status).toBe(200);
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('content-security-policy')).toMatch(/(?:^|;)\s*frame-ancestors 'none'(?:;|$)/);
  });

  it('searches inside the embed framed by another origin: "counterf" finds section 7', async () => {
    const page = await browser.newPage();
    await page.goto(origins().hostOrigin + HOST_PAGES.embedFrame);
    const frame = page.frameLocator('iframe');
    const { input, options } = widgetParts(frame);

    await input.fill('counterf');

    await expect.poll(() => listedSections(options)).toEqual([7]);
    expect(await options.first().locator('mark').allTextContents()).toEqual(['counterfactual']);
    expect(await frame.getByRole('heading', { level: 1 }).textContent()).toBe(`Search ${REPORT_TITLE}`);
  });

  it('shows nothing of the report page when another origin frames it: Chromium blocks it', async () => {
    const page = await browser.newPage();
    const answered = page.waitForResponse((response) => response.url() === origins().origin + REPORT_PATH);
    await page.goto(origins().hostOrigin + HOST_PAGES.reportFrame);
    expect((await answered).status()).toBe(200); // the page was sent, and refused by the browser

    const frame = await onlyFrame(page);

    expect(frame.url()).not.toBe(origins().origin + REPORT_PATH);
    expect(frame.url()).toMatch(/^chrome-error:/);
    expect(await frame.locator('h1', { hasText: REPORT_TITLE }).count()).toBe(0);
    expect(await frame.locator('report-search').count()).toBe(0);
  });
});
