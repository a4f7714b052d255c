/**
 * Is this petition the same matter as an earlier one? Needed for the "only once" rules (guidance and
 * transfer of the same content, docs/LAW.md §13.4) and for counting first-time vs repeated petitions.
 *
 * Three keys, normalised the same way on both sides (the database's trigram search narrows the
 * candidates; these functions score them):
 *  - person key: the identity number when known, else the unaccented lower-case name with the
 *    address, without the administrative words ("xã", "phường", "tỉnh" ...) that people write or omit;
 *  - respondent key: the name of the person or body complained about or denounced, without legal-form
 *    words ("công ty TNHH", "cổ phần") and honorifics ("ông", "bà");
 *  - content fingerprint: hashed two-syllable shingles of the normalised text (Vietnamese words are
 *    mostly two syllables) and a 64-bit simhash of them for quick near-duplicate lookups.
 */
import { normalizeForMatch } from "../text/normalize.ts";
import type { PetitionKind } from "./kinds.ts";

export interface PersonLike {
  idNumber?: string | null;
  fullName?: string | null;
  address?: string | null;
}

/** Administrative words written (or not) before a place name; longest first. */
const ADMIN_PREFIXES: readonly string[] = [
  "to dan pho",
  "thanh pho",
  "thi tran",
  "thi xa",
  "khu pho",
  "so nha",
  "phuong",
  "huyen",
  "quan",
  "tinh",
  "thon",
  "ban",
  "xom",
  "xa",
  "tp",
  "ap",
  "to",
  "so",
  "p",
  "x",
];

function stripLeading(segment: string, words: readonly string[]): string {
  for (const w of words) {
    if (segment.startsWith(`${w} `)) return segment.slice(w.length + 1);
  }
  return segment;
}

/**
 * Address key: each comma-separated part normalised, with a leading administrative word removed, so
 * "Thôn 3, Xã Bắc Hà, tỉnh Lào Cai" and "thon 3 , bac ha, Lao Cai" give "3 bac ha lao cai".
 */
export function addressKey(address: string | null | undefined): string {
  if (!address) return "";
  return address
    .split(/[,;\n]/)
    .map((part) => stripLeading(normalizeForMatch(part), ADMIN_PREFIXES))
    .filter(Boolean)
    .join(" ");
}

/** Key of a person: "id:<number>" when the identity number is known, else "na:<name>|<address>"; null if no name. */
export function personKey(p: PersonLike): string | null {
  const id = p.idNumber?.replace(/[\s.-]+/g, "").toUpperCase();
  if (id && id.length >= 5) return `id:${id}`;
  const name = normalizeForMatch(p.fullName ?? "");
  if (!name) return null;
  return `na:${name}|${addressKey(p.address)}`;
}

/**
 * Key of a name-and-address line as people write it on an envelope: the first comma-separated part
 * is the name. "Nguyễn Văn A, xã X" and "nguyen van a , Xã X" give the same key.
 */
export function nameAddressKey(text: string): string | null {
  const [name = "", ...rest] = text.split(",");
  return personKey({ fullName: name, address: rest.join(",") });
}

const HONORIFICS = new Set(["ong", "ba", "anh", "chi", "co", "chu", "bac", "em"]);
/** Legal-form words of organisations, as token sequences; longest first. */
const LEGAL_FORMS: readonly string[][] = [
  ["trach", "nhiem", "huu", "han"],
  ["doanh", "nghiep", "tu", "nhan"],
  ["mot", "thanh", "vien"],
  ["cong", "ty"],
  ["co", "phan"],
  ["ho", "kinh", "doanh"],
  ["tnhh"],
  ["mtv"],
  ["cty"],
  ["ctcp"],
  ["cp"],
  ["dntn"],
];

