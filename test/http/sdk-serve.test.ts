// `zhengzhao serve` as an operator runs it (its own process, the worker pool, the real recognizer), called through a
// real socket by the official SDK. The request problems that need no recognizer are in sdk-server.test.ts.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import sharp from "sharp";
import type { DocumentType, RecognitionResult } from "../../src/types.ts";
import {
  createSdkClient,
  type OcrClient,
  recognizeBirthCertification,
  recognizeHousehold,
  recognizeHouseholdWithQuery,
} from "./sdk-client.ts";
import { type ServeProcess, startServeProcess } from "./serve-process.ts";

interface FixtureLabel {
  file: string;
  type: DocumentType;
  fields: Record<string, string>;
}

const CONFIG = fileURLToPath(new URL("./serve-config.json", import.meta.url));
const FIXTURES = new URL("../fixtures/synth/", import.meta.url);
const labels: FixtureLabel[] = readFileSync(new URL("labels.jsonl", FIXTURES), "utf8")
  .trim()
  .split("\n")
  .map((line) => JSON.parse(line));
const labelOf = (file: string): FixtureLabel => {
  const label = labels.find((candidate) => candidate.file === file);
  assert.ok(label, file);
  return label;
};
const bytesOf = (file: string) => readFileSync(new URL(file, FIXTURES));

const HEAD = "household-head-clean-0000.jpg";
const RESIDENT = "household-resident-clean-0001.jpg";
const BIRTH = "birth-certificate-clean-0002.jpg";
/** The field that tells the three documents apart at a glance, read exactly on these clean scans. */
const NAME_KEY: Record<DocumentType, string> = {
  "household-head": "householderName",
  "household-resident": "name",
  "birth-certificate": "NewbornName",
};

/** Parses the SDK's response and checks `Data` against the fixture's label. */
function checkAgainstLabel(
  response: { statusCode?: number; body?: { data?: string; requestId?: string } },
  file: string,
): RecognitionResult {
  assert.equal(response.statusCode, 200);
  assert.match(response.body?.requestId ?? "", /^[0-9A-F-]{36}$/);
  assert.equal(typeof response.body?.data, "string", "Data is a JSON string, as from Alibaba");
  const result = JSON.parse(response.body?.data ?? "") as RecognitionResult;
  const label = labelOf(file);
  assert.deepEqual(
    Object.keys(result.data).sort(),
    Object.keys(label.fields).sort(),
    `${file}: the keys of its type`,
  );
  const key = NAME_KEY[label.type];
  assert.equal(result.data[key], label.fields[key], `${file} ${key}`);
  const filled = Object.keys(label.fields).filter((name) => label.fields[name] !== "");
  const exact = filled.filter((name) => result.data[name] === label.fields[name]).length;
  assert.ok(exact / filled.length >= 0.7, `${file}: ${exact} of ${filled.length} fields exact`);
  return result;
}

async function sdkError(call: Promise<unknown>): Promise<{ code: string; statusCode: number }> {
  try {
    await call;
  } catch (error) {
    return error as { code: string; statusCode: number };
  }
  assert.fail("the call succeeded");
}

describe("zhengzhao serve with the real recognizer, through the official SDK", () => {
  let serve: ServeProcess;
  let client: OcrClient;
  let images: Server;
  let imageBase = "";

  before(async () => {
    serve = await startServeProcess(["--config", CONFIG, "--port", "0"]);
    client = createSdkClient(serve.url.replace("http://", ""));
    images = createServer((request, response) => {
      const file = (request.url ?? "/").slice(1);
      if (!labels.some((label) => label.file === file)) {
        response.statusCode = 404;
        response.end();
        return;
      }
      response.setHeader("content-type", file.endsWith(".png") ? "image/png" : "image/jpeg");
      response.end(bytesOf(file));
    });
    await new Promise<void>((resolve) => images.listen(0, "127.0.0.1", resolve));
    imageBase = `http://127.0.0.1:${(images.address() as AddressInfo).port}`;
  });

  after(async () => {
    if (serve.child.exitCode === null) await serve.stop("SIGKILL");
    images.closeAllConnections();
    await new Promise<void>((resolve) => images.close(() => resolve()));
  });

  it("reads a householder page sent as the body, IsResidentPage false", async () => {
    checkAgainstLabel(await recognizeHousehold(client, { body: bytesOf(HEAD), isResidentPage: false }), HEAD);
  });

  it("reads a resident page sent as the body, IsResidentPage true", async () => {
    checkAgainstLabel(
      await recognizeHousehold(client, { body: bytesOf(RESIDENT), isResidentPage: true }),
      RESIDENT,
    );
  });

  it('takes IsResidentPage "True" as true', async () => {
    // The generic call hands back the body as sent, PascalCase keys included.
    const raw = (await recognizeHouseholdWithQuery(
      client,
      { IsResidentPage: "True" },
      bytesOf(RESIDENT),
    )) as {
      statusCode: number;
      body: { RequestId: string; Data: string };
    };
    checkAgainstLabel(
      { statusCode: raw.statusCode, body: { requestId: raw.body.RequestId, data: raw.body.Data } },
      RESIDENT,
    );
  });

  it("reads a birth certificate sent as the body", async () => {
    checkAgainstLabel(await recognizeBirthCertification(client, { body: bytesOf(BIRTH) }), BIRTH);
  });

  it("reads both documents from a Url on an allowed loopback server", async () => {
    checkAgainstLabel(
      await recognizeHousehold(client, { url: `${imageBase}/${RESIDENT}`, isResidentPage: true }),
      RESIDENT,
    );
    checkAgainstLabel(await recognizeBirthCertification(client, { url: `${imageBase}/${BIRTH}` }), BIRTH);
  });

  it("reads the body when a Url is sent too", async () => {
    const response = await recognizeHousehold(client, {
      body: bytesOf(HEAD),
      url: `${imageBase}/${RESIDENT}`,
      isResidentPage: false,
    });
    checkAgainstLabel(response, HEAD);
  });

  it("answers a PDF with unsupportedImageFormat (415)", async () => {
    const pdf = Buffer.from(
      "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n",
    );
    const error = await sdkError(recognizeHousehold(client, { body: pdf }));
    assert.equal(error.code, "unsupportedImageFormat");
    assert.equal(error.statusCode, 415);
  });

  it("answers a 9000 px wide image with illegalImageSize (416)", async () => {
    const wide = await sharp({ create: { width: 9000, height: 600, channels: 3, background: "#ffffff" } })
      .png()
      .toBuffer();
    const error = await sdkError(recognizeBirthCertification(client, { body: wide }));
    assert.equal(error.code, "illegalImageSize");
    assert.equal(error.statusCode, 416);
  });

  it("finishes the request in flight on SIGTERM, then exits cleanly", async () => {
    const call = recognizeHousehold(client, { body: bytesOf(RESIDENT), isResidentPage: true });
    await until(async () =>
      /zhengzhao_recognitions_running 1/.test(await (await fetch(`${serve.url}/metrics`)).text()),
    );
    const exited = serve.stop("SIGTERM");
    checkAgainstLabel(await call, RESIDENT);
    const answered = Date.now();
    assert.equal(await exited, 0);
    // Not held open by the SDK's keep-alive connection (72 s before the fix).
    assert.ok(Date.now() - answered < 10_000, `exited ${Date.now() - answered} ms after the answer`);
    assert.deepEqual(
      serve.lines.filter((line) => /^stop/.test(String(line.msg))).map((line) => line.msg),
      ["stopping: finishing requests in flight", "stopped"],
    );
  });
});

async function until(condition: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) assert.fail("the condition never held");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
