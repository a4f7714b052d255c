import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { buildCalendar, SEED_NOTICES } from "../src/calendar/index.ts";
import {
  computeDeadline,
  DeadlineError,
  deadlineInputSchema,
  naiveComputeDeadline,
  validateDeadlineInput,
  type DeadlineErrorCode,
  type DeadlineInput,
} from "../src/deadlines/index.ts";

const calendar = buildCalendar(SEED_NOTICES);

function rejects(input: unknown, code: DeadlineErrorCode, field: string, message?: string): void {
  for (const compute of [computeDeadline, naiveComputeDeadline]) {
    assert.throws(
      () => compute(input as DeadlineInput, { calendar }),
      (e: unknown) => {
        assert.ok(e instanceof DeadlineError, String(e));
        assert.equal(e.code, code);
        assert.equal(e.field, field);
        if (message !== undefined) assert.equal(e.message, message);
        return true;
      },
    );
  }
}

describe("bad deadline inputs: code, field and Vietnamese message", () => {
  test("unknown rule", () => {
    rejects(
      { rule: "complaint.unknown", from: "2026-01-05" },
      "UNKNOWN_RULE",
      "rule",
      'Không có quy tắc thời hạn "complaint.unknown".',
    );
  });

  test("invalid dates", () => {
    rejects(
      { rule: "complaint.accept", from: "2026-02-30" },
      "INVALID_DATE",
      "from",
      'Ngày "2026-02-30" không hợp lệ (định dạng phải là YYYY-MM-DD và là ngày có thật).',
    );
    rejects({ rule: "complaint.accept", from: "05/01/2026" }, "INVALID_DATE", "from");
    rejects({ rule: "complaint.accept" }, "INVALID_DATE", "from", "Thiếu ngày (định dạng YYYY-MM-DD).");
  });

  test("dates outside the supported calendar", () => {
    rejects({ rule: "complaint.accept", from: "1989-12-31" }, "DATE_OUT_OF_RANGE", "from");
    // The start is in range but the end would not be.
    rejects({ rule: "complaint.resolve.first", from: "2100-12-20" }, "DATE_OUT_OF_RANGE", "from");
  });

  test("no version in force on the start date", () => {
    rejects(
      { rule: "complaint.accept", from: "2012-06-30" },
      "RULE_NOT_IN_FORCE",
      "from",
      'Quy tắc thời hạn "complaint.accept" không có phiên bản nào có hiệu lực vào ngày 2012-06-30.',
    );
    rejects({ rule: "inspection.conclusion.sign", from: "2025-06-30" }, "RULE_NOT_IN_FORCE", "from");
  });

  test("variant not allowed", () => {
    rejects(
      { rule: "denunciation.resolve", from: "2026-01-05", variant: "remote" },
      "VARIANT_NOT_ALLOWED",
      "variant",
      'Quy tắc "denunciation.resolve" không có trường hợp riêng "remote"; chỉ chấp nhận: complex, especially-complex.',
    );
    rejects({ rule: "complaint.accept", from: "2026-01-05", variant: "complex" }, "VARIANT_NOT_ALLOWED", "variant");
    rejects({ rule: "complaint.accept", from: "2026-01-05", variant: "toString" }, "VARIANT_NOT_ALLOWED", "variant");
  });

  test("extensions", () => {
    rejects(
      { rule: "denunciation.resolve", from: "2026-01-05", variant: "especially-complex", extensions: 3 },
      "TOO_MANY_EXTENSIONS",
      "extensions",
      "Chỉ được gia hạn tối đa 2 lần (yêu cầu 3 lần).",
    );
    rejects(
      { rule: "denunciation.resolve", from: "2026-01-05", variant: "complex", extensions: 2 },
      "TOO_MANY_EXTENSIONS",
      "extensions",
    );
    rejects(
      { rule: "denunciation.resolve", from: "2026-01-05", extensions: 1 },
      "TOO_MANY_EXTENSIONS",
      "extensions",
      "Trường hợp này không được gia hạn (yêu cầu 1 lần); chỉ vụ việc phức tạp mới được gia hạn.",
    );
    rejects({ rule: "complaint.accept", from: "2026-01-05", extensions: 1 }, "EXTENSIONS_NOT_ALLOWED", "extensions");
    rejects({ rule: "denunciation.resolve", from: "2026-01-05", extensions: -1 }, "INVALID_EXTENSIONS", "extensions");
    rejects({ rule: "denunciation.resolve", from: "2026-01-05", extensions: 1.5 }, "INVALID_EXTENSIONS", "extensions");
  });

  test("suspensions", () => {
    const base = { rule: "complaint.resolve.first", from: "2026-03-02" };
    rejects(
      { ...base, suspensions: [{ from: "2026-03-10", to: "2026-03-05" }] },
      "SUSPENSION_ENDS_BEFORE_START",
      "suspensions[0].to",
      "Khoảng tạm đình chỉ kết thúc (2026-03-05) trước khi bắt đầu (2026-03-10).",
    );
    rejects(
      {
        ...base,
        suspensions: [
          { from: "2026-03-10", to: "2026-03-12" },
          { from: "2026-02-20", to: "2026-03-01" },
        ],
      },
      "SUSPENSION_BEFORE_START",
      "suspensions[1].from",
    );
    rejects(
      {
        ...base,
        suspensions: [
          { from: "2026-03-10", to: "2026-03-20" },
          { from: "2026-03-05", to: "2026-03-10" },
        ],
      },
      "SUSPENSIONS_OVERLAP",
      "suspensions[1].from",
      "Các khoảng tạm đình chỉ chồng lên nhau (2026-03-05–2026-03-10 và 2026-03-10–2026-03-20).",
    );
    rejects({ ...base, suspensions: [{ from: "2026-03-10", to: "2026-04-31" }] }, "INVALID_DATE", "suspensions[0].to");
    rejects({ ...base, suspensions: "none" }, "INVALID_SUSPENSIONS", "suspensions");
  });

  test("errors serialise with code, field and message", () => {
    try {
      computeDeadline({ rule: "x", from: "2026-01-01" }, { calendar });
      assert.fail("should throw");
    } catch (e) {
      assert.deepEqual(JSON.parse(JSON.stringify(e)), {
        code: "UNKNOWN_RULE",
        field: "rule",
        message: 'Không có quy tắc thời hạn "x".',
      });
    }
  });
});

