// Anti-corruption rules (docs/LAW.md §10.1) against hand-checked cases: who declares and why, the
// 4-year exclusion and the exemptions, the lottery's shares and its reproducibility with a SHA-256
// computed independently (node:crypto), and the year-on-year comparison.
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { describe, test } from "node:test";
import {
  atLeastShare,
  compareDeclarations,
  computeObligations,
  drawLottery,
  exclusionOf,
  formatAssetValue,
  fullMonths,
  rotationClock,
  sha256Hex,
  supplementaryDuty,
  type DeclarationContent,
  type PositionFacts,
} from "../src/index.ts";

const positions = new Map<string, PositionFacts>([
  ["ttv", { id: "ttv", name: "Thanh tra viên", declaresAnnually: true, declarationBasis: "Khoản 1 Điều 10 NĐ 130" }],
  ["cv", { id: "cv", name: "Chuyên viên", declaresAnnually: false, declarationBasis: "Điều 34" }],
]);

describe("SHA-256 in the domain", () => {
  test("matches node:crypto for ASCII, Vietnamese and the padding edges (55, 56, 64 bytes)", () => {
    for (const text of [
      "",
      "abc",
      "Nguyễn Văn Thành|NG|CB-001",
      "a".repeat(55),
      "a".repeat(56),
      "a".repeat(64),
      "x".repeat(1000),
    ])
      assert.equal(sha256Hex(text), createHash("sha256").update(text, "utf8").digest("hex"), text.slice(0, 20));
  });
});

