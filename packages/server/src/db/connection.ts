/**
 * Opens the one PostgreSQL dialect the system speaks, on either engine: the embedded PGlite
 * (file-backed under DATA_DIR, or in memory for tests) or a PostgreSQL server through `pg`.
 * Everything above this file sees the same Kysely<DB> and does not know which engine it has.
 */
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import path from "node:path";
import { Kysely, PostgresDialect, sql } from "kysely";
import pg from "pg";
import { PGliteDialect } from "./pglite-dialect.ts";
import type { DB } from "./schema.ts";

export type DbKind = "pglite" | "postgres";

export interface Database {
  kind: DbKind;
  db: Kysely<DB>;
  /**
   * Runs `fn` on one pinned connection with raw access (migrations, advisory locks, scripts of
   * several statements). Not for request handling: use `db` there.
   */
  session<T>(fn: (raw: RawSession) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface RawSession {
  exec(script: string): Promise<void>;
  query<R = Record<string, unknown>>(text: string, params?: unknown[]): Promise<R[]>;
}

export interface OpenOptions {
  /** postgres://… to use a server; otherwise the embedded database. */
  databaseUrl?: string | undefined;
  /** Folder of the embedded database; undefined keeps it in memory (tests). */
  dataDir?: string | undefined;
  /** On a server, a schema to work in (created if missing); tests use one per run. */
  schema?: string | undefined;
  /** Pool size on a server. */
  poolSize?: number;
}

// Numeric and bigint columns come back as strings by default; counts and ids fit in a double.
pg.types.setTypeParser(20, (v) => Number(v));
// `date` columns stay 'YYYY-MM-DD' strings: a date has no time zone and must not become one.
pg.types.setTypeParser(1082, (v) => v);

export async function openDatabase(options: OpenOptions = {}): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options);
  return openPGlite(options.dataDir);
}

async function openPostgres(url: string, options: OpenOptions): Promise<Database> {
  const schema = options.schema;
  if (schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`bad schema name ${schema}`);
  if (schema) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      await admin.query(`create schema if not exists ${schema}`);
    } finally {
      await admin.end();
    }
  }
  // JIT compilation off: it starts when a plan's estimated cost is high, which a query that reads
  // fifty rows through an index can have (a walk in date order that stops early), and then spent
  // 100 ms compiling for a 70 ms query. This application's queries are short.
  const settings = ["-c jit=off", ...(schema ? [`-c search_path=${schema},public`] : [])];
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    options: settings.join(" "),
  });
  pool.on("error", () => {
    // An idle client lost its server; the pool replaces it on next use.
  });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    kind: "postgres",
    db,
    async session(fn) {
      const client = await pool.connect();
      try {
        return await fn({
          async exec(script) {
            await client.query(script);
          },
          async query(text, params) {
            return (await client.query(text, params)).rows;
          },
        });
      } finally {
        client.release();
      }
    },
    async close() {
      await db.destroy();
    },
  };
}

async function openPGlite(dataDir: string | undefined): Promise<Database> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { unaccent } = await import("@electric-sql/pglite/contrib/unaccent");
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  let unlock = () => {};
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true });
    unlock = takeLock(dataDir);
  }
  // Only the extensions we use: registering btree_gin beside pg_trgm hangs PGlite (STACK-NOTES).
  const pglite = await PGlite.create(dataDir, {
    extensions: { unaccent, pg_trgm },
    // Same value shapes as the pg driver above: dates as 'YYYY-MM-DD', bigints as numbers.
    parsers: { 1082: (v: string) => v, 20: (v: string) => Number(v) },
  });
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite) });
  return {
    kind: "pglite",
    db,
    async session(fn) {
      return fn({
        async exec(script) {
          await pglite.exec(script);
        },
        async query<R>(text: string, params?: unknown[]) {
          return (await pglite.query<R>(text, params)).rows;
        },
      });
    },
    async close() {
      await db.destroy();
      await pglite.close();
      unlock();
    },
  };
}

/**
 * PGlite has no multi-process locking: two processes on one folder lose writes. The lock file
 * holds the owner's pid; a stale lock (its process gone) is taken over.
 */
function takeLock(dataDir: string): () => void {
  const lockFile = path.join(dataDir, "minhbach.lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockFile, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(lockFile, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const pid = Number(readFileSync(lockFile, "utf8"));
      if (pid && pid !== process.pid && isAlive(pid)) {
        throw new Error(
          `Thư mục dữ liệu ${dataDir} đang được tiến trình ${pid} sử dụng. Chỉ một tiến trình được mở cơ sở dữ liệu nhúng.`,
        );
      }
      rmSync(lockFile, { force: true });
    }
  }
  throw new Error(`Không lấy được khóa thư mục dữ liệu ${dataDir}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export { sql };
