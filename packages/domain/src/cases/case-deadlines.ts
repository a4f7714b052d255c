/**
 * The time limits running on a case, as inputs for the deadline engine (deadlines/rules.ts holds the
 * rules and their articles; nothing is counted here). docs/LAW.md §5.2, §6.3, §7, §13.2.
 *
 * Suspensions: the suspended days are from the suspension's first day to the day before resumption
 * (the day resolution resumes is a day of work again). Whether they stop the clock is the rule's
 * `suspensionStopsClock` (Điều 34 khoản 1 Luật Tố cáo 2018 for denunciations; [P] for complaints).
 * While a case is suspended its resolution clock is stopped: the deadline is not open and
 * caseMainDue gives no due date, since the end depends on the day resolution resumes.
 */
import { addDays, type IsoDate } from "../calendar/iso-date.ts";
import type { WorkCalendar } from "../calendar/work-calendar.ts";
import { computeDue } from "../deadlines/engine.ts";
import type { DeadlineInput, SuspensionInput } from "../deadlines/rule-set.ts";
import type { RuleSet } from "../deadlines/rules.ts";
import { COMPLEXITY_LEVELS, complexityOf, type DenunciationComplexity } from "./catalogues.ts";
import { RESOLVING_STATES, type CaseFacts, type CaseFlags, type CaseState } from "./case.ts";

export type CaseDeadlineKey = "acceptance" | "initial" | "transfer" | "resolution";

export interface CaseDeadline {
  key: CaseDeadlineKey;
  ruleId: string;
  label: string;
  input: DeadlineInput;
  /** The clock is running: not yet met, not stopped. */
  open: boolean;
}

/** Variant of "complaint.resolve.first|second" (Điều 28, 37 Luật Khiếu nại 2011). */
export function complaintResolutionVariant(flags: Pick<CaseFlags, "remote" | "complex">): string | undefined {
  if (flags.complex && flags.remote) return "complex-remote";
  if (flags.complex) return "complex";
  if (flags.remote) return "remote";
  return undefined;
}

export function denunciationComplexity(facts: Pick<CaseFacts, "complexityCriteria">): DenunciationComplexity {
  return complexityOf(facts.complexityCriteria);
}

/** Complaint acceptance (Điều 27 / 36 Luật Khiếu nại 2011) or denunciation initial processing (Điều 24 khoản 1 Luật Tố cáo 2018). */
export function caseAcceptanceDeadline(facts: CaseFacts): DeadlineInput {
  if (facts.kind === "denunciation") {
    const input: DeadlineInput = { rule: "denunciation.initial", from: facts.receivedOn };
    if (facts.initialExtension) input.variant = "extended";
    return input;
  }
  return { rule: facts.instance === 2 ? "complaint.accept.second" : "complaint.accept", from: facts.receivedOn };
}

/** Transfer of a denunciation outside competence: 5 working days (Điều 24 khoản 2 Luật Tố cáo 2018). */
export function caseTransferDeadline(facts: Pick<CaseFacts, "receivedOn">): DeadlineInput {
  return { rule: "denunciation.transfer", from: facts.receivedOn };
}

/**
 * Suspended periods as the engine takes them (inclusive). An open suspension runs to `today` when
 * given (so the due date is the earliest possible one), otherwise it is left out.
 */
export function suspensionPeriods(facts: Pick<CaseFacts, "suspensions">, today?: IsoDate): SuspensionInput[] {
  const out: SuspensionInput[] = [];
  for (const s of facts.suspensions) {
    const to = s.resumedOn !== null ? addDays(s.resumedOn, -1) : today;
    if (to !== undefined && to >= s.from) out.push({ from: s.from, to });
  }
  return out;
}

/**
 * States of a case not yet final in which no time limit of the body runs, and why; every other
 * state that is not final runs one (acceptance, initial processing or resolution). The holder
 * stays answerable for the case in all of them.
 */
