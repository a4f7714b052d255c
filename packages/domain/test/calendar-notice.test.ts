import { describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  buildCalendar,
  CalendarError,
  notice2025,
  notice2026,
  validateYearNotice,
  yearNoticeSchema,
  type YearNotice,
} from "../src/calendar/index.ts";

const base = (days: unknown[], year: unknown = 2026): unknown => ({ year, source: "Thông báo thử", days });
const holiday = (date: string) => ({ date, kind: "holiday", name: "Ngày lễ thử" });

function errors(input: unknown): string[] {
  const r = validateYearNotice(input);
  return r.ok ? [] : r.errors;
}

describe("yearNoticeSchema", () => {
  test("the seed notices are valid", () => {
    assert.equal(yearNoticeSchema.safeParse(notice2025).success, true);
    assert.equal(yearNoticeSchema.safeParse(notice2026).success, true);
  });

  test("impossible date", () => {
    const input = base([holiday("2026-01-01"), holiday("2026-02-16"), holiday("2026-02-17"), holiday("2026-02-30")]);
    assert.deepEqual(errors(input), ["Ngày 2026-02-30 không hợp lệ (days[3].date)"]);
  });

  test("malformed date", () => {
    assert.deepEqual(errors(base([holiday("16/02/2026")])), [
      'Ngày "16/02/2026" không đúng định dạng YYYY-MM-DD (days[0].date)',
    ]);
    assert.deepEqual(errors(base([{ date: 20260216, kind: "holiday", name: "x" }])), [
      "Ngày phải là chuỗi dạng YYYY-MM-DD (days[0].date)",
    ]);
  });

  test("duplicated date", () => {
    assert.deepEqual(errors(base([holiday("2026-04-30"), holiday("2026-05-01"), holiday("2026-04-30")])), [
      "Ngày 2026-04-30 bị trùng, đã có ở days[0] (days[2].date)",
    ]);
  });

  test("date outside the year", () => {
    assert.deepEqual(errors(base([holiday("2025-12-31")])), [
      "Ngày 2025-12-31 không thuộc năm 2026 của thông báo (days[0].date)",
    ]);
  });

  test("make-up working day must be a Saturday or Sunday", () => {
    assert.deepEqual(errors(base([{ date: "2026-01-09", kind: "makeup_workday", name: "Làm bù" }])), [
      "Ngày làm bù 2026-01-09 phải là thứ Bảy hoặc Chủ nhật, nhưng là Thứ Sáu (days[0].date)",
    ]);
  });

  test("compensatory and swapped days must be weekdays", () => {
    assert.deepEqual(errors(base([{ date: "2026-04-26", kind: "compensatory", name: "Nghỉ bù" }])), [
      "Ngày nghỉ bù 2026-04-26 phải là ngày từ thứ Hai đến thứ Sáu, nhưng là Chủ nhật (days[0].date)",
    ]);
    assert.deepEqual(errors(base([{ date: "2026-01-10", kind: "swap_off", name: "Hoán đổi" }])), [
      "Ngày nghỉ do hoán đổi 2026-01-10 phải là ngày từ thứ Hai đến thứ Sáu, nhưng là Thứ Bảy (days[0].date)",
    ]);
  });

  test("a holiday may fall on a weekend (its compensatory day follows)", () => {
    assert.deepEqual(
      errors(base([holiday("2026-04-26"), { date: "2026-04-27", kind: "compensatory", name: "Nghỉ bù" }])),
      [],
    );
  });

  test("unknown kind, empty name, missing source, bad year", () => {
    assert.deepEqual(errors(base([{ date: "2026-01-01", kind: "bridge", name: "x" }])), [
      'Loại ngày "bridge" không hợp lệ; phải là holiday, compensatory, swap_off hoặc makeup_workday (days[0].kind)',
    ]);
    assert.deepEqual(errors(base([{ date: "2026-01-01", kind: "holiday", name: "  " }])), [
      "Tên ngày không được để trống (days[0].name)",
    ]);
    assert.deepEqual(errors({ year: 2026, days: [] }), ["Thiếu nguồn văn bản (source)"]);
    assert.deepEqual(errors(base([], 1980)), ["Năm 1980 nằm ngoài phạm vi 1990–2100 (year)"]);
    assert.deepEqual(errors(base([], 2026.5)), ["Năm phải là số nguyên (year)"]);
    assert.deepEqual(errors({ year: 2026, source: "x", days: "none" }), [
      "Danh sách ngày (days) phải là một mảng (days)",
    ]);
  });

  test("all problems are reported at once", () => {
    assert.equal(
      errors(
        base([holiday("2026-13-01"), holiday("2027-01-01"), { date: "2026-01-05", kind: "makeup_workday", name: "x" }]),
      ).length,
      3,
    );
  });

  test("validateYearNotice sorts the days", () => {
    const r = validateYearNotice(base([holiday("2026-05-01"), holiday("2026-04-30")]));
    assert.ok(r.ok);
    assert.deepEqual(
      r.notice.days.map((d) => d.date),
      ["2026-04-30", "2026-05-01"],
    );
  });
});

describe("buildCalendar input checks", () => {
  test("two notices for one year", () => {
    assert.throws(
      () => buildCalendar([notice2026, notice2026]),
      (e: unknown) =>
        e instanceof CalendarError &&
        e.code === "DUPLICATE_NOTICE_YEAR" &&
        e.message === "Có hai thông báo lịch nghỉ cho cùng năm 2026.",
    );
  });

  test("an invalid notice", () => {
    const bad = {
      ...notice2026,
      days: [...notice2026.days, { date: "2026-02-30", kind: "holiday", name: "x" }],
    } as YearNotice;
    assert.throws(
      () => buildCalendar([bad]),
      (e: unknown) =>
        e instanceof CalendarError &&
        e.code === "INVALID_NOTICE" &&
        e.message.includes("Ngày 2026-02-30 không hợp lệ (days[14].date)"),
    );
  });
});
