/**
 * A child process of the build: renders the reports (or parts of a report:
 * some of its styles) it is sent and keeps each in the cache. Forked by
 * `render-pool.ts`, one per core, each with citation-js set up once.
 */
import { setUpCitations, type RenderOptions } from '../citations/render';
import { BuildCache } from './build-cache';
import { buildOne, type WorkUnit } from './render-pool';
import { renderCitationsOf } from './report-file';

/** What the pool sends a worker. */
export interface WorkerTask {
  units: WorkUnit[];
  options: RenderOptions;
  cacheDir: string;
  /** What earlier renders with the same code proved (`RenderMemory`). */
  proven: string[];
}

/** What a worker answers: when it fails, why; once every unit is in the cache, what is proven (then it exits 0). */
export type WorkerMessage = { failed: string } | { proven: string[] };

process.on('message', (task: WorkerTask) => {
  try {
    const setup = setUpCitations(task.options);
    for (const proof of task.proven) setup.memory.proven.add(proof);
    const cache = new BuildCache(task.cacheDir);
    for (const unit of task.units) {
      if (unit.only === null) buildOne(unit.item, cache, () => setup);
      else cache.writeCitationPart(unit.item.report.id, unit.item.citationsKey, unit.part, renderCitationsOf(unit.item.report, setup, unit.only, unit.item.accessDates));
    }
    process.send!({ proven: [...setup.memory.proven] } satisfies WorkerMessage, () => process.exit(0));
  } catch (error) {
    process.send!({ failed: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies WorkerMessage, () => process.exit(1));
  }
});