describe("obligated list", () => {
  test("an annual declarant who changed to a non-annual position mid-year still declares for that year", () => {
    const [o] = computeObligations(
      [
        {
          id: "A",
          leftOn: null,
          declaredBefore: true,
          positions: [
            { positionId: "ttv", from: "2020-01-01", to: "2026-06-30" },
            { positionId: "cv", from: "2026-07-01", to: null },
          ],
        },
      ],
      2026,
      positions,
    );
    assert.equal(o?.kind, "annual");
    assert.match(o!.reason, /Thanh tra viên từ 01\/01\/2020 đến 30\/06\/2026 \(đã chuyển vị trí trong năm/);
    // The year after, he holds no annual position: no obligation.
    assert.deepEqual(
      computeObligations(
        [
          {
            id: "A",
            leftOn: null,
            declaredBefore: true,
            positions: [
              { positionId: "ttv", from: "2020-01-01", to: "2026-06-30" },
              { positionId: "cv", from: "2026-07-01", to: null },
            ],
          },
        ],
        2027,
        positions,
      ),
      [],
    );
  });

  test("moved into an annual position mid-year: annual; first position this year: first-time from its start", () => {
    const list = computeObligations(
      [
        {
          id: "B",
          leftOn: null,
          declaredBefore: true,
          positions: [
            { positionId: "cv", from: "2018-01-01", to: "2026-08-31" },
            { positionId: "ttv", from: "2026-09-01", to: null },
          ],
        },
        {
          id: "D",
          leftOn: null,
          declaredBefore: false,
          positions: [{ positionId: "cv", from: "2026-03-01", to: null }],
        },
        {
          id: "C",
          leftOn: null,
          declaredBefore: true,
          positions: [{ positionId: "cv", from: "2010-01-01", to: null }],
        },
        // Retired in November: not in service on 31/12, no annual declaration.
        {
          id: "E",
          leftOn: "2026-11-15",
          declaredBefore: true,
          positions: [{ positionId: "ttv", from: "2010-01-01", to: "2026-11-15" }],
        },
      ],
      2026,
      positions,
    );
    assert.deepEqual(
      list.map((o) => [o.officialId, o.kind, o.dueFrom]),
      [
        ["B", "annual", "2026-01-01"],
        ["D", "first_time", "2026-03-01"],
      ],
    );
  });
});

describe("supplementary declaration computed from the declarations on record (Điều 36 khoản 2)", () => {
  const before = { declaredOn: "2025-07-20", kind: "appointment" as const, total: 1_000_000_000 };
  test("a declaration of the year 300.000.000 đồng above the one before: due, reason without an amount", () => {
    const duty = supplementaryDuty(
      "cb",
      2026,
      [{ declaredOn: "2026-10-01", kind: "appointment", total: 1_300_000_000 }, before],
      false,
    );
    assert.equal(duty?.kind, "supplementary");
    assert.equal(duty?.dueFrom, "2026-10-01");
    assert.match(
      duty!.reason,
      /bản kê khai ngày 01\/10\/2026 \(kê khai phục vụ công tác cán bộ\) so với bản kê khai ngày 20\/07\/2025/,
    );
    assert.match(duty!.reason, /Điều 36 khoản 2/);
    assert.ok(!/1\.300|300\.000\.000/.test(duty!.reason), "no amount in the list");
  });
  test("299.999.999 đồng: not due; a fall of 400 million is a change too: due", () => {
    const next = (total: number) => [before, { declaredOn: "2026-03-12", kind: "first_time" as const, total }];
    assert.equal(supplementaryDuty("cb", 2026, next(1_299_999_999), false), null);
    assert.equal(supplementaryDuty("cb", 2026, next(600_000_000), false)?.kind, "supplementary");
  });
  test("an annual declarant of the year owes none; a change recorded in another year is not this year's", () => {
    const changed = [before, { declaredOn: "2026-12-01", kind: "annual" as const, total: 2_000_000_000 }];
    assert.equal(supplementaryDuty("cb", 2026, changed, true), null);
    assert.equal(supplementaryDuty("cb", 2027, changed, false), null);
    assert.equal(supplementaryDuty("cb", 2025, changed, false), null, "2025 has one declaration and nothing before it");
  });
  test("the supplementary declaration itself is not a new change; compared with the one just before", () => {
    const list = [
      before,
      { declaredOn: "2026-02-01", kind: "supplementary" as const, total: 1_500_000_000 },
      { declaredOn: "2026-09-01", kind: "appointment" as const, total: 1_600_000_000 },
    ];
    assert.equal(supplementaryDuty("cb", 2026, list, false), null);
  });
});

describe("exclusions from the draw", () => {
  const base = { code: "X", received: true, verifiedYears: [] as number[], exemptions: [] };
  test("verified in one of the 4 years before the plan year: out; 5 years before: in", () => {
    assert.equal(exclusionOf({ ...base, verifiedYears: [2022] }, 2026, "2026-01-20")?.reason, "verified_recently");
    assert.match(exclusionOf({ ...base, verifiedYears: [2022] }, 2026, "2026-01-20")!.detail, /năm 2022/);
    assert.equal(exclusionOf({ ...base, verifiedYears: [2021] }, 2026, "2026-01-20"), null);
    assert.equal(exclusionOf({ ...base, verifiedYears: [2025] }, 2026, "2026-01-20")?.reason, "verified_recently");
  });
  test("an exemption counts only while it runs on the day of the draw", () => {
    const abroad = { kind: "abroad" as const, from: "2025-09-01", to: "2026-12-31" };
    assert.equal(exclusionOf({ ...base, exemptions: [abroad] }, 2026, "2026-01-20")?.reason, "abroad");
    assert.equal(exclusionOf({ ...base, exemptions: [{ ...abroad, to: "2025-12-31" }] }, 2026, "2026-01-20"), null);
    assert.equal(exclusionOf({ ...base, received: false }, 2026, "2026-01-20")?.reason, "not_received");
  });
});

describe("lottery", () => {
  test("at least p %: rounded up in integers", () => {
    assert.equal(atLeastShare(10, 20), 2);
    assert.equal(atLeastShare(11, 20), 3);
    assert.equal(atLeastShare(7, 10), 1);
    assert.equal(atLeastShare(0, 10), 0);
    assert.equal(atLeastShare(40, 12.5), 5);
  });

  const units = Array.from({ length: 12 }, (_, i) => ({
    code: `DV${String(i + 1).padStart(2, "0")}`,
    name: `Đơn vị ${i + 1}`,
  }));
  const candidates = units.flatMap((u, i) =>
    Array.from({ length: 5 + i }, (_, j) => ({
      code: `${u.code}-${String(j + 1).padStart(3, "0")}`,
      name: `Người ${j}`,
      unitCode: u.code,
    })),
  );

  test("re-run by hand with node:crypto from the published algorithm: the same units and people", () => {
    const seed = "Hội nghị 20/01/2026 — 7391";
    const result = drawLottery({ seed, unitPercent: 20, personPercent: 10, units, candidates });
    const h = (s: string) => createHash("sha256").update(s, "utf8").digest("hex");
    const order = <T extends { code: string; k: string }>(xs: T[]) =>
      xs.sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : a.code < b.code ? -1 : 1));
    const chosenUnits = order(units.map((u) => ({ code: u.code, k: h(`${seed}|DV|${u.code}`) }))).slice(0, 3);
    const chosenPeople = chosenUnits.flatMap((u) => {
      const mine = candidates.filter((c) => c.unitCode === u.code);
      return order(mine.map((c) => ({ code: c.code, k: h(`${seed}|NG|${c.code}`) }))).slice(
        0,
        Math.ceil(mine.length / 10),
      );
    });
    assert.deepEqual(
      result.units.filter((u) => u.selected).map((u) => u.code),
      chosenUnits.map((u) => u.code),
    );
    assert.equal(result.selectedUnits, 3, "20 % of 12 units, rounded up");
    assert.deepEqual(
      result.persons
        .filter((p) => p.selected)
        .map((p) => p.code)
        .sort(),
      chosenPeople.map((p) => p.code).sort(),
    );
    // Same seed, same result; another seed, another draw.
    assert.deepEqual(drawLottery({ seed, unitPercent: 20, personPercent: 10, units, candidates }), result);
    const other = drawLottery({ seed: "khác", unitPercent: 20, personPercent: 10, units, candidates });
    assert.notDeepEqual(
      other.units.map((u) => u.code),
      result.units.map((u) => u.code),
    );
  });
});

