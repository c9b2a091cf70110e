/**
 * Prerenders every citation the Worker serves, with citation-js, at build
 * time: each item in RIS, BibTeX, BibLaTeX and CSL-JSON, and each item in
 * every style and locale at every rank it can take in a selection (see
 * src/core/bibliography.ts). Sample selections are rendered whole and compared
 * with what the Worker will assemble, so the shortcut is proven, not assumed.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-csl';
import '@citation-js/plugin-ris';
import {
  assembleBibliography,
  type CitationsFile,
  type EntryStrings,
  type ItemRecords,
  type StyledBibliography,
  type StyledFormat,
} from '../src/core/bibliography';
import { writeBibtexEntry, type BibtexEntry } from '../src/core/bibtex';
import { itemFileName, itemId, reportItems, type CslItem, type ItemRef } from '../src/core/citation-items';
import { risDate, writeRisRecord, type RisRecord } from '../src/core/ris';
import type { Report } from '../src/core/types';

/** Where the official CSL styles live once Debian's citation-style-language-styles is installed. */
export const DEBIAN_STYLES_DIR = '/usr/share/citation-style-language/styles';

/** The styles offered, by the name the API uses. */
const BUILT_IN_STYLES = [
  { name: 'apa', title: 'APA 7th edition', source: 'citation-js' },
  { name: 'harvard', title: 'Harvard (author-date)', source: 'citation-js', template: 'harvard1' },
  { name: 'vancouver', title: 'Vancouver', source: 'citation-js' },
];
const DEBIAN_STYLES = [
  { name: 'mla', title: 'MLA 9th edition', file: 'modern-language-association.csl' },
  { name: 'chicago-author-date', title: 'Chicago 17th edition (author-date)', file: 'chicago-author-date.csl' },
  { name: 'chicago-notes-bibliography', title: 'Chicago 17th edition (notes and bibliography)', file: 'chicago-note-bibliography.csl' },
];
/** The locales citation-js ships; en-US first, the default. */
export const LOCALES = ['en-US', 'de-DE', 'es-ES', 'fr-FR', 'nl-NL'];

interface StyleToRender {
  name: string;
  title: string;
  source: string;
  /** The name citation-js knows it by. */
  template: string;
}

/**
 * Registers the styles that can be had: built-in ones, the official ones
 * from Debian's package where installed, and every `.csl` in `stylesDir`.
 */
export function loadStyles(options: { debianDir?: string; stylesDir?: string } = {}) {
  const debianDir = options.debianDir ?? DEBIAN_STYLES_DIR;
  const config = plugins.config.get('@csl');
  const styles: StyleToRender[] = BUILT_IN_STYLES.map((s) => ({ ...s, template: s.template ?? s.name }));
  const missing: Array<{ name: string; reason: string }> = [];
  for (const style of DEBIAN_STYLES) {
    const file = join(debianDir, style.file);
    if (!existsSync(file)) {
      missing.push({ name: style.name, reason: `${file} not found: install Debian's citation-style-language-styles` });
      continue;
    }
    config.styles.add(style.name, readFileSync(file, 'utf8'));
    styles.push({ name: style.name, title: style.title, source: file, template: style.name });
  }
  const stylesDir = options.stylesDir;
  if (stylesDir && existsSync(stylesDir)) {
    for (const file of readdirSync(stylesDir).filter((f) => f.endsWith('.csl')).sort()) {
      const name = basename(file, '.csl');
      const xml = readFileSync(join(stylesDir, file), 'utf8');
      const title = /<title>([^<]*)<\/title>/.exec(xml)?.[1] ?? name;
      if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(name)) {
        missing.push({ name, reason: `${join(stylesDir, file)}: name the file in lower-case letters, digits and hyphens` });
        continue;
      }
      config.styles.add(name, xml);
      // A dropped-in file of the same name replaces the built-in style.
      const entry = { name, title, source: join(stylesDir, file), template: name };
      const existing = styles.findIndex((s) => s.name === name);
      if (existing >= 0) styles[existing] = entry;
      else styles.push(entry);
    }
  }
  return { styles, missing };
}

