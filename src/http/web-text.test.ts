import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DOCUMENT_SPECS } from "../documents/document-specs.ts";
import { ERROR_CODES } from "../errors.ts";
import { actionOf, ERROR_MESSAGES_ZH, pageDocumentTypes } from "./web-text.ts";

const CHINESE = /[\u4e00-\u9fff]/;

describe("the page's Chinese text", () => {
  it("has a Chinese message for every code of the registry, and none for codes it lacks", () => {
    for (const code of Object.keys(ERROR_CODES)) {
      const message = (ERROR_MESSAGES_ZH as Record<string, string | undefined>)[code];
      assert.ok(message !== undefined, `src/http/web-text.ts has no Chinese message for ${code}`);
      assert.match(message, CHINESE, code);
      assert.ok(message.length >= 6, `the message for ${code} says too little`);
    }
    for (const code of Object.keys(ERROR_MESSAGES_ZH)) assert.ok(code in ERROR_CODES, code);
  });

  it("gives every field of every document type a Chinese label, in the API's key order", () => {
    const types = pageDocumentTypes();
    assert.deepEqual(
      types.map((entry) => entry.type),
      ["household-head", "household-resident", "birth-certificate"],
    );
    for (const entry of types) {
      assert.deepEqual(
        entry.fields.map((field) => field.key),
        DOCUMENT_SPECS[entry.type].fields.map((field) => field.key),
      );
      for (const field of entry.fields) assert.match(field.label, CHINESE, `${entry.type}.${field.key}`);
      const labels = entry.fields.map((field) => field.label);
      assert.equal(new Set(labels).size, labels.length, `${entry.type} has two fields with one label`);
    }
    const birth = types[2]?.fields ?? [];
    const label = (key: string) => birth.find((field) => field.key === key)?.label;
    assert.equal(label("motherAge"), "母亲年龄");
    assert.equal(label("fatherName"), "父亲姓名");
    assert.equal(label("neonatalName"), "新生儿姓名");
  });

  it("maps each document type to the API call that reads it", () => {
    assert.deepEqual(actionOf("household-head"), { action: "RecognizeHousehold", residentPage: false });
    assert.deepEqual(actionOf("household-resident"), { action: "RecognizeHousehold", residentPage: true });
    assert.deepEqual(actionOf("birth-certificate"), {
      action: "RecognizeBirthCertification",
      residentPage: false,
    });
  });
});