/** Key of the respondent (người bị khiếu nại, bị tố cáo): "Công ty TNHH Xăng dầu Minh Phát" → "xang dau minh phat". */
export function respondentKey(name: string | null | undefined): string {
  if (!name) return "";
  const tokens = normalizeForMatch(name).split(" ").filter(Boolean);
  if (tokens.length > 1 && HONORIFICS.has(tokens[0] as string)) tokens.shift();
  const out: string[] = [];
  for (let i = 0; i < tokens.length;) {
    const form = LEGAL_FORMS.find((f) => f.every((w, k) => tokens[i + k] === w));
    if (form) {
      i += form.length;
      continue;
    }
    out.push(tokens[i] as string);
    i++;
  }
  return out.join(" ");
}

// ---- Content fingerprint -----------------------------------------------------------------------

export interface ContentFingerprint {
  /** Sorted, distinct 32-bit hashes of the two-syllable shingles. */
  shingles: Uint32Array;
  /** 64-bit simhash of the shingles, as 16 hexadecimal digits. */
  simhash: string;
}

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Murmur3's finaliser: a second, independent-looking 32 bits from the first. */
function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The sorted, distinct hashes of the text's two-syllable shingles (what `similarity` compares). */
export function contentShingles(text: string): Uint32Array {
  const tokens = normalizeForMatch(text).split(" ").filter(Boolean);
  const set = new Set<number>();
  if (tokens.length === 1) set.add(fnv1a(tokens[0] as string));
  for (let i = 0; i + 1 < tokens.length; i++) set.add(fnv1a(`${tokens[i]} ${tokens[i + 1]}`));
  return Uint32Array.from(set).sort();
}

export function contentFingerprint(text: string): ContentFingerprint {
  const shingles = contentShingles(text);

  const votes = new Int32Array(64);
  for (const h of shingles) {
    const h2 = mix32(h ^ 0x9e3779b9);
    for (let bit = 0; bit < 32; bit++) {
      votes[bit] = (votes[bit] ?? 0) + ((h >>> bit) & 1 ? 1 : -1);
      votes[bit + 32] = (votes[bit + 32] ?? 0) + ((h2 >>> bit) & 1 ? 1 : -1);
    }
  }
  let lo = 0;
  let hi = 0;
  for (let bit = 0; bit < 32; bit++) {
    if ((votes[bit] as number) > 0) lo |= 1 << bit;
    if ((votes[bit + 32] as number) > 0) hi |= 1 << bit;
  }
  const hex = (n: number) => (n >>> 0).toString(16).padStart(8, "0");
  return { shingles, simhash: shingles.length ? hex(hi) + hex(lo) : "0".repeat(16) };
}

/** Number of differing bits between two simhashes (0–64). */
export function simhashDistance(a: string, b: string): number {
  let d = 0;
  for (let i = 0; i < 16; i += 8) {
    let x = (parseInt(a.slice(i, i + 8), 16) ^ parseInt(b.slice(i, i + 8), 16)) >>> 0;
    while (x) {
      x &= x - 1;
      d++;
    }
  }
  return d;
}

function intersectionSize(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) {
      n++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return n;
}

/**
 * Similarity of two contents, 0–1: the mean of the Jaccard index and the containment (shared
 * shingles over the smaller set), so a shortened re-sent letter still scores high. Symmetric;
 * 1 for the same text, whatever its accents, case and punctuation; 0 when nothing is shared.
 */
export function similarity(a: string | ContentFingerprint, b: string | ContentFingerprint): number {
  const fa = typeof a === "string" ? contentFingerprint(a) : a;
  const fb = typeof b === "string" ? contentFingerprint(b) : b;
  const na = fa.shingles.length;
  const nb = fb.shingles.length;
  if (na === 0 || nb === 0) return 0;
  const inter = intersectionSize(fa.shingles, fb.shingles);
  const jaccard = inter / (na + nb - inter);
  const containment = inter / Math.min(na, nb);
  return (jaccard + containment) / 2;
}

// ---- Same matter ---------------------------------------------------------------------------------

export interface MatterSignature {
  personKeys: readonly string[];
  respondentKey: string;
  content: ContentFingerprint;
  fieldCode?: string | null;
  kind?: PetitionKind | null;
}

