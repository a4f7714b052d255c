/**
 * The facts of a complaint case (khiếu nại — Luật Khiếu nại 2011, Nghị định 124/2020/NĐ-CP) or a
 * denunciation case (tố cáo — Luật Tố cáo 2018, Nghị định 31/2019/NĐ-CP) that the rules look at.
 * JSON-serialisable: the server stores the whole object. docs/LAW.md §5, §6, §13.3–13.4.
 */
import type { IsoDate } from "../calendar/iso-date.ts";
import type { WorkCalendar } from "../calendar/work-calendar.ts";
import type { RuleSet } from "../deadlines/rules.ts";
import type {
  ComplaintRejectionGround,
  ComplexityCriterion,
  DenunciationRejectionGround,
  ProtectionMeasure,
  PublicationMethod,
} from "./catalogues.ts";

export type CaseKind = "complaint" | "denunciation";

export const CASE_KINDS: Readonly<Record<CaseKind, string>> = {
  complaint: "Khiếu nại",
  denunciation: "Tố cáo",
};

export const CASE_KIND_LIST = Object.keys(CASE_KINDS) as [CaseKind, ...CaseKind[]];

/**
 * States of docs/LAW.md §5.5 (complaints) and §6.7 (denunciations). Extensions of a denunciation are
 * a count, not states (EXTENDED_1/2 of §6.7); sending and publishing a decision are records, not states.
 */
export type CaseState =
  /** Complaint received, the 10-day acceptance clock runs (Điều 27, 36 Luật Khiếu nại 2011). */
  | "AWAITING_ACCEPTANCE"
  /** Denunciation received, initial processing: 7 working days, 10 if extended (Điều 24 Luật Tố cáo 2018). */
  | "INITIAL_PROCESSING"
  | "NOT_ACCEPTED"
  /** Denunciation outside competence, transferred (Điều 24 khoản 2 Luật Tố cáo 2018). */
  | "TRANSFERRED"
  | "ACCEPTED"
  | "VERIFYING"
  | "VERIFIED"
  /** Complaints: at least one dialogue held (Điều 30, 39 Luật Khiếu nại 2011). */
  | "DIALOGUE_HELD"
  | "SUSPENDED"
  /** Complaints: the resolution decision is issued. */
  | "DECIDED"
  /** Denunciations: the conclusion on the content is issued (Điều 35 Luật Tố cáo 2018). */
  | "CONCLUDED"
  /** Denunciations: the resolver has handled the conclusion (Điều 36 Luật Tố cáo 2018). */
  | "CONCLUSION_HANDLED"
  | "CLOSED"
  /** Resolution stopped because the whole petition was withdrawn (rút khiếu nại, rút tố cáo). */
  | "WITHDRAWN"
  /** Resolution stopped for another reason (đình chỉ). */
  | "TERMINATED";

export const CASE_STATES: Readonly<Record<CaseState, string>> = {
  AWAITING_ACCEPTANCE: "Chờ thụ lý",
  INITIAL_PROCESSING: "Đang xử lý ban đầu",
  NOT_ACCEPTED: "Không thụ lý",
  TRANSFERRED: "Đã chuyển đơn tố cáo",
  ACCEPTED: "Đã thụ lý",
  VERIFYING: "Đang xác minh",
  VERIFIED: "Đã có kết quả xác minh",
  DIALOGUE_HELD: "Đã đối thoại",
  SUSPENDED: "Tạm đình chỉ giải quyết",
  DECIDED: "Đã có quyết định giải quyết",
  CONCLUDED: "Đã có kết luận nội dung tố cáo",
  CONCLUSION_HANDLED: "Đã xử lý kết luận nội dung tố cáo",
  CLOSED: "Kết thúc",
  WITHDRAWN: "Đình chỉ do rút đơn",
  TERMINATED: "Đình chỉ giải quyết",
};

export const CASE_STATE_LIST = Object.keys(CASE_STATES) as [CaseState, ...CaseState[]];

/** The states in which a case is being resolved: the resolution clock runs. */
export const RESOLVING_STATES: readonly CaseState[] = ["ACCEPTED", "VERIFYING", "VERIFIED", "DIALOGUE_HELD"];

/** Final states: nothing but protection records (denunciations) may be added. */
export const FINAL_STATES: readonly CaseState[] = ["NOT_ACCEPTED", "TRANSFERRED", "CLOSED", "WITHDRAWN", "TERMINATED"];

