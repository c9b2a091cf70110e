/**
 * LTI Dynamic Registration 1.0 inside workerd. The platform's HTTP is
 * served by a stand-in for `fetch` (vitest-pool-workers 0.15.1 has no
 * `fetchMock`; the Worker runs in the test's isolate, so a stubbed global
 * fetch is what its outside fetches reach): its OpenID configuration, its
 * registration endpoint and its key set. Checks what the tool posts, what
 * it keeps in KV, the close page, and that the platform can then launch.
 */
import { env } from 'cloudflare:workers';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { callWith, expectRefusal, formPost, launchClaims, ltiEnv, makePlatform, makeToolKey, postLaunch, signIdToken, startLogin, type SimulatedPlatform } from './lti-platform';

const MOODLE = 'https://moodle.example.edu';
const CONFIGURATION_URL = `${MOODLE}/mod/lti/openid-configuration.php`;

let platform: SimulatedPlatform;
let bindings: Record<string, unknown>;

/** Requests the Worker sent out, as the platform saw them. */
let seen: Array<{ url: string; method: string; headers: Headers; body: string }> = [];

function openIdConfiguration(overrides: Record<string, unknown> = {}) {
  return {
    issuer: MOODLE,
    authorization_endpoint: `${MOODLE}/mod/lti/auth.php`,
    registration_endpoint: `${MOODLE}/mod/lti/openid-registration.php`,
    jwks_uri: `${MOODLE}/mod/lti/certs.php`,
    token_endpoint: `${MOODLE}/mod/lti/token.php`,
    id_token_signing_alg_values_supported: ['RS256'],
    scopes_supported: ['openid'],
    'https://purl.imsglobal.org/spec/lti-platform-configuration': { product_family_code: 'moodle', version: '4.3' },
    ...overrides,
  };
}

/** Serves the platform's side of the exchange in place of the network. */
function servePlatform(configuration: unknown = openIdConfiguration(), answers: { configurationBody?: string } = {}) {
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    seen.push({ url: request.url, method: request.method, headers: request.headers, body: await request.text() });
    const json = (value: unknown, status = 200) => new Response(JSON.stringify(value), { status, headers: { 'Content-Type': 'application/json' } });
    if (request.url === CONFIGURATION_URL) return answers.configurationBody !== undefined ? new Response(answers.configurationBody) : json(configuration);
    if (request.url === `${MOODLE}/mod/lti/openid-registration.php` && request.method === 'POST') {
      return json({ client_id: 'moodle-client-1', 'https://purl.imsglobal.org/spec/lti-tool-configuration': { deployment_id: '7' } });
    }
    if (request.url === `${MOODLE}/mod/lti/certs.php`) return json({ keys: [platform.publicJwk] });
    return new Response('not found', { status: 404 });
  });
}

beforeAll(async () => {
  platform = await makePlatform({ issuer: MOODLE, clientId: 'moodle-client-1', deploymentId: '7', authLoginUrl: `${MOODLE}/mod/lti/auth.php`, kid: 'moodle-1' });
  bindings = ltiEnv({ LTI_PRIVATE_KEY: JSON.stringify(await makeToolKey()) });
});

afterEach(() => {
  vi.unstubAllGlobals();
  seen = [];
});

const kv = () => (env as unknown as { LTI_REGISTRATIONS: KVNamespace }).LTI_REGISTRATIONS;

/** What the administrator's approval does: the pending registration moves to where logins find it. */
async function approve(issuer: string, clientId: string) {
  const pending = await kv().get(`pending:${issuer}\n${clientId}`);
  expect(pending).not.toBeNull();
  await kv().put(`platform:${issuer}\n${clientId}`, pending!);
  await kv().delete(`pending:${issuer}\n${clientId}`);
}

const registerUrl = (configuration = CONFIGURATION_URL) => `/lti/register?${new URLSearchParams({ openid_configuration: configuration, registration_token: 'token-abc' })}`;

