/**
 * The demo inspections (`npm start`), on both databases: last year's conclusion followed into
 * this year with recoveries on both sides of 1 January, this year's inspections at every step,
 * and the Department's check overlapped by an ad hoc proposal of the Inspectorate.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { seedDemoInspections } from "../src/seed/demo-inspections.ts";
import { startTestApp, testDatabases, type TestApp } from "../src/testing.ts";

for (const db of testDatabases()) {
  describe(`demo inspections (${db.kind})`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp({ db, listen: false });
    });
    after(() => t.close());

    test("inspections at every step, findings and recoveries across two years", async () => {
      const today = "2026-12-06";
      assert.equal(await seedDemoInspections(t.system.database.db, today), 6);
      assert.equal(await seedDemoInspections(t.system.database.db, today), 0, "once only");
      const long = await t.login("thanhtra");
      const list = (await long.get("/api/inspections?pageSize=50")).body;
      assert.deepEqual(list.items.map((i: { state: string }) => i.state).sort(), [
        "DRAFTED",
        "IMPLEMENTING",
        "ONSITE",
        "PROPOSED",
        "SIGNED",
      ]);
      const proposed = list.items.find((i: { state: string }) => i.state === "PROPOSED");
      const detail = (await long.get(`/api/inspections/${proposed.id}`)).body;
      assert.equal(detail.overlaps[0].agencyName, "Sở Công Thương tỉnh Lào Cai");
      assert.equal(detail.stateLabel, "Chờ lãnh đạo ký quyết định thanh tra");
      assert.equal(detail.awaiting.status, "draft");
      const summary = (await long.get("/api/inspection-follow-up/summary?from=2026-01-01&to=2026-12-31")).body;
      assert.equal(summary.recoveredFromEarlierYears, 2_369_000_000);
      assert.equal(summary.text.recoveredFromEarlierYears, "2.369 triệu đồng");
      assert.equal(summary.recommended, 1_250_000_000);
      const y2025 = (await long.get("/api/inspection-follow-up/summary?from=2025-01-01&to=2025-12-31")).body;
      assert.equal(y2025.recoveredInPeriod, 2_131_000_000);
      const sct = await t.login("kiemtra.sct");
      assert.equal((await sct.get("/api/inspections")).body.items[0].state, "DECIDED");
    });
  });
}
