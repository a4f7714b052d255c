/**
 * API schemas of complaint and denunciation cases (api/cases.ts): Vietnamese messages naming the
 * field, amounts refused when negative or not numbers, and a parsed body driving the domain.
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { caseActionBody, caseActionInput, caseListQuery, openCaseBody } from "../src/api/cases.ts";
import { firstIssue } from "../src/api/zod-vi.ts";
import { buildCalendar, SEED_NOTICES } from "../src/calendar/index.ts";
import { caseTransition, openCase, type CaseFacts } from "../src/cases/index.ts";

const PETITION = "6f1c2a7e-3b4d-4e5f-8a9b-0c1d2e3f4a5b";

function issues(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  assert.equal(result.success, false);
  return result.error!.issues.map((i) => [i.path.map(String).join("."), i.message]);
}

const decide = (amounts: Record<string, unknown>) => ({
  action: "decide",
  issuedOutside: true,
  version: 3,
  number: "15/QĐ-UBND",
  date: "2026-11-30",
  signer: "Chủ tịch UBND xã",
  outcome: "partly_right",
  amounts,
});

describe("amounts", () => {
  test("negative amounts are refused with the field named", () => {
    assert.deepEqual(issues(caseActionBody.safeParse(decide({ moneyToState: -5 }))), [
      ["amounts.moneyToState", "Số tiền kiến nghị thu hồi cho Nhà nước không được âm."],
    ]);
    assert.deepEqual(issues(caseActionBody.safeParse(decide({ landToOthers: -0.5 }))), [
      ["amounts.landToOthers", "Diện tích đất trả lại cho tổ chức, cá nhân không được âm."],
    ]);
  });

  test("NaN, infinite and non-numeric amounts are refused", () => {
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, "12", "abc", null]) {
      assert.deepEqual(
        issues(caseActionBody.safeParse(decide({ moneyToOthers: bad }))),
        [["amounts.moneyToOthers", "Số tiền trả lại cho tổ chức, cá nhân phải là một số (triệu đồng)."]],
        String(bad),
      );
    }
    assert.deepEqual(issues(caseActionBody.safeParse(decide({ disciplineRecommended: 1.5 }))), [
      ["amounts.disciplineRecommended", "Số người bị kiến nghị xử lý phải là một số nguyên."],
    ]);
    assert.deepEqual(issues(caseActionBody.safeParse(decide({ disciplineRecommended: 1, disciplineCadres: 2 }))), [
      [
        "amounts.disciplineCadres",
        "Số cán bộ, công chức bị kiến nghị xử lý không được lớn hơn tổng số người bị kiến nghị xử lý.",
      ],
    ]);
  });

  test("omitted figures are 0; decimals of million VND are kept", () => {
    const body = caseActionBody.parse(decide({ moneyToOthers: 120.5 }));
    assert.equal(body.action, "decide");
    assert.deepEqual(body.action === "decide" ? body.amounts : null, {
      moneyToState: 0,
      moneyToOthers: 120.5,
      landToState: 0,
      landToOthers: 0,
      restoredOrganisations: 0,
      restoredIndividuals: 0,
      disciplineRecommended: 0,
      disciplineCadres: 0,
      investigationCases: 0,
      investigationPersons: 0,
    });
    const enforcement = caseActionBody.safeParse({
      action: "record_enforcement",
      version: 1,
      on: "2026-12-10",
      responsible: "UBND xã",
      done: "Đã trả",
      moneyReturned: -1,
    });
    assert.deepEqual(issues(enforcement), [["moneyReturned", "Số tiền đã trả lại không được âm."]]);
  });
});

describe("action bodies", () => {
  test("every step carries a positive integer version", () => {
    const body = { action: "close", on: "2026-12-15" };
    assert.deepEqual(issues(caseActionBody.safeParse(body)), [
      ["version", "Phiên bản dữ liệu phải là số nguyên dương."],
    ]);
    assert.deepEqual(issues(caseActionBody.safeParse({ ...body, version: 0 })), [
      ["version", "Phiên bản dữ liệu phải là số nguyên dương."],
    ]);
    assert.ok(caseActionBody.safeParse({ ...body, version: 7 }).success);
  });

  test("unknown actions, unknown fields and bad dates are refused in Vietnamese", () => {
    assert.deepEqual(issues(caseActionBody.safeParse({ action: "approve", version: 1 })), [
      ["action", "Thao tác không hợp lệ."],
    ]);
    assert.deepEqual(issues(caseActionBody.safeParse({ action: "close", version: 1, on: "2026-12-15", x: 1 })), [
      ["", "Trường không được chấp nhận: x."],
    ]);
    assert.deepEqual(issues(caseActionBody.safeParse({ action: "close", version: 1, on: "2026-02-30" })), [
      ["on", "Ngày kết thúc không tồn tại trong lịch."],
    ]);
    assert.deepEqual(issues(caseActionBody.safeParse({ action: "close", version: 1, on: "15/12/2026" })), [
      ["on", "Ngày kết thúc phải có dạng YYYY-MM-DD."],
    ]);
  });

  test("reject needs a ground; complexity criteria are a–g", () => {
    assert.deepEqual(
      issues(caseActionBody.safeParse({ action: "reject", version: 1, on: "2026-11-02", grounds: [] })),
      [["grounds", "Chọn ít nhất một trường hợp không thụ lý."]],
    );
    const r = caseActionBody.safeParse({ action: "set_complexity", version: 1, criteria: ["a", "h"] });
    assert.deepEqual(issues(r), [["criteria.1", "Tiêu chí phức tạp không hợp lệ (a, b, c, d, đ, e, g)."]]);
  });

  test("a required text names what to enter", () => {
    const r = caseActionBody.safeParse({
      action: "suspend",
      version: 2,
      on: "2026-04-08",
      reason: " ",
    });
    assert.deepEqual(issues(r), [["reason", "Ghi lý do tạm đình chỉ."]]);
    assert.equal(firstIssue(r.error!).message, "reason: Ghi lý do tạm đình chỉ.");
  });

  test("a parsed body, minus its version, drives the domain", () => {
    const calendar = buildCalendar(SEED_NOTICES);
    const ctx = { calendar, today: "2026-11-02" };
    const facts = openCase({ kind: "complaint", receivedOn: "2026-10-26", instance: 1 }, ctx).facts as CaseFacts;
    const body = caseActionBody.parse({
      action: "accept",
      version: 1,
      on: "2026-11-02",
      learnedOn: "2026-08-01",
      documentNumber: " 12/TB-UBND ",
      issuedOutside: true,
    });
    const input = caseActionInput(body);
    assert.equal("version" in input, false);
    const r = caseTransition(facts, input, ctx);
    assert.equal(r.facts?.state, "ACCEPTED");
    assert.equal(r.facts?.acceptance?.documentNumber, "12/TB-UBND");
    // Issued outside: no draft here.
    assert.equal(r.documentForm, null);
  });

  test("a paper drafted here takes its number from the register: typing one is refused, naming the field", () => {
    const calendar = buildCalendar(SEED_NOTICES);
    const ctx = { calendar, today: "2026-11-02" };
    const facts = openCase({ kind: "complaint", receivedOn: "2026-10-26", instance: 1 }, ctx).facts as CaseFacts;
    const typed = caseTransition(
      facts,
      caseActionInput(
        caseActionBody.parse({
          action: "accept",
          version: 1,
          on: "2026-11-02",
          learnedOn: "2026-08-01",
          documentNumber: "12/TB-UBND",
        }),
      ),
      ctx,
    );
    assert.equal(typed.facts, null);
    assert.deepEqual(
      typed.problems.map((p) => [p.code, p.field]),
      [["NUMBER_FROM_REGISTER", "documentNumber"]],
    );
    const drafted = caseTransition(
      facts,
      caseActionInput(
        caseActionBody.parse({
          action: "accept",
          version: 1,
          on: "2026-11-02",
          learnedOn: "2026-08-01",
          documentNumber: "",
        }),
      ),
      ctx,
    );
    assert.equal(drafted.facts?.acceptance?.documentNumber, null);
    assert.equal(drafted.documentForm, "KN-TL");
  });
});

describe("opening a case", () => {
  test("second instance requires the first-instance decision", () => {
    assert.deepEqual(issues(openCaseBody.safeParse({ petitionId: PETITION, instance: 2 })), [
      ["firstInstance", "Khiếu nại lần hai phải nêu quyết định giải quyết lần đầu (số, ngày, người ký)."],
    ]);
    const ok = openCaseBody.parse({
      petitionId: PETITION,
      instance: 2,
      firstInstance: { decisionNumber: "20/QĐ-UBND", decisionDate: "2026-02-02", decidedBy: "Chủ tịch UBND xã" },
    });
    assert.equal(ok.firstInstance?.decisionNumber, "20/QĐ-UBND");
    assert.deepEqual(issues(openCaseBody.safeParse({ petitionId: "x", instance: 3 })), [
      ["petitionId", "Mã định danh không hợp lệ."],
      ["instance", "Lần giải quyết phải là 1 (lần đầu) hoặc 2 (lần hai)."],
    ]);
  });

  test("a repeated denunciation links the earlier case, and has no instance", () => {
    assert.ok(openCaseBody.safeParse({ petitionId: PETITION, repeatedOf: PETITION }).success);
    assert.deepEqual(issues(openCaseBody.safeParse({ petitionId: PETITION, repeatedOf: PETITION, instance: 1 })), [
      ["repeatedOf", "Chỉ tố cáo tiếp mới liên kết với vụ việc tố cáo trước đó; khiếu nại không ghi mục này."],
    ]);
  });
});

describe("list query", () => {
  test("defaults, coercion from the query string, limits", () => {
    assert.deepEqual(caseListQuery.parse({}), { page: 1, pageSize: 20, sort: "due_on", order: "asc" });
    assert.deepEqual(
      caseListQuery.parse({
        page: "2",
        pageSize: "100",
        kind: "denunciation",
        state: "ACCEPTED,VERIFYING",
        instance: "2",
        overdue: "true",
        dueWithinDays: "7",
        assignedToMe: "1",
        q: " đất đai ",
        sort: "received_on",
        order: "desc",
      }),
      {
        page: 2,
        pageSize: 100,
        kind: "denunciation",
        state: ["ACCEPTED", "VERIFYING"],
        instance: 2,
        overdue: true,
        dueWithinDays: 7,
        assignedToMe: true,
        q: "đất đai",
        sort: "received_on",
        order: "desc",
      },
    );
    assert.deepEqual(issues(caseListQuery.safeParse({ pageSize: "101" })), [
      ["pageSize", "Số dòng mỗi trang tối đa 100."],
    ]);
    assert.deepEqual(issues(caseListQuery.safeParse({ instance: "3", sort: "title" })), [
      ["instance", "Lần giải quyết phải là 1 hoặc 2."],
      ["sort", "Sắp xếp theo: due_on, accepted_on hoặc received_on."],
    ]);
    assert.deepEqual(issues(caseListQuery.safeParse({ state: "OPEN" })), [["state.0", "Trạng thái không hợp lệ."]]);
  });
});
