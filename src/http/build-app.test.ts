import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { createEchoRecognize, echoResult } from "../../test/http/echo-recognize.ts";
import { parseServerConfig, type ServerConfigInput } from "../config/server-config.ts";
import { RecognitionError } from "../errors.ts";
import { buildApp } from "./build-app.ts";
import type { RecognizeFn, RecognizeRequest } from "./recognize-fn.ts";
import { signAcs3Request } from "./sign-acs3-request.ts";

const NOW = Date.parse("2026-11-21T04:25:08Z");
const KEY = { accessKeyId: "key-all", accessKeySecret: "secret-all" };
const BIRTH_ONLY = {
  accessKeyId: "key-birth",
  accessKeySecret: "secret-birth",
  actions: ["RecognizeBirthCertification"],
};
const UUID_UPPER = /^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/;
const IMAGE = Buffer.from("image-bytes");

/** A recognizer gate: `running` resolves when the recognizer starts, which then waits for `release()`. */
function gate() {
  let release!: () => void;
  let started!: () => void;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  const running = new Promise<void>((resolve) => {
    started = resolve;
  });
  return { release, released, started, running };
}

function appWith(
  config: ServerConfigInput = {},
  recognize: RecognizeFn = createEchoRecognize(),
): FastifyInstance {
  return buildApp({ config: parseServerConfig({ workers: 2, ...config }), recognize, now: () => NOW });
}

function post(
  app: FastifyInstance,
  options: { action?: string; url?: string; body?: Buffer; headers?: object },
) {
  return app.inject({
    method: "POST",
    url: options.url ?? "/",
    headers: {
      "x-acs-action": options.action ?? "RecognizeHousehold",
      "x-acs-version": "2021-07-07",
      ...options.headers,
    },
    ...(options.body === undefined ? {} : { payload: options.body }),
  });
}

function signed(
  app: FastifyInstance,
  options: Partial<Parameters<typeof signAcs3Request>[0]> & { send?: Buffer },
) {
  const headers = signAcs3Request({
    ...KEY,
    action: "RecognizeHousehold",
    host: "localhost:80",
    date: new Date(NOW),
    ...options,
  });
  const body = options.send ?? options.body;
  return app.inject({
    method: "POST",
    url: options.url ?? "/",
    headers,
    ...(body ? { payload: Buffer.from(body) } : {}),
  });
}

function assertError(response: LightMyRequestResponse, status: number, code: string): void {
  assert.equal(response.statusCode, status, response.body);
  assert.equal(response.headers["content-type"], "application/json;charset=utf-8");
  const body = response.json();
  assert.deepEqual(Object.keys(body), ["RequestId", "HostId", "Code", "Message", "Recommend"]);
  assert.equal(body.Code, code);
  assert.match(body.RequestId, UUID_UPPER);
  assert.equal(response.headers["x-acs-request-id"], body.RequestId);
}

function dataOf(response: LightMyRequestResponse): ReturnType<typeof echoResult> {
  assert.equal(response.statusCode, 200, response.body);
  const body = response.json();
  assert.deepEqual(Object.keys(body), ["RequestId", "Data"]);
  assert.match(body.RequestId, UUID_UPPER);
  assert.equal(typeof body.Data, "string"); // §3.1: an object here breaks the SDK
  return JSON.parse(body.Data);
}

