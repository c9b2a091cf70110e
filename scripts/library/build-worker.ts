/**
 * A child process of the build: renders the reports it is sent and keeps
 * each in the cache, reporting each as it is done. Forked by
 * `render-pool.ts`, one per core, each with citation-js set up once.
 */
import type { Report } from '../../src/core/types';
import { setUpCitations, type RenderOptions } from '../citations/render';
import { BuildCache } from './build-cache';
import { buildReport } from './report-file';

/** What the pool sends a worker. */
export interface WorkerTask {
  reports: Array<{ report: Report; key: string }>;
  options: RenderOptions;
  cacheDir: string;
}

/** What a worker answers: one message per report, or why it failed. */
export type WorkerMessage = { done: string } | { failed: string };

process.on('message', (task: WorkerTask) => {
  try {
    const setup = setUpCitations(task.options);
    const cache = new BuildCache(task.cacheDir);
    for (const { report, key } of task.reports) {
      cache.write(buildReport(report, setup), key);
      process.send!({ done: report.id } satisfies WorkerMessage);
    }
    process.exit(0);
  } catch (error) {
    process.send!({ failed: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies WorkerMessage, () => process.exit(1));
  }
});
