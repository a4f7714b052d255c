/**
 * Petition lists, search and the duplicate check on intake, over generated realistic petitions:
 * 1,000,000 on PostgreSQL and 100,000 on PGlite by default (BENCH_PETITIONS_PG,
 * BENCH_PETITIONS_PGLITE). Rows are loaded straight into the tables with the same derived columns
 * the service writes (search text, person and respondent keys, content simhash); each
 * measurement then goes through the whole HTTP stack (session, permission, scope, zod, query).
 */
import { randomUUID } from "node:crypto";
import { appendFileSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { PetitionGenerator, type GeneratedPetition } from "@minhbach/domain/generate/index";
import { sql } from "kysely";
import {
  letterColumns,
  personKeys,
  respondentKeys,
  simhashOf,
} from "../../packages/server/src/modules/petitions/facts.ts";
import { SEARCH_LIMITS } from "../../packages/server/src/modules/petitions/search/limits.ts";
import { DUPLICATE_LIMITS } from "../../packages/server/src/modules/petitions/duplicates.ts";
import { useKeyRing } from "../../packages/server/src/platform/vault.ts";
import { startTestApp, type TestApp, type TestClient, type TestDb } from "../../packages/server/src/testing.ts";
import { benchKeyRing, percentile, type DbKind, type Report, type Scenario } from "../lib.ts";

const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 200);

/** The generated petitions, the same on every run: a kept data set is drawn again for its probes. */
function dataSet() {
  return new PetitionGenerator(20261122, { from: "2024-01-01", to: "2026-11-20" });
}

/** The 500 petitions, spread over the data set, whose writers, respondents and words are searched. */
function isProbe(i: number, n: number): boolean {
  return i % Math.max(1, Math.floor(n / 500)) === 0;
}

function bodyOf(g: GeneratedPetition) {
  return {
    petitioners: g.petitioners.map(({ birthYear: _b, gender: _g, ...p }) => p),
    respondents: g.respondents,
    title: g.title,
    summary: g.summary,
    content: g.content,
    forwardedBy: g.forwardedBy,
    anonymous: g.anonymous,
  };
}

