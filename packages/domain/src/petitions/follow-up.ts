/**
 * Time limits that run on a petition, and the follow-up (theo dõi, đôn đốc) of petitions the body
 * transferred or guided (Chương IV Thông tư 05/2021/TT-TTCP [V existence]): which are awaiting an
 * answer, since when, and when to urge.
 */
import { daysBetween, type IsoDate } from "../calendar/iso-date.ts";
import type { WorkCalendar } from "../calendar/work-calendar.ts";
import { computeDue } from "../deadlines/engine.ts";
import type { DeadlineInput } from "../deadlines/rule-set.ts";
import { DEFAULT_RULES, type DeadlineRule, type RuleSet } from "../deadlines/rules.ts";
import { isForwardedChannel } from "./channels.ts";
import { retentionDeadline } from "./outcomes.ts";
import { PETITION_STATE_LIST, type PetitionFacts, type PetitionState } from "./petition.ts";

/** [U] How long to wait for an answer before urging (no statutory period found; configurable). */
export const FOLLOW_UP_REPLY_RULE: DeadlineRule = DEFAULT_RULES.find((r) => r.id === "petition.followup.reply")!;

/** The rules the petition clocks use (the follow-up rule is one of the default rules). */
export const PETITION_RULES: RuleSet = DEFAULT_RULES;

export interface PetitionDeadline extends DeadlineInput {
  purpose: string;
}

const BEFORE_OUTCOME: readonly PetitionState[] = ["RECEIVED", "REGISTERED", "CLASSIFIED", "ELIGIBLE", "NOT_ELIGIBLE"];
/**
 * Handling (TT 05/2021) is finished when the body's answer has left: a petition to transfer is
 * still being handled until its transfer slip is sent, so the handling clocks keep running.
 */
const HANDLING: readonly PetitionState[] = [...BEFORE_OUTCOME, "TRANSFERRED"];
const AWAITING: readonly PetitionState[] = ["AWAITING_FEEDBACK", "GUIDED", "GUIDED_MULTI"];

/**
 * States in which the petition no longer needs the body to act: it was answered, filed or
 * destroyed, or it became a case (ACCEPTED: the case carries the clock from then on).
 */
export const PETITION_CLOSED_STATES: readonly PetitionState[] = [
  "FILED",
  "DESTROYED",
  "ACCEPTED",
  "NOT_ACCEPTED_NOTICE",
  "CLOSED_GUIDED",
  "RETURNED_TO_SENDER_BODY",
  "CLOSED_TRANSFERRED",
  "RESOLVED_REPLY",
];
const CLOSED = PETITION_CLOSED_STATES;

/** The states in which the body still has to act on the petition (the lists' "open" filter). */
export const PETITION_OPEN_STATES: readonly PetitionState[] = PETITION_STATE_LIST.filter((s) => !CLOSED.includes(s));

/**
 * Open states without a clock of their own, and why. An anonymous denunciation with evidence is
 * proposed for an inspection or a check (Điều 25 khoản 2 Luật Tố cáo 2018): the law sets no period
 * for the proposal, and the inspection that takes it up will carry its own.
 */
export const PETITION_OPEN_WITHOUT_CLOCK: Readonly<Partial<Record<PetitionState, string>>> = {
  PROPOSED_FOR_CHECK: "Chờ thanh tra, kiểm tra theo thẩm quyền (không có thời hạn luật định cho đề xuất)",
};

/** The reply awaited for a transferred or guided petition, and from when. */
function replyDeadline(p: PetitionFacts): PetitionDeadline | undefined {
  if (!AWAITING.includes(p.status)) return undefined;
  const since = p.dispatchedOn ?? p.outcome?.on;
  if (!since) return undefined;
  if (p.classification?.kind === "denunciation" && p.status === "AWAITING_FEEDBACK") {
    // The body receiving a forwarded denunciation notifies the sender within 20 days (Điều 26 khoản 2 Luật Tố cáo 2018).
    return {
      rule: "denunciation.forwarded.reply",
      from: since,
      purpose: "Chờ cơ quan nhận đơn tố cáo thông báo kết quả",
    };
  }
  return { rule: FOLLOW_UP_REPLY_RULE.id, from: since, purpose: "Chờ phản hồi kết quả (đôn đốc khi quá hạn)" };
}

