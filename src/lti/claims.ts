/**
 * The names LTI messages use, written once: claim URIs (LTI Core 1.3 §5,
 * Deep Linking 2.0 §4), message types, and the version.
 */

const LTI = 'https://purl.imsglobal.org/spec/lti/claim';
const LTI_DL = 'https://purl.imsglobal.org/spec/lti-dl/claim';

export const CLAIMS = {
  /** LTI Core §5.3.1. */
  messageType: `${LTI}/message_type`,
  /** LTI Core §5.3.2. */
  version: `${LTI}/version`,
  /** LTI Core §5.3.3. */
  deploymentId: `${LTI}/deployment_id`,
  /** LTI Core §5.3.4. */
  targetLinkUri: `${LTI}/target_link_uri`,
  /** LTI Core §5.3.5. */
  resourceLink: `${LTI}/resource_link`,
  /** Deep Linking 2.0 §4.4.1 (request). */
  deepLinkingSettings: `${LTI_DL}/deep_linking_settings`,
  /** Deep Linking 2.0 §4.5.x (response). */
  contentItems: `${LTI_DL}/content_items`,
  data: `${LTI_DL}/data`,
  msg: `${LTI_DL}/msg`,
} as const;

/** LTI Core §5.3.2: the only version this tool speaks. */
export const LTI_VERSION = '1.3.0';

export const MESSAGE_TYPES = {
  resourceLink: 'LtiResourceLinkRequest',
  deepLinkingRequest: 'LtiDeepLinkingRequest',
  deepLinkingResponse: 'LtiDeepLinkingResponse',
} as const;

/** The platform tool configuration claim of Dynamic Registration 1.0 (§3.6.2). */
export const TOOL_CONFIGURATION = 'https://purl.imsglobal.org/spec/lti-tool-configuration';
/** The platform configuration member of an OpenID configuration (Dynamic Registration §3.5.1). */
export const PLATFORM_CONFIGURATION = 'https://purl.imsglobal.org/spec/lti-platform-configuration';

/** The message a registration page posts to its opener or parent when done (Dynamic Registration §3.7). */
export const REGISTRATION_CLOSE_SUBJECT = 'org.imsglobal.lti.close';

/** The one signing algorithm LTI allows (Security Framework §5.1.3 and §6.1). */
export const SIGNING_ALGORITHM = 'RS256';
