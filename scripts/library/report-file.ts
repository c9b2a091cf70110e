/**
 * One report's file (`src/core/library/report-file.ts`), built: its search
 * index, its surface forms, its citations, and its entry for the library's
 * word list. Pure apart from citeproc's own caches.
 */
import type { AsPlainObject } from 'minisearch';
import { analyzer } from '../../src/core/analyzer';
import { encodeReportFile, FIELD_CODES, type TermPresence } from '../../src/core/library';
import { createSearchIndex, surfaceForms } from '../../src/core/search';
import type { Report } from '../../src/core/types';
import type { CitationStyles, ReportCitations } from '../../src/core/citations';
import type { RelatedWords } from '../../src/core/search/related-words';
import { relatedWordsOf, sharedWordNet } from '../related-words';
import { citationSummary, mergeAccessDates, mergeCitations, renderReportCitations, type CitationPart, type CitationSetup } from '../citations/render';

/** A report's terms as the word list files them: term → sections holding it and the best field. */
export type ReportTerms = Record<string, TermPresence>;

/** A report's citations as rendered, with what the build checks of them: kept in the cache under their own key. */
export interface RenderedCitations {
  json: string;
  checked: number;
  dated: string[];
  summary: string;
  /** How each dated style and locale writes an access date: read for the library's first report only. */
  accessDates?: CitationStyles['accessDates'];
}

/** Renders a report's citations, or a part of them (see `renderReportCitations`). */
export function renderCitationsOf(report: Report, setup: CitationSetup, only: CitationPart | undefined, withAccessDates: boolean): RenderedCitations {
  const started = performance.now();
  const rendered = renderReportCitations(report, setup, only, withAccessDates);
  return {
    json: JSON.stringify(rendered.citations),
    checked: rendered.checked,
    dated: rendered.dated,
    summary: citationSummary(report, rendered.citations, performance.now() - started),
    ...(rendered.accessDates ? { accessDates: rendered.accessDates } : {}),
  };
}

/** A report's citations from parts rendered on several cores (the same as one render), its summary line saying so. */
export function mergeRendered(report: Report, parts: RenderedCitations[], setup: CitationSetup, ms: number): RenderedCitations {
  const citations = mergeCitations(parts.map((part) => JSON.parse(part.json) as ReportCitations), setup);
  return {
    json: JSON.stringify(citations),
    checked: parts.reduce((n, part) => n + part.checked, 0),
    dated: parts.flatMap((part) => part.dated),
    summary: `${citationSummary(report, citations, ms)} on ${parts.length} processes`,
    ...(parts.some((part) => part.accessDates) ? { accessDates: mergeAccessDates(parts.map((part) => part.accessDates ?? {}), setup) } : {}),
  };
}

/** A built report: the file's text, its terms, and lines for the build output. */
export interface BuiltReport {
  id: string;
  text: string;
  terms: ReportTerms;
  /** Term → the word as this report most often writes it. */
  forms: Record<string, string>;
  /** Proven placeholder fills and the `style/locale` pairs that print an access date. */
  checked: number;
  dated: string[];
  summary: string[];
}

/**
 * Each index term of a serialised index, with how many sections hold it and
 * the best field it is in, read off MiniSearch's own serialisation so the
 * word list agrees with the index term for term.
 * @example reportTerms(index.toJSON()).integr // { sections: 6, field: 2 }
 */
export function reportTerms(json: AsPlainObject): ReportTerms {
  const fieldCode = Object.fromEntries(Object.entries(json.fieldIds).map(([name, id]) => [String(id), FIELD_CODES[name as keyof typeof FIELD_CODES] ?? 0]));
  const terms: ReportTerms = {};
  for (const [term, byField] of json.index) {
    const documents = new Set<string>();
    let field = 0;
    for (const [fieldId, postings] of Object.entries(byField)) {
      for (const doc of Object.keys(postings)) documents.add(doc);
      field = Math.max(field, fieldCode[fieldId] ?? 0);
    }
    terms[term] = { sections: documents.size, field };
  }
  return terms;
}

/** A report's related words, and how long finding them took (null: kept from an earlier build). */
export interface FoundRelatedWords {
  words: RelatedWords;
  ms: number | null;
}

/** Finds a report's related words in WordNet (loaded on first need). */
export function findRelatedWords(report: Report): FoundRelatedWords {
  const started = performance.now();
  const words = relatedWordsOf(report, sharedWordNet(), analyzer);
  return { words, ms: performance.now() - started };
}

/**
 * Builds one report's file from its citations (rendered now, or kept from
 * an earlier build when their inputs did not change) and its related words.
 * @example buildReport(report, renderCitationsOf(report, setup), findRelatedWords(report)).text.split('\n').length // 4 (three lines and the final break)
 */
export function buildReport(report: Report, citations: RenderedCitations, related: FoundRelatedWords): BuiltReport {
  const started = performance.now();
  const index = createSearchIndex([report], analyzer);
  const indexJson = index.toJSON();
  const indexText = JSON.stringify(indexJson);
  const indexMs = performance.now() - started;
  const forms = surfaceForms([report], analyzer);
  const relatedWords = related.words;
  const relatedJson = JSON.stringify(relatedWords);
  const text = encodeReportFile({ report, surfaceForms: forms, relatedWords }, indexText, citations.json);
  const withText = report.sections.filter((s) => s.paragraphs.length > 0 || s.fullText !== null).length;
  return {
    id: report.id,
    text,
    terms: reportTerms(indexJson),
    forms,
    checked: citations.checked,
    dated: citations.dated,
    summary: [
      `${report.id}: ${report.sections.length} sections (${withText} with text), ${index.termCount} index terms, ${kib(indexText)} index, ${indexMs.toFixed(0)} ms; related words ${Object.keys(relatedWords).length} (${kib(relatedJson)}), ${related.ms === null ? 'kept' : `${related.ms.toFixed(0)} ms`}`,
      citations.summary,
    ],
  };
}

export function kib(text: string | number): string {
  const bytes = typeof text === 'number' ? text : Buffer.byteLength(text);
  return `${(bytes / 1024).toFixed(1)} KiB`;
}
