/**
 * The steps of one inspection or specialised check, from the decision to the implementation
 * directive (docs/LAW.md §8.1–8.5), each with who takes it, its legal basis and its label. The
 * order of the main steps is the law's; the rule that applies it is inspection-machine.ts.
 */
import { cite } from "../law/acts.ts";

const TT = cite("LTTR");
const ND216 = cite("ND216");

export const INSPECTION_KINDS = ["planned", "ad_hoc", "re_inspection", "specialised_check"] as const;
export type InspectionKind = (typeof INSPECTION_KINDS)[number];

export const INSPECTION_KIND_LABELS: Record<InspectionKind, string> = {
  planned: "Thanh tra theo kế hoạch",
  ad_hoc: "Thanh tra đột xuất",
  re_inspection: "Thanh tra lại",
  specialised_check: "Kiểm tra chuyên ngành",
};

export const AD_HOC_TRIGGERS = ["violation_sign", "superior", "case"] as const;
export type AdHocTrigger = (typeof AD_HOC_TRIGGERS)[number];

export const AD_HOC_TRIGGER_LABELS: Record<AdHocTrigger, string> = {
  violation_sign: "Phát hiện dấu hiệu vi phạm pháp luật",
  superior: "Được cấp có thẩm quyền giao",
  case: "Giải quyết khiếu nại, tố cáo (vụ việc trong hệ thống)",
};

/** Legacy grounds of a re-inspection (NĐ 43/2023; the 2025 rules detailed by NĐ 216/2025 [U]). */
export const REINSPECTION_GROUNDS = [
  "procedure_violation",
  "wrong_law",
  "inconsistent_evidence",
  "falsification",
  "crime_signs",
] as const;
export type ReinspectionGround = (typeof REINSPECTION_GROUNDS)[number];

export const REINSPECTION_GROUND_LABELS: Record<ReinspectionGround, string> = {
  procedure_violation: "Vi phạm nghiêm trọng về trình tự, thủ tục",
  wrong_law: "Sai lầm trong việc áp dụng pháp luật",
  inconsistent_evidence: "Nội dung kết luận không phù hợp với chứng cứ thu thập",
  falsification: "Người tiến hành thanh tra cố ý làm sai lệch hồ sơ hoặc kết luận trái pháp luật",
  crime_signs: "Có dấu hiệu vi phạm pháp luật nghiêm trọng, dấu hiệu tội phạm",
};

/** Legacy grounds of an extension (TT 06/2021 Art. 26) [V legacy]. */
export const EXTENSION_GROUNDS = [
  "complex",
  "expert_opinion",
  "foreign_elements",
  "corruption",
  "non_cooperation",
  "force_majeure",
] as const;
export type ExtensionGround = (typeof EXTENSION_GROUNDS)[number];

export const EXTENSION_GROUND_LABELS: Record<ExtensionGround, string> = {
  complex: "Nội dung phức tạp, liên quan nhiều ngành, nhiều cơ quan, nhiều địa điểm",
  expert_opinion: "Cần trưng cầu giám định hoặc lấy ý kiến chuyên môn",
  foreign_elements: "Có yếu tố nước ngoài",
  corruption: "Cần làm rõ hành vi tham nhũng",
  non_cooperation: "Đối tượng thanh tra không hợp tác",
  force_majeure: "Sự kiện bất khả kháng",
};

export const INSPECTION_STATES = {
  PROPOSED: "Dự thảo quyết định",
  DECIDED: "Đã ban hành quyết định",
  PLANNED: "Đã duyệt kế hoạch tiến hành",
  ONSITE: "Đang thanh tra trực tiếp",
  SUSPENDED: "Tạm dừng",
  ONSITE_ENDED: "Kết thúc thanh tra trực tiếp",
  REPORTED: "Đã có báo cáo kết quả",
  DRAFTING: "Đang xây dựng dự thảo kết luận",
  DRAFTED: "Đã trình dự thảo kết luận",
  APPRAISED: "Đã thẩm định dự thảo kết luận",
  SIGNED: "Đã ký kết luận",
  PUBLISHED: "Đã công khai kết luận",
  IMPLEMENTING: "Đang thực hiện kết luận",
} as const;
export type InspectionState = keyof typeof INSPECTION_STATES;
export const INSPECTION_STATE_LIST = Object.keys(INSPECTION_STATES) as [InspectionState, ...InspectionState[]];

/** Who may take a step: the decider (a leader of the agency), the team leader, any inspector of the agency. */
export type StepActor = "decider" | "team_leader" | "inspector";

export const STEP_ACTOR_LABELS: Record<StepActor, string> = {
  decider: "Người ra quyết định thanh tra (lãnh đạo cơ quan)",
  team_leader: "Trưởng đoàn thanh tra",
  inspector: "Thanh tra viên của cơ quan",
};

export const INSPECTION_ACTIONS = [
  "decide",
  "approve_plan",
  "announce",
  "extend",
  "suspend",
  "resume",
  "end_onsite",
  "report",
  "assign_draft",
  "submit_draft",
  "appraise",
  "sign",
  "publish",
  "direct",
] as const;
export type InspectionAction = (typeof INSPECTION_ACTIONS)[number];

export interface StepDefinition {
  label: string;
  actor: StepActor;
  basis: string;
}

export const INSPECTION_STEPS: Record<InspectionAction, StepDefinition> = {
  decide: { label: "Ban hành quyết định thanh tra", actor: "decider", basis: `${TT}; ${ND216}` },
  approve_plan: {
    label: "Phê duyệt kế hoạch tiến hành thanh tra",
    actor: "decider",
    basis: `Điều 2 ${TT} (kế hoạch tiến hành thanh tra do Trưởng đoàn xây dựng, người ra quyết định phê duyệt)`,
  },
  announce: { label: "Công bố quyết định thanh tra", actor: "team_leader", basis: `${TT}; ${ND216}` },
  extend: { label: "Gia hạn thời hạn thanh tra", actor: "decider", basis: `${TT}; ${ND216}` },
  suspend: { label: "Tạm dừng thanh tra", actor: "decider", basis: `${TT}; ${ND216}` },
  resume: { label: "Tiếp tục thanh tra", actor: "decider", basis: `${TT}; ${ND216}` },
  end_onsite: { label: "Kết thúc thanh tra trực tiếp", actor: "team_leader", basis: `${TT}; ${ND216}` },
  report: { label: "Báo cáo kết quả thanh tra", actor: "team_leader", basis: `${TT} (Trưởng đoàn báo cáo)` },
  assign_draft: {
    label: "Giao xây dựng dự thảo kết luận thanh tra",
    actor: "decider",
    basis: `Điều 34 khoản 1 ${TT}`,
  },
  submit_draft: {
    label: "Trình dự thảo kết luận (kèm ý kiến bảo lưu)",
    actor: "team_leader",
    basis: `Điều 34 khoản 4 ${TT}`,
  },
  appraise: { label: "Thẩm định dự thảo kết luận thanh tra", actor: "inspector", basis: `${TT}; ${ND216}` },
  sign: { label: "Ký kết luận thanh tra", actor: "decider", basis: `Điều 36 khoản 1 ${TT}` },
  publish: { label: "Công khai kết luận thanh tra", actor: "inspector", basis: `Điều 37 ${TT}` },
  direct: {
    label: "Văn bản chỉ đạo thực hiện kết luận thanh tra",
    actor: "inspector",
    basis: `Điều 53 ${TT}`,
  },
};
