/**
 * Where this machine's Chromium or Chrome is, for the browser tests, the
 * widget bench and the screenshots: `CHROME_PATH` if set, else the usual
 * places on Debian, Ubuntu, macOS and Windows. Never downloaded
 * (`playwright install` reaches hosts these machines cannot).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Where Chromium and Chrome install themselves, in the order they are tried after CHROME_PATH. */
export const CHROMIUM_PLACES: readonly string[] = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  ...['PROGRAMFILES', 'PROGRAMFILES(X86)', 'LOCALAPPDATA'].flatMap((name) => (process.env[name] ? [join(process.env[name]!, 'Google', 'Chrome', 'Application', 'chrome.exe')] : [])),
];

/** The one line a person is told where no browser is found. */
export const NO_CHROMIUM =
  'browser tests: no Chromium or Chrome found (set CHROME_PATH to one, or install one: apt-get install chromium, brew install --cask chromium, or Chrome from google.com/chrome)';

/** The browser to drive, or null where there is none. */
export function findChromium(env: NodeJS.ProcessEnv = process.env, exists: (path: string) => boolean = existsSync): string | null {
  if (env.CHROME_PATH) return exists(env.CHROME_PATH) ? env.CHROME_PATH : null;
  return CHROMIUM_PLACES.find((path) => exists(path)) ?? null;
}

/** The browser to drive, or an error saying how to get one. */
export function requireChromium(): string {
  const found = findChromium();
  if (!found) throw new Error(process.env.CHROME_PATH ? `browser tests: CHROME_PATH is ${process.env.CHROME_PATH}, which does not exist` : NO_CHROMIUM);
  return found;
}
