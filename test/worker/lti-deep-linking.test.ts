/**
 * Deep Linking 2.0 inside workerd: a deep-linking launch shows the picker,
 * the instructor's choice comes back as an `LtiDeepLinkingResponse` JWT
 * signed by the tool (verified here with the keys /lti/jwks publishes),
 * auto-posted to the platform's return URL; each placed link launches back
 * to what it names. Also the tool's key set and its Canvas JSON.
 */
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify, type JSONWebKeySet } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  CLAIM,
  callWith,
  deepLinkingClaims,
  expectRefusal,
  formPost,
  launchClaims,
  ltiEnv,
  makePlatform,
  makeToolKey,
  ORIGIN,
  platformEntry,
  postLaunch,
  REPORT,
  signIdToken,
  startLogin,
  type SimulatedPlatform,
} from './lti-platform';
import { expectSecurityHeaders } from './security-headers';

let platform: SimulatedPlatform;
let bindings: Record<string, unknown>;

beforeAll(async () => {
  platform = await makePlatform();
  // Two tool keys, as in a rotation: the first signs, both are published.
  const keys = [await makeToolKey('tool-key-new'), await makeToolKey('tool-key-old')];
  bindings = ltiEnv({ LTI_PRIVATE_KEY: JSON.stringify(keys), LTI_PLATFORMS: JSON.stringify([platformEntry(platform)]) });
});

/** A deep-linking launch; returns the picker's HTML. */
async function openPicker(settings: Record<string, unknown> = {}): Promise<{ res: Response; html: string }> {
  const login = await startLogin(bindings, platform);
  const token = await signIdToken(platform, deepLinkingClaims(platform, login.nonce, settings));
  const res = await postLaunch(bindings, token, login.state, login.cookie);
  return { res, html: await res.text() };
}

function hiddenField(html: string, name: string): string {
  const match = html.match(new RegExp(`<input type="hidden" name="${name}" value="([^"]+)"`));
  expect(match, `no hidden ${name} in ${html.slice(0, 400)}`).not.toBeNull();
  return match![1];
}

/** Posts a choice from the picker; returns the page that posts the response back. */
async function choose(fields: Record<string, string>): Promise<{ res: Response; html: string }> {
  const { html } = await openPicker();
  const res = await callWith(bindings, '/lti/deep-link', formPost({ context: hiddenField(html, 'context'), report: REPORT, ...fields }));
  return { res, html: await res.text() };
}

/** The response JWT, verified with the keys the tool publishes. */
async function verifiedResponse(html: string) {
  const jwt = hiddenField(html, 'JWT');
  const jwks = (await (await callWith(bindings, '/lti/jwks')).json()) as JSONWebKeySet;
  const { payload } = await jwtVerify(jwt, createLocalJWKSet(jwks), { algorithms: ['RS256'], issuer: 'client-42', audience: 'https://lms.example.edu' });
  return { payload: payload as Record<string, any>, header: decodeProtectedHeader(jwt) };
}

