/**
 * BoundedCache: what the Worker keeps between requests can never grow past
 * its capacity, whatever keys requests make it hold.
 */
import { describe, expect, it } from 'vitest';
import { BoundedCache, cached, utcDay } from '../../src/isolate-cache';

describe('BoundedCache', () => {
  it('holds at most its capacity, however many distinct keys arrive', () => {
    const cache = new BoundedCache<number>(8);
    for (let i = 0; i < 1000; i++) cache.set(`key ${i}`, i);

    expect(cache.size).toBe(8);
    expect(cache.get('key 999')).toBe(999);
    expect(cache.get('key 992')).toBe(992);
    expect(cache.get('key 991')).toBeUndefined();
  });

  it('forgets the least recently used entry first: a read counts as a use', () => {
    const cache = new BoundedCache<string>(2);
    cache.set('a', 'A');
    cache.set('b', 'B');
    cache.get('a');
    cache.set('c', 'C');

    expect(cache.get('a')).toBe('A');
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('c')).toBe('C');
  });

  it('replaces a value set again without growing', () => {
    const cache = new BoundedCache<string>(2);
    cache.set('a', 'A');
    cache.set('a', 'A2');

    expect(cache.size).toBe(1);
    expect(cache.get('a')).toBe('A2');
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses a capacity of %s', (capacity) => {
    expect(() => new BoundedCache(capacity)).toThrow(/^BoundedCache: capacity/);
  });
});

describe('BoundedCache by weight', () => {
  it('keeps at most its capacity in total weight, forgetting the least recently used first', () => {
    const cache = new BoundedCache<string>(10, (text) => text.length);
    cache.set('a', 'aaaa');
    cache.set('b', 'bbbb');
    cache.get('a');
    cache.set('c', 'cccc');

    expect(cache.keys()).toEqual(['a', 'c']);
    expect(cache.weight).toBe(8);
  });

  it('keeps the newest entry even when it alone is over the capacity', () => {
    const cache = new BoundedCache<string>(10, (text) => text.length);
    cache.set('a', 'aaaa');
    cache.set('huge', 'x'.repeat(50));

    expect(cache.keys()).toEqual(['huge']);
    expect(cache.weight).toBe(50);
  });

  it('counts a replaced value once', () => {
    const cache = new BoundedCache<string>(10, (text) => text.length);
    cache.set('a', 'aaaa');
    cache.set('a', 'aaaaaa');

    expect(cache.weight).toBe(6);
    expect(cache.size).toBe(1);
  });
});

describe('cached', () => {
  it('makes a value once per key, then answers it from the cache', async () => {
    const cache = new BoundedCache<string>(4);
    let made = 0;
    const make = () => `value ${++made}`;

    expect(await cached(cache, 'k', make)).toBe('value 1');
    expect(await cached(cache, 'k', make)).toBe('value 1');
    expect(await cached(cache, 'other', make)).toBe('value 2');
    expect(made).toBe(2);
  });

  it('keeps nothing when making the value fails, so the next request tries again', async () => {
    const cache = new BoundedCache<string>(4);

    await expect(cached(cache, 'k', async () => Promise.reject(new Error('render failed')))).rejects.toThrow('render failed');
    expect(cache.size).toBe(0);
    expect(await cached(cache, 'k', () => 'made')).toBe('made');
  });
});

describe('utcDay', () => {
  it('is the day in UTC, whatever the hour', () => {
    expect(utcDay(new Date('2026-04-01T00:00:00Z'))).toBe('2026-04-01');
    expect(utcDay(new Date('2026-04-01T23:59:59.999Z'))).toBe('2026-04-01');
    expect(utcDay(new Date('2026-04-02T00:00:00Z'))).toBe('2026-04-02');
  });
});
