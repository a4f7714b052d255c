/**
 * Roll-up of a consolidated report without double counting (docs/LAW.md §11.7, §11.10). A petition
 * one unit transfers to another unit of the same installation exists twice: the sender's petition
 * and the receiving unit's petition (`petition.transferred_from_id`). Each unit's own row keeps it
 * (the form asks what each unit received and handled); the consolidated total counts the matter
 * once, at the unit that resolves it — the receiving unit.
 *
 * Indicator by indicator:
 * - `once`: what a petition is (received, carried over, eligible, within competence, handled, in
 *   progress). A sender's petition is dropped from the total when its receiving petition is in the
 *   same scope and counted by the same indicator in the same period (an intra-scope duplicate).
 * - `sum` (every other indicator): events that are distinct acts even inside one province — a
 *   transfer made by a unit is still a transfer ("chuyển đơn" stays at the sender), a reception
 *   visit, a case accepted (a case exists only at the resolving unit), an inspection.
 *
 * So: total = the plain sum of the unit rows − the intra-scope duplicates of the `once` indicators.
 */
import { INDICATORS, type IndicatorCode } from "./indicators.ts";

export type Rollup = "sum" | "once";

/** The petition indicators counted once in a consolidated total (all the others add up). */
export const ROLLUP_ONCE: readonly IndicatorCode[] = [
  "petitions_total",
  "petitions_carried_over",
  "petitions_received",
  "matters_received",
  "petitions_single_signer",
  "petitions_several_signers",
  "petitions_eligible",
  "matters_eligible",
  "petitions_not_eligible",
  "petitions_eligible_complaint",
  "petitions_eligible_denunciation",
  "petitions_eligible_recommendation",
  "petitions_eligible_multi",
  "petitions_within_competence",
  "petitions_not_within_competence",
  "petitions_handled",
  "petitions_proposed_acceptance",
  "petitions_guided",
  "petitions_answered",
  "petitions_filed",
  "petitions_in_progress_end",
];

export function rollupOf(code: IndicatorCode): Rollup {
  return ROLLUP_ONCE.includes(code) && INDICATORS[code]?.source === "petition" ? "once" : "sum";
}

/** Money in triệu đồng comes from whole đồng: six decimals at most, so a sum is rounded there. */
const exact = (n: number) => Math.round(n * 1e6) / 1e6;

export interface Consolidated {
  /** The plain sum of the unit rows, indicator by indicator. */
  plainSum: Record<IndicatorCode, number>;
  /** What is taken off the plain sum (only the `once` indicators with duplicates in the scope). */
  adjustment: Record<IndicatorCode, number>;
  /** plainSum − adjustment. */
  total: Record<IndicatorCode, number>;
}

/**
 * The consolidated total of unit rows: each indicator added up over the rows, then the
 * intra-scope duplicates taken off the `once` indicators. `duplicates` holds, per indicator, the
 * number of sender petitions whose receiving petition is in the scope and counted too.
 */
export function consolidate(
  codes: readonly IndicatorCode[],
  rows: readonly Readonly<Record<IndicatorCode, number>>[],
  duplicates: Readonly<Record<IndicatorCode, number>>,
): Consolidated {
  const plainSum: Record<IndicatorCode, number> = {};
  const adjustment: Record<IndicatorCode, number> = {};
  const total: Record<IndicatorCode, number> = {};
  for (const code of codes) {
    const sum = exact(rows.reduce((s, r) => s + (r[code] ?? 0), 0));
    const off = rollupOf(code) === "once" ? (duplicates[code] ?? 0) : 0;
    plainSum[code] = sum;
    if (off !== 0) adjustment[code] = off;
    total[code] = exact(sum - off);
  }
  return { plainSum, adjustment, total };
}
