/**
 * How every LTI step says no: a `ProblemError` the LTI sub-app answers as an
 * error page (or problem+json for its machine endpoints), naming what was
 * wrong, never a 500.
 */
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ProblemError } from '../problem';

/**
 * @example throw refusal(401, 'lti-bad-signature', 'The launch is not signed by the platform', 'The id_token signature does not verify…')
 */
export function refusal(status: ContentfulStatusCode, kind: string, title: string, detail: string): ProblemError {
  return new ProblemError({ status, kind, title, detail });
}

/** The LTI tool is not set up on this deployment (no key, or a configuration that does not read). */
export function notConfigured(detail: string): ProblemError {
  return refusal(503, 'lti-not-configured', 'LTI is not set up on this deployment', detail);
}
