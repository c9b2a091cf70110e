/**
 * The build's output, loaded once per isolate on first use. The files are
 * bundled as text and parsed only when a request needs them: a search need
 * not pay for the citations, nor a citation for the search index.
 */
import type MiniSearch from 'minisearch';
import buildIdText from '../index/build/build-id.json';
import catalogueText from '../index/build/catalogue.json';
import citationsText from '../index/build/citations.json';
import pageScript from '../index/build/page.js';
import searchIndexText from '../index/build/search-index.json';
import widgetScript from '../index/build/widget.js';
import stylesheet from './assets/style.css';
import type { CitationsFile } from './core/citations';
import { analyzer } from './core/analyzer';
import { loadSearchIndex } from './core/search';
import { utf8Bytes } from './isolate-cache';
import type { Catalogue, SectionDocument } from './core/types';

let catalogue: Catalogue | null = null;
let searchIndex: MiniSearch<SectionDocument> | null = null;
let citations: CitationsFile | null = null;

// wrangler.toml's module rule makes these imports strings.
const asText = (module: unknown) => module as unknown as string;

/** Every report and section, as the build wrote them. */
export function getCatalogue(): Catalogue {
  catalogue ??= JSON.parse(asText(catalogueText)) as Catalogue;
  return catalogue;
}

/** The search index, deserialised on the first search of this isolate. */
export function getSearchIndex(): MiniSearch<SectionDocument> {
  searchIndex ??= loadSearchIndex(JSON.parse(asText(searchIndexText)), analyzer);
  return searchIndex;
}

/** The prerendered citations. */
export function getCitations(): CitationsFile {
  citations ??= JSON.parse(asText(citationsText)) as CitationsFile;
  return citations;
}

let buildId: string | null = null;

/** The build's identity: a hash of its files and the Worker's code (scripts/build-id.ts). */
export function getBuildId(): string {
  buildId ??= (JSON.parse(asText(buildIdText)) as { id: string }).id;
  return buildId;
}

const ASSETS = { 'widget.js': widgetScript, 'page.js': pageScript, 'style.css': stylesheet } as const;

const assetBytes = new Map<keyof typeof ASSETS, Uint8Array<ArrayBuffer>>();

/** A static asset as the bytes a response sends, encoded once per isolate: the widget, the page script, the stylesheet. */
export function getAsset(name: keyof typeof ASSETS): Uint8Array<ArrayBuffer> {
  let bytes = assetBytes.get(name);
  if (!bytes) assetBytes.set(name, (bytes = utf8Bytes(asText(ASSETS[name]))));
  return bytes;
}
