/**
 * Sending a report up (modules/reports/submissions.ts), on both databases: the Department of
 * Industry and Trade (LC.SCT, officer `tonghop`) saves its 02/XLD for Q2/2023 (15/03–14/06/2023),
 * submits it; the province (LC.UBND, its parent, leader `lanhdao.tinh`) returns it with a reason,
 * the Department submits again, the province accepts it. The frozen figures do not move when a
 * petition of the period arrives later, while a fresh computation counts it.
 *
 * Hand count: one petition received on 01/04/2023 before the report is saved → 02/XLD column 3
 * (received in the period) = 1; a second one received on 02/05/2023 after acceptance → fresh = 2.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { receiveMany } from "../src/modules/petitions/intake.ts";
import { SYSTEM_ACTOR } from "../src/platform/audit.ts";
import { startTestApp, testDatabases, type TestApp, type TestClient } from "../src/testing.ts";

const Q2 = { from: "2023-03-15", to: "2023-06-14" };

for (const db of testDatabases()) {
  describe(`report submissions (${db.kind})`, () => {
    let t: TestApp;
    let tonghop: TestClient;
    let lanhdao: TestClient;
    let tinh: TestClient;
    let thanhtra: TestClient;
    const agency = new Map<string, string>();

    async function petition(receivedOn: string, key: string) {
      const kdb = t.system.database.db;
      const [created] = await receiveMany(kdb, SYSTEM_ACTOR, agency.get("LC.SCT")!, [
        {
          channel: "post" as const,
          receivedOn: "2026-03-02",
          petitioners: [{ kind: "person" as const, fullName: `Người viết ${key}`, address: "xã Bắc Hà" }],
          anonymous: false,
          impersonated: false,
          respondents: [{ name: "Cửa hàng xăng dầu Số 2" }],
          content: `Nội dung đơn ${key} về cửa hàng xăng dầu bán thiếu lít.`,
          language: "vi" as const,
          attachments: [],
        },
      ]);
      await kdb.updateTable("petition").set({ received_on: receivedOn }).where("id", "=", created!.id).execute();
    }

    before(async () => {
      t = await startTestApp({ db, listen: false });
      for (const a of await t.system.database.db.selectFrom("agency").select(["id", "code"]).execute())
        agency.set(a.code, a.id);
      await petition("2023-04-01", "P1");
      tonghop = await t.login("tonghop");
      lanhdao = await t.login("lanhdao");
      tinh = await t.login("lanhdao.tinh");
      thanhtra = await t.login("thanhtra");
    });
    after(() => t?.close());

    const body = () => ({ form: "02/XLD", agencyId: agency.get("LC.SCT")!, ...Q2 });

    test("save, submit, return with a reason, submit again, accept; the snapshot stays frozen", async () => {
      const saved = await tonghop.post("/api/reports/submissions", body());
      assert.equal(saved.status, 200, JSON.stringify(saved.body));
      assert.equal(saved.body.status, "draft");
      assert.equal(saved.body.revision, 1);
      assert.equal(saved.body.snapshot.cells["tong.3"], 1);
      assert.equal(saved.body.snapshot.indicators.petitions_received, 1);
      assert.equal(saved.body.snapshot.form, "02/XLD");
      assert.equal(saved.body.snapshot.agency.code, "LC.SCT");
      const id: string = saved.body.id;

      // The province cannot accept a draft; the Department cannot accept its own report.
      const early = await tinh.post(`/api/reports/submissions/${id}/accept`, { version: saved.body.version });
      assert.equal(early.status, 409);
      assert.equal(early.body.code, "REPORT_SUBMISSION_WRONG_STATE");

      const submitted = await tonghop.post(`/api/reports/submissions/${id}/submit`, { version: saved.body.version });
      assert.equal(submitted.status, 200, JSON.stringify(submitted.body));
      assert.equal(submitted.body.status, "submitted");
      assert.equal(submitted.body.submitted.name, "Vũ Thị Lan");

      const selfAccept = await lanhdao.post(`/api/reports/submissions/${id}/accept`, {
        version: submitted.body.version,
      });
      assert.equal(selfAccept.status, 403);
      assert.equal(selfAccept.body.code, "REPORT_SUBMISSION_NOT_SUPERIOR");

      // A return without a reason names the field.
      const noReason = await tinh.post(`/api/reports/submissions/${id}/return`, { version: submitted.body.version });
      assert.equal(noReason.status, 400);
      assert.equal(noReason.body.code, "REPORT_RETURN_REASON_REQUIRED");
      assert.equal(noReason.body.field, "reason");
      assert.match(noReason.body.message, /lý do/);

      // A stale version is refused.
      const stale = await tinh.post(`/api/reports/submissions/${id}/return`, {
        version: saved.body.version,
        reason: "Thiếu số liệu",
      });
      assert.equal(stale.status, 409);
      assert.equal(stale.body.code, "VERSION_CONFLICT");

      const returned = await tinh.post(`/api/reports/submissions/${id}/return`, {
        version: submitted.body.version,
        reason: "Chưa tổng hợp đơn của Chi cục Quản lý thị trường",
      });
      assert.equal(returned.status, 200, JSON.stringify(returned.body));
      assert.equal(returned.body.status, "returned");
      assert.equal(returned.body.returnReason, "Chưa tổng hợp đơn của Chi cục Quản lý thị trường");
      assert.equal(returned.body.returned.name, "Trần Quốc Bảo");

      // The Department takes the snapshot again (same revision), with the subtree this time.
      const retaken = await tonghop.post("/api/reports/submissions", {
        ...body(),
        subtree: true,
        version: returned.body.version,
      });
      assert.equal(retaken.status, 200, JSON.stringify(retaken.body));
      assert.equal(retaken.body.id, id);
      assert.equal(retaken.body.revision, 1);
      assert.equal(retaken.body.status, "draft");
      assert.equal(retaken.body.snapshot.subtree, true);
      assert.equal(retaken.body.snapshot.cells["LC.SCT.3"], 1);

      const again = await tonghop.post(`/api/reports/submissions/${id}/submit`, { version: retaken.body.version });
      assert.equal(again.status, 200, JSON.stringify(again.body));
      const accepted = await tinh.post(`/api/reports/submissions/${id}/accept`, { version: again.body.version });
      assert.equal(accepted.status, 200, JSON.stringify(accepted.body));
      assert.equal(accepted.body.status, "accepted");
      assert.ok(accepted.body.accepted.at);
      const frozen = accepted.body.snapshot;

      // Locked: nothing moves it any more.
      const reReturn = await tinh.post(`/api/reports/submissions/${id}/return`, {
        version: accepted.body.version,
        reason: "Sửa lại",
      });
      assert.equal(reReturn.status, 409);
      assert.equal(reReturn.body.code, "REPORT_SUBMISSION_WRONG_STATE");

      // A petition of the period arrives late: the snapshot is unchanged, a fresh computation counts it.
      await petition("2023-05-02", "P2");
      const after = await tinh.get(`/api/reports/submissions/${id}`);
      assert.equal(after.status, 200);
      assert.deepEqual(after.body.snapshot, frozen);
      assert.equal(after.body.snapshot.cells["tong.3"], 1);
      const fresh = await tonghop.get(
        `/api/reports/compute?form=02/XLD&agencyId=${agency.get("LC.SCT")}&from=${Q2.from}&to=${Q2.to}`,
      );
      assert.equal(fresh.status, 200);
      assert.equal(fresh.body.cells["tong.3"], 2);

      // A correction is a new revision and needs its reason; the accepted one stays.
      const noWhy = await tonghop.post("/api/reports/submissions", body());
      assert.equal(noWhy.status, 400);
      assert.equal(noWhy.body.code, "REPORT_CORRECTION_REASON_REQUIRED");
      assert.equal(noWhy.body.field, "reason");
      const corrected = await tonghop.post("/api/reports/submissions", {
        ...body(),
        reason: "Bổ sung đơn nhận ngày 02/05/2023 vào sổ muộn",
      });
      assert.equal(corrected.status, 200, JSON.stringify(corrected.body));
      assert.equal(corrected.body.revision, 2);
      assert.notEqual(corrected.body.id, id);
      assert.equal(corrected.body.snapshot.cells["tong.3"], 2);
      assert.equal(corrected.body.correctionReason, "Bổ sung đơn nhận ngày 02/05/2023 vào sổ muộn");
      const old = await tonghop.get(`/api/reports/submissions/${id}`);
      assert.equal(old.body.status, "accepted");
      assert.equal(old.body.latest, false);
      assert.deepEqual(old.body.snapshot, frozen);

      // The province lists its unit's revisions; the audit trail has the steps.
      const list = await tinh.get("/api/reports/submissions?form=02/XLD");
      assert.equal(list.status, 200);
      assert.deepEqual(
        list.body.items.map((s: { revision: number; status: string; latest: boolean }) => [
          s.revision,
          s.status,
          s.latest,
        ]),
        [
          [2, "draft", true],
          [1, "accepted", false],
        ],
      );
      const audit = await t.system.database.db
        .selectFrom("audit_event")
        .select("action")
        .where("entity_id", "=", id)
        .orderBy("id")
        .execute();
      assert.deepEqual(
        audit.map((a) => a.action),
        [
          "report.submission.drafted",
          "report.submission.submitted",
          "report.submission.returned",
          "report.submission.drafted",
          "report.submission.submitted",
          "report.submission.accepted",
        ],
      );
    });

    test("bad input and scope: another agency, a leader drafting, an unknown id, no permission", async () => {
      const other = await tonghop.post("/api/reports/submissions", {
        ...body(),
        agencyId: agency.get("LC.SCT.QLTT")!,
        from: "2023-06-15",
        to: "2023-09-14",
      });
      assert.equal(other.status, 403);
      assert.equal(other.body.code, "REPORT_SUBMISSION_NOT_OWN");
      assert.equal(other.body.field, "agencyId");

      const leaderDraft = await lanhdao.post("/api/reports/submissions", {
        ...body(),
        from: "2023-06-15",
        to: "2023-09-14",
      });
      assert.equal(leaderDraft.status, 403);

      const missing = await tinh.get("/api/reports/submissions/00000000-0000-4000-8000-000000000000");
      assert.equal(missing.status, 404);
      assert.equal(missing.body.code, "REPORT_SUBMISSION_NOT_FOUND");

      const noRight = await thanhtra.get("/api/reports/submissions");
      assert.equal(noRight.status, 403);

      const badPeriod = await tonghop.post("/api/reports/submissions", {
        ...body(),
        from: "2023-03-01",
        to: "2023-05-31",
      });
      assert.equal(badPeriod.status, 400);
      assert.equal(badPeriod.body.code, "REPORT_PERIOD_INVALID");
      const none = await t.system.database.db
        .selectFrom("report_submission")
        .select("id")
        .where("period_from", "=", "2023-03-01")
        .execute();
      assert.equal(none.length, 0);
    });
  });
}
