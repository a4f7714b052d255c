/**
 * Applies the versioned SQL migrations in ./migrations in order, each in its own transaction,
 * recording name and checksum. A changed file that was already applied stops the start: the
 * migrations are history and are never edited, only added to. On a server, an advisory lock
 * keeps two processes from migrating at once.
 *
 * One exception, listed below file by file: a comment-only edit of an applied migration keeps the
 * file's earlier checksum valid, so that installations migrated before the edit still start.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Database } from "./connection.ts";

const MIGRATIONS_DIR = fileURLToPath(new URL("./migrations/", import.meta.url));
const LOCK_KEY = 727_274_001;

/**
 * Earlier checksums still accepted for files whose comments were reworded after they were applied
 * (the statements are unchanged; `git log -p` on the file shows the edit). Never add an entry for a
 * change of a statement: add a new migration instead.
 */
export const REWORDED_CHECKSUMS: Readonly<Record<string, readonly string[]>> = {
  // Comments cited a research file outside the repository; they now cite docs/LAW.md.
  "0001": ["ab8687eed88bed3d4da06cc868c7f1699eda37b7b7c2aa6540822f053c843ff6"],
  "0005": ["3036979b98d7bba73cce0395335e025237f346da7169e6366fef70d710c2fbd6"],
  "0020": ["9b26b0b8e91e5ef07c506b0ad60854f85447088cab48d32679c92d460d96aff4"],
};

function acceptedChecksum(migration: Migration, recorded: string): boolean {
  return recorded === migration.checksum || (REWORDED_CHECKSUMS[migration.version] ?? []).includes(recorded);
}

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
          if (!acceptedChecksum(migration, checksum)) {
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