describe("routing and parameters (open server)", () => {
  it("answers a body with Data as a JSON string, whatever the content type", async () => {
    const app = appWith();
    for (const type of [
      undefined,
      "application/octet-stream",
      "image/jpeg",
      "application/json",
      "text/plain",
    ]) {
      const response = await post(app, { body: IMAGE, headers: type ? { "content-type": type } : {} });
      assert.equal(dataOf(response).data.imageLength, String(IMAGE.length), String(type));
      assert.equal(response.headers["x-acs-request-id"], response.json().RequestId);
    }
    await app.close();
  });

  it("reads IsResidentPage case-insensitively, false otherwise, and only for RecognizeHousehold", async () => {
    const app = appWith();
    const pageOf = async (url: string, action = "RecognizeHousehold") =>
      dataOf(await post(app, { url, action, body: IMAGE })).data.residentPage;
    assert.equal(await pageOf("/?IsResidentPage=true"), "true");
    assert.equal(await pageOf("/?IsResidentPage=True"), "true");
    assert.equal(await pageOf("/?IsResidentPage=false"), "false");
    assert.equal(await pageOf("/?IsResidentPage=yes"), "false");
    assert.equal(await pageOf("/"), "false");
    assert.equal(await pageOf("/?IsResidentPage=true", "RecognizeBirthCertification"), "false");
    await app.close();
  });

  it("refuses unknown actions, versions and routes", async () => {
    const app = appWith();
    assertError(await post(app, { action: "RecognizeIdcard", body: IMAGE }), 404, "InvalidAction.NotFound");
    assertError(await post(app, { action: "", body: IMAGE }), 404, "InvalidAction.NotFound");
    assertError(
      await post(app, { body: IMAGE, headers: { "x-acs-version": "2019-12-30" } }),
      400,
      "InvalidVersion",
    );
    assertError(await app.inject({ method: "GET", url: "/nothing" }), 404, "InvalidAction.NotFound");
    await app.close();
  });

  it("needs an image, prefers the body to Url, and limits Url's length", async () => {
    const app = appWith();
    assertError(await post(app, {}), 400, "imageUrlOrBodyEmpty");
    assertError(await post(app, { body: Buffer.alloc(0) }), 400, "imageUrlOrBodyEmpty");
    // Url points at a refused address: had it been fetched, the answer would be notSafeImageUrl.
    const both = await post(app, { url: "/?Url=http%3A%2F%2F10.0.0.1%2Fa.png", body: IMAGE });
    assert.equal(dataOf(both).data.imageLength, String(IMAGE.length));
    assertError(await post(app, { url: "/?Url=http%3A%2F%2F10.0.0.1%2Fa.png" }), 400, "notSafeImageUrl");
    const long = `http://example.com/${"a".repeat(2048)}`;
    assertError(await post(app, { url: `/?Url=${encodeURIComponent(long)}` }), 400, "exceededImageUrlLength");
    await app.close();
  });

  it("refuses a body over 10 MB with 413", async () => {
    const app = appWith();
    const response = await post(app, { body: Buffer.alloc(10 * 1024 * 1024 + 1) });
    assertError(response, 413, "exceededImageContent");
    const exact = await post(app, { body: Buffer.alloc(10 * 1024 * 1024) });
    assert.equal(dataOf(exact).data.imageLength, String(10 * 1024 * 1024));
    await app.close();
  });
});

describe("authentication", () => {
  const config = { keys: [KEY, BIRTH_ONLY] };

  it("accepts a correctly signed request", async () => {
    const app = appWith(config);
    const response = await signed(app, { body: IMAGE, url: "/?IsResidentPage=true" });
    assert.equal(dataOf(response).data.residentPage, "true");
    await app.close();
  });

  it("refuses each kind of bad credential with its code", async () => {
    const app = appWith(config);
    assertError(await post(app, { body: IMAGE }), 400, "MissingSignature");
    assertError(
      await signed(app, { body: IMAGE, accessKeyId: "nobody" }),
      404,
      "InvalidAccessKeyId.NotFound",
    );
    assertError(await signed(app, { body: IMAGE, accessKeySecret: "wrong" }), 400, "SignatureDoesNotMatch");
    assertError(await signed(app, { body: IMAGE, send: Buffer.from("other") }), 400, "SignatureDoesNotMatch");
    const stale = new Date(NOW - 16 * 60 * 1000);
    assertError(await signed(app, { body: IMAGE, date: stale }), 400, "InvalidTimeStamp.Expired");
    assertError(await signed(app, { body: IMAGE, ...BIRTH_ONLY }), 401, "noPermission");
    assert.equal(
      (await signed(app, { body: IMAGE, ...BIRTH_ONLY, action: "RecognizeBirthCertification" })).statusCode,
      200,
    );
    await app.close();
  });

  it("accepts the Python SDK's style: every header signed, '+' for spaces, True", async () => {
    const app = appWith(config);
    const extraHeaders = { accept: "application/json", "user-agent": "AlibabaCloud (Linux) Python/3.12" };
    const url = "/?IsResidentPage=True&Url=http%3A%2F%2F10.0.0.1%2Fa+b.png";
    const response = await signed(app, { body: IMAGE, url, extraHeaders });
    assert.equal(dataOf(response).data.residentPage, "true");
    await app.close();
  });

  it("refuses a request that leaves the action unsigned", async () => {
    const app = appWith(config);
    const headers = signAcs3Request({
      ...KEY,
      action: "RecognizeHousehold",
      host: "localhost:80",
      date: new Date(NOW),
    });
    headers.authorization = headers.authorization?.replace("x-acs-action;", "") ?? "";
    const response = await app.inject({ method: "POST", url: "/", headers });
    assertError(response, 400, "SignatureDoesNotMatch");
    assert.match(response.json().Message, /must be signed: x-acs-action/);
    await app.close();
  });

  it("refuses a replayed nonce", async () => {
    const app = appWith(config);
    assert.equal((await signed(app, { body: IMAGE, nonce: "n-1" })).statusCode, 200);
    assertError(await signed(app, { body: IMAGE, nonce: "n-1" }), 400, "SignatureNonceUsed");
    await app.close();
  });
});

