/**
 * Bad input from outside, on every operation of the OpenAPI document: generated from
 * /api/openapi.json, so a route is covered the day it is added. Each operation gets a bounded set
 * of bad inputs (malformed JSON, wrong types, missing and extra fields, 100.000-character strings,
 * NUL and other control characters, emoji, impossible dates, non-UUID and SQL-looking ids, wrong
 * content types, broken multipart, oversize bodies), sent as the first demo user allowed to call
 * it, and again without a session. No answer may be ≥ 500; every 4xx is { code, message, field? }
 * with a Vietnamese message and no stack trace; without a session a protected route says 401
 * whatever the body.
 *
 * The suite runs once per database, each from its own file (api-fuzz.pglite.test.ts,
 * api-fuzz.postgres.test.ts), so that each file stays well inside the runner's limit per file.
 */
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, test } from "node:test";
import { grantsOf, type Permission } from "@minhbach/domain";
import { declaredRoutes } from "../../src/platform/access.ts";
import { DEMO_ACCOUNTS } from "../../src/seed/demo.ts";
import { startTestApp, type TestApp, type TestDb } from "../../src/testing.ts";

// ---- The judge ---------------------------------------------------------------------------------

export interface Answer {
  status: number;
  body: string;
}

/** What is wrong with an answer to a bad input (empty: nothing). */
export function judge(answer: Answer): string[] {
  const problems: string[] = [];
  if (answer.status >= 500) problems.push(`trả lời ${answer.status}`);
  if (/\bat [^\n]*\.(?:ts|js|mjs|cjs):\d+|node_modules\//.test(answer.body)) problems.push("lộ stack trace");
  if (answer.status >= 400) {
    let error = null as { code?: unknown; message?: unknown; field?: unknown } | null;
    try {
      error = JSON.parse(answer.body) as typeof error;
    } catch {
      problems.push("lỗi không phải JSON");
    }
    if (error) {
      if (typeof error.code !== "string" || !error.code) problems.push("lỗi thiếu code");
      if (typeof error.message !== "string" || !error.message) problems.push("lỗi thiếu message");
      else if (!VIETNAMESE.test(error.message)) problems.push(`message không phải tiếng Việt: ${error.message}`);
      if (error.field !== undefined && typeof error.field !== "string") problems.push("field không phải chuỗi");
    }
  }
  return problems;
}

const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;

// ---- Inputs from the OpenAPI document ------------------------------------------------------------

type Schema = {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  minimum?: number;
  minItems?: number;
  nullable?: boolean;
  default?: unknown;
  oneOf?: Schema[];
  anyOf?: Schema[];
  allOf?: Schema[];
};

interface Operation {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  path: string;
  permission: Permission | "session" | null;
  pathParams: string[];
  queryParams: { name: string; required: boolean; schema: Schema }[];
  body: Schema | null;
}

interface Input {
  label: string;
  url: string;
  payload?: string | Buffer;
  contentType?: string;
}

const LONG = "a".repeat(100_000);
const NUL = "tên\u0000; drop table petition;--";
const CONTROL = "\u0001\u0007\u001b[31m\u007f\u202e😀👨‍👩‍👧 ";
const SQL = "' OR '1'='1'; --";
const BOUNDARY = "----minhbachfuzz";

/** A plausible value for a schema: enough for the bad value beside it to be what is judged. */
function example(schema: Schema, resolve: (s: Schema) => Schema, depth = 0): unknown {
  const s = resolve(schema);
  if (depth > 6) return null;
  if (s.default !== undefined) return s.default;
  if (s.const !== undefined) return s.const;
  if (s.enum?.length) return s.enum[0];
  const variant = s.oneOf?.[0] ?? s.anyOf?.[0] ?? s.allOf?.[0];
  if (variant) return example(variant, resolve, depth + 1);
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== "null") : s.type;
  switch (type) {
    case "object": {
      const out: Record<string, unknown> = {};
      for (const key of s.required ?? []) {
        const inner = s.properties?.[key];
        if (inner) out[key] = example(inner, resolve, depth + 1);
      }
      return out;
    }
    case "array":
      return s.items && s.minItems ? [example(s.items, resolve, depth + 1)] : [];
    case "integer":
    case "number":
      return Math.max(1, s.minimum ?? 1);
    case "boolean":
      return false;
    case "string":
      if (s.format === "uuid") return randomUUID();
      if (s.format === "email") return "a@example.com";
      if (s.format === "date-time") return "2026-03-02T08:00:00.000Z";
      if (s.pattern?.includes("\\d{4}-\\d{2}-\\d{2}")) return "2026-03-02";
      return "Nội dung thử".padEnd(Math.max(12, s.minLength ?? 0), ".");
    default:
      return null;
  }
}

