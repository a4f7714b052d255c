/**
 * Excel files of every module (reception registers, petition lists…): the layout every exported
 * list shares (agency, title, period, a bordered table in Times New Roman, the header repeated on
 * each printed page, A4 landscape), so a printed list looks like the papers an office files.
 */
import ExcelJS from "exceljs";

export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export const FONT = "Times New Roman";

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: "thin" },
  left: { style: "thin" },
  bottom: { style: "thin" },
  right: { style: "thin" },
};

export function newWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Minh Bạch";
  workbook.created = new Date();
  return workbook;
}

/** A sheet set up to print on A4 landscape, as wide as one page, with `titleRows` repeated. */
export function newSheet(workbook: ExcelJS.Workbook, name: string, titleRows: string): ExcelJS.Worksheet {
  return workbook.addWorksheet(name, {
    pageSetup: {
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: titleRows,
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: "Trang &P/&N" },
  });
}

/** A line of text across `fromCol`–`toCol` of one row (merged), e.g. the title. */
export function banner(
  sheet: ExcelJS.Worksheet,
  row: number,
  fromCol: number,
  toCol: number,
  text: string,
  style: { bold?: boolean; italic?: boolean; size?: number; align?: "left" | "center" | "right" } = {},
): void {
  sheet.mergeCells(row, fromCol, row, toCol);
  const cell = sheet.getCell(row, fromCol);
  cell.value = text;
  cell.font = { name: FONT, size: style.size ?? 12, bold: style.bold ?? false, italic: style.italic ?? false };
  cell.alignment = { horizontal: style.align ?? "center", vertical: "middle", wrapText: true };
}

export function headerCell(cell: ExcelJS.Cell, text: string): void {
  cell.value = text;
  cell.font = { name: FONT, size: 11, bold: true };
  cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
  cell.border = THIN;
}

/** Data rows from `firstRow`, bordered, wrapped, top-aligned; numbers centred. */
export function dataRows(
  sheet: ExcelJS.Worksheet,
  firstRow: number,
  rows: ReadonlyArray<ReadonlyArray<unknown>>,
): void {
  rows.forEach((values, i) => {
    const row = sheet.getRow(firstRow + i);
    values.forEach((value, c) => {
      const cell = row.getCell(c + 1);
      cell.value = value === null || value === undefined ? "" : (value as ExcelJS.CellValue);
      cell.font = { name: FONT, size: 11 };
      cell.alignment = {
        vertical: "top",
        horizontal: typeof value === "number" || value === "x" ? "center" : "left",
        wrapText: true,
      };
      cell.border = THIN;
    });
  });
}

export interface TableColumn {
  header: string;
  width: number;
}

/**
 * A list as a workbook: agency name, title, period or filter line, header row (repeated when
 * printed), one row per item.
 */
export async function tableWorkbook(input: {
  sheetName: string;
  agencyName: string;
  title: string;
  subtitle: string;
  columns: readonly TableColumn[];
  rows: ReadonlyArray<ReadonlyArray<unknown>>;
}): Promise<Buffer> {
  const workbook = newWorkbook();
  const sheet = newSheet(workbook, input.sheetName, "5:5");
  const last = input.columns.length;
  input.columns.forEach((c, i) => {
    sheet.getColumn(i + 1).width = c.width;
  });
  banner(sheet, 1, 1, Math.max(1, Math.ceil(last / 2)), input.agencyName.toUpperCase(), { bold: true, align: "left" });
  banner(sheet, 2, 1, last, input.title, { bold: true, size: 14 });
  banner(sheet, 3, 1, last, input.subtitle, { italic: true });
  const header = sheet.getRow(5);
  input.columns.forEach((c, i) => headerCell(header.getCell(i + 1), c.header));
  header.height = 32;
  dataRows(sheet, 6, input.rows);
  sheet.views = [{ state: "frozen", ySplit: 5 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** An ASCII file name plus its UTF-8 form (RFC 6266), for Content-Disposition. */
export function attachmentHeader(fileName: string): string {
  const ascii = fileName
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .replace(/[^A-Za-z0-9._-]+/g, "-");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
