/**
 * Prerenders every citation the Worker serves, with citation-js, at build
 * time: each item in RIS, BibTeX, BibLaTeX and CSL-JSON, and for every style
 * and locale the report's reference and, per item, each citation form the
 * style offers (in-text, or note and short note), plus one template per form
 * for a single printed page. What only a request knows (the number in a
 * selection, the page asked for, the access date) is left as a placeholder
 * (src/core/citations/registry.ts), and each placeholder is proven here
 * against real renders, so the Worker's fill is never a guess.
 *
 * The cost grows with forms × styles × locales, hardly with a report's
 * sections: a section is cited through its report, and its citation is
 * derived from the report's templates (`sectionCiter`), not rendered.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { XMLValidator } from 'fast-xml-parser';
import { parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { basename, join } from 'node:path';
import { Cite, plugins, type CiteprocEngine } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-csl';
import '@citation-js/plugin-ris';
import { getPrefixedEntry } from '@citation-js/plugin-csl/lib/attr.js';
import { formatAccessDate } from '../../src/core/citations/answer';
import type { AccessDateFormat, CitationsFile, CitationStyles, EntryStrings, ItemRecords, ReportCitations, StyledStrings } from '../../src/core/citations/file';
import { itemFileName, itemId, reportItems, type CslItem, type ItemRef } from '../../src/core/citations/items';
import { CITATION_LOCALES, DEFAULT_LOCALE, DEFAULT_STYLE, FEATURED_STYLES, formsOf, PLACEHOLDERS, type CitationForm, type StyleClass } from '../../src/core/citations/registry';
import type { Report, Section } from '../../src/core/types';
import { writeBibtexEntry, type BibtexEntry } from './bibtex';
import { risDate, writeRisRecord, type RisRecord } from './ris';
import { indexStyleMacros } from './macro-index';
import { bytesText, MAX_REPORT_FILE_BYTES } from '../sources/limits';
import { pageRangeFormatOf, shortenedLastPage, type PageRangeFormat } from './page-range-format';
import { nearestStyleIds, officialLocale, officialStyle, officialStylesSource, type OfficialStyle } from './official-styles';
import { DROPPED_IN_RULE, officialRecipe, STYLE_RECIPES, type PartTerms, type StyleRecipe } from './styles';

/** The locales prerendered: the registry's configuration list. */
export const LOCALES: string[] = [...CITATION_LOCALES];
/** Locales citation-js ships; the others come from the official locales (`official-styles.ts`). */
const BUILT_IN_LOCALES = new Set(['en-US', 'de-DE', 'es-ES', 'fr-FR', 'nl-NL']);

/** The file in a styles folder that lists extra official styles by id: `["ieee", "american-political-science-association"]`. */
export const OFFICIAL_LIST_FILE = 'official.json';

type Format = 'text' | 'html';
const FORMATS: Format[] = ['text', 'html'];

/** A style ready to render: its recipe, the name citation-js knows it by, its class. */
export interface LoadedStyle extends StyleRecipe {
  template: string;
  styleClass: StyleClass;
  numbered: boolean;
  /** How it shortens a page range (`page-range-format`), or null for in full. */
  pageRangeFormat: PageRangeFormat | null;
  /** For the API: citation-js, the official styles' package and snapshot, or the file's path. */
  source: string;
}

/** A style or locale the build cannot offer: a build error, naming the file and line where one is to blame. */
export class CitationSetupError extends Error {}

function classOf(xml: string): StyleClass {
  return /<style\b[^>]*\bclass="note"/.test(xml) ? 'note' : 'in-text';
}

/** The line of a character offset in a text, from 1. */
const lineAt = (text: string, offset: number) => text.slice(0, offset).split('\n').length;

/**
 * Fails unless `xml` is a well-formed CSL style: XML that parses (fast-xml-parser's
 * validator, which gives the line) with a `<style>` root of a known class.
 */
function checkStyleXml(xml: string, where: string): void {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new CitationSetupError(`${where}:${valid.err.line}: not a well-formed style: ${valid.err.msg}`);
  const root = /<style\b[^>]*>/.exec(xml);
  if (!root) throw new CitationSetupError(`${where}:1: not a CSL style: no <style> element`);
  if (!/\bclass="(in-text|note)"/.test(root[0])) throw new CitationSetupError(`${where}:${lineAt(xml, root.index)}: not a CSL style: <style> needs class="in-text" or class="note"`);
}

/** Registers a style with citation-js under its recipe's name, adapted as the recipe says. */
function register(recipe: StyleRecipe, xml: string, source: string): LoadedStyle {
  const adapted = recipe.adaptStyle ? recipe.adaptStyle(xml) : xml;
  plugins.config.get('@csl').styles.add(recipe.name, adapted);
  return { ...recipe, template: recipe.name, styleClass: classOf(adapted), numbered: /variable="citation-number"/.test(adapted), pageRangeFormat: pageRangeFormatOf(adapted), source };
}

/** The official style a recipe names, or a build error naming the id and the nearest real ones. */
function requireOfficial(id: string, where: string): OfficialStyle {
  const style = officialStyle(id);
  if (!style) throw new CitationSetupError(`${where}: there is no official style "${id}" in ${officialStylesSource()}; nearest: ${nearestStyleIds(id).join(', ')}`);
  return style;
}

/**
 * The ids listed in a styles folder's official.json, each checked against
 * the official styles: a list of strings, each a real id, none twice.
 */
