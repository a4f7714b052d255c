/**
 * A unit not on the system sends its report as the official Excel form, filled by hand
 * (docs/LAW.md §11.11). The blank form the system hands out carries, on a hidden sheet, the form
 * code, the regime, the unit and the period; the layout (header cells and column numbers) is the
 * one `FORMS` defines. This file checks a filled form read into plain cell values: which form and
 * report it is, its layout, then every number cell (a non-negative number; a whole number for
 * counts; money and land with the decimals the form allows), the sums the layout implies, and the
 * reconciliation with the previous period's report. Every error is listed with its cell address;
 * any error refuses the whole file.
 */
import { RECONCILED_PAIRS, INDICATORS } from "./indicators.ts";
import type { FormColumn, FormDefinition } from "./forms.ts";
import {
  draftStep,
  type DraftDecision,
  type SubmissionPowers,
  type SubmissionSide,
  type SubmissionStatus,
} from "./submission.ts";

/** The hidden sheet of the blank form and the keys it holds (one "key | value" per row). */
export const UPLOAD_META_SHEET = "MinhBach";
export const UPLOAD_META_KEYS = ["form", "regime", "unit", "from", "to", "layout"] as const;
export type UploadMeta = Record<(typeof UPLOAD_META_KEYS)[number], string>;
/** Bumped when the blank form's layout changes, so an old copy is recognised as such. */
export const UPLOAD_LAYOUT_VERSION = "1";

/** Where things are on the form's sheet (the layout of the exported form, server excel.ts). */
export const FORM_LAYOUT = {
  /** The header: groups (row 6), column labels (row 7, or 6–7 merged), column numbers (row 8). */
  groupRow: 6,
  labelRow: 7,
  numberRow: 8,
  /** The unit's figures. */
  dataRow: 9,
  /** Columns A (STT) and B (unit): the first number column is C. */
  firstColumn: 3,
} as const;

/** The sheet's name for a form: Excel does not allow "/" in a sheet name. */
export function formSheetName(code: string): string {
  return code.replace("/", "-");
}

/** A cell as read from the file. A formula counts by its computed result. */
export type UploadValue =
  | { kind: "empty" }
  | { kind: "number"; value: number }
  | { kind: "text"; text: string }
  | { kind: "formula"; formula: string };

export interface UploadSheet {
  name: string;
  cell(row: number, column: number): UploadValue;
}

export interface UploadError {
  /** "E9", or null for an error about the file as a whole. */
  cell: string | null;
  /** The column's printed number and name, when the error is about a column. */
  column: string | null;
  message: string;
}

/** What the upload must be: the form, the report (regime, unit, period) it was asked for. */
export interface UploadExpectation {
  form: FormDefinition;
  regime: string | null;
  unitCode: string;
  from: string;
  to: string;
}

/** The previous period's report of the unit, computed or uploaded, when the system has one. */
export interface PreviousReport {
  label: string;
  indicators: Readonly<Record<string, number>>;
}

export type UploadOutcome =
  | {
      ok: true;
      /** Column number → value. */
      values: Record<number, number>;
      checks: { carriedOver: string; inProgressAtEnd: string; carried: number; previousEnd: number; holds: boolean }[];
    }
  | { ok: false; errors: UploadError[] };

