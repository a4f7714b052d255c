/**
 * The overlap check on plan entry (issue 17) against 34 provinces' plans of a year: about 100,000
 * subjects and 20,000 plan items (BENCH_INSPECTION_SUBJECTS, BENCH_INSPECTION_ITEMS,
 * BENCH_INSPECTION_PROVINCES), loaded by the demo's generator (seed/demo-inspection-plans.ts,
 * `loadInspectionVolume`) on PGlite and on PostgreSQL. Each measurement goes through the whole
 * HTTP stack (session, permission, scope, zod, the overlap rule): the check the plan form calls as
 * the officer types, with one to three subjects of which a share is already planned elsewhere; the
 * save of an item (refused or written, occurrences and audit); and the province's overlap board.
 */
import { sql } from "kysely";
import { startTestApp, type TestDb } from "../../packages/server/src/testing.ts";
import { loadInspectionVolume } from "../../packages/server/src/seed/demo-inspection-plans.ts";
import { percentile, type DbKind, type Report, type Scenario } from "../lib.ts";
import { benchFollowUp } from "../inspection-follow-up.ts";

const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 200);
const YEAR = 2027;
const TARGET_P95_MS = 20;

async function runOn(db: TestDb, report: Report, log: (line: string) => void) {
  const kind: DbKind = db.kind;
  const provinces = Number(process.env.BENCH_INSPECTION_PROVINCES ?? 34);
  const subjects = Number(process.env.BENCH_INSPECTION_SUBJECTS ?? 100_000);
  const items = Number(process.env.BENCH_INSPECTION_ITEMS ?? 20_000);
  const t = await startTestApp({ db, listen: false });
  try {
    const started = performance.now();
    log(
      `${kind}: nạp ${provinces} tỉnh, ${subjects.toLocaleString("vi-VN")} đối tượng, ${items.toLocaleString("vi-VN")} cuộc…`,
    );
    // Under the demo province, so that its leader's overlap board reads every body's plan.
    const root = await t.system.database.db
      .selectFrom("agency")
      .select("id")
      .where("code", "=", "LC.UBND")
      .executeTakeFirstOrThrow();
    const { subjectIds } = await loadInspectionVolume(t.system.database.db, {
      year: YEAR,
      provinces,
      subjects,
      items,
      parentId: root.id,
    });
    const loadSeconds = (performance.now() - started) / 1000;
    await sql`analyze`.execute(t.system.database.db);
    report("inspection_subjects_loaded", subjectIds.length, "rows", kind);
    report("inspection_plan_items_loaded", items, "rows", kind);
    report("inspection_load_seconds", loadSeconds, "s", kind);
    const occurrences = await t.system.database.db
      .selectFrom("inspection_occurrence")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .executeTakeFirstOrThrow();
    report("inspection_occurrences", Number(occurrences.n), "rows", kind);

    const inspector = await t.login("thanhtra");
    const province = await t.login("lanhdao.tinh");
    const plan = await inspector.post("/api/inspection-plans", { year: YEAR });
    if (plan.status !== 201) throw new Error(`plan ${plan.status}`);
    let version = plan.body.version as number;

    const measure = async (name: string, run: (i: number) => Promise<{ status: number }>, ok = [200]) => {
      for (let i = 0; i < 10; i++) await run(i + 10_000); // warm-up
      const times: number[] = [];
      for (let i = 0; i < SAMPLES; i++) {
        const start = performance.now();
        const res = await run(i);
        times.push(performance.now() - start);
        if (!ok.includes(res.status)) throw new Error(`${name}: status ${res.status}`);
      }
      const p50 = percentile(times, 50);
      const p95 = percentile(times, 95);
      report(`${name}_p50`, p50, "ms", kind);
      report(`${name}_p95`, p95, "ms", kind);
      log(`${name}: p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms (${SAMPLES} lần)`);
      return p95;
    };

    // The floor on this machine: a signed-in request that reads one row (session, permission, zod).
    const floor = await measure("session_floor", () => inspector.get("/api/auth/me"));
    const pick = (i: number, n: number) =>
      Array.from({ length: n }, (_, k) => subjectIds[(i * 7919 + k * 104729) % subjectIds.length]!);
    const checkP95 = await measure("overlap_check", (i) =>
      inspector.post("/api/inspection-plans/overlap-check", {
        planId: plan.body.id,
        subjectIds: pick(i, 1 + (i % 3)),
        activity: i % 2 ? "inspection" : "check",
        field: i % 4 === 0 ? "Xăng dầu" : null,
      }),
    );
    report("overlap_check_p95_vs_target", checkP95 / TARGET_P95_MS, "ratio", kind);
    report("overlap_check_p95_vs_session_floor", checkP95 / floor, "ratio", kind);
    let blocked = 0;
    await measure(
      "plan_item_save",
      async (i) => {
        const res = await inspector.post(`/api/inspection-plans/${plan.body.id}/items`, {
          planVersion: version,
          subjectIds: pick(i + 50_000, 1),
          activity: "inspection",
          kind: "planned",
          content: `Thanh tra thử nghiệm ${i}`,
          quarter: 1 + (i % 4),
        });
        if (res.status === 201) version = res.body.version;
        else blocked++;
        return res;
      },
      [201, 409],
    );
    report("plan_item_save_refused_share", blocked / (SAMPLES + 10), "ratio", kind);
    const boardTimes: number[] = [];
    let boardSubjects = 0;
    for (let i = 0; i < 5; i++) {
      const start = performance.now();
      const res = await province.get(`/api/inspection-overlaps?year=${YEAR}`);
      boardTimes.push(performance.now() - start);
      if (res.status !== 200) throw new Error(`board ${res.status}`);
      boardSubjects = res.body.subjects;
    }
    report("overlap_board_p50", percentile(boardTimes, 50), "ms", kind);
    report("overlap_board_subjects", boardSubjects, "rows", kind);
    log(
      `bảng trùng lặp của tỉnh: ${boardSubjects.toLocaleString("vi-VN")} đối tượng, p50 ${percentile(boardTimes, 50).toFixed(0)} ms`,
    );
  } finally {
    await t.close();
  }
}

const scenario: Scenario = {
  name: "inspections",
  description:
    "Kiểm tra trùng lặp khi nhập kế hoạch thanh tra trên kế hoạch năm của 34 tỉnh (100.000 đối tượng, 20.000 cuộc), PGlite và PostgreSQL; danh sách theo dõi 200.000 kiến nghị",
  async run(report, log) {
    if (process.env.BENCH_INSPECTIONS_PGLITE !== "0") await runOn({ kind: "pglite" }, report, log);
    const url =
      process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
    if (process.env.BENCH_INSPECTIONS_PG !== "0") await runOn({ kind: "postgres", url }, report, log);
    // The follow-up list of recommendations across years (issue 17: p95 < 50 ms at 200.000).
    if (process.env.BENCH_FOLLOW_UP !== "0") await benchFollowUp(report, log);
  },
};
export default scenario;
