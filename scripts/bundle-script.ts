/**
 * Bundles a browser script (the widget, the page script) into one minified
 * file with esbuild, for the Worker to serve as it is.
 */
import { buildSync } from 'esbuild';
import { gzipSync } from 'node:zlib';

/** The browsers the scripts support: every evergreen browser of the last few years. */
const BROWSER_TARGET = ['es2020', 'chrome90', 'firefox90', 'safari14'];

/**
 * One minified IIFE from an entry file, and its sizes.
 * @example bundleScript('src/assets/page-script.ts').gzipBytes // ~400
 */
export function bundleScript(entry: string): { code: string; bytes: number; gzipBytes: number } {
  const result = buildSync({ entryPoints: [entry], bundle: true, minify: true, format: 'iife', target: BROWSER_TARGET, write: false, legalComments: 'none' });
  const code = result.outputFiles[0].text;
  return { code, bytes: Buffer.byteLength(code), gzipBytes: gzipSync(code, { level: 9 }).length };
}
