/**
 * The indicator catalogue (docs/LAW.md §11.6 A–D): each indicator a stable snake_case code, its
 * Vietnamese name, unit, nature (an event counted when its date falls in the period, or a stock
 * counted as of a day, §11.7), the article it comes from, and the records it counts written as
 * data: a source, a time window and conditions on named columns. The server turns that data into
 * one SQL aggregate per source (a FILTER per indicator) and into the drill-down list's WHERE, so
 * a figure and the list behind it come from the same definition.
 */
import { MANUAL_CELLS } from "./manual-cells.ts";

/**
 * The records an indicator counts: petitions (đơn), reception visits (lượt tiếp), resolution cases;
 * inspections and specialised checks, the recommendations of their conclusions, the recoveries on
 * them and the administrative penalty decisions (issue 17); and the anti-corruption records
 * (issue 18): corruption cases detected, documents with loopholes, prevention documents, gifts
 * handed in, training sessions, asset declaration duties, declarations and verifications; the
 * people of the yearly job rotation plan, each with the event that closed his row (ac_rotation).
 */
export type IndicatorSource =
  | "petition"
  | "visit"
  | "case"
  | "inspection"
  | "recommendation"
  | "recovery"
  | "sanction"
  | "ac_case"
  | "ac_loophole"
  | "ac_prevention"
  | "ac_gift"
  | "ac_training"
  | "ac_obligation"
  | "ac_declaration"
  | "ac_verification"
  | "ac_rotation"
  // enforcement of decisions (05/KQTH) and the manual cells of a form (06/QLKNTC)
  | "enforcement"
  | "enforcement_step"
  | "manual";

/**
 * When a record counts, relative to the period {from, to}. A source has a start date (petition:
 * received; case: accepted; visit: received) and an end date (petition: outcome applied; case:
 * ended), see SOURCE_DATES. An inspection starts with its decision and ends with its signed
 * conclusion; a recommendation starts with the conclusion and ends when carried out or closed; a
 * corruption case starts when detected and "ends" when its file goes to an investigation body; a
 * loophole document starts when found and ends when remedied.
 * - `started`: started in the period;   - `ended`: ended in the period;
 * - `carried_over`: started before `from`, not ended before `from`;
 * - `in_play`: carried over or started in the period (the "tổng số" of a form);
 * - `open_at_end`: started by `to`, not ended by `to` (stock as of the period end).
 */
export type IndicatorWindow = "started" | "ended" | "carried_over" | "in_play" | "open_at_end";

export const SOURCE_DATES: Readonly<Record<IndicatorSource, { start: string; end: string | null }>> = {
  petition: { start: "received_on", end: "outcome_on" },
  visit: { start: "received_on", end: null },
  case: { start: "accepted_on", end: "ended_on" },
  inspection: { start: "decided_on", end: "signed_on" },
  recommendation: { start: "concluded_on", end: "ended_on" },
  recovery: { start: "recovered_on", end: null },
  sanction: { start: "issued_on", end: null },
  ac_case: { start: "detected_on", end: "transferred_on" },
  ac_loophole: { start: "found_on", end: "remedied_on" },
  ac_prevention: { start: "issued_on", end: null },
  ac_gift: { start: "handed_on", end: null },
  ac_training: { start: "held_on", end: null },
  ac_obligation: { start: "due_on", end: null },
  ac_declaration: { start: "declared_on", end: null },
  ac_verification: { start: "concluded_on", end: null },
  // A person enters the rotation plan on the day it was approved; his row "ends" on the day he was
  // rotated, exempted or deferred (the outcome column says which).
  ac_rotation: { start: "planned_on", end: "outcome_on" },
  // An enforcement starts with its decision (its date: the records hold no legal-effect date,
  // docs/LAW.md §11.16) and ends when done; a step is an event; a manual
  // cell belongs to the period it was entered for (its conditions name both ends, see manualFigures).
  enforcement: { start: "decided_on", end: "done_on" },
  enforcement_step: { start: "on_date", end: null },
  manual: { start: "period_from", end: null },
};

/** The columns conditions may name, per source (the server maps them to SQL, nothing else). */
export const SOURCE_COLUMNS = {
  petition: ["kind", "competence", "eligible", "outcome", "signer_count", "transferred_from_id", "channel"],
  visit: ["kind", "is_crowd", "content_kind", "handling_route"],
  case: ["kind", "instance", "repeated", "ended_by", "outcome", "first_decision_upheld", "on_time"],
  inspection: ["kind", "trigger", "violating_targets"],
  recommendation: ["type", "inspection_kind", "closed"],
  recovery: ["type", "inspection_kind", "rec_concluded_on"],
  sanction: ["target_kind", "inspection_kind"],
  ac_case: ["channel"],
  ac_loophole: [],
  ac_prevention: ["kind", "action"],
  ac_gift: [],
  ac_training: ["kind"],
  ac_obligation: ["kind", "removed"],
  ac_declaration: ["kind"],
  ac_verification: ["ground", "conclusion"],
  ac_rotation: ["outcome"],
  enforcement: ["kind"],
  enforcement_step: ["kind", "case_kind"],
  manual: ["form", "cell", "period_from", "period_to"],
} as const satisfies Record<IndicatorSource, readonly string[]>;

export type Scalar = string | number | boolean;

export type Condition =
  | { col: string; eq: Scalar }
  | { col: string; in: readonly Scalar[] }
  | { col: string; gt: number }
  | { col: string; lte: number }
  | { col: string; isNull: boolean }
  /** A date column before the first day of the data year of the period (15/12 of the year before, §11.1). */
  | { col: string; before: "year_start" }
  /** A date column equal to the period's first or last day (a manual cell of exactly this period). */
  | { col: string; period: "from" | "to" };

/**
 * What is added up: records, distinct matters (vụ việc), or a column's sum; `per` divides the
 * sum once it is added up (whole đồng → triệu đồng: per 1.000.000), so a figure in millions is
 * exact (the sum of the đồng, then one division), with no rounding drift from row to row.
 */
export type Measure = "count" | "matters" | { sum: string; per?: number };

/** Whole đồng to triệu đồng, as the forms print money. */
export const MILLION = 1_000_000;

export interface Indicator {
  code: string;
  name: string;
  unit: string;
  nature: "event" | "stock";
  source: IndicatorSource;
  window: IndicatorWindow;
  measure: Measure;
  where: readonly Condition[];
  basis: string;
  /** What records it counts, in words (shown beside the drill-down list). */
  counts: string;
}

const TT05 = "Thông tư 05/2021/TT-TTCP";
const LTCD = "Luật Tiếp công dân 2013";
const LKN = "Luật Khiếu nại 2011";
const LTC = "Luật Tố cáo 2018";

const RECOMMENDATION = ["recommendation", "feedback"] as const;

type Def = Omit<Indicator, "code">;
const ev = (d: Omit<Def, "nature">): Def => ({ ...d, nature: "event" });
const st = (d: Omit<Def, "nature">): Def => ({ ...d, nature: "stock" });

const petition = (window: IndicatorWindow, where: readonly Condition[] = [], measure: Measure = "count") => ({
  source: "petition" as const,
  window,
  where,
  measure,
  unit: measure === "matters" ? "vụ việc" : "đơn",
});

const visit = (where: readonly Condition[] = [], measure: Measure = "count") => ({
  source: "visit" as const,
  window: "started" as const,
  where,
  measure,
  unit: typeof measure === "object" ? "người" : "lượt",
});

const caseOf = (kind: "complaint" | "denunciation", window: IndicatorWindow, where: readonly Condition[] = []) => ({
  source: "case" as const,
  window,
  where: [{ col: "kind", eq: kind }, ...where] as readonly Condition[],
  measure: "count" as Measure,
  unit: "vụ việc",
});

