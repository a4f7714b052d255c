/**
 * The petition state machine (docs/LAW.md §4.6) as a transition table. The outcome transitions and
 * their guards are in outcomes.ts; this file adds intake (register, classify, assess) and what
 * follows an outcome (acceptance, dispatch and answer of a transfer, urging, destruction).
 */
import type { IsoDate } from "../calendar/iso-date.ts";
import type { WorkCalendar } from "../calendar/work-calendar.ts";
import type { RuleSet } from "../deadlines/rules.ts";
import { hasErrors, type Problem } from "../problem.ts";
import { assessEligibility, type EligibilityAnswers, type EligibilityResult } from "./eligibility.ts";
import { fieldByCode } from "./fields.ts";
import { COMPETENCE_LABELS, PETITION_KINDS, isRecommendationLike } from "./kinds.ts";
import {
  checkDestruction,
  checkOutcome,
  OUTCOME_LIST,
  OUTCOMES,
  type DestructionInput,
  type OutcomeInput,
} from "./outcomes.ts";
import { PETITION_STATES, type PetitionClassification, type PetitionFacts, type PetitionState } from "./petition.ts";
import { cite } from "../law/acts.ts";

export type PetitionAction =
  | "register"
  | "classify"
  | "assess"
  | "outcome"
  | "accept"
  | "close_guided"
  | "dispatch"
  | "urge"
  | "record_feedback"
  | "destroy";

export interface PetitionTransition {
  action: PetitionAction;
  /** For action "outcome": which outcome. */
  outcome?: OutcomeInput["outcome"];
  from: readonly PetitionState[];
  /** "same": the state does not change; "by_eligibility": ELIGIBLE or NOT_ELIGIBLE. */
  to: PetitionState | "same" | "by_eligibility";
  label: string;
  basis?: string;
}

const TT05 = cite("TT05");

export const PETITION_TRANSITIONS: readonly PetitionTransition[] = [
  { action: "register", from: ["RECEIVED"], to: "REGISTERED", label: "Vào sổ tiếp nhận đơn", basis: TT05 },
  {
    action: "classify",
    // Reclassification is allowed until an outcome is applied.
    from: ["REGISTERED", "CLASSIFIED", "ELIGIBLE", "NOT_ELIGIBLE"],
    to: "CLASSIFIED",
    label: "Phân loại đơn",
    basis: `Điều 6 ${TT05}`,
  },
  {
    action: "assess",
    from: ["CLASSIFIED"],
    to: "by_eligibility",
    label: "Xác định điều kiện xử lý",
    basis: `Điều 6 khoản 2 ${TT05}`,
  },
  ...OUTCOME_LIST.map((o): PetitionTransition => ({
    action: "outcome",
    outcome: o,
    from: OUTCOMES[o].from,
    to: OUTCOMES[o].to,
    label: OUTCOMES[o].label,
    basis: OUTCOMES[o].basis,
  })),
  // Reached only by opening the petition's case (Mở vụ việc): never a step of its own, so that an
  // accepted complaint or denunciation always has a case, a holder and a clock.
  { action: "accept", from: ["PROPOSED_FOR_ACCEPTANCE"], to: "ACCEPTED", label: "Mở vụ việc giải quyết (thụ lý)" },
  { action: "close_guided", from: ["GUIDED"], to: "CLOSED_GUIDED", label: "Kết thúc theo dõi đơn đã hướng dẫn" },
  { action: "dispatch", from: ["TRANSFERRED"], to: "AWAITING_FEEDBACK", label: "Gửi phiếu chuyển đơn" },
  {
    action: "urge",
    from: ["AWAITING_FEEDBACK", "GUIDED", "GUIDED_MULTI"],
    to: "same",
    label: "Đôn đốc giải quyết",
    basis: `Chương IV ${TT05}`,
  },
  {
    action: "record_feedback",
    from: ["AWAITING_FEEDBACK"],
    to: "CLOSED_TRANSFERRED",
    label: "Ghi nhận văn bản phản hồi kết quả",
  },
  {
    action: "destroy",
    from: ["FILED"],
    to: "DESTROYED",
    label: "Tiêu hủy đơn theo quyết định",
    basis: `Điều 28 khoản 2 ${TT05}`,
  },
];

