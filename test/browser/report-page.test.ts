/**
 * The report page's citation tools in Chromium: exporting a selection of
 * sections as a file, and copying a formatted reference.
 */
import type { Download } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { origins, useBrowser } from './browser-run';
import { REPORT_PATH } from './harness';

const browser = useBrowser();

/** The APA reference of the whole report, as the cite panel shows it. */
const REPORT_APA =
  'Boutellis, A. (2013). Driving the system apart? A study of United Nations integration and integrated strategic planning. International Peace Institute. https://www.jstor.org/stable/resrep09639';

/** A download's contents (read through the browser connection, which may be remote). */
async function downloadedText(download: Download): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** RIS records as tag → values, one map per `TY  - … ER  - ` record. */
function risRecords(text: string): Array<Map<string, string[]>> {
  const records: Array<Map<string, string[]>> = [];
  let record: Map<string, string[]> | undefined;
  for (const line of text.split(/\r?\n/)) {
    const match = /^([A-Z][A-Z0-9])  - ?(.*)$/.exec(line);
    if (!match) continue;
    const [, tag, value] = match;
    if (tag === 'TY') records.push((record = new Map()));
    if (tag === 'ER') record = undefined;
    else record?.set(tag, [...(record.get(tag) ?? []), value]);
  }
  return records;
}

describe('report page: citation tools', () => {
  it('exports the ticked sections 5 and 7 as a RIS file: a CHAP "Introduction" and an RPRT of pp. 9–14', async () => {
    const page = await browser.newPage({ acceptDownloads: true });
    await page.goto(origins().origin + REPORT_PATH);

    await page.getByRole('checkbox', { name: /^Select section 5:/ }).check();
    await page.getByRole('checkbox', { name: /^Select section 7:/ }).check();
    await page.getByRole('combobox', { name: 'Format' }).selectOption('ris');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export selected' }).click()]);

    expect(download.suggestedFilename()).toMatch(/\.ris$/);
    const text = await downloadedText(download);
    expect(text.match(/^TY {2}- /gm)).toHaveLength(2);
    const [chapter, report] = risRecords(text);
    expect(chapter.get('TY')).toEqual(['CHAP']);
    expect(chapter.get('TI')).toEqual(['Introduction']);
    expect(chapter.get('SP')).toEqual(['3']);
    expect(chapter.get('EP')).toEqual(['4']);
    expect(report.get('TY')).toEqual(['RPRT']);
    expect(report.get('SP')).toEqual(['9']);
    expect(report.get('EP')).toEqual(['14']);
    for (const record of [chapter, report]) expect(record.get('AU')).toEqual(['Boutellis, Arthur']);
  });

  /** The report page in a browser context that may read and write the clipboard. */
  async function reportPageWithClipboard() {
    const { origin } = origins();
    const context = await browser.newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    const page = await context.newPage();
    await page.goto(origin + REPORT_PATH);
    return page;
  }

  it('copies the report’s APA reference to the clipboard from "Cite this report"', async () => {
    const page = await reportPageWithClipboard();
    const panel = page.locator('details.cite-panel', { has: page.locator('summary', { hasText: 'Cite this report' }) });

    await page.evaluate(() => navigator.clipboard.writeText('nothing copied yet'));

    await panel.locator('summary').click();
    expect(await panel.getAttribute('open')).not.toBeNull();
    await panel.getByRole('button', { name: 'Copy APA reference' }).click();
    // Its name changes to "Copied", so find it again by what does not change.
    const copy = panel.locator('#cite-report-apa-reference ~ button');

    await expect.poll(() => copy.textContent()).toBe('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(REPORT_APA);
    expect(await panel.locator('#cite-report-apa-reference').innerText()).toBe(REPORT_APA);
    // The italic title goes to the clipboard as HTML too, for a word processor.
    const html = await page.evaluate(async () => {
      const [item] = await navigator.clipboard.read();
      return item.types.includes('text/html') ? await (await item.getType('text/html')).text() : null;
    });
    expect(html).toContain('<i>Driving the system apart? A study of United Nations integration and integrated strategic planning</i>');
  });

  it('copies section 7’s in-text citation with its pages from the Chicago panel', async () => {
    const page = await reportPageWithClipboard();
    const panel = page.locator('#section-7 details.cite-panel');
    await panel.locator('summary').click();
    await panel.getByRole('button', { name: 'Copy Chicago in-text citation' }).click();

    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe('(Boutellis 2013, 9–14)');
    // CMOS 17 §14.29–14.30: the short note is author, short title, pages.
    expect(await panel.locator('#cite-s7-chicago-notes-bibliography-short-note').innerText()).toBe('Boutellis, Driving the System Apart?, 9–14.');
  });
});