const RESOLVED: Condition = { col: "ended_by", in: ["decided", "concluded"] };

const caseMoney = (kind: "complaint" | "denunciation", column: string, unit: string) => ({
  source: "case" as const,
  window: "ended" as const,
  where: [{ col: "kind", eq: kind }, RESOLVED] as readonly Condition[],
  measure: { sum: column } as Measure,
  unit,
});

const LTTR = "Luật Thanh tra 2025";
const ND216 = "Nghị định 216/2025/NĐ-CP";
const LXLVPHC = "Luật Xử lý vi phạm hành chính 2012";
const LPCTN = "Luật Phòng, chống tham nhũng 2018";
const ND59 = "Nghị định 59/2019/NĐ-CP";
const ND130 = "Nghị định 130/2020/NĐ-CP";

const ADMIN_KINDS = ["planned", "ad_hoc", "re_inspection"] as const;
/** Administrative inspections (thanh tra hành chính) and specialised checks, apart. */
const ADMIN_INSPECTION: Condition = { col: "kind", in: ADMIN_KINDS };
const ADMIN_INSPECTION_OF_REC: Condition = { col: "inspection_kind", in: ADMIN_KINDS };
const SPECIALISED_CHECK: Condition = { col: "kind", eq: "specialised_check" };

const unitOfMeasure = (measure: Measure, count: string) =>
  typeof measure === "object" && measure.per === MILLION ? "triệu đồng" : count;

const inspection = (window: IndicatorWindow, where: readonly Condition[] = [], measure: Measure = "count") => ({
  source: "inspection" as const,
  window,
  where,
  measure,
  unit: unitOfMeasure(measure, "cuộc"),
});

const recommendation = (window: IndicatorWindow, where: readonly Condition[] = [], measure: Measure = "count") => ({
  source: "recommendation" as const,
  window,
  where,
  measure,
  unit: unitOfMeasure(measure, "kiến nghị"),
});

const recovery = (where: readonly Condition[], measure: Measure) => ({
  source: "recovery" as const,
  window: "started" as const,
  where,
  measure,
  unit: unitOfMeasure(measure, "m²"),
});

const sanction = (where: readonly Condition[], measure: Measure = "count") => ({
  source: "sanction" as const,
  window: "started" as const,
  where,
  measure,
  unit: unitOfMeasure(measure, "quyết định"),
});

const ac = (
  source: IndicatorSource,
  window: IndicatorWindow,
  where: readonly Condition[],
  measure: Measure,
  unit: string,
) => ({ source, window, where, measure, unit });

