/**
 * Cells of a form that no record of the system holds, entered by hand per agency and period
 * (docs/LAW.md §11.12): the state-management work of form 06/QLKNTC. Inspections of responsibility
 * are not told apart from other inspections in the inspection record (its field of state management
 * is free text), the directive documents of the unit and the trainings on reception, complaints and
 * denunciations are not registered anywhere (the anti-corruption training register is about
 * anti-corruption), so each is a manual cell. Each cell is an indicator of the catalogue (source
 * "manual"), counted for exactly the period it was entered for and added up over a subtree.
 */

export interface ManualCell {
  /** The indicator code (stable; what report_manual_cell.cell holds). */
  code: string;
  name: string;
  unit: string;
  /** Whole numbers only (counts), or decimals allowed (money, area). */
  integer: boolean;
  basis: string;
}

const LTCD = "Luật Tiếp công dân 2013";
const QLNN = "Điều 63 Luật Khiếu nại 2011; Điều 50 Luật Tố cáo 2018";

export const MANUAL_CELLS: Readonly<Record<string, readonly ManualCell[]>> = {
  "06/QLKNTC": [
    {
      code: "qlkntc_responsibility_inspections",
      name: "Thanh tra trách nhiệm: số cuộc",
      unit: "cuộc",
      integer: true,
      basis: `${QLNN}; ${LTCD}`,
    },
    {
      code: "qlkntc_responsibility_units",
      name: "Thanh tra trách nhiệm: số đơn vị được thanh tra",
      unit: "đơn vị",
      integer: true,
      basis: QLNN,
    },
    {
      code: "qlkntc_responsibility_violating",
      name: "Thanh tra trách nhiệm: số đơn vị có vi phạm",
      unit: "đơn vị",
      integer: true,
      basis: QLNN,
    },
    {
      code: "qlkntc_responsibility_persons",
      name: "Thanh tra trách nhiệm: số người bị kiến nghị xử lý",
      unit: "người",
      integer: true,
      basis: QLNN,
    },
    {
      code: "qlkntc_documents_issued",
      name: "Văn bản quản lý, chỉ đạo, điều hành ban hành",
      unit: "văn bản",
      integer: true,
      basis: QLNN,
    },
    {
      code: "qlkntc_propaganda_events",
      name: "Tuyên truyền, phổ biến pháp luật: số cuộc",
      unit: "cuộc",
      integer: true,
      basis: QLNN,
    },
    {
      code: "qlkntc_propaganda_people",
      name: "Tuyên truyền, phổ biến pháp luật: số lượt người",
      unit: "lượt người",
      integer: true,
      basis: QLNN,
    },
    {
      code: "qlkntc_training_courses",
      name: "Tập huấn, bồi dưỡng nghiệp vụ: số lớp",
      unit: "lớp",
      integer: true,
      basis: QLNN,
    },
    {
      code: "qlkntc_training_people",
      name: "Tập huấn, bồi dưỡng nghiệp vụ: số lượt cán bộ",
      unit: "lượt người",
      integer: true,
      basis: QLNN,
    },
    {
      code: "qlkntc_database_updates",
      name: "Vụ việc cập nhật vào Cơ sở dữ liệu quốc gia về khiếu nại, tố cáo",
      unit: "vụ việc",
      integer: true,
      basis: "Nghị định 124/2020/NĐ-CP; Nghị định 31/2019/NĐ-CP",
    },
  ],
};

/** The manual cells of a form (none for a form computed from the records alone). */
export function manualCellsOf(form: string): readonly ManualCell[] {
  return MANUAL_CELLS[form] ?? [];
}

export const MANUAL_VALUE_MAX = 1e12;

/**
 * A value typed in a manual cell: a number, or a text as Vietnamese write numbers ("1.250", "12,5").
 * Null for an empty entry (the cell is cleared); an error message naming the cell otherwise.
 */
export function parseManualValue(
  cell: ManualCell,
  raw: number | string | null,
): { ok: true; value: number | null } | { ok: false; message: string } {
  if (raw === null || (typeof raw === "string" && raw.trim() === "")) return { ok: true, value: null };
  let value: number;
  if (typeof raw === "number") value = raw;
  else {
    const text = raw.trim().replace(/\s/g, "");
    // "1.250.000" or "1.250,5": dots group thousands, a comma is the decimal mark.
    if (!/^\d{1,3}(\.\d{3})*(,\d+)?$/.test(text) && !/^\d+(,\d+)?$/.test(text))
      return { ok: false, message: `Ô "${cell.name}": "${raw}" không phải là một số.` };
    value = Number(text.replace(/\./g, "").replace(",", "."));
  }
  if (!Number.isFinite(value)) return { ok: false, message: `Ô "${cell.name}": giá trị không phải là một số.` };
  if (value < 0) return { ok: false, message: `Ô "${cell.name}": không được âm.` };
  if (value > MANUAL_VALUE_MAX) return { ok: false, message: `Ô "${cell.name}": số quá lớn, kiểm tra lại.` };
  if (cell.integer && !Number.isInteger(value))
    return { ok: false, message: `Ô "${cell.name}": phải là số nguyên (${cell.unit}).` };
  if (Math.abs(Math.round(value * 100) - value * 100) > 1e-6)
    return { ok: false, message: `Ô "${cell.name}": tối đa hai chữ số thập phân.` };
  return { ok: true, value };
}
