/**
 * The library's word list, for a search across every report: for each index
 * term, the reports that hold it, in how many sections and in which field at
 * best. Split into shards by the term's first two characters
 * (`data/terms/{shard}.json`), so a query reads one small file per word, as
 * Pagefind's browser client does, never the whole list: at 10,000 reports
 * the list is far larger than an isolate should hold.
 */

/** A shard of the word list. */
export interface TermShard {
  /**
   * Term → three numbers per report that holds it: the report's place in the
   * shelf list, the number of its sections that hold the term, and the best
   * field the term is in (2 title, 1 pages, 0 text).
   */
  postings: Record<string, number[]>;
  /** Term → the word most reports write for it, for "did you mean" across the library. */
  forms: Record<string, string>;
}

/** The numbers a posting holds, in order, and the field codes. */
export const POSTING_WIDTH = 3;
export const FIELD_CODES = { text: 0, label: 1, title: 2 } as const;

/**
 * The shard a term is filed in: its first two characters, each a lower-case
 * letter or digit or else `_`, so the name is a safe file name.
 * @example [termShard('integr'), termShard('é'), termShard('x')] // ['in', '_', 'x']
 */
export function termShard(term: string): string {
  return [...term.slice(0, 2)].map((ch) => (/^[a-z0-9]$/.test(ch) ? ch : '_')).join('');
}

/** One report's entry for a term: how many of its sections hold it, and the best field. */
export interface TermPresence {
  sections: number;
  field: number;
}

/**
 * Sections holding each term, at most, in a whole library: the weight of a
 * word falls as it is found in more sections (inverse document frequency,
 * BM25's form).
 * @example inverseSectionFrequency(10, 1000) > inverseSectionFrequency(500, 1000) // true
 */
export function inverseSectionFrequency(holding: number, sections: number): number {
  return Math.log(1 + (sections - holding + 0.5) / (holding + 0.5));
}
