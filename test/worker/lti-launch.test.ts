/**
 * The LTI 1.3 launch, end to end inside workerd, against a platform
 * simulated in the test (./lti-platform.ts): OIDC third-party login
 * initiation (1EdTech Security Framework 1.0 §5.1.1), the platform signing
 * the id_token, the launch (§5.1.3, LTI Core 1.3 §5.3) showing its target,
 * and each refusal, named.
 */
import { env } from 'cloudflare:workers';
import type { UsedNonces } from '../../src/lti/used-nonces';
import { generateKeyPair, SignJWT, UnsecuredJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  CLAIM,
  callWith,
  expectRefusal,
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
  bindings = ltiEnv({ LTI_PRIVATE_KEY: JSON.stringify(await makeToolKey()), LTI_PLATFORMS: JSON.stringify([platformEntry(platform)]) });
});

describe('OIDC login initiation (Security Framework §5.1.1)', () => {
  it('sends the browser to the platform with every authentication parameter (§5.1.1.2)', async () => {
    const login = await startLogin(bindings, platform);

    expect(login.location.origin + login.location.pathname).toBe(platform.authLoginUrl);
    const params = Object.fromEntries(login.location.searchParams);
    expect(params).toEqual({
      scope: 'openid',
      response_type: 'id_token',
      response_mode: 'form_post',
      prompt: 'none',
      client_id: 'client-42',
      redirect_uri: `${ORIGIN}/lti/launch`,
      login_hint: 'user-7',
      lti_message_hint: 'hint-99',
      state: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/),
      nonce: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/),
    });
    expect(params.state).not.toBe(params.nonce);
  });

  it('binds state and nonce to the browser in a short-lived, partitioned, cross-site cookie named after the state', async () => {
    const login = await startLogin(bindings, platform);

    expect(login.setCookie).toMatch(new RegExp(`^__Host-lti-${login.state}=[\\w-]+\\.[\\w-]+\\.[\\w-]+;`));
    expect(login.setCookie).toContain('Max-Age=300');
    for (const attribute of ['Path=/', 'Secure', 'HttpOnly', 'SameSite=None', 'Partitioned']) expect(login.setCookie).toContain(attribute);
  });

  it('gives a fresh state and nonce to every login', async () => {
    const [a, b] = [await startLogin(bindings, platform), await startLogin(bindings, platform)];
    expect(a.state).not.toBe(b.state);
    expect(a.nonce).not.toBe(b.nonce);
  });

  it('takes the login as a form post too, and leaves lti_message_hint out when none is sent', async () => {
    const res = await callWith(bindings, '/lti/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ iss: platform.issuer, login_hint: 'user-7', target_link_uri: `${ORIGIN}/` }).toString(),
    });
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get('Location')!);
    expect(location.searchParams.get('client_id')).toBe('client-42');
    expect(location.searchParams.has('lti_message_hint')).toBe(false);
  });

  it('refuses an issuer that is not registered, naming it', async () => {
    const res = await callWith(bindings, `/lti/login?${new URLSearchParams({ iss: 'https://other-lms.example.org', login_hint: 'u' })}`);
    await expectRefusal(res, 400, /No platform https:\/\/other-lms\.example\.org is registered/);
  });

  it('refuses a client id the issuer has not registered', async () => {
    const res = await callWith(bindings, `/lti/login?${new URLSearchParams({ iss: platform.issuer, login_hint: 'u', client_id: 'someone-else' })}`);
    await expectRefusal(res, 400, /with client id someone-else/);
  });

  it('refuses a login without login_hint', async () => {
    const res = await callWith(bindings, `/lti/login?${new URLSearchParams({ iss: platform.issuer })}`);
    await expectRefusal(res, 400, /no "login_hint"/);
  });

  it('answers the login in a view the platform may frame', async () => {
    const res = await callWith(bindings, `/lti/login?${new URLSearchParams({ iss: 'https://nope.example', login_hint: 'u' })}`);
    expectSecurityHeaders(res, 'lti', '/lti/login');
  });
});

