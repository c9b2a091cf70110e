/**
 * LTI Dynamic Registration 1.0: the platform opens
 * `/lti/register?openid_configuration=…&registration_token=…`; the tool
 * fetches the platform's OpenID configuration (§3.4), checks it (§3.5.1:
 * its issuer must be the configuration URL's origin), posts its own
 * registration to the platform's `registration_endpoint` with the token
 * (§3.6), and keeps what it learns (issuer, client id, deployment id,
 * authorization endpoint, key set) in the `LTI_REGISTRATIONS` KV namespace.
 */
import { z } from 'zod';
import { echoed } from '../problem';
import { PLATFORM_CONFIGURATION, SIGNING_ALGORITHM, TOOL_CONFIGURATION } from './claims';
import { MAX_LOGIN_PARAMETER, MAX_URL_LENGTH } from './limits';
import { fetchJson, PUBLIC_HOSTS_ONLY, unfetchable, type OutsideReach } from './outside-fetch';
import { isPlatformUrl, registrationKey, type RegisteredPlatform } from './platforms';
import { refusal } from './refusal';
import { dynamicRegistrationRequest } from './tool-configuration';

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
  await kv.put(registrationKey(registered.issuer, registered.clientId), JSON.stringify(registered));
  return registered;
}
