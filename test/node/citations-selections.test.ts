/**
 * The Worker answers a selection of sections in a formatted style by joining
 * strings the build prerendered (assembleBibliography). These tests prove the
 * shortcut: for many varied selections, in APA, MLA, Chicago author-date and
 * Vancouver, in US English and French, the assembled bibliography equals what
 * citation-js renders for the same CSL items given in section order — year
 * suffixes (2013a, 2013b…), dashes for a repeated author and numbering included.
 *
 * Reads index/build/citations.json: run `npm run build` first.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';
import { beforeAll, describe, expect, it } from 'vitest';
import { readReports } from '../../scripts/report-sources';
import { assembleBibliography, type CitationsFile, type StyledFormat } from '../../src/core/bibliography';
import { reportItems, itemId, type CslItem } from '../../src/core/citation-items';
import type { Report } from '../../src/core/types';
import { REPO_ROOT, SEED_ID } from './seed-fixture';

const CITATIONS_FILE = path.join(REPO_ROOT, 'index/build/citations.json');
const STYLES_DIR = '/usr/share/citation-style-language/styles';
/** The official CSL files behind the styles that citation-js does not ship. */
const INSTALLED_STYLES: Record<string, string> = {
  mla: 'modern-language-association.csl',
  'chicago-author-date': 'chicago-author-date.csl',
};
const STYLES = ['apa', 'mla', 'chicago-author-date', 'vancouver'];
const LOCALES = ['en-US', 'fr-FR'];
const FORMATS: StyledFormat[] = ['text', 'html'];

