/**
 * Periodic reports at the scale of a province: petitions (BENCH_REPORT_PETITIONS, default 100.000
 * on PGlite and 1.000.000 on PostgreSQL), a tenth of them with a resolution case, and a fifth as
 * many reception visits, spread over 40 units under the province and a year, written with SQL
 * (generate_series). Measured in the same run: the province's quarterly report — every form of the regime
 * (01/TCD, 02/XLD, 03/GQKN, 04/GQTC and the anti-corruption forms, whose tables the bench leaves
 * empty) computed for the province and all its units, one row per
 * unit — against one raw GROUP BY agency scan of the same three tables (the floor any report
 * reading every row pays). Median of 5 runs each. Then saving the province's 02/XLD with the
 * records behind its figures kept (drilldown.ts freezeRecords) against computing it alone, median
 * of 3, rolled back. On PGlite and on PostgreSQL (BENCH_DATABASE_URL,
 * else TEST_DATABASE_URL); BENCH_REPORTS_PGLITE=0 skips PGlite. BENCH_PG_SCHEMA=name keeps the
 * PostgreSQL data set in that schema and reuses it on the next run when it has the size asked for.
 */
import { performance } from "node:perf_hooks";
import { sql, type Kysely } from "kysely";
import type { DB } from "../../packages/server/src/db/schema.ts";
import { classifyPeriod, FORM_CODES, FORMS } from "@minhbach/domain/reports/index";
import { computeReport, computeReports, resolveReport } from "../../packages/server/src/modules/reports/compute.ts";
import { freezeRecords } from "../../packages/server/src/modules/reports/drilldown.ts";
import { startTestApp, type TestDb } from "../../packages/server/src/testing.ts";
import { useKeyRing } from "../../packages/server/src/platform/vault.ts";
import { benchKeyRing, type DbKind, type Report, type Scenario } from "../lib.ts";

const UNITS = 40;
const QUARTER = { from: "2025-12-15", to: "2026-03-14" };
/** Every form of the quarter's regime (the inspection forms are not forms of TT 06/2025). */
const QUARTER_FORMS = FORM_CODES.filter((code) =>
  FORMS[code]!.regimes.includes(classifyPeriod(QUARTER.from, QUARTER.to)!.regime),
);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function runOn(db: TestDb, report: Report, log: (line: string) => void) {
  const kind = db.kind as DbKind;
  const size = Number(process.env.BENCH_REPORT_PETITIONS ?? (db.kind === "postgres" ? 1_000_000 : 100_000));
  const keep = db.kind === "postgres" ? process.env.BENCH_PG_SCHEMA : undefined;
  if (keep) useKeyRing(benchKeyRing(keep));
  const t = await startTestApp({ db, listen: false, ...(keep ? { keepSchema: keep } : {}) });
  try {
    const kdb = t.system.database.db;
    const province = await kdb
      .selectFrom("agency")
      .select(["id"])
      .where("code", "=", "LC.UBND")
      .executeTakeFirstOrThrow();
    const loaded = (
      await sql<{ n: number }>`select count(*)::int as n from petition where code like 'BENCH-%'`.execute(kdb)
    ).rows[0]!.n;
    if (loaded > 0 && loaded !== size) throw new Error(`${keep}: ${loaded} đơn thử đã nạp, khác ${size} yêu cầu`);
    if (loaded === 0) await load(kdb, province.id, size, kind, log);
    else log(`${kind}: dùng lại ${loaded.toLocaleString("vi-VN")} đơn thử trong lược đồ ${keep}`);
    await measure(kdb, province.id, size, kind, report, log);
  } finally {
    await t.close();
  }
}

