/**
 * `npm run fuzz`: the long run of generated requests (fixed seed) against
 * the real Worker under `wrangler dev` on 127.0.0.1, the LTI tool set up
 * with a key and a platform so its routes answer past "not set up". Each
 * answer is checked as the short run in workerd checks it
 * (`test/generated-requests/`): no 5xx, a problem or error page for every
 * 4xx, the security headers of its path. It prints the counts and every
 * fault (the first 20), and exits 1 on any.
 *
 * Bounded in count and time, and it sends nothing off this machine: the
 * generated registrations name only addresses the Worker refuses to fetch.
 * Leave src/ and scripts/ alone while it runs: wrangler dev rebuilds and
 * reloads on a change there, and the requests in flight then time out.
 *
 * Usage: tsx scripts/generated-requests.ts [--requests 100000] [--seed 20261207] [--connections 16] [--seconds 1800] [--wrangler-log FILE]
 */
import { appendFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { exportJWK, generateKeyPair } from 'jose';
import { answerFaults, generatedRequest, requestOf, ROUTES, type GeneratedRequest } from '../test/generated-requests';
import { startDevServer } from './dev-server';

const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '100000' },
    seed: { type: 'string', default: '20261207' },
    connections: { type: 'string', default: '16' },
    seconds: { type: 'string', default: '1800' },
    'wrangler-log': { type: 'string' },
  },
});
const total = Number(values.requests);
const seed = Number(values.seed);
const connections = Number(values.connections);
const deadline = Date.now() + Number(values.seconds) * 1000;

/** A platform for LTI_PLATFORMS with an inline key set, so no launch ever fetches a key set. */
async function ltiVars(): Promise<Record<string, string>> {
  const tool = await generateKeyPair('RS256', { extractable: true });
  const platform = await generateKeyPair('RS256', { extractable: true });
  const platforms = [
    { issuer: 'https://lms.example.edu', clientId: 'client-42', deploymentIds: ['deployment-1'], authLoginUrl: 'https://lms.example.edu/auth', jwks: { keys: [{ ...(await exportJWK(platform.publicKey)), kid: 'p1', alg: 'RS256' }] } },
  ];
  return { LTI_PRIVATE_KEY: JSON.stringify({ ...(await exportJWK(tool.privateKey)), kid: 'fuzz-tool', alg: 'RS256' }), LTI_PLATFORMS: JSON.stringify(platforms) };
}

async function main(): Promise<number> {
  const requests: GeneratedRequest[] = fc.sample(generatedRequest, { seed, numRuns: total });
  const logFile = values['wrangler-log'];
  const server = await startDevServer({ vars: await ltiVars(), ...(logFile ? { log: (line: string) => appendFileSync(logFile, line) } : {}) });
  const byStatus = new Map<string, number>();
  const routes = new Set<string>();
  /** 5xx answers by status and route: only "not set up" 503s of LTI routes pass the checks. */
  const serverSide = new Map<string, number>();
  const faults: string[] = [];
  let sent = 0;
  let next = 0;
  const started = performance.now();
  try {
    const worker = async () => {
      while (next < requests.length && Date.now() < deadline) {
        const req = requests[next++];
        const { url, init } = requestOf(req, server.origin);
        let res: Response;
        try {
          res = await fetch(url, { ...init, redirect: 'manual', signal: AbortSignal.timeout(30_000) });
        } catch (error) {
          faults.push(`${req.method} ${url}: no answer (${(error as Error).name})`);
          continue;
        }
        const body = await res.text();
        sent++;
        routes.add(req.route);
        const kind = `${Math.floor(res.status / 100)}xx`;
        byStatus.set(kind, (byStatus.get(kind) ?? 0) + 1);
        if (res.status >= 500) serverSide.set(`${res.status} ${req.route}`, (serverSide.get(`${res.status} ${req.route}`) ?? 0) + 1);
        for (const fault of answerFaults(req, url, res, body)) faults.push(`${req.method} ${url} → ${res.status}: ${fault}`);
      }
    };
    await Promise.all(Array.from({ length: connections }, worker));
  } finally {
    await server.stop();
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(`generated requests: ${sent} of ${total} sent (seed ${seed}, ${connections} connections) in ${seconds.toFixed(1)} s, ${(sent / seconds).toFixed(0)} a second`);
  console.log(`answers: ${[...byStatus].sort().map(([kind, n]) => `${kind} ${n}`).join(', ')}; routes ${routes.size} of ${ROUTES.length}`);
  if (serverSide.size > 0) console.log(`5xx by route (each a 503 "not set up" the checks allow): ${[...serverSide].sort().map(([what, n]) => `${what} ${n}`).join(', ')}`);
  console.log(`faults: ${faults.length}`);
  for (const fault of faults.slice(0, 20)) console.log(`  ${fault.slice(0, 400)}`);
  if (Date.now() >= deadline && next < total) console.log(`stopped at the time limit (--seconds ${values.seconds}) after ${next} requests`);
  return faults.length === 0 && sent === total ? 0 : 1;
}

process.exitCode = await main();
