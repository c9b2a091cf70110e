/**
 * The Worker: report-edge's Hono app, served by the Workers runtime at the
 * configured public origin, if any (see `src/public-origin.ts`).
 */
import { createApp } from './app';
import { servedAtPublicOrigin } from './public-origin';

export default servedAtPublicOrigin(createApp());

/** The Durable Object class of the LTI tool's used nonces (wrangler.toml's LTI_NONCES). */
export { UsedNonces } from './lti/used-nonces';
