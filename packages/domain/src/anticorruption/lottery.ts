/**
 * The yearly random selection of declarants to verify (Luật PCTN 2018 Điều 41; Nghị định 130/2020
 * Điều 15–16; docs/LAW.md §10.1): at least 20 % of the units under the controlling body (10 % for
 * the ministries the law names), at least 10 % of the declarants of each selected unit, leaving
 * out those verified in the previous 4 years and the legal exemptions, each with its reason.
 *
 * The draw is reproducible: nothing random happens in the computer. A seed is typed in front of
 * the witnesses; every unit and person gets the SHA-256 of "seed|DV|unit code" or "seed|NG|person
 * code"; the lowest digests win. The minutes print the seed, the candidates with their codes and
 * this algorithm (LOTTERY_ALGORITHM), so anyone can re-run it with `sha256sum` and get the list.
 */
import { sha256Hex } from "./sha256.ts";

export const LOTTERY_ALGORITHM_VERSION = "sha256-v1";

export const LOTTERY_ALGORITHM = [
  "1. Mã số ngẫu nhiên (chuỗi ký tự) do người chứng kiến nhập trực tiếp tại buổi bốc thăm.",
  "2. Với mỗi đơn vị trong danh sách đơn vị tham gia, tính H = SHA-256 của chuỗi UTF-8 “<mã số ngẫu nhiên>|DV|<mã đơn vị>”, viết bằng 64 chữ số thập lục phân chữ thường.",
  "3. Xếp các đơn vị theo H tăng dần (H bằng nhau thì theo mã đơn vị); chọn N đơn vị đầu, N = làm tròn lên (số đơn vị × tỷ lệ đơn vị %).",
  "4. Trong mỗi đơn vị được chọn, với mỗi người đủ điều kiện tính H = SHA-256 của “<mã số ngẫu nhiên>|NG|<mã người kê khai>”; xếp tăng dần (bằng nhau thì theo mã) và chọn M người đầu, M = làm tròn lên (số người đủ điều kiện của đơn vị × tỷ lệ người %).",
  "5. Người không đủ điều kiện (đã được xác minh trong 4 năm trước, đang bị điều tra, truy tố, xét xử, đang điều trị bệnh hiểm nghèo, đi học tập, công tác ở nước ngoài từ 12 tháng trở lên, chưa nộp bản kê khai hằng năm) được ghi riêng, kèm lý do, và không tham gia bốc thăm.",
].join("\n");

/** Least shares the law sets: 20 % of units (10 % for the bodies it names), 10 % of declarants. */
export const MIN_UNIT_PERCENT = 20;
export const MIN_UNIT_PERCENT_NAMED_BODY = 10;
export const MIN_PERSON_PERCENT = 10;
/** Verified within this many previous years: not drawn again. */
export const VERIFIED_LOOKBACK_YEARS = 4;

export interface LotteryUnit {
  code: string;
  name: string;
}

export interface LotteryCandidate {
  code: string;
  name: string;
  unitCode: string;
}

export interface LotteryInput {
  seed: string;
  unitPercent: number;
  personPercent: number;
  units: readonly LotteryUnit[];
  /** Eligible declarants only (exclusions are decided before, see eligibility()). */
  candidates: readonly LotteryCandidate[];
}

export interface DrawnUnit extends LotteryUnit {
  hash: string;
  rank: number;
  selected: boolean;
  eligible: number;
  toSelect: number;
}

export interface DrawnPerson extends LotteryCandidate {
  hash: string;
  rank: number;
  selected: boolean;
}

export interface LotteryResult {
  algorithm: typeof LOTTERY_ALGORITHM_VERSION;
  units: DrawnUnit[];
  persons: DrawnPerson[];
  selectedUnits: number;
  selectedPersons: number;
}

export function unitHash(seed: string, unitCode: string): string {
  return sha256Hex(`${seed}|DV|${unitCode}`);
}

export function personHash(seed: string, personCode: string): string {
  return sha256Hex(`${seed}|NG|${personCode}`);
}

/** Round up, for "at least p %". Integer arithmetic, so 20 % of 10 is 2, never 2.0000001 → 3. */
export function atLeastShare(count: number, percent: number): number {
  return Math.ceil((count * Math.round(percent * 100)) / 10_000);
}

