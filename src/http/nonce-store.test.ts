import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { NonceStore, REPLAY_WINDOW_MS } from "./nonce-store.ts";
import { isRequestDateFresh } from "./request-date.ts";

describe("NonceStore", () => {
  it("refuses a nonce seen before", () => {
    const store = new NonceStore({ capacity: 10 });
    assert.equal(store.remember("a"), "fresh");
    assert.equal(store.remember("b"), "fresh");
    assert.equal(store.remember("a"), "used");
  });

  it("forgets a nonce once no request carrying it could still pass the date check", () => {
    let now = 1_000_000;
    const store = new NonceStore({ capacity: 10, now: () => now });
    store.remember("a");
    now += 2 * REPLAY_WINDOW_MS - 1;
    assert.equal(store.remember("a"), "used");
    now += 1;
    assert.equal(store.remember("a"), "fresh");
  });

  it("stays within its capacity and says so instead of forgetting live nonces", () => {
    let now = 0;
    const store = new NonceStore({ capacity: 2, windowMs: 1000, now: () => now });
    assert.equal(store.remember("a"), "fresh");
    now += 1500;
    assert.equal(store.remember("b"), "fresh");
    assert.equal(store.remember("c"), "full");
    assert.equal(store.size, 2);
    assert.equal(store.remember("a"), "used");
    now += 600; // "a" expires (lifetime 2000), which makes room.
    assert.equal(store.remember("c"), "fresh");
    assert.equal(store.size, 2);
  });
});

describe("isRequestDateFresh", () => {
  const now = Date.parse("2026-11-21T04:25:08Z");

  it("accepts the SDK's format within 15 minutes either way", () => {
    assert.equal(isRequestDateFresh("2026-11-21T04:25:08Z", now), true);
    assert.equal(isRequestDateFresh("2026-11-21T04:10:08Z", now), true);
    assert.equal(isRequestDateFresh("2026-11-21T04:40:08Z", now), true);
  });

  it("refuses stale, future and malformed dates", () => {
    assert.equal(isRequestDateFresh("2026-11-21T04:10:07Z", now), false);
    assert.equal(isRequestDateFresh("2026-11-21T04:40:09Z", now), false);
    assert.equal(isRequestDateFresh("Sat, 21 Nov 2026 04:25:08 GMT", now), false);
    assert.equal(isRequestDateFresh("2026-13-45T04:25:08Z", now), false);
    assert.equal(isRequestDateFresh(undefined, now), false);
  });
});
