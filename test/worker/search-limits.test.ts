/**
 * Hostile and oversized search input: each gets a cheap, named answer. The
 * limits are in src/core/search/limits.ts; these tests pin the answers a
 * client sees for the inputs that once cost 5–11 ms of CPU each.
 */
import { describe, expect, it } from 'vitest';
import { call, expectProblem, getJson, getProblem, REPORT, type ProblemBody } from './client';

const QZX = Array(22).fill('qzxvbnmk').join(' ');
const FDFA = '\uFDFA'.repeat(200);
const SEVENTEEN_WORDS = 'integrated planning integration mission strategic framework peacekeeping humanitarian development political security coherence united nations secretary general summary';
const SIXTEEN_WORDS = SEVENTEEN_WORDS.split(' ').slice(0, 16).join(' ');

/** The one reason a problem gives for parameter `name`. */
function reasonFor(problem: ProblemBody, name: string): string {
  const reasons = (problem.invalid_params ?? []).filter((p) => p.name === name).map((p) => p.reason);
  expect(reasons, JSON.stringify(problem)).toHaveLength(1);
  return reasons[0];
}

describe('GET /api/search: limits on the query', () => {
  it('refuses 22 × “qzxvbnmk” (197 characters) with a 400 naming the 16-word limit', async () => {
    expect(QZX).toHaveLength(197);

    const problem = await getProblem(`/api/search?q=${encodeURIComponent(QZX)}`, 400);

    expect(problem.type).toBe('urn:report-edge:problem:invalid-parameter');
    expect(problem.title).toBe('Invalid request parameter');
    expect(reasonFor(problem, 'q')).toBe('the query is too long: 22 words: at most 16 words (MAX_QUERY_WORDS)');
    expect(problem.detail).toContain('q: the query is too long: 22 words');
  });

  it('refuses 17 words, naming the limit, and answers the same query cut to 16 words', async () => {
    const problem = await getProblem(`/api/search?q=${encodeURIComponent(SEVENTEEN_WORDS)}`, 400);
    expect(reasonFor(problem, 'q')).toContain('17 words: at most 16 words (MAX_QUERY_WORDS)');

    const answer = await getJson(`/api/search?q=${encodeURIComponent(SIXTEEN_WORDS)}`);
    expect(answer.mode).toBe('any');
    expect(answer.total).toBeGreaterThan(0);
  });

  it('answers 16 distinct unknown words with no results and no error', async () => {
    const words = Array.from({ length: 16 }, (_, i) => `zq${'xvbnmk'.slice(0, (i % 6) + 1)}${String.fromCharCode(98 + i)}`);

    const answer = await getJson(`/api/search?q=${encodeURIComponent(words.join(' '))}`);

    expect(answer).toMatchObject({ total: 0, results: [] });
    expect(answer.suggestions).toEqual(expect.any(Array));
  });

  it('refuses a word longer than 32 characters once normalised, naming MAX_TERM_LENGTH', async () => {
    const problem = await getProblem(`/api/search?q=${'a'.repeat(33)}`, 400);

    expect(reasonFor(problem, 'q')).toBe('the query is too long: a word ("aaaaaaaaaaaaaaaaaaaa…") is 33 characters once normalised: at most 32 per word (MAX_TERM_LENGTH)');
  });

  it('counts length in UTF-16 code units, as maxlength does: 100 emoji (200 units) pass, 101 do not', async () => {
    const ok = await getJson(`/api/search?q=${encodeURIComponent('😀'.repeat(100))}`);
    expect(ok.total).toBe(0);

    const problem = await getProblem(`/api/search?q=${encodeURIComponent('😀'.repeat(101))}`, 400);
    expect(reasonFor(problem, 'q')).toBe('the query is too long: 202 characters: at most 200 characters, counted as UTF-16 code units (MAX_QUERY_LENGTH)');
  });
});

