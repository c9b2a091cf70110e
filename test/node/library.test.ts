/**
 * The library as files (src/core/library/) and the search across it
 * (src/core/search/library-search.ts): the shelf list's filters, orders and
 * pages; one file per report; the word list; and a search that picks the
 * reports holding the words and ranks their sections on one scale, exactly
 * as a report's own search does when the library holds that one report.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeLibrary } from '../../scripts/generate-reports';
import { MADE_UP_WORDS } from '../../scripts/generated-text';
import { reportTerms } from '../../scripts/library/report-file';
import { encodeTermList, WordListBuilder } from '../../scripts/library/word-list';
import { readReports } from '../../scripts/report-sources';
import { analyzer } from '../../src/core/analyzer';
import { decodeReportFile, encodeReportFile, isFiltered, listShelf, termShard, type ShelfEntry, type ShelfList, type TermShard } from '../../src/core/library';
import {
  createSearchIndex,
  DEFAULT_SEARCH_OPTIONS,
  MAX_LIBRARY_REPORTS,
  parseQuery,
  pickReports,
  queryIndexTerms,
  searchLibrary,
  searchSections,
  surfaceForms,
  wordListFrom,
  type LibraryReport,
} from '../../src/core/search';
import type { Report } from '../../src/core/types';
import { readRelevanceSet } from '../../scripts/relevance';
import { loadSeedReports } from './seed-fixture';

/** A shelf entry with only what a test sets; the rest as a report without metadata would have it. */
function entry(id: string, csl: Partial<ShelfEntry['csl']>, title = id): ShelfEntry {
  return { id, type: 'Report', title, sourceTitle: title, csl: { type: 'report', title, ...csl }, pageCount: null, sections: 1 };
}

describe('the shelf list: filters, orders, pages', () => {
  const shelf: ShelfList = {
    sections: 5,
    reports: [
      entry('a-report', { publisher: 'International Peace Institute', issued: { 'date-parts': [[2013, 8, 1]] }, author: [{ family: 'Boutellis', given: 'Arthur' }] }, 'Driving the System Apart?'),
      entry('b-report', { publisher: 'international peace institute', issued: { 'date-parts': [[2019]] }, author: [{ family: 'Müller', given: 'Gudrun' }] }, 'a Small Report'),
      entry('c-report', { publisher: 'Centre for Synthetic Policy', issued: { 'date-parts': [[2013, 2]] } }, 'Zebras'),
      entry('d-report', { publisher: 'Centre for Synthetic Policy' }, 'Undated'),
      entry('e-report', { editor: [{ literal: 'Fixture Research Council' }], issued: { 'date-parts': [[2013, 8, 1]] } }, 'Edited'),
    ],
  };
  const query = { sort: 'id' as const, limit: 50, offset: 0 };
  const ids = (listed: { reports: ShelfEntry[] }) => listed.reports.map((r) => r.id);

  it('says whether a query names any filter', () => {
    expect(isFiltered({})).toBe(false);
    expect(isFiltered({ year: 2013 })).toBe(true);
    expect(isFiltered({ author: 'boutellis' })).toBe(true);
  });

  it('filters by publisher named in full, in any case', () => {
    expect(ids(listShelf(shelf, { ...query, publisher: 'INTERNATIONAL PEACE INSTITUTE' }))).toEqual(['a-report', 'b-report']);
    expect(listShelf(shelf, { ...query, publisher: 'International Peace' }).total).toBe(0);
  });

  it('filters by year of issue', () => {
    expect(ids(listShelf(shelf, { ...query, year: 2013 }))).toEqual(['a-report', 'c-report', 'e-report']);
  });

  it('filters by author or editor, any part of the name, any case, accents optional', () => {
    expect(ids(listShelf(shelf, { ...query, author: 'boutellis' }))).toEqual(['a-report']);
    expect(ids(listShelf(shelf, { ...query, author: 'MULLER' }))).toEqual(['b-report']);
    expect(ids(listShelf(shelf, { ...query, author: 'research council' }))).toEqual(['e-report']);
  });

  it('sorts by title ignoring case, by date either way with undated reports last, ties by id', () => {
    expect(ids(listShelf(shelf, { ...query, sort: 'title' }))).toEqual(['b-report', 'a-report', 'e-report', 'd-report', 'c-report']);
    expect(ids(listShelf(shelf, { ...query, sort: 'date' }))).toEqual(['c-report', 'a-report', 'e-report', 'b-report', 'd-report']);
    expect(ids(listShelf(shelf, { ...query, sort: '-date' }))).toEqual(['b-report', 'a-report', 'e-report', 'c-report', 'd-report']);
  });

  it('pages: each page holds its slice, the total counts every match, and the pages together are the whole list', () => {
    const pages = [0, 2, 4].map((offset) => listShelf(shelf, { ...query, sort: 'title', limit: 2, offset }));
    expect(pages.map((p) => p.total)).toEqual([5, 5, 5]);
    expect(pages.flatMap(ids)).toEqual(ids(listShelf(shelf, { ...query, sort: 'title' })));
    expect(listShelf(shelf, { ...query, offset: 5 }).reports).toEqual([]);
  });
});

