/**
 * Complaint cases (Luật Khiếu nại 2011, Nghị định 124/2020/NĐ-CP): the procedure end to end, the
 * guards, and due dates worked out by hand on the 2026 calendar (notice2026) in the comments —
 * calendar days, the start day not counted, a last day on a rest day rolled to the next working day
 * (Điều 147–148 Bộ luật Dân sự 2015).
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { buildCalendar, SEED_NOTICES } from "../src/calendar/index.ts";
import { computeDue } from "../src/deadlines/index.ts";
import {
  allowedCaseActions,
  caseDeadlines,
  caseMainDue,
  caseTransition,
  openCase,
  type CaseActionInput,
  type CaseContext,
  type CaseFacts,
} from "../src/cases/index.ts";

const calendar = buildCalendar(SEED_NOTICES);
const ctx = (today: string): CaseContext => ({ calendar, today });

function opened(input: Parameters<typeof openCase>[0], today = "2026-12-31"): CaseFacts {
  const r = openCase(input, ctx(today));
  assert.deepEqual(r.problems, []);
  assert.ok(r.facts);
  return r.facts;
}

/** Applies steps that must succeed (warnings allowed); returns the facts after the last. */
function run(facts: CaseFacts, today: string, ...steps: CaseActionInput[]): CaseFacts {
  let f = facts;
  for (const s of steps) {
    const r = caseTransition(f, s, ctx(today));
    assert.deepEqual(
      r.problems.filter((p) => p.severity === "error"),
      [],
      `${s.action} refused`,
    );
    assert.ok(r.facts);
    f = r.facts;
  }
  return f;
}

function refused(facts: CaseFacts, today: string, input: CaseActionInput) {
  const before = JSON.stringify(facts);
  const r = caseTransition(facts, input, ctx(today));
  assert.equal(r.facts, null, `${input.action} should be refused`);
  assert.equal(r.documentForm, null);
  assert.equal(JSON.stringify(facts), before, "facts untouched");
  return r.problems;
}

const codes = (problems: readonly { code: string }[]) => problems.map((p) => p.code);
const due = (f: CaseFacts) => caseMainDue(f, calendar)?.due ?? null;

// Received Mon 26/10/2026; the complainant learned of the decision on Sat 01/08/2026.
const FIRST = { kind: "complaint", receivedOn: "2026-10-26", instance: 1 } as const;
const ACCEPT: CaseActionInput = { action: "accept", on: "2026-11-02", grounds: [], learnedOn: "2026-08-01" };