describe('GET /api/suggest: limits on the query', () => {
  it('refuses 200 × U+FDFA (18 characters each once normalised) with a 400 naming the word-length limit', async () => {
    const problem = await getProblem(`/api/suggest?q=${encodeURIComponent(FDFA)}`, 400);

    expect(problem.type).toBe('urn:report-edge:problem:invalid-parameter');
    expect(reasonFor(problem, 'q')).toMatch(/is 3\d{3} characters once normalised: at most 32 per word \(MAX_TERM_LENGTH\)$/);
  });

  it('answers one U+FDFA (18 characters once normalised) with 200 and no suggestions', async () => {
    const answer = await getJson(`/api/suggest?q=${encodeURIComponent('\uFDFA')}`);

    expect(answer).toEqual({ query: '\uFDFA', suggestions: [] });
  });

  it('refuses 22 × “qzxvbnmk” too, with the same reason as the search', async () => {
    const problem = await getProblem(`/api/suggest?q=${encodeURIComponent(QZX)}`, 400);

    expect(reasonFor(problem, 'q')).toBe('the query is too long: 22 words: at most 16 words (MAX_QUERY_WORDS)');
  });
});

describe('numeric parameters are plain decimal digits', () => {
  it.each([
    ['offset', '0x10'],
    ['offset', '1e1'],
    ['offset', '+5'],
    ['offset', ' 5'],
    ['offset', '5.0'],
    ['limit', '0x10'],
    ['limit', '1e1'],
  ])('refuses %s=%s with a 400 naming that parameter', async (name, value) => {
    const problem = await getProblem(`/api/search?q=integration&${name}=${encodeURIComponent(value)}`, 400);

    expect(problem.type).toBe('urn:report-edge:problem:invalid-parameter');
    expect(reasonFor(problem, name)).toBe(`a whole number written in decimal digits, like ${name === 'limit' ? 10 : 0}`);
  });

  it('refuses a type-ahead limit=0x5, and still reads offset=16 as 16', async () => {
    const problem = await getProblem('/api/suggest?q=integ&limit=0x5', 400);
    expect(reasonFor(problem, 'limit')).toBe('a whole number written in decimal digits, like 8');

    const answer = await getJson('/api/search?q=integration&offset=16');
    expect(answer.offset).toBe(16);
  });
});

describe('GET /reports/{report}/search: the page keeps the API’s limits', () => {
  it('refuses 22 × “qzxvbnmk” with a 400 problem naming the word limit', async () => {
    const res = await call(`/reports/${REPORT}/search?q=${encodeURIComponent(QZX)}`);
    const problem = await expectProblem(res, 400);

    expect(problem.type).toBe('urn:report-edge:problem:invalid-parameter');
    expect(problem.detail).toContain('22 words: at most 16 words (MAX_QUERY_WORDS)');
    expect(problem.invalid_params).toEqual([{ name: 'q', reason: 'the query is too long: 22 words: at most 16 words (MAX_QUERY_WORDS)' }]);
  });

  it('tells a browser the same in an HTML page', async () => {
    const res = await call(`/reports/${REPORT}/search?q=${encodeURIComponent(FDFA)}`, { headers: { Accept: 'text/html' } });
    const html = await res.text();

    expect(res.status).toBe(400);
    expect(res.headers.get('Content-Type')).toMatch(/^text\/html/);
    expect(html).toContain('MAX_TERM_LENGTH');
  });

  it('caps the search box at the same 200 UTF-16 units', async () => {
    const res = await call(`/reports/${REPORT}`);
    const html = await res.text();

    expect(html).toMatch(/<input id="q" name="q" type="search"[^>]* maxlength="200"/);
  });
});

describe('GET /api/openapi.json: the limits are documented', () => {
  it('states the three query limits for /api/search and /api/suggest, and integers for limit and offset', async () => {
    const doc = await getJson('/api/openapi.json');

    for (const path of ['/api/search', '/api/suggest']) {
      const q = doc.paths[path].get.parameters.find((p: { name: string }) => p.name === 'q');
      expect(q.schema.maxLength).toBe(200);
      expect(q.description ?? q.schema.description).toContain('At most 200 UTF-16 code units, 16 words, 32 characters a word');
    }
    const search = doc.paths['/api/search'].get.parameters;
    for (const name of ['limit', 'offset']) expect(search.find((p: { name: string }) => p.name === name).schema.type).toBe('integer');
  });
});
