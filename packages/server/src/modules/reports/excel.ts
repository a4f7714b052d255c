/**
 * The computed form as the appendix prints it: the reporting unit above the form code, the title
 * and period, two header rows (groups merged across their columns, then each column's label), the
 * row of column numbers, then the total row and one row per unit. Numbers are written as numbers.
 *
 * The blank form (`blank`): the same layout with the unit's number cells empty, for a unit not on
 * the system to fill by hand, and a hidden sheet naming the form, regime, unit and period so the
 * upload is recognised (domain reports/upload.ts checks the filled file against this layout).
 * The package (`reportPackageWorkbook`): every form of the period, a sheet each.
 */
import { formatVietnameseDate } from "@minhbach/domain/calendar/iso-date";
import type { ReportView } from "@minhbach/domain/api/reports";
import {
  FORM_LAYOUT,
  formSheetName,
  UPLOAD_META_KEYS,
  UPLOAD_META_SHEET,
  type UploadMeta,
} from "@minhbach/domain/reports/index";
import { banner, FONT, headerCell, newSheet, newWorkbook } from "../../platform/excel.ts";

const THIN = {
  top: { style: "thin" as const },
  left: { style: "thin" as const },
  bottom: { style: "thin" as const },
  right: { style: "thin" as const },
};

export async function reportWorkbook(
  report: ReportView,
  options: { blank?: UploadMeta } = {},
): Promise<{ fileName: string; bytes: Buffer }> {
  const workbook = newWorkbook();
  formSheet(workbook, report, options, "Cung ky nam truoc");
  if (options.blank) {
    // Read back by the upload; hidden so the officer filling the form only sees the form.
    const meta = workbook.addWorksheet(UPLOAD_META_SHEET, { state: "veryHidden" });
    UPLOAD_META_KEYS.forEach((key, i) => {
      meta.getCell(i + 1, 1).value = key;
      meta.getCell(i + 1, 2).value = options.blank![key];
    });
  }
  const stem = `${formSheetName(report.form)}-${report.agency.code}-${report.from}-${report.to}`;
  const fileName = options.blank ? `Bieu-trong-${stem}.xlsx` : `Bieu-${stem}.xlsx`;
  return { fileName, bytes: Buffer.from(await workbook.xlsx.writeBuffer()) };
}

/**
 * Every form of a period's report in one workbook, a sheet per form laid out as reportWorkbook
 * lays it out (a consolidated form's last-year comparison on a sheet of its own beside it).
 */
export async function reportPackageWorkbook(
  reports: readonly ReportView[],
): Promise<{ fileName: string; bytes: Buffer }> {
  const first = reports[0];
  if (!first) throw new Error("reports: no form in the package");
  const workbook = newWorkbook();
  for (const report of reports) formSheet(workbook, report, {}, `${formSheetName(report.form)} cung ky`);
  const fileName = `Bo-bieu-${first.agency.code}-${first.from}-${first.to}.xlsx`;
  return { fileName, bytes: Buffer.from(await workbook.xlsx.writeBuffer()) };
}

function formSheet(
  workbook: ReturnType<typeof newWorkbook>,
  report: ReportView,
  options: { blank?: UploadMeta },
  lastYearSheet: string,
): void {
  const sheet = newSheet(workbook, formSheetName(report.form), `${FORM_LAYOUT.groupRow}:${FORM_LAYOUT.numberRow}`);
  const last = 2 + report.columns.length;
  sheet.getColumn(1).width = 6;
  sheet.getColumn(2).width = 34;
  for (let c = 3; c <= last; c++) sheet.getColumn(c).width = 11;
  const half = Math.max(2, Math.floor(last / 2));
  banner(sheet, 1, 1, half, report.agency.name.toUpperCase(), { bold: true, align: "left" });
  banner(sheet, 1, half + 1, last, `Biểu số ${report.form}`, { bold: true, align: "right" });
  banner(sheet, 2, 1, last, report.title, { bold: true, size: 14 });
  const periodLabel = report.period ? `${report.period.label} — ` : "";
  banner(
    sheet,
    3,
    1,
    last,
    `${periodLabel}Số liệu tính từ ngày ${formatVietnameseDate(report.from)} đến ngày ${formatVietnameseDate(report.to)}`,
    { italic: true },
  );
  if (report.period) banner(sheet, 4, 1, last, `Chế độ báo cáo: ${report.period.regime}`, { italic: true, size: 10 });

  // Header: rows 6–7 (groups, then labels), row 8 the column numbers.
  sheet.mergeCells(6, 1, 7, 1);
  headerCell(sheet.getCell(6, 1), "STT");
  sheet.mergeCells(6, 2, 7, 2);
  headerCell(sheet.getCell(6, 2), "Đơn vị");
  const grouped = new Set<number>();
  for (const g of report.groups) {
    const a = 2 + g.from;
    const b = 2 + g.to;
    if (b > a) sheet.mergeCells(6, a, 6, b);
    headerCell(sheet.getCell(6, a), g.label);
    for (let n = g.from; n <= g.to; n++) grouped.add(n);
  }
  for (const column of report.columns) {
    const c = 2 + column.no;
    if (!grouped.has(column.no)) {
      sheet.mergeCells(6, c, 7, c);
      headerCell(sheet.getCell(6, c), column.label);
    } else headerCell(sheet.getCell(7, c), column.label);
    headerCell(sheet.getCell(8, c), String(column.no));
  }
  headerCell(sheet.getCell(8, 1), "A");
  headerCell(sheet.getCell(8, 2), "B");
  // Every header cell bordered, merged or not.
  for (let r = 6; r <= 8; r++) for (let c = 1; c <= last; c++) sheet.getCell(r, c).border = THIN;
  sheet.getRow(6).height = 30;
  sheet.getRow(7).height = 45;

  report.rows.forEach((row, i) => {
    const r = FORM_LAYOUT.dataRow + i;
    const values: (string | number | null)[] = [
      i === 0 ? "" : i,
      row.label,
      ...report.columns.map((c) => (options.blank ? null : (report.cells[`${row.key}.${c.no}`] ?? 0))),
    ];
    values.forEach((value, c) => {
      const cell = sheet.getCell(r, c + 1);
      cell.value = value;
      cell.font = { name: FONT, size: 11, bold: i === 0 };
      cell.alignment = {
        vertical: "middle",
        horizontal: typeof value === "number" || (value === null && c >= 2) ? "center" : "left",
        wrapText: true,
      };
      cell.border = THIN;
      if (typeof value === "number" && c >= 2) cell.numFmt = Number.isInteger(value) ? "#,##0" : "#,##0.###";
    });
  });
  sheet.views = [{ state: "frozen", ySplit: FORM_LAYOUT.numberRow, xSplit: 2 }];
  if (report.consolidation)
    consolidationSheets(workbook, sheet, report, FORM_LAYOUT.dataRow + report.rows.length, lastYearSheet);
}

