import assert from "node:assert/strict";
import { test } from "node:test";
import { idCheckDigit } from "./id-number.ts";
import { makeTextLine } from "./make-text-line.ts";
import { voteIdNumber } from "./vote-id-number.ts";

const chars = (text: string, options: Parameters<typeof makeTextLine>[1] = {}) =>
  makeTextLine(text, options).chars;

test("no reading with a valid number gives no vote", () => {
  assert.equal(voteIdNumber([{ chars: chars("5023189813816") }]), undefined);
  assert.equal(voteIdNumber([]), undefined);
});

test("a squeezed reading that lost its doubled digits gives way to a stretched one that read them", () => {
  // True 500231198908138166, read narrow as 5023189813816 (00, 11, 99, 66 merged, an 0 lost).
  const voted = voteIdNumber([
    { chars: chars("5023189813816") },
    { chars: chars("500231198908138166"), value: "500231198908138166" },
  ]);
  assert.equal(voted?.value, "500231198908138166");
  assert.equal(voted?.reading, 1);
});

test("a repair of one reading loses to a number another reading spells as read", () => {
  // True 341523199103045802; the first reading lost a 1 and was re-decoded to a wrong year, 1959.
  const voted = voteIdNumber([
    { chars: chars("34152319903045802"), value: "341523195903045802" },
    { chars: chars("341523199103045802"), value: "341523199103045802" },
    { chars: chars("341523199103045802"), value: "341523199103045802" },
  ]);
  assert.equal(voted?.value, "341523199103045802");
  assert.equal(voted?.reading, 1);
  assert.ok((voted?.support ?? 0) > 0.99);
});

test("readings that agree outvote one that differs, character by character with their alternatives", () => {
  const first17 = "33042419910923032";
  const right = first17 + idCheckDigit(first17);
  const other17 = "33942419910923032";
  const wrong = other17 + idCheckDigit(other17);
  // One reading spells the wrong number surely; two read the third digit as 0 with 9 second.
  const unsure = { confidences: { 2: 0.6 }, alternatives: { 2: [{ text: "9", probability: 0.35 }] } };
  const voted = voteIdNumber([
    { chars: chars(wrong), value: wrong },
    { chars: chars(right, unsure), value: right },
    { chars: chars(right, unsure), value: right },
  ]);
  assert.equal(voted?.value, right);
});

test("look-alike letters and symbols round the number are read as the reading's digits or left out", () => {
  const voted = voteIdNumber([
    { chars: chars("号5OO231198908138166]") },
    { chars: chars("500231198908138166"), value: "500231198908138166" },
  ]);
  assert.equal(voted?.value, "500231198908138166");
});

test("a prior from elsewhere on the page decides between readings the characters cannot", () => {
  const a17 = "37068219860803466";
  const b17 = "37068219360803466";
  const a = a17 + idCheckDigit(a17);
  const b = b17 + idCheckDigit(b17);
  const readings = [
    { chars: chars(a), value: a },
    { chars: chars(b), value: b },
  ];
  const born = (year: string) => (value: string) => (value.slice(6, 10) === year ? 1 : 0.01);
  assert.equal(voteIdNumber(readings, { prior: born("1936") })?.value, b);
  assert.equal(voteIdNumber(readings, { prior: born("1986") })?.value, a);
});

test("a candidate no reading spells is taken when the page's prior and the alternatives favour it", () => {
  // True 370682198608034661 read 3706821936080346 6: 8 as 3 (8 its third choice), the check digit lost.
  const read = chars("37068219360803466", {
    confidences: { 8: 0.87 },
    alternatives: {
      8: [
        { text: "9", probability: 0.04 },
        { text: "8", probability: 0.02 },
      ],
    },
  });
  const readings = [{ chars: read, value: "370682193608034669" }];
  const born1986 = (value: string) => (value.slice(6, 10) === "1986" ? 1 : 0.01);
  const voted = voteIdNumber(readings, { prior: born1986, candidates: ["370682198608034661"] });
  assert.equal(voted?.value, "370682198608034661");
  assert.equal(voted?.reading, -1);
  assert.equal(voteIdNumber(readings, { candidates: ["370682198608034661"] })?.value, "370682193608034669");
});
