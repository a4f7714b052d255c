/**
 * The indicator catalogue (docs/LAW.md §11.6 A–D): each indicator a stable snake_case code, its
 * Vietnamese name, unit, nature (an event counted when its date falls in the period, or a stock
 * counted as of a day, §11.7), the article it comes from, and the records it counts written as
 * data: a source, a time window and conditions on named columns. The server turns that data into
 * one SQL aggregate per source (a FILTER per indicator) and into the drill-down list's WHERE, so
 * a figure and the list behind it come from the same definition.
 */

/** The records an indicator counts: petitions (đơn), reception visits (lượt tiếp), resolution cases. */
export type IndicatorSource = "petition" | "visit" | "case";

/**
 * When a record counts, relative to the period {from, to}. A source has a start date (petition:
 * received; case: accepted; visit: received) and an end date (petition: outcome applied; case:
 * ended), see SOURCE_DATES.
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
};

/** The columns conditions may name, per source (the server maps them to SQL, nothing else). */
export const SOURCE_COLUMNS = {
  petition: ["kind", "competence", "eligible", "outcome", "signer_count", "transferred_from_id", "channel"],
  visit: ["kind", "is_crowd", "content_kind", "handling_route"],
  case: ["kind", "instance", "repeated", "ended_by", "outcome", "first_decision_upheld", "on_time"],
} as const satisfies Record<IndicatorSource, readonly string[]>;

export type Scalar = string | number | boolean;

export type Condition =
  | { col: string; eq: Scalar }
  | { col: string; in: readonly Scalar[] }
  | { col: string; gt: number }
  | { col: string; lte: number }
  | { col: string; isNull: boolean };

/** What is added up: records, distinct matters (vụ việc), or a column's sum. */
export type Measure = "count" | "matters" | { sum: string };

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
} satisfies Record<string, Def>;

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
];
