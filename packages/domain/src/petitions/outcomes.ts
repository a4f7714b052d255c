/**
 * Outcomes of handling a petition (docs/LAW.md §4.4), each with the form it prints (§4.5), what the
 * petition must be for it, and the guards of §4.6 / §13.4:
 *  - guidance is given only once for the same content;
 *  - a denunciation is transferred only once for the same content, within 5 working days of receipt
 *    (Điều 24 khoản 2 Luật Tố cáo 2018, rule 'denunciation.transfer');
 *  - a petition is returned only to the body that forwarded it;
 *  - anonymous or impersonated denunciations without evidence are filed (Điều 25 khoản 1);
 *  - filed petitions are kept 1 year, then destroyed by decision of the head (Điều 28 khoản 2
 *    Thông tư 05/2021/TT-TTCP, rule 'petition.retention').
 * Article numbers of Thông tư 05/2021 other than Điều 6 and Điều 28 were not read: the basis names the
 * circular without an article [P].
 */
import { formatVietnameseDate, type IsoDate } from "../calendar/iso-date.ts";
import type { WorkCalendar } from "../calendar/work-calendar.ts";
import { computeDue } from "../deadlines/engine.ts";
import type { DeadlineInput } from "../deadlines/rule-set.ts";
import type { RuleSet } from "../deadlines/rules.ts";
import type { Problem } from "../problem.ts";
import { isForwardedChannel } from "./channels.ts";
import type { PetitionFormCode } from "./forms.ts";
import { PETITION_KINDS, type Competence, type PetitionKind } from "./kinds.ts";
import {
  isHiddenWriter,
  PETITION_STATES,
  type ArchiveReason,
  type PetitionFacts,
  type PetitionOutcome,
  type PetitionState,
  type PriorHandling,
} from "./petition.ts";
import { cite } from "../law/acts.ts";

const TT05 = cite("TT05");
const LKN = cite("LKN");
const LTC = cite("LTC");

export interface OutcomeDefinition {
  outcome: PetitionOutcome;
  label: string;
  from: readonly PetitionState[];
  to: PetitionState;
  /** What the petition must be, in Vietnamese. */
  needs: string;
  basis: string;
}

function def(
  outcome: PetitionOutcome,
  label: string,
  to: PetitionState,
  needs: string,
  basis: string,
  from: readonly PetitionState[] = ["ELIGIBLE"],
): OutcomeDefinition {
  return { outcome, label, from, to, needs, basis };
}

