/**
 * The portal's rate limits in the database (modules/portal/limits.ts), on both databases: counted
 * per bucket and client, shared by two limiters (two server processes), a sliding estimate
 * across a window's edge, pruned, no address stored — and the cost of one count, measured.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { sql } from "kysely";
import { SharedLimits } from "../src/modules/portal/limits.ts";
import { startTestApp, testDatabases, type TestApp } from "../src/testing.ts";

const WINDOW = 600_000;
const RULE = { bucket: "test-code", max: 3, windowMs: WINDOW };

for (const db of testDatabases()) {
  describe(`portal limits in the database (${db.kind})`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp({ db, listen: false, demo: false });
    });
    after(() => t.close());

    test("counts per bucket and client; two processes share the count; no address stored", async () => {
      let now = 10 * WINDOW + 1_000;
      const one = new SharedLimits(t.system.database.db, () => now);
      const two = new SharedLimits(t.system.database.db, () => now);
      const seen: boolean[] = [];
      seen.push((await one.take(RULE, "10.0.0.1")).allowed);
      seen.push((await two.take(RULE, "10.0.0.1")).allowed);
      seen.push((await one.take(RULE, "10.0.0.1")).allowed);
      const fourth = await two.take(RULE, "10.0.0.1");
      seen.push(fourth.allowed);
      assert.deepEqual(seen, [true, true, true, false]);
      assert.equal(fourth.firstRefusal, true);
      assert.equal((await one.take(RULE, "10.0.0.1")).firstRefusal, false, "refused again, not first");
      assert.equal((await one.take(RULE, "10.0.0.2")).allowed, true, "another address counts apart");
      assert.equal((await one.take({ ...RULE, bucket: "other" }, "10.0.0.1")).allowed, true, "another bucket too");
      const stored = await sql<{ client_hash: string }>`select client_hash from portal_rate_hit`.execute(
        t.system.database.db,
      );
      assert.ok(
        stored.rows.every((r) => !r.client_hash.includes("10.0.0")),
        "the address is kept as a keyed hash",
      );

      // Just after the window's edge the previous window still weighs almost fully: no fresh tries.
      now = 11 * WINDOW + 1_000;
      assert.equal((await one.take(RULE, "10.0.0.1")).allowed, false);
      // A whole window later the old hits are gone from the estimate.
      now = 12 * WINDOW + 1_000;
      assert.equal((await one.take(RULE, "10.0.0.1")).allowed, true);
    });

    test("old windows are pruned", async () => {
      let now = 1_000 * WINDOW;
      const limits = new SharedLimits(t.system.database.db, () => now);
      await limits.take(RULE, "10.1.0.1");
      now += 25 * 3_600_000;
      await limits.take(RULE, "10.1.0.2");
      const deleted = await limits.prune();
      assert.ok(deleted >= 1);
      const left = await sql<{ n: number }>`
        select count(*)::int as n from portal_rate_hit where window_start < ${new Date(now - 24 * 3_600_000)}`.execute(
        t.system.database.db,
      );
      assert.equal(Number(left.rows[0]!.n), 0);
    });

    test("the cost of one count, measured", async () => {
      const limits = new SharedLimits(t.system.database.db);
      const n = 300;
      const started = performance.now();
      for (let i = 0; i < n; i++)
        await limits.take({ bucket: "bench", max: 1_000_000, windowMs: 60_000 }, `10.2.0.${i % 50}`);
      const perRequest = (performance.now() - started) / n;
      console.log(`portal limit on ${db.kind}: ${perRequest.toFixed(3)} ms per counted request`);
      assert.ok(perRequest < 50, `${perRequest} ms per request`);
    });
  });
}
