/**
 * Periodic job rotation (chuyển đổi vị trí công tác) — Luật PCTN 2018 Điều 25; Nghị định 59/2019
 * Điều 36–39; docs/LAW.md §10.2. Each person in a rotation position has a tenure clock from the
 * day he took it; he is due from a full 24 months, and the sector's period (24–60 months) is the
 * most he may stay. Not subject: less than 18 months before retirement (Điều 38). Deferred while a
 * recorded ground runs, with its evidence and end date (Điều 39).
 */
import { formatVietnameseDate, type IsoDate } from "../calendar/iso-date.ts";

/** A full two years in the position before rotation (Điều 25 khoản 2). */
export const ROTATION_MIN_MONTHS = 24;
/** Less than this many months to retirement: not rotated (Điều 38 Nghị định 59/2019). */
export const RETIREMENT_EXEMPT_MONTHS = 18;
/** "Approaching the maximum": within this many months of the sector's period. */
export const ROTATION_WARNING_MONTHS = 6;

export const DEFERRAL_KINDS = [
  "discipline",
  "investigation",
  "illness",
  "study_or_secondment",
  "child_under_36_months",
] as const;
export type DeferralKind = (typeof DEFERRAL_KINDS)[number];

export const DEFERRAL_LABELS: Readonly<Record<DeferralKind, string>> = {
  discipline: "Đang bị xem xét, xử lý kỷ luật",
  investigation: "Đang bị kiểm tra, xác minh, thanh tra, điều tra, truy tố, xét xử",
  illness: "Đang điều trị bệnh hiểm nghèo",
  study_or_secondment: "Đang đi học tập trung từ 12 tháng trở lên, đang biệt phái",
  child_under_36_months: "Đang mang thai, nuôi con dưới 36 tháng tuổi",
};

/** How the year's rotation plan was made public in the agency (docs/LAW.md §10.7). */
export const ANNOUNCEMENT_FORMS = ["posted", "meeting", "written_notice", "website"] as const;
export type AnnouncementForm = (typeof ANNOUNCEMENT_FORMS)[number];

export const ANNOUNCEMENT_FORM_LABELS: Readonly<Record<AnnouncementForm, string>> = {
  posted: "Niêm yết tại trụ sở",
  meeting: "Thông báo tại cuộc họp cơ quan",
  written_notice: "Văn bản thông báo đến cán bộ, đơn vị",
  website: "Đăng trên trang thông tin điện tử",
};

export type RotationStatus = "not_due" | "due" | "approaching_max" | "over_max" | "retirement_exempt" | "deferred";

export const ROTATION_STATUS_LABELS: Readonly<Record<RotationStatus, string>> = {
  not_due: "Chưa đủ 24 tháng",
  due: "Đến hạn chuyển đổi",
  approaching_max: "Sắp hết thời hạn tối đa",
  over_max: "Quá thời hạn tối đa",
  retirement_exempt: "Không chuyển đổi: còn dưới 18 tháng đến tuổi nghỉ hưu",
  deferred: "Tạm hoãn chuyển đổi",
};

/** Whole months from `from` to `on` (a month counts when its day-of-month is reached). */
export function fullMonths(from: IsoDate, on: IsoDate): number {
  const [fy, fm, fd] = from.split("-").map(Number) as [number, number, number];
  const [y, m, d] = on.split("-").map(Number) as [number, number, number];
  let months = (y - fy) * 12 + (m - fm);
  if (d < fd) months--;
  return Math.max(0, months);
}

export interface RotationFacts {
  /** The rotation position held on the day, with when it was taken. */
  position: { name: string; from: IsoDate; periodMonths: number; sector: string };
  expectedRetirement: IsoDate | null;
  deferrals: readonly { kind: DeferralKind; from: IsoDate; to: IsoDate }[];
}