function risRecord(item: CslItem, ref: ItemRef, report: Report): RisRecord {
  const [fields] = new Cite([item]).format('ris', { format: 'object' }) as RisRecord[];
  const record: RisRecord = { ...fields, ID: item['citation-key'] };
  const parts = item.issued?.['date-parts'][0];
  if (parts) record.DA = risDate(parts);
  delete record.SP;
  delete record.EP;
  const section = ref === 'report' ? null : report.sections.find((s) => s.number === ref)!;
  if (section?.pages) {
    record.SP = section.pages.first;
    if (section.pages.last !== section.pages.first) record.EP = section.pages.last;
  }
  return record;
}

function bibtexEntry(item: CslItem, format: 'bibtex' | 'biblatex'): string {
  const [entry] = new Cite([item]).format(format, { format: 'object' }) as BibtexEntry[];
  // citation-js writes a chapter as @inbook, whose `title` BibTeX's standard
  // styles read as the book's: a titled part of a book is @incollection.
  if (format === 'bibtex' && entry.type === 'inbook' && 'booktitle' in entry.properties) entry.type = 'incollection';
  const month = format === 'bibtex' ? item.issued?.['date-parts'][0]?.[1] : undefined;
  return writeBibtexEntry(entry, { key: item['citation-key'], month });
}

function indentedJson(item: CslItem): string {
  return JSON.stringify(item, null, 2)
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
}

/** Renders the machine formats of one item. */
export function itemRecords(report: Report, ref: ItemRef, item: CslItem): ItemRecords {
  return {
    key: item['citation-key'],
    fileName: itemFileName(report, ref),
    ris: writeRisRecord(risRecord(item, ref, report)),
    bibtex: bibtexEntry(item, 'bibtex'),
    biblatex: bibtexEntry(item, 'biblatex'),
    cslJson: indentedJson(item),
  };
}

type Entries = Array<[id: string, entry: string]>;

function renderEntries(items: CslItem[], template: string, lang: string, format: StyledFormat): Entries {
  return new Cite(items).format('bibliography', { format, template, lang, asEntryArray: true }) as unknown as Entries;
}

function renderWhole(items: CslItem[], template: string, lang: string, format: StyledFormat): string {
  return new Cite(items).format('bibliography', { format, template, lang }) as string;
}

/** A small string table: each distinct entry stored once. */
class StringTable {
  readonly strings: string[] = [];
  private readonly index = new Map<string, number>();
  add(text: string): number {
    let at = this.index.get(text);
    if (at === undefined) {
      at = this.strings.length;
      this.strings.push(text);
      this.index.set(text, at);
    }
    return at;
  }
}

// Selections checked against a whole render, per style and locale: enough to
// exercise every rank and the year-suffix and dash rules, few enough to stay fast.
function sampleSelections(sectionIds: string[]): string[][] {
  const n = sectionIds.length;
  const picks = [
    [0, 1],
    [n - 1, 0],
    [2, 4, 6],
    [n - 2, 1, 3, n - 1],
    sectionIds.map((_, i) => i).filter((i) => i % 2 === 1),
    sectionIds.map((_, i) => i),
  ];
  // Items go to citation-js in section order, as the Worker's answers assume.
  return picks
    .map((pick) => [...new Set(pick.filter((i) => i >= 0 && i < n))].sort((a, b) => a - b).map((i) => sectionIds[i]))
    .filter((s) => s.length > 1);
}