export const OUTCOMES: Readonly<Record<PetitionOutcome, OutcomeDefinition>> = {
  propose_acceptance: def(
    "propose_acceptance",
    "Đề xuất thụ lý",
    "PROPOSED_FOR_ACCEPTANCE",
    "Khiếu nại đủ điều kiện thụ lý hoặc tố cáo, thuộc thẩm quyền",
    `${TT05}; Điều 27 ${LKN}; Điều 24, Điều 29 ${LTC}`,
  ),
  propose_check: def(
    "propose_check",
    "Đề xuất thanh tra, kiểm tra theo thẩm quyền",
    "PROPOSED_FOR_CHECK",
    "Tố cáo nặc danh, mạo danh nêu rõ người vi phạm, có chứng cứ cụ thể và cơ sở xác minh, thuộc thẩm quyền",
    `Điều 25 khoản 2 ${LTC}`,
  ),
  notify_not_accepted: def(
    "notify_not_accepted",
    "Thông báo khiếu nại không đủ điều kiện thụ lý",
    "NOT_ACCEPTED_NOTICE",
    "Khiếu nại thuộc thẩm quyền nhưng không đủ điều kiện thụ lý",
    `Điều 11, Điều 27 ${LKN}; ${TT05}`,
  ),
  guide: def(
    "guide",
    "Hướng dẫn người khiếu nại đến cơ quan có thẩm quyền",
    "GUIDED",
    "Khiếu nại không thuộc thẩm quyền, do công dân gửi (không do cơ quan khác chuyển đến)",
    `${TT05} (hướng dẫn một lần)`,
  ),
  guide_multi: def(
    "guide_multi",
    "Hướng dẫn tách nội dung gửi đến đúng cơ quan",
    "GUIDED_MULTI",
    "Đơn có nhiều nội dung thuộc thẩm quyền của nhiều cơ quan",
    TT05,
  ),
  return_to_sender_body: def(
    "return_to_sender_body",
    "Trả lại đơn chuyển không đúng thẩm quyền",
    "RETURNED_TO_SENDER_BODY",
    "Đơn do cơ quan, tổ chức, đơn vị khác chuyển đến, không thuộc thẩm quyền",
    TT05,
  ),
  transfer: def(
    "transfer",
    "Chuyển đơn đến cơ quan có thẩm quyền",
    "TRANSFERRED",
    "Tố cáo, kiến nghị, phản ánh không thuộc thẩm quyền",
    `Điều 24 khoản 2 ${LTC}; ${TT05}`,
  ),
  resolve_reply: def(
    "resolve_reply",
    "Giải quyết, trả lời kiến nghị, phản ánh",
    "RESOLVED_REPLY",
    "Kiến nghị, phản ánh thuộc thẩm quyền",
    TT05,
  ),
  archive: def(
    "archive",
    "Lưu đơn",
    "FILED",
    "Đơn không đủ điều kiện xử lý, trùng nội dung, nặc danh/mạo danh không có chứng cứ, hoặc vụ việc đã được giải quyết",
    `Điều 28 ${TT05}`,
    ["ELIGIBLE", "NOT_ELIGIBLE"],
  ),
};

export const OUTCOME_LIST = Object.keys(OUTCOMES) as [PetitionOutcome, ...PetitionOutcome[]];

export interface ArchiveReasonInfo {
  label: string;
  basis: string;
}

export const ARCHIVE_REASONS: Readonly<Record<ArchiveReason, ArchiveReasonInfo>> = {
  not_eligible: { label: "Đơn không đủ điều kiện xử lý", basis: `Điều 6 khoản 2 điểm b, Điều 28 ${TT05}` },
  duplicate: {
    label: "Đơn trùng nội dung đã được xử lý (đã hướng dẫn, đã chuyển hoặc đang giải quyết)",
    basis: `Điều 28 ${TT05}`, // [P] docs/LAW.md §0.1
  },
  anonymous_without_evidence: {
    label: "Đơn nặc danh, mạo danh không nêu rõ người vi phạm, không có chứng cứ cụ thể",
    basis: `Điều 25 khoản 1 ${LTC}`,
  },
  already_resolved: {
    label:
      "Vụ việc đã được giải quyết (quyết định giải quyết khiếu nại đã có hiệu lực pháp luật, tố cáo đã có kết luận) và không có tình tiết mới",
    basis: `Điều 28 ${TT05}`,
  },
};

export const ARCHIVE_REASON_LIST = Object.keys(ARCHIVE_REASONS) as [ArchiveReason, ...ArchiveReason[]];

/** The form printed for an outcome (docs/LAW.md §4.5 [P]); null when the circular has none. */
export function formFor(outcome: PetitionOutcome, kind: PetitionKind | null | undefined): PetitionFormCode | null {
  switch (outcome) {
    case "propose_acceptance":
      return "TT05-01";
    case "notify_not_accepted":
      return "TT05-02";
    case "guide":
      return "TT05-03";
    case "return_to_sender_body":
      return "TT05-04";
    case "transfer":
      return kind === "denunciation" ? "TT05-05" : "TT05-06";
    case "guide_multi":
      return "TT05-07";
    default:
      // [U] No form is known for proposing a check of an anonymous denunciation or for a reply.
      return null;
  }
}

// ---- Inputs ------------------------------------------------------------------------------------

