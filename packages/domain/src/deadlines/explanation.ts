/**
 * How a due date was reached, step by step, in words a citizen can follow: the rule and its
 * article, the start day not counted, the length, extensions, suspensions, each day skipped and
 * why, the roll-forward to a working day. Every step carries structured data for the UI too.
 */
import {
  formatVietnameseDate,
  partsFromDayNumber,
  WEEKDAY_NAMES,
  weekdayOfDayNumber,
  type DayNumber,
  type IsoDate,
} from "../calendar/iso-date.ts";
import type { DayKind, WorkCalendar } from "../calendar/work-calendar.ts";
import type { DeadlineResult, DueDays } from "./engine.ts";
import type { ResolvedInput } from "./rule-set.ts";
import { variantLabel, type DeadlineUnit } from "./rules.ts";
import { cite } from "../law/acts.ts";

const BLDS_147 = `Điều 147 ${cite("BLDS")}`;
const BLDS_148_1 = `Điều 148 khoản 1 ${cite("BLDS")}`;
const BLDS_148_2 = `Điều 148 khoản 2 ${cite("BLDS")}`;

/**
 * One step. `date`, when present, is the day the step reached (the start, a skipped day, the end
 * of the count, the due date), for interfaces that show it beside the text.
 */
export type ExplanationStep = { date?: IsoDate } & (
  | {
      kind: "rule";
      text: string;
      data: { rule: string; version: number; basis: string; validFrom: IsoDate; validTo: IsoDate | null };
    }
  | { kind: "probable"; text: string; data: { rule: string } }
  | { kind: "configured"; text: string; data: { rule: string } }
  | { kind: "start"; text: string; data: { date: IsoDate; event: string } }
  | { kind: "start_day_excluded"; text: string; data: { date: IsoDate; firstCountedDay: IsoDate; basis: string } }
  | { kind: "period"; text: string; data: { unit: DeadlineUnit; length: number; variant?: string } }
  | { kind: "extension"; text: string; data: { index: number; length: number; basis: string } }
  | { kind: "total"; text: string; data: { unit: DeadlineUnit; length: number } }
  | { kind: "suspension"; text: string; data: { from: IsoDate; to: IsoDate; daysNotCounted: number } }
  | { kind: "suspension_ignored"; text: string; data: { count: number } }
  | {
      kind: "skipped_day";
      text: string;
      data: { date: IsoDate; dayKind: DayKind; name?: string; phase: "count" | "roll_forward" };
    }
  | { kind: "makeup_day_counted"; text: string; data: { date: IsoDate; name?: string } }
  | { kind: "period_end"; text: string; data: { date: IsoDate; clampedToMonthEnd: boolean } }
  | { kind: "roll_forward"; text: string; data: { from: IsoDate; to: IsoDate; basis: string } }
  | { kind: "fixed_date"; text: string; data: { date: IsoDate; working: boolean } }
  | { kind: "provisional_year"; text: string; data: { year: number } }
  | { kind: "due"; text: string; data: { date: IsoDate } }
);

export type ExplanationStepKind = ExplanationStep["kind"];

function dateText(iso: IsoDate): string {
  return formatVietnameseDate(iso);
}

function weekday(day: DayNumber): string {
  return WEEKDAY_NAMES[weekdayOfDayNumber(day)]!;
}

/** "14/02/2026 (Thứ Bảy)". */
function dayText(cal: WorkCalendar, day: DayNumber): string {
  return `${dateText(cal.days.isoOf(day))} (${weekday(day)})`;
}

/** Why a day is not a working day, in words. */
function reason(cal: WorkCalendar, day: DayNumber): string {
  const kind = cal.days.kind(day);
  const name = cal.days.name(day);
  switch (kind) {
    case "weekend":
      return "ngày nghỉ hằng tuần";
    case "holiday":
      return `ngày nghỉ lễ — ${name ?? "ngày lễ"}`;
    case "compensatory":
      return `ngày nghỉ bù — ${name ?? "nghỉ bù"}`;
    case "swap_off":
      return `ngày nghỉ do hoán đổi ngày làm việc — ${name ?? "hoán đổi"}`;
    case "workday":
    case "makeup_workday":
      return "ngày làm việc";
  }
}

