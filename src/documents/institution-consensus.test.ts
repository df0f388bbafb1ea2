import assert from "node:assert/strict";
import { test } from "node:test";
import type { Quad, TextLine } from "../types.ts";
import { institutionConsensus } from "./institution-consensus.ts";
import { makeTextLine } from "./shared/make-text-line.ts";
import { pageFrameOf } from "./shared/page-frame.ts";
import type { ValuePiece } from "./shared/value-pieces.ts";

function piece(text: string, y: number, confidences: Record<number, number> = {}): ValuePiece {
  const width = 20 * Array.from(text).length;
  const quad: Quad = [
    { x: 100, y },
    { x: 100 + width, y },
    { x: 100 + width, y: y + 20 },
    { x: 100, y: y + 20 },
  ];
  return { line: makeTextLine(text, { quad, confidences }), lineIndex: y };
}

function texts(first: ValuePiece[], second: ValuePiece[]): [string, string] {
  const lines: TextLine[] = [...first, ...second].map((p) => p.line);
  const frame = pageFrameOf(lines.length ? lines : [makeTextLine("x")]);
  const [a, b] = institutionConsensus(first, second, frame);
  const join = (pieces: ValuePiece[]) => pieces.map((p) => p.line.text).join("");
  return [join(a), join(b)];
}

test("two readings of one hospital are merged: lost characters kept, the surer of two taken", () => {
  assert.deepEqual(texts([piece("柯桥区民医院", 100)], [piece("柯桥区人民医院", 300)]), [
    "柯桥区人民医院",
    "柯桥区人民医院",
  ]);
  assert.deepEqual(texts([piece("古蔺县妇幼保健院", 100)], [piece("古蔺县好幼保健院", 300, { 3: 0.5 })]), [
    "古蔺县妇幼保健院",
    "古蔺县妇幼保健院",
  ]);
});

test("two different institutions are left as read", () => {
  assert.deepEqual(texts([piece("长沙县人民医院", 100)], [piece("长沙县妇幼保健院", 300)]), [
    "长沙县人民医院",
    "长沙县妇幼保健院",
  ]);
});

test("a field not read takes the other's name only when it is an institution's", () => {
  assert.deepEqual(texts([], [piece("宿迁市妇幼保健院", 300)]), ["宿迁市妇幼保健院", "宿迁市妇幼保健院"]);
  assert.deepEqual(texts([piece("国体", 100)], []), ["国体", ""]);
  assert.deepEqual(texts([], []), ["", ""]);
});

test("of two different readings of a character, the one not taken is kept among the alternatives", () => {
  const first = [piece("掇刀区人民医院", 100, { 1: 0.6 })];
  const second = [piece("摄为区人民医院", 300, { 0: 0.26 })];
  const frame = pageFrameOf([...first, ...second].map((p) => p.line));
  const [merged] = institutionConsensus(first, second, frame);
  const chars = merged[0]?.line.chars ?? [];
  assert.equal(merged[0]?.line.text, "掇为区人民医院");
  assert.ok(chars[1]?.alternatives.some((alternative) => alternative.text === "刀"));
});

test("a reading that is part of the other's name, its start or end lost, takes the other's whole name", () => {
  assert.deepEqual(texts([piece("宁江区人民医院", 100)], [piece("民医院", 300)]), [
    "宁江区人民医院",
    "宁江区人民医院",
  ]);
  assert.deepEqual(texts([piece("柯桥区民", 100)], [piece("柯桥区人民医院", 300)]), [
    "柯桥区人民医院",
    "柯桥区人民医院",
  ]);
  // One character of the part read otherwise: merged, the surer taken.
  assert.deepEqual(texts([piece("无锡市妇幼保健院", 100)], [piece("力保健院", 300, { 0: 0.4 })]), [
    "无锡市妇幼保健院",
    "无锡市妇幼保健院",
  ]);
  // A longer part may differ by a quarter of its characters.
  assert.deepEqual(
    texts([piece("黔东南苗族侗族自治州中心医院", 100)], [piece("丽自治州中小医院", 300, { 0: 0.4, 5: 0.5 })]),
    ["黔东南苗族侗族自治州中心医院", "黔东南苗族侗族自治州中心医院"],
  );
  // The head copied into the shorter reading is doubted there.
  const first = [piece("宁江区人民医院", 100)];
  const second = [piece("民医院", 300)];
  const frame = pageFrameOf([...first, ...second].map((p) => p.line));
  const [, issuer] = institutionConsensus(first, second, frame);
  assert.ok((issuer[0]?.line.chars[0]?.confidence ?? 1) < 0.8);
});

test("a short reading is no part of another name when it differs, or when the other is no institution's name", () => {
  assert.deepEqual(texts([piece("宁江区人民医院", 100)], [piece("妇幼保健院", 300)]), [
    "宁江区人民医院",
    "妇幼保健院",
  ]);
  assert.deepEqual(texts([piece("宁江区人民政府", 100)], [piece("人民政", 300)]), [
    "宁江区人民政府",
    "人民政",
  ]);
  assert.deepEqual(texts([piece("宁江区人民医院", 100)], [piece("医院", 300)]), ["宁江区人民医院", "医院"]);
});
