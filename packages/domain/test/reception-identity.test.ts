/**
 * Identity documents at the reception desk. The 12-digit numbers below were composed by hand from
 * the structure of Điều 13 Nghị định 137/2015/NĐ-CP (place code, century-and-gender digit, year, serial).
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import {
  BIRTH_PLACE_CODE_LIST,
  BIRTH_PLACE_CODES,
  centuryGenderDigit,
  decodePersonalId,
  encodePersonalId,
  validateIdentityDocument,
  type IdentityCheck,
} from "../src/reception/index.ts";

function problem(check: IdentityCheck): { code: string; field: string; message: string } {
  assert.equal(check.ok, false, "expected a problem");
  if (check.ok) throw new Error("unreachable");
  return check;
}

describe("citizen ID (căn cước, 12 digits)", () => {
  test("63 birth-registration codes, 001–096", () => {
    assert.equal(BIRTH_PLACE_CODE_LIST.length, 63);
    assert.equal(BIRTH_PLACE_CODES["001"], "Hà Nội");
    assert.equal(BIRTH_PLACE_CODES["096"], "Cà Mau");
    assert.equal(BIRTH_PLACE_CODES["003"], undefined);
  });

  test("001 0 85 012345: Hà Nội, man born 1985", () => {
    const check = validateIdentityDocument({ kind: "cccd", number: "001085012345", birthYear: 1985, gender: "male" });
    assert.ok(check.ok);
    assert.deepEqual(check.decoded, {
      placeCode: "001",
      placeName: "Hà Nội",
      gender: "male",
      birthYear: 1985,
      serial: "012345",
    });
  });

  test("079 3 03 001234: Hồ Chí Minh, woman born 2003; spaces are dropped", () => {
    const check = validateIdentityDocument({ kind: "cccd", number: " 079 303 001 234 ", birthYear: 2003 });
    assert.ok(check.ok);
    assert.equal(check.number, "079303001234");
    assert.equal(check.decoded?.gender, "female");
  });

  test("wrong length and non-digits", () => {
    const short = problem(validateIdentityDocument({ kind: "cccd", number: "00108501234" }));
    assert.equal(short.code, "CCCD_FORMAT");
    assert.equal(short.field, "number");
    assert.equal(short.message, "Số căn cước phải gồm đúng 12 chữ số (đang có 11 chữ số).");
    const letters = problem(validateIdentityDocument({ kind: "cccd", number: "00108501234a" }));
    assert.match(letters.message, /ký tự không phải chữ số/);
  });

  test("unknown province code 099 and the unused 003", () => {
    for (const number of ["099085012345", "003085012345"]) {
      const p = problem(validateIdentityDocument({ kind: "cccd", number }));
      assert.equal(p.code, "CCCD_PLACE_CODE");
      assert.match(p.message, /không phải mã tỉnh, thành phố nơi đăng ký khai sinh/);
    }
    // An installation can accept country codes of births registered abroad.
    assert.ok(validateIdentityDocument({ kind: "cccd", number: "099085012345" }, { extraPlaceCodes: ["099"] }).ok);
  });

  test("century digits 4–9 (births from 2100) are impossible", () => {
    const p = problem(validateIdentityDocument({ kind: "cccd", number: "001485012345" }));
    assert.equal(p.code, "CCCD_CENTURY_CODE");
    assert.match(p.message, /2100–2199/);
  });

  test("birth year and gender must agree with digits 4–6", () => {
    const year = problem(validateIdentityDocument({ kind: "cccd", number: "001085012345", birthYear: 1986 }));
    assert.equal(year.code, "CCCD_BIRTH_YEAR_MISMATCH");
    assert.equal(
      year.message,
      "Số căn cước ứng với năm sinh 1985 (chữ số thứ tư và hai chữ số tiếp theo) nhưng năm sinh đã khai là 1986.",
    );
    // Same two digits, wrong century: 2085 is not 1985.
    assert.equal(
      problem(validateIdentityDocument({ kind: "cccd", number: "001085012345", birthYear: 2085 })).code,
      "CCCD_BIRTH_YEAR_MISMATCH",
    );
    const gender = problem(validateIdentityDocument({ kind: "cccd", number: "001085012345", gender: "female" }));
    assert.equal(gender.code, "CCCD_GENDER_MISMATCH");
    assert.match(gender.message, /giới tính nam nhưng giới tính đã khai là nữ/);
  });

  test("a birth after the reference year", () => {
    const p = problem(validateIdentityDocument({ kind: "cccd", number: "001226012345" }, { referenceYear: 2025 }));
    assert.equal(p.code, "CCCD_BIRTH_IN_FUTURE");
    assert.ok(validateIdentityDocument({ kind: "cccd", number: "001226012345" }).ok, "not checked without a year");
  });

  test("birth year out of range is reported on the birthYear field", () => {
    const p = problem(validateIdentityDocument({ kind: "cccd", number: "001085012345", birthYear: 1899 }));
    assert.equal(p.field, "birthYear");
  });
});

describe("other papers", () => {
  test("old 9-digit CMND", () => {
    assert.ok(validateIdentityDocument({ kind: "cmnd", number: "012345678" }).ok);
    assert.equal(problem(validateIdentityDocument({ kind: "cmnd", number: "12345678" })).code, "CMND_FORMAT");
  });

  test("Vietnamese passport: one letter and seven digits", () => {
    const check = validateIdentityDocument({ kind: "passport_vn", number: "c1234567" });
    assert.ok(check.ok);
    assert.equal(check.number, "C1234567");
    assert.equal(check.foreign, false);
    for (const number of ["CC123456", "C123456", "12345678"]) {
      assert.equal(problem(validateIdentityDocument({ kind: "passport_vn", number })).code, "PASSPORT_VN_FORMAT");
    }
  });

  test("foreign passport: 5–20 letters or digits, flagged foreign", () => {
    const check = validateIdentityDocument({ kind: "passport_foreign", number: "x12345ab" });
    assert.ok(check.ok);
    assert.equal(check.foreign, true);
    for (const number of ["AB-123", "1234", "A".repeat(21)]) {
      assert.equal(
        problem(validateIdentityDocument({ kind: "passport_foreign", number })).code,
        "PASSPORT_FOREIGN_FORMAT",
      );
    }
  });

  test("empty number, unknown kind", () => {
    assert.equal(problem(validateIdentityDocument({ kind: "cccd", number: "  " })).code, "NUMBER_REQUIRED");
    assert.equal(problem(validateIdentityDocument({ kind: "bhyt" as never, number: "1" })).field, "kind");
  });
});

describe("properties", () => {
  const place = fc.constantFrom(...BIRTH_PLACE_CODE_LIST);
  const year = fc.integer({ min: 1900, max: 2099 });
  const gender = fc.constantFrom("male" as const, "female" as const);
  const serial = fc.integer({ min: 0, max: 999_999 });

  test("every encoded number passes and decodes back", () => {
    fc.assert(
      fc.property(place, year, gender, serial, (p, y, g, s) => {
        const number = encodePersonalId(p, y, g, s);
        const check = validateIdentityDocument({ kind: "cccd", number, birthYear: y, gender: g });
        assert.ok(check.ok, number);
        assert.deepEqual(decodePersonalId(number), {
          placeCode: p,
          placeName: BIRTH_PLACE_CODES[p],
          gender: g,
          birthYear: y,
          serial: String(s).padStart(6, "0"),
        });
      }),
    );
  });

  test("any other declared year is a mismatch", () => {
    fc.assert(
      fc.property(place, year, gender, serial, year, (p, y, g, s, other) => {
        fc.pre(other !== y);
        const check = validateIdentityDocument({
          kind: "cccd",
          number: encodePersonalId(p, y, g, s),
          birthYear: other,
        });
        assert.equal(check.ok, false);
      }),
    );
  });

  test("the 4th digit is 2·(century − 19) + 1 for women", () => {
    assert.equal(centuryGenderDigit(1999, "female"), 1);
    assert.equal(centuryGenderDigit(2000, "male"), 2);
    assert.equal(centuryGenderDigit(2099, "female"), 3);
  });
});
