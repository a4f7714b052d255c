// The anti-corruption demo data of `npm start` (seed/demo-anticorruption.ts), on both databases:
// it goes through the services, so it must pass every rule they check, and shows what it promises.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { addDays } from "@minhbach/domain/legal-clock";
import { seedDemoAnticorruption } from "../src/seed/demo-anticorruption.ts";
import { startTestApp, testDatabases, type TestApp } from "../src/testing.ts";

for (const db of testDatabases()) {
  describe(`anticorruption demo (${db.kind})`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp({ db, listen: false });
    });
    after(() => t.close());

    test("seeds officials, two campaigns, a drawn plan; the demo declarant reads her own declarations", async () => {
      const kdb = t.system.database.db;
      assert.equal(await seedDemoAnticorruption(kdb, "2026-12-06"), 24);
      assert.equal(await seedDemoAnticorruption(kdb, "2026-12-06"), 0, "once only");
      const officer = await t.login("pctn");
      const campaigns = (await officer.get("/api/anticorruption/campaigns")).body.items;
      assert.deepEqual(
        campaigns.map((c: { year: number }) => c.year),
        [2026, 2025],
      );
      const current = (await officer.get(`/api/anticorruption/campaigns/${campaigns[0].id}`)).body;
      const moved = current.items.find((i: { officialCode: string }) => i.officialCode === "SCT-022");
      assert.equal(moved.kind, "annual");
      const recruit = current.items.find((i: { officialCode: string }) => i.officialCode === "SCT-024");
      assert.equal(recruit.kind, "first_time");
      const plans = (await officer.get("/api/anticorruption/verification-plans")).body.items;
      const plan = (await officer.get(`/api/anticorruption/verification-plans/${plans[0].id}`)).body;
      assert.ok(plan.lottery.selectedPersons >= 1);
      assert.equal(plan.verifications[0].conclusion, "honest");
      const xem = await t.login("xem");
      const mine = (await xem.get("/api/anticorruption/my-declarations")).body.items;
      assert.equal(mine.length, 2);
      const latest = (await xem.get(`/api/anticorruption/declarations/${mine[0].id}`)).body;
      assert.equal(latest.comparison.increase, 450_000_000);
      assert.equal(latest.comparison.flagged, true);

      // The records the PCTN forms count: a case transferred to the police, the registers.
      const cases = (await officer.get("/api/anticorruption/corruption-cases")).body;
      assert.equal(cases.items.length, 1);
      assert.equal(cases.totals.damageMoney, 86_400_000);
      assert.equal(cases.totals.recoveredMoney, 60_000_000);
      assert.equal(cases.totals.transferredCases, 1);
      assert.equal(cases.totals.persons, 2);
      // The rotation plan carried out: two rotated, one deferred, one still to do.
      const plannedYear = Number(addDays("2026-12-06", -120).slice(0, 4));
      const rotations = (await officer.get(`/api/anticorruption/rotations?year=${plannedYear}`)).body;
      assert.deepEqual(rotations.counts, { planned: 4, done: 2, exempted: 0, deferred: 1 });
      for (const path of ["loophole-documents", "prevention-documents", "gifts", "trainings"]) {
        const list = await officer.get(`/api/anticorruption/${path}`);
        assert.equal(list.status, 200, path);
        assert.ok(list.body.items.length >= 1, path);
      }
    });
  });
}
