/**
 * Test harness: a fresh system on a fresh database per call — in-memory PGlite, or a new
 * schema on the PostgreSQL server named by TEST_DATABASE_URL (dropped at close) — with the demo
 * data, plus a small client that logs in as a demo user and carries cookie and CSRF token.
 */
import { randomBytes } from "node:crypto";
import { existsSync, linkSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { loadConfig, type Config } from "./config.ts";
import type { DbKind } from "./db/connection.ts";
import { todayInVietnam } from "@minhbach/domain";
import type { Api } from "./platform/http.ts";
import { hasKeyRing, KeyRing, keyRing, loadKeyRing, useKeyRing, writeKeyRing } from "./platform/vault.ts";
import { DEMO_PASSWORD } from "./seed/demo.ts";
import { startSystem, type Started } from "./start.ts";

export interface TestDb {
  kind: DbKind;
  url?: string;
}

/** The databases the API tests run against: always PGlite, and PostgreSQL when configured. */
export function testDatabases(): TestDb[] {
  const url = process.env.TEST_DATABASE_URL;
  return url ? [{ kind: "pglite" }, { kind: "postgres", url }] : [{ kind: "pglite" }];
}

export interface TestApp {
  app: Api;
  system: Started;
  url: string;
  kind: DbKind;
  login(username: string, password?: string): Promise<TestClient>;
  anonymous(): TestClient;
  close(): Promise<void>;
}

export interface StartTestOptions {
  db?: TestDb;
  listen?: boolean;
  demo?: boolean;
  config?: Partial<Config>;
  /** Load the demo's generated petitions too (off by default: tests make their own). */
  demoPetitions?: boolean;
  /** Capture the server's log lines here instead of discarding them. */
  logStream?: NodeJS.WritableStream;
  /**
   * On PostgreSQL, work in this schema (created if missing) and keep it at close: the benchmark
   * reuses a loaded million-row data set across runs. By default a fresh schema, dropped at close.
   */
  keepSchema?: string;
  /**
   * Keep the embedded database in files in this folder, with the attachment files and the
   * identity key file under it (`files/`, `keys/identity-keys.json`), as `npm start` does: for a
   * test that looks at the data at rest. The folder is the test's: it is kept at close.
   */
  dataDir?: string;
}

/**
 * A fresh in-memory PGlite runs initdb in WebAssembly, every migration and the demo seed: seconds
 * for each test app, most of a test run's time. So the first app of each kind (with the demo or
 * not, with the demo's generated records or not) is dumped, and later apps of that kind start from
 * the copy. Where MINHBACH_TEST_TEMPLATES names a folder (scripts/test.mjs makes one per run) the
 * copies are shared by the run's test processes, with the key ring that sealed them; the folder
 * lives as long as the run, so a copy never outlives the code that made it.
 */
const templates = new Map<string, Promise<{ dump: Blob; ring: string }>>();

/** The run's shared key ring: the first process to ask writes it, the others read it. */
function runKeyRing(dir: string): KeyRing {
  const file = path.join(dir, "identity-keys.json");
  if (!existsSync(file)) {
    const tmp = `${file}.${process.pid}.tmp`;
    writeKeyRing(tmp, KeyRing.generate("test"));
    try {
      linkSync(tmp, file); // fails if another process was first: its ring is the run's
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    } finally {
      unlinkSync(tmp);
    }
  }
  return loadKeyRing({ file, create: false }).ring;
}

function ringText(ring: KeyRing): string {
  return JSON.stringify(ring.toFile());
}

async function pgliteTemplate(config: Config, demoPetitions: boolean): Promise<Blob | null> {
  const dir = process.env.MINHBACH_TEST_TEMPLATES;
  if (dir && !hasKeyRing()) useKeyRing(runKeyRing(dir));
  if (!hasKeyRing()) useKeyRing(KeyRing.generate("test"));
  const kind = `${config.demo ? "demo" : "empty"}${config.demo && demoPetitions ? "-records" : ""}-${todayInVietnam()}`;
  let template = templates.get(kind);
  if (!template) {
    template = (async () => {
      const ring = ringText(keyRing());
      const file = dir ? path.join(dir, `pglite-${kind}.tar`) : null;
      if (file && existsSync(file)) return { dump: new Blob([readFileSync(file)]), ring };
      const system = await startSystem(config, { inMemory: true, demoPetitions, logger: false });
      try {
        const dump = await system.database.dump!();
        if (file) {
          const tmp = `${file}.${process.pid}.tmp`;
          writeFileSync(tmp, new Uint8Array(await dump.arrayBuffer()));
          renameSync(tmp, file);
        }
        return { dump, ring };
      } finally {
        await system.close();
      }
    })();
    templates.set(kind, template);
  }
  const { dump, ring } = await template;
  // A test that rotated the process's keys gets a database of its own: the copy is sealed with the old ring.
  return ring === ringText(keyRing()) ? dump : null;
}

export async function startTestApp(options: StartTestOptions = {}): Promise<TestApp> {
  const db = options.db ?? { kind: "pglite" };
  const dataDir = options.dataDir;
  if (dataDir && db.kind !== "pglite") throw new Error("dataDir is for the embedded database (PGlite) only");
  const schema =
    db.kind === "postgres"
      ? (options.keepSchema ?? `t_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`)
      : undefined;
  const config: Config = {
    ...loadConfig({}),
    databaseUrl: db.url,
    demo: options.demo ?? true,
    logLevel: options.logStream ? "info" : "silent",
    loginRateLimit: 10_000,
    ...(dataDir
      ? {
          dataDir,
          storageDir: path.join(dataDir, "files"),
          keyFile: path.join(dataDir, "keys", "identity-keys.json"),
        }
      : {}),
    ...options.config,
  };
  // Attachment files go to a folder of this run (created on the first upload), removed at close
  // unless the test chose the folder.
  const ownStorage = options.config?.storageDir === undefined && !dataDir;
  if (ownStorage) config.storageDir = path.join(os.tmpdir(), `minhbach-files-${randomBytes(8).toString("hex")}`);
  const template =
    db.kind === "pglite" && !dataDir ? await pgliteTemplate(config, options.demoPetitions ?? false) : null;
  const system = await startSystem(config, {
    inMemory: !dataDir,
    ...(template ? { template } : {}),
    demoPetitions: options.demoPetitions ?? false,
    ...(schema ? { schema } : {}),
    ...(options.logStream ? { logStream: options.logStream } : { logger: false as const }),
  });
  let url = "";
  if (options.listen !== false) {
    url = await system.app.listen({ port: 0, host: "127.0.0.1" });
  }
  const app = system.app;
  return {
    app,
    system,
    url,
    kind: db.kind,
    anonymous: () => new TestClient(app, null, null),
    async login(username, password = DEMO_PASSWORD) {
      const res = await app.inject({ method: "POST", url: "/api/auth/login", payload: { username, password } });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
      const cookie = res.cookies.find((c) => c.name === "mb_session");
      return new TestClient(app, cookie?.value ?? null, (res.json() as { csrfToken: string }).csrfToken);
    },
    async close() {
      await system.close();
      if (ownStorage) rmSync(config.storageDir, { recursive: true, force: true });
      if (schema && db.url && !options.keepSchema) {
        const client = new pg.Client({ connectionString: db.url });
        await client.connect();
        await client.query(`drop schema if exists ${schema} cascade`);
        await client.end();
      }
    },
  };
}

export interface TestResponse<T = unknown> {
  status: number;
  body: T;
  headers: Record<string, unknown>;
}

export class TestClient {
  constructor(
    private readonly app: Api,
    readonly session: string | null,
    readonly csrfToken: string | null,
  ) {}

  async request<T = any>(
    method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE",
    url: string,
    payload?: unknown,
    options: { csrf?: boolean; headers?: Record<string, string> } = {},
  ): Promise<TestResponse<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (this.session) headers.cookie = `mb_session=${this.session}`;
    if (method !== "GET" && this.csrfToken && options.csrf !== false) headers["x-csrf-token"] = this.csrfToken;
    const res = await this.app.inject({
      method,
      url,
      headers,
      ...(payload !== undefined ? { payload: payload as object } : {}),
    });
    let body: unknown = res.body;
    if ((res.headers["content-type"] ?? "").toString().includes("json") && res.body) body = res.json();
    return { status: res.statusCode, body: body as T, headers: res.headers };
  }

  get<T = any>(url: string) {
    return this.request<T>("GET", url);
  }
  post<T = any>(url: string, payload?: unknown, options?: { csrf?: boolean }) {
    return this.request<T>("POST", url, payload ?? {}, options);
  }
  put<T = any>(url: string, payload?: unknown) {
    return this.request<T>("PUT", url, payload ?? {});
  }
  patch<T = any>(url: string, payload?: unknown) {
    return this.request<T>("PATCH", url, payload ?? {});
  }
}
