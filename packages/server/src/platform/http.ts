import { DomainError } from "@minhbach/domain";
import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";

/** The Fastify instance as modules see it: zod schemas type requests and replies. */
export type Api = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** Where a NUL character was found in a request: the field's path, and whether it is in a key. */
export interface NulFound {
  field: string;
  inKey: boolean;
}

/** The first NUL (U+0000) in any string, key or value of a parsed JSON value, query or params. */
export function findNul(value: unknown, path: string[] = []): NulFound | null {
  if (typeof value === "string") return value.includes("\u0000") ? { field: path.join("."), inKey: false } : null;
  if (value === null || typeof value !== "object") return null;
  if (Buffer.isBuffer(value)) return null;
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  for (const [key, inner] of entries) {
    if (key.includes("\u0000")) return { field: path.join("."), inKey: true };
    const found = findNul(inner, [...path, key]);
    if (found) return found;
  }
  return null;
}

/**
 * PostgreSQL text cannot hold U+0000 ("invalid byte sequence for encoding UTF8: 0x00"), and no
 * field of this system has a use for it. It is refused here, once for every route and every
 * text: path parameters, query strings and JSON bodies (multipart fields are checked where they
 * are read), before validation and before any of it reaches the database.
 */
export function registerTextChecks(app: FastifyInstance): void {
  app.addHook("preValidation", async (request) => {
    if (!request.url.startsWith("/api/") || request.is404) return;
    for (const part of [request.params, request.query, request.body]) {
      const found = findNul(part);
      if (!found) continue;
      const field = found.field || (part === request.params ? "params" : part === request.query ? "query" : "body");
      throw new DomainError(
        "VALIDATION_FAILED",
        found.inKey
          ? `Tên một trường trong “${field}” chứa ký tự NUL không hợp lệ.`
          : `Trường “${field}” chứa ký tự NUL không hợp lệ.`,
        field,
      );
    }
  });
}
