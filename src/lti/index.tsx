/**
 * The LTI 1.3 tool (LTI Core 1.3, Deep Linking 2.0, Dynamic Registration
 * 1.0) as a Hono sub-app mounted at /lti (src/app.ts), with its own
 * middleware: POST only where a platform posts (login, launch, the picker's
 * choice), no CORS but on the two machine endpoints, never cached but the
 * key set, and every refusal an error page in the platform's frame (the
 * machine endpoints: problem+json). Who may frame it: src/security-headers.ts.
 *
 *   GET|POST /lti/login      OIDC third-party login initiation (Security Framework §5.1.1)
 *   POST     /lti/launch     the id_token: a resource link shows its target; deep linking shows the picker
 *   POST     /lti/deep-link  the picker's choice → LtiDeepLinkingResponse posted to the platform
 *   GET      /lti/jwks       the tool's public keys
 *   GET      /lti/canvas.json  Canvas's developer-key JSON
 *   GET      /lti/register   LTI Dynamic Registration 1.0
 */
import { Hono, type Context, type ExecutionContext } from 'hono';
import { getCookie } from 'hono/cookie';
import { cors } from 'hono/cors';
import { shelfList } from '../data';
import { echoed, ProblemError, respondWithProblem, type Problem } from '../problem';
import { ltiPaths, LTI_BASE } from '../requests/paths';
import { ltiPolicyPostingTo } from '../security-headers';
import { CLAIMS, MESSAGE_TYPES } from './claims';
import { deepLinkContext, deepLinkingResponse, openContext, sealContext } from './deep-linking';
import { FRAME_SCRIPT } from './frame-script';
import type { VerifiedLaunch } from './id-token';
import { acceptLaunch, resourceLinkTarget } from './launch';
import { framedTarget } from './launch-view';
import { MAX_FORM_BYTES, MAX_FORM_DRAIN_BYTES, MAX_LOGIN_PARAMETER, MAX_PICKER_REPORTS } from './limits';
import { clearLoginCookie, isLoginState, startLogin } from './login-state';
import { outsideReach, readBounded } from './outside-fetch';
import { pickableStyles, pickedItem } from './picker';
import { findPlatforms, type LtiBindings } from './platforms';
import { notConfigured, refusal } from './refusal';
import { approvalLink, approvalOf, approveRegistration, ENABLE_REGISTRATION_COMMAND, isPending, registerWithPlatform } from './registration';
import { canvasDeveloperKey } from './tool-configuration';
import { toolKeys, type ToolKeys } from './tool-keys';
import { ApprovedPage, ApprovePage, ltiErrorHtml, PickerPage, RegisteredPage, ReturnPage } from './views';

export type { LtiBindings } from './platforms';

/** The key set changes only when the secret does; platforms fetch it on every unknown kid. */
const JWKS_CACHE_CONTROL = 'public, max-age=300';

/** Renders a URL of this deployment through the whole app, as a browser would get it. */
export type RenderPage = (request: Request, env: unknown, ctx: ExecutionContext | undefined) => Response | Promise<Response>;

/** The machine endpoints answer problem+json; the rest is read by a person in a frame. */
const MACHINE_PATHS = new Set([ltiPaths.jwks(), ltiPaths.canvas()]);

function executionContext(c: Context): ExecutionContext | undefined {
  try {
    return c.executionCtx;
  } catch {
    return undefined;
  }
}

/** A form a platform or the picker posted: url-encoded, at most MAX_FORM_BYTES. */
async function readForm(c: Context): Promise<URLSearchParams> {
  const type = c.req.header('Content-Type') ?? '';
  if (!type.startsWith('application/x-www-form-urlencoded')) {
    throw refusal(415, 'lti-not-a-form', 'Not a form post', `Expected an HTML form post (application/x-www-form-urlencoded), got "${echoed(type)}".`);
  }
  const tooLarge = () => refusal(413, 'lti-form-too-large', 'The form is too large', `A launch form holds at most ${MAX_FORM_BYTES / 1024} KiB.`);
  // A body declared too large is refused unread; one sent in chunks is read to the limit, and a little past it (`readBounded`).
  if (Number(c.req.header('Content-Length') ?? NaN) > MAX_FORM_BYTES) throw tooLarge();
  const bytes = await readBounded(c.req.raw.body, MAX_FORM_BYTES, MAX_FORM_DRAIN_BYTES);
  if (bytes === null) throw tooLarge();
  return new URLSearchParams(new TextDecoder().decode(bytes));
}

