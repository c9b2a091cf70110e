/**
 * The build's output, loaded once per isolate on first use: the catalogue is a
 * plain object, the search index is deserialised lazily because that costs time.
 */
import type MiniSearch from 'minisearch';
import catalogueJson from '../index/build/catalogue.json';
import searchIndexJson from '../index/build/search-index.json';
import { loadSearchIndex } from './core/search-index';
import type { Catalogue, SectionDocument } from './core/types';

const catalogue = catalogueJson as unknown as Catalogue;
let searchIndex: MiniSearch<SectionDocument> | null = null;

/** Every report and section, as the build wrote them. */
export function getCatalogue(): Catalogue {
  return catalogue;
}

/** The search index, deserialised on the first search of this isolate. */
export function getSearchIndex(): MiniSearch<SectionDocument> {
  searchIndex ??= loadSearchIndex(searchIndexJson as unknown as Parameters<typeof loadSearchIndex>[0]);
  return searchIndex;
}