async function load(t: TestApp, n: number, log: (line: string) => void, reuse: boolean) {
  const { db } = t.system.database;
  if (reuse) {
    const { count } = await db
      .selectFrom("petition")
      .select((eb) => eb.fn.countAll<string>().as("count"))
      .executeTakeFirstOrThrow();
    if (Number(count) >= n) {
      // The kept data set: draw the same probes from the same generator without loading again.
      const generator = dataSet();
      const probes: GeneratedPetition[] = [];
      for (let i = 0; i < n; i++) {
        const g = generator.next();
        if (isProbe(i, n)) probes.push(g);
      }
      log(`  dùng lại ${Number(count).toLocaleString("vi-VN")} đơn đã nạp`);
      return { probes, loadSeconds: NaN, indexSeconds: NaN };
    }
  }
  const agencies = await db
    .selectFrom("agency")
    .select(["id", "code"])
    .where("code", "in", ["LC.SCT", "LC.SNNMT", "LC.TT"])
    .execute();
  const sct = agencies.find((a) => a.code === "LC.SCT")!;
  const others = agencies.filter((a) => a.code !== "LC.SCT");
  // Build the petition indexes after the load, as one would for a bulk import: all but those of
  // its constraints (key, code, number in the register), from the definitions the migrations left.
  const { rows: indexes } = await sql<{ name: string; definition: string }>`
    select indexname as name, indexdef as definition from pg_indexes
    where schemaname = current_schema() and tablename = 'petition'
      and indexname not in (select conname from pg_constraint where conrelid = 'petition'::regclass)`.execute(db);
  for (const { name } of indexes) await sql`drop index ${sql.id(name)}`.execute(db);
  const generator = dataSet();
  const probes: GeneratedPetition[] = [];
  const started = performance.now();
  // A register holds letters in the order they arrive: rows are written to the table in order of
  // receipt (code numbers follow it), as an agency's own intake writes them, not in the order the
  // generator draws them (any day of three years, then a re-sent letter months later). The rows
  // are drawn first into one file per month under bench/tmp, then loaded month by month.
  const spool = fileURLToPath(new URL(`../tmp/load-${randomUUID()}/`, import.meta.url));
  mkdirSync(spool, { recursive: true });
  const months = new Map<string, string[]>();
  const flush = (month: string) => {
    const lines = months.get(month)!;
    appendFileSync(`${spool}${month}.ndjson`, lines.join(""));
    months.set(month, []);
  };
  try {
    for (let i = 0; i < n; i++) {
      const g = generator.next();
      if (isProbe(i, n)) probes.push(g);
      const month = g.receivedOn.slice(0, 7);
      const lines = months.get(month) ?? [];
      months.set(month, lines);
      lines.push(JSON.stringify({ i, g }) + "\n");
      if (lines.length >= 2000) flush(month);
    }
    for (const month of months.keys()) flush(month);
    const batch = 1000;
    const seqByYear = new Map<string, number>();
    let done = 0;
    for (const month of [...months.keys()].sort()) {
      const drawn = readFileSync(`${spool}${month}.ndjson`, "utf8")
        .split("\n")
        .filter(Boolean)
        .map((line) => JSON.parse(line) as { i: number; g: GeneratedPetition })
        .sort((a, b) => a.g.receivedOn.localeCompare(b.g.receivedOn) || a.i - b.i);
      for (let from = 0; from < drawn.length; from += batch) {
        const rows = [];
        const matters = [];
        for (const { i, g } of drawn.slice(from, from + batch)) {
          const agency = i % 5 === 0 ? others[i % others.length]! : sct;
          const year = g.receivedOn.slice(0, 4);
          const key = `${agency.code}-${year}`;
          const seq = (seqByYear.get(key) ?? 0) + 1;
          seqByYear.set(key, seq);
          const code = `${key}-${String(seq).padStart(6, "0")}`;
          const body = bodyOf(g);
          const kind = g.kind;
          const matterId = randomUUID();
          const simhash = simhashOf(g.content);
          // A letter that may be a denunciation has its texts sealed and its columns masked, as the
          // service stores it.
          const id = randomUUID();
          const columns = letterColumns(
            { id, code, forwarded_by: g.forwardedBy, anonymous: g.anonymous },
            { title: g.title, summary: g.summary, content: g.content },
            kind,
            body,
          );
          matters.push({ id: matterId, agency_id: agency.id });
          rows.push({
            ...columns,
            id,
            agency_id: agency.id,
            code,
            seq_no: seq,
            received_on: g.receivedOn,
            written_on: g.writtenOn,
            channel: g.channel,
            forwarded_by: g.forwardedBy ? JSON.stringify(g.forwardedBy) : null,
            anonymous: g.anonymous,
            impersonated: g.impersonated,
            language: "vi",
            field_code: g.fieldCode,
            kind,
            state: "REGISTERED",
            facts: JSON.stringify({ status: "REGISTERED", channel: g.channel, receivedOn: g.receivedOn }),
            matter_id: matterId,
            respondent_display: g.respondents.map((r) => r.name).join("; "),
            signer_count: g.petitioners.length,
            person_keys: personKeys(body.petitioners),
            respondent_keys: respondentKeys(g.respondents),
            content_simhash: simhash,
            due_on: g.receivedOn,
          });
        }
        await db.insertInto("matter").values(matters).execute();
        await db.insertInto("petition").values(rows).execute();
        const before = done;
        done += rows.length;
        if (Math.floor(done / 100_000) > Math.floor(before / 100_000))
          log(`  đã nạp ${done.toLocaleString("vi-VN")} đơn (đến tháng ${month})…`);
      }
    }
  } finally {
    rmSync(spool, { recursive: true, force: true });
  }
  const loadSeconds = (performance.now() - started) / 1000;
  const indexStart = performance.now();
  for (const { definition } of indexes) await sql.raw(definition).execute(db);
  await sql`insert into search_word (word)
    select distinct w from petition, unnest(string_to_array(search_text, ' ')) as w
    where length(w) between 2 and 40
    on conflict do nothing`.execute(db);
  const indexSeconds = (performance.now() - indexStart) / 1000;
  // A server's autovacuum sets the visibility map of a bulk-loaded table (insert-triggered
  // vacuum, PostgreSQL ≥ 13) soon after the load; the bench's server runs with autovacuum off,
  // so vacuum once here, or every index-only scan (deep pages, counts) reads the heap as no
  // deployed server would.
  await sql`vacuum (analyze) petition`.execute(db);
  return { probes, loadSeconds, indexSeconds };
}

async function timeRequests(samples: number, run: (i: number) => Promise<{ status: number }>) {
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const start = performance.now();
    const res = await run(i);
    times.push(performance.now() - start);
    if (res.status !== 200) throw new Error(`status ${res.status}`);
  }
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