export function readOfficialList(path: string): Array<{ id: string; line: number }> {
  const text = readFileSync(path, 'utf8');
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  if (errors.length > 0) throw new CitationSetupError(`${path}:${lineAt(text, errors[0].offset)}: not JSON: ${printParseErrorCode(errors[0].error)}`);
  if (!tree || tree.type !== 'array') throw new CitationSetupError(`${path}:1: must be a list of official style ids, like ["ieee", "american-political-science-association"]`);
  const seen = new Set<string>();
  return (tree.children ?? []).map((node) => {
    const line = lineAt(text, node.offset);
    if (node.type !== 'string') throw new CitationSetupError(`${path}:${line}: each entry must be a style id in quotes`);
    const id = node.value as string;
    if (seen.has(id)) throw new CitationSetupError(`${path}:${line}: "${id}" is listed twice`);
    seen.add(id);
    requireOfficial(id, `${path}:${line}`);
    return { id, line };
  });
}

/**
 * Registers the styles the build offers: the recipes' (citation-js
 * built-ins and official styles from npm), the official styles a
 * deployment lists in `stylesDir/official.json`, and every `.csl` file in
 * `stylesDir`. Any of them that cannot be loaded is a build error
 * (`CitationSetupError`) naming it: never a smaller product.
 */
export function loadStyles(options: { stylesDir?: string } = {}): LoadedStyle[] {
  const config = plugins.config.get('@csl');
  const styles: LoadedStyle[] = [];
  const add = (entry: LoadedStyle) => {
    const existing = styles.findIndex((s) => s.name === entry.name);
    if (existing >= 0) styles[existing] = entry;
    else styles.push(entry);
  };
  for (const recipe of STYLE_RECIPES) {
    if ('builtIn' in recipe.csl) {
      const xml = config.styles.get(recipe.csl.builtIn) as string | undefined;
      if (!xml) throw new CitationSetupError(`${recipe.name}: citation-js has no built-in style "${recipe.csl.builtIn}"`);
      add(register(recipe, xml, 'citation-js'));
    } else if ('official' in recipe.csl) {
      add(register(recipe, requireOfficial(recipe.csl.official, `style "${recipe.name}"`).xml, officialStylesSource()));
    } else {
      add(register(recipe, readFileSync(recipe.csl.file, 'utf8'), recipe.csl.file));
    }
  }
  const stylesDir = options.stylesDir;
  if (!stylesDir || !existsSync(stylesDir)) return styles;
  const listed = join(stylesDir, OFFICIAL_LIST_FILE);
  if (existsSync(listed)) {
    for (const { id } of readOfficialList(listed)) {
      const official = requireOfficial(id, listed);
      // A listed id that a recipe already offers (a featured style) is offered once, with its recipe.
      if (!styles.some((s) => s.name === id)) add(register(officialRecipe(id, official.title), official.xml, officialStylesSource()));
    }
  }
  for (const file of readdirSync(stylesDir).filter((f) => f.endsWith('.csl')).sort()) {
    const name = basename(file, '.csl');
    const path = join(stylesDir, file);
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(name)) throw new CitationSetupError(`${path}: name the file in lower-case letters, digits and hyphens`);
    const xml = readFileSync(path, 'utf8');
    checkStyleXml(xml, path);
    const title = /<title>([^<]*)<\/title>/.exec(xml)?.[1] ?? name;
    // A dropped-in file is followed as it is; one with a built-in's name replaces it.
    add(register({ name, title, csl: { file: path }, pagesIn: 'citation', rule: DROPPED_IN_RULE }, xml, path));
  }
  return styles;
}

/** Registers the locales of LOCALES that citation-js lacks, from the official locales; one that cannot be had is a build error. */
export function loadLocales(options: { locales?: string[] } = {}): string[] {
  const config = plugins.config.get('@csl');
  const locales: string[] = [];
  for (const locale of options.locales ?? LOCALES) {
    if (!BUILT_IN_LOCALES.has(locale)) {
      const xml = officialLocale(locale);
      if (!xml) throw new CitationSetupError(`locale "${locale}": not among the official locales of ${officialStylesSource()}`);
      config.locales.add(locale, xml);
    }
    locales.push(locale);
  }
  return locales;
}

// ---------------------------------------------------------------- machine formats

function sectionOf(report: Report, ref: ItemRef): Section | null {
  return ref === 'report' ? null : report.sections.find((s) => s.number === ref)!;
}

function risRecord(item: CslItem, ref: ItemRef, report: Report): RisRecord {
  const [fields] = new Cite([item]).format('ris', { format: 'object' }) as RisRecord[];
  const record: RisRecord = { ...fields, ID: item['citation-key'] };
  const parts = item.issued?.['date-parts'][0];
  if (parts) record.DA = risDate(parts);
  delete record.SP;
  delete record.EP;
  const section = sectionOf(report, ref);
  if (section?.pages) {
    record.SP = section.pages.first;
    if (section.pages.last !== section.pages.first) record.EP = section.pages.last;
  }
  return record;
}

/** biblatex's `langid` (a babel/polyglossia language) for a CSL language tag; biblatex hyphenates and cases by it. */
const BIBLATEX_LANGIDS: Record<string, string> = {
  en: 'english', 'en-us': 'american', 'en-gb': 'british', de: 'ngerman', fr: 'french', es: 'spanish', nl: 'dutch', it: 'italian', pt: 'portuguese',
};

