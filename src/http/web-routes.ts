import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { extname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { MAX_IMAGE_BYTES } from "../config/server-config.ts";
import { RecognitionError } from "../errors.ts";
import type { DocumentType } from "../types.ts";
import type { Caller } from "./authenticator.ts";
import {
  API_VERSION,
  admitSigned,
  clientGoneSignal,
  type RecognizeRouteContext,
  recognizeWithinLimit,
} from "./recognize-route.ts";
import { readCappedBody } from "./read-capped-body.ts";
import { actionOf, ERROR_MESSAGES_ZH, pageDocumentTypes } from "./web-text.ts";
import { parseWebUpload, uploadByteLimit } from "./web-upload.ts";

/** The page's own folder: plain HTML, CSS and ES modules, served as they are (no build step). */
export const WEB_DIR = fileURLToPath(new URL("../../web/", import.meta.url));

/** Values under this `valueProb` are marked as uncertain on the page. */
export const LOW_CONFIDENCE = 80;

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
};

// The page loads nothing from elsewhere; pictures given by URL are shown from their own server.
const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' blob: data: http: https:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

interface Asset {
  body: Buffer;
  type: string;
  etag: string;
}

/** What `GET /api/config` tells the page. */
export interface PageConfig {
  /** `open`: no keys configured, the route takes unsigned requests; `signed`: the page must sign (ACS3). */
  auth: "open" | "signed";
  apiVersion: string;
  maxImageBytes: number;
  lowConfidence: number;
  types: ReturnType<typeof pageDocumentTypes>;
  /** Every error code with its Chinese sentence. */
  errors: Record<string, string>;
}

/**
 * The page to try the service (体验馆, issue 6): `GET /` (the page; the API keeps `POST /`), `GET /web/:name` (its
 * assets), `GET /api/config` (document types with Chinese field labels, error messages, authentication mode) and
 * `POST /api/recognize?type=…`, the page's same-origin JSON route.
 *
 * The route goes through everything the API does: the same authenticator (with keys configured it wants the same
 * ACS3-HMAC-SHA256 signature, which the page computes with Web Crypto), rate limits, 10 MB cap, work queue, time
 * limit, `Url` safety and error bodies. It answers `{RequestId, Data, ElapsedMs}` with `Data` as an object. Nothing
 * is stored, and nothing but the usual one privacy-safe line per request is logged.
 */
export function registerWebRoutes(app: FastifyInstance, context: RecognizeRouteContext): void {
  const assets = loadAssets(WEB_DIR);
  const config: PageConfig = {
    auth: context.authenticator.open ? "open" : "signed",
    apiVersion: API_VERSION,
    maxImageBytes: MAX_IMAGE_BYTES,
    lowConfidence: LOW_CONFIDENCE,
    types: pageDocumentTypes(),
    errors: { ...ERROR_MESSAGES_ZH },
  };
  const configBody = JSON.stringify(config);

  app.get("/", (request, reply) => sendAsset(request, reply, assets.get("index.html")));
  app.get<{ Params: { name: string } }>("/web/:name", (request, reply) =>
    sendAsset(request, reply, assets.get(request.params.name)),
  );
  app.get("/api/config", (_request, reply) =>
    reply
      .header("content-type", "application/json; charset=utf-8")
      .header("cache-control", "no-cache")
      .send(configBody),
  );
  app.post("/api/recognize", createWebRecognizeHandler(context, config.types));
}