export function matterSignature(input: {
  petitioners: readonly PersonLike[];
  respondent?: string | null;
  content: string;
  fieldCode?: string | null;
  kind?: PetitionKind | null;
}): MatterSignature {
  return {
    personKeys: input.petitioners.map(personKey).filter((k): k is string => k !== null),
    respondentKey: respondentKey(input.respondent),
    content: contentFingerprint(input.content),
    fieldCode: input.fieldCode ?? null,
    kind: input.kind ?? null,
  };
}

export type SameMatterVerdict = "same" | "probable" | "possible" | "different";

export const SAME_MATTER_VERDICTS: Readonly<Record<SameMatterVerdict, string>> = {
  same: "Cùng vụ việc",
  probable: "Nhiều khả năng cùng vụ việc",
  possible: "Có thể cùng vụ việc, cần xem lại",
  different: "Khác vụ việc",
};

/** Weights of the score; they add up to 1. */
export const SAME_MATTER_WEIGHTS = { person: 0.35, respondent: 0.2, content: 0.4, field: 0.05 } as const;
export const SAME_MATTER_THRESHOLDS = { same: 0.75, probable: 0.55, possible: 0.45 } as const;
/** Content similarity from which two letters are taken for copies of one letter. */
export const NEAR_IDENTICAL_CONTENT = 0.9;

export interface SameMatterResult {
  score: number;
  verdict: SameMatterVerdict;
  /** Why, in Vietnamese, strongest first. No personal data is repeated in the reasons. */
  reasons: string[];
}

function tokenJaccard(a: string, b: string): number {
  if (!a || !b) return 0;
  const sa = new Set(a.split(" "));
  const sb = new Set(b.split(" "));
  let inter = 0;
  for (const t of sa) if (sb.has(t)) inter++;
  return inter / (sa.size + sb.size - inter);
}

/** How likely two petitions are the same matter, with the reasons. */
export function sameMatterScore(a: MatterSignature, b: MatterSignature): SameMatterResult {
  const reasons: string[] = [];
  const shared = a.personKeys.find((k) => b.personKeys.includes(k));
  const person = shared ? 1 : 0;
  if (shared) {
    reasons.push(
      shared.startsWith("id:")
        ? "Cùng số giấy tờ tùy thân của người viết đơn"
        : "Cùng họ tên và địa chỉ của người viết đơn",
    );
  }

  let respondent = 0;
  if (a.respondentKey && a.respondentKey === b.respondentKey) {
    respondent = 1;
    reasons.push("Cùng người (cơ quan, tổ chức) bị khiếu nại, tố cáo");
  } else {
    respondent = tokenJaccard(a.respondentKey, b.respondentKey);
    if (respondent >= 0.5) reasons.push("Người (cơ quan, tổ chức) bị khiếu nại, tố cáo gần trùng tên");
  }

  const content = similarity(a.content, b.content);
  if (content >= 0.2) reasons.push(`Nội dung giống nhau khoảng ${Math.round(content * 100)}%`);

  const field = a.fieldCode && a.fieldCode === b.fieldCode ? 1 : 0;
  if (field) reasons.push("Cùng lĩnh vực");

  const w = SAME_MATTER_WEIGHTS;
  let score = Math.min(1, w.person * person + w.respondent * respondent + w.content * content + w.field * field);
  // Near-identical wording is the same letter sent again or to several agencies, even when no
  // writer or respondent was recorded to match (an anonymous letter): at least "probable".
  if (content >= NEAR_IDENTICAL_CONTENT) score = Math.max(score, SAME_MATTER_THRESHOLDS.probable);
  const t = SAME_MATTER_THRESHOLDS;
  const verdict: SameMatterVerdict =
    score >= t.same ? "same" : score >= t.probable ? "probable" : score >= t.possible ? "possible" : "different";
  if (reasons.length === 0) reasons.push("Không có điểm trùng đáng kể");
  return { score, verdict, reasons };
}