async function runOn(db: TestDb, n: number, report: Report, log: (line: string) => void) {
  const kind: DbKind = db.kind;
  // BENCH_PG_SCHEMA=name keeps the PostgreSQL data set in that schema and reuses it on the next
  // run (with the key ring its identity keys were hashed under), so a change can be measured
  // without loading a million rows again; a new migration then runs on the loaded rows.
  const keep = db.kind === "postgres" ? process.env.BENCH_PG_SCHEMA : undefined;
  if (keep) useKeyRing(benchKeyRing(keep));
  const started = performance.now();
  const t = await startTestApp({ db, listen: false, ...(keep ? { keepSchema: keep } : {}) });
  if (keep)
    log(`${kind}: lược đồ ${keep}, khởi động (kể cả migration) ${((performance.now() - started) / 1000).toFixed(1)} s`);
  try {
    log(`${kind}: nạp ${n.toLocaleString("vi-VN")} đơn…`);
    const { probes, loadSeconds, indexSeconds } = await load(t, n, log, Boolean(keep));
    report("petitions_loaded", n, "rows", kind);
    if (!Number.isNaN(loadSeconds)) {
      report("load_rows_per_second", n / loadSeconds, "1/s", kind);
      report("indexes_built_after_load", indexSeconds, "s", kind);
    }
    const handler: TestClient = await t.login("xulydon");
    const leader: TestClient = await t.login("lanhdao");
    // BENCH_SEARCH_LIMITS='{"cap":1000}' measures search with other limits (petitions/search/limits.ts).
    if (process.env.BENCH_SEARCH_LIMITS) Object.assign(SEARCH_LIMITS, JSON.parse(process.env.BENCH_SEARCH_LIMITS));
    // BENCH_DUPLICATE_LIMITS='{"window":500}' likewise for the duplicate check.
    if (process.env.BENCH_DUPLICATE_LIMITS)
      Object.assign(DUPLICATE_LIMITS, JSON.parse(process.env.BENCH_DUPLICATE_LIMITS));
    // BENCH_ONLY=search,duplicate measures only the cases whose names start with one of these.
    const only = process.env.BENCH_ONLY?.split(",").filter(Boolean);
    const wanted = (name: string) => !only || only.some((o) => name.startsWith(o));
    // BENCH_PREWARM=1 reads the PostgreSQL data set into the operating system's cache before each
    // case (pg_prewarm), for the figures of a server whose memory holds it. Without it, a machine
    // that reclaims idle page cache (this one did) serves much of each case from the disk.
    // BENCH_PREWARM=buffer reads it into the server's own buffers, for a server whose
    // shared_buffers can hold it (the server's setting is reported with the figures).
    const prewarmMode = process.env.BENCH_PREWARM === "buffer" ? "buffer" : "read";
    const prewarm = kind === "postgres" && ["1", "buffer"].includes(process.env.BENCH_PREWARM ?? "");
    if (kind === "postgres") {
      const { rows } = await sql<{ mb: number | string }>`
        select pg_size_bytes(current_setting('shared_buffers')) / 1048576 as mb`.execute(t.system.database.db);
      report("server_shared_buffers", Number(rows[0]!.mb), "MB", kind);
    }
    // In public, so that every kept schema sees it; called by its schema wherever an earlier run put it.
    if (prewarm) await sql`create extension if not exists pg_prewarm with schema public`.execute(t.system.database.db);
    const prewarmFn = prewarm
      ? (
          await sql<{ schema: string }>`select extnamespace::regnamespace::text as schema from pg_extension
            where extname = 'pg_prewarm'`.execute(t.system.database.db)
        ).rows[0]!.schema
      : "";
    const measure = async (name: string, run: (i: number) => Promise<{ status: number }>) => {
      if (!wanted(name)) return;
      if (prewarm) {
        await sql`with base as (
            select c.oid, c.reltoastrelid from pg_class c
            where c.oid in ('petition'::regclass, 'petition_respondent_key'::regclass, 'search_word'::regclass)
          ), rel as (
            select oid from base union select reltoastrelid from base where reltoastrelid <> 0
          )
          select sum(${sql.id(prewarmFn, "pg_prewarm")}(r.oid, ${prewarmMode})) from (
            select oid from rel union select indexrelid from pg_index where indrelid in (select oid from rel)
          ) r`.execute(t.system.database.db);
      }
      await timeRequests(10, run); // warm-up
      const r = await timeRequests(SAMPLES, run);
      log(`${kind} ${name}: p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms`);
      report(`${name}.p50`, r.p50, "ms", kind);
      report(`${name}.p95`, r.p95, "ms", kind);
    };
    await measure("list_first_pages", (i) => handler.get(`/api/petitions?page=${1 + (i % 20)}&pageSize=50`));
    await measure("list_leader_subtree_by_due", (i) =>
      leader.get(`/api/petitions?page=${1 + (i % 20)}&pageSize=50&sort=due&order=asc`),
    );
    await measure("list_deep_page", (i) => handler.get(`/api/petitions?page=${1000 + i}&pageSize=50`));
    await measure("list_filtered", (i) =>
      handler.get(
        `/api/petitions?status=REGISTERED&kind=${i % 2 ? "complaint" : "denunciation"}&from=2026-01-01&to=2026-06-30&pageSize=50`,
      ),
    );
    const names = probes.filter((p) => !p.anonymous && p.petitioners[0]).map((p) => p.petitioners[0]!.fullName);
    const respondents = probes.map((p) => p.respondents[0]?.name).filter((r): r is string => Boolean(r));
    await measure("search_name", (i) =>
      handler.get(`/api/petitions?q=${encodeURIComponent(unaccentish(names[i % names.length]!))}`),
    );
    await measure("search_respondent_typo", (i) => {
      const r = respondents[i % respondents.length]!;
      const typo = r.length > 8 ? r.slice(0, 4) + r.slice(5) : r;
      return handler.get(`/api/petitions?q=${encodeURIComponent(typo)}`);
    });
    // A subject many letters share: thousands of matches, counted up to the cap.
    const subjects = ["xang dau", "dien", "an toan thuc pham", "dat dai", "thi truong"];
    await measure("search_common_subject", (i) =>
      handler.get(`/api/petitions?q=${encodeURIComponent(subjects[i % subjects.length]!)}`),
    );
    const check = (i: number) => {
      const p = probes[i % probes.length]!;
      return handler.post<{ items: { id: string | null; agencyId: string; receivedOn: string; score: number }[] }>(
        "/api/petitions/duplicates",
        {
          petitioners: p.petitioners.map(({ birthYear: _b, gender: _g, ...x }) => x),
          respondents: p.respondents,
          content: p.content,
        },
      );
    };
    await measure("duplicate_check", check);
    if (wanted("duplicate_check")) {
      // What reading only a window of each simhash band (DUPLICATE_LIMITS.window) changes, against
      // every letter of the band read: the share of checks with the same findings, and with
      // findings as good (no lower score at any rank). Letters written on one pattern score alike,
      // and which of them fill the last places is a matter of ties.
      const window = DUPLICATE_LIMITS.window;
      let same = 0;
      let asGood = 0;
      const n = Math.min(100, probes.length);
      for (let i = 0; i < n; i++) {
        const windowed = (await check(i)).body.items;
        DUPLICATE_LIMITS.window = 1_000_000_000;
        const whole = (await check(i)).body.items;
        DUPLICATE_LIMITS.window = window;
        const key = (items: typeof whole) => items.map((d) => d.id ?? `${d.agencyId}:${d.receivedOn}`).join(",");
        if (key(windowed) === key(whole)) same++;
        if (windowed.length >= whole.length && whole.every((d, k) => windowed[k]!.score >= d.score)) asGood++;
      }
      log(
        `${kind} duplicate_check: ${same}/${n} kết quả như khi đọc cả dải simhash, ${asGood}/${n} không kém ở thứ hạng nào`,
      );
      report("duplicate_check.same_as_whole_band", same / n, "ratio", kind);
      report("duplicate_check.as_good_as_whole_band", asGood / n, "ratio", kind);
    }
  } finally {
    await t.close();
  }
}

