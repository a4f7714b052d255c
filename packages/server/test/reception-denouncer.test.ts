/**
 * A denunciation received at the reception desk (issue 14): the denouncer's name, ID number (also
 * written with spaces), address, phone (also in the +84 form) and e-mail, written into the content
 * summary, the notes and the titles of the papers received, reach nobody but the receiving officer
 * and the people assigned to the case opened from the visit — not the leader, the read-only user,
 * the reporting officer or the petition handler — in the list, the detail, the register (JSON and
 * Excel), the Excel list or a search; and they are not in reception_visit's clear columns.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { ELIGIBLE_ANSWERS, encodePersonalId, MASKED_DENOUNCER, todayInVietnam } from "@minhbach/domain";
import ExcelJS from "exceljs";
import { resealAll, sealedByKey } from "../src/platform/sealed-columns.ts";
import { sealClearVisitTexts } from "../src/modules/reception/visits.ts";
import { keyRing, useKeyRing } from "../src/platform/vault.ts";
import { startTestApp, testDatabases, type TestApp, type TestClient } from "../src/testing.ts";

const NAME = "Hoàng Thị Nguyệt";
const ID = encodePersonalId("010", 1975, "female", 4321);
const ID_SPACED = ID.replace(/(\d{3})(?=\d)/g, "$1 ").trim();
const IDENTITY = { kind: "cccd", number: ID_SPACED, birthYear: 1975, gender: "female" };
const ADDRESS = "Số 12 đường Hoàng Liên, phường Cốc Lếu, tỉnh Lào Cai";
const PHONE = "0912 345 678";
const EMAIL = "nguyet.hoang@example.vn";
/** A second contact, typed into no field: found by its shape. */
const OTHER_PHONE = "+84 987 654 321";
const OTHER_EMAIL = "con.gai.nguyet@example.com";

const SUMMARY =
  `Tôi là ${NAME}, CCCD ${ID_SPACED}, trú tại ${ADDRESS}, điện thoại +84 912 345 678, thư ${EMAIL}. ` +
  "Tôi tố cáo cán bộ địa chính Lý Văn Cường nhận tiền để cấp giấy chứng nhận quyền sử dụng đất sai quy định.";
const NOTES = `Chị ${NAME} xin liên hệ qua số ${PHONE}; con gái số ${OTHER_PHONE}, thư ${OTHER_EMAIL}.`;
const PAPER = `Đơn tố cáo của bà ${NAME} (CCCD ${ID})`;

/** Every form in which a protected value might surface (accents folded, digits without spaces). */
const SECRETS: RegExp[] = [
  /Nguyệt/,
  /nguyet/i,
  /Hoàng Thị/,
  /hoang thi/i,
  new RegExp(ID),
  new RegExp(ID_SPACED),
  /912[ .]?345[ .]?678/,
  /987[ .]?654[ .]?321/,
  /nguyet\.hoang/,
  /con\.gai/,
  /Hoàng Liên|hoang lien/i,
];

function assertNoSecret(text: string, where: string) {
  for (const secret of SECRETS) assert.doesNotMatch(text, secret, `${where} shows ${secret}`);
}

async function xlsxText(bytes: Buffer): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const out: string[] = [];
  workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => out.push(String(cell.value ?? "")))));
  return out.join("\n");
}

