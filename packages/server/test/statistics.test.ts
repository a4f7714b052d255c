/**
 * The embedded database's planner statistics (db/statistics.ts): analysed nightly, and at start
 * when not for a day, since PGlite runs no autovacuum; nothing scheduled on a server.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { sql } from "kysely";
import { analyzeDatabase, lastAnalysed, scheduleStatistics, untilNight } from "../src/db/statistics.ts";
import { receiveMany } from "../src/modules/petitions/intake.ts";
import { SYSTEM_ACTOR } from "../src/platform/audit.ts";
import { startTestApp, testDatabases, type TestApp } from "../src/testing.ts";

test("the nightly analyse is at 02:00 in Vietnam (UTC+7)", () => {
  const hours = (iso: string) => untilNight(new Date(iso)) / 3_600_000;
  assert.equal(hours("2026-11-23T03:00:00Z"), 16); // 10:00 in Hà Nội: 02:00 tomorrow
  assert.equal(hours("2026-11-23T18:30:00Z"), 0.5); // 01:30 on the 24th
  assert.equal(hours("2026-11-23T19:00:00Z"), 24); // 02:00 exactly: the next night
  assert.equal(hours("2026-12-31T20:00:00Z"), 23); // 03:00 on 1 January
});

for (const db of testDatabases()) {
  describe(`planner statistics (${db.kind})`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp({ db, listen: false });
    });
    after(() => t.close());

    test("analysing gives the planner the petitions' size and their commonest words", async () => {
      const kdb = t.system.database.db;
      const agency = await kdb.selectFrom("agency").select("id").where("code", "=", "LC.SCT").executeTakeFirstOrThrow();
      await receiveMany(
        kdb,
        SYSTEM_ACTOR,
        agency.id,
        Array.from({ length: 40 }, (_, i) => ({
          channel: "post" as const,
          receivedOn: "2026-03-02",
          petitioners: [{ kind: "person" as const, fullName: `Nguyễn Văn ${"ABCDE"[i % 5]}`, address: "xã Bắc Hà" }],
          anonymous: false,
          impersonated: false,
          respondents: [{ name: "Cửa hàng xăng dầu Số 2" }],
          content: "Cửa hàng xăng dầu bán thiếu lít cho người dân.",
          language: "vi" as const,
          attachments: [],
        })),
      );
      const figures = async () =>
        (
          await sql<{ rows: number; words: number }>`
            select (select greatest(reltuples, 0) from pg_class where oid = 'petition'::regclass)::float8 as rows,
              (select count(*) from pg_stats where schemaname = current_schema() and tablename = 'petition'
                and attname = 'search_pairs' and most_common_elems is not null)::int as words`.execute(kdb)
        ).rows[0]!;
      const before = await figures();
      let runs = 0;
      const start = () =>
        scheduleStatistics(
          t.system.database,
          () => runs++,
          (error) => assert.fail(String(error)),
        );
      const schedule = await start();
      await schedule?.stop();
      // Started again within the day: not analysed again, only at night.
      await (await start())?.stop();
      if (db.kind === "pglite") {
        // Unknown to the planner until analysed (no autovacuum); scheduled, and analysed at once.
        assert.equal(before.words, 0);
        assert.ok(schedule);
        assert.equal(runs, 1);
        assert.ok(await lastAnalysed(t.system.database));
        const now = await figures();
        assert.ok(now.rows >= 40, `rows ${now.rows}`);
        assert.equal(now.words, 1);
      } else {
        // A server's autovacuum keeps them: nothing scheduled.
        assert.equal(schedule, null);
        assert.equal(runs, 0);
        assert.ok((await analyzeDatabase(t.system.database)) >= 0);
        assert.ok((await figures()).rows >= 40);
      }
    });
  });
}