const DEFS = {
  // A. Citizen reception (01/TCD), Luật Tiếp công dân 2013, Thông tư 04/2021/TT-TTCP.
  visits: ev({ ...visit(), name: "Số lượt tiếp", basis: LTCD, counts: "Lượt tiếp ghi trong sổ, ngày tiếp trong kỳ" }),
  visit_people: ev({
    ...visit([], { sum: "people_count" }),
    name: "Số người được tiếp",
    basis: LTCD,
    counts: "Lượt tiếp trong kỳ (cộng số người của từng lượt)",
  }),
  visits_regular: ev({
    ...visit([{ col: "kind", eq: "regular" }]),
    name: "Tiếp thường xuyên",
    basis: `Điều 10 ${LTCD}`,
    counts: "Lượt tiếp thường xuyên trong kỳ",
  }),
  visits_by_head: ev({
    ...visit([{ col: "kind", in: ["periodic", "ad_hoc"] }]),
    name: "Lãnh đạo tiếp định kỳ, đột xuất",
    basis: `Điều 12, 15, 18 ${LTCD}`,
    counts: "Lượt tiếp định kỳ hoặc đột xuất của người đứng đầu trong kỳ",
  }),
  crowd_visits: ev({
    ...visit([{ col: "is_crowd", eq: true }]),
    name: "Đoàn đông người (số đoàn)",
    unit: "đoàn",
    basis: `Điều 29 ${LTCD}`,
    counts: "Lượt tiếp đoàn đông người trong kỳ",
  }),
  crowd_people: ev({
    ...visit([{ col: "is_crowd", eq: true }], { sum: "people_count" }),
    name: "Đoàn đông người (số người)",
    basis: `Điều 29 ${LTCD}`,
    counts: "Lượt tiếp đoàn đông người trong kỳ (cộng số người)",
  }),
  visits_complaint: ev({
    ...visit([{ col: "content_kind", eq: "complaint" }]),
    name: "Nội dung khiếu nại",
    basis: LTCD,
    counts: "Lượt tiếp có nội dung khiếu nại",
  }),
  visits_denunciation: ev({
    ...visit([{ col: "content_kind", eq: "denunciation" }]),
    name: "Nội dung tố cáo",
    basis: LTCD,
    counts: "Lượt tiếp có nội dung tố cáo",
  }),
  visits_recommendation: ev({
    ...visit([{ col: "content_kind", in: RECOMMENDATION }]),
    name: "Nội dung kiến nghị, phản ánh",
    basis: LTCD,
    counts: "Lượt tiếp có nội dung kiến nghị, phản ánh",
  }),
  visits_accepted: ev({
    ...visit([{ col: "handling_route", eq: "accepted" }]),
    name: "Kết quả: thụ lý giải quyết",
    basis: "Thông tư 04/2021/TT-TTCP",
    counts: "Lượt tiếp đã xử lý theo hướng thụ lý",
  }),
  visits_guided: ev({
    ...visit([{ col: "handling_route", eq: "returned_guided" }]),
    name: "Kết quả: trả lại đơn, hướng dẫn",
    basis: "Thông tư 04/2021/TT-TTCP",
    counts: "Lượt tiếp đã trả lại đơn và hướng dẫn",
  }),
  visits_transferred: ev({
    ...visit([{ col: "handling_route", eq: "transferred" }]),
    name: "Kết quả: chuyển đơn",
    basis: "Thông tư 04/2021/TT-TTCP",
    counts: "Lượt tiếp đã chuyển đơn đến cơ quan có thẩm quyền",
  }),
  visits_refused: ev({
    ...visit([{ col: "handling_route", eq: "refused" }]),
    name: "Từ chối tiếp",
    basis: `Điều 9 ${LTCD}`,
    counts: "Lượt từ chối tiếp công dân",
  }),

  // B. Petition handling (02/XLD), Thông tư 05/2021/TT-TTCP.
  petitions_total: st({
    ...petition("in_play"),
    name: "Tổng số đơn",
    basis: TT05,
    counts: "Đơn kỳ trước chuyển sang và đơn tiếp nhận trong kỳ",
  }),
  petitions_carried_over: st({
    ...petition("carried_over"),
    name: "Đơn kỳ trước chuyển sang",
    basis: TT05,
    counts: "Đơn tiếp nhận trước kỳ, chưa có kết quả xử lý khi bắt đầu kỳ",
  }),
  petitions_received: ev({
    ...petition("started"),
    name: "Đơn tiếp nhận trong kỳ",
    basis: TT05,
    counts: "Đơn có ngày tiếp nhận trong kỳ",
  }),
  matters_received: ev({
    ...petition("started", [], "matters"),
    name: "Số vụ việc tiếp nhận trong kỳ",
    basis: TT05,
    counts: "Vụ việc của các đơn tiếp nhận trong kỳ (nhiều đơn cùng một vụ việc tính một)",
  }),
  petitions_single_signer: ev({
    ...petition("started", [{ col: "signer_count", lte: 1 }]),
    name: "Đơn có một người đứng tên",
    basis: TT05,
    counts: "Đơn tiếp nhận trong kỳ do một người đứng tên (kể cả nặc danh)",
  }),
  petitions_several_signers: ev({
    ...petition("started", [{ col: "signer_count", gt: 1 }]),
    name: "Đơn có nhiều người đứng tên",
    basis: TT05,
    counts: "Đơn tiếp nhận trong kỳ do nhiều người cùng đứng tên",
  }),
  petitions_eligible: st({
    ...petition("in_play", [{ col: "eligible", eq: true }]),
    name: "Đơn đủ điều kiện xử lý",
    basis: `Điều 6 khoản 2 ${TT05}`,
    counts: "Trong tổng số đơn: đơn đã xác định đủ điều kiện xử lý",
  }),
  matters_eligible: st({
    ...petition("in_play", [{ col: "eligible", eq: true }], "matters"),
    name: "Số vụ việc đủ điều kiện xử lý",
    basis: `Điều 6 khoản 2 ${TT05}`,
    counts: "Vụ việc của các đơn đủ điều kiện xử lý (tính một lần)",
  }),
  petitions_not_eligible: st({
    ...petition("in_play", [{ col: "eligible", eq: false }]),
    name: "Đơn không đủ điều kiện xử lý",
    basis: `Điều 6 khoản 2 ${TT05}`,
    counts: "Trong tổng số đơn: đơn đã xác định không đủ điều kiện xử lý",
  }),
  petitions_eligible_complaint: st({
    ...petition("in_play", [
      { col: "eligible", eq: true },
      { col: "kind", eq: "complaint" },
    ]),
    name: "Đơn đủ điều kiện: khiếu nại",
    basis: `Điều 6 khoản 1 ${TT05}`,
    counts: "Đơn đủ điều kiện xử lý có nội dung khiếu nại",
  }),
  petitions_eligible_denunciation: st({
    ...petition("in_play", [
      { col: "eligible", eq: true },
      { col: "kind", eq: "denunciation" },
    ]),
    name: "Đơn đủ điều kiện: tố cáo",
    basis: `Điều 6 khoản 1 ${TT05}`,
    counts: "Đơn đủ điều kiện xử lý có nội dung tố cáo",
  }),
  petitions_eligible_recommendation: st({
    ...petition("in_play", [
      { col: "eligible", eq: true },
      { col: "kind", in: RECOMMENDATION },
    ]),
    name: "Đơn đủ điều kiện: kiến nghị, phản ánh",
    basis: `Điều 6 khoản 1 ${TT05}`,
    counts: "Đơn đủ điều kiện xử lý có nội dung kiến nghị, phản ánh",
  }),
  petitions_eligible_multi: st({
    ...petition("in_play", [
      { col: "eligible", eq: true },
      { col: "kind", eq: "multi_content" },
    ]),
    name: "Đơn đủ điều kiện: nhiều nội dung",
    basis: `Điều 6 khoản 1 ${TT05}`,
    counts: "Đơn đủ điều kiện xử lý có nhiều nội dung khác nhau",
  }),
  petitions_within_competence: st({
    ...petition("in_play", [
      { col: "eligible", eq: true },
      { col: "competence", eq: "within" },
    ]),
    name: "Đơn thuộc thẩm quyền",
    basis: TT05,
    counts: "Đơn đủ điều kiện xử lý thuộc thẩm quyền giải quyết",
  }),
  petitions_not_within_competence: st({
    ...petition("in_play", [
      { col: "eligible", eq: true },
      { col: "competence", eq: "not_within" },
    ]),
    name: "Đơn không thuộc thẩm quyền",
    basis: TT05,
    counts: "Đơn đủ điều kiện xử lý không thuộc thẩm quyền giải quyết",
  }),
  petitions_handled: ev({
    ...petition("ended"),
    name: "Đơn đã xử lý trong kỳ",
    basis: TT05,
    counts: "Đơn có kết quả xử lý (ngày áp dụng) trong kỳ",
  }),
  petitions_proposed_acceptance: ev({
    ...petition("ended", [{ col: "outcome", in: ["propose_acceptance", "propose_check"] }]),
    name: "Kết quả: đề xuất thụ lý, thanh tra, kiểm tra",
    basis: `Điều 27 ${LKN}; Điều 24, 25, 29 ${LTC}`,
    counts: "Đơn xử lý trong kỳ với kết quả đề xuất thụ lý hoặc đề xuất thanh tra, kiểm tra",
  }),
  petitions_guided: ev({
    ...petition("ended", [{ col: "outcome", in: ["guide", "guide_multi", "notify_not_accepted"] }]),
    name: "Kết quả: hướng dẫn, thông báo không thụ lý",
    basis: TT05,
    counts: "Đơn xử lý trong kỳ bằng hướng dẫn hoặc thông báo không thụ lý",
  }),
  petitions_transferred: ev({
    ...petition("ended", [{ col: "outcome", in: ["transfer", "return_to_sender_body"] }]),
    name: "Kết quả: chuyển đơn, trả lại đơn",
    basis: `Điều 24 khoản 2 ${LTC}; ${TT05}`,
    counts: "Đơn xử lý trong kỳ bằng chuyển đơn hoặc trả lại cơ quan chuyển đơn",
  }),
  petitions_answered: ev({
    ...petition("ended", [{ col: "outcome", eq: "resolve_reply" }]),
    name: "Kết quả: giải quyết, trả lời kiến nghị, phản ánh",
    basis: TT05,
    counts: "Đơn kiến nghị, phản ánh đã giải quyết, trả lời trong kỳ",
  }),
  petitions_filed: ev({
    ...petition("ended", [{ col: "outcome", eq: "archive" }]),
    name: "Kết quả: lưu đơn",
    basis: `Điều 28 ${TT05}`,
    counts: "Đơn lưu trong kỳ",
  }),
  petitions_in_progress_end: st({
    ...petition("open_at_end"),
    name: "Đơn đang xử lý cuối kỳ",
    basis: TT05,
    counts: "Đơn tiếp nhận đến cuối kỳ, chưa có kết quả xử lý khi kết thúc kỳ",
  }),

  // C. Complaint resolution (03/GQKN) and D. denunciation resolution (04/GQTC): the cases' figures.
  ...resolution("complaints", "complaint", "khiếu nại", `Điều 28, 31, 40 ${LKN}`),
  complaints_first_upheld: ev({
    ...caseOf("complaint", "ended", [RESOLVED, { col: "first_decision_upheld", eq: true }]),
    name: "Lần hai: công nhận quyết định lần đầu",
    basis: `Điều 40 ${LKN}`,
    counts: "Khiếu nại lần hai giải quyết trong kỳ, giữ nguyên quyết định lần đầu",
  }),
  complaints_first_changed: ev({
    ...caseOf("complaint", "ended", [RESOLVED, { col: "first_decision_upheld", eq: false }]),
    name: "Lần hai: hủy, sửa quyết định lần đầu",
    basis: `Điều 40 ${LKN}`,
    counts: "Khiếu nại lần hai giải quyết trong kỳ, hủy hoặc sửa quyết định lần đầu",
  }),
  ...resolution("denunciations", "denunciation", "tố cáo", `Điều 35, 36 ${LTC}`),
  denunciations_repeated_accepted: ev({
    ...caseOf("denunciation", "started", [{ col: "repeated", eq: true }]),
    name: "Tố cáo tiếp thụ lý trong kỳ",
    basis: `Điều 37 ${LTC}`,
    counts: "Tố cáo tiếp (đã có kết luận trước) thụ lý trong kỳ",
  }),

  // G. Inspections (docs/LAW.md §11.6 G): administrative inspections (planned, ad hoc, re-inspections).
  ...inspectionFigures("insp", ADMIN_INSPECTION, "cuộc thanh tra"),
  insp_planned: ev({
    ...inspection("started", [{ col: "kind", eq: "planned" }]),
    name: "Thanh tra theo kế hoạch",
    basis: LTTR,
    counts: "Cuộc thanh tra theo kế hoạch có quyết định trong kỳ",
  }),
  insp_ad_hoc: ev({
    ...inspection("started", [{ col: "kind", eq: "ad_hoc" }]),
    name: "Thanh tra đột xuất",
    basis: LTTR,
    counts: "Cuộc thanh tra đột xuất có quyết định trong kỳ",
  }),
  insp_reinspection: ev({
    ...inspection("started", [{ col: "kind", eq: "re_inspection" }]),
    name: "Thanh tra lại",
    basis: LTTR,
    counts: "Cuộc thanh tra lại có quyết định trong kỳ",
  }),
  insp_violation_money: ev({
    ...inspection("ended", [ADMIN_INSPECTION], { sum: "violation_money", per: MILLION }),
    unit: "triệu đồng",
    name: "Sai phạm về kinh tế: tiền",
    basis: LTTR,
    counts: "Cuộc thanh tra kết luận trong kỳ (cộng số tiền sai phạm phát hiện)",
  }),
  insp_violation_land: ev({
    ...inspection("ended", [ADMIN_INSPECTION], { sum: "violation_land" }),
    unit: "m²",
    name: "Sai phạm về kinh tế: đất",
    basis: LTTR,
    counts: "Cuộc thanh tra kết luận trong kỳ (cộng diện tích đất sai phạm)",
  }),
  ...conclusionRecommendations("insp", ADMIN_INSPECTION_OF_REC),
  insp_penalty_decisions: ev({
    ...sanction([{ col: "inspection_kind", in: ADMIN_KINDS }]),
    name: "Quyết định xử phạt vi phạm hành chính",
    basis: LXLVPHC,
    counts: "Quyết định xử phạt ban hành trong kỳ qua thanh tra hành chính",
  }),
  insp_penalty_amount: ev({
    ...sanction([{ col: "inspection_kind", in: ADMIN_KINDS }], { sum: "fine", per: MILLION }),
    name: "Số tiền xử phạt",
    basis: LXLVPHC,
    counts: "Quyết định xử phạt ban hành trong kỳ (cộng số tiền phạt)",
  }),

  // Specialised checks (kiểm tra chuyên ngành).
  ...inspectionFigures("check", SPECIALISED_CHECK, "cuộc kiểm tra"),
  check_penalty_decisions: ev({
    ...sanction([{ col: "inspection_kind", eq: "specialised_check" }]),
    name: "Quyết định xử phạt vi phạm hành chính",
    basis: LXLVPHC,
    counts: "Quyết định xử phạt ban hành trong kỳ qua kiểm tra chuyên ngành",
  }),
  check_penalty_organisations: ev({
    ...sanction([
      { col: "inspection_kind", eq: "specialised_check" },
      { col: "target_kind", eq: "organisation" },
    ]),
    name: "Xử phạt tổ chức",
    basis: LXLVPHC,
    counts: "Quyết định xử phạt tổ chức ban hành trong kỳ qua kiểm tra chuyên ngành",
  }),
  check_penalty_individuals: ev({
    ...sanction([
      { col: "inspection_kind", eq: "specialised_check" },
      { col: "target_kind", eq: "individual" },
    ]),
    name: "Xử phạt cá nhân",
    basis: LXLVPHC,
    counts: "Quyết định xử phạt cá nhân ban hành trong kỳ qua kiểm tra chuyên ngành",
  }),
  check_penalty_amount: ev({
    ...sanction([{ col: "inspection_kind", eq: "specialised_check" }], { sum: "fine", per: MILLION }),
    name: "Số tiền xử phạt",
    basis: LXLVPHC,
    counts: "Quyết định xử phạt ban hành trong kỳ qua kiểm tra chuyên ngành (cộng số tiền phạt)",
  }),
  check_rec_recover_money: ev({
    ...recommendation(
      "started",
      [
        { col: "inspection_kind", eq: "specialised_check" },
        { col: "type", eq: "recover_money" },
      ],
      {
        sum: "amount",
        per: MILLION,
      },
    ),
    name: "Kiến nghị thu hồi: tiền",
    basis: ND216,
    counts: "Kiến nghị thu hồi tiền trong kết luận kiểm tra ký trong kỳ",
  }),

  // Follow-up of conclusions (theo dõi, đôn đốc việc thực hiện kết luận), all inspections and checks.
  fu_recs_carried_over: st({
    ...recommendation("carried_over"),
    name: "Kiến nghị kỳ trước chuyển sang",
    basis: ND216,
    counts: "Kiến nghị của kết luận ký trước kỳ, chưa thực hiện xong hoặc chưa đóng khi bắt đầu kỳ",
  }),
  fu_recs_new: ev({
    ...recommendation("started"),
    name: "Kiến nghị mới trong kỳ",
    basis: ND216,
    counts: "Kiến nghị của kết luận ký trong kỳ",
  }),
  fu_recs_total: st({
    ...recommendation("in_play"),
    name: "Tổng số kiến nghị phải thực hiện",
    basis: ND216,
    counts: "Kiến nghị kỳ trước chuyển sang và kiến nghị mới trong kỳ",
  }),
  fu_recs_done: ev({
    ...recommendation("ended", [{ col: "closed", eq: false }]),
    name: "Kiến nghị đã thực hiện xong",
    basis: ND216,
    counts: "Kiến nghị ghi nhận thực hiện xong trong kỳ",
  }),
  fu_recs_closed: ev({
    ...recommendation("ended", [{ col: "closed", eq: true }]),
    name: "Kiến nghị đóng theo quyết định",
    basis: ND216,
    counts: "Kiến nghị đóng trong kỳ theo quyết định (miễn, không còn đối tượng …)",
  }),
  fu_recs_open_end: st({
    ...recommendation("open_at_end"),
    name: "Kiến nghị đang thực hiện cuối kỳ",
    basis: ND216,
    counts: "Kiến nghị chưa thực hiện xong, chưa đóng khi kết thúc kỳ",
  }),
  fu_money_to_recover: st({
    ...recommendation("in_play", [{ col: "type", eq: "recover_money" }], { sum: "outstanding_at_start", per: MILLION }),
    name: "Số tiền phải thu hồi",
    basis: ND216,
    counts: "Kiến nghị thu hồi tiền phải thực hiện trong kỳ (cộng số tiền chưa thu khi bắt đầu kỳ)",
  }),
  fu_money_recovered: ev({
    ...recovery([{ col: "type", eq: "recover_money" }], { sum: "amount", per: MILLION }),
    name: "Số tiền đã thu hồi trong kỳ",
    basis: ND216,
    counts: "Lần thu hồi tiền ghi nhận trong kỳ (cộng số tiền)",
  }),
  fu_money_recovered_earlier: ev({
    ...recovery(
      [
        { col: "type", eq: "recover_money" },
        { col: "rec_concluded_on", before: "year_start" },
      ],
      { sum: "amount", per: MILLION },
    ),
    name: "Trong đó: thu hồi theo kết luận của các năm trước",
    basis: ND216,
    counts: "Lần thu hồi tiền ghi nhận trong kỳ theo kết luận ký trước năm báo cáo (trước 15/12 năm trước)",
  }),
  fu_land_to_recover: st({
    ...recommendation("in_play", [{ col: "type", eq: "recover_land" }], { sum: "land_outstanding_at_start" }),
    unit: "m²",
    name: "Diện tích đất phải thu hồi",
    basis: ND216,
    counts: "Kiến nghị thu hồi đất phải thực hiện trong kỳ (cộng diện tích chưa thu khi bắt đầu kỳ)",
  }),
  fu_land_recovered: ev({
    ...recovery([{ col: "type", eq: "recover_land" }], { sum: "land_m2" }),
    unit: "m²",
    name: "Diện tích đất đã thu hồi trong kỳ",
    basis: ND216,
    counts: "Lần thu hồi đất ghi nhận trong kỳ (cộng diện tích)",
  }),
  fu_discipline_to_handle: st({
    ...recommendation("in_play", [{ col: "type", eq: "discipline" }], { sum: "individuals" }),
    unit: "người",
    name: "Số người phải xử lý kỷ luật",
    basis: ND216,
    counts: "Kiến nghị xử lý kỷ luật phải thực hiện trong kỳ (cộng số cá nhân)",
  }),
  fu_discipline_handled: ev({
    ...recommendation(
      "ended",
      [
        { col: "type", eq: "discipline" },
        { col: "closed", eq: false },
      ],
      { sum: "individuals" },
    ),
    unit: "người",
    name: "Số người đã xử lý kỷ luật",
    basis: ND216,
    counts: "Kiến nghị xử lý kỷ luật thực hiện xong trong kỳ (cộng số cá nhân)",
  }),
  fu_investigation_transferred: ev({
    ...recommendation(
      "ended",
      [
        { col: "type", eq: "investigation" },
        { col: "closed", eq: false },
      ],
      { sum: "matters" },
    ),
    unit: "vụ",
    name: "Số vụ đã chuyển cơ quan điều tra",
    basis: ND216,
    counts: "Kiến nghị chuyển cơ quan điều tra thực hiện xong trong kỳ (cộng số vụ)",
  }),

  // H. Anti-corruption (01/PCTN, 02/PCTN, 03/PCTN), Luật Phòng, chống tham nhũng 2018.
  pctn_prevention_docs: ev({
    ...ac("ac_prevention", "started", [], "count", "văn bản"),
    name: "Văn bản ban hành mới, sửa đổi để phòng ngừa tham nhũng",
    basis: LPCTN,
    counts: "Văn bản ban hành hoặc sửa đổi trong kỳ",
  }),
  pctn_training_sessions: ev({
    ...ac("ac_training", "started", [], { sum: "sessions" }, "lớp, buổi"),
    name: "Lớp tập huấn, buổi tuyên truyền về PCTN",
    basis: LPCTN,
    counts: "Đợt tập huấn, tuyên truyền tổ chức trong kỳ (cộng số lớp, buổi)",
  }),
  pctn_training_participants: ev({
    ...ac("ac_training", "started", [], { sum: "participants" }, "lượt người"),
    name: "Lượt người tham gia tập huấn, tuyên truyền",
    basis: LPCTN,
    counts: "Đợt tập huấn, tuyên truyền tổ chức trong kỳ (cộng lượt người)",
  }),
  pctn_gifts: ev({
    ...ac("ac_gift", "started", [], "count", "lượt"),
    name: "Quà tặng đã nộp lại",
    basis: `Điều 22, 23 ${ND59}`,
    counts: "Quà tặng nộp lại trong kỳ",
  }),
  pctn_gift_value: ev({
    ...ac("ac_gift", "started", [], { sum: "value", per: MILLION }, "triệu đồng"),
    name: "Giá trị quà tặng nộp lại",
    basis: `Điều 22, 23 ${ND59}`,
    counts: "Quà tặng nộp lại trong kỳ (cộng giá trị)",
  }),
  pctn_declarations_obliged: ev({
    ...ac("ac_obligation", "started", [{ col: "removed", eq: false }], "count", "người"),
    name: "Số người phải kê khai tài sản, thu nhập",
    basis: `Điều 34, 36 ${LPCTN}; ${ND130}`,
    counts: "Nghĩa vụ kê khai có hạn trong kỳ (chỉ hiện họ tên và trạng thái)",
  }),
  pctn_declarations_made: ev({
    ...ac("ac_declaration", "started", [], "count", "người"),
    name: "Số người đã kê khai",
    basis: `Điều 35 ${LPCTN}`,
    counts: "Bản kê khai nhận trong kỳ (chỉ hiện họ tên và trạng thái)",
  }),
  pctn_verified: ev({
    ...ac("ac_verification", "started", [], "count", "người"),
    name: "Số người được xác minh tài sản, thu nhập",
    basis: `Điều 41 ${LPCTN}`,
    counts: "Cuộc xác minh có kết luận trong kỳ (chỉ hiện họ tên và trạng thái)",
  }),
  pctn_verified_dishonest: ev({
    ...ac("ac_verification", "started", [{ col: "conclusion", eq: "dishonest" }], "count", "người"),
    name: "Số người kê khai không trung thực",
    basis: `Điều 51 ${LPCTN}`,
    counts: "Cuộc xác minh kết luận trong kỳ: kê khai không trung thực",
  }),
  pctn_cases_detected: ev({
    ...ac("ac_case", "started", [], "count", "vụ"),
    name: "Số vụ tham nhũng phát hiện",
    basis: LPCTN,
    counts: "Vụ việc tham nhũng phát hiện trong kỳ",
  }),
  pctn_persons_detected: ev({
    ...ac("ac_case", "started", [], { sum: "persons" }, "người"),
    name: "Số người có hành vi tham nhũng",
    basis: LPCTN,
    counts: "Vụ việc tham nhũng phát hiện trong kỳ (cộng số người liên quan)",
  }),
  ...channels(),
  pctn_damage_money: ev({
    ...ac("ac_case", "started", [], { sum: "damage_money", per: MILLION }, "triệu đồng"),
    name: "Thiệt hại: tiền",
    basis: LPCTN,
    counts: "Vụ việc tham nhũng phát hiện trong kỳ (cộng số tiền thiệt hại)",
  }),
  pctn_damage_land: ev({
    ...ac("ac_case", "started", [], { sum: "damage_land_m2" }, "m²"),
    name: "Thiệt hại: đất",
    basis: LPCTN,
    counts: "Vụ việc tham nhũng phát hiện trong kỳ (cộng diện tích đất thiệt hại)",
  }),
  pctn_recovered_money: ev({
    ...ac("ac_case", "started", [], { sum: "recovered_money", per: MILLION }, "triệu đồng"),
    name: "Đã thu hồi: tiền",
    basis: LPCTN,
    counts: "Vụ việc tham nhũng phát hiện trong kỳ (cộng số tiền đã thu hồi)",
  }),
  pctn_recovered_land: ev({
    ...ac("ac_case", "started", [], { sum: "recovered_land_m2" }, "m²"),
    name: "Đã thu hồi: đất",
    basis: LPCTN,
    counts: "Vụ việc tham nhũng phát hiện trong kỳ (cộng diện tích đất đã thu hồi)",
  }),
  pctn_cases_transferred: ev({
    ...ac("ac_case", "ended", [], "count", "vụ"),
    name: "Số vụ chuyển cơ quan điều tra",
    basis: LPCTN,
    counts: "Vụ việc tham nhũng chuyển hồ sơ sang cơ quan điều tra trong kỳ",
  }),
  pctn_persons_transferred: ev({
    ...ac("ac_case", "ended", [], { sum: "persons" }, "người"),
    name: "Số người trong các vụ chuyển cơ quan điều tra",
    basis: LPCTN,
    counts: "Vụ việc chuyển cơ quan điều tra trong kỳ (cộng số người liên quan)",
  }),
  pctn_heads_responsible: ev({
    ...ac("ac_case", "started", [], { sum: "heads_responsible" }, "người"),
    name: "Người đứng đầu bị xem xét trách nhiệm",
    basis: `Điều 72, 73 ${LPCTN}`,
    counts: "Vụ việc phát hiện trong kỳ (cộng số người đứng đầu bị xem xét trách nhiệm)",
  }),
  pctn_loopholes_carried_over: st({
    ...ac("ac_loophole", "carried_over", [], "count", "văn bản"),
    name: "Văn bản có sơ hở kỳ trước chuyển sang",
    basis: LPCTN,
    counts: "Văn bản phát hiện có sơ hở trước kỳ, chưa khắc phục khi bắt đầu kỳ",
  }),
  pctn_loopholes_found: ev({
    ...ac("ac_loophole", "started", [], "count", "văn bản"),
    name: "Văn bản có sơ hở phát hiện trong kỳ",
    basis: LPCTN,
    counts: "Văn bản phát hiện có sơ hở trong kỳ",
  }),
  pctn_loopholes_total: st({
    ...ac("ac_loophole", "in_play", [], "count", "văn bản"),
    name: "Tổng số văn bản có sơ hở",
    basis: LPCTN,
    counts: "Văn bản có sơ hở kỳ trước chuyển sang và phát hiện trong kỳ",
  }),
  pctn_loopholes_remedied: ev({
    ...ac("ac_loophole", "ended", [], "count", "văn bản"),
    name: "Văn bản đã khắc phục sơ hở",
    basis: LPCTN,
    counts: "Văn bản có sơ hở đã sửa đổi, bổ sung trong kỳ",
  }),
  pctn_loopholes_open_end: st({
    ...ac("ac_loophole", "open_at_end", [], "count", "văn bản"),
    name: "Văn bản chưa khắc phục cuối kỳ",
    basis: LPCTN,
    counts: "Văn bản có sơ hở chưa khắc phục khi kết thúc kỳ",
  }),
  // Job rotation (Điều 25 Luật PCTN 2018; Điều 36–39 Nghị định 59/2019): each by its event's date.
  pctn_rotation_planned: ev({
    ...ac("ac_rotation", "started", [], "count", "người"),
    name: "Số người trong kế hoạch chuyển đổi vị trí công tác",
    basis: `Điều 25 ${LPCTN}; Điều 36, 37 ${ND59}`,
    counts: "Người được đưa vào kế hoạch chuyển đổi phê duyệt trong kỳ (chỉ hiện họ tên và kết quả)",
  }),
  pctn_rotation_done: ev({
    ...ac("ac_rotation", "ended", [{ col: "outcome", eq: "done" }], "count", "người"),
    name: "Số người đã chuyển đổi vị trí công tác",
    basis: `Điều 25 ${LPCTN}; Điều 36 ${ND59}`,
    counts: "Người thực hiện chuyển đổi vị trí công tác trong kỳ (theo ngày thực hiện)",
  }),
  pctn_rotation_exempted: ev({
    ...ac("ac_rotation", "ended", [{ col: "outcome", eq: "exempted" }], "count", "người"),
    name: "Số người không thực hiện chuyển đổi",
    basis: `Điều 38 ${ND59}`,
    counts: "Người trong kế hoạch được quyết định không chuyển đổi trong kỳ (theo ngày quyết định)",
  }),
  pctn_rotation_deferred: ev({
    ...ac("ac_rotation", "ended", [{ col: "outcome", eq: "deferred" }], "count", "người"),
    name: "Số người tạm hoãn chuyển đổi",
    basis: `Điều 39 ${ND59}`,
    counts: "Người trong kế hoạch được tạm hoãn chuyển đổi từ một ngày trong kỳ",
  }),
  // enforcement of decisions (05/KQTH) and the manual cells of 06/QLKNTC (issue 19)
  ...enforcementFigures(),
  ...manualFigures(),
} satisfies Record<string, Def>;

