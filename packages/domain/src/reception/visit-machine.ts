/**
 * The reception visit state machine (docs/LAW.md §13.3): OPEN → HANDLED (accepted / guided /
 * transferred / refused) → FOLLOWED_UP. A transition is data (from, action, to) plus a guard that
 * lists what stands in the way, in Vietnamese, with the field it is about.
 */
import { checkGroupRepresentation, representativeRange, type GroupOptions } from "./group.ts";
import { validateIdentityDocument, type IdentityOptions } from "./identity.ts";
import { hasErrors, type Problem } from "../problem.ts";
import { cite } from "../law/acts.ts";
import {
  HANDLING_ROUTES,
  REFUSAL_REASONS,
  VISIT_KINDS,
  VISITOR_CAPACITIES,
  type ReceptionVisit,
  type RefusalInput,
  type VisitHandling,
  type VisitState,
} from "./visit.ts";

const TT04 = cite("TT04");

export type VisitAction = "handle" | "follow_up";

export interface VisitTransition {
  action: VisitAction;
  from: readonly VisitState[];
  to: VisitState;
  label: string;
}

export const VISIT_TRANSITIONS: readonly VisitTransition[] = [
  { action: "handle", from: ["OPEN"], to: "HANDLED", label: "Xử lý lượt tiếp" },
  // Column 11 of the register is filled as the matter progresses: follow-up can be recorded again.
  { action: "follow_up", from: ["HANDLED", "FOLLOWED_UP"], to: "FOLLOWED_UP", label: "Ghi nhận kết quả theo dõi" },
];

export type VisitRecordOptions = GroupOptions & IdentityOptions;

export interface FollowUpInput {
  followUp: string;
}

export type VisitTransitionInput =
  { action: "handle"; handling: VisitHandling } | { action: "follow_up"; followUp: FollowUpInput };

export interface VisitTransitionResult {
  ok: boolean;
  to: VisitState | null;
  problems: Problem[];
}

const blank = (value: string | null | undefined): boolean => !value || value.trim() === "";

function error(code: Problem["code"], field: string, message: string, basis?: string): Problem {
  return basis ? { code, field, message, severity: "error", basis } : { code, field, message, severity: "error" };
}

/**
 * Checks of the record itself: who came, their papers, the group and its representatives, the
 * presiding head of a periodic or ad hoc reception. `refused` relaxes what cannot be asked of someone
 * who is refused (a summary of the matter, identity papers).
 */
