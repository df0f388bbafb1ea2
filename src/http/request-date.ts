import { REPLAY_WINDOW_MS } from "./nonce-store.ts";

// §1.2: the SDK sends `YYYY-MM-DDTHH:mm:ssZ` in UTC, no milliseconds. Milliseconds are tolerated for other clients.
const ACS_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

/**
 * Whether an `x-acs-date` value is well formed and within the replay window of the server's clock (§2.2: "within
 * 15 minutes"). Both directions count, since client clocks run fast as well as slow.
 */
export function isRequestDateFresh(
  value: string | undefined,
  now: number,
  windowMs = REPLAY_WINDOW_MS,
): boolean {
  if (value === undefined || !ACS_DATE.test(value)) return false;
  const time = Date.parse(value);
  return Number.isFinite(time) && Math.abs(now - time) <= windowMs;
}