describe('the picker (Deep Linking 2.0 §4.4)', () => {
  it('shows what may be placed, with the request carried in a signed field', async () => {
    const { res, html } = await openPicker({ title: 'Add to Week 3' });

    expect(res.status, html.slice(0, 400)).toBe(200);
    expect(html).toContain('<h1>Add to Week 3</h1>');
    expect(html).toContain('<form method="post" action="/lti/deep-link"');
    expect(html).toMatch(/<option value="driving-the-system-apart">Driving the System Apart\?/);
    for (const kind of ['report', 'section', 'page', 'search', 'citation']) expect(html).toContain(`value="${kind}"`);
    expect(html).toMatch(/<option value="apa">APA<\/option>/);
    expect(hiddenField(html, 'context').split('.')).toHaveLength(3);
    expectSecurityHeaders(res, 'lti', '/lti/launch');
  });

  it('refuses a request whose platform accepts no LTI resource links', async () => {
    await expectRefusal(await openPicker({ accept_types: ['file', 'html'] }), 400, /accept_types must include "ltiResourceLink"/);
  });

  it('refuses a return URL that is not https', async () => {
    await expectRefusal(await openPicker({ deep_link_return_url: 'javascript:alert(1)' }), 400, /deep_link_return_url must be an https URL/);
  });

  // Issue 25: a signed choice goes back to the platform only, never to another site the token names.
  it('refuses a return URL on an origin that is not the platform’s, naming the platform’s', async () => {
    const text = await expectRefusal(await openPicker({ deep_link_return_url: 'https://attacker.example/collect' }), 400, /https:\/\/attacker\.example, which is not one of the platform's origins \(https:\/\/lms\.example\.edu\)/);
    expect(text).toContain('returnOrigins');
  });

  it('takes a return URL on an origin the platform lists in returnOrigins (Canvas on an institution’s domain)', async () => {
    const listed = ltiEnv({ LTI_PRIVATE_KEY: bindings.LTI_PRIVATE_KEY as string, LTI_PLATFORMS: JSON.stringify([{ ...platformEntry(platform), returnOrigins: ['https://canvas.school.edu'] }]) });
    const login = await startLogin(listed, platform);
    const token = await signIdToken(platform, deepLinkingClaims(platform, login.nonce, { deep_link_return_url: 'https://canvas.school.edu/courses/5/deep_linking_response' }));
    const res = await postLaunch(listed, token, login.state, login.cookie);
    expect(res.status, (await res.text()).slice(0, 400)).toBe(200);
  });
});

describe('the LtiDeepLinkingResponse (§4.5)', () => {
  it('is signed RS256 by the tool\'s first key, with every claim the platform checks and the request\'s data echoed', async () => {
    const { res, html } = await choose({ kind: 'section', section: '7' });
    expect(res.status, html.slice(0, 400)).toBe(200);

    const { payload, header } = await verifiedResponse(html);
    expect(header).toMatchObject({ alg: 'RS256', kid: 'tool-key-new' });
    expect(payload.nonce).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(payload.exp - payload.iat).toBeLessThanOrEqual(300);
    expect(payload[CLAIM.messageType]).toBe('LtiDeepLinkingResponse');
    expect(payload[CLAIM.version]).toBe('1.3.0');
    expect(payload[CLAIM.deploymentId]).toBe('deployment-1');
    expect(payload[CLAIM.data]).toBe('opaque-platform-data-123');
    expect(payload[CLAIM.contentItems]).toEqual([
      { type: 'ltiResourceLink', title: expect.stringMatching(/^Driving the System Apart\?.*: /), url: `${ORIGIN}/reports/${REPORT}/sections/7` },
    ]);
  });

  it('is posted to the platform\'s return URL as the form field JWT, which the page\'s CSP allows', async () => {
    const { res, html } = await choose({ kind: 'report' });

    expect(html).toContain('<form method="post" action="https://lms.example.edu/deep-link-return?course=5" data-lti-auto-submit="true">');
    expect(html).toContain('<button type="submit">Continue</button>');
    expect(html).toMatch(/<script src="\/lti\/lti.js" defer(="")?><\/script>/);
    expect(res.headers.get('Content-Security-Policy')).toContain("form-action 'self' https://lms.example.edu;");
    expect(res.headers.get('Content-Security-Policy')).toContain('frame-ancestors *');
  });

  it('places each kind of thing at a URL of this deployment', async () => {
    const cases: Array<[Record<string, string>, string, RegExp]> = [
      [{ kind: 'report' }, `/reports/${REPORT}`, /^Driving the System Apart\?/],
      [{ kind: 'page', page: '11' }, `/reports/${REPORT}/sections/7#p-11`, /, p\. 11$/],
      [{ kind: 'page', page: 'II' }, `/reports/${REPORT}/sections/2#p-ii`, /, p\. ii$/],
      [{ kind: 'search' }, `/embed/${REPORT}`, /^Search: Driving/],
      [{ kind: 'citation', style: 'apa' }, `/api/reports/${REPORT}/cite?format=html&style=apa`, /\(APA citation\)$/],
      [{ kind: 'citation', style: 'apa', section: '5' }, `/api/reports/${REPORT}/sections/5/cite?format=html&style=apa`, /\(APA citation\)$/],
    ];
    for (const [fields, path, title] of cases) {
      const { html } = await choose(fields);
      const [item] = (await verifiedResponse(html)).payload[CLAIM.contentItems];
      expect(item.url, JSON.stringify(fields)).toBe(ORIGIN + path);
      expect(item.title).toMatch(title);
    }
  });

  it('places links that launch back to what they name', async () => {
    const { html } = await choose({ kind: 'page', page: '11' });
    const [item] = (await verifiedResponse(html)).payload[CLAIM.contentItems];

    const login = await startLogin(bindings, platform);
    const res = await postLaunch(bindings, await signIdToken(platform, launchClaims(platform, login.nonce, item.url)), login.state, login.cookie);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('data-lti-fragment="p-11"');
  });

  it('refuses a choice it cannot place, naming what is wrong', async () => {
    await expectRefusal(await choose({ kind: 'section', section: '999' }), 404, /has sections 1 to \d+; there is no section 999/);
    await expectRefusal(await choose({ kind: 'page', page: '9999' }), 404, /no printed page 9999/);
    await expectRefusal(await choose({ kind: 'citation', style: 'made-up' }), 400, /Choose a citation style: apa/);
    await expectRefusal(await choose({ kind: 'everything' }), 400, /Choose what to place: report, section, page, search, citation/);
  });

  it('refuses a picker context that was altered or is missing', async () => {
    const { html } = await openPicker();
    const context = hiddenField(html, 'context');
    const [head, body, signature] = context.split('.');
    const altered = `${head}.${btoa(atob(body.replace(/-/g, '+').replace(/_/g, '/')).replace('deep-link-return', 'attacker-return')).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_')}.${signature}`;

    await expectRefusal(await callWith(bindings, '/lti/deep-link', formPost({ context: altered, report: REPORT, kind: 'report' })), 400, /expired or was altered|older than 30 minutes or was altered/);
    await expectRefusal(await callWith(bindings, '/lti/deep-link', formPost({ report: REPORT, kind: 'report' })), 400, /carries no deep-linking context/);
  });
});

describe('the tool\'s keys (Security Framework §6.3)', () => {
  it('publishes every public key with kid, alg and use, and no private member', async () => {
    const res = await callWith(bindings, '/lti/jwks');
    const jwks = (await res.json()) as { keys: Array<Record<string, string>> };

    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toMatch(/^application\/json/);
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*');
    expect(jwks.keys.map((k) => [k.kid, k.alg, k.use, k.kty])).toEqual([
      ['tool-key-new', 'RS256', 'sig', 'RSA'],
      ['tool-key-old', 'RS256', 'sig', 'RSA'],
    ]);
    for (const key of jwks.keys) expect(Object.keys(key).sort()).toEqual(['alg', 'e', 'kid', 'kty', 'n', 'use']);
  });

  it('says how to set a key when none is configured, on every LTI route', async () => {
    const keyless = ltiEnv({ LTI_PLATFORMS: JSON.stringify([platformEntry(platform)]) });
    const jwks = await callWith(keyless, '/lti/jwks');
    expect(jwks.status).toBe(503);
    expect(jwks.headers.get('Content-Type')).toMatch(/^application\/problem\+json/);
    expect(((await jwks.json()) as { detail: string }).detail).toMatch(/LTI_PRIVATE_KEY.*npm run lti:key.*wrangler secret put LTI_PRIVATE_KEY/);

    const login = await callWith(keyless, `/lti/login?${new URLSearchParams({ iss: platform.issuer, login_hint: 'u' })}`);
    await expectRefusal(login, 503, /No key is set for the LTI tool.*npm run lti:key/);
  });

  it('says what is wrong with a key that does not read', async () => {
    const noKid = { ...(await makeToolKey()), kid: undefined };
    const res = await callWith(ltiEnv({ LTI_PRIVATE_KEY: JSON.stringify(noKid) }), '/lti/jwks');
    expect(res.status).toBe(503);
    expect(await res.text()).toContain('LTI_PRIVATE_KEY has no \\"kid\\"');
  });
});

describe('LTI_PLATFORMS', () => {
  it('says exactly what is wrong with a platform entry', async () => {
    const entry = { ...platformEntry(platform), jwksUrl: 'http://lms.example.edu/jwks', deploymentIds: [] };
    const res = await callWith(ltiEnv({ LTI_PRIVATE_KEY: JSON.stringify(await makeToolKey()), LTI_PLATFORMS: JSON.stringify([entry]) }), `/lti/login?iss=x&login_hint=y`);
    const text = await expectRefusal(res, 503, /LTI_PLATFORMS does not read/);
    expect(text).toMatch(/LTI_PLATFORMS\[0\]\.deploymentIds: must name at least one deployment id/);
    expect(text).toMatch(/LTI_PLATFORMS\[0\]\.jwksUrl: must be an https URL/);
  });

  it('says so when it is not JSON', async () => {
    const res = await callWith(ltiEnv({ LTI_PRIVATE_KEY: JSON.stringify(await makeToolKey()), LTI_PLATFORMS: '[{issuer:' }), `/lti/login?iss=x&login_hint=y`);
    await expectRefusal(res, 503, /LTI_PLATFORMS is not JSON/);
  });
});

describe('Canvas developer-key JSON', () => {
  it('is ready to paste: login, launch, keys, deep-linking placements, anonymous', async () => {
    const res = await callWith(bindings, '/lti/canvas.json');
    const json = (await res.json()) as Record<string, any>;

    expect(res.status).toBe(200);
    expect(json).toMatchObject({
      title: 'report-edge',
      oidc_initiation_url: `${ORIGIN}/lti/login`,
      target_link_uri: `${ORIGIN}/`,
      public_jwk_url: `${ORIGIN}/lti/jwks`,
      scopes: [],
    });
    const [canvas] = json.extensions;
    expect(canvas).toMatchObject({ platform: 'canvas.instructure.com', privacy_level: 'anonymous', domain: 'example.com' });
    expect(canvas.settings.placements.map((p: any) => [p.placement, p.message_type, p.target_link_uri])).toEqual([
      ['link_selection', 'LtiDeepLinkingRequest', `${ORIGIN}/lti/launch`],
      ['editor_button', 'LtiDeepLinkingRequest', `${ORIGIN}/lti/launch`],
      ['assignment_selection', 'LtiDeepLinkingRequest', `${ORIGIN}/lti/launch`],
    ]);
  });
});
