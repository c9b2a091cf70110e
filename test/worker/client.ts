/**
 * Calls the Worker the way a client would, inside workerd, and reads its
 * answers. Shared by the HTTP tests in this folder.
 */
import { exports } from 'cloudflare:workers';
import { expect } from 'vitest';

/** The origin the tests call; links in answers must be absolute on it. */
export const ORIGIN = 'http://example.com';
/** The one report the index holds. */
export const REPORT = 'driving-the-system-apart';
export const REPORT_PATH = `/api/reports/${REPORT}`;

/** Sends a request for `path` (or a full URL) to the Worker. */
export function call(path: string, init?: RequestInit): Promise<Response> {
  const url = /^https?:\/\//.test(path) ? path : ORIGIN + path;
  return exports.default.fetch(url, init);
}

/** GETs `path`, expects a 200 JSON answer and returns its body. */
export async function getJson<T = any>(path: string): Promise<T> {
  const res = await call(path);
  const text = await res.text();
  expect(res.status, `${path} answered ${res.status}: ${text}`).toBe(200);
  expect(res.headers.get('Content-Type')).toMatch(/^application\/json\b/);
  return JSON.parse(text) as T;
}

/** GETs a page as a browser asks for it, expects a 200 and returns its HTML. */
export async function getHtml(path: string): Promise<string> {
  const res = await call(path, { headers: { Accept: 'text/html' } });
  const body = await res.text();
  expect(res.status, `${path} answered ${res.status}: ${body.slice(0, 300)}`).toBe(200);
  return body;
}

/** An RFC 9457 problem as the API writes it. */
export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  invalid_params?: Array<{ name: string; reason: string }>;
  [extra: string]: unknown;
}

/**
 * Expects `res` to be an `application/problem+json` answer with this status and
 * the four members a client relies on; returns its body.
 */
export async function expectProblem(res: Response, status: number): Promise<ProblemBody> {
  const text = await res.text();
  expect(res.status, `expected ${status}, got ${res.status}: ${text}`).toBe(status);
  expect(res.headers.get('Content-Type')).toMatch(/^application\/problem\+json\b/);
  const body = JSON.parse(text) as ProblemBody;
  expect(body.type).toMatch(/^urn:report-edge:problem:[a-z-]+$/);
  expect(body.title).toEqual(expect.any(String));
  expect(body.title.length).toBeGreaterThan(0);
  expect(body.status).toBe(status);
  expect(body.detail).toEqual(expect.any(String));
  expect(body.detail.length).toBeGreaterThan(0);
  return body;
}

/** GETs `path` and expects a problem with this status; returns its body. */
export async function getProblem(path: string, status: number): Promise<ProblemBody> {
  return expectProblem(await call(path), status);
}

/** The search API's answer. */
export interface SearchAnswer {
  query: string;
  mode: 'all' | 'any';
  total: number;
  limit: number;
  offset: number;
  results: Array<{
    id: string;
    report: string;
    number: number;
    title: string | null;
    label: string;
    pages: { label: string; first: string; last: string; numbering: string } | null;
    score: number;
    terms: string[];
    related: Array<{ query: string; matched: string; relation: string }>;
    snippet: string;
    links: Record<string, string>;
  }>;
  suggestions: string[];
}

/** GETs /api/search with these parameters. */
export function search(params: Record<string, string>): Promise<SearchAnswer> {
  return getJson<SearchAnswer>(`/api/search?${new URLSearchParams(params)}`);
}

/** Section numbers of a search answer's results, in rank order. */
export function sectionNumbers(answer: SearchAnswer): number[] {
  return answer.results.map((result) => result.number);
}

/** The media types the report and section URLs offer by negotiation, as a 406 lists them (written out, not taken from the code). */
export const OFFERED_TYPES = [
  'application/json',
  'application/x-research-info-systems',
  'application/x-bibtex',
  'application/vnd.citationstyles.csl+json',
  'text/x-bibliography',
];

/** One JSON answer of each API route, for tests that check what every answer carries. */
export const API_GETS = [
  '/api/reports',
  REPORT_PATH,
  `${REPORT_PATH}/sections/7`,
  `${REPORT_PATH}/pages/ii`,
  '/api/search?q=counterfactual',
  '/api/suggest?q=integ',
  '/api/openapi.json',
];
