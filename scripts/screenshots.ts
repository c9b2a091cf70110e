/**
 * Screenshots of the pages and the widget for the docs, taken in Debian's
 * Chromium against the real Worker under `wrangler dev` (the browser tests'
 * harness: the Worker, a course site on another origin, loopback only).
 *
 * Usage: tsx scripts/screenshots.ts   (writes docs/*.png)
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_LAUNCH_OPTIONS, HOST_PAGES, REPORT_PATH, sectionPath, startSite, type Site } from '../test/browser/harness';
import { requireChromium } from '../test/browser/find-chromium';

const DOCS = fileURLToPath(new URL('../docs/', import.meta.url));

/** Desktop and phone widths, in CSS pixels (390: a current mid-size phone). */
const DESKTOP = { width: 1200, height: 900 };
const PHONE = { width: 390, height: 844 };

interface Shot {
  file: string;
  viewport: { width: number; height: number };
  /** Brings the page into the state to capture. */
  arrange(page: Page, site: Site): Promise<void>;
}

/** Types into the page's `<report-search>` and waits until its results are shown. */
async function searchInWidget(page: Page, query: string): Promise<void> {
  const widget = page.locator('report-search');
  await widget.getByRole('searchbox').fill(query);
  await widget.getByRole('listitem').first().waitFor();
  await widget.locator('.root[aria-busy="false"]').waitFor({ state: 'attached' });
}

const SHOTS: Shot[] = [
  {
    file: 'report-page.png',
    viewport: DESKTOP,
    async arrange(page, site) {
      await page.goto(site.origin + REPORT_PATH);
      await page.locator('summary', { hasText: 'Cite this report' }).click();
    },
  },
  {
    file: 'section-page.png',
    viewport: DESKTOP,
    async arrange(page, site) {
      await page.goto(`${site.origin}${sectionPath(7)}?highlight=counterfactual`);
    },
  },
  {
    file: 'widget-host-page.png',
    viewport: DESKTOP,
    async arrange(page, site) {
      await page.goto(site.hostOrigin + HOST_PAGES.widget);
      await searchInWidget(page, 'counterf');
    },
  },
  {
    file: 'phone-report-page.png',
    viewport: PHONE,
    async arrange(page, site) {
      await page.goto(site.origin + REPORT_PATH);
    },
  },
];

async function takeShots(browser: Browser, site: Site): Promise<void> {
  for (const shot of SHOTS) {
    const context = await browser.newContext({ viewport: shot.viewport, colorScheme: 'light', reducedMotion: 'reduce' });
    try {
      const page = await context.newPage();
      await shot.arrange(page, site);
      await page.waitForLoadState('networkidle');
      await page.evaluate(() => document.fonts.ready);
      const path = DOCS + shot.file;
      await page.screenshot({ path, fullPage: true, animations: 'disabled', caret: 'hide' });
      console.log(`wrote docs/${shot.file}`);
    } finally {
      await context.close();
    }
  }
}

async function main(): Promise<void> {
  mkdirSync(DOCS, { recursive: true });
  // The quick start's port, so the embed snippets in the pictures read as the README's.
  const site = await startSite({ port: 8787 });
  try {
    const browser = await chromium.launch({ ...CHROMIUM_LAUNCH_OPTIONS, executablePath: requireChromium() });
    try {
      await takeShots(browser, site);
    } finally {
      await browser.close();
    }
  } finally {
    await site.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
