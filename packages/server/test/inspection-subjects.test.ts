/**
 * The registry of inspection subjects through the HTTP API, on both databases: tax codes checked
 * for form (a wrong one refused naming the field), accent-insensitive search, editing with
 * versions, import from CSV and Excel with a row-by-row report (downloadable), merging duplicates
 * (occurrences and plan items move to the survivor, audited) and who may do what.
 */
import ExcelJS from "exceljs";
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { startTestApp, testDatabases, type TestApp, type TestClient } from "../src/testing.ts";
import { taxCode } from "./support/tax-codes.ts";

const b64 = (text: string) => Buffer.from(text, "utf8").toString("base64");

for (const db of testDatabases()) {
  describe(`inspection subjects (${db.kind})`, () => {
    let t: TestApp;
    let inspector: TestClient;
    let deptInspector: TestClient;
    let viewer: TestClient;
    let province: TestClient;

    before(async () => {
      t = await startTestApp({ db, listen: false });
      inspector = await t.login("thanhtra");
      deptInspector = await t.login("kiemtra.sct");
      viewer = await t.login("xem");
      province = await t.login("lanhdao.tinh");
    });
    after(() => t.close());

    test("a tax code of the wrong form is refused with a message naming the field; the right forms are kept", async () => {
      const wrongDigit = await inspector.post("/api/inspection-subjects", {
        kind: "enterprise",
        name: "Công ty TNHH Sai Số",
        taxCode: "0100233480",
      });
      assert.equal(wrongDigit.status, 400);
      assert.equal(wrongDigit.body.field, "taxCode");
      assert.match(wrongDigit.body.message, /Mã số thuế.*chữ số kiểm tra/);

      const short = await inspector.post("/api/inspection-subjects", {
        kind: "enterprise",
        name: "X",
        taxCode: "12345",
      });
      assert.equal(short.status, 400);
      assert.equal(short.body.field, "taxCode");
      assert.match(short.body.message, /10 chữ số/);

      const missing = await inspector.post("/api/inspection-subjects", { kind: "household", name: "Hộ kinh doanh A" });
      assert.equal(missing.status, 400);
      assert.equal(missing.body.field, "taxCode");

      const branch = await inspector.post("/api/inspection-subjects", {
        kind: "enterprise",
        name: "Chi nhánh Công ty Cổ phần Vận tải Lào Cai",
        taxCode: "0314 409 058 - 002",
        address: "",
      });
      assert.equal(branch.status, 201, JSON.stringify(branch.body));
      assert.equal(branch.body.taxCode, "0314409058-002");

      const person = await inspector.post("/api/inspection-subjects", {
        kind: "household",
        name: "Hộ kinh doanh Lò Văn Sáng",
        taxCode: "010085012345",
        address: null,
      });
      assert.equal(person.status, 201);
      assert.equal(person.body.taxCode, "010085012345");
      const badProvince = await inspector.post("/api/inspection-subjects", {
        kind: "household",
        name: "Hộ kinh doanh B",
        taxCode: "990085012345",
      });
      assert.equal(badProvince.status, 400);
      assert.match(badProvince.body.message, /mã tỉnh/);
    });

    test("the same tax code twice is refused; search ignores accents and finds by tax code", async () => {
      const code = taxCode("530100001");
      const created = await inspector.post("/api/inspection-subjects", {
        kind: "enterprise",
        name: "Công ty Cổ phần Khoáng sản Đường Ống",
        taxCode: code,
        address: "Phường Cốc Lếu, tỉnh Lào Cai",
      });
      assert.equal(created.status, 201);
      const again = await deptInspector.post("/api/inspection-subjects", {
        kind: "enterprise",
        name: "Khác",
        taxCode: code,
      });
      assert.equal(again.status, 409);
      assert.equal(again.body.code, "SUBJECT_TAX_CODE_TAKEN");

      const found = await viewer.get("/api/inspection-subjects?q=khoang%20san%20duong%20ong");
      assert.equal(found.status, 200);
      assert.equal(found.body.items.length, 1);
      assert.equal(found.body.items[0].canEdit, false, "a viewer reads but does not edit");
      const byCode = await province.get(`/api/inspection-subjects?q=${code}`);
      assert.equal(byCode.body.items[0].id, created.body.id);
      const byPlace = await inspector.get("/api/inspection-subjects?q=coc%20leu");
      assert.ok(byPlace.body.items.some((s: { id: string }) => s.id === created.body.id));
    });

    test("a viewer may not add or edit; an edit needs the current version", async () => {
      const refused = await viewer.post("/api/inspection-subjects", { kind: "individual", name: "Nguyễn Văn A" });
      assert.equal(refused.status, 403);
      const s = await inspector.post("/api/inspection-subjects", { kind: "individual", name: "Nguyễn Văn Bình" });
      assert.equal(s.status, 201);
      const edited = await deptInspector.put(`/api/inspection-subjects/${s.body.id}`, {
        kind: "individual",
        name: "Nguyễn Văn Bình (chủ trang trại)",
        version: s.body.version,
      });
      assert.equal(edited.status, 200);
      assert.equal(edited.body.version, s.body.version + 1);
      const stale = await inspector.put(`/api/inspection-subjects/${s.body.id}`, {
        kind: "individual",
        name: "Cũ",
        version: s.body.version,
      });
      assert.equal(stale.status, 409);
      assert.equal(stale.body.code, "VERSION_CONFLICT");
    });

    test("CSV import: refused rows reported with the reason, accepted rows saved, existing ones not doubled, report downloadable", async () => {
      const known = taxCode("530200001");
      await inspector.post("/api/inspection-subjects", { kind: "enterprise", name: "Công ty đã có", taxCode: known });
      const good1 = taxCode("530200101");
      const good2 = taxCode("010200201");
      const csv = [
        "Loại đối tượng;Tên đối tượng;Mã số thuế;Địa chỉ",
        `Doanh nghiệp;Công ty TNHH Chè Sa Pa;${good1};Phường Sa Pa`,
        `Doanh nghiệp;Công ty Sai Mã;0100233480;`,
        `Hộ kinh doanh;Hộ kinh doanh Vàng A Dình;${good2.slice(1)};Xã Bắc Hà`,
        `Doanh nghiệp;Công ty đã có (ghi lại);${known};`,
        `Doanh nghiệp;;${taxCode("530200301")};`,
        `Con mèo;Đối tượng lạ;;`,
        `Doanh nghiệp;Công ty TNHH Chè Sa Pa (dòng lặp);${good1};`,
      ].join("\r\n");
      const res = await inspector.post("/api/inspection-subjects/imports", {
        fileName: "doi-tuong.csv",
        content: b64(csv),
      });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      assert.equal(res.body.rows, 7);
      assert.equal(res.body.created, 2, "the two good rows (the household's code lost its leading zero, restored)");
      assert.equal(res.body.existing, 1);
      assert.deepEqual(
        res.body.refused.map((r: { row: number; field: string }) => [r.row, r.field]),
        [
          [3, "Mã số thuế"],
          [6, "Tên đối tượng"],
          [7, "Loại đối tượng"],
          [8, "Mã số thuế"],
        ],
      );
      assert.match(res.body.refused[0].message, /chữ số kiểm tra/);
      assert.match(res.body.refused[3].message, /Trùng với dòng 2/);
      const found = await inspector.get(`/api/inspection-subjects?q=${good2}`);
      assert.equal(found.body.items[0].kind, "household");

      const report = await inspector.get(`/api/inspection-subjects/imports/${res.body.id}/report`);
      assert.equal(report.status, 200);
      assert.match(String(report.headers["content-type"]), /spreadsheetml/);
      const raw = await t.app.inject({
        method: "GET",
        url: `/api/inspection-subjects/imports/${res.body.id}/report`,
        headers: { cookie: `mb_session=${inspector.session}` },
      });
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(raw.rawPayload as unknown as ArrayBuffer);
      const cells: string[] = [];
      wb.worksheets[0]!.eachRow((row) => row.eachCell((c) => cells.push(String(c.value))));
      assert.ok(
        cells.some((c) => /chữ số kiểm tra/.test(c)),
        "the reason is in the report",
      );
      assert.ok(cells.includes("Công ty Sai Mã"), "with the row's values");

      const other = await t.login("admin.snnmt");
      const hidden = await other.get(`/api/inspection-subjects/imports/${res.body.id}/report`);
      assert.equal(hidden.status, 403, "an account without inspection.read");
    });

    test("Excel import reads the first sheet's header row; a file without the name column is refused whole", async () => {
      const wb = new ExcelJS.Workbook();
      const sheet = wb.addWorksheet("DS");
      sheet.addRow(["DANH SÁCH ĐỐI TƯỢNG"]);
      sheet.addRow(["STT", "Tên doanh nghiệp", "MST", "Địa chỉ"]);
      sheet.addRow([1, "Hợp tác xã Mận Bắc Hà", taxCode("530300001"), "Xã Bắc Hà"]);
      sheet.addRow([2, "Công ty số", Number(taxCode("530300101")), "Lào Cai"]);
      const content = Buffer.from(await wb.xlsx.writeBuffer()).toString("base64");
      const res = await deptInspector.post("/api/inspection-subjects/imports", { fileName: "ds.xlsx", content });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      assert.equal(res.body.created, 2);
      assert.deepEqual(res.body.refused, []);

      const noName = await deptInspector.post("/api/inspection-subjects/imports", {
        fileName: "x.csv",
        content: b64("Cột A,Cột B\n1,2\n"),
      });
      assert.equal(noName.status, 400);
      assert.equal(noName.body.field, "content");
      assert.match(noName.body.message, /Tên đối tượng/);
    });

    test("merge: the duplicate keeps its row, its occurrences move to the survivor; only the registering agency or one above it", async () => {
      const a = await inspector.post("/api/inspection-subjects", {
        kind: "enterprise",
        name: "Công ty TNHH Thương mại Kim Thành",
        taxCode: taxCode("530400001"),
      });
      const dup2 = await inspector.post("/api/inspection-subjects", {
        kind: "enterprise",
        name: "Cty TNHH TM Kim Thành",
        taxCode: taxCode("530400101"),
      });
      assert.equal(dup2.status, 201);
      // The duplicate is in a plan of the Inspectorate.
      const plan = await inspector.post("/api/inspection-plans", { year: 2031 });
      assert.equal(plan.status, 201, JSON.stringify(plan.body));
      const withItem = await inspector.post(`/api/inspection-plans/${plan.body.id}/items`, {
        planVersion: plan.body.version,
        subjectIds: [dup2.body.id],
        activity: "inspection",
        kind: "planned",
        content: "Thanh tra việc chấp hành pháp luật về thuế",
        quarter: 2,
      });
      assert.equal(withItem.status, 201, JSON.stringify(withItem.body));

      const byOther = await deptInspector.post(`/api/inspection-subjects/${dup2.body.id}/merge`, {
        intoId: a.body.id,
        version: dup2.body.version,
      });
      assert.equal(byOther.status, 403, "the Department did not register it");
      const byViewer = await viewer.post(`/api/inspection-subjects/${dup2.body.id}/merge`, {
        intoId: a.body.id,
        version: dup2.body.version,
      });
      assert.equal(byViewer.status, 403);

      const merged = await inspector.post(`/api/inspection-subjects/${dup2.body.id}/merge`, {
        intoId: a.body.id,
        version: dup2.body.version,
      });
      assert.equal(merged.status, 200, JSON.stringify(merged.body));
      assert.equal(merged.body.mergedIntoId, a.body.id);
      const survivor = await viewer.get(`/api/inspection-subjects/${a.body.id}`);
      assert.equal(survivor.body.occurrences.length, 1);
      assert.equal(survivor.body.merged[0].id, dup2.body.id);
      const planNow = await inspector.get(`/api/inspection-plans/${plan.body.id}`);
      assert.equal(planNow.body.items[0].subjects[0].id, a.body.id);
      const list = await inspector.get("/api/inspection-subjects?q=kim%20thanh");
      assert.deepEqual(
        list.body.items.map((s: { id: string }) => s.id),
        [a.body.id],
        "merged rows are hidden from the list",
      );
      const again = await inspector.put(`/api/inspection-subjects/${dup2.body.id}`, {
        kind: "enterprise",
        name: "x",
        taxCode: taxCode("530400101"),
        version: merged.body.version,
      });
      assert.equal(again.status, 409);
      assert.equal(again.body.code, "SUBJECT_MERGED");
      const audit = await t.system.database.db
        .selectFrom("audit_event")
        .select(["action"])
        .where("entity_id", "=", dup2.body.id)
        .execute();
      assert.ok(audit.some((e) => e.action === "inspection.subject.merged"));
    });
  });
}