for (const db of testDatabases()) {
  describe(`reception identity (${db.kind})`, () => {
    let t: TestApp;
    let tiepdan: TestClient;
    let lanhdao: TestClient;
    let xem: TestClient;
    let tonghop: TestClient;
    let xulydon: TestClient;
    let admin: TestClient;
    let readers: [string, TestClient][];
    let visitId: string;
    const today = todayInVietnam();

    before(async () => {
      t = await startTestApp({ db, listen: false });
      [tiepdan, lanhdao, xem, tonghop, xulydon, admin] = await Promise.all([
        t.login("tiepdan"),
        t.login("lanhdao"),
        t.login("xem"),
        t.login("tonghop"),
        t.login("xulydon"),
        t.login("admin"),
      ]);
      readers = [
        ["lanhdao", lanhdao],
        ["xem", xem],
        ["tonghop", tonghop],
        ["xulydon", xulydon],
      ];
      const created = await tiepdan.post("/api/reception/visits", {
        kind: "regular",
        receivedOn: today,
        receiverName: "Trần Thị Hoa",
        visitors: [
          {
            fullName: NAME,
            address: ADDRESS,
            identity: IDENTITY,
            phone: PHONE,
            email: EMAIL,
          },
        ],
        peopleCount: 1,
        contentSummary: SUMMARY,
        contentKind: "denunciation",
        fieldCode: "CT.QUAN_LY_THI_TRUONG",
        documentsReceived: [{ name: PAPER, pages: 2 }],
        notes: NOTES,
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      visitId = created.body.id;
    });
    after(() => t.close());

    async function download(client: TestClient, url: string) {
      const res = await t.app.inject({ method: "GET", url, headers: { cookie: `mb_session=${client.session}` } });
      assert.equal(res.statusCode, 200, res.body);
      return res.rawPayload;
    }

    test("the receiving officer sees the visitor, her contacts and the texts as written", async () => {
      const detail = await tiepdan.get(`/api/reception/visits/${visitId}`);
      assert.equal(detail.status, 200);
      assert.equal(detail.body.identityMasked, false);
      assert.equal(detail.body.visitors[0].fullName, NAME);
      assert.equal(detail.body.visitors[0].identity.number, ID);
      assert.equal(detail.body.visitors[0].phone, PHONE);
      assert.equal(detail.body.visitors[0].email, EMAIL);
      assert.equal(detail.body.contentSummary, SUMMARY);
      assert.equal(detail.body.notes, NOTES);
      assert.equal(detail.body.documentsReceived[0].name, PAPER);
      assert.deepEqual(detail.body.actions, ["edit", "handle", "create_petition"]);

      const list = await tiepdan.get("/api/reception/visits?pageSize=200");
      const item = list.body.items.find((v: { id: string }) => v.id === visitId);
      assert.equal(item.contentSummary, SUMMARY);
      const register = await tiepdan.get(`/api/reception/register?from=${today}&to=${today}`);
      const row = register.body.rows.find((r: { visitId: string }) => r.visitId === visitId);
      assert.match(row.nameAddress, /Hoàng Thị Nguyệt/);
      assert.equal(row.content, SUMMARY);
      assert.match(row.notes, /0912 345 678/);
      const book = await xlsxText(await download(tiepdan, `/api/reception/register.xlsx?from=${today}&to=${today}`));
      assert.ok(book.includes(SUMMARY));
      const audit = await admin.get("/api/audit?action=reception.visit.identity_viewed");
      assert.ok(
        audit.body.items.some((e: { entityId: string }) => e.entityId === visitId),
        "the read is audited",
      );
    });

    test("the leader, the read-only user, the reporting officer and the handler see none of it", async () => {
      for (const [who, client] of readers) {
        const detail = await client.get(`/api/reception/visits/${visitId}`);
        assert.equal(detail.status, 200, `${who}: ${JSON.stringify(detail.body)}`);
        assert.equal(detail.body.identityMasked, true, who);
        assert.equal(detail.body.visitors[0].fullName, MASKED_DENOUNCER, who);
        assert.equal(detail.body.visitors[0].phone, null, who);
        assert.match(detail.body.contentSummary, /Lý Văn Cường nhận tiền/, `${who} still reads the matter`);
        assertNoSecret(JSON.stringify(detail.body), `${who} detail`);

        const list = await client.get("/api/reception/visits?pageSize=200");
        assert.equal(list.status, 200);
        assert.ok(
          list.body.items.some((v: { id: string }) => v.id === visitId),
          `${who} lists the visit`,
        );
        assertNoSecret(JSON.stringify(list.body), `${who} list`);

        const register = await client.get(`/api/reception/register?from=${today}&to=${today}`);
        assert.equal(register.status, 200);
        assertNoSecret(JSON.stringify(register.body), `${who} register`);

        assertNoSecret(await xlsxText(await download(client, "/api/reception/visits.xlsx")), `${who} visits.xlsx`);
        assertNoSecret(
          await xlsxText(await download(client, `/api/reception/register.xlsx?from=${today}&to=${today}`)),
          `${who} register.xlsx`,
        );

        for (const q of [NAME, "hoang thi nguyet", ID, ID_SPACED, EMAIL, PHONE, "+84912345678", OTHER_EMAIL]) {
          const found = await client.get(`/api/reception/visits?q=${encodeURIComponent(q)}`);
          assert.equal(found.status, 200);
          assert.ok(!found.body.items.some((v: { id: string }) => v.id === visitId), `${who} finds the visit by ${q}`);
        }
        const byMatter = await client.get(`/api/reception/visits?q=${encodeURIComponent("Lý Văn Cường")}`);
        assert.ok(
          byMatter.body.items.some((v: { id: string }) => v.id === visitId),
          `${who} finds it by its matter`,
        );
      }
      // Nor does the receiving officer find it by the denouncer's data: the search index never holds it.
      const officer = await tiepdan.get(`/api/reception/visits?q=${encodeURIComponent(ID)}`);
      assert.ok(!officer.body.items.some((v: { id: string }) => v.id === visitId));
    });

    test("the leader may handle the visit but not edit its people or texts, nor make it a petition", async () => {
      const seen = (await lanhdao.get(`/api/reception/visits/${visitId}`)).body;
      assert.deepEqual(seen.actions, ["handle"]);
      for (const change of [
        { contentSummary: "Tóm tắt khác" },
        { notes: "Ghi chú khác" },
        { documentsReceived: [] },
        { visitors: [{ fullName: "Người khác" }] },
        { contentKind: "feedback" },
      ]) {
        const res = await lanhdao.patch(`/api/reception/visits/${visitId}`, { version: seen.version, ...change });
        assert.equal(res.status, 403, JSON.stringify(change));
        assert.equal(res.body.code, "IDENTITY_PROTECTED");
      }
      const petition = await lanhdao.post(`/api/reception/visits/${visitId}/petition`, { version: seen.version });
      assert.equal(petition.status, 403);
      assert.equal(petition.body.code, "IDENTITY_PROTECTED");
      // A correction that does not touch the identity is allowed, and leaves the texts sealed.
      const fixed = await lanhdao.patch(`/api/reception/visits/${visitId}`, {
        version: seen.version,
        competence: "within",
      });
      assert.equal(fixed.status, 200, JSON.stringify(fixed.body));
      assertNoSecret(JSON.stringify(fixed.body), "the leader's answer");
      const officer = (await tiepdan.get(`/api/reception/visits/${visitId}`)).body;
      assert.equal(officer.contentSummary, SUMMARY);
      assert.equal(officer.notes, NOTES);
    });

    test("at rest: the clear and search columns hold no protected value; the texts are sealed", async () => {
      const stored = await t.system.database.db
        .selectFrom("reception_visit")
        .select([
          "visitors",
          "representatives",
          "content_summary",
          "notes",
          "follow_up",
          "documents_received",
          "search_text",
          "search_content",
          "texts_sealed",
        ])
        .where("id", "=", visitId)
        .executeTakeFirstOrThrow();
      const { texts_sealed: sealed, ...clear } = stored;
      assert.ok(sealed, "the texts are sealed");
      assertNoSecret(JSON.stringify(clear), "reception_visit clear columns");
      assert.match(stored.content_summary, /Lý Văn Cường/);
      assert.doesNotMatch(stored.search_text, /thong tin nguoi to cao/, "the masks are not searchable words");
    });

    test("the person assigned to the case opened from the visit's letter sees the identity", async () => {
      const agencies = await admin.get("/api/agencies");
      const sct = agencies.body.items.find((a: { code: string }) => a.code === "LC.SCT").id;
      const user = await admin.post("/api/users", {
        username: "giaiquyet.tc",
        fullName: "Mai Văn Giải",
        agencyId: sct,
        roles: ["resolver", "viewer"],
        password: "MatKhau2026x",
      });
      assert.equal(user.status, 201, JSON.stringify(user.body));
      const resolver = await t.login("giaiquyet.tc", "MatKhau2026x");
      assert.equal((await resolver.get(`/api/reception/visits/${visitId}`)).body.identityMasked, true);

      const seen = (await tiepdan.get(`/api/reception/visits/${visitId}`)).body;
      const made = await tiepdan.post(`/api/reception/visits/${visitId}/petition`, { version: seen.version });
      assert.equal(made.status, 201, JSON.stringify(made.body));
      const petitionId = made.body.petition.id;
      const writers = await tiepdan.get(`/api/petitions/${petitionId}/identity`);
      assert.equal(writers.status, 200, JSON.stringify(writers.body));
      assert.match(JSON.stringify(writers.body), /nguyet\.hoang@example\.vn/, "the e-mail goes with the petition");
      assert.match(JSON.stringify(writers.body), /0912 ?345 ?678/, "the phone goes with the petition");

      const p = (await xulydon.get(`/api/petitions/${petitionId}`)).body;
      const classified = await xulydon.post(`/api/petitions/${petitionId}/classify`, {
        version: p.version,
        kind: "denunciation",
        competence: "within",
        fieldCode: "CT.QUAN_LY_THI_TRUONG",
        eligibilityAnswers: ELIGIBLE_ANSWERS,
      });
      assert.equal(classified.status, 200, JSON.stringify(classified.body));
      const proposed = await xulydon.post(`/api/petitions/${petitionId}/outcome`, {
        version: classified.body.version,
        outcome: "propose_acceptance",
        on: today,
      });
      assert.equal(proposed.status, 200, JSON.stringify(proposed.body));
      const opened = await lanhdao.post("/api/cases", { petitionId, assignees: [user.body.id] });
      assert.equal(opened.status, 201, JSON.stringify(opened.body));

      const assigned = await resolver.get(`/api/reception/visits/${visitId}`);
      assert.equal(assigned.body.identityMasked, false);
      assert.equal(assigned.body.visitors[0].fullName, NAME);
      assert.equal(assigned.body.contentSummary, SUMMARY);
      const list = await resolver.get("/api/reception/visits?pageSize=200");
      assert.equal(list.body.items.find((v: { id: string }) => v.id === visitId).notes, NOTES);
      // Opening and assigning the case is no ground for the leader.
      assert.equal((await lanhdao.get(`/api/reception/visits/${visitId}`)).body.identityMasked, true);
    });

    test("no longer a denunciation: the texts go back to clear; again one: sealed again", async () => {
      const created = await tiepdan.post("/api/reception/visits", {
        kind: "regular",
        receivedOn: today,
        receiverName: "Trần Thị Hoa",
        visitors: [{ fullName: NAME, address: ADDRESS, identity: IDENTITY, phone: PHONE }],
        peopleCount: 1,
        contentSummary: SUMMARY,
        contentKind: "denunciation",
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const stored = () =>
        t.system.database.db
          .selectFrom("reception_visit")
          .select(["content_summary", "texts_sealed", "search_text"])
          .where("id", "=", created.body.id)
          .executeTakeFirstOrThrow();
      const feedback = await tiepdan.patch(`/api/reception/visits/${created.body.id}`, {
        version: created.body.version,
        contentKind: "feedback",
      });
      assert.equal(feedback.status, 200, JSON.stringify(feedback.body));
      assert.equal((await stored()).content_summary, SUMMARY);
      assert.equal((await stored()).texts_sealed, null);
      assert.equal((await xem.get(`/api/reception/visits/${created.body.id}`)).body.contentSummary, SUMMARY);
      const again = await tiepdan.patch(`/api/reception/visits/${created.body.id}`, {
        version: feedback.body.version,
        contentKind: "denunciation",
      });
      assert.equal(again.status, 200, JSON.stringify(again.body));
      const row = await stored();
      assert.ok(row.texts_sealed);
      assertNoSecret(row.content_summary + row.search_text, "re-sealed row");
    });

    test("the start-up sweep seals the texts an earlier version left in clear", async () => {
      const database = t.system.database.db;
      const created = await tiepdan.post("/api/reception/visits", {
        kind: "regular",
        receivedOn: today,
        receiverName: "Trần Thị Hoa",
        visitors: [{ fullName: NAME, address: ADDRESS, identity: IDENTITY }],
        peopleCount: 1,
        contentSummary: "Tố cáo việc thu tiền sai quy định",
        contentKind: "denunciation",
      });
      assert.equal(created.status, 201);
      // As an earlier version stored it: texts and search in clear, nothing sealed.
      await database
        .updateTable("reception_visit")
        .set({
          content_summary: SUMMARY,
          notes: NOTES,
          documents_received: JSON.stringify([{ name: PAPER }]),
          search_text: SUMMARY.toLowerCase(),
          search_content: SUMMARY.toLowerCase(),
          texts_sealed: null,
        })
        .where("id", "=", created.body.id)
        .execute();
      assert.ok((await sealClearVisitTexts(database)) >= 1);
      assert.equal(await sealClearVisitTexts(database), 0, "nothing left to seal");
      const row = await database
        .selectFrom("reception_visit")
        .select(["content_summary", "notes", "documents_received", "search_text", "search_content", "texts_sealed"])
        .where("id", "=", created.body.id)
        .executeTakeFirstOrThrow();
      const { texts_sealed: sealed, ...clear } = row;
      assert.ok(sealed);
      assertNoSecret(JSON.stringify(clear), "swept row");
      const officer = await tiepdan.get(`/api/reception/visits/${created.body.id}`);
      assert.equal(officer.body.contentSummary, SUMMARY);
      assert.equal(officer.body.notes, NOTES);
      assertNoSecret(JSON.stringify((await xem.get(`/api/reception/visits/${created.body.id}`)).body), "xem");
    });

    test("a refusal's explanation is a free text too: masked for others and at rest", async () => {
      const explanation = `Đã giải thích cho ${NAME} (ĐT ${PHONE}) về nội quy nơi tiếp công dân.`;
      const created = await tiepdan.post("/api/reception/visits", {
        kind: "regular",
        receivedOn: today,
        receiverName: "Trần Thị Hoa",
        visitors: [{ fullName: NAME, address: ADDRESS, identity: IDENTITY }],
        peopleCount: 1,
        contentSummary: "Tố cáo việc thu tiền sai quy định",
        contentKind: "denunciation",
        handling: { route: "refused", refusal: { reason: 2, explanation } },
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      assert.equal(created.body.handling.refusal.explanation, explanation);
      const seen = await xem.get(`/api/reception/visits/${created.body.id}`);
      assert.match(seen.body.handling.refusal.explanation, /nội quy/);
      assertNoSecret(JSON.stringify(seen.body), "xem, refused visit");
      const row = await t.system.database.db
        .selectFrom("reception_visit")
        .select(["handling"])
        .where("id", "=", created.body.id)
        .executeTakeFirstOrThrow();
      assertNoSecret(JSON.stringify(row.handling), "stored handling");
      const officer = await tiepdan.get(`/api/reception/visits/${created.body.id}`);
      assert.equal(officer.body.handling.refusal.explanation, explanation);
    });

    test("a new primary key: the visits' people and texts are resealed, and an old key is no longer needed", async () => {
      const database = t.system.database.db;
      const before = keyRing();
      assert.ok((await sealedByKey(database))[before.primaryId]! >= 2, "people and texts counted");
      useKeyRing(before.rotated(`visits-${db.kind}`));
      assert.ok((await resealAll(database)) >= 1);
      assert.equal(await resealAll(database), 0, "nothing left under the old key");
      assert.deepEqual(Object.keys(await sealedByKey(database)), [keyRing().primaryId]);
      const officer = await tiepdan.get(`/api/reception/visits/${visitId}`);
      assert.equal(officer.body.visitors[0].fullName, NAME);
      assert.equal(officer.body.contentSummary, SUMMARY);
    });
  });
}
