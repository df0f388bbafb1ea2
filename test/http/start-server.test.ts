import assert from "node:assert/strict";
import { Writable } from "node:stream";
import { describe, it } from "node:test";
import { parseServerConfig } from "../../src/config/server-config.ts";
import { startServer } from "../../src/http/server.ts";
import { createEchoRecognize } from "./echo-recognize.ts";
import { createSdkClient, recognizeHousehold } from "./sdk-client.ts";

function logCapture() {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split("\n").filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, logger: { level: "info", stream } };
}

describe("startServer", () => {
  it("keeps a server without keys on loopback and says so loudly", async () => {
    const { lines, logger } = logCapture();
    const server = await startServer(parseServerConfig({ host: "0.0.0.0", port: 0 }), createEchoRecognize(), {
      logger,
    });
    try {
      assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/);
      const warning = lines.find((line) => line.level === 40);
      assert.match(String(warning?.msg), /NO ACCESS KEYS CONFIGURED/);
    } finally {
      await server.close();
    }
  });

  it("logs one line per request with RequestId, action and code, and never the Url or the image", async () => {
    const { lines, logger } = logCapture();
    const server = await startServer(
      parseServerConfig({ host: "127.0.0.1", port: 0 }),
      createEchoRecognize(),
      {
        logger,
      },
    );
    const secretUrl = "http://10.0.0.1/private-name-zhang-san.png";
    try {
      const client = createSdkClient(server.url.replace("http://", ""));
      await assert.rejects(recognizeHousehold(client, { url: secretUrl }), { code: "notSafeImageUrl" });
      await recognizeHousehold(client, { body: Buffer.from("IMAGE-BYTES-MARKER") });
    } finally {
      await server.close();
    }
    const answered = lines.filter((line) => line.msg === "answered");
    assert.deepEqual(
      answered.map((line) => [line.action, line.code]),
      [
        ["RecognizeHousehold", "notSafeImageUrl"],
        ["RecognizeHousehold", "OK"],
      ],
    );
    assert.match(String(answered[0]?.requestId), /^[0-9A-F-]{36}$/);
    const everything = JSON.stringify(lines);
    assert.doesNotMatch(everything, /private-name|zhang|IMAGE-BYTES-MARKER|10\.0\.0\.1/);
  });
});
