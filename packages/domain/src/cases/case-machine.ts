/**
 * The complaint and denunciation case machine (docs/LAW.md §5.5, §6.7, §13.3–13.4): opening a case,
 * the guards that depend on the case alone (state, kind, dialogue, extensions left, publication), and
 * the transition. Pure: a refused step returns `facts: null` and leaves the given facts untouched; an
 * allowed one returns new facts with a history entry. The checks of each step's input are in
 * case-steps.ts.
 */
import { isValidIsoDate, type IsoDate } from "../calendar/iso-date.ts";
import { hasErrors, type Problem } from "../problem.ts";
import { CASE_ACTION_LIST, CASE_ACTIONS, type CaseAction, type CaseActionInput } from "./actions.ts";
import { COMPLEXITY_LEVELS, complexityOf } from "./catalogues.ts";
import { applyStep } from "./case-steps.ts";
import {
  CASE_KINDS,
  CASE_OUTCOME_LIST,
  CASE_STATES,
  type CaseContext,
  type CaseFacts,
  type CaseFormCode,
  type CaseHistoryEntry,
  type CaseKind,
  type FirstInstanceReference,
} from "./case.ts";
import {
  blank,
  Checks,
  clean,
  fmt,
  lcFirst,
  LKN,
  LTC,
  ND124,
  ND31,
  type CaseProblem,
  type CaseProblemCode,
} from "./checks.ts";

export type { CaseProblem, CaseProblemCode } from "./checks.ts";

// ---- Opening a case ----------------------------------------------------------------------------

export interface OpenCaseInput {
  kind: CaseKind;
  /** Date the agency received the petition. */
  receivedOn: IsoDate;
  /** Complaints: first (1) or second (2) instance. */
  instance?: 1 | 2 | null;
  /** Complaints at the second instance: the first-instance decision (Điều 33 Luật Khiếu nại 2011). */
  firstInstance?: FirstInstanceReference | null;
  /** Denunciations: the earlier case of a repeated denunciation (tố cáo tiếp). */
  repeatedOf?: string | null;
  note?: string | null;
}

/** Problems of the input alone, without dates against today (shared with the API schema). */
export function openCaseInputProblems(input: Omit<OpenCaseInput, "receivedOn">): CaseProblem[] {
  const out: CaseProblem[] = [];
  const add = (code: CaseProblemCode, field: string, message: string, basis?: string) =>
    out.push(basis ? { code, field, message, severity: "error", basis } : { code, field, message, severity: "error" });
  if (input.kind !== "complaint" && input.kind !== "denunciation") {
    add("KIND_UNKNOWN", "kind", "Chọn loại vụ việc: khiếu nại hoặc tố cáo.");
    return out;
  }
  const first = input.firstInstance ?? null;
  if (input.kind === "denunciation") {
    if ((input.instance ?? null) !== null || first) {
      add(
        "INSTANCE_NOT_FOR_DENUNCIATION",
        "instance",
        "Tố cáo không giải quyết theo lần đầu, lần hai; tố cáo tiếp thì ghi vụ việc tố cáo trước đó.",
      );
    }
    return out;
  }
  if (!blank(input.repeatedOf)) {
    add("REPEATED_ONLY_FOR_DENUNCIATION", "repeatedOf", "Chỉ tố cáo tiếp mới liên kết với vụ việc tố cáo trước đó.");
  }
  if (input.instance !== 1 && input.instance !== 2) {
    add("INSTANCE_REQUIRED", "instance", "Chọn khiếu nại lần đầu hoặc khiếu nại lần hai.");
    return out;
  }
  if (input.instance === 1) {
    if (first) {
      add(
        "FIRST_INSTANCE_NOT_ALLOWED",
        "firstInstance",
        "Khiếu nại lần đầu không có quyết định giải quyết lần đầu; bỏ thông tin này hoặc chọn khiếu nại lần hai.",
      );
    }
    return out;
  }
  const basis = `Điều 33 ${LKN}`;
  if (!first) {
    add(
      "FIRST_INSTANCE_REQUIRED",
      "firstInstance",
      "Khiếu nại lần hai phải nêu quyết định giải quyết lần đầu (số, ngày, người ký).",
      basis,
    );
    return out;
  }
  if (blank(first.decisionNumber)) {
    add(
      "FIRST_INSTANCE_REQUIRED",
      "firstInstance.decisionNumber",
      "Khiếu nại lần hai phải nêu quyết định giải quyết lần đầu: nhập số quyết định.",
      basis,
    );
  }
  if (!isValidIsoDate(first.decisionDate)) {
    add(
      "FIRST_INSTANCE_REQUIRED",
      "firstInstance.decisionDate",
      "Khiếu nại lần hai phải nêu quyết định giải quyết lần đầu: nhập ngày quyết định.",
      basis,
    );
  }
  if (blank(first.decidedBy)) {
    add(
      "FIRST_INSTANCE_REQUIRED",
      "firstInstance.decidedBy",
      "Khiếu nại lần hai phải nêu quyết định giải quyết lần đầu: ghi người ra quyết định.",
      basis,
    );
  }
  if (first.outcome !== undefined && first.outcome !== null && !CASE_OUTCOME_LIST.includes(first.outcome)) {
    add("VALUE_INVALID", "firstInstance.outcome", "Kết quả giải quyết lần đầu không hợp lệ.");
  }
  return out;
}