/**
 * The `type` field of a report: BibTeX prints it in place of "Technical
 * Report"; biblatex takes a localisation key where one exists
 * ("resreport" prints "research report" in the document's language).
 */
function reportTypeField(report: Report, format: 'bibtex' | 'biblatex'): string {
  if (format === 'bibtex') return report.type;
  if (/^research report$/i.test(report.type)) return 'resreport';
  if (/^technical report$/i.test(report.type)) return 'techreport';
  return report.type;
}

function bibtexEntry(item: CslItem, format: 'bibtex' | 'biblatex', report: Report, ref: ItemRef): string {
  const [entry] = new Cite([item]).format(format, { format: 'object' }) as BibtexEntry[];
  const fields = entry.properties;
  const section = sectionOf(report, ref);
  if (format === 'bibtex') {
    if (entry.type === 'inbook' && 'booktitle' in fields) {
      // citation-js writes a titled part as @inbook, whose `title` BibTeX reads as the book's: it is @incollection.
      entry.type = 'incollection';
    } else if (entry.type === 'techreport' && section) {
      // An untitled part of an authored report: BibTeX's @inbook ("a part of a book, a range of pages"),
      // which the standard styles print with its pages; @techreport would drop them.
      entry.type = 'inbook';
      if (fields.institution) fields.publisher = fields.institution;
      delete fields.institution;
    } else if (entry.type === 'techreport') {
      fields.type = reportTypeField(report, format);
    }
  } else {
    if (entry.type === 'report') fields.type = reportTypeField(report, format);
    const lang = typeof item.language === 'string' ? BIBLATEX_LANGIDS[item.language.toLowerCase()] : undefined;
    if (lang) fields.langid = lang;
    // `language` is printed as written ("en"); biblatex reads the language from langid.
    if (lang) delete fields.language;
  }
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
    bibtex: bibtexEntry(item, 'bibtex', report, ref),
    biblatex: bibtexEntry(item, 'biblatex', report, ref),
    cslJson: indentedJson(item),
  };
}

// ---------------------------------------------------------------- formatted styles

/** Stands in for the access date (a CSL literal date) and for a page locator while rendering. */
const ACCESSED_SENTINEL = 'ZQXACCESSEDXQZ';
const PAGE_SENTINEL = '98765';
/** citeproc-js's position of a later citation of the same work: a short note (CSL "subsequent"). */
const POSITION_SUBSEQUENT = 1;

function bibliographyEntry(items: CslItem[], style: LoadedStyle, lang: string, format: Format): string[] {
  const entries = new Cite(items).format('bibliography', { format, template: style.template, lang, asEntryArray: true }) as unknown as Array<[string, string]>;
  return entries.map(([, entry]) => entry);
}

/** The reference entry of the report, completed where the official style falls short. */
function referenceEntry(item: CslItem, style: LoadedStyle, lang: string, format: Format, original: CslItem): string {
  const [entry] = bibliographyEntry([item], style, lang, format);
  return style.finishReference ? style.finishReference(entry, format, original) : entry;
}

interface CiteOptions {
  locator?: string;
  /** A later note of the same work: the short form. */
  subsequent?: boolean;
}

/** Renders one item in one style and locale, on an engine that holds it: see `citerFor`. */
interface Citer {
  /** One citation (in-text, or a note). */
  cite(format: Format, options?: CiteOptions): string;
  /** The item's reference entry, as citation-js's bibliography gives it. */
  reference(format: Format): string;
  /** A term as the style and locale write it (the style's own terms first), as a part of a reference needs them. */
  partTerms(): PartTerms;
}

/**
 * Citations and the reference entry of one item in one style and locale,
 * rendered by citeproc's own calls directly: an order of magnitude faster
 * than rebuilding the processor's state per call, which citation-js's
 * format('citation') does, and no re-registration per entry, which its
 * format('bibliography') does. The item is registered with the engine once
 * (that registration, with its disambiguation pass, was most of a report's
 * render): citation-js keeps one engine per style and locale and
 * re-registers items whenever it uses it, so the engine is taken back (and
 * the item registered again) only when something else has used it since.
 * `proveCitation` checks the cluster call and citation-js agree; the build's
 * output is the same as citation-js's bibliography byte for byte.
 */
function citerFor(item: CslItem, style: LoadedStyle, lang: string): Citer {
  let engine: CiteprocEngine | null = null;
  let ownLookup: unknown = null;
  const current = (format: Format) => {
    if (engine === null || engine.sys.retrieveItem !== ownLookup) {
      engine = plugins.config.get('@csl').engine([item], style.template, lang, format);
      engine.updateItems([item.id]);
      ownLookup = engine.sys.retrieveItem;
    }
    engine.setOutputFormat(format);
    return engine;
  };
  return {
    cite(format, options = {}) {
      const cited = { id: item.id, ...(options.locator ? { locator: options.locator, label: 'page' } : {}), ...(options.subsequent ? { position: POSITION_SUBSEQUENT } : {}) };
      return current(format).makeCitationCluster([cited]);
    },
    reference(format) {
      const [, [entry]] = current(format).makeBibliography();
      // citation-js marks each HTML entry with its item's id; a text entry has no tag to mark.
      return getPrefixedEntry(entry, item.id);
    },
    partTerms() {
      const engine = current('text');
      const capitalized = (term: string) => term.charAt(0).toUpperCase() + term.slice(1);
      return { availableAt: capitalized(engine.getTerm('available at', 'long', 0)), page: engine.getTerm('page', 'short', 0) };
    },
  };
}

