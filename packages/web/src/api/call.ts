/**
 * The typed way to call the API: `call("petitions.get", { params: { id } })`. Method, path and
 * the answer's type come from the operation's entry in the route table
 * (@minhbach/domain/api/routes); files come through `download`.
 */
import type { Entry, FileResponse, PathParams, ResponseOf } from "@minhbach/domain/api/contract";
import { buildPath } from "@minhbach/domain/api/contract";
import { ROUTES, type RouteId, type Routes } from "@minhbach/domain/api/routes";
import type { z } from "@minhbach/domain/api/zod-vi";
import { api, apiDownload, type QueryValue } from "./client.ts";

type ParamsInput<R extends { path: string }> = [PathParams<R["path"]>] extends [never]
  ? { params?: never }
  : { params: Record<PathParams<R["path"]>, string | number> };

/** The query as the address carries it: the entry's keys, each a plain value (lists as "a,b"). */
type QueryInput<R> = R extends { query: infer Q extends z.ZodType }
  ? { query?: { [K in keyof z.input<Q>]?: QueryValue } }
  : { query?: never };

type BodyInput<R> = R extends { body: infer B extends z.ZodType } ? { body: z.input<B> } : { body?: never };

export type CallInput<Id extends RouteId> = ParamsInput<Routes[Id]> &
  QueryInput<Routes[Id]> &
  BodyInput<Routes[Id]> & {
    signal?: AbortSignal | undefined;
    /** A 401 is an answer here, not a lost session (login, the initial session check). */
    expectUnauthorized?: boolean;
  };

/** Operations whose input has nothing required can be called without one. */
type InputArgs<Id extends RouteId> = object extends CallInput<Id> ? [input?: CallInput<Id>] : [input: CallInput<Id>];

/** Operations that answer JSON (the others are downloads). */
export type JsonRouteId = {
  [Id in RouteId]: Routes[Id]["response"] extends { 200: FileResponse } ? never : Id;
}[RouteId];
export type FileRouteId = Exclude<RouteId, JsonRouteId>;

/** What an operation answers on success. */
export type Answer<Id extends RouteId> = ResponseOf<Routes[Id]>;

/** The table as plain entries, for reading an entry's method and path at run time. */
const TABLE: Readonly<Record<string, Entry>> = ROUTES;

function pathOf(id: RouteId, input: { params?: Record<string, string | number> } | undefined): string {
  return buildPath((TABLE[id] as Entry).path, input?.params);
}

/** A call's input as the client reads it (the types are checked at the call site). */
interface Options {
  params?: Record<string, string | number>;
  query?: Record<string, QueryValue>;
  body?: unknown;
  signal?: AbortSignal;
  expectUnauthorized?: boolean;
}

export function call<Id extends JsonRouteId>(id: Id, ...args: InputArgs<Id>): Promise<Answer<Id>> {
  const entry = TABLE[id] as Entry;
  const options: Options = (args[0] as unknown as Options | undefined) ?? {};
  return api<Answer<Id>>(pathOf(id, options), {
    method: entry.method,
    ...(options.body !== undefined ? { body: options.body } : {}),
    ...(options.query ? { query: options.query } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.expectUnauthorized ? { expectUnauthorized: true } : {}),
  });
}

/** A file operation (a .docx, an .xlsx register, an attachment): its bytes and file name. */
export function download<Id extends FileRouteId>(
  id: Id,
  input: CallInput<Id>,
  fallbackName: string,
): Promise<{ fileName: string; blob: Blob }> {
  const options = input as unknown as Options;
  return apiDownload(pathOf(id, options), fallbackName, options.query);
}

/** The URL of an operation, for a link the browser follows itself or an upload with progress. */
export function urlOf<Id extends RouteId>(id: Id, input: CallInput<Id>): string {
  return `/api${pathOf(id, input as unknown as Options)}`;
}
