/**
 * The state and nonce of a login, bound to the browser that started it,
 * without any server storage (so any edge location can finish a login
 * another began): one short-lived cookie per login, named after its `state`,
 * holding a JWT the tool signed with its own key (RS256, via jose) that says
 * which platform the login is for and which nonce it sent.
 *
 * Security Framework §5.1.1.2 (state and nonce in the authentication
 * request), OpenID Connect Core §3.1.2.1 and §15.5.2 (nonce against replay).
 *
 * The cookie is `SameSite=None; Secure` (the launch is a cross-site form
 * post), `HttpOnly`, and `Partitioned` (CHIPS): inside the LMS's iframe,
 * with third-party cookies blocked, Chrome still keeps a cookie partitioned
 * by the LMS's site. Limits: a browser that keeps no cookie in a third-party
 * frame at all (Safari without CHIPS) cannot launch in a frame; the
 * platform must then open the tool in a new window.
 */
import { jwtVerify, SignJWT } from 'jose';
import { SIGNING_ALGORITHM } from './claims';
import { LOGIN_STATE_SECONDS } from './limits';
import type { ToolKeys } from './tool-keys';

/** What a login remembers until its launch. */
export interface LoginState {
  state: string;
  nonce: string;
  issuer: string;
  clientId: string;
}

/** The audience of a login-state token: only the launch reads it. */
const LOGIN_STATE_AUDIENCE = 'report-edge:lti-login-state';

/** `__Host-`: only this exact host, path `/`, Secure, never a Domain attribute (RFC 6265bis §4.1.3.2). */
const COOKIE_PREFIX = '__Host-lti-';

/**
 * 128 random bits, base64url: unguessable, and safe in a cookie name.
 * @example randomToken() // 'q2Pz…' (22 characters)
 */
export function randomToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A state as the tool makes them; anything else is not looked up. */
const STATE_PATTERN = /^[A-Za-z0-9_-]{22}$/;

/**
 * Whether `state` has the form of the tool's states (so it is safe in a cookie name).
 * @example isLoginState('not a state; Path=/') // false
 */
export function isLoginState(state: string): boolean {
  return STATE_PATTERN.test(state);
}

/**
 * The cookie of a login, by its state.
 * @example loginCookieName('q2Pz…') // '__Host-lti-q2Pz…'
 */
export function loginCookieName(state: string): string {
  return COOKIE_PREFIX + state;
}

/** The attributes of the login cookie, for setting it and for clearing it. */
export function loginCookieAttributes(maxAge: number): string {
  return `Path=/; Max-Age=${maxAge}; Secure; HttpOnly; SameSite=None; Partitioned`;
}

/**
 * Starts a login: a fresh state and nonce, and the cookie that binds them to this browser.
 * @example const { state, nonce, setCookie } = await startLogin(keys, 'https://canvas.instructure.com', '10000000000042')
 */
export async function startLogin(keys: ToolKeys, issuer: string, clientId: string): Promise<LoginState & { setCookie: string }> {
  const state = randomToken();
  const nonce = randomToken();
  const token = await new SignJWT({ state, nonce, platform: issuer, client_id: clientId })
    .setProtectedHeader({ alg: SIGNING_ALGORITHM, kid: keys.signing.kid })
    .setAudience(LOGIN_STATE_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${LOGIN_STATE_SECONDS}s`)
    .sign(keys.signing.key);
  return { state, nonce, issuer, clientId, setCookie: `${loginCookieName(state)}=${token}; ${loginCookieAttributes(LOGIN_STATE_SECONDS)}` };
}

/** Why a login state could not be read, for the refusal page. */
export type LoginStateResult = { ok: true; login: LoginState } | { ok: false; reason: string };

/**
 * The login this browser started with `state`, read from its cookie and
 * checked against the tool's keys; or why not.
 * @example await readLogin(keys, formState, getCookie(c, loginCookieName(formState)))
 */
export async function readLogin(keys: ToolKeys, state: string, cookie: string | undefined): Promise<LoginStateResult> {
  if (!isLoginState(state)) return { ok: false, reason: 'the "state" the platform sent back is not one this tool makes' };
  if (!cookie) {
    return {
      ok: false,
      reason: `this browser holds no login for that "state": the login was started in another browser or more than ${LOGIN_STATE_SECONDS / 60} minutes ago, the state was changed on the way, or the browser blocks the tool's cookie in this frame`,
    };
  }
  try {
    const { payload } = await jwtVerify(cookie, keys.verify, { algorithms: [SIGNING_ALGORITHM], audience: LOGIN_STATE_AUDIENCE });
    const { state: signed, nonce, platform, client_id } = payload as Record<string, unknown>;
    if (signed !== state) return { ok: false, reason: 'the "state" does not match the one this browser was given at login' };
    if (typeof nonce !== 'string' || typeof platform !== 'string' || typeof client_id !== 'string') return { ok: false, reason: 'the login cookie is incomplete' };
    return { ok: true, login: { state, nonce, issuer: platform, clientId: client_id } };
  } catch {
    return { ok: false, reason: `the login cookie has expired (a login lasts ${LOGIN_STATE_SECONDS / 60} minutes) or was not signed by this tool` };
  }
}

/** The Set-Cookie that removes a login's cookie once its launch has used it (the nonce is good once). */
export function clearLoginCookie(state: string): string {
  return `${loginCookieName(state)}=; ${loginCookieAttributes(0)}`;
}
