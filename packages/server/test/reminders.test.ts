/**
 * Reminder e-mails (modules/reminders), on both databases, with nodemailer's JSON transport (no
 * network): a complaint and a denunciation are opened and accepted through the API, the resolver
 * gets an e-mail address, and the daily digest is run for a day close to their due date. One mail
 * to the resolver, none to a colleague who is not assigned, none the second time that day; the
 * denouncer and the letter's words never in it; a failed send is recorded and retried.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { todayInVietnam } from "@minhbach/domain";
import { addDays, formatVietnameseDate } from "@minhbach/domain/legal-clock";
import nodemailer from "nodemailer";
import { composeDigest, type MailMessage, type MailTransport } from "../src/modules/reminders/mail.ts";
import { runReminderDigest, scheduleReminders } from "../src/modules/reminders/reminders.ts";
import { startTestApp, testDatabases, type TestApp, type TestClient } from "../src/testing.ts";
import { proposedPetition } from "./support/petitions.ts";

const DENOUNCER = "Vương Thị Thanh Xuân";
const DENOUNCER_ID = "010195067890";
const RESPONDENT = "Ông Hà Văn Cường";
const LETTER =
  "Tôi tố cáo ông Hà Văn Cường, Đội trưởng Đội Quản lý thị trường số 3, nhiều lần nhận tiền của các hộ kinh doanh " +
  "tại chợ Cốc Lếu để bỏ qua vi phạm; tôi có ghi âm và danh sách các hộ đã phải nộp tiền.";
const RESOLVER_MAIL = "hang.pt@sct.laocai.gov.vn";
const OTHER_MAIL = "khoa.dv@sct.laocai.gov.vn";

interface SentMail {
  from: { address: string; name: string };
  to: { address: string }[];
  subject: string;
  text: string;
  html: string;
}

/** nodemailer's JSON transport, keeping what it would have sent. */
function capturing(): { transport: MailTransport; sent: SentMail[] } {
  const inner = nodemailer.createTransport({ jsonTransport: true });
  const sent: SentMail[] = [];
  return {
    sent,
    transport: {
      async sendMail(message: MailMessage) {
        const info = await inner.sendMail(message);
        sent.push(JSON.parse(info.message) as SentMail);
        return info;
      },
    },
  };
}

const failing: MailTransport = {
  async sendMail() {
    throw new Error("connect ECONNREFUSED 127.0.0.1:587");
  },
};

