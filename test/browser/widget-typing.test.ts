/**
 * `<report-search>` while a reader types: one request per keystroke, the
 * obsolete one aborted, answers seen before reused from memory, a shorter
 * query's fitting results kept on screen while the longer one is on its way,
 * and never an answer for anything but the text in the box at the end (see
 * also widget-host-page.test.ts: a late answer never replaces a newer one).
 * Answers are held back or delayed with `page.route` to force the orders a
 * slow network produces.
 */
import type { Page, Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { listedSections, origins, useBrowser, widgetParts } from './browser-run';
import { HOST_PAGES, REPORT } from './harness';

const browser = useBrowser();

interface Answer {
  results: Array<{ number: number; terms: string[] }>;
}

/** The API's answer for `query`, asked the way the widget asks it (5 results). */
async function apiAnswer(query: string): Promise<Answer> {
  const response = await fetch(`${origins().origin}/api/search?${new URLSearchParams({ q: query, report: REPORT, limit: '5' })}`);
  return (await response.json()) as Answer;
}

/** The course page with its widget ready, and the `q` of every search request it makes. */
async function openCoursePage(): Promise<{ page: Page; asked: string[]; aborted: string[] }> {
  const page = await browser.newPage();
  const asked: string[] = [];
  const aborted: string[] = [];
  const searchQuery = (url: string) => (new URL(url).pathname === '/api/search' ? new URL(url).searchParams.get('q') : null);
  page.on('request', (request) => {
    const q = searchQuery(request.url());
    if (q !== null) asked.push(q);
  });
  page.on('requestfailed', (request) => {
    const q = searchQuery(request.url());
    if (q !== null && request.failure()?.errorText === 'net::ERR_ABORTED') aborted.push(q);
  });
  await page.goto(origins().hostOrigin + HOST_PAGES.widget);
  await widgetParts(page).input.waitFor();
  return { page, asked, aborted };
}

/** Holds back the answers to `query` until `release()`. */
async function holdAnswers(page: Page, query: string) {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/search?**', async (route: Route) => {
    if (new URL(route.request().url()).searchParams.get('q') === query) await held;
    await route.continue().catch(() => {}); // the widget may have aborted it meanwhile
  });
  return release;
}

/** Marked words in the first option's snippet. */
async function firstMarks(page: Page): Promise<string[]> {
  return widgetParts(page).options.first().locator('mark').allTextContents();
}

const busy = (page: Page) => widgetParts(page).widget.locator('.root').getAttribute('aria-busy');

describe('<report-search> while typing', () => {
  it('asks on every keystroke and ends on the answer for the whole word, whatever order the answers come back in', async () => {
    const { page, asked } = await openCoursePage();
    const word = 'peacekeeping';
    // The shorter the query, the later its answer: the order a congested link can produce.
    await page.route('**/api/search?**', async (route) => {
      const q = new URL(route.request().url()).searchParams.get('q') ?? '';
      await new Promise((resolve) => setTimeout(resolve, (word.length - q.length) * 40));
      await route.continue().catch(() => {});
    });
    const { input, options } = widgetParts(page);
    const expected = (await apiAnswer(word)).results.map((hit) => hit.number);

    await input.pressSequentially(word, { delay: 20 });
    await expect.poll(() => busy(page)).toBe('false');

    expect(asked.length).toBe(word.length); // one request per key, no pause
    expect(asked.at(-1)).toBe(word);
    expect(await listedSections(options)).toEqual(expected);
    await page.waitForTimeout(700); // every older answer has had time to arrive
    expect(await listedSections(options)).toEqual(expected);
    expect((await firstMarks(page)).map((word) => word.toLowerCase())).toEqual(['peacekeeping']); // as written: "Peacekeeping"
    expect(await input.inputValue()).toBe(word);
  });

  it('aborts the request a newer keystroke makes obsolete, and shows the newer query’s results', async () => {
    const { page, asked, aborted } = await openCoursePage();
    const release = await holdAnswers(page, 'pla');
    const { input, options } = widgetParts(page);

    const heldAsked = page.waitForRequest((request) => new URL(request.url()).searchParams.get('q') === 'pla');
    await input.fill('pla');
    await heldAsked;
    await input.fill('painstak');

    await expect.poll(() => listedSections(options)).toEqual([8]);
    await expect.poll(() => aborted).toEqual(['pla']);
    release();
    await page.waitForTimeout(300);
    expect(asked).toEqual(['pla', 'painstak']);
    expect(await listedSections(options)).toEqual([8]);
    expect(await firstMarks(page)).toEqual(['painstaking']);
  });

  it('answers a query seen before from memory, with no request: typing it again, and deleting back to it', async () => {
    const { page, asked } = await openCoursePage();
    const { input, options } = widgetParts(page);
    const answered = (query: string) => expect.poll(async () => asked.includes(query) && (await busy(page)) === 'false').toBe(true);

    await input.fill('counterf');
    await answered('counterf');
    await input.fill('planning');
    await answered('planning');
    expect(await listedSections(options)).toEqual((await apiAnswer('planning')).results.map((hit) => hit.number));
    const requestsSoFar = asked.length;

    await input.fill('counterf');
    expect(await listedSections(options)).toEqual([7]);
    expect(await firstMarks(page)).toEqual(['counterfactual']);
    await input.press('End');
    await input.press('a'); // "counterfa": new, asked
    await answered('counterfa');
    await input.press('Backspace'); // "counterf" again
    expect(await listedSections(options)).toEqual([7]);
    expect(await busy(page)).toBe('false');

    await page.waitForTimeout(300);
    expect(asked.slice(requestsSoFar)).toEqual(['counterfa']);
  });

  it('keeps a shorter query’s results that still fit on screen while the longer one is on its way, then shows its own', async () => {
    const { page } = await openCoursePage();
    const { input, options } = widgetParts(page);
    const short = await apiAnswer('p');
    const fitting = short.results.filter((hit) => hit.terms.some((term) => term.toLowerCase().startsWith('pa'))).map((hit) => hit.number);
    const own = (await apiAnswer('pa')).results.map((hit) => hit.number);
    // What makes this case worth testing: some of p's results do not fit "pa", and the order changes.
    expect(fitting.length).toBeGreaterThan(0);
    expect(fitting.length).toBeLessThan(short.results.length);
    expect(own).not.toEqual(fitting);
    const release = await holdAnswers(page, 'pa');

    await input.fill('p');
    await expect.poll(() => listedSections(options)).toEqual(short.results.map((hit) => hit.number));
    await input.press('End');
    await input.press('a');

    await expect.poll(() => listedSections(options)).toEqual(fitting);
    expect(await busy(page)).toBe('true');
    release();
    await expect.poll(() => listedSections(options)).toEqual(own);
    expect(await busy(page)).toBe('false');
  });
});
