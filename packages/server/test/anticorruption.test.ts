/**
 * Anti-corruption work through the HTTP API on both databases (docs/LAW.md §10.1): officials and
 * their positions, the obligated list with its reasons (an annual declarant who changed position
 * mid-year, a first-time declarant, adjustments), declarations sealed at rest and readable only by
 * the controlling agency's officer and the declarant (a leader and another agency's officer are
 * refused, every read audited), bad input refused with the field named and nothing half-saved,
 * the verification plan and a lottery re-run from its seed and its published input list.
 */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { after, before, describe, test } from "node:test";
import ExcelJS from "exceljs";
import { SYSTEM_ACTOR } from "../src/platform/audit.ts";
import { insertUser } from "../src/modules/users/service.ts";
import { DEMO_PASSWORD } from "../src/seed/demo.ts";
import { startTestApp, testDatabases, type TestApp, type TestClient } from "../src/testing.ts";
import { docxText } from "./support/zip.ts";

const LAND = "Thửa đất số 215, tờ bản đồ số 7, phường Cam Đường";

function content(landValue: number, explanation?: string) {
  return {
    declarant: { fullName: "Lê Văn Bảo", birthDate: "1978-04-12", position: "Kế toán viên" },
    spouse: { fullName: "Trần Thị Hạnh" },
    children: [{ fullName: "Lê Minh Khôi", birthDate: "2012-09-01" }],
    land: [{ owner: "declarant", description: LAND, value: landValue }],
    houses: [{ owner: "spouse", description: "Nhà ở 3 tầng trên thửa đất số 215", value: 800_000_000 }],
    preciousMetals: [],
    money: [{ owner: "declarant", description: "Tiền gửi tiết kiệm", value: 120_000_000 }],
    valuables: [],
    abroad: [],
    income: 310_000_000,
    ...(explanation ? { explanation } : {}),
  };
}

async function xlsxOf(rows: (string | number)[][]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Cán bộ");
  sheet.addRow(["DANH SÁCH CÁN BỘ"]);
  sheet.addRow([]);
  sheet.addRow([
    "Mã cán bộ",
    "Họ và tên",
    "Mã đơn vị",
    "Ngày sinh",
    "Ngạch",
    "Nghỉ hưu",
    "Mã vị trí",
    "Từ",
    "Đến",
    "Đã kê khai",
    "Năm xác minh",
  ]);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString("base64");
}

