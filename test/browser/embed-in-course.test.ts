/**
 * The embed and the widget as an instructor finds them on a course page:
 * the iframe sizes itself (with /embed/frame.js, and Canvas's message sent
 * too), the theme is the host's choice and not the reader's system, and a
 * copy the frame refuses falls back to selected text and a short message.
 */
import type { Frame, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { origins, useBrowser, widgetParts } from './browser-run';
import { EMBED_PATH, HOST_PAGES, REPORT } from './harness';

const browser = useBrowser();

interface Posted {
  origin: string;
  data: { type?: string; subject?: string; height?: number };
}

/** Records, on the top page only, every message it receives (in `window.__posted`). */
async function recordMessages(page: Page): Promise<void> {
  await page.addInitScript(() => {
    if (window !== window.top) return;
    const posted: unknown[] = [];
    (window as unknown as { __posted: unknown[] }).__posted = posted;
    addEventListener('message', (event) => posted.push({ origin: event.origin, data: event.data }));
  });
}

const posted = (page: Page) => page.evaluate(() => (window as unknown as { __posted: Posted[] }).__posted);

/** The embed's frame once its widget is ready. */
async function embedFrame(page: Page): Promise<Frame> {
  await widgetParts(page.frameLocator('iframe')).input.waitFor();
  return page.frames().find((frame) => frame.url().startsWith(origins().origin + EMBED_PATH))!;
}

/** The iframe's height as laid out, and its document's own height. */
async function heights(page: Page, frame: Frame) {
  return {
    iframe: await page.locator('iframe').evaluate((element) => Math.round(element.getBoundingClientRect().height)),
    content: await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height)),
  };
}

describe('an iframe that sizes itself', () => {
  it('fits its content with /embed/frame.js: grows when results are listed, shrinks when they close, never scrolls inside', async () => {
    const page = await browser.newPage();
    await recordMessages(page);
    await page.goto(origins().hostOrigin + HOST_PAGES.embedSized);
    const frame = await embedFrame(page);

    await expect.poll(async () => { const h = await heights(page, frame); return h.iframe === h.content; }).toBe(true);
    const closed = (await heights(page, frame)).iframe;
    expect(closed).toBeLessThan(420); // the snippet's height="420" was too tall for a search box alone

    const { input, options } = widgetParts(page.frameLocator('iframe'));
    await input.fill('planning');
    await options.first().waitFor();
    await expect.poll(async () => { const h = await heights(page, frame); return h.iframe === h.content && h.iframe > closed; }).toBe(true);
    expect(await frame.evaluate(() => document.documentElement.scrollHeight <= innerHeight)).toBe(true);

    await input.press('Escape');
    await expect.poll(async () => (await heights(page, frame)).iframe).toBe(closed);
  });

  it('posts Canvas’s lti.frameResize and its own message, from its origin, only when the height changes', async () => {
    const page = await browser.newPage();
    await recordMessages(page);
    await page.goto(origins().hostOrigin + HOST_PAGES.embedFrame); // no frame.js: the messages are sent all the same
    await embedFrame(page);
    const { input, options } = widgetParts(page.frameLocator('iframe'));
    await input.fill('planning');
    await options.first().waitFor();
    await input.fill('planning process'); // another answer, the same height or not
    await input.press('Escape');
    await expect.poll(async () => (await posted(page)).filter((m) => m.data?.type === 'report-edge:resize').length).toBeGreaterThanOrEqual(3);

    const messages = await posted(page);
    const own = messages.filter((m) => m.data?.type === 'report-edge:resize');
    const canvas = messages.filter((m) => m.data?.subject === 'lti.frameResize');
    expect(messages.every((m) => m.origin === origins().origin)).toBe(true);
    expect(own.map((m) => Object.keys(m.data).sort())).toEqual(own.map(() => ['height', 'type']));
    expect(canvas.map((m) => m.data.height)).toEqual(own.map((m) => m.data.height));
    const sent = own.map((m) => m.data.height!);
    expect(sent.every((height) => Number.isInteger(height) && height > 0)).toBe(true);
    expect(sent.filter((height, i) => i > 0 && height === sent[i - 1])).toEqual([]); // nothing sent twice in a row
  });

  it('ignores a resize message from anything but the embed’s own frame and origin', async () => {
    const page = await browser.newPage();
    await page.goto(origins().hostOrigin + HOST_PAGES.embedSized);
    const frame = await embedFrame(page);
    await expect.poll(async () => { const h = await heights(page, frame); return h.iframe === h.content; }).toBe(true);
    const before = (await heights(page, frame)).iframe;

    // The host page posting to itself: the wrong origin and not the iframe's window. Messages arrive in order.
    await page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          addEventListener('message', (event) => event.data === 'done' && resolve());
          postMessage({ type: 'report-edge:resize', height: 5000 }, '*');
          postMessage('done', '*');
        }),
    );

    expect((await heights(page, frame)).iframe).toBe(before);
  });
});

