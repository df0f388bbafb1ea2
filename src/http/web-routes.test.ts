import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { createEchoRecognize, echoResult } from "../../test/http/echo-recognize.ts";
import { parseServerConfig, type ServerConfigInput } from "../config/server-config.ts";
import { ERROR_CODES } from "../errors.ts";
import { buildApp } from "./build-app.ts";
import type { RecognizeFn, RecognizeRequest } from "./recognize-fn.ts";
import type { PageConfig } from "./web-routes.ts";
import { ERROR_MESSAGES_ZH } from "./web-text.ts";

const NOW = Date.parse("2026-11-21T04:25:08Z");
const KEY = { accessKeyId: "key-all", accessKeySecret: "secret-all" };
const BIRTH_ONLY = {
  accessKeyId: "key-birth",
  accessKeySecret: "secret-birth",
  actions: ["RecognizeBirthCertification"],
};
const IMAGE = Buffer.from("image-bytes");

/** The page's own signing module (plain browser JavaScript, run here on Node's Web Crypto). */
const acs3 = await import(new URL("../../web/acs3.js", import.meta.url).href);

function appWith(config: ServerConfigInput = {}, recognize: RecognizeFn = createEchoRecognize()) {
  return buildApp({ config: parseServerConfig({ workers: 2, ...config }), recognize, now: () => NOW });
}

function postImage(app: FastifyInstance, type: string, body: Buffer, headers: Record<string, string> = {}) {
  return app.inject({
    method: "POST",
    url: `/api/recognize?type=${type}`,
    headers: { "content-type": "application/octet-stream", ...headers },
    payload: body,
  });
}

/** Signs as the page does in the browser: `web/acs3.js`, host as the browser sends it. */
async function postSigned(
  app: FastifyInstance,
  options: { type: string; action: string; key?: typeof KEY; body?: Buffer; nonce?: string },
) {
  const body = options.body ?? IMAGE;
  const key = options.key ?? KEY;
  const signed = await acs3.signRequest({
    ...key,
    action: options.action,
    version: "2021-07-07",
    host: "localhost:80",
    path: "/api/recognize",
    query: { type: options.type },
    body: new Uint8Array(body),
    contentType: "application/octet-stream",
    date: new Date(NOW),
    nonce: options.nonce,
  });
  assert.equal(signed.headers.host, undefined, "the browser sends host itself");
  return app.inject({ method: "POST", url: signed.url, headers: signed.headers, payload: body });
}

function resultOf(response: LightMyRequestResponse): ReturnType<typeof echoResult> {
  assert.equal(response.statusCode, 200, response.body);
  assert.equal(response.headers["cache-control"], "no-store");
  const body = response.json();
  assert.deepEqual(Object.keys(body), ["RequestId", "Data", "ElapsedMs"]);
  assert.equal(response.headers["x-acs-request-id"], body.RequestId);
  assert.equal(typeof body.Data, "object"); // for the page an object; the API keeps its JSON string
  assert.ok(Number.isInteger(body.ElapsedMs) && body.ElapsedMs >= 0);
  return body.Data;
}

function assertError(response: LightMyRequestResponse, status: number, code: string): void {
  assert.equal(response.statusCode, status, response.body);
  const body = response.json();
  assert.deepEqual(Object.keys(body), ["RequestId", "HostId", "Code", "Message", "Recommend"]);
  assert.equal(body.Code, code, body.Message);
}

