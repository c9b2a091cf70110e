/**
 * Vitest globalSetup of the browser tests: one `wrangler dev`, one course
 * site and one Chromium for the whole run, stopped in the teardown whatever
 * the tests did. Test files reach them through `inject('browserRun')`
 * (see ./browser-run.ts); Chromium is shared as a Playwright browser server.
 */
import { chromium, type BrowserServer } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { requireChromium } from './find-chromium';
import { CHROMIUM_LAUNCH_OPTIONS, startSite, type Site } from './harness';

export interface BrowserRun {
  /** The Worker under `wrangler dev`. */
  origin: string;
  /** The course site, another origin. */
  hostOrigin: string;
  /** Where `chromium.connect()` reaches the shared browser. */
  wsEndpoint: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    browserRun: BrowserRun;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // vitest.config.ts skips this project where no browser is found, unless CI=true: then this fails the run, saying why.
  const executablePath = requireChromium();
  const site: Site = await startSite();
  let browser: BrowserServer;
  try {
    browser = await chromium.launchServer({ ...CHROMIUM_LAUNCH_OPTIONS, executablePath, host: '127.0.0.1' });
  } catch (error) {
    await site.stop();
    throw error;
  }
  project.provide('browserRun', { origin: site.origin, hostOrigin: site.hostOrigin, wsEndpoint: browser.wsEndpoint() });
  return async () => {
    await browser.close().catch(() => {});
    await site.stop();
  };
}
