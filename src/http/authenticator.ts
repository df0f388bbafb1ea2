import type { IncomingHttpHeaders } from "node:http";
import type { AccessKeyConfig, Action } from "../config/server-config.ts";
import { RecognitionError } from "../errors.ts";
import { type Acs3Authorization, parseAcs3Authorization, verifyAcs3Signature } from "./acs3-signature.ts";
import { NonceStore } from "./nonce-store.ts";
import { isRequestDateFresh } from "./request-date.ts";
import { ThrottledError } from "./throttled-error.ts";

// Without these signed, a captured request could be replayed with another action, version, date, nonce or body.
const REQUIRED_SIGNED_HEADERS = [
  "host",
  "x-acs-action",
  "x-acs-version",
  "x-acs-date",
  "x-acs-signature-nonce",
  "x-acs-content-sha256",
];

/** A caller whose headers passed the first checks; its signature is verified once the body has been read. */
export interface Caller {
  key: AccessKeyConfig;
  authorization: Acs3Authorization;
}

const header = (headers: IncomingHttpHeaders, name: string): string | undefined => {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/**
 * The authentication policy of the service (api.md §5), in the POP gateway's order: signature present
 * (`MissingSignature`), key known (`InvalidAccessKeyId.NotFound`), date fresh (`InvalidTimeStamp.Expired`), then,
 * after the body has been read and hashed, signature right (`SignatureDoesNotMatch`), nonce new
 * (`SignatureNonceUsed`) and action permitted (`noPermission`). Permission is judged only for a verified caller, so
 * a stranger learns nothing about what a key may do.
 */
export class Authenticator {
  readonly #keys: Map<string, AccessKeyConfig>;
  readonly #nonces: NonceStore;
  readonly #now: () => number;

  constructor(keys: readonly AccessKeyConfig[], options: { nonceCapacity: number; now?: () => number }) {
    this.#keys = new Map(keys.map((key) => [key.accessKeyId, key]));
    this.#now = options.now ?? Date.now;
    this.#nonces = new NonceStore({ capacity: options.nonceCapacity, now: this.#now });
  }

  /** True when no keys are configured: every request is accepted (and the server stays on loopback). */
  get open(): boolean {
    return this.#keys.size === 0;
  }

  /** The checks that need only the headers, made before a byte of the body is read. */
  checkHeaders(headers: IncomingHttpHeaders): Caller {
    const text = header(headers, "authorization");
    if (text === undefined || text === "") throw new RecognitionError("MissingSignature");
    const authorization = parseAcs3Authorization(text);
    if (authorization === undefined) {
      throw new RecognitionError(
        "MissingSignature",
        "Signature is required: expected ACS3-HMAC-SHA256 authorization.",
      );
    }
    const key = this.#keys.get(authorization.accessKeyId);
    if (key === undefined) throw new RecognitionError("InvalidAccessKeyId.NotFound");
    const unsigned = REQUIRED_SIGNED_HEADERS.filter((name) => !authorization.signedHeaders.includes(name));
    if (unsigned.length > 0) {
      throw new RecognitionError(
        "SignatureDoesNotMatch",
        `These headers must be signed: ${unsigned.join(", ")}.`,
      );
    }
    if (!isRequestDateFresh(header(headers, "x-acs-date"), this.#now())) {
      throw new RecognitionError("InvalidTimeStamp.Expired");
    }
    return { key, authorization };
  }

  /** The checks that need the body's hash; `request.url` is the target as received (path and query). */
  verify(
    caller: Caller,
    request: { method: string; url: string; headers: IncomingHttpHeaders },
    payloadHash: string,
    action: Action,
  ): void {
    const signed = verifyAcs3Signature(
      { ...request, payloadHash },
      caller.authorization,
      caller.key.accessKeySecret,
    );
    if (!signed) throw new RecognitionError("SignatureDoesNotMatch");
    const nonce = header(request.headers, "x-acs-signature-nonce");
    if (nonce === undefined || nonce === "")
      throw new RecognitionError("SignatureDoesNotMatch", "The nonce is empty.");
    const outcome = this.#nonces.remember(`${caller.key.accessKeyId}\n${nonce}`);
    if (outcome === "used") throw new RecognitionError("SignatureNonceUsed");
    if (outcome === "full") throw new ThrottledError("Too many requests within the replay window.", 1000);
    if (!caller.key.actions.includes(action)) throw new RecognitionError("noPermission");
  }
}
