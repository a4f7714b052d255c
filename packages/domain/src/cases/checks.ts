/**
 * What every step of the case machine shares: the stable problem codes, and a collector that checks
 * required texts, dates (not after today, not before the events they follow) and figures.
 */
import { formatVietnameseDate, isValidIsoDate, type IsoDate } from "../calendar/iso-date.ts";
import { computeDue } from "../deadlines/engine.ts";
import { DeadlineError } from "../deadlines/errors.ts";
import type { DeadlineInput } from "../deadlines/rule-set.ts";
import type { Problem } from "../problem.ts";
import type { CaseAction, CaseActionInput } from "./actions.ts";
import {
  AMOUNT_FIELD_LIST,
  AMOUNT_FIELDS,
  AMOUNT_MAX,
  NO_AMOUNTS,
  type CaseAmounts,
  type CaseContext,
} from "./case.ts";
import { cite } from "../law/acts.ts";

export const LKN = cite("LKN");
export const LTC = cite("LTC");
export const ND124 = cite("ND124");
export const ND31 = cite("ND31");

/** Stable codes of the problems this machine reports. */
export type CaseProblemCode =
  | "ACTION_UNKNOWN"
  | "KIND_UNKNOWN"
  | "CASE_KIND_MISMATCH"
  | "CASE_WRONG_STATE"
  | "CASE_NOT_ACCEPTED"
  | "CASE_NOT_VERIFIED"
  | "INSTANCE_REQUIRED"
  | "INSTANCE_NOT_FOR_DENUNCIATION"
  | "FIRST_INSTANCE_REQUIRED"
  | "FIRST_INSTANCE_NOT_ALLOWED"
  | "REPEATED_ONLY_FOR_DENUNCIATION"
  | "DATE_INVALID"
  | "DATE_IN_FUTURE"
  | "DATE_TOO_EARLY"
  | "DATE_AFTER_RECEIPT"
  | "TEXT_REQUIRED"
  | "VALUE_INVALID"
  | "GROUND_TICKED"
  | "GROUND_REQUIRED"
  | "GROUND_UNKNOWN"
  | "LIMITATION_EXPIRED"
  | "LIMITATION_EXCUSED"
  | "ACCEPTANCE_LATE"
  | "INITIAL_PROCESSING_LATE"
  | "CONDITIONS_REQUIRED"
  | "CONDITION_NOT_MET"
  | "INITIAL_ALREADY_EXTENDED"
  | "INITIAL_EXTENSION_LATE"
  | "NOTIFY_DENOUNCER_REQUIRED"
  | "TRANSFER_LATE"
  | "JUSTIFICATION_REQUIRED"
  | "DIFFERS_FROM_DEMAND_REQUIRED"
  | "PARTICIPANTS_REQUIRED"
  | "DIALOGUE_REQUIRED"
  | "OUTCOME_REQUIRED"
  | "UPHELD_REQUIRED"
  | "UPHELD_NOT_ALLOWED"
  | "AMOUNT_INVALID"
  | "CADRES_EXCEED_TOTAL"
  | "RESOLUTION_LATE"
  | "CRITERION_UNKNOWN"
  | "COMPLEXITY_BELOW_EXTENSIONS"
  | "EXTENSION_NOT_ALLOWED"
  | "EXTENSION_LIMIT_REACHED"
  | "EXTENSION_AFTER_DUE"
  | "PUBLICATION_METHOD_UNKNOWN"
  | "PUBLICATION_TOO_SHORT"
  | "DENOUNCER_DATA_NOT_REMOVED"
  | "PUBLICATION_REQUIRED"
  | "ENFORCEMENT_EXCEEDS_DECISION"
  | "ENFORCEMENT_NOT_RECORDED"
  | "HANDLING_REQUIRED"
  | "WITHDRAWAL_CONTINUED"
  | "NUMBER_FROM_REGISTER";

export type CaseProblem = Problem<CaseProblemCode>;

export type Text = string | null | undefined;
export type In<A extends CaseAction> = Extract<CaseActionInput, { action: A }>;

export const fmt = formatVietnameseDate;
export const blank = (value: Text): boolean => typeof value !== "string" || value.trim() === "";
export const clean = (value: Text): string | null => (blank(value) ? null : (value as string).trim());
export const lcFirst = (text: string): string => text.charAt(0).toLowerCase() + text.slice(1);

