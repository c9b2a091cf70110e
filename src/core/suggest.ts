/**
 * Help for a search box: completions of the word being typed (MiniSearch's
 * autoSuggest, shown as words rather than stems) and "did you mean"
 * corrections from the index's own vocabulary.
 */
import type MiniSearch from 'minisearch';
import { analyzer, foldText, wordSpans, wordTokens, type Analyzer } from './analyzer';
import { parseQuery } from './query';
import { fuzzyDistance, searchSections, type SearchOptions, type SearchPage } from './search';
import type { Catalogue, SectionDocument } from './types';

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
      const word = catalogue.surfaceForms[term];
      if (!word) continue;
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

/** Edit distance (insert, delete, substitute) between two short words. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

// A correction further than this from what was typed is a guess, not a correction.
const MAX_CORRECTION_DISTANCE = 3;

/**
 * The query with each unknown word replaced by the nearest word of the
 * vocabulary, everything else (quotes, stop words, spacing) as typed; null
 * when every word is known or nothing is near.
 * @example correctQuery(catalogue, '"whole of govermnent"') // '"whole of government"'
 */
export function correctQuery(catalogue: Catalogue, text: string, a: Analyzer = analyzer): string | null {
  const vocabulary = Object.values(catalogue.surfaceForms);
  let corrected = '';
  let at = 0;
  for (const span of wordSpans(text)) {
    const terms = wordTokens(span.text).map((token) => a.processTerm(token) ?? []);
    const meaningful = terms.some((t) => t.length > 0);
    const known = terms.some((t) => t.some((term) => term in catalogue.surfaceForms));
    if (!meaningful || known) continue;
    const best = nearestWord(foldText(span.text), vocabulary);
    if (best === null) continue;
    corrected += text.slice(at, span.start) + best;
    at = span.end;
  }
  return at === 0 ? null : corrected + text.slice(at);
}

function nearestWord(typed: string, vocabulary: string[]): string | null {
  let best: string | null = null;
  let bestDistance = Math.min(MAX_CORRECTION_DISTANCE, Math.ceil(typed.length / 3));
  for (const candidate of vocabulary) {
    if (Math.abs(candidate.length - typed.length) > bestDistance) continue;
    const distance = editDistance(typed, candidate);
    if (distance < bestDistance || (distance === bestDistance && best === null)) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * Searches, and when nothing matches offers a corrected query: what the API
 * and the no-JavaScript results page both answer.
 * @example searchWithCorrection(index, catalogue, 'counterfatcual', { ...DEFAULT_SEARCH_OPTIONS, fuzzy: false }).correction // 'counterfactual'
 */
export function searchWithCorrection(
  index: MiniSearch<SectionDocument>,
  catalogue: Catalogue,
  text: string,
  options: SearchOptions,
): SearchPage & { correction: string | null } {
  const page = searchSections(index, catalogue, parseQuery(text), options);
  return { ...page, correction: page.total === 0 ? correctQuery(catalogue, text) : null };
}