function createWebRecognizeHandler(context: RecognizeRouteContext, types: PageConfig["types"]) {
  const known = new Set<string>(types.map((entry) => entry.type));
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    refuseCrossOrigin(request);
    const type = queryValue(request, "type");
    if (type === undefined || !known.has(type)) {
      throw new RecognitionError("InvalidParameter", `Expected type to be one of ${[...known].join(", ")}.`);
    }
    const { action, residentPage } = actionOf(type as DocumentType);
    context.noteAction(request, action);
    const caller = context.authenticator.open ? undefined : checkSignedHeaders(context, request, action);
    const contentType = header(request, "content-type");
    const body = await readCappedBody(request.raw, uploadByteLimit(contentType)).catch((error: unknown) => {
      throw error instanceof RecognitionError ? new RecognitionError(error.code) : error;
    });
    if (caller !== undefined) {
      const signed = { method: "POST", url: request.raw.url ?? "/", headers: request.headers };
      admitSigned(context, caller, signed, body.sha256, action);
    }
    const clientGone = clientGoneSignal(reply);
    const started = performance.now();
    const upload = await parseWebUpload(contentType, body.bytes);
    const image = "url" in upload ? await context.fetcher.fetch(upload.url, clientGone) : upload.image;
    if (image.length === 0) throw new RecognitionError("imageUrlOrBodyEmpty");
    const result = await recognizeWithinLimit(context, { action, image, residentPage }, clientGone);
    const elapsedMs = Math.round(performance.now() - started);
    await reply
      .header("content-type", "application/json; charset=utf-8")
      .header("cache-control", "no-store")
      .header("x-acs-request-id", request.id)
      .send(JSON.stringify({ RequestId: request.id, Data: result, ElapsedMs: elapsedMs }));
  };
}

/**
 * With keys configured the page signs like an SDK: the action it signs must be the one its `type` asks for, in the
 * API's version; the rest is the API's own check (`Authenticator.checkHeaders`).
 */
function checkSignedHeaders(context: RecognizeRouteContext, request: FastifyRequest, action: string): Caller {
  const caller = context.authenticator.checkHeaders(request.headers);
  if (header(request, "x-acs-action") !== action) {
    throw new RecognitionError("InvalidParameter", `x-acs-action must be ${action} for this type.`);
  }
  if (header(request, "x-acs-version") !== API_VERSION) throw new RecognitionError("InvalidVersion");
  return caller;
}

/**
 * A page on another site may send a form here (a "simple" request needs no preflight); browsers name its origin,
 * so such a request is refused before the body is read.
 */
function refuseCrossOrigin(request: FastifyRequest): void {
  const origin = header(request, "origin");
  if (origin === undefined) return;
  let same = false;
  try {
    const from = new URL(origin);
    // Parsed the same way on both sides, so a default port written or not compares equal.
    same = new URL(`${from.protocol}//${header(request, "host") ?? ""}`).host === from.host;
  } catch {
    same = false;
  }
  if (!same) throw new RecognitionError("InvalidParameter", "Requests from another origin are not accepted.");
}

function sendAsset(request: FastifyRequest, reply: FastifyReply, asset: Asset | undefined) {
  if (asset === undefined) throw new RecognitionError("InvalidAction.NotFound");
  reply
    .header("content-type", asset.type)
    .header("cache-control", "no-cache")
    .header("etag", asset.etag)
    .header("x-content-type-options", "nosniff")
    .header("referrer-policy", "no-referrer");
  if (asset.type.startsWith("text/html")) reply.header("content-security-policy", CONTENT_SECURITY_POLICY);
  if (header(request, "if-none-match") === asset.etag) return reply.code(304).send();
  return reply.send(asset.body);
}

/** Every servable file of the page's folder, read once when the app is built (a few tens of kilobytes). */
function loadAssets(dir: string): Map<string, Asset> {
  const assets = new Map<string, Asset>();
  for (const name of readdirSync(dir)) {
    const type = CONTENT_TYPES[extname(name)];
    if (type === undefined) continue;
    const body = readFileSync(join(dir, name));
    const etag = `"${createHash("sha256").update(body).digest("base64url").slice(0, 22)}"`;
    assets.set(name, { body, type, etag });
  }
  if (!assets.has("index.html")) throw new Error(`The page's index.html is missing from ${dir}`);
  return assets;
}

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function queryValue(request: FastifyRequest, name: string): string | undefined {
  const value = (request.query as Record<string, string | string[] | undefined>)[name];
  return Array.isArray(value) ? value.at(-1) : value;
}
