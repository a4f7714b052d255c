/**
 * Documents, attachments and the duplicate check of a letter whose writer may be a denouncer (a
 * denunciation, or a letter not yet classified), through the HTTP API on both databases: what a
 * reader who may not see the writer gets (JSON fields, titles, the .docx, file names, duplicate
 * matches), what those who may see the writer get, and what the database holds in the clear.
 */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { after, before, describe, test } from "node:test";
import { sql } from "kysely";
import { resealAll } from "../src/platform/sealed-columns.ts";
import { startTestApp, testDatabases, type TestApp, type TestClient } from "../src/testing.ts";
import { keyRing, useKeyRing } from "../src/platform/vault.ts";
import { proposedPetition } from "./support/petitions.ts";
import { docxText } from "./support/zip.ts";

const WRITER = "Trương Thị Mỹ Duyên";
const WRITER_ID = "036189004321";
const ADDRESS = "Tổ 7, phường Kim Tân, tỉnh Lào Cai";

/** A letter whose summary and content name their writer, as real letters do. */
function letter(over: Record<string, unknown> = {}) {
  return {
    channel: "post",
    receivedOn: "2026-11-02",
    writtenOn: "2026-10-31",
    petitioners: [
      {
        kind: "person",
        fullName: WRITER,
        address: ADDRESS,
        phone: "0987654321",
        identity: { kind: "cccd", number: WRITER_ID, birthYear: 1989, gender: "female" },
      },
    ],
    respondents: [{ name: "Ông Lục Văn Hải, Trưởng phòng Quản lý thương mại" }],
    summary:
      `Bà ${WRITER}, CCCD 036 189 004 321, điện thoại +84 987 654 321, trú tại ${ADDRESS}, ` +
      "tố cáo ông Lục Văn Hải nhận tiền của thương nhân để cấp giấy phép kinh doanh rượu.",
    content:
      `Tôi tên là ${WRITER}, số CCCD 036 189 004 321, điện thoại +84 987 654 321. Tôi tố cáo ông Lục Văn Hải, ` +
      "Trưởng phòng Quản lý thương mại, nhiều lần nhận tiền của các thương nhân để cấp giấy phép kinh doanh rượu " +
      "không đúng quy định; tôi có danh sách các cơ sở đã nộp tiền.",
    fieldCode: "CT.QUAN_LY_THI_TRUONG",
    ...over,
  };
}

const LEAK =
  /Trương Thị Mỹ Duyên|Mỹ Duyên|Truong Thi My Duyen|036189004321|036 189 004 321|987 654 321|0987654321|Kim Tân/i;

function noLeak(value: unknown, what: string) {
  const text = typeof value === "string" ? value : JSON.stringify(value);
  assert.doesNotMatch(text, LEAK, `${what} shows the writer`);
}

