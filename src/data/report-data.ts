/**
 * A report's file as requests use it: the report at once, its search index
 * and citations parsed on a request's first need. Apart from `./index.ts`
 * (which fetches files through the ASSETS binding) so that Node can measure
 * what one costs in memory (`npm run bench -- --reports`).
 */
import type MiniSearch from 'minisearch';
import { analyzer } from '../core/analyzer';
import { citationsOf, type CitationsFile, type CitationStyles, type ReportCitations } from '../core/citations';
import { decodeReportFile } from '../core/library';
import { loadSearchIndex } from '../core/search';
import type { Catalogue, Report, SectionDocument } from '../core/types';

/**
 * Heap per byte of a report file read and kept, all of it parsed (the
 * report, MiniSearch's index, the citations' string table), rounded up:
 * 7.9 to 8.4 measured in Node (the same V8 as workerd) on generated reports
 * by `npm run bench -- --reports`, which prints it for each library it builds.
 */
export const HEAP_PER_BYTE = 9;

/** A report as requests use it: the report at once, its index and citations parsed on first use. */
export class ReportData {
  readonly report: Report;
  /** This report alone, as the search core reads a catalogue. */
  readonly catalogue: Catalogue;
  readonly bytes: number;
  #searchIndexJson: string | null;
  #citationsJson: string | null;
  #searchIndex: MiniSearch<SectionDocument> | null = null;
  #citations: ReportCitations | null = null;

  constructor(text: string) {
    const parts = decodeReportFile(text);
    this.report = parts.head.report;
    this.catalogue = { reports: [parts.head.report], surfaceForms: parts.head.surfaceForms, relatedWords: parts.head.relatedWords };
    this.bytes = text.length;
    this.#searchIndexJson = parts.searchIndexJson;
    this.#citationsJson = parts.citationsJson;
  }

  /** The report's search index, deserialised on its first search in this isolate. */
  searchIndex(): MiniSearch<SectionDocument> {
    if (!this.#searchIndex) {
      this.#searchIndex = loadSearchIndex(JSON.parse(this.#searchIndexJson!), analyzer);
      this.#searchIndexJson = null;
    }
    return this.#searchIndex;
  }

  /** The report's citations with the library's styles, as citation answers read them. */
  citations(styles: CitationStyles): CitationsFile {
    if (!this.#citations) {
      this.#citations = JSON.parse(this.#citationsJson!) as ReportCitations;
      this.#citationsJson = null;
    }
    return citationsOf(styles, this.report.id, this.#citations);
  }
}

