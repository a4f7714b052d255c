/**
 * The figures the periodic report forms count for one case (03/GQKN for complaints, 04/GQTC for
 * denunciations, 05/KQTH for enforcement; docs/LAW.md §5.4, §6.5, §11.6 C–E): which fact each figure
 * comes from. The server stores them beside the case (case_figures) so a report adds columns
 * instead of reading every case's facts; migration 0021_case_figures.sql repeats this rule in SQL
 * for the cases stored before it, so a change here needs a migration that rewrites them.
 */
import type { IsoDate } from "../calendar/iso-date.ts";
import { NO_AMOUNTS, type CaseAmounts, type CaseFacts, type CaseKind, type CaseOutcome } from "./case.ts";

/**
 * How the case left the resolving states, if it has. A report places an ended case in the period
 * holding `endedOn`: resolved (decided, concluded) and, apart, withdrawn or terminated; cases not
 * accepted or transferred were never resolved here.
 */
export type CaseEnding = "not_accepted" | "transferred" | "decided" | "concluded" | "withdrawn" | "terminated";

export const CASE_ENDING_LIST: readonly [CaseEnding, ...CaseEnding[]] = [
  "not_accepted",
  "transferred",
  "decided",
  "concluded",
  "withdrawn",
  "terminated",
];

export interface CaseFigures extends CaseAmounts {
  kind: CaseKind;
  /** Complaints: first or second instance. */
  instance: 1 | 2 | null;
  /** Denunciations: a repeated denunciation (tố cáo tiếp), counted apart by 04/GQTC. */
  repeated: boolean;
  receivedOn: IsoDate;
  acceptedOn: IsoDate | null;
  endedBy: CaseEnding | null;
  endedOn: IsoDate | null;
  /** Only for a decision or conclusion. */
  outcome: CaseOutcome | null;
  /** Second-instance complaints: the first-instance decision upheld (true) or annulled/amended (false). */
  firstDecisionUpheld: boolean | null;
  /** Decided or concluded: the resolution time limit's last day (given by the caller, who has the calendar). */
  resolutionDueOn: IsoDate | null;
  /** Decided or concluded within the resolution time limit; null when ended otherwise or not known. */
  onTime: boolean | null;
  dialogues: number;
  /** Enforcement records: money (million VND) and land (m²) actually returned, and whether it finished. */
  moneyReturned: number;
  landReturned: number;
  enforcementCompleted: boolean;
}

/** The ending of a case: a final state first (a whole withdrawal ends a case whatever came before). */
export function caseEnding(facts: CaseFacts): { by: CaseEnding; on: IsoDate } | null {
  if (facts.state === "WITHDRAWN" && facts.withdrawal) return { by: "withdrawn", on: facts.withdrawal.on };
  if (facts.state === "TERMINATED" && facts.termination) return { by: "terminated", on: facts.termination.on };
  if (facts.state === "NOT_ACCEPTED" && facts.rejection) return { by: "not_accepted", on: facts.rejection.on };
  if (facts.state === "TRANSFERRED" && facts.transfer) return { by: "transferred", on: facts.transfer.on };
  if (facts.kind === "complaint" && facts.decision) return { by: "decided", on: facts.decision.date };
  if (facts.kind === "denunciation" && facts.conclusion) return { by: "concluded", on: facts.conclusion.date };
  return null;
}

/**
 * The case's figures. `resolutionDueOn` is the last day of the resolution time limit (deadline
 * engine, caseResolutionDeadline), or null when unknown; it only matters once decided or concluded.
 */
export function caseFigures(facts: CaseFacts, resolutionDueOn: IsoDate | null): CaseFigures {
  const ending = caseEnding(facts);
  const resolved = ending?.by === "decided" || ending?.by === "concluded";
  const decision = facts.kind === "complaint" ? facts.decision : null;
  const conclusion = facts.kind === "denunciation" ? facts.conclusion : null;
  const amounts = resolved ? ((decision ?? conclusion)?.amounts ?? NO_AMOUNTS) : NO_AMOUNTS;
  const due = resolved ? resolutionDueOn : null;
  return {
    kind: facts.kind,
    instance: facts.instance,
    repeated: facts.kind === "denunciation" && facts.repeatedOf !== null,
    receivedOn: facts.receivedOn,
    acceptedOn: facts.acceptedOn,
    endedBy: ending?.by ?? null,
    endedOn: ending?.on ?? null,
    outcome: resolved ? (decision ?? conclusion)!.outcome : null,
    firstDecisionUpheld: resolved && facts.instance === 2 ? (decision?.firstDecisionUpheld ?? null) : null,
    resolutionDueOn: due,
    onTime: due !== null && ending ? ending.on <= due : null,
    dialogues: facts.dialogues.length,
    ...NO_AMOUNTS,
    ...amounts,
    moneyReturned: facts.enforcement.reduce((sum, e) => sum + e.moneyReturned, 0),
    landReturned: facts.enforcement.reduce((sum, e) => sum + e.landReturned, 0),
    enforcementCompleted: facts.enforcement.some((e) => e.completed),
  };
}