function inspectionFigures(prefix: "insp" | "check", kinds: Condition, word: string) {
  const i = (window: IndicatorWindow, measure: Measure = "count") => ({ ...inspection(window, [kinds], measure) });
  const unitOf = (measure: Measure) => (measure === "count" ? "cuộc" : "đơn vị");
  const out: Record<string, Def> = {
    [`${prefix}_carried_over`]: st({
      ...i("carried_over"),
      unit: unitOf("count"),
      name: "Kỳ trước chuyển sang",
      basis: LTTR,
      counts: `Các ${word} có quyết định trước kỳ, chưa ký kết luận khi bắt đầu kỳ`,
    }),
    [`${prefix}_started`]: ev({
      ...i("started"),
      unit: unitOf("count"),
      name: "Triển khai trong kỳ",
      basis: LTTR,
      counts: `Các ${word} có quyết định trong kỳ`,
    }),
    [`${prefix}_total`]: st({
      ...i("in_play"),
      unit: unitOf("count"),
      name: `Tổng số ${word}`,
      basis: LTTR,
      counts: `Các ${word} kỳ trước chuyển sang và triển khai trong kỳ`,
    }),
    [`${prefix}_finished`]: ev({
      ...i("ended"),
      unit: unitOf("count"),
      name: "Đã ban hành kết luận",
      basis: LTTR,
      counts: `Các ${word} ký kết luận trong kỳ`,
    }),
    [`${prefix}_in_progress_end`]: st({
      ...i("open_at_end"),
      unit: unitOf("count"),
      name: "Đang thực hiện cuối kỳ",
      basis: LTTR,
      counts: `Các ${word} đã có quyết định, chưa ký kết luận khi kết thúc kỳ`,
    }),
    [`${prefix}_units`]: ev({
      ...i("ended", { sum: "targets" }),
      unit: unitOf({ sum: "targets" }),
      name: "Số đơn vị, đối tượng được thanh tra, kiểm tra",
      basis: LTTR,
      counts: `Các ${word} ký kết luận trong kỳ (cộng số đối tượng)`,
    }),
    [`${prefix}_units_violating`]: ev({
      ...i("ended", { sum: "violating_targets" }),
      unit: unitOf({ sum: "violating_targets" }),
      name: "Số đơn vị, đối tượng có vi phạm",
      basis: LTTR,
      counts: `Các ${word} ký kết luận trong kỳ (cộng số đối tượng có vi phạm)`,
    }),
  };
  return out;
}

