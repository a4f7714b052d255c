/**
 * The portal's satisfaction survey (issue 20): offered on the tracking page once a petition is
 * handled, answered once per petition; a public page per agency for visitors of the reception;
 * answers counted per agency and period on a back-office route, within the reader's agency
 * scope — on both databases.
 */
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, describe, test } from "node:test";
import { todayInVietnam } from "@minhbach/domain";
import { sql } from "kysely";
import { solveChallenge } from "../src/modules/portal/crypto.ts";
import { sealClearSurveyComments } from "../src/modules/portal/survey.ts";
import { keyRing } from "../src/platform/vault.ts";
import { startTestApp, testDatabases, type TestApp, type TestClient } from "../src/testing.ts";

function multipart(fields: Record<string, string>) {
  const boundary = `----survey${randomBytes(8).toString("hex")}`;
  const chunks = Object.entries(fields).map(
    ([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  return {
    payload: Buffer.from(chunks.join("") + `--${boundary}--\r\n`),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

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
  fullName: "Hoàng Thị Mến",
  address: "Thôn Nậm Đét, xã Bắc Hà, tỉnh Lào Cai",
  phone: "0987 333 444",
  fieldCode: "CT.XANG_DAU",
  title: "Phản ánh cửa hàng xăng dầu",
  content: "Tôi phản ánh cửa hàng xăng dầu ở thôn Nậm Đét bán thiếu số lượng so với đồng hồ trong tháng 11/2026.",
  truthAck: "yes",
};

for (const db of testDatabases()) {
  describe(`portal survey (${db.kind})`, () => {
    let t: TestApp;
    let xem: TestClient;
    let lanhdaoTinh: TestClient;
    let otherHandler: TestClient;
    let sctId: string;
    let snnmtId: string;
    let ipSeq = 0;
    const nextIp = () => `10.30.${Math.floor(++ipSeq / 250)}.${(ipSeq % 250) + 1}`;
    const today = todayInVietnam();

    before(async () => {
      t = await startTestApp({
        db,
        listen: false,
        config: { portalPowBits: 8, portalLookupLimit: 50, portalFilingLimit: 50, portalSurveyLimit: 3 },
      });
      [xem, lanhdaoTinh, otherHandler] = await Promise.all([
        t.login("xem"),
        t.login("lanhdao.tinh"),
        t.login("xulydon.snnmt"),
      ]);
      const ids = await sql<{ id: string; code: string }>`
        select id, code from agency where code in ('LC.SCT', 'LC.SNNMT')`.execute(dbq());
      sctId = ids.rows.find((r) => r.code === "LC.SCT")!.id;
      snnmtId = ids.rows.find((r) => r.code === "LC.SNNMT")!.id;
    });
    after(() => t.close());

    const dbq = () => t.system.database.db;
    const answers = async () =>
      Number((await sql<{ n: number }>`select count(*)::int as n from portal_survey_answer`.execute(dbq())).rows[0]!.n);

    /** Files a petition on the portal; returns its receipt code and id. */
    async function fileOne(): Promise<{ code: string; id: string }> {
      const ip = nextIp();
      const form = await t.app.inject({ method: "GET", url: "/cong-dan/gui-don", remoteAddress: ip });
      const pow = /name="pow" value="([^"]+)"/.exec(form.body)![1]!;
      const body = multipart({ pow, nonce: solveChallenge(pow), agencyId: sctId, ...COMPLAINT });
      const res = await t.app.inject({
        method: "POST",
        url: "/cong-dan/gui-don",
        payload: body.payload,
        headers: { "content-type": body.contentType },
        remoteAddress: ip,
      });
      assert.equal(res.statusCode, 201, textOf(res.body));
      const code = /id="ma-tra-cuu">([0-9 ]+)</.exec(res.body)![1]!.replace(/ /g, "");
      const id = (await sql<{ id: string }>`select id from petition order by created_at desc limit 1`.execute(dbq()))
        .rows[0]!.id;
      return { code, id };
    }

    const form = (fields: Record<string, string>) => ({
      payload: new URLSearchParams(fields).toString(),
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });

    const rateByCode = (fields: Record<string, string>, ip = nextIp()) =>
      t.app.inject({ method: "POST", url: "/cong-dan/tra-cuu/khao-sat", ...form(fields), remoteAddress: ip });
    const rateReception = (fields: Record<string, string>, ip = nextIp()) =>
      t.app.inject({ method: "POST", url: "/cong-dan/khao-sat", ...form(fields), remoteAddress: ip });

    test("a petition still being handled: no survey on its page, an answer is refused", async () => {
      const { code } = await fileOne();
      const page = await t.app.inject({
        method: "POST",
        url: "/cong-dan/tra-cuu",
        ...form({ code }),
        remoteAddress: nextIp(),
      });
      assert.equal(page.statusCode, 200);
      assert.doesNotMatch(textOf(page.body), /Khảo sát mức độ hài lòng/);
      const before = await answers();
      const res = await rateByCode({ code, rating: "5" });
      assert.equal(res.statusCode, 400);
      assert.match(textOf(res.body), /Mức độ hài lòng: đơn chưa được xử lý xong/);
      assert.equal(await answers(), before);
    });

    test("a handled petition: offered once, answered once, stored with the agency, date and petition only", async () => {
      const { code, id } = await fileOne();
      await sql`update petition set state = 'CLOSED_GUIDED' where id = ${id}`.execute(dbq());
      const page = await t.app.inject({
        method: "POST",
        url: "/cong-dan/tra-cuu",
        ...form({ code }),
        remoteAddress: nextIp(),
      });
      assert.match(textOf(page.body), /Khảo sát mức độ hài lòng/);
      // Every level is a labelled radio button; the comment box has its label.
      for (const level of ["1", "2", "3", "4", "5"])
        assert.match(page.body, new RegExp(`<label class="choice" for="f-rating-${level}"`));
      assert.match(page.body, /<label for="f-comment">Góp ý thêm/);
      assert.match(textOf(page.body), /Rất hài lòng .*Hài lòng .*Bình thường .*Không hài lòng .*Rất không hài lòng/);

      // Bad input: the field is named in Vietnamese, nothing saved, the form keeps what was typed.
      const before = await answers();
      const bad = await rateByCode({ code, rating: "7", comment: "Tốt" });
      assert.equal(bad.statusCode, 400);
      assert.match(textOf(bad.body), /Mức độ hài lòng: chỉ chọn một trong năm mức/);
      assert.match(bad.body, />\s*Tốt<\/textarea/);
      const none = await rateByCode({ code, comment: "" });
      assert.match(textOf(none.body), /Mức độ hài lòng: chọn một mức đánh giá/);
      const long = await rateByCode({ code, rating: "4", comment: "x".repeat(2001) });
      assert.match(textOf(long.body), /Góp ý thêm: tối đa 2000 ký tự \(đang có 2001\)/);
      assert.equal(await answers(), before);

      const ok = await rateByCode({ code, rating: "5", comment: "Cán bộ hướng dẫn tận tình." });
      assert.equal(ok.statusCode, 201, textOf(ok.body));
      assert.match(textOf(ok.body), /Bạn đã gửi đánh giá cho đơn này/);
      assert.equal(await answers(), before + 1);
      const row = (
        await sql<Record<string, unknown>>`select * from portal_survey_answer where petition_id = ${id}`.execute(dbq())
      ).rows[0]!;
      assert.equal(row.agency_id, sctId);
      assert.equal(row.source, "petition");
      assert.equal(Number(row.rating), 5);
      // The comment is sealed at rest, bound to its row; nothing of it in clear.
      assert.equal(row.comment, null);
      assert.ok(!JSON.stringify(row).includes("tận tình"));
      assert.equal(
        keyRing().open(String(row.comment_sealed), `portal_survey_comment:${String(row.id)}`),
        "Cán bộ hướng dẫn tận tình.",
      );
      assert.deepEqual(Object.keys(row).sort(), [
        "agency_id",
        "answered_on",
        "comment",
        "comment_sealed",
        "created_at",
        "id",
        "petition_id",
        "rating",
        "source",
      ]);

      // One answer per petition.
      const again = await rateByCode({ code, rating: "1" });
      assert.equal(again.statusCode, 400);
      assert.match(textOf(again.body), /bạn đã gửi đánh giá cho đơn này \(mỗi đơn một lần\)/);
      assert.equal(await answers(), before + 1);
      // A wrong code rates nothing.
      const wrong = await rateByCode({ code: "1234", rating: "5" });
      assert.equal(wrong.statusCode, 400);
      assert.equal(await answers(), before + 1);
    });

    test("a petition whose case reached a final state is offered the survey", async () => {
      const { code, id } = await fileOne();
      await sql`update petition set state = 'ACCEPTED' where id = ${id}`.execute(dbq());
      // Accepted for resolution: the case is still open, no survey yet.
      await sql`insert into resolution_case (agency_id, petition_id, code, kind, state, facts, received_on, title)
        values (${sctId}, ${id}, ${"KS-" + id.slice(0, 8)}, 'complaint', 'RESOLVING', '{}'::jsonb, ${today}, 'Khiếu nại')`.execute(
        dbq(),
      );
      const open = await rateByCode({ code, rating: "4" });
      assert.equal(open.statusCode, 400);
      assert.match(textOf(open.body), /đơn chưa được xử lý xong/);
      // The case is closed: the survey opens.
      await sql`update resolution_case set state = 'CLOSED' where petition_id = ${id}`.execute(dbq());
      const page = await t.app.inject({
        method: "POST",
        url: "/cong-dan/tra-cuu",
        ...form({ code }),
        remoteAddress: nextIp(),
      });
      assert.match(textOf(page.body), /Đơn đã được xử lý xong. Mời bạn cho biết mức độ hài lòng/);
      const res = await rateByCode({ code, rating: "4" });
      assert.equal(res.statusCode, 201, textOf(res.body));
    });

    test("a visitor of the reception rates an agency by its code; limited per address", async () => {
      const choice = await t.app.inject({ method: "GET", url: "/cong-dan/khao-sat" });
      assert.equal(choice.statusCode, 200);
      assert.match(choice.body, /<a href="\/cong-dan\/khao-sat\?coQuan=LC.SCT">Sở Công Thương tỉnh Lào Cai<\/a>/);
      const page = await t.app.inject({ method: "GET", url: "/cong-dan/khao-sat?coQuan=LC.SCT" });
      assert.equal(page.statusCode, 200);
      assert.match(textOf(page.body), /Sở Công Thương tỉnh Lào Cai/);
      assert.match(page.body, /name="coQuan" value="LC.SCT"/);
      assert.equal((await t.app.inject({ method: "GET", url: "/cong-dan/khao-sat?coQuan=KHONG.CO" })).statusCode, 404);

      const before = await answers();
      const bad = await rateReception({ coQuan: "LC.SCT", rating: "" });
      assert.equal(bad.statusCode, 400);
      assert.match(textOf(bad.body), /Mức độ hài lòng: chọn một mức đánh giá/);
      assert.equal(await answers(), before);

      const ip = nextIp();
      for (const rating of ["4", "3", "5"]) {
        const comment = rating === "3" ? "Mong cán bộ gọi lại cho tôi: 0912 345 678, an.le@example.vn." : "";
        const res = await rateReception({ coQuan: "LC.SCT", rating, comment }, ip);
        assert.equal(res.statusCode, 201, textOf(res.body));
        assert.match(textOf(res.body), /Cảm ơn bạn đã đánh giá/);
      }
      const fourth = await rateReception({ coQuan: "LC.SCT", rating: "5" }, ip);
      assert.equal(fourth.statusCode, 429);
      assert.match(textOf(fourth.body), /Quá nhiều yêu cầu/);
      assert.equal(await answers(), before + 3);
      const rows = await sql<{ source: string; petition_id: string | null }>`
        select source, petition_id from portal_survey_answer where source = 'reception'`.execute(dbq());
      assert.ok(rows.rows.every((r) => r.petition_id === null));
    });

    test("counts per agency and period, within the reader's scope", async () => {
      // Answers of SCT on other dates and of another agency must not be counted.
      await sql`insert into portal_survey_answer (id, agency_id, answered_on, source, rating)
        values (gen_random_uuid(), ${sctId}, '2026-01-15', 'reception', 1),
               (gen_random_uuid(), ${sctId}, '2026-01-16', 'reception', 5),
               (gen_random_uuid(), ${snnmtId}, ${today}, 'reception', 5)`.execute(dbq());
      // Today at SCT so far: the petitioners' 5 and 4, the visitors' 4, 3, 5 → 5 answers,
      // satisfied 4 (80 %), very satisfied 2 (40 %).
      const res = await xem.get(`/api/portal/survey/counts?agencyId=${sctId}&from=${today}&to=${today}`);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.deepEqual(
        {
          answers: res.body.answers,
          satisfied: res.body.satisfied,
          verySatisfied: res.body.verySatisfied,
          satisfiedPercent: res.body.satisfiedPercent,
          verySatisfiedPercent: res.body.verySatisfiedPercent,
          byLevel: res.body.byLevel,
          fromPetitioners: res.body.fromPetitioners,
          fromVisitors: res.body.fromVisitors,
        },
        {
          answers: 5,
          satisfied: 4,
          verySatisfied: 2,
          satisfiedPercent: 80,
          verySatisfiedPercent: 40,
          byLevel: { 1: 0, 2: 0, 3: 1, 4: 2, 5: 2 },
          fromPetitioners: 2,
          fromVisitors: 3,
        },
      );
      // January: 1 and 5 → 2 answers, 1 satisfied (50 %), 1 very satisfied (50 %).
      const jan = await xem.get(`/api/portal/survey/counts?agencyId=${sctId}&from=2026-01-01&to=2026-01-31`);
      assert.equal(jan.body.answers, 2);
      assert.equal(jan.body.satisfiedPercent, 50);
      // The province's leader reads a department's figures (subtree scope).
      assert.equal(
        (await lanhdaoTinh.get(`/api/portal/survey/counts?agencyId=${sctId}&from=${today}&to=${today}`)).status,
        200,
      );
      // Another agency's figures are refused to the department's viewer; a handler without the
      // report permission is refused too.
      const out = await xem.get(`/api/portal/survey/counts?agencyId=${snnmtId}&from=${today}&to=${today}`);
      assert.equal(out.status, 403);
      assert.equal(out.body.code, "OUT_OF_SCOPE");
      assert.equal(
        (await otherHandler.get(`/api/portal/survey/counts?agencyId=${sctId}&from=${today}&to=${today}`)).status,
        403,
      );
      // Bad input names the field in Vietnamese.
      const backwards = await xem.get(`/api/portal/survey/counts?agencyId=${sctId}&from=2026-02-01&to=2026-01-01`);
      assert.equal(backwards.status, 400);
      assert.match(JSON.stringify(backwards.body), /Đến ngày: phải cùng hoặc sau Từ ngày/);
      // The comments, opened for the agency's officers with phones and e-mails masked; the read audited.
      const comments = await xem.get(`/api/portal/survey/comments?agencyId=${sctId}&from=${today}&to=${today}`);
      assert.equal(comments.status, 200, JSON.stringify(comments.body));
      const texts = (comments.body.items as { comment: string }[]).map((c) => c.comment);
      assert.ok(texts.includes("Cán bộ hướng dẫn tận tình."), JSON.stringify(texts));
      const masked = texts.find((c) => c.includes("gọi lại"));
      assert.ok(masked, JSON.stringify(texts));
      assert.ok(!masked.includes("0912 345 678") && !masked.includes("an.le@example.vn"), masked);
      assert.match(masked, /\[thông tin cá nhân đã được che\]/);
      const viewed = await sql<{ n: number }>`
        select count(*)::int as n from audit_event where action = 'portal.survey_comments_viewed'`.execute(dbq());
      assert.equal(Number(viewed.rows[0]!.n), 1);
      assert.equal(
        (await xem.get(`/api/portal/survey/comments?agencyId=${snnmtId}&from=${today}&to=${today}`)).status,
        403,
      );
      assert.equal(
        (await otherHandler.get(`/api/portal/survey/comments?agencyId=${sctId}&from=${today}&to=${today}`)).status,
        403,
      );
      const badDate = await xem.get(`/api/portal/survey/counts?agencyId=${sctId}&from=2026-02-30&to=2026-03-01`);
      assert.equal(badDate.status, 400);
      assert.match(JSON.stringify(badDate.body), /Ngày không tồn tại trong lịch/);
    });

    test("comments an earlier version stored in clear are sealed at start", async () => {
      await sql`insert into portal_survey_answer (id, agency_id, answered_on, source, rating, comment)
        values ('00000000-0000-4000-8000-0000000000c1', ${sctId}, '2026-01-20', 'reception', 2, 'Chờ lâu quá.')`.execute(
        dbq(),
      );
      assert.equal(await sealClearSurveyComments(dbq()), 1);
      const row = (
        await sql<{ comment: string | null; comment_sealed: string }>`
          select comment, comment_sealed from portal_survey_answer where id = '00000000-0000-4000-8000-0000000000c1'`.execute(
          dbq(),
        )
      ).rows[0]!;
      assert.equal(row.comment, null);
      assert.equal(
        keyRing().open(row.comment_sealed, "portal_survey_comment:00000000-0000-4000-8000-0000000000c1"),
        "Chờ lâu quá.",
      );
      assert.equal(await sealClearSurveyComments(dbq()), 0);
    });
  });
}
