/**
 * Client-side export of a list: CSV (UTF-8 with BOM so Excel shows Vietnamese correctly) and
 * .xlsx through exceljs (loaded only when an officer exports, to keep it out of the first load).
 */

export type Cell = string | number | null | undefined;

export interface Table {
  headers: string[];
  rows: Cell[][];
}

export function toCsv({ headers, rows }: Table): string {
  const quote = (cell: Cell) => {
    const text = cell === null || cell === undefined ? "" : String(cell);
    return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return "\uFEFF" + [headers, ...rows].map((row) => row.map(quote).join(",")).join("\r\n") + "\r\n";
}

export function downloadBlob(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function downloadCsv(filename: string, table: Table): void {
  downloadBlob(filename, new Blob([toCsv(table)], { type: "text/csv;charset=utf-8" }));
}

export async function downloadXlsx(filename: string, sheetName: string, table: Table): Promise<void> {
  const blob = new Blob([await toXlsx(sheetName, table)], {
    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  });
  downloadBlob(filename, blob);
}

/** One sheet: bold frozen header row, Times New Roman, columns sized to their content. */
export async function toXlsx(sheetName: string, { headers, rows }: Table): Promise<ArrayBuffer> {
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Minh Bạch";
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31) || "Danh sách", {
    views: [{ state: "frozen", ySplit: 1 }],
  });
  sheet.addRow(headers);
  for (const row of rows) sheet.addRow(row.map((cell) => (cell === null || cell === undefined ? "" : cell)));
  sheet.getRow(1).font = { name: "Times New Roman", bold: true, size: 12 };
  sheet.columns.forEach((column, i) => {
    const longest = Math.max(headers[i]?.length ?? 0, ...rows.map((r) => String(r[i] ?? "").length));
    column.width = Math.min(60, Math.max(8, longest + 2));
  });
  for (let r = 2; r <= rows.length + 1; r++) sheet.getRow(r).font = { name: "Times New Roman", size: 12 };
  return workbook.xlsx.writeBuffer() as Promise<ArrayBuffer>;
}
