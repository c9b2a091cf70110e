/**
 * `<report-search>` on another site's page (the course-site fixture, another
 * origin, hostile global CSS): what a reader sees and does with it.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { listedSections, optionSection, origins, useBrowser, widgetParts } from './browser-run';
import { HOST_PAGES, sectionPath } from './harness';

const browser = useBrowser();

/** Resolves when the widget's search for `query` has been answered. */
function searchAnswered(page: Page, query: string) {
  return page.waitForResponse((response) => {
    const url = new URL(response.url());
    return url.pathname === '/api/search' && url.searchParams.get('q') === query;
  });
}

/** The course page with its widget defined and ready to type into. */
async function openCoursePage(): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(origins().hostOrigin + HOST_PAGES.widget);
  await widgetParts(page).input.waitFor();
  return page;
}

/** Types `query` into the page's widget and waits for its results to be shown. */
async function search(page: Page, query: string) {
  const parts = widgetParts(page);
  const answered = searchAnswered(page, query);
  await parts.input.fill(query);
  await answered;
  await parts.list.waitFor();
  return parts;
}

/** Computed styles a reader would notice, of the first element matching `selector` in the light DOM. */
function looks(page: Page, selector: string) {
  return page.locator(selector).first().evaluate((element) => {
    const style = getComputedStyle(element);
    return {
      color: style.color,
      backgroundColor: style.backgroundColor,
      fontFamily: style.fontFamily,
      fontSize: style.fontSize,
      lineHeight: style.lineHeight,
      letterSpacing: style.letterSpacing,
      textTransform: style.textTransform,
    };
  });
}

