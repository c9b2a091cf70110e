/**
 * Every number the LTI tool lives by, with the reason for it, in one place:
 * lifetimes, clock skew, and the bounds on what platforms and browsers send
 * or the tool fetches.
 */

/**
 * A login's state and nonce live this long (seconds): the platform's
 * authentication answers in a second or two; five minutes leaves room for a
 * slow single sign-on page, and a stolen state cookie is soon worthless.
 */
export const LOGIN_STATE_SECONDS = 300;

/**
 * Clock skew allowed between the platform and us when checking `exp` and
 * `iat` (seconds). OpenID Connect Core §3.1.3.7 leaves it to the client; a
 * minute covers machines kept by NTP and refuses a token made for later.
 */
export const CLOCK_SKEW_SECONDS = 60;

/**
 * Oldest id_token accepted, by its `iat` (seconds), clock skew included: the platform signs it as
 * it answers the login, and the browser posts it at once. Ten minutes is
 * generous; jose also needs this bound to refuse an `iat` in the future.
 */
export const MAX_ID_TOKEN_AGE_SECONDS = 600;

/**
 * How long an instructor may stay on the deep-linking picker before its
 * signed context expires (seconds): long enough to browse the reports,
 * short enough that a copied form is soon useless.
 */
export const DEEP_LINK_CONTEXT_SECONDS = 1800;

/** The Deep Linking response lives this long (seconds): the browser posts it straight back. */
export const DEEP_LINK_RESPONSE_SECONDS = 300;

/**
 * Largest form body read (bytes). Canvas and Moodle id_tokens with custom
 * claims and names run to 10–20 KB; 64 KiB holds any real one and no more.
 */
export const MAX_FORM_BYTES = 64 * 1024;

/**
 * How much more of a form sent in chunks (no Content-Length) is read and
 * dropped before its 413 goes: in workerd a body left half-read or
 * cancelled held the next request on the same connection until it timed
 * out (`readBounded`). 100 MiB is the largest body Cloudflare passes to a
 * Worker (free and pro plans); dropping it is waiting on the network, a
 * few ms of CPU, so no refused post costs many times a normal request.
 */
export const MAX_FORM_DRAIN_BYTES = 100 * 1024 * 1024;

/** Longest single login parameter (characters): Canvas's `lti_message_hint` is a JWT of ~1 KB. */
export const MAX_LOGIN_PARAMETER = 4096;

/** Longest URL a platform may hand us (return URL, endpoints, configuration URL). */
export const MAX_URL_LENGTH = 2048;

/**
 * Longest deep-linking `data` echoed back (characters): the platform's own
 * opaque value (Canvas sends a JWT of ~500 characters); it travels inside
 * the picker's signed context, so it is bounded.
 */
export const MAX_DEEP_LINK_DATA = 4096;

/** Every fetch to a platform (its keys, its OpenID configuration, its registration endpoint) gives up after this (ms). */
export const OUTSIDE_FETCH_TIMEOUT_MS = 5000;

/** Largest answer read from a platform (bytes): a JWKS or an OpenID configuration is a few KB. */
export const OUTSIDE_FETCH_MAX_BYTES = 256 * 1024;

/** A platform's fetched JWKS is used this long before it is fetched again (ms); an unknown `kid` refetches sooner (jose's cooldown). */
export const JWKS_CACHE_MS = 10 * 60 * 1000;

/** Remote key sets kept per isolate, one per platform JWKS URL. */
export const MAX_REMOTE_KEY_SETS = 50;

/** Most platforms in `LTI_PLATFORMS`, and most keys in one inline JWKS or `LTI_PRIVATE_KEY`. */
export const MAX_PLATFORMS = 100;
export const MAX_KEYS = 10;

/** Most reports a picker lists; a larger library is picked by report id. */
export const MAX_PICKER_REPORTS = 500;

/**
 * Most dynamic registrations waiting for approval at once: a stranger may
 * open /lti/register as often as they like, and each one is kept until the
 * administrator approves it or it expires; twenty covers a campus rolling
 * out several platforms and bounds what a stranger can store.
 */
export const MAX_PENDING_REGISTRATIONS = 20;

/** A pending registration, and the link that approves it, live this long (seconds): a week for an administrator to read the log. */
export const PENDING_REGISTRATION_SECONDS = 7 * 24 * 3600;

/** Seconds KV keeps a record: its minimum TTL (KV refuses less than 60). */
export const KV_MIN_TTL_SECONDS = 60;
