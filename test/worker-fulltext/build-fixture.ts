/**
 * Vitest globalSetup of the `worker-fulltext` project: builds a report from
 * its JSTOR page, its metadata and a PDF, as a publisher who has the PDF
 * would, and the project's Worker is bundled with that build in place of
 * `index/build` (vitest.config.ts aliases the folder; the Worker's code is
 * the same). The PDF is the generated fixture (test/fixtures/make-pdfs.ts):
 * no real PDF of the report is in the repository, and its text beyond the
 * five JSTOR excerpts is made up, so this build is never served.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeReportPdf } from '../fixtures/make-pdfs';
import { FULLTEXT_BUILD, FULLTEXT_DIR } from './paths';

const root = fileURLToPath(new URL('../..', import.meta.url));

export default async function setup(): Promise<void> {
  const sources = path.join(FULLTEXT_DIR, 'sources');
  mkdirSync(sources, { recursive: true });
  for (const ext of ['.txt', '.json']) {
    copyFileSync(path.join(root, `index/sources/driving-the-system-apart${ext}`), path.join(sources, `driving-the-system-apart${ext}`));
  }
  writeFileSync(path.join(sources, 'driving-the-system-apart.pdf'), await makeReportPdf({ pageLabels: true, outline: true }));
  execFileSync(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), path.join(root, 'scripts/build-index.ts'), '--sources', sources, '--out', FULLTEXT_BUILD], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}