/** Bad values for one field of a body. */
function badValues(schema: Schema): [string, unknown][] {
  const isString = (Array.isArray(schema.type) ? schema.type : [schema.type]).includes("string");
  return [
    ["NUL", NUL],
    ["100.000 ký tự", LONG],
    ["ký tự điều khiển, emoji", CONTROL],
    ["sai kiểu", isString ? 12345 : "không phải số"],
    ["đối tượng", { $gt: "" }],
    ["null", null],
    ["ngày không tồn tại", "2026-02-30"],
    ["số khổng lồ", 1e308],
  ];
}

/** Replaces every string leaf of a value. */
function everyString(value: unknown, by: string): unknown {
  if (typeof value === "string") return by;
  if (Array.isArray(value)) return value.map((v) => everyString(v, by));
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, everyString(v, by)]));
  return value;
}

function inputsOf(op: Operation, real: (op: Operation, param: string) => string, bodyLimit: number): Input[] {
  const resolvePath = (values: Record<string, string>) =>
    op.path.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? encodeURIComponent(real(op, name)));
  const baseQuery = op.queryParams
    .filter((q) => q.required)
    .map((q) => `${q.name}=${encodeURIComponent(realQuery(q.name, q.schema))}`);
  const url = (values: Record<string, string> = {}, query: string[] = baseQuery) =>
    resolvePath(values) + (query.length ? `?${query.join("&")}` : "");
  const inputs: Input[] = [];
  const hasBody = op.method !== "GET" && op.method !== "DELETE";
  const json = (label: string, value: unknown, at = url()) =>
    inputs.push({ label, url: at, payload: JSON.stringify(value), contentType: "application/json" });
  const base = op.body ? (example(op.body, resolveRef) as Record<string, unknown>) : {};

  // The plain call first: a route that throws whatever it gets is caught even with no input to spoil.
  if (hasBody) json("như tài liệu", base);
  else inputs.push({ label: "như tài liệu", url: url() });
  // An unknown query parameter: ignored or refused, never an error.
  inputs.push({ label: "query lạ", url: url({}, [...baseQuery, "khongCo=1"]) });

  for (const param of op.pathParams) {
    for (const [label, value] of [
      ["NUL", "%00"],
      ["không phải UUID", "khong-phai-uuid"],
      ["SQL", encodeURIComponent(SQL)],
      ["emoji", encodeURIComponent("😀\u202e")],
      ["UUID không tồn tại", randomUUID()],
      ["số âm", "-1"],
      ["300 ký tự", "a".repeat(300)],
      ["mã hóa phần trăm hỏng", "%E0%A4%A"],
    ] as const) {
      const at = url({ [param]: value });
      if (hasBody) json(`path ${param}: ${label}`, base, at);
      else inputs.push({ label: `path ${param}: ${label}`, url: at });
    }
  }
  for (const q of op.queryParams) {
    const others = baseQuery.filter((p) => !p.startsWith(`${q.name}=`));
    for (const [label, value] of [
      ["NUL", "a%00b"],
      ["100.000 ký tự", LONG],
      ["ký tự điều khiển, emoji", encodeURIComponent(CONTROL)],
      ["SQL", encodeURIComponent(SQL)],
      ["ngày không tồn tại", "2026-02-30"],
      ["sai kiểu", "khong-phai-so"],
      ["số âm", "-99999999999999999999"],
    ] as const) {
      inputs.push({ label: `query ${q.name}: ${label}`, url: url({}, [...others, `${q.name}=${value}`]) });
    }
    inputs.push({ label: `query ${q.name}: hai lần`, url: url({}, [...others, `${q.name}=a`, `${q.name}=b`]) });
  }
  inputs.push({ label: "query lạ có NUL", url: url({}, [...baseQuery, "khong%00co=1"]) });

  if (hasBody) {
    inputs.push({ label: "JSON hỏng", url: url(), payload: '{"a":', contentType: "application/json" });
    inputs.push({ label: "thân rỗng khai báo JSON", url: url(), payload: "", contentType: "application/json" });
    inputs.push({ label: "sai content-type", url: url(), payload: "a=b", contentType: "text/plain" });
    inputs.push({ label: "content-type lạ", url: url(), payload: "<a/>", contentType: "application/xml" });
    inputs.push({
      label: "multipart không có boundary",
      url: url(),
      payload: `--${BOUNDARY}\r\n`,
      contentType: "multipart/form-data",
    });
    inputs.push({
      label: "multipart bị cắt giữa chừng",
      url: url(),
      payload: `--${BOUNDARY}\r\nContent-Disposition: form-data; name="files"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\nđang gửi thì`,
      contentType: `multipart/form-data; boundary=${BOUNDARY}`,
    });
    inputs.push({
      label: "quá giới hạn kích thước",
      url: url(),
      payload: Buffer.alloc(bodyLimit + 1024, 0x20),
      contentType: "application/json",
    });
    for (const [label, value] of [
      ["mảng", []],
      ["chuỗi", "chuỗi"],
      ["null", null],
      ["đối tượng rỗng", {}],
    ] as const)
      json(`thân là ${label}`, value);
    json("trường thừa", { ...base, truongThua: "x", __proto__x: { a: 1 } });
    json("trường thừa có NUL trong tên", { ...base, "a\u0000b": "x" });
    json("mọi chuỗi có NUL", everyString(base, NUL));
    json("mọi chuỗi 100.000 ký tự", everyString(base, LONG));
    json("mọi chuỗi có ký tự điều khiển, emoji", everyString(base, CONTROL));
    const properties = op.body ? propertiesOf(op.body) : {};
    for (const [name, schema] of Object.entries(properties)) {
      const { [name]: _dropped, ...without } = base;
      json(`thiếu ${name}`, without);
      for (const [label, value] of badValues(schema)) json(`${name}: ${label}`, { ...base, [name]: value });
    }
  }
  return inputs;
}