/**
 * Fails the build when the cluster call and citation-js's own citation
 * differ for a first citation. The cluster call goes first, on an engine
 * that has rendered the report's templates since the item was registered,
 * so the proof covers that reuse too.
 */
function proveCitation(item: CslItem, style: LoadedStyle, lang: string, format: Format, locator: string, citer: Citer): void {
  const actual = citer.cite(format, { locator });
  const expected = new Cite([item]).format('citation', {
    format,
    template: style.template,
    lang,
    entry: { citationItems: [{ id: item.id, locator, label: 'page' }], properties: { noteIndex: 1 } },
  }) as string;
  if (actual !== expected) throw new Error(`${style.name}/${lang}/${format}: citeproc's cluster call differs from citation-js:\n--- citation-js\n${expected}\n--- cluster\n${actual}`);
}

/**
 * Where a numbered style prints the number 1 in an entry or citation, a
 * placeholder instead. The first "1" not inside a tag: the number leads.
 */
function numberToPlaceholder(text: string): string {
  const match = /^((?:<[^>]*>|[^\d<])*)1(?!\d)/.exec(text);
  if (!match) throw new Error(`no citation number in "${text}"`);
  return match[1] + PLACEHOLDERS.number + text.slice(match[0].length);
}

/** A section's pages as a locator or part: "9-14", or "26" for one page. */
function pagesText(section: Section): string | null {
  if (!section.pages) return null;
  return section.pages.first === section.pages.last ? section.pages.first : `${section.pages.first}-${section.pages.last}`;
}

/** A small string table: each distinct string stored once. */
class StringTable {
  readonly strings: string[] = [];
  private readonly index = new Map<string, number>();
  private characters = 0;
  /**
   * @param report whose strings these are, for the message when they pass
   *   the report file's limit: every character is at least a byte of the
   *   file, so past it the file would be too large whatever follows, and
   *   the render stops there, in seconds, before its memory grows.
   */
  constructor(private readonly report: string) {}
  add(text: string): number {
    let at = this.index.get(text);
    if (at === undefined) {
      at = this.strings.length;
      this.strings.push(text);
      this.index.set(text, at);
      this.characters += text.length;
      if (this.characters > MAX_REPORT_FILE_BYTES) {
        throw new Error(
          `report "${this.report}": its citations pass ${bytesText(MAX_REPORT_FILE_BYTES)}, the most a report file may be (Workers Static Assets serves at most 25 MiB a file): shorten its longest metadata fields (title, names, URL, section titles) or split it`,
        );
      }
    }
    return at;
  }
}

/** Renders a string in both formats, turning the sentinels into placeholders. */
function both(table: StringTable, render: (format: Format) => string, numbered: boolean): EntryStrings {
  const [text, html] = FORMATS.map((format) => {
    let out = render(format).replaceAll(ACCESSED_SENTINEL, PLACEHOLDERS.accessed).replaceAll(PAGE_SENTINEL, PLACEHOLDERS.page);
    if (numbered) out = numberToPlaceholder(out);
    return table.add(out);
  });
  return [text, html];
}

/**
 * A citation's HTML read as text: tags taken out, character references
 * decoded. For a citation (not a reference entry, which citeproc's HTML
 * indents), citeproc's text output has so far been exactly this; where a
 * report's own citations show it is (`renderStyled`), its sections' text is
 * taken from their HTML instead of rendered again.
 * @example textOfHtml('(Boutellis, 2013, pp. 9&#8211;14)') // '(Boutellis, 2013, pp. 9–14)'
 */
