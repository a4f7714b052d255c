/**
 * The error handler answers every family's errors with the status and message of the domain's
 * error catalogue (the catalogue itself: packages/domain/test/errors.test.ts). A bare Fastify
 * with the real handler: the families' errors are thrown as the services throw them.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { DomainError, ERRORS, type ErrorCode, type Problem } from "@minhbach/domain";
import { buildCalendar, CalendarError, SEED_NOTICES } from "@minhbach/domain/calendar/index";
import { computeDeadline } from "@minhbach/domain/deadlines/index";
import Fastify, { type FastifyInstance } from "fastify";
import { fail, frameworkErrors, registerErrorHandling } from "../src/platform/errors.ts";
import { RuleViolation, throwProblems } from "../src/platform/problems.ts";
import { VaultError } from "../src/platform/vault.ts";

const problem = (code: Problem["code"], field: string, message: string): Problem => ({
  code,
  field,
  message,
  severity: "error",
});

/** One sample per family: what the route throws, and the code and message the client gets. */
const SAMPLES: { name: string; code: ErrorCode; message?: string; field?: string; raise: () => void }[] = [
  { name: "api (catalogue message)", code: "CASE_NOT_FOUND", raise: () => fail("CASE_NOT_FOUND") },
  {
    name: "api (own message)",
    code: "EARLIER_MATTER_NOT_FOUND",
    message: "Không thấy vụ việc số 12.",
    field: "earlierMatter",
    raise: () => fail("EARLIER_MATTER_NOT_FOUND", "earlierMatter", "Không thấy vụ việc số 12."),
  },
  { name: "api (unauthenticated)", code: "UNAUTHENTICATED", raise: () => fail("UNAUTHENTICATED") },
  {
    name: "rule (wrong state)",
    code: "WRONG_STATE",
    message: "Đơn đang ở trạng thái khác.",
    field: "outcome",
    raise: () => throwProblems([problem("WRONG_STATE", "outcome", "Đơn đang ở trạng thái khác.")]),
  },
  {
    name: "rule (broken rule, prefixed field)",
    code: "CASE_WRONG_STATE",
    message: "Vụ việc chưa được thụ lý.",
    field: "ids.0.action",
    raise: () => throwProblems([problem("CASE_WRONG_STATE", "action", "Vụ việc chưa được thụ lý.")], "ids.0"),
  },
  {
    name: "rule (a service's refusal)",
    code: "FIELD_IN_USE",
    message: "Lĩnh vực đã được dùng cho 3 đơn.",
    field: "code",
    raise: () => {
      throw new RuleViolation("FIELD_IN_USE", "Lĩnh vực đã được dùng cho 3 đơn.", "code");
    },
  },
  {
    name: "visitor identity",
    code: "IDENTITY_CCCD_FORMAT",
    message: "Số CCCD gồm 12 chữ số.",
    field: "visitors.0.identity.number",
    raise: () =>
      throwProblems([problem("IDENTITY_CCCD_FORMAT", "visitors.0.identity.number", "Số CCCD gồm 12 chữ số.")]),
  },
  {
    name: "deadline",
    code: "UNKNOWN_RULE",
    message: 'Không có quy tắc thời hạn "complaint.unknown".',
    field: "rule",
    raise: () => {
      computeDeadline({ rule: "complaint.unknown", from: "2026-01-05" }, { calendar: buildCalendar(SEED_NOTICES) });
    },
  },
  {
    name: "calendar",
    code: "DUPLICATE_NOTICE_YEAR",
    message: "Có hai thông báo lịch nghỉ cho cùng năm 2026.",
    raise: () => {
      throw new CalendarError("DUPLICATE_NOTICE_YEAR", { year: 2026 });
    },
  },
  {
    name: "vault (its message stays in the log)",
    code: "KEYS_UNAVAILABLE",
    raise: () => {
      throw new VaultError('Không có khóa "k2" để giải mã dữ liệu; kiểm tra tệp khóa.');
    },
  },
];

describe("error catalogue at the HTTP edge", () => {
  let app: FastifyInstance;
  before(async () => {
    app = Fastify({ logger: false, frameworkErrors: frameworkErrors({ trustProxy: false }) });
    registerErrorHandling(app);
    SAMPLES.forEach((sample, i) => app.get(`/sample/${i}`, async () => sample.raise()));
    app.post("/json", async () => ({}));
    app.get("/plain", async () => {
      throw new DomainError("VERSION_CONFLICT");
    });
    await app.ready();
  });
  after(() => app.close());

  SAMPLES.forEach((sample, i) => {
    test(sample.name, async () => {
      const res = await app.inject({ method: "GET", url: `/sample/${i}` });
      assert.equal(res.statusCode, ERRORS[sample.code].status);
      assert.deepEqual(res.json(), {
        code: sample.code,
        message: sample.message ?? ERRORS[sample.code].message,
        ...(sample.field ? { field: sample.field } : {}),
      });
    });
  });

  test("a DomainError without its own message", async () => {
    const res = await app.inject({ method: "GET", url: "/plain" });
    assert.equal(res.statusCode, 409);
    assert.deepEqual(res.json(), { code: "VERSION_CONFLICT", message: ERRORS.VERSION_CONFLICT.message });
  });

  test("Fastify's own errors: malformed JSON, broken percent-encoding", async () => {
    const json = await app.inject({
      method: "POST",
      url: "/json",
      headers: { "content-type": "application/json" },
      payload: "{",
    });
    assert.equal(json.statusCode, ERRORS.MALFORMED_JSON.status);
    assert.deepEqual(json.json(), { code: "MALFORMED_JSON", message: ERRORS.MALFORMED_JSON.message, field: "body" });
    const url = await app.inject({ method: "GET", url: "/sample/%E0%A4%A" });
    assert.equal(url.statusCode, ERRORS.URL_INVALID.status);
    assert.deepEqual(url.json(), { code: "URL_INVALID", message: ERRORS.URL_INVALID.message });
  });
});
