import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";

/** The only V3 algorithm the official SDKs use by default (alibaba-wire-protocol.md §2). */
export const ACS3_ALGORITHM = "ACS3-HMAC-SHA256";

/** SHA-256 of zero bytes: the payload hash of a request without a body (§2.1 step 1). */
export const EMPTY_PAYLOAD_HASH = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

/** The three parts of an `Authorization: ACS3-HMAC-SHA256 Credential=…,SignedHeaders=…,Signature=…` header. */
export interface Acs3Authorization {
  accessKeyId: string;
  /** Lower-cased header names, in the order the client listed them. */
  signedHeaders: string[];
  /** 64 lower-case hex digits. */
  signature: string;
}

/** What the verifier needs from a request; the payload hash is computed by whoever read the body. */
export interface Acs3Request {
  method: string;
  /** The request target exactly as received: path plus optional `?query`. */
  url: string;
  headers: IncomingHttpHeaders;
  /** Lower-case hex SHA-256 of the body bytes as received (never the client's claim). */
  payloadHash: string;
}

/**
 * Parses an ACS3 `Authorization` header, or returns `undefined` when it is absent or not in that form.
 * Tolerates spaces after the commas, which hand-written clients sometimes send (§2.1 step 9 has none).
 */
export function parseAcs3Authorization(header: string | undefined): Acs3Authorization | undefined {
  if (header === undefined || !header.startsWith(`${ACS3_ALGORITHM} `)) return undefined;
  const parts = new Map<string, string>();
  for (const part of header.slice(ACS3_ALGORITHM.length + 1).split(",")) {
    const equals = part.indexOf("=");
    if (equals > 0) parts.set(part.slice(0, equals).trim(), part.slice(equals + 1).trim());
  }
  const accessKeyId = parts.get("Credential");
  const signedHeaders = parts.get("SignedHeaders");
  const signature = parts.get("Signature");
  if (!accessKeyId || !signedHeaders || !signature || !/^[0-9a-f]{64}$/.test(signature)) return undefined;
  return {
    accessKeyId,
    signedHeaders: signedHeaders.split(";").map((name) => name.toLowerCase()),
    signature,
  };
}

/** Strict RFC 3986 percent-encoding, as the SDK's `encode` (§2.1 step 3): only `A-Z a-z 0-9 - _ . ~` stay literal. */
export function encodeRfc3986(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * The canonical query string of §2.1 step 3, rebuilt from the DECODED query (§2.2 notes): Node sends `()*!` raw and
 * Python sends `+` for a space, so the raw query string must never be reused. Throws `URIError` on bad escapes.
 */
export function canonicalQueryString(rawQuery: string): string {
  const values = new Map<string, string>();
  for (const part of rawQuery.split("&")) {
    if (part === "") continue;
    const equals = part.indexOf("=");
    const key = decodeQueryComponent(equals < 0 ? part : part.slice(0, equals));
    values.set(key, equals < 0 ? "" : decodeQueryComponent(part.slice(equals + 1)));
  }
  // Plain code-unit order, like `Object.keys().sort()` in the SDK.
  return [...values.keys()]
    .sort()
    .map((key) => `${key}=${encodeRfc3986(values.get(key) ?? "")}`)
    .join("&");
}

function decodeQueryComponent(value: string): string {
  return decodeURIComponent(value.replace(/\+/g, " "));
}

/** Header value as signed: trimmed; repeated headers sorted and joined with `,` (§2.1 step 4). */
function canonicalHeaderValue(value: string | string[] | undefined): string {
  if (value === undefined) return "";
  if (Array.isArray(value))
    return value
      .map((item) => item.trim())
      .sort()
      .join(",");
  return value.trim();
}

/** The canonical request of §2.1 step 6 over the headers the client says it signed. Throws `URIError` on bad escapes. */
export function buildCanonicalRequest(request: Acs3Request, signedHeaders: readonly string[]): string {
  const queryStart = request.url.indexOf("?");
  const path = (queryStart < 0 ? request.url : request.url.slice(0, queryStart)) || "/";
  const query = queryStart < 0 ? "" : request.url.slice(queryStart + 1);
  const names = [...signedHeaders].sort();
  const headers = names.map((name) => `${name}:${canonicalHeaderValue(request.headers[name])}\n`).join("");
  return [
    request.method.toUpperCase(),
    canonicalUri(path),
    canonicalQueryString(query),
    headers,
    names.join(";"),
    request.payloadHash,
  ].join("\n");
}

/** §2.1 step 2: the SDK applies its `+`→`%20`, `*`→`%2A`, `%7E`→`~` fix-ups to the pathname. */
function canonicalUri(path: string): string {
  return path.replace(/\+/g, "%20").replace(/\*/g, "%2A").replace(/%7E/g, "~");
}

/** §2.1 step 7. */
export function buildStringToSign(canonicalRequest: string): string {
  return `${ACS3_ALGORITHM}\n${createHash("sha256").update(canonicalRequest, "utf8").digest("hex")}`;
}

/** §2.1 step 8: lower-case hex HMAC-SHA256 keyed with the secret. */
export function computeAcs3Signature(accessKeySecret: string, stringToSign: string): string {
  return createHmac("sha256", accessKeySecret).update(stringToSign, "utf8").digest("hex");
}

/**
 * Verifies an ACS3-HMAC-SHA256 signature the way §2.2 prescribes: signed headers from the Authorization header, the
 * query decoded and re-encoded, the real body hash, and a constant-time comparison. Also refuses a request whose
 * `x-acs-content-sha256` differs from the body actually received.
 *
 * @example
 * const authorization = parseAcs3Authorization(request.headers.authorization);
 * if (authorization && verifyAcs3Signature(request, authorization, secret)) accept();
 */
export function verifyAcs3Signature(
  request: Acs3Request,
  authorization: Acs3Authorization,
  accessKeySecret: string,
): boolean {
  if (request.headers["x-acs-content-sha256"] !== request.payloadHash) return false;
  let stringToSign: string;
  try {
    stringToSign = buildStringToSign(buildCanonicalRequest(request, authorization.signedHeaders));
  } catch {
    return false; // A malformed percent-escape cannot have been signed by a real client.
  }
  const expected = Buffer.from(computeAcs3Signature(accessKeySecret, stringToSign), "utf8");
  const received = Buffer.from(authorization.signature, "utf8");
  return expected.length === received.length && timingSafeEqual(expected, received);
}
