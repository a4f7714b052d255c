/**
 * The records the PCTN forms count, through the HTTP API on both databases (docs/LAW.md §10.3):
 * corruption cases (02/PCTN) with persons from the registry, damage and recoveries in đồng,
 * transfer to an investigation body, list filters and totals, the .xlsx list, audit; the
 * registers of loophole documents (03/PCTN), prevention documents, gifts handed in and
 * training sessions. Bad input names the field and saves nothing; another agency's officer and
 * a leader (read-only) are refused.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import ExcelJS from "exceljs";
import { addDays } from "@minhbach/domain/calendar/iso-date";
import { todayInVietnam } from "@minhbach/domain";
import { SYSTEM_ACTOR } from "../src/platform/audit.ts";
import { insertUser } from "../src/modules/users/service.ts";
import { DEMO_PASSWORD } from "../src/seed/demo.ts";
import { startTestApp, testDatabases, type TestApp, type TestClient } from "../src/testing.ts";

for (const db of testDatabases()) {
  describe(`anticorruption records (${db.kind})`, () => {
    let t: TestApp;
    let officer: TestClient;
    let leader: TestClient;
    let otherOfficer: TestClient;
    const agency: Record<string, string> = {};
    let officialId = "";
    let otherOfficialId = "";
    let caseId = "";

    const caseBody = () => ({
      name: "Nhận hối lộ trong cấp giấy chứng nhận đủ điều kiện kinh doanh",
      concernedAgencyId: agency["LC.SCT.QLTT"],
      concernedName: "Đội Quản lý thị trường số 2",
      handlingBody: "Sở Công Thương tỉnh Lào Cai",
      summary: "Công chức nhận tiền của cơ sở kinh doanh để bỏ qua vi phạm.",
      detectedOn: "2026-03-10",
      channel: "self_inspection",
      damageMoney: 1_250_000_000,
      recoveredMoney: 300_000_000,
      transferredOn: "2026-04-02",
      transferredTo: "Cơ quan Cảnh sát điều tra Công an tỉnh Lào Cai",
      headsResponsible: 1,
      persons: [
        {
          officialId,
          fullName: "Phan Văn An",
          jobTitle: "Kiểm soát viên thị trường",
          handling: "criminal",
          handledOn: "2026-04-02",
        },
        {
          fullName: "Vũ Đình Hải",
          jobTitle: "Đội trưởng",
          handling: "discipline",
          disciplineForm: "Cách chức",
          handledOn: "2026-05-15",
          isHead: true,
        },
      ],
    });

    before(async () => {
      t = await startTestApp({ db, listen: false });
      const kdb = t.system.database.db;
      for (const r of await kdb.selectFrom("agency").select(["id", "code"]).execute()) agency[r.code] = r.id;
      await insertUser(kdb, SYSTEM_ACTOR, {
        username: "pctn.snnmt",
        fullName: "Mai Văn Đức",
        agencyId: agency["LC.SNNMT"]!,
        roles: ["anticorruption_officer"],
        password: DEMO_PASSWORD,
        mustChangePassword: false,
      });
      officer = await t.login("pctn");
      leader = await t.login("lanhdao");
      otherOfficer = await t.login("pctn.snnmt");
      const mine = await officer.post("/api/anticorruption/officials", {
        code: "CB-A",
        fullName: "Phan Văn An",
        unitAgencyId: agency["LC.SCT.QLTT"],
      });
      assert.equal(mine.status, 201, JSON.stringify(mine.body));
      officialId = mine.body.id;
      const theirs = await otherOfficer.post("/api/anticorruption/officials", {
        code: "CB-Z",
        fullName: "Lò Văn Zính",
        unitAgencyId: agency["LC.SNNMT"],
      });
      assert.equal(theirs.status, 201, JSON.stringify(theirs.body));
      otherOfficialId = theirs.body.id;
    });
    after(() => t.close());

    const caseCount = () =>
      t.system.database.db
        .selectFrom("ac_corruption_case")
        .select((eb) => eb.fn.countAll<string>().as("n"))
        .executeTakeFirstOrThrow()
        .then((r) => Number(r.n));

    test("a corruption case is recorded with its persons, amounts in đồng and the transfer; the trail says so", async () => {
      const res = await officer.post("/api/anticorruption/corruption-cases", caseBody());
      assert.equal(res.status, 201, JSON.stringify(res.body));
      caseId = res.body.id;
      assert.equal(res.body.damageMoney, 1_250_000_000);
      assert.equal(res.body.recoveredMoney, 300_000_000);
      assert.equal(res.body.transferredOn, "2026-04-02");
      assert.equal(res.body.agencyId, agency["LC.SCT"]);
      assert.deepEqual(
        res.body.persons.map(
          (p: { fullName: string; officialId: string | null; handling: string; isHead: boolean }) => [
            p.fullName,
            p.officialId,
            p.handling,
            p.isHead,
          ],
        ),
        [
          ["Phan Văn An", officialId, "criminal", false],
          ["Vũ Đình Hải", null, "discipline", true],
        ],
      );
      const got = await officer.get(`/api/anticorruption/corruption-cases/${caseId}`);
      assert.equal(got.status, 200);
      assert.equal(got.body.persons[1].disciplineForm, "Cách chức");
      const events = await t.system.database.db
        .selectFrom("audit_event")
        .select(["action", "summary"])
        .where("entity_id", "=", caseId)
        .execute();
      assert.deepEqual(
        events.map((e) => e.action),
        ["anticorruption.case.created"],
      );
      const summary = events[0]!.summary as Record<string, unknown>;
      assert.equal(summary.damage, "1.250.000.000 đồng");
      assert.equal(summary.persons, 2);
    });

    test("bad input names the field and saves nothing", async () => {
      const before = await caseCount();
      const cases: [Record<string, unknown>, string][] = [
        [{ damageMoney: "1,25 tỷ" }, "damageMoney"],
        [{ damageMoney: 1_000.5 }, "damageMoney"],
        [{ recoveredMoney: 2_000_000_000 }, "recoveredMoney"],
        [{ transferredTo: null }, "transferredTo"],
        [{ transferredOn: null }, "transferredOn"],
        [{ transferredOn: "2026-03-01" }, "transferredOn"],
        [{ detectedOn: addDays(todayInVietnam(), 1), transferredOn: null, transferredTo: null }, "detectedOn"],
        [{ channel: "rumour" }, "channel"],
        [{ inspectionId: "0f3c7a60-0000-4000-8000-000000000001" }, "inspectionId"],
        [{ persons: [{ fullName: "Vũ Đình Hải", handling: "discipline" }] }, "persons.0.disciplineForm"],
        [
          { persons: [{ officialId: otherOfficialId, fullName: "Lò Văn Zính", handling: "pending" }] },
          "persons.0.officialId",
        ],
        [{ channel: "denunciation", resolutionCaseId: "0f3c7a60-0000-4000-8000-000000000002" }, "resolutionCaseId"],
      ];
      for (const [patch, field] of cases) {
        const res = await officer.post("/api/anticorruption/corruption-cases", { ...caseBody(), ...patch });
        assert.ok(res.status === 400 || res.status === 404, `${field}: ${res.status}`);
        assert.equal(res.body.field, field, JSON.stringify(res.body));
        assert.match(res.body.message, /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i);
      }
      assert.equal(await caseCount(), before);
    });

    test("a leader reads but may not record; another agency's officer neither reads nor lists", async () => {
      assert.equal((await leader.get(`/api/anticorruption/corruption-cases/${caseId}`)).status, 200);
      assert.equal((await leader.post("/api/anticorruption/corruption-cases", caseBody())).status, 403);
      assert.equal((await otherOfficer.get(`/api/anticorruption/corruption-cases/${caseId}`)).status, 403);
      const theirs = await otherOfficer.get("/api/anticorruption/corruption-cases");
      assert.equal(theirs.body.total, 0);
      const put = await otherOfficer.put(`/api/anticorruption/corruption-cases/${caseId}`, {
        version: 1,
        case: caseBody(),
      });
      assert.equal(put.status, 403);
    });

    test("handling is updated with the version; a stale version is refused", async () => {
      const body = { ...caseBody(), recoveredMoney: 1_250_000_000, damageLandM2: 120.5, recoveredLandM2: 120.5 };
      const res = await officer.put(`/api/anticorruption/corruption-cases/${caseId}`, { version: 1, case: body });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal(res.body.version, 2);
      assert.equal(res.body.recoveredMoney, 1_250_000_000);
      assert.equal(res.body.recoveredLandM2, 120.5);
      const stale = await officer.put(`/api/anticorruption/corruption-cases/${caseId}`, { version: 1, case: body });
      assert.equal(stale.status, 409);
      const bad = await officer.put(`/api/anticorruption/corruption-cases/${caseId}`, {
        version: 2,
        case: { ...body, persons: [{ fullName: "", handling: "none" }] },
      });
      assert.deepEqual([bad.status, bad.body.field], [400, "case.persons.0.fullName"]);
      assert.equal((await officer.get(`/api/anticorruption/corruption-cases/${caseId}`)).body.persons.length, 2);
    });

    test("the list filters by period, channel and transfer, with totals; the .xlsx list holds the rows", async () => {
      const second = await officer.post("/api/anticorruption/corruption-cases", {
        ...caseBody(),
        name: "Tham ô tài sản tại Trung tâm Khuyến công",
        concernedName: "Trung tâm Khuyến công",
        detectedOn: "2026-07-20",
        channel: "inspection",
        damageMoney: 80_000_000,
        recoveredMoney: 0,
        transferredOn: null,
        transferredTo: null,
        headsResponsible: 0,
        persons: [{ fullName: "Hà Thị Lan", handling: "pending" }],
      });
      assert.equal(second.status, 201, JSON.stringify(second.body));
      const all = await officer.get("/api/anticorruption/corruption-cases");
      assert.equal(all.body.total, 2);
      assert.deepEqual(all.body.totals, {
        cases: 2,
        persons: 3,
        damageMoney: 1_330_000_000,
        recoveredMoney: 1_250_000_000,
        transferredCases: 1,
      });
      assert.deepEqual(
        all.body.items.map((i: { detectedOn: string }) => i.detectedOn),
        ["2026-07-20", "2026-03-10"],
      );
      const firstHalf = await officer.get("/api/anticorruption/corruption-cases?from=2026-01-01&to=2026-06-30");
      assert.deepEqual(
        firstHalf.body.items.map((i: { name: string }) => i.name),
        ["Nhận hối lộ trong cấp giấy chứng nhận đủ điều kiện kinh doanh"],
      );
      const byChannel = await officer.get("/api/anticorruption/corruption-cases?channel=inspection");
      assert.equal(byChannel.body.totals.damageMoney, 80_000_000);
      const notTransferred = await officer.get("/api/anticorruption/corruption-cases?transferred=no");
      assert.deepEqual(
        notTransferred.body.items.map((i: { concernedName: string }) => i.concernedName),
        ["Trung tâm Khuyến công"],
      );
      const badPeriod = await officer.get("/api/anticorruption/corruption-cases?from=2026-06-30&to=2026-01-01");
      assert.deepEqual([badPeriod.status, badPeriod.body.field], [400, "to"]);

      const file = await t.app.inject({
        method: "GET",
        url: "/api/anticorruption/corruption-cases/export?from=2026-01-01&to=2026-12-31",
        headers: { cookie: `mb_session=${officer.session}` },
      });
      assert.equal(file.statusCode, 200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
      const cells = workbook.worksheets[0]!.getSheetValues().flat().map(String).join("|");
      assert.ok(cells.includes("DANH SÁCH VỤ VIỆC THAM NHŨNG ĐƯỢC PHÁT HIỆN"));
      assert.ok(cells.includes("Phát hiện từ ngày 01/01/2026 đến ngày 31/12/2026"));
      assert.ok(cells.includes("1.250.000.000"));
      assert.ok(cells.includes("Vũ Đình Hải (Đội trưởng): Xử lý kỷ luật — Cách chức"));
      assert.ok(cells.includes("02/04/2026, Cơ quan Cảnh sát điều tra Công an tỉnh Lào Cai"));
      assert.ok(cells.includes("Qua hoạt động thanh tra"));
      const exported = await t.system.database.db
        .selectFrom("audit_event")
        .select("summary")
        .where("action", "=", "anticorruption.cases.exported")
        .executeTakeFirstOrThrow();
      assert.equal((exported.summary as { rows: number }).rows, 2);
    });

    test("loophole documents (03/PCTN): found, then remedied; the remedy is required with its date", async () => {
      const body = {
        title: "Quy chế cấp phép kinh doanh hóa chất",
        numberSymbol: "12/QĐ-SCT",
        issuedOn: "2023-05-04",
        issuingBody: "Sở Công Thương",
        loophole: "Không quy định thời hạn thẩm định hồ sơ, để công chức kéo dài tùy ý.",
        foundOn: "2026-03-15",
        notRemediedReason: "Đang lấy ý kiến dự thảo sửa đổi.",
      };
      const res = await officer.post("/api/anticorruption/loophole-documents", body);
      assert.equal(res.status, 201, JSON.stringify(res.body));
      const noRemedy = await officer.put(`/api/anticorruption/loophole-documents/${res.body.id}`, {
        version: 1,
        document: { ...body, notRemediedReason: null, remediedOn: "2026-06-01" },
      });
      assert.deepEqual([noRemedy.status, noRemedy.body.field], [400, "document.remedy"]);
      const early = await officer.post("/api/anticorruption/loophole-documents", { ...body, foundOn: "2023-01-01" });
      assert.deepEqual([early.status, early.body.field], [400, "foundOn"]);
      const fixed = await officer.put(`/api/anticorruption/loophole-documents/${res.body.id}`, {
        version: 1,
        document: {
          ...body,
          notRemediedReason: null,
          remediedOn: "2026-06-01",
          remedy: "Ban hành Quyết định 30/QĐ-SCT quy định thời hạn 10 ngày làm việc.",
        },
      });
      assert.equal(fixed.status, 200, JSON.stringify(fixed.body));
      assert.deepEqual(
        [fixed.body.remediedOn, fixed.body.notRemediedReason, fixed.body.version],
        ["2026-06-01", null, 2],
      );
      const list = await officer.get("/api/anticorruption/loophole-documents?from=2026-01-01&to=2026-12-31");
      assert.equal(list.body.total, 1);
      assert.equal((await otherOfficer.get("/api/anticorruption/loophole-documents")).body.total, 0);
      assert.equal((await leader.post("/api/anticorruption/loophole-documents", body)).status, 403);
    });

    test("prevention documents, gifts and training are counted per period; bad figures are refused", async () => {
      const docs = [
        {
          kind: "rule",
          action: "issued",
          numberSymbol: "05/QC-SCT",
          title: "Quy chế tiếp nhận quà tặng",
          issuedOn: "2026-02-10",
        },
        { kind: "plan", action: "issued", title: "Kế hoạch phòng, chống tham nhũng năm 2026", issuedOn: "2026-01-05" },
        { kind: "rule", action: "amended", title: "Sửa đổi quy chế chi tiêu nội bộ", issuedOn: "2025-12-20" },
      ];
      for (const d of docs)
        assert.equal((await officer.post("/api/anticorruption/prevention-documents", d)).status, 201);
      const in2026 = await officer.get("/api/anticorruption/prevention-documents?from=2026-01-01&to=2026-12-31");
      assert.deepEqual(
        in2026.body.items.map((d: { title: string }) => d.title),
        ["Quy chế tiếp nhận quà tặng", "Kế hoạch phòng, chống tham nhũng năm 2026"],
      );

      const gift = await officer.post("/api/anticorruption/gifts", {
        officialId,
        fullName: "Phan Văn An",
        handedOn: "2026-02-12",
        description: "Phong bì tiền mặt dịp Tết",
        value: 5_000_000,
        handling: "Nộp vào tài khoản tạm giữ của Sở",
      });
      assert.equal(gift.status, 201, JSON.stringify(gift.body));
      assert.equal(gift.body.value, 5_000_000);
      const foreign = await officer.post("/api/anticorruption/gifts", {
        officialId: otherOfficialId,
        fullName: "Lò Văn Zính",
        handedOn: "2026-02-12",
        description: "Giỏ quà",
        value: 0,
      });
      assert.deepEqual([foreign.status, foreign.body.field], [404, "officialId"]);
      const notDong = await officer.post("/api/anticorruption/gifts", {
        fullName: "Phan Văn An",
        handedOn: "2026-02-12",
        description: "Giỏ quà",
        value: "500 nghìn",
      });
      assert.deepEqual([notDong.status, notDong.body.field], [400, "value"]);
      assert.equal((await officer.get("/api/anticorruption/gifts")).body.total, 1);

      const sessions = [
        {
          kind: "training",
          title: "Tập huấn Luật Phòng, chống tham nhũng",
          heldOn: "2026-04-10",
          sessions: 2,
          participants: 80,
        },
        {
          kind: "propaganda",
          title: "Phổ biến Nghị định 130/2020",
          heldOn: "2026-05-20",
          sessions: 1,
          participants: 45,
        },
      ];
      for (const s of sessions) assert.equal((await officer.post("/api/anticorruption/trainings", s)).status, 201);
      const zero = await officer.post("/api/anticorruption/trainings", { ...sessions[0], sessions: 0 });
      assert.deepEqual([zero.status, zero.body.field], [400, "sessions"]);
      const future = await officer.post("/api/anticorruption/trainings", {
        ...sessions[0],
        heldOn: addDays(todayInVietnam(), 3),
      });
      assert.deepEqual([future.status, future.body.code, future.body.field], [400, "AC_DATE_IN_FUTURE", "heldOn"]);
      const list = await officer.get("/api/anticorruption/trainings?from=2026-01-01&to=2026-12-31");
      const participants = list.body.items.reduce((s: number, i: { participants: number }) => s + i.participants, 0);
      assert.equal(participants, 125);
      assert.equal(list.body.total, 2);
      // The rows keep the agency and the date a report counts them on.
      const rows = await t.system.database.db
        .selectFrom("ac_training")
        .select(["agency_id", "held_on", "sessions"])
        .orderBy("held_on")
        .execute();
      assert.deepEqual(
        rows.map((r) => [r.agency_id, r.held_on, r.sessions]),
        [
          [agency["LC.SCT"], "2026-04-10", 2],
          [agency["LC.SCT"], "2026-05-20", 1],
        ],
      );
    });

    test("a case detected by an inspection: the picker lists the agency's inspections only; the case page names it and the officials picked", async () => {
      const kdb = t.system.database.db;
      const inspection = (agencyCode: string, code: string, title: string) =>
        kdb
          .insertInto("inspection")
          .values({
            agency_id: agency[agencyCode]!,
            code,
            year: 2026,
            kind: "planned",
            title,
            content: title,
            body_level: "department",
            state: "CONCLUDED",
            facts: "{}",
          })
          .returning("id")
          .executeTakeFirstOrThrow()
          .then((r) => r.id);
      const ours = await inspection(
        "LC.SCT",
        "TTR-SCT-2026-01",
        "Thanh tra việc cấp giấy chứng nhận đủ điều kiện kinh doanh",
      );
      const unit = await inspection("LC.SCT.QLTT", "TTR-QLTT-2026-02", "Kiểm tra Đội Quản lý thị trường số 2");
      const theirs = await inspection("LC.SNNMT", "TTR-SNNMT-2026-01", "Thanh tra cấp phép khai thác khoáng sản");

      const picker = await officer.get("/api/anticorruption/corruption-cases/inspections");
      assert.equal(picker.status, 200, JSON.stringify(picker.body));
      assert.deepEqual(picker.body.items.map((i: { code: string }) => i.code).sort(), [
        "TTR-QLTT-2026-02",
        "TTR-SCT-2026-01",
      ]);
      const searched = await officer.get("/api/anticorruption/corruption-cases/inspections?q=giấy chứng nhận");
      assert.deepEqual(
        searched.body.items.map((i: { id: string }) => i.id),
        [ours],
      );
      assert.equal((await otherOfficer.get("/api/anticorruption/corruption-cases/inspections")).body.items.length, 1);
      // A leader reads cases but records none: no picker.
      assert.equal((await leader.get("/api/anticorruption/corruption-cases/inspections")).status, 403);

      const foreign = await officer.post("/api/anticorruption/corruption-cases", {
        ...caseBody(),
        channel: "inspection",
        inspectionId: theirs,
      });
      assert.deepEqual([foreign.status, foreign.body.field], [400, "inspectionId"]);
      const res = await officer.post("/api/anticorruption/corruption-cases", {
        ...caseBody(),
        name: "Nhận hối lộ phát hiện qua thanh tra",
        channel: "inspection",
        inspectionId: ours,
      });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      const got = (await leader.get(`/api/anticorruption/corruption-cases/${res.body.id}`)).body;
      assert.deepEqual(got.inspection, {
        id: ours,
        code: "TTR-SCT-2026-01",
        title: "Thanh tra việc cấp giấy chứng nhận đủ điều kiện kinh doanh",
      });
      assert.deepEqual(
        got.persons.map((p: { fullName: string; officialCode: string | null }) => [p.fullName, p.officialCode]),
        [
          ["Phan Văn An", "CB-A"],
          ["Vũ Đình Hải", null],
        ],
      );
      assert.ok(unit);
    });
  });
}
