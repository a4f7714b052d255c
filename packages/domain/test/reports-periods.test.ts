/**
 * Reporting periods (docs/LAW.md §11.1, §11.7), checked by hand against the 15th → 14th rule:
 * Q1 runs 15/12 of the previous year to 14/03; the 6-month, 9-month and annual reports start on
 * 15/12 of the previous year too.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  classifyPeriod,
  FORMS,
  INDICATORS,
  periodOf,
  periodsOfYear,
  previousPeriod,
  regimeInForce,
  REPORTING_REGIMES,
  SOURCE_COLUMNS,
  unknownIndicators,
} from "../src/reports/index.ts";

const regime = (code: string) => REPORTING_REGIMES.find((r) => r.code === code)!;

test("quarters, half-year, nine months and year under TT 02/2021 (2023)", () => {
  const r = regime("TT02/2021");
  const span = (kind: Parameters<typeof periodOf>[1], n = 1) => {
    const p = periodOf(r, kind, 2023, n);
    return `${p.from}..${p.to}`;
  };
  assert.equal(span("quarter", 1), "2022-12-15..2023-03-14");
  assert.equal(span("quarter", 2), "2023-03-15..2023-06-14");
  assert.equal(span("quarter", 3), "2023-06-15..2023-09-14");
  assert.equal(span("quarter", 4), "2023-09-15..2023-12-14");
  assert.equal(span("half_year"), "2022-12-15..2023-06-14");
  assert.equal(span("nine_months"), "2022-12-15..2023-09-14");
  assert.equal(span("year"), "2022-12-15..2023-12-14");
});

test("the regime in force is chosen by date", () => {
  assert.equal(regimeInForce("2021-05-09"), null);
  assert.equal(regimeInForce("2021-05-10")?.code, "TT02/2021");
  assert.equal(regimeInForce("2024-03-04")?.code, "TT02/2021");
  assert.equal(regimeInForce("2024-03-05")?.code, "TT01/2024");
  assert.equal(regimeInForce("2025-09-29")?.code, "TT01/2024");
  assert.equal(regimeInForce("2025-09-30")?.code, "TT06/2025");
});

test("a {from, to} is a period of the regime in force on its last day, or none", () => {
  const q1 = classifyPeriod("2023-12-15", "2024-03-14");
  assert.equal(q1?.kind, "quarter");
  assert.equal(q1?.n, 1);
  assert.equal(q1?.year, 2024);
  assert.equal(q1?.regime, "TT01/2024"); // ends 14/03/2024, after 05/03/2024
  assert.equal(classifyPeriod("2023-03-15", "2023-06-14")?.regime, "TT02/2021");
  assert.equal(classifyPeriod("2025-12-15", "2026-12-14")?.kind, "year");
  assert.equal(classifyPeriod("2025-12-15", "2026-09-14")?.kind, "nine_months");
  // Calendar quarters and years are not the regime's periods.
  assert.equal(classifyPeriod("2023-01-01", "2023-03-31"), null);
  assert.equal(classifyPeriod("2023-01-01", "2023-12-31"), null);
  // Reversed or malformed.
  assert.equal(classifyPeriod("2023-06-14", "2023-03-15"), null);
  assert.equal(classifyPeriod("2023-02-30", "2023-06-14"), null);
  // Months are a period only under TT 06/2025 (in force for periods ending from 30/09/2025).
  assert.equal(classifyPeriod("2025-09-15", "2025-10-14")?.kind, "month");
  assert.equal(classifyPeriod("2025-08-15", "2025-09-14"), null);
  assert.equal(classifyPeriod("2026-01-15", "2026-02-14")?.label, "Tháng 2/2026");
});

test("the periods of a year are listed in order, 4 quarters and 3 cumulative ones before TT 06/2025", () => {
  const p2023 = periodsOfYear(2023);
  assert.deepEqual(
    p2023.map((p) => p.label),
    [
      "Quý I/2023",
      "Quý II/2023",
      "Quý III/2023",
      "Quý IV/2023",
      "6 tháng đầu năm 2023",
      "9 tháng năm 2023",
      "Năm 2023",
    ],
  );
  assert.equal(periodsOfYear(2026).filter((p) => p.kind === "month").length, 12);
});

test("the period before: the previous quarter, or the previous year for cumulative periods", () => {
  const r = regime("TT02/2021");
  const prevQ1 = previousPeriod(periodOf(r, "quarter", 2023, 1))!;
  assert.equal(`${prevQ1.from}..${prevQ1.to}`, "2022-09-15..2022-12-14");
  const prevQ3 = previousPeriod(periodOf(r, "quarter", 2023, 3))!;
  assert.equal(`${prevQ3.from}..${prevQ3.to}`, "2023-03-15..2023-06-14");
  const prevHalf = previousPeriod(periodOf(r, "half_year", 2023))!;
  assert.equal(`${prevHalf.kind} ${prevHalf.from}..${prevHalf.to}`, "year 2021-12-15..2022-12-14");
});

test("every form column names an indicator of the catalogue, every condition a known column", () => {
  assert.deepEqual(unknownIndicators(), []);
  for (const ind of Object.values(INDICATORS)) {
    const allowed: readonly string[] = SOURCE_COLUMNS[ind.source];
    for (const c of ind.where) assert.ok(allowed.includes(c.col), `${ind.code}: ${c.col}`);
    assert.match(ind.code, /^[a-z]+(_[a-z]+)*$/);
  }
  assert.equal(INDICATORS.petitions_received?.measure, "count");
  assert.equal(INDICATORS.matters_received?.measure, "matters");
  assert.deepEqual(
    FORMS["02/XLD"]!.columns.map((c) => c.no),
    Array.from({ length: 22 }, (_, i) => i + 1),
  );
});
