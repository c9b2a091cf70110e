/**
 * Edit distance between words, and a cheap lower bound on it from character
 * counts alone: the bound lets a caller pass over a word that cannot be near
 * without computing the distance (the query builder, before asking MiniSearch
 * for typos; the "did you mean" correction, before comparing two words).
 */

// Characters are counted in this many buckets (by code unit); sharing a bucket only weakens the bound below.
const COUNT_BUCKETS = 32;

export function characterCounts(word: string): Uint8Array {
  const counts = new Uint8Array(COUNT_BUCKETS);
  for (let i = 0; i < word.length; i++) counts[word.charCodeAt(i) % COUNT_BUCKETS]++;
  return counts;
}

/** Which count buckets a word uses, one bit each: a coarser bound that costs one operation. */
export function characterMask(word: string): number {
  let mask = 0;
  for (let i = 0; i < word.length; i++) mask |= 1 << (word.charCodeAt(i) % COUNT_BUCKETS);
  return mask;
}

/** Set bits of a 32-bit number. */
function bitCount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/**
 * A lower bound on the edit distance from which count buckets the words use:
 * each bucket one word uses and the other does not needs an edit. Never more
 * than `distanceAtLeast`, so it may rule a word out first.
 */
export function maskDistanceAtLeast(a: number, b: number): number {
  return Math.max(bitCount(a & ~b), bitCount(b & ~a));
}

/**
 * A lower bound on the edit distance from the characters alone: an insertion
 * or deletion changes one count by one, a substitution two counts by one.
 */
export function distanceAtLeast(a: Uint8Array, b: Uint8Array): number {
  let missing = 0;
  let extra = 0;
  for (let i = 0; i < COUNT_BUCKETS; i++) {
    const difference = a[i] - b[i];
    if (difference > 0) missing += difference;
    else extra -= difference;
  }
  return Math.max(missing, extra);
}

/**
 * Edit distance (insert, delete, substitute) between two words, or any number
 * above `atMost` as soon as it is sure to exceed it.
 * @example editDistance('intergration', 'integration') // 1
 */
export function editDistance(a: string, b: string, atMost = Infinity): number {
  let previous = new Uint16Array(b.length + 1).map((_, i) => i);
  let current = new Uint16Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowBest = i;
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (current[j] < rowBest) rowBest = current[j];
    }
    if (rowBest > atMost) return rowBest;
    [previous, current] = [current, previous];
  }
  return previous[b.length];
}

