/**
 * Words that are used alike, from GloVe's word vectors: the table
 * `make-word-neighbours.ts` writes (`word-neighbours.tsv.gz`, one line a
 * word: `costs<TAB>cost:92 expenses:83 …`, the cosine in hundredths; a pair
 * is on both words' lines, since a word may be among another's nearest
 * without the reverse). WordNet knows what words mean; vectors know what
 * words are used for the same thing in news and encyclopaedia text
 * (*meticulous* and *painstaking*, *devolve* and *decentralize*, *expenses*
 * and *costs*), which WordNet's senses often do not join.
 *
 * Build-only.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

/** The words used most like a word, each with the cosine of their vectors (0 to 1). */
export interface WordNeighbours {
  of(word: string): ReadonlyMap<string, number>;
  /** How many words have neighbours. */
  readonly size: number;
}

const TABLE = 'scripts/related-words/word-neighbours.tsv.gz';

/**
 * The table's path: beside this module, or, when the module runs in the
 * build children's bundle (`worker-bundle.ts`, under `node_modules/.cache/`),
 * in the nearest folder above that holds `scripts/related-words/`.
 */
export function wordNeighboursFile(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    for (const path of [join(dir, basename(TABLE)), join(dir, TABLE)]) if (existsSync(path)) return path;
    if (dirname(dir) === dir) throw new Error(`${TABLE} is missing: the related words cannot be found without it`);
  }
}

const NONE: ReadonlyMap<string, number> = new Map();

/**
 * Reads a neighbour table. A line that is not `word<TAB>word:NN …` fails
 * the build with the file and line, rather than relating words at random.
 */
export function readWordNeighbours(path = wordNeighboursFile()): WordNeighbours {
  // A cosine in hundredths, 0 to 100 (the table keeps 50 and up).
  const LINE = /^[a-z]+\t[a-z]+:(?:\d\d?|100)(?: [a-z]+:(?:\d\d?|100))*$/;
  // Each word's line, parsed only when the word is asked about: a build asks about a few thousand of 48,000.
  const lines = new Map<string, string | ReadonlyMap<string, number>>();
  for (const [index, line] of gunzipSync(readFileSync(path)).toString('utf8').split('\n').entries()) {
    if (line === '') continue;
    if (!LINE.test(line)) throw new Error(`${path}:${index + 1}: not "word<TAB>word:NN …"`);
    const tab = line.indexOf('\t');
    lines.set(line.slice(0, tab), line.slice(tab + 1));
  }
  const of = (word: string): ReadonlyMap<string, number> => {
    const line = lines.get(word);
    if (line === undefined) return NONE;
    if (typeof line !== 'string') return line;
    const neighbours = new Map<string, number>();
    for (const pair of line.split(' ')) {
      const colon = pair.indexOf(':');
      neighbours.set(pair.slice(0, colon), Number(pair.slice(colon + 1)) / 100);
    }
    lines.set(word, neighbours);
    return neighbours;
  };
  return { of, size: lines.size };
}

let shared: WordNeighbours | null = null;
/** The table, read once per process on first need. */
export function sharedWordNeighbours(): WordNeighbours {
  return (shared ??= readWordNeighbours());
}
