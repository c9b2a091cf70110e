/**
 * Pages kept per isolate (`renderedPages`): the same bytes as a fresh render,
 * one entry per origin (links are absolute on it), per UTC day where
 * citations could carry an access date, and never more than the bound.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../src/app';
import { PAGE_CACHE_ENTRIES, utf8Bytes } from '../../src/isolate-cache';
import { renderedPages } from '../../src/pages/page-routes';
import { REPORT } from './client';

const app = createApp();
const get = (url: string, headers: Record<string, string> = {}) => app.request(url, { headers }, {});
const textOf = async (url: string) => {
  const res = await get(url);
  expect(res.status, url).toBe(200);
  return res.text();
};

const PAGES = ['/', `/reports/${REPORT}`, `/reports/${REPORT}/sections/7`, `/reports/${REPORT}/sections/1`, `/embed/${REPORT}`];

describe('pages kept per isolate', () => {
  beforeEach(() => renderedPages.clear());
  afterEach(() => {
    vi.useRealTimers();
    renderedPages.clear();
  });

  it('keeps the home page unfiltered only: a listing filtered by the client\'s own words is rendered, not kept', async () => {
    expect(await textOf('https://a.example/?author=someone')).toContain('No reports match the filters');
    expect(await textOf('https://a.example/?publisher=x&year=1999')).toContain('No reports match the filters');
    expect(renderedPages.size).toBe(0);
  });

  it.each(PAGES)('answers %s from the cache with the bytes a fresh render gives', async (path) => {
    const rendered = await textOf(`https://a.example${path}`);
    expect(renderedPages.size).toBe(1);

    const kept = await textOf(`https://a.example${path}`);
    renderedPages.clear();
    const renderedAgain = await textOf(`https://a.example${path}`);

    expect(kept).toBe(rendered);
    expect(renderedAgain).toBe(rendered);
    expect(rendered).toMatch(/^<!DOCTYPE html>/);
  });

  it('serves what it kept: a second request renders nothing', async () => {
    await textOf(`https://a.example/reports/${REPORT}`);
    // Replace the kept page: had the route rendered again, this marker would be gone.
    const [key] = renderedPages.keys();
    renderedPages.set(key, utf8Bytes('<!DOCTYPE html><p>kept</p>'));

    expect(await textOf(`https://a.example/reports/${REPORT}`)).toBe('<!DOCTYPE html><p>kept</p>');
    expect(renderedPages.size).toBe(1);
  });

  it('keeps a page per origin: links on one origin never reach a request to another', async () => {
    const a = await textOf(`https://a.example/reports/${REPORT}`);
    const b = await textOf(`http://b.example:8787/reports/${REPORT}`);

    expect(renderedPages.size).toBe(2);
    expect(a).toContain(`<link rel="canonical" href="https://a.example/reports/${REPORT}"`);
    expect(b).toContain(`<link rel="canonical" href="http://b.example:8787/reports/${REPORT}"`);
    expect(a).not.toContain('b.example');
    expect(b).not.toContain('a.example');
    expect(await textOf(`https://a.example/reports/${REPORT}`)).toBe(a);
  });

  it('shares one entry among query-string variants of a page, which render the same', async () => {
    const plain = await textOf(`https://a.example/reports/${REPORT}`);
    for (let i = 0; i < 10; i++) expect(await textOf(`https://a.example/reports/${REPORT}?x=${i}`)).toBe(plain);

    expect(renderedPages.size).toBe(1);
  });

  it('renders a page again on the next UTC day, when an access date would change', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-04-01T23:59:00Z'));
    const before = await textOf(`https://a.example/reports/${REPORT}/sections/7`);
    vi.setSystemTime(new Date('2026-04-02T00:01:00Z'));
    const after = await textOf(`https://a.example/reports/${REPORT}/sections/7`);

    expect(renderedPages.size).toBe(2);
    expect(after).toBe(before);
  });

  it('never keeps a highlighted section page: each query would take an entry', async () => {
    const page = await textOf(`https://a.example/reports/${REPORT}/sections/7?highlight=counterfactual`);

    expect(page).toContain('<mark>');
    expect(renderedPages.size).toBe(0);
  });

  it(`holds at most ${PAGE_CACHE_ENTRIES} pages, however many Host headers a client sends`, async () => {
    for (let i = 0; i < PAGE_CACHE_ENTRIES + 20; i++) await textOf(`https://host-${i}.example/embed/${REPORT}`);

    expect(renderedPages.size).toBe(PAGE_CACHE_ENTRIES);
    // The latest origins are kept, the earliest forgotten.
    const latest = await get(`https://host-${PAGE_CACHE_ENTRIES + 19}.example/embed/${REPORT}`);
    expect(await latest.text()).toContain(`https://host-${PAGE_CACHE_ENTRIES + 19}.example`);
    expect(renderedPages.size).toBe(PAGE_CACHE_ENTRIES);
  });
});