export type PetitionActionInput =
  | { action: "register" }
  | { action: "classify"; classification: PetitionClassification }
  | { action: "assess"; answers: EligibilityAnswers }
  | { action: "outcome"; input: OutcomeInput }
  | { action: "accept"; decisionNumber: string; decisionDate: IsoDate }
  | { action: "close_guided"; note?: string | null }
  | { action: "dispatch"; documentNumber: string; sentOn: IsoDate }
  | { action: "urge"; on: IsoDate; documentNumber?: string | null }
  | { action: "record_feedback"; receivedOn: IsoDate; result: string; documentNumber?: string | null }
  | ({ action: "destroy" } & DestructionInput);

export interface PetitionTransitionOptions {
  calendar?: WorkCalendar;
  rules?: RuleSet;
}

export interface PetitionTransitionResult {
  ok: boolean;
  to: PetitionState | null;
  problems: Problem[];
  /** For "assess": the checklist result. */
  eligibility?: EligibilityResult;
}

const blank = (value: string | null | undefined): boolean => !value || value.trim() === "";

function err(code: Problem["code"], field: string, message: string, basis?: string): Problem {
  return basis ? { code, field, message, severity: "error", basis } : { code, field, message, severity: "error" };
}

/** Checks a classification (Điều 6 Thông tư 05/2021/TT-TTCP) before it is stored. */
export function checkClassification(c: PetitionClassification): Problem[] {
  const problems: Problem[] = [];
  if (!(c.kind in PETITION_KINDS)) problems.push(err("KIND_UNKNOWN", "kind", "Chọn loại đơn."));
  if (!(c.competence in COMPETENCE_LABELS)) {
    problems.push(err("COMPETENCE_REQUIRED", "competence", "Xác định đơn thuộc hay không thuộc thẩm quyền."));
  }
  const field = fieldByCode(c.fieldCode);
  if (!field || field.retired) {
    problems.push(err("FIELD_UNKNOWN", "fieldCode", "Lĩnh vực không có trong danh mục."));
  }
  if (c.kind === "multi_content") {
    if (!c.contentKinds || c.contentKinds.length === 0) {
      problems.push(
        err("CONTENT_KINDS_REQUIRED", "contentKinds", "Đơn có nhiều nội dung: chọn loại của từng nội dung."),
      );
    }
    if (c.severalBodies === null || c.severalBodies === undefined) {
      problems.push(
        err(
          "SEVERAL_BODIES_REQUIRED",
          "severalBodies",
          "Đơn có nhiều nội dung: xác định các nội dung có thuộc thẩm quyền của nhiều cơ quan không.",
        ),
      );
    }
  }
  if (c.aboutAdministrativeRegulations && !isRecommendationLike(c.kind)) {
    problems.push(
      err(
        "REGULATION_ONLY_FOR_RECOMMENDATION",
        "aboutAdministrativeRegulations",
        "Chỉ kiến nghị, phản ánh mới có thể là về quy định hành chính (Nghị định 20/2008/NĐ-CP).",
      ),
    );
  }
  if (c.newEvidence && !c.alreadyResolved) {
    problems.push(
      err(
        "NEW_EVIDENCE_WITHOUT_RESOLUTION",
        "newEvidence",
        "Tình tiết mới chỉ ghi khi vụ việc đã được giải quyết trước đó.",
      ),
    );
  }
  return problems;
}

export function allowedPetitionActions(p: PetitionFacts): PetitionTransition[] {
  return PETITION_TRANSITIONS.filter((t) => t.from.includes(p.status));
}

