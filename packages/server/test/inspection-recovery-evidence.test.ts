/**
 * The evidence of a partial recovery (receipt, bank slip) through the attachments module, on both
 * databases: uploaded to the recovery with the module's content checks, listed on the
 * recommendation, downloaded by the inspection's agency (audited), refused to another agency,
 * and no longer added once the recommendation is closed by decision.
 */
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, describe, test } from "node:test";
import { startTestApp, testDatabases, type TestApp, type TestClient } from "../src/testing.ts";
import {
  createSubject,
  decidedInspection,
  inspectionWorld,
  step,
  walkToAppraised,
  type InspectionWorld,
} from "./support/inspections.ts";

function multipart(files: { name: string; data: Buffer; type: string }[]) {
  const boundary = `----minhbach${randomBytes(8).toString("hex")}`;
  const chunks: Buffer[] = [];
  for (const file of files)
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${file.name}"\r\n` +
          `Content-Type: ${file.type}\r\n\r\n`,
      ),
      file.data,
      Buffer.from("\r\n"),
    );
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

function pdf(size = 2000): Buffer {
  const body = Buffer.alloc(size, 0x20);
  Buffer.from("%PDF-1.7\n% giay nop tien\n").copy(body);
  Buffer.from("\n%%EOF\n").copy(body, size - 7);
  return body;
}

