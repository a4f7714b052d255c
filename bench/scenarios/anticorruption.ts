/**
 * Anti-corruption at the scale of a province: 40,000 officials (BENCH_OFFICIALS) in 250 units of a
 * provincial controlling body, with their position history (a share of annual declarants, some
 * who changed position mid-year, recruits of the year). Measured: the obligated list computed from
 * positions (reads + domain), opening a campaign through the HTTP API (compute + write), the
 * campaign view, and the verification lottery through the API (inputs, exclusions, draw, writes),
 * plus the pure draw in the domain. On PGlite and on PostgreSQL (TEST_DATABASE_URL).
 */
import { performance } from "node:perf_hooks";
import { drawLottery } from "@minhbach/domain";
import { sql } from "kysely";
import { computeAgencyObligations } from "../../packages/server/src/modules/anticorruption/campaigns.ts";
import { lotteryInputs } from "../../packages/server/src/modules/anticorruption/verification.ts";
import { listPositions } from "../../packages/server/src/modules/anticorruption/positions.ts";
import { insertUser } from "../../packages/server/src/modules/users/service.ts";
import { SYSTEM_ACTOR } from "../../packages/server/src/platform/audit.ts";
import { DEMO_PASSWORD } from "../../packages/server/src/seed/demo.ts";
import { startTestApp, type TestDb } from "../../packages/server/src/testing.ts";
import type { DbKind, Report, Scenario } from "../lib.ts";

const OFFICIALS = Number(process.env.BENCH_OFFICIALS ?? 40_000);
const UNITS = 250;
const YEAR = 2026;

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const value = await fn();
  return [value, performance.now() - start];
}

