/**
 * The statistical forms of the regime (docs/LAW.md §11.5): as
 * the appendix prints them, one row per reporting unit and a total row, numbered columns under
 * grouped headers; each column is filled by one indicator of the catalogue. A cell of a computed
 * form is "<row>.<column number>", the row being "tong" (the total) or a unit's code.
 */
import { INDICATORS, type IndicatorCode } from "./indicators.ts";
import { MANUAL_CELLS } from "./manual-cells.ts";

export interface FormColumn {
  /** The printed column number (1, 2, …). */
  no: number;
  label: string;
  indicator: IndicatorCode;
}

export interface FormGroup {
  label: string;
  /** The columns under this header (printed numbers, inclusive). */
  from: number;
  to: number;
}

export interface FormDefinition {
  code: string;
  title: string;
  /** The forms of these regimes (REPORTING_REGIMES codes). */
  regimes: readonly string[];
  columns: readonly FormColumn[];
  groups: readonly FormGroup[];
  /**
   * Columns that the layout makes the sum of others (docs/LAW.md §11.11): "total" equals the sum of
   * "parts" on every row. Checked on an uploaded form, cell by cell.
   */
  sums?: readonly FormSum[];
}

export interface FormSum {
  /** The printed number of the total column. */
  total: number;
  /** The printed numbers of the columns that add up to it. */
  parts: readonly number[];
}

const ALL = ["TT02/2021", "TT01/2024", "TT06/2025"];
/** The inspection forms: those of the predecessor regimes (§11.5: the 2025 set is not identified). */
const INSPECTION_REGIMES = ["TT02/2021", "TT01/2024"];

function cols(list: readonly [string, IndicatorCode][]): FormColumn[] {
  return list.map(([label, indicator], i) => ({ no: i + 1, label, indicator }));
}

const RESOLUTION_COLUMNS = (p: "complaints" | "denunciations"): [string, IndicatorCode][] => [
  ["Kỳ trước chuyển sang", `${p}_carried_over`],
  ["Thụ lý trong kỳ", `${p}_accepted`],
  ["Tổng số", `${p}_total`],
  ["Đã giải quyết", `${p}_resolved`],
  ["Đúng", `${p}_right`],
  ["Có đúng, có sai", `${p}_partly_right`],
  ["Sai", `${p}_wrong`],
  ["Rút toàn bộ nội dung", `${p}_withdrawn`],
  ["Đình chỉ", `${p}_terminated`],
  ["Đúng thời hạn", `${p}_on_time`],
  ["Quá thời hạn", `${p}_late`],
  ["Tiền (triệu đồng)", `${p}_money_to_state`],
  ["Đất (m²)", `${p}_land_to_state`],
  ["Tiền (triệu đồng)", `${p}_money_to_others`],
  ["Đất (m²)", `${p}_land_to_others`],
  ["Đang giải quyết cuối kỳ", `${p}_in_progress_end`],
];

const RESOLUTION_GROUPS: FormGroup[] = [
  { label: "Số vụ việc phải giải quyết", from: 1, to: 3 },
  { label: "Kết quả giải quyết", from: 4, to: 9 },
  { label: "Thời hạn giải quyết", from: 10, to: 11 },
  { label: "Kiến nghị thu hồi cho Nhà nước", from: 12, to: 13 },
  { label: "Trả lại cho tổ chức, cá nhân", from: 14, to: 15 },
  { label: "Chuyển kỳ sau", from: 16, to: 16 },
];

