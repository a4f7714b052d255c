/**
 * The dashboard's periods (domain reports/dashboard.ts, docs/LAW.md §11.13), by hand: 2026 is all
 * under Thông tư 06/2025/TT-TTCP, which asks for monthly reports, so the trend runs over its
 * twelve months; 2025 straddles Thông tư 01/2024 (quarters only) and 06/2025, so it takes the
 * quarters; "last year" keeps the kind and number one year earlier.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { DASHBOARD_CHARTS, sameTimeLastYear, trendPeriods, yearPeriod } from "../src/reports/dashboard.ts";
import { INDICATORS } from "../src/reports/index.ts";

test("the trend of 2026 runs over its twelve months, each from the 15th to the 14th", () => {
  const months = trendPeriods(2026);
  assert.equal(months.length, 12);
  assert.deepEqual([months[0]!.from, months[0]!.to, months[0]!.label], ["2025-12-15", "2026-01-14", "Tháng 1/2026"]);
  assert.deepEqual([months[11]!.from, months[11]!.to], ["2026-11-15", "2026-12-14"]);
  assert.deepEqual(sameTimeLastYear(months[2]!), { from: "2025-02-15", to: "2025-03-14" });
});

test("2025 straddles two regimes: its four quarters, the last one under TT 06/2025", () => {
  const quarters = trendPeriods(2025);
  assert.deepEqual(
    quarters.map((p) => `${p.from}..${p.to} ${p.regime}`),
    [
      "2024-12-15..2025-03-14 TT01/2024",
      "2025-03-15..2025-06-14 TT01/2024",
      "2025-06-15..2025-09-14 TT01/2024",
      "2025-09-15..2025-12-14 TT06/2025",
    ],
  );
  assert.deepEqual(sameTimeLastYear(quarters[3]!), { from: "2024-09-15", to: "2024-12-14" });
});

test("the data year and the same days one year earlier", () => {
  const y = yearPeriod(2024);
  assert.deepEqual([y.from, y.to], ["2023-12-15", "2024-12-14"]);
  assert.deepEqual(sameTimeLastYear(y), { from: "2022-12-15", to: "2023-12-14" });
  // 2021: TT 02/2021 came into force on 10/05/2021, so Q1/2021 (to 14/03) is no period of it.
  assert.deepEqual(
    trendPeriods(2021).map((p) => p.n),
    [2, 3, 4],
  );
});

test("every chart's series is an indicator of the catalogue; recoveries are money", () => {
  for (const chart of DASHBOARD_CHARTS) for (const code of chart.series) assert.ok(INDICATORS[code], code);
  const recoveries = DASHBOARD_CHARTS.find((c) => c.id === "recoveries")!;
  for (const code of recoveries.series) assert.equal(INDICATORS[code]!.unit, "triệu đồng");
});
