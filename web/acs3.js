// ACS3-HMAC-SHA256 request signing in the browser (Web Crypto), the same signature the API checks
// (docs/http-service.md, "Authentication"). Used by the page when the server has access keys configured.

const ALGORITHM = "ACS3-HMAC-SHA256";
const encoder = new TextEncoder();

/** Strict RFC 3986 percent-encoding: only A-Z a-z 0-9 - _ . ~ stay literal. */
export function encodeRfc3986(value) {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** The query string, keys sorted, values encoded: both the canonical form and the one to send. */
export function canonicalQuery(params) {
  return Object.keys(params)
    .sort()
    .map((key) => `${encodeRfc3986(key)}=${encodeRfc3986(String(params[key]))}`)
    .join("&");
}

/** True when the browser can sign (Web Crypto exists only in secure contexts: HTTPS or localhost). */
export function canSign() {
  return globalThis.crypto?.subtle !== undefined;
}

function hex(buffer) {
  return Array.from(new Uint8Array(buffer), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

async function sha256Hex(bytes) {
  return hex(await crypto.subtle.digest("SHA-256", bytes));
}

async function hmacSha256Hex(secret, text) {
  const key = await crypto.subtle.importKey(
    "raw",
    encoder.encode(secret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  return hex(await crypto.subtle.sign("HMAC", key, encoder.encode(text)));
}

function randomNonce() {
  return hex(crypto.getRandomValues(new Uint8Array(16)));
}

/**
 * Signs a POST the way the SDKs do. Returns the URL to fetch (path and canonical query) and the headers to send;
 * `host` is signed but left out of the headers, since the browser sends it itself (it must equal `location.host`).
 *
 * @param {{accessKeyId: string, accessKeySecret: string, action: string, version: string, host: string,
 *   path: string, query: Record<string, string>, body: Uint8Array, contentType: string, date?: Date,
 *   nonce?: string}} request
 * @returns {Promise<{url: string, headers: Record<string, string>}>}
 */
export async function signRequest(request) {
  const payloadHash = await sha256Hex(request.body);
  const date = (request.date ?? new Date()).toISOString().replace(/\.\d{3}Z$/, "Z");
  const signed = {
    "content-type": request.contentType,
    host: request.host,
    "x-acs-action": request.action,
    "x-acs-content-sha256": payloadHash,
    "x-acs-date": date,
    "x-acs-signature-nonce": request.nonce ?? randomNonce(),
    "x-acs-version": request.version,
  };
  const names = Object.keys(signed).sort();
  const query = canonicalQuery(request.query);
  const canonicalRequest = [
    "POST",
    request.path,
    query,
    names.map((name) => `${name}:${signed[name].trim()}\n`).join(""),
    names.join(";"),
    payloadHash,
  ].join("\n");
  const stringToSign = `${ALGORITHM}\n${await sha256Hex(encoder.encode(canonicalRequest))}`;
  const signature = await hmacSha256Hex(request.accessKeySecret, stringToSign);
  const { host: _host, ...headers } = signed;
  headers.authorization = `${ALGORITHM} Credential=${request.accessKeyId},SignedHeaders=${names.join(";")},Signature=${signature}`;
  return { url: query === "" ? request.path : `${request.path}?${query}`, headers };
}
