/**
 * The steps of complaint and denunciation resolution: their inputs, the states they start from, the
 * article they come from and the form they print. The guards are in case-machine.ts.
 */
import type { IsoDate } from "../calendar/iso-date.ts";
import type {
  ComplaintRejectionGround,
  ComplexityCriterion,
  DenunciationAcceptanceConditions,
  DenunciationRejectionGround,
  ProtectionMeasure,
  PublicationMethod,
} from "./catalogues.ts";
import {
  RESOLVING_STATES,
  type CaseAmounts,
  type CaseFormCode,
  type CaseKind,
  type CaseOutcome,
  type CaseState,
} from "./case.ts";
import { cite } from "../law/acts.ts";

type Text = string | null | undefined;
/**
 * The step's paper was issued outside the system (before it was used, or by another body's
 * software): its number and signer are typed and no draft is made. Otherwise the paper is drafted
 * here and its number comes from the register when the leader signs it.
 */
type Outside = boolean | null | undefined;
type OptionalDate = IsoDate | null | undefined;

/** Inputs of the steps; the API body adds `version` (api/cases.ts). Omitted amounts count as 0. */
export type CaseActionInput =
  | {
      action: "accept";
      on: IsoDate;
      documentNumber?: Text;
      issuedOutside?: Outside;
      /** Complaints: the Điều 11 checklist — accepting requires none ticked. */
      grounds?: readonly ComplaintRejectionGround[] | null;
      /** Complaints: day the complainant received or learned of the decision (instance 2: received the first-instance decision). */
      learnedOn?: OptionalDate;
      /** Complaints: the objective obstacle that excuses a late complaint (Điều 9 Luật Khiếu nại 2011). */
      forceMajeure?: Text;
      /** Denunciations: the conditions of Điều 29 Luật Tố cáo 2018. */
      conditions?: DenunciationAcceptanceConditions | null;
      note?: Text;
    }
  | {
      action: "reject";
      on: IsoDate;
      grounds: readonly (ComplaintRejectionGround | DenunciationRejectionGround)[];
      explanation?: Text;
      documentNumber?: Text;
      issuedOutside?: Outside;
    }
  | {
      action: "set_flags";
      remote: boolean;
      remoteJustification?: Text;
      complex: boolean;
      complexJustification?: Text;
    }
  | {
      action: "assign_verification";
      on: IsoDate;
      assignee: { kind: "person" | "team"; name: string; members?: readonly string[] | null };
      plan?: Text;
      documentNumber?: Text;
      issuedOutside?: Outside;
    }
  | { action: "record_verification"; on: IsoDate; summary: string; differsFromDemand?: boolean | null }
  | {
      action: "hold_dialogue";
      on: IsoDate;
      participants: readonly string[];
      agreedPoints: string;
      disputedPoints: string;
      place?: Text;
    }
  | {
      action: "decide";
      number?: Text;
      date: IsoDate;
      signer?: Text;
      issuedOutside?: Outside;
      outcome: CaseOutcome;
      firstDecisionUpheld?: boolean | null;
      summary?: Text;
      amounts?: Partial<CaseAmounts> | null;
    }
  | {
      action: "publish";
      on: IsoDate;
      method: PublicationMethod;
      days?: number | null;
      denouncerDataRemoved?: boolean | null;
      note?: Text;
    }
  | {
      action: "record_enforcement";
      on: IsoDate;
      responsible: string;
      dueOn?: OptionalDate;
      done: string;
      moneyReturned?: number | null;
      landReturned?: number | null;
      completed?: boolean | null;
    }
  | { action: "close"; on: IsoDate; note?: Text }
  | { action: "suspend"; on: IsoDate; reason: string; documentNumber?: Text; issuedOutside?: Outside }
  | { action: "resume"; on: IsoDate; documentNumber?: Text; issuedOutside?: Outside }
  | {
      action: "withdraw";
      on: IsoDate;
      /** Denunciations: the whole content or a part (Điều 33 khoản 1 Luật Tố cáo 2018). Default "all". */
      scope?: "all" | "part" | null;
      signsOfViolation?: boolean | null;
      coerced?: boolean | null;
      note?: Text;
    }
  | { action: "terminate"; on: IsoDate; reason: string; documentNumber?: Text; issuedOutside?: Outside }
  | { action: "extend_initial"; on: IsoDate; reason: string }
  | {
      action: "transfer";
      on: IsoDate;
      targetBody: string;
      documentNumber?: Text;
      issuedOutside?: Outside;
      notifyDenouncer: boolean;
    }
  | { action: "set_complexity"; criteria: readonly ComplexityCriterion[]; note?: Text }
  | { action: "extend"; decisionNumber?: Text; decisionDate: IsoDate; reason: string; issuedOutside?: Outside }
  | {
      action: "conclude";
      number?: Text;
      date: IsoDate;
      signer?: Text;
      issuedOutside?: Outside;
      outcome: CaseOutcome;
      findings: string;
      measures?: Text;
      amounts?: Partial<CaseAmounts> | null;
    }
  | {
      action: "handle_conclusion";
      on: IsoDate;
      documentNumber?: Text;
      issuedOutside?: Outside;
      discipline?: Text;
      administrativeSanctions?: Text;
      recovery?: Text;
      investigationTransfer?: Text;
      other?: Text;
    }
  | {
      action: "record_protection";
      on: IsoDate;
      measure: ProtectionMeasure;
      status: "requested" | "applied" | "ended";
      protectingBody?: Text;
      note?: Text;
    };

