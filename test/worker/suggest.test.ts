import { describe, expect, it } from 'vitest';
import { call, getJson, REPORT, REPORT_PATH } from './client';

interface SuggestAnswer {
  query: string;
  suggestions: Array<{ suggestion: string; score: number }>;
}

const suggest = (params: Record<string, string>) => getJson<SuggestAnswer>(`/api/suggest?${new URLSearchParams(params)}`);

/** Every word the report's sections write, lower-cased. */
async function wordsOfReport(): Promise<Set<string>> {
  const { sections } = await getJson(REPORT_PATH);
  const words = new Set<string>();
  for (const entry of sections) {
    const section = await getJson(`${REPORT_PATH}/sections/${entry.number}`);
    const text = [section.title ?? '', ...section.paragraphs].join(' ').toLowerCase();
    for (const word of text.split(/[^\p{L}\p{N}]+/u)) if (word) words.add(word);
  }
  return words;
}

describe('GET /api/suggest', () => {
  it('completes integ to integration and integrated', async () => {
    const answer = await suggest({ q: 'integ' });
    const words = answer.suggestions.map((s) => s.suggestion);

    expect(answer.query).toBe('integ');
    expect(words).toContain('integration');
    expect(words).toContain('integrated');
  });

  it('suggests words as written in the report, never stems such as “integr”', async () => {
    const answer = await suggest({ q: 'integ' });
    const written = await wordsOfReport();

    expect(answer.suggestions.length).toBeGreaterThan(0);
    for (const { suggestion, score } of answer.suggestions) {
      expect(suggestion).not.toBe('integr');
      expect(written).toContain(suggestion);
      expect(suggestion.startsWith('integ')).toBe(true);
      expect(score).toBeGreaterThan(0);
    }
  });

  it('ranks suggestions from the best score down', async () => {
    const { suggestions } = await suggest({ q: 'integ' });

    const scores = suggestions.map((s) => s.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('completes the last word of a longer query and keeps the words before it', async () => {
    const answer = await suggest({ q: 'integrated plan' });

    expect(answer.suggestions.map((s) => s.suggestion)).toContain('integrated planning');
    for (const { suggestion } of answer.suggestions) expect(suggestion.startsWith('integrated ')).toBe(true);
  });

  it('gives no more suggestions than the limit', async () => {
    const answer = await suggest({ q: 'in', limit: '2' });

    expect(answer.suggestions.length).toBeLessThanOrEqual(2);
  });

  it('gives the same completions when filtered to the one report', async () => {
    const all = await suggest({ q: 'integ' });
    const filtered = await suggest({ q: 'integ', report: REPORT });

    expect(filtered.suggestions).toEqual(all.suggestions);
  });

  it('answers nothing, without failing, for a query with no letters', async () => {
    const answer = await suggest({ q: '"' });

    expect(answer.suggestions).toEqual([]);
  });

  it('answers an unknown report with a 404 problem naming the reports served', async () => {
    const res = await call('/api/suggest?q=integ&report=nope');
    const body = await res.json<any>();

    expect(res.status).toBe(404);
    expect(res.headers.get('Content-Type')).toMatch(/^application\/problem\+json\b/);
    expect(body.type).toBe('urn:report-edge:problem:unknown-report');
    expect(body.detail).toContain(REPORT);
  });
});
