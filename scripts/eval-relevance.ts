/**
 * `npm run eval`: compares ranking variants on the relevance set and prints
 * MRR@10, P@1, recall@3, per-kind P@1 and the queries each variant fails.
 */
import { stemmer as porter } from 'stemmer';
import { analyzer, createAnalyzer } from '../src/core/analyzer';
import { evaluate, evaluateBaseline, FULL_TEXT_SET, fullTextReports, HELD_OUT_PARAPHRASE_SET, PARAPHRASE_SET, readRelevanceSet, type RankingVariant } from './relevance';
import { readReports } from './report-sources';
import { RELATION_NAMES } from '../src/core/search/related-words';
import { DEFAULT_RELATED_WORDS_OPTIONS, relatedWordsOf, WordNet, type RelatedWordsOptions } from './related-words';

const variants: RankingVariant[] = [
  { name: 'chosen: porter2, all-then-any, fuzzy, prefix', analyzer },
  { name: 'porter (1980) stemmer', analyzer: createAnalyzer(porter) },
  { name: 'no stemming', analyzer: createAnalyzer((word) => word) },
  { name: 'porter2, any word (OR) only', analyzer, options: { mode: 'any' } },
  { name: 'porter2, no fuzzy', analyzer, options: { fuzzy: false } },
  { name: 'porter2, no prefix', analyzer, options: { prefix: false } },
];

const read = await readReports('index/sources');
if (!read.ok) throw new Error('sources do not build; run npm run build to see why');
const set = readRelevanceSet();
const pct = (x: number) => x.toFixed(3);

console.log(`relevance set: ${set.queries.length} queries on ${set.report}\n`);
console.log(['variant'.padEnd(46), 'MRR@10', ' P@1 ', 'R@3  ', 'failed'].join('  '));
const results = [
  ...variants.map((variant) => ({ variant, result: evaluate(read.reports, set, variant) })),
  { variant: { name: 'before: MiniSearch out of the box' }, result: evaluateBaseline(read.reports, set) },
];
for (const { variant, result } of results) {
  console.log([variant.name.padEnd(46), pct(result.mrr10), pct(result.p1), pct(result.recall3), String(result.failures.length).padStart(6)].join('  '));
}
// The whole text: queries answered outside the excerpts, on the report built with its PDF.
const fullText = readRelevanceSet(FULL_TEXT_SET);
const withPdf = await fullTextReports();
console.log(`\nfull-text set: ${fullText.queries.length} queries on ${fullText.report} built with the generated PDF (${FULL_TEXT_SET})`);
console.log(['variant'.padEnd(46), 'MRR@10', ' P@1 ', 'R@3  ', 'page@1', 'failed'].join('  '));
for (const variant of variants) {
  const result = evaluate(withPdf, fullText, variant);
  console.log([variant.name.padEnd(46), pct(result.mrr10), pct(result.p1), pct(result.recall3), pct(result.pageP1 ?? 0), String(result.pageFailures.length).padStart(6)].join('  '));
  for (const { query, page } of result.pageFailures) console.log(`  FAIL [${query.kind}] ${JSON.stringify(query.q)} expected section ${query.expect.join('/')} p. ${query.page}, got p. ${page ?? 'none'}`);
}

