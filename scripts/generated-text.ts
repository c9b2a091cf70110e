/**
 * Made-up text for generated fixtures and benchmarks: words of a few
 * syllables that no real text holds, drawn with a few frequent words and a
 * long tail as prose has, from seeded numbers so every run writes the same.
 * Used by the test PDFs (test/fixtures/make-pdfs.ts) and the report
 * generator (scripts/generate-reports.ts).
 */

/**
 * Seeded pseudo-random numbers in [0, 1): an LCG read by its high bits (its
 * low bits repeat with a short period).
 * @example const next = seededRandom(7); next() // the same number on every run
 */
export function seededRandom(seed: number): () => number {
  let x = (Math.imul(seed >>> 0, 2654435761) + 1) >>> 0;
  return () => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    return x / 2 ** 32;
  };
}

/** How many made-up words there are: a long report's vocabulary. */
const VOCABULARY_SIZE = 4000;

/** Made-up words, syllable by syllable, the same on every run. */
export const MADE_UP_WORDS: readonly string[] = (() => {
  const onsets = ['b', 'd', 'f', 'g', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'br', 'st', 'pl', 'tr'];
  const vowels = ['a', 'e', 'i', 'o', 'u', 'ai', 'ou'];
  const endings = ['', 'n', 'r', 'l', 's', 'tion'];
  const next = seededRandom(12345);
  const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)];
  const words = new Set<string>();
  while (words.size < VOCABULARY_SIZE) {
    let word = '';
    for (let s = 0, syllables = 2 + Math.floor(next() * 3); s < syllables; s++) word += pick(onsets) + pick(vowels);
    words.add(word + pick(endings));
  }
  return [...words];
})();

/**
 * `count` made-up words ending in a full stop, the same for the same seed.
 * Cubing a uniform number gives a few frequent words and a long tail.
 * @example madeUpProse(3, 5) // 'bora tivel ... .'
 */
export function madeUpProse(seed: number, count: number): string {
  const next = seededRandom(seed);
  const words: string[] = [];
  for (let i = 0; i < count; i++) words.push(MADE_UP_WORDS[Math.floor(next() ** 3 * MADE_UP_WORDS.length)]);
  return `${words.join(' ')}.`;
}
