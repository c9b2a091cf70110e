/**
 * A learning platform simulated inside the test, for the LTI tool's tests:
 * its own RSA key pair (made with jose when a test file starts, never
 * committed), registered in `LTI_PLATFORMS` with its inline JWKS; a tool key
 * made the same way; and the steps a platform and a browser take (login,
 * signing the id_token, posting the launch), calling the Worker's own fetch
 * handler with those bindings.
 */
import { createExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { exportJWK, generateKeyPair, SignJWT, type JWTPayload, type JWK } from 'jose';
import { expect } from 'vitest';
import worker from '../../src/index';

export const ORIGIN = 'http://example.com';
export const REPORT = 'driving-the-system-apart';

/** LTI claim names, written out here as the specs spell them (not imported from the code under test). */
export const CLAIM = {
  messageType: 'https://purl.imsglobal.org/spec/lti/claim/message_type',
  version: 'https://purl.imsglobal.org/spec/lti/claim/version',
  deploymentId: 'https://purl.imsglobal.org/spec/lti/claim/deployment_id',
  targetLinkUri: 'https://purl.imsglobal.org/spec/lti/claim/target_link_uri',
  resourceLink: 'https://purl.imsglobal.org/spec/lti/claim/resource_link',
  roles: 'https://purl.imsglobal.org/spec/lti/claim/roles',
  deepLinkingSettings: 'https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings',
  contentItems: 'https://purl.imsglobal.org/spec/lti-dl/claim/content_items',
  data: 'https://purl.imsglobal.org/spec/lti-dl/claim/data',
};

export interface SimulatedPlatform {
  issuer: string;
  clientId: string;
  deploymentId: string;
  authLoginUrl: string;
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

/** A private JWK for the tool, as `npm run lti:key` makes one. */
export async function makeToolKey(kid = 'tool-key-1'): Promise<JWK> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  return { ...(await exportJWK(privateKey)), kid, alg: 'RS256' };
}

/** A platform with a fresh key pair. */
export async function makePlatform(overrides: Partial<SimulatedPlatform> = {}): Promise<SimulatedPlatform> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = overrides.kid ?? 'platform-key-1';
  return {
    issuer: 'https://lms.example.edu',
    clientId: 'client-42',
    deploymentId: 'deployment-1',
    authLoginUrl: 'https://lms.example.edu/auth',
    kid,
    privateKey,
    publicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' },
    ...overrides,
  };
}

/** The `LTI_PLATFORMS` entry of a simulated platform, with its JWKS inline. */
export function platformEntry(platform: SimulatedPlatform) {
  return {
    issuer: platform.issuer,
    clientId: platform.clientId,
    deploymentIds: [platform.deploymentId],
    authLoginUrl: platform.authLoginUrl,
    jwks: { keys: [platform.publicJwk] },
  };
}

/** The Worker's bindings (ASSETS, the test KV) plus the LTI ones. */
export function ltiEnv(bindings: { LTI_PRIVATE_KEY?: string; LTI_PLATFORMS?: string; withoutKv?: boolean }): Record<string, unknown> {
  const all: Record<string, unknown> = { ...(env as unknown as Record<string, unknown>), ...bindings };
  delete all.withoutKv;
  if (bindings.withoutKv) delete all.LTI_REGISTRATIONS;
  return all;
}

/** Calls the Worker's fetch handler with these bindings. */
export function callWith(bindings: Record<string, unknown>, path: string, init?: RequestInit): Promise<Response> {
  const url = /^https?:\/\//.test(path) ? path : ORIGIN + path;
  return Promise.resolve(worker.fetch(new Request(url, init), bindings as never, createExecutionContext()));
}

/** A browser form post. */
export function formPost(fields: Record<string, string>, cookie?: string): RequestInit {
  return {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'text/html', ...(cookie ? { Cookie: cookie } : {}) },
    body: new URLSearchParams(fields).toString(),
  };
}

/** What a login initiation gave the browser: where it is sent, and the cookie it holds. */
export interface StartedLogin {
  location: URL;
  state: string;
  nonce: string;
  /** `name=value`, as the browser sends it back. */
  cookie: string;
  setCookie: string;
}