export const CASE_OPEN_WITHOUT_CLOCK: Readonly<Partial<Record<CaseState, string>>> = {
  SUSPENDED: "Tạm đình chỉ: thời hạn giải quyết ngừng tính cho đến khi tiếp tục giải quyết",
  DECIDED: "Đã có quyết định giải quyết: chờ hết thời hạn khiếu nại tiếp hoặc khởi kiện, rồi kết thúc hồ sơ",
  CONCLUDED: "Đã có kết luận nội dung tố cáo: xử lý kết luận (thời hạn chưa được mã hóa)",
  CONCLUSION_HANDLED: "Đã xử lý kết luận: kết thúc hồ sơ",
};

/** The resolution time limit from acceptance; null before acceptance. */
export function caseResolutionDeadline(facts: CaseFacts, today?: IsoDate): DeadlineInput | null {
  if (!facts.acceptedOn) return null;
  const input: DeadlineInput =
    facts.kind === "complaint"
      ? { rule: facts.instance === 2 ? "complaint.resolve.second" : "complaint.resolve.first", from: facts.acceptedOn }
      : { rule: "denunciation.resolve", from: facts.acceptedOn };
  const variant =
    facts.kind === "complaint"
      ? complaintResolutionVariant(facts.flags)
      : COMPLEXITY_LEVELS[denunciationComplexity(facts)].ruleVariant;
  if (variant) input.variant = variant;
  if (facts.kind === "denunciation" && facts.extensions.length > 0) input.extensions = facts.extensions.length;
  const suspensions = suspensionPeriods(facts, today);
  if (suspensions.length > 0) input.suspensions = suspensions;
  return input;
}

const ACCEPTANCE_LABEL = {
  complaint: "Thụ lý khiếu nại",
  denunciation: "Xử lý ban đầu thông tin tố cáo",
} as const;

function resolutionLabel(facts: CaseFacts): string {
  if (facts.kind === "denunciation") return "Giải quyết tố cáo";
  return facts.instance === 2 ? "Giải quyết khiếu nại lần hai" : "Giải quyết khiếu nại lần đầu";
}

/**
 * Every time limit of the case, with whether its clock is running. `today` only serves an open
 * suspension (see suspensionPeriods).
 */
export function caseDeadlines(facts: CaseFacts, options: { today?: IsoDate } = {}): CaseDeadline[] {
  const out: CaseDeadline[] = [];
  const acceptance = caseAcceptanceDeadline(facts);
  const awaiting = facts.state === "AWAITING_ACCEPTANCE" || facts.state === "INITIAL_PROCESSING";
  out.push({
    key: facts.kind === "complaint" ? "acceptance" : "initial",
    ruleId: acceptance.rule,
    label: ACCEPTANCE_LABEL[facts.kind],
    input: acceptance,
    open: awaiting,
  });
  if (facts.transfer) {
    const input = caseTransferDeadline(facts);
    out.push({ key: "transfer", ruleId: input.rule, label: "Chuyển đơn tố cáo", input, open: false });
  }
  const resolution = caseResolutionDeadline(facts, options.today);
  if (resolution) {
    const suspended = facts.state === "SUSPENDED";
    out.push({
      key: "resolution",
      ruleId: resolution.rule,
      label: suspended ? `${resolutionLabel(facts)} (đang tạm đình chỉ, thời hạn ngừng tính)` : resolutionLabel(facts),
      input: resolution,
      open: RESOLVING_STATES.includes(facts.state),
    });
  }
  return out;
}

/** The due date lists show: the open clock's (acceptance or resolution); null when none runs. */
export function caseMainDue(
  facts: CaseFacts,
  calendar: WorkCalendar,
  rules?: RuleSet,
): { ruleId: string; input: DeadlineInput; due: IsoDate } | null {
  const open = caseDeadlines(facts).find((d) => d.open);
  if (!open) return null;
  return { ruleId: open.ruleId, input: open.input, due: computeDue(open.input, { calendar, rules }) };
}