function byHash<T extends { hash: string; code: string }>(a: T, b: T): number {
  if (a.hash !== b.hash) return a.hash < b.hash ? -1 : 1;
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}

/** Runs the draw. The same input gives the same result, here or anywhere the algorithm is re-run. */
export function drawLottery(input: LotteryInput): LotteryResult {
  const perUnit = new Map<string, LotteryCandidate[]>();
  for (const c of input.candidates) {
    const list = perUnit.get(c.unitCode);
    if (list) list.push(c);
    else perUnit.set(c.unitCode, [c]);
  }
  const units = input.units
    .map((u) => ({ ...u, hash: unitHash(input.seed, u.code) }))
    .sort(byHash)
    .map((u, i) => ({ ...u, rank: i + 1, selected: false, eligible: perUnit.get(u.code)?.length ?? 0, toSelect: 0 }));
  const unitsToDraw = atLeastShare(units.length, input.unitPercent);
  const persons: DrawnPerson[] = [];
  let selectedPersons = 0;
  for (const unit of units) {
    unit.selected = unit.rank <= unitsToDraw;
    if (!unit.selected) continue;
    unit.toSelect = atLeastShare(unit.eligible, input.personPercent);
    const ranked = (perUnit.get(unit.code) ?? [])
      .map((c) => ({ ...c, hash: personHash(input.seed, c.code) }))
      .sort(byHash);
    ranked.forEach((c, i) => {
      const selected = i < unit.toSelect;
      if (selected) selectedPersons++;
      persons.push({ ...c, rank: i + 1, selected });
    });
  }
  return {
    algorithm: LOTTERY_ALGORITHM_VERSION,
    units,
    persons,
    selectedUnits: Math.min(unitsToDraw, units.length),
    selectedPersons,
  };
}

export const EXCLUSION_REASONS = [
  "verified_recently",
  "investigation",
  "grave_illness",
  "abroad",
  "not_received",
] as const;
export type ExclusionReason = (typeof EXCLUSION_REASONS)[number];

export const EXCLUSION_LABELS: Readonly<Record<ExclusionReason, string>> = {
  verified_recently: "Đã được xác minh trong 4 năm trước",
  investigation: "Đang bị điều tra, truy tố, xét xử",
  grave_illness: "Đang điều trị bệnh hiểm nghèo",
  abroad: "Đi học tập, công tác ở nước ngoài từ 12 tháng trở lên",
  not_received: "Chưa nộp bản kê khai hằng năm của năm trước",
};

export const EXEMPTION_KINDS = ["investigation", "grave_illness", "abroad"] as const;
export type ExemptionKind = (typeof EXEMPTION_KINDS)[number];

export interface EligibilityFacts {
  code: string;
  /** Their annual declaration of the year before the plan was received. */
  received: boolean;
  /** Years in which this person was verified. */
  verifiedYears: readonly number[];
  /** Exemptions recorded with their periods (inclusive; `to` null = still running). */
  exemptions: readonly { kind: ExemptionKind; from: string; to: string | null }[];
}

export interface Exclusion {
  reason: ExclusionReason;
  detail: string;
}

/**
 * Why an annual declarant of the year before the plan is left out of the draw of the plan year
 * `year` held on `on`, or null when eligible.
 * Verified in any of the 4 years before the plan year: out (e.g. plan 2027 skips 2023–2026).
 */
export function exclusionOf(person: EligibilityFacts, year: number, on: string): Exclusion | null {
  const recent = person.verifiedYears.filter((y) => y < year && y >= year - VERIFIED_LOOKBACK_YEARS).sort();
  if (recent.length)
    return {
      reason: "verified_recently",
      detail: `${EXCLUSION_LABELS.verified_recently} (năm ${recent.join(", ")})`,
    };
  if (!person.received) return { reason: "not_received", detail: EXCLUSION_LABELS.not_received };
  for (const e of person.exemptions) {
    if (e.from <= on && (e.to === null || e.to >= on)) {
      const [y, m, d] = e.from.split("-");
      return { reason: e.kind, detail: `${EXCLUSION_LABELS[e.kind]} (từ ${d}/${m}/${y})` };
    }
  }
  return null;
}
