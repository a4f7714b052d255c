/** The survey's pages: the form (on the tracking page and per agency) and the thanks. */
import {
  SURVEY_COMMENT_MAX,
  SURVEY_LEVELS,
  SURVEY_QUESTION,
  type SurveyField,
  type SurveyRating,
} from "@minhbach/domain/portal/index";
import { html, page, type Html } from "./html.ts";
import type { PetitionSurvey } from "./survey.ts";

export interface SurveyFormState {
  problems?: readonly { field: SurveyField; message: string }[];
  rating?: string;
  comment?: string;
}

/** The form: a radio group for the level and a comment box, every field labelled, no script. */
export function surveyForm(action: string, hidden: Record<string, string>, state: SurveyFormState = {}): Html {
  const problemOf = (field: SurveyField) => state.problems?.find((p) => p.field === field)?.message ?? null;
  const ratingProblem = problemOf("rating");
  const commentProblem = problemOf("comment");
  const levels = (Object.keys(SURVEY_LEVELS) as `${SurveyRating}`[]).reverse();
  return html`<form method="post" action="${action}" class="card" novalidate>
    ${Object.entries(hidden).map(([name, value]) => html`<input type="hidden" name="${name}" value="${value}" />`)}
    <fieldset ${ratingProblem ? html`aria-describedby="e-rating"` : ""}>
      <legend>${SURVEY_QUESTION}</legend>
      ${ratingProblem ? html`<p class="err" id="e-rating" role="alert">${ratingProblem}</p>` : ""}
      ${levels.map(
        (level) =>
          html`<label class="choice" for="f-rating-${level}"
            ><input
              type="radio"
              id="f-rating-${level}"
              name="rating"
              value="${level}"
              required
              ${state.rating === level ? html`checked` : ""}
            />${SURVEY_LEVELS[Number(level) as SurveyRating]}</label
          >`,
      )}
    </fieldset>
    <label for="f-comment">Góp ý thêm (không bắt buộc)</label>
    <p class="hint" id="h-comment">
      Tối đa ${SURVEY_COMMENT_MAX} ký tự. Không ghi họ tên, số điện thoại: phiếu khảo sát không lưu thông tin người trả
      lời.
    </p>
    ${commentProblem ? html`<p class="err" id="e-comment" role="alert">${commentProblem}</p>` : ""}
    <textarea
      id="f-comment"
      name="comment"
      rows="4"
      maxlength="${SURVEY_COMMENT_MAX}"
      aria-describedby="h-comment${commentProblem ? " e-comment" : ""}"
      ${commentProblem ? html`aria-invalid="true"` : ""}
    >
${state.comment ?? ""}</textarea>
    <p><button type="submit">Gửi đánh giá</button></p>
  </form>`;
}

/** The survey's part of the tracking page. */
export function petitionSurveyBlock(code: string, survey: PetitionSurvey | undefined, state?: SurveyFormState): Html {
  // A refused answer (already given, matter not yet handled) is said where the survey would be.
  const refused = survey !== "offered" && state?.problems?.length ? state.problems : null;
  const refusal = refused ? html`<p class="err" role="alert">${refused.map((p) => p.message).join(" ")}</p>` : "";
  if (survey === "answered")
    return html`<h2>Khảo sát mức độ hài lòng</h2>
      ${refusal}
      <p>Bạn đã gửi đánh giá cho đơn này. Cảm ơn bạn.</p>`;
  if (survey !== "offered")
    return refused
      ? html`<h2>Khảo sát mức độ hài lòng</h2>
          ${refusal}`
      : html``;
  return html`<h2>Khảo sát mức độ hài lòng</h2>
    <p>Đơn đã được xử lý xong. Mời bạn cho biết mức độ hài lòng (mỗi đơn một lần).</p>
    ${surveyForm("/cong-dan/tra-cuu/khao-sat", { code }, state)}`;
}

/** The page a visitor of an agency's reception answers on. */
export function receptionSurveyPage(agency: { name: string }, agencyCode: string, state?: SurveyFormState): string {
  return page(
    { title: "Khảo sát mức độ hài lòng" },
    html`<h1>Khảo sát mức độ hài lòng</h1>
      <p>Về việc tiếp công dân tại <strong>${agency.name}</strong>. Phiếu không ghi tên người trả lời.</p>
      ${
        state?.problems?.length
          ? html`<div class="summary" role="alert">
              <p>Phiếu chưa gửi được: ${state.problems.map((p) => p.message).join(" ")}</p>
            </div>`
          : ""
      }
      ${surveyForm("/cong-dan/khao-sat", { coQuan: agencyCode }, state)}`,
  );
}

/** Without an agency on the address: the agencies to choose from, as links. */
export function surveyAgencyChoicePage(agencies: readonly { code: string; name: string }[]): string {
  return page(
    { title: "Khảo sát mức độ hài lòng" },
    html`<h1>Khảo sát mức độ hài lòng</h1>
      <p>Chọn cơ quan nơi bạn đã đến tiếp công dân:</p>
      <ul class="links">
        ${agencies.map(
          (a) => html`<li><a href="/cong-dan/khao-sat?coQuan=${encodeURIComponent(a.code)}">${a.name}</a></li>`,
        )}
      </ul>`,
  );
}

export function surveyThanksPage(agencyName: string): string {
  return page(
    { title: "Đã nhận đánh giá" },
    html`<h1>Cảm ơn bạn đã đánh giá</h1>
      <div class="card" role="status"><p>Đã ghi nhận phiếu khảo sát về ${agencyName}.</p></div>
      <p><a href="/cong-dan">Về trang chủ của cổng</a></p>`,
  );
}
