/**
 * The library's word list (`src/core/library/term-shards.ts`), gathered
 * report by report in shelf order and written as one file per shard.
 */
import { termShard, type TermShard } from '../../src/core/library';
import type { ReportTerms } from './report-file';

/** Postings gathered so far, by shard and term. */
export class WordListBuilder {
  readonly #shards = new Map<string, Map<string, number[]>>();
  /** Term → written form → reports writing it so. */
  readonly #forms = new Map<string, Map<string, number>>();
  /** Term → its postings list: reports share most of their words, so each term's shard is found once, not once a report. */
  readonly #postings = new Map<string, number[]>();

  /** Files the terms of the report at `place` in the shelf list, and how the report writes each. */
  add(place: number, terms: ReportTerms, forms: Record<string, string>): void {
    // for…in, not Object.entries: a report has thousands of terms, and the pairs' arrays were most of the time.
    for (const term in forms) {
      const form = forms[term];
      let counts = this.#forms.get(term);
      if (!counts) this.#forms.set(term, (counts = new Map()));
      counts.set(form, (counts.get(form) ?? 0) + 1);
    }
    for (const term in terms) {
      const { sections, field } = terms[term];
      let postings = this.#postings.get(term);
      if (!postings) {
        const shard = termShard(term);
        let byTerm = this.#shards.get(shard);
        if (!byTerm) this.#shards.set(shard, (byTerm = new Map()));
        byTerm.set(term, (postings = []));
        this.#postings.set(term, postings);
      }
      postings.push(place, sections, field);
    }
  }

  /**
   * Each shard's name and JSON text, terms sorted so builds are reproducible.
   * @example [...new WordListBuilder().shards()] // []
   */
  *shards(): Generator<[shard: string, json: string]> {
    for (const shard of [...this.#shards.keys()].sort()) {
      const byTerm = this.#shards.get(shard)!;
      const file: TermShard = { postings: {}, forms: {} };
      for (const term of [...byTerm.keys()].sort()) {
        file.postings[term] = byTerm.get(term)!;
        const counts = this.#forms.get(term);
        // Most reports' form; ties to the shorter, then alphabetical, so builds are reproducible.
        if (counts) file.forms[term] = [...counts].sort(([a, x], [b, y]) => y - x || a.length - b.length || (a < b ? -1 : 1))[0][0];
      }
      yield [shard, JSON.stringify(file)];
    }
  }
}
