/**
 * The follow-up of petitions through the HTTP API, on both databases: urging writes its letter,
 * destruction its decision (one for a batch, all or nothing), the retention list, the Excel
 * export of the filtered list with the denouncer masked, the field catalogue kept by the
 * administrators — and who is refused each of them.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { ELIGIBLE_ANSWERS, todayInVietnam } from "@minhbach/domain";
import ExcelJS from "exceljs";
import { sql } from "kysely";
import { startTestApp, testDatabases, type TestApp, type TestClient } from "../src/testing.ts";
import { docxText } from "./support/zip.ts";

const WRITER = "Nguyễn Văn An";
const DENOUNCER = "Hoàng Thị Diệu";
const MASK = "Người tố cáo (thông tin được bảo mật)";

function shiftDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function letter(over: Record<string, unknown> = {}) {
  return {
    channel: "post",
    receivedOn: todayInVietnam(),
    petitioners: [{ kind: "person", fullName: WRITER, address: "Thôn Na Hối, xã Bắc Hà, tỉnh Lào Cai" }],
    respondents: [{ name: "Cửa hàng xăng dầu Minh Phát", address: "xã Bắc Hà" }],
    content:
      "Đề nghị kiểm tra việc cửa hàng xăng dầu Minh Phát bán xăng thiếu lít, cột bơm số 2 có dấu hiệu can thiệp.",
    fieldCode: "CT.XANG_DAU",
    ...over,
  };
}

for (const db of testDatabases()) {
  describe(`petition follow-up and catalogue administration (${db.kind})`, () => {
    let t: TestApp;
    let handler: TestClient;
    let otherHandler: TestClient;
    let viewer: TestClient;
    let admin: TestClient;
    let otherAdmin: TestClient;
    const today = todayInVietnam();
    const longAgo = shiftDays(today, -420);

    before(async () => {
      t = await startTestApp({ db, listen: false });
      handler = await t.login("xulydon");
      otherHandler = await t.login("xulydon.snnmt");
      viewer = await t.login("xem");
      admin = await t.login("admin");
      otherAdmin = await t.login("admin.snnmt");
    });
    after(() => t.close());

    async function receive(over: Record<string, unknown> = {}): Promise<string> {
      const res = await handler.post("/api/petitions", letter(over));
      assert.equal(res.status, 201, JSON.stringify(res.body));
      return res.body.id;
    }

    async function detail(id: string) {
      return (await handler.get(`/api/petitions/${id}`)).body;
    }

    async function classify(id: string, kind: string, competence: string, answers = ELIGIBLE_ANSWERS) {
      const p = await detail(id);
      const res = await handler.post(`/api/petitions/${id}/classify`, {
        version: p.version,
        kind,
        competence,
        fieldCode: kind === "denunciation" ? "CT.QUAN_LY_THI_TRUONG" : "CT.XANG_DAU",
        eligibilityAnswers: answers,
      });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      return res.body;
    }

    /** A petition received and filed on `on`: kept one year from then. */
    async function filed(on: string, over: Record<string, unknown> = {}, kind = "recommendation"): Promise<string> {
      const id = await receive({ receivedOn: on, ...over });
      const p = await classify(id, kind, "within", { ...ELIGIBLE_ANSWERS, signature: false });
      assert.equal(p.state, "NOT_ELIGIBLE");
      const res = await handler.post(`/api/petitions/${id}/outcome`, {
        version: p.version,
        outcome: "archive",
        on,
        reason: "not_eligible",
      });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal(res.body.petition.state, "FILED");
      return id;
    }

    /** Transferred to a body outside the installation, slip sent: waiting for an answer. */
    async function awaiting(kind: string, over: Record<string, unknown> = {}): Promise<string> {
      const id = await receive(over);
      const p = await classify(id, kind, "not_within");
      const out = await handler.post(`/api/petitions/${id}/outcome`, {
        version: p.version,
        outcome: "transfer",
        on: today,
        targetBody: "Ủy ban nhân dân xã Bắc Hà",
        notifyWriter: true,
      });
      assert.equal(out.status, 200, JSON.stringify(out.body));
      const sent = await handler.post(`/api/petitions/${id}/dispatch`, {
        version: out.body.petition.version,
        documentNumber: "15/PC-SCT",
        sentOn: today,
      });
      assert.equal(sent.status, 200, JSON.stringify(sent.body));
      assert.equal(sent.body.petition.state, "AWAITING_FEEDBACK");
      return id;
    }

    async function file(client: TestClient, url: string) {
      return t.app.inject({
        method: "GET",
        url,
        headers: client.session ? { cookie: `mb_session=${client.session}` } : {},
      });
    }

    // ---- Urging ------------------------------------------------------------------------------

    test("urging writes the DD letter draft to the body the petition went to", async () => {
      const id = await awaiting("recommendation");
      const p = await detail(id);
      const res = await handler.post(`/api/petitions/${id}/urge`, { version: p.version, on: today });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.ok(res.body.documentId);
      const doc = (await handler.get(`/api/documents/${res.body.documentId}`)).body;
      assert.equal(doc.formCode, "DD");
      assert.equal(doc.status, "draft");
      assert.equal(doc.fields.targetBody, "Ủy ban nhân dân xã Bắc Hà");
      assert.equal(doc.fields.handledAs, "transfer");
      assert.equal(doc.fields.reference, "Phiếu chuyển đơn số 15/PC-SCT");
      assert.equal(doc.fields.petitioner.fullName, WRITER);
      assert.equal(doc.fields.urgeCount, 1);
      assert.ok(doc.fields.reportBy > today);
      const urged = res.body.petition.events.find((e: { action: string }) => e.action === "urge");
      assert.equal(urged.documentId, res.body.documentId);
      const text = docxText((await file(handler, `/api/documents/${doc.id}/file`)).rawPayload);
      assert.match(text, /V\/v đôn đốc giải quyết đơn/);
      assert.match(text, /Kính gửi: Ủy ban nhân dân xã Bắc Hà/);

      // A second urging counts itself.
      const again = await handler.post(`/api/petitions/${id}/urge`, { version: res.body.petition.version, on: today });
      assert.equal((await handler.get(`/api/documents/${again.body.documentId}`)).body.fields.urgeCount, 2);
      const awaitingList = await handler.get("/api/petitions/awaiting");
      const item = awaitingList.body.items.find((a: { petitionId: string }) => a.petitionId === id);
      assert.equal(item.urgeCount, 2);
    });

    test("the urging letter of a denunciation names no writer", async () => {
      const id = await awaiting("denunciation", {
        petitioners: [{ kind: "person", fullName: DENOUNCER, address: "phường Lào Cai" }],
        respondents: [{ name: "Ông Trần Văn Cán" }],
        content: "Tố cáo ông Trần Văn Cán, cán bộ quản lý thị trường, nhận tiền của các cửa hàng để bỏ qua vi phạm.",
      });
      const p = await detail(id);
      const res = await handler.post(`/api/petitions/${id}/urge`, { version: p.version, on: today });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      const doc = (await handler.get(`/api/documents/${res.body.documentId}`)).body;
      assert.equal(doc.fields.petitionKind, "denunciation");
      assert.equal(doc.fields.petitioner, undefined);
      const text = docxText((await file(handler, `/api/documents/${doc.id}/file`)).rawPayload);
      assert.doesNotMatch(text, new RegExp(DENOUNCER));
      assert.match(text, /giữ bí mật họ tên/);
    });

    test("urging is refused to a viewer, to another agency, and without a session", async () => {
      const id = await awaiting("recommendation");
      const p = await detail(id);
      const body = { version: p.version, on: today };
      assert.equal((await viewer.post(`/api/petitions/${id}/urge`, body)).status, 403);
      const other = await otherHandler.post(`/api/petitions/${id}/urge`, body);
      assert.equal(other.status, 403);
      assert.equal(other.body.code, "OUT_OF_SCOPE");
      assert.equal((await t.anonymous().post(`/api/petitions/${id}/urge`, body)).status, 401);
      assert.equal((await detail(id)).version, p.version, "nothing changed");
    });

    // ---- Retention and destruction -------------------------------------------------------------

    let due: string[] = [];
    let dueDenunciation = "";
    let notYet = "";

    test("retention-due: filed petitions past their year, in scope, the denouncer masked", async () => {
      due = [await filed(longAgo), await filed(shiftDays(longAgo, 3))];
      dueDenunciation = await filed(
        longAgo,
        {
          petitioners: [{ kind: "person", fullName: DENOUNCER, address: "phường Lào Cai" }],
          content: "Tố cáo ông Trần Văn Cán nhận tiền của các cửa hàng.",
        },
        "denunciation",
      );
      notYet = await filed(today);
      const res = await handler.get("/api/petitions/retention-due");
      assert.equal(res.status, 200, JSON.stringify(res.body));
      const ids = res.body.items.map((i: { id: string }) => i.id);
      for (const id of [...due, dueDenunciation]) assert.ok(ids.includes(id), id);
      assert.ok(!ids.includes(notYet), "filed today: kept for a year");
      const first = res.body.items.find((i: { id: string }) => i.id === due[0]);
      assert.equal(first.archiveReason, "not_eligible");
      assert.equal(first.archiveReasonLabel, "Đơn không đủ điều kiện xử lý");
      assert.ok(first.retentionUntil < today);
      const masked = res.body.items.find((i: { id: string }) => i.id === dueDenunciation);
      assert.equal(masked.petitioner, MASK);
      assert.doesNotMatch(JSON.stringify(res.body), new RegExp(DENOUNCER));

      // A filed petition's date is the end of its retention year, not a time limit: past it, the
      // petition is not late work.
      const overdue = (await handler.get("/api/petitions?overdue=true&pageSize=100")).body.items;
      assert.ok(!overdue.some((i: { id: string }) => due.includes(i.id)), "filed past retention is not overdue");
      const listed = (await handler.get("/api/petitions?status=FILED&pageSize=100")).body.items;
      assert.equal(listed.find((i: { id: string }) => i.id === due[0]).dueStatus, null);

      assert.equal((await viewer.get("/api/petitions/retention-due")).status, 200, "a viewer reads");
      assert.deepEqual((await otherHandler.get("/api/petitions/retention-due")).body.items, []);
      const anon = await t.anonymous().get("/api/petitions/retention-due");
      assert.equal(anon.status, 401);
      const wrongRole = await admin.get("/api/petitions/retention-due");
      assert.equal(wrongRole.status, 403);
      assert.equal(wrongRole.body.code, "FORBIDDEN");
    });

    /** A decision signed on paper, typed (the only case where number and decider are typed). */
    const outside = () => ({
      issuedOutside: true,
      decisionNumber: "05/QĐ-SCT",
      decisionDate: today,
      decidedBy: "Nguyễn Văn Thành",
    });

    test("batch destruction is refused without a session, to the wrong role, to another agency", async () => {
      const body = { ids: due };
      assert.equal((await t.anonymous().post("/api/petitions/destroy", body)).status, 401);
      const asViewer = await viewer.post("/api/petitions/destroy", body);
      assert.equal(asViewer.status, 403);
      assert.equal(asViewer.body.code, "FORBIDDEN");
      assert.equal((await admin.post("/api/petitions/destroy", body)).status, 403);
      const other = await otherHandler.post("/api/petitions/destroy", body);
      assert.equal(other.status, 403);
      assert.equal(other.body.code, "OUT_OF_SCOPE");
      for (const id of due) assert.equal((await detail(id)).state, "FILED");
    });

    test("batch destruction is all or nothing: one petition still kept refuses the whole batch", async () => {
      const res = await handler.post("/api/petitions/destroy", { ids: [...due, notYet] });
      assert.equal(res.status, 400, JSON.stringify(res.body));
      assert.equal(res.body.code, "RETENTION_NOT_OVER");
      assert.equal(res.body.field, "ids.2.decisionDate");
      assert.match(res.body.message, /Đơn LC\.SCT-/);
      for (const id of [...due, notYet]) assert.equal((await detail(id)).state, "FILED", "rolled back");
      const held = (await handler.get("/api/petitions/retention-due")).body.items.filter(
        (i: { pendingDecision: unknown }) => i.pendingDecision !== null,
      );
      assert.deepEqual(held, [], "no draft holds them");

      // The register numbers the decision: a typed number without "issued outside" is refused.
      const typed = await handler.post("/api/petitions/destroy", { ids: due, decisionNumber: "05/QĐ-SCT" });
      assert.equal(typed.status, 400);
      assert.equal(typed.body.code, "NUMBER_FROM_REGISTER");
      assert.equal(typed.body.field, "decisionNumber");
      const future = await handler.post("/api/petitions/destroy", {
        ids: due,
        ...outside(),
        decisionDate: shiftDays(today, 1),
      });
      assert.equal(future.status, 400);
      assert.equal(future.body.field, "decisionDate");
      const noNumber = await handler.post("/api/petitions/destroy", { ids: due, ...outside(), decisionNumber: "" });
      assert.equal(noNumber.status, 400);
      assert.equal(noNumber.body.code, "DECISION_NUMBER_REQUIRED");
      const empty = await handler.post("/api/petitions/destroy", { ids: [] });
      assert.equal(empty.status, 400);
      assert.equal(empty.body.field, "ids");
      for (const id of due) assert.equal((await detail(id)).state, "FILED");
    });

    test("batch destruction: one QD-HUY drafted; the petitions wait for the leader's signature, then are DESTROYED with the register's number", async () => {
      const ids = [...due, dueDenunciation];
      const res = await handler.post("/api/petitions/destroy", { ids, deciderTitle: "Giám đốc Sở Công Thương" });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.deepEqual(res.body.destroyed, []);
      assert.equal(res.body.pending.length, 3);
      const documentId = res.body.documentId as string;
      const doc = (await handler.get(`/api/documents/${documentId}`)).body;
      assert.equal(doc.formCode, "QD-HUY");
      assert.equal(doc.entityType, "petition_destruction");
      assert.equal(doc.status, "draft");
      assert.equal(doc.fields.petitions.length, 3);
      assert.equal(doc.fields.deciderTitle, "Giám đốc Sở Công Thương");
      assert.doesNotMatch(JSON.stringify(doc.fields), new RegExp(`${DENOUNCER}|${WRITER}`));

      // Until signed nothing is destroyed, the list shows the pending decision, and no other batch takes them.
      for (const id of ids) assert.equal((await detail(id)).state, "FILED");
      const listed = (await handler.get("/api/petitions/retention-due")).body.items;
      for (const id of ids) {
        const item = listed.find((i: { id: string }) => i.id === id);
        assert.deepEqual(item.pendingDecision, { documentId, status: "draft" });
      }
      const twice = await handler.post("/api/petitions/destroy", { ids: [due[1]] });
      assert.equal(twice.status, 409);
      assert.equal(twice.body.code, "DESTRUCTION_PENDING");
      assert.equal(twice.body.field, "ids.0");

      // The drafter may not issue a decision in the head's name; the leader signs it.
      const byDrafter = await handler.post(`/api/documents/${documentId}/issue`, {});
      assert.equal(byDrafter.status, 409);
      assert.equal(byDrafter.body.code, "DOCUMENT_NEEDS_SIGNATURE");
      const leader = await t.login("lanhdao");
      const leaderId = (await leader.get("/api/auth/me")).body.user.id as string;
      const submitted = await handler.post(`/api/documents/${documentId}/submit`, {
        version: doc.version,
        signerId: leaderId,
      });
      assert.equal(submitted.status, 200, JSON.stringify(submitted.body));
      const waiting = (await handler.get("/api/petitions/retention-due")).body.items.find(
        (i: { id: string }) => i.id === due[0],
      );
      assert.equal(waiting.pendingDecision.status, "submitted");
      const issued = await leader.post(`/api/documents/${documentId}/issue`, {});
      assert.equal(issued.status, 200, JSON.stringify(issued.body));
      const symbol = issued.body.symbol as string;
      assert.match(symbol, /^\d+\/QĐ-/);

      for (const id of ids) {
        const p = await detail(id);
        assert.equal(p.state, "DESTROYED");
        const ev = p.events.find((e: { action: string }) => e.action === "destroy");
        assert.equal(ev.documentId, documentId);
        assert.equal(ev.data.decisionNumber, symbol, "the register's number, typed by nobody");
        assert.equal(ev.data.decisionDate, today);
        assert.match(ev.data.decidedBy, /Giám đốc/);
      }
      const text = docxText((await file(handler, `/api/documents/${documentId}/file`)).rawPayload);
      assert.match(text, /GIÁM ĐỐC SỞ CÔNG THƯƠNG/);
      assert.match(text, /Hủy 03 đơn/);
      const after = (await handler.get("/api/petitions/retention-due")).body.items.map((i: { id: string }) => i.id);
      for (const id of ids) assert.ok(!after.includes(id));

      const again = await handler.post("/api/petitions/destroy", { ids: [due[0]] });
      assert.equal(again.status, 409);
      assert.equal(again.body.code, "WRONG_STATE");

      const audit = await admin.get("/api/audit?entityType=petition_destruction&pageSize=50");
      const actions = audit.body.items.map((e: { action: string }) => e.action);
      assert.ok(actions.includes("petition.destruction_drafted"), JSON.stringify(actions));
      const batch = audit.body.items.find((e: { action: string }) => e.action === "petition.destroy_batch");
      assert.equal(batch.summary.count, 3);
      assert.equal(batch.summary.documentId, documentId);
      assert.equal(batch.summary.decisionNumber, symbol);
    });

    test("a cancelled destruction draft frees its petitions for another decision", async () => {
      const id = await filed(shiftDays(longAgo, 7));
      const first = await handler.post("/api/petitions/destroy", { ids: [id] });
      assert.equal(first.status, 200, JSON.stringify(first.body));
      const doc = (await handler.get(`/api/documents/${first.body.documentId}`)).body;
      assert.ok(doc.actions.includes("cancel"));
      const blank = await handler.post(`/api/documents/${doc.id}/cancel`, { version: doc.version, reason: "" });
      assert.equal(blank.status, 400);
      assert.equal(blank.body.field, "reason");
      const byViewer = await viewer.post(`/api/documents/${doc.id}/cancel`, { version: doc.version, reason: "x" });
      assert.equal(byViewer.status, 403);
      const cancelled = await handler.post(`/api/documents/${doc.id}/cancel`, {
        version: doc.version,
        reason: "Lập nhầm danh sách",
      });
      assert.equal(cancelled.status, 200, JSON.stringify(cancelled.body));
      assert.equal(cancelled.body.status, "cancelled");
      assert.equal(cancelled.body.cancelledReason, "Lập nhầm danh sách");
      assert.equal(cancelled.body.symbol, null);
      const item = (await handler.get("/api/petitions/retention-due")).body.items.find(
        (i: { id: string }) => i.id === id,
      );
      assert.equal(item.pendingDecision, null);
      const issueCancelled = await handler.post(`/api/documents/${doc.id}/issue`, {});
      assert.equal(issueCancelled.status, 409);
      assert.equal(issueCancelled.body.code, "DOCUMENT_CANCELLED");
      const second = await handler.post("/api/petitions/destroy", { ids: [id] });
      assert.equal(second.status, 200, JSON.stringify(second.body));
      assert.equal((await detail(id)).state, "FILED");
    });

    test("a decision signed on paper is typed and destroys at once, with no draft", async () => {
      const id = await filed(shiftDays(longAgo, 9));
      const res = await handler.post("/api/petitions/destroy", { ids: [id], ...outside() });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal(res.body.documentId, null);
      assert.equal(res.body.destroyed.length, 1);
      const p = await detail(id);
      assert.equal(p.state, "DESTROYED");
      const ev = p.events.find((e: { action: string }) => e.action === "destroy");
      assert.equal(ev.data.decisionNumber, "05/QĐ-SCT");
      assert.equal(ev.documentId, null);
    });

    test("single-step destruction drafts the QD-HUY for the one petition; the petition waits for it", async () => {
      const id = await filed(shiftDays(longAgo, 5));
      const p = await detail(id);
      const stale = await handler.post(`/api/petitions/${id}/destroy`, { version: p.version + 1 });
      assert.equal(stale.status, 409);
      assert.equal(stale.body.code, "VERSION_CONFLICT");
      const typed = await handler.post(`/api/petitions/${id}/destroy`, { version: p.version, decidedBy: "Ông A" });
      assert.equal(typed.body.code, "NUMBER_FROM_REGISTER");
      assert.equal(typed.body.field, "decidedBy");
      const res = await handler.post(`/api/petitions/${id}/destroy`, { version: p.version });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal(res.body.petition.state, "FILED");
      const doc = (await handler.get(`/api/documents/${res.body.documentId}`)).body;
      assert.equal(doc.formCode, "QD-HUY");
      assert.equal(doc.fields.petitions[0].code, p.code);
      assert.equal(doc.fields.decidedBy, undefined);
    });

    // ---- Excel export ------------------------------------------------------------------------

    async function workbook(client: TestClient, query: string) {
      const res = await file(client, `/api/petitions/export.xlsx${query}`);
      return {
        res,
        book:
          res.statusCode === 200
            ? await new ExcelJS.Workbook().xlsx.load(res.rawPayload as unknown as ArrayBuffer)
            : null,
      };
    }

    test("export: the filtered list, Times New Roman, bold header, dates dd/mm/yyyy, the denouncer masked", async () => {
      const list = await handler.get("/api/petitions?kind=denunciation&pageSize=200");
      const { res, book } = await workbook(handler, "?kind=denunciation");
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.headers["content-type"], "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
      assert.match(String(res.headers["content-disposition"]), /attachment; filename="Danh-sach-don-/);
      const sheet = book!.worksheets[0]!;
      assert.equal(sheet.rowCount, 1 + list.body.total);
      const header = sheet.getRow(1);
      assert.equal(header.getCell(1).value, "Mã đơn");
      assert.equal(header.getCell(1).font?.bold, true);
      assert.equal(header.getCell(1).font?.name, "Times New Roman");
      const row = sheet.getRow(2);
      assert.equal(row.getCell(1).font?.name, "Times New Roman");
      assert.ok(row.getCell(2).value instanceof Date);
      assert.equal(row.getCell(2).numFmt, "dd/mm/yyyy");
      const codes = list.body.items.map((i: { code: string }) => i.code);
      for (let r = 2; r <= sheet.rowCount; r++) {
        assert.equal(sheet.getRow(r).getCell(4).value, MASK);
        assert.ok(codes.includes(sheet.getRow(r).getCell(1).value));
      }
      const all = JSON.stringify(sheet.getSheetValues());
      assert.doesNotMatch(all, new RegExp(DENOUNCER));

      // Same filters, same rows as the list.
      const everything = await handler.get("/api/petitions?pageSize=1");
      const whole = await workbook(handler, "");
      assert.equal(whole.book!.worksheets[0]!.rowCount, 1 + everything.body.total);
      const byWriter = await workbook(handler, `?q=${encodeURIComponent("nguyen van an")}&status=AWAITING_FEEDBACK`);
      const listed = await handler.get(
        `/api/petitions?q=${encodeURIComponent("nguyen van an")}&status=AWAITING_FEEDBACK`,
      );
      assert.equal(byWriter.book!.worksheets[0]!.rowCount, 1 + listed.body.total);

      const audit = await admin.get("/api/audit?entityType=petition&pageSize=200");
      const exported = audit.body.items.filter((e: { action: string }) => e.action === "petition.exported");
      assert.ok(exported.length >= 3);
      assert.ok(exported.some((e: { summary: { filters: { q?: string } } }) => e.summary.filters.q === "(có)"));
      assert.doesNotMatch(JSON.stringify(exported), /nguyen van an/);
    });

    test("export: another agency gets only its own rows; no session 401; wrong role 403; bad filter 400", async () => {
      const other = await workbook(otherHandler, "");
      assert.equal(other.res.statusCode, 200);
      const sheet = other.book!.worksheets[0]!;
      for (let r = 2; r <= sheet.rowCount; r++)
        assert.doesNotMatch(String(sheet.getRow(r).getCell(1).value), /^LC\.SCT-/);
      assert.equal((await file(t.anonymous(), "/api/petitions/export.xlsx")).statusCode, 401);
      const wrong = await file(admin, "/api/petitions/export.xlsx");
      assert.equal(wrong.statusCode, 403);
      assert.equal(JSON.parse(wrong.body).code, "FORBIDDEN");
      const bad = await file(handler, "/api/petitions/export.xlsx?status=KHONG_CO");
      assert.equal(bad.statusCode, 400);
    });

    // ---- Field catalogue -----------------------------------------------------------------------

    test("field catalogue: read by handlers, viewers and administrators; not by others", async () => {
      const res = await handler.get("/api/petition-fields");
      assert.equal(res.status, 200);
      const xd = res.body.items.find((f: { code: string }) => f.code === "CT.XANG_DAU");
      assert.equal(xd.builtIn, true);
      assert.ok(xd.inUse > 0);
      assert.equal(xd.active, true);
      assert.equal((await viewer.get("/api/petition-fields")).status, 200);
      assert.equal((await admin.get("/api/petition-fields")).status, 200);
      const pctn = await t.login("pctn");
      const refused = await pctn.get("/api/petition-fields");
      assert.equal(refused.status, 403);
      assert.equal(refused.body.code, "FORBIDDEN");
      assert.equal((await t.anonymous().get("/api/petition-fields")).status, 401);
    });

    test("field catalogue: only an administrator of the top agency adds and edits; the code never changes", async () => {
      const body = {
        code: "CT.KHUYEN_CONG",
        name: "Khuyến công",
        group: "industry_trade",
        reportGroup: "administrative",
      };
      const asHandler = await handler.post("/api/petition-fields", body);
      assert.equal(asHandler.status, 403);
      assert.equal(asHandler.body.code, "FORBIDDEN");
      const asOtherAdmin = await otherAdmin.post("/api/petition-fields", body);
      assert.equal(asOtherAdmin.status, 403);
      assert.equal(asOtherAdmin.body.code, "OUT_OF_SCOPE");
      assert.equal((await t.anonymous().post("/api/petition-fields", body)).status, 401);

      const created = await admin.post("/api/petition-fields", body);
      assert.equal(created.status, 201, JSON.stringify(created.body));
      assert.deepEqual({ ...created.body, sort: 0 }, { ...body, active: true, sort: 0, inUse: 0, builtIn: false });
      const twice = await admin.post("/api/petition-fields", body);
      assert.equal(twice.status, 409);
      assert.equal(twice.body.code, "FIELD_CODE_TAKEN");
      const badCode = await admin.post("/api/petition-fields", { ...body, code: "khuyen cong" });
      assert.equal(badCode.status, 400);
      assert.equal(badCode.body.field, "code");

      const renamed = await admin.patch("/api/petition-fields/CT.KHUYEN_CONG", {
        name: "Khuyến công, xúc tiến thương mại",
        sort: 3,
      });
      assert.equal(renamed.status, 200, JSON.stringify(renamed.body));
      assert.equal(renamed.body.name, "Khuyến công, xúc tiến thương mại");
      assert.equal(renamed.body.sort, 3);
      const recode = await admin.patch("/api/petition-fields/CT.KHUYEN_CONG", { code: "CT.KC" });
      assert.equal(recode.status, 400);
      assert.match(recode.body.message, /code/);
      assert.equal((await admin.patch("/api/petition-fields/CT.KHONG_CO", { active: false })).status, 404);
      assert.equal((await handler.patch("/api/petition-fields/CT.KHUYEN_CONG", { active: false })).status, 403);
      const otherPatch = await otherAdmin.patch("/api/petition-fields/CT.KHUYEN_CONG", { active: false });
      assert.equal(otherPatch.status, 403);
      assert.equal(otherPatch.body.code, "OUT_OF_SCOPE");
      assert.equal((await t.anonymous().patch("/api/petition-fields/CT.KHUYEN_CONG", { active: false })).status, 401);

      const audit = await admin.get("/api/audit?entityType=petition_field&pageSize=50");
      const actions = audit.body.items.map((e: { action: string }) => e.action);
      assert.ok(actions.includes("petition_field.created"));
      assert.ok(actions.includes("petition_field.updated"));
    });

    test("field catalogue: a field in use or shipped is deactivated, never deleted; an unused one is", async () => {
      const body = { code: "HC.THI_DUA", name: "Thi đua, khen thưởng", group: "administrative", reportGroup: "other" };
      assert.equal((await admin.post("/api/petition-fields", body)).status, 201);
      // A petition filed under it (written straight to the table: the intake form offers the shipped fields).
      const id = await receive();
      await sql`update petition set field_code = 'HC.THI_DUA' where id = ${id}`.execute(t.system.database.db);
      const inUse = await admin.request("DELETE", "/api/petition-fields/HC.THI_DUA");
      assert.equal(inUse.status, 409);
      assert.equal((inUse.body as { code: string }).code, "FIELD_IN_USE");
      const off = await admin.patch("/api/petition-fields/HC.THI_DUA", { active: false });
      assert.equal(off.status, 200);
      assert.equal(off.body.active, false);
      assert.equal(off.body.inUse, 1);

      const builtIn = await admin.request("DELETE", "/api/petition-fields/CT.CUM_CONG_NGHIEP");
      assert.equal(builtIn.status, 409);
      assert.equal((builtIn.body as { code: string }).code, "FIELD_BUILT_IN");

      assert.equal((await admin.post("/api/petition-fields", { ...body, code: "HC.TAM_THOI" })).status, 201);
      assert.equal((await handler.request("DELETE", "/api/petition-fields/HC.TAM_THOI")).status, 403);
      assert.equal((await otherAdmin.request("DELETE", "/api/petition-fields/HC.TAM_THOI")).status, 403);
      const gone = await admin.request("DELETE", "/api/petition-fields/HC.TAM_THOI");
      assert.equal(gone.status, 204);
      const list = (await admin.get("/api/petition-fields")).body.items.map((f: { code: string }) => f.code);
      assert.ok(!list.includes("HC.TAM_THOI"));
      assert.ok(list.includes("HC.THI_DUA"));
    });

    test("field catalogue: a field added by the administrator is offered and accepted at intake; a deactivated one is refused", async () => {
      const body = {
        code: "CT.KHUYEN_NONG",
        name: "Khuyến công, khuyến nông",
        group: "industry_trade",
        reportGroup: "administrative",
      };
      assert.equal((await admin.post("/api/petition-fields", body)).status, 201);
      const offered = await handler.get("/api/petitions/fields");
      const added = offered.body.items.find((f: { code: string }) => f.code === "CT.KHUYEN_NONG");
      assert.deepEqual(added, { ...body, active: true });
      const accepted = await handler.post("/api/petitions", letter({ fieldCode: "CT.KHUYEN_NONG" }));
      assert.equal(accepted.status, 201, JSON.stringify(accepted.body));
      assert.equal((await admin.patch("/api/petition-fields/CT.KHUYEN_NONG", { active: false })).status, 200);
      const refused = await handler.post("/api/petitions", letter({ fieldCode: "CT.KHUYEN_NONG" }));
      assert.equal(refused.status, 400);
      assert.equal(refused.body.field, "fieldCode");
      // Lists still name the retired field.
      const listed = await handler.get(`/api/petitions?fieldCode=CT.KHUYEN_NONG`);
      assert.equal(listed.body.items[0].fieldName, "Khuyến công, khuyến nông");
    });
  });
}
