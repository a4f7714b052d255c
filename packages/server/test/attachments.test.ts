/**
 * Attachments of petitions through the HTTP API, on both databases: upload and download with
 * the hash, Vietnamese file names, the limits (size, count, kinds by content, empty files), who
 * may do what, the audit trail, deletion, and encrypted storage with an in-test key.
 */
import assert from "node:assert/strict";
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { text } from "node:stream/consumers";
import { after, before, describe, test } from "node:test";
import { Document, Packer, Paragraph } from "docx";
import ExcelJS from "exceljs";
import { cleanFileName, receiveFile } from "../src/modules/attachments/service.ts";
import { LocalFileStorage } from "../src/modules/attachments/storage.ts";
import { startTestApp, testDatabases, type TestApp, type TestClient } from "../src/testing.ts";

const MB = 1024 * 1024;

function letter() {
  return {
    channel: "post",
    receivedOn: "2026-11-02",
    writtenOn: "2026-10-28",
    petitioners: [{ kind: "person", fullName: "Nguyễn Văn An", address: "Thôn Na Hối, xã Bắc Hà, tỉnh Lào Cai" }],
    respondents: [{ name: "Cửa hàng xăng dầu Minh Phát", address: "xã Bắc Hà" }],
    content:
      "Tôi đề nghị Sở Công Thương kiểm tra việc cửa hàng xăng dầu Minh Phát tại xã Bắc Hà bán xăng thiếu lít, " +
      "cột bơm số 2 có dấu hiệu can thiệp.",
    fieldCode: "CT.XANG_DAU",
  };
}

interface Upload {
  name: string;
  data: Buffer;
  type?: string;
}

/** A multipart/form-data body as a browser sends it (UTF-8 file names in the header). */
function multipart(files: Upload[], fields: Record<string, string> = {}) {
  const boundary = `----minhbach${randomBytes(8).toString("hex")}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  for (const file of files) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${file.name}"\r\n` +
          `Content-Type: ${file.type ?? "application/octet-stream"}\r\n\r\n`,
      ),
      file.data,
      Buffer.from("\r\n"),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

const sha256 = (data: Buffer) => createHash("sha256").update(data).digest("hex");

function pdf(size = 2000): Buffer {
  const body = Buffer.alloc(size, 0x20);
  Buffer.from("%PDF-1.7\n% Minh Bạch\n").copy(body);
  Buffer.from("\n%%EOF\n").copy(body, size - 7);
  return body;
}

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from(
    "0000000d49484452000000010000000108060000001f15c4890000000d4944415478da636060606000000005000133a0d8b30000000049454e44ae426082",
    "hex",
  ),
]);

