/**
 * LTI Dynamic Registration 1.0: the platform opens
 * `/lti/register?openid_configuration=…&registration_token=…`; the tool
 * fetches the platform's OpenID configuration (§3.4), checks it (§3.5.1:
 * its issuer must be the configuration URL's origin), posts its own
 * registration to the platform's `registration_endpoint` with the token
 * (§3.6), and keeps what it learns (issuer, client id, deployment id,
 * authorization endpoint, key set) in the `LTI_REGISTRATIONS` KV namespace.
 *
 * Anyone can open that URL, so what it keeps is pending: it cannot log in
 * until the deployment's administrator approves it by the signed link the
 * Worker prints in its log (`wrangler tail`, or the dashboard's logs). At
 * most MAX_PENDING_REGISTRATIONS wait at once, each for a week.
 */
import { jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';
import { echoed } from '../problem';
import { ltiPaths } from '../requests/paths';
import { PLATFORM_CONFIGURATION, SIGNING_ALGORITHM, TOOL_CONFIGURATION } from './claims';
import { MAX_LOGIN_PARAMETER, MAX_PENDING_REGISTRATIONS, MAX_URL_LENGTH, PENDING_REGISTRATION_SECONDS } from './limits';
import { fetchJson, PUBLIC_HOSTS_ONLY, unfetchable, type OutsideReach } from './outside-fetch';
import { isPlatformUrl, RegisteredPlatformSchema, registrationKey, type RegisteredPlatform } from './platforms';
import { refusal } from './refusal';
import { dynamicRegistrationRequest } from './tool-configuration';
import type { ToolKeys } from './tool-keys';

/** The one command that gives a deployment its KV namespace (wrangler ≥ 4.45 writes the binding into wrangler.toml). */
export const ENABLE_REGISTRATION_COMMAND = 'npx wrangler kv namespace create lti-registrations --binding LTI_REGISTRATIONS --update-config';

const PlatformUrl = z.string().refine(isPlatformUrl, { message: 'must be an https URL' });

/** The members of an OpenID configuration the tool needs (§3.4.1). */
const OpenIdConfiguration = z.looseObject({
  issuer: PlatformUrl,
  authorization_endpoint: PlatformUrl,
  registration_endpoint: PlatformUrl,
  jwks_uri: PlatformUrl,
  id_token_signing_alg_values_supported: z.array(z.string()).refine((algs) => algs.includes(SIGNING_ALGORITHM), { message: `must include ${SIGNING_ALGORITHM}` }),
  [PLATFORM_CONFIGURATION]: z.looseObject({ product_family_code: z.string().optional() }).optional(),
});

/** The members of the platform's answer the tool keeps (§3.6.2). */
const RegistrationAnswer = z.looseObject({
  client_id: z.string().min(1).max(255),
  [TOOL_CONFIGURATION]: z.looseObject({ deployment_id: z.string().min(1).max(255).optional() }).optional(),
});

const badConfiguration = (detail: string) => refusal(400, 'lti-bad-registration', 'The platform\'s registration cannot be used', `${detail} (LTI Dynamic Registration 1.0).`);

function issuesOf(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || 'the answer'} ${issue.message}`).slice(0, 5).join('; ');
}

/**
 * Registers the tool with the platform that opened `requestUrl` and stores
 * the registration; returns what was stored.
 * @example await registerWithPlatform(c.req.url, kv)
 */
export async function registerWithPlatform(requestUrl: string, kv: KVNamespace, reach: OutsideReach = PUBLIC_HOSTS_ONLY): Promise<RegisteredPlatform> {
  const params = new URL(requestUrl).searchParams;
  const waiting = (await kv.list({ prefix: PENDING_PREFIX, limit: MAX_PENDING_REGISTRATIONS + 1 })).keys.length;
  if (waiting >= MAX_PENDING_REGISTRATIONS) {
    throw refusal(429, 'lti-too-many-pending', 'Too many registrations wait for approval', `${MAX_PENDING_REGISTRATIONS} registrations already wait for this deployment's administrator to approve them; ask them to approve or clear those first.`);
  }
  const configurationUrl = params.get('openid_configuration') ?? '';
  const token = params.get('registration_token');
  const notFetched = unfetchable(configurationUrl, reach);
  if (notFetched) {
    throw badConfiguration(`openid_configuration must be the platform's public https URL (at most ${MAX_URL_LENGTH} characters); "${echoed(configurationUrl.slice(0, MAX_URL_LENGTH))}" is not fetched: ${notFetched}. Open this page from the platform's "register a tool" screen`);
  }
  if (token !== null && (token.length === 0 || token.length > MAX_LOGIN_PARAMETER)) throw badConfiguration(`registration_token must be 1 to ${MAX_LOGIN_PARAMETER} characters`);

  const configuration = OpenIdConfiguration.safeParse(await fetchJson(configurationUrl, {}, reach));
  if (!configuration.success) throw badConfiguration(`The OpenID configuration at ${configurationUrl} does not read: ${issuesOf(configuration.error)}`);
  const platform = configuration.data;
  // §3.5.1: the issuer must be the origin the configuration was fetched from.
  if (new URL(platform.issuer).origin !== new URL(configurationUrl).origin) {
    throw badConfiguration(`The configuration's issuer ${platform.issuer} is not on the origin it was fetched from (${new URL(configurationUrl).origin})`);
  }

  const answer = RegistrationAnswer.safeParse(
    await fetchJson(platform.registration_endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(dynamicRegistrationRequest(requestUrl)),
    }, reach),
  );
  if (!answer.success) throw badConfiguration(`The platform's answer to the registration does not read: ${issuesOf(answer.error)}`);

  const deploymentId = answer.data[TOOL_CONFIGURATION]?.deployment_id;
  const registered: RegisteredPlatform = {
    issuer: platform.issuer,
    clientId: answer.data.client_id,
    deploymentIds: deploymentId ? [deploymentId] : [],
    authLoginUrl: platform.authorization_endpoint,
    jwksUrl: platform.jwks_uri,
    registeredAt: new Date().toISOString(),
  };
  await kv.put(pendingKey(registered.issuer, registered.clientId), JSON.stringify(registered), { expirationTtl: PENDING_REGISTRATION_SECONDS });
  return registered;
}

