/**
 * The steps a leader signs in the system (decision, extension, conclusion): a drafted paper holds
 * the record — no step may be taken, the findings are locked while the conclusion waits — and the
 * paper's form tells which step its issue completes.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  allowedInspectionActions,
  awaitingPaper,
  checkInspectionStep,
  DEFAULT_INSPECTION_DURATIONS,
  DomainError,
  findingsEditable,
  inspectionTransition,
  proposedFacts,
  signedStepOf,
} from "../src/index.ts";

const d = DEFAULT_INSPECTION_DURATIONS.province;
const ctx = { today: "2026-12-07", durations: d };

test("a decision awaiting signature holds the record; issued, the step is taken with its number", () => {
  const proposed = proposedFacts();
  checkInspectionStep(proposed, "decide", d);
  const held = awaitingPaper(proposed, { action: "decide", documentId: "doc-1", draftedOn: "2026-03-01" });
  assert.equal(held.state, "PROPOSED");
  assert.deepEqual(allowedInspectionActions(held, d), []);
  assert.throws(
    () => checkInspectionStep(held, "decide", d),
    (e: unknown) =>
      e instanceof DomainError &&
      e.code === "INSPECTION_STEP_OUT_OF_ORDER" &&
      /Chờ lãnh đạo ký quyết định thanh tra/.test(e.message),
  );
  assert.equal(proposed.awaiting, undefined, "the facts drafted from are not changed");
  const decided = inspectionTransition(
    { ...held, awaiting: null },
    { action: "decide", date: "2026-03-02", number: "12/QĐ-TTr" },
    ctx,
  );
  assert.deepEqual([decided.state, decided.decisionNumber, decided.decidedOn], ["DECIDED", "12/QĐ-TTr", "2026-03-02"]);
});

test("the conclusion awaiting signature locks the findings; an extension keeps the register's number", () => {
  let f = inspectionTransition(proposedFacts(), { action: "decide", date: "2026-03-02", number: "1/QĐ-TTr" }, ctx);
  f = inspectionTransition(f, { action: "approve_plan", date: "2026-03-03" }, ctx);
  f = inspectionTransition(f, { action: "announce", date: "2026-03-04" }, ctx);
  const extended = inspectionTransition(
    f,
    { action: "extend", date: "2026-04-01", ground: "complex", note: null, number: "7/QĐ-TTr" },
    ctx,
  );
  assert.equal(extended.extensions[0]!.number, "7/QĐ-TTr");
  assert.equal(findingsEditable(f), true);
  const held = awaitingPaper(f, { action: "sign", documentId: "doc-2", draftedOn: "2026-04-02" });
  assert.equal(findingsEditable(held), false);
});

test("the paper's form tells the step its issue completes", () => {
  assert.equal(signedStepOf("TTr-QD"), "decide");
  assert.equal(signedStepOf("TTr-GH"), "extend");
  assert.equal(signedStepOf("TTr-KL"), "sign");
  assert.equal(signedStepOf("TTr-CD"), "direct");
  assert.equal(signedStepOf("TTr-TBCK"), null);
  assert.equal(signedStepOf("TTr-DD"), null);
});

test("the conclusion is neither drafted nor signed while a sanction decision waits for its signature (docs/LAW.md §8.7)", () => {
  let f = inspectionTransition(proposedFacts(), { action: "decide", date: "2026-03-02", number: "1/QĐ-TTr" }, ctx);
  for (const [action, date] of [
    ["approve_plan", "2026-03-03"],
    ["announce", "2026-03-04"],
    ["end_onsite", "2026-04-01"],
    ["report", "2026-04-02"],
    ["assign_draft", "2026-04-03"],
    ["submit_draft", "2026-04-10"],
    ["appraise", "2026-04-14"],
  ] as const)
    f = inspectionTransition(f, { action, date } as never, ctx);
  const waiting = {
    ...f,
    pendingSanctions: [
      {
        documentId: "xp-1",
        subjectId: "s-1",
        targetKind: "organisation" as const,
        targetName: "Công ty TNHH Xăng dầu Mường Khương",
        fine: 12_500_000,
        additionalMeasures: null,
      },
    ],
  };
  const refused = (e: unknown) =>
    e instanceof DomainError &&
    e.code === "INSPECTION_STEP_OUT_OF_ORDER" &&
    e.field === "action" &&
    e.message.includes("Công ty TNHH Xăng dầu Mường Khương (12.500.000 đồng) đang chờ ký");
  assert.throws(() => checkInspectionStep(waiting, "sign", d), refused);
  assert.throws(
    () => inspectionTransition(waiting, { action: "sign", date: "2026-04-20", number: "5/KL-TTr" }, ctx),
    refused,
  );
  // Still offered, so the refusal says why; the other steps are not concerned.
  assert.ok(allowedInspectionActions(waiting, d).includes("sign"));
  // Signed (or its draft cancelled), nothing waits: the conclusion goes ahead.
  checkInspectionStep({ ...waiting, pendingSanctions: [] }, "sign", d);
  const signed = inspectionTransition(f, { action: "sign", date: "2026-04-20", number: "5/KL-TTr" }, ctx);
  assert.equal(signed.state, "SIGNED");
});
