/**
 * Verifying the id_token a platform posts to /lti/launch (Security
 * Framework 1.0 §5.1.3 "Authentication response validation", LTI Core 1.3
 * §5.3 "Required message claims"), on jose: RS256 only; the signature
 * against the platform's key set (fetched and cached, or inline); `iss`,
 * `aud` and `azp`; `exp` and `iat` with a small skew; the nonce this browser
 * was given; the deployment, version and message type. Each failure is a
 * refusal naming what was wrong.
 */
import { createLocalJWKSet, createRemoteJWKSet, customFetch, decodeJwt, decodeProtectedHeader, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { CLAIMS, LTI_VERSION, MESSAGE_TYPES, SIGNING_ALGORITHM } from './claims';
import { CLOCK_SKEW_SECONDS, JWKS_CACHE_MS, MAX_ID_TOKEN_AGE_SECONDS, MAX_REMOTE_KEY_SETS, OUTSIDE_FETCH_TIMEOUT_MS } from './limits';
import type { LoginState } from './login-state';
import { boundedFetch, PUBLIC_HOSTS_ONLY, type OutsideReach } from './outside-fetch';
import type { Platform } from './platforms';
import { refusal } from './refusal';
import { echoed } from '../problem';

/** A launch that passed every check. */
export interface VerifiedLaunch {
  platform: Platform;
  claims: JWTPayload & Record<string, unknown>;
  messageType: typeof MESSAGE_TYPES.resourceLink | typeof MESSAGE_TYPES.deepLinkingRequest;
  deploymentId: string;
}

const remoteKeySets = new Map<string, JWTVerifyGetKey>();

/**
 * The platform's key set: its inline JWKS, or its JWKS URL through jose's
 * remote set (cached `JWKS_CACHE_MS`, refetched sooner for an unknown kid),
 * kept per isolate.
 */
export function platformKeys(platform: Platform, reach: OutsideReach = PUBLIC_HOSTS_ONLY): JWTVerifyGetKey {
  if (platform.jwks) return createLocalJWKSet(platform.jwks);
  const url = platform.jwksUrl!;
  let keys = remoteKeySets.get(url);
  if (!keys) {
    if (remoteKeySets.size >= MAX_REMOTE_KEY_SETS) remoteKeySets.delete(remoteKeySets.keys().next().value!);
    const fetchKeys = (input: string | URL, init: RequestInit) => boundedFetch(input, init, reach);
    keys = createRemoteJWKSet(new URL(url), { timeoutDuration: OUTSIDE_FETCH_TIMEOUT_MS, cacheMaxAge: JWKS_CACHE_MS, [customFetch]: fetchKeys });
    remoteKeySets.set(url, keys);
  }
  return keys;
}

/** 401: the token is not what the platform should have sent. */
const refused = (title: string, detail: string) => refusal(401, 'lti-invalid-id-token', title, `${detail} (1EdTech Security Framework 1.0 §5.1.3).`);

/** Reads the header and claims without trusting them, only to say what is wrong. */
function unverified(idToken: string): { alg: unknown; kid: unknown; claims: JWTPayload } {
  try {
    const header = decodeProtectedHeader(idToken);
    return { alg: header.alg, kid: header.kid, claims: decodeJwt(idToken) };
  } catch {
    throw refused('The id_token is not a JWT', 'The launch\'s id_token does not read as a signed JWT (three base64url parts, a JSON header and claims)');
  }
}

/** The refusal for an error jose threw while verifying. */
function whyNotVerified(error: unknown, claims: JWTPayload, kid: unknown, platform: Platform): Error {
  const shown = (value: unknown) => echoed(JSON.stringify(value) ?? 'nothing');
  if (error instanceof errors.JWTExpired) {
    return error.claim === 'iat'
      ? refused('The id_token is too old', `The id_token was issued (iat ${shown(claims.iat)}) more than ${MAX_ID_TOKEN_AGE_SECONDS / 60} minutes ago`)
      : refused('The id_token has expired', `The id_token expired (exp ${shown(claims.exp)}) before it arrived, beyond ${CLOCK_SKEW_SECONDS} s of clock skew`);
  }
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'iss') return refused('The id_token is from another issuer', `Its iss is ${shown(claims.iss)}; the login was for ${platform.issuer}`);
    if (error.claim === 'aud') return refused('The id_token is for another tool', `Its aud is ${shown(claims.aud)}; this tool's client id at ${platform.issuer} is ${platform.clientId}`);
    if (error.claim === 'iat') return refused('The id_token is issued in the future', `Its iat ${shown(claims.iat)} is later than now, beyond ${CLOCK_SKEW_SECONDS} s of clock skew`);
    return refused(`The id_token's ${error.claim} claim is wrong`, `Its ${error.claim} claim fails: ${error.reason} (${error.message})`);
  }
  if (error instanceof errors.JWKSNoMatchingKey) {
    return refused('The id_token is signed with an unknown key', `No key of ${platform.issuer}'s key set has kid ${shown(kid)}`);
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) {
    return refused('The id_token signature does not verify', `Its signature does not verify against ${platform.issuer}'s key ${shown(kid)}: it was changed or signed by someone else`);
  }
  if (error instanceof errors.JWKSTimeout) {
    return refusal(502, 'lti-platform-unreachable', 'The platform\'s keys could not be fetched', `${platform.jwksUrl} did not answer within ${OUTSIDE_FETCH_TIMEOUT_MS / 1000} s.`);
  }
  if (error instanceof errors.JOSEError) return refused('The id_token does not verify', `${error.code}: ${error.message}`);
  return error instanceof Error ? error : new Error(String(error));
}

