/**
 * A launch, from the form the platform posted to what it asks for: the
 * platform's own error answer, the login this browser started (its state
 * cookie), the platform, the id_token (./id-token.ts), the nonce used once;
 * then, for a resource link, the page of this deployment it opens.
 * Security Framework 1.0 §5.1.1.3 and §5.1.3, LTI Core 1.3 §5.3.
 */
import { echoed } from '../problem';
import { CLAIMS } from './claims';
import { verifyIdToken, type VerifiedLaunch } from './id-token';
import { outsideReach } from './outside-fetch';
import { loginCookieName, readLogin } from './login-state';
import { findPlatforms, type LtiBindings } from './platforms';
import { refusal } from './refusal';
import { linkTarget } from './targets';
import type { ToolKeys } from './tool-keys';
import { useNonceOnce } from './used-nonces';

/**
 * The verified launch of a posted form, for the browser whose cookies
 * `cookie` reads; a refusal naming the first thing wrong.
 * @example const launch = await acceptLaunch(c.env, keys, form, (name) => getCookie(c, name))
 */
export async function acceptLaunch(env: LtiBindings, keys: ToolKeys, form: URLSearchParams, cookie: (name: string) => string | undefined): Promise<VerifiedLaunch> {
  const platformError = form.get('error');
  if (platformError) {
    throw refusal(400, 'lti-platform-refused-login', 'The platform refused the login', `It answered "${echoed(platformError)}": ${echoed(form.get('error_description') ?? 'no description')} (OpenID Connect Core §3.1.2.6).`);
  }
  const idToken = form.get('id_token');
  if (!idToken) throw refusal(400, 'lti-bad-launch', 'The launch carries no id_token', 'The platform posted no id_token (Security Framework §5.1.1.3).');
  const state = form.get('state') ?? '';
  const read = await readLogin(keys, state, cookie(loginCookieName(state)));
  if (!read.ok) {
    throw refusal(401, 'lti-bad-state', 'This launch does not match a login from this browser', `The launch cannot be tied to this browser: ${read.reason}. Launch again from your course (Security Framework §5.1.1.2, state).`);
  }
  const { login } = read;
  const [platform] = await findPlatforms(env, login.issuer, login.clientId);
  if (!platform) throw refusal(400, 'lti-unknown-platform', 'This platform is no longer registered', `${login.issuer} (client ${login.clientId}) was removed since the login began.`);
  const launch = await verifyIdToken(idToken, login, platform, outsideReach(env));
  await useNonceOnce(env, platform.issuer, login.nonce, launch.claims.exp!);
  return launch;
}

/**
 * The page a resource-link launch opens: its link named (LTI Core §5.3.5)
 * and its `target_link_uri` a page of this deployment (§5.3.4, ./targets.ts).
 * @example resourceLinkTarget(launch, 'https://reports.example.org').pathname // '/reports/r/sections/7'
 */
export function resourceLinkTarget(launch: VerifiedLaunch, origin: string): URL {
  const resourceLink = launch.claims[CLAIMS.resourceLink] as { id?: unknown } | undefined;
  if (typeof resourceLink?.id !== 'string') throw refusal(400, 'lti-bad-launch', 'The launch names no resource link', 'Its resource_link claim has no id (LTI Core 1.3 §5.3.5).');
  const target = linkTarget(launch.claims[CLAIMS.targetLinkUri], origin);
  if (!target.ok) throw refusal(403, 'lti-bad-target', 'This link does not point to this site', `The launch cannot be shown: ${target.reason} (LTI Core 1.3 §5.3.4).`);
  return target.url;
}
