/**
 * The iframe snippet as an instructor uses it: copied from the report page's
 * "Copy the iframe snippet", pasted into a course page on another origin,
 * and the Copy button inside the frame writes to the clipboard, which
 * Chromium allows a cross-origin frame only with `allow="clipboard-write"`
 * ("Permissions policy violation: The Clipboard API has been blocked").
 */
import { createServer, type Server } from 'node:http';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../scripts/dev-server';
import { origins, useBrowser, widgetParts } from './browser-run';
import { EMBED_PATH, REPORT_PATH, REPORT_TITLE } from './harness';

const browser = useBrowser();

/** A course site of its own (a third origin), serving whatever page a test puts at a path. */
const coursePages = new Map<string, string>();
let courseServer: Server;
let courseOrigin = '';

beforeAll(async () => {
  courseServer = createServer((req, res) => {
    const page = coursePages.get(new URL(req.url ?? '/', 'http://course').pathname);
    if (page === undefined) res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
    else res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' }).end(page);
  });
  const port = await freePort();
  await new Promise<void>((resolve, reject) => {
    courseServer.once('error', reject);
    courseServer.listen(port, '127.0.0.1', resolve);
  });
  courseOrigin = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  courseServer.closeAllConnections();
  await new Promise<void>((resolve) => courseServer.close(() => resolve()));
});

/** A course page holding `frame` as pasted, with clipboard rights for the course site and the Worker. */
async function coursePageWith(path: string, frame: string): Promise<Page> {
  coursePages.set(path, `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>PEACE 301 · Reading</title></head><body><h1>PEACE 301</h1>${frame}</body></html>`);
  const context = await browser.newContext();
  for (const origin of [courseOrigin, origins().origin]) await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  const page = await context.newPage();
  await page.goto(courseOrigin + path);
  await page.evaluate(() => navigator.clipboard.writeText('nothing copied yet'));
  return page;
}

/** Searches inside the page's frame, opens the first result's Cite menu and clicks its APA in-text copy button; returns that button. */
async function copyFromFrame(page: Page) {
  const frame = page.frameLocator('iframe');
  const { input, options } = widgetParts(frame);
  await input.fill('counterfactual');
  await options.first().waitFor();
  await frame.getByRole('button', { name: /^Cite\b/ }).first().click();
  const copy = frame.getByRole('button', { name: 'Copy APA in-text citation' }).first();
  const label = await copy.textContent();
  await copy.click();
  return { copy, label };
}

/** The report page's "Copy the iframe snippet", clicked in a context that may use the clipboard: what it copied. */
async function copySnippet(): Promise<string> {
  const { origin } = origins();
  const context = await browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  const page = await context.newPage();
  await page.goto(origin + REPORT_PATH);
  await page.evaluate(() => navigator.clipboard.writeText('nothing copied yet'));

  await page.getByRole('button', { name: 'Copy the iframe snippet' }).click();

  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toMatch(/^<iframe /);
  return page.evaluate(() => navigator.clipboard.readText());
}

describe('the iframe snippet on a course site', () => {
  it('is copied from the report page with allow="clipboard-write", framing the embed page', async () => {
    const { origin } = origins();

    expect(await copySnippet()).toBe(
      `<iframe src="${origin}${EMBED_PATH}" title="Search: ${REPORT_TITLE}" width="100%" height="420" style="border:0" allow="clipboard-write" loading="lazy"></iframe>`,
    );
  });

  it('pasted into a page of another origin, lets the frame’s Copy button write the citation to the clipboard', async () => {
    const snippet = await copySnippet();
    expect(snippet).toContain('allow="clipboard-write"');
    const page = await coursePageWith('/with-snippet.html', snippet);

    await copyFromFrame(page);

    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe('(Boutellis, 2013, pp. 9–14)');
  });

  it('without allow="clipboard-write", the same frame cannot write to the clipboard: the attribute is what makes copying work', async () => {
    const page = await coursePageWith('/without-allow.html', (await copySnippet()).replace(' allow="clipboard-write"', ''));

    const { copy, label } = await copyFromFrame(page);

    // The button says what happened (copied, or selected for copying by hand); then the clipboard is read.
    await expect.poll(() => copy.textContent()).not.toBe(label);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('nothing copied yet');
  });
});
