/**
 * The execution of the yearly job rotation plan as dated records (docs/LAW.md §10.2) and the
 * 01/PCTN figures counted from them, on both databases; and the declaration reminders that reach
 * an official at his own record's address when no user has one (docs/LAW.md §10.4).
 *
 * Periods under Thông tư 02/2021/TT-TTCP: Q1/2023 = 15/12/2022 – 14/03/2023,
 * Q2/2023 = 15/03/2023 – 14/06/2023, year 2023 = 15/12/2022 – 14/12/2023.
 *
 * The 2023 rotation plan of the Department of Industry and Trade (LC.SCT), every figure by hand:
 *   R1 Nguyễn Văn Một  accountant   planned 20/03/2023  rotated: decided 25/05, executed 01/06/2023
 *   R2 Trần Thị Hai    accountant   planned 20/03/2023  rotated: decided 10/06, executed 15/06/2023 (Q3)
 *   R3 Lê Văn Ba       inspector    planned 10/03/2023  not rotated on 10/04/2023 (retirement)
 *   R4 Phạm Thị Bốn    inspector    planned 20/03/2023  deferred 01/05/2023 – 30/04/2024 (child < 36 months)
 *   R5 Hoàng Văn Năm   accountant   planned 20/03/2023  nothing yet
 * Q2: planned 4 (R1, R2, R4, R5), done 1 (R1), exempted 1 (R3), deferred 1 (R4).
 * Q1: planned 1 (R3), nothing else.  Year: planned 5, done 2, exempted 1, deferred 1.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { todayInVietnam } from "@minhbach/domain";
import { addDays } from "@minhbach/domain/legal-clock";
import ExcelJS from "exceljs";
import nodemailer from "nodemailer";
import type { MailMessage, MailTransport } from "../src/modules/reminders/mail.ts";
import { runReminderDigest } from "../src/modules/reminders/reminders.ts";
import { insertUser } from "../src/modules/users/service.ts";
import { SYSTEM_ACTOR } from "../src/platform/audit.ts";
import { DEMO_PASSWORD } from "../src/seed/demo.ts";
import { startTestApp, testDatabases, type TestApp, type TestClient } from "../src/testing.ts";
import { docxText } from "./support/zip.ts";

const Q1 = { from: "2022-12-15", to: "2023-03-14" };
const Q2 = { from: "2023-03-15", to: "2023-06-14" };
const YEAR = { from: "2022-12-15", to: "2023-12-14" };

function query(params: Record<string, string | boolean>) {
  return new URLSearchParams(Object.entries(params).map(([k, v]): [string, string] => [k, String(v)])).toString();
}

interface SentMail {
  to: { address: string }[];
  subject: string;
  text: string;
}

async function xlsxOf(rows: string[][]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Cán bộ");
  sheet.addRow(["DANH SÁCH CÁN BỘ"]);
  sheet.addRow([]);
  sheet.addRow([
    "Mã",
    "Họ tên",
    "Đơn vị",
    "Sinh",
    "Ngạch",
    "Hưu",
    "Vị trí",
    "Từ",
    "Đến",
    "Đã kê khai",
    "Năm",
    "Thư",
    "ĐT",
  ]);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString("base64");
}

function capturing(): { transport: MailTransport; sent: SentMail[] } {
  const inner = nodemailer.createTransport({ jsonTransport: true });
  const sent: SentMail[] = [];
  return {
    sent,
    transport: {
      async sendMail(message: MailMessage) {
        const info = await inner.sendMail(message);
        sent.push(JSON.parse(info.message) as SentMail);
        return info;
      },
    },
  };
}

for (const db of testDatabases()) {
  describe(`anticorruption job rotation records and 01/PCTN (${db.kind})`, () => {
    let t: TestApp;
    let officer: TestClient;
    let leader: TestClient;
    let otherOfficer: TestClient;
    let tonghop: TestClient;
    let sct = "";
    const position: Record<string, string> = {};
    const official: Record<string, string> = {};
    const rotation: Record<string, { id: string; version: number }> = {};

    before(async () => {
      t = await startTestApp({ db, listen: false });
      const kdb = t.system.database.db;
      sct = (await kdb.selectFrom("agency").select("id").where("code", "=", "LC.SCT").executeTakeFirstOrThrow()).id;
      const snnmt = (
        await kdb.selectFrom("agency").select("id").where("code", "=", "LC.SNNMT").executeTakeFirstOrThrow()
      ).id;
      await insertUser(kdb, SYSTEM_ACTOR, {
        username: "pctn.snnmt",
        fullName: "Mai Văn Đức",
        agencyId: snnmt,
        roles: ["anticorruption_officer"],
        password: DEMO_PASSWORD,
        mustChangePassword: false,
      });
      officer = await t.login("pctn");
      leader = await t.login("lanhdao");
      otherOfficer = await t.login("pctn.snnmt");
      tonghop = await t.login("tonghop");
      for (const p of (await officer.get("/api/anticorruption/positions")).body.items) position[p.code] = p.id;
      // prettier-ignore
      const people: [string, string, string, string][] = [
        ["R1", "Nguyễn Văn Một", "KE_TOAN", "2019-01-01"],
        ["R2", "Trần Thị Hai", "KE_TOAN", "2019-02-01"],
        ["R3", "Lê Văn Ba", "THANH_TRA_VIEN", "2018-06-01"],
        ["R4", "Phạm Thị Bốn", "THANH_TRA_VIEN", "2020-01-01"],
        ["R5", "Hoàng Văn Năm", "KE_TOAN", "2020-03-01"],
        ["P1", "Vũ Văn Phẳng", "CHUYEN_VIEN", "2015-01-01"],
      ];
      for (const [code, fullName, pos, from] of people) {
        const res = await officer.post("/api/anticorruption/officials", {
          code,
          fullName,
          unitAgencyId: sct,
          positions: [{ positionId: position[pos], from }],
        });
        assert.equal(res.status, 201, JSON.stringify(res.body));
        official[code] = res.body.id;
      }
    });
    after(() => t?.close());

    const plan = (code: string, plannedOn: string, extra: Record<string, unknown> = {}) =>
      officer.post("/api/anticorruption/rotations", {
        officialId: official[code],
        year: 2023,
        plannedOn,
        planReference: "KH 15/KH-SCT",
        ...extra,
      });
    const outcome = (code: string, body: Record<string, unknown>, client: TestClient = officer) =>
      client.post(`/api/anticorruption/rotations/${rotation[code]!.id}/outcome`, {
        version: rotation[code]!.version,
        ...body,
      });
    const keep = (code: string, body: { id: string; version: number }) => {
      rotation[code] = { id: body.id, version: body.version };
    };

    test("the plan: people holding a rotation position, dated the day it was approved; the rest refused with the field named", async () => {
      for (const [code, on] of [
        ["R1", "2023-03-20"],
        ["R2", "2023-03-20"],
        ["R3", "2023-03-10"],
        ["R4", "2023-03-20"],
        ["R5", "2023-03-20"],
      ] as const) {
        const res = await plan(code, on);
        assert.equal(res.status, 201, JSON.stringify(res.body));
        assert.equal(res.body.outcome, "planned");
        keep(code, res.body);
      }
      assert.equal((await plan("R1", "2023-03-20")).body.code, "AC_ROTATION_EXISTS");
      const plain = await plan("P1", "2023-03-20");
      assert.deepEqual(
        [plain.status, plain.body.code, plain.body.field],
        [400, "AC_NOT_ROTATION_POSITION", "officialId"],
      );
      const future = await officer.post("/api/anticorruption/rotations", {
        officialId: official.R1,
        year: 2024,
        plannedOn: addDays(todayInVietnam(), 1),
      });
      assert.deepEqual([future.status, future.body.code, future.body.field], [400, "AC_DATE_IN_FUTURE", "plannedOn"]);
      const badDate = await officer.post("/api/anticorruption/rotations", {
        officialId: official.R1,
        year: 2024,
        plannedOn: "2024-02-30",
      });
      assert.equal(badDate.status, 400);
      assert.equal(badDate.body.field, "plannedOn");
      assert.equal(
        (
          await leader.post("/api/anticorruption/rotations", {
            officialId: official.R1,
            year: 2024,
            plannedOn: "2024-01-05",
          })
        ).status,
        403,
      );
      const foreign = await otherOfficer.post("/api/anticorruption/rotations", {
        officialId: official.R1,
        year: 2024,
        plannedOn: "2024-01-05",
      });
      assert.equal(foreign.status, 403);
      const list = await officer.get("/api/anticorruption/rotations?year=2023");
      assert.equal(list.status, 200);
      assert.deepEqual(list.body.counts, { planned: 5, done: 0, exempted: 0, deferred: 0 });
      assert.equal(
        list.body.items.find((i: { officialCode: string }) => i.officialCode === "R1").fromPositionName,
        "Kế toán viên",
      );
      assert.equal((await otherOfficer.get("/api/anticorruption/rotations?year=2023")).body.items.length, 0);
    });

    test("the plan made public before it is carried out: an execution before the announcement is refused; the announcement recorded and shown", async () => {
      const rotate = {
        outcome: "done",
        toPositionId: position.CHUYEN_VIEN,
        decisionNumber: "120/QĐ-SCT",
        decidedOn: "2023-03-30",
        executedOn: "2023-04-01",
      };
      const early = await outcome("R1", rotate);
      assert.deepEqual([early.status, early.body.code], [409, "AC_ROTATION_PLAN_NOT_ANNOUNCED"]);
      assert.match(early.body.message, /chưa được công khai/);
      const announce = (body: Record<string, unknown>, client: TestClient = officer) =>
        client.put("/api/anticorruption/rotations/announcement", {
          year: 2023,
          announcedOn: "2023-04-05",
          form: "posted",
          place: "Bảng tin tầng 1, trụ sở Sở Công Thương",
          announcedBy: "Văn phòng Sở",
          ...body,
        });
      assert.equal((await announce({}, leader)).status, 403);
      const future = await announce({ announcedOn: addDays(todayInVietnam(), 1) });
      assert.deepEqual([future.status, future.body.code, future.body.field], [400, "AC_DATE_IN_FUTURE", "announcedOn"]);
      const noPlace = await announce({ place: "" });
      assert.deepEqual([noPlace.status, noPlace.body.field], [400, "place"]);
      const ok = await announce({});
      assert.equal(ok.status, 200, JSON.stringify(ok.body));
      assert.deepEqual(ok.body.announcement, {
        announcedOn: "2023-04-05",
        form: "posted",
        place: "Bảng tin tầng 1, trụ sở Sở Công Thương",
        announcedBy: "Văn phòng Sở",
        version: 1,
      });
      // Executed on 01/04, before the plan was made public on 05/04: refused, the field named.
      const before = await outcome("R1", rotate);
      assert.deepEqual(
        [before.status, before.body.code, before.body.field],
        [400, "AC_ROTATION_BEFORE_ANNOUNCEMENT", "executedOn"],
      );
      // A correction needs the version; another agency has no announcement of its own.
      assert.equal((await announce({ announcedOn: "2023-04-03" })).body.code, "VERSION_CONFLICT");
      const corrected = await announce({ announcedOn: "2023-04-03", form: "meeting", version: 1 });
      assert.deepEqual([corrected.body.announcement.form, corrected.body.announcement.version], ["meeting", 2]);
      assert.equal((await otherOfficer.get("/api/anticorruption/rotations?year=2023")).body.announcement, null);
      const rows = await t.system.database.db.selectFrom("ac_rotation").select("outcome").execute();
      assert.ok(
        rows.every((r) => r.outcome === "planned"),
        "nothing executed",
      );
    });

    test("bad outcomes: a deferral without its end, an execution before its decision, the same position — field named, nothing saved", async () => {
      const kdb = t.system.database.db;
      const noEnd = await outcome("R4", {
        outcome: "deferred",
        kind: "child_under_36_months",
        from: "2023-05-01",
        evidence: "Giấy khai sinh của con",
      });
      assert.deepEqual([noEnd.status, noEnd.body.field], [400, "to"]);
      assert.match(noEnd.body.message, /kết thúc tạm hoãn/);
      const order = await outcome("R1", {
        outcome: "done",
        toPositionId: position.CHUYEN_VIEN,
        decisionNumber: "125/QĐ-SCT",
        decidedOn: "2023-05-25",
        executedOn: "2023-05-20",
      });
      assert.deepEqual([order.status, order.body.field], [400, "executedOn"]);
      const missing = await outcome("R1", {
        outcome: "done",
        toPositionId: position.CHUYEN_VIEN,
        executedOn: "2023-06-01",
      });
      assert.equal(missing.status, 400);
      assert.ok(["decisionNumber", "decidedOn"].includes(missing.body.field));
      const same = await outcome("R1", {
        outcome: "done",
        toPositionId: position.KE_TOAN,
        decisionNumber: "125/QĐ-SCT",
        decidedOn: "2023-05-25",
        executedOn: "2023-06-01",
      });
      assert.deepEqual(
        [same.status, same.body.code, same.body.field],
        [400, "AC_ROTATION_SAME_POSITION", "toPositionId"],
      );
      const exemptNoReason = await outcome("R3", { outcome: "exempted", on: "2023-04-10" });
      assert.deepEqual([exemptNoReason.status, exemptNoReason.body.field], [400, "reason"]);
      // A stale version: the position history written in the same transaction is rolled back.
      const stale = await officer.post(`/api/anticorruption/rotations/${rotation.R1!.id}/outcome`, {
        version: rotation.R1!.version + 7,
        outcome: "done",
        toPositionId: position.CHUYEN_VIEN,
        decisionNumber: "125/QĐ-SCT",
        decidedOn: "2023-05-25",
        executedOn: "2023-06-01",
      });
      assert.equal(stale.status, 409);
      const history = await kdb
        .selectFrom("ac_official_position")
        .select(["position_id", "to_date"])
        .where("official_id", "=", official.R1!)
        .execute();
      assert.deepEqual(history, [{ position_id: position.KE_TOAN, to_date: null }]);
      assert.equal(
        (await kdb.selectFrom("ac_rotation_deferral").select("id").where("official_id", "=", official.R4!).execute())
          .length,
        0,
      );
      const rows = await kdb.selectFrom("ac_rotation").select("outcome").execute();
      assert.ok(rows.every((r) => r.outcome === "planned"));
      assert.equal((await outcome("R1", { outcome: "exempted", on: "2023-04-10", reason: "x" }, leader)).status, 403);
      assert.equal(
        (await outcome("R1", { outcome: "exempted", on: "2023-04-10", reason: "x" }, otherOfficer)).status,
        403,
      );
    });

    test("outcomes: rotated (history moves, the clock restarts), not rotated, deferred (the due list shows it); once only", async () => {
      const done1 = await outcome("R1", {
        outcome: "done",
        toPositionId: position.CHUYEN_VIEN,
        decisionNumber: "125/QĐ-SCT",
        decidedOn: "2023-05-25",
        executedOn: "2023-06-01",
      });
      assert.equal(done1.status, 200, JSON.stringify(done1.body));
      assert.deepEqual(
        [done1.body.outcome, done1.body.outcomeOn, done1.body.toPositionName, done1.body.decisionNumber],
        ["done", "2023-06-01", "Chuyên viên (công chức)", "125/QĐ-SCT"],
      );
      const r1 = await officer.get(`/api/anticorruption/officials/${official.R1}`);
      assert.deepEqual(
        r1.body.positions.map((p: { positionName: string; from: string; to: string | null }) => [
          p.positionName,
          p.from,
          p.to,
        ]),
        [
          ["Kế toán viên", "2019-01-01", "2023-05-31"],
          ["Chuyên viên (công chức)", "2023-06-01", null],
        ],
      );
      const done2 = await outcome("R2", {
        outcome: "done",
        toPositionId: position.THANH_TRA_VIEN,
        decisionNumber: "140/QĐ-SCT",
        decidedOn: "2023-06-10",
        executedOn: "2023-06-15",
      });
      assert.equal(done2.status, 200, JSON.stringify(done2.body));
      // R2 now an inspector from 15/06/2023: a fresh clock, not due before 15/06/2025.
      const r2 = (await officer.get("/api/anticorruption/rotation?on=2024-06-15")).body.items.find(
        (i: { officialCode: string }) => i.officialCode === "R2",
      );
      assert.deepEqual([r2.positionName, r2.status, r2.dueFrom], ["Thanh tra viên", "not_due", "2025-06-15"]);
      const exempted = await outcome("R3", {
        outcome: "exempted",
        on: "2023-04-10",
        reason: "Còn dưới 18 tháng đến tuổi nghỉ hưu (Điều 38 Nghị định 59/2019/NĐ-CP)",
      });
      assert.equal(exempted.status, 200, JSON.stringify(exempted.body));
      const deferred = await outcome("R4", {
        outcome: "deferred",
        kind: "child_under_36_months",
        from: "2023-05-01",
        to: "2024-04-30",
        evidence: "Giấy khai sinh của con sinh ngày 01/05/2022",
      });
      assert.equal(deferred.status, 200, JSON.stringify(deferred.body));
      assert.deepEqual(deferred.body.deferral, { kind: "child_under_36_months", from: "2023-05-01", to: "2024-04-30" });
      const r4 = async (on: string) =>
        (await officer.get(`/api/anticorruption/rotation?on=${on}`)).body.items.find(
          (i: { officialCode: string }) => i.officialCode === "R4",
        ).status;
      assert.equal(await r4("2024-04-30"), "deferred");
      // The day after the deferral the clock applies again: 52 months as an inspector, over the 36.
      assert.equal(await r4("2024-05-01"), "over_max");
      const again = await officer.post(`/api/anticorruption/rotations/${rotation.R3!.id}/outcome`, {
        version: exempted.body.version,
        outcome: "exempted",
        on: "2023-04-11",
        reason: "Lần hai",
      });
      assert.equal(again.body.code, "AC_ROTATION_CLOSED");
      const list = await officer.get("/api/anticorruption/rotations?year=2023");
      assert.deepEqual(list.body.counts, { planned: 5, done: 2, exempted: 1, deferred: 1 });
      const audit = await t.system.database.db
        .selectFrom("audit_event")
        .select("action")
        .where("action", "in", ["anticorruption.rotation.planned", "anticorruption.rotation.recorded"])
        .execute();
      assert.equal(audit.filter((a) => a.action === "anticorruption.rotation.planned").length, 5);
      assert.equal(audit.filter((a) => a.action === "anticorruption.rotation.recorded").length, 4);
    });

    const compute = (params: Record<string, string | boolean>) =>
      tonghop.get(`/api/reports/compute?${query({ agencyId: sct, form: "01/PCTN", ...params })}`);
    const drill = (params: Record<string, string | boolean>) =>
      tonghop.get(`/api/reports/drilldown?${query({ agencyId: sct, form: "01/PCTN", ...params })}`);
    const rotationCells = (cells: Record<string, number>) => [26, 27, 28, 29].map((c) => cells[`tong.${c}`]);

    test("01/PCTN counts the rotations by the date of each event, as counted by hand", async () => {
      const q2 = await compute(Q2);
      assert.equal(q2.status, 200, JSON.stringify(q2.body));
      assert.deepEqual(rotationCells(q2.body.cells), [4, 1, 1, 1]);
      assert.deepEqual(rotationCells((await compute(Q1)).body.cells), [1, 0, 0, 0]);
      assert.deepEqual(rotationCells((await compute(YEAR)).body.cells), [5, 2, 1, 1]);
    });

    test("the narrative draft tells the same rotation figures as 01/PCTN", async () => {
      const narrative = async (period: { from: string; to: string }) => {
        const res = await t.app.inject({
          method: "GET",
          url: `/api/reports/narrative.docx?${query({ agencyId: sct, ...period })}`,
          headers: { cookie: `mb_session=${tonghop.session}` },
        });
        assert.equal(res.statusCode, 200, res.body);
        return docxText(res.rawPayload);
      };
      assert.ok(
        (await narrative(Q2)).includes(
          "Chuyển đổi vị trí công tác: đưa 04 người vào kế hoạch chuyển đổi; đã chuyển đổi 01 người, không chuyển đổi 01 người (dưới 18 tháng đến tuổi nghỉ hưu hoặc lý do khác), tạm hoãn 01 người.",
        ),
      );
      assert.ok((await narrative(YEAR)).includes("đưa 05 người vào kế hoạch chuyển đổi; đã chuyển đổi 02 người"));
    });

    test("the drill-down lists people by name and outcome, never a reason or a declaration", async () => {
      const done = await drill({ ...Q2, cell: "tong.27" });
      assert.equal(done.status, 200, JSON.stringify(done.body));
      assert.deepEqual(
        done.body.items.map((i: { title: string; state: string; date: string; code: string }) => [
          i.title,
          i.state,
          i.date,
          i.code,
        ]),
        [["Nguyễn Văn Một", "Đã chuyển đổi", "2023-06-01", "KH 2023"]],
      );
      const planned = await drill({ ...Q2, cell: "tong.26" });
      assert.deepEqual(planned.body.items.map((i: { title: string; state: string }) => [i.title, i.state]).sort(), [
        ["Hoàng Văn Năm", "Trong kế hoạch, chưa thực hiện"],
        ["Nguyễn Văn Một", "Đã chuyển đổi"],
        ["Phạm Thị Bốn", "Tạm hoãn chuyển đổi"],
        ["Trần Thị Hai", "Đã chuyển đổi"],
      ]);
      const deferred = await drill({ ...Q2, cell: "tong.29" });
      assert.deepEqual(
        deferred.body.items.map((i: { title: string }) => i.title),
        ["Phạm Thị Bốn"],
      );
      assert.doesNotMatch(JSON.stringify(deferred.body), /Giấy khai sinh|nghỉ hưu/);
      const exempted = await drill({ ...Q2, cell: "tong.28" });
      assert.deepEqual(
        exempted.body.items.map((i: { title: string; state: string }) => [i.title, i.state]),
        [["Lê Văn Ba", "Không thực hiện chuyển đổi"]],
      );
      assert.doesNotMatch(JSON.stringify(exempted.body), /Điều 38/);
    });
  });

  describe(`declaration reminders at an official's own address (${db.kind})`, () => {
    let t: TestApp;
    let officer: TestClient;
    let campaign: { id: string; items: { id: string; officialCode: string; dueOn: string }[] };
    const OWN_MAIL = "sau.dt@sct.laocai.gov.vn";
    const USER_MAIL = "bao.lv@sct.laocai.gov.vn";
    const SECOND_MAIL = "bao.rieng@example.vn";
    const year = Number(todayInVietnam().slice(0, 4));

    before(async () => {
      t = await startTestApp({ db, listen: false });
      officer = await t.login("pctn");
      const admin = await t.login("admin");
      const xemId = (await (await t.login("xem")).get("/api/auth/me")).body.user.id;
      const detail = await admin.get(`/api/users/${xemId}`);
      assert.equal(
        (await admin.patch(`/api/users/${xemId}`, { version: detail.body.version, email: USER_MAIL })).status,
        200,
      );
      const kdb = t.system.database.db;
      const unit = (
        await kdb.selectFrom("agency").select("id").where("code", "=", "LC.SCT.VP").executeTakeFirstOrThrow()
      ).id;
      const accountant = (await officer.get("/api/anticorruption/positions")).body.items.find(
        (p: { code: string }) => p.code === "KE_TOAN",
      ).id;
      const bad = await officer.post("/api/anticorruption/officials", {
        code: "EM-0",
        fullName: "Sai Địa Chỉ",
        unitAgencyId: unit,
        email: "không-phải-thư",
        positions: [{ positionId: accountant, from: "2015-03-01" }],
      });
      assert.deepEqual([bad.status, bad.body.field], [400, "email"]);
      for (const p of [
        // No user of the system, an address of her own: reminded there.
        { code: "EM-1", fullName: "Đỗ Thị Sáu", email: OWN_MAIL, phone: "0214 3822 456" },
        // No user and no address: nobody to mail.
        { code: "EM-2", fullName: "Hà Thị Mai" },
        // The user "xem" with an address, and one on the record too: one digest, at the user's.
        { code: "EM-3", fullName: "Lê Văn Bảo", userId: xemId, email: SECOND_MAIL },
      ]) {
        const res = await officer.post("/api/anticorruption/officials", {
          ...p,
          unitAgencyId: unit,
          positions: [{ positionId: accountant, from: "2015-03-01" }],
          declaredBefore: true,
        });
        assert.equal(res.status, 201, JSON.stringify(res.body));
        if (p.code === "EM-1") assert.deepEqual([res.body.email, res.body.phone], [OWN_MAIL, "0214 3822 456"]);
      }
      const opened = await officer.post("/api/anticorruption/campaigns", { year });
      assert.equal(opened.status, 201, JSON.stringify(opened.body));
      campaign = opened.body;
    });
    after(() => t?.close());

    test("the Excel import takes an official's e-mail and phone; a bad address is refused on its row", async () => {
      const row = (email: string) => [
        "EM-9",
        "Ngô Văn Chín",
        "LC.SCT.VP",
        "",
        "",
        "",
        "KE_TOAN",
        "01/03/2015",
        "",
        "Có",
        "",
        email,
        "0912 345 678",
      ];
      const bad = await officer.post("/api/anticorruption/officials/import", {
        fileName: "can-bo.xlsx",
        contentBase64: await xlsxOf([row("chin-at-sct")]),
        dryRun: false,
      });
      assert.equal(bad.status, 200, JSON.stringify(bad.body));
      assert.equal(bad.body.saved, false);
      assert.deepEqual(
        bad.body.refused.map((r: { row: number; field: string }) => [r.row, r.field]),
        [[4, "Thư điện tử"]],
      );
      const good = await officer.post("/api/anticorruption/officials/import", {
        fileName: "can-bo.xlsx",
        contentBase64: await xlsxOf([row("chin.nv@sct.laocai.gov.vn")]),
        dryRun: false,
      });
      assert.equal(good.body.saved, true, JSON.stringify(good.body));
      const id = (await officer.get("/api/anticorruption/officials?q=EM-9")).body.items[0].id;
      const detail = (await officer.get(`/api/anticorruption/officials/${id}`)).body;
      assert.deepEqual([detail.email, detail.phone], ["chin.nv@sct.laocai.gov.vn", "0912 345 678"]);
    });

    test("an official with no user is reminded at his record's address, once a day, name and status only", async () => {
      const kdb = t.system.database.db;
      const due = campaign.items.find((i) => i.officialCode === "EM-1")!.dueOn;
      const early = capturing();
      await runReminderDigest(kdb, early.transport, addDays(due, -16));
      assert.ok(!early.sent.some((m) => m.to.some((a) => a.address === OWN_MAIL)));

      const day = addDays(due, -15);
      const { transport, sent } = capturing();
      const result = await runReminderDigest(kdb, transport, day);
      const own = result.digests.find((d) => d.email === OWN_MAIL)!;
      assert.deepEqual([own.status, own.userId, own.username, own.declarations], ["sent", null, "EM-1", 1]);
      const mail = sent.find((m) => m.to.some((a) => a.address === OWN_MAIL))!;
      assert.match(mail.text, /Kính gửi: .*Đỗ Thị Sáu/);
      assert.match(mail.text, new RegExp(`Kê khai hằng năm năm ${year} — Chưa nộp`));
      // The official linked to a user with an address gets the user's digest only.
      assert.ok(sent.some((m) => m.to.some((a) => a.address === USER_MAIL)));
      assert.ok(!sent.some((m) => m.to.some((a) => a.address === SECOND_MAIL)));
      assert.ok(!JSON.stringify(sent).includes("Hà Thị Mai"));
      assert.equal(sent.length, 2);
      const reminders = await kdb
        .selectFrom("ac_obligation as b")
        .innerJoin("ac_official as o", "o.id", "b.official_id")
        .select(["o.code", "b.reminders"])
        .where("b.campaign_id", "=", campaign.id)
        .orderBy("o.code")
        .execute();
      assert.deepEqual(
        reminders.map((r) => [r.code, r.reminders]),
        [
          ["EM-1", 1],
          ["EM-2", 0],
          ["EM-3", 1],
        ],
      );
      const audit = await kdb
        .selectFrom("audit_event")
        .select(["entity_type", "summary"])
        .where("action", "=", "reminder.mailed")
        .where("entity_type", "=", "ac_official")
        .execute();
      assert.equal(audit.length, 1);
      assert.ok(!JSON.stringify(audit).includes("Đỗ Thị Sáu"));

      const again = capturing();
      const second = await runReminderDigest(kdb, again.transport, day);
      assert.equal(second.digests.find((d) => d.email === OWN_MAIL)!.status, "already_sent");
      assert.ok(!again.sent.some((m) => m.to.some((a) => a.address === OWN_MAIL)));
    });
  });
}
