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
  /** The embedded database's files as one tar (a template for tests); undefined on a server. */
  dump?(): Promise<Blob>;
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
  /** An in-memory embedded database starts as a copy of these files (a `dump()`), not empty. */
  template?: Blob | undefined;
}

// Numeric and bigint columns come back as strings by default; counts and ids fit in a double.
pg.types.setTypeParser(20, (v) => Number(v));
// `date` columns stay 'YYYY-MM-DD' strings: a date has no time zone and must not become one.
pg.types.setTypeParser(1082, (v) => v);

export async function openDatabase(options: OpenOptions = {}): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options);
  return openPGlite(options.dataDir, options.template);
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

async function openPGlite(dataDir: string | undefined, template: Blob | undefined): Promise<Database> {
  if (dataDir && template) throw new Error("a template is for an in-memory database only");
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
    ...(template ? { loadDataDir: template } : {}),
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
    dump: () => pglite.dumpDataDir("none"),
    async close() {
      await db.destroy();
      await pglite.close();
      unlock();
    },
  };
}

/**
 * PGlite has no multi-process locking: two processes on one folder lose writes. The lock file
 * says who holds the folder: the process id and, where the system tells it (/proc), when that
 * process started. A stale lock (its process gone, or the id now used by another program after
 * a crash and a reboot or a container restart) is taken over.
 */
function takeLock(dataDir: string): () => void {
  const lockFile = path.join(dataDir, "minhbach.lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockFile, "wx");
      writeSync(fd, JSON.stringify({ pid: process.pid, started: processStart(process.pid), program: "minhbach" }));
      closeSync(fd);
      return () => rmSync(lockFile, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = readLock(readFileSync(lockFile, "utf8"));
      if (holder && holder.pid !== process.pid && holdsLock(holder)) {
        throw new Error(
          `Thư mục dữ liệu ${dataDir} đang được tiến trình ${holder.pid} sử dụng. Chỉ một tiến trình được mở cơ sở dữ liệu nhúng.`,
        );
      }
      rmSync(lockFile, { force: true });
    }
  }
  throw new Error(`Không lấy được khóa thư mục dữ liệu ${dataDir}`);
}

export interface LockHolder {
  pid: number;
  /** The process's start time (clock ticks after boot, /proc/PID/stat), when known. */
  started: string | null;
}

/** The lock file's content: JSON, or (written by an earlier version) the bare process id. */
export function readLock(text: string): LockHolder | null {
  try {
    const parsed = JSON.parse(text) as unknown;
    if (typeof parsed === "number") return parsed > 0 ? { pid: parsed, started: null } : null;
    const { pid, started } = (parsed ?? {}) as { pid?: unknown; started?: unknown };
    if (typeof pid !== "number" || !(pid > 0)) return null;
    return { pid, started: typeof started === "string" ? started : null };
  } catch {
    return null;
  }
}

/**
 * Whether the recorded holder is still running: its id is alive, and it is the same process
 * (same start time) — or, for a lock without a start time, a Node.js program.
 */
export function holdsLock(holder: LockHolder): boolean {
  if (!isAlive(holder.pid)) return false;
  const started = processStart(holder.pid);
  if (started !== null && holder.started !== null) return started === holder.started;
  const command = processCommand(holder.pid);
  if (command !== null) return /node|minhbach/i.test(command);
  // No /proc (macOS, Windows): an alive id is taken to be the holder.
  return true;
}

/** Field 22 of /proc/PID/stat, the start time in clock ticks since boot; null without /proc. */
export function processStart(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) is in parentheses and may contain spaces and parentheses.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return fields[19] ?? null;
  } catch {
    return null;
  }
}

function processCommand(pid: number): string | null {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\u0000", " ");
  } catch {
    return null;
  }
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
