/**
 * A nonce is good once (OpenID Connect Core §15.5.2, Security Framework
 * §5.1.3 step 7), at every edge location. The launch clears the browser's
 * login cookie, which stops the same browser reusing it; each nonce used
 * is also kept in a Durable Object until its id_token would have expired
 * anyway, which stops a replay that carries the cookie too. A Durable
 * Object is one place in the world with strongly consistent storage, so a
 * replay at another location, a second later, is refused as surely as one
 * at the same place (KV, used before, is eventually consistent: a replay
 * elsewhere within a minute could pass).
 *
 * The objects are keyed by issuer and the first byte of the nonce's hash,
 * so launches spread over 256 objects per platform and none is a
 * bottleneck. `wrangler.toml` declares the binding and its migration, so a
 * deploy creates them with no manual step.
 */
import { DurableObject } from 'cloudflare:workers';
import { CLOCK_SKEW_SECONDS } from './limits';
import { notConfigured, refusal } from './refusal';

/** The binding of the nonce objects (`wrangler.toml`). */
export interface NonceBindings {
  LTI_NONCES?: DurableObjectNamespace<UsedNonces>;
}

/**
 * One shard of the used nonces: a SQLite table of nonce → when it may be
 * forgotten. Its one method is atomic (a Durable Object runs one call at a
 * time), so two launches with one nonce cannot both pass.
 */
export class UsedNonces extends DurableObject {
  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    ctx.storage.sql.exec('CREATE TABLE IF NOT EXISTS used (nonce TEXT PRIMARY KEY, forget_at INTEGER NOT NULL)');
    ctx.storage.sql.exec('CREATE INDEX IF NOT EXISTS used_forget_at ON used (forget_at)');
  }

  /**
   * Marks a nonce used until `forgetAt` (seconds since the epoch).
   * @returns true the first time, false for a nonce already used
   */
  use(nonce: string, forgetAt: number): boolean {
    const now = Math.floor(Date.now() / 1000);
    // Nonces whose tokens have expired can never pass again: forgotten as the table is used.
    this.ctx.storage.sql.exec('DELETE FROM used WHERE forget_at < ?', now);
    const inserted = this.ctx.storage.sql.exec('INSERT OR IGNORE INTO used (nonce, forget_at) VALUES (?, ?)', nonce, forgetAt);
    return inserted.rowsWritten > 0;
  }
}

/** Which object holds a nonce: the platform and the first byte of the nonce's SHA-256. */
async function shardName(issuer: string, nonce: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(nonce)));
  return `${issuer}#${digest[0].toString(16).padStart(2, '0')}`;
}

/**
 * Refuses a nonce already used, and keeps this one until `exp` (plus the skew).
 * @example await useNonceOnce(env, claims.iss, claims.nonce, claims.exp)
 */
export async function useNonceOnce(env: NonceBindings, issuer: string, nonce: string, exp: number): Promise<void> {
  const namespace = env.LTI_NONCES;
  // Fail closed: without its store a nonce could be replayed.
  if (!namespace) throw notConfigured('The LTI_NONCES Durable Object binding is missing, so a launch could be replayed: keep the [[durable_objects.bindings]] and [[migrations]] of wrangler.toml.');
  const stub = namespace.get(namespace.idFromName(await shardName(issuer, nonce)));
  const first = await stub.use(nonce, Math.ceil(exp) + CLOCK_SKEW_SECONDS);
  if (!first) {
    throw refusal(401, 'lti-replayed-nonce', 'This launch was already used', 'Its nonce has been used by an earlier launch: an id_token is good once (OpenID Connect Core §15.5.2). Launch again from your course.');
  }
}
