/**
 * Checklists and catalogues of complaint and denunciation resolution, as data: each item once, with
 * its article. Items marked [P] were read only in secondary sources (docs/LAW.md §0.1).
 */
import { cite } from "../law/acts.ts";

const LKN = cite("LKN");
const LTC = cite("LTC");
const ND31 = cite("ND31");

export interface CatalogueItem {
  label: string;
  basis: string;
}

// ---- Complaints not accepted — Điều 11 Luật Khiếu nại 2011 (docs/LAW.md §5.3) ----------------------

export type ComplaintRejectionGround =
  | "internal_or_normative"
  | "not_concerning_complainant"
  | "no_capacity_no_representative"
  | "unlawful_representative"
  | "unsigned"
  | "limitation_expired"
  | "second_instance_exists"
  | "terminated_not_continued"
  | "before_court";

export const COMPLAINT_REJECTION_GROUNDS: Readonly<Record<ComplaintRejectionGround, CatalogueItem>> = {
  internal_or_normative: {
    label:
      "Quyết định, hành vi hành chính trong nội bộ cơ quan nhà nước hoặc trong chỉ đạo điều hành của cấp trên với cấp dưới; quyết định có chứa quy phạm pháp luật; quyết định, hành vi thuộc bí mật nhà nước về quốc phòng, an ninh, ngoại giao",
    basis: `Khoản 1 Điều 11 ${LKN}`,
  },
  not_concerning_complainant: {
    label:
      "Quyết định, hành vi hành chính bị khiếu nại không liên quan trực tiếp đến quyền, lợi ích hợp pháp của người khiếu nại",
    basis: `Khoản 2 Điều 11 ${LKN}`,
  },
  no_capacity_no_representative: {
    label: "Người khiếu nại không có năng lực hành vi dân sự đầy đủ mà không có người đại diện hợp pháp",
    basis: `Khoản 3 Điều 11 ${LKN}`,
  },
  unlawful_representative: {
    label: "Người đại diện không hợp pháp thực hiện khiếu nại",
    basis: `Khoản 4 Điều 11 ${LKN}`,
  },
  unsigned: {
    label: "Đơn khiếu nại không có chữ ký hoặc điểm chỉ của người khiếu nại",
    basis: `Khoản 5 Điều 11 ${LKN}`,
  },
  limitation_expired: {
    label: "Thời hiệu, thời hạn khiếu nại đã hết mà không có lý do chính đáng",
    basis: `Khoản 6 Điều 11, Điều 9 ${LKN}`,
  },
  second_instance_exists: {
    label: "Khiếu nại đã có quyết định giải quyết khiếu nại lần hai",
    basis: `Khoản 7 Điều 11 ${LKN}`,
  },
  terminated_not_continued: {
    label:
      "Có văn bản thông báo đình chỉ việc giải quyết khiếu nại mà sau 30 ngày người khiếu nại không tiếp tục khiếu nại",
    basis: `Khoản 8 Điều 11 ${LKN}`, // [P] docs/LAW.md §0.1
  },
  before_court: {
    label:
      "Việc khiếu nại đã được Tòa án thụ lý hoặc đã được giải quyết bằng bản án, quyết định của Tòa án (trừ quyết định đình chỉ giải quyết vụ án hành chính)",
    basis: `Khoản 9 Điều 11 ${LKN}`, // [P] docs/LAW.md §0.1
  },
};

export const COMPLAINT_REJECTION_GROUND_LIST = Object.keys(COMPLAINT_REJECTION_GROUNDS) as [
  ComplaintRejectionGround,
  ...ComplaintRejectionGround[],
];

// ---- Denunciations not accepted — Điều 27, Điều 29 Luật Tố cáo 2018 (docs/LAW.md §6.5 [P]) ---------

export type DenunciationRejectionGround =
  "already_resolved_no_new_facts" | "no_basis_to_identify" | "cannot_verify" | "no_capacity_no_representative";

export const DENUNCIATION_REJECTION_GROUNDS: Readonly<Record<DenunciationRejectionGround, CatalogueItem>> = {
  already_resolved_no_new_facts: {
    label: "Tố cáo về vụ việc đã được giải quyết mà người tố cáo không cung cấp thông tin, tình tiết mới",
    basis: `Khoản 1 Điều 27 ${LTC}`, // [P] docs/LAW.md §0.1
  },
  no_basis_to_identify: {
    label:
      "Nội dung, thông tin người tố cáo cung cấp không có cơ sở để xác định người vi phạm, hành vi vi phạm pháp luật",
    basis: `Khoản 2 Điều 27 ${LTC}`, // [P] docs/LAW.md §0.1
  },
  cannot_verify: {
    label: "Người có thẩm quyền giải quyết không đủ điều kiện để kiểm tra, xác minh hành vi vi phạm, người vi phạm",
    basis: `Khoản 3 Điều 27 ${LTC}`, // [P] docs/LAW.md §0.1
  },
  no_capacity_no_representative: {
    label: "Người tố cáo không có đủ năng lực hành vi dân sự mà không có người đại diện theo pháp luật",
    basis: `Điều 29 ${LTC}`, // [P] docs/LAW.md §0.1
  },
};

