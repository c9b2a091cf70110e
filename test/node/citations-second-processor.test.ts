/**
 * The independent check: what the Worker serves as formatted text equals
 * what a second CSL processor makes of the CSL-JSON it serves, for every
 * featured style and every locale.
 *
 * The second processor is citeproc-js called directly (`new CSL.Engine`,
 * one engine per style and locale, its own sys object), not through
 * citation-js, the build's renderer, nor through the build's templates,
 * placeholders, string table and derived sections, which this check covers.
 * Its inputs are what a user gets: the served CSL-JSON items (`format=csl-json`),
 * the style as the official file or citation-js's built-in XML, and the
 * locale file. Where a style's recipe mends the official style for its
 * manual (`scripts/citations/styles.ts`: Chicago 18 leaves out the place,
 * MLA's second container, Vancouver's part, Cite Them Right's en-US access
 * date), the documented mend is applied to the input or the output here too.
 *
 * The answers are built with citationAnswer(), the function the Worker's
 * route calls, from the report file the build wrote (`npm run build` first).
 */
import path from 'node:path';
import { createRequire } from 'node:module';
import { plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';
import { describe, expect, it } from 'vitest';
import { officialLocale, officialStyle } from '../../scripts/citations/official-styles';
import { STYLE_RECIPES, type StyleRecipe } from '../../scripts/citations/styles';
import { BuiltLibrary } from '../../scripts/library/read-build';
import { citationAnswer, FEATURED_STYLES, type CitationForm } from '../../src/core/citations';
import type { CslItem } from '../../src/core/citations/items';
import { REPO_ROOT, SEED_ID } from './seed-fixture';

interface Engine {
  updateItems(ids: string[]): void;
  setOutputFormat(format: string): void;
  makeBibliography(): [unknown, string[]];
  makeCitationCluster(items: object[]): string;
  getTerm(name: string, form: string, plural: number): string;
}
const CSL = createRequire(import.meta.url)('citeproc') as { Engine: new (sys: object, style: string, lang: string, forceLang?: boolean) => Engine };

const file = new BuiltLibrary(path.join(REPO_ROOT, 'index/build')).report(SEED_ID).citations;
const TODAY = new Date(Date.UTC(2026, 11, 7));
const SECTIONS = ['s3', 's4', 's5', 's6', 's7', 's9', 's10'];

/** What the Worker answers. */
const served = (items: string[], format: 'text' | 'csl-json', style = 'apa', locale = 'en-US', form?: CitationForm, page?: string) =>
  citationAnswer(file, { report: SEED_ID, items, format, style, locale, form, page, today: TODAY }).body;

/** The served CSL-JSON of one item. */
const servedItem = (id: string): CslItem => (JSON.parse(served([id], 'csl-json')) as CslItem[])[0];

/** The style's XML as a user would fetch it: the official file, or citation-js's built-in. */
function styleXml(recipe: StyleRecipe): string {
  const xml = 'official' in recipe.csl ? officialStyle(recipe.csl.official)!.xml : 'builtIn' in recipe.csl ? plugins.config.get('@csl').styles.get(recipe.csl.builtIn)! : '';
  return recipe.adaptStyle ? recipe.adaptStyle(xml) : xml;
}

const localeXml = (lang: string) => officialLocale(lang) ?? plugins.config.get('@csl').locales.get(lang);

const engines = new Map<string, Engine>();

/** An engine of citeproc-js holding the report as the style sees it, one per style and locale (APA's takes a second to build). */
function engineFor(recipe: StyleRecipe, lang: string): Engine {
  const id = `${recipe.name}/${lang}`;
  if (!engines.has(id)) {
    const item = asRendered(recipe, servedItem('report'));
    const sys = { retrieveLocale: (tag: string) => localeXml(tag) ?? localeXml('en-US'), retrieveItem: () => item };
    const engine = new CSL.Engine(sys, styleXml(recipe), lang, true);
    engine.updateItems([item.id]);
    engine.setOutputFormat('text');
    engines.set(id, engine);
  }
  return engines.get(id)!;
}

/** The item as the recipe gives it to the style, dated today as the Worker fills the access date. */
function asRendered(recipe: StyleRecipe, item: CslItem): CslItem {
  const dated = { ...item, accessed: { 'date-parts': [[TODAY.getUTCFullYear(), TODAY.getUTCMonth() + 1, TODAY.getUTCDate()]] } } as CslItem;
  return recipe.adaptItem ? recipe.adaptItem(dated) : dated;
}

/** The second processor's reference entry of the report, with the recipe's documented mends. */
function reference(recipe: StyleRecipe, lang: string, section?: { title: string | null; pages: string }): string {
  const original = asRendered({ ...recipe, adaptItem: undefined }, servedItem('report'));
  const engine = engineFor(recipe, lang);
  let entry = engine.makeBibliography()[1][0];
  if (recipe.finishReference) entry = recipe.finishReference(entry, 'text', original);
  if (section && recipe.addPart) {
    const terms = { availableAt: capitalized(engine.getTerm('available at', 'long', 0)), page: engine.getTerm('page', 'short', 0) };
    entry = recipe.addPart(entry, 'text', section, terms);
  }
  return entry;
}

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The second processor's citation of a served item: its pages as the locator, as a first or a later note. */
function citation(recipe: StyleRecipe, lang: string, id: string, options: { page?: string; subsequent?: boolean } = {}): string {
  const item = servedItem(id);
  const locator = options.page ?? (typeof item.page === 'string' ? item.page : undefined);
  const cited = { id: servedItem('report').id, ...(locator ? { locator, label: 'page' } : {}), ...(options.subsequent ? { position: 1 } : {}) };
  return engineFor(recipe, lang).makeCitationCluster([cited]);
}

const featured = STYLE_RECIPES.filter((recipe) => FEATURED_STYLES.some((f) => f.style === recipe.name) || ['harvard', 'vancouver'].includes(recipe.name));

describe('the served text equals a second CSL processor’s render of the served CSL-JSON', () => {
  it('covers every featured style, Harvard and Vancouver, and every locale the build offers', () => {
    expect(featured.map((r) => r.name)).toEqual(['apa', 'mla', 'chicago-author-date', 'chicago-notes-bibliography', 'harvard', 'vancouver']);
    expect(file.locales).toEqual(['en-US', 'en-GB', 'de-DE', 'es-ES', 'fr-FR', 'nl-NL']);
  });

  describe.each(featured.map((recipe) => [recipe.name, recipe] as const))('%s', (_, recipe) => {
    const info = file.styles.find((s) => s.name === recipe.name)!;

    it.each(file.locales)('%s: the reference of the report', (lang) => {
      expect(served(['report'], 'text', recipe.name, lang)).toBe(reference(recipe, lang));
    });

    it.each(file.locales)('%s: each section’s citation, or its numbered reference', (lang) => {
      for (const id of SECTIONS) {
        const item = servedItem(id);
        const pages = typeof item.page === 'string' ? item.page : null;
        if (info.pagesIn === 'reference') {
          const title = item.type === 'chapter' ? item.title : null;
          expect(served([id], 'text', recipe.name, lang), id).toBe(pages ? reference(recipe, lang, { title, pages }) : reference(recipe, lang));
          continue;
        }
        const form = info.styleClass === 'note' ? 'note' : 'in-text';
        expect(served([id], 'text', recipe.name, lang, form), id).toBe(`${citation(recipe, lang, id)}\n`);
        if (info.styleClass === 'note') expect(served([id], 'text', recipe.name, lang, 'short-note'), id).toBe(`${citation(recipe, lang, id, { subsequent: true })}\n`);
      }
    });

    it.each(file.locales)('%s: a printed page of section 7', (lang) => {
      if (info.pagesIn === 'reference') return expect(served(['s7'], 'text', recipe.name, lang, 'reference', '11')).toBe(reference(recipe, lang, { title: null, pages: '11' }));
      const form = info.styleClass === 'note' ? 'note' : 'in-text';
      expect(served(['s7'], 'text', recipe.name, lang, form, '11')).toBe(`${citation(recipe, lang, 's7', { page: '11' })}\n`);
    });
  });
});
