/**
 * The only way the tool fetches from a platform: a time limit, a size limit,
 * no redirects followed, and a clear refusal for each failure, so a slow or
 * hostile platform cannot hold a request or fill the isolate's memory.
 */
import { MAX_URL_LENGTH, OUTSIDE_FETCH_MAX_BYTES, OUTSIDE_FETCH_TIMEOUT_MS } from './limits';
import { refusal } from './refusal';

/**
 * Reads at most `maxBytes` of a body; null when it is longer.
 * @example await readBounded(new Response('abc'), 2) // null
 */
export async function readBounded(body: ReadableStream<Uint8Array> | null, maxBytes: number): Promise<Uint8Array | null> {
  if (!body) return new Uint8Array();
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
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

/**
 * Fetches a platform URL within the limits; the answer's body is read whole
 * (so it is bounded) and handed back as a fresh Response. Network failures
 * and timeouts become a 502 refusal naming the URL.
 * @example const res = await boundedFetch('https://moodle.example.edu/mod/lti/certs.php')
 */
export async function boundedFetch(url: string | URL, init: RequestInit = {}): Promise<Response> {
  const href = String(url);
  let answer: Response;
  try {
    answer = await fetch(href, { ...init, redirect: 'manual', signal: AbortSignal.timeout(OUTSIDE_FETCH_TIMEOUT_MS) });
  } catch (error) {
    const why = error instanceof Error && error.name === 'TimeoutError' ? `no answer within ${OUTSIDE_FETCH_TIMEOUT_MS / 1000} s` : 'the connection failed';
    throw refusal(502, 'lti-platform-unreachable', 'The platform could not be reached', `Fetching ${href.slice(0, MAX_URL_LENGTH)} failed: ${why}.`);
  }
  const body = await readBounded(answer.body, OUTSIDE_FETCH_MAX_BYTES);
  if (body === null) {
    throw refusal(502, 'lti-platform-answer-too-large', 'The platform answered too much', `${href.slice(0, MAX_URL_LENGTH)} answered more than ${OUTSIDE_FETCH_MAX_BYTES / 1024} KiB; a key set or configuration is a few KB.`);
  }
  return new Response(body, { status: answer.status, headers: answer.headers });
}

/**
 * Fetches and parses JSON from a platform, refusing a non-2xx answer or a body that is not JSON.
 * @example const config = await fetchJson('https://moodle.example.edu/mod/lti/openid-configuration.php')
 */
export async function fetchJson(url: string, init: RequestInit = {}): Promise<unknown> {
  const answer = await boundedFetch(url, { ...init, headers: { Accept: 'application/json', ...(init.headers as Record<string, string> | undefined) } });
  const text = await answer.text();
  if (!answer.ok) {
    throw refusal(502, 'lti-platform-error', 'The platform refused', `${url.slice(0, MAX_URL_LENGTH)} answered ${answer.status}: ${text.slice(0, 300)}`);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw refusal(502, 'lti-platform-error', 'The platform answered something else than JSON', `${url.slice(0, MAX_URL_LENGTH)} answered ${answer.status} with a body that is not JSON.`);
  }
}
