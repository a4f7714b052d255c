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
      // The notice is the paper of the publication already recorded: it is corrected, not cancelled.
      const noticeDoc = await w.thu.get(`/api/documents/${notice.id}`);
      assert.ok(!noticeDoc.body.actions.includes("cancel"), JSON.stringify(noticeDoc.body.actions));
      assert.ok(noticeDoc.body.actions.includes("edit"));
      const cancelNotice = await w.thu.post(`/api/documents/${notice.id}/cancel`, {
        version: noticeDoc.body.version,
        reason: "Lập lại thông báo",
      });
      assert.equal(cancelNotice.status, 409, JSON.stringify(cancelNotice.body));
      assert.equal(cancelNotice.body.code, "DOCUMENT_NOT_CANCELLABLE");
      assert.match(cancelNotice.body.message, /Thông báo công khai.*sửa dự thảo/);
      assert.equal((await w.thu.get(`/api/documents/${notice.id}`)).body.status, "draft");
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
      // The list says it waits too, and filters on it.
      const listed = async (filter: string) =>
        (await w.head.get(`/api/inspections?year=2026${filter}&pageSize=200`)).body.items.find(
          (i: { id: string }) => i.id === p.id,
        ) as { stateLabel: string; awaiting: boolean } | undefined;
      const waitingRow = await listed("&awaiting=true");
      assert.deepEqual([waitingRow?.stateLabel, waitingRow?.awaiting], ["Chờ lãnh đạo ký quyết định thanh tra", true]);
      assert.equal(await listed("&awaiting=false"), undefined);
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
      // A cancelled draft no longer holds it, in the list either.
      assert.equal(await listed("&awaiting=true"), undefined);
      assert.deepEqual([(await listed(""))?.stateLabel, (await listed(""))?.awaiting], ["Dự thảo quyết định", false]);
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

    test("a sanction decision is drafted (TTr-XP) and counts only once signed, with the register's number and date", async () => {
      const subject = await createSubject(w.db, w.tt, { name: "Công ty TNHH Khai khoáng Bắc Hà" });
      const p = await propose(subject, "Thanh tra việc chấp hành pháp luật về khoáng sản");
      const decided = await w.head.post(`/api/inspections/${p.id}/decision`, {
        version: p.version,
        issuedOutside: true,
        date: "2026-03-02",
        number: "21/QĐ-TTr",
        ...team(),
      });
      assert.equal(decided.status, 200, JSON.stringify(decided.body));
      let v = decided.body.version;
      const base = {
        subjectId: subject,
        targetKind: "organisation",
        targetName: "Công ty TNHH Khai khoáng Bắc Hà",
        fine: 85_500_000,
        violation: "Khai thác khoáng sản vượt công suất được phép",
        rule: "điểm a khoản 3 Điều 38",
        sanctionDecree:
          "Nghị định số 36/2020/NĐ-CP quy định về xử phạt vi phạm hành chính trong lĩnh vực tài nguyên nước và khoáng sản",
        recordNumber: "03/BB-VPHC",
        recordDate: "2026-03-20",
      };
      // A number typed for a paper the register numbers, a payment before it is signed, a field
      // the paper needs left out: each refused naming its field, nothing saved.
      const typed = await w.long.post(`/api/inspections/${p.id}/sanctions`, {
        version: v,
        ...base,
        number: "01/QĐ-XPHC",
      });
      assert.equal(typed.status, 400);
      assert.equal(typed.body.code, "NUMBER_FROM_REGISTER");
      assert.equal(typed.body.field, "number");
      const paid = await w.long.post(`/api/inspections/${p.id}/sanctions`, {
        version: v,
        ...base,
        paid: true,
        paidOn: "2026-03-25",
      });
      assert.equal(paid.status, 400);
      assert.equal(paid.body.field, "paidOn");
      const noRecord = await w.long.post(`/api/inspections/${p.id}/sanctions`, {
        version: v,
        ...base,
        recordNumber: "",
      });
      assert.equal(noRecord.status, 400);
      assert.equal(noRecord.body.field, "recordNumber");
      assert.match(noRecord.body.message, /biên bản vi phạm hành chính/);
      const outsideNoNumber = await w.long.post(`/api/inspections/${p.id}/sanctions`, {
        version: v,
        ...base,
        issuedOutside: true,
        issuedOn: "2026-03-22",
      });
      assert.equal(outsideNoNumber.status, 400);
      assert.equal(outsideNoNumber.body.field, "number");
      assert.equal((await w.long.get(`/api/inspections/${p.id}`)).body.version, v, "nothing saved by refusals");

      const drafted = await w.long.post(`/api/inspections/${p.id}/sanctions`, { version: v, ...base });
      assert.equal(drafted.status, 201, JSON.stringify(drafted.body));
      v = drafted.body.version;
      assert.deepEqual(drafted.body.sanctions, [], "not a sanction before it is signed");
      assert.equal(drafted.body.totals.fines, 0);
      assert.equal(drafted.body.pendingSanctions.length, 1);
      const pending = drafted.body.pendingSanctions[0];
      assert.equal(pending.fine, 85_500_000);
      const paper = drafted.body.documents.find((d: { id: string }) => d.id === pending.documentId);
      assert.equal(paper.formCode, "TTr-XP");
      const rows = () => w.db.selectFrom("inspection_sanction").selectAll().where("inspection_id", "=", p.id).execute();
      assert.equal((await rows()).length, 0, "the reports count nothing yet");

      // A second one, then cancelled: dropped from the record, never counted.
      const second = await w.long.post(`/api/inspections/${p.id}/sanctions`, {
        version: v,
        ...base,
        targetKind: "individual",
        targetName: "Ông Lý Văn Sìn, giám đốc",
        fine: 7_500_000,
      });
      assert.equal(second.status, 201, JSON.stringify(second.body));
      v = second.body.version;
      const secondId = second.body.pendingSanctions.find((x: { fine: number }) => x.fine === 7_500_000).documentId;
      const doc2 = await w.long.get(`/api/documents/${secondId}`);
      const cancelled = await w.long.post(`/api/documents/${secondId}/cancel`, {
        version: doc2.body.version,
        reason: "Trùng với quyết định đã lập",
      });
      assert.equal(cancelled.status, 200, JSON.stringify(cancelled.body));
      assert.equal((await w.long.get(`/api/inspections/${p.id}`)).body.pendingSanctions.length, 1);

      const issued = await signPaper(w, pending.documentId, "2026-03-27");
      assert.equal(issued.status, 200, JSON.stringify(issued.body));
      const after = (await w.long.get(`/api/inspections/${p.id}`)).body;
      assert.deepEqual(after.pendingSanctions, []);
      assert.equal(after.sanctions.length, 1);
      const s = after.sanctions[0];
      assert.deepEqual(
        [s.number, s.issuedOn, s.fine, s.targetName, s.paid],
        [issued.body.symbol, "2026-03-27", 85_500_000, "Công ty TNHH Khai khoáng Bắc Hà", false],
      );
      assert.match(issued.body.symbol, /QĐ/);
      assert.equal(after.totals.fines, 85_500_000);
      const stored = await rows();
      assert.equal(stored.length, 1);
      assert.equal(stored[0]!.number, issued.body.symbol);
      const audit = await audits(p.id);
      const issuedAudit = audit.find((a) => a.action === "inspection.sanction_issued");
      assert.ok(issuedAudit, "the signing is audited");
      assert.match((issuedAudit.summary as { signer: string }).signer, /Chánh Thanh tra/);
      assert.ok(audit.some((a) => a.action === "inspection.sanction_drafted"));

      // Payment is recorded on the issued decision, not before its date.
      const early = await w.thu.post(`/api/inspections/${p.id}/sanctions/${s.id}/paid`, {
        version: after.version,
        paidOn: "2026-03-26",
      });
      assert.equal(early.status, 400);
      assert.equal(early.body.field, "paidOn");
      const paidNow = await w.thu.post(`/api/inspections/${p.id}/sanctions/${s.id}/paid`, {
        version: after.version,
        paidOn: "2026-04-03",
      });
      assert.equal(paidNow.status, 200, JSON.stringify(paidNow.body));
      assert.equal(paidNow.body.sanctions[0].paid, true);
      assert.equal(paidNow.body.sanctions[0].paidOn, "2026-04-03");
    });
  });
}
