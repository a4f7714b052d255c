/**
 * The declaration form as an .xlsx workbook (bản kê khai tài sản, thu nhập; the form annexed to
 * Nghị định 130/2020, docs/LAW.md §10.1, §10.5) and its reading back. The same layout serves the
 * blank form given to a declarant (his name, unit and position filled in) and a declaration
 * downloaded, so either, filled in, can be imported.
 *
 * Layout (one sheet): the title in A1; the sections of the form in column A, in the form's order
 * (I.1–I.3 the declarant, spouse and minor children; II.1–II.6 the assets; II.7 the income; III
 * the explanation of an increase); one-value lines ("Họ và tên người kê khai" …) as a label in
 * column A and the value in C; tables as a header row "STT" then one row per person or asset:
 * B the owner, C the name or description, D the date of birth or the value in đồng. The declarant
 * may add rows inside a table; the reader follows the section headings, not fixed row numbers.
 *
 * Reading checks each cell and answers every refusal with the section, the sheet's row and the
 * column; the content is then checked by the same schema as the entry form.
 */
import {
  ASSET_OWNER_LABELS,
  ASSET_OWNERS,
  ASSET_SECTION_KEYS,
  ASSET_SECTIONS,
  cite,
  DECLARATION_KIND_LABELS,
  formatDateVn,
  normalizeForMatch,
  type AssetOwner,
  type AssetSection,
  type DeclarationContent,
  type DeclarationKind,
} from "@minhbach/domain";
import { declarationContent } from "@minhbach/domain/api/anticorruption";
import ExcelJS from "exceljs";
import { FONT, newWorkbook } from "../../platform/excel.ts";
import { cellText, isoOf } from "./import.ts";

export const FORM_TITLE = "BẢN KÊ KHAI TÀI SẢN, THU NHẬP";

type TableKey = "spouse" | "children" | AssetSection;
type LineKey = "fullName" | "birthDate" | "position" | "unit" | "declaredOn" | "income" | "explanation";

/** The headings, in order; a table heading holds rows, a group heading only titles. */
const SECTIONS: ReadonlyArray<
  | { kind: "group"; text: string }
  | { kind: "lines"; code: string; text: string; lines: ReadonlyArray<{ key: LineKey; label: string }> }
  | { kind: "table"; code: string; text: string; key: TableKey }
> = [
  { kind: "group", text: "I. THÔNG TIN CHUNG" },
  {
    kind: "lines",
    code: "I.1",
    text: "I.1. Người kê khai tài sản, thu nhập",
    lines: [
      { key: "fullName", label: "Họ và tên người kê khai" },
      { key: "birthDate", label: "Ngày sinh (dd/mm/yyyy)" },
      { key: "position", label: "Chức vụ/chức danh công tác" },
      { key: "unit", label: "Cơ quan/đơn vị công tác" },
      { key: "declaredOn", label: "Ngày hoàn thành bản kê khai (dd/mm/yyyy)" },
    ],
  },
  { kind: "table", code: "I.2", text: "I.2. Vợ hoặc chồng của người kê khai", key: "spouse" },
  { kind: "table", code: "I.3", text: "I.3. Con chưa thành niên", key: "children" },
  { kind: "group", text: "II. THÔNG TIN MÔ TẢ VỀ TÀI SẢN, THU NHẬP" },
  ...ASSET_SECTION_KEYS.map((key, i) => ({
    kind: "table" as const,
    code: `II.${i + 1}`,
    text: `II.${i + 1}. ${ASSET_SECTIONS[key]}`,
    key,
  })),
  {
    kind: "lines",
    code: `II.${ASSET_SECTION_KEYS.length + 1}`,
    text: `II.${ASSET_SECTION_KEYS.length + 1}. Tổng thu nhập giữa hai lần kê khai`,
    lines: [{ key: "income", label: "Tổng thu nhập (đồng)" }],
  },
  {
    kind: "lines",
    code: "III",
    text: "III. Biến động tài sản, thu nhập; giải trình nguồn gốc của tài sản, thu nhập tăng thêm",
    lines: [{ key: "explanation", label: "Giải trình nguồn gốc" }],
  },
];

const PERSON_HEADERS = ["STT", "", "Họ và tên", "Ngày sinh (dd/mm/yyyy)"];
const ASSET_HEADERS = ["STT", "Người sở hữu", "Mô tả tài sản", "Giá trị (đồng)"];
/** Blank rows a blank table offers; the declarant may insert more. */
const BLANK_ROWS: Record<TableKey, number> = {
  spouse: 1,
  children: 3,
  land: 3,
  houses: 3,
  preciousMetals: 2,
  money: 3,
  valuables: 3,
  abroad: 2,
};

