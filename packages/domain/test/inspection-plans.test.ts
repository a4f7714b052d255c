/** The pure rules of subjects and yearly plans: tax code forms, planned time, resolutions, schemas. */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  checkTaxCode,
  overlapRefusal,
  overlapsOf,
  plannedTimeLabel,
  plannedTimeProblem,
  resolutionAllowsSameYear,
} from "../src/index.ts";
import { createSubjectBody, planItemBody, resolveOverlapBody } from "../src/api/inspection-plans.ts";
import { firstIssue } from "../src/api/zod-vi.ts";

const ID = "7b0c9a1e-1111-4aaa-8bbb-0123456789ab";

describe("subject tax codes", () => {
  test("real codes pass, in every typed form; the check digit and the branch are checked", () => {
    for (const code of ["0100233488", "0314409058", "0100109106"])
      assert.deepEqual(checkTaxCode(code), { ok: true, value: code, form: "enterprise" });
    assert.deepEqual(checkTaxCode(" 0314 409 058 - 002 "), { ok: true, value: "0314409058-002", form: "branch" });
    assert.deepEqual(checkTaxCode("0314409058002"), { ok: true, value: "0314409058-002", form: "branch" });
    const wrong = checkTaxCode("0100233480");
    assert.equal(wrong.ok, false);
    assert.match((wrong as { message: string }).message, /chữ số kiểm tra/);
    assert.equal(checkTaxCode("0314409058-000").ok, false);
    assert.equal(checkTaxCode("0100000000").ok, false, "a zero sequence was never issued");
    assert.equal(checkTaxCode("12345").ok, false);
    assert.equal(checkTaxCode("").ok, false);
  });

  test("a 12-digit personal identification number is a tax code since 01/7/2025, with a province code", () => {
    assert.deepEqual(checkTaxCode("001085012345"), { ok: true, value: "001085012345", form: "personal_id" });
    assert.equal(checkTaxCode("000085012345").ok, false);
    assert.equal(checkTaxCode("970085012345").ok, false);
  });

  test("the subject schema names the field: a wrong code, an enterprise without one, an agency on a company", () => {
    const wrong = createSubjectBody.safeParse({ kind: "enterprise", name: "Công ty A", taxCode: "0100233480" });
    assert.equal(firstIssue(wrong.error!).field, "taxCode");
    const none = createSubjectBody.safeParse({ kind: "household", name: "Hộ B", taxCode: "" });
    assert.equal(firstIssue(none.error!).field, "taxCode");
    const agency = createSubjectBody.safeParse({ kind: "enterprise", name: "C", taxCode: "0100233488", agencyId: ID });
    assert.equal(firstIssue(agency.error!).field, "agencyId");
    const person = createSubjectBody.safeParse({ kind: "individual", name: "Ông D", taxCode: null, address: "" });
    assert.ok(person.success);
  });
});

describe("plan items", () => {
  test("planned time: a quarter or a month; months in order and inside the quarter", () => {
    assert.equal(plannedTimeProblem({ quarter: null, monthFrom: null, monthTo: null })?.field, "quarter");
    assert.equal(plannedTimeProblem({ quarter: 2, monthFrom: 7, monthTo: null })?.field, "monthFrom");
    assert.equal(plannedTimeProblem({ quarter: null, monthFrom: 5, monthTo: 4 })?.field, "monthTo");
    assert.equal(plannedTimeProblem({ quarter: 3, monthFrom: 7, monthTo: 9 }), null);
    assert.equal(plannedTimeLabel({ quarter: 3, monthFrom: 7, monthTo: 8 }), "Quý III (tháng 7–8)");
    assert.equal(plannedTimeLabel({ quarter: null, monthFrom: 3, monthTo: null }), "Tháng 3");
  });

  test("an item without a subject is refused naming the field", () => {
    const r = planItemBody.safeParse({
      planVersion: 1,
      subjectIds: [],
      activity: "inspection",
      kind: "planned",
      content: "x",
      quarter: 1,
    });
    assert.equal(firstIssue(r.error!).field, "subjectIds");
    assert.match(firstIssue(r.error!).message, /chọn ít nhất một đối tượng/);
    const twice = planItemBody.safeParse({
      planVersion: 1,
      subjectIds: [ID, ID],
      activity: "check",
      kind: "standby",
      content: "x",
      quarter: 1,
    });
    assert.equal(firstIssue(twice.error!).field, "subjectIds");
  });

  test("only merge and keep let an item stand in the same year; keeping needs a reason", () => {
    assert.deepEqual((["merge", "postpone", "cancel", "keep"] as const).map(resolutionAllowsSameYear), [
      true,
      false,
      false,
      true,
    ]);
    const r = resolveOverlapBody.safeParse({
      planId: ID,
      subjectId: ID,
      otherSource: "plan_item",
      otherSourceId: ID,
      outcome: "keep",
    });
    assert.equal(firstIssue(r.error!).field, "reason");
  });

  test("the refusal names the subject, the other agency and the basis", () => {
    const [o] = overlapsOf({ subjectId: "s", year: 2027, activity: "check", contentField: null, adHoc: false }, [
      {
        subjectId: "s",
        year: 2027,
        activity: "inspection",
        source: "plan_item",
        sourceId: "i",
        agencyId: "a",
        contentField: null,
        adHoc: false,
      },
    ]);
    const text = overlapRefusal("Công ty X", { ...o!, agencyName: "Thanh tra tỉnh Lào Cai" }, 2027);
    assert.match(text, /Công ty X/);
    assert.match(text, /Thanh tra tỉnh Lào Cai/);
    assert.match(text, /Nghị quyết 198\/2025\/QH15/);
    assert.match(text, /năm 2027/);
  });
});