interface OutcomeInputBase {
  /** Day the outcome is decided (the slip or notice is signed). */
  on: IsoDate;
  note?: string | null;
}

export type OutcomeInput =
  | ({ outcome: "propose_acceptance" } & OutcomeInputBase)
  | ({ outcome: "propose_check" } & OutcomeInputBase)
  | ({ outcome: "notify_not_accepted"; reasons: string } & OutcomeInputBase)
  | ({ outcome: "guide"; targetBody: string; documentNumber?: string | null } & OutcomeInputBase)
  | ({ outcome: "guide_multi"; targetBodies: readonly string[]; documentNumber?: string | null } & OutcomeInputBase)
  | ({ outcome: "return_to_sender_body"; documentNumber?: string | null } & OutcomeInputBase)
  | ({
      outcome: "transfer";
      targetBody: string;
      /** The competent agency, when it also works in this installation. */
      targetAgencyId?: string | null;
      documentNumber?: string | null;
      /** The writer is told of the transfer (Điều 24 khoản 2 Luật Tố cáo 2018 for denunciations). */
      notifyWriter: boolean;
    } & OutcomeInputBase)
  | ({ outcome: "resolve_reply"; replySummary: string; documentNumber?: string | null } & OutcomeInputBase)
  | ({
      outcome: "archive";
      reason: ArchiveReason;
      /** duplicate: the petition already handled with the same content. */
      duplicateOf?: string | null;
      /** already_resolved: the decision or conclusion that resolved the matter (number, date). */
      resolvedBy?: string | null;
    } & OutcomeInputBase);

export type OutcomeInputOf<O extends PetitionOutcome> = Omit<Extract<OutcomeInput, { outcome: O }>, "outcome">;

export interface OutcomeCheckOptions {
  /** Needed to check the 5-working-day transfer limit; without it the limit is not checked. */
  calendar?: WorkCalendar;
  rules?: RuleSet;
}

const blank = (value: string | null | undefined): boolean => !value || value.trim() === "";

function problem(code: Problem["code"], field: string, message: string, basis?: string): Problem {
  return basis ? { code, field, message, severity: "error", basis } : { code, field, message, severity: "error" };
}

/** The input fields an outcome may require (each has its code, "REASONS_REQUIRED"...). */
type Needed = "reasons" | "targetBody" | "replySummary" | "duplicateOf" | "resolvedBy";

/** Problems of the input alone (shared with the API schema): required fields per outcome. */
export function outcomeInputProblems(input: OutcomeInput): Problem[] {
  const out: Problem[] = [];
  const need = (field: Needed, value: string | null | undefined, message: string) => {
    if (blank(value)) out.push(problem(`${field.toUpperCase() as Uppercase<Needed>}_REQUIRED`, field, message));
  };
  switch (input.outcome) {
    case "notify_not_accepted":
      need("reasons", input.reasons, "Nêu rõ lý do khiếu nại không đủ điều kiện thụ lý (Điều 11 Luật Khiếu nại).");
      break;
    case "guide":
      need("targetBody", input.targetBody, "Ghi cơ quan có thẩm quyền mà người khiếu nại được hướng dẫn đến.");
      break;
    case "guide_multi":
      if (input.targetBodies.length === 0 || input.targetBodies.every((b) => blank(b))) {
        out.push(
          problem("TARGETBODIES_REQUIRED", "targetBodies", "Ghi các cơ quan có thẩm quyền đối với từng nội dung."),
        );
      }
      input.targetBodies.forEach((b, i) => {
        if (blank(b) && input.targetBodies.length > 1) {
          out.push(problem("TARGETBODY_REQUIRED", `targetBodies.${i}`, "Ghi tên cơ quan có thẩm quyền."));
        }
      });
      break;
    case "transfer":
      need("targetBody", input.targetBody, "Ghi cơ quan, tổ chức, đơn vị có thẩm quyền nhận đơn chuyển.");
      break;
    case "resolve_reply":
      need("replySummary", input.replySummary, "Ghi tóm tắt nội dung trả lời người kiến nghị, phản ánh.");
      break;
    case "archive":
      if (!(input.reason in ARCHIVE_REASONS)) {
        out.push(problem("ARCHIVE_REASON_REQUIRED", "reason", "Chọn lý do lưu đơn."));
      } else if (input.reason === "duplicate") {
        need("duplicateOf", input.duplicateOf, "Lưu đơn trùng: chọn đơn cùng nội dung đã được xử lý.");
      } else if (input.reason === "already_resolved") {
        need(
          "resolvedBy",
          input.resolvedBy,
          "Ghi số, ngày quyết định giải quyết khiếu nại hoặc kết luận nội dung tố cáo đã ban hành.",
        );
      }
      break;
  }
  return out;
}

