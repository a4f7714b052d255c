/**
 * Checking an uploaded official form (docs/LAW.md §11.11), by hand: a filled 02/XLD of unit
 * LC.SCT.QLTT for Q2/2023 read as plain cells; every error listed with its cell address; the sums
 * of the layout; the reconciliation with the previous period; who may upload and where it lands.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  cellAddress,
  columnLetter,
  FORMS,
  FORM_LAYOUT,
  UPLOAD_LAYOUT_VERSION,
  draftStep,
  uploadStep,
  validateUpload,
  type UploadSheet,
  type UploadValue,
} from "../src/reports/index.ts";

const XLD = FORMS["02/XLD"]!;
const expected = { form: XLD, regime: "TT01/2024", unitCode: "LC.SCT.QLTT", from: "2023-03-15", to: "2023-06-14" };
const meta = {
  form: "02/XLD",
  regime: "TT01/2024",
  unit: "LC.SCT.QLTT",
  from: "2023-03-15",
  to: "2023-06-14",
  layout: UPLOAD_LAYOUT_VERSION,
};

/** The form's header as excel.ts writes it, and the unit's row from `data` (column number → value). */
function sheetOf(form = XLD, data: Record<number, UploadValue> = {}, name = form.code.replace("/", "-")): UploadSheet {
  const cells = new Map<string, UploadValue>();
  const text = (r: number, c: number, t: string) => cells.set(`${r}:${c}`, { kind: "text", text: t });
  text(6, 1, "STT");
  text(6, 2, "Đơn vị");
  text(8, 1, "A");
  text(8, 2, "B");
  for (const g of form.groups) text(6, 2 + g.from, g.label);
  for (const c of form.columns) {
    const grouped = form.groups.some((g) => c.no >= g.from && c.no <= g.to);
    text(grouped ? 7 : 6, 2 + c.no, c.label);
    cells.set(`8:${2 + c.no}`, { kind: "text", text: String(c.no) });
  }
  for (const [no, v] of Object.entries(data)) cells.set(`${FORM_LAYOUT.dataRow}:${2 + Number(no)}`, v);
  return { name, cell: (r, c) => cells.get(`${r}:${c}`) ?? { kind: "empty" } };
}

const n = (value: number): UploadValue => ({ kind: "number", value });

/** A consistent 02/XLD: 3 carried over + 7 received = 10 = 6 handled + 4 in progress; 7 = 5 + 2. */
const GOOD: Record<number, UploadValue> = {
  1: n(10),
  2: n(3),
  3: n(7),
  4: n(6),
  5: n(5),
  6: n(2),
  7: n(8),
  8: n(7),
  9: n(2),
  16: n(6),
  17: n(1),
  18: n(2),
  19: n(3),
  22: n(4),
};

test("column letters and addresses", () => {
  assert.equal(columnLetter(1), "A");
  assert.equal(columnLetter(26), "Z");
  assert.equal(columnLetter(27), "AA");
  assert.equal(cellAddress(9, 5), "E9");
  assert.equal(cellAddress(9, 24), "X9");
});

test("a consistent form is accepted with its values; empty cells count as 0", () => {
  const out = validateUpload({ expected, meta, sheets: [sheetOf(XLD, GOOD)], previous: null });
  assert.ok(out.ok, JSON.stringify(out));
  assert.equal(out.values[1], 10);
  assert.equal(out.values[3], 7);
  assert.equal(out.values[20], 0);
  assert.deepEqual(out.checks, []);
});

test("every error is listed, each with its cell: text, negative, fraction, formula without result", () => {
  const out = validateUpload({
    expected,
    meta,
    sheets: [
      sheetOf(XLD, {
        ...GOOD,
        2: { kind: "text", text: "mười" },
        5: n(-1),
        7: n(2.5),
        9: { kind: "formula", formula: "SUM(C9:D9)" },
      }),
    ],
    previous: null,
  });
  assert.ok(!out.ok);
  // Column 2 is D (A, B, then 1 = C); 5 → G; 7 → I; 9 → K.
  assert.deepEqual(
    out.errors.map((e) => e.cell),
    ["D9", "G9", "I9", "K9"],
  );
  assert.equal(out.errors[0]!.message, "Ô D9 (cột 2): phải là số, đang là 'mười'.");
  assert.equal(out.errors[0]!.column, "cột 2 — Tiếp nhận: Kỳ trước chuyển sang");
  assert.match(out.errors[1]!.message, /không được âm/);
  assert.match(out.errors[2]!.message, /số nguyên/);
  assert.match(out.errors[3]!.message, /công thức/);
});

