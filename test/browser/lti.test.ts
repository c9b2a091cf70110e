/**
 * The LTI tool in Chromium, inside a platform's iframe on another site
 * (localhost against the Worker's 127.0.0.1, so the tool's cookie is a
 * third-party one): a platform played by a Node server signs launches with
 * its own key (jose); the login's partitioned cookie survives the round
 * trip, a resource link shows its page at its printed-page anchor, and a
 * deep-linking choice is posted back to the platform by the frame script.
 * Its own `wrangler dev`, given the keys and the platform as `--var`s, in a
 * temporary copy of the project (its build must not rewrite the files the
 * shared server of the other browser tests is serving).
 */
import { appendFileSync, cpSync, existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLocalJWKSet, exportJWK, generateKeyPair, jwtVerify, SignJWT, type JSONWebKeySet } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { freePort, startDevServer, type DevServer } from '../../scripts/dev-server';
import { useBrowser } from './browser-run';
import { REPORT } from './harness';

const browser = useBrowser();

const root = fileURLToPath(new URL('../..', import.meta.url));
/** What `wrangler dev` and its build read; the build's cache too, so the copy builds in seconds. */
const COPIED = ['package.json', 'package-lock.json', 'wrangler.toml', 'tsconfig.json', 'src', 'scripts', 'index/sources', 'index/styles', 'index/.build-cache'];

/** A copy of the project in a temporary folder, `node_modules` linked. */
function projectCopy(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'report-edge-lti-site-'));
  for (const entry of COPIED) if (existsSync(path.join(root, entry))) cpSync(path.join(root, entry), path.join(dir, entry), { recursive: true });
  symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  // The KV namespace that enables dynamic registration (wrangler dev keeps it locally).
  appendFileSync(path.join(dir, 'wrangler.toml'), '\n[[kv_namespaces]]\nbinding = "LTI_REGISTRATIONS"\n');
  return dir;
}
let copy: string | undefined;

let tool: DevServer;
let platformServer: Server;
let platformOrigin: string;
/** The Deep Linking responses the platform received. */
const received: string[] = [];
/** The Authorization headers of the registrations the platform received. */
const registrations: string[] = [];

const CLIENT_ID = 'browser-client';
const DEPLOYMENT = 'browser-deployment';

beforeAll(async () => {
  const platformKeys = await generateKeyPair('RS256', { extractable: true });
  const toolKey = await exportJWK((await generateKeyPair('RS256', { extractable: true })).privateKey);
  const port = await freePort();
  platformOrigin = `http://localhost:${port}`;

  // The platform: a course page framing the tool, its authentication endpoint, its deep-link return.
  platformServer = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', platformOrigin);
    const html = (body: string) => res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>LMS</title></head><body>${body}</body></html>`);
    if (url.pathname === '/course') {
      const login = new URLSearchParams({ iss: platformOrigin, login_hint: 'student-1', client_id: CLIENT_ID, lti_message_hint: url.searchParams.get('message') ?? 'launch' });
      // Canvas resizes its tool frame on lti.frameResize: the page keeps every message, to check the views send it.
      return html(
        `<h1>PEACE 301</h1><iframe src="${tool.origin}/lti/login?${login}" title="report-edge" width="900" height="700"></iframe><script>window.received = []; addEventListener('message', (e) => received.push({ origin: e.origin, data: e.data }))</script>`,
      );
    }
    if (url.pathname === '/auth') {
      const p = url.searchParams;
      const deep = p.get('lti_message_hint') === 'deep';
      const claims: Record<string, unknown> = {
        nonce: p.get('nonce'),
        'https://purl.imsglobal.org/spec/lti/claim/message_type': deep ? 'LtiDeepLinkingRequest' : 'LtiResourceLinkRequest',
        'https://purl.imsglobal.org/spec/lti/claim/version': '1.3.0',
        'https://purl.imsglobal.org/spec/lti/claim/deployment_id': DEPLOYMENT,
        'https://purl.imsglobal.org/spec/lti/claim/target_link_uri': deep ? `${tool.origin}/lti/launch` : `${tool.origin}/reports/${REPORT}/sections/7#p-11`,
        'https://purl.imsglobal.org/spec/lti/claim/resource_link': { id: 'link-1' },
        'https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings': { deep_link_return_url: `${platformOrigin}/return`, accept_types: ['ltiResourceLink'], accept_presentation_document_targets: ['iframe'], data: 'dl-data' },
      };
      const idToken = await new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'lms-1' }).setIssuer(platformOrigin).setAudience(p.get('client_id')!).setIssuedAt().setExpirationTime('5m').sign(platformKeys.privateKey);
      return html(
        `<form method="post" action="${p.get('redirect_uri')}"><input type="hidden" name="id_token" value="${idToken}"><input type="hidden" name="state" value="${p.get('state')}"></form><script>document.forms[0].submit()</script>`,
      );
    }
    // Dynamic registration: an administrator's page opening the tool's registration, and the platform's side of it.
    // The page notes the close message only: the framed page also posts its height (lti.frameResize, report-edge:resize).
    if (url.pathname === '/admin') {
      const register = new URLSearchParams({ openid_configuration: `${platformOrigin}/.well-known/openid-configuration`, registration_token: 'reg-token' });
      return html(
        `<h1>Register a tool</h1><iframe src="${tool.origin}/lti/register?${register}" title="registration" width="900" height="400"></iframe><script>addEventListener('message', (e) => { if (e.data && e.data.subject === 'org.imsglobal.lti.close') document.body.dataset.closed = e.data.subject; })</script>`,
      );
    }
    if (url.pathname === '/.well-known/openid-configuration') {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      return res.end(JSON.stringify({ issuer: platformOrigin, authorization_endpoint: `${platformOrigin}/auth`, registration_endpoint: `${platformOrigin}/register`, jwks_uri: `${platformOrigin}/jwks`, id_token_signing_alg_values_supported: ['RS256'] }));
    }
    if (url.pathname === '/register' && req.method === 'POST') {
      registrations.push(req.headers.authorization ?? '');
      res.writeHead(200, { 'Content-Type': 'application/json' });
      return res.end(JSON.stringify({ client_id: 'dynamic-client', 'https://purl.imsglobal.org/spec/lti-tool-configuration': { deployment_id: 'dynamic-deployment' } }));
    }
    if (url.pathname === '/return' && req.method === 'POST') {
      let body = '';
      for await (const chunk of req) body += chunk;
      received.push(new URLSearchParams(body).get('JWT') ?? '');
      return html('<h1>Placed in your course</h1>');
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => platformServer.listen(port, '127.0.0.1', resolve));

  const platforms = [{ issuer: platformOrigin, clientId: CLIENT_ID, deploymentIds: [DEPLOYMENT], authLoginUrl: `${platformOrigin}/auth`, jwks: { keys: [{ ...(await exportJWK(platformKeys.publicKey)), kid: 'lms-1', alg: 'RS256' }] } }];
  copy = projectCopy();
  tool = await startDevServer({ cwd: copy, vars: { LTI_PRIVATE_KEY: JSON.stringify({ ...toolKey, kid: 'browser-tool-key' }), LTI_PLATFORMS: JSON.stringify(platforms), LTI_LOOPBACK_PLATFORMS: 'allow' } });
}, 120_000);