export function textOfHtml(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_, code: string) => String.fromCodePoint(parseInt(code, 16)))
    .replace(/&(lt|gt|quot|apos|nbsp|amp);/g, (_, name: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', amp: '&' })[name]!);
}

/** Renders a string's HTML only, its text read off it (`textOfHtml`), turning the sentinels into placeholders. */
function fromHtml(table: StringTable, render: (format: Format) => string, numbered: boolean): EntryStrings {
  let html = render('html').replaceAll(ACCESSED_SENTINEL, PLACEHOLDERS.accessed).replaceAll(PAGE_SENTINEL, PLACEHOLDERS.page);
  if (numbered) html = numberToPlaceholder(html);
  return [table.add(textOfHtml(html)), table.add(html)];
}

/** Fails the build when a placeholder's fill would differ from what citation-js renders. */
function proveFill(what: string, template: string, values: { page?: string; number?: number }, expected: string): void {
  const filled = template.replaceAll(PLACEHOLDERS.page, values.page ?? '').replaceAll(PLACEHOLDERS.number, String(values.number ?? 1));
  if (filled !== expected) throw new Error(`${what}: filling the template differs from citation-js:\n--- citation-js\n${expected}\n--- filled\n${filled}`);
}

interface RenderContext {
  report: Report;
  style: LoadedStyle;
  lang: string;
  table: StringTable;
  memory: RenderMemory;
}

/**
 * A locator standing for any page range while rendering a range template:
 * the last number longer than the first, so no page-range format shortens
 * it (Chicago's rules shorten "11111-22222" to "11111–222").
 */
const RANGE_SENTINEL = ['1111', '22222'] as const;

/**
 * What one process has proven while rendering, so the reports after need
 * not prove it again: each proof keyed by all it depends on (style,
 * locale, form, and the item's type and fields), never by a report.
 */
export interface RenderMemory {
  /** Proofs made (`proveCitation`, `proveFill`). */
  proven: Set<string>;
}

export function newRenderMemory(): RenderMemory {
  return { proven: new Set() };
}

/** What a citation's rendering may depend on besides the locator: the item's type and which fields it has. */
const itemShape = (item: CslItem) => `${item.type}:${Object.keys(item).sort().join(',')}`;

/**
 * A citation around a locator: the text before and after where the
 * locator goes, read off a render with a sentinel locator (each part of it
 * there exactly once). A render without the sentinel at all is a style
 * that does not print the locator: all of it comes before. Null otherwise.
 */
function locatorFrame(rendered: string, sentinel: readonly [first: string, last: string]): { before: string; after: string } | null {
  const [first, last] = sentinel;
  if (!rendered.includes(first) && !rendered.includes(last)) return { before: rendered, after: '' };
  const once = (part: string) => rendered.indexOf(part) >= 0 && rendered.indexOf(part) === rendered.lastIndexOf(part);
  const start = rendered.indexOf(first);
  const end = rendered.indexOf(last, start);
  if (!once(first) || !once(last) || end < 0) return null;
  return { before: rendered.slice(0, start), after: rendered.slice(end + last.length) };
}

/**
 * Each section's citation in one form, derived from two templates of the
 * report's rather than rendered. A section's citation is the report's with
 * its pages as the locator, and a style writes a locator the same whatever
 * the work: its label and page-range format are the style's and locale's.
 * So the report is rendered once with a sentinel range ("1111–22222") and
 * once with a sentinel page, and a section's citation is the template with
 * its own pages in the sentinel's place: one page as it is (as the Worker
 * fills a printed page), a range shortened by the style's page-range format
 * (`shortenedLastPage`) with the template's own range delimiter. A range
 * that function does not answer, or a template without its sentinel once,
 * is rendered. In each report the last derived section of each form and
 * format is proven against a real render.
 * @returns how to render a section's pages in a format, and how many derivations were proven
 */
function sectionCiter(cite: (locator?: string) => (format: Format) => string, style: LoadedStyle, what: string) {
  /** A template: the text around the locator, and the range delimiter; `printed` false for a style that leaves the locator out. */
  type Template = { before: string; after: string; printed: boolean; delimiter: string };
  const templates = new Map<string, Template | null>();
  const templateOf = (range: boolean, format: Format): Template | null => {
    const id = `${range}|${format}`;
    if (!templates.has(id)) {
      const sentinel = range ? RANGE_SENTINEL : ([PAGE_SENTINEL, PAGE_SENTINEL] as const);
      const rendered = cite(range ? sentinel.join('-') : PAGE_SENTINEL)(format);
      const frame = locatorFrame(rendered, sentinel);
      // What stands for the locator: "1111–22222" (first, the locale's delimiter, last) or the page.
      const written = frame ? rendered.slice(frame.before.length, rendered.length - frame.after.length) : '';
      const delimiter = range ? written.slice(sentinel[0].length, written.length - sentinel[1].length) : '';
      templates.set(id, frame ? { ...frame, printed: written !== '', delimiter } : null);
    }
    return templates.get(id)!;
  };
  const derive = (pages: string, format: Format): string | null => {
    const [first, last] = pages.split('-');
    const template = templateOf(last !== undefined, format);
    if (!template) return null;
    if (!template.printed) return template.before;
    if (last === undefined) return template.before + first + template.after;
    const shortened = shortenedLastPage(first, last, style.pageRangeFormat);
    return shortened === null ? null : template.before + first + template.delimiter + shortened + template.after;
  };
  const derived: Array<{ pages: string; format: Format; text: string }> = [];
  const render = (pages: string) => (format: Format) => {
    const text = derive(pages, format);
    if (text === null) return cite(pages)(format);
    derived.push({ pages, format, text });
    return text;
  };
  /** Proves the last derived section of each format (the highest pages, most shortened); returns how many were proven. */
  const prove = () => {
    let proven = 0;
    for (const format of FORMATS) {
      const last = derived.findLast((d) => d.format === format);
      if (!last) continue;
      const rendered = cite(last.pages)(format);
      if (rendered !== last.text) throw new Error(`${what}/${format}: the citation derived for pages ${last.pages} differs from citeproc's:\n--- citeproc\n${rendered}\n--- derived\n${last.text}`);
      proven++;
    }
    return proven;
  };
  return { render, prove };
}

/** One report in one style and locale: the reference and each citation form. */
function renderStyled({ report, style, lang, table, memory }: RenderContext): { strings: StyledStrings; checked: number; dated: boolean } {
  const original = { ...reportItems(report)[0].item, accessed: { literal: ACCESSED_SENTINEL } } as CslItem;
  const item = style.adaptItem ? style.adaptItem(original) : original;
  const strings: StyledStrings = {};
  const citer = citerFor(item, style, lang);
  const shape = `${pairName(style.name, lang)}|${itemShape(item)}`;
  let checked = 0;

  // The reference: the work once, or (Vancouver) the work followed by each part. The work's
  // entry is rendered once per format; each part is added to it.
  const entries = Object.fromEntries(
    FORMATS.map((format) => {
      const entry = citer.reference(format);
      return [format, style.finishReference ? style.finishReference(entry, format, original) : entry];
    }),
  ) as Record<Format, string>;
  const terms = style.addPart ? citer.partTerms() : null;
  const reference = (format: Format, part?: { title: string | null; pages: string }) => {
    const entry = entries[format];
    return part && style.addPart ? style.addPart(entry, format, part, terms!) : entry;
  };
  const referenceItems: Record<string, EntryStrings> = { report: both(table, (f) => reference(f), style.numbered) };
  if (style.pagesIn === 'reference') {
    for (const section of report.sections) {
      const pages = pagesText(section);
      referenceItems[itemId(section.number)] = pages
        ? both(table, (f) => reference(f, { title: section.citationTitle, pages }), style.numbered)
        : referenceItems.report;
    }
  }
  const referencePage = style.pagesIn === 'reference' ? both(table, (f) => reference(f, { title: null, pages: PAGE_SENTINEL }), style.numbered) : referenceItems.report;
  strings.reference = { items: referenceItems, page: referencePage };
  if (style.numbered && !memory.proven.has(`${shape}|reference`)) {
    // The second entry of a two-item list is the template with number 2.
    for (const [column, format] of FORMATS.entries()) {
      const second = { ...item, id: `${item.id}-second` };
      const [, rendered] = bibliographyEntry([item, second], style, lang, format);
      const expected = rendered.replace(`data-csl-entry-id="${second.id}"`, `data-csl-entry-id="${item.id}"`);
      const finished = style.finishReference ? style.finishReference(expected, format, original) : expected;
      proveFill(`${style.name}/${lang}/${format}: reference number`, table.strings[referenceItems.report[column]], { number: 2 }, finished.replaceAll(ACCESSED_SENTINEL, PLACEHOLDERS.accessed));
      checked++;
    }
    memory.proven.add(`${shape}|reference`);
  }

  // The citation forms: the report, each section with its pages, and one printed page.
  for (const form of formsOf(style.styleClass).filter((f): f is Exclude<CitationForm, 'reference'> => f !== 'reference')) {
    const subsequent = form === 'short-note';
    // Each locator and format rendered once: the page template is also the sections' template.
    const rendered = new Map<string, string>();
    const cite = (locator?: string) => (format: Format) => {
      const id = `${locator ?? ''}|${format}`;
      if (!rendered.has(id)) rendered.set(id, citer.cite(format, { locator, subsequent }));
      return rendered.get(id)!;
    };
    const items: Record<string, EntryStrings> = { report: both(table, cite(), style.numbered) };
    const page = both(table, cite(PAGE_SENTINEL), style.numbered);
    // A section's citation differs from these two only in its locator: where both read as text exactly
    // as their HTML does, each section's text is read off its HTML, one render instead of two (nearly
    // halving a report's build). Otherwise, and for the two themselves, both formats are rendered.
    const derivable = [items.report, page].every(([text, html]) => table.strings[text] === textOfHtml(table.strings[html]));
    const render = derivable ? fromHtml : both;
    const sections = sectionCiter(cite, style, `${pairName(style.name, lang)}/${form}`);
    for (const section of report.sections) {
      const pages = pagesText(section);
      // Without pages a section is cited as the report is.
      items[itemId(section.number)] = pages ? render(table, sections.render(pages), style.numbered) : items.report;
    }
    checked += sections.prove();
    strings[form] = { items, page };
    // The cluster call and the page template's fill are proven once per process for each style, locale, form and item shape.
    if (memory.proven.has(`${shape}|${form}`)) continue;
    if (!subsequent) for (const format of FORMATS) proveCitation(item, style, lang, format, '9-14', citer);
    for (const printed of ['11', 'ii']) {
      for (const [column, format] of FORMATS.entries()) {
        const expected = cite(printed)(format).replaceAll(ACCESSED_SENTINEL, PLACEHOLDERS.accessed);
        proveFill(`${style.name}/${lang}/${form}/${format}: page ${printed}`, table.strings[page[column]], { page: printed }, expected);
        checked++;
      }
    }
    memory.proven.add(`${shape}|${form}`);
  }
  const dated = Object.values(strings).some((form) =>
    Object.values(form!.items).some(([text]) => table.strings[text].includes(PLACEHOLDERS.accessed)),
  );
  return { strings, checked, dated };
}

/**
 * How a style and locale write an access date, read off real renders: the
 * report with a literal date marks where the date goes; twelve renders (one
 * per month) give each month's template; another day proves the template.
 */
export function accessDateFormat(report: Report, style: LoadedStyle, lang: string): AccessDateFormat {
  const base = reportItems(report)[0].item;
  const render = (accessed: unknown) => {
    const original = { ...base, accessed } as CslItem;
    const item = style.adaptItem ? style.adaptItem(original) : original;
    return referenceEntry(item, style, lang, 'text', original);
  };
  const marked = render({ literal: ACCESSED_SENTINEL });
  const [before, after] = marked.split(ACCESSED_SENTINEL);
  const dateIn = (entry: string) => {
    if (!entry.startsWith(before) || !entry.endsWith(after)) throw new Error(`${style.name}/${lang}: the access date moved: ${entry}`);
    return entry.slice(before.length, entry.length - after.length);
  };
  const months = Array.from({ length: 12 }, (_, m) => {
    const date = dateIn(render({ 'date-parts': [[2999, m + 1, 28]] }));
    const template = date.replace('2999', '{Y}').replace('28', '{D}');
    if (!template.includes('{Y}') || !template.includes('{D}')) throw new Error(`${style.name}/${lang}: cannot find year and day in the access date "${date}"`);
    return template;
  });
  const expected = dateIn(render({ 'date-parts': [[2027, 3, 5]] }));
  for (const padDay of [false, true]) {
    const format = { months, padDay };
    if (formatAccessDate(format, new Date(Date.UTC(2027, 2, 5))) === expected) return format;
  }
  throw new Error(`${style.name}/${lang}: the access date "${expected}" does not follow the month templates ${JSON.stringify(months)}`);
}

export interface RenderOptions {
  /** Dropped-in `.csl` files and `official.json`. */
  stylesDir?: string;
  locales?: string[];
}

/** The styles and locales a build renders in, registered with citation-js. */
export interface CitationSetup {
  styles: LoadedStyle[];
  locales: string[];
  /** What this process has learnt rendering reports so far: see `RenderMemory`. */
  memory: RenderMemory;
}

/**
 * Registers the styles and locales to render in, checking the registry's
 * featured styles against their files: each must be offered, in its class.
 */
export function setUpCitations(options: RenderOptions = {}): CitationSetup {
  indexStyleMacros();
  const styles = loadStyles({ stylesDir: options.stylesDir });
  const locales = loadLocales({ locales: options.locales });
  for (const featured of FEATURED_STYLES) {
    const style = styles.find((s) => s.name === featured.style);
    if (!style) throw new CitationSetupError(`${featured.style}: the registry's FEATURED_STYLES offers it, but no recipe or style file does`);
    if (style.styleClass !== featured.styleClass) {
      throw new Error(`${featured.style}: the registry's FEATURED_STYLES says ${featured.styleClass}, but its style file is ${style.styleClass}`);
    }
  }
  return { styles, locales, memory: newRenderMemory() };
}

/**
 * What the library offers for citing, the same for every report: the styles
 * and locales, and how each that prints an access date writes it (read off
 * renders of one report by `renderReportCitations`: the date's form does not
 * depend on the report).
 */
export function citationStyles(setup: CitationSetup, accessDates: CitationStyles['accessDates']): CitationStyles {
  return {
    styles: setup.styles.map((s) => ({ name: s.name, title: s.title, source: s.source, styleClass: s.styleClass, forms: formsOf(s.styleClass), pagesIn: s.pagesIn, numbered: s.numbered })),
    locales: setup.locales,
    defaultStyle: DEFAULT_STYLE,
    defaultLocale: DEFAULT_LOCALE,
    accessDates,
  };
}

/** A style and locale as the build names them in messages and parts: `apa/en-US`. */
export const pairName = (style: string, lang: string) => `${style}/${lang}`;

/** Every `style/locale` pair a setup renders, style by style. */
export function citationPairs(setup: CitationSetup): string[] {
  return setup.styles.flatMap((style) => setup.locales.map((lang) => pairName(style.name, lang)));
}

/**
 * Builds the citeproc engines of some `style/locale` pairs ahead of need.
 * citation-js keeps one engine per style and locale for the process's life,
 * and building them is most of a one-report render (APA's take about a
 * second each): a process that will render later (a watching build's child)
 * builds them while nothing waits.
 */
export function warmEngines(setup: CitationSetup, pairs: string[]): void {
  const engine = plugins.config.get('@csl').engine;
  for (const style of setup.styles) for (const lang of setup.locales) if (pairs.includes(pairName(style.name, lang))) engine([], style.template, lang, 'html');
}

/** A part of a report's citations, for spreading one report over several cores: some `style/locale` pairs, with or without the items. */
export interface CitationPart {
  pairs: string[];
  items: boolean;
}

/**
 * Renders every citation of one report: its items in the machine formats,
 * and every style, locale and form over a string table of its own. `only`
 * renders a part (`CitationPart`); `mergeCitations` joins the parts into
 * what a whole render gives, byte for byte.
 * `withAccessDates`: also read how each style and locale that prints an
 * access date writes it (`accessDateFormat`), for the library's styles.
 * @returns the citations, how many placeholder fills were proven, and the
 *   styles and locales whose strings carry an access date, each as `style/locale`
 */
export function renderReportCitations(
  report: Report,
  setup: CitationSetup,
  only?: CitationPart,
  withAccessDates = false,
): { citations: ReportCitations; checked: number; dated: string[]; accessDates?: CitationStyles['accessDates'] } {
  const table = new StringTable(report.id);
  const styled: Record<string, Record<string, StyledStrings>> = {};
  const dated: string[] = [];
  const accessDates: CitationStyles['accessDates'] = {};
  let checked = 0;
  for (const style of setup.styles) {
    for (const lang of setup.locales) {
      if (only && !only.pairs.includes(pairName(style.name, lang))) continue;
      const rendered = renderStyled({ report, style, lang, table, memory: setup.memory });
      (styled[style.name] ??= {})[lang] = rendered.strings;
      checked += rendered.checked;
      if (rendered.dated) dated.push(pairName(style.name, lang));
      if (rendered.dated && withAccessDates) {
        accessDates[style.name] ??= {};
        accessDates[style.name][lang] = accessDateFormat(report, style, lang);
      }
    }
  }
  const items = !only || only.items ? Object.fromEntries(reportItems(report).map(({ ref, item }) => [itemId(ref), itemRecords(report, ref, item)])) : {};
  const citations = inCanonicalOrder([{ items, styled, strings: table.strings }], setup, report.id);
  return { citations, checked, dated, ...(withAccessDates ? { accessDates } : {}) };
}

/**
 * Citations rendered whole or in parts, as one: styles and locales in the
 * setup's order, and one string table numbered by first use in that order
 * (each form's items, then its page template). So a report's file is the
 * same bytes however many cores rendered it, and its ETag with them.
 */
function inCanonicalOrder(parts: ReportCitations[], setup: CitationSetup, report = 'the report'): ReportCitations {
  const table = new StringTable(report);
  const styled: ReportCitations['styled'] = {};
  for (const style of setup.styles) {
    for (const lang of setup.locales) {
      const part = parts.find((p) => p.styled[style.name]?.[lang]);
      if (!part) continue;
      const renumber = ([text, html]: EntryStrings): EntryStrings => [table.add(part.strings[text]), table.add(part.strings[html])];
      const forms = Object.entries(part.styled[style.name][lang]).map(([form, strings]) => [
        form,
        { items: Object.fromEntries(Object.entries(strings!.items).map(([id, entry]) => [id, renumber(entry)])), page: renumber(strings!.page) },
      ]);
      (styled[style.name] ??= {})[lang] = Object.fromEntries(forms);
    }
  }
  return { items: Object.assign({}, ...parts.map((part) => part.items)), styled, strings: table.strings };
}

/** A report's styled strings with every string index moved by `offset`, for appending its table to another. */
function shiftStyled(styled: ReportCitations['styled'], offset: number): ReportCitations['styled'] {
  const shifted = (entry: EntryStrings): EntryStrings => [entry[0] + offset, entry[1] + offset];
  return Object.fromEntries(
    Object.entries(styled).map(([style, byLocale]) => [
      style,
      Object.fromEntries(
        Object.entries(byLocale).map(([lang, forms]) => [
          lang,
          Object.fromEntries(
            Object.entries(forms).map(([form, strings]) => [form, { items: Object.fromEntries(Object.entries(strings!.items).map(([id, entry]) => [id, shifted(entry)])), page: shifted(strings!.page) }]),
          ),
        ]),
      ),
    ]),
  );
}

/**
 * One report's citations from parts rendered apart (each some style/locale
 * pairs, one with the items): the same as rendering it whole.
 * @example mergeCitations([evenPairs, oddPairs], setup) // deep-equals renderReportCitations(report, setup).citations
 */
export function mergeCitations(parts: ReportCitations[], setup: CitationSetup): ReportCitations {
  return inCanonicalOrder(parts, setup);
}

/** The access-date formats read by parts of one render, as one, in the setup's order of styles and locales. */
export function mergeAccessDates(parts: Array<CitationStyles['accessDates']>, setup: CitationSetup): CitationStyles['accessDates'] {
  const merged: CitationStyles['accessDates'] = {};
  for (const style of setup.styles) {
    for (const lang of setup.locales) {
      const format = parts.find((part) => part[style.name]?.[lang])?.[style.name][lang];
      if (format) (merged[style.name] ??= {})[lang] = format;
    }
  }
  return merged;
}

/**
 * Fails unless the library's styles say how to write the access date of
 * every style and locale whose strings carry one.
 */
export function checkAccessDates(styles: CitationStyles, report: string, dated: string[]): void {
  for (const pair of dated) {
    const [style, lang] = pair.split('/');
    if (!styles.accessDates[style]?.[lang]) throw new Error(`citations: ${report}: ${pair} prints an access date, but the library's citation styles hold no format for it`);
  }
}

/**
 * Renders every citation of every report into one file, as one report's
 * answers read them (`citationsOf`), for the benches and tests that look at
 * several reports at once.
 * @returns the file and summary lines for the build output
 */
export function renderCitations(reports: Report[], options: RenderOptions = {}) {
  const started = performance.now();
  const setup = setUpCitations(options);
  const file: CitationsFile = { ...citationStyles(setup, {}), reports: {}, strings: [] };
  let checked = 0;
  const perReport: string[] = [];
  for (const [i, report] of reports.entries()) {
    const reportStarted = performance.now();
    const rendered = renderReportCitations(report, setup, undefined, i === 0);
    if (rendered.accessDates) file.accessDates = rendered.accessDates;
    checkAccessDates(file, report.id, rendered.dated);
    const styled = shiftStyled(rendered.citations.styled, file.strings.length);
    file.strings.push(...rendered.citations.strings);
    file.reports[report.id] = { items: rendered.citations.items, styled };
    checked += rendered.checked;
    perReport.push(citationSummary(report, rendered.citations, performance.now() - reportStarted));
  }
  const summary = [
    `citations: ${setup.styles.length} styles (${setup.styles.map((s) => s.name).join(', ')}) × ${setup.locales.length} locales (${setup.locales.join(', ')}), ${file.strings.length} prerendered strings, ${checked} placeholder fills checked against citation-js, ${((performance.now() - started) / 1000).toFixed(1)} s`,
    ...perReport,
  ];
  return { file, summary };
}

/** One report's line in the build output: sections, strings, size, time. */
export function citationSummary(report: Report, citations: ReportCitations, ms: number): string {
  const bytes = Buffer.byteLength(JSON.stringify(citations));
  return `citations: ${report.id}: ${report.sections.length} sections, ${citations.strings.length} strings, ${(bytes / 1024).toFixed(1)} KiB, ${(ms / 1000).toFixed(1)} s`;
}