test("a total that is not the sum of its parts is refused at the total's cell", () => {
  const out = validateUpload({ expected, meta, sheets: [sheetOf(XLD, { ...GOOD, 1: n(11) })], previous: null });
  assert.ok(!out.ok);
  // Column 1 (C9) breaks both 1 = 2 + 3 and 1 = 16 + 22.
  assert.deepEqual(
    out.errors.map((e) => e.message),
    [
      "Ô C9 (cột 1): phải bằng tổng cột 2 + cột 3 = 10, đang là 11.",
      "Ô C9 (cột 1): phải bằng tổng cột 16 + cột 22 = 10, đang là 11.",
    ],
  );
  const signers = validateUpload({ expected, meta, sheets: [sheetOf(XLD, { ...GOOD, 6: n(3) })], previous: null });
  assert.ok(!signers.ok);
  assert.deepEqual(
    signers.errors.map((e) => e.cell),
    ["E9"],
  );
});

test("money keeps up to 6 decimals (to the đồng), a 7th is refused; sums compare exactly", () => {
  const GQKN = FORMS["03/GQKN"]!;
  const e = { ...expected, form: GQKN };
  const m = { ...meta, form: "03/GQKN" };
  const ok = validateUpload({
    expected: e,
    meta: m,
    sheets: [sheetOf(GQKN, { 1: n(1), 2: n(2), 3: n(3), 12: n(46.237001) })],
    previous: null,
  });
  assert.ok(ok.ok, JSON.stringify(ok));
  assert.equal(ok.values[12], 46.237001);
  const tooFine = validateUpload({
    expected: e,
    meta: m,
    sheets: [sheetOf(GQKN, { 1: n(1), 2: n(2), 3: n(3), 12: n(1.0000001) })],
    previous: null,
  });
  assert.ok(!tooFine.ok);
  assert.match(tooFine.errors[0]!.message, /tối đa 6 chữ số thập phân/);
});

test("carried over must equal the previous period's in progress at its end", () => {
  const previous = { label: "Quý I năm 2023", indicators: { petitions_in_progress_end: 2 } };
  const out = validateUpload({ expected, meta, sheets: [sheetOf(XLD, GOOD)], previous });
  assert.ok(!out.ok);
  assert.deepEqual(out.errors, [
    {
      cell: "D9",
      column: "cột 2 — Tiếp nhận: Kỳ trước chuyển sang",
      message:
        "Ô D9 (cột 2): số kỳ trước chuyển sang phải bằng số đang giải quyết cuối kỳ trước (Quý I năm 2023) = 2, đang là 3.",
    },
  ]);
  const holds = validateUpload({
    expected,
    meta,
    sheets: [sheetOf(XLD, GOOD)],
    previous: { ...previous, indicators: { petitions_in_progress_end: 3 } },
  });
  assert.ok(holds.ok);
  assert.deepEqual(holds.checks, [
    {
      carriedOver: "petitions_carried_over",
      inProgressAtEnd: "petitions_in_progress_end",
      carried: 3,
      previousEnd: 3,
      holds: true,
    },
  ]);
});