export const DENUNCIATION_REJECTION_GROUND_LIST = Object.keys(DENUNCIATION_REJECTION_GROUNDS) as [
  DenunciationRejectionGround,
  ...DenunciationRejectionGround[],
];

/** Conditions of acceptance of a denunciation (Điều 29 Luật Tố cáo 2018): all must hold. */
export type DenunciationAcceptanceCondition = "withinCompetence" | "denouncerIdentified" | "basisToVerify";

export type DenunciationAcceptanceConditions = Record<DenunciationAcceptanceCondition, boolean>;

export const DENUNCIATION_ACCEPTANCE_CONDITIONS: Readonly<Record<DenunciationAcceptanceCondition, CatalogueItem>> = {
  withinCompetence: {
    label: "Vụ việc thuộc thẩm quyền giải quyết của cơ quan tiếp nhận tố cáo",
    basis: `Điều 29 ${LTC}`,
  },
  denouncerIdentified: {
    label:
      "Xác định được người tố cáo (họ tên, địa chỉ, chữ ký hoặc điểm chỉ) và người tố cáo có đủ năng lực hành vi dân sự hoặc có người đại diện theo pháp luật",
    basis: `Điều 23, Điều 29 ${LTC}`,
  },
  basisToVerify: {
    label: "Nội dung tố cáo có cơ sở để xác định người vi phạm, hành vi vi phạm pháp luật",
    basis: `Điều 29 ${LTC}`,
  },
};

export const DENUNCIATION_ACCEPTANCE_CONDITION_LIST = Object.keys(DENUNCIATION_ACCEPTANCE_CONDITIONS) as [
  DenunciationAcceptanceCondition,
  ...DenunciationAcceptanceCondition[],
];

// ---- Complexity of a denunciation — Điều 3 Nghị định 31/2019/NĐ-CP (docs/LAW.md §6.4) --------------

export type ComplexityCriterion = "a" | "b" | "c" | "d" | "dd" | "e" | "g";

export const COMPLEXITY_CRITERIA: Readonly<Record<ComplexityCriterion, CatalogueItem>> = {
  a: {
    label: "Có một nội dung nhưng phải xác minh từ 02 địa điểm trở lên",
    basis: `Điểm a khoản 1 Điều 3 ${ND31}`,
  },
  b: { label: "Có từ 02 nội dung trở lên phải xác minh", basis: `Điểm b khoản 1 Điều 3 ${ND31}` },
  c: {
    label: "Nhiều người tố cáo về cùng một nội dung, hoặc nội dung liên quan đến quyền, lợi ích của nhiều người",
    basis: `Điểm c khoản 1 Điều 3 ${ND31}`,
  },
  d: {
    label:
      "Có yếu tố nước ngoài (người tố cáo ở nước ngoài hoặc là người nước ngoài; hành vi xảy ra ở nước ngoài; phải xác minh ở nước ngoài)",
    basis: `Điểm d khoản 1 Điều 3 ${ND31}`,
  },
  dd: {
    label: "Nội dung tố cáo liên quan đến trách nhiệm quản lý của nhiều cơ quan",
    basis: `Điểm đ khoản 1 Điều 3 ${ND31}`,
  },
  e: {
    label: "Các cơ quan, tổ chức, đơn vị có liên quan còn có ý kiến khác nhau",
    basis: `Điểm e khoản 1 Điều 3 ${ND31}`,
  },
  g: {
    label: "Có tài liệu, chứng cứ mâu thuẫn, cần có thời gian kiểm tra, đánh giá hoặc tham khảo ý kiến chuyên môn",
    basis: `Điểm g khoản 1 Điều 3 ${ND31}`,
  },
};

export const COMPLEXITY_CRITERION_LIST = Object.keys(COMPLEXITY_CRITERIA) as [
  ComplexityCriterion,
  ...ComplexityCriterion[],
];

export type DenunciationComplexity = "normal" | "complex" | "especially_complex";

export interface ComplexityLevel {
  label: string;
  /** Extensions of the resolution time limit allowed (Điều 30 Luật Tố cáo 2018). */
  extensionsAllowed: number;
  /** Variant of the deadline rule "denunciation.resolve" (undefined: the plain rule). */
  ruleVariant: string | undefined;
  basis: string;
}

