import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { ERROR_CODES, type ErrorCode, RecognitionError } from "../src/errors.ts";

const docs = readFileSync(new URL("../docs/errors.md", import.meta.url), "utf8");
const documented = new Map<string, number>();
for (const match of docs.matchAll(/^\| `([^`]+)` \| (\d{3}) \|/gm))
  documented.set(match[1] as string, Number(match[2]));

test("every registered error code is documented with its status", () => {
  for (const [code, { status }] of Object.entries(ERROR_CODES)) {
    assert.equal(documented.get(code), status, `docs/errors.md row for ${code}`);
  }
});

test("the docs list no code the registry lacks", () => {
  for (const code of documented.keys()) assert.ok(code in ERROR_CODES, `${code} is not in src/errors.ts`);
});

test("RecognitionError carries code, status, message and cause", () => {
  const cause = new Error("inner");
  const error = new RecognitionError("illegalImageSize" satisfies ErrorCode, "9000×10 px", { cause });
  assert.equal(error.status, 416);
  assert.equal(error.message, "9000×10 px");
  assert.equal(error.cause, cause);
  assert.equal(new RecognitionError("algorithmError").message, ERROR_CODES.algorithmError.message);
});
