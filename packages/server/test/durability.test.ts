/**
 * Durability of acknowledged writes: the real server process (src/main.ts) on the embedded
 * database and on PostgreSQL, concurrent writes of three kinds (intake into the register,
 * classification, document issue) over HTTP on 127.0.0.1, `kill -9` in the middle of the load,
 * restart, twice. Then every write the server acknowledged is there and complete, register
 * numbers are unique and gapless, and `minhbach audit verify` passes.
 */
import assert from "node:assert/strict";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { after, describe, test } from "node:test";
import { ELIGIBLE_ANSWERS, todayInVietnam } from "@minhbach/domain";
import pg from "pg";
import { openDatabase } from "../src/db/connection.ts";
import { DEMO_PASSWORD } from "../src/seed/demo.ts";

const root = path.resolve(import.meta.dirname, "../../..");
const KILLS = 2;
/** Acknowledged intakes after which the server is killed, in each round. */
const ACKS_BEFORE_KILL = 25;
const WORKERS = 6;

// ---- The checker ---------------------------------------------------------------------------------

/** What the server said it had done. */
export interface Acknowledged {
  intakes: { id: string; code: string; content: string }[];
  classified: { id: string; kind: string; state: string }[];
  issued: { id: string; number: number; symbol: string }[];
}

/** What the database holds after the crashes. */
export interface Stored {
  petitions: Map<
    string,
    {
      code: string;
      seq_no: number;
      agency_id: string;
      year: string;
      content: string;
      kind: string | null;
      state: string;
      parties: number;
    }
  >;
  documents: Map<
    string,
    {
      status: string;
      number: number | null;
      symbol: string | null;
      agency_id: string;
      series: string;
      year: string;
      file: boolean;
    }
  >;
}

/** Every problem: an acknowledged write missing or incomplete, a register number repeated or skipped. */
export function checkDurability(acks: Acknowledged, stored: Stored): string[] {
  const problems: string[] = [];
  for (const a of acks.intakes) {
    const p = stored.petitions.get(a.id);
    if (!p) problems.push(`đơn ${a.code} đã xác nhận nhưng mất`);
    else if (p.code !== a.code || p.content !== a.content || p.parties < 2)
      problems.push(`đơn ${a.code} không đầy đủ (${p.code}, ${p.parties} bên)`);
  }
  for (const a of acks.classified) {
    const p = stored.petitions.get(a.id);
    if (!p || p.kind !== a.kind || p.state !== a.state) problems.push(`phân loại đơn ${a.id} đã xác nhận nhưng mất`);
  }
  for (const a of acks.issued) {
    const d = stored.documents.get(a.id);
    if (!d || d.status !== "issued" || d.number !== a.number || d.symbol !== a.symbol || !d.file)
      problems.push(`văn bản ${a.symbol} đã ban hành nhưng mất hoặc không đầy đủ`);
  }
  const gapless = (label: string, groups: Map<string, number[]>) => {
    for (const [key, numbers] of groups) {
      const sorted = [...numbers].sort((x, y) => x - y);
      sorted.forEach((n, i) => {
        if (n !== i + 1) problems.push(`${label} ${key}: số ${n} ở vị trí ${i + 1} (lặp hoặc bỏ số)`);
      });
    }
  };
  const byRegister = (rows: Iterable<{ key: string; n: number | null }>) => {
    const groups = new Map<string, number[]>();
    for (const { key, n } of rows) if (n !== null) groups.set(key, [...(groups.get(key) ?? []), n]);
    return groups;
  };
  gapless(
    "sổ đơn",
    byRegister([...stored.petitions.values()].map((p) => ({ key: `${p.agency_id}/${p.year}`, n: p.seq_no }))),
  );
  gapless(
    "sổ văn bản",
    byRegister(
      [...stored.documents.values()]
        .filter((d) => d.status !== "draft")
        .map((d) => ({ key: `${d.agency_id}/${d.series}/${d.year}`, n: d.number })),
    ),
  );
  return problems;
}

// ---- The server process ----------------------------------------------------------------------

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

interface Server {
  child: ChildProcess;
  base: string;
  /** Milliseconds from spawn to the first healthy answer. */
  startMs: number;
}