export interface Bound {
  date: IsoDate | null | undefined;
  /** "ngày thụ lý" — lower case, it follows "không được trước". */
  label: string;
}

/** Collects the problems of one step. */
export class Checks {
  readonly problems: CaseProblem[] = [];
  constructor(readonly ctx: CaseContext) {}

  error(code: CaseProblemCode, field: string, message: string, basis?: string): void {
    this.problems.push(
      basis ? { code, field, message, severity: "error", basis } : { code, field, message, severity: "error" },
    );
  }

  warn(code: CaseProblemCode, field: string, message: string, basis?: string): void {
    this.problems.push(
      basis ? { code, field, message, severity: "warning", basis } : { code, field, message, severity: "warning" },
    );
  }

  /** A required text, trimmed; "" after an error. */
  text(field: string, value: Text, message: string): string {
    if (blank(value)) {
      this.error("TEXT_REQUIRED", field, message);
      return "";
    }
    return (value as string).trim();
  }

  /** A date that must exist, not be after today (unless `future`), nor before any of `bounds`. */
  date(field: string, value: Text, label: string, bounds: readonly Bound[] = [], future = false): value is IsoDate {
    if (!isValidIsoDate(value)) {
      this.error("DATE_INVALID", field, `${label}: nhập ngày hợp lệ.`);
      return false;
    }
    let ok = true;
    if (!future && value > this.ctx.today) {
      this.error(
        "DATE_IN_FUTURE",
        field,
        `${label} (${fmt(value)}) không được sau ngày hôm nay (${fmt(this.ctx.today)}).`,
      );
      ok = false;
    }
    for (const b of bounds) {
      if (b.date && value < b.date) {
        this.error("DATE_TOO_EARLY", field, `${label} (${fmt(value)}) không được trước ${b.label} (${fmt(b.date)}).`);
        ok = false;
      }
    }
    return ok;
  }

  amounts(value: Partial<CaseAmounts> | null | undefined, prefix: string): CaseAmounts {
    const out: CaseAmounts = { ...NO_AMOUNTS };
    for (const key of AMOUNT_FIELD_LIST) {
      const raw = value?.[key];
      if (raw === undefined || raw === null) continue;
      const { label, unit } = AMOUNT_FIELDS[key];
      const field = `${prefix}.${key}`;
      if (typeof raw !== "number" || !Number.isFinite(raw)) {
        const what = unit === "million_vnd" ? "một số (triệu đồng)" : unit === "m2" ? "một số (m²)" : "một số nguyên";
        this.error("AMOUNT_INVALID", field, `${label} phải là ${what}.`);
      } else if (raw < 0) {
        this.error("AMOUNT_INVALID", field, `${label} không được âm.`);
      } else if (unit === "count" && !Number.isInteger(raw)) {
        this.error("AMOUNT_INVALID", field, `${label} phải là số nguyên.`);
      } else if (raw > AMOUNT_MAX) {
        this.error("AMOUNT_INVALID", field, `${label} quá lớn; kiểm tra lại đơn vị.`);
      } else {
        out[key] = raw;
      }
    }
    if (out.disciplineCadres > out.disciplineRecommended) {
      this.error(
        "CADRES_EXCEED_TOTAL",
        `${prefix}.disciplineCadres`,
        "Số cán bộ, công chức bị kiến nghị xử lý không được lớn hơn tổng số người bị kiến nghị xử lý.",
      );
    }
    return out;
  }

  /** A non-negative number (money, land) or 0 when absent. */
  quantity(field: string, value: number | null | undefined, label: string): number {
    if (value === undefined || value === null) return 0;
    if (typeof value !== "number" || !Number.isFinite(value)) {
      this.error("AMOUNT_INVALID", field, `${label} phải là một số.`);
      return 0;
    }
    if (value < 0) {
      this.error("AMOUNT_INVALID", field, `${label} không được âm.`);
      return 0;
    }
    return value;
  }

  due(input: DeadlineInput | null): IsoDate | null {
    if (!input) return null;
    try {
      return computeDue(input, { calendar: this.ctx.calendar, rules: this.ctx.rules });
    } catch (e) {
      if (e instanceof DeadlineError) return null;
      throw e;
    }
  }
}
