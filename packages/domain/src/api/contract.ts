/**
 * One contract per HTTP operation: its id, method, path, the schemas of what it takes and what it
 * answers. The server registers every operation from the table (`ROUTES` in ./routes.ts) and the
 * web app calls the API through it, so both sides read the same entry.
 *
 * Paths are relative to /api and written in Fastify's form (`/petitions/:id`).
 */
import type { z } from "./zod-vi.ts";

export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** An answer that is a file (a .docx, an .xlsx register, an attachment), sent as bytes. */
export interface FileResponse {
  readonly kind: "file";
  /** The content type documented in OpenAPI ("application/octet-stream" when it varies). */
  readonly mime: string;
  readonly description: string;
  /** Binary (the default) or text (an iCalendar file). */
  readonly text?: boolean;
}

export function fileResponse(mime: string, description: string, options: { text?: boolean } = {}): FileResponse {
  return { kind: "file", mime, description, ...(options.text ? { text: true } : {}) };
}

export const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export type ResponseSchema = z.ZodType | FileResponse;

export interface Operation {
  readonly method: Method;
  readonly path: string;
  readonly tags: readonly string[];
  readonly summary: string;
  readonly description?: string;
  /** Left out of the OpenAPI document (the document itself). */
  readonly hidden?: boolean;
  readonly params?: z.ZodType;
  readonly query?: z.ZodType;
  readonly body?: z.ZodType;
  /**
   * Per status. A JSON answer's schema is strict in what leaves the server: the serialiser
   * writes only the keys it declares.
   */
  readonly response: Readonly<Record<number, ResponseSchema>>;
}

export type Entry<Id extends string = string, O extends Operation = Operation> = O & { readonly id: Id };

/** Gives each operation of a capability its id (the key). */
export function defineRoutes<const T extends Record<string, Operation>>(
  table: T,
): { [K in keyof T]: T[K] & { id: K } } {
  return Object.fromEntries(Object.entries(table).map(([id, op]) => [id, { ...op, id }])) as never;
}

export function isFileResponse(schema: ResponseSchema): schema is FileResponse {
  return (schema as FileResponse).kind === "file" && !("_zod" in schema);
}

/** The success status of an operation (2xx) and its schema. */
type SuccessStatus<O extends Operation> = Extract<keyof O["response"], 200 | 201 | 204>;
export type SuccessSchema<O extends Operation> = O["response"][SuccessStatus<O>];

/** What a successful call answers, as the client receives it (JSON-decoded). */
export type ResponseOf<O extends Operation> =
  SuccessSchema<O> extends FileResponse
    ? Blob
    : SuccessSchema<O> extends z.ZodType
      ? z.output<SuccessSchema<O>>
      : never;

export type BodyOf<O extends Operation> = O extends { body: infer B extends z.ZodType } ? z.input<B> : undefined;
export type QueryOf<O extends Operation> = O extends { query: infer Q extends z.ZodType } ? z.input<Q> : undefined;

/** `"/petitions/:id/steps/:step"` → `"id" | "step"`. */
export type PathParams<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | PathParams<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;

/** `buildPath("/petitions/:id", { id })` → "/petitions/…" with each value URL-encoded. */
export function buildPath(path: string, params: Record<string, string | number> | undefined): string {
  return path.replace(/:(\w+)/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined) throw new Error(`Missing path parameter ${name} for ${path}`);
    return encodeURIComponent(String(value));
  });
}
