/**
 * Who must declare assets and income in a year, and why (Luật PCTN 2018 Điều 33–36; Nghị định
 * 130/2020 Điều 10; docs/LAW.md §10.1). The list is computed from the positions each official
 * held; the officer then adjusts it (supplementary and before-appointment declarations, people
 * the records do not show) with a recorded reason.
 *
 * Decisions where the text leaves room (docs/LAW.md §10.1 notes):
 * - Annual: an official still in service on 31/12 who held an annually declaring position or
 *   title on ANY day of the year declares annually for that year, even if he moved to another
 *   position mid-year — the declaration covers the assets of the year he held it.
 * - First-time: an official who first took a declaring position during the year and has no
 *   earlier declaration on record declares first-time (within 10 days of taking it, rule
 *   asset.declaration.first_time). That year's first-time declaration stands in for the annual one.
 * - Supplementary (change ≥ 300 million đồng) is not owed by whoever declares annually that year
 *   (Điều 36 khoản 2 Luật PCTN 2018). It is computed from the declarations on record
 *   (supplementaryDuty, docs/LAW.md §10.6) and may be added by the officer for a change the
 *   records do not show, like before-appointment ones.
 */
import { addDays, formatVietnameseDate, type IsoDate } from "../calendar/iso-date.ts";
import { cite } from "../law/acts.ts";

export const DECLARATION_KINDS = ["first_time", "annual", "supplementary", "appointment"] as const;
export type DeclarationKind = (typeof DECLARATION_KINDS)[number];

export const DECLARATION_KIND_LABELS: Readonly<Record<DeclarationKind, string>> = {
  first_time: "Kê khai lần đầu",
  annual: "Kê khai hằng năm",
  supplementary: "Kê khai bổ sung",
  appointment: "Kê khai phục vụ công tác cán bộ",
};

/**
 * The deadline rule of each kind (domain/src/deadlines/rules.ts). A before-appointment declaration
 * is due APPOINTMENT_DAYS_BEFORE days before the expected date: a period counted backwards, which
 * the engine does not do, so it has no rule here (appointmentDue).
 */
export const DECLARATION_DEADLINE_RULES = {
  first_time: "asset.declaration.first_time",
  annual: "asset.declaration.annual",
  supplementary: "asset.declaration.supplementary",
} as const satisfies Partial<Record<DeclarationKind, string>>;

/** Change in assets or income that calls for a supplementary declaration, and flags a comparison: 300 million đồng. */
export const SUPPLEMENTARY_THRESHOLD_DONG = 300_000_000;
/** Movables, precious metals, money and valuables are declared each from 50 million đồng (Điều 35). */
export const MOVABLE_THRESHOLD_DONG = 50_000_000;

export interface PositionFacts {
  id: string;
  name: string;
  declaresAnnually: boolean;
  declarationBasis: string;
}

export interface HeldPosition {
  positionId: string;
  from: IsoDate;
  to: IsoDate | null;
}

export interface OfficialFacts {
  id: string;
  /** Left the service (retired, resigned, moved out of the agency). */
  leftOn: IsoDate | null;
  positions: readonly HeldPosition[];
  /** Declared before this year (a first-time declaration on record or imported). */
  declaredBefore: boolean;
}

export interface Obligation {
  officialId: string;
  kind: DeclarationKind;
  reason: string;
  /** The start event of the kind's deadline rule. */
  dueFrom: IsoDate;
}

function overlapsYear(held: HeldPosition, year: number): boolean {
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  return held.from <= last && (held.to === null || held.to >= first);
}

function span(held: HeldPosition): string {
  return held.to
    ? `từ ${formatVietnameseDate(held.from)} đến ${formatVietnameseDate(held.to)}`
    : `từ ${formatVietnameseDate(held.from)}`;
}

