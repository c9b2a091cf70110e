/**
 * The test files' side of the shared run (./global-setup.ts): the origins,
 * a connection to the shared Chromium, and the few things every page test
 * reads: the widget's parts and the errors a page logged.
 */
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Locator, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, inject } from 'vitest';

/** The Worker's origin and the course site's, for this run. */
export function origins(): { origin: string; hostOrigin: string } {
  const { origin, hostOrigin } = inject('browserRun');
  return { origin, hostOrigin };
}

/**
 * Connects to the shared Chromium for the file's tests and gives each caller
 * a fresh context, closed after its test.
 * @example const browser = useBrowser(); it('…', async () => { const page = await browser.newPage(); });
 */
export function useBrowser() {
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    browser = await chromium.connect(inject('browserRun').wsEndpoint);
  });
  afterEach(async () => {
    await Promise.allSettled(contexts.splice(0).map((context) => context.close()));
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    /** A new context (its own cookies, storage, permissions), closed after the test. */
    async newContext(options: BrowserContextOptions = {}): Promise<BrowserContext> {
      if (!browser) throw new Error('useBrowser(): the browser is not connected yet (call this inside a test)');
      const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, ...options });
      contexts.push(context);
      return context;
    },
    /** A page in a new context. */
    async newPage(options: BrowserContextOptions = {}): Promise<Page> {
      return (await this.newContext(options)).newPage();
    },
  };
}

/**
 * The parts of a `<report-search>` (Playwright's CSS and role locators pierce
 * its open shadow root): a search landmark holding a searchbox and a list of
 * results (src/widget/results-list.ts).
 */
export function widgetParts(scope: Page | Locator | ReturnType<Page['frameLocator']>, name = 'Search this report') {
  const widget = scope.locator('report-search');
  const list = widget.getByRole('list', { name: 'Search results' });
  return {
    widget,
    landmark: widget.getByRole('search', { name }),
    // The widget's own box (class "q"): the fallback form inside the element (for readers without JavaScript)
    // has a searchbox of the same name, and a locator that found it before the widget rendered would wait
    // on it for ever once the widget's shadow root hides it.
    input: widget.locator('.q').and(widget.getByRole('searchbox', { name })),
    list,
    /** The results listed, one list item each. */
    options: list.getByRole('listitem'),
    /** The message under the box ("No sections match." and what to try, a failure…). */
    status: widget.locator('.status'),
  };
}

/** The section a result links to, from its link's URL. */
export async function optionSection(option: Locator): Promise<number> {
  const href = await option.locator('a.link').getAttribute('href');
  const match = /\/sections\/(\d+)(?:\?|$)/.exec(href ?? '');
  if (!match) throw new Error(`option links to ${href}, not to a section`);
  return Number(match[1]);
}

/** The sections the listed results link to, in order. */
export async function listedSections(options: Locator): Promise<number[]> {
  const sections: number[] = [];
  for (const option of await options.all()) sections.push(await optionSection(option));
  return sections;
}

/**
 * Records what a page reports going wrong: console errors, uncaught
 * exceptions, failed requests and HTTP error answers.
 * @example const problems = recordProblems(page); await page.goto(url); expect(problems).toEqual([]);
 */
export function recordProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return problems;
}

/** Records every JavaScript dialog (alert, confirm, prompt) a page opens, and dismisses it. */
export function recordDialogs(page: Page): string[] {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    dialog.dismiss().catch(() => {});
  });
  return dialogs;
}
