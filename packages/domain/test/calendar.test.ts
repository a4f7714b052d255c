import { describe, test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import {
  buildCalendar,
  CalendarError,
  changedDays,
  dayNumberFromParts,
  isoFromDayNumber,
  notice2025,
  notice2026,
  parseIsoDate,
  provisionalNotice,
  SEED_NOTICES,
  vietnamDate,
  weekdayOf,
  type WorkCalendar,
} from "../src/calendar/index.ts";

const calendar = buildCalendar(SEED_NOTICES);

function nonWorking(cal: WorkCalendar, from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = parseIsoDate(from)!; d <= parseIsoDate(to)!; d++)
    if (!cal.days.isWorking(d)) out.push(isoFromDayNumber(d));
  return out;
}

describe("official notices 2025–2026", () => {
  test("2026 listing, exactly", () => {
    assert.deepEqual(calendar.yearListing(2026), {
      year: 2026,
      provisional: false,
      days: [
        { date: "2026-01-01", kind: "holiday", name: "Tết Dương lịch" },
        { date: "2026-01-02", kind: "swap_off", name: "Nghỉ hoán đổi dịp Tết Dương lịch, làm bù thứ Bảy 10/01/2026" },
        { date: "2026-01-10", kind: "makeup_workday", name: "Làm bù cho thứ Sáu 02/01/2026" },
        { date: "2026-02-16", kind: "holiday", name: "Tết Âm lịch (29 tháng Chạp)" },
        { date: "2026-02-17", kind: "holiday", name: "Tết Âm lịch (mùng 1 tháng Giêng)" },
        { date: "2026-02-18", kind: "holiday", name: "Tết Âm lịch (mùng 2 tháng Giêng)" },
        { date: "2026-02-19", kind: "holiday", name: "Tết Âm lịch (mùng 3 tháng Giêng)" },
        { date: "2026-02-20", kind: "holiday", name: "Tết Âm lịch (mùng 4 tháng Giêng)" },
        // 26/04 (Giỗ Tổ) is a Sunday: not listed, its compensatory Monday is.
        { date: "2026-04-27", kind: "compensatory", name: "Nghỉ bù cho Giỗ Tổ Hùng Vương (Chủ nhật 26/04/2026)" },
        { date: "2026-04-30", kind: "holiday", name: "Ngày Chiến thắng (30/4)" },
        { date: "2026-05-01", kind: "holiday", name: "Ngày Quốc tế lao động (1/5)" },
        { date: "2026-09-02", kind: "holiday", name: "Quốc khánh (2/9)" },
        { date: "2026-09-03", kind: "holiday", name: "Quốc khánh (ngày liền kề 3/9)" },
      ],
    });
  });

  test("Tết Bính Ngọ: 9 consecutive days off, Saturday 14/02 to Sunday 22/02/2026", () => {
    assert.deepEqual(nonWorking(calendar, "2026-02-13", "2026-02-23"), [
      "2026-02-14",
      "2026-02-15",
      "2026-02-16",
      "2026-02-17",
      "2026-02-18",
      "2026-02-19",
      "2026-02-20",
      "2026-02-21",
      "2026-02-22",
    ]);
  });

  test("Tết Dương lịch 2026: 4 days off, Saturday 10/01 worked", () => {
    assert.deepEqual(nonWorking(calendar, "2026-01-01", "2026-01-11"), [
      "2026-01-01",
      "2026-01-02",
      "2026-01-03",
      "2026-01-04",
      "2026-01-11",
    ]);
    assert.deepEqual(calendar.dayInfo("2026-01-10"), {
      date: "2026-01-10",
      working: true,
      kind: "makeup_workday",
      name: "Làm bù cho thứ Sáu 02/01/2026",
      provisional: false,
    });
  });

  test("Giỗ Tổ 2026 on a Sunday gives Monday 27/04 off; then 30/04–03/05", () => {
    assert.equal(calendar.dayInfo("2026-04-26").kind, "holiday");
    assert.equal(calendar.dayInfo("2026-04-27").kind, "compensatory");
    assert.deepEqual(nonWorking(calendar, "2026-04-25", "2026-05-04"), [
      "2026-04-25",
      "2026-04-26",
      "2026-04-27",
      "2026-04-30",
      "2026-05-01",
      "2026-05-02",
      "2026-05-03",
    ]);
  });

  test("2025: Tết 25/01–02/02, 30/04–04/05 with Saturday 26/04 worked, Quốc khánh 30/08–02/09", () => {
    assert.deepEqual(nonWorking(calendar, "2025-01-24", "2025-02-03"), [
      "2025-01-25",
      "2025-01-26",
      "2025-01-27",
      "2025-01-28",
      "2025-01-29",
      "2025-01-30",
      "2025-01-31",
      "2025-02-01",
      "2025-02-02",
    ]);
    assert.equal(calendar.isWorkingDay("2025-04-26"), true);
    assert.equal(calendar.dayInfo("2025-05-02").kind, "swap_off");
    assert.deepEqual(nonWorking(calendar, "2025-04-26", "2025-05-05"), [
      "2025-04-27",
      "2025-04-30",
      "2025-05-01",
      "2025-05-02",
      "2025-05-03",
      "2025-05-04",
    ]);
    assert.deepEqual(nonWorking(calendar, "2025-08-29", "2025-09-03"), [
      "2025-08-30",
      "2025-08-31",
      "2025-09-01",
      "2025-09-02",
    ]);
    assert.equal(calendar.dayInfo("2025-04-07").name, "Giỗ Tổ Hùng Vương (10 tháng Ba âm lịch)");
  });

  test("a year has about 250 working days", () => {
    // 2026 starts on a Thursday: 52 weeks + 1 Thursday = 261 weekdays; 12 weekdays off (the 13
    // listed days minus the make-up Saturday) and 1 make-up Saturday: 261 − 12 + 1 = 250.
    assert.equal(calendar.countWorkingDays("2025-12-31", "2026-12-31"), 250);
  });

  test("the working days follow the notice exactly (independent check, 2025–2026)", () => {
    for (const notice of [notice2025, notice2026]) {
      const special = new Map(notice.days.map((d) => [d.date, d.kind]));
      for (let d = dayNumberFromParts(notice.year, 1, 1); d <= dayNumberFromParts(notice.year, 12, 31); d++) {
        const iso = isoFromDayNumber(d);
        const w = weekdayOf(iso);
        const kind = special.get(iso);
        const expected = kind === "makeup_workday" || (kind === undefined && w >= 1 && w <= 5);
        assert.equal(calendar.isWorkingDay(iso), expected, iso);
      }
    }
  });
});

