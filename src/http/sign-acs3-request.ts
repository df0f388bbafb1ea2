import { createHash, randomBytes } from "node:crypto";
import {
  ACS3_ALGORITHM,
  buildCanonicalRequest,
  buildStringToSign,
  computeAcs3Signature,
} from "./acs3-signature.ts";
import { API_VERSION } from "./recognize-route.ts";

/** What to sign; defaults follow the Node SDK (alibaba-wire-protocol.md §1.2). */
export interface SignAcs3Options {
  accessKeyId: string;
  accessKeySecret: string;
  action: string;
  /** `host[:port]` exactly as it will be sent. */
  host: string;
  /** Request target with its query, already encoded; defaults to `/`. */
  url?: string;
  body?: Uint8Array;
  version?: string;
  /** Defaults to now. */
  date?: Date;
  /** Defaults to 32 random hex digits. */
  nonce?: string;
  /** More headers to send and sign, as the Python SDK signs every header it sends (§2.2). */
  extraHeaders?: Record<string, string>;
}

/**
 * The headers of a signed V3 request, computed the way the SDK does (§2.1): for load generators, scripts and tests
 * that talk to the service without the SDK. `host` is included because it is signed; send it unchanged.
 *
 * @example
 * const headers = signAcs3Request({ accessKeyId, accessKeySecret, action: "RecognizeHousehold", host: "127.0.0.1:8080", body });
 * await fetch("http://127.0.0.1:8080/", { method: "POST", headers, body });
 */
export function signAcs3Request(options: SignAcs3Options): Record<string, string> {
  const body = options.body ?? new Uint8Array();
  const payloadHash = createHash("sha256").update(body).digest("hex");
  const headers: Record<string, string> = {
    ...options.extraHeaders,
    host: options.host,
    "x-acs-version": options.version ?? API_VERSION,
    "x-acs-action": options.action,
    "x-acs-date": (options.date ?? new Date()).toISOString().replace(/\.\d{3}Z$/, "Z"),
    "x-acs-signature-nonce": options.nonce ?? randomBytes(16).toString("hex"),
    "x-acs-content-sha256": payloadHash,
  };
  if (body.length > 0) headers["content-type"] = "application/octet-stream";
  const signedHeaders = Object.keys(headers).sort();
  const request = { method: "POST", url: options.url ?? "/", headers, payloadHash };
  const stringToSign = buildStringToSign(buildCanonicalRequest(request, signedHeaders));
  const signature = computeAcs3Signature(options.accessKeySecret, stringToSign);
  headers.authorization = `${ACS3_ALGORITHM} Credential=${options.accessKeyId},SignedHeaders=${signedHeaders.join(";")},Signature=${signature}`;
  return headers;
}
