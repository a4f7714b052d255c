/**
 * The satisfaction survey of the public portal (issue 20): one question on a five-level scale and
 * an optional comment, answered by a petitioner once their matter is handled (with the receipt
 * code, once per petition) or by a visitor of an agency's reception. The answers are counted per
 * agency and period for the reports, as the Department reports them: "mức độ hài lòng" (satisfied
 * or very satisfied) and "rất hài lòng" (very satisfied), each with its percentage of the answers.
 * No answer carries who gave it.
 */
import type { PetitionState } from "../petitions/petition.ts";

/** The scale, worst to best; the two top levels are the satisfied ones. */
export const SURVEY_LEVELS = {
  1: "Rất không hài lòng",
  2: "Không hài lòng",
  3: "Bình thường",
  4: "Hài lòng",
  5: "Rất hài lòng",
} as const;
export type SurveyRating = keyof typeof SURVEY_LEVELS;
export const SATISFIED_FROM: SurveyRating = 4;
export const VERY_SATISFIED: SurveyRating = 5;

export const SURVEY_QUESTION = "Bạn đánh giá thế nào về việc tiếp nhận, giải quyết đơn và thái độ phục vụ của cơ quan?";
export const SURVEY_COMMENT_MAX = 2000;

/**
 * Where a petition's handling is over, so its sender is offered the survey: closed after guidance
 * or after the feedback on a transfer, answered, filed away, or notified it is not accepted. (A
 * petition accepted for resolution is offered it when its case reaches a final state.)
 */
export const SURVEY_PETITION_STATES: readonly PetitionState[] = [
  "CLOSED_GUIDED",
  "CLOSED_TRANSFERRED",
  "RESOLVED_REPLY",
  "FILED",
  "NOT_ACCEPTED_NOTICE",
];

export interface SurveyAnswer {
  rating: SurveyRating;
  comment: string | null;
}
export type SurveyField = "rating" | "comment";
export type SurveyCheck =
  { ok: true; value: SurveyAnswer } | { ok: false; problems: { field: SurveyField; message: string }[] };

/** Checks a posted survey form (strings as a browser sends them). */
export function checkSurveyForm(values: { rating?: unknown; comment?: unknown }): SurveyCheck {
  const problems: { field: SurveyField; message: string }[] = [];
  const raw = typeof values.rating === "string" ? values.rating.trim() : "";
  const rating = /^[1-5]$/.test(raw) ? (Number(raw) as SurveyRating) : null;
  if (!raw) problems.push({ field: "rating", message: "Mức độ hài lòng: chọn một mức đánh giá." });
  else if (rating === null)
    problems.push({ field: "rating", message: "Mức độ hài lòng: chỉ chọn một trong năm mức trên phiếu." });
  const text = typeof values.comment === "string" ? values.comment.replace(/\r\n?/g, "\n").trim() : "";
  if (text.length > SURVEY_COMMENT_MAX)
    problems.push({
      field: "comment",
      message: `Góp ý thêm: tối đa ${SURVEY_COMMENT_MAX} ký tự (đang có ${text.length}).`,
    });
  else if (text.includes("\u0000"))
    problems.push({ field: "comment", message: "Góp ý thêm: chứa ký tự không hợp lệ." });
  if (problems.length || rating === null) return { ok: false, problems };
  return { ok: true, value: { rating, comment: text || null } };
}

export interface SurveyCounts {
  answers: number;
  /** Satisfied or very satisfied (the two top levels). */
  satisfied: number;
  verySatisfied: number;
  /** Percentages of the answers, one decimal; null when there is no answer. */
  satisfiedPercent: number | null;
  verySatisfiedPercent: number | null;
  /** Answers per level, 1 to 5. */
  byLevel: Record<SurveyRating, number>;
}

function percent(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part * 1000) / whole) / 10;
}

/** Counts answers given as their ratings. */
export function countSurvey(ratings: readonly number[]): SurveyCounts {
  const byLevel: Record<SurveyRating, number> = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
  for (const r of ratings) {
    if (!(r in SURVEY_LEVELS)) throw new RangeError(`Mức đánh giá không hợp lệ: ${r}`);
    byLevel[r as SurveyRating]++;
  }
  const answers = ratings.length;
  const satisfied = byLevel[4] + byLevel[5];
  const verySatisfied = byLevel[5];
  return {
    answers,
    satisfied,
    verySatisfied,
    satisfiedPercent: percent(satisfied, answers),
    verySatisfiedPercent: percent(verySatisfied, answers),
    byLevel,
  };
}