describe("provisional years (statute only)", () => {
  test("2027 is provisional; Tết 06/02/2027 is a Saturday, so two compensatory days follow", () => {
    assert.equal(calendar.isProvisional(2027), true);
    assert.equal(calendar.isProvisional(2026), false);
    // Tết days: 05/02 (29 tháng Chạp, Fri), 06 (Sat), 07 (Sun), 08, 09 → compensatory 10/02, 11/02.
    assert.deepEqual(nonWorking(calendar, "2027-02-04", "2027-02-12"), [
      "2027-02-05",
      "2027-02-06",
      "2027-02-07",
      "2027-02-08",
      "2027-02-09",
      "2027-02-10",
      "2027-02-11",
    ]);
    assert.equal(calendar.yearListing(2027).provisional, true);
    assert.equal(calendar.dayInfo("2027-02-10").kind, "compensatory");
    assert.equal(calendar.dayInfo("2027-02-10").provisional, true);
  });

  test("2023 by statute: Giỗ Tổ Saturday 29/04, 30/04 Sunday, 01/05 Monday → compensatory 02/05 and 03/05", () => {
    // This matches what the 2023 notice actually gave.
    const days = provisionalNotice(2023).days.filter((d) => d.date >= "2023-04-29" && d.date <= "2023-05-03");
    assert.deepEqual(
      days.map((d) => [d.date, d.kind]),
      [
        ["2023-04-29", "holiday"],
        ["2023-04-30", "holiday"],
        ["2023-05-01", "holiday"],
        ["2023-05-02", "compensatory"],
        ["2023-05-03", "compensatory"],
      ],
    );
  });

  test("earlier codes: no Giỗ Tổ before 2007, 4 days of Tết before 2014, one day of Quốc khánh before 2021", () => {
    const names = (y: number) =>
      provisionalNotice(y)
        .days.filter((d) => d.kind === "holiday")
        .map((d) => d.name);
    assert.equal(names(2006).filter((n) => n.startsWith("Giỗ Tổ")).length, 0);
    assert.equal(names(2007).filter((n) => n.startsWith("Giỗ Tổ")).length, 1);
    assert.equal(names(2013).filter((n) => n.startsWith("Tết Âm lịch")).length, 4);
    assert.equal(names(2014).filter((n) => n.startsWith("Tết Âm lịch")).length, 5);
    assert.equal(names(2020).filter((n) => n.startsWith("Quốc khánh")).length, 1);
    assert.equal(names(2021).filter((n) => n.startsWith("Quốc khánh")).length, 2);
  });

  test("every year 1990–2100 builds, with 11 statutory days from 2021", () => {
    for (let y = 1990; y <= 2100; y++) {
      const listing = calendar.yearListing(y);
      assert.ok(listing.days.length > 0);
      if (y >= 2027) assert.equal(provisionalNotice(y).days.filter((d) => d.kind === "holiday").length, 11, String(y));
    }
  });
});

