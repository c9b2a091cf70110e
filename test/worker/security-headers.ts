/**
 * The security headers each kind of answer must carry, as the tests check
 * them (`../generated-requests/security-profiles.ts`).
 */
import { expect } from 'vitest';
import type { HeaderProfile } from '../../src/security-headers';
import { BY_PROFILE, EVERY_ANSWER } from '../generated-requests/security-profiles';

export { expectedProfile, securityHeaderFaults } from '../generated-requests/security-profiles';

/** Expects `res` to carry exactly the security headers of `profile`. */
export function expectSecurityHeaders(res: Response, profile: HeaderProfile, context = ''): void {
  const wanted = { ...EVERY_ANSWER, ...BY_PROFILE[profile] };
  const got = Object.fromEntries(Object.keys(wanted).map((name) => [name, res.headers.get(name)]));
  expect(got, `${context} (${res.status}, profile ${profile})`).toEqual(wanted);
}