describe('a report file', () => {
  it('holds the report, its index and its citations on three lines, the last two parsed only when asked for', async () => {
    const [report] = await loadSeedReports();
    const index = JSON.stringify(createSearchIndex([report], analyzer));
    const text = encodeReportFile({ report, surfaceForms: { integr: 'integration' }, relatedWords: { election: [['elector', 'd']] } }, index, '{"items":{}}');

    const parts = decodeReportFile(text);

    expect(text.split('\n')).toHaveLength(4);
    expect(parts.head.relatedWords).toEqual({ election: [['elector', 'd']] });
    expect(parts.head.report).toEqual(report);
    expect(parts.searchIndexJson).toBe(index);
    expect(parts.citationsJson).toBe('{"items":{}}');
  });

  it('refuses a part that is not one line of JSON', () => {
    expect(() => encodeReportFile({ report: {} as Report, surfaceForms: {}, relatedWords: {} }, '{\n}', '{}')).toThrow(/line break/);
  });
});

describe('the word list', () => {
  it('files a term under its first two characters, anything but a–z and 0–9 as _', () => {
    expect(['integr', 'in', 'x', '2013', 'été', 'é'].map(termShard)).toEqual(['in', 'in', 'x', '20', '_t', '_']);
  });

  it('gives a shard\'s terms in order for completions and near spellings, terms that read as numbers too', () => {
    const shard: TermShard = { postings: { '20x': [0, 1, 0], '2013': [0, 1, 0], '201': [0, 1, 0], '20': [0, 1, 0] }, forms: {} };
    const words = wordListFrom(new Map([['20', shard]]));

    expect(words.neighbours('2013')).toEqual(['20', '201', '2013', '20x']);
    expect(words.neighbours('2013')).toBe(wordListFrom(new Map([['20', shard]])).neighbours('20'));
    expect(words.postings('2013')).toEqual([0, 1, 0]);
    expect(words.postings('constructor')).toBeUndefined();
  });

  it('reads, for a query, the shard of every term it may look up: parts, joined and run-together forms', () => {
    const terms = queryIndexTerms(parseQuery('peace keeping secretary-general', analyzer));

    expect(terms).toEqual(expect.arrayContaining(['peac', 'keep', 'peacekeep', 'secretarygener']));
  });

  it('names, for each term of a report, the sections holding it and the best field', async () => {
    const [report] = await loadSeedReports();
    const terms = reportTerms(createSearchIndex([report], analyzer).toJSON());
    // "counterfactual" is in the text of section 7 only; "Introduction" is section 5's title.
    expect(terms.counterfactu).toEqual({ sections: 1, field: 0 });
    expect(terms[analyzer.analyze('Introduction')[0]].field).toBe(2);
  });
});

describe('a report\'s term list, as the build\'s cache keeps it', () => {
  it('files the same postings and forms as the terms it was written from, a form without postings included', () => {
    const terms = { integr: { sections: 6, field: 2 }, plan: { sections: 1, field: 0 } };
    const forms = { integr: 'integrated', planned: 'planned' };
    expect(encodeTermList(terms, forms)).toBe('integr\t6\t2\tintegrated\nplan\t1\t0\t\nplanned\t\t\tplanned');
    const listed = new WordListBuilder();
    listed.addTermList(3, encodeTermList(terms, forms));
    const shards = Object.fromEntries([...listed.shards()].map(([name, json]) => [name, JSON.parse(json) as TermShard]));
    expect(shards.in).toEqual({ postings: { integr: [3, 6, 2] }, forms: { integr: 'integrated' } });
    expect(shards.pl).toEqual({ postings: { plan: [3, 1, 0] }, forms: {} });
  });

  it('refuses a term that would break its columns', () => {
    expect(() => encodeTermList({ 'a\tb': { sections: 1, field: 0 } }, {})).toThrow(/holds a tab or line break/);
  });
});

/** A generated library in memory: each report's own index, and the word list's shards, as the build writes them. */
async function libraryOf(reports: Report[]) {
  const words = new WordListBuilder();
  reports.forEach((report, place) => words.add(place, reportTerms(createSearchIndex([report], analyzer).toJSON()), surfaceForms([report], analyzer)));
  const shards = new Map<string, TermShard>([...words.shards()].map(([name, json]) => [name, JSON.parse(json) as TermShard]));
  const opened: LibraryReport[] = reports.map((report, place) => ({
    index: createSearchIndex([report], analyzer),
    catalogue: { reports: [report], surfaceForms: surfaceForms([report], analyzer) },
    place,
  }));
  return { words: wordListFrom(shards), opened, sections: reports.reduce((n, r) => n + r.sections.length, 0) };
}

