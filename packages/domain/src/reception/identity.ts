/**
 * Identity documents shown at the reception desk (Thông tư 04/2021/TT-TTCP Điều 5–6: the visitor
 * states full name and address and shows identity papers) and written on petitions.
 *
 * The 12-digit personal identification number (số định danh cá nhân, printed on the căn cước
 * công dân card and, since 01/07/2024, the căn cước card) has a checkable form — Điều 13 Nghị định
 * 137/2015/NĐ-CP and Điều 7 Thông tư 07/2016/TT-BCA (structure kept by Luật Căn cước 2023, Điều 12):
 *   digits 1–3  code of the province where the birth was registered (Phụ lục I, TT 07/2016), or of
 *               the country for births registered abroad;
 *   digit  4    century of birth and gender: 1900s male 0 / female 1, 2000s 2/3, 2100s 4/5,
 *               2200s 6/7, 2300s 8/9;
 *   digits 5–6  last two digits of the year of birth;
 *   digits 7–12 random.
 * There is no check digit, so a well-formed number can still be wrong: the form check only catches
 * typing mistakes and impossible numbers.
 */

export type IdentityDocumentKind = "cccd" | "cmnd" | "passport_vn" | "passport_foreign" | "other";

export const IDENTITY_DOCUMENT_KINDS: Readonly<Record<IdentityDocumentKind, string>> = {
  cccd: "Thẻ căn cước / Căn cước công dân (số định danh cá nhân 12 số)",
  cmnd: "Chứng minh nhân dân (9 số)",
  passport_vn: "Hộ chiếu Việt Nam",
  passport_foreign: "Hộ chiếu nước ngoài",
  // Sổ tiếp công dân, cột 4: "trường hợp không có thì ghi thông tin của giấy tờ tùy thân khác".
  other: "Giấy tờ tùy thân khác",
};

export type Gender = "male" | "female";

/**
 * Province codes of the place of birth registration (Phụ lục I Thông tư 07/2016/TT-BCA): the 63
 * provinces before the 2025 merger. Existing numbers keep these codes after 01/07/2025.
 */
export const BIRTH_PLACE_CODES: Readonly<Record<string, string>> = {
  "001": "Hà Nội",
  "002": "Hà Giang",
  "004": "Cao Bằng",
  "006": "Bắc Kạn",
  "008": "Tuyên Quang",
  "010": "Lào Cai",
  "011": "Điện Biên",
  "012": "Lai Châu",
  "014": "Sơn La",
  "015": "Yên Bái",
  "017": "Hòa Bình",
  "019": "Thái Nguyên",
  "020": "Lạng Sơn",
  "022": "Quảng Ninh",
  "024": "Bắc Giang",
  "025": "Phú Thọ",
  "026": "Vĩnh Phúc",
  "027": "Bắc Ninh",
  "030": "Hải Dương",
  "031": "Hải Phòng",
  "033": "Hưng Yên",
  "034": "Thái Bình",
  "035": "Hà Nam",
  "036": "Nam Định",
  "037": "Ninh Bình",
  "038": "Thanh Hóa",
  "040": "Nghệ An",
  "042": "Hà Tĩnh",
  "044": "Quảng Bình",
  "045": "Quảng Trị",
  "046": "Thừa Thiên Huế",
  "048": "Đà Nẵng",
  "049": "Quảng Nam",
  "051": "Quảng Ngãi",
  "052": "Bình Định",
  "054": "Phú Yên",
  "056": "Khánh Hòa",
  "058": "Ninh Thuận",
  "060": "Bình Thuận",
  "062": "Kon Tum",
  "064": "Gia Lai",
  "066": "Đắk Lắk",
  "067": "Đắk Nông",
  "068": "Lâm Đồng",
  "070": "Bình Phước",
  "072": "Tây Ninh",
  "074": "Bình Dương",
  "075": "Đồng Nai",
  "077": "Bà Rịa - Vũng Tàu",
  "079": "Hồ Chí Minh",
  "080": "Long An",
  "082": "Tiền Giang",
  "083": "Bến Tre",
  "084": "Trà Vinh",
  "086": "Vĩnh Long",
  "087": "Đồng Tháp",
  "089": "An Giang",
  "091": "Kiên Giang",
  "092": "Cần Thơ",
  "093": "Hậu Giang",
  "094": "Sóc Trăng",
  "095": "Bạc Liêu",
  "096": "Cà Mau",
};

export const BIRTH_PLACE_CODE_LIST: readonly string[] = Object.keys(BIRTH_PLACE_CODES);

