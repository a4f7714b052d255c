/**
 * The SQL of the report-shaped queries, kept in test/sql/*.sql: a change to what a report counts
 * shows as a diff of those files in review, not only as changed totals. The test compiles each
 * query (Kysely's PostgreSQL compiler, the same on both engines) with fixed inputs and fails when
 * the text or its parameters differ from the file. After a deliberate change, rewrite the files
 * with UPDATE_SQL_SNAPSHOTS=1 node scripts/test.mjs sql-snapshots and commit them with the change.
 *
 * Queries a module runs itself (caseDashboard) are caught with a driver that records what it is
 * given and answers empty rows, so the module needs no change to be looked at.
 */
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import type { Grant } from "@minhbach/domain";
import {
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type CompiledQuery,
  type DatabaseConnection,
  type Driver,
} from "kysely";
import type { DB } from "../src/db/schema.ts";
import type { AuthContext } from "../src/platform/access.ts";
import { caseFiguresQuery } from "../src/modules/cases/figures.ts";
import { caseDashboard } from "../src/modules/cases/service.ts";

const DIR = fileURLToPath(new URL("./sql/", import.meta.url));
const UPDATE = process.env.UPDATE_SQL_SNAPSHOTS === "1";

/** A Kysely that executes nothing: it keeps each query and answers one row of zeros. */
function recordingDb(): { db: Kysely<DB>; queries: CompiledQuery[] } {
  const queries: CompiledQuery[] = [];
  const connection: DatabaseConnection = {
    async executeQuery<R>(query: CompiledQuery) {
      queries.push(query);
      return { rows: [{ n: 0 }] as R[] };
    },
    // eslint-disable-next-line require-yield
    async *streamQuery() {
      throw new Error("not recorded");
    },
  };
  const driver: Driver = {
    async init() {},
    async acquireConnection() {
      return connection;
    },
    async beginTransaction() {},
    async commitTransaction() {},
    async rollbackTransaction() {},
    async releaseConnection() {},
    async destroy() {},
  };
  const db = new Kysely<DB>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => driver,
      createIntrospector: (k) => new PostgresIntrospector(k),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  });
  return { db, queries };
}

/** Line breaks before the clauses and between the select list's items (outside parentheses and quotes). */
function layout(text: string): string {
  const clause = /^(select|from|inner join|left join|where|group by|having|order by|limit|offset)\b/;
  let out = "";
  let depth = 0;
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quote) {
      if (ch === quote) quote = null;
      out += ch;
      continue;
    }
    if (ch === "'" || ch === '"') quote = ch;
    else if (ch === "(") depth++;
    else if (ch === ")") depth--;
    if (depth === 0 && ch === " " && clause.test(text.slice(i + 1))) {
      out += "\n";
      continue;
    }
    if (depth === 0 && ch === ",") {
      out += ",\n ";
      if (text[i + 1] === " ") i++;
      continue;
    }
    out += ch;
  }
  return out;
}

function render(title: string, queries: readonly CompiledQuery[]): string {
  const header = [
    `-- ${title}`,
    "-- Written by packages/server/test/sql-snapshots.test.ts, which fails when this SQL changes.",
    "-- Reviewer: read this file's diff as the change to what the report counts. To accept a",
    "-- deliberate change: UPDATE_SQL_SNAPSHOTS=1 node scripts/test.mjs sql-snapshots",
  ];
  const body = queries.map((q) => `${layout(q.sql)};\n-- parameters: ${JSON.stringify(q.parameters)}`);
  return [...header, "", body.join("\n\n"), ""].join("\n");
}

function snapshot(name: string, title: string, queries: readonly CompiledQuery[]) {
  const file = `${DIR}${name}.sql`;
  const text = render(title, queries);
  if (UPDATE || !existsSync(file)) {
    mkdirSync(DIR, { recursive: true });
    writeFileSync(file, text);
    if (!UPDATE) assert.fail(`${name}.sql did not exist: written, check it and commit it`);
    return;
  }
  assert.equal(text, readFileSync(file, "utf8"), `${name}.sql: the SQL changed (UPDATE_SQL_SNAPSHOTS=1 to accept)`);
}

const AGENCIES = ["00000000-0000-4000-8000-000000000001", "00000000-0000-4000-8000-000000000002"];

function leader(scope: Grant["scope"]): AuthContext {
  return {
    sessionId: "s",
    csrfToken: "c",
    userId: "00000000-0000-4000-8000-0000000000aa",
    username: "lanhdao",
    fullName: "Lãnh đạo",
    agencyId: AGENCIES[0]!,
    agencyPath: "/root/own/",
    roles: ["leader"],
    grants: [
      { permission: "case.read", scope },
      { permission: "case.approve_reveal", scope },
    ],
  };
}

test("case figures for a period (reports 03/GQKN, 04/GQTC, 05/KQTH)", () => {
  const { db } = recordingDb();
  const query = caseFiguresQuery(db, { agencyIds: AGENCIES, from: "2025-12-15", to: "2026-06-14" }).compile();
  snapshot("case-figures-period", "Case figures of agencies over a report period (modules/cases/figures.ts).", [query]);
});

test("the leader's case dashboard counts", async () => {
  for (const scope of ["own", "subtree"] as const) {
    const { db, queries } = recordingDb();
    await caseDashboard(db, leader(scope), 7, "2026-12-06");
    snapshot(
      `case-dashboard-${scope}`,
      `The leader's case dashboard, scope "${scope}" (modules/cases/service.ts caseDashboard).`,
      queries,
    );
  }
});
