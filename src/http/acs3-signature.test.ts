import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { describe, it } from "node:test";
import {
  buildCanonicalRequest,
  buildStringToSign,
  canonicalQueryString,
  EMPTY_PAYLOAD_HASH,
  encodeRfc3986,
  parseAcs3Authorization,
  verifyAcs3Signature,
} from "./acs3-signature.ts";

const SECRET = "TestAccessKeySecretForDocs0123456789";
const sha256 = (data: string) => createHash("sha256").update(data).digest("hex");

// alibaba-wire-protocol.md §2.3, worked example A, as captured from the SDK.
const EXAMPLE_A = {
  method: "POST",
  url: "/?IsResidentPage=true",
  payloadHash: sha256("fake-image-bytes"),
  headers: {
    host: "127.0.0.1:18080",
    "x-acs-version": "2021-07-07",
    "x-acs-action": "RecognizeHousehold",
    "user-agent": "AlibabaCloud (linux; x64) Node.js/v20.20.2 Core/1.0.1 TeaDSL/2",
    "x-acs-date": "2025-01-15T08:30:00Z",
    "x-acs-signature-nonce": "3f1c2a7e9b4d4e0f8a6b5c4d3e2f1a0b",
    accept: "application/json",
    "content-type": "application/octet-stream",
    "x-acs-content-sha256": "b0423673071359e7ff62ec7f2766b1bfe8682ee426b8d6672f8aab0619ba7648",
    "x-acs-credentials-provider": "static_ak",
    authorization:
      "ACS3-HMAC-SHA256 Credential=LTAI5tTestAccessKeyId01,SignedHeaders=content-type;host;x-acs-action;x-acs-content-sha256;x-acs-credentials-provider;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=5e18a9bbc09812a717928a87eeb430cd03bd7301271999c18d43340f38e17b7c",
  },
};

const EXAMPLE_A_CANONICAL = [
  "POST",
  "/",
  "IsResidentPage=true",
  "content-type:application/octet-stream",
  "host:127.0.0.1:18080",
  "x-acs-action:RecognizeHousehold",
  "x-acs-content-sha256:b0423673071359e7ff62ec7f2766b1bfe8682ee426b8d6672f8aab0619ba7648",
  "x-acs-credentials-provider:static_ak",
  "x-acs-date:2025-01-15T08:30:00Z",
  "x-acs-signature-nonce:3f1c2a7e9b4d4e0f8a6b5c4d3e2f1a0b",
  "x-acs-version:2021-07-07",
  "",
  "content-type;host;x-acs-action;x-acs-content-sha256;x-acs-credentials-provider;x-acs-date;x-acs-signature-nonce;x-acs-version",
  "b0423673071359e7ff62ec7f2766b1bfe8682ee426b8d6672f8aab0619ba7648",
].join("\n");

// §2.4, worked example B: a Url with a space, UTF-8 and ()*!'~, no body.
const EXAMPLE_B = {
  method: "POST",
  url: "/?Url=https%3A%2F%2Fexample.com%2Fa%20b%2F%E5%87%BA%E7%94%9F%E8%AF%81.jpg%3Fx%3D1%26y%3D(2)*!%27~",
  payloadHash: EMPTY_PAYLOAD_HASH,
  headers: {
    host: "127.0.0.1:18080",
    "x-acs-version": "2021-07-07",
    "x-acs-action": "RecognizeBirthCertification",
    "x-acs-date": "2025-01-15T08:30:00Z",
    "x-acs-signature-nonce": "9a8b7c6d5e4f40312a1b0c9d8e7f6a5b",
    accept: "application/json",
    "x-acs-content-sha256": EMPTY_PAYLOAD_HASH,
    "x-acs-credentials-provider": "static_ak",
    authorization:
      "ACS3-HMAC-SHA256 Credential=LTAI5tTestAccessKeyId01,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-credentials-provider;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=21115d9d552ec77ad650363157ec9b7dd0feabf60917b1f1b32513f24b9bda4e",
  },
};

function authorizationOf(request: { headers: { authorization: string } }) {
  const authorization = parseAcs3Authorization(request.headers.authorization);
  assert.ok(authorization);
  return authorization;
}

