/**
 * Periods and dates the law sets, or the system sets where the law is silent, that more than one
 * package uses: each defined once here, with its source (docs/LAW.md). The deadline rules proper
 * (time limits counted from an event) stay in deadlines/rules.ts.
 */
import { addMonthsClamped, isoFromDayNumber, toDayNumber, type IsoDate } from "../calendar/iso-date.ts";

// ---- "Due soon" ---------------------------------------------------------------------------------
// No text says when a time limit is "close": the amber warning of docs/LAW.md §7.6 item 7 is the
// system's own. Every deadline's badge counts DEFAULT_DUE_SOON_DAYS in working days (petitions are
// handled in working days, docs/LAW.md §4.4); the cases' dashboard and quick filter look a week
// ahead in calendar days, the unit of most case periods (docs/LAW.md §5.2, §6.3).

/** A deadline is "due soon" when at most this many days remain (lists: working days; the engine: the rule's unit). */
export const DEFAULT_DUE_SOON_DAYS = 3;

/** The cases' dashboard and quick filter ("Đến hạn trong 7 ngày"): due within this many calendar days. */
export const CASE_DUE_SOON_DAYS = 7;

// ---- Retention of filed petitions ---------------------------------------------------------------

/** Filed petitions are kept 1 year, then the head may order their destruction (Điều 28 khoản 2 TT 05/2021; docs/LAW.md §4.4). */
export const PETITION_RETENTION_YEARS = 1;

/**
 * The same day PETITION_RETENTION_YEARS later (29 February → 28 February), before any roll-over
 * of a holiday: the date stored beside a filed petition to find it quickly. The end of retention
 * proper is `retentionUntil` (petitions/outcomes.ts), which counts the year as the civil code
 * does and is never earlier than this.
 */
export function retentionAnniversary(filedOn: IsoDate): IsoDate {
  return isoFromDayNumber(addMonthsClamped(toDayNumber(filedOn), 12 * PETITION_RETENTION_YEARS));
}

// ---- Two-level local government ------------------------------------------------------------------

/**
 * From 01/07/2025 local government has two levels, province and commune: district-level units
 * (cấp huyện) exist only in the data of before that day (docs/LAW.md §2). The database keeps the
 * same date in a check constraint of its first migration, which cannot change.
 */
export const DISTRICT_LEVEL_ENDS = "2025-07-01";

/** Whether a district-level unit may start on this day. */
export function districtLevelAllowed(validFrom: IsoDate): boolean {
  return validFrom < DISTRICT_LEVEL_ENDS;
}

// ---- Urging (đôn đốc) ---------------------------------------------------------------------------

/**
 * [U] How long a body urged about a petition it received by transfer or guidance is given to
 * report: no statutory period was found (Chương IV TT 05/2021; docs/LAW.md §4.4). The urging
 * letter's date plus this many working days; the officer may change it in the draft. How long to
 * wait before urging is the deadline rule "petition.followup.reply".
 */
export const URGE_REPORT_WORKING_DAYS = 10;
