/**
 * One error shape for every response: { code, message, field? }, Vietnamese message, no stack.
 * Business errors are DomainError (from the domain package); this file maps codes to HTTP
 * statuses and turns Fastify's and zod's errors into the same shape.
 */
import { DomainError, ERROR_MESSAGES, type ErrorCode } from "@minhbach/domain";
import { firstIssue } from "@minhbach/domain/api/zod-vi";
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { ZodError } from "zod";
import { setSecurityHeaders } from "./security-headers.ts";

const STATUS: Partial<Record<ErrorCode, number>> = {
  VALIDATION_FAILED: 400,
  MALFORMED_JSON: 400,
  MALFORMED_MULTIPART: 400,
  BODY_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  URL_INVALID: 400,
  URL_TOO_LONG: 414,
  AGENCY_NOT_FOUND: 404,
  USER_NOT_FOUND: 404,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  ACCOUNT_DISABLED: 401,
  FORBIDDEN: 403,
  OUT_OF_SCOPE: 403,
  CSRF_INVALID: 403,
  ACCOUNT_LOCKED: 423,
  TOO_MANY_REQUESTS: 429,
  USERNAME_TAKEN: 409,
  AGENCY_CODE_TAKEN: 409,
  VERSION_CONFLICT: 409,
  DOCUMENT_ALREADY_ISSUED: 409,
  DOCUMENT_CANCELLED: 409,
  DOCUMENT_FORM_UNKNOWN: 400,
  VISIT_WRONG_STATE: 409,
  VISIT_ALREADY_PETITION: 409,
  SCHEDULE_WRONG_STATUS: 409,
  SCHEDULE_CONCLUSION_EXISTS: 409,
  IDENTITY_PROTECTED: 403,
  IDENTITY_REQUEST_PENDING: 409,
  IDENTITY_REQUEST_NOT_PENDING: 409,
  IDENTITY_REQUEST_SELF: 403,
  IDENTITY_NOT_NEEDED: 409,
  CASE_NOT_FOUND: 404,
  CASE_EXISTS: 409,
  CASE_PETITION_NOT_READY: 409,
  CASE_NOT_ASSIGNED: 403,
  KEYS_UNAVAILABLE: 503,
  INTERNAL_ERROR: 500,
};

export function statusOf(code: ErrorCode): number {
  return STATUS[code] ?? 400;
}

export function fail(code: ErrorCode, field?: string, message?: string): never {
  throw new DomainError(code, message ?? ERROR_MESSAGES[code], field);
}

/**
 * The errors Fastify raises before a route is chosen (Fastify's `frameworkErrors` option): a path
 * with broken percent-encoding, a path segment longer than a parameter may be. Answered in the
 * same shape as every other error, and without echoing the path (it may carry a searched name).
 * No hook runs for them, so the security headers are set here (over HTTPS behind a trusted proxy
 * too, hence `trustProxy`).
 */
export function frameworkErrors(options: { trustProxy: boolean }) {
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply): void => {
    setSecurityHeaders(request, reply, options.trustProxy);
    const code: ErrorCode =
      error.code === "FST_ERR_BAD_URL"
        ? "URL_INVALID"
        : error.code === "FST_ERR_MAX_PARAM_LENGTH"
          ? "URL_TOO_LONG"
          : "INTERNAL_ERROR";
    void reply
      .code(statusOf(code))
      .header("content-type", "application/json; charset=utf-8")
      .send(JSON.stringify({ code, message: ERROR_MESSAGES[code] }));
  };
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof DomainError) {
      return reply
        .code(statusOf(error.code))
        .send({ code: error.code, message: error.message, ...(error.field ? { field: error.field } : {}) });
    }
    // The legal clock's own errors (unknown rule, too many extensions, bad suspension…).
    const named = error as unknown as { name?: string; code?: string; field?: string; message: string };
    if (named.name === "RuleViolation" && typeof named.code === "string") {
      const status = (error as unknown as { status?: number }).status ?? 400;
      return reply
        .code(status)
        .send({ code: named.code, message: named.message, ...(named.field ? { field: named.field } : {}) });
    }
    if ((named.name === "DeadlineError" || named.name === "CalendarError") && typeof named.code === "string") {
      return reply
        .code(400)
        .send({ code: named.code, message: named.message, ...(named.field ? { field: named.field } : {}) });
    }
    if (named.name === "VaultError") {
      request.log.error({ err: named.message }, "identity key ring");
      return reply.code(503).send({ code: "KEYS_UNAVAILABLE", message: ERROR_MESSAGES.KEYS_UNAVAILABLE });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const first = error.validation[0];
      const where = error.validationContext === "querystring" ? "query" : (error.validationContext ?? "");
      let field = first ? first.instancePath.slice(1).replace(/\//g, ".") : "";
      const keys = (first?.params as { keys?: string[] } | undefined)?.keys;
      if (first?.keyword === "unrecognized_keys" && keys?.[0]) field = [field, keys[0]].filter(Boolean).join(".");
      const message = first?.message ?? ERROR_MESSAGES.VALIDATION_FAILED;
      return reply.code(400).send({
        code: "VALIDATION_FAILED",
        message: field ? `${field}: ${message}` : message,
        field: field || where,
      });
    }
    if (error instanceof ZodError) {
      const issue = firstIssue(error);
      return reply.code(400).send({ code: "VALIDATION_FAILED", message: issue.message, field: issue.field });
    }
    switch (error.code) {
      case "FST_ERR_CTP_INVALID_JSON_BODY":
      case "FST_ERR_CTP_EMPTY_JSON_BODY":
        return reply.code(400).send({ code: "MALFORMED_JSON", message: ERROR_MESSAGES.MALFORMED_JSON, field: "body" });
      case "FST_ERR_CTP_BODY_TOO_LARGE":
        return reply.code(413).send({ code: "BODY_TOO_LARGE", message: ERROR_MESSAGES.BODY_TOO_LARGE });
      case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
        return reply.code(415).send({ code: "UNSUPPORTED_MEDIA_TYPE", message: ERROR_MESSAGES.UNSUPPORTED_MEDIA_TYPE });
      case "FST_ERR_RATE_LIMIT_EXCEEDED":
        return reply.code(429).send({ code: "TOO_MANY_REQUESTS", message: ERROR_MESSAGES.TOO_MANY_REQUESTS });
    }
    if (error.statusCode === 429) {
      return reply.code(429).send({ code: "TOO_MANY_REQUESTS", message: ERROR_MESSAGES.TOO_MANY_REQUESTS });
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return reply.code(error.statusCode).send({ code: "BAD_REQUEST", message: ERROR_MESSAGES.VALIDATION_FAILED });
    }
    request.log.error({ err: error }, "unhandled error");
    return reply.code(500).send({ code: "INTERNAL_ERROR", message: ERROR_MESSAGES.INTERNAL_ERROR });
  });
}