describe('search across a generated library of 30 reports', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'report-edge-library-'));
  let reports: Report[];
  let manifest: { reports: Record<string, Array<{ word: string; section: number }>> };
  let library: Awaited<ReturnType<typeof libraryOf>>;
  const options = { ...DEFAULT_SEARCH_OPTIONS, report: null };

  beforeAll(async () => {
    writeLibrary(dir, 30, 5);
    manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
    const read = await readReports(path.join(dir, 'sources'));
    if (!read.ok) throw new Error('generated sources should read');
    reports = read.reports;
    library = await libraryOf(reports);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('picks, for a word planted in one report, that report alone', () => {
    for (const [id, planted] of Object.entries(manifest.reports).slice(0, 10)) {
      const picked = pickReports(parseQuery(planted[0].word, analyzer), library.words, library.sections, options, () => true);
      expect(picked.reports.map((place) => reports[place].id)).toEqual([id]);
      expect(picked.matched).toBe(1);
    }
  });

  it('picks a report for a planted word typed with a typo, or half typed', () => {
    const [id, planted] = Object.entries(manifest.reports)[3];
    const word = planted[0].word;
    // One letter wrong, inside the made-up stem (its suffix, "planted", stems as it is).
    const typo = `${word.slice(0, 5)}${word[5] === 'a' ? 'b' : 'a'}${word.slice(6)}`;
    for (const text of [typo, word.slice(0, word.length - 3)]) {
      const picked = pickReports(parseQuery(text, analyzer), library.words, library.sections, options, () => true);
      expect(picked.reports.map((place) => reports[place].id), text).toContain(id);
    }
  });

  it('finds the planted section first, searching only the picked reports', () => {
    const [id, planted] = Object.entries(manifest.reports)[7];
    const query = parseQuery(planted[1].word, analyzer);
    const picked = pickReports(query, library.words, library.sections, options, () => true);

    const page = searchLibrary(picked.reports.map((place) => library.opened[place]), query, options, analyzer, library.words, library.sections);

    expect(page.hits.map((hit) => [hit.report, hit.number])).toEqual([[id, planted[1].section]]);
  });

  it('picks at most MAX_LIBRARY_REPORTS reports, those where the words weigh most, and only among those allowed', () => {
    // The generator draws its words most often from the start of MADE_UP_WORDS: these are in most reports.
    const common = parseQuery(MADE_UP_WORDS.slice(0, 2).join(' '), analyzer);
    const picked = pickReports(common, library.words, library.sections, { ...options, mode: 'any' }, () => true);
    expect(picked.reports).toHaveLength(MAX_LIBRARY_REPORTS);
    expect(picked.matched).toBeGreaterThan(MAX_LIBRARY_REPORTS);
    const even = pickReports(common, library.words, library.sections, { ...options, mode: 'any' }, (place) => place % 2 === 0);
    expect(even.reports.length).toBeGreaterThan(0);
    expect(even.reports.every((place) => place % 2 === 0)).toBe(true);
  });

  it('ranks on one scale: pages of the merged results never overlap and together are the whole list', () => {
    const text = reports[2].sections.find((s) => s.paragraphs.length > 0)!.paragraphs[0].split(/\s+/).slice(0, 2).join(' ');
    const query = parseQuery(text, analyzer);
    const all = searchLibrary(library.opened, query, { ...options, limit: 1000 }, analyzer, library.words, library.sections);
    expect(all.total).toBeGreaterThan(5);
    const paged = [0, 5, 10, 15].flatMap((offset) => searchLibrary(library.opened, query, { ...options, limit: 5, offset }, analyzer, library.words, library.sections).hits.map((h) => h.id));
    expect(paged).toEqual(all.hits.slice(0, 20).map((h) => h.id));
    const scores = all.hits.map((h) => h.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });
});

describe('a library of one report', () => {
  it('ranks every relevance-set query exactly as the report its own search does: the same hits, order and scores', async () => {
    const reports = await loadSeedReports();
    const library = await libraryOf(reports);
    for (const { q } of readRelevanceSet().queries) {
      const query = parseQuery(q, analyzer);
      const own = searchSections(library.opened[0].index, library.opened[0].catalogue, query, { ...DEFAULT_SEARCH_OPTIONS, report: null }, analyzer);

      const across = searchLibrary(library.opened, query, { ...DEFAULT_SEARCH_OPTIONS, report: null }, analyzer, library.words, library.sections);

      expect(across, q).toEqual(own);
    }
  });
});

