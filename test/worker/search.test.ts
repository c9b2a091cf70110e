import { describe, expect, it } from 'vitest';
import { call, getJson, ORIGIN, REPORT, REPORT_PATH, search, sectionNumbers, type SearchAnswer } from './client';

/** A snippet with its `<mark>` tags taken out: what must be plain escaped text. */
function withoutMarks(snippet: string): string {
  return snippet.replace(/<\/?mark>/g, '');
}

/** The invariant of every snippet: escaped text, and no markup but `<mark>`. */
function expectSafeSnippet(snippet: string) {
  const text = withoutMarks(snippet);
  expect(text).not.toMatch(/[<>"']/);
  // Every ampersand begins one of the entities the escaper writes.
  expect(text).not.toMatch(/&(?!(?:amp|lt|gt|quot|#39);)/);
  // Marks open and close in pairs.
  expect(snippet.match(/<mark>/g)?.length ?? 0).toBe(snippet.match(/<\/mark>/g)?.length ?? 0);
}

/** Words written in a section (title, label and text), lower-cased, for checking what a hit claims. */
async function wordsOfSection(n: number): Promise<Set<string>> {
  const section = await getJson(`${REPORT_PATH}/sections/${n}`);
  const text = [section.title ?? '', section.label, ...section.paragraphs].join(' ').toLowerCase();
  return new Set(text.split(/[^\p{L}\p{N}]+/u).filter(Boolean));
}

describe('GET /api/search: finding sections', () => {
  it('ranks section 7 first for counterfactual and marks the word in its snippet', async () => {
    const answer = await search({ q: 'counterfactual' });

    expect(answer.results[0].number).toBe(7);
    expect(answer.results[0].snippet).toContain('<mark>counterfactual</mark>');
    expect(answer.results[0].terms).toContain('counterfactual');
  });

  it('describes a hit with its section, pages and an absolute link to the section', async () => {
    const [hit] = (await search({ q: 'counterfactual' })).results;

    expect(hit).toMatchObject({
      id: `${REPORT}/7`,
      report: REPORT,
      number: 7,
      title: null,
      label: 'pp. 9–14: After all these efforts, many within and beyond…',
      pages: { label: '9-14', first: '9', last: '14', numbering: 'arabic' },
      links: { section: `${ORIGIN}${REPORT_PATH}/sections/7` },
    });
    expect(hit.score).toBeGreaterThan(0);
  });

  it('echoes the query and the paging it used', async () => {
    const answer = await search({ q: 'counterfactual' });

    expect(answer).toMatchObject({ query: 'counterfactual', mode: 'all', total: 1, limit: 10, offset: 0, suggestions: [] });
  });

  it('completes a word being typed: counterf finds section 7', async () => {
    const answer = await search({ q: 'counterf' });

    expect(answer.results[0].number).toBe(7);
    expect(answer.results[0].snippet).toContain('<mark>counterfactual</mark>');
  });

  it('does not complete the last word when prefix=off', async () => {
    const answer = await search({ q: 'counterf', prefix: 'off', fuzzy: 'off' });

    expect(answer.total).toBe(0);
    expect(answer.results).toEqual([]);
  });

  it('finds a hyphenated name: Boutros-Ghali ranks section 5 first', async () => {
    const answer = await search({ q: 'Boutros-Ghali' });

    expect(answer.results[0].number).toBe(5);
    expect(answer.results[0].snippet).toContain('<mark>Boutros-Ghali’s</mark>');
  });

  it('finds a section without text by its title: executive summary is section 4', async () => {
    const answer = await search({ q: 'executive summary' });

    expect(sectionNumbers(answer)).toEqual([4]);
    expect(answer.results[0].title).toBe('Executive Summary');
    expect(answer.results[0].snippet).toBe('<mark>Executive</mark> <mark>Summary</mark>');
  });

  it('matches a quoted phrase only where its words stand together', async () => {
    const phrase = await search({ q: '"integrated planning"' });
    const words = await search({ q: 'integrated planning' });

    expect(sectionNumbers(phrase).sort()).toEqual([7, 8]);
    expect(sectionNumbers(words)).toContain(6);
  });

  it('reads a British spelling as the American one: programmes finds section 6’s “programs”', async () => {
    const answer = await search({ q: 'programmes' });

    expect(sectionNumbers(answer)).toContain(6);
    expect(answer.results.find((r) => r.number === 6)!.snippet).toContain('<mark>programs</mark>');
  });
});

describe('GET /api/search: related words (WordNet, and words used alike)', () => {
  it('finds the Executive Summary for "synopsis" and says it matched "summary", a broader word', async () => {
    const answer = await search({ q: 'synopsis' });

    expect(answer.results.map((hit) => hit.number)).toEqual([4]);
    expect(answer.results[0].related).toEqual([{ query: 'synopsis', matched: 'summary', relation: 'broader' }]);
    expect(answer.results[0].terms).toEqual(['summary']);
  });

  it('finds section 7 for "scientific" (its gloss names science) and the Abbreviations for "acronyms" (a sibling word form)', async () => {
    const scientific = await search({ q: 'scientific' });
    expect(scientific.results.map((hit) => hit.number)).toEqual([7]);
    expect(scientific.results[0].related).toEqual([{ query: 'scientific', matched: 'science', relation: 'pertainym' }]);
    expect(scientific.results[0].snippet).toContain('<mark>science</mark>');

    const acronyms = await search({ q: 'acronyms' });
    expect(acronyms.results.map((hit) => hit.number)).toEqual([3]);
    expect(acronyms.results[0].related).toEqual([{ query: 'acronyms', matched: 'abbreviations', relation: 'sibling' }]);
  });

  it('finds section 8 for words used alike by their vectors, which WordNet does not join: "meticulous" (painstaking), "lowering expenses" (reduce costs)', async () => {
    const meticulous = await search({ q: 'meticulous' });
    expect(meticulous.results.map((hit) => hit.number)).toEqual([8]);
    expect(meticulous.results[0].related).toEqual([{ query: 'meticulous', matched: 'painstaking', relation: 'similar' }]);
    expect(meticulous.results[0].snippet).toContain('<mark>painstaking</mark>');

    const expenses = await search({ q: 'lowering expenses' });
    expect(expenses.results[0].number).toBe(8);
    expect(expenses.results[0].related).toEqual([
      { query: 'lowering', matched: 'reduce', relation: 'similar' },
      { query: 'expenses', matched: 'costs', relation: 'similar' },
    ]);
  });

  it('lists no related words for words typed as the report writes them', async () => {
    const answer = await search({ q: 'counterfactual' });

    expect(answer.results[0].related).toEqual([]);
  });

  it('still finds nothing for a query the report cannot answer', async () => {
    for (const q of ['banana', 'quantum chromodynamics', 'climate finance']) expect((await search({ q })).total, q).toBe(0);
  });
});

describe('GET /api/search: snippets are safe HTML', () => {
  it('answers a script tag as a query with 200, valid JSON and no script in any snippet', async () => {
    const res = await call(`/api/search?q=${encodeURIComponent('<script>alert(1)</script>')}`);
    const text = await res.text();

    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toMatch(/^application\/json\b/);
    const answer = JSON.parse(text) as SearchAnswer;
    expect(answer.query).toBe('<script>alert(1)</script>');
    for (const result of answer.results) {
      expect(result.snippet).not.toMatch(/<script/i);
      expectSafeSnippet(result.snippet);
    }
  });

  it('keeps the typographic quotes around a match as text and marks the words inside them', async () => {
    const [hit] = (await search({ q: 'quick fixes' })).results;

    expect(hit.number).toBe(8);
    expect(hit.snippet).toContain('The “<mark>quick</mark> <mark>fixes</mark>” outlined here aren’t necessarily');
    expectSafeSnippet(hit.snippet);
  });

  it('lets no ampersand or straight quote from the query into a snippet', async () => {
    const answer = await search({ q: 'fixes & "quick"' });

    expect(answer.results[0].number).toBe(8);
    for (const result of answer.results) expectSafeSnippet(result.snippet);
  });

  it('writes only <mark> as markup in the snippets of every section', async () => {
    const answer = await search({ q: 'UN integration summary abbreviations', mode: 'any', limit: '50' });

    expect(answer.total).toBeGreaterThanOrEqual(7);
    for (const result of answer.results) expectSafeSnippet(result.snippet);
  });

  it('marks the end of an excerpt with an ellipsis', async () => {
    const [hit] = (await search({ q: 'counterfactual' })).results;

    expect(hit.snippet.startsWith('…')).toBe(true);
    expect(hit.snippet.endsWith('…')).toBe(true);
  });
});

describe('GET /api/search: paging', () => {
  it('gives one result for limit=1 and keeps the total of all matches', async () => {
    const all = await search({ q: 'integration' });
    const first = await search({ q: 'integration', limit: '1' });

    expect(all.total).toBeGreaterThan(1);
    expect(first.results).toHaveLength(1);
    expect(first.total).toBe(all.total);
    expect(first.limit).toBe(1);
    expect(first.results[0].id).toBe(all.results[0].id);
  });

  it('steps through the ranking with offset', async () => {
    const all = await search({ q: 'integration' });
    const second = await search({ q: 'integration', limit: '1', offset: '1' });

    expect(second.offset).toBe(1);
    expect(second.results.map((r) => r.id)).toEqual([all.results[1].id]);
  });

  it('answers an offset beyond the total with no results but the same total', async () => {
    const all = await search({ q: 'integration' });
    const beyond = await search({ q: 'integration', offset: String(all.total) });
    const far = await search({ q: 'integration', offset: '1000' });

    expect(beyond.results).toEqual([]);
    expect(beyond.total).toBe(all.total);
    expect(far.results).toEqual([]);
    expect(far.total).toBe(all.total);
  });
});

describe('GET /api/search: options', () => {
  it('keeps results within the report asked for', async () => {
    const all = await search({ q: 'integration' });
    const filtered = await search({ q: 'integration', report: REPORT });

    expect(filtered.total).toBe(all.total);
    expect(filtered.results.map((r) => r.id)).toEqual(all.results.map((r) => r.id));
    for (const result of filtered.results) expect(result.report).toBe(REPORT);
  });

  it('answers a search in an unknown report with a 404 problem naming the reports served', async () => {
    const res = await call('/api/search?q=integration&report=nope');
    const body = await res.json<any>();

    expect(res.status).toBe(404);
    expect(res.headers.get('Content-Type')).toMatch(/^application\/problem\+json\b/);
    expect(body).toMatchObject({ type: 'urn:report-edge:problem:unknown-report', status: 404, reports: [REPORT] });
    expect(body.detail).toContain(REPORT);
  });

  it('finds nothing for a typo when fuzzy=off, and suggests the word that was meant', async () => {
    const answer = await search({ q: 'intergration', fuzzy: 'off' });

    expect(answer.total).toBe(0);
    expect(answer.results).toEqual([]);
    expect(answer.suggestions).toContain('integration');
  });

  it('forgives the same typo when fuzzy matching is on, as it is by default', async () => {
    const answer = await search({ q: 'intergration' });

    expect(answer.total).toBeGreaterThan(0);
    expect(sectionNumbers(answer)).toContain(6);
    expect(answer.suggestions).toEqual([]);
  });

  it('needs every word with mode=all, so counterfactual quick finds nothing', async () => {
    const answer = await search({ q: 'counterfactual quick', mode: 'all' });

    expect(answer.mode).toBe('all');
    expect(answer.total).toBe(0);
  });

  it('needs one word with mode=any, so counterfactual quick finds sections 7 and 8', async () => {
    const answer = await search({ q: 'counterfactual quick', mode: 'any' });

    expect(answer.mode).toBe('any');
    expect(sectionNumbers(answer).sort()).toEqual([7, 8]);
  });

  it('tries all words, then any word, by default, and says which it used', async () => {
    const fallback = await search({ q: 'counterfactual quick' });
    const together = await search({ q: 'quick fixes' });

    expect(fallback.mode).toBe('any');
    expect(sectionNumbers(fallback).sort()).toEqual([7, 8]);
    expect(together.mode).toBe('all');
    expect(sectionNumbers(together)).toEqual([8]);
  });

  it('searches only titles with fields=title', async () => {
    const inTitles = await search({ q: 'integration', fields: 'title' });
    const introduction = await search({ q: 'introduction', fields: 'title' });

    expect(inTitles.total).toBe(0);
    expect(sectionNumbers(introduction)).toEqual([5]);
  });

  it('searches only text with fields=text, so a word found only in a title is not found', async () => {
    const answer = await search({ q: 'summary', fields: 'text' });

    expect(answer.total).toBe(0);
  });

  it('finds nothing, without failing, for a query of stop words only', async () => {
    const answer = await search({ q: 'the of and' });

    expect(answer).toMatchObject({ total: 0, results: [], suggestions: [] });
  });
});

describe('GET /api/search: matches stay honest', () => {
  // Typos are allowed by each term's own length: the stem "integr" must not reach "intern".
  it('does not return section 9, which says “international” but nothing like “integration”', async () => {
    const answer = await search({ q: 'integration' });

    expect(sectionNumbers(answer)).not.toContain(9);
  });

  it('marks no look-alike such as “internal” in the snippet of a phrase search', async () => {
    const answer = await search({ q: '"integrated planning"' });
    const hit = answer.results.find((r) => r.number === 8)!;

    expect(hit.snippet).not.toContain('<mark>internal</mark>');
    expect(hit.terms).not.toContain('internal');
  });

  // `terms` are words of the hit itself, so a client can highlight them.
  it('names as matched terms only words written in the section or typed in the query', async () => {
    const answer = await search({ q: 'integrated', fuzzy: 'off', prefix: 'off' });

    for (const hit of answer.results) {
      const words = await wordsOfSection(hit.number);
      for (const term of hit.terms) {
        expect([...words, 'integrated'], `section ${hit.number} term "${term}"`).toContain(term);
      }
    }
  });
});