describe("complaint, first instance, end to end", () => {
  test("accept → verify → dialogue → decide → enforce → close", () => {
    let f = opened(FIRST);
    assert.equal(f.state, "AWAITING_ACCEPTANCE");
    // Acceptance: 10 days from Mon 26/10/2026 — days 1–5 are 27–31/10, days 6–10 are 01–05/11: Thu 05/11.
    assert.deepEqual(caseMainDue(f, calendar), {
      ruleId: "complaint.accept",
      input: { rule: "complaint.accept", from: "2026-10-26" },
      due: "2026-11-05",
    });
    assert.deepEqual(allowedCaseActions(f, ctx("2026-11-02")), ["accept", "reject", "set_flags", "withdraw"]);

    // Limitation: 90 days from 01/08 — 02–31/08 are days 1–30, September 31–60, 01–30/10 61–90:
    // Fri 30/10/2026, after the receipt on 26/10, so within time (Điều 9).
    const snapshot = JSON.stringify(f);
    const accepted = caseTransition(f, ACCEPT, ctx("2026-11-02"));
    assert.equal(JSON.stringify(f), snapshot, "an allowed step returns new facts, the old ones are untouched");
    assert.deepEqual(accepted.problems, []);
    assert.equal(accepted.documentForm, "KN-TL");
    f = accepted.facts!;
    assert.equal(f.state, "ACCEPTED");
    assert.equal(f.acceptedOn, "2026-11-02");
    // Resolution, 30 days from Mon 02/11: 03–30/11 are days 1–28, 01/12 day 29, Wed 02/12 day 30.
    assert.equal(due(f), "2026-12-02");
    assert.equal(caseMainDue(f, calendar)?.ruleId, "complaint.resolve.first");

    const assigned = caseTransition(
      f,
      {
        action: "assign_verification",
        on: "2026-11-03",
        assignee: { kind: "team", name: "Nguyễn Văn An", members: ["Trần Thị Bình", " "] },
        plan: "Xác minh hồ sơ cấp giấy chứng nhận",
      },
      ctx("2026-11-03"),
    );
    assert.equal(assigned.documentForm, "KN-GXM");
    f = assigned.facts!;
    assert.equal(f.state, "VERIFYING");
    assert.deepEqual(f.verification?.assignee, { kind: "team", name: "Nguyễn Văn An", members: ["Trần Thị Bình"] });

    f = run(f, "2026-11-20", {
      action: "record_verification",
      on: "2026-11-20",
      summary: "Quyết định thu hồi đất đúng một phần",
      differsFromDemand: true,
    });
    assert.equal(f.state, "VERIFIED");

    // The result differs from the demand: dialogue first (khoản 1 Điều 30 Luật Khiếu nại).
    assert.ok(!allowedCaseActions(f, ctx("2026-11-20")).includes("decide"));
    // Drafted here: no number nor signer until the leader signs it (they come from the register).
    const decision: CaseActionInput = {
      action: "decide",
      date: "2026-11-30",
      outcome: "partly_right",
      amounts: { moneyToOthers: 120.5, landToOthers: 250, restoredIndividuals: 1 },
    };
    const skipped = refused(f, "2026-11-30", decision);
    assert.deepEqual(codes(skipped), ["DIALOGUE_REQUIRED"]);
    assert.match(skipped[0]!.message, /^Chưa tổ chức đối thoại/);
    assert.equal(skipped[0]!.basis, "Khoản 1 Điều 30 Luật Khiếu nại 2011");

    const dialogue = caseTransition(
      f,
      {
        action: "hold_dialogue",
        on: "2026-11-25",
        participants: ["Chủ tịch UBND xã", "Người khiếu nại", "Công chức địa chính"],
        agreedPoints: "Diện tích đo đạc lại 250 m²",
        disputedPoints: "Mức bồi thường",
      },
      ctx("2026-11-25"),
    );
    assert.equal(dialogue.documentForm, "KN-BBDT");
    f = dialogue.facts!;
    assert.equal(f.state, "DIALOGUE_HELD");
    assert.ok(allowedCaseActions(f, ctx("2026-11-25")).includes("decide"));

    const decided = caseTransition(f, decision, ctx("2026-11-30"));
    assert.deepEqual(decided.problems, [], "decided on 30/11, before the due date 02/12");
    assert.equal(decided.documentForm, "KN-QD");
    f = decided.facts!;
    assert.equal(f.state, "DECIDED");
    assert.equal(f.outcome, "partly_right");
    assert.equal(f.decision?.amounts.moneyToOthers, 120.5);
    assert.equal(f.decision?.amounts.moneyToState, 0);
    assert.equal(f.decision?.firstDecisionUpheld, null);
    assert.equal(caseMainDue(f, calendar), null, "no clock runs after the decision");
    assert.deepEqual(
      caseDeadlines(f).map((d) => [d.key, d.open]),
      [
        ["acceptance", false],
        ["resolution", false],
      ],
    );

    f = run(f, "2026-12-10", {
      action: "record_enforcement",
      on: "2026-12-10",
      responsible: "UBND xã Tân Lập",
      dueOn: "2026-12-31",
      done: "Đã chi trả tiền bồi thường và bàn giao đất",
      moneyReturned: 120.5,
      landReturned: 250,
      completed: true,
    });
    assert.equal(f.enforcement.length, 1);
    assert.equal(f.state, "DECIDED");

    const closed = caseTransition(f, { action: "close", on: "2026-12-15" }, ctx("2026-12-15"));
    assert.deepEqual(closed.problems, []);
    f = closed.facts!;
    assert.equal(f.state, "CLOSED");
    assert.equal(f.closedOn, "2026-12-15");
    assert.deepEqual(
      f.history.map((h) => [h.action, h.on, h.form]),
      [
        ["open", "2026-10-26", null],
        ["accept", "2026-11-02", "KN-TL"],
        ["assign_verification", "2026-11-03", "KN-GXM"],
        ["record_verification", "2026-11-20", null],
        ["hold_dialogue", "2026-11-25", "KN-BBDT"],
        ["decide", "2026-11-30", "KN-QD"],
        ["record_enforcement", "2026-12-10", null],
        ["close", "2026-12-15", null],
      ],
    );
    assert.deepEqual(allowedCaseActions(f, ctx("2026-12-15")), ["publish"]);
    // The facts are JSON: they survive the jsonb column unchanged.
    assert.deepEqual(JSON.parse(JSON.stringify(f)), f);
  });

  test("a first instance where verification agrees with the demand needs no dialogue", () => {
    const f = run(
      opened(FIRST),
      "2026-11-30",
      ACCEPT,
      { action: "assign_verification", on: "2026-11-03", assignee: { kind: "person", name: "Lê Văn Cường" } },
      { action: "record_verification", on: "2026-11-20", summary: "Đúng như đơn", differsFromDemand: false },
      {
        action: "decide",
        issuedOutside: true,
        number: "16/QĐ",
        date: "2026-11-30",
        signer: "Chủ tịch",
        outcome: "right",
      },
    );
    assert.equal(f.state, "DECIDED");
    assert.equal(f.dialogues.length, 0);
  });

  test("closing with money to return but no completed enforcement warns", () => {
    const f = run(
      opened(FIRST),
      "2026-11-30",
      ACCEPT,
      { action: "assign_verification", on: "2026-11-03", assignee: { kind: "person", name: "Lê Văn Cường" } },
      { action: "record_verification", on: "2026-11-20", summary: "Đúng", differsFromDemand: false },
      {
        action: "decide",
        issuedOutside: true,
        number: "16/QĐ",
        date: "2026-11-30",
        signer: "Chủ tịch",
        outcome: "right",
        amounts: { moneyToOthers: 10 },
      },
    );
    const r = caseTransition(f, { action: "close", on: "2026-12-01" }, ctx("2026-12-01"));
    assert.equal(r.facts?.state, "CLOSED");
    assert.deepEqual(codes(r.problems), ["ENFORCEMENT_NOT_RECORDED"]);
    assert.equal(r.problems[0]?.severity, "warning");
  });
});