/** "A", "B", … "Z", "AA" … */
export function columnLetter(n: number): string {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

export function cellAddress(row: number, column: number): string {
  return `${columnLetter(column)}${row}`;
}

/** How many decimals a column's unit allows: money in triệu đồng to the đồng, land to the cm². */
export function decimalsOf(unit: string): number {
  if (unit === "triệu đồng") return 6;
  if (unit === "m²") return 2;
  return 0;
}

function decimalCount(value: number): number {
  if (Number.isInteger(value)) return 0;
  // The shortest decimal that reads back as the same double ("0.1", "12.345678").
  const text = String(value);
  if (text.includes("e")) return 20;
  return text.split(".")[1]?.length ?? 0;
}

/** Compares sums to 6 decimals: money cells are triệu đồng with up to 6 decimals. */
function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

function quote(text: string): string {
  const t = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  return `'${t}'`;
}

function formatNumber(x: number): string {
  const [int, dec] = String(round6(x)).split(".");
  return `${int!.replace(/\B(?=(\d{3})+(?!\d))/g, ".")}${dec ? `,${dec}` : ""}`;
}

function textOf(v: UploadValue): string {
  if (v.kind === "text") return v.text.trim();
  if (v.kind === "number") return String(v.value);
  if (v.kind === "formula") return `=${v.formula}`;
  return "";
}

function groupOf(form: FormDefinition, no: number) {
  return form.groups.find((g) => no >= g.from && no <= g.to) ?? null;
}

/** "cột 3 — Tiếp nhận: Tiếp nhận trong kỳ" */
export function columnName(form: FormDefinition, column: FormColumn): string {
  const group = groupOf(form, column.no);
  return `cột ${column.no} — ${group && group.label !== column.label ? `${group.label}: ` : ""}${column.label}`;
}

function sameText(a: string, b: string): boolean {
  const norm = (s: string) => s.normalize("NFC").replace(/\s+/g, " ").trim().toLowerCase();
  return norm(a) === norm(b);
}

/** Checks that the file is the blank form handed out for this report: form, regime, unit, period. */
function checkMeta(meta: Partial<UploadMeta> | null, expected: UploadExpectation): UploadError[] {
  if (!meta || !meta.form)
    return [
      {
        cell: null,
        column: null,
        message:
          "Tệp không phải biểu mẫu tải từ hệ thống (thiếu trang thông tin biểu mẫu). Hãy dùng nút “Tải biểu mẫu trống” rồi điền số liệu vào tệp đó.",
      },
    ];
  const errors: UploadError[] = [];
  const whole = (message: string) => errors.push({ cell: null, column: null, message });
  if (meta.form !== expected.form.code) {
    whole(`Tệp là biểu số ${meta.form}, không phải biểu số ${expected.form.code}.`);
    return errors;
  }
  if (meta.layout !== UPLOAD_LAYOUT_VERSION)
    whole("Tệp là bản biểu mẫu cũ của hệ thống: tải lại biểu mẫu trống và điền lại số liệu.");
  if ((meta.regime ?? "") !== (expected.regime ?? ""))
    whole(
      `Tệp theo chế độ báo cáo ${meta.regime || "(không ghi)"}, kỳ này áp dụng ${expected.regime ?? "báo cáo đột xuất"}.`,
    );
  if (meta.unit !== expected.unitCode)
    whole(`Tệp là báo cáo của đơn vị mã ${meta.unit || "(không ghi)"}, không phải của đơn vị ${expected.unitCode}.`);
  if (meta.from !== expected.from || meta.to !== expected.to)
    whole(
      `Tệp là báo cáo kỳ ${meta.from ?? "?"} – ${meta.to ?? "?"}, không phải kỳ ${expected.from} – ${expected.to}.`,
    );
  return errors;
}

/** Checks the header: "STT", "Đơn vị", each column's label under its group and its number. */
function checkLayout(sheet: UploadSheet, form: FormDefinition): UploadError[] {
  const errors: UploadError[] = [];
  const L = FORM_LAYOUT;
  const expect = (row: number, col: number, text: string, column: string | null) => {
    const found = textOf(sheet.cell(row, col));
    if (!sameText(found, text))
      errors.push({
        cell: cellAddress(row, col),
        column,
        message: `Tiêu đề biểu mẫu phải là ${quote(text)}, đang là ${found ? quote(found) : "ô trống"}.`,
      });
  };
  expect(L.groupRow, 1, "STT", null);
  expect(L.groupRow, 2, "Đơn vị", null);
  expect(L.numberRow, 1, "A", null);
  expect(L.numberRow, 2, "B", null);
  for (const column of form.columns) {
    const c = L.firstColumn - 1 + column.no;
    const name = columnName(form, column);
    const group = groupOf(form, column.no);
    if (group) {
      expect(L.groupRow, L.firstColumn - 1 + group.from, group.label, name);
      expect(L.labelRow, c, column.label, name);
    } else expect(L.groupRow, c, column.label, name);
    expect(L.numberRow, c, String(column.no), name);
  }
  const after = L.firstColumn + form.columns.length;
  const extra = textOf(sheet.cell(L.numberRow, after));
  if (extra)
    errors.push({
      cell: cellAddress(L.numberRow, after),
      column: null,
      message: `Biểu số ${form.code} có ${form.columns.length} cột số liệu; tệp có thêm cột ${quote(extra)}.`,
    });
  // One message per header cell is enough; drop repeats of a group's cell checked for each column.
  const seen = new Set<string>();
  return errors.filter((e) => {
    const key = `${e.cell}|${e.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** One number cell: empty counts as 0; otherwise a non-negative number with the unit's decimals. */
function readNumber(value: UploadValue, unit: string): { ok: true; value: number } | { ok: false; message: string } {
  switch (value.kind) {
    case "empty":
      return { ok: true, value: 0 };
    case "text": {
      const text = value.text.trim();
      if (!text) return { ok: true, value: 0 };
      return { ok: false, message: `phải là số, đang là ${quote(text)}.` };
    }
    case "formula":
      return {
        ok: false,
        message: `công thức ${quote(`=${value.formula}`)} chưa có kết quả: mở tệp bằng Excel, lưu lại rồi tải lên, hoặc nhập số.`,
      };
    case "number": {
      const x = value.value;
      if (!Number.isFinite(x)) return { ok: false, message: "phải là số." };
      if (x < 0) return { ok: false, message: `không được âm, đang là ${formatNumber(x)}.` };
      const allowed = decimalsOf(unit);
      if (allowed === 0 && !Number.isInteger(x))
        return { ok: false, message: `phải là số nguyên (${unit}), đang là ${formatNumber(x)}.` };
      if (decimalCount(x) > allowed)
        return {
          ok: false,
          message: `chỉ được tối đa ${allowed} chữ số thập phân (${unit}), đang là ${formatNumber(x)}.`,
        };
      return { ok: true, value: x };
    }
  }
}

/**
 * Checks a filled form. `meta` is the hidden sheet's content (null when the file has none);
 * `sheets` the workbook's sheets; `previous` the unit's report of the previous period, if any.
 */
export function validateUpload(input: {
  expected: UploadExpectation;
  meta: Partial<UploadMeta> | null;
  sheets: readonly UploadSheet[];
  previous: PreviousReport | null;
}): UploadOutcome {
  const { expected, previous } = input;
  const form = expected.form;
  const metaErrors = checkMeta(input.meta, expected);
  if (metaErrors.length) return { ok: false, errors: metaErrors };
  const sheetName = formSheetName(form.code);
  const sheet = input.sheets.find((s) => s.name === sheetName);
  if (!sheet)
    return {
      ok: false,
      errors: [{ cell: null, column: null, message: `Tệp không có trang “${sheetName}” của biểu số ${form.code}.` }],
    };
  const layoutErrors = checkLayout(sheet, form);
  if (layoutErrors.length) return { ok: false, errors: layoutErrors };

  const errors: UploadError[] = [];
  const values: Record<number, number> = {};
  const row = FORM_LAYOUT.dataRow;
  const addressOf = (no: number) => cellAddress(row, FORM_LAYOUT.firstColumn - 1 + no);
  const byNo = new Map(form.columns.map((c) => [c.no, c]));
  for (const column of form.columns) {
    const unit = INDICATORS[column.indicator]?.unit ?? "";
    const read = readNumber(sheet.cell(row, FORM_LAYOUT.firstColumn - 1 + column.no), unit);
    if (read.ok) values[column.no] = read.value;
    else
      errors.push({
        cell: addressOf(column.no),
        column: columnName(form, column),
        message: `Ô ${addressOf(column.no)} (cột ${column.no}): ${read.message}`,
      });
  }
  // Sums and reconciliation only when every cell they use is a valid number.
  for (const sum of form.sums ?? []) {
    const used = [sum.total, ...sum.parts];
    if (used.some((no) => values[no] === undefined)) continue;
    const expectedTotal = round6(sum.parts.reduce((acc, no) => acc + values[no]!, 0));
    const found = values[sum.total]!;
    if (round6(found) !== expectedTotal)
      errors.push({
        cell: addressOf(sum.total),
        column: columnName(form, byNo.get(sum.total)!),
        message: `Ô ${addressOf(sum.total)} (cột ${sum.total}): phải bằng tổng ${sum.parts
          .map((no) => `cột ${no}`)
          .join(" + ")} = ${formatNumber(expectedTotal)}, đang là ${formatNumber(found)}.`,
      });
  }
  const checks: Extract<UploadOutcome, { ok: true }>["checks"] = [];
  for (const pair of RECONCILED_PAIRS) {
    const carriedColumn = form.columns.find((c) => c.indicator === pair.carriedOver);
    if (!carriedColumn || !form.columns.some((c) => c.indicator === pair.inProgressAtEnd)) continue;
    if (!previous || previous.indicators[pair.inProgressAtEnd] === undefined) continue;
    const carried = values[carriedColumn.no];
    if (carried === undefined) continue;
    const previousEnd = previous.indicators[pair.inProgressAtEnd]!;
    const holds = round6(carried) === round6(previousEnd);
    checks.push({ ...pair, carried, previousEnd, holds });
    if (!holds)
      errors.push({
        cell: addressOf(carriedColumn.no),
        column: columnName(form, carriedColumn),
        message: `Ô ${addressOf(carriedColumn.no)} (cột ${carriedColumn.no}): số kỳ trước chuyển sang phải bằng số đang giải quyết cuối kỳ trước (${previous.label}) = ${formatNumber(previousEnd)}, đang là ${formatNumber(carried)}.`,
      });
  }
  if (errors.length) return { ok: false, errors };
  return { ok: true, values, checks };
}

/**
 * Who may record an uploaded report and in which state it lands (docs/LAW.md §11.11): the unit's own
 * reporting officer (a draft it then submits, as a computed one), or the reporting officer of its
 * direct superior entering the form the unit sent (recorded as submitted to that superior, which
 * then returns or accepts it). Revisions follow the computed report's rule (draftStep): a report
 * already submitted or accepted is corrected by a new revision with its reason, and so is any
 * revision holding an uploaded original, whatever its state (§11.15: each original stays with its
 * revision).
 */
export function uploadStep(input: {
  side: SubmissionSide;
  powers: SubmissionPowers;
  latest: { status: SubmissionStatus; revision: number; original?: boolean } | null;
  reason?: string | null;
}): (Extract<DraftDecision, { ok: true }> & { status: SubmissionStatus }) | Extract<DraftDecision, { ok: false }> {
  if (input.side === "other") return { ok: false, code: "REPORT_SUBMISSION_NOT_OWN", field: "agencyId" };
  const decision = draftStep({ ...input, side: "own" });
  if (!decision.ok) return decision;
  return { ...decision, status: input.side === "superior" ? "submitted" : "draft" };
}
