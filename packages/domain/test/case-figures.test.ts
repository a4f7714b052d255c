/**
 * The report figures of a case (cases/figures.ts), worked out by hand from the steps taken: which
 * fact gives which figure, and which figures stay empty until the case is decided or concluded.
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { buildCalendar, SEED_NOTICES } from "../src/calendar/index.ts";
import {
  caseEnding,
  caseFigures,
  caseTransition,
  openCase,
  type CaseActionInput,
  type CaseFacts,
} from "../src/cases/index.ts";

const calendar = buildCalendar(SEED_NOTICES);

function run(facts: CaseFacts, today: string, ...steps: CaseActionInput[]): CaseFacts {
  let f = facts;
  for (const s of steps) {
    const r = caseTransition(f, s, { calendar, today });
    assert.deepEqual(
      r.problems.filter((p) => p.severity === "error"),
      [],
      `${s.action} refused`,
    );
    f = r.facts!;
  }
  return f;
}

const complaint = (instance: 1 | 2 = 1): CaseFacts =>
  openCase(
    instance === 2
      ? {
          kind: "complaint",
          receivedOn: "2026-10-26",
          instance: 2,
          firstInstance: { decisionNumber: "7/QĐ-UBND", decisionDate: "2026-10-01", decidedBy: "Chủ tịch UBND xã" },
        }
      : { kind: "complaint", receivedOn: "2026-10-26", instance: 1 },
    { calendar, today: "2026-10-26" },
  ).facts!;

const ACCEPT: CaseActionInput = { action: "accept", on: "2026-11-02", grounds: [], learnedOn: "2026-10-20" };
const VERIFY: CaseActionInput[] = [
  { action: "assign_verification", on: "2026-11-03", assignee: { kind: "person", name: "Nguyễn Văn An" } },
  { action: "record_verification", on: "2026-11-20", summary: "Kết quả xác minh", differsFromDemand: true },
  {
    action: "hold_dialogue",
    on: "2026-11-25",
    participants: ["Người khiếu nại", "Người giải quyết"],
    agreedPoints: "Diện tích",
    disputedPoints: "Mức bồi thường",
  },
];
const decide = (date: string, extra: Partial<CaseActionInput> = {}): CaseActionInput =>
  ({
    action: "decide",
    issuedOutside: true,
    number: "15/QĐ-UBND",
    date,
    signer: "Chủ tịch UBND xã",
    outcome: "partly_right",
    amounts: { moneyToState: 10, moneyToOthers: 120.5, landToOthers: 250, restoredIndividuals: 1 },
    ...extra,
  }) as CaseActionInput;

describe("case figures", () => {
  test("a complaint being resolved counts where it stands, no outcome nor amounts yet", () => {
    const f = run(complaint(), "2026-11-25", ACCEPT, ...VERIFY);
    const figures = caseFigures(f, "2026-12-02");
    assert.equal(caseEnding(f), null);
    assert.equal(figures.kind, "complaint");
    assert.equal(figures.instance, 1);
    assert.equal(figures.receivedOn, "2026-10-26");
    assert.equal(figures.acceptedOn, "2026-11-02");
    assert.equal(figures.endedBy, null);
    assert.equal(figures.endedOn, null);
    assert.equal(figures.outcome, null);
    // The due date is only kept for an ended resolution: being resolved is not yet on time or late.
    assert.equal(figures.resolutionDueOn, null);
    assert.equal(figures.onTime, null);
    assert.equal(figures.dialogues, 1);
    assert.equal(figures.moneyToOthers, 0);
  });

  test("a decided complaint: outcome, amounts, on time, enforcement", () => {
    let f = run(complaint(), "2026-11-30", ACCEPT, ...VERIFY, decide("2026-11-30"));
    f = run(f, "2026-12-10", {
      action: "record_enforcement",
      on: "2026-12-10",
      responsible: "UBND xã",
      done: "Đã trả một phần",
      moneyReturned: 20.25,
      landReturned: 100,
    });
    f = run(f, "2026-12-12", {
      action: "record_enforcement",
      on: "2026-12-12",
      responsible: "UBND xã",
      done: "Đã trả hết",
      moneyReturned: 100.25,
      landReturned: 150,
      completed: true,
    });
    // Due Wed 02/12/2026 (30 days from 02/11), decided Mon 30/11: on time.
    assert.deepEqual(caseFigures(f, "2026-12-02"), {
      kind: "complaint",
      instance: 1,
      repeated: false,
      receivedOn: "2026-10-26",
      acceptedOn: "2026-11-02",
      endedBy: "decided",
      endedOn: "2026-11-30",
      outcome: "partly_right",
      firstDecisionUpheld: null,
      resolutionDueOn: "2026-12-02",
      onTime: true,
      dialogues: 1,
      moneyToState: 10,
      moneyToOthers: 120.5,
      landToState: 0,
      landToOthers: 250,
      restoredOrganisations: 0,
      restoredIndividuals: 1,
      disciplineRecommended: 0,
      disciplineCadres: 0,
      investigationCases: 0,
      investigationPersons: 0,
      moneyReturned: 120.5,
      landReturned: 250,
      enforcementCompleted: true,
    });
    // The last day itself is on time; the day after is late; an unknown due date is neither.
    assert.equal(caseFigures(f, "2026-11-30").onTime, true);
    assert.equal(caseFigures(f, "2026-11-29").onTime, false);
    assert.equal(caseFigures(f, null).onTime, null);
  });

  test("second instance: the first decision upheld or not", () => {
    const f = run(complaint(2), "2026-11-30", ACCEPT, ...VERIFY, decide("2026-11-30", { firstDecisionUpheld: false }));
    const figures = caseFigures(f, "2026-12-17");
    assert.equal(figures.instance, 2);
    assert.equal(figures.firstDecisionUpheld, false);
    assert.equal(figures.onTime, true);
  });

  test("withdrawn and terminated complaints end without outcome or amounts", () => {
    const withdrawn = run(complaint(), "2026-11-10", ACCEPT, { action: "withdraw", on: "2026-11-10" });
    assert.deepEqual(caseEnding(withdrawn), { by: "withdrawn", on: "2026-11-10" });
    const w = caseFigures(withdrawn, "2026-12-02");
    assert.equal(w.outcome, null);
    assert.equal(w.onTime, null);
    assert.equal(w.resolutionDueOn, null);

    const terminated = run(complaint(), "2026-11-12", ACCEPT, {
      action: "terminate",
      on: "2026-11-12",
      reason: "Người khiếu nại chết, không có người thừa kế",
    });
    assert.deepEqual(caseEnding(terminated), { by: "terminated", on: "2026-11-12" });
  });

  test("not accepted: ended on the rejection, never accepted", () => {
    const f = run(complaint(), "2026-11-02", {
      action: "reject",
      on: "2026-11-02",
      grounds: ["unsigned"],
    });
    const figures = caseFigures(f, null);
    assert.equal(figures.endedBy, "not_accepted");
    assert.equal(figures.endedOn, "2026-11-02");
    assert.equal(figures.acceptedOn, null);
  });

  test("a concluded repeated denunciation counts apart, with people to discipline", () => {
    const opened = openCase(
      { kind: "denunciation", receivedOn: "2026-03-02", repeatedOf: "00000000-0000-0000-0000-000000000001" },
      { calendar, today: "2026-03-02" },
    );
    assert.deepEqual(
      opened.problems.filter((p) => p.severity === "error"),
      [],
    );
    const f = run(
      opened.facts!,
      "2026-04-20",
      {
        action: "accept",
        on: "2026-03-10",
        conditions: { withinCompetence: true, denouncerIdentified: true, basisToVerify: true },
      },
      { action: "assign_verification", on: "2026-03-12", assignee: { kind: "team", name: "Đoàn Minh Quân" } },
      { action: "record_verification", on: "2026-04-01", summary: "Báo cáo kết quả xác minh" },
      {
        action: "conclude",
        issuedOutside: true,
        number: "08/KL-UBND",
        date: "2026-04-20",
        signer: "Chủ tịch UBND tỉnh",
        outcome: "right",
        findings: "Nội dung tố cáo đúng",
        amounts: { moneyToState: 350, landToState: 40, disciplineRecommended: 3, disciplineCadres: 2 },
      },
    );
    // Hand: due Thu 09/04/2026 (30 days from 10/03), concluded 20/04: late.
    const figures = caseFigures(f, "2026-04-09");
    assert.equal(figures.kind, "denunciation");
    assert.equal(figures.repeated, true);
    assert.equal(figures.instance, null);
    assert.equal(figures.endedBy, "concluded");
    assert.equal(figures.endedOn, "2026-04-20");
    assert.equal(figures.outcome, "right");
    assert.equal(figures.onTime, false);
    assert.equal(figures.moneyToState, 350);
    assert.equal(figures.landToState, 40);
    assert.equal(figures.disciplineRecommended, 3);
    assert.equal(figures.disciplineCadres, 2);
    assert.equal(figures.dialogues, 0);
  });
});
