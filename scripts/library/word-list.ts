/**
 * The library's word list (`src/core/library/term-shards.ts`), gathered
 * report by report in shelf order and written as one file per shard.
 */
import { POSTING_WIDTH, termShard, type TermShard } from '../../src/core/library';
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

/**
 * The word list as gathered, kept between builds so that the next one
 * patches it (`WordListBuilder.from`) rather than reading every report's
 * term list again: the report (id and key) at each place of the shelf list,
 * each term's postings, and each term's written forms with how many
 * reports write each.
 */
export interface GatheredWordList {
  places: Array<[id: string, key: string]>;
  postings: Record<string, number[]>;
  forms: Record<string, Record<string, number>>;
}

/**
 * Calls `each` with every line of a term list (`encodeTermList`), read in
 * place: the term, the sections and field holding it (both -1 for a form
 * alone), its written form ('' for none). A callback, not objects a line:
 * a library's build reads millions of lines.
 */
function forEachTermLine(list: string, each: (term: string, sections: number, field: number, form: string) => void): void {
  for (let start = 0; start < list.length; ) {
    let end = list.indexOf('\n', start);
    if (end < 0) end = list.length;
    const afterTerm = list.indexOf('\t', start);
    const afterSections = list.indexOf('\t', afterTerm + 1);
    const afterField = list.indexOf('\t', afterSections + 1);
    const present = afterSections > afterTerm + 1;
    each(list.slice(start, afterTerm), present ? Number(list.slice(afterTerm + 1, afterSections)) : -1, present ? Number(list.slice(afterSections + 1, afterField)) : -1, list.slice(afterField + 1, end));
    start = end + 1;
  }
}

/** Postings gathered so far, by shard and term. */
export class WordListBuilder {
  readonly #shards = new Map<string, Map<string, number[]>>();
  /** Term → written form → reports writing it so. */
  readonly #forms = new Map<string, Map<string, number>>();
  /** Term → its postings list: reports share most of their words, so each term's shard is found once, not once a report. */
  readonly #postings = new Map<string, number[]>();

  /** A builder holding a word list gathered before, to be patched (`removeTermList`, `addTermList`). */
  static from(gathered: GatheredWordList): WordListBuilder {
    const builder = new WordListBuilder();
    for (const term in gathered.postings) builder.#postingsOf(term).push(...gathered.postings[term]);
    for (const term in gathered.forms) builder.#forms.set(term, new Map(Object.entries(gathered.forms[term])));
    return builder;
  }

  /** What the builder holds, with the reports at each place, to keep for the next build. */
  gathered(places: GatheredWordList['places']): GatheredWordList {
    const postings: GatheredWordList['postings'] = {};
    for (const [term, list] of this.#postings) postings[term] = list;
    const forms: GatheredWordList['forms'] = {};
    for (const [term, counts] of this.#forms) forms[term] = Object.fromEntries(counts);
    return { places, postings, forms };
  }

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
    forEachTermLine(list, (term, sections, field, form) => {
      if (sections >= 0) {
        const postings = this.#postingsOf(term);
        // Reports are filed in place order, so a posting goes at the end, but for a patch (a report filed again).
        if (postings.length === 0 || postings[postings.length - POSTING_WIDTH] < place) postings.push(place, sections, field);
        else postings.splice(WordListBuilder.#firstAfter(postings, place), 0, place, sections, field);
      }
      if (form) {
        let counts = this.#forms.get(term);
        if (!counts) this.#forms.set(term, (counts = new Map()));
        counts.set(form, (counts.get(form) ?? 0) + 1);
      }
    });
  }

  /** Where in a postings list (ordered by place) the first posting of a later place than `place` starts. */
  static #firstAfter(postings: number[], place: number): number {
    let low = 0;
    let high = postings.length / POSTING_WIDTH;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (postings[middle * POSTING_WIDTH] <= place) low = middle + 1;
      else high = middle;
    }
    return low * POSTING_WIDTH;
  }

  /**
   * Takes back what `addTermList(place, list)` filed: the report's postings
   * and its written forms, and a term no report holds any more.
   */
  removeTermList(place: number, list: string): void {
    forEachTermLine(list, (term, sections, field, form) => {
      if (sections >= 0) {
        const postings = this.#postings.get(term);
        const at = postings ? WordListBuilder.#firstAfter(postings, place) - POSTING_WIDTH : -1;
        if (!postings || at < 0 || postings[at] !== place) throw new Error(`word list: no posting of "${term}" at place ${place} to take back`);
        postings.splice(at, POSTING_WIDTH);
        if (postings.length === 0) {
          this.#postings.delete(term);
          const shard = termShard(term);
          const byTerm = this.#shards.get(shard)!;
          byTerm.delete(term);
          if (byTerm.size === 0) this.#shards.delete(shard);
        }
      }
      if (form) {
        const counts = this.#forms.get(term);
        const count = counts?.get(form);
        if (!counts || !count) throw new Error(`word list: no form "${form}" of "${term}" to take back`);
        if (count > 1) counts.set(form, count - 1);
        else counts.delete(form);
        if (counts.size === 0) this.#forms.delete(term);
      }
    });
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