async function runOn(db: TestDb, report: Report, log: (line: string) => void) {
  const kind = db.kind as DbKind;
  const t = await startTestApp({ db, listen: false });
  try {
    const kdb = t.system.database.db;
    const province = await kdb
      .selectFrom("agency")
      .select(["id"])
      .where("code", "=", "LC.UBND")
      .executeTakeFirstOrThrow();
    const units: string[] = [];
    for (let i = 0; i < UNITS; i += 50) {
      const rows = await kdb
        .insertInto("agency")
        .values(
          Array.from({ length: Math.min(50, UNITS - i) }, (_, j) => ({
            code: `BENCH.DV${String(i + j + 1).padStart(3, "0")}`,
            name: `Đơn vị ${i + j + 1}`,
            kind: "department",
            parent_id: province.id,
            valid_from: "2025-07-01",
          })),
        )
        .returning("id")
        .execute();
      units.push(...rows.map((r) => r.id));
    }
    await insertUser(kdb, SYSTEM_ACTOR, {
      username: "pctn.tinh",
      fullName: "Cán bộ PCTN tỉnh",
      agencyId: province.id,
      roles: ["anticorruption_officer"],
      password: DEMO_PASSWORD,
      mustChangePassword: false,
    });
    const officer = await t.login("pctn.tinh");
    const positions = new Map((await listPositions(kdb)).items.map((p) => [p.code, p.id] as const));
    const annual = ["KE_TOAN", "THANH_TRA_VIEN", "KIEM_SOAT_VIEN_TT", "PTP_TAI_CHINH", "PTP_DAT_DAI", "PGD_SO"];
    const random = prng(20261206);
    const [, loadMs] = await timed(async () => {
      for (let i = 0; i < OFFICIALS; i += 2000) {
        const batch = Array.from({ length: Math.min(2000, OFFICIALS - i) }, (_, j) => {
          const n = i + j + 1;
          const code = `CB${String(n).padStart(6, "0")}`;
          return {
            agency_id: province.id,
            unit_agency_id: units[Math.floor(random() * UNITS)]!,
            code,
            full_name: `Cán bộ ${n}`,
            search_text: `cb${n} can bo ${n}`,
            declared_before: true,
            verified_years: random() < 0.1 ? [YEAR - 1 - Math.floor(random() * 6)] : [],
          };
        });
        const ids = await kdb.insertInto("ac_official").values(batch).returning("id").execute();
        const held = ids.flatMap(({ id }) => {
          const r = random();
          const title = random() < 0.35 ? annual[Math.floor(random() * annual.length)]! : "CHUYEN_VIEN";
          if (r < 0.05)
            return [
              {
                official_id: id,
                position_id: positions.get(title)!,
                from_date: "2015-01-01",
                to_date: `${YEAR}-06-30`,
              },
              {
                official_id: id,
                position_id: positions.get("CHUYEN_VIEN")!,
                from_date: `${YEAR}-07-01`,
                to_date: null,
              },
            ];
          if (r < 0.07)
            return [{ official_id: id, position_id: positions.get(title)!, from_date: `${YEAR}-03-01`, to_date: null }];
          return [{ official_id: id, position_id: positions.get(title)!, from_date: "2012-01-01", to_date: null }];
        });
        await kdb.insertInto("ac_official_position").values(held).execute();
      }
      // The recruits of the year had no declaration before.
      await sql`update ac_official set declared_before = false where id in
        (select official_id from ac_official_position where from_date >= ${`${YEAR}-01-01`})`.execute(kdb);
    });
    log(`${OFFICIALS.toLocaleString("vi-VN")} cán bộ, ${UNITS} đơn vị nạp trong ${Math.round(loadMs)} ms (${kind})`);

    const [list, computeMs] = await timed(() => computeAgencyObligations(kdb, province.id, YEAR));
    log(
      `danh sách phải kê khai ${YEAR}: ${list.length.toLocaleString("vi-VN")} người, tính trong ${Math.round(computeMs)} ms`,
    );
    report("obligated_list_compute_ms", computeMs, "ms", kind);
    report("obligated_list_rows", list.length, "rows", kind);

    const [prior, openMs] = await timed(() => officer.post("/api/anticorruption/campaigns", { year: YEAR - 1 }));
    if (prior.status !== 201)
      throw new Error(`open campaign: ${prior.status} ${JSON.stringify(prior.body).slice(0, 300)}`);
    report("campaign_open_http_ms", openMs, "ms", kind);
    log(`mở đợt kê khai ${YEAR - 1} qua API: ${Math.round(openMs)} ms`);
    const [, viewMs] = await timed(() => officer.get(`/api/anticorruption/campaigns/${prior.body.id}`));
    report("campaign_view_http_ms", viewMs, "ms", kind);

    // Every declaration of the year before received, but 1 %.
    await sql`update ac_obligation set received_on = ${`${YEAR - 1}-12-20`}
      where campaign_id = ${prior.body.id} and substr(md5(id::text), 1, 2) <> '00'`.execute(kdb);
    const plan = await officer.post("/api/anticorruption/verification-plans", {
      year: YEAR,
      issuedOn: `${YEAR}-01-20`,
      unitPercent: 20,
      personPercent: 10,
    });
    const inputs = await lotteryInputs(kdb, province.id, YEAR, `${YEAR}-01-25`, 20, 10);
    const [result, pureMs] = await timed(async () => drawLottery({ seed: "bench-7391", ...inputs }));
    report("lottery_draw_pure_ms", pureMs, "ms", kind);
    const [drawn, lotteryMs] = await timed(() =>
      officer.post(`/api/anticorruption/verification-plans/${plan.body.id}/lottery`, {
        seed: "bench-7391",
        heldOn: `${YEAR}-01-25`,
        place: "Hội trường Thanh tra tỉnh",
        witnesses: [
          { fullName: "Người chứng kiến 1", organisation: "Ủy ban kiểm tra Tỉnh ủy" },
          { fullName: "Người chứng kiến 2", organisation: "Ủy ban MTTQ tỉnh" },
        ],
      }),
    );
    if (drawn.status !== 200) throw new Error(`lottery: ${drawn.status} ${JSON.stringify(drawn.body).slice(0, 300)}`);
    report("lottery_http_ms", lotteryMs, "ms", kind);
    report("lottery_candidates", inputs.candidates.length, "people", kind);
    report("lottery_selected", drawn.body.lottery.selectedPersons, "people", kind);
    if (drawn.body.lottery.selectedPersons !== result.selectedPersons)
      throw new Error("the API draw and the pure draw differ");
    log(
      `bốc thăm: ${inputs.candidates.length.toLocaleString("vi-VN")} người đủ điều kiện, ${inputs.exclusions.length.toLocaleString("vi-VN")} loại trừ, ` +
        `${drawn.body.lottery.selectedUnits} đơn vị và ${drawn.body.lottery.selectedPersons} người được chọn; ` +
        `thuật toán ${Math.round(pureMs)} ms, qua API ${Math.round(lotteryMs)} ms`,
    );
  } finally {
    await t.close();
  }
}

const scenario: Scenario = {
  name: "anticorruption",
  description: `Danh sách phải kê khai và bốc thăm xác minh cho một tỉnh ${OFFICIALS.toLocaleString("vi-VN")} cán bộ`,
  async run(report, log) {
    await runOn({ kind: "pglite" }, report, log);
    const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
    if (url) await runOn({ kind: "postgres", url }, report, log);
  },
};
export default scenario;