async function load(kdb: Kysely<DB>, provinceId: string, size: number, kind: DbKind, log: (line: string) => void) {
  await kdb
    .insertInto("agency")
    .values(
      Array.from({ length: UNITS }, (_, i) => ({
        code: `BENCH.BC${String(i + 1).padStart(2, "0")}`,
        name: `Đơn vị báo cáo ${i + 1}`,
        kind: "department",
        parent_id: provinceId,
        valid_from: "2025-07-01",
      })),
    )
    .execute();
  const start = performance.now();
  const batch = 100_000;
  for (let offset = 0; offset < size; offset += batch) {
    const n = Math.min(batch, size - offset);
    await sql`
      with units as (select array_agg(id order by code) as ids from agency where code like 'BENCH.BC%'),
      m as (
        insert into matter (agency_id)
        select (select ids from units)[1 + (g % ${UNITS})] from generate_series(${offset + 1}::int, ${offset + n}::int) g
        returning id, agency_id
      ),
      numbered as (select id, agency_id, ${offset}::int + row_number() over ()::int as g from m)
      insert into petition (agency_id, code, seq_no, received_on, channel, content, state, facts, matter_id,
        petitioner_display, signer_count, search_text, kind, eligible, competence, outcome, outcome_on)
      select agency_id, 'BENCH-' || g, g, date '2025-06-15' + (g % 365), 'post', 'Đơn thử', 
        case when g % 10 < 3 then 'ELIGIBLE' when g % 10 = 3 then 'FILED' when g % 10 = 4 then 'TRANSFERRED'
          when g % 10 = 5 then 'GUIDED' when g % 10 = 6 then 'RESOLVED_REPLY' else 'PROPOSED_FOR_ACCEPTANCE' end,
        '{}'::jsonb, id, 'Người viết', 1 + (g % 11 = 0)::int * 2, 'don thu',
        (array['complaint','denunciation','recommendation','feedback','multi_content'])[1 + g % 5],
        g % 7 <> 0, case when g % 3 = 0 then 'not_within' else 'within' end,
        case when g % 10 < 3 then null when g % 10 = 3 then 'archive' when g % 10 = 4 then 'transfer'
          when g % 10 = 5 then 'guide' when g % 10 = 6 then 'resolve_reply' else 'propose_acceptance' end,
        case when g % 10 < 3 then null else date '2025-06-15' + (g % 365) + (g % 40) end
      from numbered`.execute(kdb);
  }
  // One petition in twenty is confirmed to be about the matter of its unit's previous petition (40
  // before it in the numbering; that one keeps its matter): matters of two petitions, as officers
  // join a new letter to an earlier one.
  await sql`update petition p set matter_id = q.matter_id from petition q
    where p.code like 'BENCH-%' and (p.seq_no / ${UNITS}) % 20 = 0 and p.seq_no > ${UNITS}
      and q.code like 'BENCH-%' and q.seq_no = p.seq_no - ${UNITS}`.execute(kdb);
  // A case for a third of the proposed petitions (a tenth of all), and the reception visits.
  await sql`
    with c as (
      insert into resolution_case (agency_id, petition_id, code, kind, instance, state, facts, received_on, accepted_on, title)
      select agency_id, id, 'BC-' || code, case when seq_no % 2 = 0 then 'complaint' else 'denunciation' end,
        case when seq_no % 2 = 0 then 1 else null end, 'RESOLVING', '{}'::jsonb, outcome_on, outcome_on, 'Vụ việc thử'
      from petition where code like 'BENCH-%' and outcome = 'propose_acceptance' and seq_no % 3 = 0
      returning id, agency_id, kind, instance, accepted_on
    )
    insert into case_figures (case_id, agency_id, kind, instance, received_on, accepted_on, ended_by, ended_on,
      outcome, resolution_due_on, on_time, money_to_state)
    select id, agency_id, kind, instance, accepted_on, accepted_on, e.by, e.on_, e.outcome, e.on_, case when e.on_ is not null then true end,
      case when e.on_ is null then 0 else 1.5 end
    from c, lateral (select
      case when extract(day from accepted_on)::int % 5 < 3 then (case when kind = 'complaint' then 'decided' else 'concluded' end) end as by,
      case when extract(day from accepted_on)::int % 5 < 3 then accepted_on + 45 end as on_,
      case when extract(day from accepted_on)::int % 5 < 3 then 'right' end as outcome) e`.execute(kdb);
  await sql`
    with units as (select array_agg(id order by code) as ids from agency where code like 'BENCH.BC%')
    insert into reception_visit (agency_id, register_year, seq_no, received_on, kind, receiver_name, people_count,
      is_crowd, visitors, content_kind, handling_route, state, search_text, search_content)
    select (select ids from units)[1 + (g % ${UNITS})], 2026, g, date '2025-06-15' + (g % 365),
      (array['regular','periodic','ad_hoc'])[1 + g % 3], 'Cán bộ tiếp', 1 + (g % 13 = 0)::int * 9, g % 13 = 0,
      '[]'::jsonb, (array['complaint','denunciation','recommendation','feedback'])[1 + g % 4],
      case when g % 4 = 0 then null else (array['accepted','returned_guided','transferred'])[1 + g % 3] end,
      case when g % 4 = 0 then 'OPEN' else 'HANDLED' end, '', ''
    from generate_series(1, ${Math.floor(size / 5)}::int) g`.execute(kdb);
  await sql`analyze petition`.execute(kdb);
  await sql`analyze case_figures`.execute(kdb);
  await sql`analyze reception_visit`.execute(kdb);
  const counts = (
    await sql<{ p: number; c: number; v: number }>`select (select count(*) from petition)::int as p,
      (select count(*) from case_figures)::int as c, (select count(*) from reception_visit)::int as v`.execute(kdb)
  ).rows[0]!;
  log(
    `${kind}: ${counts.p.toLocaleString("vi-VN")} đơn, ${counts.c.toLocaleString("vi-VN")} vụ việc, ` +
      `${counts.v.toLocaleString("vi-VN")} lượt tiếp nạp trong ${Math.round((performance.now() - start) / 1000)} s`,
  );
}