describe("complaint, second instance", () => {
  // First-instance decision of Mon 02/02/2026, received by the complainant Thu 05/02; second
  // complaint received Tue 24/02/2026.
  const SECOND = {
    kind: "complaint",
    receivedOn: "2026-02-24",
    instance: 2,
    firstInstance: { decisionNumber: "20/QĐ-UBND", decisionDate: "2026-02-02", decidedBy: "Chủ tịch UBND xã An Bình" },
  } as const;

  test("refused without the first-instance decision (Điều 33 Luật Khiếu nại)", () => {
    const r = openCase({ kind: "complaint", receivedOn: "2026-02-24", instance: 2 }, ctx("2026-03-02"));
    assert.equal(r.facts, null);
    assert.deepEqual(codes(r.problems), ["FIRST_INSTANCE_REQUIRED"]);
    assert.match(r.problems[0]!.message, /^Khiếu nại lần hai phải nêu quyết định giải quyết lần đầu/);
    const partial = openCase(
      { ...SECOND, firstInstance: { decisionNumber: " ", decisionDate: "2026-02-02", decidedBy: "" } },
      ctx("2026-03-02"),
    );
    assert.deepEqual(
      partial.problems.map((p) => p.field),
      ["firstInstance.decisionNumber", "firstInstance.decidedBy"],
    );
    const after = openCase(
      { ...SECOND, firstInstance: { ...SECOND.firstInstance, decisionDate: "2026-02-25" } },
      ctx("2026-03-02"),
    );
    assert.deepEqual(codes(after.problems), ["DATE_AFTER_RECEIPT"]);
  });

  test("accept → verify → dialogue (mandatory) → decide → publish → close; due dates", () => {
    let f = opened(SECOND, "2026-03-02");
    assert.equal(f.firstInstance?.decisionNumber, "20/QĐ-UBND");
    // Acceptance at second instance: 10 days from Tue 24/02 — 25–28/02 days 1–4, 01–06/03 days 5–10: Fri 06/03.
    assert.deepEqual(caseMainDue(f, calendar), {
      ruleId: "complaint.accept.second",
      input: { rule: "complaint.accept.second", from: "2026-02-24" },
      due: "2026-03-06",
    });
    // Window for the second complaint (Điều 33): 30 days from Thu 05/02 — 06–28/02 days 1–23,
    // 01–07/03 days 24–30: Sat 07/03 → Mon 09/03. Received 24/02: in time.
    assert.equal(computeDue({ rule: "complaint.reappeal.window", from: "2026-02-05" }, { calendar }), "2026-03-09");
    f = run(f, "2026-03-02", { action: "accept", on: "2026-03-02", learnedOn: "2026-02-05" });
    // Resolution, second instance: 45 days from Mon 02/03 — 03–31/03 days 1–29, 01–16/04 days 30–45: Thu 16/04.
    assert.equal(due(f), "2026-04-16");
    f = run(
      f,
      "2026-04-10",
      { action: "assign_verification", on: "2026-03-03", assignee: { kind: "person", name: "Phạm Thu Hà" } },
      { action: "record_verification", on: "2026-03-31", summary: "Kết quả xác minh", differsFromDemand: false },
    );

    const decision: CaseActionInput = {
      action: "decide",
      issuedOutside: true,
      number: "05/QĐ-UBND",
      date: "2026-04-10",
      signer: "Chủ tịch UBND tỉnh",
      outcome: "wrong",
      firstDecisionUpheld: true,
    };
    // Dialogue is mandatory at second instance even when the result agrees with the demand.
    const skipped = refused(f, "2026-04-10", decision);
    assert.deepEqual(codes(skipped), ["DIALOGUE_REQUIRED"]);
    assert.match(skipped[0]!.message, /^Chưa tổ chức đối thoại: giải quyết khiếu nại lần hai/);
    assert.match(skipped[0]!.basis ?? "", /khoản 1 Điều 28 Nghị định 124\/2020\/NĐ-CP/i);

    f = run(f, "2026-04-10", {
      action: "hold_dialogue",
      on: "2026-04-03",
      participants: ["Phó Chủ tịch UBND tỉnh", "Người khiếu nại"],
      agreedPoints: "",
      disputedPoints: "Người khiếu nại giữ yêu cầu",
    });
    // Before the dialogue's date, or without saying whether the first decision stands: refused.
    assert.deepEqual(codes(refused(f, "2026-04-10", { ...decision, date: "2026-04-02" })), ["DATE_TOO_EARLY"]);
    assert.deepEqual(codes(refused(f, "2026-04-10", { ...decision, firstDecisionUpheld: null })), ["UPHELD_REQUIRED"]);
    f = run(f, "2026-04-10", decision);
    assert.equal(f.decision?.firstDecisionUpheld, true);

    // Second-instance decisions must be published before the case is closed.
    const early = refused(f, "2026-04-15", { action: "close", on: "2026-04-15" });
    assert.deepEqual(codes(early), ["PUBLICATION_REQUIRED"]);
    assert.ok(!allowedCaseActions(f, ctx("2026-04-15")).includes("close"));
    f = run(
      f,
      "2026-04-20",
      { action: "publish", on: "2026-04-14", method: "portal", days: 30 },
      { action: "close", on: "2026-04-20" },
    );
    assert.equal(f.state, "CLOSED");
    assert.equal(f.publications[0]?.method, "portal");
  });

  test("the variants of the second instance: remote 60, complex 60, both 70 days", () => {
    let f = run(opened(SECOND, "2026-03-02"), "2026-03-02", {
      action: "accept",
      on: "2026-03-02",
      learnedOn: "2026-02-05",
    });
    f = run(f, "2026-03-02", { action: "set_flags", remote: true, remoteJustification: "Xã đảo", complex: false });
    // 60 days from 02/03: 03–31/03 days 1–29, April 30–59, Fri 01/05 (holiday) day 60 → Mon 04/05.
    assert.equal(due(f), "2026-05-04");
    f = run(f, "2026-03-02", {
      action: "set_flags",
      remote: true,
      remoteJustification: "Xã đảo",
      complex: true,
      complexJustification: "Nhiều người khiếu nại",
    });
    // 70 days: day 60 = 01/05, day 70 = Mon 11/05.
    assert.equal(due(f), "2026-05-11");
  });
});