// Related words (WordNet): the paraphrase set, kept apart from the set above, with no relations,
// each kind alone and all; then how strictly they are chosen (senses, specificity), with the map's size.
const paraphrases = readRelevanceSet(PARAPHRASE_SET);
const relationVariants: RankingVariant[] = [
  { name: 'no related words', analyzer, options: { related: [] } },
  ...RELATION_NAMES.map((kind) => ({ name: `${kind} only`, analyzer, options: { related: [kind] } })),
  { name: 'chosen: all related words', analyzer },
];
const strictness: Array<{ name: string; options: Partial<RelatedWordsOptions> }> = [
  { name: `chosen: ${DEFAULT_RELATED_WORDS_OPTIONS.frequentSenses} senses, ≤${DEFAULT_RELATED_WORDS_OPTIONS.maxNarrower} narrower, ≤${DEFAULT_RELATED_WORDS_OPTIONS.maxSectionShare} of sections`, options: {} },
  { name: 'first two senses', options: { frequentSenses: 2 } },
  { name: 'first three senses', options: { frequentSenses: 3 } },
  { name: 'every sense', options: { frequentSenses: 99 } },
  { name: 'any broader word (no narrower limit)', options: { maxNarrower: Infinity } },
  { name: 'any report word (no section share limit)', options: { maxSectionShare: 1 } },
  { name: 'pertainyms by pointer only (no glosses)', options: { glossPertainyms: false } },
  { name: 'siblings of any word, not only title heads', options: { siblingsOfTitlesOnly: false } },
  { name: 'every sense, no limits', options: { frequentSenses: 99, maxNarrower: Infinity, maxSectionShare: 1 } },
  ...[0.5, 0.55, 0.6, 0.7, 0.8].map((minSimilarity) => ({ name: `words used alike at cosine ≥ ${minSimilarity}`, options: { minSimilarity } })),
  ...[1, 3, 5, Infinity].map((maxSimilarTerms) => ({ name: `words used alike: ≤ ${maxSimilarTerms} terms a word`, options: { maxSimilarTerms } })),
  { name: 'words used alike also for words the report writes', options: { similarOnlyForUnwritten: false } },
  { name: 'no words used alike (WordNet only)', options: { relations: RELATION_NAMES.filter((r) => r !== 'similar') } },
];
const wordNet = new WordNet();
console.log(`\nparaphrase set: ${paraphrases.queries.length} queries on ${paraphrases.report} (${PARAPHRASE_SET}); the relevance set's P@1 beside each`);
console.log(['variant'.padEnd(46), 'MRR@10', ' P@1 ', 'set P@1', 'P@1 by kind'].join('  '));
const row = (variant: RankingVariant, extra = '') => {
  const result = evaluate(read.reports, paraphrases, variant);
  const own = evaluate(read.reports, set, variant);
  const kinds = Object.entries(result.byKind).map(([kind, s]) => `${kind} ${pct(s.p1)}`).join(', ');
  console.log([variant.name.padEnd(46), pct(result.mrr10), pct(result.p1), pct(own.p1).padStart(7), kinds + extra].join('  '));
  return result;
};
const chosenRelated = relationVariants.map((variant) => row(variant)).at(-1)!;
console.log('\nhow strictly related words are chosen (all kinds):');
for (const { name, options } of strictness) {
  const map = relatedWordsOf(read.reports[0], wordNet, analyzer, { ...DEFAULT_RELATED_WORDS_OPTIONS, ...options });
  const pairs = Object.values(map).reduce((n, entries) => n + entries.length, 0);
  row({ name, analyzer, relatedWords: options }, `; map: ${Object.keys(map).length} words, ${pairs} pairs, ${(JSON.stringify(map).length / 1024).toFixed(1)} KiB`);
}
// The held-out set: written after the limits above were chosen on the paraphrase set, never used to choose them.
const heldOut = readRelevanceSet(HELD_OUT_PARAPHRASE_SET);
console.log(`\nheld-out paraphrase set: ${heldOut.queries.length} queries (${HELD_OUT_PARAPHRASE_SET}), scored with the limits chosen above`);
const heldOutVariants: RankingVariant[] = [
  { name: 'no related words', analyzer, options: { related: [] } },
  { name: 'WordNet only (no words used alike)', analyzer, options: { related: RELATION_NAMES.filter((r) => r !== 'similar') } },
  { name: 'chosen: all related words', analyzer },
];
const heldOutChosen = heldOutVariants.map((variant) => {
  const result = evaluate(read.reports, heldOut, variant);
  console.log([variant.name.padEnd(46), pct(result.mrr10), pct(result.p1), '       ', Object.entries(result.byKind).map(([kind, s]) => `${kind} ${pct(s.p1)}`).join(', ')].join('  '));
  return result;
}).at(-1)!;
for (const { query, ranked } of heldOutChosen.failures) console.log(`  FAIL [${query.kind}] ${JSON.stringify(query.q)} expected ${query.expect.join('/') || 'nothing'}, got ${ranked.slice(0, 3).join(', ') || 'nothing'}`);

console.log('\nchosen, all related words: paraphrases not ranked first');
for (const { query, ranked } of chosenRelated.failures) console.log(`  FAIL [${query.kind}] ${JSON.stringify(query.q)} expected ${query.expect.join('/') || 'nothing'}, got ${ranked.slice(0, 3).join(', ') || 'nothing'}`);

for (const { variant, result } of results) {
  console.log(`\n${variant.name}: P@1 by kind`);
  console.log('  ' + Object.entries(result.byKind).map(([kind, s]) => `${kind} ${pct(s.p1)}`).join(', '));
  for (const { query, ranked } of result.failures) {
    console.log(`  FAIL [${query.kind}] ${JSON.stringify(query.q)} expected ${query.expect.join('/')}, got ${ranked.slice(0, 3).join(', ') || 'nothing'}`);
  }
}
