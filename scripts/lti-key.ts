/**
 * `npm run lti:key`: makes a new RS256 key for the LTI tool (a private JWK
 * with a `kid`, on jose) and prints it, one line, ready for
 * `npx wrangler secret put LTI_PRIVATE_KEY`. When `.dev.vars` (read by
 * `npm start`, ignored by git) sets no LTI_PRIVATE_KEY yet, the key is
 * written there too, so the local tool runs at once.
 *
 * To rotate in production: put `[new, old]` (a JSON array) in the secret;
 * the first signs, both are published at /lti/jwks until the old is dropped.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { exportJWK, generateKeyPair, calculateJwkThumbprint, type JWK } from 'jose';

/** Where wrangler dev reads local secrets. */
const DEV_VARS = '.dev.vars';

/**
 * A new private RSA JWK for RS256, its `kid` the date and the start of its thumbprint (RFC 7638).
 * @example const jwk = await newToolKey() // { kty: 'RSA', kid: 'report-edge-2026-11-28-Xy3…', alg: 'RS256', n, e, d, p, q, dp, dq, qi }
 */
export async function newToolKey(now = new Date()): Promise<JWK> {
  const { privateKey } = await generateKeyPair('RS256', { modulusLength: 2048, extractable: true });
  const jwk = await exportJWK(privateKey);
  const thumbprint = await calculateJwkThumbprint(jwk);
  return { ...jwk, kid: `report-edge-${now.toISOString().slice(0, 10)}-${thumbprint.slice(0, 8)}`, alg: 'RS256', use: 'sig' };
}

async function main() {
  const text = JSON.stringify(await newToolKey());
  console.log(text);
  const devVars = existsSync(DEV_VARS) ? readFileSync(DEV_VARS, 'utf8') : '';
  if (/^\s*LTI_PRIVATE_KEY\s*=/m.test(devVars)) {
    console.error(`${DEV_VARS} already sets LTI_PRIVATE_KEY: left as it is. The key above is new; use it for production:\n  npx wrangler secret put LTI_PRIVATE_KEY`);
    return;
  }
  writeFileSync(DEV_VARS, `${devVars}${devVars === '' || devVars.endsWith('\n') ? '' : '\n'}LTI_PRIVATE_KEY='${text}'\n`);
  console.error(`Written to ${DEV_VARS} for npm start. For production, paste it into:\n  npx wrangler secret put LTI_PRIVATE_KEY`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
