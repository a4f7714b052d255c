/**
 * A reception visit (lượt tiếp công dân): its kinds, how it can be handled, and the grounds on which
 * the receiver may refuse to receive someone. docs/LAW.md §3.
 */
import type { IsoDate } from "../calendar/iso-date.ts";
import type { Competence, PetitionKind } from "../petitions/kinds.ts";
import type { GroupPerson } from "./group.ts";
import type { Gender, IdentityDocumentInput } from "./identity.ts";
import { cite } from "../law/acts.ts";

const LUAT_TCD = cite("LTCD");

export type VisitKind = "regular" | "periodic" | "ad_hoc";

export interface VisitKindInfo {
  label: string;
  /** The head of the body (or the deputy authorised) presides over the reception. */
  needsPresidingHead: boolean;
  basis: string;
}

export const VISIT_KINDS: Readonly<Record<VisitKind, VisitKindInfo>> = {
  regular: {
    label: "Tiếp công dân thường xuyên",
    needsPresidingHead: false,
    basis: `${LUAT_TCD}; ${cite("TT04")}`,
  },
  periodic: {
    label: "Tiếp công dân định kỳ của người đứng đầu",
    needsPresidingHead: true,
    // Điều 12 khoản 5, Điều 15 khoản 2 điểm d, Điều 18 khoản 2 và 4 (frequency per level, docs/LAW.md §3.2).
    basis: `Điều 12, 15, 18 ${LUAT_TCD}`,
  },
  ad_hoc: {
    label: "Tiếp công dân đột xuất của người đứng đầu",
    needsPresidingHead: true,
    basis: `Điều 18 khoản 3 ${LUAT_TCD}`,
  },
};

export const VISIT_KIND_LIST = Object.keys(VISIT_KINDS) as [VisitKind, ...VisitKind[]];

/** How the visit was handled; the first three are columns 8–10 of the reception register. */
export type HandlingRoute = "accepted" | "returned_guided" | "transferred" | "refused";

export const HANDLING_ROUTES: Readonly<Record<HandlingRoute, string>> = {
  accepted: "Thụ lý để giải quyết",
  returned_guided: "Trả lại đơn và hướng dẫn",
  transferred: "Chuyển đơn đến cơ quan, tổ chức, đơn vị có thẩm quyền",
  refused: "Từ chối tiếp công dân",
};

export const HANDLING_ROUTE_LIST = Object.keys(HANDLING_ROUTES) as [HandlingRoute, ...HandlingRoute[]];

export type RefusalReasonCode = 1 | 2 | 3 | 4;

export interface RefusalReason {
  code: RefusalReasonCode;
  label: string;
  basis: string;
  /** Reason 3 needs the earlier resolved matter and a written notice of refusal by the head. */
  needsEarlierMatter: boolean;
  needsRefusalNotice: boolean;
  /** Reason 4 ("other cases provided by law") needs the provision relied on. */
  needsLegalBasis: boolean;
}

/** Điều 9 Luật Tiếp công dân 2013; procedure: Điều 4 Thông tư 04/2021/TT-TTCP. */
export const REFUSAL_REASONS: Readonly<Record<RefusalReasonCode, RefusalReason>> = {
  1: {
    code: 1,
    label:
      "Người trong tình trạng say do dùng chất kích thích, người mắc bệnh tâm thần hoặc một bệnh khác làm mất khả năng nhận thức hoặc khả năng điều khiển hành vi của mình",
    basis: `Điều 9 khoản 1 ${LUAT_TCD}`,
    needsEarlierMatter: false,
    needsRefusalNotice: false,
    needsLegalBasis: false,
  },
  2: {
    code: 2,
    label:
      "Người có hành vi đe dọa, xúc phạm cơ quan, tổ chức, đơn vị, người tiếp công dân, người thi hành công vụ hoặc có hành vi khác vi phạm nội quy nơi tiếp công dân",
    basis: `Điều 9 khoản 2 ${LUAT_TCD}`,
    needsEarlierMatter: false,
    needsRefusalNotice: false,
    needsLegalBasis: false,
  },
  3: {
    code: 3,
    label:
      "Người khiếu nại, tố cáo về vụ việc đã giải quyết đúng chính sách, pháp luật, được cơ quan nhà nước có thẩm quyền kiểm tra, rà soát, thông báo bằng văn bản và đã được tiếp, giải thích, hướng dẫn nhưng vẫn cố tình khiếu nại, tố cáo kéo dài",
    basis: `Điều 9 khoản 3 ${LUAT_TCD}; Điều 4 ${cite("TT04")}`,
    needsEarlierMatter: true,
    needsRefusalNotice: true,
    needsLegalBasis: false,
  },
  4: {
    code: 4,
    label: "Những trường hợp khác theo quy định của pháp luật",
    basis: `Điều 9 khoản 4 ${LUAT_TCD}`,
    needsEarlierMatter: false,
    needsRefusalNotice: false,
    needsLegalBasis: true,
  },
};