/** The obligations the positions give one official in `year` (at most one per kind). */
export function obligationsOf(
  official: OfficialFacts,
  year: number,
  positions: ReadonlyMap<string, PositionFacts>,
): Obligation[] {
  const last = `${year}-12-31`;
  if (official.leftOn !== null && official.leftOn < last) return [];
  const held = official.positions
    .filter((h) => positions.has(h.positionId) && h.from <= last)
    .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  if (!held.length) return [];
  const first = held[0]!;
  if (!official.declaredBefore && first.from >= `${year}-01-01`) {
    const p = positions.get(first.positionId)!;
    return [
      {
        officialId: official.id,
        kind: "first_time",
        reason: `Lần đầu giữ ${p.name} (${span(first)}), chưa kê khai lần nào — Điều 36 khoản 1 ${cite("LPCTN")}.`,
        dueFrom: first.from,
      },
    ];
  }
  const annual = held.filter((h) => overlapsYear(h, year) && positions.get(h.positionId)!.declaresAnnually);
  const latest = annual[annual.length - 1];
  if (!latest) return [];
  const p = positions.get(latest.positionId)!;
  const moved = latest.to !== null && latest.to < last ? " (đã chuyển vị trí trong năm, vẫn kê khai cho năm đó)" : "";
  return [
    {
      officialId: official.id,
      kind: "annual",
      reason: `Giữ ${p.name} ${span(latest)}${moved} — thuộc diện kê khai hằng năm theo ${p.declarationBasis}.`,
      dueFrom: `${year}-01-01`,
    },
  ];
}

/** The computed list for a year, in the officials' order. */
export function computeObligations(
  officials: readonly OfficialFacts[],
  year: number,
  positions: ReadonlyMap<string, PositionFacts>,
): Obligation[] {
  const out: Obligation[] = [];
  for (const official of officials) for (const o of obligationsOf(official, year, positions)) out.push(o);
  return out;
}

/** One declaration on record, as the supplementary rule needs it: its day, kind and total of assets. */
export interface RecordedDeclaration {
  declaredOn: IsoDate;
  kind: DeclarationKind;
  /** Total of the declared assets, whole đồng (assets.ts assetTotal). */
  total: number;
}

/**
 * The supplementary declaration owed for `year` (Điều 36 khoản 2 Luật PCTN 2018; docs/LAW.md §10.6):
 * the assets on record changed — up or down — by 300 million đồng or more within the year, that
 * is, a declaration made in the year (other than a supplementary one) differs by that much from
 * the declaration before it. Not owed by an annual declarant of the year (the same khoản: "trừ
 * trường hợp đã kê khai theo quy định tại khoản 3"). Due by 31/12 of the year. The reason names
 * the two declarations, never an amount: the obligated list carries names and status only.
 */
export function supplementaryDuty(
  officialId: string,
  year: number,
  declarations: readonly RecordedDeclaration[],
  annualInYear: boolean,
): Obligation | null {
  if (annualInYear) return null;
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  const sorted = [...declarations].sort((a, b) =>
    a.declaredOn < b.declaredOn ? -1 : a.declaredOn > b.declaredOn ? 1 : 0,
  );
  for (let i = 1; i < sorted.length; i++) {
    const d = sorted[i]!;
    if (d.declaredOn < first || d.declaredOn > last || d.kind === "supplementary") continue;
    const previous = sorted[i - 1]!;
    if (Math.abs(d.total - previous.total) < SUPPLEMENTARY_THRESHOLD_DONG) continue;
    return {
      officialId,
      kind: "supplementary",
      reason:
        `Tài sản biến động từ 300 triệu đồng trở lên trong năm ${year}: bản kê khai ngày ` +
        `${formatVietnameseDate(d.declaredOn)} (${DECLARATION_KIND_LABELS[d.kind].toLocaleLowerCase("vi")}) so với bản ` +
        `kê khai ngày ${formatVietnameseDate(previous.declaredOn)} — Điều 36 khoản 2 ${cite("LPCTN")}.`,
      dueFrom: d.declaredOn,
    };
  }
  return null;
}

/**
 * Days before the expected date of election, appointment… a before-appointment declaration is due
 * ("chậm nhất là 10 ngày trước ngày dự kiến", Điều 36 khoản 4 Luật PCTN 2018 as recalled: [P]).
 */
export const APPOINTMENT_DAYS_BEFORE = 10;

export function appointmentDue(expectedOn: IsoDate): IsoDate {
  return addDays(expectedOn, -APPOINTMENT_DAYS_BEFORE);
}
