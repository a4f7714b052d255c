/**
 * The public portal (issue 20, first part): filing online with a proof of work and files, the
 * receipt code (its form, its reach, the audit and rate limit of guesses), the thread with the
 * handler, and a denunciation sealed from its first second — on both databases.
 */
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, describe, test } from "node:test";
import { encodePersonalId } from "@minhbach/domain";
import { POW_LIFETIME_MS } from "@minhbach/domain/portal/index";
import { sql } from "kysely";
import { issueChallenge, solveChallenge } from "../src/modules/portal/crypto.ts";
import { deliverPortalMail } from "../src/modules/portal/mail.ts";
import type { MailMessage, MailTransport } from "../src/modules/reminders/mail.ts";
import { startTestApp, testDatabases, type TestApp, type TestClient } from "../src/testing.ts";

const NAME = "Phùng Thị Xuyến";
const ADDRESS = "Số 7 ngõ Hòa Bình, phường Kim Tân, tỉnh Lào Cai";
const ID = encodePersonalId("010", 1982, "female", 5566);
const PHONE = "0913 246 802";

interface Upload {
  name: string;
  data: Buffer;
}

/** A multipart/form-data body as a browser sends it: fields in form order, then the files. */
function multipart(fields: Record<string, string>, files: Upload[] = []) {
  const boundary = `----portal${randomBytes(8).toString("hex")}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields))
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  for (const file of files)
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      file.data,
      Buffer.from("\r\n"),
    );
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

function pdf(size = 2000): Buffer {
  const body = Buffer.alloc(size, 0x20);
  Buffer.from("%PDF-1.7\n% scan\n").copy(body);
  Buffer.from("\n%%EOF\n").copy(body, size - 7);
  return body;
}

/** The text of a page without tags, for assertions on what a reader sees. */
function textOf(page: string): string {
  return page
    .replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
}

const COMPLAINT = {
  kind: "complaint",
  filerType: "person",
  fullName: "Lương Văn Khải",
  address: "Thôn Na Hối, xã Bắc Hà, tỉnh Lào Cai",
  phone: "0987 111 222",
  fieldCode: "CT.XANG_DAU",
  title: "Khiếu nại quyết định xử phạt",
  content:
    "Tôi khiếu nại quyết định xử phạt vi phạm hành chính số 12/QĐ-XPHC ngày 02/11/2026 về việc kinh doanh xăng dầu vì đã áp dụng sai mức phạt.",
  truthAck: "yes",
};

for (const db of testDatabases()) {
  describe(`portal (${db.kind})`, () => {
    let t: TestApp;
    let xulydon: TestClient;
    let xem: TestClient;
    let other: TestClient;
    let sctId: string;
    let ipSeq = 0;
    /** A fresh address per scenario: the rate limits count per address. */
    const nextIp = () => `10.20.${Math.floor(++ipSeq / 250)}.${(ipSeq % 250) + 1}`;

    before(async () => {
      t = await startTestApp({
        db,
        listen: false,
        config: { portalPowBits: 8, portalLookupLimit: 6, portalFilingLimit: 50 },
      });
      [xulydon, xem, other] = await Promise.all([t.login("xulydon"), t.login("xem"), t.login("xulydon.snnmt")]);
      const row = await sql<{ id: string }>`select id from agency where code = 'LC.SCT'`.execute(t.system.database.db);
      sctId = row.rows[0]!.id;
    });
    after(() => t.close());

    const dbq = () => t.system.database.db;
    const count = async (table: string) =>
      Number((await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(dbq())).rows[0]!.n);

    async function challenge(ip = nextIp()): Promise<string> {
      const res = await t.app.inject({ method: "GET", url: "/cong-dan/gui-don", remoteAddress: ip });
      assert.equal(res.statusCode, 200);
      const found = /name="pow" value="([^"]+)"/.exec(res.body);
      assert.ok(found, "the filing page carries a challenge");
      return found[1]!;
    }

    async function file(fields: Record<string, string>, files: Upload[] = [], pow?: { pow: string; nonce: string }) {
      const ip = nextIp();
      const c = pow ?? (await challenge(ip).then((p) => ({ pow: p, nonce: solveChallenge(p) })));
      const body = multipart({ ...c, agencyId: sctId, ...fields }, files);
      return t.app.inject({
        method: "POST",
        url: "/cong-dan/gui-don",
        payload: body.payload,
        headers: { "content-type": body.contentType },
        remoteAddress: ip,
      });
    }

    function receiptCode(page: string): string {
      const found = /id="ma-tra-cuu">([0-9 ]+)</.exec(page);
      assert.ok(found, "the receipt page shows the code");
      return found[1]!.replace(/ /g, "");
    }

    async function lookup(code: string, ip = nextIp()) {
      return t.app.inject({
        method: "POST",
        url: "/cong-dan/tra-cuu",
        payload: `code=${encodeURIComponent(code)}`,
        headers: { "content-type": "application/x-www-form-urlencoded" },
        remoteAddress: ip,
      });
    }

    async function reply(code: string, text: string, ip = nextIp()) {
      return t.app.inject({
        method: "POST",
        url: "/cong-dan/tra-cuu/tra-loi",
        payload: new URLSearchParams({ code, text }).toString(),
        headers: { "content-type": "application/x-www-form-urlencoded" },
        remoteAddress: ip,
      });
    }

    test("pages answer without a session, in Vietnamese, never cached", async () => {
      for (const url of ["/cong-dan", "/cong-dan/gui-don", "/cong-dan/tra-cuu"]) {
        const res = await t.app.inject({ method: "GET", url });
        assert.equal(res.statusCode, 200, url);
        assert.match(String(res.headers["content-type"]), /text\/html/);
        assert.match(res.body, /<html lang="vi">/);
        assert.equal(res.headers["cache-control"], "no-store");
      }
      const js = await t.app.inject({ method: "GET", url: "/cong-dan/portal.js" });
      assert.equal(js.statusCode, 200);
      assert.ok(js.body.length < 100_000, `script ${js.body.length} bytes`);
      const form = await t.app.inject({ method: "GET", url: "/cong-dan/gui-don?linhVuc=CT.XANG_DAU" });
      assert.match(textOf(form.body), /Cơ quan gợi ý .*Sở Công Thương tỉnh Lào Cai/);
    });

    test("a complaint with a file lands in the agency's intake, channel online portal", async () => {
      const before = await count("petition");
      const res = await file(COMPLAINT, [{ name: "quyet-dinh.pdf", data: pdf() }]);
      assert.equal(res.statusCode, 201, textOf(res.body));
      const code = receiptCode(res.body);
      assert.match(code, /^[0-9]{16}$/);
      assert.equal(await count("petition"), before + 1);
      const row = (
        await sql<{
          id: string;
          channel: string;
          state: string;
          agency_id: string;
          code_hash: string;
          declared_kind: string;
        }>`select p.id, p.channel, p.state, p.agency_id, s.code_hash, s.declared_kind
             from petition p join portal_submission s on s.petition_id = p.id
            order by p.created_at desc limit 1`.execute(dbq())
      ).rows[0]!;
      assert.equal(row.channel, "online_portal");
      assert.equal(row.state, "REGISTERED");
      assert.equal(row.agency_id, sctId);
      assert.equal(row.declared_kind, "complaint");
      // Only a keyed hash of the code is stored.
      assert.ok(!row.code_hash.includes(code));
      const dump = JSON.stringify((await sql`select * from portal_submission`.execute(dbq())).rows);
      assert.ok(!dump.includes(code));
      // The handler finds it in the intake list, with its file.
      const list = await xulydon.get(`/api/petitions?channel=online_portal`);
      assert.equal(list.status, 200, JSON.stringify(list.body));
      assert.ok(list.body.items.some((p: { id: string }) => p.id === row.id));
      const files = await xulydon.get(`/api/petitions/${row.id}/attachments`);
      assert.equal(files.body.items.length, 1);
      assert.equal(files.body.items[0].mimeType, "application/pdf");
      // The receipt is shown once: looked up, the code shows the status, not the code itself again.
      const status = await lookup(code);
      assert.equal(status.statusCode, 200);
      assert.match(textOf(status.body), /Đã vào sổ/);
      assert.match(textOf(status.body), /Hạn xử lý \d{2}\/\d{2}\/\d{4}/);
    });

    test("the duplicate check of every intake: the same letter filed twice is flagged to the handler", async () => {
      const letter = {
        ...COMPLAINT,
        fullName: "Mai Thị Duyên",
        address: "Tổ 3, phường Cốc Lếu, tỉnh Lào Cai",
        respondent: "Cửa hàng xăng dầu Tân Phong",
        content:
          "Cửa hàng xăng dầu Tân Phong tại phường Cốc Lếu bán xăng thiếu lít nhiều lần trong tháng 11/2026, cột bơm số 3 hiển thị sai, tôi đề nghị kiểm tra và xử lý.",
      };
      assert.equal((await file(letter)).statusCode, 201);
      assert.equal((await file(letter)).statusCode, 201);
      const ids = (
        await sql<{
          petition_id: string;
        }>`select petition_id from portal_submission order by created_at desc limit 2`.execute(dbq())
      ).rows.map((r) => r.petition_id);
      const found = await xulydon.get(`/api/petitions/${ids[0]}/duplicates`);
      assert.equal(found.status, 200, JSON.stringify(found.body));
      const match = found.body.items.find((m: { id: string | null }) => m.id === ids[1]);
      assert.ok(match, "the earlier filing is listed as a possible duplicate");
      assert.equal(match.verdict, "same");
    });

    test("bad input: Vietnamese messages naming the field, nothing saved", async () => {
      const petitions = await count("petition");
      const files = await count("attachment");
      const submissions = await count("portal_submission");
      const empty = await file({ kind: "complaint", filerType: "person" }, [{ name: "a.pdf", data: pdf() }]);
      assert.equal(empty.statusCode, 400);
      const text = textOf(empty.body);
      assert.match(text, /Nội dung đơn: nhập nội dung đơn/);
      assert.match(text, /Họ và tên: nhập họ và tên/);
      assert.match(text, /Địa chỉ: nhập địa chỉ/);
      assert.match(text, /Cam đoan: đánh dấu/);
      assert.match(text, /Chưa có gì được lưu/);

      const anonymousComplaint = await file({ ...COMPLAINT, filerType: "anonymous", anonymousAck: "yes" });
      assert.equal(anonymousComplaint.statusCode, 400);
      assert.match(textOf(anonymousComplaint.body), /Người gửi: chỉ đơn tố cáo mới gửi được mà không ghi tên/);

      const noAck = await file({ ...COMPLAINT, kind: "denunciation", filerType: "anonymous" });
      assert.equal(noAck.statusCode, 400);
      assert.match(textOf(noAck.body), /Xác nhận đã đọc lưu ý về đơn không ghi tên: đánh dấu/);

      const badAgency = await file({ ...COMPLAINT, agencyId: "00000000-0000-4000-8000-000000000000" });
      assert.equal(badAgency.statusCode, 400);
      assert.match(textOf(badAgency.body), /Cơ quan nhận đơn: cơ quan không có trong danh sách/);

      const badId = await file({ ...COMPLAINT, idNumber: "12345" });
      assert.equal(badId.statusCode, 400);
      assert.match(textOf(badId.body), /Số định danh cá nhân \(CCCD\):/);

      // A page disguised as a PDF.
      const disguised = await file(COMPLAINT, [
        { name: "bien-ban.pdf", data: Buffer.from("<html><script>alert(1)</script></html>") },
      ]);
      assert.equal(disguised.statusCode, 400);
      assert.match(textOf(disguised.body), /Tệp đính kèm/);

      assert.equal(await count("petition"), petitions);
      assert.equal(await count("attachment"), files);
      assert.equal(await count("portal_submission"), submissions);
    });

    test("the proof of work is refused when missing, wrong, expired or used twice", async () => {
      const petitions = await count("petition");
      const missing = await file(COMPLAINT, [], { pow: "", nonce: "" });
      assert.equal(missing.statusCode, 400);
      assert.match(textOf(missing.body), /cần JavaScript/);

      const fresh = await challenge();
      let wrong = 0;
      while (solveChallenge(fresh) === String(wrong)) wrong++;
      const wrongRes = await file(COMPLAINT, [], { pow: fresh, nonce: String(wrong) });
      assert.equal(wrongRes.statusCode, 400);
      assert.match(textOf(wrongRes.body), /không đúng/);

      const old = issueChallenge(8, "filing", Date.now() - POW_LIFETIME_MS - 60_000);
      const expired = await file(COMPLAINT, [], { pow: old, nonce: solveChallenge(old) });
      assert.equal(expired.statusCode, 400);
      assert.match(textOf(expired.body), /đã hết hạn/);

      // A forged, easier challenge: its signature does not match.
      const parts = fresh.split(".");
      const forged = [parts[0], parts[1], "1", parts[3], parts[4]].join(".");
      const forgedRes = await file(COMPLAINT, [], { pow: forged, nonce: solveChallenge(forged) });
      assert.equal(forgedRes.statusCode, 400);
      assert.match(textOf(forgedRes.body), /không hợp lệ/);
      // A challenge issued for a comment on a draft does not file a petition (bound to its purpose).
      const forComment = issueChallenge(8, "comment");
      const crossUse = await file(COMPLAINT, [], { pow: forComment, nonce: solveChallenge(forComment) });
      assert.equal(crossUse.statusCode, 400);
      assert.match(textOf(crossUse.body), /không hợp lệ/);
      assert.equal(await count("petition"), petitions);

      const once = { pow: fresh, nonce: solveChallenge(fresh) };
      assert.equal((await file(COMPLAINT, [], once)).statusCode, 201);
      const twice = await file(COMPLAINT, [], once);
      assert.equal(twice.statusCode, 400);
      assert.match(textOf(twice.body), /đã được dùng/);
      assert.equal(await count("petition"), petitions + 1);
    });

    test("receipt codes: wrong form, unknown, one petition only, audited", async () => {
      const a = receiptCode((await file({ ...COMPLAINT, title: "Đơn A của portal" })).body);
      const bRes = await file({ ...COMPLAINT, title: "Đơn B của portal" });
      const b = receiptCode(bRes.body);
      const bCode = /Số vào sổ<\/dt>\s*<dd>([^<]+)</.exec(bRes.body)?.[1];

      const short = await lookup("1234 5678 9012 345");
      assert.equal(short.statusCode, 400);
      assert.match(textOf(short.body), /Mã tra cứu gồm đúng 16 chữ số; mã vừa nhập có 15 chữ số/);
      const letters = await lookup("1234-5678-abcd-3452");
      assert.match(textOf(letters.body), /chỉ gồm chữ số/);
      // One digit changed: the check digit no longer fits.
      const typo = a.slice(0, 3) + String((Number(a[3]) + 1) % 10) + a.slice(4);
      const typoRes = await lookup(typo);
      assert.match(textOf(typoRes.body), /có thể gõ nhầm một chữ số/);
      // A well-formed code nobody holds (15 ones: eight doubled to 2, seven 1s, sum 23, check digit 7).
      const unknown = await lookup("1111111111111117");
      assert.equal(unknown.statusCode, 400);
      assert.match(textOf(unknown.body), /Không tìm thấy đơn với mã tra cứu này/);

      const pageA = textOf((await lookup(a)).body);
      assert.ok(bCode, "B's receipt shows its register number");
      assert.ok(!pageA.includes(bCode), `A's page does not show B's register number ${bCode}`);
      // Replies go to the code's own petition only.
      assert.equal((await reply(a, "Bổ sung cho đơn A: tôi gửi kèm biên lai.")).statusCode, 201);
      const pageB = textOf((await lookup(b)).body);
      assert.doesNotMatch(pageB, /Bổ sung cho đơn A/);
      assert.match(textOf((await lookup(a)).body), /Bổ sung cho đơn A/);

      const refused = await sql<{ summary: { reason: string }; client_ip: string }>`
        select summary, client_ip from audit_event where action = 'portal.code_refused' order by id`.execute(dbq());
      const reasons = refused.rows.map((r) => r.summary.reason);
      for (const reason of ["length", "characters", "checksum", "unknown"]) assert.ok(reasons.includes(reason), reason);
      assert.ok(refused.rows.every((r) => /^10\.20\./.test(String(r.client_ip))));
    });

    test("guessing codes is rate-limited per address", async () => {
      const ip = "10.99.0.1";
      const statuses: number[] = [];
      for (let i = 0; i < 8; i++) statuses.push((await lookup("1111111111111117", ip)).statusCode);
      // Limit 6 per 10 minutes in this test's configuration.
      assert.deepEqual(statuses, [400, 400, 400, 400, 400, 400, 429, 429]);
      const blocked = await lookup("1111111111111117", ip);
      assert.match(textOf(blocked.body), /quá nhiều yêu cầu/);
      // The limit is per address: another one still gets an answer.
      assert.equal((await lookup("1111111111111117", "10.99.0.2")).statusCode, 400);
      // Replies with a code count with the look-ups: one count of guesses per address.
      const mixed: number[] = [];
      for (let i = 0; i < 4; i++) mixed.push((await lookup("1111111111111117", "10.99.0.3")).statusCode);
      for (let i = 0; i < 3; i++) mixed.push((await reply("1111111111111117", "x", "10.99.0.3")).statusCode);
      assert.deepEqual(mixed, [400, 400, 400, 400, 400, 400, 429]);
      // The guessing is audited: every refused code, and the first refusal by the limit of each address.
      const limited = await sql<{ client_ip: string }>`
        select client_ip from audit_event
        where action = 'portal.code_refused' and summary->>'reason' = 'rate_limited' order by id`.execute(dbq());
      assert.deepEqual(
        limited.rows.map((r) => String(r.client_ip)),
        ["10.99.0.1", "10.99.0.3"],
      );
      // The counts live in the database, not in this process: a restarted server (a new limiter
      // on the same database) still refuses the address.
      const rows = await sql<{ hits: number }>`
        select hits from portal_rate_hit where bucket = 'portal-code' order by hits desc limit 1`.execute(dbq());
      assert.ok(Number(rows.rows[0]!.hits) >= 9);
      const { SharedLimits } = await import("../src/modules/portal/limits.ts");
      const restarted = new SharedLimits(dbq());
      const taken = await restarted.take({ bucket: "portal-code", max: 6, windowMs: 10 * 60_000 }, "10.99.0.1");
      assert.equal(taken.allowed, false);
    });

    test("an online denunciation is sealed from the first second; its status page shows no identity", async () => {
      const res = await file({
        kind: "denunciation",
        filerType: "person",
        fullName: NAME,
        address: ADDRESS,
        idNumber: ID,
        phone: PHONE,
        respondent: "Ông Hà Văn Tùng, cán bộ quản lý thị trường",
        content: `Tôi là ${NAME}, ở ${ADDRESS}, tố cáo ông Hà Văn Tùng nhận tiền của cửa hàng xăng dầu để bỏ qua vi phạm.`,
        truthAck: "yes",
      });
      assert.equal(res.statusCode, 201, textOf(res.body));
      assert.doesNotMatch(res.body, /Xuyến|Hòa Bình/);
      const code = receiptCode(res.body);
      const id = (
        await sql<{
          petition_id: string;
        }>`select petition_id from portal_submission order by created_at desc limit 1`.execute(dbq())
      ).rows[0]!.petition_id;
      // At rest: the writer and the letter's texts are sealed, the clear columns carry none of it.
      const rows = JSON.stringify(
        (
          await sql`select p.*, pp.data from petition p left join petition_party pp on pp.petition_id = p.id where p.id = ${id}`.execute(
            dbq(),
          )
        ).rows,
      );
      for (const secret of [/Xuyến/, /Phùng Thị/, /Hòa Bình/, new RegExp(ID), /246[ .]?802/])
        assert.doesNotMatch(rows, secret, `stored in clear: ${secret}`);
      // The tracking page: no name, no address, no phone.
      const page = textOf((await lookup(code)).body);
      for (const secret of [/Xuyến/, /Phùng/, /Hòa Bình/, /Kim Tân/, new RegExp(ID), /246/])
        assert.doesNotMatch(page, secret, `tracking page shows ${secret}`);
      // A reader who is not a handler of the agency does not see the writer.
      const seen = await xem.get(`/api/petitions/${id}`);
      assert.equal(seen.status, 200);
      assert.doesNotMatch(JSON.stringify(seen.body), /Xuyến|Hòa Bình/);
      // The handler of the receiving agency does (as with any letter received at the desk).
      const handler = await xulydon.get(`/api/petitions/${id}/identity`);
      assert.equal(handler.status, 200, JSON.stringify(handler.body));
      assert.match(JSON.stringify(handler.body), /Phùng Thị Xuyến/);
    });

    test("an optional e-mail: checked, sealed, told of receipt and of a message without the code or the words; stopped by the code", async () => {
      const bad = await file({ ...COMPLAINT, notifyEmail: "khong-phai-thu" });
      assert.equal(bad.statusCode, 400);
      assert.match(textOf(bad.body), /Thư điện tử nhận thông báo: không đúng dạng/);
      const res = await file({ ...COMPLAINT, title: "Đơn có thư thông báo", notifyEmail: "khai.luong@example.vn" });
      assert.equal(res.statusCode, 201, textOf(res.body));
      assert.match(textOf(res.body), /Cổng sẽ gửi thư báo đơn đã được tiếp nhận/);
      const code = receiptCode(res.body);
      const id = (
        await sql<{
          petition_id: string;
        }>`select petition_id from portal_submission order by created_at desc limit 1`.execute(dbq())
      ).rows[0]!.petition_id;
      // Sealed at rest, apart from the writer's identity; bound to its petition.
      const notify = (await sql<Record<string, unknown>>`select * from portal_notify where id = ${id}`.execute(dbq()))
        .rows[0]!;
      assert.doesNotMatch(JSON.stringify(notify), /khai\.luong|example\.vn/);
      assert.equal(notify.code_tail, code.slice(-4));

      const sent: MailMessage[] = [];
      const transport: MailTransport = {
        sendMail: async (m) => {
          sent.push(m);
          return { messageId: `<m${sent.length}@test>` };
        },
      };
      const mailConfig = { mailFrom: "Cổng <no-reply@example.vn>", publicUrl: "https://minhbach.example.vn" };
      assert.deepEqual(await deliverPortalMail(dbq(), transport, mailConfig), { sent: 1, failed: 0, skipped: 0 });
      assert.equal(sent[0]!.to, "khai.luong@example.vn");
      assert.equal(sent[0]!.subject, "Đơn của bạn đã được tiếp nhận");
      const all = (m: MailMessage) => `${m.subject}\n${m.text}\n${m.html}`;
      // The full code never; its last four digits name the letter; nothing of the letter or agency.
      assert.ok(!all(sent[0]!).includes(code), "the code is not in the mail");
      assert.ok(!all(sent[0]!).includes(code.slice(0, 8)));
      assert.match(sent[0]!.text, new RegExp(`kết thúc bằng ${code.slice(-4)}`));
      assert.match(sent[0]!.text, /https:\/\/minhbach\.example\.vn\/cong-dan\/tra-cuu/);
      assert.doesNotMatch(all(sent[0]!), /khiếu nại quyết định xử phạt|Lương Văn Khải|Sở Công Thương/i);
      // Sent once: nothing pending any more.
      assert.deepEqual(await deliverPortalMail(dbq(), transport, mailConfig), { sent: 0, failed: 0, skipped: 0 });

      // A message from the handler: a mail says one waits, not what it says.
      const asked = await xulydon.post(`/api/petitions/${id}/portal/messages`, {
        text: "Đề nghị ông gửi bản chụp biên lai nộp phạt.",
      });
      assert.equal(asked.status, 201);
      // A failing server: kept pending, retried by the next sending.
      const broken: MailTransport = { sendMail: async () => Promise.reject(new Error("SMTP down")) };
      assert.deepEqual(await deliverPortalMail(dbq(), broken, mailConfig), { sent: 0, failed: 1, skipped: 0 });
      assert.deepEqual(await deliverPortalMail(dbq(), transport, mailConfig), { sent: 1, failed: 0, skipped: 0 });
      assert.equal(sent[1]!.subject, "Có tin nhắn mới về đơn của bạn");
      assert.doesNotMatch(all(sent[1]!), /biên lai|nộp phạt/);
      assert.ok(!all(sent[1]!).includes(code));

      // The tracking page offers to stop; stopping needs the code, is audited, and drops what waits.
      const page = await lookup(code);
      assert.match(page.body, /action="\/cong-dan\/tra-cuu\/ngung-thu"/);
      await xulydon.post(`/api/petitions/${id}/portal/messages`, { text: "Câu hỏi thứ hai." });
      const stop = await t.app.inject({
        method: "POST",
        url: "/cong-dan/tra-cuu/ngung-thu",
        payload: `code=${code}`,
        headers: { "content-type": "application/x-www-form-urlencoded" },
        remoteAddress: nextIp(),
      });
      assert.equal(stop.statusCode, 200);
      assert.match(textOf(stop.body), /Đã ngừng gửi thư thông báo về đơn này/);
      assert.deepEqual(await deliverPortalMail(dbq(), transport, mailConfig), { sent: 0, failed: 0, skipped: 0 });
      await xulydon.post(`/api/petitions/${id}/portal/messages`, { text: "Câu hỏi thứ ba." });
      assert.deepEqual(await deliverPortalMail(dbq(), transport, mailConfig), { sent: 0, failed: 0, skipped: 0 });
      assert.equal(sent.length, 2);
      const stopped = await sql<{ n: number }>`
        select count(*)::int as n from audit_event where action = 'portal.mail_stopped' and entity_id = ${id}`.execute(
        dbq(),
      );
      assert.equal(Number(stopped.rows[0]!.n), 1);
      // A wrong code stops nothing.
      const wrong = await t.app.inject({
        method: "POST",
        url: "/cong-dan/tra-cuu/ngung-thu",
        payload: "code=1111111111111117",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        remoteAddress: nextIp(),
      });
      assert.equal(wrong.statusCode, 400);
      // A filing without an address queues nothing.
      const before = await count("portal_mail");
      await file({ ...COMPLAINT, title: "Đơn không có thư" });
      assert.equal(await count("portal_mail"), before);
    });

    test("the handler asks, the sender answers with the code; other agencies see nothing", async () => {
      const res = await file({ ...COMPLAINT, title: "Đơn để trao đổi" });
      const code = receiptCode(res.body);
      const id = (
        await sql<{
          petition_id: string;
        }>`select petition_id from portal_submission order by created_at desc limit 1`.execute(dbq())
      ).rows[0]!.petition_id;
      const thread = await xulydon.get(`/api/petitions/${id}/portal`);
      assert.equal(thread.status, 200);
      assert.equal(thread.body.online, true);
      assert.equal(thread.body.declaredKindLabel, "Khiếu nại");
      assert.equal(thread.body.canAsk, true);

      const empty = await xulydon.post(`/api/petitions/${id}/portal/messages`, { text: "   " });
      assert.equal(empty.status, 400);
      assert.match(empty.body.message, /Nhập câu hỏi/);
      const asked = await xulydon.post(`/api/petitions/${id}/portal/messages`, {
        text: "Đề nghị ông cung cấp bản chụp quyết định xử phạt số 12/QĐ-XPHC.",
      });
      assert.equal(asked.status, 201, JSON.stringify(asked.body));
      assert.equal(asked.body.messages.length, 1);

      const page = textOf((await lookup(code)).body);
      assert.match(page, /Cán bộ xử lý .*Đề nghị ông cung cấp bản chụp quyết định xử phạt/);
      const emptyReply = await reply(code, "  ");
      assert.equal(emptyReply.statusCode, 400);
      assert.match(textOf(emptyReply.body), /Nội dung trả lời: nhập nội dung/);
      const answered = await reply(code, "Tôi đã gửi bản chụp qua bưu điện ngày 05/12/2026.");
      assert.equal(answered.statusCode, 201);
      assert.match(textOf(answered.body), /Đã gửi trả lời/);

      const back = await xulydon.get(`/api/petitions/${id}/portal`);
      assert.deepEqual(
        back.body.messages.map((m: { author: string; text: string }) => [m.author, m.text]),
        [
          ["officer", "Đề nghị ông cung cấp bản chụp quyết định xử phạt số 12/QĐ-XPHC."],
          ["citizen", "Tôi đã gửi bản chụp qua bưu điện ngày 05/12/2026."],
        ],
      );
      // Sealed at rest.
      const stored = JSON.stringify(
        (await sql`select * from portal_message where petition_id = ${id}`.execute(dbq())).rows,
      );
      assert.doesNotMatch(stored, /bưu điện|bản chụp/);
      // Another agency's handler: out of scope, nothing shown, nothing sent.
      assert.equal((await other.get(`/api/petitions/${id}/portal`)).status, 403);
      assert.equal((await other.post(`/api/petitions/${id}/portal/messages`, { text: "Hỏi" })).status, 403);
      // A read-only user may not ask, and does not read the unclassified letter's sender's words.
      const viewer = await xem.get(`/api/petitions/${id}/portal`);
      assert.equal(viewer.body.canAsk, false);
      assert.equal(viewer.body.messages.find((m: { author: string }) => m.author === "citizen").text, null);
      assert.equal((await xem.post(`/api/petitions/${id}/portal/messages`, { text: "Hỏi" })).status, 403);
      const timeline = await sql<{ action: string }>`
        select action from petition_event where petition_id = ${id} order by id`.execute(dbq());
      assert.deepEqual(
        timeline.rows.map((r) => r.action),
        ["received", "portal_message_out", "portal_message_in"],
      );
    });
  });
}