for (const db of testDatabases()) {
  describe(`reminder e-mails (${db.kind})`, () => {
    let t: TestApp;
    let handler: TestClient;
    let leader: TestClient;
    let resolver: TestClient;
    let admin: TestClient;
    let resolverId: string;
    let complaint: { id: string; code: string; dueOn: string };
    let denunciation: { id: string; code: string; dueOn: string; petitionCode: string };
    /** A day one before the earlier due date: both cases are in the digest. */
    let day: string;
    const today = todayInVietnam();
    const receivedOn = addDays(today, -10);

    async function setEmail(username: string, email: string) {
      const list = await admin.get(`/api/users?q=${username}`);
      const user = list.body.items.find((u: { username: string }) => u.username === username);
      const detail = await admin.get(`/api/users/${user.id}`);
      const res = await admin.patch(`/api/users/${user.id}`, { version: detail.body.version, email });
      assert.equal(res.status, 200, JSON.stringify(res.body));
    }

    /** Letter → classified → proposed for acceptance → opened by the leader for xacminh → accepted. */
    async function acceptedCase(kind: "complaint" | "denunciation", letter: Record<string, unknown>) {
      const p = await proposedPetition(
        handler,
        { channel: "post", receivedOn, writtenOn: addDays(receivedOn, -3), ...letter },
        kind,
        addDays(receivedOn, 2),
      );
      const opened = await leader.post("/api/cases", {
        petitionId: p.id,
        ...(kind === "complaint" ? { instance: 1 } : {}),
        assignees: [resolverId],
      });
      assert.equal(opened.status, 201, JSON.stringify(opened.body));
      const accepted = await resolver.post(`/api/cases/${opened.body.id}/actions`, {
        version: opened.body.version,
        action: "accept",
        on: addDays(receivedOn, 4),
        ...(kind === "complaint"
          ? { learnedOn: addDays(receivedOn, -14), grounds: [] }
          : { conditions: { withinCompetence: true, denouncerIdentified: true, basisToVerify: true } }),
      });
      assert.equal(accepted.status, 200, JSON.stringify(accepted.body));
      assert.ok(accepted.body.dueOn > today);
      return { id: accepted.body.id, code: accepted.body.code, dueOn: accepted.body.dueOn, petitionCode: p.code };
    }

    async function rows() {
      return t.system.database.db.selectFrom("reminder_mail").selectAll().orderBy("sent_on").execute();
    }

    before(async () => {
      t = await startTestApp({ db, listen: false });
      handler = await t.login("xulydon");
      leader = await t.login("lanhdao");
      resolver = await t.login("xacminh");
      admin = await t.login("admin");
      resolverId = (await resolver.get("/api/auth/me")).body.user.id;
      await setEmail("xacminh", RESOLVER_MAIL);
      // A colleague of the same agency with an address, assigned to nothing.
      await setEmail("xacminh2", OTHER_MAIL);
      complaint = await acceptedCase("complaint", {
        petitioners: [
          {
            kind: "person",
            fullName: "Lương Văn Bình",
            address: "Thôn Làng Mới, xã Bảo Thắng, tỉnh Lào Cai",
            identity: { kind: "cccd", number: "010078011111", birthYear: 1978, gender: "male" },
          },
        ],
        respondents: [{ name: "Đội Quản lý thị trường số 3" }],
        content:
          "Tôi khiếu nại Quyết định xử phạt vi phạm hành chính cửa hàng tạp hóa của tôi vì cho rằng tôi kinh doanh " +
          "hàng không rõ nguồn gốc, trong khi tôi có đủ hóa đơn chứng từ; đề nghị hủy quyết định.",
      });
      denunciation = await acceptedCase("denunciation", {
        petitioners: [
          {
            kind: "person",
            fullName: DENOUNCER,
            address: "Tổ 5, phường Cam Đường, tỉnh Lào Cai",
            phone: "0912345678",
            identity: { kind: "cccd", number: DENOUNCER_ID, birthYear: 1995, gender: "female" },
          },
        ],
        respondents: [{ name: `${RESPONDENT}, Đội trưởng Đội Quản lý thị trường số 3` }],
        summary: `Tố cáo ${RESPONDENT} nhận tiền của hộ kinh doanh`,
        content: LETTER,
      });
      day = addDays([complaint.dueOn, denunciation.dueOn].sort()[0]!, -1);
    });
    after(() => t.close());

    test("nothing is due yet today: no mail", async () => {
      const { transport, sent } = capturing();
      const result = await runReminderDigest(t.system.database.db, transport, today);
      assert.equal(result.sent, 0);
      assert.equal(sent.length, 0);
      assert.equal((await rows()).length, 0);
    });

    test("the day before the due date: one digest to the resolver, none to a colleague not assigned", async () => {
      const { transport, sent } = capturing();
      const result = await runReminderDigest(t.system.database.db, transport, day, {
        from: "Minh Bạch <no-reply@sct.laocai.gov.vn>",
        publicUrl: "https://minhbach.laocai.gov.vn",
      });
      assert.equal(result.sent, 1, JSON.stringify(result));
      assert.equal(sent.length, 1);
      const mail = sent[0]!;
      assert.deepEqual(
        mail.to.map((a) => a.address),
        [RESOLVER_MAIL],
      );
      assert.ok(!sent.some((m) => m.to.some((a) => a.address === OTHER_MAIL)));
      assert.equal(mail.from.address, "no-reply@sct.laocai.gov.vn");
      assert.match(mail.subject, /^Nhắc hạn ngày \d\d\/\d\d\/\d{4}: 2 vụ việc sắp đến hạn giải quyết$/);
      assert.match(mail.text, /Kính gửi: Phạm Thu Hằng/);
      for (const body of [mail.text, mail.html]) {
        assert.ok(body.includes(complaint.code), "complaint code");
        assert.ok(body.includes(denunciation.code), "denunciation code");
        assert.ok(body.includes(formatVietnameseDate(complaint.dueOn)), "due date dd/mm/yyyy");
        assert.ok(body.includes(`https://minhbach.laocai.gov.vn/giai-quyet-khieu-nai/${complaint.id}`));
        assert.ok(body.includes(`https://minhbach.laocai.gov.vn/giai-quyet-to-cao/${denunciation.id}`));
        assert.ok(body.includes("Đã thụ lý"), "state label");
        assert.ok(body.includes("Khiếu nại") && body.includes("Tố cáo"), "kind labels");
      }
      assert.match(mail.text, /còn \d+ ngày/);
      const [row] = await rows();
      assert.equal(row!.status, "sent");
      assert.equal(row!.sent_on, day);
      assert.equal(row!.attempts, 1);
      assert.deepEqual([...row!.case_ids].sort(), [complaint.id, denunciation.id].sort());
    });

    test("the mail of a denunciation names neither the denouncer nor the letter's words", async () => {
      const { transport, sent } = capturing();
      await runReminderDigest(t.system.database.db, transport, addDays(day, 1));
      assert.equal(sent.length, 1);
      const all = JSON.stringify(sent[0]);
      for (const secret of [DENOUNCER, "Thanh Xuân", DENOUNCER_ID, "0912345678", "Cam Đường"])
        assert.ok(!all.includes(secret), `the denouncer's ${secret}`);
      for (const words of [RESPONDENT, "Cốc Lếu", "nhận tiền", "Lương Văn Bình", "hóa đơn chứng từ"])
        assert.ok(!all.includes(words), `the letter's or a party's words: ${words}`);
    });

    test("a second run the same day sends nothing", async () => {
      const { transport, sent } = capturing();
      const result = await runReminderDigest(t.system.database.db, transport, day);
      assert.equal(result.sent, 0);
      assert.equal(result.skipped, 1);
      assert.equal(result.digests[0]!.status, "already_sent");
      assert.equal(sent.length, 0);
    });

    test("a failed send is recorded, visible, and sent by the next run", async () => {
      const next = addDays(day, 2);
      const failed = await runReminderDigest(t.system.database.db, failing, next);
      assert.equal(failed.failed, 1);
      assert.equal(failed.sent, 0);
      let row = (await rows()).find((r) => r.sent_on === next)!;
      assert.equal(row.status, "failed");
      assert.match(row.error!, /ECONNREFUSED/);
      const { transport, sent } = capturing();
      const retried = await runReminderDigest(t.system.database.db, transport, next);
      assert.equal(retried.sent, 1);
      assert.equal(sent.length, 1);
      row = (await rows()).find((r) => r.sent_on === next)!;
      assert.equal(row.status, "sent");
      assert.equal(row.error, null);
      assert.equal(row.attempts, 2);
      assert.equal((await runReminderDigest(t.system.database.db, transport, next)).sent, 0);
      assert.equal(sent.length, 1);
    });

    test("a dry run lists the digest and records nothing", async () => {
      const later = addDays(day, 5);
      const result = await runReminderDigest(t.system.database.db, null, later, { dryRun: true });
      assert.equal(result.dryRun, true);
      assert.deepEqual(
        result.digests.map((d) => [d.email, d.status, d.caseCodes.length]),
        [[RESOLVER_MAIL, "would_send", 2]],
      );
      assert.ok(!(await rows()).some((r) => r.sent_on === later));
    });

    test("each sent digest is audited with the user and a count, no name", async () => {
      const audit = await admin.get("/api/audit?pageSize=200");
      assert.equal(audit.status, 200);
      const mailed = audit.body.items.filter((e: { action: string }) => e.action === "reminder.mailed");
      assert.equal(mailed.length, 3);
      assert.deepEqual(mailed[0].summary.userId, resolverId);
      assert.equal(mailed[0].summary.cases, 2);
      const text = JSON.stringify(mailed);
      for (const name of ["Phạm Thu Hằng", DENOUNCER, RESOLVER_MAIL]) assert.ok(!text.includes(name), name);
      const verified = await admin.get("/api/audit/verify");
      assert.equal(verified.body.ok, true, JSON.stringify(verified.body));
    });

    test("the hourly check sends only from REMINDER_HOUR, Vietnam time", async () => {
      const config = {
        smtpUrl: "smtp://127.0.0.1:1",
        mailFrom: "Minh Bạch <no-reply@localhost>",
        reminderDays: 3,
        reminderHour: 7,
        publicUrl: "http://localhost:3000",
      };
      const logs: string[] = [];
      const log = { info: (m: string) => logs.push(m), error: (m: string) => logs.push(m) };
      assert.throws(
        () => scheduleReminders(t.system.database.db, { ...config, reminderHour: 24 }, log),
        /REMINDER_HOUR/,
      );
      const { transport, sent } = capturing();
      const schedule = scheduleReminders(t.system.database.db, config, log, transport);
      try {
        const target = addDays(day, 3);
        // 23:30 UTC the day before is 06:30 in Vietnam: too early.
        assert.equal(await schedule.check(new Date(`${addDays(target, -1)}T23:30:00Z`)), null);
        assert.equal(sent.length, 0);
        // 00:30 UTC is 07:30 in Vietnam.
        const result = await schedule.check(new Date(`${target}T00:30:00Z`));
        assert.equal(result?.today, target);
        assert.equal(result?.sent, 1);
        assert.equal(sent.length, 1);
        assert.match(logs.join("\n"), /đã gửi 1/);
        // Later the same day: nothing more.
        assert.equal((await schedule.check(new Date(`${target}T05:00:00Z`)))?.sent, 0);
      } finally {
        await schedule.stop();
      }
      assert.equal(await schedule.check(), null, "stopped");
    });
  });
}

