/**
 * The home page's inspection figures, on both databases, counted by hand: two inspections in
 * progress (one decided, one appraised and past the 15 days to sign), one of them with its
 * conclusion overdue; a signed inspection (not in progress) with three open recommendations, one
 * overdue, one due within 30 days, one later; another agency sees none of them.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { todayInVietnam } from "@minhbach/domain";
import { addDays } from "@minhbach/domain/calendar/iso-date";
import { startTestApp, testDatabases, type TestApp } from "../src/testing.ts";
import {
  createSubject,
  decidedInspection,
  inspectionWorld,
  step,
  walkToAppraised,
  type InspectionWorld,
} from "./support/inspections.ts";

const walk = {
  plan: "2026-02-04",
  announce: "2026-02-09",
  endOnsite: "2026-03-13",
  report: "2026-03-16",
  assign: "2026-03-18",
  draft: "2026-03-27",
  appraise: "2026-03-31",
};

for (const db of testDatabases()) {
  describe(`inspection figures of the home page (${db.kind})`, () => {
    let t: TestApp;
    let w: InspectionWorld;
    before(async () => {
      t = await startTestApp({ db, listen: false });
      w = await inspectionWorld(t);
    });
    after(() => t.close());

    test("in progress, overdue conclusions, recommendations overdue and due soon; scoped by agency", async () => {
      const today = todayInVietnam();
      const a = await createSubject(w.db, w.tt, { name: "Ban Quản lý dự án đầu tư xây dựng tỉnh" });
      const b = await createSubject(w.db, w.tt, { name: "Trung tâm Y tế huyện Si Ma Cai", kind: "state_body" });
      const c = await createSubject(w.db, w.tt, {
        name: "Trường Phổ thông Dân tộc nội trú Bát Xát",
        kind: "state_body",
      });
      await decidedInspection(w, [a], 2026, "2026-02-02");
      const appraised = await decidedInspection(w, [b], 2026, "2026-02-02");
      await walkToAppraised(w, appraised.id, appraised.version, walk);
      const signedOne = await decidedInspection(w, [c], 2026, "2026-02-02");
      let v = await walkToAppraised(w, signedOne.id, signedOne.version, walk);
      for (const dueOn of ["2026-01-31", addDays(today, 10), addDays(today, 60)]) {
        const added = await w.long.post(`/api/inspections/${signedOne.id}/recommendations`, {
          version: v,
          type: "recover_money",
          content: "Thu hồi về ngân sách nhà nước số tiền chi sai chế độ",
          amount: 12_000_000,
          responsibleUnit: "Trường Phổ thông Dân tộc nội trú Bát Xát",
          dueOn,
        });
        assert.equal(added.status, 201, JSON.stringify(added.body));
        v = added.body.version;
      }
      const signed = await step(w.head, signedOne.id, v, {
        action: "sign",
        issuedOutside: true,
        date: "2026-04-06",
        number: "09/KL-TTr",
      });
      assert.equal(signed.status, 200, JSON.stringify(signed.body));

      const board = await w.long.get("/api/inspections/dashboard");
      assert.equal(board.status, 200, JSON.stringify(board.body));
      assert.deepEqual(board.body, {
        inProgress: 2,
        overdueConclusions: 1,
        recommendationsOverdue: 1,
        recommendationsDueSoon: 1,
        dueWithinDays: 30,
      });
      const wider = await w.head.get("/api/inspections/dashboard?days=90");
      assert.equal(wider.body.recommendationsDueSoon, 2, "the later one falls within 90 days");
      const other = await w.sctInspector.get("/api/inspections/dashboard");
      assert.deepEqual(other.body, {
        inProgress: 0,
        overdueConclusions: 0,
        recommendationsOverdue: 0,
        recommendationsDueSoon: 0,
        dueWithinDays: 30,
      });
      const bad = await w.long.get("/api/inspections/dashboard?days=0");
      assert.equal(bad.status, 400);
      assert.equal(bad.body.field, "days");
    });
  });
}