for (const db of testDatabases()) {
  describe(`recovery evidence files (${db.kind})`, () => {
    let t: TestApp;
    let w: InspectionWorld;
    before(async () => {
      t = await startTestApp({ db, listen: false });
      w = await inspectionWorld(t);
    });
    after(() => t.close());

    const upload = (client: TestClient, recoveryId: string, files: { name: string; data: Buffer; type: string }[]) => {
      const body = multipart(files);
      return client.request("POST", `/api/inspection-follow-up/recoveries/${recoveryId}/attachments`, body.payload, {
        csrf: true,
        headers: { "content-type": body.contentType },
      });
    };
    const download = (client: TestClient, id: string) =>
      t.app.inject({
        method: "GET",
        url: `/api/attachments/${id}/download`,
        headers: client.session ? { cookie: `mb_session=${client.session}` } : {},
      });

    test("a recovery's receipt: uploaded, listed on the recommendation, downloaded in scope (audited), refused elsewhere", async () => {
      const subject = await createSubject(w.db, w.tt, { name: "Trường Trung học phổ thông số 2 Bát Xát" });
      const p = await decidedInspection(w, [subject], 2025, "2025-08-04");
      let v = await walkToAppraised(w, p.id, p.version, {
        plan: "2025-08-06",
        announce: "2025-08-11",
        endOnsite: "2025-09-19",
        report: "2025-09-22",
        assign: "2025-09-25",
        draft: "2025-10-06",
        appraise: "2025-10-09",
      });
      const rec = await w.long.post(`/api/inspections/${p.id}/recommendations`, {
        version: v,
        type: "recover_money",
        content: "Thu hồi nộp ngân sách tiền phụ cấp chi sai",
        amount: 90_000_000,
        responsibleUnit: "Trường Trung học phổ thông số 2 Bát Xát",
      });
      assert.equal(rec.status, 201, JSON.stringify(rec.body));
      v = rec.body.version;
      const signed = await step(w.head, p.id, v, {
        action: "sign",
        issuedOutside: true,
        number: "40/KL-TTr",
        date: "2025-10-15",
      });
      assert.equal(signed.status, 200, JSON.stringify(signed.body));
      const recommendationId = signed.body.recommendations[0].id as string;
      const before = (await w.long.get(`/api/inspection-follow-up/${recommendationId}`)).body;
      const recovered = await w.long.post(`/api/inspection-follow-up/${recommendationId}/recoveries`, {
        version: before.version,
        recoveredOn: "2025-12-20",
        amount: 40_000_000,
        evidence: "Giấy nộp tiền số 15 ngày 20/12/2025",
      });
      assert.equal(recovered.status, 201, JSON.stringify(recovered.body));
      const recoveryId = recovered.body.recoveryId as string;
      assert.equal(recovered.body.recoveries[0].id, recoveryId);
      assert.deepEqual(recovered.body.recoveries[0].files, []);

      // A file that is not what it claims (an executable named .pdf): refused, nothing stored.
      const fake = await upload(w.long, recoveryId, [
        {
          name: "giay-nop-tien.pdf",
          data: Buffer.concat([Buffer.from("MZ"), randomBytes(500)]),
          type: "application/pdf",
        },
      ]);
      assert.equal(fake.status, 415, JSON.stringify(fake.body));
      assert.match(fake.body.message, /giay-nop-tien\.pdf/);
      // Another agency's inspector may not add evidence to it.
      const foreign = await upload(w.sctInspector, recoveryId, [
        { name: "bien-lai.pdf", data: pdf(), type: "application/pdf" },
      ]);
      assert.equal(foreign.status, 403, JSON.stringify(foreign.body));
      const none = await w.db
        .selectFrom("attachment")
        .select("id")
        .where("entity_type", "=", "inspection_recovery")
        .where("entity_id", "=", recoveryId)
        .execute();
      assert.equal(none.length, 0, "nothing half-saved by the refusals");

      const receipt = pdf(3000);
      const up = await upload(w.long, recoveryId, [
        { name: "giấy nộp tiền 20-12-2025.pdf", data: receipt, type: "application/pdf" },
      ]);
      assert.equal(up.status, 201, JSON.stringify(up.body));
      const fileId = up.body.items[0].id as string;
      assert.equal(up.body.items[0].fileName, "giấy nộp tiền 20-12-2025.pdf");

      // Listed on the recommendation, and by the attachments list route.
      const detail = (await w.long.get(`/api/inspection-follow-up/${recommendationId}`)).body;
      assert.deepEqual(detail.recoveries[0].files, [
        { id: fileId, fileName: "giấy nộp tiền 20-12-2025.pdf", size: receipt.length },
      ]);
      const listed = await w.long.get(`/api/inspection-follow-up/recoveries/${recoveryId}/attachments`);
      assert.equal(listed.status, 200, JSON.stringify(listed.body));
      assert.equal(listed.body.canUpload, true);
      assert.deepEqual(
        listed.body.items.map((f: { id: string }) => f.id),
        [fileId],
      );

      // Downloaded in scope (the head reads his agency's), audited; refused to another agency.
      const got = await download(w.head, fileId);
      assert.equal(got.statusCode, 200);
      assert.deepEqual(got.rawPayload, receipt);
      const audit = await w.db
        .selectFrom("audit_event")
        .select(["action", "summary"])
        .where("entity_id", "=", fileId)
        .execute();
      assert.ok(
        audit.some((a) => a.action === "attachment.upload" || a.action === "attachment.uploaded"),
        JSON.stringify(audit),
      );
      assert.ok(audit.some((a) => a.action === "attachment.download"));
      const refused = await download(w.sctInspector, fileId);
      assert.ok([403, 404].includes(refused.statusCode), String(refused.statusCode));
      const foreignList = await w.sctInspector.get(`/api/inspection-follow-up/recoveries/${recoveryId}/attachments`);
      assert.ok([403, 404].includes(foreignList.status), JSON.stringify(foreignList.body));
      const unknown = await w.long.get(
        "/api/inspection-follow-up/recoveries/00000000-0000-4000-8000-000000000000/attachments",
      );
      assert.equal(unknown.status, 404);
      assert.equal(unknown.body.message, "Không tìm thấy lần thu hồi.");

      // Closed by decision: no more evidence added.
      const current = (await w.long.get(`/api/inspection-follow-up/${recommendationId}`)).body;
      const closed = await w.long.post(`/api/inspection-follow-up/${recommendationId}/close`, {
        version: current.version,
        closedOn: "2026-02-10",
        reason: "Quyết định số 12/QĐ-TTr: miễn thu hồi phần còn lại theo bản án",
      });
      assert.equal(closed.status, 200, JSON.stringify(closed.body));
      const late = await upload(w.long, recoveryId, [{ name: "bo-sung.pdf", data: pdf(), type: "application/pdf" }]);
      assert.equal(late.status, 409, JSON.stringify(late.body));
      assert.equal(late.body.code, "ATTACHMENTS_LOCKED");
      assert.match(late.body.message, /kết thúc theo dõi/);
    });

    test("an inspection's own files: uploaded and listed by its agency, refused to another agency", async () => {
      const subject = await createSubject(w.db, w.tt, { name: "Ban Quản lý dự án đầu tư xây dựng huyện Si Ma Cai" });
      const p = await decidedInspection(w, [subject], 2026, "2026-03-02");
      const body = multipart([{ name: "bien-ban-lam-viec.pdf", data: pdf(), type: "application/pdf" }]);
      const send = (client: TestClient) =>
        client.request("POST", `/api/inspections/${p.id}/attachments`, body.payload, {
          csrf: true,
          headers: { "content-type": body.contentType },
        });
      const foreign = await send(w.sctInspector);
      assert.equal(foreign.status, 403, JSON.stringify(foreign.body));
      const up = await send(w.long);
      assert.equal(up.status, 201, JSON.stringify(up.body));
      const listed = await w.head.get(`/api/inspections/${p.id}/attachments`);
      assert.equal(listed.status, 200, JSON.stringify(listed.body));
      assert.deepEqual(
        listed.body.items.map((f: { fileName: string }) => f.fileName),
        ["bien-ban-lam-viec.pdf"],
      );
      const other = await w.sctInspector.get(`/api/inspections/${p.id}/attachments`);
      assert.ok([403, 404].includes(other.status), JSON.stringify(other.body));
    });
  });
}
