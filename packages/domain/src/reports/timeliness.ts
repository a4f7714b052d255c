/**
 * When each level must send a period's report to its superior, and whether a unit is late
 * (docs/LAW.md §11.1, §11.3). The number of working days per level is data: the deadline rule
 * `report.submit` (deadlines/rules.ts, one version per reporting regime, marked probable until the
 * circular is read), computed by the deadline engine from the period's last day (its data cut-off).
 * Nothing here re-counts days: due dates come from `computeDue`, and the calendar gives weekends and
 * public holidays.
 */
import { daysBetween, type IsoDate } from "../calendar/iso-date.ts";
import type { WorkCalendar } from "../calendar/work-calendar.ts";
import { computeDue } from "../deadlines/engine.ts";
import { ruleInForce } from "../deadlines/rule-set.ts";
import { DEFAULT_RULES, type RuleSet } from "../deadlines/rules.ts";

export const REPORT_SUBMIT_RULE = "report.submit";

/**
 * The level a unit reports from: a base unit (commune, unit of a Department, other body) to its
 * Department, district or province; a Department or district to the province; a province or a
 * ministry to the Government Inspectorate.
 */
export type ReportingLevel = "unit" | "intermediate" | "province";

export const REPORTING_LEVEL_LABELS: Readonly<Record<ReportingLevel, string>> = {
  unit: "Đơn vị cơ sở",
  intermediate: "Sở, ban, ngành / cấp huyện",
  province: "Cấp tỉnh / bộ, ngành",
};

const LEVEL_OF_KIND: Readonly<Record<string, ReportingLevel>> = {
  province_committee: "province",
  province_inspectorate: "province",
  ministry: "province",
  department: "intermediate",
  district_committee: "intermediate",
};

/** The level of an agency kind (agencies.ts AGENCY_KINDS); any other kind is a base unit. */
export function reportingLevelOf(kind: string): ReportingLevel {
  return LEVEL_OF_KIND[kind] ?? "unit";
}

/** The day by which a unit of `level` must send the report of the period ending `periodTo`. */
export function submissionDue(
  periodTo: IsoDate,
  level: ReportingLevel,
  calendar: WorkCalendar,
  rules: RuleSet = DEFAULT_RULES,
): IsoDate {
  return computeDue(
    { rule: REPORT_SUBMIT_RULE, from: periodTo, ...(level === "unit" ? {} : { variant: level }) },
    { calendar, rules },
  );
}

/** The article and the "not verified" mark of the rule version applying to a period. */
export function submissionRuleFor(periodTo: IsoDate, rules: RuleSet = DEFAULT_RULES) {
  const rule = ruleInForce(rules, REPORT_SUBMIT_RULE, periodTo);
  return rule
    ? { basis: rule.basis, probable: rule.probable === true, note: rule.note ?? null, version: rule.version }
    : null;
}

export const TIMELINESS = ["on_time", "late", "overdue", "not_due"] as const;
export type Timeliness = (typeof TIMELINESS)[number];

export const TIMELINESS_LABELS: Readonly<Record<Timeliness, string>> = {
  on_time: "Đã gửi đúng hạn",
  late: "Đã gửi trễ hạn",
  overdue: "Chưa gửi, đã quá hạn",
  not_due: "Chưa gửi, chưa đến hạn",
};

/**
 * A unit's standing against its due date, `today` and `submittedOn` being Vietnam dates. Sent on
 * the due date is on time; days late are calendar days after the due date (sent the day after is
 * 1 day late); a report not sent is overdue from the day after the due date.
 */
export function timelinessOf(input: { due: IsoDate; submittedOn: IsoDate | null; today: IsoDate }): {
  status: Timeliness;
  daysLate: number | null;
} {
  const { due, submittedOn, today } = input;
  if (submittedOn !== null) {
    return submittedOn <= due
      ? { status: "on_time", daysLate: 0 }
      : { status: "late", daysLate: daysBetween(due, submittedOn) };
  }
  if (today > due) return { status: "overdue", daysLate: daysBetween(due, today) };
  return { status: "not_due", daysLate: null };
}