const n = (...numbers: number[]) => numbers.map((x) => `s${x}`);
const ALL = n(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
const TITLED = new Set(n(3, 4, 5));

/**
 * Varied selections, each in section order: every single item, every pair,
 * triples and longer runs with and without the titled sections 3–5, and all ten.
 */
function selections(): string[][] {
  const list: string[][] = [['report'], ...ALL.map((id) => [id])];
  for (let a = 1; a <= 10; a++) for (let b = a + 1; b <= 10; b++) list.push(n(a, b));
  list.push(
    n(1, 2, 3),
    n(3, 4, 5),
    n(5, 6, 7),
    n(6, 7, 8),
    n(8, 9, 10),
    n(1, 5, 10),
    n(2, 4, 6),
    n(3, 5, 7),
    n(1, 9, 10),
    n(4, 7, 10),
    n(2, 3, 8),
    n(1, 6, 8),
    n(5, 9, 10),
    n(6, 8, 10),
    n(1, 2, 6, 7),
    n(3, 4, 5, 6),
    n(1, 3, 5, 7, 9),
    n(2, 4, 6, 8, 10),
    n(1, 2, 3, 4, 5, 6),
    n(5, 6, 7, 8, 9, 10),
    n(1, 2, 6, 7, 8, 9, 10),
    n(1, 2, 3, 4, 6, 7, 8, 9, 10),
    ALL,
  );
  return list;
}

let file: CitationsFile;
let items: Map<string, CslItem>;

beforeAll(() => {
  if (!existsSync(CITATIONS_FILE)) throw new Error(`${CITATIONS_FILE} is missing: run \`npm run build\` first`);
  file = JSON.parse(readFileSync(CITATIONS_FILE, 'utf8')) as CitationsFile;
  const read = readReports(path.join(REPO_ROOT, 'index/sources'));
  if (!read.ok) throw new Error(read.problems.map((p) => `${p.file}:${p.line}: ${p.message}`).join('\n'));
  const report = read.reports.find((r: Report) => r.id === SEED_ID)!;
  items = new Map(reportItems(report).map(({ ref, item }) => [itemId(ref), item]));
  // Registered from the installed files, independently of the build's own loadStyles.
  const csl = plugins.config.get('@csl');
  for (const [name, fileName] of Object.entries(INSTALLED_STYLES)) csl.styles.add(name, readFileSync(path.join(STYLES_DIR, fileName), 'utf8'));
});

/** What citation-js renders for these items, given in the order listed. */
function renderedByCitationJs(ids: string[], style: string, lang: string, format: StyledFormat): string {
  return new Cite(ids.map((id) => items.get(id)!)).format('bibliography', { format, template: style, lang }) as string;
}

function assembled(ids: string[], style: string, lang: string, format: StyledFormat): string {
  return assembleBibliography(file.reports[SEED_ID].bibliographies[style][lang], file.strings, ids, format);
}

describe('the selections compared', () => {
  it('are at least 60, varied: pairs, triples, longer runs, with and without titled sections, and all ten', () => {
    const list = selections();
    const multi = list.filter((s) => s.length > 1);

    expect(multi.length).toBeGreaterThanOrEqual(60);
    expect(list.filter((s) => s.length === 2)).toHaveLength(45);
    expect(list.filter((s) => s.length === 3).length).toBeGreaterThanOrEqual(10);
    expect(multi.some((s) => s.every((id) => !TITLED.has(id)))).toBe(true);
    expect(multi.some((s) => s.every((id) => TITLED.has(id)))).toBe(true);
    expect(multi.some((s) => s.some((id) => TITLED.has(id)) && s.some((id) => !TITLED.has(id)))).toBe(true);
    expect(list).toContainEqual(ALL);
    for (const s of list) expect(s).toEqual([...s].sort((a, b) => ALL.indexOf(a) - ALL.indexOf(b)));
  });

  it('use the same CSL items the build prerendered from (the build is up to date with the sources)', () => {
    for (const [id, item] of items) {
      expect(JSON.parse(file.reports[SEED_ID].items[id].cslJson), id).toEqual(item);
    }
  });
});

describe.each(STYLES.flatMap((style) => LOCALES.map((lang) => [style, lang] as const)))('%s in %s', (style, lang) => {
  it.each(FORMATS)('assembles every selection in %s exactly as citation-js renders it', (format) => {
    const differences: string[] = [];
    for (const ids of selections()) {
      const expected = renderedByCitationJs(ids, style, lang, format);
      const actual = assembled(ids, style, lang, format);
      if (actual !== expected) differences.push(`[${ids.join(', ')}]\n--- citation-js\n${expected}\n--- assembled\n${actual}`);
    }

    expect(differences).toEqual([]);
  });
});

describe('the comparison covers the rules that depend on a selection', () => {
  it('APA adds 2013a, 2013b in a selection of two sections, and none to one alone', () => {
    const pair = assembled(n(6, 7), 'apa', 'en-US', 'text');

    expect(pair).toMatch(/^Boutellis, A\. \(2013a\)\..*\nBoutellis, A\. \(2013b\)\./s);
    expect(assembled(n(6), 'apa', 'en-US', 'text')).toMatch(/^Boutellis, A\. \(2013\)\./);
  });

  it('Chicago author-date sorts by title, adds year suffixes and a 3-em dash for the repeated author', () => {
    const entries = assembled(n(2, 4, 9), 'chicago-author-date', 'en-US', 'text').trim().split('\n');

    expect(entries.map((e) => e.slice(0, 26))).toEqual(['Boutellis, Arthur. 2013a. ', '———. 2013b. “Driving the S', '———. 2013c. “Executive Sum']);
  });

  it('MLA replaces the repeated author with three hyphens', () => {
    const entries = assembled(n(3, 5, 7), 'mla', 'fr-FR', 'text').trim().split('\n');

    expect(entries[0].startsWith('Boutellis, Arthur. ')).toBe(true);
    expect(entries.slice(1).every((e) => e.startsWith('---. '))).toBe(true);
  });

  it('Vancouver numbers all ten entries 1. to 10. in section order', () => {
    const entries = assembled(ALL, 'vancouver', 'en-US', 'text').trim().split('\n');

    expect(entries.map((e) => e.split(' ')[0])).toEqual(['1.', '2.', '3.', '4.', '5.', '6.', '7.', '8.', '9.', '10.']);
    expect(entries[6]).toContain('p. 9–14');
  });
});