/**
 * Verifies a launch's id_token for the login this browser started; returns
 * its claims, or throws a refusal saying what was wrong.
 * @example const launch = await verifyIdToken(form.id_token, login, platform)
 */
export async function verifyIdToken(idToken: string, login: LoginState, platform: Platform, reach: OutsideReach = PUBLIC_HOSTS_ONLY): Promise<VerifiedLaunch> {
  const { alg, kid, claims: unchecked } = unverified(idToken);
  if (alg !== SIGNING_ALGORITHM) {
    throw refused('The id_token is not signed with RS256', `Its header says alg ${echoed(JSON.stringify(alg) ?? 'nothing')}; LTI 1.3 accepts RS256 only (§6.1), never a shared secret (HS256) or no signature ("none")`);
  }
  let claims: JWTPayload & Record<string, unknown>;
  try {
    ({ payload: claims } = await jwtVerify(idToken, platformKeys(platform, reach), {
      algorithms: [SIGNING_ALGORITHM],
      issuer: platform.issuer,
      audience: platform.clientId,
      clockTolerance: CLOCK_SKEW_SECONDS,
      // jose allows maxTokenAge plus the clock tolerance: the oldest token is MAX_ID_TOKEN_AGE_SECONDS old, skew included.
      maxTokenAge: MAX_ID_TOKEN_AGE_SECONDS - CLOCK_SKEW_SECONDS,
      requiredClaims: ['exp', 'iat'],
    }));
  } catch (error) {
    throw whyNotVerified(error, unchecked, kid, platform);
  }
  // OpenID Connect Core §3.1.3.7 steps 4–5, Security Framework §5.1.3 step 4: with several audiences, azp names us.
  const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if ((audiences.length > 1 || claims.azp !== undefined) && claims.azp !== platform.clientId) {
    throw refused('The id_token is authorized for another party', `It has ${audiences.length} audiences and azp ${echoed(JSON.stringify(claims.azp) ?? 'nothing')}; azp must be this tool's client id ${platform.clientId}`);
  }
  if (typeof claims.nonce !== 'string') throw refused('The id_token has no nonce', 'It carries no nonce, so it cannot be tied to this browser\'s login');
  if (claims.nonce !== login.nonce) throw refused('The id_token\'s nonce does not match', 'Its nonce is not the one this browser\'s login sent: it belongs to another login, or is replayed');
  const deploymentId = claims[CLAIMS.deploymentId];
  if (typeof deploymentId !== 'string' || !platform.deploymentIds.includes(deploymentId)) {
    throw refusal(
      403,
      'lti-unknown-deployment',
      'This deployment of the tool is not registered',
      `The launch comes from deployment ${echoed(JSON.stringify(deploymentId) ?? 'nothing')} of ${platform.issuer}; registered: ${platform.deploymentIds.join(', ') || 'none yet'}. Add it to "deploymentIds" in LTI_PLATFORMS (LTI Core 1.3 §5.3.3).`,
    );
  }
  if (claims[CLAIMS.version] !== LTI_VERSION) {
    throw refusal(400, 'lti-wrong-version', 'Not an LTI 1.3 launch', `Its version claim is ${echoed(JSON.stringify(claims[CLAIMS.version]) ?? 'missing')}; this tool speaks LTI ${LTI_VERSION} (LTI Core 1.3 §5.3.2).`);
  }
  const messageType = claims[CLAIMS.messageType];
  if (messageType !== MESSAGE_TYPES.resourceLink && messageType !== MESSAGE_TYPES.deepLinkingRequest) {
    throw refusal(
      400,
      'lti-wrong-message-type',
      'This tool does not handle that kind of message',
      `The message type is ${echoed(JSON.stringify(messageType) ?? 'missing')}; this tool handles ${MESSAGE_TYPES.resourceLink} and ${MESSAGE_TYPES.deepLinkingRequest} (LTI Core 1.3 §5.3.1).`,
    );
  }
  return { platform, claims, messageType, deploymentId };
}
