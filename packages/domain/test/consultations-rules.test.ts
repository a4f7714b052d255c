/**
 * Public consultation on draft regulations (issue 20): passage anchors, phases, the comment's
 * refusals — hand-checked cases.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  checkComment,
  checkPhaseDates,
  comparePassages,
  passagesOf,
  phaseOn,
  type PhaseState,
} from "../src/consultations/index.ts";

describe("passages of a draft", () => {
  const draft = [
    "QUY ĐỊNH",
    "",
    "Chương I",
    "QUY ĐỊNH CHUNG",
    "Điều 1. Phạm vi điều chỉnh",
    "Quy định này áp dụng trên địa bàn tỉnh.",
    "Điều 2. Giờ mở cửa",
    "1. Chợ mở cửa từ 5 giờ.",
    "a) Chợ loại 1 mở từ 4 giờ;",
    "2) Chợ đêm mở đến 23 giờ.",
    "Chương II",
    "Điều 3: Hiệu lực",
  ].join("\r\n");

  test("anchors follow the draft's own numbering", () => {
    assert.deepEqual(
      passagesOf(draft).map((p) => [p.anchor, p.label, p.kind]),
      [
        ["mo-dau-1", "Phần mở đầu, đoạn 1", "preamble"],
        ["chuong-i", "Chương I", "chapter"],
        ["chuong-i-doan-1", "Chương I, đoạn 1", "paragraph"],
        ["dieu-1", "Điều 1", "article"],
        ["dieu-1-doan-1", "Điều 1, đoạn 1", "paragraph"],
        ["dieu-2", "Điều 2", "article"],
        ["dieu-2-khoan-1", "Điều 2, khoản 1", "clause"],
        ["dieu-2-khoan-1-diem-a", "Điều 2, khoản 1, điểm a", "point"],
        ["dieu-2-khoan-2", "Điều 2, khoản 2", "clause"],
        ["chuong-ii", "Chương II", "chapter"],
        ["dieu-3", "Điều 3", "article"],
      ],
    );
  });

  test("an anchor survives a change elsewhere in the draft; a repeated number gets a suffix", () => {
    const v2 = draft.replace(
      "Quy định này áp dụng trên địa bàn tỉnh.",
      "Quy định này áp dụng cho mọi chợ.\nĐoạn thêm.",
    );
    const clause = (body: string) => passagesOf(body).find((p) => p.anchor === "dieu-2-khoan-2")?.text;
    assert.equal(clause(v2), clause(draft));
    const slip = passagesOf("Điều 4. A\nĐiều 4. B").map((p) => p.anchor);
    assert.deepEqual(slip, ["dieu-4", "dieu-4-2"]);
    assert.deepEqual(passagesOf("  \n\n "), []);
  });
});

describe("phases", () => {
  const base: PhaseState = {
    opensOn: "2026-12-10",
    closesOn: "2027-01-09",
    summaryDueOn: null,
    openedAt: "2026-12-01T02:00:00.000Z",
    closedAt: null,
    summaryPublishedAt: null,
  };

  test("the phase on a day, the last day included", () => {
    assert.equal(phaseOn({ ...base, openedAt: null }, "2026-12-20"), "drafting");
    assert.equal(phaseOn(base, "2026-12-09"), "drafting");
    assert.equal(phaseOn(base, "2026-12-10"), "open");
    assert.equal(phaseOn(base, "2027-01-09"), "open");
    assert.equal(phaseOn(base, "2027-01-10"), "closed");
    assert.equal(phaseOn({ ...base, closedAt: "2026-12-15T01:00:00Z" }, "2026-12-15"), "closed");
    assert.equal(phaseOn({ ...base, summaryPublishedAt: "2027-01-20T01:00:00Z" }, "2027-01-20"), "summary_published");
  });

  test("dates out of order are refused, naming the field", () => {
    assert.equal(checkPhaseDates({ opensOn: "2026-12-10", closesOn: "2026-12-10", summaryDueOn: null }), null);
    assert.equal(
      checkPhaseDates({ opensOn: "2026-12-10", closesOn: "2026-12-09", summaryDueOn: null })?.field,
      "closesOn",
    );
    assert.equal(
      checkPhaseDates({ opensOn: "2026-12-10", closesOn: "2027-01-09", summaryDueOn: "2027-01-08" })?.field,
      "summaryDueOn",
    );
  });
});

describe("a comment", () => {
  const anchors = new Set(["dieu-1", "dieu-2-khoan-1"]);

  test("refused outside the open phase, whatever it says", () => {
    const early = checkComment({ anchor: "dieu-1", body: "Tốt" }, "drafting", anchors);
    assert.ok(!early.ok && early.problems[0]!.message.includes("chưa mở"));
    for (const phase of ["closed", "summary_published"] as const) {
      const late = checkComment({ anchor: "dieu-1", body: "Tốt" }, phase, anchors);
      assert.ok(!late.ok && late.problems[0]!.message.includes("hết thời gian"), phase);
    }
  });

  test("an empty comment, an unknown anchor, too long a name: each problem names its field", () => {
    const res = checkComment({ anchor: "dieu-9", body: " \n ", authorName: "x".repeat(121) }, "open", anchors);
    assert.ok(!res.ok);
    assert.deepEqual(
      res.problems.map((p) => p.field),
      ["anchor", "body", "authorName"],
    );
    assert.match(res.problems[0]!.message, /^Đoạn góp ý: không có đoạn này/);
    assert.match(res.problems[1]!.message, /^Nội dung góp ý:/);
  });

  test("a good comment: trimmed, blanks are null", () => {
    const res = checkComment(
      { anchor: " dieu-2-khoan-1 ", body: "  Đề nghị sửa.  ", quote: "", authorName: " ", contact: "0912 000 111" },
      "open",
      anchors,
    );
    assert.deepEqual(res, {
      ok: true,
      value: { anchor: "dieu-2-khoan-1", body: "Đề nghị sửa.", quote: null, authorName: null, contact: "0912 000 111" },
    });
  });
});

describe("comparing two versions of a draft, passage by passage", () => {
  const v1 = [
    "Điều 1. Phạm vi điều chỉnh",
    "Quy định này áp dụng cho chợ.",
    "Điều 2. Giờ hoạt động",
    "1. Chợ mở từ 5 giờ đến 19 giờ.",
    "2. Chợ đêm mở đến 23 giờ.",
    "3. Chợ phiên theo nội quy.",
  ].join("\n");
  const v2 = [
    "Điều 1. Phạm vi điều chỉnh",
    "Quy định này áp dụng cho chợ.",
    "Điều 2. Giờ hoạt động",
    "1. Chợ mở từ 5 giờ đến 20 giờ.",
    "3. Chợ phiên theo nội quy.",
    "Điều 3. Vệ sinh",
  ].join("\n");

  test("same, changed, removed in place, added; matched by the draft's numbering", () => {
    const changes = comparePassages(passagesOf(v1), passagesOf(v2));
    assert.deepEqual(
      changes.map((c) => [c.anchor, c.change]),
      [
        ["dieu-1", "same"],
        ["dieu-1-doan-1", "same"],
        ["dieu-2", "same"],
        ["dieu-2-khoan-1", "changed"],
        ["dieu-2-khoan-2", "removed"],
        ["dieu-2-khoan-3", "same"],
        ["dieu-3", "added"],
      ],
    );
    const changed = changes.find((c) => c.change === "changed")!;
    assert.equal(changed.before, "1. Chợ mở từ 5 giờ đến 19 giờ.");
    assert.equal(changed.after, "1. Chợ mở từ 5 giờ đến 20 giờ.");
    assert.equal(changes.find((c) => c.change === "removed")!.after, null);
    assert.equal(changes.find((c) => c.change === "added")!.before, null);
  });

  test("a version compared with itself has no change", () => {
    assert.ok(comparePassages(passagesOf(v1), passagesOf(v1)).every((c) => c.change === "same"));
  });
});
