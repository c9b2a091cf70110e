/**
 * Related words: a reader's word that the report writes another way (its
 * other forms, a synonym, a broader or narrower word, from WordNet; or a
 * word used alike, from word vectors). The
 * build (scripts/related-words/) computes, for each report, the relations
 * that reach its index terms and writes them beside the index; the query
 * side reads them here, one map read per query word. The Worker never sees
 * WordNet or the vectors themselves.
 */

/**
 * How the report's word relates to the word the reader typed:
 * - `derivation`: another form of the word, beyond what the stemmer joins (*election* → *electoral*);
 * - `pertainym`: an adjective of a noun, or the reverse (*science* → *scientific*);
 * - `synonym`: the same sense (*aid* → *assistance*);
 * - `broader`: the report's word is the more general (*synopsis* → *summary*);
 * - `narrower`: the report's word is the more specific (*cooperation* → *collaboration*);
 * - `sibling`: both are kinds of one specific thing (*acronyms* → *abbreviations*, both word forms in WordNet);
 * - `similar`: used alike, by word vectors rather than WordNet (*meticulous* → *painstaking*, *devolve* → *decentralize*).
 */
export type Relation = 'derivation' | 'pertainym' | 'synonym' | 'broader' | 'narrower' | 'sibling' | 'similar';

/** Every relation, in the order the eval and the docs list them; each kind's one-letter code in the map. */
export const RELATIONS: Record<Relation, { code: string; weight: number }> = {
  // Weights: how much a related word counts against the word typed (1), a
  // completion (0.6) and a typo (0.3, `MATCH_WEIGHTS`): less than all of
  // them, so a related word only decides between sections that match
  // otherwise alike, or rescues a query that finds little. Another form of
  // the same word says most; a synonym may be of a nearby sense; a broader
  // or narrower word less; a sibling (two steps away) less again; a word
  // merely used alike (no sense in common is known) least.
  derivation: { code: 'd', weight: 0.25 },
  pertainym: { code: 'p', weight: 0.25 },
  synonym: { code: 's', weight: 0.2 },
  broader: { code: 'b', weight: 0.12 },
  narrower: { code: 'n', weight: 0.12 },
  sibling: { code: 'c', weight: 0.08 },
  similar: { code: 'v', weight: 0.06 },
};

export const RELATION_NAMES = Object.keys(RELATIONS) as Relation[];
const BY_CODE = new Map(RELATION_NAMES.map((name) => [RELATIONS[name].code, name]));

/**
 * A report's related words, as the build writes them: a reader's word in
 * its dictionary form (WordNet's lemma, lower case) → the report's index
 * terms it relates to, each with its relation's code:
 * `{ election: [['elector', 'd']] }`. Keyed by the word, not its stem, so
 * that words a stemmer joins but WordNet tells apart (*assistance*,
 * *assistant*) do not share relations.
 */
export type RelatedWords = Record<string, Array<[term: string, code: string]>>;

/**
 * WordNet's detachment rules (morph(7)): endings inflection adds, and what
 * the dictionary form ends in instead, by part of speech (noun, verb,
 * adjective). The build finds a report word's lemma with them; a query
 * word's candidate lemmas are the word and every rule's result.
 */
export const DETACHMENT_RULES: Record<'n' | 'v' | 'a', ReadonlyArray<readonly [ending: string, base: string]>> = {
  n: [['s', ''], ['ses', 's'], ['xes', 'x'], ['zes', 'z'], ['ches', 'ch'], ['shes', 'sh'], ['men', 'man'], ['ies', 'y']],
  v: [['s', ''], ['ies', 'y'], ['es', 'e'], ['es', ''], ['ed', 'e'], ['ed', ''], ['ing', 'e'], ['ing', '']],
  a: [['er', ''], ['est', ''], ['er', 'e'], ['est', 'e']],
};

/**
 * The dictionary forms a written word may have: itself and what each
 * detachment rule makes of it (stems of three letters or more).
 * @example lemmaCandidates('elections') // ['elections', 'election', 'electione', …]
 */
export function lemmaCandidates(word: string): string[] {
  const candidates = new Set([word]);
  for (const rules of Object.values(DETACHMENT_RULES)) {
    for (const [ending, base] of rules) {
      if (word.endsWith(ending) && word.length > ending.length + 2) candidates.add(word.slice(0, -ending.length) + base);
    }
  }
  return [...candidates];
}

/** One related index term of a query term. */
export interface RelatedTerm {
  term: string;
  relation: Relation;
}

/**
 * The report's index terms related to a word as typed (folded, lower
 * case), limited to some kinds (all by default): a map read per candidate
 * lemma, the strongest relation kept per term.
 * @example relatedTermsOf({ election: [['elector', 'd']] }, 'elections') // [{ term: 'elector', relation: 'derivation' }]
 */
export function relatedTermsOf(related: RelatedWords | undefined, word: string, kinds?: readonly Relation[]): RelatedTerm[] {
  if (!related) return [];
  const found = new Map<string, Relation>();
  for (const lemma of lemmaCandidates(word)) {
    if (!Object.hasOwn(related, lemma)) continue;
    for (const [term, code] of related[lemma]) {
      const relation = BY_CODE.get(code);
      if (!relation || (kinds && !kinds.includes(relation))) continue;
      const known = found.get(term);
      if (!known || RELATIONS[relation].weight > RELATIONS[known].weight) found.set(term, relation);
    }
  }
  return [...found].map(([term, relation]) => ({ term, relation }));
}
