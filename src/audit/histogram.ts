/**
 * Counts of durations in whole seconds: quantiles in memory bounded by the
 * number of distinct seconds (a few thousand), however many calls there are.
 *
 * @example
 * ```ts
 * const h = new DurationHistogram();
 * h.add(61_200);
 * h.quantile(0.5); // 61000
 * ```
 */
export class DurationHistogram {
  private readonly counts = new Map<number, number>();
  private total = 0;

  add(ms: number): void {
    const second = Math.max(0, Math.round(ms / 1000));
    this.counts.set(second, (this.counts.get(second) ?? 0) + 1);
    this.total++;
  }

  get count(): number {
    return this.total;
  }

  /** Every whole second seen and its count, ascending. */
  bins(): { seconds: number; calls: number }[] {
    return [...this.counts.entries()].sort(([a], [b]) => a - b).map(([seconds, calls]) => ({ seconds, calls }));
  }

  /** Nearest-rank quantile in ms (the smallest value with at least `q` of the values at or below it); null when empty. */
  quantile(q: number): number | null {
    if (this.total === 0) return null;
    const rank = Math.max(1, Math.ceil(q * this.total));
    let seen = 0;
    for (const second of [...this.counts.keys()].sort((a, b) => a - b)) {
      seen += this.counts.get(second)!;
      if (seen >= rank) return second * 1000;
    }
    return null;
  }
}
