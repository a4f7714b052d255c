/**
 * Enforcement of a decision (docs/LAW.md §5.6): the order of the steps, amounts within what the
 * decision orders (đồng exact, land to the cm²), dates, and the manual cells' values (§11.12),
 * checked by hand.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  checkEnforcementPlan,
  checkEnforcementStep,
  enforcedDecision,
  enforcementOutstanding,
  enforcementState,
  NO_ENFORCEMENT_ITEMS,
  type CaseFacts,
  type EnforcementStep,
} from "../src/index.ts";
import { MANUAL_CELLS, parseManualValue } from "../src/reports/index.ts";

const due = { ...NO_ENFORCEMENT_ITEMS, moneyToState: 10_000_000, landToOthers: 0.3, discipline: 1 };
const record = { decidedOn: "2023-01-10", due };
const TODAY = "2023-06-01";
const step = (s: Partial<EnforcementStep>): EnforcementStep => ({
  ...NO_ENFORCEMENT_ITEMS,
  kind: "partial",
  on: "2023-02-01",
  evidence: null,
  ...s,
});

test("the first step starts the enforcement, nothing follows done, no second start", () => {
  assert.equal(checkEnforcementStep(record, [], step({ kind: "partial" }), TODAY)?.code, "ENFORCEMENT_STEP_ORDER");
  assert.equal(checkEnforcementStep(record, [], step({ kind: "done" }), TODAY)?.field, "kind");
  assert.equal(checkEnforcementStep(record, [], step({ kind: "started" }), TODAY), null);
  const started = [step({ kind: "started", on: "2023-01-20" })];
  assert.equal(checkEnforcementStep(record, started, step({ kind: "started" }), TODAY)?.code, "ENFORCEMENT_STEP_ORDER");
  assert.equal(checkEnforcementStep(record, started, step({ kind: "partial" }), TODAY), null);
  const done = [...started, step({ kind: "done", evidence: "x" })];
  assert.equal(checkEnforcementStep(record, done, step({ kind: "partial" }), TODAY)?.code, "ENFORCEMENT_STEP_ORDER");
  assert.equal(enforcementState([]), "not_started");
  assert.equal(enforcementState(started), "in_progress");
  assert.equal(enforcementState(done), "done");
});

test("dates: not after today (Vietnam), not before the decision or the previous step", () => {
  const future = checkEnforcementStep(record, [], step({ kind: "started", on: "2023-06-02" }), TODAY);
  assert.deepEqual([future?.code, future?.field], ["ENFORCEMENT_DATE_INVALID", "onDate"]);
  assert.equal(checkEnforcementStep(record, [], step({ kind: "started", on: TODAY }), TODAY), null);
  assert.match(
    checkEnforcementStep(record, [], step({ kind: "started", on: "2023-01-09" }), TODAY)!.message,
    /10\/01\/2023/,
  );
  assert.equal(checkEnforcementStep(record, [], step({ kind: "started", on: "2023-01-10" }), TODAY), null);
  const started = [step({ kind: "started", on: "2023-03-01" })];
  assert.match(checkEnforcementStep(record, started, step({ on: "2023-02-28" }), TODAY)!.message, /01\/03\/2023/);
  assert.equal(checkEnforcementStep(record, started, step({ on: "2023-03-01" }), TODAY), null);
});

test("what all steps achieved stays within the decision, item by item; land to the cm²", () => {
  const started = [step({ kind: "started", moneyToState: 4_000_000, landToOthers: 0.1 })];
  assert.equal(checkEnforcementStep(record, started, step({ moneyToState: 6_000_000 }), TODAY), null);
  const over = checkEnforcementStep(record, started, step({ moneyToState: 6_000_001 }), TODAY);
  assert.deepEqual([over?.code, over?.field], ["ENFORCEMENT_OVER_DUE", "moneyToState"]);
  assert.match(over!.message, /10\.000\.001 đồng/);
  // 0,1 + 0,2 = 0,3 m² exactly (not 0,30000000000000004).
  assert.equal(checkEnforcementStep(record, started, step({ landToOthers: 0.2 }), TODAY), null);
  assert.equal(checkEnforcementStep(record, started, step({ landToOthers: 0.21 }), TODAY)?.field, "landToOthers");
  assert.equal(checkEnforcementStep(record, started, step({ discipline: 2 }), TODAY)?.field, "discipline");
  assert.deepEqual(enforcementOutstanding(due, [...started, step({ landToOthers: 0.2 })]), {
    ...due,
    moneyToState: 6_000_000,
    landToOthers: 0,
  });
});

test("done with something left needs its reason; the plan may not go below what was done", () => {
  const started = [step({ kind: "started", moneyToState: 10_000_000, landToOthers: 0.3 })];
  assert.equal(checkEnforcementStep(record, started, step({ kind: "done" }), TODAY)?.field, "evidence");
  assert.equal(checkEnforcementStep(record, started, step({ kind: "done", discipline: 1 }), TODAY), null);
  assert.equal(
    checkEnforcementStep(record, started, step({ kind: "done", evidence: "Người bị xử lý đã nghỉ hưu" }), TODAY),
    null,
  );
  const lower = checkEnforcementPlan({ ...due, moneyToState: 9_999_999, dueOn: null }, "2023-01-10", started);
  assert.deepEqual([lower?.code, lower?.field], ["ENFORCEMENT_OVER_DUE", "moneyToState"]);
  assert.equal(checkEnforcementPlan({ ...due, dueOn: "2023-01-09" }, "2023-01-10", [])?.field, "dueOn");
  assert.equal(checkEnforcementPlan({ ...due, dueOn: "2023-01-10" }, "2023-01-10", started), null);
});

test("the decision enforced: a complaint's decision, a denunciation's handling decision", () => {
  const complaint = { kind: "complaint", decision: { date: "2023-01-10", number: "12/QĐ" } } as unknown as CaseFacts;
  assert.deepEqual(enforcedDecision(complaint), { on: "2023-01-10", number: "12/QĐ" });
  const concluded = { kind: "denunciation", conclusionHandling: null } as unknown as CaseFacts;
  assert.equal(enforcedDecision(concluded), null);
  const handled = {
    kind: "denunciation",
    conclusionHandling: { on: "2023-02-01", documentNumber: null },
  } as unknown as CaseFacts;
  assert.deepEqual(enforcedDecision(handled), { on: "2023-02-01", number: null });
});

test("manual cells: numbers as Vietnamese write them, refused otherwise with the cell's name", () => {
  const cell = MANUAL_CELLS["06/QLKNTC"]![0]!;
  assert.deepEqual(parseManualValue(cell, "1.250"), { ok: true, value: 1250 });
  assert.deepEqual(parseManualValue(cell, 7), { ok: true, value: 7 });
  assert.deepEqual(parseManualValue(cell, " "), { ok: true, value: null });
  assert.deepEqual(parseManualValue(cell, null), { ok: true, value: null });
  for (const bad of ["abc", "1,2.3", "12a", "1.25", "2,5", -3, 1.5]) {
    const r = parseManualValue(cell, bad);
    assert.equal(r.ok, false, String(bad));
    if (!r.ok) assert.match(r.message, /Thanh tra trách nhiệm: số cuộc/);
  }
  const decimals = { ...cell, integer: false };
  assert.deepEqual(parseManualValue(decimals, "1.250,5"), { ok: true, value: 1250.5 });
  assert.deepEqual(parseManualValue(decimals, "12,35"), { ok: true, value: 12.35 });
  assert.equal(parseManualValue(decimals, "12,345").ok, false);
});

test("the narrative's complaints and denunciations part tells the enforcement, only when there is one", async () => {
  const { narrativeSections } = await import("../src/reports/index.ts");
  const part = (f: Record<string, number>) => narrativeSections(f)[2]!.paragraphs.join(" ");
  assert.doesNotMatch(part({}), /thi hành/);
  const text = part({
    enf_total: 3,
    enf_carried_over: 2,
    enf_new: 1,
    enf_done: 2,
    enf_open_end: 1,
    enf_money_state_done: 3.734567,
  });
  assert.match(text, /phải thi hành 03 quyết định \(kỳ trước chuyển sang 02 quyết định, mới 01 quyết định\)/);
  assert.match(text, /Đã thu hồi cho Nhà nước 3,734567 triệu đồng|Đã thu hồi cho Nhà nước 3,73/);
});
