import assert from "node:assert/strict";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { loadServerConfig } from "./load-server-config.ts";
import { listenHost, MAX_IMAGE_BYTES, parseServerConfig } from "./server-config.ts";

describe("parseServerConfig", () => {
  it("fills every default", () => {
    const config = parseServerConfig({});
    assert.equal(config.port, 8080);
    assert.deepEqual(config.keys, []);
    assert.equal(config.urlFetch.maxRedirects, 3);
    assert.equal(config.urlFetch.maxBytes, MAX_IMAGE_BYTES);
    assert.deepEqual(config.urlFetch.allowPrivateNetworks, []);
    assert.ok(config.workers >= 1);
  });

  it("gives a key every action unless told otherwise", () => {
    const config = parseServerConfig({ keys: [{ accessKeyId: "a", accessKeySecret: "s" }] });
    assert.deepEqual(config.keys[0]?.actions, ["RecognizeHousehold", "RecognizeBirthCertification"]);
  });

  it("rejects unknown keys at any depth", () => {
    assert.throws(() => parseServerConfig({ prot: 1 }), /prot/);
    assert.throws(() => parseServerConfig({ urlFetch: { maxRedirect: 2 } }), /maxRedirect/);
    assert.throws(
      () => parseServerConfig({ keys: [{ accessKeyId: "a", accessKeySecret: "s", rate: 1 }] }),
      /rate/,
    );
  });

  it("rejects values outside the protocol's limits", () => {
    assert.throws(() => parseServerConfig({ urlFetch: { maxRedirects: 4 } }), /maxRedirects/);
    assert.throws(() => parseServerConfig({ urlFetch: { maxBytes: MAX_IMAGE_BYTES + 1 } }), /maxBytes/);
    assert.throws(() =>
      parseServerConfig({ keys: [{ accessKeyId: "a", accessKeySecret: "s", actions: ["X"] }] }),
    );
    assert.throws(() => parseServerConfig({ urlFetch: { allowPrivateNetworks: ["10.0.0.1"] } }), /CIDR/);
  });
});

describe("listenHost", () => {
  it("keeps a server without keys on loopback", () => {
    assert.equal(listenHost(parseServerConfig({ host: "0.0.0.0" })), "127.0.0.1");
    assert.equal(listenHost(parseServerConfig({ host: "::1" })), "::1");
  });

  it("listens where configured once keys exist", () => {
    const keys = [{ accessKeyId: "a", accessKeySecret: "s" }];
    assert.equal(listenHost(parseServerConfig({ host: "0.0.0.0", keys })), "0.0.0.0");
  });
});

describe("loadServerConfig", () => {
  let directory = "";
  before(async () => {
    directory = await mkdtemp(join(tmpdir(), "zhengzhao-config-"));
  });
  after(() => rm(directory, { recursive: true, force: true }));

  it("layers defaults, file and environment", async () => {
    const file = join(directory, "config.json");
    await writeFile(file, JSON.stringify({ port: 9000, queueSize: 5, urlFetch: { connectTimeoutMs: 100 } }));
    const config = await loadServerConfig({
      file,
      env: { ZHENGZHAO_PORT: "9100", ZHENGZHAO_ALLOW_PRIVATE_NETWORKS: "10.0.0.0/8, fd00::/8" },
    });
    assert.equal(config.port, 9100);
    assert.equal(config.queueSize, 5);
    assert.equal(config.urlFetch.connectTimeoutMs, 100);
    assert.equal(config.urlFetch.totalTimeoutMs, 15_000);
    assert.deepEqual(config.urlFetch.allowPrivateNetworks, ["10.0.0.0/8", "fd00::/8"]);
  });

  it("takes one key from the environment, replacing the file's", async () => {
    const file = join(directory, "keys.json");
    await writeFile(file, JSON.stringify({ keys: [{ accessKeyId: "file", accessKeySecret: "s" }] }));
    const config = await loadServerConfig({
      file,
      env: { ZHENGZHAO_ACCESS_KEY_ID: "env", ZHENGZHAO_ACCESS_KEY_SECRET: "secret" },
    });
    assert.deepEqual(
      config.keys.map((key) => key.accessKeyId),
      ["env"],
    );
    await assert.rejects(loadServerConfig({ env: { ZHENGZHAO_ACCESS_KEY_ID: "env" } }), /both/);
  });

  it("refuses bad JSON, non-objects and non-numeric numbers", async () => {
    const file = join(directory, "bad.json");
    await writeFile(file, "{ port: 1 ");
    await assert.rejects(loadServerConfig({ file }), /not JSON/);
    await writeFile(file, "[]");
    await assert.rejects(loadServerConfig({ file }), /JSON object/);
    await assert.rejects(loadServerConfig({ env: { ZHENGZHAO_PORT: "80a" } }), /ZHENGZHAO_PORT/);
  });
});
