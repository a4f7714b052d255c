/**
 * Benchmark harness shared by every scenario. A scenario reports figures through `report`; the
 * harness prints them as a table and appends them as JSON lines to bench/results.jsonl so that
 * runs can be compared over time. Timing belongs here, never in tests.
 */
import { appendFileSync, existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { KeyRing, writeKeyRing, type KeyRingFile } from "../packages/server/src/platform/vault.ts";

export type DbKind = "pglite" | "postgres" | "none";

export interface Figure {
  scenario: string;
  metric: string;
  value: number;
  unit: string;
  db: DbKind;
  at: string;
}

export type Report = (metric: string, value: number, unit: string, db?: DbKind) => void;

export interface Scenario {
  name: string;
  description: string;
  run(report: Report, log: (line: string) => void): Promise<void>;
}

const resultsFile = fileURLToPath(new URL("./results.jsonl", import.meta.url));

export function makeReporter(scenario: string, sink: Figure[]): Report {
  return (metric, value, unit, db = "none") => {
    const figure: Figure = { scenario, metric, value: round(value), unit, db, at: new Date().toISOString() };
    sink.push(figure);
    appendFileSync(resultsFile, JSON.stringify(figure) + "\n");
  };
}

export function round(value: number): number {
  return Math.abs(value) >= 100 ? Math.round(value) : Math.round(value * 1000) / 1000;
}

/** p-th percentile (0–100) of a list of numbers, nearest-rank method. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

/**
 * The key ring of a data set kept in a PostgreSQL schema across runs (BENCH_PG_SCHEMA): its sealed
 * values and blind indexes were written under it, so a later run must use the same ring. Kept in
 * bench/tmp (ignored by git), made on the first run.
 */
export function benchKeyRing(schema: string): KeyRing {
  const file = fileURLToPath(new URL(`./tmp/${schema}.keys.json`, import.meta.url));
  if (existsSync(file)) return new KeyRing(JSON.parse(readFileSync(file, "utf8")) as KeyRingFile);
  const ring = KeyRing.generate("bench");
  writeKeyRing(file, ring);
  return ring;
}
