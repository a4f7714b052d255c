import assert from "node:assert/strict";
import { test } from "node:test";
import { respell } from "../src/text/normalize.ts";

test("respell: what a search looked for, with the words as typed where they are the same", () => {
  // A slip corrected: the corrected word stays as searched, the others keep their accents.
  assert.equal(respell("Chủ ịch UBND xã Tân Tiến", "chu tich ubnd xa tan tien"), "Chủ tich UBND xã Tân Tiến");
  // Two words typed as one, read as two.
  assert.equal(respell("Côngty Điện lực Lào Cai", "cong ty dien luc lao cai"), "cong ty Điện lực Lào Cai");
  // Punctuation around a word is not part of it.
  assert.equal(respell("bà V Thị Thư, công chức", "ba vu thi thu cong chuc"), "bà vu Thị Thư công chức");
  // A repeated word is taken once per time it was typed.
  assert.equal(respell("Văn văn", "van van"), "Văn văn");
  // As the letters found write it, where one of them holds it.
  assert.equal(
    respell("Chủ ịch UBND xã Tân Tiến", "chu tich ubnd xa tan tien", [
      "Bà Lò Thị Hoa",
      "Ông Chủ tịch UBND xã Tân Tiến, huyện Bảo Yên",
    ]),
    "Chủ tịch UBND xã Tân Tiến",
  );
  assert.equal(respell("Côngty Điện lực", "cong ty dien luc", ["Công ty Điện lực Lào Cai"]), "Công ty Điện lực");
  // Not as a run of whole words: the typed words again.
  assert.equal(respell("Côngty", "cong ty", ["Công tyre"]), "cong ty");
  // Nothing typed in common.
  assert.equal(respell("", "nguyen van a"), "nguyen van a");
});
