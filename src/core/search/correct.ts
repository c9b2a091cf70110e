/**
 * "Did you mean": the query with each unknown word replaced by the nearest
 * word of the index's own vocabulary. Asked only when nothing matched, and
 * bounded: only vocabulary words whose length is within reach are compared,
 * each comparison stops as soon as it cannot beat the best so far, and a word
 * typed twice is corrected once. A candidate whose characters alone are
 * too far off is passed over without computing its distance.
 */
import { foldText, wordSpans, wordTokens, type Analyzer } from '../analyzer';
import type { Catalogue } from '../types';
import { characterCounts, characterMask, distanceAtLeast, editDistance, maskDistanceAtLeast } from './edit-distance';
import { MAX_CORRECTED_WORDS, MAX_CORRECTION_DISTANCE, MAX_QUERY_WORDS, MAX_TERM_LENGTH } from './limits';

/** A vocabulary word, where it stands in the catalogue, and its character counts. */
interface Candidate {
  word: string;
  order: number;
  counts: Uint8Array;
  mask: number;
}

/** The vocabulary's distinct written words, in catalogue order, by length. */
interface Vocabulary {
  byLength: Map<number, Candidate[]>;
}

const vocabularies = new WeakMap<Catalogue, Vocabulary>();
function vocabularyOf(catalogue: Catalogue): Vocabulary {
  let vocabulary = vocabularies.get(catalogue);
  if (vocabulary) return vocabulary;
  const byLength = new Map<number, Candidate[]>();
  const seen = new Set<string>();
  let order = 0;
  for (const word of Object.values(catalogue.surfaceForms)) {
    if (seen.has(word)) continue;
    seen.add(word);
    const bucket = byLength.get(word.length) ?? [];
    bucket.push({ word, order: order++, counts: characterCounts(word), mask: characterMask(word) });
    byLength.set(word.length, bucket);
  }
  vocabularies.set(catalogue, (vocabulary = { byLength }));
  return vocabulary;
}

/** The nearest vocabulary word to `typed` within its reach; ties go to the one listed first. */
function nearestWord(typed: string, vocabulary: Vocabulary): string | null {
  let best: Candidate | null = null;
  let bestDistance = Math.min(MAX_CORRECTION_DISTANCE, Math.ceil(typed.length / 3));
  const counts = characterCounts(typed);
  const mask = characterMask(typed);
  for (let length = typed.length - bestDistance; length <= typed.length + bestDistance; length++) {
    for (const candidate of vocabulary.byLength.get(length) ?? []) {
      if (Math.abs(length - typed.length) > bestDistance) break;
      if (maskDistanceAtLeast(mask, candidate.mask) > bestDistance || distanceAtLeast(counts, candidate.counts) > bestDistance) continue;
      const distance = editDistance(typed, candidate.word, bestDistance);
      if (distance < bestDistance || (distance === bestDistance && (best === null || candidate.order < best.order))) {
        best = candidate;
        bestDistance = distance;
      }
    }
  }
  return best?.word ?? null;
}

/**
 * The query with each unknown word replaced by the nearest word of the
 * vocabulary, everything else (quotes, stop words, spacing) as typed; null
 * when every word is known or nothing is near. Reads at most
 * `MAX_QUERY_WORDS` words, skips words longer than `MAX_TERM_LENGTH`, and
 * corrects the first `MAX_CORRECTED_WORDS` distinct unknown words only.
 * @example correctQuery(catalogue, '"whole of govermnent"', analyzer) // '"whole of government"'
 */
export function correctQuery(catalogue: Catalogue, text: string, a: Analyzer): string | null {
  const vocabulary = vocabularyOf(catalogue);
  const corrections = new Map<string, string | null>();
  let corrected = '';
  let at = 0;
  for (const span of wordSpans(text).slice(0, MAX_QUERY_WORDS)) {
    const tokens = wordTokens(span.text);
    if (tokens.some((token) => token.length > MAX_TERM_LENGTH)) continue;
    const terms = tokens.map((token) => a.processTerm(token) ?? []);
    const meaningful = terms.some((t) => t.length > 0);
    const known = terms.some((t) => t.some((term) => Object.hasOwn(catalogue.surfaceForms, term)));
    if (!meaningful || known) continue;
    const typed = foldText(span.text);
    if (!corrections.has(typed)) {
      if (corrections.size >= MAX_CORRECTED_WORDS) break;
      corrections.set(typed, nearestWord(typed, vocabulary));
    }
    const best = corrections.get(typed)!;
    if (best === null) continue;
    corrected += text.slice(at, span.start) + best;
    at = span.end;
  }
  return at === 0 ? null : corrected + text.slice(at);
}
