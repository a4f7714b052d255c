/**
 * src/db/schema.ts is written by hand beside the migrations: this test holds the two together on
 * both databases. schema.ts is read with the TypeScript compiler (the `DB` interface, each table's
 * interface, each column's type), the migrated database through information_schema; every table
 * and column of one must be in the other, and a column may be null in the database exactly when
 * its type says so. Not compared: a type that cannot tell (`unknown`), and a generated column, which
 * the catalog calls nullable whatever its expression gives (petition.search_tsv of a not-null text).
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, describe, test } from "node:test";
import { sql } from "kysely";
import ts from "typescript";
import { migrate, REWORDED_CHECKSUMS } from "../src/db/migrate.ts";
import { startTestApp, testDatabases, type TestApp } from "../src/testing.ts";

const SCHEMA = new URL("../src/db/schema.ts", import.meta.url);

/** table → column → nullable (true/false), or null when the type cannot tell. */
type Declared = Map<string, Map<string, boolean | null>>;

function declaredSchema(): Declared {
  const file = ts.createSourceFile("schema.ts", readFileSync(SCHEMA, "utf8"), ts.ScriptTarget.Latest, true);
  const interfaces = new Map<string, ts.InterfaceDeclaration>();
  const aliases = new Map<string, ts.TypeAliasDeclaration>();
  for (const statement of file.statements) {
    if (ts.isInterfaceDeclaration(statement)) interfaces.set(statement.name.text, statement);
    if (ts.isTypeAliasDeclaration(statement)) aliases.set(statement.name.text, statement);
  }
  const nullable = (node: ts.TypeNode): boolean | null => {
    if (ts.isParenthesizedTypeNode(node)) return nullable(node.type);
    if (ts.isLiteralTypeNode(node)) return node.literal.kind === ts.SyntaxKind.NullKeyword;
    if (node.kind === ts.SyntaxKind.UnknownKeyword || node.kind === ts.SyntaxKind.AnyKeyword) return null;
    if (ts.isUnionTypeNode(node)) {
      const members = node.types.map(nullable);
      return members.includes(true) ? true : members.includes(null) ? null : false;
    }
    if (ts.isTypeReferenceNode(node)) {
      const name = node.typeName.getText(file);
      // Generated<T> and ColumnType<Select, …>: what a select gives is the first argument.
      if ((name === "Generated" || name === "ColumnType") && node.typeArguments?.[0])
        return nullable(node.typeArguments[0]);
      const alias = aliases.get(name);
      if (alias) return nullable(alias.type);
    }
    return false;
  };
  // A table interface may extend a shared shape (PetitionEventTable extends EventTable): the
  // shape's columns come first, then the table's own.
  const columnsOf = (declaration: ts.InterfaceDeclaration, table: string): Map<string, boolean | null> => {
    const columns = new Map<string, boolean | null>();
    for (const clause of declaration.heritageClauses ?? []) {
      for (const parent of clause.types) {
        const shape = interfaces.get(parent.expression.getText(file));
        assert.ok(shape, `${table}: the interface it extends is in schema.ts`);
        for (const [name, value] of columnsOf(shape, table)) columns.set(name, value);
      }
    }
    for (const column of declaration.members) {
      assert.ok(ts.isPropertySignature(column) && column.type, `${table}: a column with a type`);
      columns.set(column.name.getText(file), nullable(column.type));
    }
    return columns;
  };
  const db = interfaces.get("DB");
  assert.ok(db, "schema.ts declares interface DB");
  const out: Declared = new Map();
  for (const member of db.members) {
    assert.ok(ts.isPropertySignature(member) && member.type && ts.isTypeReferenceNode(member.type));
    const table = member.name.getText(file);
    const declaration = interfaces.get(member.type.typeName.getText(file));
    assert.ok(declaration, `interface of table ${table} in schema.ts`);
    out.set(table, columnsOf(declaration, table));
  }
  return out;
}

test("schema.ts is read: tables, columns and what is nullable", () => {
  const declared = declaredSchema();
  assert.ok(declared.size >= 30);
  assert.equal(declared.get("resolution_case")?.get("facts"), null, "Json: unknown, not compared");
  assert.equal(declared.get("resolution_case")?.get("accepted_on"), true);
  assert.equal(declared.get("resolution_case")?.get("code"), false);
  assert.equal(declared.get("app_user")?.get("locked_until"), true, "NullableTimestamp");
  assert.equal(declared.get("agency")?.get("doc_place"), true, "Generated<string | null>");
  assert.equal(declared.get("case_figures")?.get("money_to_state"), false, "Numeric");
  assert.equal(declared.get("petition_event")?.get("actor_id"), true, "from the shared EventTable shape");
});

for (const db of testDatabases()) {
  describe(`schema.ts and the migrated database (${db.kind})`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp({ db, listen: false, demo: false });
    });
    after(() => t.close());

    test("the same tables and columns, null where the types allow it", async () => {
      const { rows } = await sql<{
        table_name: string;
        column_name: string;
        is_nullable: "YES" | "NO";
        is_generated: "ALWAYS" | "NEVER";
      }>`
        select c.table_name, c.column_name, c.is_nullable, c.is_generated
        from information_schema.columns c
        join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
        where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
        order by c.table_name, c.ordinal_position`.execute(t.system.database.db);
      const actual = new Map<string, Map<string, boolean | null>>();
      for (const row of rows) {
        if (!actual.has(row.table_name)) actual.set(row.table_name, new Map());
        const nullable = row.is_generated === "ALWAYS" ? null : row.is_nullable === "YES";
        actual.get(row.table_name)!.set(row.column_name, nullable);
      }
      const declared = declaredSchema();
      const drift: string[] = [];
      for (const [table, columns] of declared) {
        const inDb = actual.get(table);
        if (!inDb) {
          drift.push(`${table}: in schema.ts, not in the database`);
          continue;
        }
        for (const [column, nullable] of columns) {
          if (!inDb.has(column)) drift.push(`${table}.${column}: in schema.ts, not in the database`);
          else if (nullable !== null && inDb.get(column) !== null && nullable !== inDb.get(column))
            drift.push(`${table}.${column}: ${inDb.get(column) ? "nullable" : "not null"} in the database`);
        }
        for (const column of inDb.keys())
          if (!columns.has(column)) drift.push(`${table}.${column}: in the database, not in schema.ts`);
      }
      for (const table of actual.keys())
        if (!declared.has(table)) drift.push(`${table}: in the database, not in schema.ts`);
      assert.deepEqual(drift, []);
    });

    test("an applied migration edited afterwards stops the start, unless only its comments were reworded", async () => {
      const { database } = t.system;
      const setChecksum = (checksum: string) =>
        sql`update schema_migration set checksum = ${checksum} where version = '0001'`.execute(database.db);
      const { rows } = await sql<{
        checksum: string;
      }>`select checksum from schema_migration where version = '0001'`.execute(database.db);
      const current = rows[0]!.checksum;
      try {
        // An installation migrated before the comments of 0001 were reworded.
        await setChecksum(REWORDED_CHECKSUMS["0001"]![0]!);
        assert.deepEqual((await migrate(database)).applied, []);
        // Any other difference is an edited migration.
        await setChecksum("0".repeat(64));
        await assert.rejects(migrate(database), /0001_foundation đã bị sửa sau khi áp dụng/);
      } finally {
        await setChecksum(current);
      }
    });
  });
}
