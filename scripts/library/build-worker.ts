/**
 * A child process of the build: renders the reports (or parts of a report:
 * some of its styles) it is sent and keeps each in the cache. Forked by
 * `render-pool.ts`, one per core, with citation-js set up once: a child
 * answers task after task (a build that watches its sources sends it one
 * per change, to engines already built) and exits when the pool lets it go.
 */
import { setUpCitations, warmEngines, type CitationSetup, type RenderOptions } from '../citations/render';
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
  /** `style/locale` pairs whose engines to build once the units are done, for renders to come (`RenderPool.warm`). */
  warm?: string[];
}

/** What a worker answers a task: when it fails, why (then it exits 1); once every unit is in the cache, what is proven. */
export type WorkerMessage = { failed: string } | { proven: string[] };

/** citation-js set up once for this child, for the options it was set up with (the same for every task of a build). */
let setup: { options: string; citations: CitationSetup } | null = null;

function citationsFor(options: RenderOptions): CitationSetup {
  const key = JSON.stringify(options);
  if (setup?.options !== key) setup = { options: key, citations: setUpCitations(options) };
  return setup.citations;
}

process.on('message', (task: WorkerTask) => {
  try {
    const citations = citationsFor(task.options);
    for (const proof of task.proven) citations.memory.proven.add(proof);
    const cache = new BuildCache(task.cacheDir);
    for (const unit of task.units) {
      if (unit.only === null) buildOne(unit.item, cache, () => citations);
      else cache.writeCitationPart(unit.item.report.id, unit.item.citationsKey, unit.part, renderCitationsOf(unit.item.report, citations, unit.only, unit.item.accessDates));
    }
    if (task.warm) warmEngines(citations, task.warm);
    process.send!({ proven: [...citations.memory.proven] } satisfies WorkerMessage);
  } catch (error) {
    process.send!({ failed: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies WorkerMessage, () => process.exit(1));
  }
});

// The pool lets a child go by closing the channel (`RenderPool.close`).
process.on('disconnect', () => process.exit(0));
