/**
 * The follow-up list of inspection recommendations at scale (issue 17): 200.000 recommendations
 * (BENCH_FOLLOW_UP_ROWS) of 20.000 signed conclusions spread over the installation's agencies and
 * three years, loaded straight into the tables with the columns the service writes; each
 * measurement goes through the whole HTTP stack (session, permission, scope, zod, query). Target:
 * p95 < 50 ms on PostgreSQL. The `inspections` scenario calls `benchFollowUp`.
 */
import { sql } from "kysely";
import { ensureInspectionUsers } from "../packages/server/src/seed/demo-inspections.ts";
import { startTestApp, type TestClient, type TestDb } from "../packages/server/src/testing.ts";
import { percentile, type DbKind, type Report } from "./lib.ts";

const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 200);
const TARGET_P95_MS = 50;

async function timeRequests(n: number, run: (i: number) => Promise<{ status: number }>) {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    const res = await run(i);
    times.push(performance.now() - start);
    if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
  }
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

async function runOn(db: TestDb, rows: number, report: Report, log: (line: string) => void) {
  const kind: DbKind = db.kind;
  // On PostgreSQL the loaded data set is kept in its own schema and reused by the next run.
  const keep = db.kind === "postgres" ? { keepSchema: `bench_follow_up_${rows}` } : {};
  const t = await startTestApp({ db, listen: false, ...keep });
  try {
    const d = t.system.database.db;
    await ensureInspectionUsers(d);
    const { loaded } = await d
      .selectFrom("inspection_recommendation")
      .select((eb) => eb.fn.countAll<string>().as("loaded"))
      .executeTakeFirstOrThrow();
    const agencies = await d
      .selectFrom("agency")
      .select(["id", "code"])
      .where("code", "in", ["LC.TT", "LC.SCT", "LC.SNNMT"])
      .orderBy("code")
      .execute();
    const ids = agencies.map((a) => a.id);
    const perInspection = 10;
    const inspections = Math.ceil(rows / perInspection);
    const started = performance.now();
    const reused = Number(loaded) >= rows;
    if (!reused) await load();
    async function load() {
      // Conclusions signed over 2024–2026, one agency in three; 10 recommendations each, a money
      // amount on most, due dates spread, recoveries partial on a third, some closed.
      await sql`
      insert into inspection (id, agency_id, code, year, kind, trigger, title, content, body_level, state, facts,
        decision_number, decided_on, signed_on, conclusion_number, subject_display, search_text)
      select gen_random_uuid(), (${sql.val(ids)}::uuid[])[1 + g % ${ids.length}],
        'BENCH-' || g, 2024 + g % 3, 'ad_hoc', 'superior', 'Thanh tra số ' || g, 'Nội dung', 'province',
        'IMPLEMENTING', '{}'::jsonb, g || '/QĐ-TTr', make_date(2024 + g % 3, 1 + g % 12, 1 + g % 28),
        make_date(2024 + g % 3, 1 + g % 12, 1 + g % 28), g || '/KL-TTr', '', ''
      from generate_series(1, ${inspections}) g`.execute(d);
      await sql`
      insert into inspection_recommendation (inspection_id, agency_id, position, type, content, amount, responsible_unit,
        due_on, concluded_on, recovered, last_progress_on, closed_on, urged)
      select i.id, i.agency_id, p,
        (array['recover_money','recover_money','recover_money','other_economic','discipline','investigation','policy','recover_money','recover_money','recover_money'])[p],
        'Kiến nghị ' || p,
        case when p in (1,2,3,4,8,9,10) then (1 + (hashtext(i.code || p) & 65535))::bigint * 100000 else 0 end,
        'Đơn vị ' || p,
        i.signed_on + ((30 + (hashtext(i.code) & 511)) || ' days')::interval,
        i.signed_on,
        case when p in (1,2,3,4,8,9,10) and (hashtext(i.code || p) & 3) = 0
          then ((1 + (hashtext(i.code || p) & 65535))::bigint * 100000) / 2 else 0 end,
        case when (hashtext(i.code || p) & 3) = 0 then i.signed_on + 60 else null end,
        case when p = 7 and (hashtext(i.code) & 1) = 0 then i.signed_on + 90 else null end,
        (hashtext(i.code || p) & 1)
      from inspection i cross join generate_series(1, ${perInspection}) p
      where i.code like 'BENCH-%'`.execute(d);
      // The recoveries behind the recovered column (one each), dated 60 days after the conclusion.
      await sql`
        insert into inspection_recovery (recommendation_id, agency_id, recovered_on, amount)
        select id, agency_id, concluded_on + 60, recovered from inspection_recommendation where recovered > 0`.execute(
        d,
      );
      // As autovacuum would after a bulk load (visibility map for index-only counts).
      await sql`vacuum analyze inspection_recovery`.execute(d);
      await sql`vacuum analyze inspection_recommendation`.execute(d);
      await sql`vacuum analyze inspection`.execute(d);
    }
    const { count } = await d
      .selectFrom("inspection_recommendation")
      .select((eb) => eb.fn.countAll<string>().as("count"))
      .executeTakeFirstOrThrow();
    log(
      `${kind}: ${reused ? "dùng lại" : "nạp"} ${Number(count).toLocaleString("vi-VN")} kiến nghị của ${inspections.toLocaleString("vi-VN")} kết luận${reused ? "" : ` trong ${((performance.now() - started) / 1000).toFixed(1)} s`}`,
    );
    report("follow_up.rows", Number(count), "rows", kind);
    const inspector: TestClient = await t.login("thanhtra");
    const head: TestClient = await t.login("lanhdao.tt");
    const measure = async (name: string, client: TestClient, url: (i: number) => string) => {
      await timeRequests(10, (i) => client.get(url(i)));
      const r = await timeRequests(SAMPLES, (i) => client.get(url(i)));
      log(
        `${kind} ${name}: p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms (p95/mục tiêu ${TARGET_P95_MS} ms = ${(r.p95 / TARGET_P95_MS).toFixed(2)})`,
      );
      report(`follow_up.${name}.p50`, r.p50, "ms", kind);
      report(`follow_up.${name}.p95`, r.p95, "ms", kind);
      report(`follow_up.${name}.p95_vs_target`, r.p95 / TARGET_P95_MS, "ratio", kind);
    };
    await measure("list_by_due", inspector, (i) => `/api/inspection-follow-up?page=${1 + (i % 20)}&pageSize=50`);
    await measure("list_overdue", inspector, (i) => `/api/inspection-follow-up?overdue=true&page=${1 + (i % 5)}`);
    await measure(
      "list_outstanding_desc",
      inspector,
      (i) => `/api/inspection-follow-up?minOutstanding=${(i % 10) * 100_000_000}&sort=outstanding&order=desc`,
    );
    await measure("list_year", inspector, (i) => `/api/inspection-follow-up?year=${2024 + (i % 3)}&sort=concluded_on`);
    await measure("list_status_partly", head, () => `/api/inspection-follow-up?status=partly_done`);
    await measure(
      "summary_year",
      head,
      (i) => `/api/inspection-follow-up/summary?from=${2024 + (i % 3)}-01-01&to=${2024 + (i % 3)}-12-31`,
    );
  } finally {
    await t.close();
  }
}

/** Called by the `inspections` bench scenario. */
export async function benchFollowUp(report: Report, log: (line: string) => void): Promise<void> {
  const rows = Number(process.env.BENCH_FOLLOW_UP_ROWS ?? 200_000);
  const url =
    process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
  await runOn({ kind: "postgres", url }, rows, report, log);
  const lite = Number(process.env.BENCH_FOLLOW_UP_ROWS_PGLITE ?? 0);
  if (lite > 0) await runOn({ kind: "pglite" }, lite, report, log);
}