export const FORMS: Readonly<Record<string, FormDefinition>> = {
  "01/TCD": {
    code: "01/TCD",
    title: "TỔNG HỢP KẾT QUẢ TIẾP CÔNG DÂN",
    regimes: ALL,
    columns: cols([
      ["Số lượt", "visits"],
      ["Số người", "visit_people"],
      ["Thường xuyên", "visits_regular"],
      ["Lãnh đạo tiếp", "visits_by_head"],
      ["Số đoàn", "crowd_visits"],
      ["Số người", "crowd_people"],
      ["Khiếu nại", "visits_complaint"],
      ["Tố cáo", "visits_denunciation"],
      ["Kiến nghị, phản ánh", "visits_recommendation"],
      ["Thụ lý", "visits_accepted"],
      ["Trả lại đơn, hướng dẫn", "visits_guided"],
      ["Chuyển đơn", "visits_transferred"],
      ["Từ chối tiếp", "visits_refused"],
    ]),
    groups: [
      { label: "Tiếp công dân", from: 1, to: 4 },
      { label: "Đoàn đông người", from: 5, to: 6 },
      { label: "Nội dung", from: 7, to: 9 },
      { label: "Kết quả tiếp", from: 10, to: 13 },
    ],
    // Every visit is regular or held by the head (periodic or ad hoc): Điều 10, 12 Luật TCD.
    sums: [{ total: 1, parts: [3, 4] }],
  },
  "02/XLD": {
    code: "02/XLD",
    title: "TỔNG HỢP KẾT QUẢ TIẾP NHẬN, XỬ LÝ ĐƠN",
    regimes: ALL,
    columns: cols([
      ["Tổng số đơn", "petitions_total"],
      ["Kỳ trước chuyển sang", "petitions_carried_over"],
      ["Tiếp nhận trong kỳ", "petitions_received"],
      ["Số vụ việc tiếp nhận", "matters_received"],
      ["Một người đứng tên", "petitions_single_signer"],
      ["Nhiều người đứng tên", "petitions_several_signers"],
      ["Số đơn", "petitions_eligible"],
      ["Số vụ việc", "matters_eligible"],
      ["Không đủ điều kiện xử lý", "petitions_not_eligible"],
      ["Khiếu nại", "petitions_eligible_complaint"],
      ["Tố cáo", "petitions_eligible_denunciation"],
      ["Kiến nghị, phản ánh", "petitions_eligible_recommendation"],
      ["Nhiều nội dung", "petitions_eligible_multi"],
      ["Thuộc thẩm quyền", "petitions_within_competence"],
      ["Không thuộc thẩm quyền", "petitions_not_within_competence"],
      ["Tổng đã xử lý", "petitions_handled"],
      ["Đề xuất thụ lý", "petitions_proposed_acceptance"],
      ["Hướng dẫn", "petitions_guided"],
      ["Chuyển đơn", "petitions_transferred"],
      ["Trả lời", "petitions_answered"],
      ["Lưu đơn", "petitions_filed"],
      ["Đang xử lý cuối kỳ", "petitions_in_progress_end"],
    ]),
    groups: [
      { label: "Tiếp nhận", from: 1, to: 6 },
      { label: "Đủ điều kiện xử lý", from: 7, to: 8 },
      { label: "Không đủ điều kiện", from: 9, to: 9 },
      { label: "Phân loại theo nội dung (đơn đủ điều kiện)", from: 10, to: 13 },
      { label: "Theo thẩm quyền", from: 14, to: 15 },
      { label: "Kết quả xử lý trong kỳ", from: 16, to: 21 },
      { label: "Chuyển kỳ sau", from: 22, to: 22 },
    ],
    sums: [
      // Total = carried over + received in the period.
      { total: 1, parts: [2, 3] },
      // Total = handled in the period + still in progress at its end.
      { total: 1, parts: [16, 22] },
      // Received = signed by one person + signed by several.
      { total: 3, parts: [5, 6] },
    ],
  },
  "03/GQKN": {
    code: "03/GQKN",
    title: "TỔNG HỢP KẾT QUẢ GIẢI QUYẾT KHIẾU NẠI",
    regimes: ALL,
    columns: cols([
      ...RESOLUTION_COLUMNS("complaints"),
      ["Lần hai: công nhận lần đầu", "complaints_first_upheld"],
      ["Lần hai: hủy, sửa lần đầu", "complaints_first_changed"],
    ]),
    groups: [...RESOLUTION_GROUPS, { label: "Giải quyết lần hai", from: 17, to: 18 }],
    sums: [{ total: 3, parts: [1, 2] }],
  },
  "04/GQTC": {
    code: "04/GQTC",
    title: "TỔNG HỢP KẾT QUẢ GIẢI QUYẾT TỐ CÁO",
    regimes: ALL,
    columns: cols([...RESOLUTION_COLUMNS("denunciations"), ["Tố cáo tiếp thụ lý", "denunciations_repeated_accepted"]]),
    groups: [...RESOLUTION_GROUPS, { label: "Tố cáo tiếp", from: 17, to: 17 }],
    sums: [{ total: 3, parts: [1, 2] }],
  },
  // Inspection forms (docs/LAW.md §11.5–11.6 G). The predecessor regime's 01/TTr (administrative
  // inspection results) is known by its code; the columns here and the two other forms are
  // reconstructed from the indicators of §11.6 G, not copied from the appendix (README). The
  // 2025 form set is not identified, so they are not forms of TT 06/2025 (an ad hoc report still
  // computes them for any period).
  "01/TTr": {
    code: "01/TTr",
    title: "TỔNG HỢP KẾT QUẢ THANH TRA HÀNH CHÍNH",
    regimes: INSPECTION_REGIMES,
    columns: cols([
      ["Kỳ trước chuyển sang", "insp_carried_over"],
      ["Triển khai trong kỳ", "insp_started"],
      ["Tổng số", "insp_total"],
      ["Theo kế hoạch", "insp_planned"],
      ["Đột xuất", "insp_ad_hoc"],
      ["Thanh tra lại", "insp_reinspection"],
      ["Đã ban hành kết luận", "insp_finished"],
      ["Đang thực hiện cuối kỳ", "insp_in_progress_end"],
      ["Số đơn vị được thanh tra", "insp_units"],
      ["Số đơn vị có vi phạm", "insp_units_violating"],
      ["Tiền (triệu đồng)", "insp_violation_money"],
      ["Đất (m²)", "insp_violation_land"],
      ["Tiền (triệu đồng)", "insp_rec_recover_money"],
      ["Đất (m²)", "insp_rec_recover_land"],
      ["Xử lý khác về kinh tế (triệu đồng)", "insp_rec_other_economic"],
      ["Tập thể", "insp_rec_discipline_collectives"],
      ["Cá nhân", "insp_rec_discipline_individuals"],
      ["Số vụ", "insp_rec_investigation_matters"],
      ["Số người", "insp_rec_investigation_persons"],
      ["Kiến nghị hoàn thiện chính sách, pháp luật", "insp_rec_policy"],
      ["Số quyết định xử phạt", "insp_penalty_decisions"],
      ["Số tiền xử phạt (triệu đồng)", "insp_penalty_amount"],
    ]),
    groups: [
      { label: "Số cuộc thanh tra", from: 1, to: 6 },
      { label: "Tiến độ", from: 7, to: 8 },
      { label: "Đơn vị được thanh tra", from: 9, to: 10 },
      { label: "Sai phạm về kinh tế", from: 11, to: 12 },
      { label: "Kiến nghị thu hồi về ngân sách nhà nước", from: 13, to: 15 },
      { label: "Kiến nghị xử lý hành chính", from: 16, to: 17 },
      { label: "Chuyển cơ quan điều tra", from: 18, to: 19 },
      { label: "Xử phạt vi phạm hành chính", from: 21, to: 22 },
    ],
  },
  "02/TTr": {
    code: "02/TTr",
    title: "TỔNG HỢP KẾT QUẢ KIỂM TRA CHUYÊN NGÀNH",
    regimes: INSPECTION_REGIMES,
    columns: cols([
      ["Kỳ trước chuyển sang", "check_carried_over"],
      ["Triển khai trong kỳ", "check_started"],
      ["Tổng số", "check_total"],
      ["Đã ban hành kết luận", "check_finished"],
      ["Đang thực hiện cuối kỳ", "check_in_progress_end"],
      ["Số tổ chức, cá nhân được kiểm tra", "check_units"],
      ["Số tổ chức, cá nhân có vi phạm", "check_units_violating"],
      ["Tổng số quyết định", "check_penalty_decisions"],
      ["Tổ chức", "check_penalty_organisations"],
      ["Cá nhân", "check_penalty_individuals"],
      ["Số tiền xử phạt (triệu đồng)", "check_penalty_amount"],
      ["Kiến nghị thu hồi (triệu đồng)", "check_rec_recover_money"],
    ]),
    groups: [
      { label: "Số cuộc kiểm tra", from: 1, to: 5 },
      { label: "Đối tượng kiểm tra", from: 6, to: 7 },
      { label: "Quyết định xử phạt vi phạm hành chính", from: 8, to: 11 },
    ],
  },
  "03/TTr": {
    code: "03/TTr",
    title: "TỔNG HỢP KẾT QUẢ THEO DÕI, ĐÔN ĐỐC, KIỂM TRA VIỆC THỰC HIỆN KẾT LUẬN THANH TRA",
    regimes: INSPECTION_REGIMES,
    columns: cols([
      ["Kỳ trước chuyển sang", "fu_recs_carried_over"],
      ["Mới trong kỳ", "fu_recs_new"],
      ["Tổng số", "fu_recs_total"],
      ["Đã thực hiện xong", "fu_recs_done"],
      ["Đóng theo quyết định", "fu_recs_closed"],
      ["Đang thực hiện cuối kỳ", "fu_recs_open_end"],
      ["Phải thu hồi", "fu_money_to_recover"],
      ["Đã thu hồi trong kỳ", "fu_money_recovered"],
      ["Trong đó: theo kết luận các năm trước", "fu_money_recovered_earlier"],
      ["Phải thu hồi", "fu_land_to_recover"],
      ["Đã thu hồi trong kỳ", "fu_land_recovered"],
      ["Phải xử lý", "fu_discipline_to_handle"],
      ["Đã xử lý", "fu_discipline_handled"],
      ["Đã chuyển cơ quan điều tra (vụ)", "fu_investigation_transferred"],
    ]),
    groups: [
      { label: "Kiến nghị phải thực hiện", from: 1, to: 6 },
      { label: "Tiền (triệu đồng)", from: 7, to: 9 },
      { label: "Đất (m²)", from: 10, to: 11 },
      { label: "Xử lý kỷ luật (người)", from: 12, to: 13 },
    ],
  },
  // Anti-corruption forms (docs/LAW.md §11.5, §11.6 H): reconstructed, see README. 02/PCTN and
  // 03/PCTN are lists in the appendix: here their figures, each opening its list of records.
  "01/PCTN": {
    code: "01/PCTN",
    title: "TỔNG HỢP KẾT QUẢ CÔNG TÁC PHÒNG, CHỐNG THAM NHŨNG",
    regimes: ALL,
    columns: cols([
      ["Văn bản ban hành mới, sửa đổi", "pctn_prevention_docs"],
      ["Số lớp, buổi", "pctn_training_sessions"],
      ["Số lượt người", "pctn_training_participants"],
      ["Số lượt nộp lại", "pctn_gifts"],
      ["Giá trị (triệu đồng)", "pctn_gift_value"],
      ["Số người phải kê khai", "pctn_declarations_obliged"],
      ["Số người đã kê khai", "pctn_declarations_made"],
      ["Số người được xác minh", "pctn_verified"],
      ["Kê khai không trung thực", "pctn_verified_dishonest"],
      ["Số vụ", "pctn_cases_detected"],
      ["Số người", "pctn_persons_detected"],
      ["Tự kiểm tra nội bộ", "pctn_cases_self_inspection"],
      ["Thanh tra", "pctn_cases_inspection"],
      ["Kiểm toán", "pctn_cases_audit"],
      ["Giải quyết khiếu nại, tố cáo", "pctn_cases_denunciation"],
      ["Điều tra, truy tố, xét xử", "pctn_cases_investigation"],
      ["Tiền (triệu đồng)", "pctn_damage_money"],
      ["Đất (m²)", "pctn_damage_land"],
      ["Tiền (triệu đồng)", "pctn_recovered_money"],
      ["Đất (m²)", "pctn_recovered_land"],
      ["Số vụ", "pctn_cases_transferred"],
      ["Số người", "pctn_persons_transferred"],
      ["Người đứng đầu bị xem xét trách nhiệm", "pctn_heads_responsible"],
      ["Văn bản có sơ hở phát hiện", "pctn_loopholes_found"],
      ["Văn bản đã khắc phục", "pctn_loopholes_remedied"],
      ["Theo kế hoạch", "pctn_rotation_planned"],
      ["Đã chuyển đổi", "pctn_rotation_done"],
      ["Không chuyển đổi", "pctn_rotation_exempted"],
      ["Tạm hoãn", "pctn_rotation_deferred"],
    ]),
    groups: [
      { label: "Tuyên truyền, tập huấn", from: 2, to: 3 },
      { label: "Quà tặng nộp lại", from: 4, to: 5 },
      { label: "Kê khai, xác minh tài sản, thu nhập", from: 6, to: 9 },
      { label: "Tham nhũng phát hiện", from: 10, to: 11 },
      { label: "Phát hiện qua", from: 12, to: 16 },
      { label: "Thiệt hại", from: 17, to: 18 },
      { label: "Đã thu hồi", from: 19, to: 20 },
      { label: "Chuyển cơ quan điều tra", from: 21, to: 22 },
      { label: "Văn bản có sơ hở", from: 24, to: 25 },
      { label: "Chuyển đổi vị trí công tác (người)", from: 26, to: 29 },
    ],
  },
  "02/PCTN": {
    code: "02/PCTN",
    title: "DANH SÁCH VỤ VIỆC THAM NHŨNG ĐƯỢC PHÁT HIỆN",
    regimes: ALL,
    columns: cols([
      ["Số vụ phát hiện", "pctn_cases_detected"],
      ["Số người liên quan", "pctn_persons_detected"],
      ["Thiệt hại (triệu đồng)", "pctn_damage_money"],
      ["Đã thu hồi (triệu đồng)", "pctn_recovered_money"],
      ["Chuyển cơ quan điều tra (vụ)", "pctn_cases_transferred"],
    ]),
    groups: [],
  },
  "03/PCTN": {
    code: "03/PCTN",
    title: "DANH SÁCH VĂN BẢN CÓ SƠ HỞ ĐƯỢC PHÁT HIỆN QUA CÔNG TÁC PHÒNG, CHỐNG THAM NHŨNG",
    regimes: ALL,
    columns: cols([
      ["Kỳ trước chuyển sang", "pctn_loopholes_carried_over"],
      ["Phát hiện trong kỳ", "pctn_loopholes_found"],
      ["Tổng số", "pctn_loopholes_total"],
      ["Đã khắc phục", "pctn_loopholes_remedied"],
      ["Chưa khắc phục cuối kỳ", "pctn_loopholes_open_end"],
    ]),
    groups: [],
  },
  // 05/KQTH and 06/QLKNTC (docs/LAW.md §11.5, §11.6 E–F, §11.12): their layout is reconstructed from
  // the indicators of §11.6, not copied from the appendix of TT 06/2025 (not read; README). The
  // forms exist under the three regimes (the predecessors' KQGQ series held the same figures).
  "05/KQTH": {
    code: "05/KQTH",
    title: "TỔNG HỢP KẾT QUẢ THI HÀNH QUYẾT ĐỊNH GIẢI QUYẾT KHIẾU NẠI, QUYẾT ĐỊNH XỬ LÝ TỐ CÁO",
    regimes: ALL,
    columns: cols([
      ["Kỳ trước chuyển sang", "enf_carried_over"],
      ["Mới trong kỳ", "enf_new"],
      ["Tổng số", "enf_total"],
      ["Quyết định giải quyết khiếu nại", "enf_total_complaint"],
      ["Quyết định xử lý tố cáo", "enf_total_denunciation"],
      ["Đã thi hành xong", "enf_done"],
      ["Chưa thi hành xong cuối kỳ", "enf_open_end"],
      ["Phải thu hồi", "enf_money_state_due"],
      ["Đã thu hồi", "enf_money_state_done"],
      ["Phải trả lại", "enf_money_others_due"],
      ["Đã trả lại", "enf_money_others_done"],
      ["Phải thu hồi", "enf_land_state_due"],
      ["Đã thu hồi", "enf_land_state_done"],
      ["Phải trả lại", "enf_land_others_due"],
      ["Đã trả lại", "enf_land_others_done"],
      ["Phải xử lý", "enf_discipline_due"],
      ["Đã xử lý", "enf_discipline_done"],
      ["Số vụ", "enf_investigation_matters"],
      ["Số người", "enf_investigation_persons"],
      ["Tổ chức, cá nhân được khôi phục quyền, lợi ích", "enf_rights_restored"],
    ]),
    groups: [
      { label: "Số quyết định phải thi hành", from: 1, to: 5 },
      { label: "Kết quả thi hành", from: 6, to: 7 },
      { label: "Tiền thu hồi cho Nhà nước (triệu đồng)", from: 8, to: 9 },
      { label: "Tiền trả lại cho tổ chức, cá nhân (triệu đồng)", from: 10, to: 11 },
      { label: "Đất thu hồi cho Nhà nước (m²)", from: 12, to: 13 },
      { label: "Đất trả lại cho tổ chức, cá nhân (m²)", from: 14, to: 15 },
      { label: "Xử lý kỷ luật (người)", from: 16, to: 17 },
      { label: "Chuyển cơ quan điều tra", from: 18, to: 19 },
    ],
  },
  "06/QLKNTC": {
    code: "06/QLKNTC",
    title: "TỔNG HỢP KẾT QUẢ CÔNG TÁC QUẢN LÝ NHÀ NƯỚC VỀ TIẾP CÔNG DÂN, KHIẾU NẠI, TỐ CÁO",
    regimes: ALL,
    columns: cols(
      MANUAL_CELLS["06/QLKNTC"]!.map((c): [string, IndicatorCode] => [`${shortLabel(c.name)} (nhập tay)`, c.code]),
    ),
    groups: [
      { label: "Thanh tra trách nhiệm", from: 1, to: 4 },
      { label: "Tuyên truyền, phổ biến pháp luật", from: 6, to: 7 },
      { label: "Tập huấn, bồi dưỡng nghiệp vụ", from: 8, to: 9 },
    ],
  },
};

/** "Thanh tra trách nhiệm: số cuộc" under its group header is "Số cuộc". */
function shortLabel(name: string): string {
  const i = name.indexOf(": ");
  if (i < 0) return name;
  const rest = name.slice(i + 2);
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}

export const FORM_CODES = Object.keys(FORMS) as [string, ...string[]];

/** The indicators a form needs, in column order, without repeats. */
export function formIndicators(form: FormDefinition): IndicatorCode[] {
  return [...new Set(form.columns.map((c) => c.indicator))];
}

/** Every column's indicator is in the catalogue (checked by the tests). */
export function unknownIndicators(): string[] {
  return Object.values(FORMS).flatMap((f) =>
    f.columns.filter((c) => !INDICATORS[c.indicator]).map((c) => `${f.code}:${c.no}`),
  );
}