let components: Record<string, Schema> = {};
function resolveRef(schema: Schema): Schema {
  if (!schema.$ref) return schema;
  return resolveRef(components[schema.$ref.replace("#/components/schemas/", "")] ?? {});
}

/** The top-level fields of a body schema (of its first variant, for a union). */
function propertiesOf(schema: Schema): Record<string, Schema> {
  const s = resolveRef(schema);
  const variant = s.oneOf?.[0] ?? s.anyOf?.[0] ?? s.allOf?.[0];
  if (!s.properties && variant) return propertiesOf(variant);
  return Object.fromEntries(Object.entries(s.properties ?? {}).map(([k, v]) => [k, resolveRef(v)]));
}

function realQuery(name: string, schema: Schema): string {
  if (name === "agency") return "LC.SCT";
  if (name === "entityType") return "petition";
  const value = example(schema, resolveRef);
  return typeof value === "string" ? value : String(value);
}

function operationsOf(doc: {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: { in: string; name: string; required?: boolean; schema: Schema }[];
        requestBody?: { content: Record<string, { schema: Schema }> };
      }
    >
  >;
}): Operation[] {
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const upper = method.toUpperCase() as Operation["method"];
      const declared = declaredRoutes.get(`${upper} ${path.replace(/\{(\w+)\}/g, ":$1")}`);
      ops.push({
        method: upper,
        path,
        permission: declared?.permission ?? null,
        pathParams: (op.parameters ?? []).filter((p) => p.in === "path").map((p) => p.name),
        queryParams: (op.parameters ?? [])
          .filter((p) => p.in === "query")
          .map((p) => ({ name: p.name, required: p.required ?? false, schema: p.schema ?? {} })),
        body: op.requestBody?.content["application/json"]?.schema ?? null,
      });
    }
  }
  return ops;
}