test("the digest counts days left and overdue in Vietnamese, and escapes HTML", () => {
  const digest = composeDigest({
    recipientName: "Phạm Thu Hằng",
    today: "2026-11-20",
    days: 3,
    publicUrl: "http://localhost:3000",
    cases: [
      { id: "a", code: "TC-LC.SCT-2026-000001", kind: "denunciation", state: "VERIFYING", dueOn: "2026-11-17" },
      { id: "b", code: "KN-LC.SCT-2026-000002", kind: "complaint", state: "ACCEPTED", dueOn: "2026-11-20" },
      { id: "c", code: "KN-<b>&", kind: "complaint", state: "DIALOGUE_HELD", dueOn: "2026-11-22" },
    ],
  });
  assert.equal(digest.subject, "Nhắc hạn ngày 20/11/2026: 1 vụ việc quá hạn, 2 vụ việc sắp đến hạn giải quyết");
  assert.match(
    digest.text,
    /TC-LC\.SCT-2026-000001 — Tố cáo — Đang xác minh\n {3}Hạn: 17\/11\/2026 \(quá hạn 3 ngày\)/,
  );
  assert.match(digest.text, /Hạn: 20\/11\/2026 \(đến hạn hôm nay\)/);
  assert.match(digest.text, /Hạn: 22\/11\/2026 \(còn 2 ngày\)/);
  assert.match(digest.text, /http:\/\/localhost:3000\/giai-quyet-to-cao\/a/);
  assert.ok(digest.html.includes("KN-&lt;b&gt;&amp;"));
  assert.ok(!digest.html.includes("KN-<b>"));
});

