/**
 * Public consultation on draft regulations (issue 20): phases with dates, versions with stable
 * passage anchors, comments posted on the portal without an account (proof of work, per-address
 * limit), moderation, the handling summary — and every refusal naming its field with nothing
 * half-saved, on both databases.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { todayInVietnam } from "@minhbach/domain";
import { sql } from "kysely";
import { issueChallenge, solveChallenge } from "../src/modules/portal/crypto.ts";
import { seedDemoConsultations } from "../src/seed/demo-consultations.ts";
import { startTestApp, testDatabases, type TestApp, type TestClient } from "../src/testing.ts";

function textOf(page: string): string {
  return page
    .replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
}

function addDays(iso: string, n: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

const DRAFT = [
  "Quy định về quản lý chợ trên địa bàn tỉnh",
  "Điều 1. Phạm vi điều chỉnh",
  "Quy định này quy định về quản lý, khai thác chợ.",
  "Điều 2. Giờ mở cửa",
  "1. Chợ mở cửa từ 5 giờ đến 19 giờ hằng ngày.",
  "2. Chợ đêm mở cửa đến 23 giờ.",
].join("\n");

for (const db of testDatabases()) {
  describe(`consultations (${db.kind})`, () => {
    let t: TestApp;
    let lanhdao: TestClient;
    let tonghop: TestClient;
    let xulydon: TestClient;
    let snnmtHandler: TestClient;
    let sctId: string;
    let snnmtId: string;
    let ipSeq = 0;
    const nextIp = () => `10.37.${Math.floor(++ipSeq / 250)}.${(ipSeq % 250) + 1}`;
    const today = todayInVietnam();

    before(async () => {
      t = await startTestApp({
        db,
        listen: false,
        config: { portalPowBits: 8, consultationCommentLimit: 200 },
      });
      [lanhdao, tonghop, xulydon, snnmtHandler] = await Promise.all([
        t.login("lanhdao"),
        t.login("tonghop"),
        t.login("xulydon"),
        t.login("xulydon.snnmt"),
      ]);
      const ids = await sql<{ id: string; code: string }>`
        select id, code from agency where code in ('LC.SCT', 'LC.SNNMT')`.execute(dbq());
      sctId = ids.rows.find((r) => r.code === "LC.SCT")!.id;
      snnmtId = ids.rows.find((r) => r.code === "LC.SNNMT")!.id;
    });
    after(() => t.close());

    const dbq = () => t.system.database.db;
    const count = async (table: "consultation" | "consultation_comment" | "consultation_version") =>
      Number((await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(dbq())).rows[0]!.n);
    const newDraft = (over: Record<string, unknown> = {}) => ({
      agencyId: sctId,
      title: "Dự thảo Quy định quản lý chợ",
      field: "Công thương",
      opensOn: today,
      closesOn: addDays(today, 30),
      summaryDueOn: addDays(today, 45),
      text: DRAFT,
      ...over,
    });

    const form = (fields: Record<string, string>) => ({
      payload: new URLSearchParams(fields).toString(),
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });

    /** Opens the comment form (a fresh challenge) and posts the comment with the challenge solved. */
    async function comment(id: string, fields: Record<string, string>, options: { solve?: boolean } = {}) {
      const ip = nextIp();
      const page = await t.app.inject({ method: "GET", url: `/cong-dan/du-thao/${id}/gop-y`, remoteAddress: ip });
      const pow = /name="pow" value="([^"]+)"/.exec(page.body)?.[1];
      assert.ok(pow, textOf(page.body));
      const nonce = options.solve === false ? "" : solveChallenge(pow);
      const res = await t.app.inject({
        method: "POST",
        url: `/cong-dan/du-thao/${id}/gop-y`,
        ...form({ pow, nonce, ...fields }),
        remoteAddress: ip,
      });
      return { res, pow, nonce, text: textOf(res.body) };
    }

    test("the demo: one draft open on the portal, one comment shown under its passage, one held", async () => {
      assert.equal(await seedDemoConsultations(dbq()), 1);
      assert.equal(await seedDemoConsultations(dbq()), 0, "seeded once");
      const list = await lanhdao.get("/api/consultations?phase=open");
      assert.equal(list.body.items.length, 1);
      assert.equal(list.body.items[0].pending, 1);
      const page = await t.app.inject({ method: "GET", url: `/cong-dan/du-thao/${list.body.items[0].id}` });
      const section = /<section[^>]*id="dieu-3-khoan-2"[\s\S]*?<\/section>/.exec(page.body)![0];
      assert.match(textOf(section), /1 góp ý đã đăng/);
      assert.doesNotMatch(page.body, /0912 345 678/);
      await sql`delete from consultation`.execute(dbq());
    });

    test("phases with dates out of order, an empty text, no permission, another agency: refused, nothing saved", async () => {
      const before = await count("consultation");
      const backwards = await lanhdao.post("/api/consultations", newDraft({ closesOn: addDays(today, -1) }));
      assert.equal(backwards.status, 400);
      assert.equal(backwards.body.field, "closesOn");
      assert.match(backwards.body.message, /Ngày kết thúc lấy ý kiến: phải cùng hoặc sau ngày bắt đầu/);
      const summary = await lanhdao.post("/api/consultations", newDraft({ summaryDueOn: addDays(today, 29) }));
      assert.equal(summary.status, 400);
      assert.equal(summary.body.field, "summaryDueOn");
      const empty = await lanhdao.post("/api/consultations", newDraft({ text: "   " }));
      assert.equal(empty.status, 400);
      assert.equal(empty.body.field, "text");
      assert.match(empty.body.message, /toàn văn dự thảo/i);
      assert.equal((await xulydon.post("/api/consultations", newDraft())).status, 403);
      const outside = await lanhdao.post("/api/consultations", newDraft({ agencyId: snnmtId }));
      assert.equal(outside.status, 403);
      assert.equal(outside.body.code, "OUT_OF_SCOPE");
      assert.equal(await count("consultation"), before);
    });

    test("a draft: drafted, opened, commented on a passage, moderated, closed, summary published", async () => {
      const created = await lanhdao.post("/api/consultations", newDraft());
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const id = created.body.id as string;
      assert.equal(created.body.phase, "drafting");
      assert.deepEqual(
        created.body.passages.map((p: { anchor: string }) => p.anchor),
        ["mo-dau-1", "dieu-1", "dieu-1-doan-1", "dieu-2", "dieu-2-khoan-1", "dieu-2-khoan-2"],
      );
      // Another agency's officer sees nothing of it; a petition handler has no permission.
      assert.equal((await snnmtHandler.get(`/api/consultations/${id}`)).status, 403);
      assert.equal((await xulydon.get(`/api/consultations/${id}`)).status, 403);
      // Not on the portal while drafted.
      assert.equal((await t.app.inject({ method: "GET", url: `/cong-dan/du-thao/${id}` })).statusCode, 404);

      const opened = await tonghop.post(`/api/consultations/${id}/open`);
      assert.equal(opened.status, 200, JSON.stringify(opened.body));
      assert.equal(opened.body.phase, "open");
      const list = await t.app.inject({ method: "GET", url: "/cong-dan/du-thao" });
      assert.match(textOf(list.body), /Dự thảo Quy định quản lý chợ/);
      const view = await t.app.inject({ method: "GET", url: `/cong-dan/du-thao/${id}` });
      assert.equal(view.statusCode, 200);
      assert.match(view.body, /id="dieu-2-khoan-2"/);
      assert.match(view.body, /href="\/cong-dan\/du-thao\/[^"]+\/gop-y\?doan=dieu-2-khoan-2"/);

      // Refusals: an empty comment, an anchor not in the current version, no proof of work.
      const before = await count("consultation_comment");
      const empty = await comment(id, { anchor: "dieu-2-khoan-2", body: "  " });
      assert.equal(empty.res.statusCode, 400);
      assert.match(empty.text, /Nội dung góp ý: nhập ý kiến của bạn/);
      assert.match(empty.res.body, /id="f-body"[^>]*aria-invalid="true"/);
      const nowhere = await comment(id, { anchor: "dieu-9", body: "Góp ý" });
      assert.equal(nowhere.res.statusCode, 400);
      assert.match(nowhere.text, /Đoạn góp ý: không có đoạn này trong phiên bản hiện hành/);
      const unsolved = await comment(id, { anchor: "dieu-2", body: "Góp ý" }, { solve: false });
      assert.equal(unsolved.res.statusCode, 400);
      assert.match(unsolved.text, /Chưa gửi được góp ý/);
      assert.equal(await count("consultation_comment"), before);

      const posted = await comment(id, {
        anchor: "dieu-2-khoan-2",
        quote: "đến 23 giờ",
        body: "Đề nghị cho chợ đêm mở đến 24 giờ vào cuối tuần.",
        authorName: "Lý Văn Sáu",
        contact: "sau.ly@example.vn",
      });
      assert.equal(posted.res.statusCode, 201, posted.text);
      assert.match(posted.text, /Đã nhận góp ý số 1/);
      // The same solved challenge posts nothing twice.
      const replay = await t.app.inject({
        method: "POST",
        url: `/cong-dan/du-thao/${id}/gop-y`,
        ...form({ pow: posted.pow, nonce: posted.nonce, anchor: "dieu-1", body: "Lần hai" }),
        remoteAddress: nextIp(),
      });
      assert.equal(replay.statusCode, 400);
      assert.match(textOf(replay.body), /đã được dùng/);
      // A challenge solved for filing a petition does not post a comment: each is bound to its form.
      const filingPage = await t.app.inject({ method: "GET", url: "/cong-dan/gui-don", remoteAddress: nextIp() });
      const filingPow = /name="pow" value="([^"]+)"/.exec(filingPage.body)![1]!;
      const commentsBefore = await t.system.database.db
        .selectFrom("consultation_comment")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow();
      const crossUse = await t.app.inject({
        method: "POST",
        url: `/cong-dan/du-thao/${id}/gop-y`,
        ...form({
          pow: filingPow,
          nonce: solveChallenge(filingPow),
          anchor: "dieu-1",
          body: "Dùng phép thử của trang gửi đơn",
        }),
        remoteAddress: nextIp(),
      });
      assert.equal(crossUse.statusCode, 400);
      assert.match(textOf(crossUse.body), /không hợp lệ/);
      const commentsAfter = await t.system.database.db
        .selectFrom("consultation_comment")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow();
      assert.equal(Number(commentsAfter.n), Number(commentsBefore.n));
      const second = await comment(id, { anchor: "dieu-1-doan-1", body: "Nội dung quảng cáo không liên quan." });
      assert.equal(second.res.statusCode, 201);

      // The contact is sealed at rest and never on the portal; held comments are not shown.
      const stored = await sql<{ contact_sealed: string | null; status: string }>`
        select contact_sealed, status from consultation_comment where consultation_id = ${id} order by number`.execute(
        dbq(),
      );
      assert.ok(stored.rows[0]!.contact_sealed && !stored.rows[0]!.contact_sealed.includes("sau.ly"));
      assert.deepEqual(
        stored.rows.map((r) => r.status),
        ["pending", "pending"],
      );
      const held = await t.app.inject({ method: "GET", url: `/cong-dan/du-thao/${id}` });
      assert.doesNotMatch(textOf(held.body), /chợ đêm mở đến 24 giờ/);

      // Moderation: hiding needs a reason; the officer sees the contact.
      const got = await lanhdao.get(`/api/consultations/${id}`);
      const [first, spam] = got.body.commentList as { id: string; contact: string | null; passageLabel: string }[];
      assert.equal(first!.contact, "sau.ly@example.vn");
      assert.equal(first!.passageLabel, "Điều 2, khoản 2");
      const noReason = await lanhdao.post(`/api/consultations/${id}/comments/${spam!.id}/moderation`, {
        decision: "hide",
      });
      assert.equal(noReason.status, 400);
      assert.equal(noReason.body.field, "reason");
      assert.equal(
        (
          await lanhdao.post(`/api/consultations/${id}/comments/${spam!.id}/moderation`, {
            decision: "hide",
            reason: "Quảng cáo, không góp ý vào dự thảo.",
          })
        ).status,
        200,
      );
      const published = await lanhdao.post(`/api/consultations/${id}/comments/${first!.id}/moderation`, {
        decision: "publish",
      });
      assert.equal(published.status, 200);
      const shown = await t.app.inject({ method: "GET", url: `/cong-dan/du-thao/${id}` });
      const section = /<section[^>]*id="dieu-2-khoan-2"[\s\S]*?<\/section>/.exec(shown.body)![0];
      assert.match(textOf(section), /1 góp ý đã đăng/);
      assert.match(textOf(section), /Góp ý số 1 · Lý Văn Sáu/);
      assert.match(textOf(section), /“đến 23 giờ”/);
      assert.doesNotMatch(shown.body, /sau\.ly@example\.vn/);
      assert.doesNotMatch(textOf(shown.body), /quảng cáo không liên quan/i);

      // A second version without clause 2 of article 2: a comment there is refused.
      const v2 = await lanhdao.post(`/api/consultations/${id}/versions`, {
        text: DRAFT.split("\n").slice(0, 5).join("\n"),
        note: "Bỏ quy định chợ đêm",
      });
      assert.equal(v2.status, 201);
      assert.equal(v2.body.currentVersion, 2);
      const gone = await comment(id, { anchor: "dieu-2-khoan-2", body: "Vẫn góp ý khoản 2" });
      assert.equal(gone.res.statusCode, 400);
      assert.match(gone.text, /không có đoạn này trong phiên bản hiện hành/);
      const old = await t.app.inject({ method: "GET", url: `/cong-dan/du-thao/${id}?phienBan=1` });
      assert.match(old.body, /id="dieu-2-khoan-2"/);
      // The two versions compared on the portal: the removed clause marked, without JavaScript.
      const shownV2 = await t.app.inject({ method: "GET", url: `/cong-dan/du-thao/${id}` });
      assert.match(shownV2.body, new RegExp(`href="/cong-dan/du-thao/${id}/so-sanh\\?tu=1&amp;den=2"`));
      const compared = await t.app.inject({ method: "GET", url: `/cong-dan/du-thao/${id}/so-sanh` });
      assert.equal(compared.statusCode, 200);
      assert.doesNotMatch(compared.body, /<script/);
      assert.match(textOf(compared.body), /Phiên bản 2 so với phiên bản 1: 1 đoạn thay đổi, 5 đoạn giữ nguyên/);
      assert.match(textOf(compared.body), /Điều 2, khoản 2 — Bỏ \[bỏ: 2\. Chợ đêm mở cửa đến 23 giờ\. ?\]/);
      assert.match(compared.body, /<del>/);
      // Backwards (2 → 1) the clause is an addition; a draft never put on the portal answers 404.
      const back = await t.app.inject({ method: "GET", url: `/cong-dan/du-thao/${id}/so-sanh?tu=2&den=1` });
      assert.match(textOf(back.body), /Điều 2, khoản 2 — Bổ sung \[thêm: 2\. Chợ đêm/);
      assert.equal(
        (await t.app.inject({ method: "GET", url: "/cong-dan/du-thao/00000000-0000-4000-8000-000000000000/so-sanh" }))
          .statusCode,
        404,
      );

      // The summary only after closing; then a comment is refused.
      const early = await lanhdao.post(`/api/consultations/${id}/summary`);
      assert.equal(early.status, 400);
      assert.match(early.body.message, /sau khi kết thúc lấy ý kiến/);
      assert.equal((await lanhdao.post(`/api/consultations/${id}/close`)).status, 200);
      const late = await t.app.inject({
        method: "POST",
        url: `/cong-dan/du-thao/${id}/gop-y`,
        ...form({ pow: "x", nonce: "1", anchor: "dieu-1", body: "Muộn" }),
        remoteAddress: nextIp(),
      });
      assert.equal(late.statusCode, 400);
      const lateForm = await comment(id, { anchor: "dieu-1", body: "Muộn" }).catch((e: Error) => e);
      assert.ok(lateForm instanceof Error, "no comment form once closed");
      assert.equal(await count("consultation_comment"), before + 2);

      const unanswered = await lanhdao.post(`/api/consultations/${id}/summary`);
      assert.equal(unanswered.status, 400);
      assert.match(unanswered.body.message, /Còn 1 góp ý đã đăng chưa có nội dung tiếp thu/);
      const onHidden = await lanhdao.post(`/api/consultations/${id}/responses`, {
        commentIds: [spam!.id],
        outcome: "accepted",
        explanation: "x",
      });
      assert.equal(onHidden.status, 400);
      assert.equal(onHidden.body.field, "commentIds");
      const answered = await lanhdao.post(`/api/consultations/${id}/responses`, {
        commentIds: [first!.id],
        outcome: "partly",
        explanation: "Chợ đêm được mở đến 24 giờ vào thứ Bảy và Chủ nhật.",
      });
      assert.equal(answered.status, 201, JSON.stringify(answered.body));
      assert.deepEqual(answered.body.responses[0].commentNumbers, [1]);
      // An answered comment cannot be hidden any more (the summary answers it).
      const hideAnswered = await lanhdao.post(`/api/consultations/${id}/comments/${first!.id}/moderation`, {
        decision: "hide",
        reason: "Ẩn thử.",
      });
      assert.equal(hideAnswered.status, 400);
      assert.equal(hideAnswered.body.field, "decision");
      const contactReads = await sql<{ n: number }>`
        select count(*)::int as n from audit_event where action = 'consultation.contacts_read' and entity_id = ${id}`.execute(
        dbq(),
      );
      assert.ok(contactReads.rows[0]!.n >= 1, "the officer's reading of the contacts is audited");
      const done = await lanhdao.post(`/api/consultations/${id}/summary`);
      assert.equal(done.status, 200);
      assert.equal(done.body.phase, "summary_published");
      const final = textOf((await t.app.inject({ method: "GET", url: `/cong-dan/du-thao/${id}` })).body);
      assert.match(final, /Kết quả tiếp thu, giải trình/);
      assert.match(final, /Tiếp thu một phần — góp ý số 1/);
      assert.match(final, /thứ Bảy và Chủ nhật/);

      // Every step is in the audit trail.
      const actions = await sql<{ action: string }>`
        select action from audit_event where entity_id in (
          select ${id}::text union all select id::text from consultation_comment where consultation_id = ${id})
        order by id`.execute(dbq());
      const seen = new Set(actions.rows.map((r) => r.action));
      for (const a of [
        "consultation.created",
        "consultation.opened",
        "consultation.comment_received",
        "consultation.comment_hidden",
        "consultation.comment_published",
        "consultation.version_added",
        "consultation.closed",
        "consultation.response_added",
        "consultation.summary_published",
      ])
        assert.ok(seen.has(a), a);
    });

    test("a draft put on the portal before its first day takes no comment yet", async () => {
      const created = await lanhdao.post(
        "/api/consultations",
        newDraft({ opensOn: addDays(today, 3), closesOn: addDays(today, 20), summaryDueOn: null }),
      );
      assert.equal(created.status, 201);
      const id = created.body.id as string;
      assert.equal((await lanhdao.post(`/api/consultations/${id}/open`)).status, 200);
      const page = await t.app.inject({ method: "GET", url: `/cong-dan/du-thao/${id}` });
      assert.match(textOf(page.body), /chưa đến ngày nhận góp ý/);
      const res = await t.app.inject({
        method: "POST",
        url: `/cong-dan/du-thao/${id}/gop-y`,
        ...form({ pow: "x", nonce: "1", anchor: "dieu-1", body: "Sớm" }),
        remoteAddress: nextIp(),
      });
      assert.equal(res.statusCode, 400);
      const before = await count("consultation_comment");
      // Even with a solved challenge for a comment, the phase refuses it.
      const pow = issueChallenge(8, "comment");
      const solved = await t.app.inject({
        method: "POST",
        url: `/cong-dan/du-thao/${id}/gop-y`,
        ...form({ pow, nonce: solveChallenge(pow), anchor: "dieu-1", body: "Sớm" }),
        remoteAddress: nextIp(),
      });
      assert.equal(solved.statusCode, 400);
      assert.match(textOf(solved.body), /Dự thảo chưa mở lấy ý kiến/);
      assert.equal(await count("consultation_comment"), before);
      // Moving the last day before the first is refused on edit too.
      const edit = await lanhdao.put(`/api/consultations/${id}`, {
        title: "Dự thảo",
        opensOn: addDays(today, 3),
        closesOn: addDays(today, 2),
      });
      assert.equal(edit.status, 400);
      assert.equal(edit.body.field, "closesOn");
    });

    test("the back-office list keeps to the reader's agencies and filters by phase", async () => {
      const mine = await lanhdao.get("/api/consultations");
      assert.equal(mine.status, 200);
      assert.ok(mine.body.items.length >= 2);
      assert.ok(mine.body.items.every((i: { agencyId: string }) => i.agencyId === sctId));
      const published = await lanhdao.get("/api/consultations?phase=summary_published");
      assert.ok(published.body.items.every((i: { phase: string }) => i.phase === "summary_published"));
      assert.equal((await xulydon.get("/api/consultations")).status, 403);
    });
  });
}
