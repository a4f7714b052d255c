/**
 * An inspection carrying out a plan item, on both databases: the item must be of the agency's
 * issued plan of the year; the inspection records it, and once decided writes its own
 * occurrences naming the item, so the item and its inspection are one activity (no overlap of the
 * subject with itself, none on the board) while another agency still meets the inspection after
 * the item is taken out of the plan. Merging a duplicate subject moves its inspections (targets,
 * occurrences) to the survivor.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { startTestApp, testDatabases, type TestApp } from "../src/testing.ts";
import { createSubject, decidedInspection, inspectionWorld, type InspectionWorld } from "./support/inspections.ts";

const YEAR = 2026;
const signer = { position: "CHÁNH THANH TRA", name: "Lê Quang Vinh" };

for (const db of testDatabases()) {
  describe(`inspection ↔ plan item (${db.kind})`, () => {
    let t: TestApp;
    let w: InspectionWorld;
    let subject: string;
    let ttPlan: { id: string; version: number; items: { id: string; version: number }[] };
    let sctPlanId: string;
    let planned: string;

    before(async () => {
      t = await startTestApp({ db, listen: false });
      w = await inspectionWorld(t);
      subject = await createSubject(w.db, w.tt, { name: "Công ty TNHH Thương mại Kim Thành" });
      const created = await w.long.post("/api/inspection-plans", { year: YEAR });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const added = await w.long.post(`/api/inspection-plans/${created.body.id}/items`, {
        planVersion: created.body.version,
        subjectIds: [subject],
        activity: "inspection",
        kind: "planned",
        content: "Thanh tra việc chấp hành pháp luật về thuế, đất đai",
        quarter: 2,
      });
      assert.equal(added.status, 201, JSON.stringify(added.body).slice(0, 300));
      ttPlan = added.body;
      const sct = await w.sctInspector.post("/api/inspection-plans", { year: YEAR });
      assert.equal(sct.status, 201, JSON.stringify(sct.body));
      sctPlanId = sct.body.id;
    });
    after(() => t.close());

    const propose = (planItemId: string, year = YEAR) =>
      w.long.post("/api/inspections", {
        kind: "planned",
        planItemId,
        title: "Thanh tra Công ty TNHH Thương mại Kim Thành",
        content: "Thanh tra việc chấp hành pháp luật về thuế, đất đai",
        year,
        subjectIds: [subject],
      });

    test("the plan item must be of the agency's issued plan of the year", async () => {
      const unknown = await propose("00000000-0000-4000-8000-000000000001");
      assert.equal(unknown.status, 400);
      assert.equal(unknown.body.field, "planItemId");
      const notIssued = await propose(ttPlan.items[0]!.id);
      assert.equal(notIssued.status, 400, "the plan is still a draft");
      assert.equal(notIssued.body.field, "planItemId");
      assert.match(notIssued.body.message, /chưa có trong kế hoạch đã ban hành/);

      const issued = await w.long.post(`/api/inspection-plans/${ttPlan.id}/issue`, {
        version: ttPlan.version,
        issuedOutside: true,
        decisionNumber: "05/QĐ-TTr",
        issuedOn: "2026-01-05",
        signer,
      });
      assert.equal(issued.status, 200, JSON.stringify(issued.body));
      ttPlan = issued.body;
      const otherYear = await propose(ttPlan.items[0]!.id, YEAR + 1);
      assert.equal(otherYear.status, 400);
      assert.match(otherYear.body.message, /kế hoạch năm 2026/);
      const otherAgency = await w.sctInspector.post("/api/inspections", {
        kind: "specialised_check",
        planItemId: ttPlan.items[0]!.id,
        title: "Kiểm tra Công ty TNHH Thương mại Kim Thành",
        content: "Kiểm tra chuyên ngành",
        year: YEAR,
        subjectIds: [subject],
      });
      assert.equal(otherAgency.status, 400, "another agency's plan item");
      assert.equal(otherAgency.body.field, "planItemId");
      const count = await w.db
        .selectFrom("inspection")
        .select((eb) => eb.fn.countAll<string>().as("n"))
        .executeTakeFirstOrThrow();
      assert.equal(Number(count.n), 0, "nothing saved");
    });

    test("a planned inspection records its item and, decided, writes its occurrences naming it: no overlap with its own item", async () => {
      const created = await propose(ttPlan.items[0]!.id);
      assert.equal(created.status, 201, JSON.stringify(created.body));
      planned = created.body.id;
      const read = await w.long.get(`/api/inspections/${planned}`);
      assert.equal(read.body.planItemId, ttPlan.items[0]!.id);
      const decided = await w.head.post(`/api/inspections/${planned}/decision`, {
        version: created.body.version,
        issuedOutside: true,
        date: "2026-04-06",
        number: "31/QĐ-TTr",
        leaderId: w.ids.long,
        memberIds: [w.ids.thu],
        declarations: [
          { userId: w.ids.long, hasConflict: false },
          { userId: w.ids.thu, hasConflict: false },
        ],
      });
      assert.equal(decided.status, 200, JSON.stringify(decided.body));
      const rows = await w.db
        .selectFrom("inspection_occurrence")
        .select(["subject_id", "year", "activity", "ad_hoc", "carries_out", "agency_id"])
        .where("source", "=", "inspection")
        .where("source_id", "=", planned)
        .execute();
      assert.deepEqual(rows, [
        {
          subject_id: subject,
          year: YEAR,
          activity: "inspection",
          ad_hoc: false,
          carries_out: ttPlan.items[0]!.id,
          agency_id: w.tt,
        },
      ]);
      const own = await w.long.post("/api/inspection-plans/overlap-check", {
        planId: ttPlan.id,
        itemId: ttPlan.items[0]!.id,
        subjectIds: [subject],
        activity: "inspection",
      });
      assert.equal(own.status, 200, JSON.stringify(own.body));
      assert.deepEqual(own.body.overlaps, [], "the item and its own inspection are one activity");
      const province = await t.login("lanhdao.tinh");
      const board = await province.get(`/api/inspection-overlaps?year=${YEAR}`);
      assert.equal(board.body.subjects, 0, "not an overlap on the province's board");
      const detail = await w.long.get(`/api/inspections/${planned}`);
      assert.deepEqual(detail.body.overlaps, []);
    });

    test("the item taken out of the plan, another agency still meets the decided inspection", async () => {
      const before = await w.sctInspector.post("/api/inspection-plans/overlap-check", {
        planId: sctPlanId,
        subjectIds: [subject],
        activity: "check",
      });
      assert.deepEqual(before.body.overlaps.map((o: { otherSource: string }) => o.otherSource).sort(), [
        "inspection",
        "plan_item",
      ]);
      const adjusting = await w.long.post(`/api/inspection-plans/${ttPlan.id}/adjust`, {
        version: ttPlan.version,
        reason: "Đã thanh tra theo quyết định 31/QĐ-TTr; rút khỏi kế hoạch để tránh trùng",
      });
      assert.equal(adjusting.status, 200, JSON.stringify(adjusting.body));
      const cancelled = await w.long.post(`/api/inspection-plans/${ttPlan.id}/items/${ttPlan.items[0]!.id}/cancel`, {
        planVersion: adjusting.body.version,
        version: adjusting.body.items[0].version,
        reason: "Rút khỏi kế hoạch",
      });
      assert.equal(cancelled.status, 200, JSON.stringify(cancelled.body));
      const afterCancel = await w.sctInspector.post("/api/inspection-plans/overlap-check", {
        planId: sctPlanId,
        subjectIds: [subject],
        activity: "check",
      });
      assert.deepEqual(
        afterCancel.body.overlaps.map((o: { otherSource: string; blocking: boolean }) => [o.otherSource, o.blocking]),
        [["inspection", true]],
        "the inspection decided from the item still counts",
      );
    });

    test("merging a duplicate subject moves its inspections: targets and occurrences go to the survivor, one target where both were", async () => {
      const dup = await createSubject(w.db, w.tt, { name: "Cty TNHH TM Kim Thành" });
      const other = await createSubject(w.db, w.tt, { name: "Công ty Cổ phần Vật tư Cam Đường" });
      const both = await decidedInspection(w, [subject, dup], YEAR, "2026-05-04");
      const onlyDup = await decidedInspection(w, [dup, other], YEAR, "2026-05-05");
      const version = (
        await w.db.selectFrom("inspection_subject").select("version").where("id", "=", dup).executeTakeFirstOrThrow()
      ).version;
      const merged = await w.long.post(`/api/inspection-subjects/${dup}/merge`, { intoId: subject, version });
      assert.equal(merged.status, 200, JSON.stringify(merged.body));
      const targets = async (id: string) =>
        (
          await w.db
            .selectFrom("inspection_target")
            .select("subject_id")
            .where("inspection_id", "=", id)
            .orderBy("position")
            .execute()
        ).map((r) => r.subject_id);
      assert.deepEqual(await targets(both.id), [subject], "one target where both were");
      assert.deepEqual(await targets(onlyDup.id), [subject, other]);
      const left = await w.db.selectFrom("inspection_occurrence").select("id").where("subject_id", "=", dup).execute();
      assert.equal(left.length, 0, "no occurrence left on the duplicate");
      const moved = await w.db
        .selectFrom("inspection_occurrence")
        .select("source_id")
        .where("subject_id", "=", subject)
        .where("source", "=", "inspection")
        .execute();
      assert.deepEqual(moved.map((r) => r.source_id).sort(), [both.id, onlyDup.id, planned].sort());
      const audit = await w.db
        .selectFrom("audit_event")
        .select("summary")
        .where("action", "=", "inspection.subject.merged")
        .where("entity_id", "=", dup)
        .executeTakeFirstOrThrow();
      assert.equal((audit.summary as { inspectionsMoved: number }).inspectionsMoved, 1);
    });
  });
}