/** What the conclusions signed in the period recommend (administrative inspections). */
function conclusionRecommendations(prefix: "insp", kinds: Condition) {
  const r = (type: string, measure: Measure) => recommendation("started", [kinds, { col: "type", eq: type }], measure);
  const out: Record<string, Def> = {
    [`${prefix}_rec_recover_money`]: ev({
      ...r("recover_money", { sum: "amount", per: MILLION }),
      name: "Kiến nghị thu hồi về ngân sách: tiền",
      basis: ND216,
      counts: "Kiến nghị thu hồi tiền trong kết luận ký trong kỳ (cộng số tiền)",
    }),
    [`${prefix}_rec_recover_land`]: ev({
      ...r("recover_land", { sum: "land_m2" }),
      unit: "m²",
      name: "Kiến nghị thu hồi: đất",
      basis: ND216,
      counts: "Kiến nghị thu hồi đất trong kết luận ký trong kỳ (cộng diện tích)",
    }),
    [`${prefix}_rec_other_economic`]: ev({
      ...r("other_economic", { sum: "amount", per: MILLION }),
      name: "Kiến nghị xử lý khác về kinh tế",
      basis: ND216,
      counts: "Kiến nghị xử lý khác về kinh tế (giảm trừ quyết toán …) trong kết luận ký trong kỳ",
    }),
    [`${prefix}_rec_discipline_collectives`]: ev({
      ...r("discipline", { sum: "collectives" }),
      unit: "tập thể",
      name: "Kiến nghị xử lý hành chính: tập thể",
      basis: ND216,
      counts: "Kiến nghị xử lý trách nhiệm trong kết luận ký trong kỳ (cộng số tập thể)",
    }),
    [`${prefix}_rec_discipline_individuals`]: ev({
      ...r("discipline", { sum: "individuals" }),
      unit: "cá nhân",
      name: "Kiến nghị xử lý hành chính: cá nhân",
      basis: ND216,
      counts: "Kiến nghị xử lý trách nhiệm trong kết luận ký trong kỳ (cộng số cá nhân)",
    }),
    [`${prefix}_rec_investigation_matters`]: ev({
      ...r("investigation", { sum: "matters" }),
      unit: "vụ",
      name: "Chuyển cơ quan điều tra: số vụ",
      basis: ND216,
      counts: "Kiến nghị chuyển cơ quan điều tra trong kết luận ký trong kỳ (cộng số vụ)",
    }),
    [`${prefix}_rec_investigation_persons`]: ev({
      ...r("investigation", { sum: "persons_count" }),
      unit: "người",
      name: "Chuyển cơ quan điều tra: số người",
      basis: ND216,
      counts: "Kiến nghị chuyển cơ quan điều tra trong kết luận ký trong kỳ (cộng số người)",
    }),
    [`${prefix}_rec_policy`]: ev({
      ...r("policy", "count"),
      unit: "kiến nghị",
      name: "Kiến nghị sửa đổi, bổ sung chính sách, pháp luật",
      basis: ND216,
      counts: "Kiến nghị hoàn thiện chính sách, pháp luật trong kết luận ký trong kỳ",
    }),
  };
  return out;
}

