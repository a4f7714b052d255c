/**
 * The reporting graph, clusters, merge lineage and the roll-up rule (docs/LAW.md §11.8–§11.10),
 * checked by hand on a small map of the 2025 reorganisation:
 *
 *   P (province) ── D (district, ended 30/06/2025) ── C (commune)
 *                └─ S (Department) ── S1 (its unit)
 *
 * Line: C reports to D until 30/06/2025 (no line: the tree), to P from 01/07/2025 (a line).
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  checkNewLine,
  consolidate,
  directReportsOn,
  INDICATORS,
  membersOn,
  predecessorsOf,
  reportingSubtreeOn,
  ROLLUP_ONCE,
  rollupOf,
  superiorOn,
  type ReportingGraph,
} from "../src/reports/index.ts";

const graph: ReportingGraph = {
  agencies: [
    { id: "P", parentId: null },
    { id: "D", parentId: "P" },
    { id: "C", parentId: "D" },
    { id: "S", parentId: "P" },
    { id: "S1", parentId: "S" },
  ],
  lines: [{ id: "l1", agencyId: "C", reportsToId: "P", validFrom: "2025-07-01", validTo: null }],
};

test("who reports to whom on either side of 01/07/2025", () => {
  assert.equal(superiorOn(graph, "C", "2025-06-30"), "D");
  assert.equal(superiorOn(graph, "C", "2025-07-01"), "P");
  assert.equal(superiorOn(graph, "S1", "2025-07-01"), "S", "no line: the tree parent");
  assert.equal(superiorOn(graph, "P", "2025-07-01"), null);
  assert.deepEqual(directReportsOn(graph, "P", "2025-06-30").sort(), ["D", "S"]);
  assert.deepEqual(directReportsOn(graph, "P", "2025-07-01").sort(), ["C", "D", "S"]);
  assert.deepEqual(directReportsOn(graph, "D", "2025-07-01"), []);
});

test("the reporting subtree on a date: the root first, every unit once", () => {
  assert.deepEqual(reportingSubtreeOn(graph, "D", "2025-06-30"), ["D", "C"]);
  assert.deepEqual(reportingSubtreeOn(graph, "D", "2025-07-01"), ["D"]);
  assert.deepEqual(reportingSubtreeOn(graph, "P", "2025-07-01").sort(), ["C", "D", "P", "S", "S1"]);
  // A cycle in the data (X → Y, Y → X) does not loop.
  const cyclic: ReportingGraph = {
    agencies: [
      { id: "X", parentId: null },
      { id: "Y", parentId: null },
    ],
    lines: [
      { agencyId: "X", reportsToId: "Y", validFrom: "2025-01-01", validTo: null },
      { agencyId: "Y", reportsToId: "X", validFrom: "2025-01-01", validTo: null },
    ],
  };
  assert.deepEqual(reportingSubtreeOn(cyclic, "X", "2025-02-01"), ["X", "Y"]);
});

test("a new line may not overlap another line of the same unit", () => {
  const existing = [{ id: "l1", agencyId: "C", reportsToId: "D", validFrom: "2020-01-01", validTo: "2025-06-30" }];
  const next = { agencyId: "C", reportsToId: "P", validFrom: "2025-07-01", validTo: null };
  assert.equal(checkNewLine(existing, next), null, "the day after the end is free");
  assert.deepEqual(checkNewLine(existing, { ...next, validFrom: "2025-06-30" }), {
    code: "REPORTING_LINE_OVERLAP",
    field: "validFrom",
  });
  // An open-ended line covers every later day.
  const open = [{ id: "l2", agencyId: "C", reportsToId: "P", validFrom: "2025-07-01", validTo: null }];
  assert.equal(checkNewLine(open, { ...next, validFrom: "2030-01-01" })?.code, "REPORTING_LINE_OVERLAP");
  // Ending before 2025-07-01 does not touch it.
  assert.equal(checkNewLine(open, { ...next, validFrom: "2024-01-01", validTo: "2025-06-30" }), null);
  // Another unit's line is no obstacle.
  assert.equal(checkNewLine(open, { ...next, agencyId: "S1", validFrom: "2026-01-01" }), null);
  assert.equal(checkNewLine([], { ...next, reportsToId: "C" })?.code, "REPORTING_LINE_SELF");
  assert.equal(checkNewLine([], { ...next, validTo: "2025-06-30" })?.field, "validTo");
});

test("cluster members on a date and the merge lineage", () => {
  const members = [
    { agencyId: "LC", validFrom: "2025-07-01", validTo: null },
    { agencyId: "YB", validFrom: "2020-01-01", validTo: "2025-06-30" },
  ];
  assert.deepEqual(membersOn(members, "2025-06-30"), ["YB"]);
  assert.deepEqual(membersOn(members, "2025-12-14"), ["LC"]);
  const lineage = [
    { predecessorId: "YB", successorId: "LC" },
    { predecessorId: "LC_OLD", successorId: "LC" },
    { predecessorId: "LC_OLDER", successorId: "LC_OLD" },
  ];
  assert.deepEqual(predecessorsOf(lineage, "LC").sort(), ["LC_OLD", "LC_OLDER", "YB"]);
  assert.deepEqual(predecessorsOf(lineage, "YB"), []);
});

test("roll-up: every `once` indicator is a petition indicator; transfers and other sources add up", () => {
  for (const code of ROLLUP_ONCE) {
    assert.ok(INDICATORS[code], code);
    assert.equal(INDICATORS[code]!.source, "petition", code);
    assert.equal(rollupOf(code), "once");
  }
  assert.equal(rollupOf("petitions_transferred"), "sum");
  assert.equal(rollupOf("visits"), "sum");
  assert.equal(INDICATORS.complaints_first_upheld?.source, "case");
  assert.equal(rollupOf("complaints_first_upheld"), "sum");
});

test("consolidate: total = plain sum − intra-scope duplicates of the once indicators", () => {
  // Department: received 2 (A1 transferred to the Inspectorate, A2); Inspectorate: received 2 (B1 = A1, B2).
  const rows = [
    { petitions_received: 2, petitions_transferred: 1, insp_money: 0.1 },
    { petitions_received: 2, petitions_transferred: 0, insp_money: 0.2 },
  ];
  const dup = { petitions_received: 1, petitions_transferred: 1 };
  const c = consolidate(["petitions_received", "petitions_transferred", "insp_money"], rows, dup);
  assert.equal(c.plainSum.petitions_received, 4);
  assert.equal(c.adjustment.petitions_received, 1);
  assert.equal(c.total.petitions_received, 3);
  // A transfer is the sender's act: it is never taken off.
  assert.equal(c.total.petitions_transferred, 1);
  assert.equal(c.adjustment.petitions_transferred, undefined);
  // Millions from whole đồng: 0,1 + 0,2 is 0,3 exactly.
  assert.equal(c.total.insp_money, 0.3);
});
