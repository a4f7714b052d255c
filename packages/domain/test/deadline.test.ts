/**
 * Hand-checked deadlines. Each expected date was worked out on the 2025–2026 calendars in the
 * comments (weekdays, the official notices), not copied from the engine.
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { buildCalendar, notice2025, notice2026, SEED_NOTICES } from "../src/calendar/index.ts";
import {
  computeDeadline,
  computeDue,
  configureRules,
  deadlineStatus,
  DEFAULT_RULES,
  diffCalendars,
  explanationLines,
  explanationText,
  naiveComputeDeadline,
  type DeadlineInput,
  type DeadlineRule,
} from "../src/deadlines/index.ts";

const calendar = buildCalendar(SEED_NOTICES);

function due(input: DeadlineInput): string {
  const result = computeDeadline(input, { calendar });
  assert.equal(naiveComputeDeadline(input, { calendar }), result.due, "naive loop agrees");
  assert.equal(computeDue(input, { calendar }), result.due, "fast path agrees");
  const last = result.explanation.at(-1);
  assert.equal(last?.kind, "due");
  assert.equal(last?.kind === "due" ? last.data.date : undefined, result.due, "explanation ends on the due date");
  return result.due;
}

describe("calendar-day periods (Điều 147–148 Bộ luật Dân sự 2015)", () => {
  test("across Tết 2026: 10 days from Tue 10/02 end on Fri 20/02 (mùng 4), rolled to Mon 23/02", () => {
    assert.equal(due({ rule: "complaint.accept", from: "2026-02-10" }), "2026-02-23");
  });

  test("across Tết 2025: 10 days from Mon 20/01/2025 end on Thu 30/01 (mùng 2) → 31/01, 01–02/02 off → Mon 03/02", () => {
    assert.equal(due({ rule: "complaint.accept", from: "2025-01-20" }), "2025-02-03");
  });

  test("Giỗ Tổ on a Sunday: 10 days from Thu 16/04/2026 end on Sun 26/04 → Mon 27/04 is compensatory → Tue 28/04", () => {
    assert.equal(due({ rule: "complaint.accept", from: "2026-04-16" }), "2026-04-28");
  });

  test("30/4–1/5/2026: 15 days from Wed 15/04 end on Thu 30/04 → 01/05 (Fri), 02–03/05 weekend → Mon 04/05", () => {
    assert.equal(due({ rule: "inspection.conclusion.sign", from: "2026-04-15" }), "2026-05-04");
    // The TTCP variant (30 days): 15/04 + 30 = Fri 15/05/2026, a working day.
    assert.equal(due({ rule: "inspection.conclusion.sign", from: "2026-04-15", variant: "ttcp" }), "2026-05-15");
  });

  test("complex case in a remote area: 60 days from Mon 02/03/2026 = Fri 01/05 (holiday) → Mon 04/05", () => {
    // 03–31/03 are days 1–29, 01–30/04 days 30–59, 01/05 day 60.
    assert.equal(due({ rule: "complaint.resolve.first", from: "2026-03-02", variant: "complex-remote" }), "2026-05-04");
    // Plain case: day 30 = Wed 01/04/2026.
    assert.equal(due({ rule: "complaint.resolve.first", from: "2026-03-02" }), "2026-04-01");
    // Second instance, remote: 60 days too.
    assert.equal(due({ rule: "complaint.resolve.second", from: "2026-03-02", variant: "remote" }), "2026-05-04");
  });

  test("limitation period: 90 days from 01/01/2026 = Wed 01/04/2026", () => {
    // Jan: days 1–30 (02–31/01), Feb: 31–58, Mar: 59–89, 01/04: day 90.
    assert.equal(due({ rule: "complaint.limitation", from: "2026-01-01" }), "2026-04-01");
  });

  test("Quốc khánh 2025: 15 days from Sat 16/08/2025 end on Sun 31/08 → 01/09, 02/09 off → Wed 03/09", () => {
    assert.equal(due({ rule: "inspection.directive", from: "2025-08-16" }), "2025-09-03");
    assert.equal(due({ rule: "inspection.directive", from: "2025-08-18" }), "2025-09-03"); // day 15 = Tue 02/09
  });

  test("a provisional year: 10 days from Thu 28/01/2027 end on Sun 07/02 (Tết); statutory days off to Thu 11/02 → Fri 12/02", () => {
    const result = computeDeadline({ rule: "complaint.accept", from: "2027-01-28" }, { calendar });
    assert.equal(result.due, "2027-02-12");
    assert.equal(result.provisional, true);
    assert.ok(result.explanation.some((s) => s.kind === "provisional_year" && s.data.year === 2027));
  });
});

describe("working-day periods", () => {
  test("denunciation initial processing across Tết 2026: 7 WD from Thu 12/02 → Mon 02/03", () => {
    // 13/02 (1); 14–22/02 off; 23, 24, 25, 26, 27/02 (2–6); 28/02, 01/03 weekend; 02/03 (7).
    assert.equal(due({ rule: "denunciation.initial", from: "2026-02-12" }), "2026-03-02");
    // Extended to 10 WD: 03/03 (8), 04/03 (9), 05/03 (10).
    assert.equal(due({ rule: "denunciation.initial", from: "2026-02-12", variant: "extended" }), "2026-03-05");
  });

  test("transfer across Giỗ Tổ and 30/4 2026: 5 WD from Fri 24/04 → Wed 06/05", () => {
    // 25–27/04 off (weekend, Giỗ Tổ Sunday, compensatory Monday); 28/04 (1), 29/04 (2);
    // 30/04–03/05 off; 04/05 (3), 05/05 (4), 06/05 (5).
    assert.equal(due({ rule: "denunciation.transfer", from: "2026-04-24" }), "2026-05-06");
  });

  test("a make-up Saturday counts: 5 WD from Thu 24/04/2025 → Mon 05/05/2025", () => {
    // 25/04 (1), Sat 26/04 make-up (2), 28/04 (3), 29/04 (4); 30/04–04/05 off; 05/05 (5).
    assert.equal(due({ rule: "denunciation.transfer", from: "2025-04-24" }), "2025-05-05");
  });

  test("Tết Dương lịch 2026 with its swap: 10 WD from Wed 31/12/2025 → Thu 15/01/2026", () => {
    // 01/01 holiday, 02/01 swapped, 03–04 weekend; 05–09/01 (1–5), Sat 10/01 make-up (6),
    // 12–15/01 (7–10).
    const result = computeDeadline({ rule: "petition.handle", from: "2025-12-31" }, { calendar });
    assert.equal(result.due, "2026-01-15");
    assert.equal(result.probable, true);
    const kinds = result.explanation.map((s) => s.kind);
    assert.ok(kinds.includes("probable"));
    assert.ok(kinds.includes("makeup_day_counted"));
  });

  test("petition.handle is configurable ([P]): 15 WD from 31/12/2025 → Thu 22/01/2026", () => {
    const rules = configureRules(DEFAULT_RULES, { "petition.handle": { length: 15 } });
    // After the 10th WD (15/01): 16/01 (11), 19–22/01 (12–15).
    const result = computeDeadline({ rule: "petition.handle", from: "2025-12-31" }, { calendar, rules });
    assert.equal(result.due, "2026-01-22");
    assert.ok(result.explanation.some((s) => s.kind === "configured"));
    assert.equal(
      naiveComputeDeadline({ rule: "petition.handle", from: "2025-12-31" }, { calendar, rules }),
      "2026-01-22",
    );
  });
});

describe("months and years", () => {
  test("retention of one year from 29/02/2028 ends on 28/02/2029 (no 29/02 in 2029)", () => {
    assert.equal(due({ rule: "petition.retention", from: "2028-02-29" }), "2029-02-28");
    assert.equal(due({ rule: "petition.retention", from: "2027-02-28" }), "2028-02-28"); // Monday, 2028 is leap but 28 ↦ 28
  });

  test("one year from Sat 04/05/2025 ends on Mon 04/05/2026 (a working day)", () => {
    assert.equal(due({ rule: "petition.retention", from: "2025-05-04" }), "2026-05-04");
    // From Thu 30/04/2025: 30/04/2026 is a holiday, 01/05 too, 02–03/05 weekend → Mon 04/05/2026.
    assert.equal(due({ rule: "petition.retention", from: "2025-04-30" }), "2026-05-04");
  });

  const monthRules: DeadlineRule[] = [
    {
      id: "test.month",
      version: 1,
      basis: "Quy tắc thử",
      title: "Thời hạn một tháng (thử)",
      unit: "month",
      length: 1,
      startEvent: "ngày thử",
      suspensionStopsClock: true,
      validFrom: "1990-01-01",
      validTo: null,
    },
  ];

  test("month ends: 31/01/2026 + 1 month = 28/02/2026 (Saturday) → Mon 02/03; in 2028 → Tue 29/02", () => {
    const r = computeDeadline({ rule: "test.month", from: "2026-01-31" }, { calendar, rules: monthRules });
    assert.equal(r.due, "2026-03-02");
    assert.ok(r.explanation.some((s) => s.kind === "period_end" && s.data.clampedToMonthEnd));
    assert.equal(computeDue({ rule: "test.month", from: "2028-01-31" }, { calendar, rules: monthRules }), "2028-02-29");
    assert.equal(
      naiveComputeDeadline({ rule: "test.month", from: "2028-01-31" }, { calendar, rules: monthRules }),
      "2028-02-29",
    );
  });
});

describe("fixed dates", () => {
  test("annual asset declaration: 31 December of the start year, never moved", () => {
    assert.equal(due({ rule: "asset.declaration.annual", from: "2026-03-15" }), "2026-12-31");
    // 31/12/2022 was a Saturday: the date set by law is kept and the explanation says so.
    const r = computeDeadline({ rule: "asset.declaration.annual", from: "2022-06-01" }, { calendar });
    assert.equal(r.due, "2022-12-31");
    assert.ok(r.explanation.some((s) => s.kind === "fixed_date" && !s.data.working));
  });

  test("verification plan: 31 January of the year", () => {
    assert.equal(due({ rule: "asset.verification.plan", from: "2026-01-02" }), "2026-01-31");
  });
});

describe("extensions and suspensions", () => {
  test("two extensions (especially complex): 90 days from Mon 05/01/2026 = Sun 05/04 → Mon 06/04", () => {
    // 06–31/01: days 1–26; Feb: 27–54; Mar: 55–85; 01–05/04: 86–90.
    const r = computeDeadline(
      { rule: "denunciation.resolve", from: "2026-01-05", variant: "especially-complex", extensions: 2 },
      { calendar },
    );
    assert.equal(r.due, "2026-04-06");
    assert.equal(r.length, 90);
    assert.equal(r.explanation.filter((s) => s.kind === "extension").length, 2);
    assert.equal(
      naiveComputeDeadline(
        { rule: "denunciation.resolve", from: "2026-01-05", variant: "especially-complex", extensions: 2 },
        { calendar },
      ),
      "2026-04-06",
    );
  });

  test("one extension (complex): 60 days from Mon 01/06/2026 = Fri 31/07", () => {
    assert.equal(
      due({ rule: "denunciation.resolve", from: "2026-06-01", variant: "complex", extensions: 1 }),
      "2026-07-31",
    );
  });

  test("a suspension of 10 days: 30 days from 02/03/2026 (= 01/04) + 10 = Sat 11/04 → Mon 13/04", () => {
    const input = {
      rule: "complaint.resolve.first",
      from: "2026-03-02",
      suspensions: [{ from: "2026-03-10", to: "2026-03-19" }],
    };
    assert.equal(due(input), "2026-04-13");
    const r = computeDeadline(input, { calendar });
    const step = r.explanation.find((s) => s.kind === "suspension");
    assert.equal(step?.kind === "suspension" ? step.data.daysNotCounted : -1, 10);
  });

  test("a suspension reaching past the original end still counts whole", () => {
    // 30 days from 02/03 end on 01/04; suspended 25/03–10/04 (17 days) → 18/04 (Sat) → Mon 20/04.
    assert.equal(
      due({
        rule: "complaint.resolve.first",
        from: "2026-03-02",
        suspensions: [{ from: "2026-03-25", to: "2026-04-10" }],
      }),
      "2026-04-20",
    );
  });

  test("a suspension after the period has ended changes nothing", () => {
    assert.equal(
      due({
        rule: "complaint.resolve.first",
        from: "2026-03-02",
        suspensions: [{ from: "2026-04-02", to: "2026-04-30" }],
      }),
      "2026-04-01",
    );
  });

  test("suspension and extension together: especially complex, 2 extensions, suspended 01–10/02/2026 → Wed 15/04", () => {
    // 90 days end on 05/04; + 10 suspended days = 15/04 (Wed).
    assert.equal(
      due({
        rule: "denunciation.resolve",
        from: "2026-01-05",
        variant: "especially-complex",
        extensions: 2,
        suspensions: [{ from: "2026-02-01", to: "2026-02-10" }],
      }),
      "2026-04-15",
    );
  });

  test("a rule whose clock does not stop ignores suspensions, and says so", () => {
    const r = computeDeadline(
      { rule: "denunciation.transfer", from: "2026-04-24", suspensions: [{ from: "2026-04-28", to: "2026-04-29" }] },
      { calendar },
    );
    assert.equal(r.due, "2026-05-06");
    assert.ok(r.explanation.some((s) => s.kind === "suspension_ignored"));
  });

  test("working-day rule with a suspension (test rule): suspended working days do not count", () => {
    const rules: DeadlineRule[] = [
      {
        id: "test.wd",
        version: 1,
        basis: "Quy tắc thử",
        title: "Thử",
        unit: "working_day",
        length: 5,
        startEvent: "ngày thử",
        suspensionStopsClock: true,
        validFrom: "1990-01-01",
        validTo: null,
      },
    ];
    // 5 WD from Fri 24/04/2026 = Wed 06/05 (see above). Suspended Tue 28/04–Mon 04/05: the working
    // days 28/04, 29/04 and 04/05 do not count → 05/05 (1), 06/05 (2), 07/05 (3), 08/05 (4), 11/05 (5).
    const input = { rule: "test.wd", from: "2026-04-24", suspensions: [{ from: "2026-04-28", to: "2026-05-04" }] };
    assert.equal(computeDue(input, { calendar, rules }), "2026-05-11");
    assert.equal(naiveComputeDeadline(input, { calendar, rules }), "2026-05-11");
  });
});

describe("rule versions", () => {
  const versioned: DeadlineRule[] = [
    {
      id: "test.versioned",
      version: 1,
      basis: "Điều 1 Luật thử (bản cũ)",
      title: "Thời hạn thử",
      unit: "calendar_day",
      length: 30,
      startEvent: "ngày thụ lý",
      suspensionStopsClock: false,
      validFrom: "2012-07-01",
      validTo: "2026-06-30",
    },
    {
      id: "test.versioned",
      version: 2,
      basis: "Điều 1 Luật thử (sửa đổi)",
      title: "Thời hạn thử",
      unit: "calendar_day",
      length: 45,
      startEvent: "ngày thụ lý",
      suspensionStopsClock: false,
      validFrom: "2026-07-01",
      validTo: null,
    },
  ];

  test("a case uses the version in force on its start date", () => {
    const a = computeDeadline({ rule: "test.versioned", from: "2026-06-30" }, { calendar, rules: versioned });
    assert.deepEqual([a.ruleVersion, a.basis, a.due], [1, "Điều 1 Luật thử (bản cũ)", "2026-07-30"]); // Thu 30/07
    const b = computeDeadline({ rule: "test.versioned", from: "2026-07-01" }, { calendar, rules: versioned });
    assert.deepEqual([b.ruleVersion, b.basis, b.due], [2, "Điều 1 Luật thử (sửa đổi)", "2026-08-17"]); // 15/08 Sat → Mon 17/08
  });

  test("overlapping versions are refused when the rule set is compiled", () => {
    const bad = [versioned[0]!, { ...versioned[1]!, validFrom: "2026-06-01" }];
    assert.throws(
      () => computeDue({ rule: "test.versioned", from: "2026-07-01" }, { calendar, rules: bad }),
      /chồng nhau/,
    );
  });

  test("every default rule has a basis, a Vietnamese title and a valid shape", () => {
    const ids = new Set(DEFAULT_RULES.map((r) => r.id));
    for (const id of [
      "complaint.limitation",
      "complaint.accept",
      "complaint.resolve.first",
      "complaint.reappeal.window",
      "complaint.resolve.second",
      "denunciation.initial",
      "denunciation.transfer",
      "denunciation.resolve",
      "denunciation.escalation",
      "petition.handle",
      "inspection.conclusion.assign",
      "inspection.conclusion.sign",
      "inspection.directive",
      "inspection.sensitive.reply",
      "petition.retention",
      "asset.declaration.annual",
      "asset.verification.plan",
    ]) {
      assert.ok(ids.has(id), id);
    }
    for (const r of DEFAULT_RULES) {
      assert.match(r.basis, /^(Điều|Thông tư|Nghị định)/, r.id);
      assert.ok(r.title.length > 5);
      computeDue({ rule: r.id, from: "2026-03-02" }, { calendar });
    }
  });
});

describe("status", () => {
  test("working-day rule: remaining counted in working days", () => {
    // Due Mon 02/03/2026. On Fri 20/02 (Tết): 23–27/02 and 02/03 remain = 6.
    assert.deepEqual(deadlineStatus("2026-03-02", "2026-02-20", "working_day", calendar), {
      status: "on_time",
      remaining: 6,
      unit: "working_day",
    });
    // On Thu 26/02: 27/02 and 02/03 remain = 2 ≤ 3.
    assert.deepEqual(deadlineStatus("2026-03-02", "2026-02-26", "working_day", calendar), {
      status: "due_soon",
      remaining: 2,
      unit: "working_day",
    });
    assert.deepEqual(deadlineStatus("2026-03-02", "2026-03-02", "working_day", calendar), {
      status: "due_soon",
      remaining: 0,
      unit: "working_day",
    });
    // On Wed 04/03: 03/03 and 04/03 have passed = −2.
    assert.deepEqual(deadlineStatus("2026-03-02", "2026-03-04", "working_day", calendar), {
      status: "overdue",
      remaining: -2,
      unit: "working_day",
    });
  });

  test("calendar-day rule, with a fraction threshold", () => {
    assert.deepEqual(deadlineStatus("2026-02-23", "2026-02-10", "calendar_day", calendar), {
      status: "on_time",
      remaining: 13,
      unit: "calendar_day",
    });
    // 20% of the 13-day span = 2.6 days.
    const opts = { dueSoonFraction: 0.2, from: "2026-02-10" };
    assert.equal(deadlineStatus("2026-02-23", "2026-02-20", "calendar_day", calendar, opts).status, "on_time");
    assert.equal(deadlineStatus("2026-02-23", "2026-02-21", "calendar_day", calendar, opts).status, "due_soon");
    assert.equal(
      deadlineStatus("2026-02-23", "2026-02-21", "calendar_day", calendar, { dueSoonDays: 1 }).status,
      "on_time",
    );
  });

  test("computeDeadline with today carries the status", () => {
    const r = computeDeadline({ rule: "denunciation.initial", from: "2026-02-12" }, { calendar, today: "2026-02-26" });
    assert.deepEqual(r.status, { status: "due_soon", remaining: 2, unit: "working_day" });
  });
});

describe("explanation", () => {
  test("reads like the law, step by step", () => {
    const r = computeDeadline({ rule: "complaint.accept", from: "2026-02-10" }, { calendar });
    assert.deepEqual(explanationLines(r), [
      "Căn cứ: Điều 27 Luật Khiếu nại 2011 — Thời hạn thụ lý khiếu nại lần đầu (phiên bản 1, áp dụng cho việc có ngày bắt đầu từ 01/07/2012).",
      "Sự kiện bắt đầu: ngày nhận được khiếu nại thuộc thẩm quyền — ngày 10/02/2026 (Thứ Ba).",
      "Ngày bắt đầu không tính; thời hạn được tính từ ngày tiếp theo, 11/02/2026 (Thứ Tư) (Điều 147 Bộ luật Dân sự 2015).",
      "Thời hạn 10 ngày, tính theo ngày dương lịch, kể cả ngày nghỉ và ngày lễ; chỉ khi ngày cuối cùng là ngày nghỉ thì thời hạn kéo dài đến ngày làm việc tiếp theo.",
      "Ngày thứ 10 được tính là 20/02/2026 (Thứ Sáu).",
      "20/02/2026 (Thứ Sáu) không phải ngày làm việc: ngày nghỉ lễ — Tết Âm lịch (mùng 4 tháng Giêng).",
      "21/02/2026 (Thứ Bảy) không phải ngày làm việc: ngày nghỉ hằng tuần.",
      "22/02/2026 (Chủ nhật) không phải ngày làm việc: ngày nghỉ hằng tuần.",
      "Ngày cuối cùng của thời hạn là ngày nghỉ nên thời hạn kết thúc vào ngày làm việc tiếp theo, 23/02/2026 (Thứ Hai) (Điều 148 khoản 2 Bộ luật Dân sự 2015).",
      "Hạn cuối: hết ngày 23/02/2026 (Thứ Hai).",
    ]);
    assert.ok(explanationText(r).startsWith("1. Căn cứ: Điều 27 Luật Khiếu nại 2011"));
  });

  test("working days list each skipped day with its reason", () => {
    const r = computeDeadline({ rule: "denunciation.transfer", from: "2026-04-24" }, { calendar });
    const skipped = r.explanation.filter((s) => s.kind === "skipped_day").map((s) => s.text);
    assert.deepEqual(skipped.slice(0, 3), [
      "Không tính 25/04/2026 (Thứ Bảy): ngày nghỉ hằng tuần.",
      "Không tính 26/04/2026 (Chủ nhật): ngày nghỉ lễ — Giỗ Tổ Hùng Vương (10 tháng Ba âm lịch).",
      "Không tính 27/04/2026 (Thứ Hai): ngày nghỉ bù — Nghỉ bù cho Giỗ Tổ Hùng Vương (Chủ nhật 26/04/2026).",
    ]);
    assert.equal(skipped.length, 7);
  });

  test("explain: false skips the explanation", () => {
    assert.deepEqual(
      computeDeadline({ rule: "complaint.accept", from: "2026-02-10" }, { calendar, explain: false }).explanation,
      [],
    );
  });
});

describe("recomputation when a notice changes", () => {
  test("importing the 2026 notice moves deadlines that touch the 02/01 swap", () => {
    const before = buildCalendar([notice2025]); // 2026 provisional: no swap on 02/01, no make-up on 10/01
    const after = buildCalendar([notice2025, notice2026]);
    const diff = diffCalendars(before, after, [
      // 10 days from 23/12/2025 end on Fri 02/01/2026: a working day by statute, swapped off by the notice → Mon 05/01.
      { id: "a", input: { rule: "complaint.accept", from: "2025-12-23" } },
      // 5 WD from 31/12/2025: by statute 02/01 (1) … 08/01 (5); with the notice 05/01 (1) … 09/01 (5).
      { id: "b", input: { rule: "denunciation.transfer", from: "2025-12-31" } },
      // 10 WD: the swap and the make-up Saturday cancel out → 15/01 either way.
      { id: "c", input: { rule: "petition.handle", from: "2025-12-31" } },
      { id: "d", input: { rule: "no.such.rule", from: "2025-12-31" } },
    ]);
    assert.deepEqual(diff.moved, [
      {
        id: "a",
        rule: "complaint.accept",
        from: "2025-12-23",
        before: "2026-01-02",
        after: "2026-01-05",
        shiftDays: 3,
      },
      {
        id: "b",
        rule: "denunciation.transfer",
        from: "2025-12-31",
        before: "2026-01-08",
        after: "2026-01-09",
        shiftDays: 1,
      },
    ]);
    assert.equal(diff.unchanged, 1);
    assert.deepEqual(
      diff.failed.map((f) => [f.id, f.code]),
      [["d", "UNKNOWN_RULE"]],
    );
  });

  test("moving Quốc khánh 2026's adjacent day from 03/09 to 01/09", () => {
    const edited = calendar.withNotice({
      ...notice2026,
      days: notice2026.days.map((d) =>
        d.date === "2026-09-03" ? { ...d, date: "2026-09-01", name: "Quốc khánh (ngày liền kề 1/9)" } : d,
      ),
    });
    // 10 days from Mon 24/08/2026 end on Thu 03/09: a holiday in the seed notice (→ Fri 04/09), a working day after the edit.
    const diff = diffCalendars(calendar, edited, [
      { id: "x", input: { rule: "complaint.accept", from: "2026-08-24" } },
    ]);
    assert.deepEqual(diff.moved, [
      {
        id: "x",
        rule: "complaint.accept",
        from: "2026-08-24",
        before: "2026-09-04",
        after: "2026-09-03",
        shiftDays: -1,
      },
    ]);
  });
});