function channels() {
  const list: [string, string][] = [
    ["self_inspection", "Qua tự kiểm tra nội bộ"],
    ["inspection", "Qua thanh tra"],
    ["audit", "Qua kiểm toán"],
    ["denunciation", "Qua giải quyết khiếu nại, tố cáo"],
    ["investigation", "Qua điều tra, truy tố, xét xử"],
  ];
  return Object.fromEntries(
    list.map(([channel, name]): [string, Def] => [
      `pctn_cases_${channel}`,
      ev({
        ...ac("ac_case", "started", [{ col: "channel", eq: channel }], "count", "vụ"),
        name,
        basis: LPCTN,
        counts: `Vụ việc tham nhũng phát hiện trong kỳ: ${name.toLowerCase()}`,
      }),
    ]),
  );
}

function resolution(
  prefix: "complaints" | "denunciations",
  kind: "complaint" | "denunciation",
  word: string,
  basis: string,
) {
  const c = (window: IndicatorWindow, where: readonly Condition[] = []) => caseOf(kind, window, where);
  const out: Record<string, Def> = {
    [`${prefix}_carried_over`]: st({
      ...c("carried_over"),
      name: "Kỳ trước chuyển sang",
      basis,
      counts: `Vụ việc ${word} thụ lý trước kỳ, chưa kết thúc khi bắt đầu kỳ`,
    }),
    [`${prefix}_accepted`]: ev({
      ...c("started"),
      name: "Thụ lý trong kỳ",
      basis,
      counts: `Vụ việc ${word} thụ lý trong kỳ`,
    }),
    [`${prefix}_total`]: st({
      ...c("in_play"),
      name: "Tổng số vụ việc phải giải quyết",
      basis,
      counts: `Vụ việc ${word} kỳ trước chuyển sang và thụ lý trong kỳ`,
    }),
    [`${prefix}_resolved`]: ev({
      ...c("ended", [RESOLVED]),
      name: "Đã giải quyết",
      basis,
      counts: `Vụ việc ${word} có quyết định giải quyết hoặc kết luận trong kỳ`,
    }),
    [`${prefix}_right`]: ev({
      ...c("ended", [RESOLVED, { col: "outcome", eq: "right" }]),
      name: "Đúng",
      basis,
      counts: `Vụ việc ${word} giải quyết trong kỳ: đúng`,
    }),
    [`${prefix}_partly_right`]: ev({
      ...c("ended", [RESOLVED, { col: "outcome", eq: "partly_right" }]),
      name: "Có đúng, có sai",
      basis,
      counts: `Vụ việc ${word} giải quyết trong kỳ: có đúng, có sai`,
    }),
    [`${prefix}_wrong`]: ev({
      ...c("ended", [RESOLVED, { col: "outcome", eq: "wrong" }]),
      name: "Sai",
      basis,
      counts: `Vụ việc ${word} giải quyết trong kỳ: sai`,
    }),
    [`${prefix}_withdrawn`]: ev({
      ...c("ended", [{ col: "ended_by", eq: "withdrawn" }]),
      name: "Rút toàn bộ nội dung",
      basis,
      counts: `Vụ việc ${word} kết thúc do rút trong kỳ`,
    }),
    [`${prefix}_terminated`]: ev({
      ...c("ended", [{ col: "ended_by", eq: "terminated" }]),
      name: "Đình chỉ",
      basis,
      counts: `Vụ việc ${word} đình chỉ trong kỳ`,
    }),
    [`${prefix}_on_time`]: ev({
      ...c("ended", [RESOLVED, { col: "on_time", eq: true }]),
      name: "Giải quyết đúng thời hạn",
      basis,
      counts: `Vụ việc ${word} giải quyết trong kỳ, đúng thời hạn`,
    }),
    [`${prefix}_late`]: ev({
      ...c("ended", [RESOLVED, { col: "on_time", eq: false }]),
      name: "Giải quyết quá thời hạn",
      basis,
      counts: `Vụ việc ${word} giải quyết trong kỳ, quá thời hạn`,
    }),
    [`${prefix}_money_to_state`]: ev({
      ...caseMoney(kind, "money_to_state", "triệu đồng"),
      name: "Kiến nghị thu hồi cho Nhà nước: tiền",
      basis,
      counts: `Vụ việc ${word} giải quyết trong kỳ (cộng số tiền)`,
    }),
    [`${prefix}_land_to_state`]: ev({
      ...caseMoney(kind, "land_to_state", "m²"),
      name: "Kiến nghị thu hồi cho Nhà nước: đất",
      basis,
      counts: `Vụ việc ${word} giải quyết trong kỳ (cộng diện tích đất)`,
    }),
    [`${prefix}_money_to_others`]: ev({
      ...caseMoney(kind, "money_to_others", "triệu đồng"),
      name: "Trả lại cho tổ chức, cá nhân: tiền",
      basis,
      counts: `Vụ việc ${word} giải quyết trong kỳ (cộng số tiền)`,
    }),
    [`${prefix}_land_to_others`]: ev({
      ...caseMoney(kind, "land_to_others", "m²"),
      name: "Trả lại cho tổ chức, cá nhân: đất",
      basis,
      counts: `Vụ việc ${word} giải quyết trong kỳ (cộng diện tích đất)`,
    }),
    [`${prefix}_in_progress_end`]: st({
      ...c("open_at_end"),
      name: "Đang giải quyết cuối kỳ",
      basis,
      counts: `Vụ việc ${word} đã thụ lý, chưa kết thúc khi kết thúc kỳ`,
    }),
  };
  return out;
}