for (const db of testDatabases()) {
  describe(`declaration reminders (${db.kind})`, () => {
    let t: TestApp;
    let officer: TestClient;
    let admin: TestClient;
    let campaign: { id: string; items: { id: string; officialCode: string; dueOn: string; version: number }[] };
    const DECLARANT_MAIL = "bao.lv@sct.laocai.gov.vn";

    const item = (code: string) => campaign.items.find((i) => i.officialCode === code)!;
    const year = Number(todayInVietnam().slice(0, 4));

    before(async () => {
      t = await startTestApp({ db, listen: false });
      officer = await t.login("pctn");
      admin = await t.login("admin");
      const xem = await t.login("xem");
      const xemId = (await xem.get("/api/auth/me")).body.user.id;
      const detail = await admin.get(`/api/users/${xemId}`);
      assert.equal(
        (await admin.patch(`/api/users/${xemId}`, { version: detail.body.version, email: DECLARANT_MAIL })).status,
        200,
      );
      const kdb = t.system.database.db;
      const unit = await kdb
        .selectFrom("agency")
        .select("id")
        .where("code", "=", "LC.SCT.VP")
        .executeTakeFirstOrThrow();
      const positions = (await officer.get("/api/anticorruption/positions")).body.items;
      const accountant = positions.find((p: { code: string }) => p.code === "KE_TOAN").id;
      for (const p of [
        // An accountant who is the user "xem": a declarant with an e-mail address.
        { code: "RM-1", fullName: "Lê Văn Bảo", userId: xemId },
        // An accountant who is no user of the system: nobody to mail.
        { code: "RM-2", fullName: "Hà Thị Mai" },
      ]) {
        const res = await officer.post("/api/anticorruption/officials", {
          ...p,
          unitAgencyId: unit.id,
          positions: [{ positionId: accountant, from: "2015-03-01" }],
          declaredBefore: true,
        });
        assert.equal(res.status, 201, JSON.stringify(res.body));
      }
      const opened = await officer.post("/api/anticorruption/campaigns", { year });
      assert.equal(opened.status, 201, JSON.stringify(opened.body));
      campaign = opened.body;
    });
    after(() => t.close());

    test("the yearly declaration not received: nothing until 15 days before the engine's due date, then name and status only", async () => {
      const kdb = t.system.database.db;
      // The due date is the one the deadline engine set on the obligation: 31/12 of the campaign's year.
      const due = item("RM-1").dueOn;
      assert.equal(due, `${year}-12-31`);
      const early = capturing();
      const none = await runReminderDigest(kdb, early.transport, addDays(due, -16));
      assert.ok(!none.digests.some((d) => d.email === DECLARANT_MAIL));
      assert.ok(!early.sent.some((m) => m.to.some((a) => a.address === DECLARANT_MAIL)));

      const { transport, sent } = capturing();
      const result = await runReminderDigest(kdb, transport, addDays(due, -15), { publicUrl: "https://mb.test" });
      const digest = result.digests.find((d) => d.email === DECLARANT_MAIL)!;
      assert.deepEqual([digest.status, digest.declarations, digest.caseCodes], ["sent", 1, []]);
      const mail = sent.find((m) => m.to.some((a) => a.address === DECLARANT_MAIL))!;
      assert.equal(
        mail.subject,
        `Nhắc hạn ngày ${formatVietnameseDate(addDays(due, -15))}: 1 bản kê khai tài sản, thu nhập sắp đến hạn chưa nộp`,
      );
      assert.match(mail.text, /Kính gửi: /);
      assert.match(
        mail.text,
        new RegExp(`1\\. Kê khai hằng năm năm ${year} — Chưa nộp\\n {3}Hạn: 31/12/${year} \\(còn 15 ngày\\)`),
      );
      assert.match(mail.text, /https:\/\/mb\.test\/phong-chong-tham-nhung/);
      assert.ok(!mail.text.includes("vụ việc được giao"), "no cases section without cases");
      assert.ok(mail.html.includes("Chưa nộp"));
      // The other declarant has no address; nobody else is told about either of them.
      assert.ok(!JSON.stringify(sent).includes("Hà Thị Mai"));
      const rows = await kdb
        .selectFrom("ac_obligation")
        .select(["id", "reminders"])
        .where("id", "in", [item("RM-1").id, item("RM-2").id])
        .execute();
      assert.equal(rows.find((r) => r.id === item("RM-1").id)!.reminders, 1);
      assert.equal(rows.find((r) => r.id === item("RM-2").id)!.reminders, 0);
      const audit = await kdb
        .selectFrom("audit_event")
        .select("summary")
        .where("action", "=", "reminder.mailed")
        .execute();
      assert.equal(audit.length, 1);
      assert.equal((audit[0]!.summary as { declarations: number }).declarations, 1);
      assert.ok(!JSON.stringify(audit).includes("Lê Văn Bảo"));
    });

    test("a late declaration is reminded as late; once received, no more", async () => {
      const kdb = t.system.database.db;
      const due = item("RM-1").dueOn;
      const { transport, sent } = capturing();
      await runReminderDigest(kdb, transport, addDays(due, 3));
      const mail = sent.find((m) => m.to.some((a) => a.address === DECLARANT_MAIL))!;
      assert.equal(
        mail.subject,
        `Nhắc hạn ngày ${formatVietnameseDate(addDays(due, 3))}: 1 bản kê khai tài sản, thu nhập quá hạn chưa nộp`,
      );
      assert.match(mail.text, /Quá hạn, chưa nộp\n {3}Hạn: 31\/12\/\d{4} \(quá hạn 3 ngày\)/);

      const o = item("RM-1");
      const current = (await officer.get(`/api/anticorruption/campaigns/${campaign.id}`)).body.items.find(
        (i: { id: string }) => i.id === o.id,
      );
      const received = await officer.post(`/api/anticorruption/obligations/${o.id}/receipt`, {
        version: current.version,
        receivedOn: todayInVietnam(),
      });
      assert.equal(received.status, 200, JSON.stringify(received.body));
      const after = capturing();
      const result = await runReminderDigest(kdb, after.transport, addDays(due, 4));
      assert.ok(!result.digests.some((d) => d.email === DECLARANT_MAIL));
      assert.equal(after.sent.length, 0);
    });
  });
}

