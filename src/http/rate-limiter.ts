/**
 * Per-key token buckets: a key with `ratePerSecond` r may make r requests per second on average and bursts of up to
 * r (at least 1). Buckets are created on first use; there is one per configured key, so memory is bounded by the
 * configuration.
 */
export class RateLimiter {
  readonly #buckets = new Map<string, { tokens: number; updatedAt: number }>();
  readonly #now: () => number;

  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  /** Takes one token for `key`: 0 when the request may go, else the milliseconds until a token is free. */
  take(key: string, ratePerSecond: number): number {
    const now = this.#now();
    const capacity = Math.max(1, ratePerSecond);
    const bucket = this.#buckets.get(key) ?? { tokens: capacity, updatedAt: now };
    bucket.tokens = Math.min(capacity, bucket.tokens + ((now - bucket.updatedAt) / 1000) * ratePerSecond);
    bucket.updatedAt = now;
    this.#buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return ((1 - bucket.tokens) / ratePerSecond) * 1000;
  }
}
