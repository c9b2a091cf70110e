/**
 * Load: the real Worker under `wrangler dev`, hit by autocannon with a mix of
 * what readers and course pages ask for (search, type-ahead, sections, pages,
 * citations, the widget), in rounds after one round of a no-op. Prints each
 * round's requests/s, p50 and p99 latency and non-2xx answers by status, and
 * the resident memory (VmRSS) of the workerd processes before and after each
 * round. Fails (exit 1) on any 5xx, connection error or timeout, or when the
 * Worker's memory grows per request faster under the mix than under the no-op.
 *
 * Usage: npm run load [-- --duration 30 --connections 50 --rounds 3 --paths /api/nope,/widget.js]
 */
import { parseArgs } from 'node:util';
import autocannon, { type Result } from 'autocannon';
import { startDevServer, workerdRss, type WorkerdMemory } from './dev-server';

const REPORT = 'driving-the-system-apart';
const API = `/api/reports/${REPORT}`;

/** The mix, in the proportions a busy course term might send: mostly search and type-ahead. */
export const LOAD_MIX: string[] = [
  '/api/search?q=integrated%20planning',
  '/api/search?q=counterfactual',
  '/api/search?q=intergration',
  '/api/search?q=%22whole%20of%20government%22',
  '/api/search?q=peacekeeping&report=driving-the-system-apart&limit=5',
  '/api/search?q=programmes&mode=any',
  '/api/suggest?q=integ',
  '/api/suggest?q=coun',
  '/api/suggest?q=secretary-gen',
  `${API}/sections/5`,
  `${API}/sections/7`,
  `${API}/pages/ii`,
  `${API}/cite?format=ris`,
  `${API}/cite?format=bibtex&sections=3,5,7`,
  `${API}/sections/5/cite?format=text&style=mla`,
  `/reports/${REPORT}`,
  `/reports/${REPORT}/sections/7?highlight=counterfactual`,
  `/reports/${REPORT}/search?q=planning`,
  `/embed/${REPORT}`,
  '/widget.js',
];

/**
 * Under `wrangler dev`, workerd's memory grows with every request, whatever
 * the route: measured at 10–20 KB a request for the unmatched-path 404 (no
 * data touched), in miniflare's entry proxy and in the Worker's process, the
 * same on the code before issue 9 and for a one-line Worker that answers 404.
 * So a round of that no-op is run first,
 * and the Worker's process may grow per request under the mix at most this
 * many times what it grew under the no-op: a leak of ours (a cache that keeps
 * every query, say) would show as a higher rate.
 */
const GROWTH_RATIO_LIMIT = 1.5;
/** A route that touches no data: the harness's own cost per request. */
const NO_OP = '/api/nope';

const describeMemory = (m: WorkerdMemory) => `Worker ${m.worker.toFixed(1)} MB, harness ${m.harness.toFixed(1)} MB`;

function describeRound(name: string, result: Result): string {
  const byStatus = Object.entries(result.statusCodeStats)
    .filter(([status]) => !status.startsWith('2'))
    .map(([status, { count }]) => `${status}: ${count}`);
  return [
    `${name}: ${result.requests.average.toFixed(0)} requests/s (${result.requests.total} in ${result.duration.toFixed(1)} s)`,
    `latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`,
    `non-2xx: ${byStatus.length ? byStatus.join(', ') : 'none'}; errors ${result.errors}, timeouts ${result.timeouts}`,
  ].join('; ');
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      duration: { type: 'string', default: '30' },
      connections: { type: 'string', default: '50' },
      rounds: { type: 'string', default: '3' },
      // Comma-separated paths instead of the mix, to look at one route alone.
      paths: { type: 'string' },
    },
  });
  const duration = Number(values.duration);
  const connections = Number(values.connections);
  const rounds = Number(values.rounds);
  const mix = values.paths ? values.paths.split(',') : LOAD_MIX;
  const server = await startDevServer();
  try {
    // One pass over the mix, so isolate start and first parses are not counted as load.
    for (const path of [NO_OP, ...mix]) await (await fetch(server.origin + path)).arrayBuffer();
    const hit = (paths: string[]) =>
      autocannon({ url: server.origin, connections, duration, requests: paths.map((path) => ({ method: 'GET', path })) });
    console.log(`load: ${connections} connections, rounds of ${duration} s against ${server.origin}`);

    let memory = workerdRss(server.pid);
    console.log(`workerd RSS at start: ${describeMemory(memory)}`);
    const noOp = await hit([NO_OP]);
    let after = workerdRss(server.pid);
    const noOpGrowth = ((after.worker - memory.worker) * 1024) / noOp.requests.total;
    console.log(describeRound(`no-op ${NO_OP}`, noOp));
    console.log(`workerd RSS after it: ${describeMemory(after)}; the Worker grew ${noOpGrowth.toFixed(1)} KB a request`);

    let failures = 0;
    let mixRequests = 0;
    const mixStart = after;
    for (let round = 1; round <= rounds; round++) {
      memory = after;
      const result = await hit(mix);
      after = workerdRss(server.pid);
      mixRequests += result.requests.total;
      console.log(describeRound(`round ${round} (${mix.length} URLs in turn)`, result));
      console.log(`workerd RSS before: ${describeMemory(memory)}; after: ${describeMemory(after)}`);
      const serverErrors = Object.entries(result.statusCodeStats).filter(([status]) => status.startsWith('5'));
      if (serverErrors.length > 0 || result.errors > 0 || result.timeouts > 0) failures++;
    }
    const mixGrowth = ((after.worker - mixStart.worker) * 1024) / mixRequests;
    const allowed = Math.max(noOpGrowth, 1) * GROWTH_RATIO_LIMIT;
    console.log(`Worker RSS over the ${rounds} rounds: ${mixGrowth.toFixed(1)} KB a request, against ${noOpGrowth.toFixed(1)} for the no-op (limit ${allowed.toFixed(1)})`);
    if (mixGrowth > allowed) failures++;
    console.log(failures === 0 ? 'load: OK (no 5xx, no errors, no growth beyond the harness\'s own)' : `load: FAILED (${failures} problem(s) above)`);
    return failures === 0 ? 0 : 1;
  } finally {
    await server.stop();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(error);
    process.exitCode = 1;
  },
);