const EMPTY_FACTS: Omit<CaseFacts, "kind" | "state" | "receivedOn" | "instance" | "firstInstance" | "repeatedOf"> = {
  acceptedOn: null,
  outcome: null,
  acceptance: null,
  rejection: null,
  initialExtension: null,
  transfer: null,
  flags: { remote: false, remoteJustification: null, complex: false, complexJustification: null },
  complexityCriteria: [],
  complexityNote: null,
  extensions: [],
  suspensions: [],
  stateBeforeSuspension: null,
  verification: null,
  dialogues: [],
  decision: null,
  conclusion: null,
  conclusionHandling: null,
  publications: [],
  enforcement: [],
  withdrawal: null,
  termination: null,
  protection: [],
  closedOn: null,
  history: [],
};

/**
 * Opens a case from a petition proposed for acceptance. Complaints wait for acceptance (10 days,
 * Điều 27 / 36 Luật Khiếu nại 2011); denunciations start their initial processing (7 working days,
 * Điều 24 Luật Tố cáo 2018).
 */
export function openCase(input: OpenCaseInput, ctx: CaseContext): { facts: CaseFacts | null; problems: Problem[] } {
  const c = new Checks(ctx);
  c.problems.push(...openCaseInputProblems(input));
  c.date("receivedOn", input.receivedOn, "Ngày nhận đơn");
  const first = input.kind === "complaint" && input.instance === 2 ? (input.firstInstance ?? null) : null;
  if (first && isValidIsoDate(first.decisionDate)) {
    c.date("firstInstance.decisionDate", first.decisionDate, "Ngày quyết định giải quyết lần đầu");
    if (isValidIsoDate(input.receivedOn) && first.decisionDate > input.receivedOn) {
      c.error(
        "DATE_AFTER_RECEIPT",
        "firstInstance.decisionDate",
        `Ngày quyết định giải quyết lần đầu (${fmt(first.decisionDate)}) không được sau ngày nhận đơn khiếu nại lần hai (${fmt(input.receivedOn)}).`,
      );
    }
  }
  if (hasErrors(c.problems)) return { facts: null, problems: c.problems };
  const kind = input.kind;
  const facts: CaseFacts = {
    ...EMPTY_FACTS,
    kind,
    state: kind === "complaint" ? "AWAITING_ACCEPTANCE" : "INITIAL_PROCESSING",
    receivedOn: input.receivedOn,
    instance: kind === "complaint" ? (input.instance ?? null) : null,
    firstInstance: first
      ? {
          decisionNumber: first.decisionNumber.trim(),
          decisionDate: first.decisionDate,
          decidedBy: first.decidedBy.trim(),
          outcome: first.outcome ?? null,
          caseId: clean(first.caseId),
        }
      : null,
    repeatedOf: kind === "denunciation" ? clean(input.repeatedOf) : null,
    history: [{ action: "open", on: input.receivedOn, recordedOn: ctx.today, form: null, note: clean(input.note) }],
  };
  return { facts, problems: c.problems };
}

// ---- Guards that depend on the facts only --------------------------------------------------------

/**
 * Dialogue is required at the second instance (khoản 1 Điều 28 Nghị định 124/2020/NĐ-CP; Điều 39
 * Luật Khiếu nại 2011) and at the first when the verification result differs from the demand
 * (khoản 1 Điều 30 Luật Khiếu nại 2011).
 */
export function dialogueRequired(facts: CaseFacts): boolean {
  if (facts.kind !== "complaint") return false;
  return facts.instance === 2 || facts.verification?.differsFromDemand === true;
}