/** One login parameter, bounded; `required` ones must be there. */
function loginParameter(params: URLSearchParams, name: string, required: boolean): string | undefined {
  const value = params.get(name) ?? undefined;
  if (value === undefined || value === '') {
    if (required) throw refusal(400, 'lti-bad-login', 'The login request is incomplete', `The platform sent no "${name}" (Security Framework §5.1.1.1 requires iss and login_hint).`);
    return undefined;
  }
  if (value.length > MAX_LOGIN_PARAMETER) throw refusal(400, 'lti-bad-login', 'The login request is too large', `"${name}" is longer than ${MAX_LOGIN_PARAMETER} characters.`);
  return value;
}

/** OIDC third-party login initiation (Security Framework §5.1.1): check the platform, bind a state and nonce to the browser, send it to the platform's authentication. */
async function login(c: Context<{ Bindings: LtiBindings }>, params: URLSearchParams) {
  const issuer = loginParameter(params, 'iss', true)!;
  const loginHint = loginParameter(params, 'login_hint', true)!;
  const clientId = loginParameter(params, 'client_id', false);
  const messageHint = loginParameter(params, 'lti_message_hint', false);
  const platforms = await findPlatforms(c.env, issuer, clientId);
  if (platforms.length === 0) {
    const which = clientId === undefined ? issuer : `${issuer} with client id ${clientId}`;
    if (await isPending(c.env.LTI_REGISTRATIONS, issuer, clientId)) {
      throw refusal(403, 'lti-registration-pending', 'This platform waits for approval', `${echoed(which)} registered itself with this tool; launches work once this deployment's administrator approves it, by the link the tool wrote in its log.`);
    }
    throw refusal(400, 'lti-unknown-platform', 'This platform is not registered', `No platform ${echoed(which)} is registered with this tool: add it to LTI_PLATFORMS, or register through ${ltiPaths.register()} (Dynamic Registration).`);
  }
  if (platforms.length > 1) {
    throw refusal(400, 'lti-ambiguous-platform', 'Which registration is this?', `${echoed(issuer)} has ${platforms.length} registrations here and the login names no client_id; the platform must send client_id.`);
  }
  const [platform] = platforms;
  const keys = await toolKeys(c.env.LTI_PRIVATE_KEY);
  const started = await startLogin(keys, platform.issuer, platform.clientId);
  // §5.1.1.2: the authentication request.
  const authentication = new URL(platform.authLoginUrl);
  const request: Record<string, string> = {
    scope: 'openid',
    response_type: 'id_token',
    response_mode: 'form_post',
    prompt: 'none',
    client_id: platform.clientId,
    redirect_uri: new URL(ltiPaths.launch(), c.req.url).href,
    login_hint: loginHint,
    state: started.state,
    nonce: started.nonce,
    ...(messageHint !== undefined ? { lti_message_hint: messageHint } : {}),
  };
  for (const [name, value] of Object.entries(request)) authentication.searchParams.set(name, value);
  c.header('Set-Cookie', started.setCookie);
  return c.redirect(authentication.href, 302);
}

/** The deep-linking picker for a verified `LtiDeepLinkingRequest` (Deep Linking 2.0 §4.4), its context sealed in the form. */
async function showPicker(c: Context, keys: ToolKeys, launch: VerifiedLaunch) {
  const context = deepLinkContext(launch);
  const [sealed, shelf, styles] = await Promise.all([sealContext(keys, context), shelfList(), pickableStyles()]);
  const reports = shelf.reports.slice(0, MAX_PICKER_REPORTS).map((r) => ({ id: r.id, title: r.title }));
  const settings = launch.claims[CLAIMS.deepLinkingSettings] as { title?: unknown };
  const heading = typeof settings.title === 'string' && settings.title.length <= 200 ? settings.title : undefined;
  return c.html(<PickerPage context={sealed} reports={reports} more={shelf.reports.length - reports.length} styles={styles} heading={heading} />);
}