describe('<report-search> on a course site (another origin)', () => {
  it('finds section 7 first for "counterf", with "counterfactual" marked in its snippet', async () => {
    const page = await openCoursePage();

    const { options } = await search(page, 'counterf');

    const first = options.first();
    expect(await optionSection(first)).toBe(7);
    expect(await first.locator('mark').allTextContents()).toEqual(['counterfactual']);
    expect(await first.locator('.s').textContent()).toContain('the counterfactual (“what if the UN had not planned together?”)');
  });

  it('says in a muted line when a result matched a related word: "synopsis" lists the Executive Summary, matched summary for synopsis', async () => {
    const page = await openCoursePage();

    const { options } = await search(page, 'synopsis');

    expect(await listedSections(options)).toEqual([4]);
    expect(await options.first().locator('.r').textContent()).toBe('matched summary for synopsis');
    expect(await options.first().locator('.r em').allTextContents()).toEqual(['summary', 'synopsis']);
    const described = await options
      .first()
      .locator('a.link')
      .evaluate((a) => (a.getAttribute('aria-describedby') ?? '').split(' ').map((id) => (a.getRootNode() as ShadowRoot).getElementById(id)?.textContent).join(' '));
    expect(described).toContain('matched summary for synopsis');
  });

  it('says what to try when nothing matches, with a link to search every report', async () => {
    const page = await openCoursePage();
    const parts = widgetParts(page);
    const answered = searchAnswered(page, 'quantum chromodynamics');

    await parts.input.fill('quantum chromodynamics');
    await answered;

    await expect.poll(() => parts.status.textContent()).toContain('No sections match.');
    const advice = await parts.status.locator('li').allTextContents();
    expect(advice).toEqual(['Try fewer words, or a phrase without its quotation marks.', 'Check the spelling, or try another word for the same idea.', 'Search all reports']);
    const link = await parts.status.getByRole('link', { name: 'Search all reports' }).getAttribute('href');
    expect(new URL(link!).pathname + new URL(link!).search).toBe('/search?q=quantum%20chromodynamics');
  });

  it('opens the chosen result with ArrowDown and Enter: section 7 with the word marked in its text', async () => {
    const page = await openCoursePage();
    const { input } = await search(page, 'counterf');

    await input.press('ArrowDown'); // the focus moves to the first result's link, which Enter follows
    await Promise.all([page.waitForURL(/\/sections\/7\?/), page.keyboard.press('Enter')]);

    const url = new URL(page.url());
    expect(url.origin).toBe(origins().origin);
    expect(url.pathname).toBe(sectionPath(7));
    expect(url.searchParams.get('highlight')).toBe('counterfactual');
    const marked = await page.locator('.section-text mark').allTextContents();
    expect(marked.length).toBeGreaterThan(0);
    expect(marked.every((word) => word.toLowerCase() === 'counterfactual')).toBe(true);
    expect(await page.locator('.section-text p', { has: page.locator('mark') }).first().textContent()).toContain('the counterfactual (“what if the UN had not planned together?”)');
  });

  it('leaves the host page’s own styles alone, and keeps the host’s CSS out of the widget', async () => {
    const page = await browser.newPage();
    // Hold widget.js back until the page has been measured without it.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/widget.js', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(origins().hostOrigin + HOST_PAGES.widget, { waitUntil: 'commit' });
    await page.locator('main .course-text').waitFor({ state: 'attached' });
    const before = { text: await looks(page, '.course-text'), mark: await looks(page, '.course-text mark') };
    expect(await page.evaluate(() => customElements.get('report-search'))).toBeUndefined();

    release();
    const { options } = await search(page, 'counterf');

    expect({ text: await looks(page, '.course-text'), mark: await looks(page, '.course-text mark') }).toEqual(before);
    // The host's looks, for the record: red uppercase serif, its <mark> lime.
    expect(before.text).toMatchObject({ color: 'rgb(255, 0, 0)', textTransform: 'uppercase', fontSize: '22px' });
    expect(before.mark).toMatchObject({ color: 'rgb(255, 0, 0)', backgroundColor: 'rgb(0, 255, 0)' });

    const red = 'rgb(255, 0, 0)';
    const { input } = widgetParts(page);
    const widgetColours = {
      input: await input.evaluate((el) => getComputedStyle(el).color),
      title: await options.first().locator('.t').evaluate((el) => getComputedStyle(el).color),
      snippet: await options.first().locator('.s').evaluate((el) => getComputedStyle(el).color),
      mark: await options.first().locator('mark').evaluate((el) => getComputedStyle(el).color),
    };
    for (const [part, colour] of Object.entries(widgetColours)) expect(colour, part).not.toBe(red);
    expect(await options.first().locator('mark').evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe('rgb(0, 255, 0)');
    expect(await options.first().locator('.s').evaluate((el) => getComputedStyle(el).textTransform)).toBe('none');
  });

  // The keys of src/widget/results-list.ts: a search landmark and a list of links and buttons, not a combobox.
  it('moves the focus between results with ArrowDown and ArrowUp, reaches Cite with Tab, and closes the list with Escape', async () => {
    const page = await openCoursePage();
    const { input, list, options } = await search(page, 'planning');
    const focused = () => page.evaluate(() => {
      const active = document.activeElement?.shadowRoot?.activeElement ?? null;
      return active ? `${active.tagName.toLowerCase()}${active.id ? `#${active.id}` : ''}: ${active.textContent?.trim().slice(0, 40)}` : null;
    });
    const titles = await options.locator('a.link').allTextContents();
    expect(titles.length).toBeGreaterThanOrEqual(3);

    await input.press('ArrowDown');
    expect(await focused()).toBe(`a#l0: ${titles[0].slice(0, 40)}`);
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe(`a#l1: ${titles[1].slice(0, 40)}`);
    await page.keyboard.press('ArrowUp');
    expect(await focused()).toBe(`a#l0: ${titles[0].slice(0, 40)}`);

    await page.keyboard.press('Tab');
    expect(await focused()).toBe('button: Cite');
    await page.keyboard.press('Enter');
    const menu = options.first().getByRole('group', { name: /^Cite this section/ });
    expect(await menu.isVisible()).toBe(true);
    await page.keyboard.press('Escape'); // closes the menu, back on its Cite button
    expect(await menu.isVisible()).toBe(false);
    expect(await focused()).toBe('button: Cite');

    await page.keyboard.press('Escape'); // closes the list, back in the box
    expect(await list.isHidden()).toBe(true);
    expect(await focused()).toMatch(/^input/);
    expect(await input.inputValue()).toBe('planning');
  });

  it('names each result by its title alone, with its pages and snippet as the description', async () => {
    const page = await openCoursePage();
    const { options } = await search(page, 'counterf');
    const link = options.first().locator('a.link');

    expect(await link.evaluate((a) => a.textContent)).toBe(await options.first().locator('.t').textContent());
    const described = await link.evaluate((a) => (a.getAttribute('aria-describedby') ?? '').split(' ').map((id) => (a.getRootNode() as ShadowRoot).getElementById(id)?.textContent).join(' '));
    // Section 7 is untitled here: its label (the link's name) starts with its pages, so no pages line.
    expect(await link.textContent()).toMatch(/^pp?\. \S+/);
    expect(described).toBe(await options.first().locator('.s').textContent());
    expect(described).toContain('the counterfactual (“what if the UN had not planned together?”)');

    // A titled section ("Abbreviations", section 3): named by its title, its pages said first in the description.
    await search(page, 'abbreviations');
    const titled = options.filter({ has: page.locator('.p') }).first();
    expect(await titled.locator('a.link').textContent()).toBe('Abbreviations');
    const titledDescription = await titled.locator('a.link').evaluate((a) => (a.getAttribute('aria-describedby') ?? '').split(' ').map((id) => (a.getRootNode() as ShadowRoot).getElementById(id)?.textContent).join(' '));
    expect(titledDescription).toBe(`${await titled.locator('.p').textContent()} ${await titled.locator('.s').textContent()}`);
    expect(titledDescription).toMatch(/^pp\. iii–iv /);
    expect(await widgetParts(page).landmark.count()).toBe(1);
  });

  it('lists the query and its results again after opening a section and going Back', async () => {
    const page = await openCoursePage();
    const { input, options } = await search(page, 'counterf');
    const before = await listedSections(options);

    await input.press('ArrowDown');
    await Promise.all([page.waitForURL(/\/sections\/7\?/), page.keyboard.press('Enter')]);
    await page.goBack();

    const back = widgetParts(page);
    await expect.poll(() => back.input.inputValue()).toBe('counterf');
    await back.options.first().waitFor();
    expect(await listedSections(back.options)).toEqual(before);
    // The course page is served no-store, so this was a fresh load (no back/forward cache): the widget restored it.
    expect(await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).type)).toBe('back_forward');
  });

  it('shows only the latest query’s results when typing fast: "painstak" after "counterf" lists section 8', async () => {
    const page = await openCoursePage();
    const { input, options } = widgetParts(page);

    await input.pressSequentially('counterf');
    await input.press('ControlOrMeta+a');
    const answered = searchAnswered(page, 'painstak');
    await input.pressSequentially('painstak');
    await answered;

    await expect.poll(() => listedSections(options)).toEqual([8]);
    await page.waitForTimeout(500); // nothing older may arrive late and replace it
    expect(await listedSections(options)).toEqual([8]);
    expect(await options.first().locator('mark').allTextContents()).toEqual(['painstaking']);
  });

  it('drops an older answer that arrives after a newer one: "counterf" answered late never replaces "painstak"', async () => {
    const page = await openCoursePage();
    const { input, options } = widgetParts(page);
    // The first search's answer is held back until the second has been shown.
    let releaseFirst!: () => void;
    const firstHeld = new Promise<void>((resolve) => (releaseFirst = resolve));
    await page.route('**/api/search?**', async (route) => {
      if (new URL(route.request().url()).searchParams.get('q') === 'counterf') await firstHeld;
      await route.continue().catch(() => {}); // the widget may have aborted it meanwhile
    });

    const firstAsked = page.waitForRequest((request) => new URL(request.url()).searchParams.get('q') === 'counterf');
    await input.fill('counterf');
    await firstAsked;
    await input.fill('painstak');
    await expect.poll(() => listedSections(options)).toEqual([8]);

    releaseFirst();
    await page.waitForTimeout(500);
    expect(await listedSections(options)).toEqual([8]);
    expect(await input.inputValue()).toBe('painstak');
  });
});