/** The platform's login initiation (GET), and what the tool answered. */
export async function startLogin(bindings: Record<string, unknown>, platform: SimulatedPlatform, extra: Record<string, string> = {}): Promise<StartedLogin> {
  const params = new URLSearchParams({ iss: platform.issuer, login_hint: 'user-7', client_id: platform.clientId, lti_message_hint: 'hint-99', ...extra });
  const res = await callWith(bindings, `/lti/login?${params}`, { headers: { Accept: 'text/html' } });
  const body = await res.text();
  expect(res.status, body.slice(0, 500)).toBe(302);
  const location = new URL(res.headers.get('Location')!);
  const setCookie = res.headers.get('Set-Cookie')!;
  return { location, state: location.searchParams.get('state')!, nonce: location.searchParams.get('nonce')!, cookie: setCookie.split(';')[0], setCookie };
}

/** The claims of a resource-link launch to `target`, for the login's nonce. */
export function launchClaims(platform: SimulatedPlatform, nonce: string, target = `${ORIGIN}/reports/${REPORT}`): JWTPayload & Record<string, unknown> {
  return {
    nonce,
    sub: 'user-7',
    [CLAIM.messageType]: 'LtiResourceLinkRequest',
    [CLAIM.version]: '1.3.0',
    [CLAIM.deploymentId]: platform.deploymentId,
    [CLAIM.targetLinkUri]: target,
    [CLAIM.resourceLink]: { id: 'link-1' },
    [CLAIM.roles]: ['http://purl.imsglobal.org/vocab/lis/v2/membership#Learner'],
  };
}

/** The claims of a deep-linking request, for the login's nonce. */
export function deepLinkingClaims(platform: SimulatedPlatform, nonce: string, settings: Record<string, unknown> = {}): JWTPayload & Record<string, unknown> {
  return {
    nonce,
    sub: 'teacher-3',
    [CLAIM.messageType]: 'LtiDeepLinkingRequest',
    [CLAIM.version]: '1.3.0',
    [CLAIM.deploymentId]: platform.deploymentId,
    [CLAIM.targetLinkUri]: `${ORIGIN}/lti/launch`,
    [CLAIM.roles]: ['http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor'],
    [CLAIM.deepLinkingSettings]: {
      deep_link_return_url: 'https://lms.example.edu/deep-link-return?course=5',
      accept_types: ['ltiResourceLink', 'link'],
      accept_presentation_document_targets: ['iframe', 'window'],
      accept_multiple: false,
      data: 'opaque-platform-data-123',
      ...settings,
    },
  };
}

/** The platform signs an id_token: RS256 with its key, iss/aud/iat/exp as a platform sets them unless overridden. */
export async function signIdToken(
  platform: SimulatedPlatform,
  claims: JWTPayload & Record<string, unknown>,
  options: { key?: CryptoKey; kid?: string; iat?: number; exp?: number; iss?: string; aud?: string | string[] } = {},
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', kid: options.kid ?? platform.kid, typ: 'JWT' })
    .setIssuer(options.iss ?? platform.issuer)
    .setAudience(options.aud ?? platform.clientId)
    .setIssuedAt(options.iat ?? now)
    .setExpirationTime(options.exp ?? now + 3600)
    .sign(options.key ?? platform.privateKey);
}

/** The browser posts the id_token and state to /lti/launch with its cookie. */
export function postLaunch(bindings: Record<string, unknown>, idToken: string, state: string, cookie: string | undefined): Promise<Response> {
  return callWith(bindings, '/lti/launch', formPost({ id_token: idToken, state }, cookie));
}

/**
 * Expects an LTI refusal: this status, an HTML page (the site's layout) whose
 * text says `words`. Pass `{ res, html }` when the body was read already.
 */
export async function expectRefusal(answer: Response | { res: Response; html: string }, status: number, words: RegExp): Promise<string> {
  const res = answer instanceof Response ? answer : answer.res;
  const body = answer instanceof Response ? await res.text() : answer.html;
  expect(res.status, body.slice(0, 800)).toBe(status);
  expect(res.headers.get('Content-Type')).toMatch(/^text\/html/);
  expect(body).toMatch(/<main id="main"/);
  expect(body).not.toMatch(/at .*\.(ts|js):\d+/);
  const text = body.replace(/<[^>]+>/g, ' ').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
  expect(text).toMatch(words);
  return text;
}
