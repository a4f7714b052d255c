/** The satisfaction survey's form check and counting rule, against hand-checked cases. */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { checkSurveyForm, countSurvey } from "../src/portal/survey.ts";

describe("survey counts", () => {
  test("the Department's figures: 50 answers, 49 very satisfied and 1 satisfied → 100 % and 98 %", () => {
    const c = countSurvey([...Array<number>(49).fill(5), 4]);
    assert.equal(c.answers, 50);
    assert.equal(c.satisfied, 50);
    assert.equal(c.verySatisfied, 49);
    assert.equal(c.satisfiedPercent, 100);
    assert.equal(c.verySatisfiedPercent, 98);
  });

  test("lower levels count as answers, not as satisfied; percentages to one decimal", () => {
    // 1,2,3 → 3 answers not satisfied; 4,4 → satisfied; 5 → very satisfied. 6 answers:
    // satisfied 3/6 = 50 %, very satisfied 1/6 = 16.666… → 16.7 %.
    const c = countSurvey([1, 2, 3, 4, 4, 5]);
    assert.deepEqual(c, {
      answers: 6,
      satisfied: 3,
      verySatisfied: 1,
      satisfiedPercent: 50,
      verySatisfiedPercent: 16.7,
      byLevel: { 1: 1, 2: 1, 3: 1, 4: 2, 5: 1 },
    });
    // 2 of 3 satisfied = 66.666… → 66.7 %.
    assert.equal(countSurvey([3, 4, 5]).satisfiedPercent, 66.7);
  });

  test("no answer: no percentage (not 0 %)", () => {
    const c = countSurvey([]);
    assert.equal(c.answers, 0);
    assert.equal(c.satisfiedPercent, null);
    assert.equal(c.verySatisfiedPercent, null);
  });

  test("a rating outside the scale is refused", () => {
    assert.throws(() => countSurvey([6]));
  });
});

describe("survey form", () => {
  test("a rating and an optional comment", () => {
    assert.deepEqual(checkSurveyForm({ rating: "5", comment: "  Cán bộ tận tình.\r\n " }), {
      ok: true,
      value: { rating: 5, comment: "Cán bộ tận tình." },
    });
    assert.deepEqual(checkSurveyForm({ rating: "2" }), { ok: true, value: { rating: 2, comment: null } });
  });

  test("bad input names the field in Vietnamese", () => {
    const missing = checkSurveyForm({ comment: "x" });
    assert.equal(missing.ok, false);
    assert.deepEqual(!missing.ok && missing.problems, [
      { field: "rating", message: "Mức độ hài lòng: chọn một mức đánh giá." },
    ]);
    for (const rating of ["0", "6", "4.5", "hai", "55"]) {
      const r = checkSurveyForm({ rating });
      assert.equal(r.ok, false, rating);
      assert.match(!r.ok ? r.problems[0]!.message : "", /^Mức độ hài lòng: /);
    }
    const long = checkSurveyForm({ rating: "4", comment: "a".repeat(2001) });
    assert.deepEqual(!long.ok && long.problems, [
      { field: "comment", message: "Góp ý thêm: tối đa 2000 ký tự (đang có 2001)." },
    ]);
  });
});
