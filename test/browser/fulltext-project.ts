/**
 * A copy of this project whose only report comes with its PDF, for the
 * browser tests of the whole text: the same `wrangler dev`, the same build
 * command and the same Worker code, run in a temporary folder whose
 * `index/sources/` holds the report's JSTOR page, its metadata and the
 * generated PDF (test/fixtures/make-pdfs.ts: its text beyond the five
 * excerpts is made up, so it is never served from the project itself).
 * `node_modules` is linked, not copied.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeReportPdf } from '../fixtures/make-pdfs';

const root = fileURLToPath(new URL('../..', import.meta.url));
/** What `wrangler dev` and its build command read. */
const COPIED = ['package.json', 'package-lock.json', 'wrangler.toml', 'tsconfig.json', 'src', 'scripts', 'index/styles'];

/** Makes the copy; `remove` deletes it. */
export async function makeFullTextProject(): Promise<{ dir: string; remove: () => void }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'report-edge-fulltext-site-'));
  for (const entry of COPIED) cpSync(path.join(root, entry), path.join(dir, entry), { recursive: true });
  symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  const sources = path.join(dir, 'index/sources');
  mkdirSync(sources, { recursive: true });
  for (const ext of ['.txt', '.json']) cpSync(path.join(root, `index/sources/driving-the-system-apart${ext}`), path.join(sources, `driving-the-system-apart${ext}`));
  writeFileSync(path.join(sources, 'driving-the-system-apart.pdf'), await makeReportPdf({ pageLabels: true, outline: true }));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
