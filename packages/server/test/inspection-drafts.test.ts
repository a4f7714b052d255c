/**
 * The papers of an inspection drafted for signature and what they hold, on both databases: a
 * conclusion is refused while a sanction decision waits for its signature (naming it), and signs
 * once that draft is cancelled; merging two subjects moves a sanction still waiting for signature
 * to the survivor; a cancelled decision draft takes its team and its clear sign of violation with
 * it; the announcement drafts its minutes (TTr-BBCB), which are corrected, never cancelled.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { startTestApp, testDatabases, type TestApp } from "../src/testing.ts";
import {
  awaitingDocument,
  createSubject,
  decidedInspection,
  inspectionWorld,
  signPaper,
  step,
  walkToAppraised,
  type InspectionWorld,
} from "./support/inspections.ts";

const DATES = {
  plan: "2026-03-04",
  announce: "2026-03-09",
  endOnsite: "2026-04-10",
  report: "2026-04-13",
  assign: "2026-04-15",
  draft: "2026-04-24",
  appraise: "2026-04-28",
};

for (const db of testDatabases()) {
  describe(`inspection drafts and what they hold (${db.kind})`, () => {
    let t: TestApp;
    let w: InspectionWorld;
    before(async () => {
      t = await startTestApp({ db, listen: false });
      w = await inspectionWorld(t);
    });
    after(() => t.close());

    const sanction = (subjectId: string, targetName: string, fine: number) => ({
      subjectId,
      targetKind: "organisation",
      targetName,
      fine,
      violation: "Không niêm yết giá bán lẻ xăng dầu tại cửa hàng",
      rule: "điểm a khoản 1 Điều 12",
      sanctionDecree: "Nghị định số 87/2024/NĐ-CP quy định xử phạt vi phạm hành chính về quản lý giá",
      recordNumber: "05/BB-VPHC",
      recordDate: "2026-03-20",
    });

    const pendingRows = (id: string) =>
      w.db.selectFrom("inspection_sanction").select(["subject_id", "fine"]).where("inspection_id", "=", id).execute();

    test("the conclusion is refused while a sanction decision waits for signature, naming it; once its draft is cancelled it is drafted and signed", async () => {
      const subject = await createSubject(w.db, w.tt, { name: "Công ty TNHH Xăng dầu Mường Khương" });
      const p = await decidedInspection(w, [subject], 2026, "2026-03-02");
      let v = await walkToAppraised(w, p.id, p.version, DATES);
      const drafted = await w.long.post(`/api/inspections/${p.id}/sanctions`, {
        version: v,
        ...sanction(subject, "Công ty TNHH Xăng dầu Mường Khương", 12_500_000),
      });
      assert.equal(drafted.status, 201, JSON.stringify(drafted.body));
      v = drafted.body.version;
      const sanctionDoc = drafted.body.pendingSanctions[0].documentId as string;

      // Drafted in the system, or typed as signed on paper: both refused, the sanction named.
      const inSystem = await step(w.head, p.id, v, { action: "sign" });
      assert.equal(inSystem.status, 409, JSON.stringify(inSystem.body));
      assert.equal(inSystem.body.code, "INSPECTION_STEP_OUT_OF_ORDER");
      assert.equal(inSystem.body.field, "action");
      assert.match(inSystem.body.message, /Công ty TNHH Xăng dầu Mường Khương \(12\.500\.000 đồng\) đang chờ ký/);
      const onPaper = await step(w.head, p.id, v, {
        action: "sign",
        issuedOutside: true,
        number: "30/KL-TTr",
        date: "2026-05-05",
      });
      assert.equal(onPaper.status, 409, JSON.stringify(onPaper.body));
      assert.match(onPaper.body.message, /đang chờ ký/);
      const still = (await w.long.get(`/api/inspections/${p.id}`)).body;
      assert.equal(still.version, v, "nothing saved by the refusals");
      assert.equal(still.awaiting, null);
      assert.equal(
        still.documents.filter((d: { formCode: string }) => d.formCode === "TTr-KL").length,
        0,
        "no conclusion drafted",
      );
      // The step stays offered, so the officer sees why it is refused.
      const headView = (await w.head.get(`/api/inspections/${p.id}`)).body;
      assert.ok(headView.allowedActions.some((a: { action: string }) => a.action === "sign"));

      // The sanction's draft cancelled: the conclusion is drafted, and signed.
      const doc = (await w.long.get(`/api/documents/${sanctionDoc}`)).body;
      const cancelled = await w.long.post(`/api/documents/${sanctionDoc}/cancel`, {
        version: doc.version,
        reason: "Chuyển cơ quan có thẩm quyền xử phạt",
      });
      assert.equal(cancelled.status, 200, JSON.stringify(cancelled.body));
      v = (await w.long.get(`/api/inspections/${p.id}`)).body.version;
      const signing = await step(w.head, p.id, v, { action: "sign" });
      assert.equal(signing.status, 200, JSON.stringify(signing.body));
      const kl = await signPaper(w, awaitingDocument(signing.body), "2026-05-06");
      assert.equal(kl.status, 200, JSON.stringify(kl.body));
      const signed = (await w.long.get(`/api/inspections/${p.id}`)).body;
      assert.equal(signed.state, "SIGNED");
      assert.deepEqual(signed.pendingSanctions, []);
      assert.equal((await pendingRows(p.id)).length, 0);
    });

    test("merging two subjects moves a sanction still waiting for signature to the survivor", async () => {
      const dup = await createSubject(w.db, w.tt, { name: "Cty TNHH Vận tải Hùng Vương" });
      const survivor = await createSubject(w.db, w.tt, { name: "Công ty TNHH Vận tải Hùng Vương" });
      const p = await decidedInspection(w, [dup], 2026, "2026-03-02");
      const drafted = await w.long.post(`/api/inspections/${p.id}/sanctions`, {
        version: p.version,
        ...sanction(dup, "Công ty TNHH Vận tải Hùng Vương", 20_000_000),
      });
      assert.equal(drafted.status, 201, JSON.stringify(drafted.body));
      const paperId = drafted.body.pendingSanctions[0].documentId as string;
      const dupRow = (await w.long.get(`/api/inspection-subjects/${dup}`)).body;
      const merged = await w.long.post(`/api/inspection-subjects/${dup}/merge`, {
        intoId: survivor,
        version: dupRow.version,
      });
      assert.equal(merged.status, 200, JSON.stringify(merged.body));
      const after = (await w.long.get(`/api/inspections/${p.id}`)).body;
      assert.equal(after.version, drafted.body.version + 1, "the inspection changed takes a new version");
      const stored = await w.db
        .selectFrom("inspection")
        .select("facts")
        .where("id", "=", p.id)
        .executeTakeFirstOrThrow();
      const facts = (typeof stored.facts === "string" ? JSON.parse(stored.facts) : stored.facts) as {
        pendingSanctions: { subjectId: string }[];
      };
      assert.deepEqual(
        facts.pendingSanctions.map((s) => s.subjectId),
        [survivor],
      );
      const audit = await w.db
        .selectFrom("audit_event")
        .select("summary")
        .where("action", "=", "inspection.subject.merged")
        .where("entity_id", "=", dup)
        .executeTakeFirstOrThrow();
      assert.equal((audit.summary as { pendingSanctionsMoved: number }).pendingSanctionsMoved, 1);
      // Signed after the merge: the sanction counts against the survivor.
      const issued = await signPaper(w, paperId, "2026-03-25");
      assert.equal(issued.status, 200, JSON.stringify(issued.body));
      assert.deepEqual(
        (await pendingRows(p.id)).map((r) => [r.subject_id, Number(r.fine)]),
        [[survivor, 20_000_000]],
      );
    });

    test("a cancelled decision draft takes its team and its clear sign of violation with it, audited", async () => {
      const subject = await createSubject(w.db, w.tt, { name: "Ban Quản lý rừng phòng hộ Bát Xát" });
      const created = await w.long.post("/api/inspections", {
        kind: "ad_hoc",
        trigger: "violation_sign",
        violationSign: "Báo chí phản ánh khai thác gỗ trái phép",
        title: "Thanh tra công tác quản lý, bảo vệ rừng",
        content: "Thanh tra việc quản lý, bảo vệ và phát triển rừng",
        year: 2026,
        subjectIds: [subject],
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const id = created.body.id as string;
      const drafted = await w.head.post(`/api/inspections/${id}/decision`, {
        version: created.body.version,
        leaderId: w.ids.long,
        memberIds: [w.ids.thu],
        declarations: [
          { userId: w.ids.long, hasConflict: false },
          { userId: w.ids.thu, hasConflict: false },
        ],
        violationSign: "Báo chí phản ánh khai thác gỗ trái phép tại tiểu khu 12",
      });
      assert.equal(drafted.status, 200, JSON.stringify(drafted.body));
      assert.equal(drafted.body.team.length, 2);
      const docId = awaitingDocument(drafted.body);
      const doc = (await w.long.get(`/api/documents/${docId}`)).body;
      const cancelled = await w.long.post(`/api/documents/${docId}/cancel`, {
        version: doc.version,
        reason: "Thay đổi Trưởng đoàn",
      });
      assert.equal(cancelled.status, 200, JSON.stringify(cancelled.body));
      const back = (await w.head.get(`/api/inspections/${id}`)).body;
      assert.equal(back.state, "PROPOSED");
      assert.equal(back.awaiting, null);
      assert.deepEqual(back.team, [], "the team belonged to the cancelled decision");
      assert.equal(back.violationSign, "Báo chí phản ánh khai thác gỗ trái phép", "the sign recorded before it");
      const members = await w.db
        .selectFrom("inspection_member")
        .select("user_id")
        .where("inspection_id", "=", id)
        .execute();
      assert.equal(members.length, 0);
      const audit = await w.db
        .selectFrom("audit_event")
        .select("summary")
        .where("action", "=", "inspection.paper_cancelled")
        .where("entity_id", "=", id)
        .executeTakeFirstOrThrow();
      assert.equal((audit.summary as { membersRemoved: number }).membersRemoved, 2);
      // A new decision drafts again with its own team.
      const again = await w.head.post(`/api/inspections/${id}/decision`, {
        version: back.version,
        leaderId: w.ids.thu,
        declarations: [{ userId: w.ids.thu, hasConflict: false }],
      });
      assert.equal(again.status, 200, JSON.stringify(again.body));
      assert.deepEqual(
        again.body.team.map((m: { userId: string; role: string }) => [m.userId, m.role]),
        [[w.ids.thu, "leader"]],
      );
    });

    test("the announcement drafts its minutes (TTr-BBCB) when they are given; they are corrected, never cancelled", async () => {
      const subject = await createSubject(w.db, w.tt, { name: "Công ty cổ phần Chè Phong Hải" });
      const p = await decidedInspection(w, [subject], 2026, "2026-03-02");
      const planned = await step(w.head, p.id, p.version, { action: "approve_plan", date: "2026-03-04" });
      assert.equal(planned.status, 200, JSON.stringify(planned.body));
      const bad = await step(w.long, p.id, planned.body.version, {
        action: "announce",
        date: "2026-03-09",
        minutes: { place: "Trụ sở Công ty", representative: "", representativePosition: "Giám đốc" },
      });
      assert.equal(bad.status, 400, JSON.stringify(bad.body));
      assert.equal(bad.body.field, "minutes.representative");
      const badTime = await step(w.long, p.id, planned.body.version, {
        action: "announce",
        date: "2026-03-09",
        minutes: {
          place: "Trụ sở Công ty",
          representative: "Ông Vàng A Chính",
          representativePosition: "Giám đốc",
          startTime: "8h",
        },
      });
      assert.equal(badTime.status, 400, JSON.stringify(badTime.body));
      assert.equal(badTime.body.field, "minutes.startTime");
      const announced = await step(w.long, p.id, planned.body.version, {
        action: "announce",
        date: "2026-03-09",
        minutes: {
          place: "Trụ sở Công ty cổ phần Chè Phong Hải, xã Phong Hải",
          representative: "Ông Vàng A Chính",
          representativePosition: "Giám đốc Công ty",
          startTime: "08:00",
          endTime: "09:15",
        },
      });
      assert.equal(announced.status, 200, JSON.stringify(announced.body));
      assert.equal(announced.body.announcedOn ?? announced.body.facts.announcedOn, "2026-03-09");
      const minutes = announced.body.documents.find((d: { formCode: string }) => d.formCode === "TTr-BBCB");
      assert.ok(minutes, "the minutes are drafted");
      // The representative is a person: the minutes name them, the timeline keeps only that they were drafted.
      const entry = announced.body.events.find((e: { action: string }) => e.action === "inspection.announce");
      assert.deepEqual(entry.data.minutes, {
        drafted: true,
        place: "Trụ sở Công ty cổ phần Chè Phong Hải, xã Phong Hải",
      });
      assert.doesNotMatch(JSON.stringify(announced.body.events), /Vàng A Chính/);
      const stored = await w.db
        .selectFrom("inspection_event")
        .select("data")
        .where("inspection_id", "=", p.id)
        .where("action", "=", "inspection.announce")
        .executeTakeFirstOrThrow();
      assert.doesNotMatch(JSON.stringify(stored.data), /Vàng A Chính/);
      const doc = (await w.long.get(`/api/documents/${minutes.id}`)).body;
      assert.equal(doc.fields.heldOn, "2026-03-09");
      assert.equal(doc.fields.representatives[0].name, "Ông Vàng A Chính");
      assert.equal(doc.fields.leader.name, "Hoàng Đức Long");
      assert.equal(doc.fields.decision.number, (await w.long.get(`/api/inspections/${p.id}`)).body.decisionNumber);
      assert.ok(!doc.actions.includes("cancel"), JSON.stringify(doc.actions));
      const cancel = await w.long.post(`/api/documents/${minutes.id}/cancel`, {
        version: doc.version,
        reason: "Lập lại",
      });
      assert.equal(cancel.status, 409, JSON.stringify(cancel.body));
      assert.equal(cancel.body.code, "DOCUMENT_NOT_CANCELLABLE");
      assert.match(cancel.body.message, /Biên bản công bố.*sửa dự thảo/);
      assert.equal((await w.long.get(`/api/documents/${minutes.id}`)).body.status, "draft");

      // Without minutes the step drafts no paper.
      const q = await decidedInspection(w, [subject], 2026, "2026-03-03");
      const qPlanned = await step(w.head, q.id, q.version, { action: "approve_plan", date: "2026-03-04" });
      const plain = await step(w.long, q.id, qPlanned.body.version, { action: "announce", date: "2026-03-09" });
      assert.equal(plain.status, 200, JSON.stringify(plain.body));
      assert.equal(plain.body.documents.filter((d: { formCode: string }) => d.formCode === "TTr-BBCB").length, 0);
    });
  });
}