async function startServer(env: NodeJS.ProcessEnv): Promise<Server> {
  const port = await freePort();
  const started = Date.now();
  const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "packages/server/src/main.ts")], {
    cwd: root,
    env: { ...env, PORT: String(port), HOST: "127.0.0.1", LOG_LEVEL: "error", WEB_DIST: "/nonexistent" },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr!.on("data", (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  const base = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited ${child.exitCode}: ${stderr}`);
    if (Date.now() - started > 120_000) throw new Error(`server not ready: ${stderr}`);
    try {
      const res = await fetch(`${base}/api/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { child, base, startMs: Date.now() - started };
}

function killHard(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (server.child.exitCode !== null || server.child.signalCode !== null) return resolve();
    server.child.once("exit", () => resolve());
    server.child.kill("SIGKILL");
  });
}

function stop(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (server.child.exitCode !== null || server.child.signalCode !== null) return resolve();
    server.child.once("exit", () => resolve());
    server.child.kill("SIGTERM");
  });
}

class Client {
  cookie = "";
  csrf = "";
  agencyId = "";
  constructor(readonly base: string) {}
  async login(username: string) {
    const res = await fetch(`${this.base}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username, password: DEMO_PASSWORD }),
    });
    assert.equal(res.status, 200, await res.clone().text());
    this.cookie = /mb_session=[^;]+/.exec(res.headers.get("set-cookie") ?? "")![0];
    const me = (await res.json()) as { csrfToken: string; agency?: { id: string }; user?: { agency?: { id: string } } };
    this.csrf = me.csrfToken;
    this.agencyId = me.agency?.id ?? me.user?.agency?.id ?? "";
    return this;
  }
  async post(url: string, body: unknown): Promise<{ status: number; body: any }> {
    const res = await fetch(`${this.base}${url}`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: this.cookie, "x-csrf-token": this.csrf },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: await res.json() };
  }
}

/**
 * Workers write until the server dies: intake, classification of the new petition, a document
 * drafted for it and issued. Only a 2xx answer counts as acknowledged.
 */
async function load(base: string, acks: Acknowledged, onIntake: () => void): Promise<{ errors: string[] }> {
  const handler = await new Client(base).login("xulydon");
  const errors: string[] = [];
  const today = todayInVietnam();
  let dead = false;
  const worker = async (w: number) => {
    for (let i = 0; !dead; i++) {
      try {
        const content = `Đơn kiểm thử độ bền ${w}-${i}-${randomUUID()}: đề nghị kiểm tra cửa hàng bán xăng thiếu lít.`;
        const intake = await handler.post("/api/petitions", {
          channel: "post",
          receivedOn: today,
          petitioners: [{ kind: "person", fullName: `Người viết ${w} ${i}`, address: "Thôn Na Hối, xã Bắc Hà" }],
          respondents: [{ name: `Cửa hàng ${w}-${i}`, address: "xã Bắc Hà" }],
          content,
          fieldCode: "CT.XANG_DAU",
        });
        if (intake.status !== 201) {
          errors.push(`intake ${intake.status} ${JSON.stringify(intake.body)}`);
          continue;
        }
        acks.intakes.push({ id: intake.body.id, code: intake.body.code, content });
        onIntake();
        const classified = await handler.post(`/api/petitions/${intake.body.id}/classify`, {
          // A petition just received is at its first version (the intake's answer does not carry it).
          version: intake.body.version ?? 1,
          kind: "recommendation",
          competence: "within",
          fieldCode: "CT.XANG_DAU",
          eligibilityAnswers: ELIGIBLE_ANSWERS,
        });
        if (classified.status !== 200) {
          errors.push(`classify ${classified.status} ${JSON.stringify(classified.body)}`);
          continue;
        }
        acks.classified.push({ id: intake.body.id, kind: classified.body.kind, state: classified.body.state });
        const draft = await handler.post("/api/documents", {
          formCode: "TB",
          entityType: "petition",
          entityId: intake.body.id,
          agencyId: handler.agencyId,
          fields: {
            subject: `Về việc đơn ${intake.body.code}`,
            paragraphs: ["Thông báo kiểm thử độ bền của sổ đăng ký văn bản."],
            signer: { authority: "KT. GIÁM ĐỐC", position: "PHÓ GIÁM ĐỐC", name: "Nguyễn Văn Thành" },
          },
        });
        if (draft.status !== 201) {
          errors.push(`draft ${draft.status} ${JSON.stringify(draft.body)}`);
          continue;
        }
        const issued = await handler.post(`/api/documents/${draft.body.id}/issue`, {});
        if (issued.status !== 200) {
          errors.push(`issue ${issued.status} ${JSON.stringify(issued.body)}`);
          continue;
        }
        acks.issued.push({ id: draft.body.id, number: issued.body.number, symbol: issued.body.symbol });
      } catch {
        // The connection broke: the server was killed. What was not answered is not acknowledged.
        dead = true;
      }
    }
  };
  await Promise.all(Array.from({ length: WORKERS }, (_, w) => worker(w)));
  return { errors };
}

async function readStored(databaseUrl: string | undefined, dataDir: string | undefined): Promise<Stored> {
  const database = await openDatabase({ databaseUrl, dataDir });
  try {
    const db = database.db;
    const parties = await db
      .selectFrom("petition_party")
      .select(["petition_id", db.fn.countAll<number>().as("n")])
      .groupBy("petition_id")
      .execute();
    const partyCount = new Map(parties.map((p) => [p.petition_id, Number(p.n)]));
    const petitions = await db
      .selectFrom("petition")
      .select(["id", "code", "seq_no", "agency_id", "received_on", "content", "kind", "state"])
      .execute();
    const documents = await db
      .selectFrom("official_document")
      .select(["id", "status", "number", "symbol", "agency_id", "series", "issued_on", "created_at", "file_sha256"])
      .execute();
    return {
      petitions: new Map(
        petitions.map((p) => [
          p.id,
          {
            code: p.code,
            seq_no: p.seq_no,
            agency_id: p.agency_id,
            year: String(p.received_on).slice(0, 4),
            content: p.content,
            kind: p.kind,
            state: p.state,
            parties: partyCount.get(p.id) ?? 0,
          },
        ]),
      ),
      documents: new Map(
        documents.map((d) => [
          d.id,
          {
            status: d.status,
            number: d.number,
            symbol: d.symbol,
            agency_id: d.agency_id,
            series: d.series,
            year: String(d.issued_on ?? "").slice(0, 4),
            file: d.file_sha256 !== null,
          },
        ]),
      ),
    };
  } finally {
    await database.close();
  }
}

// ---- The runs ----------------------------------------------------------------------------------

const targets: { kind: "pglite" | "postgres"; url?: string }[] = [{ kind: "pglite" }];
if (process.env.TEST_DATABASE_URL) targets.push({ kind: "postgres", url: process.env.TEST_DATABASE_URL });

describe("durability under kill -9", () => {
  test("the checker reports a lost acknowledged write, an incomplete one, a repeated or skipped number", () => {
    const petition = {
      code: "1/2026",
      seq_no: 1,
      agency_id: "a",
      year: "2026",
      content: "x",
      kind: "recommendation",
      state: "S",
      parties: 2,
    };
    const acks: Acknowledged = {
      intakes: [{ id: "p1", code: "1/2026", content: "x" }],
      classified: [{ id: "p1", kind: "recommendation", state: "S" }],
      issued: [{ id: "d1", number: 1, symbol: "1/TB" }],
    };
    const document = {
      status: "issued",
      number: 1,
      symbol: "1/TB",
      agency_id: "a",
      series: "TB",
      year: "2026",
      file: true,
    };
    const whole: Stored = { petitions: new Map([["p1", petition]]), documents: new Map([["d1", document]]) };
    assert.deepEqual(checkDurability(acks, whole), []);
    assert.match(checkDurability(acks, { ...whole, petitions: new Map() }).join(), /mất/);
    assert.match(checkDurability(acks, { ...whole, documents: new Map() }).join(), /văn bản 1\/TB/);
    assert.match(
      checkDurability(acks, { ...whole, petitions: new Map([["p1", { ...petition, parties: 1 }]]) }).join(),
      /không đầy đủ/,
    );
    assert.match(
      checkDurability(acks, { ...whole, petitions: new Map([["p1", { ...petition, kind: null }]]) }).join(),
      /phân loại/,
    );
    const repeated = new Map([
      ["p1", petition],
      ["p2", { ...petition, code: "1/2026" }],
    ]);
    assert.match(checkDurability(acks, { ...whole, petitions: repeated }).join(), /lặp hoặc bỏ số/);
    const skipped = new Map([["d1", { ...document, number: 2 }]]);
    assert.match(checkDurability({ ...acks, issued: [] }, { ...whole, documents: skipped }).join(), /lặp hoặc bỏ số/);
  });

  for (const target of targets) {
    test(
      `${target.kind}: ${KILLS} × kill -9 mid-load, every acknowledged write kept`,
      { timeout: 240_000 },
      async (t) => {
        const work = mkdtempSync(path.join(os.tmpdir(), "minhbach-durability-"));
        const env: NodeJS.ProcessEnv = {
          ...process.env,
          DEMO: "1",
          MINHBACH_KEY_FILE: path.join(work, "keys.json"),
          ATTACHMENT_DIR: path.join(work, "files"),
        };
        delete env.DATABASE_URL;
        delete env.MINHBACH_KEYS;
        let databaseUrl: string | undefined;
        let dbName: string | undefined;
        if (target.url) {
          // A database of its own, created and dropped here: the server has no schema setting.
          dbName = `minhbach_durability_${randomBytes(4).toString("hex")}`;
          const admin = new pg.Client({ connectionString: target.url });
          await admin.connect();
          await admin.query(`create database ${dbName}`);
          await admin.end();
          const url = new URL(target.url);
          url.pathname = `/${dbName}`;
          databaseUrl = url.toString();
          env.DATABASE_URL = databaseUrl;
        } else {
          env.DATA_DIR = path.join(work, "data");
        }
        const servers: Server[] = [];
        after(async () => {
          for (const s of servers) await killHard(s);
          rmSync(work, { recursive: true, force: true });
          if (dbName && target.url) {
            const admin = new pg.Client({ connectionString: target.url });
            await admin.connect();
            await admin.query(`drop database if exists ${dbName} with (force)`);
            await admin.end();
          }
        });

        const acks: Acknowledged = { intakes: [], classified: [], issued: [] };
        const errors: string[] = [];
        const restarts: number[] = [];
        let server = await startServer(env);
        servers.push(server);
        const firstStart = server.startMs;
        for (let round = 0; round < KILLS; round++) {
          const before = acks.intakes.length;
          const current = server;
          let killing: Promise<void> | null = null;
          const result = await load(current.base, acks, () => {
            if (!killing && acks.intakes.length - before >= ACKS_BEFORE_KILL) killing = killHard(current);
          });
          await killing;
          errors.push(...result.errors);
          server = await startServer(env);
          servers.push(server);
          restarts.push(server.startMs);
        }
        await stop(server);

        const stored = await readStored(databaseUrl, env.DATA_DIR);
        const problems = checkDurability(acks, stored);
        const cli = spawnSync(
          process.execPath,
          [path.join(root, "packages/cli/bin/minhbach.js"), "audit", "verify", "--json"],
          { cwd: root, env, encoding: "utf8", timeout: 120_000 },
        );
        const verdict = JSON.parse(cli.stdout.trim().split("\n").pop() ?? "{}") as { ok?: boolean; checked?: number };
        t.diagnostic(
          `${target.kind}: ${acks.intakes.length} đơn, ${acks.classified.length} phân loại, ${acks.issued.length} văn bản đã xác nhận; ` +
            `${KILLS} lần kill -9; khởi động lần đầu ${firstStart} ms, khởi động lại ${restarts.join(", ")} ms; ` +
            `audit verify: ${verdict.checked} sự kiện`,
        );
        console.log(
          `durability ${target.kind}: ${acks.intakes.length}/${acks.classified.length}/${acks.issued.length} writes, restarts ${restarts.join(", ")} ms`,
        );
        assert.ok(acks.intakes.length >= KILLS * ACKS_BEFORE_KILL);
        assert.deepEqual(problems.slice(0, 10), [], `${problems.length} ghi đã xác nhận bị mất hoặc hỏng`);
        assert.deepEqual(errors.slice(0, 5), [], `${errors.length} thao tác bị từ chối trước khi tắt máy`);
        assert.equal(cli.status, 0, cli.stderr);
        assert.equal(verdict.ok, true);
      },
    );
  }
});
