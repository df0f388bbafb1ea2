import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { MAX_IMAGE_BYTES } from "../config/server-config.ts";
import { MULTIPART_OVERHEAD_BYTES, parseWebUpload, uploadByteLimit } from "./web-upload.ts";

/** A multipart body as a browser or curl -F would send it (encoded by Node's own fetch). */
async function multipart(form: FormData): Promise<{ contentType: string; body: Buffer }> {
  const request = new Request("http://localhost/", { method: "POST", body: form });
  return {
    contentType: request.headers.get("content-type") ?? "",
    body: Buffer.from(await request.arrayBuffer()),
  };
}

describe("parseWebUpload", () => {
  it("takes any body that is not multipart or JSON as the image bytes", async () => {
    const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47]);
    for (const type of [undefined, "application/octet-stream", "image/png", "text/plain"]) {
      assert.deepEqual(await parseWebUpload(type, bytes), { image: bytes }, String(type));
    }
  });

  it("takes the image field of a multipart form, else its url field", async () => {
    const form = new FormData();
    form.append("image", new Blob([Buffer.from("pixels")], { type: "image/jpeg" }), "page.jpg");
    const withImage = await multipart(form);
    const upload = await parseWebUpload(withImage.contentType, withImage.body);
    assert.ok("image" in upload);
    assert.equal(Buffer.from(upload.image).toString(), "pixels");

    const urlForm = new FormData();
    urlForm.append("url", "https://example.com/a.jpg");
    const withUrl = await multipart(urlForm);
    assert.deepEqual(await parseWebUpload(withUrl.contentType, withUrl.body), {
      url: "https://example.com/a.jpg",
    });

    const empty = await multipart(new FormData());
    const none = await parseWebUpload(empty.contentType, empty.body);
    assert.ok("image" in none && none.image.length === 0);
  });

  it("refuses a malformed multipart body and an image file over 10 MB", async () => {
    await assert.rejects(parseWebUpload("multipart/form-data; boundary=xyz", Buffer.from("not a form")), {
      code: "InvalidParameter",
    });
    const form = new FormData();
    form.append("image", new Blob([new Uint8Array(MAX_IMAGE_BYTES + 1)]), "big.jpg");
    const big = await multipart(form);
    assert.ok(big.body.length <= uploadByteLimit(big.contentType));
    await assert.rejects(parseWebUpload(big.contentType, big.body), { code: "exceededImageContent" });
  });

  it("reads a URL from a JSON body", async () => {
    const json = (value: unknown) => Buffer.from(JSON.stringify(value));
    assert.deepEqual(await parseWebUpload("application/json", json({ url: "http://a/b.png" })), {
      url: "http://a/b.png",
    });
    const empty = await parseWebUpload("application/json; charset=utf-8", json({ url: "" }));
    assert.ok("image" in empty && empty.image.length === 0);
    await assert.rejects(parseWebUpload("application/json", Buffer.from("{")), { code: "InvalidParameter" });
    await assert.rejects(parseWebUpload("application/json", json({ url: 7 })), { code: "InvalidParameter" });
  });

  it("allows a multipart envelope around a full-size image, and nothing more for other bodies", () => {
    assert.equal(uploadByteLimit("image/jpeg"), MAX_IMAGE_BYTES);
    assert.equal(uploadByteLimit(undefined), MAX_IMAGE_BYTES);
    assert.equal(
      uploadByteLimit("Multipart/Form-Data; boundary=x"),
      MAX_IMAGE_BYTES + MULTIPART_OVERHEAD_BYTES,
    );
  });
});
