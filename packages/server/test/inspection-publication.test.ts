/**
 * The publication notice of a conclusion, on both databases: the publish step drafts it with the
 * personal data of an individual inspected masked (name, personal tax number, address, and any
 * phone by its shape), an enterprise's name kept; 15 consecutive days from the publication date.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { startTestApp, testDatabases, type TestApp } from "../src/testing.ts";
import {
  createSubject,
  decidedInspection,
  inspectionWorld,
  step,
  walkToAppraised,
  type InspectionWorld,
} from "./support/inspections.ts";

for (const db of testDatabases()) {
  describe(`inspection conclusion published, personal data masked (${db.kind})`, () => {
    let t: TestApp;
    let w: InspectionWorld;
    before(async () => {
      t = await startTestApp({ db, listen: false });
      w = await inspectionWorld(t);
    });
    after(() => t.close());

    test("the notice names the enterprise, masks the individual", async () => {
      const person = await createSubject(w.db, w.tt, {
        name: "Vàng Văn Dũng",
        kind: "individual",
        taxCode: "010085012345",
      });
      const company = await createSubject(w.db, w.tt, { name: "Công ty TNHH Nông sản Mường Khương" });
      const { id, version } = await decidedInspection(w, [person, company], 2026, "2026-02-02");
      let v = await walkToAppraised(w, id, version, {
        plan: "2026-02-04",
        announce: "2026-02-09",
        endOnsite: "2026-03-13",
        report: "2026-03-16",
        assign: "2026-03-18",
        draft: "2026-03-27",
        appraise: "2026-03-31",
      });
      for (const [subjectId, description, money] of [
        [person, "Ông Vàng Văn Dũng (điện thoại 0912 345 678) nhận hỗ trợ giống cây trồng hai lần", 18_500_000],
        [company, "Công ty TNHH Nông sản Mường Khương kê khai khống khối lượng nghiệm thu", 240_000_000],
      ] as const) {
        const added = await w.long.post(`/api/inspections/${id}/violations`, {
          version: v,
          subjectId,
          kind: "budget",
          description,
          money,
        });
        assert.equal(added.status, 201, JSON.stringify(added.body));
        v = added.body.version;
      }
      const signed = await step(w.head, id, v, {
        action: "sign",
        issuedOutside: true,
        date: "2026-04-06",
        number: "07/KL-TTr",
      });
      assert.equal(signed.status, 200, JSON.stringify(signed.body));
      const published = await step(w.long, id, signed.body.version, { action: "publish", date: "2026-04-08" });
      assert.equal(published.status, 200, JSON.stringify(published.body));

      const notice = await w.db
        .selectFrom("official_document")
        .select(["fields", "status"])
        .where("entity_id", "=", id)
        .where("form_code", "=", "TTr-TBCK")
        .executeTakeFirstOrThrow();
      assert.equal(notice.status, "draft");
      const f = notice.fields as { subjects: string[]; summary: string[]; publishFrom: string; publishTo: string };
      const text = JSON.stringify(f);
      assert.ok(!text.includes("Vàng Văn Dũng"), text);
      assert.ok(!text.includes("010085012345"), text);
      assert.ok(!text.includes("0912 345 678"), text);
      assert.deepEqual(f.subjects, ["[thông tin cá nhân]", "Công ty TNHH Nông sản Mường Khương"]);
      assert.equal(
        f.summary[0],
        "[thông tin cá nhân] - Vi phạm về quản lý tài chính, ngân sách: Ông [thông tin cá nhân] (điện thoại [thông tin cá nhân]) nhận hỗ trợ giống cây trồng hai lần (18.500.000 đồng)",
      );
      assert.match(f.summary[1]!, /^Công ty TNHH Nông sản Mường Khương - .*240\.000\.000 đồng\)$/);
      // 15 consecutive days from Wed 08/04/2026, the first included: to Wed 22/04/2026.
      assert.deepEqual([f.publishFrom, f.publishTo], ["2026-04-08", "2026-04-22"]);
    });
  });
}
