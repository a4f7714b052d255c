/**
 * One inspection from decision to conclusion through the HTTP API, on both databases: the ad hoc
 * overlap rule across agencies, every step in order with its hand-computed due dates, the steps
 * out of order and the forbidden callers (another agency's inspector, a member editing the
 * conclusion, an inspector deciding, a decider signing before appraisal or before the result
 * report), each a clear Vietnamese error naming the field, and nothing half-saved. A case-triggered
 * inspection: the case must be one the proposer may read; its texts left in clear by an earlier
 * version are sealed at start.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { normalizeForMatch } from "@minhbach/domain";
import { maskerFor, sealClearInspections } from "../src/modules/inspections/record/at-rest.ts";
import { openValue, sealValue } from "../src/platform/procedure.ts";
import { SEALED } from "../src/platform/sealed-columns.ts";
import { startTestApp, testDatabases, type TestApp } from "../src/testing.ts";
import { unescapeXml, zipEntry } from "./support/zip.ts";
import { proposedPetition } from "./support/petitions.ts";
import {
  awaitingDocument,
  createSubject,
  inspectionWorld,
  signPaper,
  step,
  type InspectionWorld,
} from "./support/inspections.ts";

for (const db of testDatabases()) {
  describe(`inspections (${db.kind})`, () => {
    let t: TestApp;
    let w: InspectionWorld;
    let mineral: string;
    let market: string;

    before(async () => {
      t = await startTestApp({ db, listen: false });
      w = await inspectionWorld(t);
      mineral = await createSubject(w.db, w.tt, { name: "Công ty TNHH Khoáng sản Bảo Thắng", taxCode: "5300123456" });
      market = await createSubject(w.db, w.tt, { name: "Ban quản lý chợ Cốc Lếu", kind: "state_body", taxCode: null });
    });
    after(() => t.close());

    const team = () => ({
      leaderId: w.ids.long,
      memberIds: [w.ids.thu],
      supervisorId: w.ids.son,
      declarations: [
        { userId: w.ids.long, hasConflict: false },
        { userId: w.ids.thu, hasConflict: false, note: "" },
        { userId: w.ids.son, hasConflict: false, note: null },
      ],
    });

    test("the Department's check and the Inspectorate's ad hoc inspection meet: a clear sign of violation is required", async () => {
      // The Department of Industry and Trade decides a specialised check of the mining company.
      const check = await w.sctInspector.post("/api/inspections", {
        kind: "specialised_check",
        title: "Kiểm tra việc chấp hành quy định về vật liệu nổ công nghiệp",
        content: "Kiểm tra việc sử dụng, bảo quản vật liệu nổ công nghiệp năm 2026",
        contentField: "Vật liệu nổ công nghiệp",
        year: 2026,
        subjectIds: [mineral],
        online: false,
      });
      assert.equal(check.status, 201, JSON.stringify(check.body));
      assert.match(check.body.code, /^KT-LC\.SCT-2026-001$/);
      const sctDecided = await w.sctHead.post(`/api/inspections/${check.body.id}/decision`, {
        version: check.body.version,
        issuedOutside: true,
        date: "2026-02-10",
        number: "15/QĐ-SCT",
        leaderId: w.ids.sctInspector,
        declarations: [{ userId: w.ids.sctInspector, hasConflict: false }],
        // A check outside any plan is ad hoc too: nothing else this year, no sign needed.
      });
      assert.equal(sctDecided.status, 200, JSON.stringify(sctDecided.body));

      // While the proposal is typed, the overlap shows before anything is saved.
      const checked = await w.long.post("/api/inspections/overlap-check", {
        kind: "ad_hoc",
        year: 2026,
        subjectIds: [mineral, market],
      });
      assert.equal(checked.status, 200, JSON.stringify(checked.body));
      assert.equal(checked.body.needsViolationSign, true);
      assert.deepEqual(
        checked.body.overlaps.map((o: { subjectName: string; agencyName: string }) => [o.subjectName, o.agencyName]),
        [["Công ty TNHH Khoáng sản Bảo Thắng", "Sở Công Thương tỉnh Lào Cai"]],
      );
      const nextYear = await w.long.post("/api/inspections/overlap-check", {
        kind: "ad_hoc",
        year: 2027,
        subjectIds: [mineral],
      });
      assert.deepEqual([nextYear.body.overlaps.length, nextYear.body.needsViolationSign], [0, false]);
      assert.equal(
        (await w.viewer.post("/api/inspections/overlap-check", { kind: "ad_hoc", year: 2026, subjectIds: [mineral] }))
          .status,
        403,
      );

      // The Inspectorate proposes an ad hoc inspection of the same company.
      const bad = await w.long.post("/api/inspections", {
        kind: "ad_hoc",
        title: "Thanh tra việc khai thác khoáng sản",
        content: "Thanh tra việc chấp hành pháp luật về khai thác khoáng sản",
        year: 2026,
        subjectIds: [mineral],
      });
      assert.equal(bad.status, 400);
      assert.equal(bad.body.field, "trigger");
      const caseMissing = await w.long.post("/api/inspections", {
        kind: "ad_hoc",
        trigger: "case",
        triggerCaseId: "00000000-0000-4000-8000-000000000000",
        title: "Thanh tra theo đơn tố cáo",
        content: "Thanh tra nội dung tố cáo",
        year: 2026,
        subjectIds: [mineral],
      });
      assert.equal(caseMissing.status, 400);
      assert.equal(caseMissing.body.code, "INSPECTION_LINK_INVALID");
      assert.equal(caseMissing.body.field, "triggerCaseId");
      const noSubject = await w.long.post("/api/inspections", {
        kind: "ad_hoc",
        trigger: "superior",
        title: "Thanh tra",
        content: "Nội dung",
        year: 2026,
        subjectIds: [],
      });
      assert.equal(noSubject.status, 400);
      assert.equal(noSubject.body.field, "subjectIds");
      assert.match(noSubject.body.message, /ít nhất một đối tượng/);

      const proposed = await w.long.post("/api/inspections", {
        kind: "ad_hoc",
        trigger: "superior",
        triggerNote: "Văn bản số 120/UBND-NC ngày 05/02/2026 của UBND tỉnh giao thanh tra",
        title: "Thanh tra việc khai thác khoáng sản tại mỏ Bảo Thắng",
        content: "Thanh tra việc chấp hành pháp luật về khai thác khoáng sản, bảo vệ môi trường",
        contentField: "Khoáng sản",
        periodCovered: "01/01/2023 - 31/12/2025",
        year: 2026,
        online: false,
        subjectIds: [mineral, market],
      });
      assert.equal(proposed.status, 201, JSON.stringify(proposed.body));
      const p = proposed.body;
      assert.equal(p.state, "PROPOSED");
      assert.equal(p.kindLabel, "Thanh tra đột xuất");
      assert.equal(p.bodyLevel, "province");
      assert.equal(p.overlaps.length, 1);
      assert.equal(p.overlaps[0].agencyName, "Sở Công Thương tỉnh Lào Cai");
      assert.equal(p.overlaps[0].weight, "needs_violation_sign");

      // An inspector may not decide; the Department's head neither (another agency).
      const byInspector = await w.long.post(`/api/inspections/${p.id}/decision`, {
        version: p.version,
        ...team(),
      });
      assert.equal(byInspector.status, 403);
      assert.equal(byInspector.body.code, "INSPECTION_NOT_DECIDER");
      const otherHead = await w.sctHead.post(`/api/inspections/${p.id}/decision`, {
        version: p.version,
        ...team(),
      });
      assert.equal(otherHead.status, 403);

      // A team member with a conflict of interest, a member of another agency: refused.
      const conflicted = await w.head.post(`/api/inspections/${p.id}/decision`, {
        version: p.version,
        ...team(),
        declarations: [
          { userId: w.ids.long, hasConflict: false },
          { userId: w.ids.thu, hasConflict: true, note: "Em ruột là kế toán trưởng của công ty" },
          { userId: w.ids.son, hasConflict: false },
        ],
        violationSign: "Có dấu hiệu khai thác vượt công suất",
      });
      assert.equal(conflicted.status, 400);
      assert.equal(conflicted.body.code, "INSPECTION_CONFLICT_OF_INTEREST");
      assert.equal(conflicted.body.field, "declarations.1");
      assert.match(conflicted.body.message, /Đỗ Thị Thu Hà/);
      const outsider = await w.head.post(`/api/inspections/${p.id}/decision`, {
        version: p.version,
        ...team(),
        memberIds: [w.ids.sctInspector],
        declarations: [...team().declarations, { userId: w.ids.sctInspector, hasConflict: false }],
        violationSign: "Có dấu hiệu khai thác vượt công suất",
      });
      assert.equal(outsider.status, 400);
      assert.equal(outsider.body.code, "INSPECTION_TEAM_INVALID");
      assert.equal(outsider.body.field, "memberIds.0");

      // Over the Department's check, without a clear sign of violation: refused, nothing saved.
      const noSign = await w.head.post(`/api/inspections/${p.id}/decision`, {
        version: p.version,
        ...team(),
      });
      assert.equal(noSign.status, 409, JSON.stringify(noSign.body));
      assert.equal(noSign.body.code, "INSPECTION_VIOLATION_SIGN_REQUIRED");
      assert.equal(noSign.body.field, "violationSign");
      assert.match(noSign.body.message, /dấu hiệu vi phạm rõ ràng/);
      assert.match(noSign.body.message, /Sở Công Thương/);
      const still = (await w.long.get(`/api/inspections/${p.id}`)).body;
      assert.equal(still.version, p.version);
      assert.equal(still.team.length, 0);
      assert.equal(still.state, "PROPOSED");
      const occ = await w.db.selectFrom("inspection_occurrence").select("id").where("source_id", "=", p.id).execute();
      assert.equal(occ.length, 0, "no occurrence written by a refused decision");

      // A decision dated outside its year is refused naming the date.
      const wrongYear = await w.head.post(`/api/inspections/${p.id}/decision`, {
        version: p.version,
        issuedOutside: true,
        date: "2025-12-20",
        number: "08/QĐ-TTr",
        ...team(),
        violationSign: "Có dấu hiệu khai thác vượt công suất được phê duyệt",
      });
      assert.equal(wrongYear.status, 400);
      assert.equal(wrongYear.body.field, "date");

      // A number typed for a decision signed in the system is refused: the register numbers it.
      const typedNumber = await w.head.post(`/api/inspections/${p.id}/decision`, {
        version: p.version,
        number: "08/QĐ-TTr",
        ...team(),
      });
      assert.equal(typedNumber.status, 400);
      assert.equal(typedNumber.body.code, "NUMBER_FROM_REGISTER");
      assert.equal(typedNumber.body.field, "number");

      // The decision is drafted (TTr-QD): the inspection waits for a leader's signature.
      const drafted = await w.head.post(`/api/inspections/${p.id}/decision`, {
        version: p.version,
        ...team(),
        violationSign: "Sản lượng khai thác kê khai năm 2025 vượt 40% công suất được cấp phép",
      });
      assert.equal(drafted.status, 200, JSON.stringify(drafted.body));
      assert.equal(drafted.body.state, "PROPOSED");
      assert.equal(drafted.body.stateLabel, "Chờ lãnh đạo ký quyết định thanh tra");
      assert.equal(drafted.body.awaiting.action, "decide");
      assert.equal(drafted.body.decisionNumber, null);
      assert.deepEqual(drafted.body.allowedActions, [], "nothing moves while the paper awaits signature");
      const none = await w.db.selectFrom("inspection_occurrence").select("id").where("source_id", "=", p.id).execute();
      assert.equal(none.length, 0, "no occurrence before the decision is signed");
      const issued = await signPaper(w, awaitingDocument(drafted.body), "2026-02-20");
      assert.equal(issued.status, 200, JSON.stringify(issued.body));
      const d = (await w.long.get(`/api/inspections/${p.id}`)).body;
      assert.equal(d.state, "DECIDED");
      assert.equal(d.awaiting, null);
      assert.equal(d.decidedOn, "2026-02-20");
      assert.equal(d.decisionNumber, issued.body.symbol);
      assert.match(d.decisionNumber, /^\d+\/QĐ-/);
      assert.match(d.facts.decisionSigner, /Chánh Thanh tra/);
      assert.deepEqual(
        d.team.map((m: { name: string; role: string }) => [m.name, m.role]),
        [
          ["Hoàng Đức Long", "leader"],
          ["Đỗ Thị Thu Hà", "member"],
          ["Trương Văn Sơn", "supervisor"],
        ],
      );
      const written = await w.db
        .selectFrom("inspection_occurrence")
        .select(["subject_id", "activity", "ad_hoc", "year"])
        .where("source", "=", "inspection")
        .where("source_id", "=", p.id)
        .execute();
      assert.equal(written.length, 2);
      assert.ok(written.every((o) => o.ad_hoc && o.activity === "inspection" && o.year === 2026));
      assert.ok(d.events.some((e: { action: string; actionLabel: string }) => e.action === "inspection.decide"));
      // The decision (TTr-QD), numbered from the agency's register when the leader signed it.
      assert.deepEqual(
        d.documents.map((x: { formCode: string; status: string }) => [x.formCode, x.status]),
        [["TTr-QD", "issued"]],
      );
      const decisionDoc = await w.long.get(`/api/documents/${d.documents[0].id}`);
      assert.equal(decisionDoc.status, 200, JSON.stringify(decisionDoc.body));
    });

    test("every step in order, with its due dates; out of order and forbidden callers refused", async () => {
      const subject = await createSubject(w.db, w.tt, { name: "Công ty cổ phần Xây dựng Hoàng Liên" });
      const created = await w.long.post("/api/inspections", {
        kind: "ad_hoc",
        trigger: "violation_sign",
        violationSign: "Hồ sơ quyết toán công trình có dấu hiệu nâng khống khối lượng",
        title: "Thanh tra dự án đường nội thị Hoàng Liên",
        content: "Thanh tra việc quản lý, sử dụng vốn đầu tư dự án",
        year: 2026,
        subjectIds: [subject],
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const id = created.body.id;
      let v = created.body.version;
      const go = async (client: typeof w.long, body: Record<string, unknown>, status = 200) => {
        const res = await step(client, id, v, body);
        assert.equal(res.status, status, `${String(body.action)}: ${JSON.stringify(res.body)}`);
        if (status === 200) v = res.body.version;
        return res;
      };

      // Permission first: before the decision there is no team leader to announce.
      assert.equal(
        (await go(w.long, { action: "announce", date: "2026-03-02" }, 403)).body.code,
        "INSPECTION_NOT_TEAM_LEADER",
      );
      // No step before the decision; the decision itself is not a generic step.
      const early = await go(w.head, { action: "approve_plan", date: "2026-02-25" }, 409);
      assert.equal(early.body.code, "INSPECTION_STEP_OUT_OF_ORDER");
      assert.equal(early.body.field, "action");
      assert.match(early.body.message, /Chưa có quyết định thanh tra/);
      const bad = await step(w.long, id, v, { action: "decide", date: "2026-02-20" });
      assert.equal(bad.status, 400);

      const decided = await w.head.post(`/api/inspections/${id}/decision`, { version: v, ...team() });
      assert.equal(decided.status, 200, JSON.stringify(decided.body));
      // While the decision awaits signature, no step: refused naming what it waits for.
      const held = await step(w.head, id, decided.body.version, { action: "approve_plan", date: "2026-02-25" });
      assert.equal(held.status, 409);
      assert.match(held.body.message, /Chờ lãnh đạo ký quyết định thanh tra/);
      assert.equal((await signPaper(w, awaitingDocument(decided.body), "2026-02-20")).status, 200);
      v = (await w.long.get(`/api/inspections/${id}`)).body.version;

      // Announce before the plan for conducting is approved: refused, naming what is missing.
      const noPlan = await go(w.long, { action: "announce", date: "2026-03-02" }, 409);
      assert.match(noPlan.body.message, /Chưa có kế hoạch tiến hành thanh tra được phê duyệt/);
      // The plan is the decider's to approve.
      const notDecider = await go(w.long, { action: "approve_plan", date: "2026-02-25" }, 403);
      assert.equal(notDecider.body.code, "INSPECTION_NOT_DECIDER");
      // A date before the previous step's is refused naming the date.
      const before = await go(w.head, { action: "approve_plan", date: "2026-02-19" }, 400);
      assert.equal(before.body.field, "date");
      await go(w.head, { action: "approve_plan", date: "2026-02-25" });
      // Only the team leader announces; another agency's inspector is out of scope.
      const member = await go(w.thu, { action: "announce", date: "2026-03-02" }, 403);
      assert.equal(member.body.code, "INSPECTION_NOT_TEAM_LEADER");
      const other = await go(w.sctInspector, { action: "announce", date: "2026-03-02" }, 403);
      assert.equal(other.body.code, "OUT_OF_SCOPE");
      const announced = await go(w.long, { action: "announce", date: "2026-03-02" });
      // On-site work: 45 days (the provincial default of the configuration) from Mon 02/03/2026.
      let onsite = announced.body.dues.find((d: { step: string }) => d.step === "end_onsite");
      assert.equal(onsite.due, "2026-04-16");
      assert.equal(onsite.configured, true);
      assert.ok(onsite.explanation.some((l: string) => /cấu hình/.test(l)));
      assert.equal(announced.body.dueOn, "2026-04-16");

      await go(w.head, {
        action: "suspend",
        date: "2026-03-20",
        reason: "Chờ kết quả giám định chất lượng công trình",
      });
      const suspended = await go(w.long, { action: "end_onsite", date: "2026-03-21" }, 409);
      assert.match(suspended.body.message, /tạm dừng/);
      await go(w.head, { action: "resume", date: "2026-03-24" });
      const noGround = await go(w.head, { action: "extend", date: "2026-04-10" }, 400);
      assert.equal(noGround.body.field, "ground");
      const typedExtension = await go(w.head, { action: "extend", date: "2026-04-10", ground: "complex" }, 400);
      assert.equal(typedExtension.body.field, "date", "a date is typed only for a paper signed outside the system");
      const drafting = await go(w.head, { action: "extend", ground: "expert_opinion" });
      assert.equal(drafting.body.stateLabel, "Chờ lãnh đạo ký quyết định gia hạn");
      assert.equal(drafting.body.facts.extensions.length, 0);
      assert.equal((await signPaper(w, awaitingDocument(drafting.body), "2026-04-10")).status, 200);
      const extended = await w.long.get(`/api/inspections/${id}`);
      v = extended.body.version;
      assert.equal(extended.body.facts.extensions.length, 1);
      assert.equal(extended.body.facts.extensions[0].on, "2026-04-10");
      assert.match(extended.body.facts.extensions[0].number, /^\d+\/QĐ-/, "the register's number written back");
      // 45 + 30 days = Sat 16/05/2026, pushed by the 5 suspended days (20–24/03) = Thu 21/05/2026.
      onsite = extended.body.dues.find((d: { step: string }) => d.step === "end_onsite");
      assert.equal(onsite.due, "2026-05-21");
      const twice = await go(w.head, { action: "extend", ground: "complex" }, 409);
      assert.equal(twice.body.code, "INSPECTION_EXTENSION_LIMIT");

      // A conclusion before the result report: refused, naming the missing result report.
      const signEarly = await go(w.head, { action: "sign" }, 409);
      assert.match(signEarly.body.message, /Chưa có kết thúc thanh tra trực tiếp|Chưa có báo cáo kết quả thanh tra/);
      await go(w.long, { action: "end_onsite", date: "2026-04-30" });
      const signNoReport = await go(w.head, { action: "sign" }, 409);
      assert.equal(signNoReport.body.field, "action");
      assert.match(signNoReport.body.message, /Chưa có báo cáo kết quả thanh tra: chưa thể «Ký kết luận thanh tra»/);
      // The result report is the team leader's.
      assert.equal(
        (await go(w.thu, { action: "report", date: "2026-05-04" }, 403)).body.code,
        "INSPECTION_NOT_TEAM_LEADER",
      );
      const reported = await go(w.long, { action: "report", date: "2026-05-04" });
      // 5 working days from Mon 04/05/2026: 05, 06, 07, 08, 11/05 → Mon 11/05/2026 (Art. 34(1)).
      const assign = reported.body.dues.find((d: { step: string }) => d.step === "assign_draft");
      assert.equal(assign.due, "2026-05-11");
      assert.equal(assign.configured, false);
      assert.match(assign.basis, /Điều 34 khoản 1/);
      await go(w.head, { action: "assign_draft", date: "2026-05-08" });
      const drafted = await go(w.long, {
        action: "submit_draft",
        date: "2026-05-20",
        reservations: [{ name: "Đỗ Thị Thu Hà", text: "Đề nghị làm rõ thêm khối lượng đào đắp nền đường" }],
      });
      assert.equal(drafted.body.facts.reservations.length, 1);
      // Sign within 15 days of receiving the draft (Art. 36(1)): Wed 20/05 + 15 = Thu 04/06/2026.
      assert.equal(drafted.body.dues.find((d: { step: string }) => d.step === "sign").due, "2026-06-04");
      // Appraisal is mandatory at provincial level: the decider may not sign before it.
      const unappraised = await go(w.head, { action: "sign" }, 409);
      assert.equal(unappraised.body.code, "INSPECTION_STEP_OUT_OF_ORDER");
      assert.match(unappraised.body.message, /Chưa có ý kiến thẩm định dự thảo kết luận/);
      await go(w.son, { action: "appraise", date: "2026-05-25", note: "Thống nhất với dự thảo" });
      // Only the decider signs.
      assert.equal((await go(w.long, { action: "sign" }, 403)).status, 403);
      const signing = await go(w.head, { action: "sign" });
      assert.equal(signing.body.state, "APPRAISED");
      assert.equal(signing.body.stateLabel, "Chờ lãnh đạo ký kết luận thanh tra");
      // The drafted conclusion holds the findings as drafted: the team leader may not edit them now.
      assert.equal(signing.body.me.mayEditFindings, false);
      const conclusionId = awaitingDocument(signing.body);
      const selfIssued = await w.long.post(`/api/documents/${conclusionId}/issue`, {});
      assert.equal(selfIssued.body.code, "DOCUMENT_NEEDS_SIGNATURE", "a conclusion is signed by a leader");
      const issuedKl = await signPaper(w, conclusionId, "2026-06-01");
      assert.equal(issuedKl.status, 200, JSON.stringify(issuedKl.body));
      const signed = await w.long.get(`/api/inspections/${id}`);
      v = signed.body.version;
      assert.equal(signed.body.state, "SIGNED");
      assert.equal(signed.body.signedOn, "2026-06-01");
      assert.equal(signed.body.conclusionNumber, issuedKl.body.symbol);
      assert.deepEqual(
        signed.body.documents.map((x: { formCode: string; status: string }) => [x.formCode, x.status]),
        [
          ["TTr-QD", "issued"],
          ["TTr-GH", "issued"],
          ["TTr-KL", "issued"],
        ],
      );
      const extension = await w.db
        .selectFrom("official_document")
        .select(["id", "fields", "status"])
        .where("entity_id", "=", id)
        .where("form_code", "=", "TTr-GH")
        .executeTakeFirstOrThrow();
      const gh = extension.fields as { originalDays: number; extensionDays: number; ground: string };
      assert.deepEqual([gh.originalDays, gh.extensionDays], [45, 30], "the province level's configured days");
      assert.equal(gh.ground, "Cần trưng cầu giám định hoặc lấy ý kiến chuyên môn");
      // The directive within 15 days of the conclusion (Art. 53): Mon 01/06 + 15 = Tue 16/06/2026.
      assert.equal(signed.body.dues.find((d: { step: string }) => d.step === "direct").due, "2026-06-16");
      const published = await go(w.long, { action: "publish", date: "2026-06-02", form: "Cổng thông tin điện tử" });
      assert.equal(published.body.state, "PUBLISHED");
      const notice = await w.db
        .selectFrom("official_document")
        .select(["fields"])
        .where("entity_id", "=", id)
        .where("form_code", "=", "TTr-TBCK")
        .executeTakeFirstOrThrow();
      const tb = notice.fields as { publishFrom: string; publishTo: string; conclusion: { number: string } };
      // 15 consecutive days from Tue 02/06/2026, the first included: to Tue 16/06/2026.
      assert.deepEqual(
        [tb.publishFrom, tb.publishTo, tb.conclusion.number],
        ["2026-06-02", "2026-06-16", issuedKl.body.symbol],
      );
      // The directive is drafted (TTr-CD) for the head to sign; its number comes from the register.
      const typedDirective = await go(w.thu, { action: "direct", date: "2026-06-10", number: "210/UBND-NC" }, 400);
      assert.equal(typedDirective.body.code, "NUMBER_FROM_REGISTER");
      const directing = await go(w.thu, { action: "direct", reportBy: "2026-07-31" });
      assert.equal(directing.body.state, "PUBLISHED");
      assert.equal(directing.body.stateLabel, "Chờ lãnh đạo ký văn bản chỉ đạo thực hiện kết luận");
      const directiveId = awaitingDocument(directing.body);
      const cd = await w.db
        .selectFrom("official_document")
        .select(["form_code", "fields"])
        .where("id", "=", directiveId)
        .executeTakeFirstOrThrow();
      assert.equal(cd.form_code, "TTr-CD");
      const cdFields = cd.fields as { conclusion: { number: string }; reportBy: string; to: string[] };
      assert.deepEqual([cdFields.conclusion.number, cdFields.reportBy], [issuedKl.body.symbol, "2026-07-31"]);
      assert.ok(cdFields.to.length >= 1, "addressed to the inspected subjects");
      const selfDirected = await w.thu.post(`/api/documents/${directiveId}/issue`, {});
      assert.equal(selfDirected.body.code, "DOCUMENT_NEEDS_SIGNATURE", "a directive is signed by the head");
      const issuedCd = await signPaper(w, directiveId, "2026-06-10");
      assert.equal(issuedCd.status, 200, JSON.stringify(issuedCd.body));
      const directed = await w.long.get(`/api/inspections/${id}`);
      v = directed.body.version;
      assert.equal(directed.body.state, "IMPLEMENTING");
      assert.equal(directed.body.facts.directiveOn, "2026-06-10");
      assert.equal(directed.body.facts.directiveNumber, issuedCd.body.symbol);
      assert.equal(directed.body.dueOn, null);
      assert.equal(
        (await go(w.long, { action: "publish", date: "2026-06-11" }, 409)).body.code,
        "INSPECTION_STEP_OUT_OF_ORDER",
      );

      // A stale version is refused.
      const stale = await step(w.long, id, v - 1, { action: "publish", date: "2026-06-11" });
      assert.equal(stale.status, 409);
      // The statutory due dates are tracked; the configured durations are not.
      const tracked = await w.db
        .selectFrom("tracked_deadline")
        .select(["rule_id", "open"])
        .where("entity_type", "=", "inspection")
        .where("entity_id", "=", id)
        .execute();
      assert.deepEqual(tracked.map((r) => r.rule_id).sort(), [
        "inspection.conclusion.assign",
        "inspection.conclusion.sign",
        "inspection.directive",
      ]);
      assert.ok(tracked.every((r) => !r.open));
      // Every step is on the timeline and in the audit trail.
      const detail = (await w.viewer.get(`/api/inspections/${id}`)).status;
      assert.equal(detail, 403, "a viewer of another agency does not read it");
      const audit = await w.db
        .selectFrom("audit_event")
        .select("action")
        .where("entity_type", "=", "inspection")
        .where("entity_id", "=", id)
        .execute();
      for (const a of ["inspection.decide", "inspection.announce", "inspection.sign", "inspection.direct"])
        assert.ok(
          audit.some((x) => x.action === a),
          a,
        );
      const list = await w.long.get("/api/inspections?year=2026&kind=ad_hoc");
      assert.equal(list.status, 200);
      assert.ok(list.body.items.some((i: { id: string; state: string }) => i.id === id && i.state === "IMPLEMENTING"));
      assert.equal(
        (await w.sctInspector.get("/api/inspections?year=2026")).body.items.some((i: { id: string }) => i.id === id),
        false,
      );
    });

    test("a re-inspection links the inspection it re-examines, with its legal ground", async () => {
      const noGround = await w.long.post("/api/inspections", {
        kind: "re_inspection",
        reinspectsId: "00000000-0000-4000-8000-000000000000",
        title: "Thanh tra lại",
        content: "Thanh tra lại kết luận",
        year: 2026,
        subjectIds: [market],
      });
      assert.equal(noGround.status, 400);
      assert.equal(noGround.body.field, "reinspectionGround");
      const missing = await w.long.post("/api/inspections", {
        kind: "re_inspection",
        reinspectsId: "00000000-0000-4000-8000-000000000000",
        reinspectionGround: "wrong_law",
        title: "Thanh tra lại",
        content: "Thanh tra lại kết luận",
        year: 2026,
        subjectIds: [market],
      });
      assert.equal(missing.status, 400);
      assert.equal(missing.body.code, "INSPECTION_LINK_INVALID");
      assert.equal(missing.body.field, "reinspectsId");
    });
    test("a case-triggered inspection: the case is one the proposer may read; texts left in clear are sealed at start", async () => {
      const DENOUNCER = "Vương Thị Thanh Xuân";
      const handler = await t.login("xulydon");
      const resolverId = (
        await w.db.selectFrom("app_user").select("id").where("username", "=", "xacminh").executeTakeFirstOrThrow()
      ).id;
      const petition = await proposedPetition(
        handler,
        {
          channel: "post",
          receivedOn: "2026-11-02",
          writtenOn: "2026-10-31",
          petitioners: [
            {
              kind: "person",
              fullName: DENOUNCER,
              address: "Tổ 5, phường Cam Đường, tỉnh Lào Cai",
              phone: "0912345678",
              identity: { kind: "cccd", number: "010195067890", birthYear: 1995, gender: "female" },
            },
          ],
          respondents: [{ name: "Ông Hà Văn Cường, Đội trưởng Đội Quản lý thị trường số 3" }],
          content:
            "Tôi tố cáo ông Hà Văn Cường, Đội trưởng Đội Quản lý thị trường số 3, nhiều lần nhận tiền của các hộ " +
            "kinh doanh tại chợ Cốc Lếu để bỏ qua vi phạm.",
        },
        "denunciation",
        "2026-11-05",
      );
      const opened = await w.sctHead.post("/api/cases", { petitionId: petition.id, assignees: [resolverId] });
      assert.equal(opened.status, 201, JSON.stringify(opened.body));
      const caseId: string = opened.body.id;
      const team3 = await createSubject(w.db, w.sct, { name: "Đội Quản lý thị trường số 3", kind: "state_body" });
      const body = {
        kind: "ad_hoc",
        trigger: "case",
        triggerCaseId: caseId,
        triggerNote: `Đơn tố cáo của bà ${DENOUNCER}, ĐT 0912 345 678`,
        title: `Thanh tra Đội QLTT số 3 theo đơn của bà ${DENOUNCER}`,
        content: "Thanh tra việc xử lý vi phạm tại chợ Cốc Lếu",
        year: 2026,
        subjectIds: [team3],
        online: false,
      };
      const count = async () =>
        Number(
          (
            await w.db
              .selectFrom("inspection")
              .select((eb) => eb.fn.countAll().as("n"))
              .where("trigger_case_id", "=", caseId)
              .executeTakeFirstOrThrow()
          ).n,
        );

      // The Inspectorate's inspector neither inspects for the Department nor reads its cases: refused.
      const outside = await w.long.post("/api/inspections", body);
      assert.equal(outside.status, 403, JSON.stringify(outside.body));
      assert.equal(outside.body.code, "OUT_OF_SCOPE");
      assert.equal(outside.body.field, "triggerCaseId");
      assert.match(outside.body.message, /ngoài phạm vi/);
      // Nor does reading cases elsewhere open another agency's case.
      await w.db
        .updateTable("app_user")
        .set({ roles: ["inspector", "viewer"] })
        .where("username", "=", "thanhtra")
        .execute();
      try {
        const reader = await w.long.post("/api/inspections", body);
        assert.equal(reader.status, 403, JSON.stringify(reader.body));
        assert.equal(reader.body.code, "OUT_OF_SCOPE");
      } finally {
        await w.db
          .updateTable("app_user")
          .set({ roles: ["inspector"] })
          .where("username", "=", "thanhtra")
          .execute();
      }
      assert.equal(await count(), 0, "nothing saved");
      // The Department's inspector names the Department's case without reading every case of it.
      const proposed = await w.sctInspector.post("/api/inspections", body);
      assert.equal(proposed.status, 201, JSON.stringify(proposed.body));
      assert.equal(await count(), 1);

      // Written the way of a version before 0046: texts, facts and timeline in clear, nothing sealed.
      const row = await w.db
        .selectFrom("inspection")
        .selectAll()
        .where("trigger_case_id", "=", caseId)
        .executeTakeFirstOrThrow();
      const texts = {
        title: body.title,
        content: body.content,
        trigger_note: body.triggerNote,
        violation_sign: null,
      };
      const facts = { ...(row.facts as Record<string, unknown>), note: `Đã làm việc với bà ${DENOUNCER}` };
      await w.db
        .updateTable("inspection")
        .set({
          ...texts,
          search_text: normalizeForMatch(`${row.code} ${texts.title} ${row.subject_display}`),
          texts_sealed: null,
          facts: JSON.stringify(facts),
          facts_sealed: null,
        })
        .where("id", "=", row.id)
        .execute();
      const eventData = { code: row.code, note: `Theo đơn của bà ${DENOUNCER}, ĐT 0912 345 678` };
      await w.db
        .updateTable("inspection_event")
        .set({ data: JSON.stringify(eventData), data_sealed: null })
        .where("inspection_id", "=", row.id)
        .execute();

      assert.ok((await sealClearInspections(w.db)) >= 1);
      const mask = (await maskerFor(w.db, caseId))!;
      assert.ok(mask, "the case's denouncer is protected");
      const sealed = await w.db.selectFrom("inspection").selectAll().where("id", "=", row.id).executeTakeFirstOrThrow();
      assert.deepEqual(
        {
          title: sealed.title,
          content: sealed.content,
          trigger_note: sealed.trigger_note,
          violation_sign: sealed.violation_sign,
        },
        mask(texts),
      );
      assert.doesNotMatch(JSON.stringify(sealed), /Thanh Xuân|0912 345 678/);
      assert.doesNotMatch(sealed.search_text, new RegExp(normalizeForMatch("Thanh Xuân")));
      assert.deepEqual(openValue(SEALED.inspectionTexts, row.id, sealed.texts_sealed!), texts);
      assert.deepEqual(sealed.facts, mask(facts));
      assert.deepEqual(openValue(SEALED.inspectionFacts, row.id, sealed.facts_sealed!), facts);
      const events = await w.db
        .selectFrom("inspection_event")
        .select(["id", "data", "data_sealed"])
        .where("inspection_id", "=", row.id)
        .execute();
      assert.ok(events.length >= 1);
      for (const e of events) {
        assert.deepEqual(e.data, mask(eventData));
        assert.deepEqual(openValue(SEALED.inspectionEventData, String(e.id), e.data_sealed!), eventData);
      }
      // A seal is bound to its row: the texts' seal of another row does not open here.
      assert.throws(() => openValue(SEALED.inspectionTexts, row.id, sealValue(SEALED.inspectionTexts, caseId, texts)));

      // Twice changes nothing.
      assert.equal(await sealClearInspections(w.db), 0);
      const again = await w.db.selectFrom("inspection").selectAll().where("id", "=", row.id).executeTakeFirstOrThrow();
      assert.deepEqual(
        [again.title, again.texts_sealed, again.facts_sealed, again.search_text],
        [sealed.title, sealed.texts_sealed, sealed.facts_sealed, sealed.search_text],
      );

      // The proposer, not assigned to the case, reads the masked copy.
      const seen = await w.sctInspector.get(`/api/inspections/${row.id}`);
      assert.equal(seen.status, 200, JSON.stringify(seen.body));
      assert.equal(seen.body.title, (mask(texts) as typeof texts).title);

      // A recommendation of that inspection quoting her: the follow-up list, its detail and its
      // export show it masked to the proposer as well (the list read it as typed before).
      const recommendation = await w.db
        .insertInto("inspection_recommendation")
        .values({
          inspection_id: row.id,
          agency_id: row.agency_id,
          position: 1,
          type: "discipline",
          content: `Kiểm điểm ông Hà Văn Cường theo phản ánh của bà ${DENOUNCER}`,
          amount: 0,
          land_m2: 0,
          collectives: 0,
          individuals: 1,
          persons: JSON.stringify([]),
          matters: 0,
          responsible_unit: "Chi cục Quản lý thị trường",
          concluded_on: "2026-11-20",
          recovered: 0,
          land_recovered: 0,
          urged: 0,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      const listed = await w.sctInspector.get(`/api/inspection-follow-up?inspectionId=${row.id}`);
      assert.equal(listed.status, 200, JSON.stringify(listed.body));
      assert.equal(listed.body.items.length, 1);
      const detailed = await w.sctInspector.get(`/api/inspection-follow-up/${recommendation.id}`);
      assert.equal(detailed.status, 200, JSON.stringify(detailed.body));
      const exported = await t.app.inject({
        method: "GET",
        url: `/api/inspection-follow-up/export.xlsx?inspectionId=${row.id}`,
        headers: { cookie: `mb_session=${w.sctInspector.session}` },
      });
      assert.equal(exported.statusCode, 200);
      const sheet = unescapeXml(zipEntry(exported.rawPayload, "xl/sharedStrings.xml").toString("utf8"));
      for (const answer of [JSON.stringify(listed.body), JSON.stringify(detailed.body), sheet])
        assert.doesNotMatch(answer, /Thanh Xuân/, "the denouncer's name is masked");
      for (const answer of [listed.body.items[0].content, detailed.body.content, sheet])
        assert.match(answer, /Hà Văn Cường/, "the rest of the text is as typed");
    });
  });
}