/** The key ring of a kept data set, stored beside it under bench/tmp (created on first use). */
function unaccentish(name: string): string {
  return name.normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();
}

const scenario: Scenario = {
  name: "petitions",
  description:
    "Danh sách, tìm kiếm và kiểm tra đơn trùng trên dữ liệu sinh ngẫu nhiên (PostgreSQL 1.000.000 đơn, PGlite 100.000 đơn)",
  async run(report, log) {
    // The generator alone, before any database: the load needs it well over 100.000 petitions/s.
    const generator = new PetitionGenerator(1);
    const started = performance.now();
    for (let i = 0; i < 50_000; i++) generator.next();
    const perSecond = 50_000 / ((performance.now() - started) / 1000);
    report("generator_petitions_per_second", perSecond, "1/s", "none");
    log(`bộ sinh dữ liệu: ${Math.round(perSecond).toLocaleString("vi-VN")} đơn/giây`);
    const nLite = Number(process.env.BENCH_PETITIONS_PGLITE ?? 100_000);
    const nPg = Number(process.env.BENCH_PETITIONS_PG ?? 1_000_000);
    if (nLite > 0) await runOn({ kind: "pglite" }, nLite, report, log);
    const url =
      process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
    if (nPg > 0) await runOn({ kind: "postgres", url }, nPg, report, log);
  },
};
export default scenario;
