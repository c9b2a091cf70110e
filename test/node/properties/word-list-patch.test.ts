/**
 * The word list patched between builds (`WordListBuilder.from`,
 * `removeTermList`, `addTermList` at a place already filed): for any
 * library and any reports changed in it, the patched word list's shards are
 * the very bytes of the word list gathered from every report afresh, and
 * so is what the next build would patch (`gathered`), kept through JSON.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeTermList, WordListBuilder, type GatheredWordList } from '../../../scripts/library/word-list';
import { PROPERTY_RUNS } from '../property-runs';

/** A small vocabulary, so reports share terms and forms, as real ones do; terms across several shards. */
const TERMS = ['aid', 'aim', 'ally', 'band', 'bank', 'plan', 'plans', 'planner', 'x1', 'é', 'zone'];
const FORMS = ['Aid', 'aid', 'AIM', 'Plan', 'plans', 'Zone'];

const termList = fc
  .uniqueArray(
    fc.record({
      term: fc.constantFrom(...TERMS),
      presence: fc.option(fc.record({ sections: fc.integer({ min: 1, max: 40 }), field: fc.integer({ min: 0, max: 3 }) }), { freq: 5 }),
      form: fc.option(fc.constantFrom(...FORMS), { freq: 2 }),
    }),
    { selector: (line) => line.term, maxLength: TERMS.length },
  )
  .map((lines) => {
    const terms = Object.fromEntries(lines.flatMap(({ term, presence }) => (presence ? [[term, presence]] : [])));
    // A form of a term the report holds, or of a term it does not (a form alone).
    const forms = Object.fromEntries(lines.flatMap(({ term, form }) => (form !== null ? [[term, form]] : [])));
    return encodeTermList(terms, forms);
  });

const shardsOf = (builder: WordListBuilder) => [...builder.shards()];

function gatheredFrom(lists: string[]): WordListBuilder {
  const builder = new WordListBuilder();
  lists.forEach((list, place) => builder.addTermList(place, list));
  return builder;
}

describe('the word list patched between builds', () => {
  it('holds the same shards, byte for byte, as gathering every report again, whichever reports changed', () => {
    fc.assert(
      fc.property(
        fc.array(termList, { minLength: 1, maxLength: 12 }),
        fc.array(fc.tuple(fc.nat(), termList), { maxLength: 4 }),
        (before, changes) => {
          const places: GatheredWordList['places'] = before.map((_, i) => [`r${i}`, 'old']);
          // Kept as the build keeps it: through JSON.
          const kept = JSON.parse(JSON.stringify(gatheredFrom(before).gathered(places))) as GatheredWordList;
          const after = [...before];
          const patched = WordListBuilder.from(kept);
          const changed = new Set<number>();
          for (const [at, list] of changes) {
            const place = at % before.length;
            if (changed.has(place)) continue;
            changed.add(place);
            patched.removeTermList(place, after[place]);
            patched.addTermList(place, list);
            after[place] = list;
          }
          const fresh = gatheredFrom(after);
          expect(shardsOf(patched)).toEqual(shardsOf(fresh));
          // What the next build patches: the same postings and form counts (in whatever order of terms).
          expect(patched.gathered(places)).toEqual(fresh.gathered(places));
        },
      ),
      PROPERTY_RUNS,
    );
  });

  it('refuses to take back what was never filed, rather than give a wrong word list', () => {
    const builder = gatheredFrom(['aid\t2\t0\tAid']);
    expect(() => builder.removeTermList(0, 'plan\t1\t0\t')).toThrow(/no posting of "plan" at place 0/);
    expect(() => builder.removeTermList(1, 'aid\t2\t0\t')).toThrow(/no posting of "aid" at place 1/);
    expect(() => builder.removeTermList(0, 'aid\t2\t0\tAID')).toThrow(/no form "AID" of "aid"/);
  });
});