/** Builds the LTI sub-app; `render` is the whole app, which a launch uses to show its target. */
export function createLti(options: { render: RenderPage }) {
  const lti = new Hono<{ Bindings: LtiBindings }>();

  // Nothing here is shared-cacheable but the key set, which sets its own.
  lti.use('*', async (c, next) => {
    await next();
    if (!c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', 'no-store');
  });
  // Only the machine endpoints are read by scripts of other origins.
  lti.use('/jwks', cors({ origin: '*', allowMethods: ['GET', 'HEAD', 'OPTIONS'] }));
  lti.use('/canvas.json', cors({ origin: '*', allowMethods: ['GET', 'HEAD', 'OPTIONS'] }));

  lti.get('/login', (c) => login(c, new URL(c.req.url).searchParams));
  lti.post('/login', async (c) => login(c, await readForm(c)));

  lti.post('/launch', async (c) => {
    const form = await readForm(c);
    const keys = await toolKeys(c.env.LTI_PRIVATE_KEY);
    // The nonce is good once: the login's cookie goes, whether the launch passes or not.
    const state = form.get('state') ?? '';
    if (isLoginState(state)) c.header('Set-Cookie', clearLoginCookie(state));
    const launch = await acceptLaunch(c.env, keys, form, (name) => getCookie(c, name));
    if (launch.messageType === MESSAGE_TYPES.deepLinkingRequest) return showPicker(c, keys, launch);
    const target = resourceLinkTarget(launch, new URL(c.req.url).origin);
    const ctx = executionContext(c);
    const shown = await framedTarget((request) => Promise.resolve(options.render(request, c.env, ctx)), target);
    if (isLoginState(state)) shown.headers.append('Set-Cookie', clearLoginCookie(state));
    return shown;
  });

  lti.post('/deep-link', async (c) => {
    const form = await readForm(c);
    const keys = await toolKeys(c.env.LTI_PRIVATE_KEY);
    const context = await openContext(keys, form.get('context'));
    const item = await pickedItem(form, new URL(c.req.url).origin);
    const jwt = await deepLinkingResponse(keys, context, [item]);
    c.header('Content-Security-Policy', ltiPolicyPostingTo(new URL(context.returnUrl).origin));
    return c.html(<ReturnPage returnUrl={context.returnUrl} jwt={jwt} title={item.title} />);
  });

  lti.get('/jwks', async (c) => {
    const { publicJwks } = await toolKeys(c.env.LTI_PRIVATE_KEY);
    return c.json(publicJwks, 200, { 'Cache-Control': JWKS_CACHE_CONTROL });
  });

  lti.get('/canvas.json', (c) => c.json(canvasDeveloperKey(c.req.url)));

  lti.get('/register', async (c) => {
    const kv = c.env.LTI_REGISTRATIONS;
    if (!kv) {
      throw notConfigured(
        `Dynamic registration is not enabled here: this deployment has no LTI_REGISTRATIONS KV namespace to keep registrations in. Its operator enables it with one command, \`${ENABLE_REGISTRATION_COMMAND}\`, then deploys. Until then, register the platform in LTI_PLATFORMS.`,
      );
    }
    const keys = await toolKeys(c.env.LTI_PRIVATE_KEY);
    const registered = await registerWithPlatform(c.req.url, kv, outsideReach(c.env));
    // The log is the administrator's: the link there is what approves the registration.
    console.log(`LTI registration pending approval: ${registered.issuer} (client ${registered.clientId}). To approve it, open ${await approvalLink(keys, c.req.url, registered)}`);
    return c.html(<RegisteredPage issuer={registered.issuer} clientId={registered.clientId} deploymentIds={registered.deploymentIds} />);
  });

  // The link asks before it approves: a link unfurled or prefetched must not approve anything.
  lti.get('/approve', async (c) => {
    const keys = await toolKeys(c.env.LTI_PRIVATE_KEY);
    const token = c.req.query('token');
    const platform = await approvalOf(keys, token);
    return c.html(<ApprovePage issuer={platform.issuer} clientId={platform.clientId} token={token!} />);
  });

  lti.post('/approve', async (c) => {
    const kv = c.env.LTI_REGISTRATIONS;
    if (!kv) throw notConfigured(`Dynamic registration is not enabled here: there is no LTI_REGISTRATIONS KV namespace (\`${ENABLE_REGISTRATION_COMMAND}\`).`);
    const keys = await toolKeys(c.env.LTI_PRIVATE_KEY);
    const form = await readForm(c);
    const approved = await approveRegistration(kv, await approvalOf(keys, form.get('token')));
    return c.html(<ApprovedPage issuer={approved.issuer} clientId={approved.clientId} />);
  });

  lti.get('/lti.js', (c) => c.body(FRAME_SCRIPT, 200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'public, max-age=3600' }));

  lti.onError((error, c) => {
    const problem: Problem =
      error instanceof ProblemError
        ? error.problem
        : { status: 500, kind: 'internal-error', title: 'Internal error', detail: 'Something went wrong on our side; please try again later.' };
    if (!(error instanceof ProblemError)) console.error(error);
    if (MACHINE_PATHS.has(c.req.path)) return respondWithProblem(c, problem);
    c.header('Cache-Control', 'no-store');
    return c.html(ltiErrorHtml(problem), problem.status);
  });

  return lti;
}

export { LTI_BASE };
