import assert from "node:assert/strict";
import { test } from "node:test";
import { blocksPlanItem, needsViolationSign, overlapsOf, type Occurrence } from "../src/index.ts";

const other = (o: Partial<Occurrence>): Occurrence => ({
  subjectId: "s1",
  year: 2026,
  activity: "inspection",
  source: "plan_item",
  sourceId: "p1",
  agencyId: "a2",
  contentField: "Thuế",
  adHoc: false,
  ...o,
});

test("the same enterprise planned twice in a year blocks the plan item (NQ 198/2025, CT 20)", () => {
  const found = overlapsOf(
    { subjectId: "s1", year: 2026, activity: "check", contentField: "Môi trường", adHoc: false },
    [other({}), other({ year: 2025 }), other({ subjectId: "s2" })],
  );
  assert.equal(found.length, 1);
  assert.equal(found[0]!.kind, "same_subject_year");
  assert.equal(found[0]!.weight, "blocking");
  assert.ok(found[0]!.basis.includes("198/2025/QH15"));
  assert.ok(blocksPlanItem(found));
});

test("one content inspected and checked in a year is told apart; ad hoc needs a sign of violation", () => {
  const found = overlapsOf({ subjectId: "s1", year: 2026, activity: "check", contentField: " thuế ", adHoc: true }, [
    other({}),
  ]);
  assert.equal(found[0]!.kind, "same_content");
  assert.equal(found[0]!.weight, "needs_violation_sign");
  assert.ok(needsViolationSign(found));
  assert.ok(!blocksPlanItem(found));
});

test("a State Audit entry asks for coordination, never blocks", () => {
  const found = overlapsOf({ subjectId: "s1", year: 2026, activity: "inspection", contentField: null, adHoc: false }, [
    other({ activity: "state_audit", source: "state_audit_plan" }),
  ]);
  assert.deepEqual(
    found.map((f) => [f.kind, f.weight]),
    [["state_audit", "coordinate"]],
  );
  assert.ok(!blocksPlanItem(found));
});

test("a planned inspection and the plan item it carries out are one activity; another agency's item still counts", () => {
  const existing = [
    other({ agencyId: "a1", sourceId: "item1" }),
    other({ agencyId: "a1", source: "inspection", sourceId: "insp0", carriesOut: "item1" }),
    other({ agencyId: "a2", sourceId: "item2" }),
  ];
  const found = overlapsOf(
    { subjectId: "s1", year: 2026, activity: "inspection", contentField: null, adHoc: false, carriesOut: "item1" },
    existing,
  );
  assert.deepEqual(
    found.map((o) => o.other.sourceId),
    ["item2"],
  );
  const unplanned = overlapsOf(
    { subjectId: "s1", year: 2026, activity: "inspection", contentField: null, adHoc: true },
    existing,
  );
  assert.equal(unplanned.length, 3, "an inspection outside the plan meets all three");
});