async function measure(
  kdb: Kysely<DB>,
  provinceId: string,
  size: number,
  kind: DbKind,
  report: Report,
  log: (line: string) => void,
) {
  const scan = async () => {
    const t0 = performance.now();
    await sql`select agency_id, count(*) from petition group by agency_id`.execute(kdb);
    await sql`select agency_id, count(*) from case_figures group by agency_id`.execute(kdb);
    await sql`select agency_id, count(*) from reception_visit group by agency_id`.execute(kdb);
    return performance.now() - t0;
  };
  let received = 0;
  // The whole quarterly report (every form, the province and its units), as the narrative and
  // the CLI's `--form all` compute it: every source read once for all the forms.
  const forms = async () => {
    const t0 = performance.now();
    const views = await computeReports(
      kdb,
      null,
      QUARTER_FORMS.map((form) => ({
        form,
        agencyId: provinceId,
        ...QUARTER,
        subtree: true,
        kind: "periodic" as const,
      })),
    );
    received = views.find((v) => v.form === "02/XLD")!.indicators.petitions_received ?? 0;
    return performance.now() - t0;
  };
  await scan();
  await forms();
  const scans: number[] = [];
  const reports: number[] = [];
  for (let i = 0; i < 5; i++) {
    scans.push(await scan());
    reports.push(await forms());
  }
  const s = median(scans);
  const r = median(reports);
  log(
    `${kind}: báo cáo quý (${QUARTER_FORMS.length} biểu, ${UNITS + 1}+ đơn vị) ${Math.round(r)} ms; quét GROUP BY ${Math.round(s)} ms; ` +
      `tỉ lệ ${(r / s).toFixed(2)}×; đơn tiếp nhận trong quý ${received.toLocaleString("vi-VN")}`,
  );
  report(`quarterly report, ${QUARTER_FORMS.length} forms, ${size} petitions (median)`, r, "ms", kind);
  report(`raw GROUP BY scan, same rows (median)`, s, "ms", kind);
  report(`report / scan`, r / s, "×", kind);

  // Saving the province's 02/XLD keeps the records behind its figures (drilldown.ts freezeRecords):
  // what that adds to computing the report, in a transaction rolled back (nothing stays).
  const xld = { form: "02/XLD", agencyId: provinceId, ...QUARTER, subtree: true, kind: "periodic" as const };
  let kept = 0;
  const save = async () => {
    const t0 = performance.now();
    const view = await computeReport(kdb, null, xld);
    const computed = performance.now() - t0;
    const rolledBack = new Error("rollback");
    await kdb
      .transaction()
      .execute(async (trx) => {
        const row = await trx
          .insertInto("report_submission")
          .values({
            agency_id: provinceId,
            form: xld.form,
            period_from: xld.from,
            period_to: xld.to,
            subtree: true,
            revision: 1,
            snapshot: JSON.stringify(view),
            drafted_at: new Date(),
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        await freezeRecords(trx, row.id, await resolveReport(trx, null, xld), xld.from, xld.to);
        kept = (
          await sql<{ n: number }>`select count(*)::int as n from report_submission_record
            where submission_id = ${row.id}`.execute(trx)
        ).rows[0]!.n;
        throw rolledBack;
      })
      .catch((error: unknown) => {
        if (error !== rolledBack) throw error;
      });
    return { computed, saved: performance.now() - t0 };
  };
  const saves: { computed: number; saved: number }[] = [];
  for (let i = 0; i < 3; i++) saves.push(await save());
  const c = median(saves.map((x) => x.computed));
  const w = median(saves.map((x) => x.saved));
  log(
    `${kind}: lưu 02/XLD của tỉnh kèm hồ sơ (${kept.toLocaleString("vi-VN")} dòng) ${Math.round(w)} ms; ` +
      `chỉ tính ${Math.round(c)} ms; tỉ lệ ${(w / c).toFixed(2)}×`,
  );
  report(`province 02/XLD saved with its records kept (median)`, w, "ms", kind);
  report(`province 02/XLD computed alone (median)`, c, "ms", kind);
  report(`records kept by the save`, kept, "rows", kind);
}

const scenario: Scenario = {
  name: "reports",
  description: "báo cáo quý của một tỉnh (mọi biểu của chế độ, mọi đơn vị) so với một lần quét GROUP BY cùng dữ liệu",
  async run(report, log) {
    if (process.env.BENCH_REPORTS_PGLITE !== "0") await runOn({ kind: "pglite" }, report, log);
    const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
    if (url) await runOn({ kind: "postgres", url }, report, log);
  },
};

export default scenario;