/** Renders one report in one style and locale, and proves the assembly on samples. */
function renderStyled(
  items: Map<string, CslItem>,
  sectionIds: string[],
  style: StyleToRender,
  lang: string,
  table: StringTable,
): { bibliography: StyledBibliography; checked: number } {
  const all = [...items.values()];
  const order = renderEntries(all, style.template, lang, 'text').map(([id]) => id);
  const sectionOrder = order.filter((id) => sectionIds.includes(id));
  const solo: Record<string, EntryStrings> = {};
  for (const [id, item] of items) {
    const [[, text]] = renderEntries([item], style.template, lang, 'text');
    const [[, html]] = renderEntries([item], style.template, lang, 'html');
    solo[id] = [table.add(text), table.add(html)];
  }
  // The window starting at s holds every section from s on: the one at p is at rank p - s.
  const ranked: Record<string, EntryStrings[]> = Object.fromEntries(sectionOrder.map((id) => [id, []]));
  for (let start = 0; start < sectionOrder.length - 1; start++) {
    const window = sectionOrder.slice(start).map((id) => items.get(id)!);
    const texts = renderEntries(window, style.template, lang, 'text');
    const htmls = renderEntries(window, style.template, lang, 'html');
    texts.forEach(([id, text], i) => {
      if (id !== htmls[i][0] || id !== sectionOrder[start + i]) throw new Error(`${style.name}/${lang}: bibliography order is not stable across selections`);
      ranked[id][i] = [table.add(text), table.add(htmls[i][1])];
    });
  }
  const bibliography: StyledBibliography = { order, solo, ranked };
  let checked = 0;
  for (const selection of [...sampleSelections(sectionIds), ['report'], [sectionIds[0]]]) {
    for (const format of ['text', 'html'] as const) {
      const expected = renderWhole(selection.map((id) => items.get(id)!), style.template, lang, format);
      const assembled = assembleBibliography(bibliography, table.strings, selection, format);
      if (assembled !== expected) {
        throw new Error(
          `${style.name}/${lang}/${format}: assembling [${selection.join(', ')}] differs from citation-js:\n--- citation-js\n${expected}\n--- assembled\n${assembled}`,
        );
      }
      checked++;
    }
  }
  return { bibliography, checked };
}

/**
 * Renders every citation of every report.
 * @returns the file the Worker reads, and summary lines for the build output
 */
export function renderCitations(reports: Report[], options: { debianDir?: string; stylesDir?: string } = {}) {
  const started = performance.now();
  const { styles, missing } = loadStyles(options);
  const table = new StringTable();
  const file: CitationsFile = {
    styles: styles.map(({ name, title, source }) => ({ name, title, source: source.startsWith('/usr/') ? 'citation-style-language-styles' : source })),
    missingStyles: missing,
    locales: LOCALES,
    defaultStyle: 'apa',
    defaultLocale: 'en-US',
    reports: {},
    strings: table.strings,
  };
  let checked = 0;
  for (const report of reports) {
    const listed = reportItems(report);
    const items = new Map(listed.map(({ ref, item }) => [itemId(ref), item]));
    const sectionIds = listed.filter(({ ref }) => ref !== 'report').map(({ ref }) => itemId(ref));
    const records = Object.fromEntries(listed.map(({ ref, item }) => [itemId(ref), itemRecords(report, ref, item)]));
    const bibliographies: Record<string, Record<string, StyledBibliography>> = {};
    for (const style of styles) {
      bibliographies[style.name] = {};
      for (const lang of LOCALES) {
        const rendered = renderStyled(items, sectionIds, style, lang, table);
        bibliographies[style.name][lang] = rendered.bibliography;
        checked += rendered.checked;
      }
    }
    file.reports[report.id] = { items: records, bibliographies };
  }
  const summary = [
    `citations: ${styles.length} styles (${styles.map((s) => s.name).join(', ')}) × ${LOCALES.length} locales, ${table.strings.length} prerendered entries, ${checked} selections checked against citation-js, ${((performance.now() - started) / 1000).toFixed(1)} s`,
    ...missing.map((m) => `citations: style "${m.name}" not available: ${m.reason}`),
  ];
  return { file, summary };
}

