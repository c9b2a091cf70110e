/**
 * Help for a search box: completions of the word being typed (MiniSearch's
 * autoSuggest, shown as words rather than stems).
 */
import type MiniSearch from 'minisearch';
import { foldText } from '../analyzer';
import type { Catalogue, SectionDocument } from '../types';
import { fuzzyDistance } from './rank';

export interface Completion {
  suggestion: string;
  score: number;
}

/**
 * Completions for the last word of `text`, among sections that hold the
 * earlier words, as the whole query a person would pick.
 * @example suggestCompletions(index, catalogue, 'integrated plan', 5, null)[0].suggestion // 'integrated planning'
 */
export function suggestCompletions(
  index: MiniSearch<SectionDocument>,
  catalogue: Catalogue,
  text: string,
  limit: number,
  report: string | null,
): Completion[] {
  const trimmed = text.trim();
  const lastSpace = trimmed.search(/\S+$/);
  const before = trimmed.slice(0, lastSpace);
  const typed = foldText(trimmed.slice(lastSpace));
  if (!/[\p{L}\p{N}]/u.test(typed)) return [];
  const within = before.trim() === '' ? null : new Set(index.search(before, { combineWith: 'AND', fuzzy: 0.2 }).map((r) => r.id));
  const suggestions = index.autoSuggest(typed, {
    prefix: true,
    fuzzy: (term) => fuzzyDistance(term.length),
    combineWith: 'OR',
    filter: (result) => (within === null || within.has(result.id)) && (report === null || result.id.startsWith(`${report}/`)),
  });
  const scores = new Map<string, number>();
  for (const { terms, score } of suggestions) {
    for (const term of terms) {
      if (!Object.hasOwn(catalogue.surfaceForms, term)) continue;
      const word = catalogue.surfaceForms[term];
      // What the person typed the start of comes before what merely resembles it.
      const bonus = word.startsWith(typed) ? 2 : 1;
      scores.set(word, Math.max(scores.get(word) ?? 0, score * bonus));
    }
  }
  return [...scores]
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .slice(0, limit)
    .map(([word, score]) => ({ suggestion: before + word, score: Math.round(score * 1000) / 1000 }));
}
