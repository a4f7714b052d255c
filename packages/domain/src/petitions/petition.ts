/**
 * The facts about a petition that the handling rules look at. The server's row has more; this is
 * the part the rules of Thông tư 05/2021/TT-TTCP need, so the rules stay pure and testable.
 */
import type { IsoDate } from "../calendar/iso-date.ts";
import type { ChannelCode, ForwardedBy } from "./channels.ts";
import type { EligibilityResult } from "./eligibility.ts";
import type { Competence, PetitionKind, SingleContentKind } from "./kinds.ts";

/** docs/LAW.md §4.6, plus PROPOSED_FOR_CHECK for anonymous denunciations with evidence (Điều 25 khoản 2 Luật Tố cáo). */
export type PetitionState =
  | "RECEIVED"
  | "REGISTERED"
  | "CLASSIFIED"
  | "NOT_ELIGIBLE"
  | "ELIGIBLE"
  | "FILED"
  | "DESTROYED"
  | "PROPOSED_FOR_ACCEPTANCE"
  | "ACCEPTED"
  | "PROPOSED_FOR_CHECK"
  | "NOT_ACCEPTED_NOTICE"
  | "GUIDED"
  | "CLOSED_GUIDED"
  | "GUIDED_MULTI"
  | "RETURNED_TO_SENDER_BODY"
  | "TRANSFERRED"
  | "AWAITING_FEEDBACK"
  | "CLOSED_TRANSFERRED"
  | "RESOLVED_REPLY";

export const PETITION_STATES: Readonly<Record<PetitionState, string>> = {
  RECEIVED: "Đã tiếp nhận",
  REGISTERED: "Đã vào sổ",
  CLASSIFIED: "Đã phân loại",
  NOT_ELIGIBLE: "Không đủ điều kiện xử lý",
  ELIGIBLE: "Đủ điều kiện xử lý",
  FILED: "Lưu đơn",
  DESTROYED: "Đã tiêu hủy theo quyết định",
  PROPOSED_FOR_ACCEPTANCE: "Đã đề xuất thụ lý",
  ACCEPTED: "Đã thụ lý",
  PROPOSED_FOR_CHECK: "Đã đề xuất thanh tra, kiểm tra (tố cáo nặc danh có chứng cứ)",
  NOT_ACCEPTED_NOTICE: "Đã thông báo không thụ lý",
  GUIDED: "Đã hướng dẫn",
  CLOSED_GUIDED: "Kết thúc (đã hướng dẫn)",
  GUIDED_MULTI: "Đã hướng dẫn tách nội dung",
  RETURNED_TO_SENDER_BODY: "Đã trả lại cơ quan chuyển đơn",
  TRANSFERRED: "Đã chuyển đơn",
  AWAITING_FEEDBACK: "Chờ phản hồi kết quả",
  CLOSED_TRANSFERRED: "Kết thúc (đã có phản hồi)",
  RESOLVED_REPLY: "Đã giải quyết, trả lời",
};

export const PETITION_STATE_LIST = Object.keys(PETITION_STATES) as [PetitionState, ...PetitionState[]];

export interface PetitionClassification {
  kind: PetitionKind;
  /** For a multi-content petition: the kinds of its contents. */
  contentKinds?: readonly SingleContentKind[] | null;
  /** For a multi-content petition: the contents fall under the competence of several bodies. */
  severalBodies?: boolean | null;
  competence: Competence;
  fieldCode: string;
  /** A complaint within competence meets the acceptance conditions of Luật Khiếu nại 2011 (Điều 11 grounds absent). */
  complaintAcceptable?: boolean | null;
  /** Recommendation or feedback about administrative regulations: Nghị định 20/2008/NĐ-CP, outside TT 05/2021. */
  aboutAdministrativeRegulations?: boolean | null;
  /** The matter was already resolved: complaint decision legally effective, denunciation concluded. */
  alreadyResolved?: boolean | null;
  /** New facts or evidence since the earlier resolution. */
  newEvidence?: boolean | null;
}

/** Outcomes of handling (docs/LAW.md §4.4). */
export type PetitionOutcome =
  | "propose_acceptance"
  | "propose_check"
  | "notify_not_accepted"
  | "guide"
  | "guide_multi"
  | "return_to_sender_body"
  | "transfer"
  | "resolve_reply"
  | "archive";

/** Earlier handling of the same content, found by duplicate detection and confirmed by the handler. */
export interface PriorHandling {
  petitionId: string;
  outcome: PetitionOutcome;
  on: IsoDate;
}

export type ArchiveReason = "not_eligible" | "duplicate" | "anonymous_without_evidence" | "already_resolved";

export interface PetitionFacts {
  id?: string;
  status: PetitionState;
  channel: ChannelCode;
  receivedOn: IsoDate;
  forwardedBy?: ForwardedBy | null;
  anonymous: boolean;
  impersonated: boolean;
  language?: "vi" | "other" | null;
  notarisedTranslation?: boolean | null;
  classification?: PetitionClassification | null;
  eligibility?: EligibilityResult | null;
  /** Handling of the same content before (this petition's earlier copies, the same person's other letters). */
  sameContentHistory?: readonly PriorHandling[];
  /** The outcome applied to this petition, once applied. */
  outcome?: { outcome: PetitionOutcome; on: IsoDate; targetBody?: string | null } | null;
  /** Transfer: the day the transfer slip was sent. */
  dispatchedOn?: IsoDate | null;
  filedOn?: IsoDate | null;
  archiveReason?: ArchiveReason | null;
  /** Days on which a letter urging an answer (văn bản đôn đốc) was sent. */
  urgedOn?: readonly IsoDate[];
}

/** Anonymous or impersonated: Điều 25 Luật Tố cáo 2018. */
export function isHiddenWriter(p: Pick<PetitionFacts, "anonymous" | "impersonated">): boolean {
  return p.anonymous || p.impersonated;
}