export type IndicatorCode = string;

export const INDICATORS: Readonly<Record<IndicatorCode, Indicator>> = Object.fromEntries(
  Object.entries(DEFS as Record<string, Def>).map(([code, d]) => [code, { code, ...d }]),
);

/** Pairs the reconciliation checks: carried over in N = in progress at the end of N−1 (§11.7). */
export const RECONCILED_PAIRS: readonly { carriedOver: IndicatorCode; inProgressAtEnd: IndicatorCode }[] = [
  { carriedOver: "petitions_carried_over", inProgressAtEnd: "petitions_in_progress_end" },
  { carriedOver: "complaints_carried_over", inProgressAtEnd: "complaints_in_progress_end" },
  { carriedOver: "denunciations_carried_over", inProgressAtEnd: "denunciations_in_progress_end" },
  { carriedOver: "insp_carried_over", inProgressAtEnd: "insp_in_progress_end" },
  { carriedOver: "check_carried_over", inProgressAtEnd: "check_in_progress_end" },
  { carriedOver: "fu_recs_carried_over", inProgressAtEnd: "fu_recs_open_end" },
  { carriedOver: "pctn_loopholes_carried_over", inProgressAtEnd: "pctn_loopholes_open_end" },
  { carriedOver: "enf_carried_over", inProgressAtEnd: "enf_open_end" },
];