export const COMPLEXITY_LEVELS: Readonly<Record<DenunciationComplexity, ComplexityLevel>> = {
  normal: {
    label: "Không phức tạp",
    extensionsAllowed: 0,
    ruleVariant: undefined,
    basis: `Khoản 1 Điều 30 ${LTC}`,
  },
  complex: {
    label: "Phức tạp",
    extensionsAllowed: 1,
    ruleVariant: "complex",
    basis: `Khoản 2 Điều 30 ${LTC}; khoản 1 Điều 3 ${ND31}`,
  },
  especially_complex: {
    label: "Đặc biệt phức tạp",
    extensionsAllowed: 2,
    ruleVariant: "especially-complex",
    basis: `Khoản 3 Điều 30 ${LTC}; khoản 2 Điều 3 ${ND31}`,
  },
};

/** One criterion makes a case complex, two or more especially complex (Điều 3 Nghị định 31/2019/NĐ-CP). */
export function complexityOf(criteria: readonly ComplexityCriterion[]): DenunciationComplexity {
  const count = new Set(criteria).size;
  return count >= 2 ? "especially_complex" : count === 1 ? "complex" : "normal";
}

// ---- Protection of denouncers — Chương VI Luật Tố cáo 2018 -----------------------------------------

export type ProtectionMeasure = "confidentiality" | "employment" | "life_health" | "property" | "honour";

export const PROTECTION_MEASURES: Readonly<Record<ProtectionMeasure, CatalogueItem>> = {
  confidentiality: {
    label: "Bảo vệ bí mật thông tin của người tố cáo (họ tên, địa chỉ, bút tích, thông tin cá nhân khác)",
    basis: `Chương VI, Điều 56 ${LTC}`, // [P] docs/LAW.md §0.1
  },
  employment: { label: "Bảo vệ vị trí công tác, việc làm", basis: `Chương VI, Điều 57 ${LTC}` }, // [P] docs/LAW.md §0.1
  life_health: {
    label: "Bảo vệ tính mạng, sức khỏe (kể cả đưa đến nơi tạm lánh)",
    basis: `Chương VI, Điều 58 ${LTC}`, // [P] docs/LAW.md §0.1
  },
  property: { label: "Bảo vệ tài sản", basis: `Chương VI, Điều 58 ${LTC}` }, // [P] docs/LAW.md §0.1
  honour: { label: "Bảo vệ danh dự, nhân phẩm", basis: `Chương VI, Điều 58 ${LTC}` }, // [P] docs/LAW.md §0.1
};

export const PROTECTION_MEASURE_LIST = Object.keys(PROTECTION_MEASURES) as [ProtectionMeasure, ...ProtectionMeasure[]];

export const PROTECTION_STATUSES = {
  requested: "Đề nghị áp dụng",
  applied: "Đã áp dụng",
  ended: "Chấm dứt áp dụng",
} as const;

export const PROTECTION_STATUS_LIST = Object.keys(PROTECTION_STATUSES) as [
  keyof typeof PROTECTION_STATUSES,
  ...(keyof typeof PROTECTION_STATUSES)[],
];

// ---- Publication of a second-instance decision or a denunciation conclusion -------------------------

export type PublicationMethod = "meeting" | "posting" | "portal" | "media";

export interface PublicationMethodInfo extends CatalogueItem {
  /** Posting and portal keep the text up for a period (≥ 15 consecutive days for denunciation conclusions). */
  lasting: boolean;
}

const PUBLICATION_BASIS = `Điều 41 ${LKN} (khiếu nại lần hai); Điều 40 ${LTC}, ${ND31} (tố cáo)`; // [P] docs/LAW.md §0.1

export const PUBLICATION_METHODS: Readonly<Record<PublicationMethod, PublicationMethodInfo>> = {
  meeting: { label: "Công bố tại cuộc họp", basis: PUBLICATION_BASIS, lasting: false },
  posting: {
    label: "Niêm yết tại trụ sở làm việc hoặc nơi tiếp công dân",
    basis: PUBLICATION_BASIS,
    lasting: true,
  },
  portal: { label: "Đăng trên cổng thông tin điện tử", basis: PUBLICATION_BASIS, lasting: true },
  media: { label: "Thông báo trên phương tiện thông tin đại chúng", basis: PUBLICATION_BASIS, lasting: false },
};

export const PUBLICATION_METHOD_LIST = Object.keys(PUBLICATION_METHODS) as [PublicationMethod, ...PublicationMethod[]];

/** Publication of a denunciation conclusion lasts at least 15 consecutive days (Nghị định 31/2019/NĐ-CP [P]). */
export const DENUNCIATION_PUBLICATION_MIN_DAYS = 15;
