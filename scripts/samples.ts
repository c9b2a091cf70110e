/** Timings as the benches summarise them: percentiles of sorted samples, medians. */

/**
 * The `p`th percentile of samples sorted in ascending order (nearest rank).
 * @example percentile([1, 2, 3, 4], 50) // 3
 */
export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/**
 * The median of samples in any order.
 * @example median([3, 1, 2]) // 2
 */
export function median(samples: number[]): number {
  return percentile([...samples].sort((a, b) => a - b), 50);
}