/**
 * Every time limit running on the petition in its current state, as inputs for the deadline engine.
 * Compute them with `rules: PETITION_RULES` (the follow-up rule is not in DEFAULT_RULES).
 */
export function petitionDeadlines(p: PetitionFacts): PetitionDeadline[] {
  const out: PetitionDeadline[] = [];
  const c = p.classification;
  const from = p.receivedOn;
  if (HANDLING.includes(p.status)) {
    out.push({ rule: "petition.handle", from, purpose: "Xử lý đơn" });
    if (c?.kind === "denunciation") {
      out.push({ rule: "denunciation.initial", from, purpose: "Xử lý ban đầu thông tin tố cáo" });
      if (c.competence === "not_within")
        out.push({ rule: "denunciation.transfer", from, purpose: "Chuyển đơn tố cáo" });
    }
  }
  if (c?.kind === "denunciation" && p.status === "PROPOSED_FOR_ACCEPTANCE") {
    // The initial handling ends with the decision to accept or not (Điều 24 khoản 1 Luật Tố cáo
    // 2018): proposed, the denunciation is still within that period until its case is opened.
    out.push({ rule: "denunciation.initial", from, purpose: "Thụ lý tố cáo" });
  }
  if (
    c?.kind === "complaint" &&
    c.competence === "within" &&
    (BEFORE_OUTCOME.includes(p.status) || p.status === "PROPOSED_FOR_ACCEPTANCE")
  ) {
    out.push({ rule: "complaint.accept", from, purpose: "Thụ lý khiếu nại" });
  }
  if (c?.kind === "denunciation" && isForwardedChannel(p.channel) && !CLOSED.includes(p.status)) {
    out.push({
      rule: "denunciation.forwarded.reply",
      from,
      purpose: "Thông báo kết quả xử lý cho cơ quan đã chuyển đơn tố cáo",
    });
  }
  if (p.status === "FILED" && p.filedOn) out.push({ ...retentionDeadline(p.filedOn), purpose: "Lưu đơn" });
  const reply = replyDeadline(p);
  if (reply) out.push(reply);
  return out;
}

export interface AwaitingAnswer {
  petitionId: string | undefined;
  status: PetitionState;
  /** Day the transfer slip or guidance was sent. */
  since: IsoDate;
  /** Calendar days since then. */
  daysWaiting: number;
  urgeCount: number;
  lastUrgedOn: IsoDate | null;
  reply: PetitionDeadline;
  /** With a calendar: when the answer is due, and whether it is overdue today. */
  replyDue?: IsoDate;
  overdue?: boolean;
}

/**
 * Petitions transferred or guided that are still waiting for an answer, the longest-waiting first.
 * Pass a calendar to get the due date of the answer (rules: PETITION_RULES unless given).
 */
export function awaitingAnswers(
  petitions: readonly PetitionFacts[],
  today: IsoDate,
  options: { calendar?: WorkCalendar; rules?: RuleSet } = {},
): AwaitingAnswer[] {
  const rules = options.rules ?? PETITION_RULES;
  const out: AwaitingAnswer[] = [];
  for (const p of petitions) {
    const reply = replyDeadline(p);
    if (!reply) continue;
    const urged = [...(p.urgedOn ?? [])].sort();
    const item: AwaitingAnswer = {
      petitionId: p.id,
      status: p.status,
      since: reply.from,
      daysWaiting: daysBetween(reply.from, today),
      urgeCount: urged.length,
      lastUrgedOn: urged.at(-1) ?? null,
      reply,
    };
    if (options.calendar) {
      item.replyDue = computeDue(reply, { calendar: options.calendar, rules });
      item.overdue = today > item.replyDue;
    }
    out.push(item);
  }
  return out.sort((a, b) => (a.since < b.since ? -1 : a.since > b.since ? 1 : 0));
}
