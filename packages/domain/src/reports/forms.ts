/**
 * The statistical forms of the reception, petition and resolution part (docs/LAW.md §11.5): as
 * the appendix prints them, one row per reporting unit and a total row, numbered columns under
 * grouped headers; each column is filled by one indicator of the catalogue. A cell of a computed
 * form is "<row>.<column number>", the row being "tong" (the total) or a unit's code.
 */
import { INDICATORS, type IndicatorCode } from "./indicators.ts";

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
}

const ALL = ["TT02/2021", "TT01/2024", "TT06/2025"];

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
  },
  "04/GQTC": {
    code: "04/GQTC",
    title: "TỔNG HỢP KẾT QUẢ GIẢI QUYẾT TỐ CÁO",
    regimes: ALL,
    columns: cols([...RESOLUTION_COLUMNS("denunciations"), ["Tố cáo tiếp thụ lý", "denunciations_repeated_accepted"]]),
    groups: [...RESOLUTION_GROUPS, { label: "Tố cáo tiếp", from: 17, to: 17 }],
  },
};

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