/** Classification of a decision or conclusion used in reporting (docs/LAW.md §5.4, §6.5). */
export type CaseOutcome = "right" | "partly_right" | "wrong";

export const CASE_OUTCOMES: Readonly<Record<CaseKind, Readonly<Record<CaseOutcome, string>>>> = {
  complaint: { right: "Khiếu nại đúng", partly_right: "Khiếu nại có đúng, có sai", wrong: "Khiếu nại sai" },
  denunciation: { right: "Tố cáo đúng", partly_right: "Tố cáo có đúng, có sai", wrong: "Tố cáo sai" },
};

export const CASE_OUTCOME_LIST: readonly [CaseOutcome, ...CaseOutcome[]] = ["right", "partly_right", "wrong"];

/** Forms printed by the steps (Nghị định 124/2020/NĐ-CP and Nghị định 31/2019/NĐ-CP annexes [P]). */
export type CaseFormCode =
  | "KN-TL"
  | "KN-KTL"
  | "KN-GXM"
  | "KN-BBDT"
  | "KN-TDC"
  | "KN-DC"
  | "KN-QD"
  | "TC-TL"
  | "TC-KTL"
  | "TC-GXM"
  | "TC-GH"
  | "TC-TDC"
  | "TC-DC"
  | "TC-KL";

export const CASE_FORMS: Readonly<Record<CaseFormCode, string>> = {
  "KN-TL": "Thông báo về việc thụ lý giải quyết khiếu nại",
  "KN-KTL": "Thông báo về việc không thụ lý giải quyết khiếu nại",
  "KN-GXM": "Quyết định giao nhiệm vụ xác minh nội dung khiếu nại",
  "KN-BBDT": "Biên bản đối thoại",
  "KN-TDC": "Quyết định tạm đình chỉ việc giải quyết khiếu nại",
  "KN-DC": "Quyết định đình chỉ việc giải quyết khiếu nại",
  "KN-QD": "Quyết định giải quyết khiếu nại",
  "TC-TL": "Quyết định thụ lý tố cáo",
  "TC-KTL": "Thông báo về việc không thụ lý tố cáo",
  "TC-GXM": "Quyết định giao nhiệm vụ xác minh nội dung tố cáo",
  "TC-GH": "Quyết định gia hạn giải quyết tố cáo",
  "TC-TDC": "Quyết định tạm đình chỉ việc giải quyết tố cáo",
  "TC-DC": "Quyết định đình chỉ việc giải quyết tố cáo",
  "TC-KL": "Kết luận nội dung tố cáo",
};

export const CASE_FORM_LIST = Object.keys(CASE_FORMS) as [CaseFormCode, ...CaseFormCode[]];

/** The first-instance decision a second complaint is about (Điều 33 Luật Khiếu nại 2011). */
export interface FirstInstanceReference {
  decisionNumber: string;
  decisionDate: IsoDate;
  /** Who signed the first-instance decision. */
  decidedBy: string;
  outcome?: CaseOutcome | null;
  /** The first-instance case, when it was resolved in this system. */
  caseId?: string | null;
}

/**
 * Money in million VND (triệu đồng), land in m², people and bodies as counts: the figures of the
 * reporting forms (docs/LAW.md §5.4, §6.5).
 */
export interface CaseAmounts {
  /** Money recommended to be returned (recovered) to the State. */
  moneyToState: number;
  /** Money to be returned to organisations and individuals. */
  moneyToOthers: number;
  landToState: number;
  landToOthers: number;
  /** Organisations and individuals whose rights are restored. */
  restoredOrganisations: number;
  restoredIndividuals: number;
  /** People recommended for discipline or administrative sanctions ... */
  disciplineRecommended: number;
  /** ... of which cadres and civil servants. */
  disciplineCadres: number;
  /** Matters and people transferred to the investigation body. */
  investigationCases: number;
  investigationPersons: number;
}

export type AmountUnit = "million_vnd" | "m2" | "count";

