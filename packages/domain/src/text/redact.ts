/**
 * Removing a denouncer's personal data from free text (Điều 9 khoản 1 điểm a Luật Tố cáo 2018: the
 * name, address, handwriting and other personal data are kept secret). A letter usually begins
 * "Tôi tên là Nguyễn Văn A, trú tại …": the identity fields are sealed, but the same data sits in
 * the content that resolvers must read. Those who may not see the identity read the content with
 * every mention of it replaced by a mask — matched accent- and case-insensitively, across any
 * spacing or punctuation, so "NGUYEN VAN  A" and "Nguyễn Văn A" are both found.
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
}

/**
 * The text folded to lower-case letters without accents, one folded char per original char. A
 * character outside ASCII that is neither a letter nor a digit (a non-breaking space, a dash "–",
 * quotes) is folded to a space, so that every character outside ASCII in the folded text is part
 * of a word and the pattern below can tell words from gaps with ASCII classes alone.
 */
function fold(text: string): { folded: string; origin: number[] } {
  let folded = "";
  const origin: number[] = [];
  let i = 0;
  for (const ch of text) {
    for (const c of unaccent(ch).toLowerCase()) {
      const f = c.charCodeAt(0) < 0x80 || WORD_CHAR.test(c) ? c : " ".repeat(c.length);
      folded += f;
      for (let k = 0; k < f.length; k++) origin.push(i);
    }
    i += ch.length;
  }
  origin.push(i);
  return { folded, origin };
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

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

/** A pattern for a needle: its words in order, separated by any run of non-letters. */
function patternOf(needle: string): string | null {
  const words = unaccent(needle)
    .toLowerCase()
    .split(/[^\p{L}\p{N}@.]+/u)
    .filter(Boolean);
  if (!words.length || words.join("").length < 3) return null;
  return words.map(escape).join(`${GAP}+`);
}

/** Digits of a number, allowing spaces, dots or dashes between them ("0912 345 678"). */
function digitsPattern(value: string): string | null {
  const digits = value.replace(/\D/g, "");
  if (digits.length < 6) return null;
  return digits.split("").join("[\\s.-]?");
}

export function redactPersonalData(text: string, subjects: readonly RedactionSubject[]): string {
  return redactorFor(subjects)(text);
}

/** The masking of these writers' data, for the several texts of one letter: its pattern built once. */
export function redactorFor(subjects: readonly RedactionSubject[]): (text: string) => string {
  const patterns: string[] = [];
  for (const s of subjects) {
    for (const value of [s.name, s.address, s.email]) {
      const p = value ? patternOf(value) : null;
      if (p) patterns.push(p);
    }
    // A three-word name is also written by its last two words ("chị Thanh Xuân").
    const words = (s.name ?? "").trim().split(/\s+/);
    if (words.length >= 3) {
      const p = patternOf(words.slice(-2).join(" "));
      if (p) patterns.push(p);
    }
    for (const value of [...(s.numbers ?? []), s.phone]) {
      const p = value ? digitsPattern(value) : null;
      if (p) patterns.push(p);
    }
  }
  if (!patterns.length) return (text) => text;
  // Longest first, so a full name is masked before its last two words.
  patterns.sort((a, b) => b.length - a.length);
  // A match starts and ends at a word's edge: after and before a gap or the end of the text.
  const re = new RegExp(`(?<!${WORD})(?:${patterns.join("|")})(?!${WORD})`, "gu");
  return (text) => {
    if (!text) return text;
    const { folded, origin } = fold(text);
    let out = "";
    let last = 0;
    for (const m of folded.matchAll(re)) {
      const start = origin[m.index]!;
      const end = origin[m.index + m[0].length]!;
      out += text.slice(last, start) + REDACTION_MASK;
      last = end;
    }
    return last === 0 ? text : out + text.slice(last);
  };
}
