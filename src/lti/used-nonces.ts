/**
 * A nonce is good once (OpenID Connect Core §15.5.2, Security Framework
 * §5.1.3 step 7). The launch clears the browser's login cookie, which stops
 * the same browser reusing it; with the `LTI_REGISTRATIONS` KV namespace
 * bound, each nonce used is also remembered until its id_token would have
 * expired anyway, which stops a replay that carries the cookie too. KV is
 * eventually consistent: a replay at another edge location within about a
 * minute may still pass; without KV only the cookie guards.
 */
import { CLOCK_SKEW_SECONDS, KV_MIN_TTL_SECONDS } from './limits';
import { refusal } from './refusal';

const key = (issuer: string, nonce: string) => `nonce:${issuer}\n${nonce}`;

/**
 * Refuses a nonce already used, and remembers this one until `exp` (plus the skew).
 * @example await useNonceOnce(env.LTI_REGISTRATIONS, claims.iss, claims.nonce, claims.exp)
 */
export async function useNonceOnce(kv: KVNamespace | undefined, issuer: string, nonce: string, exp: number): Promise<void> {
  if (!kv) return;
  if ((await kv.get(key(issuer, nonce))) !== null) {
    throw refusal(401, 'lti-replayed-nonce', 'This launch was already used', 'Its nonce has been used by an earlier launch: an id_token is good once (OpenID Connect Core §15.5.2). Launch again from your course.');
  }
  const ttl = Math.max(KV_MIN_TTL_SECONDS, Math.ceil(exp - Date.now() / 1000) + CLOCK_SKEW_SECONDS);
  await kv.put(key(issuer, nonce), '1', { expirationTtl: ttl });
}