/** Vietnamese label and unit of each figure, for messages, forms and the API schema. */
export const AMOUNT_FIELDS: Readonly<Record<keyof CaseAmounts, { label: string; unit: AmountUnit }>> = {
  moneyToState: { label: "Số tiền kiến nghị thu hồi cho Nhà nước", unit: "million_vnd" },
  moneyToOthers: { label: "Số tiền trả lại cho tổ chức, cá nhân", unit: "million_vnd" },
  landToState: { label: "Diện tích đất kiến nghị thu hồi cho Nhà nước", unit: "m2" },
  landToOthers: { label: "Diện tích đất trả lại cho tổ chức, cá nhân", unit: "m2" },
  restoredOrganisations: { label: "Số tổ chức được trả lại quyền, lợi ích", unit: "count" },
  restoredIndividuals: { label: "Số cá nhân được trả lại quyền, lợi ích", unit: "count" },
  disciplineRecommended: { label: "Số người bị kiến nghị xử lý", unit: "count" },
  disciplineCadres: { label: "Số cán bộ, công chức bị kiến nghị xử lý", unit: "count" },
  investigationCases: { label: "Số vụ chuyển cơ quan điều tra", unit: "count" },
  investigationPersons: { label: "Số đối tượng chuyển cơ quan điều tra", unit: "count" },
};

export const AMOUNT_FIELD_LIST = Object.keys(AMOUNT_FIELDS) as [keyof CaseAmounts, ...(keyof CaseAmounts)[]];

/** Largest figure accepted (million VND, m² or a count): beyond it the entry is surely a typing error. */
export const AMOUNT_MAX = 1e12;

export const NO_AMOUNTS: CaseAmounts = {
  moneyToState: 0,
  moneyToOthers: 0,
  landToState: 0,
  landToOthers: 0,
  restoredOrganisations: 0,
  restoredIndividuals: 0,
  disciplineRecommended: 0,
  disciplineCadres: 0,
  investigationCases: 0,
  investigationPersons: 0,
};

export interface CaseAcceptance {
  on: IsoDate;
  documentNumber: string | null;
  /** Complaints: the day the complainant received or learned of the contested decision (instance 1), or received the first-instance decision (instance 2). */
  learnedOn: IsoDate | null;
  /** Complaints: why the limitation period was exceeded (trở ngại khách quan, Điều 9 Luật Khiếu nại 2011). */
  forceMajeure: string | null;
}

export interface CaseRejection {
  on: IsoDate;
  grounds: (ComplaintRejectionGround | DenunciationRejectionGround)[];
  explanation: string | null;
  documentNumber: string | null;
}

export interface CaseTransfer {
  on: IsoDate;
  targetBody: string;
  documentNumber: string | null;
  notifyDenouncer: boolean;
  /** Made after the 5 working days of Điều 24 khoản 2 Luật Tố cáo 2018. */
  late: boolean;
}

export interface CaseFlags {
  /** Vùng sâu, vùng xa đi lại khó khăn (Điều 28, 37 Luật Khiếu nại 2011). */
  remote: boolean;
  remoteJustification: string | null;
  complex: boolean;
  complexJustification: string | null;
}

export interface VerificationAssignee {
  kind: "person" | "team";
  /** The person, or the head of the team. */
  name: string;
  members: string[];
}

export interface CaseVerification {
  assignedOn: IsoDate;
  assignee: VerificationAssignee;
  plan: string | null;
  documentNumber: string | null;
  reportedOn: IsoDate | null;
  summary: string | null;
  /** Complaints: the result still differs from the complainant's demand (Điều 30 khoản 1 Luật Khiếu nại 2011). */
  differsFromDemand: boolean | null;
}

export interface CaseDialogue {
  on: IsoDate;
  participants: string[];
  agreedPoints: string;
  disputedPoints: string;
  place: string | null;
}

export interface CaseSuspension {
  /** First day of the suspension (day of the decision). */
  from: IsoDate;
  /** Day resolution resumed; the suspended days are from … resumedOn − 1. Null while suspended. */
  resumedOn: IsoDate | null;
  reason: string;
  documentNumber: string | null;
}

/** Numbers and signers are null until the paper is issued in the system (then written from the register). */
export interface CaseExtension {
  decisionNumber: string | null;
  decisionDate: IsoDate;
  reason: string;
}

export interface CaseDecision {
  number: string | null;
  date: IsoDate;
  signer: string | null;
  outcome: CaseOutcome;
  /** Second instance: the first-instance decision is upheld (giữ nguyên) rather than annulled or amended. */
  firstDecisionUpheld: boolean | null;
  summary: string | null;
  amounts: CaseAmounts;
}