describe("the page and its assets", () => {
  it("serves the page at GET / with a strict content policy, while POST / stays the API", async () => {
    const app = appWith();
    const page = await app.inject({ method: "GET", url: "/" });
    assert.equal(page.statusCode, 200);
    assert.match(page.headers["content-type"] as string, /^text\/html/);
    assert.match(page.body, /<html lang="zh-CN">/);
    assert.match(page.headers["content-security-policy"] as string, /default-src 'none'; script-src 'self'/);
    assert.doesNotMatch(page.body, /https?:\/\/(?!example\.com)/, "nothing is loaded from the network");
    const again = await app.inject({
      method: "GET",
      url: "/",
      headers: { "if-none-match": page.headers.etag as string },
    });
    assert.equal(again.statusCode, 304);
    const api = await app.inject({
      method: "POST",
      url: "/",
      headers: { "x-acs-action": "RecognizeHousehold", "x-acs-version": "2021-07-07" },
      payload: IMAGE,
    });
    assert.equal(JSON.parse(api.json().Data).data.imageLength, String(IMAGE.length));
    await app.close();
  });

  it("serves every script and style the page names, and nothing outside its folder", async () => {
    const app = appWith();
    const page = (await app.inject({ method: "GET", url: "/" })).body;
    const assets = [...page.matchAll(/(?:src|href)="(\/web\/[^"]+)"/g)].map((match) => match[1] as string);
    assert.ok(assets.includes("/web/app.js") && assets.includes("/web/style.css"), assets.join());
    for (const asset of [...assets, "/web/render.js", "/web/acs3.js"]) {
      const response = await app.inject({ method: "GET", url: asset });
      assert.equal(response.statusCode, 200, asset);
      assert.equal(response.headers["x-content-type-options"], "nosniff");
    }
    assert.match(
      (await app.inject({ method: "GET", url: "/web/app.js" })).headers["content-type"] as string,
      /^text\/javascript/,
    );
    for (const url of ["/web/missing.js", "/web/..%2Fpackage.json", "/web/%2E%2E%2Fsrc%2Ferrors.ts"]) {
      assertError(await app.inject({ method: "GET", url }), 404, "InvalidAction.NotFound");
    }
    await app.close();
  });

  it("tells the page the document types, labels, every error in Chinese and the open policy", async () => {
    const app = appWith();
    const config: PageConfig = (await app.inject({ method: "GET", url: "/api/config" })).json();
    assert.equal(config.auth, "open");
    assert.deepEqual(
      config.types.map((type) => [type.type, type.action, type.residentPage]),
      [
        ["household-head", "RecognizeHousehold", false],
        ["household-resident", "RecognizeHousehold", true],
        ["birth-certificate", "RecognizeBirthCertification", false],
      ],
    );
    assert.deepEqual(Object.keys(config.errors).sort(), Object.keys(ERROR_CODES).sort());
    assert.equal(config.errors.unsupportedImageFormat, ERROR_MESSAGES_ZH.unsupportedImageFormat);
    await app.close();
  });
});

describe("POST /api/recognize (no keys configured: open)", () => {
  it("recognises raw bytes for each type through the injected recognizer", async () => {
    const seen: RecognizeRequest[] = [];
    const app = appWith({}, createEchoRecognize(seen));
    const expected: Record<string, [string, string]> = {
      "household-head": ["RecognizeHousehold", "false"],
      "household-resident": ["RecognizeHousehold", "true"],
      "birth-certificate": ["RecognizeBirthCertification", "false"],
    };
    for (const [type, [action, residentPage]] of Object.entries(expected)) {
      const data = resultOf(await postImage(app, type, IMAGE)).data;
      assert.deepEqual([data.action, data.residentPage, data.imageLength], [action, residentPage, "11"]);
    }
    assert.equal(seen.length, 3);
    await app.close();
  });

  it("takes a multipart upload as curl -F sends it", async () => {
    const app = appWith();
    const form = new FormData();
    form.append("image", new Blob([IMAGE]), "page.jpg");
    const request = new Request("http://localhost/", { method: "POST", body: form });
    const response = await app.inject({
      method: "POST",
      url: "/api/recognize?type=household-head",
      headers: { "content-type": request.headers.get("content-type") as string },
      payload: Buffer.from(await request.arrayBuffer()),
    });
    assert.equal(resultOf(response).data.imageLength, String(IMAGE.length));
    await app.close();
  });

  it("answers every failure with the API's error body and code", async () => {
    const app = appWith();
    assertError(await postImage(app, "passport", IMAGE), 400, "InvalidParameter");
    assertError(
      await app.inject({ method: "POST", url: "/api/recognize", payload: IMAGE }),
      400,
      "InvalidParameter",
    );
    assertError(await postImage(app, "household-head", Buffer.alloc(0)), 400, "imageUrlOrBodyEmpty");
    assertError(
      await postImage(app, "household-head", Buffer.alloc(10 * 1024 * 1024 + 1)),
      413,
      "exceededImageContent",
    );
    const url = (value: string) =>
      postImage(app, "household-head", Buffer.from(JSON.stringify({ url: value })), {
        "content-type": "application/json",
      });
    assertError(await url("http://10.0.0.1/a.png"), 400, "notSafeImageUrl");
    assertError(await url("http://127.0.0.1:1/a.png"), 400, "notSafeImageUrl");
    assertError(await url("ftp://example.com/a.png"), 400, "IllegalImageUrl");
    assertError(await url(`http://example.com/${"a".repeat(2048)}`), 400, "exceededImageUrlLength");
    await app.close();
  });

  it("passes the recognizer's own errors through, and hides internal faults", async () => {
    const app = appWith({}, async () => {
      throw new Error("secret internal detail");
    });
    const response = await postImage(app, "household-head", IMAGE);
    assertError(response, 503, "algorithmError");
    assert.doesNotMatch(response.body, /secret internal detail/);
    await app.close();
  });

  it("shares the API's work queue: beyond it, Throttling.User", async () => {
    let release!: () => void;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    let started!: () => void;
    const running = new Promise<void>((resolve) => {
      started = resolve;
    });
    const app = appWith({ workers: 1, queueSize: 0 }, async (request) => {
      started();
      await released;
      return echoResult(request);
    });
    const first = app.inject({
      method: "POST",
      url: "/",
      headers: { "x-acs-action": "RecognizeHousehold", "x-acs-version": "2021-07-07" },
      payload: IMAGE,
    });
    await running;
    const refused = await postImage(app, "birth-certificate", IMAGE);
    assertError(refused, 400, "Throttling.User");
    assert.ok(Number(refused.headers["x-acs-retry-after"]) > 0);
    release();
    assert.equal((await first).statusCode, 200);
    await app.close();
  });

  it("counts its recognitions in the metrics with the API's, and not its page loads", async () => {
    const app = appWith();
    await app.inject({ method: "GET", url: "/" });
    assert.equal((await postImage(app, "birth-certificate", IMAGE)).statusCode, 200);
    assertError(await postImage(app, "household-head", Buffer.alloc(0)), 400, "imageUrlOrBodyEmpty");
    const metrics = (await app.inject({ method: "GET", url: "/metrics" })).body;
    assert.match(metrics, /zhengzhao_requests_total\{action="RecognizeBirthCertification",code="OK"\} 1/);
    assert.match(
      metrics,
      /zhengzhao_requests_total\{action="RecognizeHousehold",code="imageUrlOrBodyEmpty"\} 1/,
    );
    assert.doesNotMatch(metrics, /action="other"/);
    await app.close();
  });

  it("refuses a request another site's page sends", async () => {
    const app = appWith();
    const foreign = await postImage(app, "household-head", IMAGE, { origin: "https://evil.example" });
    assertError(foreign, 400, "InvalidParameter");
    const own = await postImage(app, "household-head", IMAGE, { origin: "http://localhost:80" });
    assert.equal(own.statusCode, 200);
    await app.close();
  });
});