/** How many extensions the case's complexity allows, and how many were granted (Điều 30 Luật Tố cáo 2018). */
export function extensionAllowance(facts: CaseFacts): { allowed: number; used: number } {
  return {
    allowed: COMPLEXITY_LEVELS[complexityOf(facts.complexityCriteria)].extensionsAllowed,
    used: facts.extensions.length,
  };
}

function problem(code: CaseProblemCode, field: string, message: string, basis?: string): CaseProblem {
  return basis ? { code, field, message, severity: "error", basis } : { code, field, message, severity: "error" };
}

/** Why `action` cannot be taken on the case as it stands, whatever the input; empty when it can. */
export function caseActionBlockers(facts: CaseFacts, action: CaseAction): CaseProblem[] {
  const def = Object.hasOwn(CASE_ACTIONS, action) ? CASE_ACTIONS[action] : undefined;
  if (!def) return [problem("ACTION_UNKNOWN", "action", "Thao tác không hợp lệ.")];
  if (!def.kinds.includes(facts.kind)) {
    const kinds = def.kinds.map((k) => CASE_KINDS[k].toLowerCase()).join(", ");
    return [problem("CASE_KIND_MISMATCH", "action", `"${def.label}" chỉ áp dụng cho vụ việc ${kinds}.`, def.basis)];
  }
  const from = def.from[facts.kind] ?? [];
  if (!from.includes(facts.state)) {
    if (action === "decide" || action === "conclude") {
      const complaint = facts.kind === "complaint";
      const step = complaint ? "ra quyết định giải quyết khiếu nại" : "kết luận nội dung tố cáo";
      if (facts.acceptedOn === null) {
        return [
          problem(
            "CASE_NOT_ACCEPTED",
            "state",
            `Chưa thụ lý ${complaint ? "khiếu nại" : "tố cáo"}: không thể ${step}.`,
            complaint ? `Điều 27, Điều 31 ${LKN}` : `Điều 28, Điều 29 ${LTC}`,
          ),
        ];
      }
      if (facts.state === "ACCEPTED" || facts.state === "VERIFYING") {
        return [
          problem(
            "CASE_NOT_VERIFIED",
            "state",
            `Chưa có kết quả xác minh nội dung ${complaint ? "khiếu nại" : "tố cáo"}: không thể ${step}.`,
            complaint ? `Điều 29, Điều 38 ${LKN}` : `Điều 28, Điều 31 ${LTC}`,
          ),
        ];
      }
    }
    return [
      problem(
        "CASE_WRONG_STATE",
        "state",
        `Không thể ${lcFirst(def.label)} khi vụ việc đang ở trạng thái "${CASE_STATES[facts.state]}".`,
      ),
    ];
  }
  switch (action) {
    case "decide":
      if (dialogueRequired(facts) && facts.dialogues.length === 0) {
        return [
          facts.instance === 2
            ? problem(
                "DIALOGUE_REQUIRED",
                "state",
                "Chưa tổ chức đối thoại: giải quyết khiếu nại lần hai bắt buộc phải đối thoại trước khi ra quyết định.",
                `Khoản 1 Điều 28 ${ND124}; Điều 39 ${LKN}`,
              )
            : problem(
                "DIALOGUE_REQUIRED",
                "state",
                "Chưa tổ chức đối thoại: kết quả xác minh còn khác với yêu cầu của người khiếu nại nên phải đối thoại trước khi ra quyết định.",
                `Khoản 1 Điều 30 ${LKN}`,
              ),
        ];
      }
      break;
    case "extend": {
      const { allowed, used } = extensionAllowance(facts);
      if (used >= 2) {
        return [
          problem(
            "EXTENSION_LIMIT_REACHED",
            "extensions",
            "Không thể gia hạn lần thứ ba: thời hạn giải quyết tố cáo chỉ được gia hạn tối đa hai lần, mỗi lần không quá 30 ngày, đối với vụ việc đặc biệt phức tạp.",
            `Khoản 3 Điều 30 ${LTC}`,
          ),
        ];
      }
      if (used >= allowed) {
        return [
          allowed === 0
            ? problem(
                "EXTENSION_NOT_ALLOWED",
                "extensions",
                `Vụ việc không phức tạp: thời hạn giải quyết tố cáo là 30 ngày, không được gia hạn. Nếu vụ việc phức tạp, xác định các tiêu chí tại Điều 3 ${ND31} trước.`,
                `Khoản 1, khoản 2 Điều 30 ${LTC}`,
              )
            : problem(
                "EXTENSION_NOT_ALLOWED",
                "extensions",
                `Vụ việc phức tạp chỉ được gia hạn một lần, không quá 30 ngày; đã gia hạn ${used} lần. Chỉ vụ việc đặc biệt phức tạp (từ 02 tiêu chí tại Điều 3 ${ND31}) mới được gia hạn hai lần.`,
                `Khoản 2, khoản 3 Điều 30 ${LTC}`,
              ),
        ];
      }
      break;
    }
    case "extend_initial":
      if (facts.initialExtension) {
        return [
          problem(
            "INITIAL_ALREADY_EXTENDED",
            "initialExtension",
            `Đã gia hạn xử lý ban đầu ngày ${fmt(facts.initialExtension.on)}; thời hạn xử lý ban đầu tối đa 10 ngày làm việc.`,
            `Khoản 1 Điều 24 ${LTC}`,
          ),
        ];
      }
      break;
    case "close":
      if ((facts.kind === "denunciation" || facts.instance === 2) && facts.publications.length === 0) {
        return [
          facts.kind === "denunciation"
            ? problem(
                "PUBLICATION_REQUIRED",
                "publications",
                "Kết luận nội dung tố cáo phải được công khai trước khi kết thúc vụ việc.",
                `Điều 40 ${LTC}; ${ND31}`, // [P] docs/LAW.md §0.1
              )
            : problem(
                "PUBLICATION_REQUIRED",
                "publications",
                "Quyết định giải quyết khiếu nại lần hai phải được công khai trước khi kết thúc vụ việc.",
                `Điều 41 ${LKN}; ${ND124}`, // [P] docs/LAW.md §0.1
              ),
        ];
      }
      break;
    default:
      break;
  }
  return [];
}