describe("deadlineInputSchema (shared with server and web)", () => {
  const messages = (input: unknown) => {
    const r = deadlineInputSchema.safeParse(input);
    return r.success ? [] : r.error.issues.map((i) => [i.path.join("."), i.message]);
  };

  test("accepts a full input", () => {
    assert.deepEqual(
      messages({
        rule: "denunciation.resolve",
        from: "2026-01-05",
        variant: "complex",
        extensions: 1,
        suspensions: [{ from: "2026-01-10", to: "2026-01-12" }],
      }),
      [],
    );
  });

  test("Vietnamese messages with paths", () => {
    assert.deepEqual(messages({ from: "2026-02-30" }), [
      ["rule", "Cần chọn quy tắc thời hạn"],
      ["from", 'Ngày "2026-02-30" không hợp lệ (định dạng YYYY-MM-DD, phải là ngày có thật)'],
    ]);
    assert.deepEqual(messages({ rule: "a", from: "2026-01-05", extensions: -1 }), [
      ["extensions", "Số lần gia hạn không được âm"],
    ]);
    assert.deepEqual(
      messages({ rule: "a", from: "2026-01-05", suspensions: [{ from: "2026-01-10", to: "2026-01-09" }] }),
      [["suspensions.0.to", "Khoảng tạm đình chỉ kết thúc (2026-01-09) trước khi bắt đầu (2026-01-10)"]],
    );
    assert.deepEqual(
      messages({
        rule: "a",
        from: "2026-01-05",
        suspensions: [
          { from: "2026-01-01", to: "2026-01-02" },
          { from: "2026-01-02", to: "2026-01-09" },
        ],
      }),
      [
        [
          "suspensions.0.from",
          "Khoảng tạm đình chỉ bắt đầu (2026-01-01) trước ngày bắt đầu tính thời hạn (2026-01-05)",
        ],
        [
          "suspensions.1.from",
          "Khoảng tạm đình chỉ bắt đầu (2026-01-02) trước ngày bắt đầu tính thời hạn (2026-01-05)",
        ],
        ["suspensions.1.from", "Khoảng tạm đình chỉ 2026-01-02–2026-01-09 chồng lên khoảng 2026-01-01–2026-01-02"],
      ],
    );
  });

  test("validateDeadlineInput adds the rule-set checks", () => {
    assert.deepEqual(validateDeadlineInput({ rule: "denunciation.resolve", from: "2026-01-05", extensions: 1 }), [
      {
        code: "TOO_MANY_EXTENSIONS",
        field: "extensions",
        message: "Trường hợp này không được gia hạn (yêu cầu 1 lần); chỉ vụ việc phức tạp mới được gia hạn.",
      },
    ]);
    assert.deepEqual(
      validateDeadlineInput({ rule: "denunciation.resolve", from: "2026-13-05" }).map((p) => [p.code, p.field]),
      [["SCHEMA", "from"]],
    );
    assert.deepEqual(validateDeadlineInput({ rule: "denunciation.resolve", from: "2026-01-05" }), []);
  });
});
