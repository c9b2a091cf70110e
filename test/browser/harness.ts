/**
 * What the browser tests and the screenshot script run against: the real
 * Worker under `wrangler dev`, a second origin playing a course site that
 * embeds the search, and this machine's Chromium or Chrome (`find-chromium.ts`) driven by playwright-core.
 * Every server listens on 127.0.0.1 only, and Chromium is told not to dial out.
 *
 * @example
 * const site = await startSite();
 * const browser = await chromium.launch(CHROMIUM_LAUNCH_OPTIONS);
 * // … browse site.origin and site.hostOrigin …
 * await browser.close();
 * await site.stop();
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import type { LaunchOptions } from 'playwright-core';
import { freePort, startDevServer } from '../../scripts/dev-server';
import { findChromium } from './find-chromium';

/** The one report the index holds. */
export const REPORT = 'driving-the-system-apart';
/** Its page, its search results and its embeddable search, as paths on the Worker. */
export const REPORT_PATH = `/reports/${REPORT}`;
export const EMBED_PATH = `/embed/${REPORT}`;
export const sectionPath = (n: number) => `${REPORT_PATH}/sections/${n}`;

/** The report's title as the pages print it, and in sentence case as citations write it. */
export const REPORT_TITLE = 'Driving the System Apart? A Study of United Nations Integration and Integrated Strategic Planning';
export const REPORT_TITLE_SENTENCE_CASE = 'Driving the system apart? A study of United Nations integration and integrated strategic planning';

/** This machine's Chromium (never `playwright install`), kept from reaching anything but loopback. */
export const CHROMIUM_LAUNCH_OPTIONS: LaunchOptions = {
  executablePath: findChromium() ?? undefined,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
};

/** The pages the course site serves, by path. */
export const HOST_PAGES = {
  /** The fixture: `<report-search>` loaded with one script tag, under hostile global CSS. */
  widget: '/course.html',
  /** The same course site framing /embed/{report}: the iframe route of the README. */
  embedFrame: '/embed-frame.html',
  /** The iframe route with the optional /embed/frame.js, which sizes the iframe to its content. */
  embedSized: '/embed-sized.html',
  /** The same, the embed asked for in the dark theme. */
  embedDark: '/embed-dark.html',
  /** A page framing the report page itself, which must refuse to be framed. */
  reportFrame: '/report-frame.html',
};

const HOST_PAGE_FIXTURE = fileURLToPath(new URL('./fixtures/host-page.html', import.meta.url));

/** A page of the course site holding one iframe, and the scripts it adds after it. */
function framingPage(title: string, src: string, scripts: string[] = []): string {
  return `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>${title}</title></head>
  <body>
    <h1>${title}</h1>
    <iframe src="${src}" title="${title}" width="100%" height="420" style="border:0"></iframe>
    ${scripts.map((script) => `<script src="${script}" defer></script>`).join('\n    ')}
  </body>
</html>`;
}

/** The course site's pages, with the Worker's origin filled in. */
export function hostPages(widgetOrigin: string): Record<string, string> {
  return {
    [HOST_PAGES.widget]: readFileSync(HOST_PAGE_FIXTURE, 'utf8').replaceAll('__WIDGET_ORIGIN__', widgetOrigin),
    [HOST_PAGES.embedFrame]: framingPage('PEACE 301 · Search the reading', `${widgetOrigin}${EMBED_PATH}`),
    [HOST_PAGES.embedSized]: framingPage('PEACE 301 · Search the reading', `${widgetOrigin}${EMBED_PATH}`, [`${widgetOrigin}/embed/frame.js`]),
    [HOST_PAGES.embedDark]: framingPage('PEACE 301 · Search the reading', `${widgetOrigin}${EMBED_PATH}?theme=dark`),
    [HOST_PAGES.reportFrame]: framingPage('PEACE 301 · The reading, framed', `${widgetOrigin}${REPORT_PATH}`),
  };
}

export interface LocalServer {
  origin: string;
  stop(): Promise<void>;
}

/**
 * A plain Node HTTP server on a free loopback port, playing another site
 * (another origin) that embeds the Worker's search.
 * @example const host = await startHostServer('http://127.0.0.1:8787'); // host.origin + HOST_PAGES.widget
 */
export async function startHostServer(widgetOrigin: string): Promise<LocalServer> {
  const pages = hostPages(widgetOrigin);
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://host').pathname;
    // Chromium asks every site for an icon; an empty answer keeps the console free of 404s.
    if (path === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    const page = pages[path];
    if (page === undefined) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' }).end(page);
  });
  const port = await freePort();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return {
    origin: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface Site {
  /** The Worker under `wrangler dev`. */
  origin: string;
  /** The course site (another origin) that embeds the Worker's search. */
  hostOrigin: string;
  /** Stops both servers; safe to call twice. */
  stop(): Promise<void>;
}

/**
 * Starts `wrangler dev` and the course site. If the second fails to start,
 * the first is stopped before the error is thrown: nothing is left running.
 */
export async function startSite(options: { log?: (line: string) => void; port?: number; cwd?: string } = {}): Promise<Site> {
  const worker = await startDevServer({ log: options.log, port: options.port, cwd: options.cwd });
  let host: LocalServer;
  try {
    host = await startHostServer(worker.origin);
  } catch (error) {
    await worker.stop();
    throw error;
  }
  let stopped: Promise<void> | undefined;
  return {
    origin: worker.origin,
    hostOrigin: host.origin,
    stop: () => (stopped ??= Promise.allSettled([host.stop(), worker.stop()]).then(() => undefined)),
  };
}
