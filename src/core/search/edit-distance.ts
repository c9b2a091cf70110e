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