for (const db of testDatabases()) {
  describe(`documents and the denouncer's identity (${db.kind})`, () => {
    let t: TestApp;
    let handler: TestClient;
    let leader: TestClient;
    let resolver: TestClient;
    let other: TestClient;
    let reception: TestClient;
    let resolverId: string;
    let issuedId: string;
    let denunciationId: string;

    before(async () => {
      t = await startTestApp({ db, listen: false });
      handler = await t.login("xulydon");
      leader = await t.login("lanhdao");
      resolver = await t.login("xacminh");
      other = await t.login("xacminh2");
      reception = await t.login("tiepdan");
      resolverId = (await resolver.get("/api/auth/me")).body.user.id;
    });
    after(() => t.close());

    const file = async (who: TestClient, id: string) => {
      const res = await t.app.inject({
        method: "GET",
        url: `/api/documents/${id}/file`,
        headers: { cookie: `mb_session=${who.session}` },
      });
      return res;
    };

    const stored = (id: string) =>
      t.system.database.db
        .selectFrom("official_document")
        .select(["title", "fields", "fields_sealed", "file", "file_sealed", "file_sha256"])
        .where("id", "=", id)
        .executeTakeFirstOrThrow();

    test("TT05-01 of a denunciation: masked for the leader, an unassigned resolver and reception; raw for the assigned", async () => {
      const petition = await proposedPetition(handler, letter(), "denunciation", "2026-11-05");
      const docs = await handler.get(`/api/documents?entityType=petition&entityId=${petition.id}`);
      assert.equal(docs.status, 200, JSON.stringify(docs.body));
      const proposal = docs.body.items.find((d: { formCode: string }) => d.formCode === "TT05-01");
      assert.ok(proposal, "the proposal was drafted");

      // At rest: the clear columns hold no identity; the original is sealed.
      const row = await stored(proposal.id);
      noLeak(row.fields, "official_document.fields");
      noLeak(row.title, "official_document.title");
      assert.ok(row.fields_sealed, "the original is sealed");
      assert.doesNotMatch(row.fields_sealed, LEAK);

      // Initial processing: the handler of the receiving agency reads the letter as written.
      const own = await handler.get(`/api/documents/${proposal.id}`);
      assert.equal(own.status, 200);
      assert.match(own.body.fields.summary, /Trương Thị Mỹ Duyên/);

      const opened = await leader.post("/api/cases", { petitionId: petition.id, assignees: [resolverId] });
      assert.equal(opened.status, 201, JSON.stringify(opened.body));

      for (const [who, name] of [
        [leader, "lanhdao"],
        [other, "xacminh2"],
        [reception, "tiepdan"],
        [handler, "xulydon (not assigned once the case is open)"],
      ] as const) {
        const one = await who.get(`/api/documents/${proposal.id}`);
        if (one.status === 200) {
          noLeak(one.body, `GET /documents/:id as ${name}`);
          assert.match(one.body.fields.summary, /\[thông tin người tố cáo\]/);
        }
        const list = await who.get(`/api/documents?entityType=petition&entityId=${petition.id}`);
        if (list.status === 200) noLeak(list.body, `GET /documents as ${name}`);
        const docx = await file(who, proposal.id);
        if (docx.statusCode === 200) {
          const text = docxText(docx.rawPayload);
          assert.ok(text.length > 0);
          noLeak(text, `the .docx as ${name}`);
        }
      }

      const assigned = await resolver.get(`/api/documents/${proposal.id}`);
      assert.equal(assigned.status, 200);
      assert.match(assigned.body.fields.summary, /Trương Thị Mỹ Duyên/);
      assert.match(assigned.body.fields.summary, /036 189 004 321/);
      assert.match(docxText((await file(resolver, proposal.id)).rawPayload), /Trương Thị Mỹ Duyên/);

      // The leader completes the masked draft and issues it: what they left as shown keeps the original.
      const edited = await leader.patch(`/api/documents/${proposal.id}`, {
        version: (await leader.get(`/api/documents/${proposal.id}`)).body.version,
        fields: {
          ...(await leader.get(`/api/documents/${proposal.id}`)).body.fields,
          signer: { position: "Chuyên viên", name: "Lê Minh Tuấn" },
        },
      });
      assert.equal(edited.status, 200, JSON.stringify(edited.body));
      noLeak(edited.body, "the leader's edit answer");
      assert.match((await resolver.get(`/api/documents/${proposal.id}`)).body.fields.summary, /Trương Thị Mỹ Duyên/);

      const issued = await leader.post(`/api/documents/${proposal.id}/issue`, {});
      assert.equal(issued.status, 200, JSON.stringify(issued.body));
      noLeak(issued.body, "the issue answer");
      const leaderFile = await file(leader, proposal.id);
      assert.equal(leaderFile.statusCode, 200);
      noLeak(docxText(leaderFile.rawPayload), "the issued .docx as the leader");
      const signed = await file(resolver, proposal.id);
      assert.match(docxText(signed.rawPayload), /Trương Thị Mỹ Duyên/);
      const after = await stored(proposal.id);
      assert.equal(createHash("sha256").update(signed.rawPayload).digest("hex"), after.file_sha256);
      noLeak(after.fields, "issued fields");
      noLeak(docxText(Buffer.from(after.file!)), "the clear issued file");
      assert.ok(after.file_sealed);
      issuedId = proposal.id;
      denunciationId = petition.id;
    });

    test("what a reader who may not see the writer types comes back as typed: the masking is no oracle", async () => {
      const me = (await leader.get("/api/auth/me")).body;
      const agencyId = (me.user?.agency?.id ?? me.agency?.id) as string;
      const guess = `Có phải ${WRITER} là người tố cáo? Gọi 0912 000 111.`;
      const created = await leader.post("/api/documents", {
        formCode: "TT05-01",
        entityType: "petition",
        entityId: denunciationId,
        agencyId,
        fields: {
          to: "Giám đốc Sở Công Thương",
          receivedOn: "2026-11-02",
          petitionKind: "denunciation",
          summary: guess,
        },
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      assert.match(created.body.fields.summary, /Có phải Trương Thị Mỹ Duyên là người tố cáo\?/);
      assert.doesNotMatch(created.body.fields.summary, /0912 000 111/, "contacts are masked by their shape");
      const edited = await leader.patch(`/api/documents/${created.body.id}`, {
        version: created.body.version,
        fields: { ...created.body.fields, assessment: `Ông ${WRITER} ở ${ADDRESS}.` },
      });
      assert.equal(edited.status, 200, JSON.stringify(edited.body));
      assert.equal(edited.body.fields.assessment, `Ông ${WRITER} ở ${ADDRESS}.`);
      assert.match(edited.body.fields.summary, /Có phải Trương Thị Mỹ Duyên/);
      assert.match(docxText((await file(leader, created.body.id)).rawPayload), /Ông Trương Thị Mỹ Duyên ở Tổ 7/);
    });

    test("a document of an unclassified letter: its handlers read it, the leader reads it masked", async () => {
      const created = await handler.post("/api/petitions", letter());
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const petition = created.body;
      const me = (await handler.get("/api/auth/me")).body;
      const agencyId = (me.user?.agency?.id ?? me.agency?.id) as string;
      const draft = await handler.post("/api/documents", {
        formCode: "TT05-01",
        entityType: "petition",
        entityId: petition.id,
        agencyId,
        fields: {
          to: "Giám đốc Sở Công Thương",
          receivedOn: "2026-11-02",
          petitionKind: "complaint",
          petitioner: { fullName: WRITER, address: ADDRESS },
          summary: letter().summary,
        },
      });
      assert.equal(draft.status, 201, JSON.stringify(draft.body));
      assert.match(draft.body.title, /Trương Thị Mỹ Duyên/, "the handler reads the title as written");
      const row = await stored(draft.body.id);
      noLeak(row.fields, "official_document.fields");
      noLeak(row.title, "official_document.title");

      const masked = await leader.get(`/api/documents/${draft.body.id}`);
      assert.equal(masked.status, 200);
      noLeak(masked.body, "the leader's read");
      noLeak(docxText((await file(leader, draft.body.id)).rawPayload), "the draft .docx as the leader");
      const raw = await handler.get(`/api/documents/${draft.body.id}`);
      assert.equal(raw.body.fields.petitioner.fullName, WRITER);
      assert.match(docxText((await file(handler, draft.body.id)).rawPayload), /Trương Thị Mỹ Duyên/);
    });

    test("attachments of an unclassified letter: names sealed, masked in the clear, hidden from others", async () => {
      const created = await handler.post("/api/petitions", letter());
      const id = created.body.id as string;
      const boundary = "----minhbachidentity";
      const body = Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="description"\r\n\r\n` +
            `Bản chụp đơn của ${WRITER}, điện thoại 0987 654 321\r\n`,
        ),
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="don-Truong-Thi-My-Duyen.txt"\r\n` +
            "Content-Type: text/plain\r\n\r\n",
        ),
        Buffer.from("Bản chụp đơn viết tay.\n"),
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      const uploaded = await handler.request("POST", `/api/petitions/${id}/attachments`, body, {
        headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
      });
      assert.equal(uploaded.status, 201, JSON.stringify(uploaded.body));
      const rows = await t.system.database.db
        .selectFrom("attachment")
        .select(["id", "file_name", "description", "names_sealed"])
        .where("entity_id", "=", id)
        .execute();
      assert.equal(rows.length, 1);
      noLeak([rows[0]!.file_name, rows[0]!.description], "attachment row");
      assert.ok(rows[0]!.names_sealed);

      const mine = await handler.get(`/api/petitions/${id}/attachments`);
      assert.equal(mine.body.items[0].fileName, "don-Truong-Thi-My-Duyen.txt");
      assert.match(mine.body.items[0].description, /Trương Thị Mỹ Duyên/);
      // The reception officer handles letters too (petition.write): not among those who may not see.
      for (const who of [leader, other]) {
        const listed = await who.get(`/api/petitions/${id}/attachments`);
        if (listed.status === 200) noLeak(listed.body, "attachment list");
      }
      const download = await t.app.inject({
        method: "GET",
        url: `/api/attachments/${rows[0]!.id}/download`,
        headers: { cookie: `mb_session=${handler.session}` },
      });
      assert.equal(download.statusCode, 200);
      assert.match(String(download.headers["content-disposition"]), /Truong-Thi-My-Duyen/);
    });

    test("a key rotation seals documents' and files' originals again, issued ones included", async () => {
      const database = t.system.database.db;
      const old = keyRing();
      const next = old.rotated();
      useKeyRing(next);
      const resealed = await resealAll(database);
      assert.ok(resealed >= 3, `resealed ${resealed}`);
      // Every sealed original of a document or a file's names is under the new key (the files
      // themselves keep the key they were written with).
      const { rows: keys } = await sql<{ key: string; n: number }>`
        select split_part(v, '.', 2) as key, count(*)::int as n from (
          select fields_sealed as v from official_document union all
          select file_sealed from official_document union all
          select names_sealed from attachment) s
        where v is not null group by 1`.execute(database);
      const counts = Object.fromEntries(keys.map((k) => [k.key, Number(k.n)]));
      assert.equal(counts[old.primaryId] ?? 0, 0);
      assert.ok((counts[next.primaryId] ?? 0) >= 3);
      const row = await stored(issuedId);
      assert.ok(row.fields_sealed!.startsWith(`v1.${next.primaryId}.`));
      assert.match((await resolver.get(`/api/documents/${issuedId}`)).body.fields.summary, /Trương Thị Mỹ Duyên/);
      assert.match(docxText((await file(resolver, issuedId)).rawPayload), /Trương Thị Mỹ Duyên/);
      // Anything else stays frozen: the same key cannot replace an issued document's original.
      await assert.rejects(
        database
          .updateTable("official_document")
          .set({ fields_sealed: next.seal("{}", `document_fields:${issuedId}`) })
          .where("id", "=", issuedId)
          .execute(),
      );
    });

    test("duplicates by identity number: no code or reason for a reader who may not see the writer", async () => {
      const created = await handler.post("/api/petitions", letter({ receivedOn: "2026-11-03" }));
      assert.equal(created.status, 201);
      const { id, code } = created.body as { id: string; code: string };
      const query = {
        petitioners: [
          {
            kind: "person",
            fullName: "Người Khác Hẳn",
            address: "Thôn Sơn Hà, xã Gia Phú",
            identity: { kind: "cccd", number: WRITER_ID },
          },
        ],
        respondents: [{ name: "Công ty TNHH Vận tải Bình Minh" }],
        content: "Đề nghị xem xét việc thu phí trông giữ xe tại bến xe khách trung tâm cao hơn mức niêm yết.",
      };
      for (const who of [leader, other]) {
        const dup = await who.post("/api/petitions/duplicates", query);
        assert.equal(dup.status, 200, JSON.stringify(dup.body));
        const text = JSON.stringify(dup.body);
        assert.ok(!text.includes(id), "the letter's id is not given");
        assert.ok(!text.includes(code), "the letter's code is not given");
        assert.doesNotMatch(text, /giấy tờ tùy thân/, "the reason is not given");
        noLeak(dup.body, "duplicates");
        const note = dup.body.items.find((m: { coordinate: string | null }) => m.coordinate);
        assert.ok(note, "a related letter is said to exist");
        assert.equal(note.visible, false);
        assert.equal(note.receivedOn, null);
        assert.equal(note.excerpt, null);
        assert.deepEqual(note.reasons, []);
      }
      const seen = await handler.post("/api/petitions/duplicates", query);
      assert.equal(seen.status, 200);
      const match = seen.body.items.find((m: { id: string | null }) => m.id === id);
      assert.ok(match, "the handler sees the match");
      assert.ok(match.reasons.some((r: string) => /giấy tờ tùy thân/.test(r)));
    });
  });
}
