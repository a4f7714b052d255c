/**
 * Yearly plans and the overlap check through the HTTP API, on both databases: a Department's
 * plan item over the provincial Inspectorate's is refused (naming the subject, the other agency
 * and the basis) until the overlap is resolved; the resolution log is seen by both; issuing makes
 * a numbered decision; an adjustment is a new version, the earlier one readable; a cancelled item
 * stops counting; the State Audit's plan is flagged for coordination; the province's board counts
 * the overlaps by kind of subject; the public feed shows enterprises' items only, without personal
 * data. Every guard: another agency's plan, a viewer, no subject, stale versions, wrong states.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { startTestApp, testDatabases, type TestApp, type TestClient } from "../src/testing.ts";
import { ensureInspectionUsers } from "../src/seed/demo-inspections.ts";
import { taxCode } from "./support/tax-codes.ts";

const YEAR = 2027;
const b64 = (text: string) => Buffer.from(text, "utf8").toString("base64");
const signer = { position: "CHÁNH THANH TRA", name: "Lê Văn Hùng" };

interface Plan {
  id: string;
  version: number;
  status: string;
  revision: number;
  items: { id: string; version: number; cancelled: boolean; overlaps: { blocking: boolean; kind: string }[] }[];
  versions: { revision: number; status: string; decisionSymbol: string | null }[];
  resolutions: { outcome: string; reason: string | null; agencyName: string; decidedByName: string }[];
  actions: string[];
}

function item(subjectIds: string[], extra: Record<string, unknown> = {}) {
  return {
    subjectIds,
    activity: "inspection",
    kind: "planned",
    content: "Thanh tra việc chấp hành chính sách, pháp luật về thuế, đất đai",
    field: "",
    periodFrom: "2024-01-01",
    periodTo: "2025-12-31",
    quarter: 2,
    monthFrom: null,
    leadingUnit: "Phòng Thanh tra 1",
    ...extra,
  };
}

for (const db of testDatabases()) {
  describe(`inspection plans and overlaps (${db.kind})`, () => {
    let t: TestApp;
    let inspectorate: TestClient; // Thanh tra tỉnh
    let department: TestClient; // Sở Công Thương
    let viewer: TestClient; // Sở Công Thương, chỉ xem
    let province: TestClient; // lãnh đạo UBND tỉnh (subtree)
    let head: TestClient; // Chánh Thanh tra tỉnh: signs the plan's decision
    let headId: string;
    const s: Record<string, string> = {};
    let ttPlan: Plan;
    let sctPlan: Plan;

    async function subject(key: string, body: Record<string, unknown>) {
      const res = await inspectorate.post("/api/inspection-subjects", body);
      assert.equal(res.status, 201, JSON.stringify(res.body));
      s[key] = res.body.id;
    }

    before(async () => {
      t = await startTestApp({ db, listen: false });
      inspectorate = await t.login("thanhtra");
      department = await t.login("kiemtra.sct");
      viewer = await t.login("xem");
      province = await t.login("lanhdao.tinh");
      await ensureInspectionUsers(t.system.database.db);
      head = await t.login("lanhdao.tt");
      headId = (
        await t.system.database.db
          .selectFrom("app_user")
          .select("id")
          .where("username", "=", "lanhdao.tt")
          .executeTakeFirstOrThrow()
      ).id;
      await subject("petrol", {
        kind: "enterprise",
        name: "Công ty TNHH Xăng dầu Cốc Lếu",
        taxCode: taxCode("530500001"),
      });
      await subject("tea", { kind: "enterprise", name: "Công ty Cổ phần Chè Bát Xát", taxCode: taxCode("530500101") });
      await subject("shop", { kind: "household", name: "Hộ kinh doanh Giàng Thị Mai", taxCode: "010090012345" });
      await subject("farmer", { kind: "individual", name: "Ông Sùng A Páo", taxCode: "010080054321" });
      const agency = await t.system.database.db
        .selectFrom("agency")
        .select("id")
        .where("code", "=", "LC.X.BACHA")
        .executeTakeFirstOrThrow();
      await subject("commune", { kind: "state_body", name: "UBND xã Bắc Hà", agencyId: agency.id });
      await subject("mine", {
        kind: "enterprise",
        name: "Công ty TNHH Khai khoáng Sa Pa",
        taxCode: taxCode("530500201"),
      });
    });
    after(() => t.close());

    test("plans: one per agency and year; a viewer may not create one", async () => {
      const created = await inspectorate.post("/api/inspection-plans", { year: YEAR });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      assert.equal(created.body.status, "draft");
      assert.equal(created.body.title, `Kế hoạch thanh tra năm ${YEAR}`);
      ttPlan = created.body;
      const twice = await inspectorate.post("/api/inspection-plans", { year: YEAR });
      assert.equal(twice.status, 409);
      assert.equal(twice.body.code, "PLAN_EXISTS");
      const sct = await department.post("/api/inspection-plans", { year: YEAR, title: "" });
      assert.equal(sct.status, 201);
      assert.equal(sct.body.title, `Kế hoạch kiểm tra chuyên ngành năm ${YEAR}`);
      sctPlan = sct.body;
      assert.equal((await viewer.post("/api/inspection-plans", { year: YEAR + 1 })).status, 403);
      const tt = await t.system.database.db
        .selectFrom("agency")
        .select("id")
        .where("code", "=", "LC.TT")
        .executeTakeFirstOrThrow();
      const otherAgency = await department.post("/api/inspection-plans", { year: YEAR + 1, agencyId: tt.id });
      assert.equal(otherAgency.status, 403, "a plan for another agency");
      assert.equal(otherAgency.body.code, "OUT_OF_SCOPE");
    });

    test("bad items: no subject, wrong quarter, months outside the quarter — a clear message naming the field, nothing saved", async () => {
      const none = await inspectorate.post(`/api/inspection-plans/${ttPlan.id}/items`, {
        ...item([]),
        planVersion: ttPlan.version,
      });
      assert.equal(none.status, 400);
      assert.equal(none.body.field, "subjectIds");
      assert.match(none.body.message, /Đối tượng thanh tra: chọn ít nhất một đối tượng/);
      const months = await inspectorate.post(`/api/inspection-plans/${ttPlan.id}/items`, {
        ...item([s.petrol!], { quarter: 1, monthFrom: 5 }),
        planVersion: ttPlan.version,
      });
      assert.equal(months.status, 400);
      assert.equal(months.body.field, "monthFrom");
      assert.match(months.body.message, /quý 1/);
      const noTime = await inspectorate.post(`/api/inspection-plans/${ttPlan.id}/items`, {
        ...item([s.petrol!], { quarter: null }),
        planVersion: ttPlan.version,
      });
      assert.equal(noTime.status, 400);
      assert.equal(noTime.body.field, "quarter");
      const unknown = await inspectorate.post(`/api/inspection-plans/${ttPlan.id}/items`, {
        ...item([ttPlan.id]),
        planVersion: ttPlan.version,
      });
      assert.equal(unknown.status, 404);
      assert.equal(unknown.body.field, "subjectIds");
      const plan = await inspectorate.get(`/api/inspection-plans/${ttPlan.id}`);
      assert.equal(plan.body.items.length, 0);
    });

    test("the Inspectorate plans the petrol company and the mine; the Department may not write into its plan, nor may a viewer", async () => {
      const first = await inspectorate.post(`/api/inspection-plans/${ttPlan.id}/items`, {
        ...item([s.petrol!], { field: "Xăng dầu" }),
        planVersion: ttPlan.version,
      });
      assert.equal(first.status, 201, JSON.stringify(first.body));
      const second = await inspectorate.post(`/api/inspection-plans/${ttPlan.id}/items`, {
        ...item([s.mine!, s.commune!], { kind: "standby", quarter: 4, monthFrom: 10, monthTo: 11 }),
        planVersion: first.body.version,
      });
      assert.equal(second.status, 201, JSON.stringify(second.body));
      ttPlan = second.body;
      assert.equal(ttPlan.items.length, 2);
      assert.equal(ttPlan.items[1]!.overlaps.length, 0);

      const stale = await inspectorate.post(`/api/inspection-plans/${ttPlan.id}/items`, {
        ...item([s.tea!]),
        planVersion: first.body.version,
      });
      assert.equal(stale.status, 409);
      assert.equal(stale.body.code, "VERSION_CONFLICT");

      const intruder = await department.post(`/api/inspection-plans/${ttPlan.id}/items`, {
        ...item([s.tea!]),
        planVersion: ttPlan.version,
      });
      assert.equal(intruder.status, 403);
      assert.equal(intruder.body.code, "OUT_OF_SCOPE");
      const byViewer = await viewer.post(`/api/inspection-plans/${sctPlan.id}/items`, {
        ...item([s.tea!]),
        planVersion: sctPlan.version,
      });
      assert.equal(byViewer.status, 403);
      const cancelByOther = await department.post(
        `/api/inspection-plans/${ttPlan.id}/items/${ttPlan.items[0]!.id}/cancel`,
        {
          planVersion: ttPlan.version,
          version: ttPlan.items[0]!.version,
          reason: "Không phải của Sở",
        },
      );
      assert.equal(cancelByOther.status, 403);
      const hidden = await department.get(`/api/inspection-plans/${ttPlan.id}`);
      assert.equal(hidden.status, 403, "an own-scope inspector reads only its agency's plan");
    });

    test("the Department's item on the same company is refused, naming the subject, the Inspectorate and the basis; the check says so before saving", async () => {
      const check = await department.post("/api/inspection-plans/overlap-check", {
        planId: sctPlan.id,
        subjectIds: [s.petrol!],
        activity: "check",
        field: "",
      });
      assert.equal(check.status, 200);
      assert.equal(check.body.blocking, true);
      const o = check.body.overlaps[0];
      assert.equal(o.otherAgencyName, "Thanh tra tỉnh Lào Cai");
      assert.equal(o.kind, "same_subject_year");
      assert.match(o.otherLabel, /Thanh tra theo kế hoạch/);

      const refused = await department.post(`/api/inspection-plans/${sctPlan.id}/items`, {
        ...item([s.petrol!], { activity: "check", content: "Kiểm tra kinh doanh xăng dầu" }),
        planVersion: sctPlan.version,
      });
      assert.equal(refused.status, 409);
      assert.equal(refused.body.code, "PLAN_OVERLAP");
      assert.equal(refused.body.field, "subjectIds");
      assert.match(refused.body.message, /Công ty TNHH Xăng dầu Cốc Lếu/);
      assert.match(refused.body.message, /Thanh tra tỉnh Lào Cai/);
      assert.match(refused.body.message, /Nghị quyết 198\/2025\/QH15/);
      const unchanged = await department.get(`/api/inspection-plans/${sctPlan.id}`);
      assert.equal(unchanged.body.items.length, 0, "nothing half-saved");
      assert.equal(unchanged.body.version, sctPlan.version);

      // The same content inspected by the Inspectorate and checked by the Department.
      const sameContent = await department.post("/api/inspection-plans/overlap-check", {
        planId: sctPlan.id,
        subjectIds: [s.petrol!],
        activity: "check",
        field: " xăng dầu ",
      });
      assert.equal(sameContent.body.overlaps[0].kind, "same_content");
    });

    test("resolving: 'keep' needs a reason; once kept, the item saves; both agencies see the log; postpone still blocks", async () => {
      const check = await department.post("/api/inspection-plans/overlap-check", {
        planId: sctPlan.id,
        subjectIds: [s.petrol!],
        activity: "check",
      });
      const other = check.body.overlaps[0];
      const base = {
        planId: sctPlan.id,
        subjectId: s.petrol,
        otherSource: other.otherSource,
        otherSourceId: other.otherSourceId,
      };
      const noReason = await department.post("/api/inspection-overlaps/resolutions", { ...base, outcome: "keep" });
      assert.equal(noReason.status, 400);
      assert.equal(noReason.body.field, "reason");
      const byViewer = await viewer.post("/api/inspection-overlaps/resolutions", {
        ...base,
        outcome: "keep",
        reason: "x",
      });
      assert.equal(byViewer.status, 403);
      const onOthersPlan = await department.post("/api/inspection-overlaps/resolutions", {
        ...base,
        planId: ttPlan.id,
        outcome: "keep",
        reason: "x",
      });
      assert.equal(onOthersPlan.status, 403, "a Department does not resolve on the Inspectorate's behalf");
      const wrongSide = await department.post("/api/inspection-overlaps/resolutions", {
        ...base,
        otherSourceId: sctPlan.id,
        outcome: "keep",
        reason: "x",
      });
      assert.equal(wrongSide.status, 400);
      assert.equal(wrongSide.body.code, "OVERLAP_NOT_FOUND");

      const postponed = await department.post("/api/inspection-overlaps/resolutions", {
        ...base,
        outcome: "postpone",
        reason: "Lùi sang năm sau",
      });
      assert.equal(postponed.status, 201);
      const stillBlocked = await department.post("/api/inspection-plans/overlap-check", {
        planId: sctPlan.id,
        subjectIds: [s.petrol!],
        activity: "check",
      });
      assert.equal(stillBlocked.body.blocking, true, "postponing means moving it out of this year");

      const kept = await department.post("/api/inspection-overlaps/resolutions", {
        ...base,
        outcome: "keep",
        reason: "Kiểm tra chuyên ngành về đo lường xăng dầu theo chỉ đạo của Bộ; đã thống nhất với Thanh tra tỉnh.",
      });
      assert.equal(kept.status, 201, JSON.stringify(kept.body));
      assert.equal(kept.body.otherAgencyName, "Thanh tra tỉnh Lào Cai");
      const free = await department.post("/api/inspection-plans/overlap-check", {
        planId: sctPlan.id,
        subjectIds: [s.petrol!],
        activity: "check",
      });
      assert.equal(free.body.blocking, false);
      assert.equal(free.body.overlaps[0].resolution.outcome, "keep");

      const saved = await department.post(`/api/inspection-plans/${sctPlan.id}/items`, {
        ...item([s.petrol!], { activity: "check", content: "Kiểm tra đo lường xăng dầu" }),
        planVersion: sctPlan.version,
      });
      assert.equal(saved.status, 201, JSON.stringify(saved.body));
      sctPlan = saved.body;
      const tea = await department.post(`/api/inspection-plans/${sctPlan.id}/items`, {
        ...item([s.tea!, s.shop!, s.farmer!], { activity: "check", content: "Kiểm tra an toàn thực phẩm", quarter: 3 }),
        planVersion: sctPlan.version,
      });
      assert.equal(tea.status, 201);
      sctPlan = tea.body;

      const seenByInspectorate = await inspectorate.get(`/api/inspection-plans/${ttPlan.id}`);
      const log = seenByInspectorate.body.resolutions as Plan["resolutions"];
      assert.ok(log.some((r) => r.outcome === "keep" && r.agencyName === "Sở Công Thương tỉnh Lào Cai"));
      assert.ok(log.every((r) => r.decidedByName === "Ngô Thị Thu"));
      // The Inspectorate's item now shows the overlap as resolved by the Department, not blocking.
      const petrolItem = seenByInspectorate.body.items[0];
      assert.equal(petrolItem.overlaps.length, 1);
      assert.equal(petrolItem.overlaps[0].blocking, false);
    });

    test("the State Audit's plan is imported and flagged for coordination, not blocking", async () => {
      const csv = [
        "STT,Đơn vị được kiểm toán,Mã số thuế",
        `1,Công ty Cổ phần Chè Bát Xát,${taxCode("530500101")}`,
        `2,Công ty Mới Kiểm Toán,${taxCode("530500301")}`,
        `3,Không mã,`,
        `4,,${taxCode("530500401")}`,
      ].join("\n");
      const res = await inspectorate.post("/api/inspection-plans/state-audit-imports", {
        year: YEAR,
        fileName: "ktnn.csv",
        content: b64(csv),
      });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      assert.equal(res.body.matched, 1);
      assert.equal(res.body.created, 1);
      assert.equal(res.body.flagged, 1, "the tea company is in the Department's plan");
      assert.deepEqual(
        res.body.refused.map((r: { row: number }) => r.row),
        [4, 5],
      );
      const plan = await department.get(`/api/inspection-plans/${sctPlan.id}`);
      const teaItem = plan.body.items[1];
      const audit = teaItem.overlaps.find((o: { kind: string }) => o.kind === "state_audit");
      assert.ok(audit, "flagged on the item");
      assert.equal(audit.weight, "coordinate");
      assert.equal(audit.blocking, false);
      assert.match(audit.message, /Kiểm toán nhà nước/);
      assert.equal(
        (
          await viewer.post("/api/inspection-plans/state-audit-imports", {
            year: YEAR,
            fileName: "a.csv",
            content: b64(csv),
          })
        ).status,
        403,
      );
    });

    test("the province sees every overlap of the year, counted by kind of subject; an agency sees those touching it", async () => {
      const board = await province.get(`/api/inspection-overlaps?year=${YEAR}`);
      assert.equal(board.status, 200, JSON.stringify(board.body));
      assert.equal(board.body.subjects, 2, "the petrol company (two plans) and the tea company (plan and State Audit)");
      assert.equal(board.body.byKind.enterprise, 2);
      assert.equal(board.body.sentence, "02 đối tượng bị trùng lặp, trong đó 02 doanh nghiệp.");
      assert.equal(board.body.resolved, 1);
      const dept = await department.get(`/api/inspection-overlaps?year=${YEAR}`);
      assert.equal(dept.body.subjects, 2);
      const viewerBoard = await viewer.get(`/api/inspection-overlaps?year=${YEAR}`);
      assert.equal(viewerBoard.status, 200);
      const noneYear = await province.get(`/api/inspection-overlaps?year=${YEAR + 5}`);
      assert.equal(noneYear.body.subjects, 0);
    });

    test("issue: the decision is drafted, signed by a leader in the system, and issuing it issues the plan with the register's number and the signer", async () => {
      const noSigner = await inspectorate.post(`/api/inspection-plans/${ttPlan.id}/issue`, {
        version: ttPlan.version,
        issuedOutside: true,
        decisionNumber: "12/QĐ-TTr",
        issuedOn: "2026-12-01",
        signer: { position: "CHÁNH THANH TRA" },
      });
      assert.equal(noSigner.status, 400);
      assert.equal(noSigner.body.field, "signer.name");
      const noNumber = await inspectorate.post(`/api/inspection-plans/${ttPlan.id}/issue`, {
        version: ttPlan.version,
        issuedOutside: true,
        issuedOn: "2026-12-01",
        signer,
      });
      assert.equal(noNumber.status, 400);
      assert.equal(noNumber.body.field, "decisionNumber");
      const current = (await inspectorate.get(`/api/inspection-plans/${ttPlan.id}`)).body as Plan;
      const byOther = await department.post(`/api/inspection-plans/${ttPlan.id}/issue`, { version: current.version });
      assert.equal(byOther.status, 403);

      const drafted = await inspectorate.post(`/api/inspection-plans/${ttPlan.id}/issue`, { version: current.version });
      assert.equal(drafted.status, 200, JSON.stringify(drafted.body));
      assert.equal(drafted.body.status, "draft", "the plan waits for the signature");
      assert.equal(drafted.body.pendingDecision.status, "draft");
      assert.deepEqual(drafted.body.actions, ["withdraw_decision"]);
      const pendingItem = await inspectorate.post(`/api/inspection-plans/${ttPlan.id}/items`, {
        ...item([s.tea!]),
        planVersion: drafted.body.version,
      });
      assert.equal(pendingItem.status, 409, "the items stay as the draft lists them");
      assert.equal(pendingItem.body.code, "PLAN_DECISION_PENDING");
      const again = await inspectorate.post(`/api/inspection-plans/${ttPlan.id}/issue`, {
        version: drafted.body.version,
      });
      assert.equal(again.body.code, "PLAN_DECISION_PENDING");

      // Withdrawn: the draft is cancelled with its reason and the plan editable again; then drafted anew.
      const withdrawn = await inspectorate.post(`/api/inspection-plans/${ttPlan.id}/decision/withdraw`, {
        version: drafted.body.version,
        reason: "Bổ sung một đối tượng vào kế hoạch",
      });
      assert.equal(withdrawn.status, 200, JSON.stringify(withdrawn.body));
      assert.equal(withdrawn.body.pendingDecision, null);
      assert.deepEqual(withdrawn.body.actions, ["add_item", "issue"]);
      const firstPaper = await t.system.database.db
        .selectFrom("official_document")
        .select(["status", "number", "cancelled_reason"])
        .where("id", "=", drafted.body.pendingDecision.documentId)
        .executeTakeFirst();
      assert.deepEqual(
        firstPaper,
        { status: "cancelled", number: null, cancelled_reason: "Bổ sung một đối tượng vào kế hoạch" },
        "the unnumbered draft is kept, cancelled with its reason",
      );
      const noneLeft = await inspectorate.post(`/api/inspection-plans/${ttPlan.id}/decision/withdraw`, {
        version: withdrawn.body.version,
      });
      assert.equal(noneLeft.body.code, "PLAN_NO_PENDING_DECISION");
      const redrafted = await inspectorate.post(`/api/inspection-plans/${ttPlan.id}/issue`, {
        version: withdrawn.body.version,
      });
      assert.equal(redrafted.status, 200);
      const docId = redrafted.body.pendingDecision.documentId as string;

      // The drafter may not issue it: a leader signs it.
      const self = await inspectorate.post(`/api/documents/${docId}/issue`, {});
      assert.equal(self.status, 409);
      assert.equal(self.body.code, "DOCUMENT_NEEDS_SIGNATURE");
      const doc = (await inspectorate.get(`/api/documents/${docId}`)).body;
      const submitted = await inspectorate.post(`/api/documents/${docId}/submit`, {
        version: doc.version,
        signerId: headId,
      });
      assert.equal(submitted.status, 200, JSON.stringify(submitted.body));
      const waiting = (await inspectorate.get(`/api/inspection-plans/${ttPlan.id}`)).body;
      assert.equal(waiting.pendingDecision.status, "submitted");
      assert.equal(waiting.pendingDecision.signerName, "Lê Quang Vinh");
      assert.deepEqual(waiting.actions, [], "nothing to do but wait for the signature");
      const lateWithdraw = await inspectorate.post(`/api/inspection-plans/${ttPlan.id}/decision/withdraw`, {
        version: waiting.version,
      });
      assert.equal(lateWithdraw.body.code, "DOCUMENT_SUBMITTED");
      const signed = await head.post(`/api/documents/${docId}/issue`, {});
      assert.equal(signed.status, 200, JSON.stringify(signed.body));

      const issued = await inspectorate.get(`/api/inspection-plans/${ttPlan.id}`);
      ttPlan = issued.body;
      assert.equal(ttPlan.status, "issued");
      assert.equal(ttPlan.versions[0]!.decisionSymbol, signed.body.symbol, "the register's number");
      assert.match(ttPlan.versions[0]!.decisionSymbol!, /^\d+\/QĐ-/);
      assert.match(String(issued.body.versions[0].signer), /^Lê Quang Vinh/);
      assert.equal(issued.body.versions[0].issuedOutside, false);
      assert.equal(issued.body.pendingDecision, null);
      assert.deepEqual(ttPlan.actions, ["adjust"]);
      const docs = await t.system.database.db
        .selectFrom("official_document")
        .select(["form_code", "status", "entity_type"])
        .where("entity_id", "=", ttPlan.id)
        .orderBy("created_at")
        .execute();
      assert.deepEqual(docs, [
        { form_code: "KH-TT-QD", status: "cancelled", entity_type: "inspection_plan" },
        { form_code: "KH-TT-QD", status: "issued", entity_type: "inspection_plan" },
      ]);

      const frozen = await inspectorate.post(`/api/inspection-plans/${ttPlan.id}/items`, {
        ...item([s.tea!]),
        planVersion: ttPlan.version,
      });
      assert.equal(frozen.status, 409);
      assert.equal(frozen.body.code, "PLAN_WRONG_STATUS");
      const reIssue = await inspectorate.post(`/api/inspection-plans/${ttPlan.id}/issue`, {
        version: ttPlan.version,
      });
      assert.equal(reIssue.status, 409);

      const noReason = await inspectorate.post(`/api/inspection-plans/${ttPlan.id}/adjust`, {
        version: ttPlan.version,
        reason: " ",
      });
      assert.equal(noReason.status, 400);
      assert.equal(noReason.body.field, "reason");
      const adjusting = await inspectorate.post(`/api/inspection-plans/${ttPlan.id}/adjust`, {
        version: ttPlan.version,
        reason:
          "Sở Công Thương đã kiểm tra Công ty TNHH Xăng dầu Cốc Lếu trong năm; đưa cuộc thanh tra ra khỏi kế hoạch.",
      });
      assert.equal(adjusting.status, 200);
      ttPlan = adjusting.body;
      assert.equal(ttPlan.status, "adjusting");
      assert.equal(ttPlan.revision, 1);
      const twice = await inspectorate.post(`/api/inspection-plans/${ttPlan.id}/adjust`, {
        version: ttPlan.version,
        reason: "x",
      });
      assert.equal(twice.status, 409);
    });

    test("an adjustment cancels an item (its occurrences stop counting) and is issued with its own decision; the first version stays readable", async () => {
      const petrol = ttPlan.items[0]!;
      const noReason = await inspectorate.post(`/api/inspection-plans/${ttPlan.id}/items/${petrol.id}/cancel`, {
        planVersion: ttPlan.version,
        version: petrol.version,
        reason: "",
      });
      assert.equal(noReason.status, 400);
      const cancelled = await inspectorate.post(`/api/inspection-plans/${ttPlan.id}/items/${petrol.id}/cancel`, {
        planVersion: ttPlan.version,
        version: petrol.version,
        reason: "Tránh trùng lặp với kiểm tra chuyên ngành của Sở Công Thương",
      });
      assert.equal(cancelled.status, 200, JSON.stringify(cancelled.body));
      ttPlan = cancelled.body;
      assert.equal(ttPlan.items[0]!.cancelled, true);
      const check = await department.post("/api/inspection-plans/overlap-check", {
        planId: sctPlan.id,
        itemId: sctPlan.items[0]!.id,
        subjectIds: [s.petrol!],
        activity: "check",
      });
      assert.deepEqual(check.body.overlaps, [], "the cancelled item no longer overlaps");

      // The adjustment's decision was signed outside the system: its number, date and signer typed.
      const future = await inspectorate.post(`/api/inspection-plans/${ttPlan.id}/issue`, {
        version: ttPlan.version,
        issuedOutside: true,
        decisionNumber: "25/QĐ-TTr",
        issuedOn: "2999-01-01",
        signer,
      });
      assert.equal(future.status, 400);
      assert.equal(future.body.field, "issuedOn");
      const issued = await inspectorate.post(`/api/inspection-plans/${ttPlan.id}/issue`, {
        version: ttPlan.version,
        issuedOutside: true,
        decisionNumber: "25/QĐ-TTr",
        issuedOn: "2026-12-01",
        signer,
      });
      assert.equal(issued.status, 200, JSON.stringify(issued.body));
      ttPlan = issued.body;
      assert.equal(issued.body.versions[1].decisionSymbol, "25/QĐ-TTr");
      assert.equal(issued.body.versions[1].issuedOutside, true);
      assert.equal(issued.body.versions[1].signer, "Lê Văn Hùng, Chánh thanh tra");
      assert.equal(issued.body.versions[1].documentId, null, "no paper drafted");
      assert.deepEqual(
        ttPlan.versions.map((v) => [v.revision, v.status]),
        [
          [0, "superseded"],
          [1, "issued"],
        ],
      );
      assert.notEqual(ttPlan.versions[0]!.decisionSymbol, ttPlan.versions[1]!.decisionSymbol);
      const first = await viewer.get(`/api/inspection-plans/${ttPlan.id}/versions/0`);
      assert.equal(first.status, 403, "a Department viewer does not read the Inspectorate's plan");
      const v0 = await province.get(`/api/inspection-plans/${ttPlan.id}/versions/0`);
      assert.equal(v0.status, 200);
      assert.equal(v0.body.items.length, 2);
      assert.equal(v0.body.items[0].cancelled, false, "as first issued");
      const v1 = await province.get(`/api/inspection-plans/${ttPlan.id}/versions/1`);
      assert.equal(v1.body.items[0].cancelled, true);
      assert.match(v1.body.reason, /Sở Công Thương/);
    });

    test("the public feed lists issued items concerning enterprises, households and individuals; names only for individuals; no state body", async () => {
      const sctNow = (await department.get(`/api/inspection-plans/${sctPlan.id}`)).body as Plan;
      const issued = await department.post(`/api/inspection-plans/${sctPlan.id}/issue`, {
        version: sctNow.version,
        issuedOutside: true,
        decisionNumber: "40/QĐ-SCT",
        issuedOn: "2026-12-01",
        signer: { position: "GIÁM ĐỐC", name: "Nguyễn Văn Thành" },
      });
      assert.equal(issued.status, 200, JSON.stringify(issued.body));

      const anon = t.anonymous();
      const feed = await anon.get(`/api/public/inspection-plans?year=${YEAR}`);
      assert.equal(feed.status, 200, JSON.stringify(feed.body));
      const names = feed.body.items.flatMap((i: { subjects: { name: string }[] }) => i.subjects.map((x) => x.name));
      assert.ok(names.includes("Công ty Cổ phần Chè Bát Xát"));
      assert.ok(names.includes("Ông Sùng A Páo"));
      assert.ok(names.includes("Công ty TNHH Khai khoáng Sa Pa"));
      assert.ok(!names.includes("UBND xã Bắc Hà"), "a state body is not in the enterprises' feed");
      assert.ok(
        !names.includes("Công ty TNHH Xăng dầu Cốc Lếu") ||
          feed.body.items.some((i: { agencyName: string }) => i.agencyName.startsWith("Sở")),
        "the Inspectorate's cancelled item is gone",
      );
      const text = JSON.stringify(feed.body);
      assert.ok(!text.includes("010080054321"), "no personal identification number of an individual");
      assert.ok(!text.includes("010090012345"), "nor a household's personal number");
      const one = await anon.get(`/api/public/inspection-plans?year=${YEAR}&agency=LC.SCT`);
      assert.ok(one.body.items.every((i: { agencyName: string }) => i.agencyName === "Sở Công Thương tỉnh Lào Cai"));
      assert.equal((await anon.get(`/api/public/inspection-plans?year=${YEAR}&agency=KHONG.CO`)).status, 404);
      const csv = await anon.get(`/api/public/inspection-plans.csv?year=${YEAR}`);
      assert.equal(csv.status, 200);
      assert.match(String(csv.body), /Công ty Cổ phần Chè Bát Xát/);
      const xlsx = await anon.get(`/api/public/inspection-plans.xlsx?year=${YEAR}`);
      assert.equal(xlsx.status, 200);
      assert.match(String(xlsx.headers["content-type"]), /spreadsheetml/);
      assert.equal(
        (await anon.get(`/api/inspection-plans?year=${YEAR}`)).status,
        401,
        "the plans themselves need a session",
      );
    });

    test("the province lists every agency's plans; the audit trail has each step", async () => {
      const list = await province.get(`/api/inspection-plans?year=${YEAR}`);
      assert.equal(list.body.items.length, 2);
      const own = await department.get(`/api/inspection-plans?year=${YEAR}`);
      assert.deepEqual(
        own.body.items.map((p: { agencyName: string }) => p.agencyName),
        ["Sở Công Thương tỉnh Lào Cai"],
      );
      const actions = await t.system.database.db
        .selectFrom("audit_event")
        .select("action")
        .where("action", "like", "inspection.%")
        .execute();
      const seen = new Set(actions.map((a) => a.action));
      for (const code of [
        "inspection.plan.created",
        "inspection.plan.item_added",
        "inspection.plan.item_cancelled",
        "inspection.plan.issued",
        "inspection.plan.adjustment_opened",
        "inspection.overlap.resolved",
        "inspection.state_audit.imported",
      ])
        assert.ok(seen.has(code), code);
    });
  });
}