/** The steps that may be taken next (what the client shows). */
export function allowedCaseActions(facts: CaseFacts, _ctx: CaseContext): CaseAction[] {
  return CASE_ACTION_LIST.filter((action) => caseActionBlockers(facts, action).length === 0);
}

export interface CaseTransitionResult {
  /** The facts after the step; null when refused (the given facts are never changed). */
  facts: CaseFacts | null;
  /** Errors (when refused) and warnings (a late step is still taken). */
  problems: Problem[];
  /** The form the step prints. */
  documentForm: CaseFormCode | null;
}

/** Applies one step: the state guard, then the input's checks; nothing changes when refused. */
export function caseTransition(facts: CaseFacts, input: CaseActionInput, ctx: CaseContext): CaseTransitionResult {
  const blockers = caseActionBlockers(facts, input.action);
  if (blockers.length > 0) return { facts: null, problems: blockers, documentForm: null };
  const c = new Checks(ctx);
  const drafted =
    CASE_ACTIONS[input.action].forms[facts.kind] !== undefined &&
    (input as { issuedOutside?: boolean | null }).issuedOutside !== true;
  if (drafted) paperTypedTwice(input, c);
  const step = applyStep(facts, input, c);
  if (!step || hasErrors(c.problems)) return { facts: null, problems: c.problems, documentForm: null };
  const entry: CaseHistoryEntry = {
    action: input.action,
    on: step.on,
    recordedOn: ctx.today,
    form: step.form,
    note: step.note ?? null,
  };
  return {
    facts: { ...step.next, history: [...facts.history, entry] },
    problems: c.problems,
    documentForm: drafted ? step.form : null,
  };
}

/** The fields that name a step's paper: its number and who signed it. */
const PAPER_FIELDS = ["documentNumber", "number", "decisionNumber", "signer"] as const;

/**
 * A step whose paper is drafted here takes its number from the register, and its signer from the
 * leader who signs it in the system, when it is issued (Điều 15 Nghị định 30/2020/NĐ-CP: one
 * register numbers the agency's papers): typing them too would give the step one number and the
 * paper another. Only a paper issued outside the system is typed, and marked as such.
 */
function paperTypedTwice(input: CaseActionInput, c: Checks): void {
  const typed = input as Partial<Record<(typeof PAPER_FIELDS)[number], unknown>>;
  for (const field of PAPER_FIELDS) {
    if (!blank(typed[field] as string | null | undefined))
      c.error(
        "NUMBER_FROM_REGISTER",
        field,
        "Số và người ký của văn bản do hệ thống lấy khi lãnh đạo ký ban hành dự thảo; chỉ nhập khi văn bản đã ban hành ngoài hệ thống (đánh dấu “Văn bản đã ban hành ngoài hệ thống”).",
      );
  }
}