/** Applies the guards of one transition; `to` is the state the petition moves to when ok. */
export function petitionTransition(
  p: PetitionFacts,
  input: PetitionActionInput,
  options: PetitionTransitionOptions = {},
): PetitionTransitionResult {
  const transition = PETITION_TRANSITIONS.find(
    (t) => t.action === input.action && (input.action !== "outcome" || t.outcome === input.input.outcome),
  );
  if (!transition) {
    return { ok: false, to: null, problems: [err("ACTION_UNKNOWN", "action", "Thao tác không hợp lệ.")] };
  }
  if (!transition.from.includes(p.status)) {
    const message = `Đơn đang ở trạng thái "${PETITION_STATES[p.status]}": không thể ${transition.label.toLowerCase()}.`;
    return { ok: false, to: null, problems: [err("WRONG_STATE", "status", message, transition.basis)] };
  }

  let problems: Problem[] = [];
  let eligibility: EligibilityResult | undefined;
  let to: PetitionState = transition.to === "same" || transition.to === "by_eligibility" ? p.status : transition.to;

  switch (input.action) {
    case "register":
    case "close_guided":
      break;
    case "classify":
      problems = checkClassification(input.classification);
      break;
    case "assess": {
      const c = p.classification;
      if (!c) {
        problems = [err("NOT_CLASSIFIED", "status", "Đơn chưa được phân loại.")];
        break;
      }
      eligibility = assessEligibility({ ...p, kind: c.kind }, input.answers);
      if (!eligibility.complete) {
        problems = eligibility.unanswered.map((item) =>
          err("ELIGIBILITY_UNANSWERED", `answers.${item.id}`, `Chưa đánh giá: ${item.label}.`, item.basis),
        );
      }
      to = eligibility.eligible ? "ELIGIBLE" : "NOT_ELIGIBLE";
      break;
    }
    case "outcome": {
      const { outcome, ...rest } = input.input;
      problems = checkOutcome(p, outcome, rest as never, options);
      break;
    }
    case "accept":
      if (blank(input.decisionNumber)) {
        problems.push(err("DECISION_NUMBER_REQUIRED", "decisionNumber", "Nhập số quyết định (thông báo) thụ lý."));
      }
      if (blank(input.decisionDate)) problems.push(err("DECISION_DATE_REQUIRED", "decisionDate", "Nhập ngày thụ lý."));
      break;
    case "dispatch":
      if (blank(input.documentNumber)) {
        problems.push(err("DOCUMENT_NUMBER_REQUIRED", "documentNumber", "Nhập số phiếu chuyển đơn."));
      }
      if (blank(input.sentOn)) problems.push(err("SENT_ON_REQUIRED", "sentOn", "Nhập ngày gửi phiếu chuyển đơn."));
      else if (p.outcome && input.sentOn < p.outcome.on) {
        problems.push(err("SENT_BEFORE_DECISION", "sentOn", "Ngày gửi không được trước ngày ký phiếu chuyển đơn."));
      }
      break;
    case "urge": {
      const since = p.dispatchedOn ?? p.outcome?.on;
      if (blank(input.on)) problems.push(err("ON_REQUIRED", "on", "Nhập ngày đôn đốc."));
      else if (since && input.on < since) {
        problems.push(err("URGE_BEFORE_SINCE", "on", "Ngày đôn đốc không được trước ngày chuyển đơn, hướng dẫn."));
      }
      break;
    }
    case "record_feedback":
      if (blank(input.receivedOn)) problems.push(err("RECEIVED_ON_REQUIRED", "receivedOn", "Nhập ngày nhận phản hồi."));
      if (blank(input.result))
        problems.push(err("RESULT_REQUIRED", "result", "Ghi tóm tắt kết quả xử lý được phản hồi."));
      break;
    case "destroy":
      if (!options.calendar) throw new Error("petitionTransition(destroy) needs options.calendar");
      problems = checkDestruction(p, input, { calendar: options.calendar, rules: options.rules });
      break;
  }
  const ok = !hasErrors(problems);
  return eligibility ? { ok, to: ok ? to : null, problems, eligibility } : { ok, to: ok ? to : null, problems };
}
