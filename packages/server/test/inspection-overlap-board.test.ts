/**
 * The province's overlap board with more than a thousand overlapping subjects, on both databases:
 * every subject's resolution is read (the board once read the resolutions of the first thousand
 * subjects only, so the others showed as unresolved and the "resolved" count stopped at 1.000).
 * The rows are written straight into the tables: a plan of 1.200 items through the API would say
 * nothing more about the board.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { startTestApp, testDatabases, type TestApp } from "../src/testing.ts";

const YEAR = 2031;
const SUBJECTS = 1200;

for (const db of testDatabases()) {
  describe(`overlap board past a thousand subjects (${db.kind})`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp({ db, listen: false });
    });
    after(() => t.close());

    test("1.200 subjects planned by two agencies, each overlap resolved: the board counts 1.200 resolved", async () => {
      const d = t.system.database.db;
      const agency = async (code: string) =>
        (await d.selectFrom("agency").select("id").where("code", "=", code).executeTakeFirstOrThrow()).id;
      const tt = await agency("LC.TT");
      const sct = await agency("LC.SCT");
      const subjects = await d
        .insertInto("inspection_subject")
        .values(
          Array.from({ length: SUBJECTS }, (_, i) => ({
            kind: i % 4 === 0 ? ("state_body" as const) : ("enterprise" as const),
            tax_code: null,
            name: `Đơn vị thử ${String(i + 1).padStart(4, "0")}`,
            registered_by_agency_id: tt,
          })),
        )
        .returning("id")
        .execute();
      const ids = subjects.map((s) => s.id);
      const ttItem = crypto.randomUUID();
      const sctItem = crypto.randomUUID();
      for (const [agencyId, sourceId, activity] of [
        [tt, ttItem, "inspection"],
        [sct, sctItem, "check"],
      ] as const)
        await d
          .insertInto("inspection_occurrence")
          .values(
            ids.map((subject_id) => ({
              subject_id,
              year: YEAR,
              activity,
              source: "plan_item" as const,
              source_id: sourceId,
              agency_id: agencyId,
            })),
          )
          .execute();
      await d
        .insertInto("inspection_overlap_resolution")
        .values(
          ids.map((subject_id) => ({
            year: YEAR,
            subject_id,
            agency_id: sct,
            other_source: "plan_item" as const,
            other_source_id: ttItem,
            other_agency_id: tt,
            outcome: "postpone" as const,
            reason: "Lùi sang năm sau",
            decided_by_name: "Lãnh đạo Sở",
          })),
        )
        .execute();

      const province = await t.login("lanhdao.tinh");
      const board = await province.get(`/api/inspection-overlaps?year=${YEAR}`);
      assert.equal(board.status, 200, JSON.stringify(board.body).slice(0, 500));
      assert.equal(board.body.subjects, 1200);
      assert.equal(board.body.byKind.state_body, 300);
      assert.equal(board.body.byKind.enterprise, 900);
      assert.equal(
        board.body.sentence,
        "1200 đối tượng bị trùng lặp, trong đó 300 cơ quan, đơn vị nhà nước và 900 doanh nghiệp.",
      );
      assert.equal(board.body.resolved, 1200, "every subject's resolution, past the first thousand too");
      const items = board.body.items as { resolutions: { outcome: string; otherAgencyId: string }[] }[];
      assert.equal(items.length, 1200);
      assert.equal(items.filter((i) => i.resolutions.length === 1).length, 1200);
      assert.ok(items.every((i) => i.resolutions[0]!.outcome === "postpone" && i.resolutions[0]!.otherAgencyId === tt));
    });
  });
}
