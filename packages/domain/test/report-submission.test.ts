/**
 * The submission workflow of a periodic report (docs/LAW.md §11.3), checked by hand: draft →
 * submitted → returned with a reason → submitted again → accepted (locked); who may take each
 * step; a correction of a submitted or accepted report is a new revision with its reason.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { draftStep, isLocked, submissionStep } from "../src/reports/index.ts";

const officer = { write: true, submit: false }; // reporting officer
const head = { write: false, submit: true }; // leader who signs
const viewer = { write: false, submit: false };

test("the whole path: draft → submitted → returned → submitted → accepted", () => {
  const own = { side: "own" as const, powers: officer, latest: true };
  const superior = { side: "superior" as const, powers: head, latest: true };
  assert.deepEqual(submissionStep({ ...own, action: "submit", status: "draft" }), { ok: true, to: "submitted" });
  assert.deepEqual(
    submissionStep({ ...superior, action: "return", status: "submitted", reason: "Thiếu số liệu QLTT" }),
    {
      ok: true,
      to: "returned",
    },
  );
  assert.deepEqual(submissionStep({ ...own, action: "submit", status: "returned" }), { ok: true, to: "submitted" });
  assert.deepEqual(submissionStep({ ...superior, action: "accept", status: "submitted" }), {
    ok: true,
    to: "accepted",
  });
  assert.equal(isLocked("accepted"), true);
  assert.equal(isLocked("submitted"), false);
});

test("who: the unit submits, its superior returns and accepts, nobody else", () => {
  const base = { latest: true, status: "submitted" as const };
  // The head of the unit may submit its draft (report.submit) as the officer may (report.write).
  assert.equal(submissionStep({ ...base, status: "draft", action: "submit", side: "own", powers: head }).ok, true);
  assert.deepEqual(submissionStep({ ...base, action: "accept", side: "own", powers: officer }), {
    ok: false,
    code: "REPORT_SUBMISSION_NOT_SUPERIOR",
  });
  assert.deepEqual(submissionStep({ ...base, status: "draft", action: "submit", side: "superior", powers: head }), {
    ok: false,
    code: "REPORT_SUBMISSION_NOT_OWN",
  });
  assert.deepEqual(submissionStep({ ...base, action: "accept", side: "other", powers: head }), {
    ok: false,
    code: "REPORT_SUBMISSION_NOT_SUPERIOR",
  });
  assert.deepEqual(submissionStep({ ...base, action: "accept", side: "superior", powers: viewer }), {
    ok: false,
    code: "FORBIDDEN",
  });
  // The superior's reporting officer may decide too.
  assert.equal(submissionStep({ ...base, action: "accept", side: "superior", powers: officer }).ok, true);
});

test("state: nothing moves an accepted report; a draft cannot be accepted; returning needs a reason", () => {
  const superior = { side: "superior" as const, powers: head, latest: true };
  for (const action of ["return", "accept"] as const) {
    assert.deepEqual(submissionStep({ ...superior, action, status: "accepted", reason: "x" }), {
      ok: false,
      code: "REPORT_SUBMISSION_WRONG_STATE",
    });
    assert.deepEqual(submissionStep({ ...superior, action, status: "draft", reason: "x" }), {
      ok: false,
      code: "REPORT_SUBMISSION_WRONG_STATE",
    });
  }
  assert.deepEqual(
    submissionStep({ side: "own", powers: officer, latest: true, action: "submit", status: "accepted" }),
    {
      ok: false,
      code: "REPORT_SUBMISSION_WRONG_STATE",
    },
  );
  for (const reason of [undefined, "", "   "])
    assert.deepEqual(submissionStep({ ...superior, action: "return", status: "submitted", reason }), {
      ok: false,
      code: "REPORT_RETURN_REASON_REQUIRED",
      field: "reason",
    });
  assert.deepEqual(submissionStep({ ...superior, latest: false, action: "accept", status: "submitted" }), {
    ok: false,
    code: "REPORT_SUBMISSION_SUPERSEDED",
  });
});

test("saving: first revision, retaking a draft or a returned one, a correction with its reason", () => {
  const own = { side: "own" as const, powers: officer };
  assert.deepEqual(draftStep({ ...own, latest: null }), { ok: true, mode: "first", revision: 1 });
  assert.deepEqual(draftStep({ ...own, latest: { status: "draft", revision: 1 } }), {
    ok: true,
    mode: "refresh",
    revision: 1,
  });
  assert.deepEqual(draftStep({ ...own, latest: { status: "returned", revision: 2 } }), {
    ok: true,
    mode: "refresh",
    revision: 2,
  });
  for (const status of ["submitted", "accepted"] as const) {
    assert.deepEqual(draftStep({ ...own, latest: { status, revision: 1 } }), {
      ok: false,
      code: "REPORT_CORRECTION_REASON_REQUIRED",
      field: "reason",
    });
    assert.deepEqual(draftStep({ ...own, latest: { status, revision: 1 }, reason: "Bổ sung đơn nhận muộn" }), {
      ok: true,
      mode: "correction",
      revision: 2,
    });
  }
  assert.deepEqual(draftStep({ side: "superior", powers: officer, latest: null }), {
    ok: false,
    code: "REPORT_SUBMISSION_NOT_OWN",
    field: "agencyId",
  });
  assert.deepEqual(draftStep({ side: "own", powers: head, latest: null }), { ok: false, code: "FORBIDDEN" });
});
