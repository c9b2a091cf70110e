/**
 * The limits that bound what one search can cost, in one place. The API and
 * the HTML search page refuse a query beyond them (400, naming the limit); the
 * widget counts the same way. No imports: the widget bundles this file.
 *
 * Lengths are UTF-16 code units (JavaScript's `.length`), which is what the
 * HTML `maxlength` attribute counts, so the page, the widget and the API agree.
 */

/**
 * Longest query, in UTF-16 code units: a long sentence. Anything longer is
 * not something typed into a search box.
 */
export const MAX_QUERY_LENGTH = 200;

/**
 * Most words in a query (words as written, stop words included, so a reader
 * can count them). Every word is looked up exactly, by prefix and with typos,
 * so the cost grows with the count; the longest labelled query has 13 words.
 */
export const MAX_QUERY_WORDS = 16;

/**
 * Longest word, in characters after Unicode folding (NFKD can turn one
 * character into 18: U+FDFA). The longest index term is 16 characters; a
 * typo-tolerant lookup costs length × depth, and a 3,600-character term once
 * cost 13 MB and 6 ms.
 */
export const MAX_TERM_LENGTH = 32;

/**
 * Furthest a "did you mean" correction may be from the word typed: further
 * than this it is a guess, not a correction. Corrections are looked for only
 * when nothing matched, among words of the vocabulary whose length is within
 * this distance.
 */
export const MAX_CORRECTION_DISTANCE = 3;

/**
 * Most unknown words a "did you mean" corrects in one query; later unknown
 * words stay as typed. Each correction compares the word with every
 * vocabulary word of a length within reach, and a query of sixteen unknown
 * words (nothing matched, so correction runs) spent a third of its time here.
 * A person who mistypes more than a few words of a query gets the first ones
 * back corrected, which says enough.
 */
export const MAX_CORRECTED_WORDS = 4;

/**
 * Most reports a search across the library opens (each one's own index and
 * text, read once per isolate and then kept). The word list picks the
 * reports where the query's words are rarest and best placed; beyond ten,
 * a reader refines the query or filters by report, publisher or year. Ten
 * report files are at most a few MB to read on a cold isolate.
 */
export const MAX_LIBRARY_REPORTS = 10;

/**
 * Most library terms one query word may stand for in a search across the
 * library (its completions and near spellings): "in" completes to thousands
 * of words at 10,000 reports, and each term's postings are read in full;
 * the closest sixteen say what the word can mean.
 */
export const MAX_TERM_EXPANSIONS = 16;

/**
 * Most numbers of postings a search across the library reads for the
 * completions and near spellings of its words (a query's own terms are
 * always read): 300,000 numbers is 100,000 postings, ten words found in
 * every report of a 10,000-report library, about a millisecond. Without it,
 * sixteen mistyped words each standing for sixteen common words would read
 * eighty times that.
 */
export const MAX_LIBRARY_POSTINGS = 300_000;