test("a digest of cases and declarations has both sections; a digest of cases alone reads as before", () => {
  const both = composeDigest({
    recipientName: "Lê Văn Bảo",
    today: "2026-12-20",
    days: 3,
    publicUrl: "http://localhost:3000",
    cases: [{ id: "a", code: "KN-LC.SCT-2026-000002", kind: "complaint", state: "ACCEPTED", dueOn: "2026-12-21" }],
    declarations: [
      { obligationId: "o1", year: 2025, kind: "annual", dueOn: "2025-12-31" },
      { obligationId: "o2", year: 2026, kind: "annual", dueOn: "2026-12-31" },
    ],
  });
  assert.equal(
    both.subject,
    "Nhắc hạn ngày 20/12/2026: 1 vụ việc sắp đến hạn giải quyết; 1 bản kê khai tài sản, thu nhập quá hạn, 1 bản kê khai sắp đến hạn chưa nộp",
  );
  assert.match(
    both.text,
    /1\. Kê khai hằng năm năm 2025 — Quá hạn, chưa nộp\n {3}Hạn: 31\/12\/2025 \(quá hạn 354 ngày\)/,
  );
  assert.match(both.text, /2\. Kê khai hằng năm năm 2026 — Chưa nộp\n {3}Hạn: 31\/12\/2026 \(còn 11 ngày\)/);
  const alone = composeDigest({
    recipientName: "Lê Văn Bảo",
    today: "2026-12-20",
    days: 3,
    publicUrl: "http://localhost:3000",
    cases: [{ id: "a", code: "KN-LC.SCT-2026-000002", kind: "complaint", state: "ACCEPTED", dueOn: "2026-12-21" }],
  });
  assert.ok(!alone.text.includes("kê khai"));
  assert.ok(alone.text.includes("vụ việc sắp đến hạn hoặc quá hạn; vui lòng không trả lời"));
  assert.equal(alone.subject, "Nhắc hạn ngày 20/12/2026: 1 vụ việc sắp đến hạn giải quyết");
});