export interface DecodedPersonalId {
  placeCode: string;
  /** Province name, or undefined for a code accepted through `extraPlaceCodes` (e.g. a country). */
  placeName: string | undefined;
  gender: Gender;
  birthYear: number;
  serial: string;
}

export interface IdentityDocumentInput {
  kind: IdentityDocumentKind;
  number: string;
  birthYear?: number | null;
  gender?: Gender | null;
}

export interface IdentityOptions {
  /** Years after this one are impossible birth years. Not checked when omitted (keeps the check pure). */
  referenceYear?: number;
  /**
   * Further accepted 3-digit place codes. Births registered abroad carry a country code whose list
   * (annex of TT 07/2016) was not read [U]: an installation that meets them adds them here.
   */
  extraPlaceCodes?: readonly string[];
}

export type IdentityProblemCode =
  | "KIND_UNKNOWN"
  | "NUMBER_REQUIRED"
  | "CCCD_FORMAT"
  | "CCCD_PLACE_CODE"
  | "CCCD_CENTURY_CODE"
  | "CCCD_BIRTH_YEAR_MISMATCH"
  | "CCCD_GENDER_MISMATCH"
  | "CCCD_BIRTH_IN_FUTURE"
  | "CMND_FORMAT"
  | "PASSPORT_VN_FORMAT"
  | "PASSPORT_FOREIGN_FORMAT"
  | "OTHER_FORMAT"
  | "BIRTH_YEAR_INVALID";

export type IdentityCheck =
  | {
      ok: true;
      kind: IdentityDocumentKind;
      /** The number as it should be stored: spaces removed, passports in capitals. */
      number: string;
      /** Decoded parts of a 12-digit number. */
      decoded?: DecodedPersonalId;
      /** A foreign passport: the number cannot be checked beyond its characters. */
      foreign: boolean;
    }
  | { ok: false; code: IdentityProblemCode; field: "kind" | "number" | "birthYear"; message: string };

const GENDER_WORD: Readonly<Record<Gender, string>> = { male: "nam", female: "nữ" };
const MIN_BIRTH_YEAR = 1900;

function fail(code: IdentityProblemCode, field: "kind" | "number" | "birthYear", message: string): IdentityCheck {
  return { ok: false, code, field, message };
}

/** Century-and-gender digit (4th digit) of a person born in `year`. */
export function centuryGenderDigit(year: number, gender: Gender): number {
  return (Math.floor(year / 100) - 19) * 2 + (gender === "female" ? 1 : 0);
}

/** Splits a 12-digit number into its parts; undefined when it is not 12 digits. Does not check the place code. */
export function decodePersonalId(number: string): DecodedPersonalId | undefined {
  if (!/^\d{12}$/.test(number)) return undefined;
  const placeCode = number.slice(0, 3);
  const c = number.charCodeAt(3) - 48;
  const yy = Number(number.slice(4, 6));
  return {
    placeCode,
    placeName: BIRTH_PLACE_CODES[placeCode],
    gender: c % 2 === 0 ? "male" : "female",
    birthYear: 1900 + Math.floor(c / 2) * 100 + yy,
    serial: number.slice(6),
  };
}

/** Builds a 12-digit number (used by the test-data generator); `serial` is 0–999999. */
export function encodePersonalId(placeCode: string, birthYear: number, gender: Gender, serial: number): string {
  const yy = String(birthYear % 100).padStart(2, "0");
  return `${placeCode}${centuryGenderDigit(birthYear, gender)}${yy}${String(serial).padStart(6, "0")}`;
}

/**
 * Checks the form of an identity document number and, for 12-digit numbers, its consistency with
 * the year of birth and gender when they are given. Returns the first problem found.
 */