describe("POST /api/recognize (keys configured: the page signs)", () => {
  const keys = { keys: [KEY, BIRTH_ONLY] };

  it("says so in the page's configuration", async () => {
    const app = appWith(keys);
    const config: PageConfig = (await app.inject({ method: "GET", url: "/api/config" })).json();
    assert.equal(config.auth, "signed");
    await app.close();
  });

  it("accepts a request the page signed with Web Crypto", async () => {
    const app = appWith(keys);
    const data = resultOf(
      await postSigned(app, { type: "household-resident", action: "RecognizeHousehold" }),
    ).data;
    assert.deepEqual([data.action, data.residentPage], ["RecognizeHousehold", "true"]);
    await app.close();
  });

  it("refuses unsigned, wrongly signed, replayed and unpermitted requests with the API's codes", async () => {
    const app = appWith(keys);
    assertError(await postImage(app, "household-head", IMAGE), 400, "MissingSignature");
    assertError(
      await postSigned(app, {
        type: "household-head",
        action: "RecognizeHousehold",
        key: { ...KEY, accessKeySecret: "wrong" },
      }),
      400,
      "SignatureDoesNotMatch",
    );
    assertError(
      await postSigned(app, {
        type: "household-head",
        action: "RecognizeHousehold",
        key: { ...KEY, accessKeyId: "nobody" },
      }),
      404,
      "InvalidAccessKeyId.NotFound",
    );
    // The action signed must be the one the type asks for.
    assertError(
      await postSigned(app, { type: "birth-certificate", action: "RecognizeHousehold" }),
      400,
      "InvalidParameter",
    );
    assertError(
      await postSigned(app, { type: "household-head", action: "RecognizeHousehold", key: BIRTH_ONLY }),
      401,
      "noPermission",
    );
    const birth = { type: "birth-certificate", action: "RecognizeBirthCertification", key: BIRTH_ONLY };
    assert.equal((await postSigned(app, { ...birth, nonce: "n-1" })).statusCode, 200);
    assertError(await postSigned(app, { ...birth, nonce: "n-1" }), 400, "SignatureNonceUsed");
    await app.close();
  });
});
