/**
 * Reports of units not on the system (modules/reports/upload.ts), on both databases: the
 * Department of Industry and Trade (LC.SCT, reporting officer `tonghop`) downloads the blank 02/XLD
 * of its Market Surveillance Branch (LC.SCT.QLTT) for Q1/2026 (15/12/2025–14/03/2026), then Q2/2026, fills it as the
 * branch would (with exceljs), uploads it: accepted, it becomes the branch's report (submitted to
 * the Department), counted in the timeliness panel and accepted like a computed one; the original
 * is downloadable. Wrong sums, text in a number cell, another form, a Word file named .xlsx, a
 * unit outside the Department's reach: refused with the cell addresses, nothing saved.
 *
 * Hand figures: 3 carried over + 7 received = 10 (col 1) = 6 handled (col 16) + 4 in progress
 * (col 22); 7 received = 5 signed by one person + 2 by several.
 */
import assert from "node:assert/strict";
import { receiveMany } from "../src/modules/petitions/intake.ts";
import { SYSTEM_ACTOR } from "../src/platform/audit.ts";
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import ExcelJS from "exceljs";
import { startTestApp, testDatabases, type TestApp, type TestClient } from "../src/testing.ts";

// The branch exists from the 2025 reform: quarters I and II of 2026 (TT 06/2025).
const Q2 = { from: "2025-12-15", to: "2026-03-14" };
const Q3 = { from: "2026-03-15", to: "2026-06-14" };

/** Column number → value for the branch's row (row 9, column C = 1). */
const FIGURES: Record<number, number | string> = {
  1: 10,
  2: 3,
  3: 7,
  4: 6,
  5: 5,
  6: 2,
  7: 8,
  8: 7,
  9: 2,
  16: 6,
  17: 1,
  18: 2,
  19: 3,
  22: 4,
};

function query(params: Record<string, string>) {
  return new URLSearchParams(params).toString();
}

function countFiles(dir: string): number {
  let n = 0;
  try {
    for (const entry of readdirSync(dir)) {
      const full = path.join(dir, entry);
      n += statSync(full).isDirectory() ? countFiles(full) : 1;
    }
  } catch {
    return 0;
  }
  return n;
}