function skippedDay(cal: WorkCalendar, day: DayNumber, phase: "count" | "roll_forward"): ExplanationStep {
  const name = cal.days.name(day);
  const text =
    phase === "count"
      ? `Không tính ${dayText(cal, day)}: ${reason(cal, day)}.`
      : `${dayText(cal, day)} không phải ngày làm việc: ${reason(cal, day)}.`;
  const data: { date: IsoDate; dayKind: DayKind; name?: string; phase: "count" | "roll_forward" } = {
    date: cal.days.isoOf(day),
    dayKind: cal.days.kind(day),
    phase,
  };
  if (name !== undefined) data.name = name;
  return { kind: "skipped_day", text, date: data.date, data };
}

function unitWords(unit: DeadlineUnit, length: number): string {
  switch (unit) {
    case "calendar_day":
      return `${length} ngày`;
    case "working_day":
      return `${length} ngày làm việc`;
    case "month":
      return `${length} tháng`;
    case "year":
      return `${length} năm`;
    case "fixed_date":
      return "ngày cố định";
  }
}

/**
 * `suspended[i]` is the number of days (working days for working-day rules) suspension i removed
 * from the count, as reported by the engine's computation.
 */
export function buildExplanation(
  r: ResolvedInput,
  days: DueDays,
  cal: WorkCalendar,
  suspended: readonly number[],
): ExplanationStep[] {
  const rule = r.rule;
  const iso = (d: DayNumber): IsoDate => cal.days.isoOf(d);
  const steps: ExplanationStep[] = [];

  steps.push({
    kind: "rule",
    text: `Căn cứ: ${rule.basis} — ${rule.title} (phiên bản ${rule.version}, áp dụng cho việc có ngày bắt đầu từ ${dateText(rule.validFrom)}${rule.validTo ? ` đến ${dateText(rule.validTo)}` : ""}).`,
    data: { rule: rule.id, version: rule.version, basis: rule.basis, validFrom: rule.validFrom, validTo: rule.validTo },
  });
  if (rule.probable) {
    steps.push({
      kind: "probable",
      text: "Lưu ý: cách hiểu chưa được đối chiếu văn bản gốc.",
      data: { rule: rule.id },
    });
  }
  if (rule.configured) {
    steps.push({
      kind: "configured",
      text: "Độ dài thời hạn theo cấu hình của cơ quan, khác giá trị mặc định của hệ thống.",
      data: { rule: rule.id },
    });
  }
  steps.push({
    kind: "start",
    text: `Sự kiện bắt đầu: ${rule.startEvent} — ngày ${dayText(cal, r.from)}.`,
    date: iso(r.from),
    data: { date: iso(r.from), event: rule.startEvent },
  });

  if (rule.unit === "fixed_date") {
    const fixed = rule.fixed!;
    const working = cal.days.isWorking(days.due);
    steps.push({
      kind: "fixed_date",
      text:
        `Hạn là ngày cố định ${String(fixed.day).padStart(2, "0")}/${String(fixed.month).padStart(2, "0")} của năm ${partsFromDayNumber(r.from).year}: ${dayText(cal, days.due)}. ` +
        `Đây là mốc ngày do văn bản ấn định, không phải thời hạn tính từ ngày bắt đầu, nên không áp dụng cách tính của Điều 147–148 Bộ luật Dân sự 2015` +
        (working
          ? "."
          : `; ngày này là ${reason(cal, days.due)}, hệ thống vẫn giữ nguyên mốc nên cần hoàn thành trước đó.`),
      date: iso(days.due),
      data: { date: iso(days.due), working },
    });
  } else {
    steps.push({
      kind: "start_day_excluded",
      text: `Ngày bắt đầu không tính; thời hạn được tính từ ngày tiếp theo, ${dayText(cal, r.from + 1)} (${BLDS_147}).`,
      date: iso(r.from + 1),
      data: { date: iso(r.from), firstCountedDay: iso(r.from + 1), basis: BLDS_147 },
    });
    const variantText = r.variant !== undefined ? ` (${variantLabel(r.variant)})` : "";
    const how =
      rule.unit === "calendar_day"
        ? ", tính theo ngày dương lịch, kể cả ngày nghỉ và ngày lễ; chỉ khi ngày cuối cùng là ngày nghỉ thì thời hạn kéo dài đến ngày làm việc tiếp theo"
        : rule.unit === "working_day"
          ? ": chỉ tính ngày làm việc của cơ quan nhà nước (không tính thứ Bảy, Chủ nhật, ngày lễ, ngày nghỉ bù, ngày nghỉ hoán đổi; có tính thứ Bảy làm bù)"
          : `: kết thúc vào ngày tương ứng của ${rule.unit === "month" ? "tháng" : "năm"} cuối cùng (${BLDS_148_1})`;
    const periodData: { unit: DeadlineUnit; length: number; variant?: string } = {
      unit: rule.unit,
      length: r.baseLength,
    };
    if (r.variant !== undefined) periodData.variant = r.variant;
    steps.push({
      kind: "period",
      text: `Thời hạn ${unitWords(rule.unit, r.baseLength)}${variantText}${how}.`,
      data: periodData,
    });

    const policy = rule.extensions;
    if (policy) {
      for (let i = 1; i <= r.extensions; i++) {
        steps.push({
          kind: "extension",
          text: `Gia hạn lần ${i}: thêm ${unitWords(rule.unit, policy.length)} (${policy.basis}).`,
          data: { index: i, length: policy.length, basis: policy.basis },
        });
      }
      if (r.extensions > 0) {
        steps.push({
          kind: "total",
          text: `Tổng thời hạn sau gia hạn: ${unitWords(rule.unit, r.length)}, tính từ ngày bắt đầu.`,
          data: { unit: rule.unit, length: r.length },
        });
      }
    }

    for (let i = 0; i < r.suspFrom.length; i++) {
      const n = suspended[i] ?? 0;
      const a = iso(r.suspFrom[i]!);
      const b = iso(r.suspTo[i]!);
      const what = rule.unit === "working_day" ? "ngày làm việc" : "ngày";
      steps.push({
        kind: "suspension",
        text:
          n > 0
            ? `Tạm đình chỉ từ ${dateText(a)} đến ${dateText(b)}: ${n} ${what} trong thời gian này không được tính, thời hạn kéo dài tương ứng.`
            : r.suspTo[i]! <= r.from
              ? `Tạm đình chỉ ngày ${dateText(a)}: là ngày bắt đầu, vốn không được tính, nên không ảnh hưởng.`
              : rule.unit === "working_day"
                ? `Tạm đình chỉ từ ${dateText(a)} đến ${dateText(b)}: không có ngày làm việc nào của thời hạn đang tính bị trừ.`
                : `Tạm đình chỉ từ ${dateText(a)} đến ${dateText(b)}: bắt đầu sau ngày cuối cùng của thời hạn nên không ảnh hưởng.`,
        data: { from: a, to: b, daysNotCounted: n },
      });
    }
    if (r.ignoredSuspensions > 0) {
      steps.push({
        kind: "suspension_ignored",
        text: `Có ${r.ignoredSuspensions} khoảng tạm đình chỉ, nhưng việc tạm đình chỉ không làm dừng thời hạn này.`,
        data: { count: r.ignoredSuspensions },
      });
    }

    if (rule.unit === "working_day") {
      const inSuspension = (d: DayNumber): boolean => {
        for (let i = 0; i < r.suspFrom.length; i++) if (d >= r.suspFrom[i]! && d <= r.suspTo[i]!) return true;
        return false;
      };
      for (let d = r.from + 1; d <= days.due; d++) {
        if (inSuspension(d)) continue;
        const kind = cal.days.kind(d);
        if (kind === "makeup_workday") {
          const name = cal.days.name(d);
          const data: { date: IsoDate; name?: string } = { date: iso(d) };
          if (name !== undefined) data.name = name;
          steps.push({
            kind: "makeup_day_counted",
            text: `Có tính ${dayText(cal, d)}: ngày làm bù${name ? ` — ${name}` : ""}.`,
            date: data.date,
            data,
          });
        } else if (kind !== "workday") {
          steps.push(skippedDay(cal, d, "count"));
        }
      }
      steps.push({
        kind: "period_end",
        text: `Ngày làm việc thứ ${r.length} là ${dayText(cal, days.end)}.`,
        date: iso(days.end),
        data: { date: iso(days.end), clampedToMonthEnd: false },
      });
    } else {
      const fromParts = partsFromDayNumber(r.from);
      const endParts = partsFromDayNumber(days.end);
      const clamped =
        (rule.unit === "month" || rule.unit === "year") && r.suspFrom.length === 0 && endParts.day !== fromParts.day;
      const text =
        rule.unit === "calendar_day"
          ? `Ngày thứ ${r.length} được tính${r.suspFrom.length > 0 ? " (sau khi cộng số ngày tạm đình chỉ)" : ""} là ${dayText(cal, days.end)}.`
          : clamped
            ? `Tháng ${endParts.month}/${endParts.year} không có ngày ${fromParts.day} nên ngày cuối cùng của thời hạn là ngày cuối tháng, ${dayText(cal, days.end)} (${BLDS_148_1}).`
            : `Ngày tương ứng của ${rule.unit === "month" ? "tháng" : "năm"} cuối cùng${r.suspFrom.length > 0 ? " (sau khi cộng số ngày tạm đình chỉ)" : ""} là ${dayText(cal, days.end)}.`;
      steps.push({
        kind: "period_end",
        text,
        date: iso(days.end),
        data: { date: iso(days.end), clampedToMonthEnd: clamped },
      });
      if (days.due !== days.end) {
        for (let d = days.end; d < days.due; d++) steps.push(skippedDay(cal, d, "roll_forward"));
        steps.push({
          kind: "roll_forward",
          text: `Ngày cuối cùng của thời hạn là ngày nghỉ nên thời hạn kết thúc vào ngày làm việc tiếp theo, ${dayText(cal, days.due)} (${BLDS_148_2}).`,
          date: iso(days.due),
          data: { from: iso(days.end), to: iso(days.due), basis: BLDS_148_2 },
        });
      }
    }
  }

  const y1 = partsFromDayNumber(Math.min(r.from, days.due)).year;
  const y2 = partsFromDayNumber(Math.max(r.from, days.due)).year;
  for (let y = y1; y <= y2; y++) {
    if (cal.isProvisional(y)) {
      steps.push({
        kind: "provisional_year",
        text: `Năm ${y} chưa có thông báo chính thức về lịch nghỉ lễ, Tết; ngày nghỉ được tạm tính theo Bộ luật Lao động, nên hạn có thể thay đổi khi có thông báo.`,
        data: { year: y },
      });
    }
  }
  steps.push({
    kind: "due",
    text: `Hạn cuối: hết ngày ${dayText(cal, days.due)}.`,
    date: iso(days.due),
    data: { date: iso(days.due) },
  });
  return steps;
}

/** The explanation as readable Vietnamese lines (dates dd/mm/yyyy). */
export function explanationLines(result: Pick<DeadlineResult, "explanation">): string[] {
  return result.explanation.map((step) => step.text);
}

/** The explanation as one numbered text, one step per line. */
export function explanationText(result: Pick<DeadlineResult, "explanation">): string {
  return explanationLines(result)
    .map((line, i) => `${i + 1}. ${line}`)
    .join("\n");
}