describe('the host chooses the theme', () => {
  const background = (scope: Page | Frame, selector: string) => scope.locator(selector).first().evaluate((element) => getComputedStyle(element).backgroundColor);
  const widgetBackground = (scope: Page | Frame) => scope.locator('report-search').evaluate((element) => getComputedStyle(element.shadowRoot!.querySelector('.root')!).backgroundColor);

  it('keeps the embed light on a reader’s dark system, and dark with ?theme=dark', async () => {
    const page = await browser.newPage({ colorScheme: 'dark' });
    await page.goto(origins().hostOrigin + HOST_PAGES.embedFrame);
    const light = await embedFrame(page);
    expect(await background(light, 'body')).toBe('rgb(255, 255, 255)');
    expect(await widgetBackground(light)).toBe('rgb(255, 255, 255)');

    await page.goto(origins().hostOrigin + HOST_PAGES.embedDark);
    const dark = await embedFrame(page);
    expect(await background(dark, 'body')).toBe('rgb(21, 23, 25)');
    expect(await widgetBackground(dark)).toBe('rgb(23, 25, 28)');
  });

  it('follows the reader’s system with ?theme=auto', async () => {
    for (const [colorScheme, colour] of [['dark', 'rgb(21, 23, 25)'], ['light', 'rgb(255, 255, 255)']] as const) {
      const page = await browser.newPage({ colorScheme });
      await page.goto(`${origins().origin}${EMBED_PATH}?theme=auto`);
      await widgetParts(page).input.waitFor();
      expect(await background(page, 'body'), colorScheme).toBe(colour);
    }
  });

  it('keeps <report-search> light on a dark system unless theme="auto" or "dark" says otherwise', async () => {
    const page = await browser.newPage({ colorScheme: 'dark' });
    await page.goto(origins().hostOrigin + HOST_PAGES.widget);
    await widgetParts(page).input.waitFor();
    expect(await widgetBackground(page)).toBe('rgb(255, 255, 255)');

    for (const theme of ['auto', 'dark']) {
      await page.locator('report-search').evaluate((element, theme) => element.setAttribute('theme', theme), theme);
      expect(await widgetBackground(page), theme).toBe('rgb(23, 25, 28)');
    }
  });
});

describe('copying where the Clipboard API is refused', () => {
  it('selects the reference inside the framed embed and says to press Ctrl+C', async () => {
    const page = await browser.newPage();
    await page.goto(origins().hostOrigin + HOST_PAGES.embedFrame); // no allow="clipboard-write": Chromium refuses
    const frame = await embedFrame(page);
    const { input, options } = widgetParts(page.frameLocator('iframe'));
    await input.fill('counterf');
    await options.first().getByRole('button', { name: 'Cite' }).click();
    const copy = options.first().getByRole('button', { name: 'Copy APA reference' });
    const reference = (await (await fetch(`${origins().origin}/api/reports/${REPORT}/sections/7/cite?style=apa&form=reference&format=text`)).text()).trim();

    await copy.click();

    await expect.poll(() => copy.textContent()).toBe('Selected: press Ctrl+C to copy');
    expect(await frame.evaluate(() => getSelection()?.toString())).toBe(reference);
    expect(await options.first().locator('.sel').isVisible()).toBe(true);
    expect(await options.first().locator('.sel').textContent()).toBe(reference);
  });

  it('selects the embed snippet on the report page when the clipboard is refused, and says so on the button', async () => {
    const page = await browser.newPage();
    // A browser or policy that refuses every clipboard write.
    await page.addInitScript(() => {
      const refuse = () => Promise.reject(new DOMException('Permissions policy violation', 'NotAllowedError'));
      Object.defineProperty(navigator, 'clipboard', { value: { write: refuse, writeText: refuse } });
    });
    await page.goto(`${origins().origin}/reports/${REPORT}`);
    const button = page.locator('button[data-copy-from="embed-script"]'); // not by name: the name changes

    expect(await button.textContent()).toContain('Copy the script snippet');
    await button.click();

    await expect.poll(() => button.textContent()).toBe('Selected: press Ctrl+C to copy');
    expect(await page.evaluate(() => getSelection()?.toString())).toBe(await page.locator('#embed-script').textContent());
  });
});
