/** API shapes of the working calendar and the deadline calculator (shared with the web app). */
import { NOTICE_DAY_KINDS } from "../calendar/notice-schema.ts";
import { DEADLINE_UNITS, type DeadlineUnit } from "../deadlines/rules.ts";
import { blankable, z } from "./zod-vi.ts";

export const yearParams = z.object({
  year: z.coerce
    .number({ error: "Năm phải là số." })
    .int({ error: "Năm phải là số nguyên." })
    .min(1990, { error: "Năm phải từ 1990 đến 2100." })
    .max(2100, { error: "Năm phải từ 1990 đến 2100." }),
});

const deadlineUnit = z.enum(DEADLINE_UNITS as unknown as [DeadlineUnit, ...DeadlineUnit[]]);

const listingDay = z.object({ date: z.string(), kind: z.enum(NOTICE_DAY_KINDS), name: z.string() });

export const calendarYearView = z.object({
  year: z.number().int(),
  provisional: z.boolean(),
  source: z.string().nullable(),
  note: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.string().nullable(),
  /** Weekdays that are not working days and weekend days that are (the CLI's listing). */
  days: z.array(listingDay),
  /** The notice as stored (holidays on weekends included): what an editor changes and saves back. */
  noticeDays: z.array(listingDay.extend({ note: z.string().optional() })),
});

/** Body of PUT /api/calendar/:year; checked in depth by the domain's yearNoticeSchema. */
export const calendarYearBody = z.strictObject({
  source: z.string().trim().min(1, { error: "Nhập căn cứ (số, ngày văn bản thông báo)." }).max(500),
  note: blankable(z.string().trim().max(2000).optional()),
  days: z
    .array(
      z.strictObject({
        date: z.string(),
        kind: z.enum(NOTICE_DAY_KINDS, { error: "Loại ngày không hợp lệ." }),
        name: z.string().trim().min(1, { error: "Nhập tên ngày nghỉ/ngày làm bù." }).max(200),
        note: blankable(z.string().max(500).optional()),
      }),
    )
    .max(60, { error: "Một năm không thể có quá 60 ngày đặc biệt." }),
});

export const movedDeadline = z.object({
  trackedId: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  label: z.string(),
  ruleId: z.string(),
  oldDue: z.string(),
  newDue: z.string(),
});

export const calendarSaveResult = calendarYearView.extend({
  movedDeadlines: z.array(movedDeadline),
  failedDeadlines: z.number().int(),
  changedDays: z.number().int(),
});

export const deadlineRuleView = z.object({
  id: z.string(),
  version: z.number().int(),
  title: z.string(),
  basis: z.string(),
  unit: deadlineUnit,
  length: z.number(),
  startEvent: z.string(),
  variants: z.record(z.string(), z.number()),
  extensions: z.object({ length: z.number(), max: z.number() }).nullable(),
  suspensionStopsClock: z.boolean(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  probable: z.boolean(),
  note: z.string().nullable(),
});

const step = <K extends string, D extends z.ZodRawShape>(kind: K, data: D) =>
  z.object({ kind: z.literal(kind), text: z.string(), date: z.string().optional(), data: z.object(data) });
const day = z.string();

/** One line of how a deadline was computed, with its data (deadlines/explanation.ts). */
export const explanationStep = z.discriminatedUnion("kind", [
  step("rule", { rule: z.string(), version: z.number(), basis: z.string(), validFrom: day, validTo: day.nullable() }),
  step("probable", { rule: z.string() }),
  step("configured", { rule: z.string() }),
  step("start", { date: day, event: z.string() }),
  step("start_day_excluded", { date: day, firstCountedDay: day, basis: z.string() }),
  step("period", { unit: deadlineUnit, length: z.number(), variant: z.string().optional() }),
  step("extension", { index: z.number(), length: z.number(), basis: z.string() }),
  step("total", { unit: deadlineUnit, length: z.number() }),
  step("suspension", { from: day, to: day, daysNotCounted: z.number() }),
  step("suspension_ignored", { count: z.number() }),
  step("skipped_day", {
    date: day,
    dayKind: z.string(),
    name: z.string().optional(),
    phase: z.enum(["count", "roll_forward"]),
  }),
  step("makeup_day_counted", { date: day, name: z.string().optional() }),
  step("period_end", { date: day, clampedToMonthEnd: z.boolean() }),
  step("roll_forward", { from: day, to: day, basis: z.string() }),
  step("fixed_date", { date: day, working: z.boolean() }),
  step("provisional_year", { year: z.number() }),
  step("due", { date: day }),
]);

export const deadlineResultView = z.object({
  rule: z.string(),
  ruleVersion: z.number().int(),
  basis: z.string(),
  title: z.string(),
  unit: deadlineUnit,
  length: z.number(),
  variant: z.string().optional(),
  extensions: z.number().int(),
  from: z.string(),
  due: z.string(),
  probable: z.boolean(),
  provisional: z.boolean(),
  explanation: z.array(explanationStep),
  status: z
    .object({ status: z.enum(["on_time", "due_soon", "overdue"]), remaining: z.number(), unit: z.string() })
    .optional(),
});

export const deadlineChange = z.object({
  id: z.number().int(),
  at: z.string(),
  oldDue: z.string(),
  newDue: z.string(),
  reason: z.string(),
  label: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  ruleId: z.string(),
});