/** Where a registration waits for approval: apart from the approved ones (`registrationKey`), which alone can log in. */
const PENDING_PREFIX = 'pending:';
export const pendingKey = (issuer: string, clientId: string) => `${PENDING_PREFIX}${issuer}\n${clientId}`;

/** Whether a registration of this issuer (and client, where given) waits for approval. */
export async function isPending(kv: KVNamespace | undefined, issuer: string, clientId?: string): Promise<boolean> {
  if (!kv) return false;
  if (clientId !== undefined) return (await kv.get(pendingKey(issuer, clientId))) !== null;
  return (await kv.list({ prefix: pendingKey(issuer, ''), limit: 1 })).keys.length > 0;
}

/** The audience of an approval link's token: only /lti/approve reads it. */
const APPROVAL_AUDIENCE = 'report-edge:lti-approve';

/**
 * The link that approves a pending registration: a token signed by the
 * tool's key, naming the platform, good for as long as the registration
 * waits. Printed in the Worker's log, which only the deployment's
 * administrators read.
 * @example await approvalLink(keys, 'https://tool.example.org/lti/register?…', registered)
 */
export async function approvalLink(keys: ToolKeys, requestUrl: string, registered: RegisteredPlatform): Promise<string> {
  const token = await new SignJWT({ iss_platform: registered.issuer, client_id: registered.clientId })
    .setProtectedHeader({ alg: SIGNING_ALGORITHM, kid: keys.signing.kid })
    .setAudience(APPROVAL_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${PENDING_REGISTRATION_SECONDS}s`)
    .sign(keys.signing.key);
  return `${new URL(requestUrl).origin}${ltiPaths.approve()}?${new URLSearchParams({ token })}`;
}

/** The platform an approval link names, checked: signed by this tool, not expired. */
export async function approvalOf(keys: ToolKeys, token: string | null | undefined): Promise<{ issuer: string; clientId: string }> {
  const refused = () => refusal(400, 'lti-bad-approval', 'This approval link does not work', 'The link is not one this tool printed, was altered, or is older than a week. Register the platform again to get a new one.');
  if (!token || token.length > MAX_LOGIN_PARAMETER) throw refused();
  try {
    const { payload } = await jwtVerify(token, keys.verify, { algorithms: [SIGNING_ALGORITHM], audience: APPROVAL_AUDIENCE });
    if (typeof payload.iss_platform !== 'string' || typeof payload.client_id !== 'string') throw refused();
    return { issuer: payload.iss_platform, clientId: payload.client_id };
  } catch {
    throw refused();
  }
}

/**
 * Approves a pending registration: it moves to where logins find it.
 * @returns the registration, or a refusal when none waits (approved already, or expired)
 */
export async function approveRegistration(kv: KVNamespace, platform: { issuer: string; clientId: string }): Promise<RegisteredPlatform> {
  const pending = RegisteredPlatformSchema.safeParse(await kv.get(pendingKey(platform.issuer, platform.clientId), 'json'));
  if (!pending.success) {
    const approved = await kv.get(registrationKey(platform.issuer, platform.clientId));
    throw refusal(
      404,
      'lti-no-pending-registration',
      approved ? 'Already approved' : 'No such registration waits',
      approved ? `${platform.issuer} (client ${platform.clientId}) is approved already.` : `No registration of ${platform.issuer} (client ${platform.clientId}) waits for approval: it expired after a week, or was never made.`,
    );
  }
  await kv.put(registrationKey(platform.issuer, platform.clientId), JSON.stringify(pending.data));
  await kv.delete(pendingKey(platform.issuer, platform.clientId));
  return pending.data;
}