export interface DeclarationWorkbook {
  kind: DeclarationKind;
  year: number;
  unitName: string;
  /** The declarant as the records know him (a blank form starts from these). */
  declarant: { fullName: string; birthDate?: string | undefined; position?: string | undefined };
  /** A filled form (a declaration downloaded); null for a blank one. */
  content: DeclarationContent | null;
  declaredOn: string | null;
}

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: "thin" },
  left: { style: "thin" },
  bottom: { style: "thin" },
  right: { style: "thin" },
};

export async function declarationWorkbook(form: DeclarationWorkbook): Promise<Buffer> {
  const workbook = newWorkbook();
  const sheet = workbook.addWorksheet("Bản kê khai", {
    pageSetup: { paperSize: 9, orientation: "portrait", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  [8, 20, 60, 22].forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  const c = form.content;
  let r = 0;
  const line = (values: unknown[], style: { bold?: boolean; italic?: boolean; merge?: boolean; border?: boolean }) => {
    r++;
    const row = sheet.getRow(r);
    values.forEach((v, i) => {
      const cell = row.getCell(i + 1);
      cell.value = (v ?? null) as ExcelJS.CellValue;
      cell.font = { name: FONT, size: 11, bold: style.bold ?? false, italic: style.italic ?? false };
      cell.alignment = { vertical: "top", wrapText: true };
      if (style.border) cell.border = THIN;
      if (typeof v === "number") cell.numFmt = "#,##0";
    });
    if (style.merge) sheet.mergeCells(r, 1, r, 4);
    return row;
  };
  line([FORM_TITLE], { bold: true, merge: true }).getCell(1).alignment = { horizontal: "center" };
  line([`(${DECLARATION_KIND_LABELS[form.kind]} năm ${form.year}; mẫu theo ${cite("ND130")})`], {
    italic: true,
    merge: true,
  }).getCell(1).alignment = { horizontal: "center" };
  line(
    [
      "Điền vào các ô trống; mỗi người, mỗi tài sản một dòng (thêm dòng trong mục khi cần); giá trị ghi bằng số đồng; ngày ghi dd/mm/yyyy. Không đổi tên các mục.",
    ],
    { italic: true, merge: true },
  ).height = 30;
  const d = c?.declarant ?? form.declarant;
  const lineValue: Record<LineKey, unknown> = {
    fullName: d.fullName,
    birthDate: d.birthDate ? formatDateVn(d.birthDate) : null,
    position: d.position ?? null,
    unit: form.unitName,
    declaredOn: form.declaredOn ? formatDateVn(form.declaredOn) : null,
    income: c ? c.income : null,
    explanation: c?.explanation ?? null,
  };
  for (const s of SECTIONS) {
    r++; // a blank row before each heading
    line([s.text], { bold: true, merge: true });
    if (s.kind === "group") continue;
    if (s.kind === "lines") {
      for (const l of s.lines) {
        line([l.label, null, lineValue[l.key], null], { border: true });
        sheet.mergeCells(r, 1, r, 2);
      }
      continue;
    }
    const person = s.key === "spouse" || s.key === "children";
    line(person ? PERSON_HEADERS : ASSET_HEADERS, { bold: true, border: true });
    const filled: unknown[][] = !c
      ? []
      : s.key === "spouse"
        ? c.spouse
          ? [[1, null, c.spouse.fullName, c.spouse.birthDate ? formatDateVn(c.spouse.birthDate) : null]]
          : []
        : s.key === "children"
          ? c.children.map((m, i) => [i + 1, null, m.fullName, m.birthDate ? formatDateVn(m.birthDate) : null])
          : c[s.key].map((a, i) => [i + 1, ASSET_OWNER_LABELS[a.owner], a.description, a.value]);
    const rows = filled.length
      ? filled
      : Array.from({ length: BLANK_ROWS[s.key] }, (_, i) => [i + 1, null, null, null]);
    for (const values of rows) {
      line(values, { border: true });
      if (!person)
        sheet.getCell(r, 2).dataValidation = {
          type: "list",
          allowBlank: true,
          formulae: [`"${ASSET_OWNERS.map((o) => ASSET_OWNER_LABELS[o]).join(",")}"`],
        };
      sheet.getCell(r, 4).numFmt = person ? "@" : "#,##0";
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export interface RefusedCell {
  /** The section as the form names it ("II.4. Tiền …"). */
  section: string;
  /** The sheet's row number. */
  row: number;
  /** The column or line ("Giá trị (đồng)", "Ngày sinh (dd/mm/yyyy)"). */
  field: string;
  message: string;
}

export type ReadDeclaration =
  | { form: false }
  | {
      form: true;
      refused: RefusedCell[];
      content: DeclarationContent | null;
      declaredOn: string | null;
      /** The sheet's rows of the declarant's name and of the completion day, for the caller's refusals. */
      rows: { fullName: number; declaredOn: number };
    };

const OWNER_WORDS: Record<string, AssetOwner> = {
  ...Object.fromEntries(ASSET_OWNERS.map((o) => [normalizeForMatch(ASSET_OWNER_LABELS[o]), o])),
  "ban than": "declarant",
  vo: "spouse",
  chong: "spouse",
  "vo/chong": "spouse",
  con: "child",
};

/** "50.000.000", "50 000 000", "50000000" → 50000000; anything else is left for the schema to refuse. */
function amountOf(value: ExcelJS.CellValue): unknown {
  if (typeof value === "number") return value;
  if (value && typeof value === "object" && "result" in value) return amountOf(value.result as ExcelJS.CellValue);
  const text = cellText(value);
  if (!text) return undefined;
  if (/^\d{1,3}([. ]\d{3})+$/.test(text)) return Number(text.replace(/[. ]/g, ""));
  if (/^\d+$/.test(text)) return Number(text);
  return text;
}

/** Reads a filled form; `{ form: false }` when the workbook is not the form. */
export async function readDeclarationWorkbook(bytes: Buffer): Promise<ReadDeclaration> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet || normalizeForMatch(cellText(sheet.getCell(1, 1).value)) !== normalizeForMatch(FORM_TITLE))
    return { form: false };
  const byHeading = new Map(
    SECTIONS.filter((s) => s.kind !== "group").map((s) => [normalizeForMatch(s.text), s] as const),
  );
  const groups = new Set(SECTIONS.flatMap((s) => (s.kind === "group" ? [normalizeForMatch(s.text)] : [])));
  // Every section's heading, once, in the form's order: otherwise it is not the form.
  const seen: string[] = [];
  for (let n = 1; n <= sheet.rowCount; n++) {
    const s = byHeading.get(normalizeForMatch(cellText(sheet.getCell(n, 1).value)));
    if (s) seen.push(s.code);
  }
  const expected = SECTIONS.flatMap((s) => (s.kind === "group" ? [] : [s.code]));
  if (seen.join("|") !== expected.join("|")) return { form: false };

  const refused: RefusedCell[] = [];
  const lines: Partial<Record<LineKey, { row: number; value: ExcelJS.CellValue }>> = {};
  const tables: Record<TableKey, { row: number; cells: ExcelJS.CellValue[] }[]> = {
    spouse: [],
    children: [],
    land: [],
    houses: [],
    preciousMetals: [],
    money: [],
    valuables: [],
    abroad: [],
  };
  let current: Exclude<(typeof SECTIONS)[number], { kind: "group" }> | undefined;
  for (let n = 1; n <= sheet.rowCount; n++) {
    const a = cellText(sheet.getCell(n, 1).value);
    const heading = byHeading.get(normalizeForMatch(a));
    if (heading || groups.has(normalizeForMatch(a))) {
      // A group heading ("II. …") ends the table before it.
      current = heading;
      continue;
    }
    if (!current) continue;
    if (current.kind === "lines") {
      const l = current.lines.find((x) => normalizeForMatch(x.label) === normalizeForMatch(a));
      if (l) lines[l.key] = { row: n, value: sheet.getCell(n, 3).value };
      continue;
    }
    if (normalizeForMatch(a) === "stt") continue;
    const cells = [2, 3, 4].map((col) => sheet.getCell(n, col).value);
    if (cells.every((v) => !cellText(v))) continue;
    tables[current.key].push({ row: n, cells });
  }
  const sectionOf = (key: TableKey | LineKey): string => {
    const s = SECTIONS.find(
      (x) => (x.kind === "table" && x.key === key) || (x.kind === "lines" && x.lines.some((l) => l.key === key)),
    );
    return s && s.kind !== "group" ? s.text : "";
  };
  const lineLabel = (key: LineKey) =>
    SECTIONS.flatMap((s) => (s.kind === "lines" ? s.lines : [])).find((l) => l.key === key)!.label;
  const refuseLine = (key: LineKey, message: string) =>
    refused.push({ section: sectionOf(key), row: lines[key]?.row ?? 0, field: lineLabel(key), message });

  const text = (key: LineKey) => cellText(lines[key]?.value ?? null);
  const declaredOnText = text("declaredOn");
  let declaredOn: string | null = null;
  if (!declaredOnText) refuseLine("declaredOn", "Nhập ngày hoàn thành bản kê khai (dd/mm/yyyy).");
  else {
    const iso = isoOf(declaredOnText) ?? "";
    if (!/^\d{4}-\d{2}-\d{2}$/.test(iso))
      refuseLine("declaredOn", `“${declaredOnText}” không phải một ngày dd/mm/yyyy.`);
    else declaredOn = iso;
  }
  if (tables.spouse.length > 1)
    refused.push({
      section: sectionOf("spouse"),
      row: tables.spouse[1]!.row,
      field: "Họ và tên",
      message: "Chỉ ghi một người vợ hoặc chồng.",
    });

  // Build the content as the entry form would send it; the schema then checks every value.
  const person = (cells: ExcelJS.CellValue[]) => ({
    fullName: cellText(cells[1] ?? null),
    birthDate: isoOf(cellText(cells[2] ?? null)),
  });
  const assetRows: Partial<Record<AssetSection, number[]>> = {};
  const draft: Record<string, unknown> = {
    declarant: {
      fullName: text("fullName"),
      birthDate: isoOf(text("birthDate")),
      position: text("position") || undefined,
    },
    spouse: tables.spouse[0] ? person(tables.spouse[0].cells) : undefined,
    children: tables.children.map((t) => person(t.cells)),
    income: amountOf(lines.income?.value ?? null),
    explanation: text("explanation") || undefined,
  };
  for (const key of ASSET_SECTION_KEYS) {
    const items: unknown[] = [];
    assetRows[key] = [];
    for (const t of tables[key]) {
      const ownerText = cellText(t.cells[0] ?? null);
      const owner = OWNER_WORDS[normalizeForMatch(ownerText)];
      if (!owner) {
        refused.push({
          section: sectionOf(key),
          row: t.row,
          field: "Người sở hữu",
          message: ownerText
            ? `“${ownerText}” không phải người sở hữu của mẫu: ghi Người kê khai, Vợ hoặc chồng hoặc Con chưa thành niên.`
            : "Ghi người sở hữu: Người kê khai, Vợ hoặc chồng hoặc Con chưa thành niên.",
        });
        continue;
      }
      items.push({ owner, description: cellText(t.cells[1] ?? null), value: amountOf(t.cells[2] ?? null) });
      assetRows[key].push(t.row);
    }
    draft[key] = items;
  }
  const parsed = declarationContent.safeParse(draft);
  if (!parsed.success) {
    const LINE_OF: Record<string, LineKey> = { fullName: "fullName", birthDate: "birthDate", position: "position" };
    const COLUMN: Record<string, string> = {
      fullName: "Họ và tên",
      birthDate: "Ngày sinh (dd/mm/yyyy)",
      owner: "Người sở hữu",
      description: "Mô tả tài sản",
      value: "Giá trị (đồng)",
    };
    for (const { path, message: schemaMessage } of parsed.error.issues) {
      const [head, i, leaf] = path.map(String);
      // The form's dates are written dd/mm/yyyy, not as the API takes them.
      const message = schemaMessage.replace("YYYY-MM-DD", "dd/mm/yyyy");
      if (head === "declarant") refuseLine(LINE_OF[i ?? ""] ?? "fullName", message);
      else if (head === "income" || head === "explanation") refuseLine(head, message);
      else if (head === "spouse")
        refused.push({
          section: sectionOf("spouse"),
          row: tables.spouse[0]?.row ?? 0,
          field: COLUMN[i ?? ""] ?? "",
          message: message,
        });
      else if (head === "children")
        refused.push({
          section: sectionOf("children"),
          row: tables.children[Number(i)]?.row ?? 0,
          field: COLUMN[leaf ?? ""] ?? "",
          message: message,
        });
      else if (head && (ASSET_SECTION_KEYS as string[]).includes(head))
        refused.push({
          section: sectionOf(head as AssetSection),
          row: assetRows[head as AssetSection]?.[Number(i)] ?? 0,
          field: COLUMN[leaf ?? ""] ?? "",
          message: message,
        });
      else refused.push({ section: "", row: 0, field: head ?? "", message: message });
    }
  }
  refused.sort((x, y) => x.row - y.row);
  return {
    form: true,
    refused,
    content: parsed.success && !refused.length ? parsed.data : null,
    declaredOn,
    rows: { fullName: lines.fullName?.row ?? 0, declaredOn: lines.declaredOn?.row ?? 0 },
  };
}
