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

    test("a planned inspection and the plan item it carries out are one activity: one entry, not on the board alone", async () => {
      const year = YEAR + 1;
      const d = t.system.database.db;
      const agency = async (code: string) =>
        (await d.selectFrom("agency").select("id").where("code", "=", code).executeTakeFirstOrThrow()).id;
      const tt = await agency("LC.TT");
      const sct = await agency("LC.SCT");
      const [alone, shared] = await d
        .insertInto("inspection_subject")
        .values(
          ["Công ty TNHH Chè Bát Xát", "Công ty cổ phần Phân lân Văn Bàn"].map((name) => ({
            kind: "enterprise" as const,
            tax_code: null,
            name,
            registered_by_agency_id: tt,
          })),
        )
        .returning("id")
        .execute();
      const plan = await d
        .insertInto("inspection_plan")
        .values({ agency_id: tt, year, title: `Kế hoạch thanh tra năm ${year}`, status: "issued" })
        .returning("id")
        .executeTakeFirstOrThrow();
      const ttItem = (
        await d
          .insertInto("inspection_plan_item")
          .values({
            plan_id: plan.id,
            seq: 1,
            activity: "inspection",
            kind: "planned",
            content: "Thanh tra việc chấp hành pháp luật về đất đai",
          })
          .returning("id")
          .executeTakeFirstOrThrow()
      ).id;
      const inspection = crypto.randomUUID();
      const occurrence = (
        subject_id: string,
        agency_id: string,
        source: "plan_item" | "inspection",
        source_id: string,
      ) => ({
        subject_id,
        year,
        activity: "inspection" as const,
        source,
        source_id,
        agency_id,
        carries_out: source === "inspection" ? ttItem : null,
      });
      await d
        .insertInto("inspection_occurrence")
        .values([
          // The Inspectorate's item and its decided inspection, for both subjects.
          occurrence(alone!.id, tt, "plan_item", ttItem),
          occurrence(alone!.id, tt, "inspection", inspection),
          occurrence(shared!.id, tt, "plan_item", ttItem),
          occurrence(shared!.id, tt, "inspection", inspection),
          // The Department plans the second subject too.
          { ...occurrence(shared!.id, sct, "plan_item", crypto.randomUUID()), activity: "check" as const },
        ])
        .execute();
      const province = await t.login("lanhdao.tinh");
      const board = await province.get(`/api/inspection-overlaps?year=${year}`);
      assert.equal(board.status, 200, JSON.stringify(board.body).slice(0, 500));
      assert.equal(board.body.subjects, 1, "the item and its inspection alone are no overlap");
      const item = board.body.items[0] as { subjectName: string; entries: { source: string; label: string }[] };
      assert.equal(item.subjectName, "Công ty cổ phần Phân lân Văn Bàn");
      assert.equal(item.entries.length, 2, JSON.stringify(item.entries));
      assert.deepEqual(item.entries.map((e) => e.source).sort(), ["plan_item", "plan_item"]);
      assert.ok(
        item.entries.some(
          (e) => e.label === "Thanh tra việc chấp hành pháp luật về đất đai (đã có quyết định thanh tra, kiểm tra)",
        ),
        JSON.stringify(item.entries),
      );
    });
  });
}
