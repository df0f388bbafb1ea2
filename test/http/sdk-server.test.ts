import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, describe, it } from "node:test";
import { parseServerConfig } from "../../src/config/server-config.ts";
import type { RecognizeRequest } from "../../src/http/recognize-fn.ts";
import { type RunningServer, startServer } from "../../src/http/server.ts";
import { createEchoRecognize, echoResult } from "./echo-recognize.ts";
import { ReplayProxy } from "./replay-proxy.ts";
import {
  callAction,
  createSdkClient,
  type OcrClient,
  recognizeBirthCertification,
  recognizeHousehold,
  TEST_ACCESS_KEY_ID,
  TEST_ACCESS_KEY_SECRET,
} from "./sdk-client.ts";

const IMAGE = Buffer.from("a household register, pretend");
const URL_IMAGE = Buffer.alloc(4321, 7);
const BIRTH_ONLY = { accessKeyId: "LTAI5tBirthOnly", accessKeySecret: "birth-only-secret" };
const SLOW = { accessKeyId: "LTAI5tSlowKey", accessKeySecret: "slow-secret" };

const config = (port = 0) =>
  parseServerConfig({
    host: "127.0.0.1",
    port,
    workers: 2,
    keys: [
      { accessKeyId: TEST_ACCESS_KEY_ID, accessKeySecret: TEST_ACCESS_KEY_SECRET },
      { ...BIRTH_ONLY, actions: ["RecognizeBirthCertification"] },
      { ...SLOW, ratePerSecond: 0.001 },
    ],
    urlFetch: { allowPrivateNetworks: ["127.0.0.1/32"] },
  });

const endpointOf = (server: RunningServer) => server.url.replace("http://", "");

/** Runs an SDK call that must fail, and returns the SDK's error for its fields. */
async function sdkError(
  call: Promise<unknown>,
): Promise<{ code: string; statusCode: number; retryAfter?: number }> {
  try {
    await call;
  } catch (error) {
    return error as { code: string; statusCode: number; retryAfter?: number };
  }
  assert.fail("the call succeeded");
}

function dataOf(response: { statusCode?: number; body?: { data?: string; requestId?: string } }) {
  assert.equal(response.statusCode, 200);
  assert.match(response.body?.requestId ?? "", /^[0-9A-F-]{36}$/);
  return JSON.parse(response.body?.data ?? "") as ReturnType<typeof echoResult>;
}