export function validateIdentityDocument(input: IdentityDocumentInput, options: IdentityOptions = {}): IdentityCheck {
  const { kind } = input;
  if (!(kind in IDENTITY_DOCUMENT_KINDS)) {
    return fail("KIND_UNKNOWN", "kind", "Loại giấy tờ tùy thân không hợp lệ.");
  }
  const raw = typeof input.number === "string" ? input.number : "";
  const compact = raw.replace(/\s+/g, "");
  if (!compact) return fail("NUMBER_REQUIRED", "number", "Nhập số giấy tờ tùy thân.");

  const birthYear = input.birthYear ?? undefined;
  if (birthYear !== undefined && (!Number.isInteger(birthYear) || birthYear < MIN_BIRTH_YEAR || birthYear > 2099)) {
    return fail("BIRTH_YEAR_INVALID", "birthYear", "Năm sinh không hợp lệ (từ 1900 đến 2099).");
  }

  switch (kind) {
    case "cccd":
      return checkPersonalId(compact, birthYear, input.gender ?? undefined, options);
    case "cmnd":
      if (!/^\d{9}$/.test(compact)) {
        return fail(
          "CMND_FORMAT",
          "number",
          `Số chứng minh nhân dân phải gồm đúng 9 chữ số (đang có ${describeLength(compact)}).`,
        );
      }
      return { ok: true, kind, number: compact, foreign: false };
    case "passport_vn": {
      const number = compact.toUpperCase();
      if (!/^[A-Z]\d{7}$/.test(number)) {
        return fail(
          "PASSPORT_VN_FORMAT",
          "number",
          "Số hộ chiếu Việt Nam gồm 1 chữ cái và 7 chữ số liền nhau (ví dụ: C1234567).",
        );
      }
      return { ok: true, kind, number, foreign: false };
    }
    case "passport_foreign": {
      const number = compact.toUpperCase();
      if (!/^[A-Z0-9]{5,20}$/.test(number)) {
        return fail(
          "PASSPORT_FOREIGN_FORMAT",
          "number",
          "Số hộ chiếu nước ngoài gồm từ 5 đến 20 chữ cái không dấu hoặc chữ số, không có ký tự khác.",
        );
      }
      return { ok: true, kind, number, foreign: true };
    }
    case "other": {
      const number = raw.trim().replace(/\s+/g, " ");
      if (number.length > 50) {
        return fail("OTHER_FORMAT", "number", "Số giấy tờ tùy thân khác chỉ được tối đa 50 ký tự.");
      }
      return { ok: true, kind, number, foreign: false };
    }
  }
}

function describeLength(value: string): string {
  if (!/^\d+$/.test(value)) return "ký tự không phải chữ số";
  return `${value.length} chữ số`;
}

function checkPersonalId(
  number: string,
  birthYear: number | undefined,
  gender: Gender | undefined,
  options: IdentityOptions,
): IdentityCheck {
  if (!/^\d{12}$/.test(number)) {
    return fail("CCCD_FORMAT", "number", `Số căn cước phải gồm đúng 12 chữ số (đang có ${describeLength(number)}).`);
  }
  const decoded = decodePersonalId(number) as DecodedPersonalId;
  const extra = options.extraPlaceCodes?.includes(decoded.placeCode) ?? false;
  if (decoded.placeName === undefined && !extra) {
    return fail(
      "CCCD_PLACE_CODE",
      "number",
      `Ba chữ số đầu (${decoded.placeCode}) không phải mã tỉnh, thành phố nơi đăng ký khai sinh (từ 001 đến 096 theo Thông tư 07/2016/TT-BCA).`,
    );
  }
  const century = Math.floor(decoded.birthYear / 100) * 100;
  if (century >= 2100) {
    // Digits 4–9 stand for births from 2100 on: impossible today.
    return fail(
      "CCCD_CENTURY_CODE",
      "number",
      `Chữ số thứ tư (${number[3]}) là mã thế kỷ sinh và giới tính của người sinh trong các năm ${century}–${century + 99}; số căn cước không hợp lệ.`,
    );
  }
  if (birthYear !== undefined && birthYear !== decoded.birthYear) {
    return fail(
      "CCCD_BIRTH_YEAR_MISMATCH",
      "number",
      `Số căn cước ứng với năm sinh ${decoded.birthYear} (chữ số thứ tư và hai chữ số tiếp theo) nhưng năm sinh đã khai là ${birthYear}.`,
    );
  }
  if (gender !== undefined && gender !== decoded.gender) {
    return fail(
      "CCCD_GENDER_MISMATCH",
      "number",
      `Chữ số thứ tư (${number[3]}) của số căn cước ứng với giới tính ${GENDER_WORD[decoded.gender]} nhưng giới tính đã khai là ${GENDER_WORD[gender]}.`,
    );
  }
  if (options.referenceYear !== undefined && decoded.birthYear > options.referenceYear) {
    return fail(
      "CCCD_BIRTH_IN_FUTURE",
      "number",
      `Số căn cước ứng với năm sinh ${decoded.birthYear}, sau năm hiện tại; kiểm tra lại chữ số thứ tư đến thứ sáu.`,
    );
  }
  return { ok: true, kind: "cccd", number, decoded, foreign: false };
}
