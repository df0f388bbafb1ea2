import assert from "node:assert/strict";
import { test } from "node:test";
import { completeIdNumber, completeOldIdNumber } from "./complete-id-number.ts";
import { isValidIdNumber18 } from "./id-number.ts";

const TODAY = new Date(Date.UTC(2026, 10, 21));

test("a first digit lost is restored where only one digit gives a valid number", () => {
  assert.equal(completeIdNumber("60924199409174982", TODAY), "360924199409174982");
  assert.equal(completeIdNumber("6092419930328557X", TODAY), "36092419930328557X");
});

test("a check digit lost is computed", () => {
  assert.equal(completeIdNumber("13102419791213242", TODAY), "131024197912132421");
});

test("every completion is a valid number; ambiguity and other lengths give nothing", () => {
  for (const read of ["60924199409174982", "13102419791213242", "102319991210237X"]) {
    const completed = completeIdNumber(read, TODAY);
    if (completed !== undefined) assert.ok(isValidIdNumber18(completed), completed);
  }
  assert.equal(completeIdNumber("360924199409174982", TODAY), undefined, "already 18");
  assert.equal(completeIdNumber("36092419940917", TODAY), undefined, "too short to complete");
  assert.equal(completeIdNumber("092419940917498", TODAY), undefined, "three lost, many counties fit");
  assert.equal(completeIdNumber("3609241994091X498", TODAY), undefined, "an X inside");
});

test("a birth date in the future rules a completion out", () => {
  // Read without its check digit, the number's birth date 2030-01-01 is not yet.
  assert.equal(completeIdNumber("11010120300101001", TODAY), undefined);
});

test("of several completions, the only one of a current county is taken", () => {
  // The first two digits lost under the label: 33 (天台县) is the only pair making a current county's code.
  assert.equal(completeIdNumber("102319991210237X", TODAY), "33102319991210237X");
  // Three lost over the cell's ruling: of 32 valid completions, only 410811 (山阳区) is a current county.
  assert.equal(completeIdNumber("811199103253802", TODAY), "410811199103253802");
});

test("an old 15-digit number's lost first or last digit is put back only where one digit fits", () => {
  assert.equal(completeOldIdNumber("70305730220215"), "370305730220215");
  assert.equal(completeOldIdNumber("3703057302202"), undefined, "two lost");
  // 11010567040100: the first digit could be put back nowhere, and any last digit fits.
  assert.equal(completeOldIdNumber("11010567040100"), undefined);
});
