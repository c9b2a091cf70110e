/**
 * Errors as values, and the one function that turns them into RFC 9457
 * `application/problem+json` answers.
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** A problem a client can act on. `type` names the kind; `detail` says what to change. */
export interface Problem {
  status: ContentfulStatusCode;
  /** Short kind, e.g. "invalid-parameter"; becomes the `type` URN. */
  kind: string;
  title: string;
  detail: string;
  /** Per-parameter reasons, for validation failures. */
  invalidParams?: Array<{ name: string; reason: string }>;
  /** Extra members, e.g. the valid choices. */
  extra?: Record<string, unknown>;
  /** For a person: the page to go back to (the error page links it); not part of the JSON. */
  back?: { href: string; text: string };
}

/**
 * At most this many characters of what a client sent (a path, an id) are
 * echoed back in a problem or an error page: enough to recognise it, never a
 * 65 KB path copied into every answer.
 */
export const MAX_ECHOED_CHARACTERS = 200;

/**
 * What a client sent, clipped for an error message (code points, never half a pair).
 * @example echoed('x'.repeat(500)) // the first 200 x's, then '…'
 */
export function echoed(text: string): string {
  // A code point takes at most two UTF-16 units: this slice holds more than the limit whenever the text does.
  const points = Array.from(text.slice(0, MAX_ECHOED_CHARACTERS * 2 + 1));
  return points.length <= MAX_ECHOED_CHARACTERS ? points.join('') : `${points.slice(0, MAX_ECHOED_CHARACTERS).join('')}…`;
}

/** The problem+json body for a problem. */
export function problemBody(problem: Problem): Record<string, unknown> {
  return {
    type: `urn:report-edge:problem:${problem.kind}`,
    title: problem.title,
    status: problem.status,
    detail: problem.detail,
    ...(problem.invalidParams ? { invalid_params: problem.invalidParams } : {}),
    ...problem.extra,
  };
}

/** Answers with a problem as `application/problem+json`. */
export function respondWithProblem(c: Context, problem: Problem, headers: Record<string, string> = {}): Response {
  return c.body(JSON.stringify(problemBody(problem), null, 2), problem.status, {
    'Content-Type': 'application/problem+json; charset=utf-8',
    'Cache-Control': 'no-store',
    ...headers,
  });
}

/** Most report ids an unknown-report answer names: a library of thousands is listed by /api/reports, not in an error. */
const MAX_REPORTS_NAMED = 20;

/** 404 for a report id the library does not have. */
export function unknownReport(id: string, known: string[]): Problem {
  const named = known.slice(0, MAX_REPORTS_NAMED);
  const more = known.length > named.length ? ` and ${known.length - named.length} more (see /api/reports)` : '';
  return {
    status: 404,
    kind: 'unknown-report',
    title: 'No such report',
    detail: `There is no report "${echoed(id)}". Reports served here: ${named.join(', ')}${more}.`,
    extra: { reports: named, total: known.length },
  };
}

/**
 * Thrown by a handler to answer with a problem; the app's error handler turns
 * it into the response, so handlers read as "look up, or fail with this".
 */
export class ProblemError extends Error {
  constructor(readonly problem: Problem, readonly headers: Record<string, string> = {}) {
    super(problem.detail);
  }
}
