/**
 * A built library read back in Node, as the Worker reads it through its
 * ASSETS binding (`src/data/`): for the tests, the benches and the eval,
 * which look at a build without running workerd.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type MiniSearch from 'minisearch';
import { analyzer } from '../../src/core/analyzer';
import { citationsOf, type CitationsFile, type CitationStyles, type ReportCitations } from '../../src/core/citations';
import { dataPaths, decodeReportFile, type ReportHead, type ShelfList, type TermShard } from '../../src/core/library';
import { loadSearchIndex } from '../../src/core/search';
import type { Catalogue, SectionDocument } from '../../src/core/types';

/** One report of a build, its index and citations parsed. */
export interface BuiltReportData {
  head: ReportHead;
  catalogue: Catalogue;
  searchIndex: MiniSearch<SectionDocument>;
  citations: CitationsFile;
  bytes: number;
}

/** A build's data files, read on demand. */
export class BuiltLibrary {
  constructor(readonly out: string) {
    if (!existsSync(this.#path(dataPaths.shelf()))) throw new Error(`${this.#path(dataPaths.shelf())} is missing: run \`npm run build\` first`);
  }

  #path(dataPath: string): string {
    return join(this.out, 'assets', dataPath);
  }

  shelf(): ShelfList {
    return JSON.parse(readFileSync(this.#path(dataPaths.shelf()), 'utf8')) as ShelfList;
  }

  styles(): CitationStyles {
    return JSON.parse(readFileSync(this.#path(dataPaths.citationStyles()), 'utf8')) as CitationStyles;
  }

  /** A shard of the word list, or null where none was written. */
  termShard(name: string): TermShard | null {
    const path = this.#path(dataPaths.termShard(name));
    return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as TermShard) : null;
  }

  report(id: string): BuiltReportData {
    const text = readFileSync(this.#path(dataPaths.report(id)), 'utf8');
    const parts = decodeReportFile(text);
    return {
      head: parts.head,
      catalogue: { reports: [parts.head.report], surfaceForms: parts.head.surfaceForms },
      searchIndex: loadSearchIndex(JSON.parse(parts.searchIndexJson), analyzer),
      citations: citationsOf(this.styles(), parts.head.report.id, JSON.parse(parts.citationsJson) as ReportCitations),
      bytes: Buffer.byteLength(text),
    };
  }
}
