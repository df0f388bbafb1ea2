/** The replay window of alibaba-wire-protocol.md §2.2: `x-acs-date` within 15 minutes of server time. */
export const REPLAY_WINDOW_MS = 15 * 60 * 1000;

/** What {@link NonceStore.remember} found. */
export type NonceOutcome = "fresh" | "used" | "full";

/**
 * Remembers signature nonces long enough to refuse a replay (`SignatureNonceUsed`, §2.2) with bounded memory.
 *
 * A request is accepted only when its date is within ±window of the clock, so a nonce can be replayed at most until
 * `now + 2 × window`; entries live that long and no longer. Entries are kept in insertion order, whose expiry times
 * never decrease, so expired ones are swept from the front in amortised constant time. When the store is full of
 * live nonces it answers `"full"` rather than forget one: forgetting would reopen the replay it guards against.
 *
 * @example
 * const nonces = new NonceStore({ capacity: 100_000 });
 * if (nonces.remember(`${accessKeyId}:${nonce}`) === "used") throw new RecognitionError("SignatureNonceUsed");
 */
export class NonceStore {
  readonly #expiries = new Map<string, number>();
  readonly #capacity: number;
  readonly #lifetimeMs: number;
  readonly #now: () => number;

  constructor(options: { capacity: number; windowMs?: number; now?: () => number }) {
    this.#capacity = options.capacity;
    this.#lifetimeMs = 2 * (options.windowMs ?? REPLAY_WINDOW_MS);
    this.#now = options.now ?? Date.now;
  }

  /** Number of nonces currently remembered. */
  get size(): number {
    return this.#expiries.size;
  }

  /** Records a nonce; `"used"` when it was seen within its lifetime, `"full"` when there is no room for it. */
  remember(nonce: string): NonceOutcome {
    const now = this.#now();
    this.#sweep(now);
    if (this.#expiries.has(nonce)) return "used";
    if (this.#expiries.size >= this.#capacity) return "full";
    this.#expiries.set(nonce, now + this.#lifetimeMs);
    return "fresh";
  }

  #sweep(now: number): void {
    for (const [nonce, expiry] of this.#expiries) {
      if (expiry > now) return;
      this.#expiries.delete(nonce);
    }
  }
}