describe("complaint resolution time limits (Điều 28 Luật Khiếu nại 2011)", () => {
  const accepted = () => run(opened(FIRST), "2026-11-02", ACCEPT);

  test("complex or remote: 45 days from Mon 02/11/2026 = Thu 17/12 (03–30/11 days 1–28, 01–17/12 days 29–45)", () => {
    const complex = run(accepted(), "2026-11-02", {
      action: "set_flags",
      remote: false,
      complex: true,
      complexJustification: "Nhiều nội dung, nhiều cơ quan liên quan",
    });
    assert.equal(complex.flags.complexJustification, "Nhiều nội dung, nhiều cơ quan liên quan");
    assert.deepEqual(caseMainDue(complex, calendar)?.input, {
      rule: "complaint.resolve.first",
      from: "2026-11-02",
      variant: "complex",
    });
    assert.equal(due(complex), "2026-12-17");
    const remote = run(accepted(), "2026-11-02", {
      action: "set_flags",
      remote: true,
      remoteJustification: "Thôn bản vùng cao, đi lại khó khăn",
      complex: false,
    });
    assert.equal(due(remote), "2026-12-17");
  });

  test("a justification is required for each flag set", () => {
    const problems = refused(accepted(), "2026-11-02", {
      action: "set_flags",
      remote: true,
      remoteJustification: "  ",
      complex: true,
    });
    assert.deepEqual(
      problems.map((p) => [p.code, p.field]),
      [
        ["JUSTIFICATION_REQUIRED", "remoteJustification"],
        ["JUSTIFICATION_REQUIRED", "complexJustification"],
      ],
    );
  });

  test("suspension stops the clock: suspended 10–19/11 (resumed 20/11), 02/12 + 10 = Sat 12/12 → Mon 14/12", () => {
    let f = run(accepted(), "2026-11-10", { action: "suspend", on: "2026-11-10", reason: "Chờ kết quả đo đạc lại" });
    assert.equal(f.state, "SUSPENDED");
    assert.equal(f.stateBeforeSuspension, "ACCEPTED");
    // While suspended, no due date is shown and the clock is not open.
    assert.equal(caseMainDue(f, calendar), null);
    const resolution = caseDeadlines(f, { today: "2026-11-15" }).find((d) => d.key === "resolution");
    assert.equal(resolution?.open, false);
    assert.deepEqual(resolution?.input.suspensions, [{ from: "2026-11-10", to: "2026-11-15" }]);
    assert.deepEqual(allowedCaseActions(f, ctx("2026-11-15")), ["set_flags", "resume", "withdraw", "terminate"]);

    assert.deepEqual(codes(refused(f, "2026-11-20", { action: "resume", on: "2026-11-09" })), ["DATE_TOO_EARLY"]);
    const resumed = caseTransition(f, { action: "resume", on: "2026-11-20" }, ctx("2026-11-20"));
    assert.equal(resumed.documentForm, null);
    f = resumed.facts!;
    assert.equal(f.state, "ACCEPTED");
    assert.deepEqual(caseMainDue(f, calendar)?.input.suspensions, [{ from: "2026-11-10", to: "2026-11-19" }]);
    assert.equal(due(f), "2026-12-14");
  });

  test("the suspension prints KN-TDC; it cannot start before acceptance or on a suspended case", () => {
    const r = caseTransition(
      accepted(),
      { action: "suspend", on: "2026-11-10", reason: "Chờ giám định" },
      ctx("2026-11-10"),
    );
    assert.equal(r.documentForm, "KN-TDC");
    assert.deepEqual(codes(refused(accepted(), "2026-11-10", { action: "suspend", on: "2026-11-01", reason: "x" })), [
      "DATE_TOO_EARLY",
    ]);
    const again = refused(r.facts!, "2026-11-11", { action: "suspend", on: "2026-11-11", reason: "x" });
    assert.equal(
      again[0]?.message,
      'Không thể tạm đình chỉ giải quyết khi vụ việc đang ở trạng thái "Tạm đình chỉ giải quyết".',
    );
  });

  test("a late decision is taken, with a warning naming the due date", () => {
    const f = run(
      accepted(),
      "2026-12-10",
      { action: "assign_verification", on: "2026-11-03", assignee: { kind: "person", name: "A" } },
      { action: "record_verification", on: "2026-11-20", summary: "B", differsFromDemand: false },
    );
    const r = caseTransition(
      f,
      { action: "decide", issuedOutside: true, number: "1", date: "2026-12-03", signer: "C", outcome: "wrong" },
      ctx("2026-12-10"),
    );
    assert.equal(r.facts?.state, "DECIDED");
    assert.deepEqual(codes(r.problems), ["RESOLUTION_LATE"]);
    assert.match(r.problems[0]!.message, /hạn 02\/12\/2026/);
  });
});