describe('dynamic registration (LTI Dynamic Registration 1.0)', () => {
  it('registers the tool with the platform, keeps what it learned, and tells the platform to close', async () => {
    servePlatform();
    const res = await callWith(bindings, registerUrl(), { headers: { Accept: 'text/html' } });
    const html = await res.text();

    expect(res.status, html.slice(0, 600)).toBe(200);
    expect(html).toMatch(/<h1 data-lti-registered[^>]*>report-edge is registered<\/h1>/);
    expect(html).toContain('<code>moodle-client-1</code>');
    expect(html).toMatch(/<script src="\/lti\/lti.js" defer(="")?><\/script>/);
    // §3.6: the registration, posted with the token.
    const posted = seen.find((r) => r.method === 'POST')!;
    expect(posted.url).toBe(`${MOODLE}/mod/lti/openid-registration.php`);
    expect(posted.headers.get('Authorization')).toBe('Bearer token-abc');
    expect(posted.headers.get('Content-Type')).toBe('application/json');
    const registration = JSON.parse(posted.body);
    expect(registration).toMatchObject({
      application_type: 'web',
      response_types: ['id_token'],
      initiate_login_uri: 'http://example.com/lti/login',
      redirect_uris: ['http://example.com/lti/launch'],
      jwks_uri: 'http://example.com/lti/jwks',
      token_endpoint_auth_method: 'private_key_jwt',
    });
    const toolConfiguration = registration['https://purl.imsglobal.org/spec/lti-tool-configuration'];
    expect(toolConfiguration.domain).toBe('example.com');
    expect(toolConfiguration.messages.map((m: { type: string }) => m.type)).toEqual(['LtiDeepLinkingRequest', 'LtiResourceLinkRequest']);
    // What is kept in KV: pending, apart from the approved registrations that can log in.
    expect(html).toMatch(/<p data-lti-pending[^>]*>[^<]*administrator approves the registration/);
    expect(await kv().get(`platform:${MOODLE}\nmoodle-client-1`)).toBeNull();
    const stored = await kv().get(`pending:${MOODLE}\nmoodle-client-1`, 'json');
    expect(stored).toEqual({
      issuer: MOODLE,
      clientId: 'moodle-client-1',
      deploymentIds: ['7'],
      authLoginUrl: `${MOODLE}/mod/lti/auth.php`,
      jwksUrl: `${MOODLE}/mod/lti/certs.php`,
      registeredAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
  });

  // Issue 25: anyone can open /lti/register, so a registration waits for the deployment's administrator.
  it('keeps a registered platform from logging in until it is approved, saying so', async () => {
    servePlatform();
    expect((await callWith(bindings, registerUrl())).status).toBe(200);

    const res = await callWith(bindings, `/lti/login?${new URLSearchParams({ iss: MOODLE, login_hint: 'student', client_id: 'moodle-client-1' })}`, { headers: { Accept: 'text/html' } });
    await expectRefusal(res, 403, /waits for approval/);
    expect(res.headers.get('Location')).toBeNull();
  });

  it('approves by the signed link it logs, asking first (GET shows, POST approves), and refuses an altered link', async () => {
    servePlatform();
    const logged = vi.spyOn(console, 'log').mockImplementation(() => {});
    expect((await callWith(bindings, registerUrl())).status).toBe(200);
    const line = logged.mock.calls.map((call) => String(call[0])).find((text) => text.startsWith('LTI registration pending approval'))!;
    logged.mockRestore();
    expect(line).toContain(`${MOODLE} (client moodle-client-1)`);
    const link = new URL(/open (\S+)$/.exec(line)![1]);
    expect(link.pathname).toBe('/lti/approve');

    const ask = await callWith(bindings, link.pathname + link.search, { headers: { Accept: 'text/html' } });
    const page = await ask.text();
    expect(ask.status).toBe(200);
    expect(page).toContain('<button type="submit">Approve</button>');
    expect(await kv().get(`platform:${MOODLE}\nmoodle-client-1`)).toBeNull();

    const token = link.searchParams.get('token')!;
    const altered = `${token.slice(0, -4)}AAAA`;
    await expectRefusal(await callWith(bindings, '/lti/approve', formPost({ token: altered })), 400, /approval link does not work/);

    const done = await callWith(bindings, '/lti/approve', formPost({ token }));
    expect(done.status).toBe(200);
    expect(await done.text()).toMatch(/<h1 data-lti-approved[^>]*>Registration approved<\/h1>/);
    expect(await kv().get(`pending:${MOODLE}\nmoodle-client-1`)).toBeNull();
    await expectRefusal(await callWith(bindings, '/lti/approve', formPost({ token })), 404, /approved already/);
  });

  it('keeps at most 20 registrations waiting, refusing the next with a 429', async () => {
    for (let i = 0; i < 20; i++) await kv().put(`pending:https://lms${i}.example.edu\nclient`, '{}');
    servePlatform();
    await expectRefusal(await callWith(bindings, registerUrl()), 429, /20 registrations already wait/);
    expect(seen).toEqual([]);
    for (let i = 0; i < 20; i++) await kv().delete(`pending:https://lms${i}.example.edu\nclient`);
  });

  it('lets the registered platform log in and launch once approved, its keys fetched from its jwks_uri', async () => {
    servePlatform();
    expect((await callWith(bindings, registerUrl())).status).toBe(200);
    await approve(MOODLE, 'moodle-client-1');

    const login = await startLogin(bindings, platform, { lti_message_hint: 'x' });
    expect(login.location.origin + login.location.pathname).toBe(`${MOODLE}/mod/lti/auth.php`);
    const res = await postLaunch(bindings, await signIdToken(platform, launchClaims(platform, login.nonce)), login.state, login.cookie);
    expect(res.status, (await res.clone().text()).slice(0, 400)).toBe(200);
    expect(await res.text()).toContain('Driving the System Apart?');
    expect(seen.some((r) => r.url === `${MOODLE}/mod/lti/certs.php`)).toBe(true);
  });

  it('refuses a configuration whose issuer is not the origin it came from (§3.5.1)', async () => {
    servePlatform(openIdConfiguration({ issuer: 'https://elsewhere.example.org' }));
    const res = await callWith(bindings, registerUrl(), { headers: { Accept: 'text/html' } });
    await expectRefusal(res, 400, /issuer https:\/\/elsewhere\.example\.org is not on the origin it was fetched from \(https:\/\/moodle\.example\.edu\)/);
    expect(seen.some((r) => r.method === 'POST')).toBe(false);
  });

  it('refuses a configuration that lacks what the tool needs, naming it', async () => {
    servePlatform(openIdConfiguration({ registration_endpoint: undefined, id_token_signing_alg_values_supported: ['ES256'] }));
    const text = await expectRefusal(await callWith(bindings, registerUrl()), 400, /does not read/);
    expect(text).toMatch(/registration_endpoint/);
    expect(text).toMatch(/id_token_signing_alg_values_supported must include RS256/);
  });

  it('refuses an openid_configuration that is not an https URL', async () => {
    await expectRefusal(await callWith(bindings, registerUrl('http://moodle.example.edu/config')), 400, /openid_configuration must be the platform's public https URL.*only https URLs are fetched/);
  });

  // Issue 25: a stranger's registration must not turn the tool against services it reaches and they do not.
  it.each([
    ['the loopback address, on another port', 'http://127.0.0.1:8080/secret', /only https URLs are fetched/],
    ['the loopback address over https', 'https://127.0.0.1/secret', /a literal IP address is not fetched/],
    ['a private address', 'https://10.0.0.7/.well-known/openid-configuration', /a literal IP address is not fetched/],
    ['the link-local metadata address', 'https://169.254.169.254/latest/meta-data', /a literal IP address is not fetched/],
    ['an IPv6 loopback', 'https://[::1]/config', /a literal IP address is not fetched/],
    ['a decimal IPv4', 'https://2130706433/config', /a literal IP address is not fetched/],
    ['localhost', 'https://localhost/config', /a host of a private network is not fetched/],
    ['a single-label intranet host', 'https://intranet-db/config', /a host of a private network is not fetched/],
    ['a .internal name', 'https://db.corp.internal/config', /a host of a private network is not fetched/],
    ['a port other than https’s', 'https://moodle.example.edu:8443/config', /only the default https port is fetched/],
    ['credentials in the URL', 'https://admin:pw@moodle.example.edu/config', /a URL with credentials is not fetched/],
  ])('refuses to fetch %s, and sends nothing', async (_what, configuration, why) => {
    servePlatform();
    await expectRefusal(await callWith(bindings, registerUrl(configuration)), 400, why);
    expect(seen).toEqual([]);
  });

  it('refuses a configuration whose registration endpoint is on a private address, posting nothing there', async () => {
    servePlatform(openIdConfiguration({ registration_endpoint: 'https://192.168.1.10/register' }));
    await expectRefusal(await callWith(bindings, registerUrl()), 400, /https:\/\/192\.168\.1\.10\/register is not fetched: a literal IP address/);
    expect(seen.map((r) => r.url)).toEqual([CONFIGURATION_URL]);
  });

  it('never shows what the platform answered when it refuses', async () => {
    vi.stubGlobal('fetch', async () => new Response('db_password=hunter2', { status: 500 }));
    const text = await expectRefusal(await callWith(bindings, registerUrl()), 502, /answered 500\./);
    expect(text).not.toContain('hunter2');
  });

  it('follows no redirect, and says so', async () => {
    vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
      expect(init?.redirect).toBe('manual');
      return new Response(null, { status: 302, headers: { Location: 'http://127.0.0.1:8080/secret' } });
    });
    await expectRefusal(await callWith(bindings, registerUrl()), 502, /answered 302 \(a redirect, which the tool does not follow\)/);
  });

  it('answers a configuration that sends its body too slowly with a 504, never a 500', async () => {
    vi.stubGlobal('fetch', async (_input: RequestInfo | URL, init?: RequestInit) => {
      const signal = init?.signal;
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"issuer":'));
          signal?.addEventListener('abort', () => controller.error(signal.reason));
        },
      });
      return new Response(body, { status: 200, headers: { 'Content-Type': 'application/json' } });
    });
    await expectRefusal(await callWith(bindings, registerUrl()), 504, /gave no whole answer within 5 s/);
  }, 15_000);

  it('bounds what it reads from the platform', async () => {
    servePlatform(undefined, { configurationBody: ' '.repeat(300 * 1024) });
    await expectRefusal(await callWith(bindings, registerUrl()), 502, /answered more than 256 KiB/);
  });

  it('says the platform could not be reached', async () => {
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Network connection lost.')));
    await expectRefusal(await callWith(bindings, registerUrl()), 502, /the connection failed/);
  });

  it('is disabled, saying the one command that enables it, when the deployment has no KV namespace', async () => {
    const withoutKv = ltiEnv({ LTI_PRIVATE_KEY: JSON.stringify(await makeToolKey()), withoutKv: true });
    await expectRefusal(await callWith(withoutKv, registerUrl()), 503, /npx wrangler kv namespace create lti-registrations --binding LTI_REGISTRATIONS --update-config/);
  });
});
