import assert from "node:assert/strict";
import { createHash, randomUUID } from "node:crypto";
import { after, before, describe, test } from "node:test";
import { grantsOf, todayInVietnam, type RoleCode } from "@minhbach/domain";
import { sql } from "kysely";
import { issuingAgencyOf, type AgencyFacts } from "../src/modules/documents/letterhead.ts";
import { formatIssueDate, recipientLines, renderDocument } from "../src/modules/documents/render.ts";
import { composeModel, createDraft, DOCX_MIME, issueDocument } from "../src/modules/documents/service.ts";
import { TEMPLATES } from "../src/modules/documents/templates.ts";
import type { AuthContext } from "../src/platform/access.ts";
import { receiveMany } from "../src/modules/petitions/intake.ts";
import { SYSTEM_ACTOR } from "../src/platform/audit.ts";
import { startTestApp, testDatabases, type TestApp, type TestClient } from "../src/testing.ts";
import { docxText } from "./support/zip.ts";

// ---------------------------------------------------------------------------------------------
// Sample fields for every form of the catalogue.

const citizen = { honorific: "Ông", fullName: "Nguyễn Văn An", address: "số 12 đường Hoàng Liên, phường Lào Cai" };
const signer = { authority: "KT. GIÁM ĐỐC", position: "PHÓ GIÁM ĐỐC", name: "Nguyễn Văn Thành" };

const SAMPLES: Record<string, Record<string, unknown>> = {
  "TT05-01": {
    to: "Giám đốc Sở Công Thương",
    receivedOn: "2026-03-02",
    petitionKind: "complaint",
    petitioner: citizen,
    summary: "Khiếu nại Quyết định số 45/QĐ-SCT ngày 10/02/2026 về việc xử phạt vi phạm hành chính",
    signer: { position: "Người đề xuất", name: "Lê Minh Tuấn" },
  },
  "TT05-02": {
    complainant: citizen,
    receivedOn: "2026-03-02",
    subject: "Quyết định xử phạt vi phạm hành chính số 45/QĐ-XPVPHC",
    reasons: ["Đơn khiếu nại không có chữ ký hoặc điểm chỉ của người khiếu nại"],
    signer,
  },
  "TT05-03": {
    person: citizen,
    receivedOn: "2026-03-02",
    summary: "Đề nghị giải quyết tranh chấp ranh giới đất với hộ liền kề",
    competentBody: "Ủy ban nhân dân phường Lào Cai",
    signer,
  },
  "TT05-04": {
    forwardingBody: "Ủy ban nhân dân xã Bắc Hà",
    forwardingReference: "Phiếu chuyển đơn số 15/PC-UBND ngày 02/3/2026",
    receivedOn: "2026-03-04",
    petitioner: citizen,
    summary: "Đề nghị cấp giấy chứng nhận quyền sử dụng đất",
    signer,
  },
  "TT05-05": {
    competentBody: "Thanh tra tỉnh Lào Cai",
    receivedOn: "2026-03-02",
    denounced: "ông Trần Văn Bình, cán bộ địa chính xã Bắc Hà",
    summary: "Tố cáo hành vi nhận tiền của người dân khi làm thủ tục đất đai",
    signer,
  },
  "TT05-06": {
    competentBody: "Ủy ban nhân dân phường Lào Cai",
    receivedOn: "2026-03-02",
    letterDate: "2026-02-27",
    petitionKind: "recommendation",
    petitioner: citizen,
    summary: "Kiến nghị xem xét việc cơ sở kinh doanh gây tiếng ồn ảnh hưởng đến các hộ dân",
    signer,
  },
  "TT05-07": {
    person: citizen,
    receivedOn: "2026-03-02",
    items: [
      { content: "tranh chấp đất đai", competentBody: "Ủy ban nhân dân phường Lào Cai" },
      { content: "giá điện sinh hoạt", competentBody: "Công ty Điện lực Lào Cai" },
    ],
    signer,
  },
  "TCD-KL": {
    chairedBy: { name: "Nguyễn Văn Thành", position: "Giám đốc Sở Công Thương" },
    receptionDate: "2026-03-05",
    receptionKind: "periodic",
    place: "Trụ sở tiếp công dân tỉnh Lào Cai",
    citizens: [citizen],
    summary: "Đề nghị xem xét lại việc xử phạt vi phạm hành chính",
    conclusions: ["Việc xử phạt đã thực hiện đúng trình tự, thủ tục"],
    assignments: [{ unit: "Chi cục Quản lý thị trường", task: "rà soát hồ sơ xử phạt", dueOn: "2026-03-20" }],
    signer: { authority: "TL. GIÁM ĐỐC", position: "CHÁNH VĂN PHÒNG", name: "Trần Thị Hoa" },
  },
  TB: {
    subject: "Về việc lịch tiếp công dân định kỳ tháng 4 năm 2026",
    paragraphs: ["Giám đốc Sở Công Thương tiếp công dân định kỳ vào ngày 15/4/2026 tại Trụ sở tiếp công dân tỉnh."],
    signer,
  },
};

function shiftDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

// ---------------------------------------------------------------------------------------------
// Pure parts: date line, letterhead fallbacks, every template renders.

describe("documents: layout rules", () => {
  test("date line follows NĐ 30/2020: leading zero for days below 10 and for months 1 and 2 only", () => {
    assert.equal(formatIssueDate("2026-01-05"), "ngày 05 tháng 01 năm 2026");
    assert.equal(formatIssueDate("2026-02-09"), "ngày 09 tháng 02 năm 2026");
    assert.equal(formatIssueDate("2026-03-05"), "ngày 05 tháng 3 năm 2026");
    assert.equal(formatIssueDate("2026-12-25"), "ngày 25 tháng 12 năm 2026");
    assert.equal(formatIssueDate("2026-10-10"), "ngày 10 tháng 10 năm 2026");
  });

  test("recipient lines: a dash before each, ';' after each but the last, '.' after the last", () => {
    assert.deepEqual(recipientLines(["Như trên", "- Lưu: VT, hồ sơ;"]), ["- Như trên;", "- Lưu: VT, hồ sơ."]);
  });

  const facts = (over: Partial<AgencyFacts>): AgencyFacts => ({
    id: randomUUID(),
    name: "",
    shortName: null,
    kind: "department",
    docAbbreviation: null,
    docPlace: null,
    docParentName: null,
    ...over,
  });
  const province = facts({ name: "UBND tỉnh Lào Cai", shortName: "UBND tỉnh", kind: "province_committee" });

  test("letterhead falls back on the agency tree when the agency set nothing", () => {
    const sct = issuingAgencyOf(
      facts({ name: "Sở Công Thương tỉnh Lào Cai", shortName: "Sở Công Thương", kind: "department" }),
      [province],
    );
    assert.deepEqual(
      { parent: sct.parentName, header: sct.headerName, abbr: sct.abbreviation, place: sct.place },
      { parent: "UBND tỉnh Lào Cai", header: "Sở Công Thương", abbr: "SCT", place: "Lào Cai" },
    );
    const snnmt = issuingAgencyOf(facts({ name: "Sở Nông nghiệp và Môi trường tỉnh Lào Cai" }), [province]);
    assert.equal(snnmt.abbreviation, "SNNMT");
    const inspectorate = issuingAgencyOf(
      facts({ name: "Thanh tra tỉnh Lào Cai", shortName: "Thanh tra tỉnh", kind: "province_inspectorate" }),
      [province],
    );
    assert.equal(inspectorate.abbreviation, "TTr");
    assert.equal(inspectorate.headerName, "Thanh tra tỉnh");
    const commune = issuingAgencyOf(facts({ name: "UBND xã Bắc Hà", kind: "commune_committee" }), [province]);
    assert.deepEqual(
      { parent: commune.parentName, header: commune.headerName, abbr: commune.abbreviation, place: commune.place },
      { parent: null, header: "Ủy ban nhân dân xã Bắc Hà", abbr: "UBND", place: "Bắc Hà" },
    );
    const unit = issuingAgencyOf(facts({ name: "Văn phòng Sở Công Thương", kind: "department_unit" }), [
      facts({ name: "Sở Công Thương tỉnh Lào Cai", shortName: "Sở Công Thương" }),
      province,
    ]);
    assert.equal(unit.place, "Lào Cai");
    assert.equal(unit.parentName, "Sở Công Thương tỉnh Lào Cai");
  });

  test("the agency's own letterhead settings win", () => {
    const sct = issuingAgencyOf(
      facts({
        name: "Sở Công Thương tỉnh Lào Cai",
        shortName: "Sở Công Thương",
        docAbbreviation: "SCT-TTr",
        docPlace: "Cam Đường",
        docParentName: "Ủy ban nhân dân tỉnh Lào Cai",
      }),
      [province],
    );
    assert.equal(sct.abbreviation, "SCT-TTr");
    assert.equal(sct.place, "Cam Đường");
    assert.equal(sct.parentName, "Ủy ban nhân dân tỉnh Lào Cai");
  });

  test("every template of the catalogue builds and renders its sample", async () => {
    const agency = issuingAgencyOf(facts({ name: "Sở Công Thương tỉnh Lào Cai", shortName: "Sở Công Thương" }), [
      province,
    ]);
    // The forms of petition follow-up and of cases come after these (documents-cases.test.ts).
    assert.deepEqual(
      TEMPLATES.slice(0, 9).map((t) => t.formCode),
      ["TT05-01", "TT05-02", "TT05-03", "TT05-04", "TT05-05", "TT05-06", "TT05-07", "TCD-KL", "TB"],
    );
    for (const template of TEMPLATES.slice(0, 9)) {
      const fields = SAMPLES[template.formCode];
      assert.ok(fields, `sample for ${template.formCode}`);
      const content = template.build(fields, agency);
      const file = await renderDocument(
        composeModel(content, agency, template.series, { number: 7, issuedOn: "2026-03-05" }),
      );
      const text = docxText(file);
      assert.match(text, new RegExp(content.title.toLocaleUpperCase("vi")), template.formCode);
      assert.match(text, new RegExp(`Số: 7/${template.series}-SCT`), template.formCode);
      assert.match(text, /Lào Cai, ngày 05 tháng 3 năm 2026/, template.formCode);
      assert.doesNotMatch(text, /undefined|null|\[object/, template.formCode);
    }
  });

  test("the denunciation transfer slip never names the denouncer", () => {
    const template = TEMPLATES.find((t) => t.formCode === "TT05-05")!;
    const withName = { ...SAMPLES["TT05-05"], denouncer: citizen };
    assert.equal(template.fieldsSchema.safeParse(withName).success, false);
  });
});

// ---------------------------------------------------------------------------------------------
// Through the API, on each database.

for (const db of testDatabases()) {
  describe(`documents (${db.kind})`, () => {
    let t: TestApp;
    let handler: TestClient;
    let agencies: Map<string, string>;
    const today = todayInVietnam();

    before(async () => {
      t = await startTestApp({ db, listen: false });
      handler = await t.login("xulydon");
      const admin = await t.login("admin");
      const list = await admin.get("/api/agencies");
      agencies = new Map(list.body.items.map((a: { code: string; id: string }) => [a.code, a.id]));
      // A document belongs to a real record of its agency: one petition per draft.
      for (const [code, count] of [
        ["LC.SCT", 40],
        ["LC.SCT.QLTT", 25],
      ] as const) {
        const agencyId = agencies.get(code)!;
        const rows = await receiveMany(
          t.system.database.db,
          SYSTEM_ACTOR,
          agencyId,
          Array.from({ length: count }, (_, i) => ({
            channel: "post" as const,
            receivedOn: today,
            petitioners: [{ kind: "person" as const, fullName: `Nguyễn Văn ${"ABCDE"[i % 5]}`, address: "xã Bắc Hà" }],
            anonymous: false,
            impersonated: false,
            respondents: [{ name: "Cửa hàng xăng dầu Số 2" }],
            content: `Cửa hàng xăng dầu bán thiếu lít cho người dân, lần ${i + 1}.`,
            language: "vi" as const,
            attachments: [],
          })),
        );
        petitions.set(
          agencyId,
          rows.map((r) => r.id),
        );
      }
    });
    after(() => t.close());

    const petitions = new Map<string, string[]>();
    /** The next petition of the agency not yet given a document here. */
    const petitionOf = (agencyId: string) => {
      const id = petitions.get(agencyId)?.shift();
      assert.ok(id, `no petition left for ${agencyId}`);
      return id;
    };
    const draftBody = (formCode: string, over: Record<string, unknown> = {}) => {
      const agencyId = (over.agencyId as string | undefined) ?? agencies.get("LC.SCT")!;
      return {
        formCode,
        entityType: "petition",
        entityId: petitionOf(agencyId),
        agencyId,
        fields: SAMPLES[formCode],
        ...over,
      };
    };

    async function draft(client: TestClient, formCode: string, over: Record<string, unknown> = {}) {
      const res = await client.post("/api/documents", draftBody(formCode, over));
      assert.equal(res.status, 201, JSON.stringify(res.body));
      return res.body;
    }

    async function download(client: TestClient, id: string) {
      const res = await t.app.inject({
        method: "GET",
        url: `/api/documents/${id}/file`,
        headers: { cookie: `mb_session=${client.session}` },
      });
      return res;
    }

    test("catalogue: the seven TT 05/2021 forms, the reception conclusion and a plain notice", async () => {
      const res = await handler.get("/api/documents/templates");
      assert.equal(res.status, 200);
      const codes = res.body.items.map((i: { formCode: string }) => i.formCode);
      for (const code of [
        "TT05-01",
        "TT05-02",
        "TT05-03",
        "TT05-04",
        "TT05-05",
        "TT05-06",
        "TT05-07",
        "TCD-KL",
        "TB",
      ]) {
        assert.ok(codes.includes(code), code);
      }
      const form06 = res.body.items.find((i: { formCode: string }) => i.formCode === "TT05-06");
      assert.equal(form06.name, "Phiếu chuyển đơn");
      assert.equal(form06.series, "PC");
      assert.match(form06.basis, /05\/2021\/TT-TTCP/);
      assert.equal(form06.wordingVerified, false, "reconstructed wording is marked [P]");
      assert.equal(form06.fieldsSchema.type, "object");
    });

    test("draft → edit (stale version refused) → issue → download the frozen .docx", async () => {
      const created = await draft(handler, "TT05-06");
      assert.equal(created.status, "draft");
      assert.equal(created.number, null);
      assert.equal(created.version, 1);
      assert.equal(created.agencyName, "Sở Công Thương tỉnh Lào Cai");
      assert.deepEqual(created.actions, ["edit", "submit", "issue", "download"]);

      const preview = await download(handler, created.id);
      assert.equal(preview.statusCode, 200);
      const draftText = docxText(preview.rawPayload);
      assert.match(draftText, /DỰ THẢO/);
      assert.match(draftText, /Số:\s+\/PC-SCT/);
      assert.match(draftText, /Lào Cai, ngày\s+tháng\s+năm \d{4}/);

      const fields = { ...SAMPLES["TT05-06"], summary: "Kiến nghị về tiếng ồn của cơ sở kinh doanh xăng dầu" };
      const edited = await handler.patch(`/api/documents/${created.id}`, { version: 1, fields });
      assert.equal(edited.status, 200, JSON.stringify(edited.body));
      assert.equal(edited.body.version, 2);
      assert.equal(edited.body.fields.summary, fields.summary);

      const stale = await handler.patch(`/api/documents/${created.id}`, { version: 1, fields: SAMPLES["TT05-06"] });
      assert.equal(stale.status, 409);
      assert.equal(stale.body.code, "VERSION_CONFLICT");
      assert.equal(stale.body.field, "version");

      const issued = await handler.post(`/api/documents/${created.id}/issue`, {});
      assert.equal(issued.status, 200, JSON.stringify(issued.body));
      assert.equal(issued.body.status, "issued");
      assert.equal(issued.body.number, 1);
      assert.equal(issued.body.symbol, "1/PC-SCT");
      assert.equal(issued.body.issuedOn, today);
      assert.equal(issued.body.issuedByName, "Lê Minh Tuấn");
      assert.deepEqual(issued.body.actions, ["download"]);

      const file = await download(handler, created.id);
      assert.equal(file.statusCode, 200);
      assert.equal(file.headers["content-type"], DOCX_MIME);
      // Named by kind, the petition's code and the issue date; the Vietnamese name alongside.
      const day = today.split("-").reverse().join("-");
      const code = (await handler.get(`/api/petitions/${created.entityId}`)).body.code as string;
      assert.match(code, /^LC\.SCT-\d{4}-\d{6}$/);
      assert.equal(
        file.headers["content-disposition"],
        `attachment; filename="Phieu-chuyen-don_${code}_${day}.docx"; ` +
          `filename*=UTF-8''Phi%E1%BA%BFu%20chuy%E1%BB%83n%20%C4%91%C6%A1n_${code}_${day}.docx`,
      );
      assert.equal(createHash("sha256").update(file.rawPayload).digest("hex"), issued.body.fileSha256);
      const text = docxText(file.rawPayload);
      for (const expected of [
        "UBND TỈNH LÀO CAI",
        "SỞ CÔNG THƯƠNG",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: 1/PC-SCT",
        `Lào Cai, ${formatIssueDate(today)}`,
        "PHIẾU CHUYỂN ĐƠN",
        "Kính gửi: Ủy ban nhân dân phường Lào Cai",
        "Kiến nghị về tiếng ồn của cơ sở kinh doanh xăng dầu",
        "Nơi nhận:",
        "- Như trên;",
        "- Ông Nguyễn Văn An (để biết);",
        "- Lưu: VT, hồ sơ.",
        "KT. GIÁM ĐỐC",
        "PHÓ GIÁM ĐỐC",
        "Nguyễn Văn Thành",
      ]) {
        assert.ok(text.includes(expected), `missing "${expected}" in:\n${text}`);
      }
      assert.doesNotMatch(text, /DỰ THẢO/);

      // Kept as issued: the same bytes every time, no more edits, no second issue.
      const again = await download(handler, created.id);
      assert.ok(Buffer.compare(again.rawPayload, file.rawPayload) === 0);
      const edit = await handler.patch(`/api/documents/${created.id}`, { version: 3, fields });
      assert.equal(edit.body.code, "DOCUMENT_ALREADY_ISSUED");
      const twice = await handler.post(`/api/documents/${created.id}/issue`, {});
      assert.ok([400, 409].includes(twice.status), String(twice.status));
      assert.equal(twice.body.code, "DOCUMENT_ALREADY_ISSUED");
      assert.match(twice.body.message, /ban hành/);

      const list = await handler.get(`/api/documents?entityType=petition&entityId=${created.entityId}`);
      assert.equal(list.status, 200);
      assert.deepEqual(
        list.body.items.map((d: { id: string; symbol: string }) => [d.id, d.symbol]),
        [[created.id, "1/PC-SCT"]],
      );

      // Audited, without the personal data of the fields.
      const audit = await (await t.login("admin")).get("/api/audit?entityType=document&pageSize=200");
      const mine = audit.body.items.filter((e: { entityId: string }) => e.entityId === created.id);
      const actions = mine.map((e: { action: string }) => e.action).sort();
      assert.deepEqual(actions, [
        "document.downloaded",
        "document.downloaded",
        "document.downloaded",
        "document.drafted",
        "document.issued",
        "document.updated",
      ]);
      const issuedEvent = mine.find((e: { action: string }) => e.action === "document.issued");
      assert.equal(issuedEvent.summary.symbol, "1/PC-SCT");
      assert.equal(issuedEvent.summary.number, 1);
      assert.doesNotMatch(JSON.stringify(mine), /Nguyễn Văn An|Hoàng Liên|tiếng ồn/);
    });

    test("an issued document cannot be changed or deleted, even in SQL", async () => {
      const doc = await draft(handler, "TB");
      await handler.post(`/api/documents/${doc.id}/issue`, {});
      const database = t.system.database.db;
      await assert.rejects(
        sql`update official_document set fields = '{}'::jsonb where id = ${doc.id}`.execute(database),
      );
      await assert.rejects(sql`delete from official_document where id = ${doc.id}`.execute(database));
    });

    test("issue date: a future date is refused; an earlier date than the last issued gives its number back", async () => {
      const doc = await draft(handler, "TT05-02");
      const future = await handler.post(`/api/documents/${doc.id}/issue`, { issuedOn: shiftDays(today, 1) });
      assert.equal(future.status, 400);
      assert.equal(future.body.code, "DOCUMENT_ISSUE_DATE_IN_FUTURE");
      assert.equal(future.body.field, "issuedOn");
      assert.match(future.body.message, /Ngày ban hành không được sau ngày hôm nay/);
      assert.equal((await handler.get(`/api/documents/${doc.id}`)).body.status, "draft");

      const first = await handler.post(`/api/documents/${doc.id}/issue`, {});
      assert.equal(first.status, 200, JSON.stringify(first.body));
      const second = await draft(handler, "TT05-02");
      if (!today.endsWith("-01-01")) {
        const early = await handler.post(`/api/documents/${second.id}/issue`, {
          issuedOn: `${today.slice(0, 4)}-01-01`,
        });
        assert.equal(early.body.code, "DOCUMENT_ISSUE_DATE_OUT_OF_ORDER", JSON.stringify(early.body));
        assert.equal(early.body.field, "issuedOn");
      }
      const next = await handler.post(`/api/documents/${second.id}/issue`, {});
      assert.equal(next.body.number, first.body.number + 1, "the refused issue gave its number back");
    });

    test("a draft without a named signer cannot be issued; bad fields name the field", async () => {
      const { signer: _signer, ...unsigned } = SAMPLES["TT05-03"]!;
      const doc = await draft(handler, "TT05-03", { fields: unsigned });
      const res = await handler.post(`/api/documents/${doc.id}/issue`, {});
      assert.equal(res.status, 400);
      assert.equal(res.body.code, "DOCUMENT_INCOMPLETE");
      assert.equal(res.body.field, "fields.signer");

      const { competentBody: _body, ...missing } = SAMPLES["TT05-03"]!;
      const bad = await handler.post("/api/documents", draftBody("TT05-03", { fields: missing }));
      assert.equal(bad.status, 400);
      assert.equal(bad.body.code, "VALIDATION_FAILED");
      assert.equal(bad.body.field, "fields.competentBody");
      assert.match(bad.body.message, /Bắt buộc nhập/);

      const unknown = await handler.post("/api/documents", draftBody("TT05-99", { fields: {} }));
      assert.equal(unknown.body.code, "DOCUMENT_FORM_UNKNOWN");
      assert.equal(unknown.body.field, "formCode");
    });

    test("a document is drafted only for a real record of its agency", async () => {
      const ghost = await handler.post("/api/documents", draftBody("TT05-03", { entityId: randomUUID() }));
      assert.equal(ghost.status, 404);
      assert.equal(ghost.body.field, "entityId");
      const made = await handler.post("/api/documents", draftBody("TT05-03", { entityType: "made_up" }));
      assert.equal(made.status, 400);
      assert.equal(made.body.field, "entityType");
      assert.match(made.body.message, /đơn, vụ việc, lượt tiếp công dân hoặc cuộc thanh tra/);
      // A petition of the Department, the paper claimed for one of its units.
      const leader = await t.login("lanhdao");
      const elsewhere = await leader.post(
        "/api/documents",
        draftBody("TT05-03", { agencyId: agencies.get("LC.SCT.QLTT"), entityId: petitionOf(agencies.get("LC.SCT")!) }),
      );
      assert.equal(elsewhere.status, 400);
      assert.equal(elsewhere.body.field, "agencyId");
    });

    test("20 concurrent issues in one register take the numbers 1..20, no gap, no repeat", async () => {
      // A leader of the department issues for one of its units: a register nobody else uses here.
      const leader = await t.login("lanhdao");
      const unit = agencies.get("LC.SCT.QLTT");
      const drafts = [];
      for (let i = 0; i < 20; i++) drafts.push(await draft(leader, "TT05-07", { agencyId: unit }));
      const results = await Promise.all(drafts.map((d) => leader.post(`/api/documents/${d.id}/issue`, {})));
      for (const res of results) assert.equal(res.status, 200, JSON.stringify(res.body));
      const numbers = results.map((r) => r.body.number as number).sort((a, b) => a - b);
      assert.deepEqual(
        numbers,
        Array.from({ length: 20 }, (_, i) => i + 1),
      );
      const symbols = new Set(results.map((r) => r.body.symbol));
      assert.equal(symbols.size, 20);
      assert.ok(symbols.has("20/HD-CCQLTT"), [...symbols].join(", "));
    });

    test("a module drafts and issues inside its own transaction; a rollback gives the number back", async () => {
      const database = t.system.database.db;
      const user = await database
        .selectFrom("app_user as u")
        .innerJoin("agency as a", "a.id", "u.agency_id")
        .select(["u.id", "u.username", "u.full_name", "u.agency_id", "a.path", "u.roles"])
        .where("u.username", "=", "xulydon")
        .executeTakeFirstOrThrow();
      const roles = user.roles as RoleCode[];
      const auth: AuthContext = {
        sessionId: "test",
        csrfToken: "test",
        userId: user.id,
        username: user.username,
        fullName: user.full_name,
        agencyId: user.agency_id,
        agencyPath: user.path,
        roles,
        grants: grantsOf(roles),
      };
      const actor = { ...SYSTEM_ACTOR, userId: user.id, name: user.full_name };
      const input = {
        agencyId: user.agency_id,
        entityType: "petition",
        entityId: randomUUID(),
        formCode: "TT05-05",
        fields: SAMPLES["TT05-05"],
      };
      let rolledBack: number | null = null;
      await assert.rejects(
        database.transaction().execute(async (trx) => {
          const row = await createDraft(trx, actor, input);
          rolledBack = (await issueDocument(trx, auth, actor, row.id)).number;
          throw new Error("the petition transfer failed after the slip was issued");
        }),
        /petition transfer failed/,
      );
      assert.ok(rolledBack !== null);
      const committed = await database.transaction().execute(async (trx) => {
        const row = await createDraft(trx, actor, input);
        return issueDocument(trx, auth, actor, row.id);
      });
      assert.equal(committed.number, rolledBack);
      assert.equal(committed.symbol, `${rolledBack}/PC-SCT`);
    });

    test("another agency's user gets 403 on read, file, edit and issue; its list stays empty", async () => {
      const doc = await draft(handler, "TT05-03");
      // An inspector of the provincial Inspectorate holds document permissions, for their own agency only.
      const inspector = await t.login("thanhtra");
      for (const res of [
        await inspector.get(`/api/documents/${doc.id}`),
        await inspector.get(`/api/documents/${doc.id}/file`),
        await inspector.patch(`/api/documents/${doc.id}`, { version: 1, fields: SAMPLES["TT05-03"] }),
        await inspector.post(`/api/documents/${doc.id}/issue`, {}),
      ]) {
        assert.equal(res.status, 403);
        assert.equal(res.body.code, "OUT_OF_SCOPE");
      }
      const list = await inspector.get(`/api/documents?entityType=petition&entityId=${doc.entityId}`);
      assert.deepEqual(list.body.items, []);
      const create = await inspector.post("/api/documents", draftBody("TT05-03"));
      assert.equal(create.status, 403);
      assert.equal(create.body.field, "agencyId");

      // The administrator of another department holds no document permission at all.
      const otherAdmin = await t.login("admin.snnmt");
      for (const res of [
        await otherAdmin.get(`/api/documents/${doc.id}`),
        await otherAdmin.get(`/api/documents/${doc.id}/file`),
        await otherAdmin.post(`/api/documents/${doc.id}/issue`, {}),
      ]) {
        assert.equal(res.status, 403);
      }
      assert.equal((await handler.get(`/api/documents/${doc.id}`)).body.status, "draft");
    });

    test("no session → 401 on the document routes", async () => {
      const anon = t.anonymous();
      const id = randomUUID();
      for (const res of [
        await anon.get(`/api/documents/${id}`),
        await anon.get(`/api/documents/${id}/file`),
        await anon.post(`/api/documents/${id}/issue`, {}),
        await anon.get("/api/documents/templates"),
      ]) {
        assert.equal(res.status, 401);
        assert.equal(res.body.code, "UNAUTHENTICATED");
      }
    });

    test("unknown document → 404", async () => {
      const res = await handler.get(`/api/documents/${randomUUID()}`);
      assert.equal(res.status, 404);
      assert.equal(res.body.code, "NOT_FOUND");
    });
  });
}