test("not the form: no metadata, another form, another unit or period, a changed header", () => {
  const none = validateUpload({ expected, meta: null, sheets: [sheetOf()], previous: null });
  assert.ok(!none.ok);
  assert.match(none.errors[0]!.message, /không phải biểu mẫu tải từ hệ thống/);

  const other = validateUpload({
    expected,
    meta: { ...meta, form: "01/TCD" },
    sheets: [sheetOf(FORMS["01/TCD"])],
    previous: null,
  });
  assert.ok(!other.ok);
  assert.deepEqual(
    other.errors.map((e) => e.message),
    ["Tệp là biểu số 01/TCD, không phải biểu số 02/XLD."],
  );

  const unit = validateUpload({
    expected,
    meta: { ...meta, unit: "LC.SNNMT", from: "2022-12-15" },
    sheets: [sheetOf()],
    previous: null,
  });
  assert.ok(!unit.ok);
  assert.equal(unit.errors.length, 2);
  assert.match(unit.errors[0]!.message, /LC\.SNNMT/);
  assert.match(unit.errors[1]!.message, /kỳ 2022-12-15/);

  // Column numbers renumbered by hand: refused at the header, before any figure is read.
  const base = sheetOf(XLD, GOOD);
  const renumbered: UploadSheet = {
    name: base.name,
    cell: (r, c) => (r === 8 && c === 5 ? { kind: "text", text: "4" } : base.cell(r, c)),
  };
  const header = validateUpload({ expected, meta, sheets: [renumbered], previous: null });
  assert.ok(!header.ok);
  assert.deepEqual(
    header.errors.map((e) => e.cell),
    ["E8"],
  );

  const noSheet = validateUpload({ expected, meta, sheets: [sheetOf(XLD, GOOD, "Sheet1")], previous: null });
  assert.ok(!noSheet.ok);
  assert.match(noSheet.errors[0]!.message, /không có trang “02-XLD”/);
});

test("sum relations name columns of their form (data checked once)", () => {
  for (const form of Object.values(FORMS)) {
    for (const s of form.sums ?? []) {
      for (const no of [s.total, ...s.parts])
        assert.ok(
          form.columns.some((c) => c.no === no),
          `${form.code}: column ${no}`,
        );
      assert.ok(!s.parts.includes(s.total));
    }
  }
  assert.ok((FORMS["01/TCD"]!.sums ?? []).length > 0);
  assert.ok((FORMS["02/XLD"]!.sums ?? []).length > 0);
});

test("who may upload: the unit (a draft) or its direct superior (recorded as submitted)", () => {
  const officer = { write: true, submit: false };
  assert.deepEqual(uploadStep({ side: "own", powers: officer, latest: null }), {
    ok: true,
    mode: "first",
    revision: 1,
    status: "draft",
  });
  assert.deepEqual(uploadStep({ side: "superior", powers: officer, latest: null }), {
    ok: true,
    mode: "first",
    revision: 1,
    status: "submitted",
  });
  assert.equal(uploadStep({ side: "other", powers: officer, latest: null }).ok, false);
  assert.deepEqual(uploadStep({ side: "superior", powers: { write: false, submit: true }, latest: null }), {
    ok: false,
    code: "FORBIDDEN",
  });
  // A returned computed report is replaced (same revision); an accepted one needs a reason for a new one.
  assert.deepEqual(uploadStep({ side: "superior", powers: officer, latest: { status: "returned", revision: 1 } }), {
    ok: true,
    mode: "refresh",
    revision: 1,
    status: "submitted",
  });
  assert.deepEqual(uploadStep({ side: "superior", powers: officer, latest: { status: "accepted", revision: 1 } }), {
    ok: false,
    code: "REPORT_CORRECTION_REASON_REQUIRED",
    field: "reason",
  });
});

test("a revision holding an uploaded original is never replaced in place (§11.15)", () => {
  const officer = { write: true, submit: false };
  for (const status of ["draft", "returned"] as const) {
    const latest = { status, revision: 2, original: true };
    assert.deepEqual(uploadStep({ side: "superior", powers: officer, latest }), {
      ok: false,
      code: "REPORT_REUPLOAD_REASON_REQUIRED",
      field: "reason",
    });
    assert.deepEqual(uploadStep({ side: "superior", powers: officer, latest, reason: "  " }).ok, false);
    assert.deepEqual(uploadStep({ side: "superior", powers: officer, latest, reason: "Đơn vị gửi lại biểu" }), {
      ok: true,
      mode: "correction",
      revision: 3,
      status: "submitted",
    });
    // Computing the report again from the records over an uploaded draft: a new revision too.
    assert.deepEqual(draftStep({ side: "own", powers: officer, latest }), {
      ok: false,
      code: "REPORT_REUPLOAD_REASON_REQUIRED",
      field: "reason",
    });
    assert.equal(draftStep({ side: "own", powers: officer, latest: { ...latest, original: false } }).ok, true);
  }
  assert.deepEqual(
    uploadStep({ side: "superior", powers: officer, latest: { status: "submitted", revision: 1, original: true } }),
    { ok: false, code: "REPORT_CORRECTION_REASON_REQUIRED", field: "reason" },
  );
});
