/**
 * The papers of an inspection a leader signs in the system, on both databases: the decision and
 * the conclusion are drafted by their step, hold the record ("Chờ lãnh đạo ký …") and take their
 * step when issued, with the register's number, the signing date and the signer, audited; the
 * publication notice writes its number back; a cancelled draft returns the record where it was;
 * a guard that fails at issue time refuses the issue and nothing changes; a paper signed outside
 * the system is typed with its number and date, both required.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { startTestApp, testDatabases, type TestApp } from "../src/testing.ts";
import {
  awaitingDocument,
  createSubject,
  inspectionWorld,
  signPaper,
  step,
  walkToAppraised,
  type InspectionWorld,
} from "./support/inspections.ts";

for (const db of testDatabases()) {
  describe(`inspection papers signed in the system (${db.kind})`, () => {
    let t: TestApp;
    let w: InspectionWorld;
    before(async () => {
      t = await startTestApp({ db, listen: false });
      w = await inspectionWorld(t);
    });
    after(() => t.close());

    const team = () => ({
      leaderId: w.ids.long,
      memberIds: [w.ids.thu],
      declarations: [
        { userId: w.ids.long, hasConflict: false },
        { userId: w.ids.thu, hasConflict: false },
      ],
    });

    async function propose(subjectId: string, title: string) {
      const created = await w.long.post("/api/inspections", {
        kind: "ad_hoc",
        trigger: "superior",
        triggerNote: "Văn bản số 45/UBND-NC của UBND tỉnh giao thanh tra",
        title,
        content: "Thanh tra việc quản lý, sử dụng ngân sách và tài sản công",
        year: 2026,
        subjectIds: [subjectId],
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      return created.body as { id: string; version: number };
    }

    const audits = async (id: string) =>
      w.db
        .selectFrom("audit_event")
        .select(["action", "summary"])
        .where("entity_type", "=", "inspection")
        .where("entity_id", "=", id)
        .execute();

    test("draft → submit → sign: decided and concluded with the register's numbers and the signer, audited; the notice's number written back", async () => {
      const subject = await createSubject(w.db, w.tt, { name: "Ban quản lý dự án đầu tư xây dựng huyện Sa Pa" });
      const p = await propose(subject, "Thanh tra việc quản lý dự án đầu tư xây dựng năm 2025");
      const drafted = await w.head.post(`/api/inspections/${p.id}/decision`, { version: p.version, ...team() });
      assert.equal(drafted.status, 200, JSON.stringify(drafted.body));
      assert.equal(drafted.body.awaiting.status, "draft");
      const decisionId = awaitingDocument(drafted.body);
      // Submitted to the head: the page says to whom it waits.
      const doc = await w.long.get(`/api/documents/${decisionId}`);
      assert.equal(
        (await w.long.post(`/api/documents/${decisionId}/submit`, { version: doc.body.version, signerId: w.ids.head }))
          .status,
        200,
      );
      const waiting = (await w.long.get(`/api/inspections/${p.id}`)).body;
      assert.equal(waiting.awaiting.status, "submitted");
      assert.ok(waiting.awaiting.signerName, "the signer is named");
      assert.equal(waiting.state, "PROPOSED");
      const issued = await w.head.post(`/api/documents/${decisionId}/issue`, { issuedOn: "2026-03-02" });
      assert.equal(issued.status, 200, JSON.stringify(issued.body));
      const decided = (await w.long.get(`/api/inspections/${p.id}`)).body;
      assert.equal(decided.state, "DECIDED");
      assert.equal(decided.decidedOn, "2026-03-02");
      assert.equal(decided.decisionNumber, issued.body.symbol);
      assert.equal(decided.facts.decisionNumber, issued.body.symbol);
      const decideEvent = decided.events.find((e: { action: string }) => e.action === "inspection.decide");
      assert.equal(decideEvent.documentId, decisionId);
      assert.equal(decideEvent.data.number, issued.body.symbol);
      let audit = await audits(p.id);
      assert.ok(audit.some((a) => a.action === "inspection.paper_drafted"));
      const decideAudit = audit.find((a) => a.action === "inspection.decide")!;
      const summary = decideAudit.summary as { number: string; date: string; signer: string };
      assert.deepEqual([summary.number, summary.date], [issued.body.symbol, "2026-03-02"]);
      assert.match(summary.signer, /Chánh Thanh tra/);

      let v = await walkToAppraised(w, p.id, decided.version, {
        plan: "2026-03-04",
        announce: "2026-03-09",
        endOnsite: "2026-04-10",
        report: "2026-04-13",
        assign: "2026-04-15",
        draft: "2026-04-24",
        appraise: "2026-04-28",
      });
      const rec = await w.long.post(`/api/inspections/${p.id}/recommendations`, {
        version: v,
        type: "recover_money",
        content: "Thu hồi về ngân sách số tiền thanh toán khống",
        amount: 125_000_000,
        responsibleUnit: "Ban quản lý dự án đầu tư xây dựng huyện Sa Pa",
      });
      assert.equal(rec.status, 201, JSON.stringify(rec.body));
      v = rec.body.version;
      const signing = await step(w.head, p.id, v, { action: "sign" });
      assert.equal(signing.status, 200, JSON.stringify(signing.body));
      v = signing.body.version;
      // The conclusion as drafted holds the findings: not editable while it awaits signature.
      const locked = await w.long.post(`/api/inspections/${p.id}/recommendations`, {
        version: v,
        type: "other_economic",
        content: "Giảm trừ giá trị quyết toán",
        amount: 1_000_000,
        responsibleUnit: "Ban quản lý dự án",
      });
      assert.equal(locked.status, 409);
      assert.equal(locked.body.code, "INSPECTION_FINDINGS_LOCKED");
      assert.match(locked.body.message, /đang trình lãnh đạo ký/);
      const kl = await signPaper(w, awaitingDocument(signing.body), "2026-05-08");
      assert.equal(kl.status, 200, JSON.stringify(kl.body));
      const signed = (await w.long.get(`/api/inspections/${p.id}`)).body;
      assert.equal(signed.state, "SIGNED");
      assert.equal(signed.signedOn, "2026-05-08");
      assert.equal(signed.conclusionNumber, kl.body.symbol);
      assert.match(signed.facts.conclusionSigner, /Chánh Thanh tra/);
      // Signing fixed the period the recommendation counts in.
      assert.equal(signed.recommendations[0].concludedOn, "2026-05-08");
      audit = await audits(p.id);
      assert.ok(
        audit.some(
          (a) => a.action === "inspection.sign" && (a.summary as { number: string }).number === kl.body.symbol,
        ),
      );

      // The publication notice, signed too; its number is written back to the record.
      const published = await step(w.thu, p.id, signed.version, { action: "publish", date: "2026-05-11" });
      assert.equal(published.status, 200, JSON.stringify(published.body));
      const notice = published.body.documents.find((d: { formCode: string }) => d.formCode === "TTr-TBCK");
      const tb = await signPaper(w, notice.id, "2026-05-11");
      assert.equal(tb.status, 200, JSON.stringify(tb.body));
      const after = (await w.long.get(`/api/inspections/${p.id}`)).body;
      assert.equal(after.facts.publicationNumber, tb.body.symbol);
      assert.equal(after.state, "PUBLISHED");
    });

    test("a cancelled draft returns the inspection where it was; a second decision may be drafted", async () => {
      const subject = await createSubject(w.db, w.tt, { name: "Trung tâm Phát triển quỹ đất huyện Bảo Yên" });
      const p = await propose(subject, "Thanh tra công tác bồi thường, giải phóng mặt bằng");
      const drafted = await w.head.post(`/api/inspections/${p.id}/decision`, { version: p.version, ...team() });
      assert.equal(drafted.status, 200, JSON.stringify(drafted.body));
      const docId = awaitingDocument(drafted.body);
      // A second decision while one awaits signature is refused, naming what it waits for.
      const again = await w.head.post(`/api/inspections/${p.id}/decision`, {
        version: drafted.body.version,
        ...team(),
      });
      assert.equal(again.status, 409);
      assert.match(again.body.message, /Chờ lãnh đạo ký quyết định thanh tra/);
      const doc = await w.long.get(`/api/documents/${docId}`);
      assert.ok(doc.body.actions.includes("cancel"), JSON.stringify(doc.body.actions));
      const cancelled = await w.long.post(`/api/documents/${docId}/cancel`, {
        version: doc.body.version,
        reason: "Điều chỉnh thành phần Đoàn thanh tra",
      });
      assert.equal(cancelled.status, 200, JSON.stringify(cancelled.body));
      const back = (await w.head.get(`/api/inspections/${p.id}`)).body;
      assert.equal(back.state, "PROPOSED");
      assert.equal(back.stateLabel, "Dự thảo quyết định");
      assert.equal(back.awaiting, null);
      assert.ok(back.steps.find((s: { action: string }) => s.action === "decide").allowed);
      // The cancelled paper cannot be issued any more; a new draft can.
      const late = await w.head.post(`/api/documents/${docId}/issue`, { issuedOn: "2026-06-01" });
      assert.notEqual(late.status, 200);
      const redrafted = await w.head.post(`/api/inspections/${p.id}/decision`, { version: back.version, ...team() });
      assert.equal(redrafted.status, 200, JSON.stringify(redrafted.body));
      assert.notEqual(awaitingDocument(redrafted.body), docId);
      assert.equal(redrafted.body.facts.awaiting.documentId, awaitingDocument(redrafted.body));
    });

    test("a guard that fails when the paper is signed refuses the issue: nothing changes, no number taken", async () => {
      const subject = await createSubject(w.db, w.tt, { name: "Công ty cổ phần Thủy điện Nậm Xé" });
      const p = await propose(subject, "Thanh tra việc chấp hành pháp luật về tài nguyên nước");
      const drafted = await w.head.post(`/api/inspections/${p.id}/decision`, { version: p.version, ...team() });
      assert.equal(drafted.status, 200, JSON.stringify(drafted.body));
      const docId = awaitingDocument(drafted.body);
      // Meanwhile the Department decides a check of the same company (signed on paper).
      const check = await w.sctInspector.post("/api/inspections", {
        kind: "specialised_check",
        title: "Kiểm tra an toàn đập, hồ chứa thủy điện",
        content: "Kiểm tra việc chấp hành quy định về an toàn đập",
        year: 2026,
        subjectIds: [subject],
      });
      assert.equal(check.status, 201, JSON.stringify(check.body));
      const sct = await w.sctHead.post(`/api/inspections/${check.body.id}/decision`, {
        version: check.body.version,
        issuedOutside: true,
        date: "2026-06-01",
        number: "41/QĐ-SCT",
        leaderId: w.ids.sctInspector,
        declarations: [{ userId: w.ids.sctInspector, hasConflict: false }],
      });
      assert.equal(sct.status, 200, JSON.stringify(sct.body));
      // The ad hoc decision, signed now, has no clear sign of violation: refused at issue.
      const refused = await signPaper(w, docId, "2026-06-02");
      assert.equal(refused.status, 409, JSON.stringify(refused.body));
      assert.equal(refused.body.code, "INSPECTION_VIOLATION_SIGN_REQUIRED");
      const paper = await w.long.get(`/api/documents/${docId}`);
      assert.equal(paper.body.status, "submitted");
      assert.equal(paper.body.number, null);
      const still = (await w.long.get(`/api/inspections/${p.id}`)).body;
      assert.equal(still.state, "PROPOSED");
      assert.equal(still.version, drafted.body.version);
      const occ = await w.db.selectFrom("inspection_occurrence").select("id").where("source_id", "=", p.id).execute();
      assert.equal(occ.length, 0);
    });

    test("a paper signed outside the system: number and date typed, both required; the step is taken at once", async () => {
      const subject = await createSubject(w.db, w.tt, { name: "Bệnh viện Đa khoa huyện Bát Xát" });
      const p = await propose(subject, "Thanh tra việc mua sắm trang thiết bị y tế");
      const noNumber = await w.head.post(`/api/inspections/${p.id}/decision`, {
        version: p.version,
        issuedOutside: true,
        date: "2026-02-16",
        ...team(),
      });
      assert.equal(noNumber.status, 400);
      assert.equal(noNumber.body.field, "number");
      const noDate = await w.head.post(`/api/inspections/${p.id}/decision`, {
        version: p.version,
        issuedOutside: true,
        number: "12/QĐ-TTr",
        ...team(),
      });
      assert.equal(noDate.status, 400);
      assert.equal(noDate.body.field, "date");
      const typedInSystem = await w.head.post(`/api/inspections/${p.id}/decision`, {
        version: p.version,
        date: "2026-02-16",
        ...team(),
      });
      assert.equal(typedInSystem.status, 400);
      assert.equal(typedInSystem.body.code, "NUMBER_FROM_REGISTER");
      assert.equal(typedInSystem.body.field, "date");
      const decided = await w.head.post(`/api/inspections/${p.id}/decision`, {
        version: p.version,
        issuedOutside: true,
        date: "2026-02-16",
        number: "12/QĐ-TTr",
        ...team(),
      });
      assert.equal(decided.status, 200, JSON.stringify(decided.body));
      assert.equal(decided.body.state, "DECIDED");
      assert.equal(decided.body.decisionNumber, "12/QĐ-TTr");
      assert.deepEqual(decided.body.documents, [], "no paper drafted for a decision signed on paper");
      let v = await walkToAppraised(w, p.id, decided.body.version, {
        plan: "2026-02-18",
        announce: "2026-02-23",
        endOnsite: "2026-03-27",
        report: "2026-03-30",
        assign: "2026-04-01",
        draft: "2026-04-10",
        appraise: "2026-04-14",
      });
      const typedNumber = await step(w.head, p.id, v, { action: "sign", number: "05/KL-TTr" });
      assert.equal(typedNumber.status, 400);
      assert.equal(typedNumber.body.code, "NUMBER_FROM_REGISTER");
      assert.equal(typedNumber.body.field, "number");
      const signed = await step(w.head, p.id, v, {
        action: "sign",
        issuedOutside: true,
        date: "2026-04-20",
        number: "05/KL-TTr",
      });
      assert.equal(signed.status, 200, JSON.stringify(signed.body));
      v = signed.body.version;
      assert.equal(signed.body.state, "SIGNED");
      assert.equal(signed.body.conclusionNumber, "05/KL-TTr");
      const audit = await audits(p.id);
      const sign = audit.find((a) => a.action === "inspection.sign")!;
      assert.deepEqual(
        [(sign.summary as { number: string }).number, (sign.summary as { issuedOutside: boolean }).issuedOutside],
        ["05/KL-TTr", true],
      );
    });
  });
}