describe("the service through a real socket and the real SDK", () => {
  const seen: RecognizeRequest[] = [];
  let server: RunningServer;
  let images: Server;
  let imageBase = "";
  let client: OcrClient;

  before(async () => {
    server = await startServer(config(), createEchoRecognize(seen), { logger: false });
    client = createSdkClient(endpointOf(server));
    images = createServer((_request, response) => response.end(URL_IMAGE));
    await new Promise<void>((resolve) => images.listen(0, "127.0.0.1", resolve));
    imageBase = `http://127.0.0.1:${(images.address() as AddressInfo).port}`;
  });

  after(async () => {
    await server.close();
    images.closeAllConnections();
    await new Promise<void>((resolve) => images.close(() => resolve()));
  });

  it("recognises a household body, resident page or not", async () => {
    const resident = dataOf(await recognizeHousehold(client, { body: IMAGE, isResidentPage: true }));
    assert.deepEqual(resident.data, {
      action: "RecognizeHousehold",
      residentPage: "true",
      imageLength: String(IMAGE.length),
    });
    const head = dataOf(await recognizeHousehold(client, { body: IMAGE, isResidentPage: false }));
    assert.equal(head.data.residentPage, "false");
  });

  it("recognises a birth certificate body", async () => {
    const birth = dataOf(await recognizeBirthCertification(client, { body: IMAGE }));
    assert.equal(birth.data.action, "RecognizeBirthCertification");
  });

  it("downloads a Url on an allowed loopback address", async () => {
    const result = dataOf(await recognizeHousehold(client, { url: `${imageBase}/scan.png?x=(1)*!'~ 2` }));
    assert.equal(result.data.imageLength, String(URL_IMAGE.length));
  });

  it("prefers the body when both Url and body are sent", async () => {
    const result = dataOf(await recognizeHousehold(client, { body: IMAGE, url: "http://10.0.0.1/a.png" }));
    assert.equal(result.data.imageLength, String(IMAGE.length));
  });

  it("reports each request problem to the SDK with its code", async () => {
    // Thunks, so that each call starts only when the previous one has been answered.
    const cases: Array<[() => Promise<unknown>, string, number]> = [
      [() => recognizeHousehold(client, {}), "imageUrlOrBodyEmpty", 400],
      [
        () => recognizeHousehold(client, { body: Buffer.alloc(11 * 1024 * 1024) }),
        "exceededImageContent",
        413,
      ],
      [() => recognizeHousehold(client, { url: "http://10.0.0.1/a.png" }), "notSafeImageUrl", 400],
      [
        () => recognizeHousehold(client, { url: `${imageBase.replace("127.0.0.1", "127.0.0.2")}/a.png` }),
        "notSafeImageUrl",
        400,
      ],
      [() => callAction(client, "RecognizeIdcard"), "InvalidAction.NotFound", 404],
      [() => callAction(client, "RecognizeHousehold", "2019-12-30"), "InvalidVersion", 400],
    ];
    for (const [call, code, status] of cases) {
      const error = await sdkError(call());
      assert.equal(error.code, code);
      assert.equal(error.statusCode, status, code);
    }
  });

  it("reports each credential problem to the SDK with its code", async () => {
    const endpoint = endpointOf(server);
    const cases: Array<[OcrClient, string, number]> = [
      [createSdkClient(endpoint, TEST_ACCESS_KEY_ID, "wrong-secret"), "SignatureDoesNotMatch", 400],
      [createSdkClient(endpoint, "LTAI5tUnknownKey", "whatever"), "InvalidAccessKeyId.NotFound", 404],
      [createSdkClient(endpoint, BIRTH_ONLY.accessKeyId, BIRTH_ONLY.accessKeySecret), "noPermission", 401],
    ];
    for (const [caller, code, status] of cases) {
      const error = await sdkError(recognizeHousehold(caller, { body: IMAGE }));
      assert.equal(error.code, code);
      assert.equal(error.statusCode, status, code);
    }
  });

  it("throttles a key past its rate, with the retry delay the SDK reads", async () => {
    const slow = createSdkClient(endpointOf(server), SLOW.accessKeyId, SLOW.accessKeySecret);
    dataOf(await recognizeHousehold(slow, { body: IMAGE }));
    const error = await sdkError(recognizeHousehold(slow, { body: IMAGE }));
    assert.equal(error.code, "Throttling.User");
    assert.ok((error.retryAfter ?? 0) > 0);
  });

  it("refuses a replayed signed request", async () => {
    const address = server.app.server.address() as AddressInfo;
    const proxy = new ReplayProxy({ host: "127.0.0.1", port: address.port });
    const proxied = createSdkClient(await proxy.listen());
    try {
      dataOf(await recognizeHousehold(proxied, { body: IMAGE }));
      proxy.mode = "replay";
      const error = await sdkError(recognizeHousehold(proxied, { body: IMAGE }));
      assert.equal(error.code, "SignatureNonceUsed");
    } finally {
      await proxy.close();
    }
  });
});

describe("the service's clock, limits and shutdown", () => {
  it("reports a recognition past the time limit as ServiceTimeout (504) to the SDK", async () => {
    const waitsForAbort = (request: RecognizeRequest) =>
      new Promise<never>((_resolve, reject) =>
        request.signal.addEventListener("abort", () => reject(request.signal.reason)),
      );
    const server = await startServer(
      parseServerConfig({ ...config(), requestTimeoutMs: 50 }),
      waitsForAbort,
      {
        logger: false,
      },
    );
    try {
      const error = await sdkError(recognizeHousehold(createSdkClient(endpointOf(server)), { body: IMAGE }));
      assert.equal(error.code, "ServiceTimeout");
      assert.equal(error.statusCode, 504);
    } finally {
      await server.close();
    }
  });

  it("refuses a request dated more than 15 minutes away", async () => {
    const ahead = await startServer(config(), createEchoRecognize(), {
      logger: false,
      now: () => Date.now() + 20 * 60 * 1000,
    });
    try {
      const error = await sdkError(recognizeHousehold(createSdkClient(endpointOf(ahead)), { body: IMAGE }));
      assert.equal(error.code, "InvalidTimeStamp.Expired");
    } finally {
      await ahead.close();
    }
  });

  it("finishes a request in flight when closed", async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let started!: () => void;
    const running = new Promise<void>((resolve) => {
      started = resolve;
    });
    const server = await startServer(
      config(),
      async (request) => {
        started();
        await gate;
        return echoResult(request);
      },
      { logger: false },
    );
    const call = recognizeHousehold(createSdkClient(endpointOf(server)), { body: IMAGE });
    await running;
    const closed = server.close();
    release();
    assert.equal(dataOf(await call).data.imageLength, String(IMAGE.length));
    await closed;
  });
});
