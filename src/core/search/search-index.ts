/**
 * The MiniSearch index of sections: which fields are indexed and how, shared
 * by the build (which creates and serialises it) and the Worker (which loads it).
 */
import MiniSearch, { type AsPlainObject } from 'minisearch';
import { analyzerOptions, foldText, wordSpans, wordTokens, type Analyzer } from '../analyzer';
import { sectionText } from '../catalogue';
import type { Report, SectionDocument } from '../types';
import { characterCounts, characterMask, distanceAtLeast, maskDistanceAtLeast } from './edit-distance';

/** Fields a query may search; `fields=` on the API picks among these. */
export const SEARCH_FIELDS = ['title', 'label', 'text'] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];

/** Options that must be identical at build and at load time. */
export function searchIndexOptions(a: Analyzer) {
  return { idField: 'id', fields: [...SEARCH_FIELDS], storeFields: [] as string[], ...analyzerOptions(a) };
}

/** The stable id of a section in the index and the API, e.g. "driving-the-system-apart/7". */
export function sectionId(report: string, number: number): string {
  return `${report}/${number}`;
}

/** The documents to index for a report: one per section. */
export function sectionDocuments(report: Report): SectionDocument[] {
  return report.sections.map((section) => ({
    id: sectionId(report.id, section.number),
    report: report.id,
    number: section.number,
    title: section.title ?? '',
    // The printed pages only: the rest of the display label is either the
    // text's own opening words or wording of ours that no one searches for.
    label: section.pages?.label ?? '',
    text: sectionText(section),
  }));
}

/**
 * Builds the index of every section of every report.
 * @example createSearchIndex(reports, analyzer).termCount // 395
 */
export function createSearchIndex(reports: Report[], a: Analyzer): MiniSearch<SectionDocument> {
  const index = new MiniSearch<SectionDocument>(searchIndexOptions(a));
  index.addAll(reports.flatMap(sectionDocuments));
  return index;
}

/**
 * Loads an index serialised by the build (`toJSON()`), with the same analyser.
 * @example loadSearchIndex(JSON.parse(searchIndexText), analyzer)
 */
export function loadSearchIndex(json: AsPlainObject, a: Analyzer): MiniSearch<SectionDocument> {
  const index = MiniSearch.loadJS<SectionDocument>(json, searchIndexOptions(a));
  termsOfIndex.set(index, indexTerms(json.index.map(([term]) => term)));
  return index;
}

/** The terms of an index, sorted, so a search can skip look-ups no term can answer. */
export interface IndexTerms {
  sorted: string[];
  exact: ReadonlySet<string>;
  longest: number;
  /** Each term's character mask and counts, by the term's length, for `mayBeWithin`. */
  countsByLength: ReadonlyMap<number, Array<{ mask: number; counts: Uint8Array }>>;
}

function indexTerms(terms: string[]): IndexTerms {
  const sorted = [...terms].sort();
  const countsByLength = new Map<number, Array<{ mask: number; counts: Uint8Array }>>();
  for (const term of sorted) {
    const entry = { mask: characterMask(term), counts: characterCounts(term) };
    const list = countsByLength.get(term.length);
    if (list) list.push(entry);
    else countsByLength.set(term.length, [entry]);
  }
  return { sorted, exact: new Set(sorted), longest: sorted.reduce((n, term) => Math.max(n, term.length), 0), countsByLength };
}

/**
 * Whether some index term might be within `distance` edits of `term`: false
 * only when none can be (by length and character counts), so a typo look-up
 * that would find nothing is not made. A word of consonants no index holds
 * is passed over in microseconds, where MiniSearch's typo search walks the
 * whole index tree.
 * @example mayBeWithin('intergration', 2, indexTermsOf(index)) // true
 */
export function mayBeWithin(term: string, distance: number, terms: IndexTerms): boolean {
  const mask = characterMask(term);
  const counts = characterCounts(term);
  for (let length = term.length - distance; length <= term.length + distance; length++) {
    for (const other of terms.countsByLength.get(length) ?? []) {
      if (maskDistanceAtLeast(mask, other.mask) <= distance && distanceAtLeast(counts, other.counts) <= distance) return true;
    }
  }
  return false;
}

const termsOfIndex = new WeakMap<MiniSearch<SectionDocument>, IndexTerms>();

/**
 * The terms of an index: read from the serialised form as it loads, or, for
 * an index built in this process, from its own serialisation once.
 * @example indexTermsOf(index).exact.has('integr') // true
 */
export function indexTermsOf(index: MiniSearch<SectionDocument>): IndexTerms {
  let terms = termsOfIndex.get(index);
  if (!terms) termsOfIndex.set(index, (terms = indexTerms(index.toJSON().index.map(([term]) => term))));
  return terms;
}

/**
 * For each index term, the word most often written for it, so a suggestion
 * reads "integration" and not the stem "integr".
 * @example surfaceForms(reports, analyzer).integr // 'integration'
 */
export function surfaceForms(reports: Report[], a: Analyzer): Record<string, string> {
  const counts = new Map<string, Map<string, number>>();
  const texts = reports.flatMap((report) => report.sections.flatMap((s) => [s.title ?? '', ...s.paragraphs]));
  for (const text of texts) {
    for (const span of wordSpans(text)) {
      const tokens = wordTokens(span.text);
      // A compound's joined token is written with its hyphen: "secretary-general".
      const written = tokens.length > 1 ? foldText(span.text).replace(/'s$/, '') : null;
      tokens.forEach((token, i) => {
        const surface = written && i === tokens.length - 1 ? written : token;
        for (const term of a.processTerm(token) ?? []) {
          const forTerm = counts.get(term) ?? new Map<string, number>();
          forTerm.set(surface, (forTerm.get(surface) ?? 0) + 1);
          counts.set(term, forTerm);
        }
      });
    }
  }
  const forms: Record<string, string> = {};
  for (const [term, surfaces] of [...counts].sort(([a], [b]) => a.localeCompare(b))) {
    // Most frequent first; ties go to the shorter, then alphabetical, so builds are reproducible.
    const [best] = [...surfaces].sort(([a, x], [b, y]) => y - x || a.length - b.length || a.localeCompare(b));
    forms[term] = best[0];
  }
  return forms;
}
