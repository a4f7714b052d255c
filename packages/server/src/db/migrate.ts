/**
 * Applies the versioned SQL migrations in ./migrations in order, each in its own transaction,
 * recording name and checksum. A changed file that was already applied stops the start: the
 * migrations are history and are never edited, only added to. On a server, an advisory lock
 * keeps two processes from migrating at once.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Database } from "./connection.ts";

const MIGRATIONS_DIR = fileURLToPath(new URL("./migrations/", import.meta.url));
const LOCK_KEY = 727_274_001;

export interface Migration {
  version: string;
  name: string;
  script: string;
  checksum: string;
}

export function listMigrations(): Migration[] {
  return readdirSync(MIGRATIONS_DIR)
    .filter((file) => /^\d{4}_.+\.sql$/.test(file))
    .sort()
    .map((file) => {
      const script = readFileSync(MIGRATIONS_DIR + file, "utf8");
      return {
        version: file.slice(0, 4),
        name: file.replace(/\.sql$/, ""),
        script,
        checksum: createHash("sha256").update(script).digest("hex"),
      };
    });
}

export interface MigrateResult {
  applied: string[];
  current: string | null;
}

export async function migrate(database: Database): Promise<MigrateResult> {
  const applied: string[] = [];
  await database.session(async (raw) => {
    if (database.kind === "postgres") await raw.query("select pg_advisory_lock($1)", [LOCK_KEY]);
    try {
      await raw.exec(`create table if not exists schema_migration (
        version text primary key,
        name text not null,
        checksum text not null,
        applied_at timestamptz not null default now()
      )`);
      const rows = await raw.query<{ version: string; checksum: string }>(
        "select version, checksum from schema_migration",
      );
      const done = new Map(rows.map((row) => [row.version, row.checksum]));
      for (const migration of listMigrations()) {
        const checksum = done.get(migration.version);
        if (checksum !== undefined) {
          if (checksum !== migration.checksum) {
            throw new Error(
              `Tệp di chuyển ${migration.name} đã bị sửa sau khi áp dụng. Không sửa di chuyển cũ; hãy thêm tệp mới.`,
            );
          }
          continue;
        }
        await raw.exec("begin");
        try {
          await raw.exec(migration.script);
          await raw.query("insert into schema_migration (version, name, checksum) values ($1, $2, $3)", [
            migration.version,
            migration.name,
            migration.checksum,
          ]);
          await raw.exec("commit");
        } catch (error) {
          await raw.exec("rollback");
          throw new Error(`Di chuyển ${migration.name} thất bại: ${(error as Error).message}`, { cause: error });
        }
        applied.push(migration.name);
      }
    } finally {
      if (database.kind === "postgres") await raw.query("select pg_advisory_unlock($1)", [LOCK_KEY]);
    }
  });
  return { applied, current: await currentMigration(database) };
}

export async function currentMigration(database: Database): Promise<string | null> {
  const row = await database.db
    .selectFrom("schema_migration")
    .select("name")
    .orderBy("version", "desc")
    .limit(1)
    .executeTakeFirst();
  return row?.name ?? null;
}