// ---- Guards ------------------------------------------------------------------------------------

function lastOf(history: readonly PriorHandling[] | undefined, outcomes: readonly PetitionOutcome[]) {
  return history?.filter((h) => outcomes.includes(h.outcome)).sort((a, b) => (a.on < b.on ? 1 : -1))[0];
}

/** Why `outcome` cannot be applied to the petition as it stands; empty when it can. Field: "outcome". */
export function outcomeBlockers(p: PetitionFacts, outcome: PetitionOutcome): Problem[] {
  const d = OUTCOMES[outcome];
  const out: Problem[] = [];
  const add = (code: Problem["code"], message: string, basis?: string) =>
    out.push(problem(code, "outcome", message, basis));

  if (!d.from.includes(p.status)) {
    const allowed = d.from.map((s) => `"${PETITION_STATES[s]}"`).join(" hoặc ");
    add(
      "WRONG_STATE",
      `Đơn đang ở trạng thái "${PETITION_STATES[p.status]}"; chỉ ${lcFirst(d.label)} đơn ở trạng thái ${allowed}.`,
    );
    return out;
  }
  const c = p.classification;
  if (!c) {
    add("NOT_CLASSIFIED", "Đơn chưa được phân loại.");
    return out;
  }
  if (outcome === "archive") {
    if (allowedArchiveReasons(p).length === 0) add("NO_ARCHIVE_REASON", "Không có lý do lưu đơn phù hợp.");
    return out;
  }

  const kind = c.kind;
  const hidden = isHiddenWriter(p);
  const forwarded = isForwardedChannel(p.channel);
  const needKind = (kinds: readonly PetitionKind[]) => {
    if (!kinds.includes(kind)) {
      const names = kinds.map((k) => PETITION_KINDS[k].toLowerCase()).join(", ");
      add(
        "KIND_MISMATCH",
        `${d.label} chỉ áp dụng cho đơn ${names}; đơn này là ${PETITION_KINDS[kind].toLowerCase()}.`,
      );
    }
  };
  const needCompetence = (competence: Competence) => {
    if (c.competence !== competence) {
      add(
        "COMPETENCE_MISMATCH",
        competence === "within"
          ? `${d.label} chỉ áp dụng khi vụ việc thuộc thẩm quyền của cơ quan.`
          : `${d.label} chỉ áp dụng khi vụ việc không thuộc thẩm quyền của cơ quan.`,
      );
    }
  };
  const guidedOnlyOnce = () => {
    const earlier = lastOf(p.sameContentHistory, ["guide", "guide_multi"]);
    if (earlier) {
      add(
        "ALREADY_GUIDED",
        `Nội dung này đã được hướng dẫn ngày ${formatVietnameseDate(earlier.on)} (đơn ${earlier.petitionId}); việc hướng dẫn chỉ thực hiện một lần — lưu đơn trùng.`,
        TT05,
      );
    }
  };

  if (kind === "multi_content" && outcome !== "guide_multi") {
    add(
      "MULTI_CONTENT",
      "Đơn có nhiều nội dung: hướng dẫn người viết tách từng nội dung gửi đúng cơ quan (Mẫu số 07), hoặc phân loại lại theo từng nội dung.",
      TT05,
    );
    return out;
  }
  if ((outcome === "propose_acceptance" || outcome === "propose_check") && c.alreadyResolved && !c.newEvidence) {
    add(
      "ALREADY_RESOLVED",
      "Vụ việc đã được giải quyết và không có tình tiết mới: lưu đơn, không đề xuất thụ lý.",
      ARCHIVE_REASONS.already_resolved.basis,
    );
  }

  switch (outcome) {
    case "propose_acceptance": {
      needKind(["complaint", "denunciation"]);
      needCompetence("within");
      if (kind === "denunciation" && hidden) {
        add(
          "HIDDEN_WRITER",
          "Tố cáo nặc danh, mạo danh không được thụ lý theo Luật Tố cáo; nếu có chứng cứ cụ thể thì đề xuất thanh tra, kiểm tra.",
          `Điều 25 ${LTC}`,
        );
      }
      if (kind === "complaint" && c.complaintAcceptable === false) {
        add(
          "COMPLAINT_NOT_ACCEPTABLE",
          "Khiếu nại không đủ điều kiện thụ lý: ra thông báo không thụ lý (Mẫu số 02).",
          `Điều 11 ${LKN}`,
        );
      }
      if (kind === "complaint" && (c.complaintAcceptable === null || c.complaintAcceptable === undefined)) {
        add(
          "COMPLAINT_ACCEPTABILITY_UNKNOWN",
          "Chưa xác định khiếu nại có đủ điều kiện thụ lý (các trường hợp không thụ lý của Điều 11 Luật Khiếu nại).",
          `Điều 11 ${LKN}`,
        );
      }
      const earlier = lastOf(p.sameContentHistory, ["propose_acceptance", "propose_check"]);
      if (earlier) {
        add(
          "ALREADY_PROPOSED",
          `Nội dung này đã được đề xuất thụ lý ngày ${formatVietnameseDate(earlier.on)} (đơn ${earlier.petitionId}) — lưu đơn trùng.`,
        );
      }
      break;
    }
    case "propose_check":
      needKind(["denunciation"]);
      needCompetence("within");
      if (!hidden) {
        add("NOT_HIDDEN", "Chỉ áp dụng cho tố cáo nặc danh, mạo danh; tố cáo rõ danh tính thì đề xuất thụ lý.");
      } else if (!p.eligibility?.anonymousDenunciationException) {
        add(
          "NO_EVIDENCE",
          "Tố cáo nặc danh, mạo danh không nêu rõ người vi phạm, không có chứng cứ cụ thể hoặc không có cơ sở xác minh: lưu đơn.",
          `Điều 25 khoản 1 ${LTC}`,
        );
      }
      break;
    case "notify_not_accepted":
      needKind(["complaint"]);
      needCompetence("within");
      if (kind === "complaint" && c.complaintAcceptable !== false) {
        add(
          "COMPLAINT_ACCEPTABLE",
          "Chỉ thông báo không thụ lý khi khiếu nại thuộc một trường hợp không thụ lý của Điều 11 Luật Khiếu nại.",
          `Điều 11 ${LKN}`,
        );
      }
      break;
    case "guide":
      needKind(["complaint"]);
      needCompetence("not_within");
      if (forwarded) {
        add(
          "FORWARDED_USE_RETURN",
          "Đơn do cơ quan khác chuyển đến mà không thuộc thẩm quyền thì trả lại cơ quan đã chuyển (Mẫu số 04), không hướng dẫn.",
          TT05,
        );
      }
      guidedOnlyOnce();
      break;
    case "guide_multi":
      needKind(["multi_content"]);
      if (c.severalBodies !== true) {
        add(
          "NOT_SEVERAL_BODIES",
          "Chỉ hướng dẫn tách đơn khi các nội dung thuộc thẩm quyền của nhiều cơ quan; nếu không, phân loại lại theo từng nội dung.",
        );
      }
      guidedOnlyOnce();
      break;
    case "return_to_sender_body":
      needCompetence("not_within");
      if (!forwarded) {
        add(
          "NOT_FORWARDED",
          "Chỉ trả lại đơn do cơ quan, tổ chức, đơn vị khác chuyển đến; đơn công dân gửi thì hướng dẫn hoặc chuyển đơn.",
          TT05,
        );
      }
      break;
    case "transfer": {
      needKind(["denunciation", "recommendation", "feedback"]);
      needCompetence("not_within");
      const earlier = lastOf(p.sameContentHistory, ["transfer"]);
      if (kind === "denunciation" && earlier) {
        add(
          "ALREADY_TRANSFERRED",
          `Tố cáo cùng nội dung đã được chuyển đơn ngày ${formatVietnameseDate(earlier.on)} (đơn ${earlier.petitionId}); việc chuyển đơn tố cáo chỉ thực hiện một lần — lưu đơn trùng.`,
          TT05,
        );
      }
      break;
    }
    case "resolve_reply":
      needKind(["recommendation", "feedback"]);
      needCompetence("within");
      break;
  }
  return out;
}

function lcFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** Archive reasons that fit the petition (the input still has to name the duplicate or the decision). */
export function allowedArchiveReasons(p: PetitionFacts): ArchiveReason[] {
  if (!OUTCOMES.archive.from.includes(p.status)) return [];
  const c = p.classification;
  const reasons: ArchiveReason[] = [];
  if (p.status === "NOT_ELIGIBLE") reasons.push("not_eligible");
  if (c?.kind === "denunciation" && isHiddenWriter(p) && !p.eligibility?.anonymousDenunciationException) {
    reasons.push("anonymous_without_evidence");
  }
  reasons.push("duplicate");
  if (c && !c.newEvidence && c.kind !== "recommendation" && c.kind !== "feedback") reasons.push("already_resolved");
  return reasons;
}

export interface AllowedOutcome {
  outcome: PetitionOutcome;
  label: string;
  to: PetitionState;
  form: PetitionFormCode | null;
  basis: string;
  /** For "archive": the reasons that fit. */
  archiveReasons?: ArchiveReason[];
}

export interface RefusedOutcome {
  outcome: PetitionOutcome;
  label: string;
  /** Vietnamese sentences saying why. */
  reasons: string[];
}

/** Tell the client what it may do: every outcome, allowed or with the reasons it is not. */
export function allowedOutcomes(p: PetitionFacts): { allowed: AllowedOutcome[]; notAllowed: RefusedOutcome[] } {
  const allowed: AllowedOutcome[] = [];
  const notAllowed: RefusedOutcome[] = [];
  for (const outcome of OUTCOME_LIST) {
    const d = OUTCOMES[outcome];
    const blockers = outcomeBlockers(p, outcome);
    if (blockers.length > 0) {
      notAllowed.push({ outcome, label: d.label, reasons: blockers.map((b) => b.message) });
      continue;
    }
    const option: AllowedOutcome = {
      outcome,
      label: d.label,
      to: d.to,
      form: formFor(outcome, p.classification?.kind),
      basis: d.basis,
    };
    if (outcome === "archive") option.archiveReasons = allowedArchiveReasons(p);
    allowed.push(option);
  }
  return { allowed, notAllowed };
}

