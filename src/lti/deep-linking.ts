/**
 * Deep Linking 2.0: the settings of an `LtiDeepLinkingRequest` (§4.4.1),
 * the picker's signed context that carries them through the instructor's
 * choice, and the `LtiDeepLinkingResponse` JWT the tool signs and the
 * browser posts back to the platform as the form field `JWT` (§4.5).
 */
import { jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';
import { CLAIMS, LTI_VERSION, MESSAGE_TYPES, SIGNING_ALGORITHM } from './claims';
import type { VerifiedLaunch } from './id-token';
import { DEEP_LINK_CONTEXT_SECONDS, DEEP_LINK_RESPONSE_SECONDS, MAX_DEEP_LINK_DATA } from './limits';
import { randomToken } from './login-state';
import { isPlatformUrl, platformOrigins } from './platforms';
import { refusal } from './refusal';
import type { ToolKeys } from './tool-keys';

/** What the picker must remember of the request to answer it. */
export interface DeepLinkContext {
  issuer: string;
  clientId: string;
  deploymentId: string;
  returnUrl: string;
  /** The platform's opaque `data`, echoed back as it came (§4.4.1). */
  data?: string;
  acceptMultiple: boolean;
}

/** The one content item type the tool makes (§3.1 "LTI Resource Link"): a link the platform launches back to us. */
export const CONTENT_ITEM_TYPE = 'ltiResourceLink';

/** A content item as the response carries it (§3.1). */
export interface ContentItem {
  type: typeof CONTENT_ITEM_TYPE;
  title: string;
  url: string;
  text?: string;
}

const Settings = z.looseObject({
  deep_link_return_url: z.string().refine(isPlatformUrl, { message: 'must be an https URL' }),
  accept_types: z.array(z.string()).refine((types) => types.includes(CONTENT_ITEM_TYPE), { message: `must include "${CONTENT_ITEM_TYPE}", the only kind of item this tool makes` }),
  accept_multiple: z.boolean().optional(),
  data: z.string().max(MAX_DEEP_LINK_DATA, { message: `must be at most ${MAX_DEEP_LINK_DATA} characters` }).optional(),
});

/**
 * The deep-linking context of a verified `LtiDeepLinkingRequest`, or a refusal naming the faulty setting.
 * @example const context = deepLinkContext(launch)
 */
export function deepLinkContext(launch: VerifiedLaunch): DeepLinkContext {
  const parsed = Settings.safeParse(launch.claims[CLAIMS.deepLinkingSettings]);
  if (!parsed.success) {
    const reasons = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'deep_linking_settings'} ${issue.message}`).join('; ');
    throw refusal(400, 'lti-bad-deep-linking-settings', 'The deep-linking request cannot be answered', `Its deep_linking_settings claim does not read: ${reasons} (Deep Linking 2.0 §4.4.1).`);
  }
  const settings = parsed.data;
  const origins = platformOrigins(launch.platform);
  if (!origins.includes(new URL(settings.deep_link_return_url).origin)) {
    throw refusal(
      400,
      'lti-bad-deep-linking-settings',
      'The deep-linking request cannot be answered',
      `Its deep_link_return_url is on ${new URL(settings.deep_link_return_url).origin}, which is not one of the platform's origins (${origins.join(', ')}): the tool posts a signed choice only back to the platform. A platform that takes it on another origin lists it in "returnOrigins" in LTI_PLATFORMS (Deep Linking 2.0 §4.4.1).`,
    );
  }
  return {
    issuer: launch.platform.issuer,
    clientId: launch.platform.clientId,
    deploymentId: launch.deploymentId,
    returnUrl: settings.deep_link_return_url,
    ...(settings.data !== undefined ? { data: settings.data } : {}),
    acceptMultiple: settings.accept_multiple ?? false,
  };
}

/** The audience of a picker context: only /lti/deep-link reads it. */
const CONTEXT_AUDIENCE = 'report-edge:lti-deep-link';

/**
 * Seals the context into the picker's form: signed by the tool, so it
 * cannot be altered, and short-lived.
 * @example <input type="hidden" name="context" value={await sealContext(keys, context)} />
 */
export async function sealContext(keys: ToolKeys, context: DeepLinkContext): Promise<string> {
  return new SignJWT({ ctx: context })
    .setProtectedHeader({ alg: SIGNING_ALGORITHM, kid: keys.signing.kid })
    .setAudience(CONTEXT_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${DEEP_LINK_CONTEXT_SECONDS}s`)
    .sign(keys.signing.key);
}

/**
 * The context the picker's form carried, checked; a refusal when it was
 * altered, expired or is missing.
 * @example const context = await openContext(keys, form.get('context'))
 */
export async function openContext(keys: ToolKeys, token: string | null): Promise<DeepLinkContext> {
  if (!token) throw refusal(400, 'lti-no-deep-link-context', 'Not a deep-linking choice', 'The form carries no deep-linking context; open the picker from your course through the platform.');
  try {
    const { payload } = await jwtVerify(token, keys.verify, { algorithms: [SIGNING_ALGORITHM], audience: CONTEXT_AUDIENCE });
    return payload.ctx as DeepLinkContext;
  } catch {
    throw refusal(
      400,
      'lti-bad-deep-link-context',
      'The picker has expired',
      `The picker's context is older than ${DEEP_LINK_CONTEXT_SECONDS / 60} minutes or was altered. Open the picker again from your course.`,
    );
  }
}

/**
 * The `LtiDeepLinkingResponse` (§4.5): iss our client id, aud the platform,
 * a fresh nonce, the deployment, the items, the request's `data` echoed;
 * signed RS256 with the tool's key, its `kid` in the header.
 * @example const jwt = await deepLinkingResponse(keys, context, [{ type: 'ltiResourceLink', title: 'Section 7', url: 'https://…/reports/r/sections/7' }])
 */
export async function deepLinkingResponse(keys: ToolKeys, context: DeepLinkContext, items: ContentItem[]): Promise<string> {
  return new SignJWT({
    nonce: randomToken(),
    [CLAIMS.messageType]: MESSAGE_TYPES.deepLinkingResponse,
    [CLAIMS.version]: LTI_VERSION,
    [CLAIMS.deploymentId]: context.deploymentId,
    [CLAIMS.contentItems]: items,
    ...(context.data !== undefined ? { [CLAIMS.data]: context.data } : {}),
  })
    .setProtectedHeader({ alg: SIGNING_ALGORITHM, kid: keys.signing.kid, typ: 'JWT' })
    .setIssuer(context.clientId)
    .setAudience(context.issuer)
    .setIssuedAt()
    .setExpirationTime(`${DEEP_LINK_RESPONSE_SECONDS}s`)
    .sign(keys.signing.key);
}
