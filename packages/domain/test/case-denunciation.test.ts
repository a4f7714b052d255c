/**
 * Denunciation cases (Luật Tố cáo 2018, Nghị định 31/2019/NĐ-CP): the procedure end to end, the
 * extension rules of Điều 30, and due dates worked out by hand on the 2026 calendar (notice2026).
 * Working days: Monday–Friday except the notice's days off. Calendar days: start day not counted,
 * a last day on a rest day rolled to the next working day (Điều 147–148 Bộ luật Dân sự 2015).
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { buildCalendar, SEED_NOTICES } from "../src/calendar/index.ts";
import {
  allowedCaseActions,
  CASE_ACTIONS,
  CASE_FORMS,
  caseDeadlines,
  caseMainDue,
  caseTransition,
  COMPLAINT_REJECTION_GROUNDS,
  COMPLEXITY_CRITERIA,
  complexityOf,
  DENUNCIATION_REJECTION_GROUNDS,
  openCase,
  PROTECTION_MEASURES,
  type CaseActionInput,
  type CaseContext,
  type CaseFacts,
} from "../src/cases/index.ts";

const calendar = buildCalendar(SEED_NOTICES);
const ctx = (today: string): CaseContext => ({ calendar, today });
const codes = (problems: readonly { code: string }[]) => problems.map((p) => p.code);
const due = (f: CaseFacts) => caseMainDue(f, calendar)?.due ?? null;

function run(facts: CaseFacts, today: string, ...steps: CaseActionInput[]): CaseFacts {
  let f = facts;
  for (const s of steps) {
    const r = caseTransition(f, s, ctx(today));
    assert.deepEqual(
      r.problems.filter((p) => p.severity === "error"),
      [],
      `${s.action} refused`,
    );
    f = r.facts!;
  }
  return f;
}

function refused(facts: CaseFacts, today: string, input: CaseActionInput) {
  const before = JSON.stringify(facts);
  const r = caseTransition(facts, input, ctx(today));
  assert.equal(r.facts, null, `${input.action} should be refused`);
  assert.equal(JSON.stringify(facts), before, "facts untouched");
  return r.problems;
}

// Received Mon 02/03/2026.
const received = (): CaseFacts =>
  openCase({ kind: "denunciation", receivedOn: "2026-03-02" }, ctx("2026-03-02")).facts!;
const CONDITIONS = { withinCompetence: true, denouncerIdentified: true, basisToVerify: true };
const ACCEPT: CaseActionInput = {
  action: "accept",
  on: "2026-03-10",
  conditions: CONDITIONS,
};
const accepted = (): CaseFacts => run(received(), "2026-03-10", ACCEPT);
const extension = (_n: number, date: string): CaseActionInput => ({
  action: "extend",
  decisionDate: date,
  reason: "Phải xác minh tại nhiều địa điểm",
});

describe("denunciation, end to end", () => {
  test("accept → complexity (2 criteria) → two extensions → third refused → conclude → handle → publish → close", () => {
    let f = received();
    assert.equal(f.state, "INITIAL_PROCESSING");
    assert.equal(f.instance, null);
    // Initial processing, 7 working days from Mon 02/03: Tue 03, Wed 04, Thu 05, Fri 06, Mon 09, Tue 10, Wed 11/03.
    assert.deepEqual(caseMainDue(f, calendar), {
      ruleId: "denunciation.initial",
      input: { rule: "denunciation.initial", from: "2026-03-02" },
      due: "2026-03-11",
    });
    assert.deepEqual(allowedCaseActions(f, ctx("2026-03-02")), [
      "accept",
      "reject",
      "withdraw",
      "extend_initial",
      "transfer",
      "record_protection",
    ]);

    const acceptance = caseTransition(f, ACCEPT, ctx("2026-03-10"));
    assert.deepEqual(acceptance.problems, []);
    assert.equal(acceptance.documentForm, "TC-TL");
    f = acceptance.facts!;
    assert.equal(f.state, "ACCEPTED");
    // Resolution, 30 days from Tue 10/03: 11–31/03 days 1–21, 01–09/04 days 22–30: Thu 09/04.
    assert.deepEqual(caseMainDue(f, calendar), {
      ruleId: "denunciation.resolve",
      input: { rule: "denunciation.resolve", from: "2026-03-10" },
      due: "2026-04-09",
    });

    // Two criteria of Điều 3 Nghị định 31/2019: especially complex, two extensions allowed.
    f = run(f, "2026-03-11", {
      action: "set_complexity",
      criteria: ["g", "b", "b"],
      note: "Hai nội dung, chứng cứ mâu thuẫn",
    });
    assert.deepEqual(f.complexityCriteria, ["b", "g"]);
    assert.equal(complexityOf(f.complexityCriteria), "especially_complex");
    assert.equal(due(f), "2026-04-09", "complexity alone does not lengthen the period");

    const assigned = caseTransition(
      f,
      { action: "assign_verification", on: "2026-03-12", assignee: { kind: "team", name: "Đoàn Minh Quân" } },
      ctx("2026-03-12"),
    );
    assert.equal(assigned.documentForm, "TC-GXM");
    f = assigned.facts!;

    const first = caseTransition(f, extension(1, "2026-04-08"), ctx("2026-04-08"));
    assert.deepEqual(first.problems, []);
    assert.equal(first.documentForm, "TC-GH");
    f = first.facts!;
    // 30 + 30 = 60 days from 10/03: 11–31/03 days 1–21, April 22–51, 01–09/05 days 52–60:
    // Sat 09/05 → Mon 11/05.
    assert.equal(due(f), "2026-05-11");

    f = run(f, "2026-05-08", extension(2, "2026-05-08"));
    // 30 + 30 + 30 = 90 days: May 52–82, 01–08/06 days 83–90: Mon 08/06.
    assert.deepEqual(caseMainDue(f, calendar), {
      ruleId: "denunciation.resolve",
      input: { rule: "denunciation.resolve", from: "2026-03-10", variant: "especially-complex", extensions: 2 },
      due: "2026-06-08",
    });

    // A third extension is refused, naming the article.
    assert.ok(!allowedCaseActions(f, ctx("2026-05-20")).includes("extend"));
    const third = refused(f, "2026-05-20", extension(3, "2026-05-20"));
    assert.deepEqual(codes(third), ["EXTENSION_LIMIT_REACHED"]);
    assert.match(third[0]!.message, /^Không thể gia hạn lần thứ ba/);
    assert.equal(third[0]!.basis, "Khoản 3 Điều 30 Luật Tố cáo 2018");

    // No conclusion before the verification report.
    const conclusion: CaseActionInput = {
      action: "conclude",
      date: "2026-06-01",
      outcome: "partly_right",
      findings: "Nội dung 1 đúng, nội dung 2 sai",
      measures: "Kiểm điểm, thu hồi tiền",
      amounts: { moneyToState: 350, disciplineRecommended: 2, disciplineCadres: 2 },
    };
    assert.deepEqual(codes(refused(f, "2026-06-01", conclusion)), ["CASE_NOT_VERIFIED"]);
    f = run(f, "2026-05-25", { action: "record_verification", on: "2026-05-25", summary: "Báo cáo kết quả xác minh" });
    assert.equal(f.verification?.differsFromDemand, null);

    const concluded = caseTransition(f, conclusion, ctx("2026-06-01"));
    assert.deepEqual(concluded.problems, [], "concluded on 01/06, before the due date 08/06");
    assert.equal(concluded.documentForm, "TC-KL");
    f = concluded.facts!;
    assert.equal(f.state, "CONCLUDED");
    assert.equal(f.outcome, "partly_right");
    assert.equal(f.conclusion?.amounts.moneyToState, 350);
    assert.equal(caseMainDue(f, calendar), null);

    assert.deepEqual(
      codes(refused(f, "2026-06-03", { action: "handle_conclusion", on: "2026-06-03", discipline: " " })),
      ["HANDLING_REQUIRED"],
    );
    f = run(f, "2026-06-03", {
      action: "handle_conclusion",
      on: "2026-06-03",
      discipline: "Kỷ luật khiển trách 02 công chức",
      recovery: "Thu hồi 350 triệu đồng nộp ngân sách",
    });
    assert.equal(f.state, "CONCLUSION_HANDLED");

    // The conclusion must be published before closing: ≥ 15 consecutive days, without the denouncer's data.
    assert.deepEqual(codes(refused(f, "2026-06-05", { action: "close", on: "2026-06-05" })), ["PUBLICATION_REQUIRED"]);
    const short = refused(f, "2026-06-04", {
      action: "publish",
      on: "2026-06-04",
      method: "posting",
      days: 10,
      denouncerDataRemoved: false,
    });
    assert.deepEqual(codes(short), ["PUBLICATION_TOO_SHORT", "DENOUNCER_DATA_NOT_REMOVED"]);
    assert.equal(
      short[0]!.message,
      "Kết luận nội dung tố cáo phải được niêm yết tại trụ sở làm việc hoặc nơi tiếp công dân ít nhất 15 ngày liên tục.",
    );
    f = run(
      f,
      "2026-06-10",
      { action: "publish", on: "2026-06-04", method: "posting", days: 15, denouncerDataRemoved: true },
      { action: "close", on: "2026-06-10" },
      { action: "record_protection", on: "2026-06-10", measure: "confidentiality", status: "applied" },
    );
    assert.equal(f.state, "CLOSED");
    assert.equal(f.protection.length, 1);
    assert.deepEqual(
      f.history.map((h) => h.action),
      [
        "open",
        "accept",
        "set_complexity",
        "assign_verification",
        "extend",
        "extend",
        "record_verification",
        "conclude",
        "handle_conclusion",
        "publish",
        "close",
        "record_protection",
      ],
    );
  });
});

describe("extensions by complexity (Điều 30 Luật Tố cáo 2018)", () => {
  test("complexity: 0 criteria normal, 1 complex, 2 or more especially complex", () => {
    assert.equal(complexityOf([]), "normal");
    assert.equal(complexityOf(["dd"]), "complex");
    assert.equal(complexityOf(["a", "a"]), "complex");
    assert.equal(complexityOf(["a", "c", "e"]), "especially_complex");
    assert.deepEqual(Object.keys(COMPLEXITY_CRITERIA), ["a", "b", "c", "d", "dd", "e", "g"]);
    assert.equal(COMPLEXITY_CRITERIA.dd.basis, "Điểm đ khoản 1 Điều 3 Nghị định 31/2019/NĐ-CP");
  });

  test("a case that is not complex gets no extension", () => {
    const problems = refused(accepted(), "2026-04-01", extension(1, "2026-04-01"));
    assert.deepEqual(codes(problems), ["EXTENSION_NOT_ALLOWED"]);
    assert.match(
      problems[0]!.message,
      /^Vụ việc không phức tạp: thời hạn giải quyết tố cáo là 30 ngày, không được gia hạn/,
    );
  });

  test("a complex case gets one extension: 60 days from 10/03 → Mon 11/05; the second is refused", () => {
    const f = run(accepted(), "2026-04-08", { action: "set_complexity", criteria: ["c"] }, extension(1, "2026-04-08"));
    assert.deepEqual(caseMainDue(f, calendar)?.input, {
      rule: "denunciation.resolve",
      from: "2026-03-10",
      variant: "complex",
      extensions: 1,
    });
    assert.equal(due(f), "2026-05-11");
    const problems = refused(f, "2026-05-08", extension(2, "2026-05-08"));
    assert.deepEqual(codes(problems), ["EXTENSION_NOT_ALLOWED"]);
    assert.match(
      problems[0]!.message,
      /^Vụ việc phức tạp chỉ được gia hạn một lần, không quá 30 ngày; đã gia hạn 1 lần/,
    );
    assert.equal(problems[0]!.basis, "Khoản 2, khoản 3 Điều 30 Luật Tố cáo 2018");
    // Complexity cannot drop below the extensions already granted.
    assert.deepEqual(codes(refused(f, "2026-05-08", { action: "set_complexity", criteria: [] })), [
      "COMPLEXITY_BELOW_EXTENSIONS",
    ]);
  });

  test("an extension decided after the due date is recorded with a warning; dates in order", () => {
    const f = run(accepted(), "2026-04-10", { action: "set_complexity", criteria: ["a", "b"] });
    const r = caseTransition(f, extension(1, "2026-04-10"), ctx("2026-04-10"));
    assert.equal(r.facts?.extensions.length, 1);
    assert.deepEqual(codes(r.problems), ["EXTENSION_AFTER_DUE"]);
    assert.match(r.problems[0]!.message, /\(09\/04\/2026\)/);
    assert.deepEqual(codes(refused(r.facts!, "2026-04-10", extension(2, "2026-04-09"))), ["DATE_TOO_EARLY"]);
    assert.deepEqual(codes(refused(f, "2026-04-10", extension(1, "2026-04-11"))), ["DATE_IN_FUTURE"]);
    assert.deepEqual(
      codes(
        refused(f, "2026-04-10", {
          ...extension(1, "2026-04-08"),
          issuedOutside: true,
          decisionNumber: "",
        } as CaseActionInput),
      ),
      ["TEXT_REQUIRED"],
    );
    // Drafted here, a typed number is refused: the register gives it when the decision is signed.
    assert.deepEqual(
      codes(refused(f, "2026-04-10", { ...extension(1, "2026-04-08"), decisionNumber: "5/QĐ" } as CaseActionInput)),
      ["NUMBER_FROM_REGISTER"],
    );
  });

  test("suspension stops the clock (khoản 1 Điều 34): suspended 20–29/03, 09/04 + 10 = Sun 19/04 → Mon 20/04", () => {
    let f = run(accepted(), "2026-03-20", { action: "suspend", on: "2026-03-20", reason: "Đợi kết quả giám định lại" });
    assert.equal(caseDeadlines(f).find((d) => d.key === "resolution")?.open, false);
    assert.deepEqual(allowedCaseActions(f, ctx("2026-03-25")), [
      "resume",
      "withdraw",
      "terminate",
      "set_complexity",
      "record_protection",
    ]);
    f = run(f, "2026-03-30", { action: "resume", on: "2026-03-30" });
    assert.equal(f.state, "ACCEPTED");
    assert.equal(due(f), "2026-04-20");
  });
});

describe("initial processing, acceptance, transfer (Điều 24, 29 Luật Tố cáo 2018)", () => {
  test("initial processing extended to 10 working days, once, with a reason: Mon 16/03", () => {
    const f = received();
    assert.deepEqual(codes(refused(f, "2026-03-06", { action: "extend_initial", on: "2026-03-06", reason: "" })), [
      "TEXT_REQUIRED",
    ]);
    const g = run(f, "2026-03-06", { action: "extend_initial", on: "2026-03-06", reason: "Phải xác minh tại 3 xã" });
    // 7 working days end Wed 11/03; 10 end Thu 12, Fri 13, Mon 16/03.
    assert.deepEqual(caseMainDue(g, calendar), {
      ruleId: "denunciation.initial",
      input: { rule: "denunciation.initial", from: "2026-03-02", variant: "extended" },
      due: "2026-03-16",
    });
    const again = refused(g, "2026-03-09", { action: "extend_initial", on: "2026-03-09", reason: "x" });
    assert.deepEqual(codes(again), ["INITIAL_ALREADY_EXTENDED"]);
    assert.equal(again[0]!.basis, "Khoản 1 Điều 24 Luật Tố cáo 2018");
    // Extending after 11/03 is recorded with a warning.
    const late = caseTransition(f, { action: "extend_initial", on: "2026-03-12", reason: "x" }, ctx("2026-03-12"));
    assert.deepEqual(codes(late.problems), ["INITIAL_EXTENSION_LATE"]);
  });

  test("acceptance needs every condition of Điều 29; late acceptance warns", () => {
    const problems = refused(received(), "2026-03-10", {
      action: "accept",
      on: "2026-03-10",
      conditions: { ...CONDITIONS, basisToVerify: false },
    });
    assert.deepEqual(codes(problems), ["CONDITION_NOT_MET"]);
    assert.equal(problems[0]!.field, "conditions.basisToVerify");
    assert.match(problems[0]!.message, /thông báo không thụ lý tố cáo\.$/);
    assert.deepEqual(codes(refused(received(), "2026-03-10", { action: "accept", on: "2026-03-10" })), [
      "CONDITIONS_REQUIRED",
    ]);
    const late = caseTransition(received(), { ...ACCEPT, on: "2026-03-12" } as CaseActionInput, ctx("2026-03-12"));
    assert.equal(late.facts?.state, "ACCEPTED");
    assert.deepEqual(codes(late.problems), ["INITIAL_PROCESSING_LATE"]);
    assert.match(late.problems[0]!.message, /hạn 11\/03\/2026/);
  });

  test("rejection: at least one ground of the denunciation list; TC-KTL", () => {
    assert.deepEqual(codes(refused(received(), "2026-03-05", { action: "reject", on: "2026-03-05", grounds: [] })), [
      "GROUND_REQUIRED",
    ]);
    assert.deepEqual(
      codes(refused(received(), "2026-03-05", { action: "reject", on: "2026-03-05", grounds: ["unsigned"] })),
      ["GROUND_UNKNOWN"],
    );
    const r = caseTransition(
      received(),
      { action: "reject", on: "2026-03-05", grounds: ["already_resolved_no_new_facts"] },
      ctx("2026-03-05"),
    );
    assert.equal(r.documentForm, "TC-KTL");
    assert.equal(r.facts?.state, "NOT_ACCEPTED");
  });

  test("transfer within 5 working days (Mon 09/03), to a named body, telling the denouncer", () => {
    const f = received();
    const ok = caseTransition(
      f,
      { action: "transfer", on: "2026-03-09", targetBody: "Thanh tra tỉnh Lào Cai", notifyDenouncer: true },
      ctx("2026-03-09"),
    );
    assert.deepEqual(ok.problems, []);
    assert.equal(ok.facts?.state, "TRANSFERRED");
    assert.equal(ok.facts?.transfer?.late, false);
    assert.deepEqual(
      caseDeadlines(ok.facts!).map((d) => [d.key, d.ruleId, d.open]),
      [
        ["initial", "denunciation.initial", false],
        ["transfer", "denunciation.transfer", false],
      ],
    );
    const late = caseTransition(
      f,
      { action: "transfer", on: "2026-03-10", targetBody: "Thanh tra tỉnh Lào Cai", notifyDenouncer: true },
      ctx("2026-03-10"),
    );
    assert.equal(late.facts?.transfer?.late, true);
    assert.deepEqual(codes(late.problems), ["TRANSFER_LATE"]);
    assert.match(late.problems[0]!.message, /hạn 09\/03\/2026/);
    assert.deepEqual(
      codes(
        refused(f, "2026-03-09", { action: "transfer", on: "2026-03-09", targetBody: " ", notifyDenouncer: false }),
      ),
      ["TEXT_REQUIRED", "NOTIFY_DENOUNCER_REQUIRED"],
    );
  });

  test("a repeated denunciation keeps the earlier case; a denunciation has no instance", () => {
    const r = openCase(
      { kind: "denunciation", receivedOn: "2026-03-02", repeatedOf: "c0ffee00-0000-4000-8000-000000000001" },
      ctx("2026-03-02"),
    );
    assert.equal(r.facts?.repeatedOf, "c0ffee00-0000-4000-8000-000000000001");
    assert.deepEqual(
      codes(openCase({ kind: "denunciation", receivedOn: "2026-03-02", instance: 1 }, ctx("2026-03-02")).problems),
      ["INSTANCE_NOT_FOR_DENUNCIATION"],
    );
  });

  test("no conclusion before acceptance", () => {
    const problems = refused(received(), "2026-03-05", {
      action: "conclude",
      issuedOutside: true,
      number: "1",
      date: "2026-03-05",
      signer: "A",
      outcome: "right",
      findings: "B",
    });
    assert.deepEqual(codes(problems), ["CASE_NOT_ACCEPTED"]);
    assert.equal(problems[0]!.message, "Chưa thụ lý tố cáo: không thể kết luận nội dung tố cáo.");
  });
});

describe("withdrawal (Điều 33 Luật Tố cáo 2018)", () => {
  test("with signs of violation the case continues; the withdrawal is kept", () => {
    const f = accepted();
    const r = caseTransition(f, { action: "withdraw", on: "2026-03-15", signsOfViolation: true }, ctx("2026-03-15"));
    assert.equal(r.facts?.state, "ACCEPTED");
    assert.equal(r.documentForm, null);
    assert.equal(r.facts?.withdrawal?.continued, true);
    assert.deepEqual(codes(r.problems), ["WITHDRAWAL_CONTINUED"]);
    assert.equal(r.problems[0]?.severity, "warning");
    assert.equal(due(r.facts!), "2026-04-09", "the clock keeps running");
  });

  test("a part withdrawn leaves the rest; the whole, without signs, ends the case (TC-DC)", () => {
    const part = caseTransition(accepted(), { action: "withdraw", on: "2026-03-15", scope: "part" }, ctx("2026-03-15"));
    assert.equal(part.facts?.state, "ACCEPTED");
    assert.deepEqual(part.problems, []);
    const all = caseTransition(accepted(), { action: "withdraw", on: "2026-03-15" }, ctx("2026-03-15"));
    assert.equal(all.facts?.state, "WITHDRAWN");
    assert.equal(all.documentForm, "TC-DC");
    assert.equal(caseMainDue(all.facts!, calendar), null);
    const terminated = caseTransition(
      accepted(),
      { action: "terminate", on: "2026-03-15", reason: "Người bị tố cáo chết, nội dung chỉ liên quan đến người đó" },
      ctx("2026-03-15"),
    );
    assert.equal(terminated.facts?.state, "TERMINATED");
    assert.equal(terminated.documentForm, "TC-DC");
    const suspended = caseTransition(
      accepted(),
      { action: "suspend", on: "2026-03-15", reason: "Đợi kết quả giám định" },
      ctx("2026-03-15"),
    );
    assert.equal(suspended.documentForm, "TC-TDC");
  });

  test("no withdrawal once concluded", () => {
    const f = run(
      accepted(),
      "2026-04-01",
      { action: "assign_verification", on: "2026-03-12", assignee: { kind: "person", name: "A" } },
      { action: "record_verification", on: "2026-03-30", summary: "B" },
      {
        action: "conclude",
        issuedOutside: true,
        number: "1",
        date: "2026-04-01",
        signer: "C",
        outcome: "wrong",
        findings: "D",
      },
    );
    assert.deepEqual(codes(refused(f, "2026-04-02", { action: "withdraw", on: "2026-04-02" })), ["CASE_WRONG_STATE"]);
  });
});

describe("catalogues", () => {
  test("every step has a label, an article and the kinds it applies to; forms are named", () => {
    for (const [action, def] of Object.entries(CASE_ACTIONS)) {
      assert.ok(def.label && def.basis, action);
      assert.ok(def.kinds.length > 0, action);
      for (const kind of def.kinds) assert.ok((def.from[kind] ?? []).length > 0, `${action} ${kind}`);
      for (const form of Object.values(def.forms)) assert.ok(form && CASE_FORMS[form], `${action} ${form}`);
    }
    assert.equal(Object.keys(COMPLAINT_REJECTION_GROUNDS).length, 9);
    for (const g of [
      ...Object.values(COMPLAINT_REJECTION_GROUNDS),
      ...Object.values(DENUNCIATION_REJECTION_GROUNDS),
      ...Object.values(PROTECTION_MEASURES),
    ]) {
      assert.ok(g.label && g.basis);
    }
  });
});