for (const db of testDatabases()) {
  describe(`report upload (${db.kind})`, () => {
    let t: TestApp;
    let tonghop: TestClient;
    let xem: TestClient;
    const agency = new Map<string, string>();
    const storageDir = mkdtempSync(path.join(os.tmpdir(), "minhbach-upload-"));

    before(async () => {
      t = await startTestApp({ db, listen: false, config: { storageDir } });
      for (const a of await t.system.database.db.selectFrom("agency").select(["id", "code"]).execute())
        agency.set(a.code, a.id);
      tonghop = await t.login("tonghop");
      xem = await t.login("xem");
    });
    after(async () => {
      await t?.close();
      rmSync(storageDir, { recursive: true, force: true });
    });

    async function download(url: string, client = tonghop) {
      const res = await t.app.inject({ method: "GET", url, headers: { cookie: `mb_session=${client.session}` } });
      return res;
    }

    async function blank(form: string, unit: string, period: { from: string; to: string }) {
      const res = await download(`/api/reports/blank.xlsx?${query({ form, agencyId: agency.get(unit)!, ...period })}`);
      assert.equal(res.statusCode, 200, res.body);
      return res.rawPayload;
    }

    /** The blank form with the unit's row filled. */
    async function filled(bytes: Buffer, values: Record<number, number | string>) {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
      const sheet = workbook.worksheets.find((s) => s.state === "visible")!;
      for (const [no, value] of Object.entries(values)) sheet.getCell(9, 2 + Number(no)).value = value;
      return Buffer.from(await workbook.xlsx.writeBuffer());
    }

    function upload(bytes: Buffer, extra: Record<string, unknown> = {}, unit = "LC.SCT.QLTT") {
      return tonghop.post("/api/reports/submissions/upload", {
        form: "02/XLD",
        agencyId: agency.get(unit)!,
        ...Q2,
        fileName: "Bieu-02-XLD-QLTT.xlsx",
        contentBase64: bytes.toString("base64"),
        ...extra,
      });
    }

    async function saved() {
      const kdb = t.system.database.db;
      const subs = await kdb
        .selectFrom("report_submission")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow();
      const files = await kdb
        .selectFrom("attachment")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("entity_type", "=", "report_submission")
        .executeTakeFirstOrThrow();
      return { submissions: Number(subs.n), files: Number(files.n), stored: countFiles(storageDir) };
    }

    test("the blank form: the official layout, the unit's row empty, the hidden metadata", async () => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await blank("02/XLD", "LC.SCT.QLTT", Q2)) as unknown as ArrayBuffer);
      const sheet = workbook.getWorksheet("02-XLD")!;
      assert.equal(sheet.getCell(2, 1).value, "TỔNG HỢP KẾT QUẢ TIẾP NHẬN, XỬ LÝ ĐƠN");
      assert.equal(sheet.getCell(8, 3).value, "1");
      assert.equal(sheet.getCell(9, 2).value, "Chi cục Quản lý thị trường");
      assert.equal(sheet.getCell(9, 3).value, null);
      const meta = workbook.getWorksheet("MinhBach")!;
      assert.equal(meta.state, "veryHidden");
      assert.equal(meta.getCell(1, 2).value, "02/XLD");
      assert.equal(meta.getCell(3, 2).value, "LC.SCT.QLTT");
    });

    test("filled and uploaded: checked, recorded as the branch's report, counted, accepted; the original kept", async () => {
      const bytes = await filled(await blank("02/XLD", "LC.SCT.QLTT", Q2), FIGURES);
      const res = await upload(bytes);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.deepEqual(res.body.errors, []);
      assert.equal(res.body.accepted, true);
      const sub = res.body.submission;
      assert.equal(sub.origin, "upload");
      assert.equal(sub.agency.code, "LC.SCT.QLTT");
      // Entered by the superior on the branch's behalf: submitted to it, waiting for its decision.
      assert.equal(sub.status, "submitted");
      assert.equal(sub.canDecide, true);
      assert.equal(sub.snapshot.cells["tong.1"], 10);
      assert.equal(sub.snapshot.cells["tong.22"], 4);
      assert.equal(sub.snapshot.cells["tong.20"], 0);
      assert.equal(sub.snapshot.indicators.petitions_received, 7);
      assert.equal(sub.snapshot.indicators.petitions_carried_over, 3);

      // Counted like a computed report: the Department's timeliness panel sees the branch's report.
      const panel = await tonghop.get(`/api/reports/submissions/timeliness?${query({ form: "02/XLD", ...Q2 })}`);
      assert.equal(panel.status, 200, JSON.stringify(panel.body));
      const branch = panel.body.items.find((i: { agency: { code: string } }) => i.agency.code === "LC.SCT.QLTT");
      assert.equal(branch.submission.id, sub.id);

      const list = await tonghop.get(`/api/reports/submissions?${query({ agencyId: agency.get("LC.SCT.QLTT")! })}`);
      assert.equal(list.body.items[0].origin, "upload");

      // The original, byte for byte, for those who may read the report; audited.
      const original = await download(`/api/reports/submissions/${sub.id}/original.xlsx`);
      assert.equal(original.statusCode, 200);
      assert.ok(Buffer.compare(original.rawPayload, bytes) === 0);
      const stranger = await download(`/api/reports/submissions/${sub.id}/original.xlsx`, await t.login("admin.snnmt"));
      assert.equal(stranger.statusCode, 403);

      const accepted = await tonghop.post(`/api/reports/submissions/${sub.id}/accept`, { version: sub.version });
      assert.equal(accepted.status, 200, JSON.stringify(accepted.body));
      assert.equal(accepted.body.status, "accepted");

      // In the Department's consolidated report the branch's row is its uploaded figure; drilling
      // into it says the figure came from a form and lists no records (there are none here).
      const scope = { agencyId: agency.get("LC.SCT")!, form: "02/XLD", ...Q2, scope: "subtree" };
      const consolidated = await tonghop.get(`/api/reports/compute?${query(scope)}`);
      assert.equal(consolidated.status, 200, JSON.stringify(consolidated.body));
      assert.equal(consolidated.body.cells["LC.SCT.QLTT.3"], 7);
      const drill = await tonghop.get(`/api/reports/drilldown?${query({ ...scope, cell: "LC.SCT.QLTT.3" })}`);
      assert.equal(drill.status, 200, JSON.stringify(drill.body));
      assert.equal(drill.body.total, 0);
      assert.deepEqual(
        drill.body.sources.map((x: { agencyCode: string; kind: string; revision: number }) => [
          x.agencyCode,
          x.kind,
          x.revision,
        ]),
        [["LC.SCT.QLTT", "upload", 1]],
      );

      const audit = await t.system.database.db
        .selectFrom("audit_event")
        .select("action")
        .where("action", "in", [
          "report.upload.accepted",
          "report.upload.original_downloaded",
          "report.blank.downloaded",
        ])
        .execute();
      const actions = new Set(audit.map((a) => a.action));
      assert.ok(actions.has("report.upload.accepted"));
      assert.ok(actions.has("report.upload.original_downloaded"));
      assert.ok(actions.has("report.blank.downloaded"));
    });

    test("a wrong sum and text in a number cell: every error with its cell, nothing saved", async () => {
      const before = await saved();
      const bytes = await filled(await blank("02/XLD", "LC.SCT.QLTT", Q3), {
        ...FIGURES,
        2: 4, // carried over: 4 = the Q2 report's in progress at its end
        1: 12, // 4 + 7 = 11, and 6 + 4 = 10
        5: "năm",
      });
      const res = await upload(bytes, Q3);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal(res.body.accepted, false);
      assert.equal(res.body.submission, null);
      assert.deepEqual(
        res.body.errors.map((e: { message: string }) => e.message),
        [
          "Ô G9 (cột 5): phải là số, đang là 'năm'.",
          "Ô C9 (cột 1): phải bằng tổng cột 2 + cột 3 = 11, đang là 12.",
          "Ô C9 (cột 1): phải bằng tổng cột 16 + cột 22 = 10, đang là 12.",
        ],
      );
      assert.equal(res.body.errors[0].column, "cột 5 — Tiếp nhận: Một người đứng tên");
      assert.deepEqual(await saved(), before);
      const refusal = await t.system.database.db
        .selectFrom("audit_event")
        .select(["summary"])
        .where("action", "=", "report.upload.refused")
        .orderBy("id", "desc")
        .executeTakeFirstOrThrow();
      assert.equal((refusal.summary as { errors: number }).errors, 3);
    });

    test("reconciliation with the previous period's uploaded report", async () => {
      // Q2 (accepted above) ended with 4 in progress: Q3 cannot start with 3 carried over.
      const wrong = await upload(await filled(await blank("02/XLD", "LC.SCT.QLTT", Q3), FIGURES), Q3);
      assert.equal(wrong.body.accepted, false);
      assert.deepEqual(
        wrong.body.errors.map((e: { cell: string }) => e.cell),
        ["D9"],
      );
      assert.match(wrong.body.errors[0].message, /cuối kỳ trước .* = 4, đang là 3/);
      const right = await upload(
        await filled(await blank("02/XLD", "LC.SCT.QLTT", Q3), { ...FIGURES, 1: 11, 2: 4, 16: 7 }),
        Q3,
      );
      assert.equal(right.body.accepted, true, JSON.stringify(right.body.errors));
      assert.equal(right.body.submission.snapshot.reconciliation.holds, true);
    });

    test("re-upload: a new revision with its reason, each original kept with its revision; no reason, nothing saved", async () => {
      // Q3 was uploaded above (submitted): the Department returns it to be sent again.
      const list = await tonghop.get(
        `/api/reports/submissions?${query({ agencyId: agency.get("LC.SCT.QLTT")!, form: "02/XLD" })}`,
      );
      const first = list.body.items.find((i: { from: string }) => i.from === Q3.from);
      assert.equal(first.revision, 1);
      const firstOriginal = (await download(`/api/reports/submissions/${first.id}/original.xlsx`)).rawPayload;
      const returned = await tonghop.post(`/api/reports/submissions/${first.id}/return`, {
        version: first.version,
        reason: "Số liệu cột 7 chưa khớp sổ theo dõi",
      });
      assert.equal(returned.status, 200, JSON.stringify(returned.body));
      assert.equal(returned.body.status, "returned");

      const second = await filled(await blank("02/XLD", "LC.SCT.QLTT", Q3), { ...FIGURES, 1: 11, 2: 4, 16: 7, 7: 9 });
      const before = await saved();
      const noReason = await upload(second, Q3);
      assert.equal(noReason.status, 400, JSON.stringify(noReason.body));
      assert.equal(noReason.body.code, "REPORT_REUPLOAD_REASON_REQUIRED");
      assert.equal(noReason.body.field, "reason");
      assert.deepEqual(await saved(), before);

      const again = await upload(second, { ...Q3, reason: "Đơn vị gửi lại biểu đã sửa cột 7" });
      assert.equal(again.body.accepted, true, JSON.stringify(again.body));
      const sub = again.body.submission;
      assert.equal(sub.revision, 2);
      assert.equal(sub.latest, true);
      assert.equal(sub.status, "submitted");
      assert.equal(sub.correctionReason, "Đơn vị gửi lại biểu đã sửa cột 7");
      assert.equal(sub.snapshot.cells["tong.7"], 9);
      const after = await saved();
      assert.deepEqual(after, {
        submissions: before.submissions + 1,
        files: before.files + 1,
        stored: before.stored + 1,
      });

      // Both originals, each with its revision, byte for byte; the first revision is unchanged.
      const newer = await download(`/api/reports/submissions/${sub.id}/original.xlsx`);
      assert.equal(newer.statusCode, 200);
      assert.ok(Buffer.compare(newer.rawPayload, second) === 0);
      const older = await download(`/api/reports/submissions/${first.id}/original.xlsx`);
      assert.equal(older.statusCode, 200);
      assert.ok(Buffer.compare(older.rawPayload, firstOriginal) === 0);
      assert.ok(Buffer.compare(older.rawPayload, second) !== 0);
      const kept = await tonghop.get(`/api/reports/submissions/${first.id}`);
      assert.equal(kept.body.status, "returned");
      assert.equal(kept.body.latest, false);
      assert.equal(kept.body.snapshot.cells["tong.7"], 8);
      // No file without its revision: every stored original is some revision's.
      const kdb = t.system.database.db;
      const files = await kdb
        .selectFrom("attachment")
        .select(["id", "entity_id"])
        .where("entity_type", "=", "report_submission")
        .execute();
      const originals = await kdb
        .selectFrom("report_submission")
        .select(["id", "original_file_id"])
        .where("original_file_id", "is not", null)
        .execute();
      const held = new Set(originals.map((o) => `${o.id}/${o.original_file_id}`));
      const orphans = files.filter((f) => !held.has(`${f.entity_id}/${f.id}`));
      assert.deepEqual(orphans, []);
    });

    test("not the form: another form's workbook, a Word file named .xlsx, the wrong period", async () => {
      const before = await saved();
      const tcd = await filled(await blank("01/TCD", "LC.SCT.QLTT", Q2), { 1: 1, 3: 1 });
      const other = await upload(tcd);
      assert.equal(other.body.accepted, false);
      assert.deepEqual(
        other.body.errors.map((e: { message: string }) => e.message),
        ["Tệp là biểu số 01/TCD, không phải biểu số 02/XLD."],
      );

      const docx = await download(`/api/reports/narrative.docx?${query({ agencyId: agency.get("LC.SCT")!, ...Q2 })}`);
      assert.equal(docx.statusCode, 200);
      const word = await upload(docx.rawPayload);
      assert.equal(word.body.accepted, false);
      assert.equal(word.body.errors.length, 1);
      assert.equal(word.body.errors[0].cell, null);
      assert.match(word.body.errors[0].message, /Word \(\.docx\)/);

      const q3Form = await filled(await blank("02/XLD", "LC.SCT.QLTT", Q3), FIGURES);
      const period = await upload(q3Form);
      assert.equal(period.body.accepted, false);
      assert.match(period.body.errors[0].message, /không phải kỳ 2025-12-15 – 2026-03-14/);
      assert.deepEqual(await saved(), before);
    });

    test("scope: a unit of another province, a unit not directly below, a viewer", async () => {
      const before = await saved();
      const bytes = await filled(await blank("02/XLD", "LC.SCT.QLTT", Q2), FIGURES);
      const province = await upload(bytes, {}, "TQ.UBND");
      assert.equal(province.status, 403, JSON.stringify(province.body));
      const sibling = await upload(bytes, {}, "LC.SNNMT");
      assert.equal(sibling.status, 403);
      const blankOther = await download(
        `/api/reports/blank.xlsx?${query({ form: "02/XLD", agencyId: agency.get("TQ.UBND")!, ...Q2 })}`,
      );
      assert.equal(blankOther.statusCode, 403);
      const viewer = await xem.post("/api/reports/submissions/upload", {
        form: "02/XLD",
        agencyId: agency.get("LC.SCT.QLTT")!,
        ...Q2,
        fileName: "a.xlsx",
        contentBase64: bytes.toString("base64"),
      });
      assert.equal(viewer.status, 403);
      assert.deepEqual(await saved(), before);
    });

    test("a unit on the system in the period (an account from its start, or records) reports from its records: its form refused", async () => {
      const kdb = t.system.database.db;
      const bytes = await filled(await blank("02/XLD", "LC.SCT.QLTT", Q2), FIGURES);
      const before = await saved();
      const blankStatus = async () =>
        (
          await download(
            `/api/reports/blank.xlsx?${query({ form: "02/XLD", agencyId: agency.get("LC.SCT.QLTT")!, ...Q2 })}`,
          )
        ).statusCode;
      // The branch gets an account after the period started (16/12/2025), and has no records in
      // it: the period is still one it reports on the form.
      await kdb
        .updateTable("app_user")
        .set({ agency_id: agency.get("LC.SCT.QLTT")!, created_at: new Date("2025-12-16T02:00:00Z") })
        .where("username", "=", "pctn")
        .execute();
      const [existing] = await kdb
        .selectFrom("petition")
        .select("id")
        .where("agency_id", "=", agency.get("LC.SCT.QLTT")!)
        .where("received_on", ">=", Q2.from)
        .where("received_on", "<=", Q2.to)
        .execute();
      assert.equal(existing, undefined, "no petition of the branch in the period");
      assert.equal(await blankStatus(), 200, "joined during the period: the form is still taken");
      // On the period's first day (Vietnam time: 15/12/2025 06:00 +07): on the system.
      await kdb
        .updateTable("app_user")
        .set({ created_at: new Date("2025-12-14T23:00:00Z") })
        .where("username", "=", "pctn")
        .execute();
      try {
        const res = await upload(bytes, { reason: "Đơn vị gửi lại" });
        assert.equal(res.status, 409, JSON.stringify(res.body));
        assert.equal(res.body.code, "REPORT_UPLOAD_UNIT_ON_SYSTEM");
        assert.equal(res.body.field, "agencyId");
        assert.match(res.body.message, /^Đơn vị “Chi cục Quản lý thị trường” \(LC\.SCT\.QLTT\) đã dùng hệ thống/);
        const blankRes = await download(
          `/api/reports/blank.xlsx?${query({ form: "02/XLD", agencyId: agency.get("LC.SCT.QLTT")!, ...Q2 })}`,
        );
        assert.equal(blankRes.statusCode, 409);
        assert.deepEqual(await saved(), before);
        // A disabled account does not count: the unit is off the system again.
        await kdb.updateTable("app_user").set({ disabled: true }).where("username", "=", "pctn").execute();
        assert.equal(
          (
            await download(
              `/api/reports/blank.xlsx?${query({ form: "02/XLD", agencyId: agency.get("LC.SCT.QLTT")!, ...Q2 })}`,
            )
          ).statusCode,
          200,
        );
        // An account opened later, but a petition of the branch received in the period: on the system.
        await kdb
          .updateTable("app_user")
          .set({ disabled: false, created_at: new Date("2026-01-10T02:00:00Z") })
          .where("username", "=", "pctn")
          .execute();
        const [letter] = await receiveMany(kdb, SYSTEM_ACTOR, agency.get("LC.SCT.QLTT")!, [
          {
            channel: "post",
            receivedOn: "2026-02-02",
            petitioners: [{ kind: "person", fullName: "Người viết thử", address: "xã Bắc Hà" }],
            anonymous: false,
            impersonated: false,
            respondents: [{ name: "Cửa hàng A" }],
            content: "Đơn phản ánh việc bán hàng không rõ nguồn gốc.",
            language: "vi",
            attachments: [],
          },
        ]);
        await kdb.updateTable("petition").set({ received_on: "2026-02-02" }).where("id", "=", letter!.id).execute();
        assert.equal(await blankStatus(), 409);
      } finally {
        await kdb
          .updateTable("app_user")
          .set({ agency_id: agency.get("LC.SCT")!, disabled: false })
          .where("username", "=", "pctn")
          .execute();
      }
    });
  });
}