describe("ACS3-HMAC-SHA256 verification", () => {
  it("rebuilds worked example A byte for byte (§2.3)", () => {
    const authorization = authorizationOf(EXAMPLE_A);
    assert.equal(authorization.accessKeyId, "LTAI5tTestAccessKeyId01");
    const canonical = buildCanonicalRequest(EXAMPLE_A, authorization.signedHeaders);
    assert.equal(canonical, EXAMPLE_A_CANONICAL);
    assert.equal(
      buildStringToSign(canonical),
      "ACS3-HMAC-SHA256\n52c2786386a8f527573c688fbd6311d2907735ac7699e064b852dc6e1ee834a1",
    );
    assert.equal(verifyAcs3Signature(EXAMPLE_A, authorization, SECRET), true);
  });

  it("rebuilds worked example B, re-encoding the decoded query (§2.4)", () => {
    const authorization = authorizationOf(EXAMPLE_B);
    const canonical = buildCanonicalRequest(EXAMPLE_B, authorization.signedHeaders);
    assert.equal(
      canonical.split("\n")[2],
      "Url=https%3A%2F%2Fexample.com%2Fa%20b%2F%E5%87%BA%E7%94%9F%E8%AF%81.jpg%3Fx%3D1%26y%3D%282%29%2A%21%27~",
    );
    assert.equal(
      buildStringToSign(canonical),
      "ACS3-HMAC-SHA256\n553e1867e6a583091bfb77bb372208a62fccacba9db6bcdfa6461221ec553949",
    );
    assert.equal(verifyAcs3Signature(EXAMPLE_B, authorization, SECRET), true);
  });

  it("refuses a wrong secret", () => {
    assert.equal(verifyAcs3Signature(EXAMPLE_A, authorizationOf(EXAMPLE_A), `${SECRET}x`), false);
  });

  it("refuses a body other than the one signed, even when the hash header is kept", () => {
    const tampered = { ...EXAMPLE_A, payloadHash: sha256("other-image-bytes") };
    assert.equal(verifyAcs3Signature(tampered, authorizationOf(EXAMPLE_A), SECRET), false);
  });

  it("refuses a changed signed header or query", () => {
    const authorization = authorizationOf(EXAMPLE_A);
    const otherAction = { ...EXAMPLE_A, headers: { ...EXAMPLE_A.headers, "x-acs-action": "RecognizeBirth" } };
    assert.equal(verifyAcs3Signature(otherAction, authorization, SECRET), false);
    assert.equal(
      verifyAcs3Signature({ ...EXAMPLE_A, url: "/?IsResidentPage=false" }, authorization, SECRET),
      false,
    );
  });

  it("accepts Python's '+' for a space in the query", () => {
    const plus = { ...EXAMPLE_B, url: EXAMPLE_B.url.replace("%20", "+") };
    assert.equal(verifyAcs3Signature(plus, authorizationOf(EXAMPLE_B), SECRET), true);
  });

  it("refuses malformed escapes instead of throwing", () => {
    const broken = { ...EXAMPLE_B, url: "/?Url=%E5%87" };
    assert.equal(verifyAcs3Signature(broken, authorizationOf(EXAMPLE_B), SECRET), false);
  });
});

describe("parseAcs3Authorization", () => {
  it("rejects other schemes and malformed signatures", () => {
    assert.equal(parseAcs3Authorization(undefined), undefined);
    assert.equal(parseAcs3Authorization("acs LTAI:abc"), undefined);
    assert.equal(
      parseAcs3Authorization("ACS3-HMAC-SHA256 Credential=a,SignedHeaders=host,Signature=XYZ"),
      undefined,
    );
  });

  it("tolerates spaces after commas and lower-cases header names", () => {
    const parsed = parseAcs3Authorization(
      `ACS3-HMAC-SHA256 Credential=a, SignedHeaders=Host;X-Acs-Date, Signature=${"0".repeat(64)}`,
    );
    assert.deepEqual(parsed?.signedHeaders, ["host", "x-acs-date"]);
  });
});

describe("canonical query", () => {
  it("sorts keys by code unit and encodes strictly", () => {
    assert.equal(
      canonicalQueryString("Url=a%20b&IsResidentPage=true&flag"),
      "IsResidentPage=true&Url=a%20b&flag=",
    );
    assert.equal(encodeRfc3986("(a)*!'~ 出"), "%28a%29%2A%21%27~%20%E5%87%BA");
  });
});