export function checkVisitRecord(
  visit: Omit<ReceptionVisit, "status" | "handling" | "followUp">,
  options: VisitRecordOptions = {},
  refused = false,
): Problem[] {
  const problems: Problem[] = [];
  const kind = VISIT_KINDS[visit.kind];
  if (!kind) {
    problems.push(error("VISIT_KIND_UNKNOWN", "kind", "Hình thức tiếp công dân không hợp lệ."));
  } else if (kind.needsPresidingHead && blank(visit.presidingHead)) {
    problems.push(
      error(
        "PRESIDING_HEAD_REQUIRED",
        "presidingHead",
        `${kind.label}: ghi rõ người đứng đầu (hoặc cấp phó được ủy quyền) chủ trì buổi tiếp.`,
        kind.basis,
      ),
    );
  }
  if (visit.visitors.length === 0) {
    problems.push(error("VISITOR_REQUIRED", "visitors", "Nhập ít nhất một người đến."));
  }

  const isGroup = representativeRange(visit.peopleCount) !== null;
  visit.visitors.forEach((v, i) => {
    const at = `visitors.${i}`;
    if (blank(v.fullName)) problems.push(error("VISITOR_NAME_REQUIRED", `${at}.fullName`, "Nhập họ và tên người đến."));
    if (!refused && blank(v.address)) {
      problems.push(error("VISITOR_ADDRESS_REQUIRED", `${at}.address`, "Nhập địa chỉ người đến.", `Điều 5 ${TT04}`));
    }
    if (v.identity) {
      const check = validateIdentityDocument(v.identity, options);
      if (!check.ok) problems.push(error(`IDENTITY_${check.code}`, `${at}.identity.${check.field}`, check.message));
    } else if (!refused && !isGroup) {
      problems.push(
        error(
          "IDENTITY_REQUIRED",
          `${at}.identity`,
          "Người đến phải xuất trình giấy tờ tùy thân (căn cước, hộ chiếu hoặc giấy tờ khác); ghi số giấy tờ.",
          `Điều 5, Điều 6 ${TT04}`,
        ),
      );
    }
    const capacity = VISITOR_CAPACITIES[v.capacity ?? "self"];
    if (capacity && capacity.paper && blank(v.authorisationPaper)) {
      problems.push(
        error(
          "AUTHORISATION_PAPER_REQUIRED",
          `${at}.authorisationPaper`,
          `${capacity.label} phải xuất trình ${capacity.paper}; ghi số hoặc mô tả giấy tờ.`,
          `Điều 5, Điều 6 ${TT04}`,
        ),
      );
    }
  });
  if (!refused && isGroup && visit.visitors.length > 0 && !visit.visitors.some((v) => v.identity)) {
    problems.push(
      error(
        "IDENTITY_REQUIRED",
        "visitors.0.identity",
        "Ghi giấy tờ tùy thân của ít nhất người đại diện của nhóm.",
        `Điều 5, Điều 6 ${TT04}`,
      ),
    );
  }

  const group = checkGroupRepresentation(
    {
      peopleCount: visit.peopleCount,
      members: visit.visitors.map((v) => ({ fullName: v.fullName, idNumber: v.identity?.number ?? null })),
      representatives: visit.representatives,
      writtenAppointment: visit.writtenAppointment ?? null,
    },
    options,
  );
  // A refused group is not received at all: the representation rules are not in play.
  problems.push(...(refused ? group.problems.filter((p) => p.code === "PEOPLE_COUNT_INVALID") : group.problems));
  return problems;
}

export function checkRefusal(refusal: RefusalInput | null | undefined, field = "handling.refusal"): Problem[] {
  if (!refusal) {
    return [error("REFUSAL_REASON_REQUIRED", field, "Chọn lý do từ chối tiếp công dân (Điều 9 Luật Tiếp công dân).")];
  }
  const reason = REFUSAL_REASONS[refusal.reason];
  if (!reason) {
    return [
      error("REFUSAL_REASON_UNKNOWN", `${field}.reason`, "Lý do từ chối phải là một trong các khoản 1–4 Điều 9."),
    ];
  }
  const problems: Problem[] = [];
  if (reason.needsEarlierMatter && blank(refusal.earlierMatterId)) {
    problems.push(
      error(
        "REFUSAL_EARLIER_MATTER_REQUIRED",
        `${field}.earlierMatterId`,
        "Từ chối theo khoản 3 Điều 9: chọn vụ việc đã được giải quyết đúng chính sách, pháp luật trước đó.",
        reason.basis,
      ),
    );
  }
  if (reason.needsRefusalNotice && (blank(refusal.refusalNotice?.number) || blank(refusal.refusalNotice?.date))) {
    problems.push(
      error(
        "REFUSAL_NOTICE_REQUIRED",
        `${field}.refusalNotice`,
        "Từ chối theo khoản 3 Điều 9: phải có Thông báo từ chối tiếp công dân của người đứng đầu (số và ngày văn bản).",
        reason.basis,
      ),
    );
  }
  if (reason.needsLegalBasis && blank(refusal.legalBasis)) {
    problems.push(
      error(
        "REFUSAL_LEGAL_BASIS_REQUIRED",
        `${field}.legalBasis`,
        "Từ chối theo khoản 4 Điều 9: ghi rõ quy định của pháp luật làm căn cứ.",
        reason.basis,
      ),
    );
  }
  return problems;
}