export interface RotationClock {
  tenureMonths: number;
  periodMonths: number;
  /** The day the full 24 months are reached, and the day the sector's period ends. */
  dueFrom: IsoDate;
  maxOn: IsoDate;
  status: RotationStatus;
  detail: string;
}

function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${ny}-${String(nm).padStart(2, "0")}-${String(Math.min(d, last)).padStart(2, "0")}`;
}

export function rotationClock(facts: RotationFacts, on: IsoDate): RotationClock {
  const tenureMonths = fullMonths(facts.position.from, on);
  const periodMonths = facts.position.periodMonths;
  const dueFrom = addMonths(facts.position.from, ROTATION_MIN_MONTHS);
  const maxOn = addMonths(facts.position.from, periodMonths);
  const base = { tenureMonths, periodMonths, dueFrom, maxOn };
  if (
    facts.expectedRetirement &&
    fullMonths(on, facts.expectedRetirement) < RETIREMENT_EXEMPT_MONTHS &&
    on < facts.expectedRetirement
  )
    return {
      ...base,
      status: "retirement_exempt",
      detail: `Dự kiến nghỉ hưu ${formatVietnameseDate(facts.expectedRetirement)} (Điều 38 Nghị định 59/2019/NĐ-CP)`,
    };
  const running = facts.deferrals.find((x) => x.from <= on && x.to >= on);
  if (running)
    return {
      ...base,
      status: "deferred",
      detail: `${DEFERRAL_LABELS[running.kind]} đến ${formatVietnameseDate(running.to)} (Điều 39 Nghị định 59/2019/NĐ-CP)`,
    };
  if (tenureMonths < ROTATION_MIN_MONTHS)
    return { ...base, status: "not_due", detail: `Đủ 24 tháng từ ${formatVietnameseDate(dueFrom)}` };
  if (on >= maxOn)
    return {
      ...base,
      status: "over_max",
      detail: `Thời hạn ${periodMonths} tháng đã hết ${formatVietnameseDate(maxOn)}`,
    };
  if (tenureMonths >= periodMonths - ROTATION_WARNING_MONTHS)
    return {
      ...base,
      status: "approaching_max",
      detail: `Hết thời hạn ${periodMonths} tháng ngày ${formatVietnameseDate(maxOn)}`,
    };
  return { ...base, status: "due", detail: `Đã đủ 24 tháng từ ${formatVietnameseDate(dueFrom)}` };
}

// ---- The execution of the yearly rotation plan (docs/LAW.md §10.2) ---------------------------

/**
 * A person in the year's rotation plan is first `planned` (the day the plan listing him was
 * approved), then closed once: `done` (rotated: by which decision, decided and executed on which
 * day, to which position), `exempted` (not rotated: less than 18 months to retirement, Điều 38
 * Nghị định 59/2019, or another ground the competent body decided, with its reason), or `deferred`
 * (a ground of Điều 39 running, with its evidence and end). Each is counted by the 01/PCTN figures
 * on the date of its own event.
 */
export const ROTATION_OUTCOMES = ["planned", "done", "exempted", "deferred"] as const;
export type RotationOutcome = (typeof ROTATION_OUTCOMES)[number];

export const ROTATION_OUTCOME_LABELS: Readonly<Record<RotationOutcome, string>> = {
  planned: "Trong kế hoạch, chưa thực hiện",
  done: "Đã chuyển đổi",
  exempted: "Không thực hiện chuyển đổi",
  deferred: "Tạm hoãn chuyển đổi",
};

/** The date an outcome is counted on: executed (done), decided (exempted), deferral start. */
export function rotationOutcomeDate(o: {
  outcome: Exclude<RotationOutcome, "planned">;
  executedOn?: IsoDate | null;
  on?: IsoDate | null;
  from?: IsoDate | null;
}): IsoDate {
  const date = o.outcome === "done" ? o.executedOn : o.outcome === "exempted" ? o.on : o.from;
  if (!date) throw new Error(`rotationOutcomeDate: ${o.outcome} without its date`);
  return date;
}