describe('a resource-link launch (LTI Core §5.3)', () => {
  it('shows the report the link points to inside the frame', async () => {
    const login = await startLogin(bindings, platform);
    const token = await signIdToken(platform, launchClaims(platform, login.nonce));

    const res = await postLaunch(bindings, token, login.state, login.cookie);
    const html = await res.text();

    expect(res.status, html.slice(0, 500)).toBe(200);
    expect(html).toContain('Driving the System Apart?');
    expect(html).toContain('<base target="_blank">');
    expect(html).toMatch(/<script src="\/lti\/lti.js" defer(="")?><\/script>/);
    expectSecurityHeaders(res, 'lti', '/lti/launch');
    expect(res.headers.get('Content-Security-Policy')).toContain('frame-ancestors *');
    expect(res.headers.get('Cache-Control')).toBe('no-store');
    // The nonce is good once: the login's cookie is cleared.
    expect(res.headers.get('Set-Cookie')).toMatch(new RegExp(`^__Host-lti-${login.state}=; Path=/; Max-Age=0;.*Partitioned`));
  });

  it('shows a section at its printed page, keeping the page anchor for the frame script', async () => {
    const login = await startLogin(bindings, platform);
    const token = await signIdToken(platform, launchClaims(platform, login.nonce, `${ORIGIN}/reports/${REPORT}/sections/7#p-11`));

    const res = await postLaunch(bindings, token, login.state, login.cookie);
    const html = await res.text();

    expect(res.status).toBe(200);
    expect(html).toMatch(/<html lang="en" data-lti-fragment="p-11">/);
    expect(html).toMatch(/Section 7|pp\. 9–14/);
  });

  it('shows the embeddable search box and a citation', async () => {
    for (const [target, words] of [
      [`${ORIGIN}/embed/${REPORT}`, /<report-search report="driving-the-system-apart"/],
      [`${ORIGIN}/api/reports/${REPORT}/cite?format=html&style=apa`, /Boutellis, A\. \(2013\)/],
    ] as const) {
      const login = await startLogin(bindings, platform);
      const res = await postLaunch(bindings, await signIdToken(platform, launchClaims(platform, login.nonce, target)), login.state, login.cookie);
      const body = await res.text();
      expect(res.status, `${target}: ${body.slice(0, 300)}`).toBe(200);
      expect(body).toMatch(words);
    }
  });
});

/** A launch whose id_token is signed as `sign` says, for a fresh login. */
async function launchWith(sign: (login: { nonce: string; state: string }) => Promise<string>): Promise<Response> {
  const login = await startLogin(bindings, platform);
  return postLaunch(bindings, await sign(login), login.state, login.cookie);
}

