/**
 * What the tool tells platforms about itself, in one place: its name, its
 * URLs on this deployment, and the messages it takes, as Canvas's
 * developer-key JSON and as LTI Dynamic Registration 1.0's client
 * registration (§3.6) map them.
 */
import { linkerFor } from '../requests/links';
import { ltiPaths, pagePaths } from '../requests/paths';
import { MESSAGE_TYPES, TOOL_CONFIGURATION } from './claims';

const TITLE = 'report-edge';
const DESCRIPTION = 'Research reports: place a report, a section, a printed page, its search box or a citation in your course.';

/**
 * Where the instructor picks what to place (all take an `LtiDeepLinkingRequest`):
 * Canvas placements, and Dynamic Registration's placement names.
 */
const CANVAS_PLACEMENTS = ['link_selection', 'editor_button', 'assignment_selection'] as const;

/** The tool's URLs on the deployment that answers `requestUrl`. */
function toolUrls(requestUrl: string) {
  const link = linkerFor(requestUrl);
  return {
    origin: new URL(requestUrl).origin,
    host: new URL(requestUrl).host,
    login: link(ltiPaths.login()),
    launch: link(ltiPaths.launch()),
    jwks: link(ltiPaths.jwks()),
    home: link(pagePaths.home()),
  };
}

/**
 * Canvas's developer-key JSON ("Enter JSON" when adding an LTI key). Privacy
 * `anonymous`: the tool needs no name, e-mail or roster.
 * @example canvasDeveloperKey('https://reports.example.org/lti/canvas.json').oidc_initiation_url // 'https://reports.example.org/lti/login'
 */
export function canvasDeveloperKey(requestUrl: string) {
  const urls = toolUrls(requestUrl);
  return {
    title: TITLE,
    description: DESCRIPTION,
    oidc_initiation_url: urls.login,
    target_link_uri: urls.home,
    public_jwk_url: urls.jwks,
    scopes: [],
    extensions: [
      {
        platform: 'canvas.instructure.com',
        domain: urls.host,
        tool_id: TITLE,
        privacy_level: 'anonymous',
        settings: {
          text: TITLE,
          placements: CANVAS_PLACEMENTS.map((placement) => ({
            placement,
            message_type: MESSAGE_TYPES.deepLinkingRequest,
            target_link_uri: urls.launch,
            text: 'Research report',
            selection_width: 800,
            selection_height: 600,
          })),
        },
      },
    ],
    custom_fields: {},
  };
}

/**
 * The client registration a Dynamic Registration posts (§3.6.1, OpenID
 * Connect Dynamic Client Registration with the LTI tool configuration).
 * @example dynamicRegistrationRequest('https://reports.example.org/lti/register?…').initiate_login_uri // 'https://reports.example.org/lti/login'
 */
export function dynamicRegistrationRequest(requestUrl: string) {
  const urls = toolUrls(requestUrl);
  return {
    application_type: 'web',
    response_types: ['id_token'],
    grant_types: ['implicit', 'client_credentials'],
    initiate_login_uri: urls.login,
    redirect_uris: [urls.launch],
    client_name: TITLE,
    jwks_uri: urls.jwks,
    token_endpoint_auth_method: 'private_key_jwt',
    scope: '',
    [TOOL_CONFIGURATION]: {
      domain: urls.host,
      description: DESCRIPTION,
      target_link_uri: urls.home,
      claims: ['iss', 'sub'],
      messages: [
        { type: MESSAGE_TYPES.deepLinkingRequest, target_link_uri: urls.launch, label: 'Research report', placements: ['ContentArea', 'RichTextEditor'] },
        { type: MESSAGE_TYPES.resourceLink, target_link_uri: urls.home, label: TITLE },
      ],
    },
  };
}
