/**
 * One error shape for every response: { code, message, field? }, Vietnamese message, no stack.
 * Each code's status and message come from the domain's error catalogue (ERRORS); this file
 * turns the families' errors (DomainError, rule violations, the legal clock's, the key ring's)
 * and Fastify's and zod's into that shape.
 */
import { DomainError, ERROR_MESSAGES, statusOf, type ErrorCode } from "@minhbach/domain";
import { firstIssue } from "@minhbach/domain/api/zod-vi";
import { CalendarError } from "@minhbach/domain/calendar/errors";
import { DeadlineError } from "@minhbach/domain/deadlines/errors";
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { ZodError } from "zod";
import { RuleViolation } from "./problems.ts";
import { setSecurityHeaders } from "./security-headers.ts";
import { VaultError } from "./vault.ts";

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

/** Answers a code with the catalogue's status and message. */
function send(reply: FastifyReply, code: ErrorCode, field?: string): FastifyReply {
  return reply.code(statusOf(code)).send({ code, message: ERROR_MESSAGES[code], ...(field ? { field } : {}) });
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (
      error instanceof DomainError ||
      error instanceof RuleViolation ||
      error instanceof DeadlineError ||
      error instanceof CalendarError
    ) {
      return reply
        .code(statusOf(error.code))
        .send({ code: error.code, message: error.message, ...(error.field ? { field: error.field } : {}) });
    }
    if (error instanceof VaultError) {
      request.log.error({ err: error.message }, "identity key ring");
      return send(reply, error.code);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const first = error.validation[0];
      const where = error.validationContext === "querystring" ? "query" : (error.validationContext ?? "");
      let field = first ? first.instancePath.slice(1).replace(/\//g, ".") : "";
      const keys = (first?.params as { keys?: string[] } | undefined)?.keys;
      if (first?.keyword === "unrecognized_keys" && keys?.[0]) field = [field, keys[0]].filter(Boolean).join(".");
      const message = first?.message ?? ERROR_MESSAGES.VALIDATION_FAILED;
      return reply.code(statusOf("VALIDATION_FAILED")).send({
        code: "VALIDATION_FAILED",
        message: field ? `${field}: ${message}` : message,
        field: field || where,
      });
    }
    if (error instanceof ZodError) {
      const issue = firstIssue(error);
      return reply
        .code(statusOf("VALIDATION_FAILED"))
        .send({ code: "VALIDATION_FAILED", message: issue.message, field: issue.field });
    }
    switch (error.code) {
      case "FST_ERR_CTP_INVALID_JSON_BODY":
      case "FST_ERR_CTP_EMPTY_JSON_BODY":
        return send(reply, "MALFORMED_JSON", "body");
      case "FST_ERR_CTP_BODY_TOO_LARGE":
        return send(reply, "BODY_TOO_LARGE");
      case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
        return send(reply, "UNSUPPORTED_MEDIA_TYPE");
      case "FST_ERR_RATE_LIMIT_EXCEEDED":
        return send(reply, "TOO_MANY_REQUESTS");
    }
    if (error.statusCode === 429) return send(reply, "TOO_MANY_REQUESTS");
    // Another client error of Fastify's or a plugin's: its own status tells the client more
    // than the catalogue's 400 would (the code and message still are the catalogue's).
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return reply.code(error.statusCode).send({ code: "BAD_REQUEST", message: ERROR_MESSAGES.BAD_REQUEST });
    }
    request.log.error({ err: error }, "unhandled error");
    return send(reply, "INTERNAL_ERROR");
  });
}