/**
 * 05/KQTH (docs/LAW.md §5.6, §11.6 E): the enforcement records of complaint decisions and of
 * denunciation handling decisions. A record starts on its decision's day and ends the day its
 * enforcement is done; what was ordered is counted as still to do at the start of the period
 * (ordered minus what steps before the period achieved), what was achieved as the sum of the
 * period's steps, so "to do" of N+1 = "to do" of N − "achieved" in N.
 */
function enforcementFigures() {
  const basis = "Điều 43–46 Luật Khiếu nại 2011; Điều 36 Luật Tố cáo 2018";
  const rec = (window: IndicatorWindow, where: readonly Condition[] = [], measure: Measure = "count") => ({
    source: "enforcement" as const,
    window,
    where,
    measure,
    unit: typeof measure === "object" ? (measure.per === MILLION ? "triệu đồng" : "m²") : "quyết định",
  });
  const step = (sum: string, unit: string, per?: number) => ({
    source: "enforcement_step" as const,
    window: "started" as const,
    where: [] as readonly Condition[],
    measure: (per ? { sum, per } : { sum }) as Measure,
    unit,
  });
  const left = (column: string, unit: string, per?: number) => ({
    ...rec("in_play", [], (per ? { sum: column, per } : { sum: column }) as Measure),
    unit,
  });
  return {
    enf_carried_over: st({
      ...rec("carried_over"),
      name: "Quyết định phải thi hành kỳ trước chuyển sang",
      basis,
      counts: "Quyết định ban hành trước kỳ, chưa thi hành xong khi bắt đầu kỳ",
    }),
    enf_new: ev({
      ...rec("started"),
      name: "Quyết định phải thi hành mới trong kỳ",
      basis,
      counts: "Quyết định giải quyết khiếu nại, quyết định xử lý tố cáo ban hành trong kỳ",
    }),
    enf_total: st({
      ...rec("in_play"),
      name: "Tổng số quyết định phải thi hành",
      basis,
      counts: "Quyết định kỳ trước chuyển sang và mới trong kỳ",
    }),
    enf_total_complaint: st({
      ...rec("in_play", [{ col: "kind", eq: "complaint" }]),
      name: "Trong đó: quyết định giải quyết khiếu nại",
      basis,
      counts: "Quyết định giải quyết khiếu nại phải thi hành trong kỳ",
    }),
    enf_total_denunciation: st({
      ...rec("in_play", [{ col: "kind", eq: "denunciation" }]),
      name: "Trong đó: quyết định xử lý tố cáo",
      basis,
      counts: "Quyết định xử lý tố cáo phải thi hành trong kỳ",
    }),
    enf_done: ev({
      ...rec("ended"),
      name: "Quyết định đã thi hành xong",
      basis,
      counts: "Quyết định ghi nhận thi hành xong trong kỳ",
    }),
    enf_open_end: st({
      ...rec("open_at_end"),
      name: "Quyết định chưa thi hành xong cuối kỳ",
      basis,
      counts: "Quyết định ban hành đến hết kỳ, chưa thi hành xong khi kết thúc kỳ",
    }),
    enf_money_state_due: st({
      ...left("money_to_state_left", "triệu đồng", MILLION),
      name: "Tiền phải thu hồi cho Nhà nước",
      basis,
      counts: "Quyết định phải thi hành trong kỳ (cộng số tiền còn phải thu khi bắt đầu kỳ)",
    }),
    enf_money_state_done: ev({
      ...step("money_to_state", "triệu đồng", MILLION),
      name: "Tiền đã thu hồi cho Nhà nước",
      basis,
      counts: "Bước thi hành ghi nhận trong kỳ (cộng số tiền đã thu hồi)",
    }),
    enf_money_others_due: st({
      ...left("money_to_others_left", "triệu đồng", MILLION),
      name: "Tiền phải trả lại cho tổ chức, cá nhân",
      basis,
      counts: "Quyết định phải thi hành trong kỳ (cộng số tiền còn phải trả khi bắt đầu kỳ)",
    }),
    enf_money_others_done: ev({
      ...step("money_to_others", "triệu đồng", MILLION),
      name: "Tiền đã trả lại cho tổ chức, cá nhân",
      basis,
      counts: "Bước thi hành ghi nhận trong kỳ (cộng số tiền đã trả lại)",
    }),
    enf_land_state_due: st({
      ...left("land_to_state_left", "m²"),
      name: "Đất phải thu hồi cho Nhà nước",
      basis,
      counts: "Quyết định phải thi hành trong kỳ (cộng diện tích còn phải thu khi bắt đầu kỳ)",
    }),
    enf_land_state_done: ev({
      ...step("land_to_state", "m²"),
      name: "Đất đã thu hồi cho Nhà nước",
      basis,
      counts: "Bước thi hành ghi nhận trong kỳ (cộng diện tích đã thu hồi)",
    }),
    enf_land_others_due: st({
      ...left("land_to_others_left", "m²"),
      name: "Đất phải trả lại cho tổ chức, cá nhân",
      basis,
      counts: "Quyết định phải thi hành trong kỳ (cộng diện tích còn phải trả khi bắt đầu kỳ)",
    }),
    enf_land_others_done: ev({
      ...step("land_to_others", "m²"),
      name: "Đất đã trả lại cho tổ chức, cá nhân",
      basis,
      counts: "Bước thi hành ghi nhận trong kỳ (cộng diện tích đã trả lại)",
    }),
    enf_discipline_due: st({
      ...left("discipline_left", "người"),
      name: "Số người phải xử lý kỷ luật",
      basis,
      counts: "Quyết định phải thi hành trong kỳ (cộng số người còn phải xử lý khi bắt đầu kỳ)",
    }),
    enf_discipline_done: ev({
      ...step("persons_disciplined", "người"),
      name: "Số người đã xử lý kỷ luật",
      basis,
      counts: "Bước thi hành ghi nhận trong kỳ (cộng số người đã bị xử lý)",
    }),
    enf_investigation_matters: ev({
      ...step("matters_transferred", "vụ"),
      name: "Đã chuyển cơ quan điều tra: số vụ",
      basis,
      counts: "Bước thi hành ghi nhận trong kỳ (cộng số vụ đã chuyển)",
    }),
    enf_investigation_persons: ev({
      ...step("persons_transferred", "người"),
      name: "Đã chuyển cơ quan điều tra: số người",
      basis,
      counts: "Bước thi hành ghi nhận trong kỳ (cộng số người đã chuyển)",
    }),
    enf_rights_restored: ev({
      ...step("rights_restored", "tổ chức, cá nhân"),
      name: "Tổ chức, cá nhân được khôi phục quyền, lợi ích",
      basis,
      counts: "Bước thi hành ghi nhận trong kỳ (cộng số tổ chức, cá nhân được khôi phục quyền, lợi ích)",
    }),
  } satisfies Record<string, Def>;
}

/** The manual cells (manual-cells.ts): each the sum of what was entered for exactly this period. */
function manualFigures() {
  const out: Record<string, Def> = {};
  for (const [form, cells] of Object.entries(MANUAL_CELLS)) {
    for (const cell of cells) {
      out[cell.code] = ev({
        source: "manual",
        window: "started",
        where: [
          { col: "form", eq: form },
          { col: "cell", eq: cell.code },
          { col: "period_from", period: "from" },
          { col: "period_to", period: "to" },
        ],
        measure: { sum: "value" },
        unit: cell.unit,
        name: cell.name,
        basis: cell.basis,
        counts: "Số liệu nhập tay của đơn vị cho đúng kỳ báo cáo này",
      });
    }
  }
  return out;
}
