import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, describe, it } from "node:test";
import { parseAcs3Authorization, verifyAcs3Signature } from "../../src/http/acs3-signature.ts";
import {
  createSdkClient,
  recognizeBirthCertification,
  recognizeHousehold,
  TEST_ACCESS_KEY_SECRET,
} from "./sdk-client.ts";

interface Captured {
  url: string;
  verified: boolean;
  signedHeaders: string[];
}

// A bare node:http server (not the app) so that this test checks only the signature against the real SDK's requests.
async function readAll(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe("ACS3 verification against the real SDK", () => {
  const captured: Captured[] = [];
  let server: Server;
  let endpoint = "";

  before(async () => {
    server = createServer(async (request, response) => {
      const body = await readAll(request);
      const authorization = parseAcs3Authorization(request.headers.authorization);
      const payloadHash = createHash("sha256").update(body).digest("hex");
      const verified =
        authorization !== undefined &&
        verifyAcs3Signature(
          { method: request.method ?? "", url: request.url ?? "", headers: request.headers, payloadHash },
          authorization,
          TEST_ACCESS_KEY_SECRET,
        );
      captured.push({ url: request.url ?? "", verified, signedHeaders: authorization?.signedHeaders ?? [] });
      response.setHeader("content-type", "application/json;charset=utf-8");
      response.end(JSON.stringify({ RequestId: "43A29C77-405E-4CC0-BC55-EE694AD00655", Data: "{}" }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    endpoint = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("verifies a household request with a binary body", async () => {
    await recognizeHousehold(createSdkClient(endpoint), {
      body: Buffer.from("x".repeat(3000)),
      isResidentPage: true,
    });
    const last = captured.at(-1);
    assert.equal(last?.url, "/?IsResidentPage=true");
    assert.ok(last?.signedHeaders.includes("content-type"));
    assert.equal(last?.verified, true);
  });

  it("verifies a Url with characters Node leaves raw but the canonical form escapes", async () => {
    const url = "https://example.com/a b/出生证.jpg?x=1&y=(2)*!'~";
    await recognizeBirthCertification(createSdkClient(endpoint), { url });
    const last = captured.at(-1);
    assert.match(last?.url ?? "", /\(2\)\*!%27~$/);
    assert.equal(last?.verified, true);
  });

  it("does not verify a request signed with another secret", async () => {
    const client = createSdkClient(endpoint, "LTAI5tTestAccessKeyId01", "another-secret");
    await recognizeHousehold(client, { url: "https://example.com/a.png", isResidentPage: false });
    assert.equal(captured.at(-1)?.verified, false);
  });
});