describe("working-day arithmetic", () => {
  test("addWorkingDays across Tết and across a year end", () => {
    assert.equal(calendar.addWorkingDays("2026-02-13", 1), "2026-02-23");
    assert.equal(calendar.addWorkingDays("2026-02-13", 0), "2026-02-13");
    // 31/12/2025 (Wed) → 05/01 (Mon) is the first working day of 2026, 10/01 (Sat) the fifth... sixth.
    assert.equal(calendar.addWorkingDays("2025-12-31", 1), "2026-01-05");
    assert.equal(calendar.addWorkingDays("2025-12-31", 6), "2026-01-10");
    assert.equal(calendar.nextWorkingDay("2026-04-25"), "2026-04-28");
    assert.equal(calendar.countWorkingDays("2026-02-13", "2026-02-23"), 1);
  });

  test("agrees with a day-by-day loop on random spans (1990–2100)", () => {
    const first = dayNumberFromParts(1990, 1, 1);
    const last = dayNumberFromParts(2098, 1, 1); // leaves room for 600 working days before 2100-12-31
    fc.assert(
      fc.property(fc.integer({ min: first, max: last }), fc.integer({ min: 0, max: 600 }), (d, n) => {
        let loop = d;
        for (let k = 0; k < n; k++) {
          loop++;
          while (!calendar.days.isWorking(loop)) loop++;
        }
        assert.equal(calendar.days.addWorking(d, n), loop);
        assert.equal(calendar.days.countWorking(d, loop), n);
      }),
      { numRuns: 500 },
    );
  });

  test("out-of-range and invalid dates are refused", () => {
    assert.throws(
      () => calendar.isWorkingDay("1989-12-31"),
      (e: unknown) => e instanceof CalendarError && e.code === "DATE_OUT_OF_RANGE",
    );
    assert.throws(
      () => calendar.isWorkingDay("2026-02-30"),
      (e: unknown) => e instanceof CalendarError && e.code === "INVALID_DATE",
    );
    assert.throws(
      () => calendar.addWorkingDays("2100-12-30", 5),
      (e: unknown) => e instanceof CalendarError && e.code === "DATE_OUT_OF_RANGE",
    );
  });
});

describe("changing a notice", () => {
  test("withNotice / changedDays show what an administrator changed", () => {
    const edited = calendar.withNotice({
      ...notice2026,
      days: notice2026.days.map((d) =>
        d.date === "2026-09-03"
          ? { date: "2026-09-01", kind: "holiday" as const, name: "Quốc khánh (ngày liền kề 1/9)" }
          : d,
      ),
    });
    assert.deepEqual(
      changedDays(calendar, edited, 2026).map((c) => [c.date, c.before.kind, c.after.kind]),
      [
        ["2026-09-01", "workday", "holiday"],
        ["2026-09-03", "holiday", "workday"],
      ],
    );
    assert.equal(calendar.isWorkingDay("2026-09-01"), true, "the original calendar is unchanged");
    assert.equal(calendar.withoutNotice(2026).isProvisional(2026), true);
  });

  test("vietnamDate takes the instant and gives the date in UTC+7", () => {
    assert.equal(vietnamDate(Date.UTC(2026, 1, 16, 16, 59)), "2026-02-16");
    assert.equal(vietnamDate(new Date(Date.UTC(2026, 1, 16, 17, 0))), "2026-02-17");
  });
});