export interface CaseConclusion {
  number: string | null;
  date: IsoDate;
  signer: string | null;
  outcome: CaseOutcome;
  findings: string;
  measures: string | null;
  amounts: CaseAmounts;
}

/** Handling of the conclusion by the resolver (Điều 36 Luật Tố cáo 2018). */
export interface ConclusionHandling {
  on: IsoDate;
  documentNumber: string | null;
  discipline: string | null;
  administrativeSanctions: string | null;
  recovery: string | null;
  investigationTransfer: string | null;
  other: string | null;
}

export interface CasePublication {
  on: IsoDate;
  method: PublicationMethod;
  /** Posting or portal: consecutive days the conclusion stays published (≥ 15 for denunciations). */
  days: number | null;
  /** Denunciations: the denouncer's data were removed from what was published. */
  denouncerDataRemoved: boolean | null;
  note: string | null;
}

export interface EnforcementRecord {
  on: IsoDate;
  /** Who must act (cơ quan, tổ chức, cá nhân có trách nhiệm thi hành). */
  responsible: string;
  dueOn: IsoDate | null;
  /** What was done. */
  done: string;
  /** Money actually returned, million VND. */
  moneyReturned: number;
  /** Land actually returned, m². */
  landReturned: number;
  completed: boolean;
}

export interface CaseWithdrawal {
  on: IsoDate;
  scope: "all" | "part";
  /** Denunciations: the act shows signs of violation (Điều 33 khoản 3 Luật Tố cáo 2018). */
  signsOfViolation: boolean;
  /** Denunciations: the withdrawal was made under threat or bribery. */
  coerced: boolean;
  /** Resolution goes on despite the withdrawal. */
  continued: boolean;
  note: string | null;
}

export interface CaseTermination {
  on: IsoDate;
  reason: string;
  documentNumber: string | null;
}

export interface ProtectionRecord {
  on: IsoDate;
  measure: ProtectionMeasure;
  status: "requested" | "applied" | "ended";
  protectingBody: string | null;
  note: string | null;
}

export interface CaseHistoryEntry {
  action: string;
  /** Day the act took effect. */
  on: IsoDate;
  /** Day it was entered. */
  recordedOn: IsoDate;
  form: CaseFormCode | null;
  note: string | null;
}

export interface CaseFacts {
  kind: CaseKind;
  state: CaseState;
  /** Date the agency received the petition. */
  receivedOn: IsoDate;
  /** Thụ lý. */
  acceptedOn: IsoDate | null;
  /** Complaints only. */
  instance: 1 | 2 | null;
  /** Outcome of the decision (complaints) or conclusion (denunciations). */
  outcome: CaseOutcome | null;
  /** Complaints, instance 2. */
  firstInstance: FirstInstanceReference | null;
  /** Denunciations: the earlier case a repeated denunciation (tố cáo tiếp) is about. */
  repeatedOf: string | null;
  acceptance: CaseAcceptance | null;
  rejection: CaseRejection | null;
  /** Denunciations: initial processing extended to 10 working days, with the reason. */
  initialExtension: { on: IsoDate; reason: string } | null;
  transfer: CaseTransfer | null;
  flags: CaseFlags;
  /** Denunciations: criteria of Điều 3 Nghị định 31/2019/NĐ-CP ticked. */
  complexityCriteria: ComplexityCriterion[];
  complexityNote: string | null;
  extensions: CaseExtension[];
  suspensions: CaseSuspension[];
  /** While suspended: the state to go back to. */
  stateBeforeSuspension: CaseState | null;
  verification: CaseVerification | null;
  dialogues: CaseDialogue[];
  decision: CaseDecision | null;
  conclusion: CaseConclusion | null;
  conclusionHandling: ConclusionHandling | null;
  publications: CasePublication[];
  enforcement: EnforcementRecord[];
  withdrawal: CaseWithdrawal | null;
  termination: CaseTermination | null;
  protection: ProtectionRecord[];
  closedOn: IsoDate | null;
  history: CaseHistoryEntry[];
}

export interface CaseContext {
  calendar: WorkCalendar;
  /** Today in Vietnam: no date entered may be later. */
  today: IsoDate;
  rules?: RuleSet;
}
