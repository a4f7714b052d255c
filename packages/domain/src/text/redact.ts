/**
 * Removing a denouncer's personal data from free text (Điều 9 khoản 1 điểm a and Điều 47 Luật Tố cáo
 * 2018: the name, address, handwriting and other personal data of a denouncer are kept secret). A
 * letter usually begins "Tôi tên là Nguyễn Văn A, trú tại …": the identity fields are sealed, but the
 * same data sits in the content that resolvers must read. Those who may not see the identity read the
 * content with every mention of it replaced by a mask — matched accent- and case-insensitively, across
 * any spacing or punctuation, so "NGUYEN VAN  A" and "Nguyễn Văn A" are both found.
 *
 * Two maskings are applied together:
 * - what is known of the writers (name, address, identity numbers, phones, e-mails), in the shapes
 *   people write them: "0912.345.678" for a phone stored "+84912345678", "tổ 5 Cam Đường" for
 *   "Tổ 5, phường Cam Đường, tỉnh Lào Cai";
 * - whatever the system was never told but is personal data by its shape alone (Điều 47 covers "other
 *   personal data"): every Vietnamese phone number, e-mail address, 12-digit citizen identity number
 *   (CCCD), 9-digit identity card number (CMND), and any number announced as an identity paper, tax
 *   code or personal identification number. Money, dates, years, article and document numbers, land
 *   parcels, areas and petition codes are left alone: the content must stay readable.
 */
import { unaccent } from "./normalize.ts";

export const REDACTION_MASK = "[thông tin người tố cáo]";

/** What is known of a writer; every present value is masked where it occurs. */
export interface RedactionSubject {
  name?: string | null | undefined;
  address?: string | null | undefined;
  /** Identity paper number, tax code. */
  numbers?: readonly (string | null | undefined)[] | undefined;
  phone?: string | null | undefined;
  email?: string | null | undefined;
  /** Further phones and e-mails (given at the desk, found in earlier letters). */
  phones?: readonly (string | null | undefined)[] | undefined;
  emails?: readonly (string | null | undefined)[] | undefined;
}

/**
 * The text folded to lower-case letters without accents, one folded char per original char. A
 * character outside ASCII that is neither a letter nor a digit (a non-breaking space, a dash "–",
 * quotes) is folded to a space, so that every character outside ASCII in the folded text is part
 * of a word and the patterns below can tell words from gaps with ASCII classes alone.
 */
