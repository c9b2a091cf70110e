/**
 * Starts `wrangler dev` on a free loopback port and stops it by process id:
 * the real Worker in workerd, for the smoke test, benchmarks and browser tests.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';

export interface DevServer {
  origin: string;
  /** wrangler's process id, which is also its process group's: workerd runs inside that group. */
  pid: number;
  stop(): Promise<void>;
}

/** A port nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

// wrangler's first start bundles the Worker and boots workerd: allow a slow machine.
const START_TIMEOUT_MS = 90_000;

/**
 * Starts wrangler dev (which runs the build first) and waits until it answers.
 * @example const server = await startDevServer(); await fetch(server.origin + '/api/reports'); await server.stop();
 */
export async function startDevServer(options: { port?: number; log?: (line: string) => void; cwd?: string; config?: string; vars?: Record<string, string> } = {}): Promise<DevServer> {
  const port = options.port ?? (await freePort());
  const origin = `http://127.0.0.1:${port}`;
  // Started directly, not through npx, so the pid is wrangler's own and stopping it stops workerd too.
  // `cwd`: another copy of the project (the browser tests' report with its PDF); this one by default.
  // `config`: another wrangler.toml (a generated library's, scripts/bench-library.ts).
  // `vars`: bindings for this run only (the LTI browser test's keys and platform), as `--var NAME:VALUE`.
  const vars = Object.entries(options.vars ?? {}).flatMap(([name, value]) => ['--var', `${name}:${value}`]);
  const args = ['dev', '--ip', '127.0.0.1', '--port', String(port), ...(options.config ? ['--config', options.config] : []), ...vars];
  const child: ChildProcess = spawn('node_modules/.bin/wrangler', args, {
    cwd: options.cwd,
    env: {
      ...process.env,
      WRANGLER_SEND_METRICS: 'false',
      WRANGLER_SEND_ERROR_REPORTS: 'false',
      CLOUDFLARE_CF_FETCH_ENABLED: 'false',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
    options.log?.(chunk.toString());
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const stop = async () => {
    if (child.exitCode !== null || child.pid === undefined) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // Already gone.
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }, 5000);
    await exited;
    clearTimeout(timer);
  };
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited with ${child.exitCode}:\n${output}`);
    try {
      const res = await fetch(`${origin}/api/reports`);
      if (res.ok) return { origin, pid: child.pid!, stop };
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error(`wrangler dev did not answer on ${origin} within ${START_TIMEOUT_MS / 1000}s:\n${output}`);
}

export interface WorkerdMemory {
  /** The process running the Worker (started with an inspector). */
  worker: number;
  /** miniflare's entry proxy and anything else of wrangler's. */
  harness: number;
}

/** Resident memory (VmRSS, MB) of the workerd processes in wrangler's process group. */
export function workerdRss(processGroup: number): WorkerdMemory {
  const memory: WorkerdMemory = { worker: 0, harness: 0 };
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // Fields after the command's closing parenthesis: state ppid pgrp …
      const [, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const command = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      if (Number(pgrp) !== processGroup || !command.startsWith('workerd')) continue;
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      const isWorker = readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--inspector-addr');
      if (rss) memory[isWorker ? 'worker' : 'harness'] += Number(rss[1]) / 1024;
    } catch {
      // The process ended while we looked.
    }
  }
  return memory;
}

