import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, describe, it } from "node:test";
import { parseServerConfig } from "../config/server-config.ts";
import { ImageUrlFetcher } from "./fetch-image-url.ts";

const IMAGE = Buffer.from("pretend-png-bytes");
const never = new AbortController().signal;

function fetcherWith(urlFetch: Record<string, unknown>): ImageUrlFetcher {
  return new ImageUrlFetcher(parseServerConfig({ urlFetch }).urlFetch);
}

describe("ImageUrlFetcher", () => {
  let server: Server;
  let base = "";
  let port = 0;
  const fetchers: ImageUrlFetcher[] = [];
  const loopbackFetcher = (extra: Record<string, unknown> = {}) => {
    const fetcher = fetcherWith({ allowPrivateNetworks: ["127.0.0.1/32", "::1/128"], ...extra });
    fetchers.push(fetcher);
    return fetcher;
  };

  before(async () => {
    server = createServer((request, response) => {
      const path = request.url ?? "";
      const hops = /^\/r(\d+)$/.exec(path);
      if (hops) {
        const left = Number(hops[1]) - 1;
        response.writeHead(302, { location: left === 0 ? "/image" : `/r${left}` }).end();
      } else if (path === "/image") response.end(IMAGE);
      else if (path === "/to-other-loopback") {
        response.writeHead(307, { location: `http://127.0.0.2:${port}/image` }).end();
      } else if (path === "/big-chunked") {
        response.write(Buffer.alloc(800));
        response.end(Buffer.alloc(800));
      } else if (path === "/big-declared") response.end(Buffer.alloc(1600));
      else if (path === "/hang") response.flushHeaders();
      else response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
    base = `http://127.0.0.1:${port}`;
  });

  after(async () => {
    await Promise.all(fetchers.map((fetcher) => fetcher.close()));
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it("downloads from an allowed address", async () => {
    assert.deepEqual(Buffer.from(await loopbackFetcher().fetch(`${base}/image`, never)), IMAGE);
  });

  it("refuses loopback unless configured, by IP literal and by name", async () => {
    const fetcher = fetcherWith({});
    fetchers.push(fetcher);
    await assert.rejects(fetcher.fetch(`${base}/image`, never), { code: "notSafeImageUrl" });
    await assert.rejects(fetcher.fetch(`http://localhost:${port}/image`, never), { code: "notSafeImageUrl" });
    await assert.rejects(fetcher.fetch("http://[::ffff:127.0.0.1]/image", never), {
      code: "notSafeImageUrl",
    });
  });

  it("connects to the address its own lookup checked", async () => {
    const fetched = await loopbackFetcher().fetch(`http://localhost:${port}/image`, never);
    assert.deepEqual(Buffer.from(fetched), IMAGE);
  });

  it("follows up to three redirects, checking each target", async () => {
    const fetcher = loopbackFetcher();
    assert.deepEqual(Buffer.from(await fetcher.fetch(`${base}/r3`, never)), IMAGE);
    await assert.rejects(fetcher.fetch(`${base}/r4`, never), { code: "IllegalImageUrl" });
    await assert.rejects(fetcher.fetch(`${base}/to-other-loopback`, never), { code: "notSafeImageUrl" });
  });

  it("caps the size while streaming and by declared length", async () => {
    const fetcher = loopbackFetcher({ maxBytes: 1000 });
    await assert.rejects(fetcher.fetch(`${base}/big-chunked`, never), { code: "exceededImageContent" });
    await assert.rejects(fetcher.fetch(`${base}/big-declared`, never), { code: "exceededImageContent" });
  });

  it("times out a server that never sends the image", async () => {
    const fetcher = loopbackFetcher({ totalTimeoutMs: 300 });
    await assert.rejects(fetcher.fetch(`${base}/hang`, never), { code: "imageTimeOut" });
  });

  it("rejects bad URLs, non-http schemes, failed downloads and refused connections", async () => {
    const fetcher = loopbackFetcher();
    await assert.rejects(fetcher.fetch(`${base}/${"a".repeat(2048)}`, never), {
      code: "exceededImageUrlLength",
    });
    await assert.rejects(fetcher.fetch("not a url", never), { code: "IllegalImageUrl" });
    await assert.rejects(fetcher.fetch("ftp://127.0.0.1/image", never), { code: "IllegalImageUrl" });
    await assert.rejects(fetcher.fetch(`${base}/missing`, never), { code: "IllegalImageUrl" });
    await assert.rejects(fetcher.fetch("http://127.0.0.1:1/image", never), { code: "IllegalImageUrl" });
  });

  it("rethrows the caller's abort reason", async () => {
    const controller = new AbortController();
    const pending = loopbackFetcher().fetch(`${base}/hang`, controller.signal);
    controller.abort(new Error("client went away"));
    await assert.rejects(pending, /client went away/);
  });
});
