/**
 * The library's word list (`src/core/library/term-shards.ts`), gathered
 * report by report in shelf order and written as one file per shard.
 */
import { termShard, type TermShard } from '../../src/core/library';
import type { ReportTerms } from './report-file';

/**
 * A report's terms as the build's cache keeps them for the word list: one
 * line a term, `term<TAB>sections<TAB>field<TAB>written form` (the form
 * empty where the report has none). Half the size of the same as JSON, and
 * read without making an object a term (`addTermList`).
 * @example encodeTermList({ integr: { sections: 6, field: 2 } }, { integr: 'integrated' }) // 'integr\t6\t2\tintegrated'
 */
export function encodeTermList(terms: ReportTerms, forms: Record<string, string>): string {
  const lines: string[] = [];
  const line = (term: string, presence: string, form = '') => {
    // Terms and forms are single words; a tab or line break in one would shift every column after it.
    if (/[\t\n]/.test(term + form)) throw new Error(`word list: the term ${JSON.stringify(term)} (${JSON.stringify(form)}) holds a tab or line break`);
    lines.push(`${term}\t${presence}\t${form}`);
  };
  for (const term in terms) line(term, `${terms[term].sections}\t${terms[term].field}`, forms[term]);
  // A written form of a word the index does not hold: counted for the forms, with no postings.
  for (const term in forms) if (!(term in terms)) line(term, '\t', forms[term]);
  return lines.join('\n');
}

/** Postings gathered so far, by shard and term. */
export class WordListBuilder {
  readonly #shards = new Map<string, Map<string, number[]>>();
  /** Term → written form → reports writing it so. */
  readonly #forms = new Map<string, Map<string, number>>();
  /** Term → its postings list: reports share most of their words, so each term's shard is found once, not once a report. */
  readonly #postings = new Map<string, number[]>();

  /** Files the terms of the report at `place` in the shelf list, and how the report writes each. */
  add(place: number, terms: ReportTerms, forms: Record<string, string>): void {
    this.addTermList(place, encodeTermList(terms, forms));
  }

  /** A term's postings list, made (and filed in its shard) on first need. */
  #postingsOf(term: string): number[] {
    let postings = this.#postings.get(term);
    if (!postings) {
      const shard = termShard(term);
      let byTerm = this.#shards.get(shard);
      if (!byTerm) this.#shards.set(shard, (byTerm = new Map()));
      byTerm.set(term, (postings = []));
      this.#postings.set(term, postings);
    }
    return postings;
  }

  /**
   * Files a report's terms from its term list (`encodeTermList`), read in
   * place: a library's build reads every report's list, and walking the text
   * costs a fraction of parsing the same as JSON objects.
   */
  addTermList(place: number, list: string): void {
    for (let start = 0; start < list.length; ) {
      let end = list.indexOf('\n', start);
      if (end < 0) end = list.length;
      const afterTerm = list.indexOf('\t', start);
      const afterSections = list.indexOf('\t', afterTerm + 1);
      const afterField = list.indexOf('\t', afterSections + 1);
      const term = list.slice(start, afterTerm);
      if (afterSections > afterTerm + 1) this.#postingsOf(term).push(place, Number(list.slice(afterTerm + 1, afterSections)), Number(list.slice(afterSections + 1, afterField)));
      const form = list.slice(afterField + 1, end);
      if (form) {
        let counts = this.#forms.get(term);
        if (!counts) this.#forms.set(term, (counts = new Map()));
        counts.set(form, (counts.get(form) ?? 0) + 1);
      }
      start = end + 1;
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
