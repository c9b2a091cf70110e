/**
 * The README's quick start, end to end: `wrangler dev` on a free loopback
 * port, a search and a section fetched over HTTP, asserted on, server stopped.
 *
 * Usage: tsx scripts/smoke-test.ts
 */
import { startDevServer } from './dev-server';

type Check = [name: string, run: (origin: string) => Promise<void>];

function expect(condition: boolean, message: string): void {
  if (!condition) throw new Error(message);
}

const checks: Check[] = [
  [
    'a search for "counterfactual" ranks section 7 first with the word marked',
    async (origin) => {
      const body = (await (await fetch(`${origin}/api/search?q=counterfactual`)).json()) as {
        results: Array<{ number: number; snippet: string }>;
      };
      expect(body.results[0]?.number === 7, `first result is ${JSON.stringify(body.results[0])}`);
      expect(body.results[0].snippet.includes('<mark>counterfactual</mark>'), `snippet: ${body.results[0].snippet}`);
    },
  ],
  [
    'section 5 is the Introduction, with its text and neighbours',
    async (origin) => {
      const body = (await (await fetch(`${origin}/api/reports/driving-the-system-apart/sections/5`)).json()) as {
        title: string;
        paragraphs: string[];
        prev: number;
        next: number;
      };
      expect(body.title === 'Introduction', `title: ${body.title}`);
      expect(body.paragraphs[0]?.startsWith('The United Nations (UN) has come a long way'), `text: ${body.paragraphs[0]}`);
      expect(body.prev === 4 && body.next === 6, `prev/next: ${body.prev}/${body.next}`);
    },
  ],
  [
    'a bad section number is a 400 problem, not a 500',
    async (origin) => {
      const res = await fetch(`${origin}/api/reports/driving-the-system-apart/sections/abc`);
      expect(res.status === 400, `status ${res.status}`);
      expect(res.headers.get('content-type')?.startsWith('application/problem+json') === true, `type ${res.headers.get('content-type')}`);
    },
  ],
];

async function main(): Promise<number> {
  const server = await startDevServer();
  let failed = 0;
  try {
    for (const [name, run] of checks) {
      try {
        await run(server.origin);
        console.log(`ok   ${name}`);
      } catch (error) {
        failed++;
        console.log(`FAIL ${name}: ${(error as Error).message}`);
      }
    }
  } finally {
    await server.stop();
  }
  console.log(`smoke: ${checks.length - failed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

main().then(
  (code) => (process.exitCode = code),
  (error) => {
    console.error(error);
    process.exitCode = 1;
  },
);
