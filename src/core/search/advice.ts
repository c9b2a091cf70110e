/**
 * What a results list says beyond its hits, worded once for the results
 * page and the widget: why a hit matched a word the reader did not type,
 * how many sections matched, and what to try when none did.
 */
import type { RelatedMatch } from './rank';

/**
 * The count line's words: "1 section matches", "3 sections match", "No sections match".
 * @example matchCount(1) // '1 section matches'
 */
export function matchCount(total: number): string {
  if (total === 0) return 'No sections match';
  return total === 1 ? '1 section matches' : `${total.toLocaleString('en-US')} sections match`;
}

/**
 * A hit's related words as the muted line shows them, each pair once:
 * "matched *electoral* for *election*".
 * @example relatedPairs([{ query: 'election', matched: 'electoral', relation: 'derivation' }]) // [{ matched: 'electoral', query: 'election' }]
 */
export function relatedPairs(related: readonly RelatedMatch[]): Array<{ matched: string; query: string }> {
  const seen = new Set<string>();
  return related.flatMap(({ matched, query }) => {
    const key = `${matched}\u0000${query}`;
    if (seen.has(key)) return [];
    seen.add(key);
    return [{ matched, query }];
  });
}

/** One thing to try when nothing matched; the page and the widget turn `whole-library` into a link. */
export type NoResultsAdvice =
  | { kind: 'fewer-words'; text: string }
  | { kind: 'spelling'; text: string }
  | { kind: 'whole-library'; text: string };

/**
 * What to try when nothing matched, beside the "Did you mean" suggestion
 * when there is one: fewer words when there were several, another spelling
 * or word, and the whole library when the search was limited to one report.
 * @example noResultsAdvice({ words: 2, inOneReport: true }).map((a) => a.kind) // ['fewer-words', 'spelling', 'whole-library']
 */
export function noResultsAdvice(situation: { words: number; inOneReport: boolean }): NoResultsAdvice[] {
  const advice: NoResultsAdvice[] = [];
  if (situation.words > 1) advice.push({ kind: 'fewer-words', text: 'Try fewer words, or a phrase without its quotation marks.' });
  advice.push({ kind: 'spelling', text: 'Check the spelling, or try another word for the same idea.' });
  if (situation.inOneReport) advice.push({ kind: 'whole-library', text: 'Search all reports' });
  return advice;
}
