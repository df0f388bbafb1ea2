import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { createServer, type IncomingMessage } from "node:http";
import { type AddressInfo, connect } from "node:net";
import { describe, it } from "node:test";
import { readCappedBody } from "./read-capped-body.ts";

/** Sends raw HTTP to a one-off server and returns what `readCappedBody` made of the request. */
async function readThrough(raw: (port: number) => Promise<void>, maxBytes: number) {
  let outcome!: Promise<unknown>;
  let arrived!: () => void;
  const seen = new Promise<void>((resolve) => {
    arrived = resolve;
  });
  const server = createServer((request: IncomingMessage, response) => {
    outcome = readCappedBody(request, maxBytes).then(
      (body) => ({ length: body.bytes.length, sha256: body.sha256 }),
      (error: unknown) => error,
    );
    arrived();
    outcome.then(() => response.end("done"));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    await raw((server.address() as AddressInfo).port);
    await seen;
    return await outcome;
  } finally {
    server.closeAllConnections();
    server.close();
  }
}

function sendRaw(port: number, text: string, thenDestroy: boolean): Promise<void> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1", () => {
      socket.write(text);
      if (thenDestroy) setImmediate(() => socket.destroy());
      resolve();
    });
    socket.on("error", () => {});
    socket.on("data", () => socket.end());
  });
}

const chunked = (body: string) =>
  `POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n${body.length.toString(16)}\r\n${body}\r\n`;

describe("readCappedBody", () => {
  it("reads a chunked body and hashes it", async () => {
    const result = await readThrough((port) => sendRaw(port, `${chunked("hello")}0\r\n\r\n`, false), 100);
    assert.deepEqual(result, { length: 5, sha256: createHash("sha256").update("hello").digest("hex") });
  });

  it("stops at the cap, chunked or declared", async () => {
    const streamed = await readThrough((port) => sendRaw(port, `${chunked("x".repeat(50))}`, false), 10);
    assert.equal((streamed as { code?: string }).code, "exceededImageContent");
    const declared = await readThrough(
      (port) => sendRaw(port, "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 11\r\n\r\n", false),
      10,
    );
    assert.equal((declared as { code?: string }).code, "exceededImageContent");
  });

  it("gives up when the client goes away mid-upload", async () => {
    const result = await readThrough((port) => sendRaw(port, chunked("partial"), true), 100);
    assert.ok(result instanceof Error);
    assert.notEqual((result as { code?: string }).code, "exceededImageContent");
  });
});