/**
 * Every problem with applying `outcome` with `input` to the petition: the blockers, the input, the
 * archive reason, and time-limit warnings (a late transfer is still made, so lateness is a warning).
 */
export function checkOutcome<O extends PetitionOutcome>(
  p: PetitionFacts,
  outcome: O,
  input: OutcomeInputOf<O>,
  options: OutcomeCheckOptions = {},
): Problem[] {
  const full = { ...input, outcome } as OutcomeInput;
  const problems = [...outcomeBlockers(p, outcome), ...outcomeInputProblems(full)];

  if (blank(full.on)) {
    problems.push(problem("ON_REQUIRED", "on", "Nhập ngày xử lý."));
  } else if (full.on < p.receivedOn) {
    problems.push(problem("ON_BEFORE_RECEIPT", "on", "Ngày xử lý không được trước ngày nhận đơn."));
  }

  const kind = p.classification?.kind;
  if (p.classification?.aboutAdministrativeRegulations) {
    problems.push({
      code: "ADMINISTRATIVE_REGULATION",
      field: "outcome",
      message: `Kiến nghị, phản ánh về quy định hành chính được xử lý theo Nghị định 20/2008/NĐ-CP, không theo ${TT05}.`,
      severity: "warning",
      basis: `Điều 1 ${TT05}`,
    });
  }

  if (
    full.outcome === "archive" &&
    full.reason in ARCHIVE_REASONS &&
    OUTCOMES.archive.from.includes(p.status) &&
    !allowedArchiveReasons(p).includes(full.reason)
  ) {
    problems.push(problem("ARCHIVE_REASON_MISMATCH", "reason", archiveMismatch(p, full.reason)));
  }

  if (full.outcome === "transfer") {
    const hidden = isHiddenWriter(p);
    if (!full.notifyWriter && !hidden && kind === "denunciation") {
      problems.push(
        problem(
          "NOTIFY_DENOUNCER_REQUIRED",
          "notifyWriter",
          "Chuyển đơn tố cáo phải thông báo cho người tố cáo.",
          `Điều 24 khoản 2 ${LTC}`,
        ),
      );
    }
    const earlier = lastOf(p.sameContentHistory, ["transfer"]);
    if (earlier && kind !== "denunciation") {
      problems.push({
        code: "TRANSFERRED_BEFORE",
        field: "outcome",
        message: `Nội dung này đã được chuyển đơn ngày ${formatVietnameseDate(earlier.on)} (đơn ${earlier.petitionId}); cân nhắc lưu đơn trùng.`,
        severity: "warning",
      });
    }
    if (kind === "denunciation" && options.calendar && !blank(full.on)) {
      const due = computeDue(transferDeadline(p), { calendar: options.calendar, rules: options.rules });
      if (full.on > due) {
        problems.push({
          code: "TRANSFER_LATE",
          field: "on",
          message: `Quá thời hạn chuyển đơn tố cáo 5 ngày làm việc kể từ ngày nhận (hạn ${formatVietnameseDate(due)}); vẫn phải chuyển đơn và ghi rõ lý do chậm.`,
          severity: "warning",
          basis: `Điều 24 khoản 2 ${LTC}`,
        });
      }
    }
  }
  return problems;
}

