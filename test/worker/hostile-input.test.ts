/**
 * Requests an attacker would send, each with the answer it gets now (issue 9).
 */
import { describe, expect, it } from 'vitest';
import { call, expectProblem, REPORT_PATH } from './client';

const OFFERED = [
  'application/json',
  'application/x-research-info-systems',
  'application/x-bibtex',
  'application/vnd.citationstyles.csl+json',
  'text/x-bibliography',
];

describe('Accept headers naming Object.prototype members', () => {
  it.each([
    ['constructor', REPORT_PATH],
    ['__proto__', REPORT_PATH],
    ['constructor', `${REPORT_PATH}/sections/5`],
    ['__proto__', `${REPORT_PATH}/sections/5`],
    ['toString, hasOwnProperty;q=0.5', REPORT_PATH],
  ])('answers Accept: %s on %s with a 406 naming the types offered', async (accept, path) => {
    const res = await call(path, { headers: { Accept: accept } });
    const problem = await expectProblem(res, 406);

    expect(problem.type).toBe('urn:report-edge:problem:not-acceptable');
    expect(problem.offered).toEqual(OFFERED);
    expect(problem.detail).toContain('application/x-bibtex');
    expect(res.headers.get('Vary')).toMatch(/\bAccept\b/);
  });
});