/** Checks a handling decision against the visit (guard of OPEN → HANDLED). */
export function checkVisitHandling(
  visit: Omit<ReceptionVisit, "status" | "handling" | "followUp">,
  handling: VisitHandling,
  options: VisitRecordOptions = {},
): Problem[] {
  if (!(handling.route in HANDLING_ROUTES)) {
    return [error("ROUTE_UNKNOWN", "handling.route", "Hướng xử lý không hợp lệ.")];
  }
  const refused = handling.route === "refused";
  const problems = checkVisitRecord(visit, options, refused);
  if (refused) return [...problems, ...checkRefusal(handling.refusal)];

  if (blank(visit.contentSummary)) {
    problems.push(error("CONTENT_SUMMARY_REQUIRED", "contentSummary", "Ghi tóm tắt nội dung vụ việc."));
  }
  if (!visit.contentKind) {
    problems.push(
      error("CONTENT_KIND_REQUIRED", "contentKind", "Phân loại nội dung: khiếu nại, tố cáo, kiến nghị hay phản ánh."),
    );
  }
  switch (handling.route) {
    case "accepted":
      if (visit.competence !== "within") {
        problems.push(
          error(
            "ACCEPT_NEEDS_COMPETENCE",
            "competence",
            "Chỉ thụ lý khi vụ việc thuộc thẩm quyền giải quyết của cơ quan; xác định thẩm quyền trước.",
            `Mẫu số 03 ${TT04} (cột 8)`,
          ),
        );
      }
      break;
    case "returned_guided":
    case "transferred": {
      const verb = handling.route === "transferred" ? "chuyển đơn" : "hướng dẫn";
      if (visit.competence === "within") {
        problems.push(
          error(
            "WITHIN_COMPETENCE",
            "competence",
            `Vụ việc thuộc thẩm quyền của cơ quan thì thụ lý giải quyết, không ${verb}.`,
          ),
        );
      }
      if (blank(handling.targetBody)) {
        problems.push(
          error(
            "TARGET_BODY_REQUIRED",
            "handling.targetBody",
            handling.route === "transferred"
              ? "Ghi cơ quan, tổ chức, đơn vị có thẩm quyền nhận đơn chuyển."
              : "Ghi cơ quan có thẩm quyền mà công dân được hướng dẫn đến.",
          ),
        );
      }
      if (blank(handling.documentNumber)) {
        problems.push({
          code: "DOCUMENT_NUMBER_MISSING",
          field: "handling.documentNumber",
          message: `Sổ tiếp công dân ghi số văn bản ${verb}; nhập khi đã có số.`,
          severity: "warning",
          basis: `Mẫu số 03 ${TT04}`,
        });
      }
      break;
    }
  }
  return problems;
}

export function allowedVisitActions(visit: Pick<ReceptionVisit, "status" | "handling">): VisitAction[] {
  return VISIT_TRANSITIONS.filter(
    (t) => t.from.includes(visit.status) && !(t.action === "follow_up" && visit.handling?.route === "refused"),
  ).map((t) => t.action);
}

export function visitTransition(
  visit: ReceptionVisit,
  input: VisitTransitionInput,
  options: VisitRecordOptions = {},
): VisitTransitionResult {
  const transition = VISIT_TRANSITIONS.find((t) => t.action === input.action);
  if (!transition) {
    return { ok: false, to: null, problems: [error("ACTION_UNKNOWN", "action", "Thao tác không hợp lệ.")] };
  }
  if (!transition.from.includes(visit.status)) {
    return {
      ok: false,
      to: null,
      problems: [
        error(
          "WRONG_STATE",
          "status",
          input.action === "handle"
            ? "Lượt tiếp đã được xử lý; không xử lý lại."
            : "Lượt tiếp chưa được xử lý nên chưa có kết quả để theo dõi.",
        ),
      ],
    };
  }
  let problems: Problem[];
  if (input.action === "handle") {
    problems = checkVisitHandling(visit, input.handling, options);
  } else if (visit.handling?.route === "refused") {
    problems = [
      error("REFUSED_NO_FOLLOW_UP", "status", "Lượt tiếp đã bị từ chối nên không có kết quả giải quyết để theo dõi."),
    ];
  } else {
    problems = blank(input.followUp.followUp)
      ? [error("FOLLOW_UP_REQUIRED", "followUp", "Ghi tiến độ hoặc kết quả giải quyết.")]
      : [];
  }
  const ok = !hasErrors(problems);
  return { ok, to: ok ? transition.to : null, problems };
}