/**
 * A consolidated report (issue 19): under the form, the note on the duplicates taken off and where
 * each unit's figures come from; a second sheet with the same period last year (merged units under
 * their successor), indicator by indicator.
 */
function consolidationSheets(
  workbook: ReturnType<typeof newWorkbook>,
  sheet: ReturnType<typeof newSheet>,
  report: ReportView,
  firstFree: number,
  lastYearSheet: string,
): void {
  const c = report.consolidation!;
  const last = 2 + report.columns.length;
  let r = firstFree + 1;
  if (Object.keys(c.adjustment).length > 0)
    banner(sheet, r++, 1, last, c.adjustmentNote, { italic: true, size: 10, align: "left" });
  for (const u of c.units) {
    const source = u.source === "snapshot" ? "Đã gửi báo cáo" : "Tính từ hồ sơ";
    banner(sheet, r++, 1, last, `${u.agency.name}: ${source}${u.note ? ` — ${u.note}` : ""}`, {
      size: 10,
      align: "left",
    });
  }

  const ly = newSheet(workbook, lastYearSheet, "4:4");
  ly.getColumn(1).width = 8;
  ly.getColumn(2).width = 48;
  for (const col of [3, 4, 5]) ly.getColumn(col).width = 16;
  banner(
    ly,
    1,
    1,
    5,
    `So sánh với cùng kỳ năm trước (${formatVietnameseDate(c.lastYear.from)} – ${formatVietnameseDate(c.lastYear.to)})`,
    { bold: true, size: 13 },
  );
  ["Cột", "Chỉ tiêu", "Kỳ này", "Cùng kỳ năm trước", "Tăng (+), giảm (−)"].forEach((label, i) => {
    headerCell(ly.getCell(4, i + 1), label);
    ly.getCell(4, i + 1).border = THIN;
  });
  report.columns.forEach((col, i) => {
    const now = report.cells[`tong.${col.no}`] ?? 0;
    const before = c.lastYear.cells[`tong.${col.no}`] ?? 0;
    const values: (string | number)[] = [col.no, col.label, now, before, Math.round((now - before) * 1e6) / 1e6];
    values.forEach((value, j) => {
      const cell = ly.getCell(5 + i, j + 1);
      cell.value = value;
      cell.font = { name: FONT, size: 11 };
      cell.border = THIN;
      if (typeof value === "number" && j >= 2) cell.numFmt = Number.isInteger(value) ? "#,##0" : "#,##0.###";
    });
  });
  let n = 6 + report.columns.length;
  const names = new Map(c.units.map((u) => [u.key, u.agency.name]));
  for (const s of c.lastYear.successors) {
    banner(ly, n++, 1, 5, `${names.get(s.key) ?? s.key}: gồm số liệu của ${s.predecessors.join(", ")}`, {
      italic: true,
      size: 10,
      align: "left",
    });
  }
  // The units whose last year is their sent report, not a count of the records (docs/LAW.md §11.9).
  for (const u of c.lastYear.units ?? []) {
    if (u.submissions.length === 0) continue;
    banner(ly, n++, 1, 5, lastYearSource(u, names), { italic: true, size: 10, align: "left" });
  }
}

/** "Cùng kỳ năm trước của <unit>: theo báo cáo đã gửi (lần 2, đã tiếp nhận)", as the page says it. */
function lastYearSource(
  u: NonNullable<NonNullable<ReportView["consolidation"]>["lastYear"]["units"]>[number],
  names: Map<string, string>,
): string {
  const parts = u.submissions.map((s) => {
    const status = s.status === "accepted" ? "đã tiếp nhận" : "chờ cấp trên tiếp nhận";
    const sender = s.agency.code === u.key ? "" : ` của ${s.agency.name}`;
    const what = `báo cáo đã gửi${sender} (lần ${s.revision}, ${status}${s.subtree ? ", gồm các đơn vị báo cáo về" : ""})`;
    return s.row === u.key ? `theo ${what}` : `đã tính trong ${what}, ở dòng ${names.get(s.row) ?? s.row}`;
  });
  const rest = u.source === "mixed" ? "; các đơn vị còn lại tính từ hồ sơ" : "";
  return `Cùng kỳ năm trước của ${names.get(u.key) ?? u.key}: ${parts.join("; ")}${rest}`;
}
