/**
 * The yearly official notice on days off (thông báo nghỉ lễ, Tết) as data, and its validation.
 *
 * For civil servants the ministry in charge of labour matters (Bộ Nội vụ since the 2025 merger)
 * publishes, after the Prime Minister's approval, the exact Tết and National Day days,
 * compensatory days (nghỉ bù, Bộ luật Lao động 2019 Điều 111 khoản 3) and swapped days
 * (hoán đổi: a weekday off, a Saturday worked). docs/LAW.md §7.4, §13.1(3).
 *
 * Only days that differ from the plain Monday–Friday week need listing, but holidays falling on a
 * weekend should be listed too (they explain the compensatory day that follows).
 */
import { z } from "zod";
import { isoFromDayNumber, parseIsoDate, WEEKDAY_NAMES, weekdayOfDayNumber, type IsoDate } from "./iso-date.ts";

export const CALENDAR_MIN_YEAR = 1990;
export const CALENDAR_MAX_YEAR = 2100;

export const NOTICE_DAY_KINDS = ["holiday", "compensatory", "swap_off", "makeup_workday"] as const;
export type NoticeDayKind = (typeof NOTICE_DAY_KINDS)[number];

export interface NoticeDay {
  date: IsoDate;
  kind: NoticeDayKind;
  /** Vietnamese name shown to people: "Tết Âm lịch (mùng 1 tháng Giêng)", "Làm bù cho thứ Sáu 02/05/2025". */
  name: string;
  /** What is uncertain about this day, if anything. */
  note?: string;
}

export interface YearNotice {
  year: number;
  /** The instrument(s) the days come from: "Văn bản 12729/VPCP-KGVX ngày 25/12/2025 ...". */
  source: string;
  /** Uncertainties of the notice as a whole. */
  note?: string;
  days: NoticeDay[];
}

const KIND_LABEL: Record<NoticeDayKind, string> = {
  holiday: "Ngày lễ",
  compensatory: "Ngày nghỉ bù",
  swap_off: "Ngày nghỉ do hoán đổi",
  makeup_workday: "Ngày làm bù",
};

type PathPart = PropertyKey;

/** `days[3].date` from ['days', 3, 'date']. */
export function formatPath(path: readonly PathPart[] | undefined): string {
  let out = "";
  for (const part of path ?? []) {
    out += typeof part === "number" ? `[${part}]` : out === "" ? String(part) : `.${String(part)}`;
  }
  return out;
}

function at(iss: { path?: readonly PathPart[] | undefined }): string {
  const p = formatPath(iss.path);
  return p === "" ? "" : ` (${p})`;
}

const noticeDayInput = z.object({
  date: z.string({ error: (iss) => `Ngày phải là chuỗi dạng YYYY-MM-DD${at(iss)}` }),
  kind: z.enum(NOTICE_DAY_KINDS, {
    error: (iss) =>
      `Loại ngày ${JSON.stringify(iss.input)} không hợp lệ; phải là holiday, compensatory, swap_off hoặc makeup_workday${at(iss)}`,
  }),
  name: z
    .string({ error: (iss) => `Thiếu tên ngày${at(iss)}` })
    .trim()
    .min(1, { error: (iss) => `Tên ngày không được để trống${at(iss)}` }),
  note: z.string({ error: (iss) => `Ghi chú phải là chuỗi${at(iss)}` }).optional(),
});

const noticeInput = z.object({
  year: z
    .number({ error: (iss) => `Năm phải là số${at(iss)}` })
    .int({ error: (iss) => `Năm phải là số nguyên${at(iss)}` })
    .min(CALENDAR_MIN_YEAR, {
      error: (iss) => `Năm ${String(iss.input)} nằm ngoài phạm vi ${CALENDAR_MIN_YEAR}–${CALENDAR_MAX_YEAR}${at(iss)}`,
    })
    .max(CALENDAR_MAX_YEAR, {
      error: (iss) => `Năm ${String(iss.input)} nằm ngoài phạm vi ${CALENDAR_MIN_YEAR}–${CALENDAR_MAX_YEAR}${at(iss)}`,
    }),
  source: z
    .string({ error: (iss) => `Thiếu nguồn văn bản${at(iss)}` })
    .trim()
    .min(1, { error: (iss) => `Nguồn văn bản không được để trống${at(iss)}` }),
  note: z.string({ error: (iss) => `Ghi chú phải là chuỗi${at(iss)}` }).optional(),
  days: z.array(noticeDayInput, { error: (iss) => `Danh sách ngày (days) phải là một mảng${at(iss)}` }),
});

/**
 * Validates an imported notice file. Every problem is reported with the place it was found,
 * e.g. "Ngày 2026-02-30 không hợp lệ (days[3].date)".
 */
export const yearNoticeSchema = noticeInput.superRefine((notice, ctx) => {
  const seen = new Map<number, number>();
  notice.days.forEach((day, i) => {
    const where = `days[${i}].date`;
    const path = ["days", i, "date"];
    const n = parseIsoDate(day.date);
    if (n === undefined) {
      const message = /^\d{4}-\d{2}-\d{2}$/.test(day.date)
        ? `Ngày ${day.date} không hợp lệ (${where})`
        : `Ngày "${day.date}" không đúng định dạng YYYY-MM-DD (${where})`;
      ctx.addIssue({ code: "custom", message, path });
      return;
    }
    if (Number(day.date.slice(0, 4)) !== notice.year) {
      ctx.addIssue({
        code: "custom",
        message: `Ngày ${day.date} không thuộc năm ${notice.year} của thông báo (${where})`,
        path,
      });
    }
    const previous = seen.get(n);
    if (previous !== undefined) {
      ctx.addIssue({
        code: "custom",
        message: `Ngày ${day.date} bị trùng, đã có ở days[${previous}] (${where})`,
        path,
      });
    } else {
      seen.set(n, i);
    }
    const weekday = weekdayOfDayNumber(n);
    const weekend = weekday === 0 || weekday === 6;
    if (day.kind === "makeup_workday" && !weekend) {
      ctx.addIssue({
        code: "custom",
        message: `${KIND_LABEL[day.kind]} ${day.date} phải là thứ Bảy hoặc Chủ nhật, nhưng là ${WEEKDAY_NAMES[weekday]} (${where})`,
        path,
      });
    }
    if ((day.kind === "compensatory" || day.kind === "swap_off") && weekend) {
      ctx.addIssue({
        code: "custom",
        message: `${KIND_LABEL[day.kind]} ${day.date} phải là ngày từ thứ Hai đến thứ Sáu, nhưng là ${WEEKDAY_NAMES[weekday]} (${where})`,
        path,
      });
    }
  });
});

export type YearNoticeInput = z.input<typeof yearNoticeSchema>;

export type NoticeValidation = { ok: true; notice: YearNotice } | { ok: false; errors: string[] };

/** Validates and normalises (days sorted by date) a notice; never throws. */
export function validateYearNotice(input: unknown): NoticeValidation {
  const result = yearNoticeSchema.safeParse(input);
  if (!result.success) return { ok: false, errors: result.error.issues.map((issue) => issue.message) };
  const notice: YearNotice = {
    ...result.data,
    days: [...result.data.days].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)),
  };
  return { ok: true, notice };
}

export function kindLabel(kind: NoticeDayKind): string {
  return KIND_LABEL[kind];
}

/** Readable name of a weekday day number, used in generated names ("thứ Sáu 02/01/2026"). */
export function describeDay(dayNumber: number): string {
  const iso = isoFromDayNumber(dayNumber);
  return `${WEEKDAY_NAMES[weekdayOfDayNumber(dayNumber)]} ${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}
