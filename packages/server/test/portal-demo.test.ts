/**
 * The portal's demo data (seed/demo-portal.ts), on both databases: frequent questions for the demo
 * agencies and one published result, its text free of the personal data the masking removes,
 * shown on the portal; seeded once.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { seedDemoCases } from "../src/seed/demo-cases.ts";
import { seedDemoInspections } from "../src/seed/demo-inspections.ts";
import { seedDemoPortal } from "../src/seed/demo-portal.ts";
import { startTestApp, testDatabases, type TestApp } from "../src/testing.ts";

for (const db of testDatabases()) {
  describe(`portal demo data (${db.kind})`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp({ db, listen: false });
    });
    after(() => t.close());

    test("questions per agency and one published result, on the portal; once only", async () => {
      const dbq = t.system.database.db;
      await seedDemoCases(dbq);
      await seedDemoInspections(dbq);
      const made = await seedDemoPortal(dbq);
      assert.ok(made.faq >= 8, JSON.stringify(made));
      assert.equal(made.published, 1);
      assert.deepEqual(await seedDemoPortal(dbq), { faq: 0, published: 0 }, "once only");

      const faq = await t.app.inject({
        method: "GET",
        url: "/cong-dan/hoi-dap?coQuan=LC.SCT",
        remoteAddress: "10.46.0.1",
      });
      assert.equal(faq.statusCode, 200);
      assert.match(faq.body, /Tôi bị mất mã tra cứu thì làm thế nào\?/);
      const list = await t.app.inject({ method: "GET", url: "/cong-dan/cong-khai", remoteAddress: "10.46.0.1" });
      assert.match(list.body, /Tìm thấy 1 kết quả/);
      const id = /href="\/cong-dan\/cong-khai\/([0-9a-f-]{36})"/.exec(list.body)?.[1];
      assert.ok(id, "the published result is listed");
      const page = await t.app.inject({ method: "GET", url: `/cong-dan/cong-khai/${id}`, remoteAddress: "10.46.0.1" });
      assert.equal(page.statusCode, 200);
      // Nothing a masking would still take out: no phone or identity number by its shape.
      assert.doesNotMatch(page.body.replace(/<[^>]+>/g, " "), /\b0\d{2,3}[ .]?\d{3}[ .]?\d{3,4}\b|\b\d{12}\b/);
    });
  });
}