export type CaseAction = CaseActionInput["action"];

export interface CaseActionDefinition {
  label: string;
  basis: string;
  kinds: readonly CaseKind[];
  /** States the step may start from, per kind. */
  from: Readonly<Partial<Record<CaseKind, readonly CaseState[]>>>;
  /** The form the step prints, per kind (withdrawal prints one only once the case was accepted). */
  forms: Readonly<Partial<Record<CaseKind, CaseFormCode>>>;
}

const LKN = cite("LKN");
const LTC = cite("LTC");
const ND124 = cite("ND124");
const ND31 = cite("ND31");
const BOTH: readonly CaseKind[] = ["complaint", "denunciation"];
const COMPLAINT: readonly CaseKind[] = ["complaint"];
const DENUNCIATION: readonly CaseKind[] = ["denunciation"];

const RESOLVING = RESOLVING_STATES;
const D_RESOLVING: readonly CaseState[] = ["ACCEPTED", "VERIFYING", "VERIFIED"];

export const CASE_ACTIONS: Readonly<Record<CaseAction, CaseActionDefinition>> = {
  accept: {
    label: "Thụ lý",
    basis: `Điều 27, Điều 36 ${LKN} (khiếu nại); Điều 29 ${LTC} (tố cáo)`,
    kinds: BOTH,
    from: { complaint: ["AWAITING_ACCEPTANCE"], denunciation: ["INITIAL_PROCESSING"] },
    forms: { complaint: "KN-TL", denunciation: "TC-TL" },
  },
  reject: {
    label: "Thông báo không thụ lý",
    basis: `Điều 11, Điều 27 ${LKN} (khiếu nại); Điều 27, Điều 29 ${LTC} (tố cáo)`, // [P] docs/LAW.md §0.1
    kinds: BOTH,
    from: { complaint: ["AWAITING_ACCEPTANCE"], denunciation: ["INITIAL_PROCESSING"] },
    forms: { complaint: "KN-KTL", denunciation: "TC-KTL" },
  },
  set_flags: {
    label: "Xác định vụ việc phức tạp, ở vùng sâu, vùng xa",
    basis: `Điều 28, Điều 37 ${LKN}`,
    kinds: COMPLAINT,
    from: { complaint: ["AWAITING_ACCEPTANCE", ...RESOLVING, "SUSPENDED"] },
    forms: {},
  },
  assign_verification: {
    label: "Giao xác minh",
    basis: `Điều 29, Điều 38 ${LKN} (khiếu nại); Điều 31 ${LTC} (tố cáo)`,
    kinds: BOTH,
    from: { complaint: ["ACCEPTED", "VERIFYING"], denunciation: ["ACCEPTED", "VERIFYING"] },
    forms: { complaint: "KN-GXM", denunciation: "TC-GXM" },
  },
  record_verification: {
    label: "Ghi kết quả xác minh",
    basis: `Điều 29, Điều 38 ${LKN} (khiếu nại); Điều 31 ${LTC} (tố cáo)`,
    kinds: BOTH,
    from: { complaint: ["VERIFYING", "VERIFIED"], denunciation: ["VERIFYING", "VERIFIED"] },
    forms: {},
  },
  hold_dialogue: {
    label: "Tổ chức đối thoại",
    basis: `Khoản 1 Điều 30, Điều 39 ${LKN}; khoản 1 Điều 28 ${ND124}`,
    kinds: COMPLAINT,
    from: { complaint: ["VERIFIED", "DIALOGUE_HELD"] },
    forms: { complaint: "KN-BBDT" },
  },
  decide: {
    label: "Ra quyết định giải quyết khiếu nại",
    basis: `Điều 31, Điều 40 ${LKN}`,
    kinds: COMPLAINT,
    from: { complaint: ["VERIFIED", "DIALOGUE_HELD"] },
    forms: { complaint: "KN-QD" },
  },
  publish: {
    label: "Công khai quyết định, kết luận",
    basis: `Điều 41 ${LKN} (khiếu nại lần hai); Điều 40 ${LTC}, ${ND31} (tố cáo)`, // [P] docs/LAW.md §0.1
    kinds: BOTH,
    from: { complaint: ["DECIDED", "CLOSED"], denunciation: ["CONCLUDED", "CONCLUSION_HANDLED", "CLOSED"] },
    forms: {},
  },
  record_enforcement: {
    label: "Ghi kết quả thi hành quyết định giải quyết khiếu nại",
    basis: `Điều 43–46 ${LKN}`, // [P] docs/LAW.md §0.1
    kinds: COMPLAINT,
    from: { complaint: ["DECIDED"] },
    forms: {},
  },
  close: {
    label: "Kết thúc vụ việc",
    basis: `Chương III ${LKN}; Điều 28 ${LTC}`,
    kinds: BOTH,
    from: { complaint: ["DECIDED"], denunciation: ["CONCLUSION_HANDLED"] },
    forms: {},
  },
  suspend: {
    label: "Tạm đình chỉ giải quyết",
    basis: `${ND124} (khiếu nại); khoản 1 Điều 34 ${LTC} (tố cáo)`, // [U] docs/LAW.md §0.1
    kinds: BOTH,
    from: { complaint: RESOLVING, denunciation: D_RESOLVING },
    forms: { complaint: "KN-TDC", denunciation: "TC-TDC" },
  },
  resume: {
    label: "Tiếp tục giải quyết",
    basis: `${ND124} (khiếu nại); khoản 1 Điều 34 ${LTC} (tố cáo)`, // [U] docs/LAW.md §0.1
    kinds: BOTH,
    from: { complaint: ["SUSPENDED"], denunciation: ["SUSPENDED"] },
    forms: {},
  },
  withdraw: {
    label: "Ghi nhận rút đơn",
    basis: `Điều 10 ${LKN} (khiếu nại); Điều 33 ${LTC} (tố cáo)`,
    kinds: BOTH,
    from: {
      complaint: ["AWAITING_ACCEPTANCE", ...RESOLVING, "SUSPENDED"],
      denunciation: ["INITIAL_PROCESSING", ...D_RESOLVING, "SUSPENDED"],
    },
    forms: { complaint: "KN-DC", denunciation: "TC-DC" },
  },
  terminate: {
    label: "Đình chỉ giải quyết",
    basis: `${ND124} (khiếu nại); khoản 2 Điều 34 ${LTC} (tố cáo)`, // [U] docs/LAW.md §0.1
    kinds: BOTH,
    from: { complaint: [...RESOLVING, "SUSPENDED"], denunciation: [...D_RESOLVING, "SUSPENDED"] },
    forms: { complaint: "KN-DC", denunciation: "TC-DC" },
  },
  extend_initial: {
    label: "Gia hạn xử lý ban đầu",
    basis: `Khoản 1 Điều 24 ${LTC}`,
    kinds: DENUNCIATION,
    from: { denunciation: ["INITIAL_PROCESSING"] },
    forms: {},
  },
  transfer: {
    label: "Chuyển đơn tố cáo",
    basis: `Khoản 2 Điều 24 ${LTC}`,
    kinds: DENUNCIATION,
    from: { denunciation: ["INITIAL_PROCESSING"] },
    forms: {},
  },
  set_complexity: {
    label: "Xác định mức độ phức tạp",
    basis: `Điều 3 ${ND31}; Điều 30 ${LTC}`,
    kinds: DENUNCIATION,
    from: { denunciation: [...D_RESOLVING, "SUSPENDED"] },
    forms: {},
  },
  extend: {
    label: "Gia hạn giải quyết tố cáo",
    basis: `Điều 30 ${LTC}`,
    kinds: DENUNCIATION,
    from: { denunciation: D_RESOLVING },
    forms: { denunciation: "TC-GH" },
  },
  conclude: {
    label: "Kết luận nội dung tố cáo",
    basis: `Điều 35 ${LTC}`,
    kinds: DENUNCIATION,
    from: { denunciation: ["VERIFIED"] },
    forms: { denunciation: "TC-KL" },
  },
  handle_conclusion: {
    label: "Xử lý kết luận nội dung tố cáo",
    basis: `Điều 36 ${LTC}`,
    kinds: DENUNCIATION,
    from: { denunciation: ["CONCLUDED"] },
    forms: {},
  },
  record_protection: {
    label: "Ghi biện pháp bảo vệ người tố cáo",
    basis: `Chương VI ${LTC}`,
    kinds: DENUNCIATION,
    from: {
      denunciation: [
        "INITIAL_PROCESSING",
        ...D_RESOLVING,
        "SUSPENDED",
        "CONCLUDED",
        "CONCLUSION_HANDLED",
        "CLOSED",
        "WITHDRAWN",
        "TERMINATED",
      ],
    },
    forms: {},
  },
};

export const CASE_ACTION_LIST = Object.keys(CASE_ACTIONS) as [CaseAction, ...CaseAction[]];

/**
 * Steps that record what someone else did (a withdrawal letter, a protection measure) or how the
 * case is flagged, not an act of the resolver on paper: they may be recorded while the papers of
 * earlier steps are still drafts. Every other step waits for them (or records why it goes ahead).
 */
export const CASE_ACTIONS_NOT_AFTER_PAPERS: ReadonlySet<CaseAction> = new Set<CaseAction>([
  "set_flags",
  "set_complexity",
  "record_protection",
  "withdraw",
]);
