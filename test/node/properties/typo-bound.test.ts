/**
 * The query builder skips a typo look-up when `mayBeWithin` says no index
 * term is near enough. That must never hide a real match: for any index term
 * and any edits within the allowed distance, `mayBeWithin` says yes; and for
 * any word at all it agrees with a full scan of the index's terms whenever it
 * says no.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editDistance, indexTermsOf, mayBeWithin } from '../../../src/core/search';
import { characterCounts, characterMask, distanceAtLeast, maskDistanceAtLeast } from '../../../src/core/search/edit-distance';
import { loadSeedSearch } from '../seed-fixture';
import { PROPERTY_RUNS } from '../property-runs';

const { index } = await loadSeedSearch();
const terms = indexTermsOf(index);
const letters = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789é'.split(''));

/** One edit of a word: insert, delete or substitute a character at a position. */
const edit = fc.record({ kind: fc.constantFrom('insert', 'delete', 'substitute'), at: fc.nat(), letter: letters });
function applyEdit(word: string, e: { kind: string; at: number; letter: string }): string {
  const at = e.at % (word.length + 1);
  if (e.kind === 'insert') return word.slice(0, at) + e.letter + word.slice(at);
  if (word.length === 0) return word;
  const i = Math.min(at, word.length - 1);
  return e.kind === 'delete' ? word.slice(0, i) + word.slice(i + 1) : word.slice(0, i) + e.letter + word.slice(i + 1);
}

describe('mayBeWithin: a typo look-up is skipped only when it could find nothing', () => {
  it('says yes for any index term with up to two edits, at the distance of those edits', () => {
    fc.assert(
      fc.property(fc.constantFrom(...terms.sorted), fc.array(edit, { minLength: 0, maxLength: 2 }), (term, edits) => {
        const typed = edits.reduce(applyEdit, term);
        const distance = editDistance(typed, term);
        expect(mayBeWithin(typed, Math.max(distance, 1), terms)).toBe(true);
      }),
      PROPERTY_RUNS,
    );
  });

  it('says no only when no index term is within the distance', () => {
    fc.assert(
      fc.property(fc.string({ unit: letters, minLength: 1, maxLength: 16 }), fc.constantFrom(1, 2), (word, distance) => {
        if (!mayBeWithin(word, distance, terms)) {
          expect(terms.sorted.some((term) => editDistance(word, term, distance) <= distance)).toBe(false);
        }
      }),
      PROPERTY_RUNS,
    );
  });

  it('rests on bounds that never exceed the edit distance: mask ≤ counts ≤ distance', () => {
    fc.assert(
      fc.property(fc.string({ unit: letters, maxLength: 16 }), fc.string({ unit: letters, maxLength: 16 }), (a, b) => {
        const byMask = maskDistanceAtLeast(characterMask(a), characterMask(b));
        const byCounts = distanceAtLeast(characterCounts(a), characterCounts(b));
        expect(byMask).toBeLessThanOrEqual(byCounts);
        expect(byCounts).toBeLessThanOrEqual(editDistance(a, b));
      }),
      PROPERTY_RUNS,
    );
  });

  it('says no for a word of consonants no index holds, and yes for a misspelt word', () => {
    expect(mayBeWithin('qzxvbnmk', 2, terms)).toBe(false);
    expect(mayBeWithin('intergr', 1, terms)).toBe(true);
  });
});