afterAll(async () => {
  await tool?.stop();
  await new Promise((resolve) => platformServer?.close(resolve));
  if (copy) rmSync(copy, { recursive: true, force: true });
});

/** The lti.frameResize messages the course page received: Canvas's postMessage for a tool's height. */
function frameResizes(page: Page): Promise<Array<{ origin: string; height: unknown }>> {
  return page.evaluate(() =>
    ((window as unknown as { received: Array<{ origin: string; data: { subject?: string; height?: unknown } }> }).received ?? [])
      .filter((m) => m.data?.subject === 'lti.frameResize')
      .map((m) => ({ origin: m.origin, height: m.data.height })),
  );
}

describe('LTI in a platform\'s frame', () => {
  it('launches a link to a printed page: the section shows in the frame, at the page\'s anchor', async () => {
    const page = await browser.newPage();
    await page.goto(`${platformOrigin}/course?message=launch`);
    const frame = page.frameLocator('iframe');

    await expect.poll(() => frame.locator('h1').first().textContent(), { timeout: 20_000 }).toMatch(/^pp\. 9–14: /);
    const framed = page.frames().find((f) => f.url().startsWith(tool.origin))!;
    expect(framed.url()).toBe(`${tool.origin}/lti/launch#p-11`);
    // Links of the framed page open a new tab: the site's own pages refuse to be framed.
    expect(await framed.locator('base').getAttribute('target')).toBe('_blank');
    // It tells Canvas its height (lti.frameResize), as every framed view does.
    await expect.poll(() => frameResizes(page), { timeout: 10_000 }).toContainEqual({ origin: tool.origin, height: expect.any(Number) });
  });

  it('places a printed page through deep linking: the choice is posted back to the platform, signed by the tool', async () => {
    const page = await browser.newPage();
    await page.goto(`${platformOrigin}/course?message=deep`);
    const frame = page.frameLocator('iframe');

    await frame.getByRole('heading', { name: 'Place a report in your course' }).waitFor({ timeout: 20_000 });
    await expect.poll(() => frameResizes(page), { timeout: 10_000 }).toContainEqual({ origin: tool.origin, height: expect.any(Number) });
    await frame.getByRole('radio', { name: 'A printed page' }).check();
    await frame.getByRole('textbox', { name: 'Printed page' }).fill('11');
    await frame.getByRole('button', { name: 'Place in course' }).click();

    await frame.getByRole('heading', { name: 'Placed in your course' }).waitFor({ timeout: 20_000 });
    expect(received).toHaveLength(1);
    const jwks = (await (await fetch(`${tool.origin}/lti/jwks`)).json()) as JSONWebKeySet;
    const { payload } = await jwtVerify(received[0], createLocalJWKSet(jwks), { issuer: CLIENT_ID, audience: platformOrigin, algorithms: ['RS256'] });
    expect(payload['https://purl.imsglobal.org/spec/lti-dl/claim/content_items']).toEqual([
      { type: 'ltiResourceLink', title: expect.stringMatching(/, p\. 11$/), url: `${tool.origin}/reports/${REPORT}/sections/7#p-11` },
    ]);
    expect(payload['https://purl.imsglobal.org/spec/lti-dl/claim/data']).toBe('dl-data');
  });

  it('finishes a dynamic registration by telling the platform\'s page to close it (Dynamic Registration §3.7)', async () => {
    const page = await browser.newPage();
    await page.goto(`${platformOrigin}/admin`);

    await expect.poll(() => page.locator('body').getAttribute('data-closed'), { timeout: 20_000 }).toBe('org.imsglobal.lti.close');
    expect(registrations).toEqual(['Bearer reg-token']);
    expect(await page.frameLocator('iframe').locator('h1').textContent()).toBe('report-edge is registered');
  });
});
