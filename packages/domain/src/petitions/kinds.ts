/**
 * What a petition is, by its substance (Điều 6 khoản 1 Thông tư 05/2021/TT-TTCP): classification
 * follows the description, purpose and demand of the writer, not the title written on the letter.
 */
export type PetitionKind = "complaint" | "denunciation" | "recommendation" | "feedback" | "multi_content";

export const PETITION_KINDS: Readonly<Record<PetitionKind, string>> = {
  complaint: "Khiếu nại",
  denunciation: "Tố cáo",
  recommendation: "Kiến nghị",
  feedback: "Phản ánh",
  multi_content: "Đơn có nhiều nội dung khác nhau",
};

export const PETITION_KIND_LIST = Object.keys(PETITION_KINDS) as [PetitionKind, ...PetitionKind[]];

/** Kinds a multi-content petition is made of. */
export type SingleContentKind = Exclude<PetitionKind, "multi_content">;

/** Kiến nghị and phản ánh follow the same handling rules (Thông tư 05/2021/TT-TTCP). */
export function isRecommendationLike(kind: PetitionKind | null | undefined): boolean {
  return kind === "recommendation" || kind === "feedback";
}

/** Whether the matter falls within the receiving body's competence (Điều 6 Thông tư 05/2021/TT-TTCP [P]). */
export type Competence = "within" | "not_within";

export const COMPETENCE_LABELS: Readonly<Record<Competence, string>> = {
  within: "Thuộc thẩm quyền",
  not_within: "Không thuộc thẩm quyền",
};
