/**
 * One fixed seed and a bounded number of runs for every property test, so CI
 * explores the same inputs each time (and a failure names the case to replay).
 * To explore further by hand: PROPERTY_SEED=… PROPERTY_RUNS=… npx vitest run test/node/properties
 */
import fc from 'fast-check';

export const PROPERTY_RUNS: fc.Parameters<unknown> = {
  seed: Number(process.env.PROPERTY_SEED ?? 20261128),
  numRuns: Number(process.env.PROPERTY_RUNS ?? 300),
};

/** Text an attacker or a hurried typist might send: any code points, HTML and quote characters, long runs. */
export const hostileText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 120 }),
  fc.string({ unit: fc.constantFrom(...'<>&"\'`/=; -–—“”„‟″ ﷺ\u0000\u200b\ud800'.split(''), 'a', 'é', 'UN', 'U.N.'), maxLength: 60 }),
  fc.array(fc.constantFrom('integrated', 'planning', 'counterf', '"whole of', 'government"', 'U.N.', 'Secretary-General', '__proto__', 'constructor', '<mark>', '&amp;', 'programmes'), { maxLength: 12 }).map((words) => words.join(' ')),
);

/** Reverses Hono's HTML escaping (the five characters it escapes). */
export function unescapeHtml(html: string): string {
  return html.replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[name]!);
}
