/**
 * The tool's own keys, from the `LTI_PRIVATE_KEY` secret: one private RSA
 * JWK with a `kid`, or a JSON array of them for rotation (the first signs;
 * all are published at /lti/jwks, so messages signed with an older key
 * still verify while platforms refresh). Security Framework §6.1–§6.3.
 */
import { createLocalJWKSet, importJWK, type JWK, type JWTVerifyGetKey } from 'jose';
import { SIGNING_ALGORITHM } from './claims';
import { MAX_KEYS } from './limits';
import { notConfigured } from './refusal';

export interface ToolKeys {
  /** Signs what the tool sends: the login-state cookie, the picker's context, Deep Linking responses. */
  signing: { key: CryptoKey; kid: string };
  /** The public halves, as /lti/jwks publishes them. */
  publicJwks: { keys: JWK[] };
  /** Verifies what the tool signed, with any of its keys. */
  verify: JWTVerifyGetKey;
}

const HOW_TO_SET =
  'Generate a key with `npm run lti:key` (it prints one and writes it to .dev.vars for `npm start`), then set it in production with `npx wrangler secret put LTI_PRIVATE_KEY`.';

/** The public members of an RSA JWK, with what a verifier needs to pick it. */
function publicHalf(jwk: JWK & { kid: string }): JWK {
  return { kty: 'RSA', n: jwk.n, e: jwk.e, kid: jwk.kid, alg: SIGNING_ALGORITHM, use: 'sig' };
}

function readJwks(text: string): Array<JWK & { kid: string }> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw notConfigured(`LTI_PRIVATE_KEY is not JSON: it must be a private RSA JWK (or a JSON array of them). ${HOW_TO_SET}`);
  }
  const list = Array.isArray(json) ? json : [json];
  if (list.length === 0 || list.length > MAX_KEYS) throw notConfigured(`LTI_PRIVATE_KEY must hold 1 to ${MAX_KEYS} keys; it holds ${list.length}. ${HOW_TO_SET}`);
  return list.map((jwk, i) => {
    const where = Array.isArray(json) ? `LTI_PRIVATE_KEY[${i}]` : 'LTI_PRIVATE_KEY';
    if (typeof jwk !== 'object' || jwk === null || jwk.kty !== 'RSA' || typeof jwk.n !== 'string' || typeof jwk.d !== 'string') {
      throw notConfigured(`${where} is not a private RSA JWK (kty "RSA" with n, e, d, p, q…). ${HOW_TO_SET}`);
    }
    if (typeof jwk.kid !== 'string' || jwk.kid === '' || jwk.kid.length > 255) throw notConfigured(`${where} has no "kid": platforms pick the key by it. ${HOW_TO_SET}`);
    return jwk as JWK & { kid: string };
  });
}

async function loadToolKeys(text: string): Promise<ToolKeys> {
  const jwks = readJwks(text);
  const kids = new Set(jwks.map((j) => j.kid));
  if (kids.size !== jwks.length) throw notConfigured('LTI_PRIVATE_KEY names one "kid" twice; each key needs its own.');
  let key: CryptoKey;
  try {
    key = (await importJWK(jwks[0], SIGNING_ALGORITHM)) as CryptoKey;
  } catch (error) {
    throw notConfigured(`LTI_PRIVATE_KEY's first key does not import as an RS256 private key (${(error as Error).message}). ${HOW_TO_SET}`);
  }
  const publicJwks = { keys: jwks.map(publicHalf) };
  return { signing: { key, kid: jwks[0].kid }, publicJwks, verify: createLocalJWKSet(publicJwks) };
}

let loaded: { text: string; keys: Promise<ToolKeys> } | null = null;

/**
 * The tool's keys from the secret, imported once per isolate; without a
 * secret, or with one that does not read, a 503 saying how to set one.
 * @example const { signing, publicJwks } = await toolKeys(env.LTI_PRIVATE_KEY)
 */
export function toolKeys(secret: string | undefined): Promise<ToolKeys> {
  if (secret === undefined || secret.trim() === '') return Promise.reject(notConfigured(`No key is set for the LTI tool (the secret LTI_PRIVATE_KEY). ${HOW_TO_SET}`));
  if (loaded?.text !== secret) loaded = { text: secret, keys: loadToolKeys(secret) };
  return loaded.keys;
}