export const REFUSAL_REASON_CODES: readonly RefusalReasonCode[] = [1, 2, 3, 4];

/** In what capacity the visitor comes (Điều 5–6 Thông tư 04/2021/TT-TTCP). */
export type VisitorCapacity = "self" | "authorised" | "organisation_representative" | "lawyer" | "legal_aid";

export const VISITOR_CAPACITIES: Readonly<Record<VisitorCapacity, { label: string; paper: string }>> = {
  self: { label: "Tự mình trình bày", paper: "" },
  authorised: { label: "Người được ủy quyền", paper: "văn bản ủy quyền" },
  organisation_representative: { label: "Người đại diện của cơ quan, tổ chức", paper: "giấy giới thiệu" },
  lawyer: { label: "Luật sư", paper: "giấy tờ chứng minh việc đại diện (thẻ luật sư, giấy yêu cầu luật sư)" },
  legal_aid: {
    label: "Trợ giúp viên pháp lý",
    paper: "giấy tờ chứng minh việc trợ giúp pháp lý (thẻ trợ giúp viên, văn bản cử)",
  },
};

export const VISITOR_CAPACITY_LIST = Object.keys(VISITOR_CAPACITIES) as [VisitorCapacity, ...VisitorCapacity[]];

export interface Visitor {
  fullName: string;
  address: string;
  identity?: IdentityDocumentInput | null;
  gender?: Gender | null;
  capacity?: VisitorCapacity;
  /** Number or description of the authorisation / introduction / representation paper. */
  authorisationPaper?: string | null;
  /** Contacts given at the desk (sealed with the person; a denouncer's contacts are protected too). */
  phone?: string | null;
  email?: string | null;
}

export interface RefusalInput {
  reason: RefusalReasonCode;
  /** What was explained to the person (Điều 4 Thông tư 04/2021/TT-TTCP). */
  explanation?: string | null;
  /** Reason 3: the earlier matter that was resolved (petition or case id). */
  earlierMatterId?: string | null;
  /** Reason 3: the head's written notice of refusal. */
  refusalNotice?: { number: string; date: IsoDate } | null;
  /** Reason 4: the provision relied on. */
  legalBasis?: string | null;
}

export interface VisitHandling {
  route: HandlingRoute;
  /** Body the citizen was guided to, or the petition transferred to. */
  targetBody?: string | null;
  /** Number of the guidance or transfer document. */
  documentNumber?: string | null;
  /** Petition or case opened from the visit. */
  petitionId?: string | null;
  refusal?: RefusalInput | null;
}

export type VisitState = "OPEN" | "HANDLED" | "FOLLOWED_UP";

export const VISIT_STATES: Readonly<Record<VisitState, string>> = {
  OPEN: "Đang tiếp",
  HANDLED: "Đã xử lý",
  FOLLOWED_UP: "Đã theo dõi kết quả",
};

/** The reception record (docs/LAW.md §3.6, minimum record; a superset of the register). */
export interface ReceptionVisit {
  id?: string;
  kind: VisitKind;
  receivedOn: IsoDate;
  receiverName: string;
  presidingHead?: string | null;
  visitors: readonly Visitor[];
  peopleCount: number;
  representatives: readonly GroupPerson[];
  writtenAppointment?: boolean | null;
  contentSummary: string;
  contentKind?: PetitionKind | null;
  fieldCode?: string | null;
  competence?: Competence | null;
  /** The body that already resolved the matter (register column 7). */
  previousResolver?: string | null;
  /** Who is complained about or denounced, as the citizen names them (người bị khiếu nại, tố cáo). */
  respondentName?: string | null;
  respondentAddress?: string | null;
  status: VisitState;
  handling?: VisitHandling | null;
  /** Progress and outcome recorded after the visit (register column 11). */
  followUp?: string | null;
  notes?: string | null;
}