/** The first demo account allowed to call the operation (null: a public one). */
function callerOf(op: Operation): string | null {
  if (op.permission === null) return null;
  const account = DEMO_ACCOUNTS.find(
    (a) => op.permission === "session" || grantsOf(a.roles).some((g) => g.permission === op.permission),
  );
  assert.ok(account, `không tài khoản trình diễn nào được gọi ${op.method} ${op.path} (${op.permission})`);
  return account.username;
}

// ---- The run -----------------------------------------------------------------------------------

export function fuzzSuite(db: TestDb): void {
  describe(`API fuzz from the OpenAPI document (${db.kind})`, () => {
    let t: TestApp;
    let ops: Operation[] = [];
    /** Existing records, so that a bad body reaches the code behind a real id too. */
    const ids = new Map<string, string>();

    before(async () => {
      t = await startTestApp({ db, listen: false, demoPetitions: true });
      const doc = (await t.anonymous().get("/api/openapi.json")).body;
      components = doc.components?.schemas ?? {};
      ops = operationsOf(doc);
      const kdb = t.system.database.db;
      const first = async (table: Parameters<typeof kdb.selectFrom>[0] & string, column = "id") => {
        const row = (await kdb
          .selectFrom(table as "petition")
          .select(column as "id")
          .limit(1)
          .executeTakeFirst()) as Record<string, unknown> | undefined;
        return row ? String(row[column]) : randomUUID();
      };
      ids.set("/api/agencies", await first("agency"));
      // A read-only account: the fuzz may rename it, never lock the one it works as.
      const xem = await kdb.selectFrom("app_user").select("id").where("username", "=", "xem").executeTakeFirstOrThrow();
      ids.set("/api/users", xem.id);
      ids.set("/api/petitions", await first("petition"));
      ids.set("/api/cases", await first("resolution_case"));
      ids.set("/api/documents", await first("official_document"));
      ids.set("/api/reception/visits", await first("reception_visit"));
      ids.set("/api/reception/schedule", await first("reception_schedule"));
      ids.set("/api/identity-requests", await first("identity_request"));
      ids.set("/api/attachments", await first("attachment"));
      ids.set("/api/petition-fields", await first("field_catalog", "code"));
    });
    after(() => t?.close());

    const real = (op: Operation, param: string): string => {
      if (param === "year") return "2026";
      const prefix = [...ids.keys()].filter((p) => op.path.startsWith(`${p}/`)).sort((a, b) => b.length - a.length)[0];
      return (prefix && ids.get(prefix)) ?? randomUUID();
    };

    test("the judge reports a 500, an error without message, a stack trace, an English message", () => {
      assert.deepEqual(judge({ status: 400, body: '{"code":"VALIDATION_FAILED","message":"Bắt buộc nhập."}' }), []);
      assert.deepEqual(judge({ status: 201, body: '{"id":"x"}' }), []);
      assert.match(judge({ status: 500, body: '{"code":"INTERNAL_ERROR","message":"Hệ thống gặp lỗi."}' })[0]!, /500/);
      assert.ok(judge({ status: 400, body: '{"code":"X"}' }).includes("lỗi thiếu message"));
      assert.ok(judge({ status: 400, body: "Bad Request" }).includes("lỗi không phải JSON"));
      assert.ok(
        judge({ status: 400, body: '{"code":"X","message":"Lỗi tại at f (/app/src/x.ts:12:3)"}' }).includes(
          "lộ stack trace",
        ),
      );
      assert.match(judge({ status: 400, body: '{"code":"X","message":"Bad input"}' }).join(), /tiếng Việt/);
    });

    test("every operation × bad inputs, as a user allowed to call it: no 500, every 4xx explained", async () => {
      const started = Date.now();
      assert.ok(ops.length >= 80, `chỉ có ${ops.length} thao tác trong /api/openapi.json`);
      const clients = new Map<string, Awaited<ReturnType<TestApp["login"]>>>();
      const clientOf = async (username: string, fresh: boolean) => {
        let client = fresh ? undefined : clients.get(username);
        if (!client) {
          client = await t.login(username);
          if (!fresh) clients.set(username, client);
        }
        return client;
      };
      const failures: string[] = [];
      let sent = 0;
      const statuses = new Map<number, number>();
      for (const op of ops) {
        const username = callerOf(op);
        for (const input of inputsOf(op, real, t.system.app.initialConfig.bodyLimit ?? 1_048_576)) {
          // Signing out ends the session the next inputs would use: a session of its own each time.
          const client = username ? await clientOf(username, op.path.endsWith("/logout")) : null;
          const headers: Record<string, string> = {};
          if (client?.session) headers.cookie = `mb_session=${client.session}`;
          if (client?.csrfToken && op.method !== "GET") headers["x-csrf-token"] = client.csrfToken;
          if (input.contentType) headers["content-type"] = input.contentType;
          const res = await t.app.inject({
            method: op.method,
            url: input.url,
            headers,
            ...(input.payload !== undefined ? { payload: input.payload } : {}),
          });
          sent++;
          statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
          for (const problem of judge({ status: res.statusCode, body: res.body }))
            failures.push(
              `${op.method} ${op.path} [${input.label}] as ${username ?? "ẩn danh"}: ${problem.slice(0, 200)}`,
            );
        }
      }
      console.log(
        `fuzz (${db.kind}): ${ops.length} thao tác, ${sent} yêu cầu, ${Math.round((Date.now() - started) / 1000)} s; ` +
          [...statuses]
            .sort(([a], [b]) => a - b)
            .map(([s, n]) => `${s}×${n}`)
            .join(" "),
      );
      assert.deepEqual(failures.slice(0, 40), [], `${failures.length} câu trả lời sai`);
    });

    test("without a session: a protected operation says 401 whatever the body, a public one no 500", async () => {
      const failures: string[] = [];
      let sent = 0;
      for (const op of ops) {
        const inputs = inputsOf(op, real, 1_048_576).filter((i) =>
          /^(JSON hỏng|quá giới hạn|multipart bị cắt|mọi chuỗi có NUL|path \w+: NUL|query \w+: NUL)/.test(i.label),
        );
        inputs.push({ label: "đúng dạng", url: op.path.replace(/\{(\w+)\}/g, (_, p: string) => real(op, p)) });
        for (const input of inputs) {
          const res = await t.app.inject({
            method: op.method,
            url: input.url,
            headers: input.contentType ? { "content-type": input.contentType } : {},
            ...(input.payload !== undefined ? { payload: input.payload } : {}),
          });
          sent++;
          const where = `${op.method} ${op.path} [${input.label}]`;
          for (const problem of judge({ status: res.statusCode, body: res.body }))
            failures.push(`${where}: ${problem}`);
          // The route table decides first: a path that matches no route is 404 for anyone.
          if (op.permission !== null && res.statusCode !== 401 && res.statusCode !== 404)
            failures.push(`${where}: ${res.statusCode} thay vì 401`);
        }
      }
      console.log(`fuzz ẩn danh (${db.kind}): ${sent} yêu cầu`);
      assert.deepEqual(failures.slice(0, 40), [], `${failures.length} câu trả lời sai`);
    });
  });
}
