import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { test } from "node:test";
import { RecognitionError } from "../errors.ts";
import { probeImage } from "./probe-image.ts";

const fixture = (name: string) => readFile(new URL(`../../test/fixtures/images/${name}`, import.meta.url));

test("reports format and size of every fixture from its header", async () => {
  const expected = {
    "source.png": "png",
    "source.jpg": "jpeg",
    "source.bmp": "bmp",
    "source.gif": "gif",
    "source.tif": "tiff",
    "source.webp": "webp",
    "two-frames.gif": "gif",
    "two-pages.tif": "tiff",
  } as const;
  for (const [name, format] of Object.entries(expected)) {
    assert.deepEqual(await probeImage(await fixture(name)), { format, width: 64, height: 48 }, name);
  }
});

test("reads only the header: a truncated PNG probes fine (its decode is what fails)", async () => {
  const png = await fixture("source.png");
  assert.deepEqual(await probeImage(png.subarray(0, 100)), { format: "png", width: 64, height: 48 });
});

test("checks the limits on the header's size", async () => {
  const bmp = new Uint8Array(await fixture("source.bmp"));
  new DataView(bmp.buffer).setInt32(18, 8192, true);
  await assert.rejects(probeImage(bmp), (error: unknown) => {
    return (
      error instanceof RecognitionError &&
      error.code === "illegalImageSize" &&
      /8192×48 px/.test(error.message)
    );
  });
});