for (const db of testDatabases()) {
  describe(`anticorruption (${db.kind})`, () => {
    let t: TestApp;
    let officer: TestClient;
    let leader: TestClient;
    let otherOfficer: TestClient;
    let declarant: TestClient;
    const agency: Record<string, string> = {};
    const position: Record<string, string> = {};
    const official: Record<string, string> = {};

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
      declarant = await t.login("xem");
    });
    after(() => t.close());

    test("the position catalogue is seeded with its legal bases; the officer adds an entry, a leader may not", async () => {
      const list = await officer.get("/api/anticorruption/positions");
      assert.equal(list.status, 200);
      for (const p of list.body.items) position[p.code] = p.id;
      const ttv = list.body.items.find((p: { code: string }) => p.code === "THANH_TRA_VIEN");
      assert.equal(ttv.declaresAnnually, true);
      assert.match(ttv.declarationBasis, /Khoản 1 Điều 10 Nghị định 130\/2020/);
      assert.equal(ttv.rotation, true);
      const body = {
        code: "CAN_BO_DIA_CHINH",
        name: "Công chức địa chính - xây dựng",
        kind: "title",
        declaresAnnually: true,
        declarationBasis: "Khoản 1 Điều 10 Nghị định 130/2020/NĐ-CP",
        rotation: true,
        sector: "Đất đai",
        rotationMonths: 36,
        rotationBasis: "",
      };
      assert.equal((await leader.post("/api/anticorruption/positions", body)).status, 403);
      const bad = await officer.post("/api/anticorruption/positions", { ...body, rotationMonths: 12 });
      assert.equal(bad.status, 400);
      assert.equal(bad.body.field, "rotationMonths");
      const created = await officer.post("/api/anticorruption/positions", body);
      assert.equal(created.status, 201, JSON.stringify(created.body));
      assert.equal(created.body.builtIn, false);
      assert.equal((await officer.post("/api/anticorruption/positions", body)).body.code, "AC_POSITION_CODE_TAKEN");
    });

    test("officials: created with their position history, a unit outside the agency refused", async () => {
      const xemId = (await declarant.get("/api/auth/me")).body.user.id;
      const people = [
        // An inspector who became a plain civil servant on 01/07/2026.
        {
          code: "CB-A",
          fullName: "Phan Văn An",
          unitAgencyId: agency["LC.SCT.VP"],
          positions: [
            { positionId: position.THANH_TRA_VIEN, from: "2020-01-01", to: "2026-06-30" },
            { positionId: position.CHUYEN_VIEN, from: "2026-07-01" },
          ],
          declaredBefore: true,
        },
        // An accountant, the user "xem" (the declarant).
        {
          code: "CB-B",
          fullName: "Lê Văn Bảo",
          unitAgencyId: agency["LC.SCT.VP"],
          userId: xemId,
          birthDate: "1978-04-12",
          positions: [{ positionId: position.KE_TOAN, from: "2015-03-01" }],
          declaredBefore: true,
        },
        {
          code: "CB-C",
          fullName: "Chu Thị Cúc",
          unitAgencyId: agency["LC.SCT"],
          positions: [{ positionId: position.CHUYEN_VIEN, from: "2012-01-01" }],
          declaredBefore: true,
        },
        // A market controller recruited on 02/03/2026: first-time declaration.
        {
          code: "CB-D",
          fullName: "Đoàn Minh Dũng",
          unitAgencyId: agency["LC.SCT.QLTT"],
          positions: [{ positionId: position.KIEM_SOAT_VIEN_TT, from: "2026-03-02" }],
        },
      ];
      for (const p of people) {
        const res = await officer.post("/api/anticorruption/officials", p);
        assert.equal(res.status, 201, JSON.stringify(res.body));
        official[p.code] = res.body.id;
      }
      const outside = await officer.post("/api/anticorruption/officials", {
        ...people[2],
        code: "CB-X",
        unitAgencyId: agency["LC.SNNMT"],
      });
      assert.equal(outside.status, 400);
      assert.equal(outside.body.code, "AC_UNIT_INVALID");
      assert.equal(outside.body.field, "unitAgencyId");
      // Another agency's officer neither sees nor lists them.
      assert.equal((await otherOfficer.get(`/api/anticorruption/officials/${official["CB-A"]}`)).status, 403);
      assert.equal((await otherOfficer.get("/api/anticorruption/officials")).body.total, 0);
      const list = await officer.get("/api/anticorruption/officials?q=phan van");
      assert.deepEqual(
        list.body.items.map((i: { code: string }) => i.code),
        ["CB-A"],
      );
      assert.equal(list.body.items[0].currentPosition, "Chuyên viên (công chức)");
    });

    test("import from Excel: a bad row refuses the file with a row-by-row report and saves nothing; fixed, it is saved", async () => {
      const rows: (string | number)[][] = [];
      for (let i = 1; i <= 12; i++)
        rows.push([
          `CB-${String(i).padStart(3, "0")}`,
          `Cán bộ số ${i}`,
          i % 2 ? "LC.SCT.QLTT" : "LC.SCT.VP",
          "01/02/1980",
          "Kiểm soát viên",
          "",
          "KIEM_SOAT_VIEN_TT",
          "01/01/2019",
          "",
          "Có",
          i === 1 ? "2022" : i === 2 ? "2021" : "",
        ]);
      const bad = [
        ...rows,
        ["CB-099", "Người lỗi", "LC.SCT.VP", "31/02/1980", "", "", "KHONG_CO", "01/01/2019", "", "Có", ""],
        ["CB-098", "Người lỗi ngày", "LC.SCT.VP", "31/02/1980", "", "", "", "", "", "", ""],
      ];
      const refused = await officer.post("/api/anticorruption/officials/import", {
        fileName: "can-bo.xlsx",
        contentBase64: await xlsxOf(bad),
      });
      assert.equal(refused.status, 200, JSON.stringify(refused.body));
      assert.equal(refused.body.saved, false);
      assert.equal(refused.body.rows, 14);
      assert.deepEqual(
        refused.body.refused.map((r: { row: number; field: string }) => [r.row, r.field]),
        [
          [16, "Mã vị trí (danh mục)"],
          [17, "Ngày sinh (dd/mm/yyyy)"],
        ],
      );
      assert.match(refused.body.refused[1].message, /Ngày sinh không tồn tại trong lịch/);
      assert.equal(
        (await officer.get("/api/anticorruption/officials?q=can bo so")).body.total,
        0,
        "nothing half-saved",
      );
      const saved = await officer.post("/api/anticorruption/officials/import", {
        fileName: "can-bo.xlsx",
        contentBase64: await xlsxOf(rows),
      });
      assert.deepEqual([saved.body.saved, saved.body.created, saved.body.refused.length], [true, 12, 0]);
      // Imported again from a file that gives CB-002 only his new post: the history is kept, the
      // earlier position closed the day before the new one starts; a third import changes nothing.
      const moved = rows.map((r) =>
        r[0] === "CB-002" ? [...r.slice(0, 4), "Kế toán viên", "", "KE_TOAN", "01/07/2026", "", "Có", r[10]!] : r,
      );
      for (let i = 0; i < 2; i++) {
        const again = await officer.post("/api/anticorruption/officials/import", {
          fileName: "can-bo-2.xlsx",
          contentBase64: await xlsxOf(moved),
        });
        assert.deepEqual([again.body.saved, again.body.created, again.body.updated], [true, 0, 12]);
        const cb2 = (await officer.get("/api/anticorruption/officials?q=CB-002")).body.items[0];
        const history = (await officer.get(`/api/anticorruption/officials/${cb2.id}`)).body.positions;
        assert.deepEqual(
          history.map((h: { positionId: string; from: string; to: string | null }) => [h.positionId, h.from, h.to]),
          [
            [position.KIEM_SOAT_VIEN_TT, "2019-01-01", "2026-06-30"],
            [position.KE_TOAN, "2026-07-01", null],
          ],
        );
      }
      const notExcel = await officer.post("/api/anticorruption/officials/import", {
        fileName: "x.xlsx",
        contentBase64: Buffer.from("hello").toString("base64"),
      });
      assert.equal(notExcel.body.code, "AC_IMPORT_FILE_INVALID");
    });

    let c2025: any;
    let c2026: any;
    test("the obligated list: reasons per person, the mid-year change, first-time due from the engine, adjustments", async () => {
      assert.equal((await leader.post("/api/anticorruption/campaigns", { year: 2026 })).status, 403);
      const opened = await officer.post("/api/anticorruption/campaigns", { year: 2026 });
      assert.equal(opened.status, 201, JSON.stringify(opened.body));
      c2026 = opened.body;
      const of = (code: string) => c2026.items.filter((i: { officialCode: string }) => i.officialCode === code);
      assert.equal(of("CB-A")[0].kind, "annual");
      assert.match(
        of("CB-A")[0].reason,
        /Thanh tra viên từ 01\/01\/2020 đến 30\/06\/2026 \(đã chuyển vị trí trong năm/,
      );
      assert.equal(of("CB-A")[0].dueOn, "2026-12-31");
      assert.equal(of("CB-B")[0].kind, "annual");
      assert.deepEqual(of("CB-C"), [], "a plain civil servant who declared before: not on the yearly list");
      // First taken on 02/03/2026: 10 days → 12/03/2026 (a Thursday), long past: overdue.
      assert.deepEqual(
        [of("CB-D")[0].kind, of("CB-D")[0].dueOn, of("CB-D")[0].status],
        ["first_time", "2026-03-12", "overdue"],
      );
      assert.equal(c2026.deadline.due, "2026-12-31");
      assert.match(c2026.deadline.basis, /Điều 36/);
      assert.equal(c2026.totals.obligated, 15);
      assert.equal(
        (await officer.post("/api/anticorruption/campaigns", { year: 2026 })).body.code,
        "AC_CAMPAIGN_EXISTS",
      );

      const id = c2026.id;
      const supplementary = await officer.post(`/api/anticorruption/campaigns/${id}/adjustments`, {
        action: "add",
        officialId: official["CB-B"],
        kind: "supplementary",
        reason: "Mua thêm nhà ở",
      });
      assert.equal(supplementary.body.code, "AC_SUPPLEMENTARY_ANNUAL");
      const noDate = await officer.post(`/api/anticorruption/campaigns/${id}/adjustments`, {
        action: "add",
        officialId: official["CB-C"],
        kind: "appointment",
        reason: "Dự kiến bổ nhiệm Phó Chánh Văn phòng",
      });
      assert.deepEqual([noDate.status, noDate.body.field], [400, "expectedOn"]);
      const added = await officer.post(`/api/anticorruption/campaigns/${id}/adjustments`, {
        action: "add",
        officialId: official["CB-C"],
        kind: "appointment",
        expectedOn: "2027-01-20",
        reason: "Dự kiến bổ nhiệm Phó Chánh Văn phòng",
      });
      assert.equal(added.status, 200, JSON.stringify(added.body));
      const c = added.body.items.find((i: { officialCode: string }) => i.officialCode === "CB-C");
      assert.deepEqual(
        [c.kind, c.dueOn, c.source, c.reason],
        ["appointment", "2027-01-10", "adjusted", "Dự kiến bổ nhiệm Phó Chánh Văn phòng"],
      );
      const removed = await officer.post(`/api/anticorruption/campaigns/${id}/adjustments`, {
        action: "remove",
        obligationId: c.id,
        reason: "Không bổ nhiệm nữa",
      });
      assert.equal(removed.body.items.find((i: { id: string }) => i.id === c.id).status, "removed");
      assert.equal(removed.body.totals.obligated, 15);

      const prior = await officer.post("/api/anticorruption/campaigns", { year: 2025 });
      assert.equal(prior.status, 201);
      c2025 = prior.body;
      // In 2025 CB-D held no position yet; CB-A was an inspector.
      assert.deepEqual(
        c2025.items
          .filter((i: { officialCode: string }) => ["CB-A", "CB-B", "CB-D"].includes(i.officialCode))
          .map((i: { officialCode: string; kind: string }) => [i.officialCode, i.kind]),
        [
          ["CB-B", "annual"],
          ["CB-A", "annual"],
        ],
      );
    });

    const itemOf = (campaign: any, code: string) =>
      campaign.items.find((i: { officialCode: string }) => i.officialCode === code);
    let declaration2026 = "";

    test("bad input: a declaration dated in the future, an amount not a whole number of đồng — field named, nothing saved", async () => {
      const item = itemOf(c2026, "CB-B");
      const url = `/api/anticorruption/obligations/${item.id}/declaration`;
      const future = await officer.post(url, {
        version: item.version,
        declaredOn: "2099-01-05",
        receivedOn: "2026-11-20",
        content: content(1_000_000_000),
      });
      assert.equal(future.status, 400);
      assert.deepEqual([future.body.code, future.body.field], ["AC_DATE_IN_FUTURE", "declaredOn"]);
      assert.equal(future.body.message, "Ngày kê khai: không được sau ngày hôm nay.");
      const fraction = content(1_000_000_000);
      fraction.land[0]!.value = 1_000_000_000.5;
      const half = await officer.post(url, {
        version: item.version,
        declaredOn: "2026-11-18",
        receivedOn: "2026-11-20",
        content: fraction,
      });
      assert.equal(half.status, 400);
      assert.equal(half.body.field, "content.land.0.value");
      assert.match(half.body.message, /Giá trị phải là số đồng nguyên, không có phần lẻ/);
      const text = await officer.post(url, {
        version: item.version,
        declaredOn: "2026-11-18",
        receivedOn: "2026-11-20",
        content: { ...content(1), income: "ba trăm triệu" },
      });
      assert.deepEqual([text.status, text.body.field], [400, "content.income"]);
      assert.match(text.body.message, /phải là một số tiền \(đồng\)/);
      const kdb = t.system.database.db;
      assert.equal((await kdb.selectFrom("ac_declaration").select("id").execute()).length, 0);
      const after = (await officer.get(`/api/anticorruption/campaigns/${c2026.id}`)).body;
      assert.equal(itemOf(after, "CB-B").receivedOn, null);
      assert.equal(itemOf(after, "CB-B").version, item.version);
    });

    test("declarations: sealed at rest, compared year on year, read only by the officer and the declarant, every read audited", async () => {
      const kdb = t.system.database.db;
      const b2025 = itemOf(c2025, "CB-B");
      const first = await officer.post(`/api/anticorruption/obligations/${b2025.id}/declaration`, {
        version: b2025.version,
        declaredOn: "2025-12-10",
        receivedOn: "2025-12-12",
        content: content(1_000_000_000),
      });
      assert.equal(first.status, 201, JSON.stringify(first.body));
      const b2026 = itemOf(c2026, "CB-B");
      const second = await officer.post(`/api/anticorruption/obligations/${b2026.id}/declaration`, {
        version: b2026.version,
        declaredOn: "2026-11-18",
        receivedOn: "2026-11-20",
        content: content(1_400_000_000),
      });
      assert.equal(second.status, 201);
      declaration2026 = second.body.id;
      const again = await officer.post(`/api/anticorruption/obligations/${b2026.id}/declaration`, {
        version: b2026.version + 1,
        declaredOn: "2026-11-18",
        receivedOn: "2026-11-20",
        content: content(1),
      });
      assert.equal(again.body.code, "AC_DECLARATION_EXISTS");

      // At rest: no asset, no name of the family in the clear.
      const raw = JSON.stringify(await kdb.selectFrom("ac_declaration").selectAll().execute());
      for (const secret of [LAND, "Trần Thị Hạnh", "1400000000", "Tiền gửi tiết kiệm"])
        assert.ok(!raw.includes(secret), secret);

      const read = await officer.get(`/api/anticorruption/declarations/${declaration2026}`);
      assert.equal(read.status, 200);
      assert.equal(read.body.content.land[0].description, LAND);
      assert.deepEqual(read.body.comparison, {
        previousTotal: 1_920_000_000,
        total: 2_320_000_000,
        increase: 400_000_000,
        flagged: true,
      });
      assert.equal(read.headers["cache-control"], "no-store");

      // Forbidden: a leader (anticorruption.read only), another agency's officer, a user who is not the declarant.
      for (const [who, client] of [
        ["leader", leader],
        ["other agency", otherOfficer],
        ["other user", await t.login("tiepdan")],
      ] as const) {
        const res = await client.get(`/api/anticorruption/declarations/${declaration2026}`);
        assert.equal(res.status, 403, who);
        assert.equal(res.body.code, "AC_DECLARATION_FORBIDDEN", who);
        assert.ok(!JSON.stringify(res.body).includes(LAND));
      }
      // The declarant sees his own, lists them, downloads them.
      const mine = await declarant.get("/api/anticorruption/my-declarations");
      assert.deepEqual(
        mine.body.items.map((i: { year: number; kind: string }) => [i.year, i.kind]),
        [
          [2026, "annual"],
          [2025, "annual"],
        ],
      );
      assert.equal(
        (await declarant.get(`/api/anticorruption/declarations/${declaration2026}`)).body.content.spouse.fullName,
        "Trần Thị Hạnh",
      );
      const file = await t.app.inject({
        method: "GET",
        url: `/api/anticorruption/declarations/${declaration2026}/file`,
        headers: { cookie: `mb_session=${declarant.session}` },
      });
      assert.equal(file.statusCode, 200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
      const cells = workbook.worksheets[0]!.getSheetValues().flat().map(String).join("|");
      assert.ok(cells.includes(LAND));
      // The form's layout (the import reads it back): values in whole đồng.
      assert.ok(cells.includes("1400000000"));

      // Every read audited, the refused ones too; the audit trail holds no amount or asset.
      const events = await kdb
        .selectFrom("audit_event")
        .select(["action", "actor_name", "summary"])
        .where("entity_id", "=", declaration2026)
        .orderBy("id")
        .execute();
      assert.deepEqual(
        events.map((e) => e.action),
        [
          "anticorruption.declaration.entered",
          "anticorruption.declaration.viewed",
          "anticorruption.declaration.view_refused",
          "anticorruption.declaration.view_refused",
          "anticorruption.declaration.view_refused",
          "anticorruption.declaration.viewed",
          "anticorruption.declaration.downloaded",
        ],
      );
      assert.ok(!JSON.stringify(events).includes("1400000000"));

      // The campaign list: names and status only.
      const view = await leader.get(`/api/anticorruption/campaigns/${c2026.id}`);
      assert.equal(view.status, 200);
      assert.ok(!JSON.stringify(view.body).includes(LAND));
      assert.equal(itemOf(view.body, "CB-B").status, "received");
    });

    test("the declaration form (.docx): the form's sections from the sealed content, for the officer and the declarant only, each download audited, never stored", async () => {
      const kdb = t.system.database.db;
      const url = `/api/anticorruption/declarations/${declaration2026}/form`;
      const documentsBefore = (await kdb.selectFrom("official_document").select("id").execute()).length;
      const download = async (client: TestClient) => {
        const res = await t.app.inject({ method: "GET", url, headers: { cookie: `mb_session=${client.session}` } });
        return { status: res.statusCode, res };
      };
      const byOfficer = await download(officer);
      assert.equal(byOfficer.status, 200);
      assert.equal(
        byOfficer.res.headers["content-type"],
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      );
      assert.equal(byOfficer.res.headers["cache-control"], "no-store");
      const text = docxText(byOfficer.res.rawPayload);
      const lines = text.split("\n");
      const unitName = (
        await kdb.selectFrom("agency").select("name").where("code", "=", "LC.SCT.VP").executeTakeFirstOrThrow()
      ).name;
      for (const line of [
        "BẢN KÊ KHAI TÀI SẢN, THU NHẬP",
        "I. THÔNG TIN CHUNG",
        "- Họ và tên: Lê Văn Bảo. Ngày sinh: 12/04/1978.",
        "- Chức vụ/chức danh công tác: Kế toán viên.",
        `- Cơ quan/đơn vị công tác: ${unitName}.`,
        "- Họ và tên: Trần Thị Hạnh. Ngày sinh: (không ghi).",
        "3.1. Họ và tên: Lê Minh Khôi. Ngày sinh: 01/09/2012.",
        "II. THÔNG TIN MÔ TẢ VỀ TÀI SẢN, THU NHẬP",
        "1. Quyền sử dụng đất",
        `1.1. ${LAND}. Người sở hữu: người kê khai. Giá trị: 1.400 triệu đồng.`,
        "2.1. Nhà ở 3 tầng trên thửa đất số 215. Người sở hữu: vợ hoặc chồng. Giá trị: 800 triệu đồng.",
        "4.1. Tiền gửi tiết kiệm. Người sở hữu: người kê khai. Giá trị: 120 triệu đồng.",
        "7. Tổng thu nhập giữa hai lần kê khai: 310 triệu đồng.",
        "III. BIẾN ĐỘNG TÀI SẢN, THU NHẬP; GIẢI TRÌNH NGUỒN GỐC CỦA TÀI SẢN, THU NHẬP TĂNG THÊM",
        // 1.000 + 800 + 120 = 1.920 million before; 1.400 + 800 + 120 = 2.320 now.
        "Tổng giá trị tài sản kê khai lần trước: 1.920 triệu đồng; lần này: 2.320 triệu đồng; tăng 400 triệu đồng.",
        "Giải trình nguồn gốc của tài sản, thu nhập tăng thêm: (không có).",
        "Ngày hoàn thành bản kê khai tài sản, thu nhập: 18/11/2026.",
        "NGƯỜI NHẬN BẢN KÊ KHAI",
        "NGƯỜI KÊ KHAI TÀI SẢN",
      ])
        assert.ok(lines.includes(line), `${line}\n---\n${text}`);
      // The sections with nothing declared say so, in the form's order.
      const metals = lines.indexOf("3. Kim khí quý, đá quý");
      assert.ok(metals > 0);
      assert.equal(lines[metals + 1], "Không có.");
      assert.match(text, /ngày 18 tháng 11 năm 2026/);
      // A paper the declarant signs: no register number, no draft mark.
      assert.ok(!/^Số:/m.test(text));
      assert.ok(!text.includes("DỰ THẢO"));

      const byDeclarant = await download(declarant);
      assert.equal(byDeclarant.status, 200);
      assert.ok(docxText(byDeclarant.res.rawPayload).includes(`1.1. ${LAND}`));
      for (const [who, client] of [
        ["leader", leader],
        ["other agency", otherOfficer],
        ["other user", await t.login("tiepdan")],
      ] as const) {
        const res = await download(client);
        assert.equal(res.status, 403, who);
        assert.equal(res.res.json().code, "AC_DECLARATION_FORBIDDEN", who);
        assert.ok(!res.res.body.includes("Thửa đất"), who);
      }
      const events = await kdb
        .selectFrom("audit_event")
        .select(["action", "summary"])
        .where("entity_id", "=", declaration2026)
        .orderBy("id")
        .execute();
      assert.deepEqual(
        events.slice(-5).map((e) => e.action),
        [
          "anticorruption.declaration.downloaded",
          "anticorruption.declaration.downloaded",
          "anticorruption.declaration.view_refused",
          "anticorruption.declaration.view_refused",
          "anticorruption.declaration.view_refused",
        ],
      );
      assert.deepEqual(
        events.slice(-5, -3).map((e) => (e.summary as { reader: string }).reader),
        ["officer", "declarant"],
      );
      // Rendered on each download, never kept in the documents register.
      assert.equal((await kdb.selectFrom("official_document").select("id").execute()).length, documentsBefore);
    });

    test("declaration imported from the .xlsx form: checked cell by cell, refusals by section and row, nothing saved on error; sealed and audited like an entry", async () => {
      const kdb = t.system.database.db;
      const item = itemOf((await officer.get(`/api/anticorruption/campaigns/${c2026.id}`)).body, "CB-005");
      const url = `/api/anticorruption/obligations/${item.id}/declaration/import`;
      const templateUrl = `/api/anticorruption/obligations/${item.id}/declaration-template`;
      const fetchFile = (client: TestClient, path: string) =>
        t.app.inject({ method: "GET", url: path, headers: { cookie: `mb_session=${client.session}` } });
      // Forbidden: a leader (read only) and another agency's officer, for the form and the import.
      for (const client of [leader, otherOfficer]) {
        assert.equal((await fetchFile(client, templateUrl)).statusCode, 403);
        const res = await client.post(url, {
          version: item.version,
          receivedOn: "2026-11-20",
          fileName: "x.xlsx",
          contentBase64: "AA==",
        });
        assert.equal(res.status, 403);
      }
      const blank = await fetchFile(officer, templateUrl);
      assert.equal(blank.statusCode, 200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(blank.rawPayload as unknown as ArrayBuffer);
      const sheet = workbook.worksheets[0]!;
      const rowOf = (text: string) => {
        for (let n = 1; n <= sheet.rowCount; n++)
          if (String(sheet.getCell(n, 1).value ?? "").startsWith(text)) return n;
        throw new Error(text);
      };
      assert.equal(sheet.getCell(rowOf("Họ và tên người kê khai"), 3).value, "Cán bộ số 5");
      sheet.getCell(rowOf("Ngày hoàn thành"), 3).value = "15/11/2026";
      const land = rowOf("II.1.") + 2; // heading, header row, first blank row
      sheet.getRow(land).getCell(2).value = "Người kê khai";
      sheet.getRow(land).getCell(3).value = "Thửa đất số 88, tờ bản đồ số 3, xã Cốc San";
      sheet.getRow(land).getCell(4).value = 650_000_000;
      const money = rowOf("II.4.") + 2;
      sheet.getRow(money).getCell(2).value = "Vợ hoặc chồng";
      sheet.getRow(money).getCell(3).value = "Tiền gửi tiết kiệm";
      sheet.getRow(money).getCell(4).value = "năm mươi triệu";
      const houses = rowOf("II.2.") + 2;
      sheet.getRow(houses).getCell(3).value = "Nhà cấp 4";
      sheet.getRow(houses).getCell(4).value = 300_000_000;
      const child = rowOf("I.3.") + 2;
      sheet.getRow(child).getCell(3).value = "Con Một";
      sheet.getRow(child).getCell(4).value = "31/02/2015";
      sheet.getCell(rowOf("Tổng thu nhập"), 3).value = 240_000_000;
      const upload = async (version = item.version) =>
        officer.post(url, {
          version,
          receivedOn: "2026-11-20",
          fileName: "ban-ke-khai.xlsx",
          contentBase64: Buffer.from(await workbook.xlsx.writeBuffer()).toString("base64"),
        });
      const refused = await upload();
      assert.equal(refused.status, 200, JSON.stringify(refused.body));
      assert.equal(refused.body.saved, false);
      assert.deepEqual(
        refused.body.refused.map((r: { section: string; row: number; field: string }) => [r.section, r.row, r.field]),
        [
          ["I.3. Con chưa thành niên", child, "Ngày sinh (dd/mm/yyyy)"],
          ["II.2. Nhà ở, công trình xây dựng", houses, "Người sở hữu"],
          ["II.4. Tiền (tiền mặt, tiền gửi, cho vay…) từ 50 triệu đồng", money, "Giá trị (đồng)"],
        ],
      );
      assert.match(refused.body.refused[0].message, /Ngày sinh không tồn tại trong lịch/);
      assert.match(refused.body.refused[1].message, /Ghi người sở hữu/);
      assert.equal(refused.body.refused[2].message, "Giá trị phải là một số tiền (đồng).");
      const nothing = await kdb
        .selectFrom("ac_declaration")
        .select("id")
        .where("obligation_id", "=", item.id)
        .execute();
      assert.equal(nothing.length, 0, "nothing saved");
      const still = itemOf((await officer.get(`/api/anticorruption/campaigns/${c2026.id}`)).body, "CB-005");
      assert.deepEqual([still.receivedOn, still.version], [null, item.version]);

      // Not the form: the officials' sheet, and bytes that are no workbook.
      const notForm = await officer.post(url, {
        version: item.version,
        receivedOn: "2026-11-20",
        fileName: "can-bo.xlsx",
        contentBase64: await xlsxOf([["CB-1", "A"]]),
      });
      assert.deepEqual(
        [notForm.status, notForm.body.code, notForm.body.field],
        [400, "AC_DECLARATION_FILE_NOT_FORM", "contentBase64"],
      );
      const garbage = await officer.post(url, {
        version: item.version,
        receivedOn: "2026-11-20",
        fileName: "x.xlsx",
        contentBase64: Buffer.from("hello").toString("base64"),
      });
      assert.equal(garbage.body.code, "AC_IMPORT_FILE_INVALID");

      // Another person's form (Lê Văn Bảo's declaration as downloaded) is refused by name.
      const his = await fetchFile(officer, `/api/anticorruption/declarations/${declaration2026}/file`);
      const wrong = await officer.post(url, {
        version: item.version,
        receivedOn: "2026-11-20",
        fileName: "le-van-bao.xlsx",
        contentBase64: Buffer.from(his.rawPayload).toString("base64"),
      });
      assert.deepEqual(
        wrong.body.refused.map((r: { field: string; row: number }) => [r.field, r.row]),
        [["Họ và tên người kê khai", rowOf("Họ và tên người kê khai")]],
        JSON.stringify(wrong.body),
      );
      assert.match(wrong.body.refused[0].message, /Bản kê khai của “Lê Văn Bảo”, không phải của Cán bộ số 5/);
      // Completed on a day after today: refused on its row.
      sheet.getCell(rowOf("Ngày hoàn thành"), 3).value = "05/01/2099";
      const future = await upload();
      assert.ok(
        future.body.refused.some(
          (r: { row: number; message: string }) =>
            r.row === rowOf("Ngày hoàn thành") && /không được sau ngày hôm nay/.test(r.message),
        ),
        JSON.stringify(future.body),
      );
      sheet.getCell(rowOf("Ngày hoàn thành"), 3).value = "15/11/2026";

      // Fixed: the amount written with thousands dots, the owner chosen, the date real.
      sheet.getRow(money).getCell(4).value = "50.000.000";
      sheet.getRow(houses).getCell(2).value = "Người kê khai";
      sheet.getRow(child).getCell(4).value = "28/02/2015";
      const saved = await upload();
      assert.deepEqual([saved.status, saved.body.saved, saved.body.refused], [200, true, []]);
      const raw = JSON.stringify(
        await kdb.selectFrom("ac_declaration").selectAll().where("id", "=", saved.body.id).execute(),
      );
      for (const secret of ["Cốc San", "Con Một", "650000000"]) assert.ok(!raw.includes(secret), secret);
      const read = await officer.get(`/api/anticorruption/declarations/${saved.body.id}`);
      assert.equal(read.body.declaredOn, "2026-11-15");
      assert.deepEqual(read.body.content.money, [
        { owner: "spouse", description: "Tiền gửi tiết kiệm", value: 50_000_000 },
      ]);
      assert.deepEqual(read.body.content.children, [{ fullName: "Con Một", birthDate: "2015-02-28" }]);
      assert.equal(read.body.content.income, 240_000_000);
      assert.equal(read.body.comparison.total, 1_000_000_000);
      const again = await upload(item.version + 1);
      assert.equal(again.body.code, "AC_DECLARATION_EXISTS");
      const events = await kdb
        .selectFrom("audit_event")
        .select(["action", "summary"])
        .where("entity_id", "=", saved.body.id)
        .orderBy("id")
        .execute();
      assert.deepEqual(
        events.map((e) => e.action),
        ["anticorruption.declaration.imported", "anticorruption.declaration.viewed"],
      );
      assert.ok(!JSON.stringify(events).includes("650000000"));
      assert.equal(
        itemOf((await officer.get(`/api/anticorruption/campaigns/${c2026.id}`)).body, "CB-005").receivedOn,
        "2026-11-20",
      );
    });

    test("receipts, publication, reminders: names and status only; a receipt dated in the future refused", async () => {
      const view = (await officer.get(`/api/anticorruption/campaigns/${c2026.id}`)).body;
      const a = itemOf(view, "CB-A");
      const future = await officer.post(`/api/anticorruption/obligations/${a.id}/receipt`, {
        version: a.version,
        receivedOn: "2099-01-01",
      });
      assert.deepEqual([future.status, future.body.field], [400, "receivedOn"]);
      const ok = await officer.post(`/api/anticorruption/obligations/${a.id}/receipt`, {
        version: a.version,
        receivedOn: "2026-11-25",
      });
      assert.equal(ok.status, 200);
      const stale = await officer.post(`/api/anticorruption/obligations/${a.id}/receipt`, {
        version: a.version,
        receivedOn: "2026-11-25",
      });
      assert.equal(stale.body.code, "VERSION_CONFLICT");
      const b = itemOf(view, "CB-B");
      const published = await officer.put(`/api/anticorruption/obligations/${b.id}/publication`, {
        version: b.version,
        place: "Bảng tin Văn phòng Sở",
        from: "2026-11-25",
        to: "2026-12-10",
      });
      assert.equal(published.status, 200, JSON.stringify(published.body));
      const reminded = await officer.post(`/api/anticorruption/campaigns/${c2026.id}/reminders`);
      assert.equal(reminded.status, 200);
      assert.ok(reminded.body.names.includes("Đoàn Minh Dũng"));
      assert.ok(!reminded.body.names.includes("Lê Văn Bảo"), "received: not reminded");
      const after = (await officer.get(`/api/anticorruption/campaigns/${c2026.id}`)).body;
      assert.deepEqual(itemOf(after, "CB-B").publication, {
        place: "Bảng tin Văn phòng Sở",
        from: "2025-11-25".replace("2025", "2026"),
        to: "2026-12-10",
      });
      assert.equal(itemOf(after, "CB-D").reminders, 1);
      const qltt = after.units.find((u: { unitAgencyId: string }) => u.unitAgencyId === agency["LC.SCT.QLTT"]);
      assert.equal(qltt.late, 1, "CB-D overdue");
    });

    test("verification: plan rates checked, exemption of 12 months, lottery reproduced from its seed and inputs, minutes, conclusion", async () => {
      // The 2025 declarations of the imported officials were received (paper), except CB-012.
      const c = (await officer.get(`/api/anticorruption/campaigns/${c2025.id}`)).body;
      for (const item of c.items) {
        if (item.receivedOn || item.officialCode === "CB-012") continue;
        const r = await officer.post(`/api/anticorruption/obligations/${item.id}/receipt`, {
          version: item.version,
          receivedOn: "2025-12-20",
        });
        assert.equal(r.status, 200);
      }
      const low = await officer.post("/api/anticorruption/verification-plans", {
        year: 2026,
        issuedOn: "2026-01-20",
        unitPercent: 15,
        personPercent: 10,
      });
      assert.deepEqual([low.status, low.body.field], [400, "unitPercent"]);
      const plan = await officer.post("/api/anticorruption/verification-plans", {
        year: 2026,
        issuedOn: "2026-01-20",
        unitPercent: 50,
        personPercent: 30,
      });
      assert.equal(plan.status, 201, JSON.stringify(plan.body));
      assert.equal(plan.body.late, false);
      assert.equal(plan.body.selectionDue, "2026-01-30");

      const cb3 = (await officer.get("/api/anticorruption/officials?q=CB-003")).body.items[0].id;
      const short = await officer.post(`/api/anticorruption/officials/${cb3}/exemptions`, {
        kind: "abroad",
        from: "2025-09-01",
        to: "2026-03-01",
        evidence: "Quyết định cử đi học số 12/QĐ-SCT",
      });
      assert.equal(short.body.code, "AC_EXEMPTION_TOO_SHORT");
      const abroad = await officer.post(`/api/anticorruption/officials/${cb3}/exemptions`, {
        kind: "abroad",
        from: "2025-09-01",
        to: "2026-09-01",
        evidence: "Quyết định cử đi học số 12/QĐ-SCT",
      });
      assert.equal(abroad.status, 201);

      const witnesses = [
        { fullName: "Hoàng Văn Minh", organisation: "Ủy ban kiểm tra Đảng ủy" },
        { fullName: "Lý Thị Dung", organisation: "Ủy ban Mặt trận Tổ quốc tỉnh" },
      ];
      const seed = "Bốc thăm 25/01/2026 — 40917";
      assert.equal(
        (
          await leader.post(`/api/anticorruption/verification-plans/${plan.body.id}/lottery`, {
            seed,
            heldOn: "2026-01-25",
            place: "Hội trường Sở",
            witnesses,
          })
        ).status,
        403,
      );
      const oneWitness = await officer.post(`/api/anticorruption/verification-plans/${plan.body.id}/lottery`, {
        seed,
        heldOn: "2026-01-25",
        place: "Hội trường Sở",
        witnesses: witnesses.slice(0, 1),
      });
      assert.deepEqual([oneWitness.status, oneWitness.body.field], [400, "witnesses"]);
      const drawn = await officer.post(`/api/anticorruption/verification-plans/${plan.body.id}/lottery`, {
        seed,
        heldOn: "2026-01-25",
        place: "Hội trường Sở",
        witnesses,
      });
      assert.equal(drawn.status, 200, JSON.stringify(drawn.body));
      const lottery = drawn.body.lottery;
      // Exclusions, each with its reason: verified in 2022 (4-year rule), abroad, not received.
      assert.deepEqual(
        lottery.exclusions.map((e: { code: string; reason: string }) => [e.code, e.reason]),
        [
          ["CB-001", "verified_recently"],
          ["CB-003", "abroad"],
          ["CB-012", "not_received"],
        ],
      );
      assert.match(lottery.exclusions[0].detail, /năm 2022/);
      // CB-002, verified in 2021 (5 years before), is a candidate; 2 units (VP, QLTT) take part.
      assert.equal(lottery.units.length, 2);
      assert.equal(lottery.selectedUnits, 1);

      // Re-run from the published inputs (.xlsx) and the seed, with node:crypto only.
      const inputs = await t.app.inject({
        method: "GET",
        url: `/api/anticorruption/verification-plans/${plan.body.id}/lottery-inputs`,
        headers: { cookie: `mb_session=${officer.session}` },
      });
      assert.equal(inputs.statusCode, 200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(inputs.rawPayload as unknown as ArrayBuffer);
      const listed: { code: string; unit: string }[] = [];
      wb.worksheets[0]!.eachRow((row, n) => {
        if (n > 5) listed.push({ code: String(row.getCell(2).value), unit: String(row.getCell(4).value) });
      });
      assert.ok(listed.some((p) => p.code === "CB-002"));
      const h = (s: string) => createHash("sha256").update(s, "utf8").digest("hex");
      const unitsRanked = [...new Set(listed.map((p) => p.unit))].sort((a, b) =>
        h(`${seed}|DV|${a}`) < h(`${seed}|DV|${b}`) ? -1 : 1,
      );
      const unit = unitsRanked[0]!;
      const people = listed
        .filter((p) => p.unit === unit)
        .map((p) => p.code)
        .sort((a, b) => (h(`${seed}|NG|${a}`) < h(`${seed}|NG|${b}`) ? -1 : 1));
      const expected = people.slice(0, Math.ceil((people.length * 30) / 100));
      assert.deepEqual(
        lottery.units.filter((u: { selected: boolean }) => u.selected).map((u: { code: string }) => u.code),
        [unit],
      );
      assert.deepEqual(lottery.persons.map((p: { code: string }) => p.code).sort(), [...expected].sort());
      assert.deepEqual(
        drawn.body.verifications.map((v: { officialCode: string }) => v.officialCode).sort(),
        [...expected].sort(),
      );

      const twice = await officer.post(`/api/anticorruption/verification-plans/${plan.body.id}/lottery`, {
        seed: "khác hẳn 123",
        heldOn: "2026-01-25",
        place: "Hội trường Sở",
        witnesses,
      });
      assert.equal(twice.body.code, "AC_LOTTERY_DONE");

      const minutes = await t.app.inject({
        method: "GET",
        url: `/api/anticorruption/verification-plans/${plan.body.id}/minutes`,
        headers: { cookie: `mb_session=${officer.session}` },
      });
      assert.equal(minutes.statusCode, 200);
      const text = docxText(minutes.rawPayload);
      assert.ok(text.includes(seed));
      assert.ok(text.includes(lottery.inputsSha256));
      assert.ok(text.includes("SHA-256 của chuỗi UTF-8"));
      for (const code of expected) assert.ok(text.includes(`mã ${code}`), code);
      assert.ok(text.includes("Lý Thị Dung"));
      // Minutes of the session: no register number, dated the day of the draw.
      assert.ok(!text.includes("Số:"), "the minutes take no register number");
      assert.ok(!text.includes("DỰ THẢO"));
      assert.ok(text.includes("ngày 25 tháng 01 năm 2026"), "dated the day of the draw");
      // Nor can it be drafted as a paper of the register, even by one who issues papers.
      const asDraft = await leader.post("/api/documents", {
        formCode: "PCTN-BB-BT",
        entityType: "ac_plan",
        entityId: plan.body.id,
        agencyId: agency["LC.SCT"],
        fields: {},
      });
      assert.deepEqual(
        [asDraft.status, asDraft.body.code, asDraft.body.field],
        [400, "DOCUMENT_FORM_UNNUMBERED", "formCode"],
      );

      const v = drawn.body.verifications[0];
      const noHandling = await officer.post(`/api/anticorruption/verifications/${v.id}/conclusion`, {
        version: v.version,
        conclusion: "dishonest",
        concludedOn: "2026-06-30",
      });
      assert.deepEqual(
        [noHandling.status, noHandling.body.code, noHandling.body.field],
        [400, "AC_HANDLING_REQUIRED", "handling"],
      );
      const concluded = await officer.post(`/api/anticorruption/verifications/${v.id}/conclusion`, {
        version: v.version,
        conclusion: "honest",
        concludedOn: "2026-06-30",
      });
      assert.equal(concluded.status, 200);
      assert.equal(concluded.body.verifications.find((x: { id: string }) => x.id === v.id).conclusion, "honest");
      const check = await t.system.database.db
        .selectFrom("audit_event")
        .select("action")
        .where("action", "=", "anticorruption.lottery.drawn")
        .execute();
      assert.equal(check.length, 1);
    });

    test("job rotation: the due list, 17 months before retirement, a deferral needs its end; another agency sees nothing", async () => {
      const inspector = await officer.post("/api/anticorruption/officials", {
        code: "CB-R1",
        fullName: "Triệu Văn Rồng",
        unitAgencyId: agency["LC.SCT"],
        expectedRetirement: "2031-01-01",
        positions: [{ positionId: position.THANH_TRA_VIEN, from: "2023-01-15" }],
      });
      assert.equal(inspector.status, 201);
      const retiring = await officer.post("/api/anticorruption/officials", {
        code: "CB-R2",
        fullName: "Hà Thị Sen",
        unitAgencyId: agency["LC.SCT"],
        expectedRetirement: "2028-05-06",
        positions: [{ positionId: position.KE_TOAN, from: "2020-01-01" }],
      });
      assert.equal(retiring.status, 201);
      const noEnd = await officer.post(`/api/anticorruption/officials/${inspector.body.id}/rotation-deferrals`, {
        kind: "illness",
        from: "2026-03-01",
        evidence: "Giấy xác nhận của Bệnh viện K",
      });
      assert.equal(noEnd.status, 400);
      assert.equal(noEnd.body.field, "to");
      assert.match(noEnd.body.message, /Đến ngày \(hết thời gian tạm hoãn\)/);
      const plain = await officer.post(`/api/anticorruption/officials/${official["CB-C"]}/rotation-deferrals`, {
        kind: "illness",
        from: "2026-03-01",
        to: "2026-12-31",
        evidence: "Giấy xác nhận",
      });
      assert.equal(plain.body.code, "AC_NOT_ROTATION_POSITION");
      const deferred = await officer.post(`/api/anticorruption/officials/${inspector.body.id}/rotation-deferrals`, {
        kind: "illness",
        from: "2026-03-01",
        to: "2026-11-30",
        evidence: "Giấy xác nhận của Bệnh viện K",
      });
      assert.equal(deferred.status, 201);
      const status = async (on: string, code: string) =>
        (await officer.get(`/api/anticorruption/rotation?on=${on}`)).body.items.find(
          (i: { officialCode: string }) => i.officialCode === code,
        );
      assert.equal((await status("2026-11-30", "CB-R1")).status, "deferred");
      const after = await status("2026-12-06", "CB-R1");
      assert.deepEqual([after.status, after.tenureMonths, after.maxOn], ["over_max", 46, "2026-01-15"]);
      assert.equal((await status("2026-12-06", "CB-R2")).status, "retirement_exempt");
      // CB-A left the inspector position on 30/06/2026: not in the list after.
      assert.equal(await status("2026-12-06", "CB-A"), undefined);
      assert.equal((await otherOfficer.get("/api/anticorruption/rotation?on=2026-12-06")).body.items.length, 0);
    });

    test("papers from the records: the obligated list, the verification plan, the rotation plan (.docx)", async () => {
      const file = async (client: TestClient, url: string) => {
        const res = await t.app.inject({ method: "GET", url, headers: { cookie: `mb_session=${client.session}` } });
        return { status: res.statusCode, text: res.statusCode === 200 ? docxText(res.rawPayload) : "" };
      };
      const section = (text: string, from: string, to: string) => text.slice(text.indexOf(from), text.indexOf(to));

      const deferredPlan = await file(officer, "/api/anticorruption/rotation/plan?on=2026-11-30");
      assert.equal(deferredPlan.status, 200);
      assert.ok(section(deferredPlan.text, "II. NGƯỜI TẠM HOÃN", "III.").includes("mã CB-R1"));
      const plan = await file(officer, "/api/anticorruption/rotation/plan?on=2026-12-06");
      assert.ok(plan.text.includes("KẾ HOẠCH"));
      assert.ok(plan.text.includes("Chuyển đổi vị trí công tác năm 2026"));
      const must = section(plan.text, "I. NGƯỜI PHẢI CHUYỂN ĐỔI", "II. NGƯỜI TẠM HOÃN");
      assert.ok(must.includes("mã CB-R1") && must.includes("(46 tháng); quá thời hạn tối đa"), must);
      assert.ok(section(plan.text, "III. NGƯỜI KHÔNG THỰC HIỆN", "IV.").includes("mã CB-R2"));
      assert.ok(!plan.text.includes("mã CB-A"), "CB-A left the rotation position");

      const campaign = (await officer.get("/api/anticorruption/campaigns")).body.items[0];
      const list = await file(officer, `/api/anticorruption/campaigns/${campaign.id}/obligated-list`);
      assert.equal(list.status, 200);
      assert.ok(list.text.includes(`Người có nghĩa vụ kê khai tài sản, thu nhập năm ${campaign.year}`));
      assert.ok(list.text.includes("(mã CB-A) — Kê khai hằng năm"));
      assert.ok(list.text.includes("(mã CB-D) — Kê khai lần đầu"));
      assert.equal(
        (await file(otherOfficer, `/api/anticorruption/campaigns/${campaign.id}/obligated-list`)).status,
        403,
      );

      const verification = (await officer.get("/api/anticorruption/verification-plans")).body.items[0];
      const vplan = await file(officer, `/api/anticorruption/verification-plans/${verification.id}/plan-document`);
      assert.equal(vplan.status, 200);
      assert.ok(vplan.text.includes(`Xác minh tài sản, thu nhập năm ${verification.year}`));
      assert.match(vplan.text, /ít nhất \d+(,\d+)? % số đơn vị/);
      assert.equal(
        (await file(otherOfficer, `/api/anticorruption/verification-plans/${verification.id}/plan-document`)).status,
        403,
      );
    });

    test("supplementary duty computed: a declaration of the year 350 million above the one before puts it on the list with its reason; an annual declarant owes none", async () => {
      const kdb = t.system.database.db;
      const created = await officer.post("/api/anticorruption/officials", {
        code: "CB-E",
        fullName: "Lương Thị Em",
        unitAgencyId: agency["LC.SCT"],
        positions: [{ positionId: position.CHUYEN_VIEN, from: "2012-01-01" }],
        declaredBefore: true,
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      // A declaration for personnel work in 2025, another in 2026 (content(): land + 920 million).
      const declare = async (campaignId: string, expectedOn: string, declaredOn: string, land: number) => {
        const view = await officer.post(`/api/anticorruption/campaigns/${campaignId}/adjustments`, {
          action: "add",
          officialId: created.body.id,
          kind: "appointment",
          expectedOn,
          reason: "Dự kiến bổ nhiệm Phó Trưởng phòng",
        });
        assert.equal(view.status, 200, JSON.stringify(view.body));
        const o = view.body.items.find(
          (i: { officialCode: string; kind: string }) => i.officialCode === "CB-E" && i.kind === "appointment",
        );
        const res = await officer.post(`/api/anticorruption/obligations/${o.id}/declaration`, {
          version: o.version,
          declaredOn,
          receivedOn: declaredOn,
          content: content(land),
        });
        assert.equal(res.status, 201, JSON.stringify(res.body));
      };
      await declare(c2025.id, "2025-08-01", "2025-07-20", 1_000_000_000);
      const after2025 = (await officer.get(`/api/anticorruption/campaigns/${c2025.id}`)).body;
      assert.deepEqual(
        after2025.items
          .filter((i: { officialCode: string }) => i.officialCode === "CB-E")
          .map((i: { kind: string }) => i.kind),
        ["appointment"],
        "one declaration: nothing to compare",
      );
      await declare(c2026.id, "2026-10-20", "2026-10-01", 1_350_000_000);
      const view = (await officer.get(`/api/anticorruption/campaigns/${c2026.id}`)).body;
      const supplementary = view.items.filter(
        (i: { officialCode: string; kind: string }) => i.officialCode === "CB-E" && i.kind === "supplementary",
      );
      assert.equal(supplementary.length, 1);
      assert.deepEqual([supplementary[0].source, supplementary[0].dueOn], ["computed", "2026-12-31"]);
      assert.equal(
        supplementary[0].reason,
        "Tài sản biến động từ 300 triệu đồng trở lên trong năm 2026: bản kê khai ngày 01/10/2026 (kê khai phục vụ công tác cán bộ) so với bản kê khai ngày 20/07/2025 — Điều 36 khoản 2 Luật Phòng, chống tham nhũng 2018.",
      );
      const added = await kdb
        .selectFrom("audit_event")
        .select("summary")
        .where("action", "=", "anticorruption.obligation.added")
        .where("entity_id", "=", c2026.id)
        .execute();
      assert.ok(added.some((e) => (e.summary as { computed?: boolean }).computed === true));
      // Recomputed: still one; CB-B (annual, +400 million in 2026) owes none (Điều 36 khoản 2).
      const again = (await officer.post(`/api/anticorruption/campaigns/${c2026.id}/recompute`)).body;
      assert.deepEqual(
        again.items
          .filter((i: { kind: string }) => i.kind === "supplementary")
          .map((i: { officialCode: string }) => i.officialCode),
        ["CB-E"],
      );
    });
  });
}