function fold(text: string): { folded: string; origin: number[] } {
  let folded = "";
  const origin: number[] = [];
  for (let i = 0; i < text.length;) {
    const code = text.charCodeAt(i);
    const width = code >= 0xd800 && code < 0xdc00 && i + 1 < text.length ? 2 : 1;
    let f = width === 1 ? FOLDED[code] : undefined;
    if (f === undefined) {
      const ch = text.slice(i, i + width);
      f = "";
      for (const c of unaccent(ch).toLowerCase()) {
        f += c.charCodeAt(0) < 0x80 || WORD_CHAR.test(c) ? c : " ".repeat(c.length);
      }
      if (width === 1) FOLDED[code] = f;
    }
    folded += f;
    for (let k = 0; k < f.length; k++) origin.push(i);
    i += width;
  }
  origin.push(text.length);
  return { folded, origin };
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * Each character's folding, computed once, by its code: normalising every character of a letter
 * (NFD and a Unicode-class replacement each) was nearly all of the masking's time, 2 ms for 5.000
 * characters. The characters of Vietnamese text are a few hundred, so the table stays small.
 */
const FOLDED: (string | undefined)[] = [];

/**
 * What is not part of a word in the folded text: ASCII other than letters and digits. Matching
 * Unicode classes (\p{L}) instead made each call's new regular expression cost 2–3 ms to compile,
 * most of a denunciation's intake and of a bulk load.
 */
const GAP = "[\\x00-\\x2f\\x3a-\\x60\\x7b-\\x7f]";
const WORD = "[^\\x00-\\x2f\\x3a-\\x60\\x7b-\\x7f]";

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A value's words, folded: "Tổ 5, phường Cam Đường" → ["to", "5", "phuong", "cam", "duong"]. */
function wordsOf(value: string): string[] {
  return unaccent(value)
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** A pattern for a needle: its words in order, separated by any run of non-letters. */
function patternOf(needle: string): string | null {
  const words = unaccent(needle)
    .toLowerCase()
    .split(/[^\p{L}\p{N}@.]+/u)
    .filter(Boolean);
  if (!words.length || words.join("").length < 3) return null;
  return words.map(escape).join(`${GAP}+`);
}

/** Between two digits of a known number: nothing, or a space, dot or dash ("001 203-004.567"). */
const DIGIT_GAP = "(?:\\s*[.-]\\s*|\\s+)?";

/** Digits of a number, allowing spaces, dots or dashes between them ("0912 345 678"). */
function digitsPattern(value: string): string | null {
  const digits = value.replace(/\D/g, "");
  if (digits.length < 6) return null;
  return digits.split("").join(DIGIT_GAP);
}

/**
 * A known phone in any of its national or international shapes: "0912345678" stored is found as
 * "+84 912 345 678", "(+84) 912.345.678", "84912345678" or "(0214) 3840123", and conversely.
 */
function phonePattern(value: string): string | null {
  const digits = value.replace(/\D/g, "");
  let national: string;
  if (/^84[1-9]\d{7,9}$/.test(digits)) national = digits.slice(2);
  else if (/^0[1-9]\d{7,9}$/.test(digits)) national = digits.slice(1);
  else return digitsPattern(value);
  // Never starting on a space: the match must begin at the number or its "+" or "(".
  const prefix = `(?:(?:\\(\\s*\\+?\\s*84\\s*\\)|\\+\\s*84|84)${DIGIT_GAP}(?:0${DIGIT_GAP})?|(?:\\(\\s*)?0\\s*\\)?\\s*)`;
  return prefix + national.split("").join("(?:\\s*[.)-]\\s*|\\s+)?");
}

/** A known e-mail, its "@" also written " @ ", "(at)" or "[at]" and its dots "(dot)". */
function emailPattern(value: string): string | null {
  const at = value.trim().toLowerCase().split("@");
  if (at.length !== 2 || !at[0] || !at[1]) return patternOf(value);
  const dotted = (s: string) =>
    s
      .split(".")
      .map(escape)
      .join(`(?:\\.|${OBFUSCATED("dot")})`);
  return `${dotted(at[0])}(?:\\s?@\\s?|${OBFUSCATED("at")})${dotted(at[1])}`;
}

/** "(at)", "[at]", " (dot) " and the like. */
function OBFUSCATED(word: string): string {
  return `\\s?[([{<]\\s?${word}\\s?[)\\]}>]\\s?`;
}

// ---------------------------------------------------------------------------------------------------
// Addresses
// ---------------------------------------------------------------------------------------------------

/** Words that name a house number: "số 12", "số nhà 12", "SN 12", "nhà số 12". */
const HOUSE_WORDS = new Set(["so", "nha", "sn"]);

/**
 * Words that open a place smaller than a ward: a residential group, hamlet, village, alley, street,
 * block, flat. A part of an address that begins with one of them, or holds a number, identifies a
 * household or a few dozen of them; a ward or a province alone does not, and masking it would hide
 * half of a letter about the ward's own officials.
 */
const FINE_WORDS = new Set([
  "to",
  "dan",
  "pho",
  "tdp",
  "thon",
  "ban",
  "xom",
  "ap",
  "khom",
  "ngo",
  "ngach",
  "hem",
  "kiet",
  "duong",
  "khu",
  "kp",
  "tieu",
  "lang",
  "buon",
  "doi",
  "soc",
  "phum",
  "lo",
  "phong",
  "tang",
  "toa",
  "can",
  "ho",
  "chung",
  "cu",
]);

/** Fine places that stand without a number ("Thôn Cóc", "Bản Lầu"), unlike a street or a lot. */
const HAMLET_WORDS = new Set([
  "to",
  "tdp",
  "thon",
  "ban",
  "xom",
  "ap",
  "khom",
  "lang",
  "buon",
  "doi",
  "soc",
  "phum",
  "khu",
  "kp",
]);

/** Administrative units, and their abbreviations ("P. Cốc Lếu", "TP Lào Cai"). */
const ADMIN_PHRASES = [
  "phuong",
  "xa",
  "thi tran",
  "quan",
  "huyen",
  "thi xa",
  "thanh pho",
  "tinh",
  "tp",
  "tx",
  "tt",
  "p",
  "q",
  "h",
  "x",
  "t",
];
const ADMIN = `(?:${ADMIN_PHRASES.map((p) => p.replace(/ /g, `${GAP}+`)).join("|")})`;
const ADMIN_START = /^(?:(?:phuong|xa|thi tran|quan|huyen|thi xa|thanh pho|tinh|tp|tx|tt)(?: |$)|[pqhxt] )/;

/** Any fine-place or house-number word, optional between the telling words of a part. */
const FILLER = `(?:${[...FINE_WORDS, ...HOUSE_WORDS, "dan pho"].map((w) => w.replace(/ /g, `${GAP}+`)).join("|")})`;

/** Designators written in several ways: "tổ dân phố 5" is also "tổ 5" and "TDP 5". */
function designatorPattern(words: readonly string[]): string {
  const text = words.join(" ");
  if (text === "to dan pho" || text === "tdp" || text === "to") return `(?:to(?:${GAP}+dan${GAP}+pho)?|tdp)`;
  if (text === "khu pho" || text === "kp") return `(?:khu${GAP}+pho|kp)`;
  return words.map(escape).join(`${GAP}+`);
}

interface AddressPart {
  words: string[];
  admin: boolean;
  numbers: boolean;
  /** Words that are neither numbers nor place designators: "hoang", "lien" in "đường Hoàng Liên". */
  names: string[];
}

function partOf(text: string): AddressPart {
  const words = wordsOf(text);
  return {
    words,
    admin: ADMIN_START.test(words.join(" ")),
    numbers: words.some((w) => /\d/.test(w)),
    names: words.filter((w) => !/\d/.test(w) && !FINE_WORDS.has(w) && !HOUSE_WORDS.has(w)),
  };
}

/**
 * The pattern of a part that identifies a place finely, or null. With a number and a name ("Số 12
 * đường Hoàng Liên") the number and the name's words must be there, the designators may be written
 * or not, in any form ("số nhà 12, đường Hoàng Liên", "12 Hoàng Liên"). With a number alone ("Tổ 5",
 * "Ngõ 34") the designator must be there, or "5" would be masked everywhere. Without a number, only
 * a hamlet or group as written ("Thôn Cóc").
 */
function finePattern(part: AddressPart, first: boolean): string | null {
  if (part.admin || !part.words.length) return null;
  if (part.numbers && part.names.length) {
    const telling = part.words.filter((w) => /\d/.test(w) || part.names.includes(w)).map(escape);
    return `(?:${FILLER}${GAP}+)*` + telling.join(`(?:${GAP}+${FILLER})*${GAP}+`);
  }
  if (part.numbers) {
    // "Số 12" alone: joined to the street that follows.
    if (part.words.every((w) => /\d/.test(w) || HOUSE_WORDS.has(w))) return null;
    // In order, the house words optional ("tổ dân phố số 5" is "tổ 5"), the others written.
    const tokens: string[] = [];
    let designators: string[] = [];
    const house = `(?:(?:so|nha|sn)${GAP}+)*`;
    for (const w of part.words) {
      if (HOUSE_WORDS.has(w)) continue;
      if (/\d/.test(w)) {
        if (designators.length) tokens.push(house + designatorPattern(designators));
        designators = [];
        tokens.push(house + escape(w));
      } else designators.push(w);
    }
    if (designators.length) tokens.push(house + designatorPattern(designators));
    return tokens.join(`${GAP}+`);
  }
  if (first && HAMLET_WORDS.has(part.words[0]!) && part.names.length) return part.words.map(escape).join(`${GAP}+`);
  return null;
}

/** A following part, its administrative designator optional or abbreviated ("P. Cam Đường", "Cam Đường"). */
function followingPattern(part: AddressPart): string | null {
  if (!part.words.length) return null;
  if (part.admin) {
    const rest = part.words.slice(/^(?:thi|thanh)$/.test(part.words[0]!) ? 2 : 1);
    if (!rest.length) return null;
    const words = rest.map(escape).join(`${GAP}+`);
    // "Phường 5" needs its designator, a bare "5" is not a place.
    return rest.some((w) => !/\d/.test(w)) ? `(?:${ADMIN}${GAP}+)?${words}` : `${ADMIN}${GAP}+${words}`;
  }
  const fine = finePattern(part, false);
  if (fine) return fine;
  // "đường Hoàng Liên" after "ngõ 34" is also written "ngõ 34 Hoàng Liên".
  if (!part.names.length) return part.words.map(escape).join(`${GAP}+`);
  return `(?:${FILLER}${GAP}+)*${part.names.map(escape).join(`${GAP}+`)}`;
}

/**
 * The patterns of an address: the whole of it, and from each part that identifies a place finely
 * (its first part, any part with a number) onwards as far as the text goes, so that "tổ 5", "tổ 5
 * Cam Đường" and "Tổ 5, P. Cam Đường, Lào Cai" are all masked whole, but a bare "phường Cam Đường"
 * or "tỉnh Lào Cai" is not.
 */
function addressPatterns(address: string): string[] {
  const out: string[] = [];
  const whole = patternOf(address);
  if (whole) out.push(whole);
  const parts = address.split(/[,;\n]/).map(partOf);
  // A bare house number goes with the street after it: "Số 12, đường Hoàng Liên".
  const merged: AddressPart[] = [];
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    const next = parts[i + 1];
    if (p.numbers && p.words.every((w) => /\d/.test(w) || HOUSE_WORDS.has(w)) && next && !next.admin) {
      merged.push(partOf(`${p.words.join(" ")} ${next.words.join(" ")}`));
      i++;
    } else merged.push(p);
  }
  // From the parts as written ("ngõ 34, đường Hoàng Liên") and with the house number joined.
  for (const list of merged.length < parts.length ? [parts, merged] : [parts]) {
    const following = list.map(followingPattern);
    for (let k = 0; k < list.length; k++) {
      const head = finePattern(list[k]!, k === 0);
      if (!head) continue;
      let tail = "";
      for (let m = list.length - 1; m > k; m--) {
        tail = following[m] ? `(?:${GAP}+${following[m]}${tail})?` : "";
      }
      out.push(head + tail);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Names
// ---------------------------------------------------------------------------------------------------

/** An organisation's name, whose last two words are no one's given name ("… Hoàng Liên"). */
const ORGANISATION =
  /^(?:cong ty|tong cong ty|cty|ctcp|tct|hop tac xa|htx|doanh nghiep|dntn|ho kinh doanh|chi nhanh|ngan hang|uy ban|ubnd|tap doan|van phong|trung tam|benh vien)\b/;

function namePatterns(name: string): string[] {
  const out: string[] = [];
  const full = patternOf(name);
  if (full) out.push(full);
  // A three-word name is also written by its last two words ("chị Thanh Xuân"). The name with its
  // middle words dropped ("Vương Xuân") is not used: rare in writing, and two common words together
  // mask other people. Nor for an organisation, whose last two words are a place or a trade.
  const words = wordsOf(name);
  if (words.length >= 3 && words.length <= 5 && !ORGANISATION.test(words.join(" "))) {
    const p = patternOf(words.slice(-2).join(" "));
    if (p) out.push(p);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Contacts and numbers, known or not
// ---------------------------------------------------------------------------------------------------

/** E-mail addresses, in the folded text (lower-case, accent-free): "<Xuan.VT@Example.vn>", "a (at) b.vn". */
const EMAIL = new RegExp(
  "(?<![a-z0-9._%+-])[a-z0-9_%+-][a-z0-9._%+-]*" +
    `(?:\\s?@\\s?|${OBFUSCATED("at")})` +
    `[a-z0-9-]+(?:(?:\\.|${OBFUSCATED("dot")})[a-z0-9-]+)*(?:\\.|${OBFUSCATED("dot")})[a-z]{2,}(?![a-z0-9-])`,
  "g",
);
const MAY_HOLD_EMAIL = /@|[([{<]\s?at\s?[)\]}>]/;

/** A passport number after "hộ chiếu": a letter and seven digits ("hộ chiếu số C1234567"). */
const PASSPORT = /(?<![a-z0-9])ho chieu[^0-9\n;.]{0,30}?(?<![a-z0-9])([a-z]\d{7,8})(?![a-z0-9])/g;

/** Between two groups of digits: a space or two, or a dot or dash with spaces around or not. */
const SEP = "(?: {0,2}[.-] {0,2}| {1,2})";

/**
 * A run of digits in groups, with an international prefix ("+84", "(+84)") or an area code in
 * parentheses ("(0214)") before it. It starts at a word's edge and not inside a code: never after a
 * letter or digit, or a dash after a letter or digit ("LC.SCT-2026-000123"). Which of its groups are masked is decided by `numberSpans`.
 */
const RUN = new RegExp(
  `(?<!${WORD}|_|${WORD}-)` +
    // "+84 (0) 912 345 678": the trunk zero in parentheses after the country code.
    `(?:(?<cc>\\(\\s?\\+?\\s?84\\s?\\)|\\+\\s?84)${SEP}?(?<trunk>\\(\\s?0\\s?\\)${SEP}?)?)?` +
    `(?:\\((?<area>0\\d{1,3})\\)${SEP}?)?` +
    `\\d+(?:${SEP}\\d+)*`,
  "g",
);
const GROUP = /\d+/g;

/**
 * Words that announce an identity number ("CCCD số", "căn cước công dân:", "CMND/CCCD", "mã số thuế
 * của tôi là", "số định danh cá nhân"), up to thirty letters before the number; not across a
 * sentence's end. "chứng minh" alone is a verb ("tài liệu chứng minh ông A nhận 150.000.000 đồng").
 */
const ANNOUNCED =
  /(?:^|[^a-z0-9])(?:cccd|cmnd|cmtnd|cmt|can cuoc(?: cong dan)?|chung minh nhan dan|chung minh thu|ho chieu|ma so thue|mst|(?:so|ma) dinh danh(?: ca nhan)?|dinh danh ca nhan)[^0-9\n;.]{0,30}$/;

/** What follows an amount of money ("150.000.000 đồng", "1.500.000.000đ", "150 triệu"). */
const MONEY_UNIT = /^ ?(?:d|dong|vnd|usd|eur|\$|trieu|ty|nghin|ngan)(?![a-z0-9])/;

/** What follows a quantity ("1.250 m2", "12 %"), or money. */
const UNIT =
  /^ ?(?:d|dong|vnd|usd|eur|\$|trieu|ty|nghin|ngan|tram|m2|m3|m|km|ha|kg|tan|lit|%|phan tram|nguoi)(?![a-z0-9])/;

/** Words of money before an amount ("số tiền 123.456.789", "trị giá", "phí"). */
const MONEY_BEFORE = /(?:^|[^a-z])(?:tien|gia|phi|luong|thu nhap|hoi lo|boi thuong|ho tro|ngan sach)[^0-9]{0,15}$/;

interface Run {
  start: number;
  /** Digits of each group, their start and end in the folded text, the separator before each. */
  groups: { digits: string; start: number; end: number; sep: string }[];
  international: boolean;
  area: string;
}

/**
 * Whether groups i..j of a run are personal data by their shape:
 * - a mobile phone: "0" and nine digits from 3, 5, 7, 8 or 9 ("0912 345 678"), or "+84"/"84" and
 *   the nine ("+84 912.345.678", "84912345678");
 * - a landline: "02" and eight or nine digits ("0214 3 840 123", "(0214) 3840123", "+84 214 3840 123");
 * - anything else starting with 0 of 9 to 13 digits: a CMND (9), a tax code (10, or 13 with its
 *   branch), a CCCD (12, its first three digits the province), a bank account; money, dates and
 *   document numbers never start with 0;
 * - a CMND of 9 digits from 1 to 3 ("125 678 901"), unless it is money: a unit follows
 *   ("150.000.000 đồng"), money is named before ("số tiền 123.456.789"), or it is grouped in
 *   thousands by dots and round ("150.000.000");
 * - after words announcing an identity paper, 8 to 13 digits however grouped.
 * Separators must agree within a number ("0912 345 678" but not "05.12.2024 0912"), except after
 * words announcing it.
 */
function isPersonalNumber(
  folded: string,
  run: Run,
  i: number,
  j: number,
  announced: boolean,
  slashed: boolean,
): boolean {
  const groups = run.groups.slice(i, j + 1);
  let digits = groups.map((g) => g.digits).join("");
  const last = groups[groups.length - 1]!;
  const after = folded.slice(last.end, last.end + 12);
  // A date, even after "CCCD cấp ngày 12.05.2021".
  if (groups.length === 3 && /^\d{1,2},\d{1,2},\d{4}$/.test(groups.map((g) => g.digits).join(","))) return false;
  const length = digits.length + (i === 0 ? run.area.length : 0);
  if (i === 0 && announced && length >= 8 && length <= 13 && !MONEY_UNIT.test(after)) return true;
  const seps = new Set(groups.slice(1).map((g) => g.sep));
  if (seps.size > 1) return false;
  if (i === 0 && run.international) {
    const national = digits.replace(/^0/, "");
    return /^[35789]\d{8}$/.test(national) || /^2\d{8,9}$/.test(national);
  }
  if (i === 0) digits = run.area + digits;
  if (/^84[35789]\d{8}$/.test(digits)) return true;
  if (digits.startsWith("0")) return digits.length >= 9 && digits.length <= 13;
  if (slashed || digits.length !== 9 || !/^[1-3]/.test(digits)) return false;
  const before = folded.slice(Math.max(0, groups[0]!.start - 40), groups[0]!.start);
  if (UNIT.test(after) || MONEY_BEFORE.test(before)) return false;
  const thousands = groups.length === 3 && seps.has(".") && groups.every((g) => g.digits.length === 3);
  return !(thousands && groups[2]!.digits === "000");
}

/**
 * The spans of a run to mask: from its start, the longest groups that make a personal number, then
 * again after them. A number may begin inside a run only after another masked one or after a space
 * or dash between two groups of four digits or more ("0912 345 678 0987 654 321", "năm 2024
 * 0912345678"): never inside an amount grouped in thousands ("1.000.000.000", whose last nine
 * digits start with 0).
 */
function numberSpans(folded: string, run: Run, end: number, out: [number, number][]): void {
  // Part of a code: "123-QĐ", "12abc".
  if (/^[-_]?[a-z]/.test(folded.slice(end, end + 2))) return;
  // Next to a "/": a date or a document number ("12/05/2024", "1234/QĐ-UBND"), unless it starts
  // with 0 like a phone ("0912345678/0987654321"); dates and document numbers are short anyway.
  const slashed = folded[end] === "/" || folded[run.start - 1] === "/";
  const announced = ANNOUNCED.test(folded.slice(Math.max(0, run.start - 60), run.start));
  const { groups } = run;
  let afterMasked = false;
  for (let i = 0; i < groups.length;) {
    const g = groups[i]!;
    const canStart =
      i === 0 || (g.sep !== "." && (afterMasked || (g.digits.length >= 4 && groups[i - 1]!.digits.length >= 4)));
    let to = -1;
    if (canStart) {
      let count = 0;
      let last = i;
      for (let j = i; j < groups.length && j < i + 8; j++) {
        count += groups[j]!.digits.length;
        if (count > 15) break;
        last = j;
      }
      for (let j = last; j >= i && to < 0; j--) {
        // A number ends where the run ends or before a space or dash, never inside dotted groups.
        if (j + 1 < groups.length && groups[j + 1]!.sep === ".") continue;
        if (isPersonalNumber(folded, run, i, j, announced && !slashed, slashed)) to = j;
      }
    }
    if (to < 0) {
      afterMasked = false;
      i++;
      continue;
    }
    out.push([i === 0 ? run.start : g.start, groups[to]!.end]);
    afterMasked = true;
    i = to + 1;
  }
}

/** The spans of the folded text that are personal data by their shape, whoever they belong to. */
function contactSpans(folded: string, out: [number, number][]): void {
  if (MAY_HOLD_EMAIL.test(folded)) {
    for (const m of folded.matchAll(EMAIL)) out.push([m.index, m.index + m[0].length]);
  }
  if (folded.includes("ho chieu")) {
    for (const m of folded.matchAll(PASSPORT)) out.push([m.index + m[0].length - m[1]!.length, m.index + m[0].length]);
  }
  for (const m of folded.matchAll(RUN)) {
    const groups: Run["groups"] = [];
    const body = m[0];
    let prev = -1;
    // Past the country code and a trunk zero "(0)" after it: neither is a group of the number.
    const cc = m.groups?.cc?.length ?? 0;
    const prefix = m.groups?.trunk ? body.indexOf(")", cc) + 1 : cc;
    const skip = prefix + (m.groups?.area ? m.groups.area.length + 2 : 0);
    for (const g of body.slice(skip).matchAll(GROUP)) {
      const start = m.index + skip + g.index;
      const sep = prev < 0 ? "" : folded.slice(prev, start).trim() || " ";
      groups.push({ digits: g[0], start, end: start + g[0].length, sep });
      prev = start + g[0].length;
    }
    const run = { start: m.index, groups, international: !!m.groups?.cc, area: m.groups?.area ?? "" };
    numberSpans(folded, run, m.index + body.length, out);
  }
}

// ---------------------------------------------------------------------------------------------------
// Masking
// ---------------------------------------------------------------------------------------------------

/** The text with the spans of its folding replaced by the mask; overlapping or touching spans are one. */
function applySpans(text: string, origin: readonly number[], spans: [number, number][]): string {
  if (!spans.length) return text;
  spans.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  let out = "";
  let last = 0;
  let open: [number, number] | null = null;
  const flush = () => {
    if (!open) return;
    out += text.slice(last, origin[open[0]]) + REDACTION_MASK;
    last = origin[open[1]]!;
  };
  for (const span of spans) {
    if (open && span[0] <= open[1]) open[1] = Math.max(open[1], span[1]);
    else {
      flush();
      open = [span[0], span[1]];
    }
  }
  flush();
  return out + text.slice(last);
}

/**
 * Only the masking by shape: every phone, e-mail and identity number in a text whose people are not
 * known (a visit's notes, a forwarded summary).
 */
export function maskContacts(text: string): string {
  if (!text) return text;
  const { folded, origin } = fold(text);
  const spans: [number, number][] = [];
  contactSpans(folded, spans);
  return applySpans(text, origin, spans);
}

export function redactPersonalData(text: string, subjects: readonly RedactionSubject[]): string {
  return redactorFor(subjects)(text);
}

/**
 * The masking of these writers' data, and of every contact and identity number by its shape, for the
 * several texts of one letter: its pattern built once.
 */
export function redactorFor(subjects: readonly RedactionSubject[]): (text: string) => string {
  const patterns = new Set<string>();
  const add = (p: string | null) => {
    if (p) patterns.add(p);
  };
  for (const s of subjects) {
    if (s.name) namePatterns(s.name).forEach(add);
    if (s.address) addressPatterns(s.address).forEach(add);
    for (const e of [s.email, ...(s.emails ?? [])]) if (e) add(emailPattern(e));
    for (const p of [s.phone, ...(s.phones ?? [])]) if (p) add(phonePattern(p));
    for (const value of s.numbers ?? []) {
      if (!value) continue;
      add(digitsPattern(value));
      // A tax code with its branch ("0101234567-001") is also written without it.
      const base = /^(\d{10})\D+\d{3}$/.exec(value.trim());
      if (base) add(digitsPattern(base[1]!));
    }
  }
  // Longest first, so a full name is masked before its last two words.
  const sorted = [...patterns].sort((a, b) => b.length - a.length);
  // A match starts and ends at a word's edge: after and before a gap or the end of the text.
  const re = sorted.length ? new RegExp(`(?<!${WORD})(?:${sorted.join("|")})(?!${WORD})`, "gu") : null;
  return (text) => {
    if (!text) return text;
    const { folded, origin } = fold(text);
    const spans: [number, number][] = [];
    if (re) for (const m of folded.matchAll(re)) if (m[0]) spans.push([m.index, m.index + m[0].length]);
    contactSpans(folded, spans);
    return applySpans(text, origin, spans);
  };
}