describe("declaration comparison", () => {
  const content = (land: number, explanation?: string): DeclarationContent => ({
    declarant: { fullName: "Nguyễn Văn A" },
    children: [],
    land: [{ owner: "declarant", description: "Thửa đất số 12", value: land }],
    houses: [],
    preciousMetals: [],
    money: [{ owner: "spouse", description: "Tiền gửi", value: 100_000_000 }],
    valuables: [],
    abroad: [],
    income: 250_000_000,
    explanation,
  });
  test("an increase of 300 million without explanation is flagged; 299.999.999 or explained is not", () => {
    assert.deepEqual(compareDeclarations(content(1_000_000_000), content(1_300_000_000)), {
      previousTotal: 1_100_000_000,
      total: 1_400_000_000,
      increase: 300_000_000,
      flagged: true,
    });
    assert.equal(compareDeclarations(content(1_000_000_000), content(1_299_999_999)).flagged, false);
    assert.equal(compareDeclarations(content(1_000_000_000), content(1_300_000_000, "Được tặng cho")).flagged, false);
    assert.equal(compareDeclarations(null, content(1)).flagged, false);
  });
  test("amounts read as officers write them", () => {
    assert.equal(formatAssetValue(46_237_000_000), "46.237 triệu đồng");
    assert.equal(formatAssetValue(1_234_567), "1.234.567 đồng");
  });
});

describe("job rotation", () => {
  const inspector = { name: "Thanh tra viên", from: "2023-01-15", periodMonths: 36, sector: "Thanh tra" };
  test("the tenure clock: due at a full 24 months, approaching the sector's period, over it", () => {
    assert.equal(fullMonths("2023-01-15", "2025-01-14"), 23);
    assert.equal(fullMonths("2023-01-15", "2025-01-15"), 24);
    const clock = (on: string) => rotationClock({ position: inspector, expectedRetirement: null, deferrals: [] }, on);
    assert.equal(clock("2025-01-14").status, "not_due");
    assert.deepEqual([clock("2025-01-15").status, clock("2025-01-15").dueFrom], ["due", "2025-01-15"]);
    assert.equal(clock("2025-07-15").status, "approaching_max");
    assert.deepEqual([clock("2026-01-15").status, clock("2026-01-15").maxOn], ["over_max", "2026-01-15"]);
  });

  test("17 months before retirement: not subject; 18 months: subject", () => {
    const on = "2026-12-06";
    assert.equal(
      rotationClock({ position: inspector, expectedRetirement: "2028-05-06", deferrals: [] }, on).status,
      "retirement_exempt",
    );
    assert.equal(
      rotationClock({ position: inspector, expectedRetirement: "2028-06-06", deferrals: [] }, on).status,
      "over_max",
    );
  });

  test("a deferral holds while it runs and ends on its end date", () => {
    const deferrals = [{ kind: "illness" as const, from: "2026-03-01", to: "2026-11-30" }];
    const facts = { position: inspector, expectedRetirement: null, deferrals };
    assert.equal(rotationClock(facts, "2026-11-30").status, "deferred");
    assert.match(rotationClock(facts, "2026-11-30").detail, /đến 30\/11\/2026/);
    assert.equal(
      rotationClock(facts, "2026-12-01").status,
      "over_max",
      "the day after the end, the clock applies again",
    );
  });
});

describe("the rotation plan's outcomes (docs/LAW.md §10.4)", () => {
  test("each outcome is counted on its own event's day", async () => {
    const { rotationOutcomeDate } = await import("../src/anticorruption/index.ts");
    assert.equal(rotationOutcomeDate({ outcome: "done", executedOn: "2023-06-01", on: "2023-01-01" }), "2023-06-01");
    assert.equal(rotationOutcomeDate({ outcome: "exempted", on: "2023-04-10", from: "2023-01-01" }), "2023-04-10");
    assert.equal(
      rotationOutcomeDate({ outcome: "deferred", from: "2023-05-01", executedOn: "2023-01-01" }),
      "2023-05-01",
    );
    assert.throws(() => rotationOutcomeDate({ outcome: "done", on: "2023-04-10" }));
  });

  test("the outcome body names the missing field of each outcome", async () => {
    const { rotationOutcomeBody } = await import("../src/api/anticorruption.ts");
    const issue = (body: Record<string, unknown>) =>
      rotationOutcomeBody.safeParse({ version: 1, ...body }).error?.issues.map((i) => i.path.join("."));
    assert.deepEqual(issue({ outcome: "deferred", kind: "illness", from: "2023-05-01", evidence: "Giấy ra viện" }), [
      "to",
    ]);
    assert.deepEqual(
      issue({
        outcome: "done",
        toPositionId: "6f1c1e1e-8a4b-4c57-9d0e-0a1b2c3d4e5f",
        decisionNumber: "12/QĐ",
        decidedOn: "2023-05-25",
        executedOn: "2023-05-24",
      }),
      ["executedOn"],
    );
    assert.deepEqual(issue({ outcome: "exempted", on: "2023-04-10" }), ["reason"]);
    assert.equal(
      rotationOutcomeBody.safeParse({ version: 1, outcome: "exempted", on: "2023-04-10", reason: "Nghỉ hưu" }).success,
      true,
    );
  });
});