/** Every file under the storage folder (the temp folder included), relative paths. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

for (const db of testDatabases()) {
  describe(`attachments (${db.kind})`, () => {
    let t: TestApp;
    let storageDir: string;
    let handler: TestClient;
    let otherHandler: TestClient;
    let petitionId: string;

    async function upload(
      client: TestClient,
      id: string,
      files: Upload[],
      fields?: Record<string, string>,
      csrf = true,
    ) {
      const body = multipart(files, fields);
      return client.request("POST", `/api/petitions/${id}/attachments`, body.payload, {
        csrf,
        headers: { "content-type": body.contentType },
      });
    }

    async function download(client: TestClient, id: string) {
      const res = await t.app.inject({
        method: "GET",
        url: `/api/attachments/${id}/download`,
        headers: client.session ? { cookie: `mb_session=${client.session}` } : {},
      });
      return res;
    }

    async function newPetition(): Promise<string> {
      const res = await handler.post("/api/petitions", letter());
      assert.equal(res.status, 201, JSON.stringify(res.body));
      return res.body.id;
    }

    async function auditActions(entityId: string): Promise<string[]> {
      const rows = await t.system.database.db
        .selectFrom("audit_event")
        .select("action")
        .where("entity_id", "=", entityId)
        .orderBy("id")
        .execute();
      return rows.map((r) => r.action);
    }

    before(async () => {
      storageDir = mkdtempSync(path.join(os.tmpdir(), "minhbach-attachments-test-"));
      t = await startTestApp({ db, listen: false, config: { storageDir } });
      handler = await t.login("xulydon");
      otherHandler = await t.login("xulydon.snnmt");
      petitionId = await newPetition();
    });
    after(async () => {
      await t.close();
      rmSync(storageDir, { recursive: true, force: true });
    });

    test("upload and download: same bytes and hash, Vietnamese name, audited", async () => {
      const letterScan = pdf(50_000);
      const name = "Đơn khiếu nại (bản chụp) – Nguyễn Văn An.pdf";
      const res = await upload(
        handler,
        petitionId,
        [
          { name, data: letterScan, type: "application/pdf" },
          { name: "ảnh hiện trường.png", data: PNG, type: "image/png" },
        ],
        { description: "Tài liệu kèm theo đơn" },
      );
      assert.equal(res.status, 201, JSON.stringify(res.body));
      const [doc, photo] = res.body.items;
      assert.equal(doc.fileName, name);
      assert.equal(doc.mimeType, "application/pdf");
      assert.equal(doc.size, letterScan.length);
      assert.equal(doc.sha256, sha256(letterScan));
      assert.equal(doc.description, "Tài liệu kèm theo đơn");
      assert.equal(doc.createdBy.name, "Lê Minh Tuấn");
      // Every petition file is encrypted at rest (a scan may show a denouncer's handwriting).
      assert.equal(doc.encrypted, true);
      assert.equal(photo.mimeType, "image/png");

      const list = await handler.get(`/api/petitions/${petitionId}/attachments`);
      assert.equal(list.status, 200);
      assert.deepEqual(
        list.body.items.map((i: { fileName: string }) => i.fileName),
        [name, "ảnh hiện trường.png"],
      );
      assert.equal(list.body.canUpload, true);
      assert.equal(list.body.maxUploadBytes, 20 * MB);
      assert.deepEqual(list.body.items[0].actions, ["download", "delete"]);

      const got = await download(handler, doc.id);
      assert.equal(got.statusCode, 200);
      assert.equal(sha256(got.rawPayload), doc.sha256);
      assert.equal(got.headers["content-type"], "application/pdf");
      assert.equal(got.headers["x-content-type-options"], "nosniff");
      assert.equal(got.headers["content-length"], String(letterScan.length));
      const disposition = String(got.headers["content-disposition"]);
      assert.match(
        disposition,
        /^attachment; filename="Don-khieu-nai-ban-chup-Nguyen-Van-An\.pdf"; filename\*=UTF-8''/,
      );
      const encoded = /filename\*=UTF-8''(.+)$/.exec(disposition)![1]!;
      assert.doesNotMatch(encoded, /[()' ]/);
      assert.equal(decodeURIComponent(encoded), name);

      // On disk: named by id, two levels of folders, nothing left in the temp folder.
      const onDisk = path.join(storageDir, doc.id.slice(0, 2), doc.id.slice(2, 4), doc.id);
      // Encrypted: same length (GCM is a stream cipher), different bytes.
      assert.equal(readFileSync(onDisk).length, letterScan.length);
      assert.notDeepEqual(readFileSync(onDisk), letterScan);
      assert.deepEqual(filesUnder(path.join(storageDir, "tmp")), []);

      assert.deepEqual(await auditActions(doc.id), ["attachment.upload", "attachment.download"]);
      const event = await t.system.database.db
        .selectFrom("audit_event")
        .select("summary")
        .where("entity_id", "=", doc.id)
        .where("action", "=", "attachment.upload")
        .executeTakeFirstOrThrow();
      // The file name may carry a petitioner's name: it stays out of the audit trail.
      assert.doesNotMatch(JSON.stringify(event.summary), /Nguyễn|khiếu/);
    });

    test("Word, Excel and plain text are recognised by their content", async () => {
      const docx = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph("Biên bản")] }] }));
      const book = new ExcelJS.Workbook();
      book.addWorksheet("Sổ").addRow(["Số đơn", 1]);
      const xlsx = Buffer.from(await book.xlsx.writeBuffer());
      const res = await upload(handler, petitionId, [
        { name: "biên bản.docx", data: docx },
        { name: "sổ theo dõi.xlsx", data: xlsx },
        { name: "ghi chú.txt", data: Buffer.from("Ghi chú của cán bộ tiếp nhận.\r\nDòng hai.\n") },
      ]);
      assert.equal(res.status, 201, JSON.stringify(res.body));
      assert.deepEqual(
        res.body.items.map((i: { mimeType: string }) => i.mimeType),
        [
          "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
          "text/plain",
        ],
      );
    });

    test("a file over 20 MB is refused while streaming; nothing is kept", async () => {
      const before = filesUnder(storageDir).length;
      const big = pdf(20 * MB + 1);
      const res = await upload(handler, petitionId, [
        { name: "nhỏ.pdf", data: pdf() },
        { name: "bản ghi âm lớn.pdf", data: big },
      ]);
      assert.equal(res.status, 413, JSON.stringify(res.body));
      assert.equal(res.body.code, "BODY_TOO_LARGE");
      assert.equal(res.body.message, 'Tệp "bản ghi âm lớn.pdf" vượt quá dung lượng cho phép (20 MB).');
      assert.equal(filesUnder(storageDir).length, before, "the first file of the request was removed too");

      const exact = await upload(handler, petitionId, [{ name: "đúng giới hạn.pdf", data: pdf(20 * MB) }]);
      assert.equal(exact.status, 201, JSON.stringify(exact.body));
    });

    test("kinds are judged by content: HTML renamed .pdf, programs, scripts named .txt are refused", async () => {
      const refused: [Upload, number, RegExp][] = [
        [
          {
            name: "công văn.pdf",
            data: Buffer.from("<!DOCTYPE html><html><script>alert(1)</script></html>"),
            type: "application/pdf",
          },
          415,
          /^Tệp "công văn\.pdf" không thuộc loại được chấp nhận/,
        ],
        [{ name: "ảnh.svg", data: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"></svg>') }, 415, /ảnh\.svg/],
        [{ name: "setup.pdf", data: Buffer.concat([Buffer.from("MZ"), randomBytes(5000)]) }, 415, /setup\.pdf/],
        [{ name: "chạy.bat", data: Buffer.from("@echo off\r\ndel /q C:\\*\r\n") }, 415, /phần mở rộng không khớp/],
        [{ name: "ảnh.pdf", data: PNG }, 415, /nội dung là ảnh PNG/],
        [{ name: "giả.docx", data: Buffer.concat([Buffer.from("PK\x03\x04"), randomBytes(6000)]) }, 415, /giả\.docx/],
        [{ name: "trống.pdf", data: Buffer.alloc(0) }, 400, /^Tệp "trống\.pdf" không có nội dung\.$/],
      ];
      for (const [file, status, message] of refused) {
        const res = await upload(handler, petitionId, [file]);
        assert.equal(res.status, status, `${file.name}: ${JSON.stringify(res.body)}`);
        assert.match(res.body.message, message);
      }
      const list = await handler.get(`/api/petitions/${petitionId}/attachments`);
      assert.ok(!list.body.items.some((i: { fileName: string }) => refused.some(([f]) => f.name === i.fileName)));
      assert.deepEqual(filesUnder(path.join(storageDir, "tmp")), []);
    });

    test("at most 20 files per request, at least one", async () => {
      const before = filesUnder(storageDir).length;
      const many = Array.from({ length: 21 }, (_, i) => ({ name: `trang ${i + 1}.pdf`, data: pdf() }));
      const res = await upload(handler, petitionId, many);
      assert.equal(res.status, 413, JSON.stringify(res.body));
      assert.match(res.body.message, /tối đa 20 tệp/);
      assert.equal(filesUnder(storageDir).length, before);

      const none = await upload(handler, petitionId, [], { description: "không có tệp" });
      assert.equal(none.status, 400);
      assert.match(none.body.message, /Chọn ít nhất một tệp/);

      const json = await handler.post(`/api/petitions/${petitionId}/attachments`, { files: [] });
      assert.equal(json.status, 415);
    });

    test("401 without a session, 403 for another agency, 403 without the CSRF header", async () => {
      const first = (await handler.get(`/api/petitions/${petitionId}/attachments`)).body.items[0];
      const anon = t.anonymous();
      assert.equal((await upload(anon, petitionId, [{ name: "a.pdf", data: pdf() }])).status, 401);
      assert.equal((await anon.get(`/api/petitions/${petitionId}/attachments`)).status, 401);
      assert.equal((await download(anon, first.id)).statusCode, 401);

      const up = await upload(otherHandler, petitionId, [{ name: "a.pdf", data: pdf() }]);
      assert.equal(up.status, 403);
      assert.equal(up.body.code, "OUT_OF_SCOPE");
      assert.equal((await otherHandler.get(`/api/petitions/${petitionId}/attachments`)).status, 403);
      const stolen = await download(otherHandler, first.id);
      assert.equal(stolen.statusCode, 403);
      assert.doesNotMatch(stolen.body, /%PDF/);
      assert.equal((await otherHandler.request("DELETE", `/api/attachments/${first.id}`)).status, 403);

      const noCsrf = await upload(handler, petitionId, [{ name: "a.pdf", data: pdf() }], {}, false);
      assert.equal(noCsrf.status, 403);
      assert.equal(noCsrf.body.code, "CSRF_INVALID");
      const noCsrfDelete = await handler.request("DELETE", `/api/attachments/${first.id}`, undefined, { csrf: false });
      assert.equal(noCsrfDelete.status, 403);

      // A viewer of the same agency: while the letter is not classified (it may be a denunciation)
      // the files are listed without their names and not served; never changed by a viewer.
      const viewer = await t.login("xem");
      const seen = await viewer.get(`/api/petitions/${petitionId}/attachments`);
      assert.equal(seen.status, 200);
      assert.equal(seen.body.canUpload, false);
      assert.deepEqual(seen.body.items[0].actions, []);
      assert.doesNotMatch(seen.body.items[0].fileName, /Nguyen-Van-An/);
      assert.equal((await download(viewer, first.id)).statusCode, 403);
      assert.equal((await upload(viewer, petitionId, [{ name: "a.pdf", data: pdf() }])).status, 403);
    });

    test("delete: row, then file, audited; refused once the petition is closed", async () => {
      const id = await newPetition();
      const res = await upload(handler, id, [
        { name: "xóa.pdf", data: pdf() },
        { name: "giữ.pdf", data: pdf(3000) },
      ]);
      const [gone, kept] = res.body.items;
      const onDisk = path.join(storageDir, gone.id.slice(0, 2), gone.id.slice(2, 4), gone.id);
      assert.ok(existsSync(onDisk));

      const del = await handler.request("DELETE", `/api/attachments/${gone.id}`);
      assert.equal(del.status, 204);
      assert.ok(!existsSync(onDisk));
      assert.deepEqual(await auditActions(gone.id), ["attachment.upload", "attachment.delete"]);
      assert.equal((await download(handler, gone.id)).statusCode, 404);
      assert.equal((await handler.request("DELETE", `/api/attachments/${gone.id}`)).status, 404);

      await t.system.database.db.updateTable("petition").set({ state: "CLOSED_GUIDED" }).where("id", "=", id).execute();
      const locked = await handler.request("DELETE", `/api/attachments/${kept.id}`);
      assert.equal(locked.status, 409);
      assert.match(locked.body.message, /Đơn đã kết thúc/);
      assert.equal((await upload(handler, id, [{ name: "muộn.pdf", data: pdf() }])).status, 409);
      const list = await handler.get(`/api/petitions/${id}/attachments`);
      assert.equal(list.body.canUpload, false);
      assert.deepEqual(list.body.items[0].actions, ["download"]);
      assert.equal((await download(handler, kept.id)).statusCode, 200);
    });

    test("unknown petition or attachment: 404", async () => {
      const missing = "00000000-0000-4000-8000-000000000000";
      assert.equal((await handler.get(`/api/petitions/${missing}/attachments`)).status, 404);
      assert.equal((await upload(handler, missing, [{ name: "a.pdf", data: pdf() }])).status, 404);
      assert.equal((await download(handler, missing)).statusCode, 404);
    });
  });
}

describe("encrypted storage", () => {
  let dir: string;
  const key = randomBytes(32);
  const keys = (id?: string) => (id === undefined || id === "k-test" ? { keyId: "k-test", key } : null);
  before(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), "minhbach-encrypted-test-"));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test("AES-256-GCM: different bytes on disk, the same plaintext back, tampering detected", async () => {
    const storage = new LocalFileStorage(dir, keys);
    const plain = Buffer.concat([Buffer.from("%PDF-1.7\nĐơn tố cáo của Nguyễn Văn An\n"), randomBytes(100_000)]);
    const got = await receiveFile(storage, "tố cáo.pdf", Readable.from([plain]), { maxBytes: 20 * MB, encrypt: true });
    assert.equal(got.sha256, sha256(plain));
    assert.equal(got.kind.mime, "application/pdf");
    assert.equal(got.encryption?.keyId, "k-test");
    assert.ok(got.encryption?.iv && got.encryption.authTag);

    const onDisk = readFileSync(storage.pathOf(got.id));
    assert.equal(onDisk.length, plain.length);
    assert.notDeepEqual(onDisk, plain);
    assert.ok(!onDisk.includes(Buffer.from("%PDF")));
    assert.ok(!onDisk.includes(Buffer.from("Nguyễn Văn An")));

    const back = await storage.get(got.id, got.encryption);
    const chunks: Buffer[] = [];
    for await (const chunk of back!) chunks.push(chunk as Buffer);
    assert.deepEqual(Buffer.concat(chunks), plain);

    // One flipped byte: the tag check fails at the end of the stream.
    const tampered = Buffer.from(onDisk);
    tampered[500] = tampered[500]! ^ 0xff;
    writeFileSync(storage.pathOf(got.id), tampered);
    await assert.rejects(text((await storage.get(got.id, got.encryption))!));

    // Without the key, nothing opens.
    const keyless = new LocalFileStorage(dir, () => null);
    await assert.rejects(keyless.get(got.id, got.encryption), /not available/);
    await assert.rejects(
      keyless.put("00000000-0000-4000-8000-000000000001", Readable.from([plain]), { encrypt: true }),
      /no encryption key/,
    );
  });

  test("the ciphertext is bound to its id: copied under another id it does not open", async () => {
    const storage = new LocalFileStorage(dir, keys);
    const plain = Buffer.from("Biên bản làm việc ngày 02/11/2026.\n");
    const got = await receiveFile(storage, "biên bản.txt", Readable.from([plain]), { maxBytes: MB, encrypt: true });
    const other = "11111111-1111-4111-8111-111111111111";
    const target = storage.pathOf(other);
    await import("node:fs/promises").then(async (fs) => {
      await fs.mkdir(path.dirname(target), { recursive: true });
      await fs.copyFile(storage.pathOf(got.id), target);
    });
    await assert.rejects(text((await storage.get(other, got.encryption))!));
  });

  test("a refused file leaves nothing behind", async () => {
    const storage = new LocalFileStorage(dir, keys);
    const before = filesUnder(dir).length;
    await assert.rejects(
      receiveFile(storage, "trang.pdf", Readable.from([Buffer.from("<html></html>")]), { maxBytes: MB, encrypt: true }),
      /không thuộc loại được chấp nhận/,
    );
    await assert.rejects(
      receiveFile(storage, "lớn.pdf", Readable.from([pdf(2 * MB)]), { maxBytes: MB, encrypt: false }),
      /vượt quá dung lượng cho phép \(1 MB\)/,
    );
    assert.equal(filesUnder(dir).length, before);
  });
});

describe("file names", () => {
  test("no path, no control or bidi characters, bounded length, extension kept", () => {
    assert.equal(cleanFileName("C:\\fakepath\\Đơn.pdf"), "Đơn.pdf");
    assert.equal(cleanFileName("../../etc/passwd"), "passwd");
    assert.equal(cleanFileName("tep\u202Efdp.exe"), "tep_fdp.exe");
    assert.equal(cleanFileName("a\u0000b:c.txt"), "a_b_c.txt");
    assert.equal(cleanFileName("...."), "tep-dinh-kem");
    // Decomposed (NFD) Vietnamese, as macOS sends it, is stored composed.
    assert.equal(cleanFileName("Đơn khiếu nại.pdf".normalize("NFD")), "Đơn khiếu nại.pdf");
    const long = cleanFileName(`${"a".repeat(300)}.docx`);
    assert.equal(long.length, 200);
    assert.ok(long.endsWith(".docx"));
  });
});
