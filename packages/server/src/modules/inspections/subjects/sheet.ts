/**
 * Reads a list sent as a file (Excel .xlsx or CSV) into rows of named columns, the header row
 * telling which column is which ("Tên đối tượng", "Mã số thuế"… matched without accents or case).
 * Used by the subject import and the State Audit plan import.
 */
import { normalizeForMatch } from "@minhbach/domain";
import ExcelJS from "exceljs";
import { fail } from "../../../platform/errors.ts";

export interface SheetRow {
  /** The row's number in the sheet (the header is row 1 of the table). */
  row: number;
  values: Record<string, string>;
}

/** A column by the words its header may carry (normalised: no accents, lower case). */
export type ColumnAliases = Record<string, readonly string[]>;

const MAX_ROWS = 20_000;

/** Parses CSV text: quoted fields, "" inside quotes, comma or semicolon as separator. */
export function parseCsv(text: string): string[][] {
  const body = text.replace(/^\uFEFF/, "");
  const firstLine = body.split(/\r?\n/, 1)[0] ?? "";
  const sep = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ";" : ",";
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
      continue;
    }
    if (ch === '"' && field === "") quoted = true;
    else if (ch === sep) {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && body[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : String(value);
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "1" : "0";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("text" in value) return String(value.text);
    if ("result" in value) return cellText(value.result as ExcelJS.CellValue);
  }
  return String(value as unknown);
}

async function xlsxRows(content: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    fail("VALIDATION_FAILED", "content", "Tệp không đọc được: gửi tệp Excel (.xlsx) hoặc CSV (UTF-8).");
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) fail("VALIDATION_FAILED", "content", "Tệp Excel không có trang tính nào.");
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, n) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      cells[c - 1] = cellText(cell.value).trim();
    });
    rows[n - 1] = Array.from(cells, (v) => v ?? "");
  });
  return Array.from(rows, (r) => r ?? []);
}

/**
 * The rows of a file with their columns named by `aliases`. The header is the first row naming at
 * least one known column; rows after it that are wholly empty are skipped. A file with no known
 * column, or none of the `required` ones, is refused as a whole (nothing is read from it).
 */
export async function readSheet(
  fileName: string,
  base64: string,
  aliases: ColumnAliases,
  required: readonly string[],
  /** The required columns' names as the message prints them ("Tên đối tượng"). */
  titles: Readonly<Record<string, string>> = {},
): Promise<SheetRow[]> {
  const content = Buffer.from(base64.replace(/\s+/g, ""), "base64");
  if (content.length === 0) fail("VALIDATION_FAILED", "content", "Tệp rỗng.");
  const isXlsx = content[0] === 0x50 && content[1] === 0x4b; // "PK": a zip, so an .xlsx
  if (!isXlsx && /\.xlsx?$/i.test(fileName) && content[0] === 0xd0)
    fail(
      "VALIDATION_FAILED",
      "content",
      "Tệp Excel 97-2003 (.xls) không được hỗ trợ: lưu lại dưới dạng .xlsx hoặc CSV.",
    );
  const table = isXlsx ? await xlsxRows(content) : parseCsv(content.toString("utf8"));
  const known = new Map<string, string>();
  for (const [column, words] of Object.entries(aliases)) for (const w of words) known.set(w, column);
  let headerAt = -1;
  let columns: (string | null)[] = [];
  for (let i = 0; i < Math.min(table.length, 20); i++) {
    const named = (table[i] ?? []).map((h) => known.get(normalizeForMatch(h ?? "")) ?? null);
    if (named.some(Boolean)) {
      headerAt = i;
      columns = named;
      break;
    }
  }
  const missing = required.filter((c) => !columns.includes(c));
  if (headerAt < 0 || missing.length) {
    const names = required.map((c) => `“${titles[c] ?? aliases[c]![0]}”`).join(", ");
    fail("VALIDATION_FAILED", "content", `Tệp phải có dòng tiêu đề với các cột ${names}.`);
  }
  const out: SheetRow[] = [];
  for (let i = headerAt + 1; i < table.length; i++) {
    const cells = table[i] ?? [];
    if (cells.every((c) => !c || !c.trim())) continue;
    const values: Record<string, string> = {};
    columns.forEach((column, c) => {
      if (column) values[column] = (cells[c] ?? "").trim();
    });
    out.push({ row: i - headerAt + 1, values });
    if (out.length > MAX_ROWS)
      fail(
        "VALIDATION_FAILED",
        "content",
        `Tệp có quá ${MAX_ROWS.toLocaleString("vi-VN")} dòng: chia thành nhiều tệp.`,
      );
  }
  return out;
}

/**
 * A tax code read from a cell that Excel stored as a number loses its leading zero
 * ("0100233488" → 100233488): 9 and 11 digits get it back.
 */
export function restoreLeadingZero(value: string): string {
  return /^\d{9}$/.test(value) || /^\d{11}$/.test(value) ? `0${value}` : value;
}
