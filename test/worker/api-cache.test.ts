/**
 * API answers kept per isolate (`apiAnswers`): the list of reports and a
 * report with its contents, the same bytes and headers as made afresh, one
 * entry per origin, never more than the bound.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { apiAnswers } from '../../src/api/reports-routes';
import { createApp } from '../../src/app';
import { API_CACHE_ENTRIES } from '../../src/isolate-cache';
import { REPORT_PATH } from './client';

const app = createApp();
const get = (url: string, headers: Record<string, string> = {}) => app.request(url, { headers }, {});
async function answer(url: string, headers: Record<string, string> = {}) {
  const res = await get(url, headers);
  return { status: res.status, headers: [...res.headers].sort(), body: await res.text() };
}

describe('API answers kept per isolate', () => {
  beforeEach(() => apiAnswers.clear());

  it.each(['/api/reports', REPORT_PATH])('answers %s from the cache with the same status, headers and bytes as made afresh', async (path) => {
    const made = await answer(`https://a.example${path}`);
    expect(apiAnswers.size).toBe(1);
    const kept = await answer(`https://a.example${path}`);
    apiAnswers.clear();
    const madeAgain = await answer(`https://a.example${path}`);

    expect(made.status).toBe(200);
    expect(kept).toEqual(made);
    expect(madeAgain).toEqual(made);
    expect(made.headers).toContainEqual(['content-type', 'application/json']);
  });

  it('keeps an answer per origin: links on one origin never reach a request to another', async () => {
    const a = JSON.parse((await answer(`https://a.example${REPORT_PATH}`)).body);
    const b = JSON.parse((await answer(`http://b.example:8787${REPORT_PATH}`)).body);

    expect(apiAnswers.size).toBe(2);
    expect(a.links.self).toBe(`https://a.example${REPORT_PATH}`);
    expect(b.links.self).toBe(`http://b.example:8787${REPORT_PATH}`);
    expect(JSON.stringify(a)).not.toContain('b.example');
    expect(JSON.stringify(b)).not.toContain('a.example');
  });

  it('keeps only JSON: a citation chosen by Accept is not stored, and does not replace the JSON', async () => {
    const json = await answer(`https://a.example${REPORT_PATH}`);
    const bibtex = await answer(`https://a.example${REPORT_PATH}`, { Accept: 'application/x-bibtex' });

    expect(bibtex.body).toMatch(/^@techreport\{/);
    expect(apiAnswers.size).toBe(1);
    expect(await answer(`https://a.example${REPORT_PATH}`)).toEqual(json);
  });

  it('keeps the list of reports unfiltered only: a filter of the client\'s own words is answered, not kept', async () => {
    await answer('https://a.example/api/reports?author=someone');
    await answer('https://a.example/api/reports?publisher=Anyone&year=2013');
    expect(apiAnswers.size).toBe(0);

    await answer('https://a.example/api/reports?sort=title');
    expect(apiAnswers.size).toBe(1);
  });

  it(`holds at most ${API_CACHE_ENTRIES} answers, however many Host headers a client sends`, async () => {
    for (let i = 0; i < API_CACHE_ENTRIES + 20; i++) await answer(`https://host-${i}.example/api/reports`);

    expect(apiAnswers.size).toBe(API_CACHE_ENTRIES);
  });
});
