/**
 * The demo inspection plans (seed/demo-inspection-plans.ts) load through the services on both
 * databases: the Inspectorate's plan issued with its decision, the Department's with its two
 * resolved overlaps, the State Audit's plan flagged, and the province's board counting them.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { todayInVietnam } from "@minhbach/domain";
import { seedDemoInspectionPlans } from "../src/seed/demo-inspection-plans.ts";
import { startTestApp, testDatabases, type TestApp } from "../src/testing.ts";

for (const db of testDatabases()) {
  describe(`demo inspection plans (${db.kind})`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp({ db, listen: false });
    });
    after(() => t.close());

    test("the demo plans load once, with overlaps resolved and a State Audit flag; the province sees them", async () => {
      const items = await seedDemoInspectionPlans(t.system.database.db);
      assert.ok(items >= 10, `items: ${items}`);
      assert.equal(await seedDemoInspectionPlans(t.system.database.db), 0, "a second run adds nothing");
      const year = Number(todayInVietnam().slice(0, 4));
      const province = await t.login("lanhdao.tinh");
      const plans = await province.get(`/api/inspection-plans?year=${year}`);
      assert.equal(plans.body.items.length, 2);
      const tt = plans.body.items.find((p: { agencyName: string }) => p.agencyName === "Thanh tra tỉnh Lào Cai");
      assert.equal(tt.status, "issued");
      assert.match(tt.decisionSymbol, /\/QĐ-/);
      const board = await province.get(`/api/inspection-overlaps?year=${year}`);
      assert.equal(board.body.byKind.enterprise, 4, "two overlaps between the plans, two with the State Audit");
      assert.equal(board.body.resolved, 2);
      const feed = await t.anonymous().get(`/api/public/inspection-plans?year=${year}`);
      assert.ok(feed.body.items.length >= 5);
    });
  });
}
