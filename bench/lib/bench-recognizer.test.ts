import assert from "node:assert/strict";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { pathToFileURL } from "node:url";
import { findCreateRecognizer, libraryRecognizer } from "./bench-recognizer.ts";

// A stand-in library that records how it was called and answers with the call in `data`.
const FAKE_LIBRARY = `
export function createRecognizer() {
  const answer = (call) => ({ data: { call }, prism_keyValueInfo: [], sliceRect: { x0: 0, y0: 0, x1: 1, y1: 0, x2: 1, y2: 1, x3: 0, y3: 1 }, angle: 0, ftype: 0, width: 1, height: 1, orgWidth: 1, orgHeight: 1 });
  return {
    recognizeHousehold: async (image, options) => answer("household:" + options.residentPage + ":" + image.length),
    recognizeBirthCertificate: async (image) => answer("birth:" + image.length),
    dispose: async () => {},
  };
}
`;

describe("findCreateRecognizer", () => {
  let dir = "";
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), "bench-recognizer-"));
    await writeFile(join(dir, "library.mjs"), FAKE_LIBRARY);
    await writeFile(join(dir, "empty.mjs"), "export const version = 1;\n");
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it("is undefined when the entry file does not exist", async () => {
    assert.equal(await findCreateRecognizer(pathToFileURL(join(dir, "missing.mjs"))), undefined);
  });

  it("is undefined when the entry does not export createRecognizer", async () => {
    assert.equal(await findCreateRecognizer(pathToFileURL(join(dir, "empty.mjs"))), undefined);
  });

  it("routes each document type to the library's method", async () => {
    const create = await findCreateRecognizer(pathToFileURL(join(dir, "library.mjs")));
    assert.ok(create);
    const recognizer = await libraryRecognizer(create);
    const image = new Uint8Array(3);
    assert.equal((await recognizer.recognize("household-head", image)).data.call, "household:false:3");
    assert.equal((await recognizer.recognize("household-resident", image)).data.call, "household:true:3");
    assert.equal((await recognizer.recognize("birth-certificate", image)).data.call, "birth:3");
    assert.equal(recognizer.baseline, false);
    await recognizer.dispose();
  });
});