describe("complaint guards", () => {
  test("no decision before acceptance, nor before verification", () => {
    const decision: CaseActionInput = {
      action: "decide",
      issuedOutside: true,
      number: "1",
      date: "2026-11-02",
      signer: "A",
      outcome: "right",
    };
    const f = opened(FIRST);
    const before = refused(f, "2026-11-02", decision);
    assert.deepEqual(codes(before), ["CASE_NOT_ACCEPTED"]);
    assert.equal(before[0]!.message, "Chưa thụ lý khiếu nại: không thể ra quyết định giải quyết khiếu nại.");
    const accepted = run(f, "2026-11-02", ACCEPT);
    const unverified = refused(accepted, "2026-11-02", decision);
    assert.deepEqual(codes(unverified), ["CASE_NOT_VERIFIED"]);
    assert.equal(
      unverified[0]!.message,
      "Chưa có kết quả xác minh nội dung khiếu nại: không thể ra quyết định giải quyết khiếu nại.",
    );
  });

  test("accepting with a ground of Điều 11 ticked is refused, citing it", () => {
    const problems = refused(opened(FIRST), "2026-11-02", { ...ACCEPT, grounds: ["unsigned"] } as CaseActionInput);
    assert.deepEqual(codes(problems), ["GROUND_TICKED"]);
    assert.equal(problems[0]!.field, "grounds.0");
    assert.equal(problems[0]!.basis, "Khoản 5 Điều 11 Luật Khiếu nại 2011");
    assert.match(problems[0]!.message, /^Khiếu nại thuộc trường hợp không thụ lý: đơn khiếu nại không có chữ ký/);
  });

  test("rejecting needs at least one ground; the notice KN-KTL cites them", () => {
    const f = opened(FIRST);
    const none = refused(f, "2026-11-02", { action: "reject", on: "2026-11-02", grounds: [] });
    assert.deepEqual(codes(none), ["GROUND_REQUIRED"]);
    assert.match(none[0]!.message, /Điều 11 Luật Khiếu nại 2011/);
    assert.deepEqual(
      codes(refused(f, "2026-11-02", { action: "reject", on: "2026-11-02", grounds: ["cannot_verify"] })),
      ["GROUND_UNKNOWN"],
    );
    const r = caseTransition(
      f,
      { action: "reject", on: "2026-11-02", grounds: ["unsigned", "limitation_expired", "unsigned"] },
      ctx("2026-11-02"),
    );
    assert.equal(r.documentForm, "KN-KTL");
    assert.equal(r.facts?.state, "NOT_ACCEPTED");
    assert.deepEqual(r.facts?.rejection?.grounds, ["unsigned", "limitation_expired"]);
    assert.deepEqual(allowedCaseActions(r.facts!, ctx("2026-11-02")), []);
  });

  test("limitation (Điều 9): 90 days from Wed 01/07/2026 end Tue 29/09; a complaint received 26/10 is late", () => {
    // 02–31/07 days 1–30, August 31–61, 01–29/09 days 62–90.
    const late = { ...ACCEPT, learnedOn: "2026-07-01" } as CaseActionInput;
    const problems = refused(opened(FIRST), "2026-11-02", late);
    assert.deepEqual(codes(problems), ["LIMITATION_EXPIRED"]);
    assert.match(
      problems[0]!.message,
      /^Đã hết thời hiệu khiếu nại \(tính từ ngày 01\/07\/2026, hết ngày 29\/09\/2026; đơn nhận ngày 26\/10\/2026\)/,
    );
    assert.equal(problems[0]!.basis, "Điều 9, khoản 6 Điều 11 Luật Khiếu nại 2011");
    // With the objective obstacle given, it is accepted and the reason kept.
    const r = caseTransition(
      opened(FIRST),
      { ...late, forceMajeure: "Nằm viện điều trị từ 15/07 đến 20/10/2026" } as CaseActionInput,
      ctx("2026-11-02"),
    );
    assert.equal(r.facts?.state, "ACCEPTED");
    assert.deepEqual(codes(r.problems), ["LIMITATION_EXCUSED"]);
    assert.equal(r.facts?.acceptance?.forceMajeure, "Nằm viện điều trị từ 15/07 đến 20/10/2026");
  });

  test("the day the decision was learned is required, and not after the receipt", () => {
    const f = opened(FIRST);
    assert.deepEqual(codes(refused(f, "2026-11-02", { action: "accept", on: "2026-11-02" })), ["DATE_INVALID"]);
    assert.deepEqual(codes(refused(f, "2026-11-02", { action: "accept", on: "2026-11-02", learnedOn: "2026-10-27" })), [
      "DATE_AFTER_RECEIPT",
    ]);
  });

  test("late acceptance (after Thu 05/11) is made with a warning", () => {
    const r = caseTransition(opened(FIRST), { ...ACCEPT, on: "2026-11-06" } as CaseActionInput, ctx("2026-11-06"));
    assert.equal(r.facts?.state, "ACCEPTED");
    assert.deepEqual(codes(r.problems), ["ACCEPTANCE_LATE"]);
    assert.equal(
      r.problems[0]!.message,
      "Thụ lý quá thời hạn 10 ngày kể từ ngày nhận đơn (hạn 05/11/2026); ghi rõ lý do chậm.",
    );
  });

  test("dates in the future or before the receipt are refused", () => {
    const f = opened(FIRST);
    const future = refused(f, "2026-11-05", { ...ACCEPT, on: "2026-11-10" } as CaseActionInput);
    assert.deepEqual(codes(future), ["DATE_IN_FUTURE"]);
    assert.equal(future[0]!.message, "Ngày thụ lý (10/11/2026) không được sau ngày hôm nay (05/11/2026).");
    const early = refused(f, "2026-11-05", { ...ACCEPT, on: "2026-10-25" } as CaseActionInput);
    assert.deepEqual(codes(early), ["DATE_TOO_EARLY"]);
    assert.equal(early[0]!.message, "Ngày thụ lý (25/10/2026) không được trước ngày nhận đơn (26/10/2026).");
    const r = openCase({ ...FIRST, receivedOn: "2026-10-27" }, ctx("2026-10-26"));
    assert.equal(r.facts, null);
    assert.deepEqual(codes(r.problems), ["DATE_IN_FUTURE"]);
  });

  test("opening: instance required, no first-instance reference at instance 1, no repeatedOf", () => {
    assert.deepEqual(codes(openCase({ kind: "complaint", receivedOn: "2026-10-26" }, ctx("2026-11-01")).problems), [
      "INSTANCE_REQUIRED",
    ]);
    const r = openCase(
      {
        ...FIRST,
        firstInstance: { decisionNumber: "1", decisionDate: "2026-10-01", decidedBy: "A" },
        repeatedOf: "x",
      },
      ctx("2026-11-01"),
    );
    assert.deepEqual(codes(r.problems), ["REPEATED_ONLY_FOR_DENUNCIATION", "FIRST_INSTANCE_NOT_ALLOWED"]);
  });

  test("flags cannot change after the decision; denunciation steps do not apply", () => {
    const f = run(
      opened(FIRST),
      "2026-11-30",
      ACCEPT,
      { action: "assign_verification", on: "2026-11-03", assignee: { kind: "person", name: "A" } },
      { action: "record_verification", on: "2026-11-20", summary: "B", differsFromDemand: false },
      { action: "decide", issuedOutside: true, number: "1", date: "2026-11-30", signer: "C", outcome: "right" },
    );
    const problems = refused(f, "2026-11-30", { action: "set_flags", remote: false, complex: false });
    assert.deepEqual(codes(problems), ["CASE_WRONG_STATE"]);
    assert.equal(
      problems[0]!.message,
      'Không thể xác định vụ việc phức tạp, ở vùng sâu, vùng xa khi vụ việc đang ở trạng thái "Đã có quyết định giải quyết".',
    );
    const extend = refused(f, "2026-11-30", {
      action: "extend",
      issuedOutside: true,
      decisionNumber: "1",
      decisionDate: "2026-11-30",
      reason: "x",
    });
    assert.deepEqual(codes(extend), ["CASE_KIND_MISMATCH"]);
    assert.equal(extend[0]!.message, '"Gia hạn giải quyết tố cáo" chỉ áp dụng cho vụ việc tố cáo.');
  });

  test("decision figures are checked in the domain too", () => {
    const f = run(
      opened(FIRST),
      "2026-11-30",
      ACCEPT,
      { action: "assign_verification", on: "2026-11-03", assignee: { kind: "person", name: "A" } },
      { action: "record_verification", on: "2026-11-20", summary: "B", differsFromDemand: false },
    );
    const problems = refused(f, "2026-11-30", {
      action: "decide",
      issuedOutside: true,
      number: "1",
      date: "2026-11-30",
      signer: "C",
      outcome: "right",
      firstDecisionUpheld: true,
      amounts: { moneyToState: -1, landToOthers: Number.NaN, disciplineRecommended: 1, disciplineCadres: 2 },
    });
    assert.deepEqual(
      problems.map((p) => [p.code, p.field]),
      [
        ["UPHELD_NOT_ALLOWED", "firstDecisionUpheld"],
        ["AMOUNT_INVALID", "amounts.moneyToState"],
        ["AMOUNT_INVALID", "amounts.landToOthers"],
        ["CADRES_EXCEED_TOTAL", "amounts.disciplineCadres"],
      ],
    );
    assert.equal(problems[1]!.message, "Số tiền kiến nghị thu hồi cho Nhà nước không được âm.");
  });

  test("withdrawal (Điều 10) stops the resolution: KN-DC once accepted, no form before", () => {
    const accepted = run(opened(FIRST), "2026-11-02", ACCEPT);
    const r = caseTransition(accepted, { action: "withdraw", on: "2026-11-05" }, ctx("2026-11-05"));
    assert.equal(r.documentForm, "KN-DC");
    assert.equal(r.facts?.state, "WITHDRAWN");
    assert.equal(caseMainDue(r.facts!, calendar), null);
    const early = caseTransition(opened(FIRST), { action: "withdraw", on: "2026-10-28" }, ctx("2026-10-28"));
    assert.equal(early.facts?.state, "WITHDRAWN");
    assert.equal(early.documentForm, null);
    const t = caseTransition(
      accepted,
      { action: "terminate", on: "2026-11-05", reason: "Người khiếu nại chết" },
      ctx("2026-11-05"),
    );
    assert.equal(t.facts?.state, "TERMINATED");
    assert.equal(t.documentForm, "KN-DC");
    assert.deepEqual(codes(refused(accepted, "2026-11-05", { action: "terminate", on: "2026-11-05", reason: "" })), [
      "TEXT_REQUIRED",
    ]);
  });
});
