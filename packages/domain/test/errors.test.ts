/** The error catalogue: every family's codes, each with a Vietnamese message and an HTTP status. */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { calendarErrorMessage, type CalendarErrorCode } from "../src/calendar/errors.ts";
import { deadlineErrorMessage, type DeadlineErrorCode } from "../src/deadlines/errors.ts";
import { DomainError, ERROR_FAMILIES, ERROR_MESSAGES, ERRORS, statusOf, type ErrorCode } from "../src/errors.ts";

const VIETNAMESE = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i;

describe("error catalogue", () => {
  for (const [family, table] of Object.entries(ERROR_FAMILIES)) {
    test(`${family}: every code is in the catalogue with a Vietnamese message and a 4xx/5xx status`, () => {
      const codes = Object.keys(table);
      assert.ok(codes.length > 0, family);
      for (const code of codes) {
        const entry = (table as Record<string, { status: number; message: string }>)[code]!;
        const inCatalogue = ERRORS[code as ErrorCode];
        // A code two families share (INVALID_DATE, KIND_UNKNOWN...) has one entry, not two.
        assert.deepEqual(inCatalogue, entry, `${family}.${code}`);
        assert.ok(entry.message.trim().length > 0, `${family}.${code}: empty message`);
        assert.match(entry.message, VIETNAMESE, `${family}.${code}: not Vietnamese`);
        assert.ok(entry.status >= 400 && entry.status <= 599, `${family}.${code}: status ${entry.status}`);
        assert.equal(statusOf(code as ErrorCode), entry.status);
        assert.equal(ERROR_MESSAGES[code as ErrorCode], entry.message);
      }
    });
  }

  test("the catalogue holds the families' codes and nothing else", () => {
    const fromFamilies = new Set(Object.values(ERROR_FAMILIES).flatMap((table) => Object.keys(table)));
    assert.deepEqual(new Set(Object.keys(ERRORS)), fromFamilies);
  });

  test("the legal clock's and the calendar's own wordings exist for each of their codes", () => {
    for (const code of Object.keys(ERROR_FAMILIES.deadline) as DeadlineErrorCode[]) {
      assert.match(deadlineErrorMessage(code), VIETNAMESE, code);
    }
    for (const code of Object.keys(ERROR_FAMILIES.calendar) as CalendarErrorCode[]) {
      assert.match(calendarErrorMessage(code), VIETNAMESE, code);
    }
  });

  test("statuses the API has always answered with", () => {
    const expected: Partial<Record<ErrorCode, number>> = {
      VALIDATION_FAILED: 400,
      UNAUTHENTICATED: 401,
      FORBIDDEN: 403,
      NOT_FOUND: 404,
      VERSION_CONFLICT: 409,
      BODY_TOO_LARGE: 413,
      URL_TOO_LONG: 414,
      UNSUPPORTED_MEDIA_TYPE: 415,
      ACCOUNT_LOCKED: 423,
      TOO_MANY_REQUESTS: 429,
      INTERNAL_ERROR: 500,
      KEYS_UNAVAILABLE: 503,
      WRONG_STATE: 409,
      CASE_WRONG_STATE: 400,
      UNKNOWN_RULE: 400,
      DUPLICATE_NOTICE_YEAR: 400,
      IDENTITY_CCCD_FORMAT: 400,
      FIELD_IN_USE: 409,
      ATTACHMENTS_LOCKED: 409,
    };
    for (const [code, status] of Object.entries(expected)) assert.equal(statusOf(code as ErrorCode), status, code);
  });

  test("a DomainError without a message takes the catalogue's", () => {
    const error = new DomainError("CASE_NOT_FOUND");
    assert.equal(error.message, ERRORS.CASE_NOT_FOUND.message);
  });
});
