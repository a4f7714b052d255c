import { DomainError } from "@minhbach/domain";
import { isFileResponse, type FileResponse, type Operation } from "@minhbach/domain/api/contract";
import type {
  ContextConfigDefault,
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
  RouteGenericInterface,
  RouteHandlerMethod,
  RouteShorthandOptions,
} from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";

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

/** How a file answer appears in a Fastify schema: documented in OpenAPI, never serialised. */
interface FileSchema {
  description: string;
  content: Record<string, { schema: z.ZodType }>;
}

type SchemaPart<O, K extends string> = O extends { [P in K]: infer S extends z.ZodType } ? S : undefined;

/** The Fastify schema of a table entry: what types the handler's request and reply. */
export interface SchemaOf<O extends Operation> {
  params: SchemaPart<O, "params">;
  querystring: SchemaPart<O, "query">;
  body: SchemaPart<O, "body">;
  response: { [K in keyof O["response"]]: O["response"][K] extends FileResponse ? FileSchema : O["response"][K] };
}

export type RouteHandler<O extends Operation> = RouteHandlerMethod<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  RouteGenericInterface,
  ContextConfigDefault,
  SchemaOf<O>,
  ZodTypeProvider,
  FastifyBaseLogger
>;

/**
 * What a module adds to an entry: the permission and other config, hooks (preHandler,
 * preValidation…), and a description when it depends on the configuration (upload limits).
 */
export type RouteOptions = Omit<
  RouteShorthandOptions<
    RawServerDefault,
    RawRequestDefaultExpression,
    RawReplyDefaultExpression,
    RouteGenericInterface,
    ContextConfigDefault,
    z.ZodType,
    ZodTypeProvider,
    FastifyBaseLogger
  >,
  "schema" | "handler"
> & { summary?: string; description?: string };

/** The Fastify schema of an entry: file answers as OpenAPI content, the id as operationId. */
export function schemaOf(
  op: Operation & { id: string },
  text: { summary?: string; description?: string } = {},
): Record<string, unknown> {
  const response: Record<string, unknown> = {};
  for (const [status, schema] of Object.entries(op.response)) {
    response[status] = isFileResponse(schema)
      ? {
          description: schema.description,
          content: { [schema.mime]: { schema: schema.text ? z.string() : z.string().meta({ format: "binary" }) } },
        }
      : schema;
  }
  const description = text.description ?? op.description;
  return {
    operationId: op.id,
    ...(op.hidden ? { hide: true } : {}),
    tags: [...op.tags],
    summary: text.summary ?? op.summary,
    ...(description ? { description } : {}),
    ...(op.params ? { params: op.params } : {}),
    ...(op.query ? { querystring: op.query } : {}),
    ...(op.body ? { body: op.body } : {}),
    response,
  };
}

/**
 * Registers one operation of the route table (`ROUTES` of @minhbach/domain/api/routes): its
 * method, path and schemas come from the entry, so the handler's request and reply are typed by
 * it; the module adds only its access rules and the handler.
 */
export function route<O extends Operation & { id: string }>(
  app: Api,
  op: O,
  options: RouteOptions,
  handler: RouteHandler<O>,
): void {
  const { summary, description, ...rest } = options;
  app.route({
    ...rest,
    method: op.method,
    url: op.path,
    schema: schemaOf(op, { ...(summary ? { summary } : {}), ...(description ? { description } : {}) }),
    handler: handler as never,
  } as never);
}
