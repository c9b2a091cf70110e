/**
 * Answers kept in the isolate's memory between requests, for what costs far
 * more to make than to keep and is the same for every request with the same
 * key (a report page is 86 KB of HTML made from ~150 citation look-ups).
 *
 * Every cache is a `BoundedCache`: a fixed number of entries, the least
 * recently used dropped first, so no sequence of requests can make one grow
 * (a client chooses the `Host`, and so the origin in a key). Keys are built
 * from what the answer is made of, never from the raw URL, so `?x=1`
 * variants of one page share one entry. A new deploy starts new isolates, so
 * nothing outlives the build it was made from.
 */

/**
 * Rendered pages kept per isolate. Each is made for one origin and one UTC
 * day. With `PUBLIC_ORIGIN` set there is one origin, and a report has a page,
 * an embed page and a page per section (12 for today's report of 10
 * sections), so 64 holds the pages of about five reports; at worst 64 times
 * the largest page (86 KB) is ~5.5 MB of an isolate's 128 MB.
 */
export const PAGE_CACHE_ENTRIES = 64;

/**
 * API answers kept per isolate (the report with its table of contents, the
 * list of reports): a few KB each, one per report and origin.
 */
export const API_CACHE_ENTRIES = 64;

/**
 * A map that forgets the least recently used entries beyond its capacity:
 * at most `capacity` entries, or, given `weigh`, at most `capacity` in total
 * weight (say, bytes). The newest entry is always kept, however heavy.
 * @example
 * const cache = new BoundedCache<string>(2);
 * cache.set('a', 'A'); cache.set('b', 'B'); cache.set('c', 'C');
 * cache.get('a') // undefined: the oldest went when the third came
 */
export class BoundedCache<V> {
  readonly #entries = new Map<string, { value: V; weight: number }>();
  #weight = 0;

  constructor(
    readonly capacity: number,
    readonly weigh: (value: V) => number = () => 1,
  ) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new Error(`BoundedCache: capacity must be a positive whole number, not ${capacity}`);
  }

  /** The value kept for `key`, now the most recently used, or undefined. */
  get(key: string): V | undefined {
    const entries = this.#entries;
    const entry = entries.get(key);
    if (entry === undefined) return undefined;
    // A Map keeps insertion order: moving the key to the end marks it as the most recently used.
    entries.delete(key);
    entries.set(key, entry);
    return entry.value;
  }

  /** Keeps `value` for `key`, forgetting the least recently used entries beyond the capacity. */
  set(key: string, value: V): void {
    const entries = this.#entries;
    const old = entries.get(key);
    if (old) {
      this.#weight -= old.weight;
      entries.delete(key);
    }
    const weight = this.weigh(value);
    entries.set(key, { value, weight });
    this.#weight += weight;
    while (this.#weight > this.capacity && entries.size > 1) {
      const [oldest, entry] = entries.entries().next().value!;
      entries.delete(oldest);
      this.#weight -= entry.weight;
    }
  }

  /** The keys, least recently used first. */
  keys(): string[] {
    return [...this.#entries.keys()];
  }

  get size(): number {
    return this.#entries.size;
  }

  /** The total weight kept (the number of entries, without `weigh`). */
  get weight(): number {
    return this.#weight;
  }

  clear(): void {
    this.#entries.clear();
    this.#weight = 0;
  }
}

/**
 * The value for `key`, made by `make` and kept when absent. A failed `make`
 * keeps nothing.
 * @example await cached(pages, 'home', async () => '<!DOCTYPE html>…')
 */
export async function cached<V>(cache: BoundedCache<V>, key: string, make: () => V | Promise<V>): Promise<V> {
  const kept = cache.get(key);
  if (kept !== undefined) return kept;
  const value = await make();
  cache.set(key, value);
  return value;
}

/**
 * A text as the UTF-8 bytes a response sends, for a kept answer: encode it
 * once, not per request. A JavaScript string holding any character beyond
 * Latin-1 (a curly quote, an ellipsis) is converted to UTF-8 every time it
 * becomes a response body; for the 60 KB report page that conversion cost
 * more CPU than the rest of the request (measured in workerd, 1.3 ms → 0.5 ms).
 * @example new TextDecoder().decode(utf8Bytes('’')) // '’'
 */
export function utf8Bytes(text: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(text) as Uint8Array<ArrayBuffer>;
}

/**
 * The UTC day of a date, `YYYY-MM-DD`: what a page's citations' access dates
 * are made of, so a key holding it changes when they do.
 * @example utcDay(new Date('2026-04-01T23:59:59Z')) // '2026-04-01'
 */
export function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