function archiveMismatch(p: PetitionFacts, reason: ArchiveReason): string {
  switch (reason) {
    case "not_eligible":
      return "Đơn đã được xác định đủ điều kiện xử lý; không lưu đơn với lý do không đủ điều kiện.";
    case "anonymous_without_evidence":
      return isHiddenWriter(p) && p.classification?.kind === "denunciation"
        ? "Tố cáo nặc danh, mạo danh này có chứng cứ cụ thể và cơ sở xác minh: đề xuất thanh tra, kiểm tra hoặc chuyển đơn, không lưu đơn."
        : "Chỉ lưu đơn với lý do này đối với tố cáo nặc danh, mạo danh.";
    case "already_resolved":
      return p.classification?.newEvidence
        ? "Có tình tiết, chứng cứ mới: không lưu đơn với lý do đã giải quyết."
        : "Lý do đã giải quyết chỉ áp dụng cho khiếu nại, tố cáo.";
    case "duplicate":
      return "Không lưu đơn trùng ở trạng thái này.";
  }
}

// ---- Deadlines referenced by the outcomes --------------------------------------------------------

/** 5 working days from receipt to transfer a denunciation outside competence (Điều 24 khoản 2 Luật Tố cáo 2018). */
export function transferDeadline(p: Pick<PetitionFacts, "receivedOn">): DeadlineInput {
  return { rule: "denunciation.transfer", from: p.receivedOn };
}

