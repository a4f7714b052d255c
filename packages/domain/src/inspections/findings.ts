/**
 * What an inspection finds and recommends, per subject (docs/LAW.md §8.4 conclusion content, §8.5
 * follow-up record): violations with their kind, money (đồng) and land (m²); administrative
 * sanction decisions; recommendations itemised by type, the figures the yearly reports count
 * ("kiến nghị thu hồi 44.759 triệu đồng … kiểm điểm 23 tập thể và 116 cá nhân; chuyển 03 vụ việc
 * sang cơ quan điều tra").
 */
export const VIOLATION_KINDS = [
  "economic",
  "land",
  "investment",
  "budget",
  "procurement",
  "public_service",
  "corruption_sign",
  "other",
] as const;
export type ViolationKind = (typeof VIOLATION_KINDS)[number];

export const VIOLATION_KIND_LABELS: Record<ViolationKind, string> = {
  economic: "Sai phạm về kinh tế",
  land: "Vi phạm về quản lý, sử dụng đất đai",
  investment: "Vi phạm về đầu tư xây dựng",
  budget: "Vi phạm về quản lý tài chính, ngân sách",
  procurement: "Vi phạm về đấu thầu, mua sắm",
  public_service: "Vi phạm trong thực thi công vụ, thủ tục hành chính",
  corruption_sign: "Dấu hiệu tham nhũng",
  other: "Vi phạm khác",
};

export const RECOMMENDATION_TYPES = [
  "recover_money",
  "recover_land",
  "other_economic",
  "discipline",
  "investigation",
  "policy",
] as const;
export type RecommendationType = (typeof RECOMMENDATION_TYPES)[number];

export const RECOMMENDATION_TYPE_LABELS: Record<RecommendationType, string> = {
  recover_money: "Thu hồi tiền về ngân sách nhà nước",
  recover_land: "Thu hồi đất",
  other_economic: "Xử lý khác về kinh tế (giảm trừ quyết toán, loại khỏi giá trị …)",
  discipline: "Kiểm điểm, xử lý trách nhiệm tập thể, cá nhân",
  investigation: "Chuyển cơ quan điều tra",
  policy: "Sửa đổi, bổ sung cơ chế, chính sách, pháp luật",
};

/** Whether a type is followed by amounts of money (recoveries in đồng). */
export function isMoneyType(type: RecommendationType): boolean {
  return type === "recover_money" || type === "other_economic";
}

export const SANCTION_TARGET_LABELS = { organisation: "Tổ chức", individual: "Cá nhân" } as const;
export type SanctionTarget = keyof typeof SANCTION_TARGET_LABELS;

/** One recommendation as written in the conclusion (what the form checks beyond the schema). */
export interface RecommendationInput {
  type: RecommendationType;
  amount?: number;
  landM2?: number;
  collectives?: number;
  individuals?: number;
  persons?: string[];
  matters?: number;
}

/** The first field a recommendation of its type lacks, with the Vietnamese sentence. */
export function recommendationProblem(r: RecommendationInput): { field: string; message: string } | null {
  switch (r.type) {
    case "recover_money":
    case "other_economic":
      if (!r.amount) return { field: "amount", message: "Nhập số tiền kiến nghị (đồng, lớn hơn 0)." };
      return null;
    case "recover_land":
      if (!r.landM2) return { field: "landM2", message: "Nhập diện tích đất kiến nghị thu hồi (m², lớn hơn 0)." };
      return null;
    case "discipline":
      if (!r.collectives && !r.individuals)
        return { field: "individuals", message: "Nhập số tập thể hoặc số cá nhân phải kiểm điểm, xử lý trách nhiệm." };
      if ((r.persons?.length ?? 0) > (r.individuals ?? 0))
        return { field: "persons", message: "Số người được nêu tên nhiều hơn số cá nhân phải kiểm điểm." };
      return null;
    case "investigation":
      if (!r.matters) return { field: "matters", message: "Nhập số vụ việc chuyển cơ quan điều tra (lớn hơn 0)." };
      return null;
    case "policy":
      return null;
  }
}