describe("load limits", () => {
  it("limits a key's rate with Throttling.User and x-acs-retry-after", async () => {
    const app = appWith({ keys: [{ ...KEY, ratePerSecond: 1 }] });
    assert.equal((await signed(app, { body: IMAGE })).statusCode, 200);
    const refused = await signed(app, { body: IMAGE });
    assertError(refused, 400, "Throttling.User");
    assert.ok(Number(refused.headers["x-acs-retry-after"]) > 0);
    await app.close();
  });

  it("refuses work beyond the queue with Throttling.User and reports not ready", async () => {
    const blocker = gate();
    const app = appWith({ workers: 1, queueSize: 0 }, async (request) => {
      blocker.started();
      await blocker.released;
      return echoResult(request);
    });
    assert.equal((await app.inject({ method: "GET", url: "/readyz" })).statusCode, 200);
    const first = post(app, { body: IMAGE });
    await blocker.running;
    const refused = await post(app, { body: IMAGE });
    assertError(refused, 400, "Throttling.User");
    assert.ok(Number(refused.headers["x-acs-retry-after"]) > 0);
    assert.equal((await app.inject({ method: "GET", url: "/readyz" })).statusCode, 503);
    blocker.release();
    assert.equal(dataOf(await first).data.imageLength, String(IMAGE.length));
    await app.close();
  });

  it("finishes work in flight on close without aborting it", async () => {
    const blocker = gate();
    const seen: RecognizeRequest[] = [];
    const app = appWith({}, async (request) => {
      seen.push(request);
      blocker.started();
      await blocker.released;
      return echoResult(request);
    });
    let closing!: () => void;
    const closingStarted = new Promise<void>((resolve) => {
      closing = resolve;
    });
    app.addHook("preClose", async () => closing()); // runs after the app's own preClose
    const first = post(app, { body: IMAGE });
    await blocker.running;
    const closed = app.close();
    await closingStarted;
    assert.equal(seen[0]?.signal.aborted, false);
    blocker.release();
    assert.equal(dataOf(await first).data.imageLength, String(IMAGE.length));
    await closed;
    assert.equal(seen.length, 1);
  });

  it("aborts recognition past the time limit with ServiceTimeout", async () => {
    const seen: RecognizeRequest[] = [];
    const app = appWith({ requestTimeoutMs: 20 }, (request) => {
      seen.push(request);
      return new Promise((_resolve, reject) =>
        request.signal.addEventListener("abort", () => reject(request.signal.reason)),
      );
    });
    assertError(await post(app, { body: IMAGE }), 504, "ServiceTimeout");
    assert.equal(seen[0]?.signal.aborted, true);
    await app.close();
  });

  it("passes the recognizer's codes through and hides its internal failures", async () => {
    const app = appWith({}, async (request) => {
      if (request.image.length === 1) throw new RecognitionError("unsupportedImageFormat");
      throw new Error("secret internal detail");
    });
    assertError(await post(app, { body: Buffer.from("x") }), 415, "unsupportedImageFormat");
    const failed = await post(app, { body: IMAGE });
    assertError(failed, 503, "algorithmError");
    assert.doesNotMatch(failed.body, /secret internal detail/);
    await app.close();
  });
});

describe("operations routes", () => {
  it("serves health, readiness and per-app metrics", async () => {
    const app = appWith();
    await post(app, { body: IMAGE });
    await post(app, { action: "Nope", body: IMAGE });
    assert.equal((await app.inject({ method: "GET", url: "/healthz" })).statusCode, 200);
    assert.equal((await app.inject({ method: "GET", url: "/readyz" })).statusCode, 200);
    const metrics = (await app.inject({ method: "GET", url: "/metrics" })).body;
    assert.match(metrics, /zhengzhao_requests_total\{action="RecognizeHousehold",code="OK"\} 1/);
    assert.match(metrics, /zhengzhao_requests_total\{action="other",code="InvalidAction.NotFound"\} 1/);
    assert.match(metrics, /zhengzhao_request_duration_seconds_count\{action="RecognizeHousehold"\} 1/);
    assert.match(metrics, /zhengzhao_queue_depth 0/);
    const other = appWith();
    assert.doesNotMatch((await other.inject({ method: "GET", url: "/metrics" })).body, /code="OK"/);
    await Promise.all([app.close(), other.close()]);
  });
});
