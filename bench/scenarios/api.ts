/**
 * Authenticated GET of the agency tree and the user list under load for a fixed time, on PGlite
 * and on PostgreSQL, against a bare Fastify route that returns the same JSON: the ratio is what
 * our stack (session lookup, permission and scope checks, queries, zod serialisation) costs.
 * Data: the demo province grown to 300 agencies and 2,000 users.
 */
import { randomUUID } from "node:crypto";
import autocannon from "autocannon";
import Fastify from "fastify";
import { hashPassword } from "../../packages/server/src/platform/passwords.ts";
import { startTestApp, type TestDb } from "../../packages/server/src/testing.ts";
import type { DbKind, Report, Scenario } from "../lib.ts";

const DURATION_S = Number(process.env.BENCH_DURATION ?? 8);
const CONNECTIONS = 10;

async function load(url: string, cookie: string | null) {
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    // The load generator runs on its own thread so it does not share the server's event loop.
    workers: 1,
    duration: DURATION_S,
    headers: cookie ? { cookie } : {},
  });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { rps: result.requests.average, p95: result.latency.p97_5 === undefined ? NaN : percentile95(result) };
}

// autocannon reports p90 and p97.5; p95 is interpolated between them.
function percentile95(result: autocannon.Result): number {
  const l = result.latency as unknown as Record<string, number>;
  return (l.p90! + l.p97_5!) / 2;
}

async function grow(t: Awaited<ReturnType<typeof startTestApp>>) {
  const { db } = t.system.database;
  const root = await db.selectFrom("agency").select("id").where("code", "=", "LC.UBND").executeTakeFirstOrThrow();
  const agencies: { id: string; code: string; name: string; kind: string; parent_id: string; valid_from: string }[] =
    [];
  for (let i = 0; i < 280; i++) {
    agencies.push({
      id: randomUUID(),
      code: `LC.BENCH.${i}`,
      name: i % 3 === 0 ? `UBND xã Thử Nghiệm ${i}` : `Phòng nghiệp vụ số ${i}`,
      kind: i % 3 === 0 ? "commune_committee" : "department_unit",
      parent_id: root.id,
      valid_from: "2025-07-01",
    });
  }
  await db.insertInto("agency").values(agencies).execute();
  const hash = await hashPassword("BenchMark2026x");
  const first = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ"];
  const middle = ["Văn", "Thị", "Đức", "Minh", "Thu", "Quốc", "Ngọc"];
  const last = ["An", "Bình", "Cường", "Dung", "Giang", "Hà", "Hải", "Lan", "Long", "Mai", "Nam", "Phương"];
  const users = Array.from({ length: 2000 }, (_, i) => ({
    username: `bench.${i}`,
    full_name: `${first[i % first.length]} ${middle[i % middle.length]} ${last[i % last.length]}`,
    agency_id: agencies[i % agencies.length]!.id,
    roles: ["viewer"],
    password_hash: hash,
  }));
  for (let i = 0; i < users.length; i += 500)
    await db
      .insertInto("app_user")
      .values(users.slice(i, i + 500))
      .execute();
}

async function bareServer(bodies: Map<string, string>) {
  const app = Fastify({ logger: false });
  for (const [path, body] of bodies) app.get(path, async (_req, reply) => reply.type("application/json").send(body));
  const url = await app.listen({ port: 0, host: "127.0.0.1" });
  return { url, close: () => app.close() };
}

async function runOn(db: TestDb, report: Report, log: (line: string) => void) {
  const kind: DbKind = db.kind;
  const t = await startTestApp({ db });
  try {
    await grow(t);
    const admin = await t.login("admin");
    const cookie = `mb_session=${admin.session}`;
    const paths = { agency_tree: "/api/agencies", user_list: "/api/users?page=3&pageSize=50&sort=fullName" };
    const bodies = new Map<string, string>();
    for (const path of Object.values(paths)) {
      const res = await admin.get(path);
      if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
      bodies.set(path.split("?")[0]!, JSON.stringify(res.body));
    }
    const bare = await bareServer(bodies);
    try {
      for (const [name, path] of Object.entries(paths)) {
        const ours = await load(t.url + path, cookie);
        const base = await load(bare.url + path, null);
        log(
          `${kind} ${name}: ${Math.round(ours.rps)} req/s, p95 ${ours.p95.toFixed(1)} ms; bare Fastify ${Math.round(base.rps)} req/s`,
        );
        report(`${name}.requests_per_second`, ours.rps, "1/s", kind);
        report(`${name}.p95_latency`, ours.p95, "ms", kind);
        report(`${name}.bare_fastify_requests_per_second`, base.rps, "1/s", kind);
        report(`${name}.ratio_to_bare_fastify`, ours.rps / base.rps, "x", kind);
      }
    } finally {
      await bare.close();
    }
  } finally {
    await t.close();
  }
}

const scenario: Scenario = {
  name: "api",
  description: `GET cây cơ quan và danh sách tài khoản (đã đăng nhập), ${CONNECTIONS} kết nối × ${DURATION_S} s, PGlite và PostgreSQL`,
  async run(report, log) {
    await runOn({ kind: "pglite" }, report, log);
    const url =
      process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
    try {
      await runOn({ kind: "postgres", url }, report, log);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ECONNREFUSED") log(`Bỏ qua PostgreSQL: không kết nối được ${url}`);
      else throw error;
    }
  },
};
export default scenario;
