/**
 * The only way the tool fetches from a platform: public https hosts only,
 * a time limit, a size limit, no redirects followed, never the fetched body
 * shown to the caller, and a clear refusal for each failure, so a slow or
 * hostile platform cannot hold a request or fill the isolate's memory, and
 * no caller can turn the tool against a service it reaches and they do not
 * (a loopback, private or link-local address).
 */
import { MAX_URL_LENGTH, OUTSIDE_FETCH_MAX_BYTES, OUTSIDE_FETCH_TIMEOUT_MS } from './limits';
import { ProblemError } from '../problem';
import { refusal } from './refusal';

/**
 * Where the tool may fetch. On a deployment: public https hosts only. On a
 * developer's machine, where the platform under test runs on the loopback
 * address, `LTI_LOOPBACK_PLATFORMS = "allow"` (a var set by the tests'
 * `wrangler dev`, never in production) also lets it reach http://localhost.
 */
export interface OutsideReach {
  loopback: boolean;
}

/** What a deployment may reach: public https hosts only. */
export const PUBLIC_HOSTS_ONLY: OutsideReach = { loopback: false };

/** The reach a deployment's variables give. */
export function outsideReach(env: { LTI_LOOPBACK_PLATFORMS?: string }): OutsideReach {
  return { loopback: env.LTI_LOOPBACK_PLATFORMS === 'allow' };
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
/** Names that only mean something on a private network (RFC 6761, RFC 8375 and common intranet suffixes). */
const PRIVATE_NAME = /(^|\.)(localhost|local|localdomain|internal|intranet|lan|home\.arpa|corp|test|invalid)$/;

/**
 * Why the tool will not fetch `text`, or null where it may: https on the
 * default port to a host named by a public domain (no literal IP address,
 * whose range a Worker cannot check, no single-label or private name, no
 * credentials). Where `reach.loopback`, http to this machine also passes.
 * @example unfetchable('http://127.0.0.1:8080/config', PUBLIC_HOSTS_ONLY) // 'only https URLs are fetched'
 */
export function unfetchable(text: string, reach: OutsideReach): string | null {
  if (text.length > MAX_URL_LENGTH || !URL.canParse(text)) return `it is not a URL of at most ${MAX_URL_LENGTH} characters`;
  const url = new URL(text);
  if (reach.loopback && LOOPBACK_HOSTS.has(url.hostname) && (url.protocol === 'http:' || url.protocol === 'https:')) return null;
  if (url.protocol !== 'https:') return 'only https URLs are fetched';
  if (url.username || url.password) return 'a URL with credentials is not fetched';
  if (url.port !== '') return 'only the default https port is fetched';
  const host = url.hostname.replace(/\.$/, '');
  // The URL parser writes every IPv4 form (decimal, hex, octal) dotted, and IPv6 in brackets.
  if (host.startsWith('[') || /^\d+(\.\d+){3}$/.test(host)) return 'a literal IP address is not fetched: name the platform by its domain';
  if (!host.includes('.') || PRIVATE_NAME.test(host)) return 'a host of a private network is not fetched';
  return null;
}

/** The refusal of a URL the tool will not fetch, naming why. */
function refusedUrl(href: string, why: string): Error {
  return refusal(400, 'lti-url-not-fetched', 'The tool does not fetch that address', `${href.slice(0, MAX_URL_LENGTH)} is not fetched: ${why}. Platforms are reached at their public https address.`);
}

/** The refusal of an answer that took too long, body included. */
const tooSlow = (href: string) => refusal(504, 'lti-platform-timeout', 'The platform did not answer in time', `${href.slice(0, MAX_URL_LENGTH)} gave no whole answer within ${OUTSIDE_FETCH_TIMEOUT_MS / 1000} s.`);

/**
 * Reads at most `maxBytes` of a body; null when it is longer. The rest of
 * a longer body is read and dropped, up to `drainBytes` more, before the
 * answer goes: an incoming request's body left half-read (or cancelled)
 * held the next request on the same connection in workerd until it timed
 * out; past `drainBytes` the stream is cancelled, so no body costs more
 * than that to refuse.
 * @example await readBounded(new Response('abc').body, 2) // null
 */
export async function readBounded(body: ReadableStream<Uint8Array> | null, maxBytes: number, drainBytes = 0): Promise<Uint8Array | null> {
  if (!body) return new Uint8Array();
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await drain(reader, drainBytes);
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** Reads and drops up to `bytes` more of a stream, then cancels what is left. */
async function drain(reader: ReadableStreamDefaultReader<Uint8Array>, bytes: number): Promise<void> {
  let dropped = 0;
  while (dropped <= bytes) {
    const { done, value } = await reader.read();
    if (done) return;
    dropped += value.byteLength;
  }
  await reader.cancel().catch(() => undefined);
}

/**
 * Fetches a platform URL within the limits; the answer's body is read whole
 * (so it is bounded) and handed back as a fresh Response. A URL outside
 * `reach` is refused before anything is sent; a redirect is not followed
 * (it comes back as the 3xx it is); no whole answer in time, body included,
 * is a 504; a network failure a 502 naming the URL.
 * @example const res = await boundedFetch('https://moodle.example.edu/mod/lti/certs.php')
 */
export async function boundedFetch(url: string | URL, init: RequestInit = {}, reach: OutsideReach = PUBLIC_HOSTS_ONLY): Promise<Response> {
  const href = String(url);
  const why = unfetchable(href, reach);
  if (why) throw refusedUrl(href, why);
  const signal = AbortSignal.timeout(OUTSIDE_FETCH_TIMEOUT_MS);
  try {
    const answer = await fetch(href, { ...init, redirect: 'manual', signal });
    const body = await readBounded(answer.body, OUTSIDE_FETCH_MAX_BYTES);
    if (body === null) {
      throw refusal(502, 'lti-platform-answer-too-large', 'The platform answered too much', `${href.slice(0, MAX_URL_LENGTH)} answered more than ${OUTSIDE_FETCH_MAX_BYTES / 1024} KiB; a key set or configuration is a few KB.`);
    }
    return new Response(body, { status: answer.status, headers: answer.headers });
  } catch (error) {
    if (error instanceof ProblemError) throw error;
    if (signal.aborted) throw tooSlow(href);
    throw refusal(502, 'lti-platform-unreachable', 'The platform could not be reached', `Fetching ${href.slice(0, MAX_URL_LENGTH)} failed: the connection failed.`);
  }
}

/**
 * Fetches and parses JSON from a platform, refusing a non-2xx answer or a body that is not JSON.
 * @example const config = await fetchJson('https://moodle.example.edu/mod/lti/openid-configuration.php')
 */
export async function fetchJson(url: string, init: RequestInit = {}, reach: OutsideReach = PUBLIC_HOSTS_ONLY): Promise<unknown> {
  const answer = await boundedFetch(url, { ...init, headers: { Accept: 'application/json', ...(init.headers as Record<string, string> | undefined) } }, reach);
  const text = await answer.text();
  // The body is never shown: whatever answered is not the caller's to read.
  if (!answer.ok) throw refusal(502, 'lti-platform-error', 'The platform refused', `${url.slice(0, MAX_URL_LENGTH)} answered ${answer.status}${answer.status >= 300 && answer.status < 400 ? ' (a redirect, which the tool does not follow)' : ''}.`);
  try {
    return JSON.parse(text);
  } catch {
    throw refusal(502, 'lti-platform-error', 'The platform answered something else than JSON', `${url.slice(0, MAX_URL_LENGTH)} answered ${answer.status} with a body that is not JSON.`);
  }
}