describe('each launch the tool refuses, saying why (Security Framework §5.1.3)', () => {
  const now = () => Math.floor(Date.now() / 1000);

  it('refuses an id_token signed with HS256', async () => {
    const res = await launchWith(({ nonce }) =>
      new SignJWT(launchClaims(platform, nonce)).setProtectedHeader({ alg: 'HS256', kid: platform.kid }).setIssuer(platform.issuer).setAudience(platform.clientId).setIssuedAt().setExpirationTime('1h').sign(new TextEncoder().encode('a-shared-secret-of-32-bytes-long!')),
    );
    await expectRefusal(res, 401, /not signed with RS256.*alg "HS256"/);
  });

  it('refuses an unsigned id_token (alg none)', async () => {
    const res = await launchWith(async ({ nonce }) => new UnsecuredJWT(launchClaims(platform, nonce)).setIssuer(platform.issuer).setAudience(platform.clientId).setIssuedAt().setExpirationTime('1h').encode());
    await expectRefusal(res, 401, /alg "none"/);
  });

  it('refuses a signature made by another key under the platform\'s kid', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const res = await launchWith(({ nonce }) => signIdToken(platform, launchClaims(platform, nonce), { key: privateKey }));
    await expectRefusal(res, 401, /signature does not verify/);
    // A refused launch uses up its login too.
    expect(res.headers.get('Set-Cookie')).toMatch(/^__Host-lti-[\w-]{22}=; Path=\/; Max-Age=0;/);
  });

  it('refuses a key id the platform\'s key set does not hold', async () => {
    const res = await launchWith(({ nonce }) => signIdToken(platform, launchClaims(platform, nonce), { kid: 'rotated-away' }));
    await expectRefusal(res, 401, /unknown key.*kid "rotated-away"/);
  });

  it('refuses another issuer', async () => {
    const res = await launchWith(({ nonce }) => signIdToken(platform, launchClaims(platform, nonce), { iss: 'https://evil.example' }));
    await expectRefusal(res, 401, /another issuer.*"https:\/\/evil\.example"/);
  });

  it('refuses a token for another tool (aud)', async () => {
    const res = await launchWith(({ nonce }) => signIdToken(platform, launchClaims(platform, nonce), { aud: 'another-tool' }));
    await expectRefusal(res, 401, /for another tool.*client id at https:\/\/lms\.example\.edu is client-42/);
  });

  it('accepts several audiences when azp names this tool, and refuses them when azp names another', async () => {
    const good = await launchWith(({ nonce }) => signIdToken(platform, { ...launchClaims(platform, nonce), azp: 'client-42' }, { aud: ['client-42', 'other'] }));
    expect(good.status).toBe(200);

    const bad = await launchWith(({ nonce }) => signIdToken(platform, { ...launchClaims(platform, nonce), azp: 'other' }, { aud: ['client-42', 'other'] }));
    await expectRefusal(bad, 401, /authorized for another party.*azp "other"/);

    const none = await launchWith(({ nonce }) => signIdToken(platform, launchClaims(platform, nonce), { aud: ['client-42', 'other'] }));
    await expectRefusal(none, 401, /2 audiences and azp nothing/);
  });

  it('refuses an expired token, beyond a minute of skew', async () => {
    const res = await launchWith(({ nonce }) => signIdToken(platform, launchClaims(platform, nonce), { iat: now() - 300, exp: now() - 120 }));
    await expectRefusal(res, 401, /has expired/);
  });

  it('accepts a token expired within the clock skew', async () => {
    const res = await launchWith(({ nonce }) => signIdToken(platform, launchClaims(platform, nonce), { iat: now() - 300, exp: now() - 20 }));
    expect(res.status).toBe(200);
  });

  // Issue 25: ten minutes at most, the minute of skew included (jose would add the skew to its maximum age).
  it('refuses a token issued 10½ minutes ago, and accepts one issued 9½ minutes ago', async () => {
    const old = await launchWith(({ nonce }) => signIdToken(platform, launchClaims(platform, nonce), { iat: now() - 630, exp: now() + 300 }));
    await expectRefusal(old, 401, /too old.*more than 10 minutes ago/);
    const recent = await launchWith(({ nonce }) => signIdToken(platform, launchClaims(platform, nonce), { iat: now() - 570, exp: now() + 300 }));
    expect(recent.status).toBe(200);
  });

  it('refuses a token issued in the future', async () => {
    const res = await launchWith(({ nonce }) => signIdToken(platform, launchClaims(platform, nonce), { iat: now() + 600, exp: now() + 4000 }));
    await expectRefusal(res, 401, /issued in the future/);
  });

  it('refuses a token without a nonce, and one with another login\'s nonce', async () => {
    const missing = await launchWith(({ nonce }) => {
      const claims = launchClaims(platform, nonce);
      delete claims.nonce;
      return signIdToken(platform, claims);
    });
    await expectRefusal(missing, 401, /has no nonce/);

    const other = await startLogin(bindings, platform);
    const mismatched = await launchWith(() => signIdToken(platform, launchClaims(platform, other.nonce)));
    await expectRefusal(mismatched, 401, /nonce does not match/);
  });

  it('refuses a replayed launch: same token, same cookie', async () => {
    const login = await startLogin(bindings, platform);
    const token = await signIdToken(platform, launchClaims(platform, login.nonce));
    expect((await postLaunch(bindings, token, login.state, login.cookie)).status).toBe(200);

    const replay = await postLaunch(bindings, token, login.state, login.cookie);
    await expectRefusal(replay, 401, /already used/);
  });

  // Issue 25: used nonces live in a Durable Object, by default: no KV namespace is needed for a replay to be refused.
  it('refuses a replay on a deployment without the KV namespace, and one without the cookie', async () => {
    const plain = ltiEnv({ LTI_PRIVATE_KEY: bindings.LTI_PRIVATE_KEY as string, LTI_PLATFORMS: bindings.LTI_PLATFORMS as string, withoutKv: true });
    expect(plain.LTI_REGISTRATIONS).toBeUndefined();
    const login = await startLogin(plain, platform);
    const token = await signIdToken(platform, launchClaims(platform, login.nonce));
    expect((await postLaunch(plain, token, login.state, login.cookie)).status).toBe(200);

    await expectRefusal(await postLaunch(plain, token, login.state, login.cookie), 401, /already used.*good once/);
    await expectRefusal(await postLaunch(plain, token, login.state, undefined), 401, /cannot be tied to this browser/);
  });

  it('keeps a used nonce in the Durable Object until its token expires, past any isolate: a fresh stub of the object refuses it', async () => {
    const login = await startLogin(bindings, platform);
    const token = await signIdToken(platform, launchClaims(platform, login.nonce));
    expect((await postLaunch(bindings, token, login.state, login.cookie)).status).toBe(200);

    // What a new isolate would do: address the object by name again and ask it.
    const nonces = (env as unknown as { LTI_NONCES: DurableObjectNamespace<UsedNonces> }).LTI_NONCES;
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(login.nonce)));
    const shard = nonces.get(nonces.idFromName(`${platform.issuer}#${digest[0].toString(16).padStart(2, '0')}`));
    expect(await shard.use(login.nonce, Math.floor(Date.now() / 1000) + 600)).toBe(false);
    expect(await shard.use(`${login.nonce}-other`, Math.floor(Date.now() / 1000) + 600)).toBe(true);
  });

  it('refuses every launch, saying why, where the nonce objects are not bound', async () => {
    const unbound = ltiEnv({ LTI_PRIVATE_KEY: bindings.LTI_PRIVATE_KEY as string, LTI_PLATFORMS: bindings.LTI_PLATFORMS as string });
    delete unbound.LTI_NONCES;
    const login = await startLogin(unbound, platform);
    const token = await signIdToken(platform, launchClaims(platform, login.nonce));
    await expectRefusal(await postLaunch(unbound, token, login.state, login.cookie), 503, /LTI_NONCES Durable Object binding is missing/);
  });

  it('refuses a launch whose state this browser was not given', async () => {
    const mine = await startLogin(bindings, platform);
    const theirs = await startLogin(bindings, platform);
    const token = await signIdToken(platform, launchClaims(platform, mine.nonce));

    await expectRefusal(await postLaunch(bindings, token, theirs.state, mine.cookie), 401, /holds no login for that "state"/);
    // The other login's cookie renamed to this state: signed for another state.
    const forged = `__Host-lti-${mine.state}=${theirs.cookie.split('=')[1]}`;
    await expectRefusal(await postLaunch(bindings, token, mine.state, forged), 401, /"state" does not match/);
    await expectRefusal(await postLaunch(bindings, token, mine.state, undefined), 401, /holds no login/);
    await expectRefusal(await postLaunch(bindings, token, 'not-a-state', mine.cookie), 401, /not one this tool makes/);
  });

  it('refuses a deployment the platform has not registered', async () => {
    const res = await launchWith(({ nonce }) => signIdToken(platform, { ...launchClaims(platform, nonce), [CLAIM.deploymentId]: 'deployment-9' }));
    await expectRefusal(res, 403, /deployment "deployment-9" of https:\/\/lms\.example\.edu; registered: deployment-1/);
  });

  it('refuses another LTI version', async () => {
    const res = await launchWith(({ nonce }) => signIdToken(platform, { ...launchClaims(platform, nonce), [CLAIM.version]: '1.1' }));
    await expectRefusal(res, 400, /Not an LTI 1\.3 launch.*"1\.1"/);
  });

  it('refuses a message type it does not handle', async () => {
    const res = await launchWith(({ nonce }) => signIdToken(platform, { ...launchClaims(platform, nonce), [CLAIM.messageType]: 'LtiSubmissionReviewRequest' }));
    await expectRefusal(res, 400, /does not handle.*"LtiSubmissionReviewRequest"/);
  });

  it('refuses a target elsewhere, or a path of this site that is not a report\'s', async () => {
    for (const [target, words] of [
      ['https://evil.example/phish', /https:\/\/evil\.example is not this deployment/],
      [`${ORIGIN}/api/openapi.json`, /\/api\/openapi\.json is not a report/],
      [`${ORIGIN}/lti/jwks`, /\/lti\/jwks is not a report/],
    ] as const) {
      const res = await launchWith(({ nonce }) => signIdToken(platform, launchClaims(platform, nonce, target)));
      await expectRefusal(res, 403, words);
    }
  });

  it('refuses a target report that does not exist, with the site\'s 404', async () => {
    const res = await launchWith(({ nonce }) => signIdToken(platform, launchClaims(platform, nonce, `${ORIGIN}/reports/no-such-report`)));
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('There is no report');
  });

  it('refuses a platform error answer, quoting it', async () => {
    const res = await callWith(bindings, '/lti/launch', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'error=login_required&error_description=No+session' });
    await expectRefusal(res, 400, /"login_required": No session/);
  });

  it('refuses a body that is not a form, and a form too large', async () => {
    await expectRefusal(await callWith(bindings, '/lti/launch', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' }), 415, /application\/x-www-form-urlencoded/);
    const huge = await callWith(bindings, '/lti/launch', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: `id_token=${'a'.repeat(70_000)}` });
    await expectRefusal(huge, 413, /at most 64 KiB/);
  });

  /** A form body sent in chunks (no Content-Length), counting what the Worker read of it. */
  function chunkedForm(chunks: number, chunkBytes = 16 * 1024) {
    const read = { chunks: 0 };
    const chunk = new TextEncoder().encode('a'.repeat(chunkBytes));
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (read.chunks === chunks) return controller.close();
        read.chunks++;
        controller.enqueue(chunk);
      },
    });
    return { read, init: { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body, duplex: 'half' } as RequestInit };
  }

  // Issue 25: in wrangler dev a 413 whose body was left half-read held the next request on the connection.
  it('reads a chunked form too large to its end before the 413, so the connection is free for the next request', async () => {
    const { read, init } = chunkedForm(40);
    await expectRefusal(await callWith(bindings, '/lti/launch', init), 413, /at most 64 KiB/);
    expect(read.chunks).toBe(40);
    const next = await callWith(bindings, `/reports/${REPORT}`);
    expect(next.status).toBe(200);
  });

  it('refuses a form declared too large by its Content-Length without reading it', async () => {
    const { read, init } = chunkedForm(40);
    const declared = { ...init, headers: { ...(init.headers as Record<string, string>), 'Content-Length': String(40 * 16 * 1024) } };
    await expectRefusal(await callWith(bindings, '/lti/launch', declared), 413, /at most 64 KiB/);
    expect(read.chunks).toBeLessThanOrEqual(1);
  });
});

describe('POST outside the LTI routes', () => {
  it('is still refused everywhere else: the site stays read-only', async () => {
    const res = await callWith(bindings, `/reports/${REPORT}`, { method: 'POST' });
    expect(res.status).toBe(405);
    expect(res.headers.get('Allow')).toBe('GET, HEAD, OPTIONS');
  });
});