/** Filed petitions are kept 1 year from filing (Điều 28 khoản 2 Thông tư 05/2021/TT-TTCP). */
export function retentionDeadline(filedOn: IsoDate): DeadlineInput {
  return { rule: "petition.retention", from: filedOn };
}

export function retentionUntil(filedOn: IsoDate, calendar: WorkCalendar, rules?: RuleSet): IsoDate {
  return computeDue(retentionDeadline(filedOn), { calendar, rules });
}

export interface DestructionInput {
  decisionNumber: string;
  decisionDate: IsoDate;
  /** The head of the body who decides (Điều 28 khoản 2). */
  decidedBy: string;
}

/**
 * Guard of FILED → DESTROYED: the retention year is over and the head decided in writing. The
 * decision is drafted here and takes its number and signer from the register when a leader signs
 * it in the system; only a decision issued outside the system is typed.
 */
export function checkDestruction(
  p: PetitionFacts,
  input: DestructionInput,
  options: { calendar: WorkCalendar; rules?: RuleSet },
): Problem[] {
  const problems: Problem[] = [];
  const basis = `Điều 28 khoản 2 ${TT05}`;
  if (p.status !== "FILED") {
    problems.push(problem("WRONG_STATE", "status", "Chỉ tiêu hủy đơn đang lưu.", basis));
    return problems;
  }
  if (blank(input.decisionNumber)) {
    problems.push(problem("DECISION_NUMBER_REQUIRED", "decisionNumber", "Nhập số quyết định tiêu hủy đơn.", basis));
  }
  if (blank(input.decidedBy)) {
    problems.push(
      problem("DECIDED_BY_REQUIRED", "decidedBy", "Ghi người đứng đầu cơ quan quyết định tiêu hủy.", basis),
    );
  }
  if (blank(input.decisionDate)) {
    problems.push(problem("DECISION_DATE_REQUIRED", "decisionDate", "Nhập ngày quyết định tiêu hủy.", basis));
    if (!p.filedOn) problems.push(problem("FILED_ON_MISSING", "filedOn", "Đơn chưa có ngày lưu đơn.", basis));
    return problems;
  }
  return [...problems, ...checkDestructionDraft(p, input.decisionDate, options)];
}

/**
 * Whether a destruction decision dated `on` may be drafted for this petition: it is filed and its
 * year of retention is over by then (Điều 28 khoản 2). Drafting checks this with today's date;
 * the issue checks it again with the date the leader signs.
 */
export function checkDestructionDraft(
  p: PetitionFacts,
  on: IsoDate,
  options: { calendar: WorkCalendar; rules?: RuleSet },
): Problem[] {
  const basis = `Điều 28 khoản 2 ${TT05}`;
  if (p.status !== "FILED") return [problem("WRONG_STATE", "status", "Chỉ tiêu hủy đơn đang lưu.", basis)];
  if (!p.filedOn) return [problem("FILED_ON_MISSING", "filedOn", "Đơn chưa có ngày lưu đơn.", basis)];
  const until = retentionUntil(p.filedOn, options.calendar, options.rules);
  if (on > until) return [];
  return [
    problem(
      "RETENTION_NOT_OVER",
      "decisionDate",
      `Đơn phải được lưu 1 năm kể từ ngày lưu (${formatVietnameseDate(p.filedOn)}); chỉ quyết định tiêu hủy sau ngày ${formatVietnameseDate(until)}.`,
      basis,
    ),
  ];
}
