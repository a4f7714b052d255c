/**
 * Published results on the portal (issue 20): an issued denunciation conclusion is proposed with
 * the denouncer's data masked, refused while any of it is left, published for at least 15 days,
 * found by an unaccented search, and gone once withdrawn or past its window; the back-office
 * routes check permission and agency scope and are audited. Questions and answers: maintained by
 * officers of the agency, shown while published. On both databases.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { addDays } from "@minhbach/domain/calendar/iso-date";
import { todayInVietnam } from "@minhbach/domain";
import { sql } from "kysely";
import { startTestApp, testDatabases, type TestApp, type TestClient } from "../src/testing.ts";
import { signPapers } from "./support/papers.ts";
import { proposedPetition } from "./support/petitions.ts";

const DENOUNCER = "Vương Thị Thanh Xuân";
const DENOUNCER_ID = "010195067890";
const DENOUNCER_ADDRESS = "Tổ 5, phường Cam Đường, tỉnh Lào Cai";
const DENOUNCER_PHONE = "0912345678";

function textOf(page: string): string {
  return page
    .replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
}

/** Every shape of the denouncer's sealed data a page must not show. */
function assertNoDenouncer(text: string): void {
  for (const needle of [
    DENOUNCER,
    "Thanh Xuân",
    "THANH XUAN",
    DENOUNCER_ID,
    "010 195 067 890",
    DENOUNCER_PHONE,
    "0912 345 678",
    "0912.345.678",
    "Tổ 5",
  ]) {
    assert.ok(!text.toLowerCase().includes(needle.toLowerCase()), `"${needle}" shown in:\n${text.slice(0, 2000)}`);
  }
}

for (const db of testDatabases()) {
  describe(`portal publications (${db.kind})`, () => {
    let t: TestApp;
    let handler: TestClient;
    let leader: TestClient;
    let resolver: TestClient;
    let viewer: TestClient;
    let otherAgency: TestClient;
    let reception: TestClient;
    let conclusionId: string;
    let publicationId: string;
    const today = todayInVietnam();
    const dbq = () => t.system.database.db;
    const portal = (url: string) => t.app.inject({ method: "GET", url, remoteAddress: "10.44.0.1" });

    before(async () => {
      t = await startTestApp({ db, listen: false });
      [handler, leader, resolver, viewer, otherAgency, reception] = await Promise.all([
        t.login("xulydon"),
        t.login("lanhdao"),
        t.login("xacminh"),
        t.login("xem"),
        t.login("xulydon.snnmt"),
        t.login("tiepdan"),
      ]);
      const resolverId = (await resolver.get("/api/auth/me")).body.user.id as string;
      // A denunciation whose writer names herself in the letter, concluded with a finding that
      // names her again (what a careless draft does): the conclusion's original holds her data.
      const petition = await proposedPetition(
        handler,
        {
          channel: "post",
          receivedOn: "2026-11-02",
          writtenOn: "2026-10-31",
          petitioners: [
            {
              kind: "person",
              fullName: DENOUNCER,
              address: DENOUNCER_ADDRESS,
              phone: DENOUNCER_PHONE,
              identity: { kind: "cccd", number: DENOUNCER_ID, birthYear: 1995, gender: "female" },
            },
          ],
          respondents: [{ name: "Ông Hà Văn Cường, Đội trưởng Đội Quản lý thị trường số 3" }],
          content:
            `Tôi tên là ${DENOUNCER}, CCCD ${DENOUNCER_ID}, trú tại ${DENOUNCER_ADDRESS}, điện thoại 0912 345 678. ` +
            "Tôi tố cáo ông Hà Văn Cường nhận tiền của các hộ kinh doanh tại chợ Cốc Lếu.",
          fieldCode: "CT.QUAN_LY_THI_TRUONG",
        },
        "denunciation",
        "2026-11-05",
      );
      const opened = await leader.post("/api/cases", { petitionId: petition.id, assignees: [resolverId] });
      assert.equal(opened.status, 201, JSON.stringify(opened.body));
      let detail = opened.body;
      for (const step of [
        {
          action: "accept",
          on: "2026-11-06",
          conditions: { withinCompetence: true, denouncerIdentified: true, basisToVerify: true },
        },
        {
          action: "assign_verification",
          on: "2026-11-20",
          assignee: { kind: "team", name: "Phạm Thu Hằng", members: ["Đinh Văn Khoa"] },
        },
        { action: "record_verification", on: "2026-11-21", summary: "Có căn cứ xác định đã nhận tiền của 05 hộ." },
        {
          action: "conclude",
          date: "2026-11-21",
          outcome: "right",
          findings:
            `Theo bà ${DENOUNCER} (điện thoại 0912.345.678, trú tại tổ 5 Cam Đường), ông Hà Văn Cường đã nhận tiền ` +
            "của 05 hộ kinh doanh tại chợ Cốc Lếu, tổng số 15 triệu đồng.",
          measures: "Kiến nghị xử lý kỷ luật; thu hồi 15 triệu đồng.",
          amounts: { moneyToState: 15, disciplineRecommended: 1, disciplineCadres: 1 },
        },
      ]) {
        const r = await resolver.post(`/api/cases/${detail.id}/actions`, { ...step, version: detail.version });
        assert.equal(r.status, 200, `${step.action}: ${JSON.stringify(r.body)}`);
        await signPapers(resolver, leader, detail.id);
        detail = (await resolver.get(`/api/cases/${detail.id}`)).body;
      }
      const doc = (detail.documents as { id: string; formCode: string }[]).find((d) => d.formCode === "TC-KL");
      assert.ok(doc, "the conclusion is issued");
      conclusionId = doc.id;
    });
    after(() => t.close());

    test("the proposal masks the denouncer's sealed data; only officers of the issuing agency get it", async () => {
      const proposal = await resolver.get(`/api/portal/publications/documents/${conclusionId}/proposal`);
      assert.equal(proposal.status, 200, JSON.stringify(proposal.body));
      assert.equal(proposal.body.kind, "denunciation_conclusion");
      assert.match(proposal.body.title, /^Kết luận nội dung tố cáo số \d+\/KL-/);
      assert.equal(proposal.body.minVisibleUntil, addDays(today, 14));
      assert.match(proposal.body.body, /Hà Văn Cường/);
      assert.match(proposal.body.body, /15 triệu đồng/);
      assert.match(proposal.body.body, /\[thông tin cá nhân đã được che\]/);
      assertNoDenouncer(proposal.body.body);
      assert.equal(proposal.body.live, null);

      assert.equal((await viewer.get(`/api/portal/publications/documents/${conclusionId}/proposal`)).status, 403);
      const foreign = await otherAgency.get(`/api/portal/publications/documents/${conclusionId}/proposal`);
      assert.equal(foreign.status, 403);
      assert.equal(foreign.body.code, "OUT_OF_SCOPE");
      // A paper that is not a result (the acceptance decision) is not published.
      const papers = (await resolver.get(`/api/documents?entityType=case&entityId=${proposal.body.documentId}`)).body;
      void papers;
      const acceptance = await sql<{ id: string }>`
        select id from official_document where form_code = 'TC-TL' and status = 'issued' limit 1`.execute(dbq());
      const refused = await resolver.get(`/api/portal/publications/documents/${acceptance.rows[0]!.id}/proposal`);
      assert.equal(refused.status, 409);
      assert.equal(refused.body.code, "PUBLICATION_NOT_PUBLISHABLE");
    });

    test("publishing refuses a text with the denouncer's data or a short window; nothing is saved", async () => {
      const proposal = (await resolver.get(`/api/portal/publications/documents/${conclusionId}/proposal`)).body;
      const count = async () =>
        Number((await sql<{ n: number }>`select count(*)::int as n from portal_publication`.execute(dbq())).rows[0]!.n);
      const before = await count();
      for (const leak of [
        `${proposal.body}\nNgười tố cáo: VUONG THI THANH XUAN.`,
        `${proposal.body}\nLiên hệ: 0912 345 678.`,
        `${proposal.body}\nCCCD 010195067890.`,
        `${proposal.body}\nĐịa chỉ: Tổ 5, P. Cam Đường.`,
      ]) {
        const r = await resolver.post("/api/portal/publications", {
          documentId: conclusionId,
          title: proposal.title,
          body: leak,
          visibleUntil: proposal.minVisibleUntil,
        });
        assert.equal(r.status, 400, leak.slice(-60));
        assert.equal(r.body.code, "PUBLICATION_PERSONAL_DATA");
        assert.equal(r.body.field, "body");
        // The refusal does not echo what it found.
        assertNoDenouncer(r.body.message);
      }
      const inTitle = await resolver.post("/api/portal/publications", {
        documentId: conclusionId,
        title: `${proposal.title} (${DENOUNCER})`,
        body: proposal.body,
        visibleUntil: proposal.minVisibleUntil,
      });
      assert.equal(inTitle.body.field, "title");
      const short = await resolver.post("/api/portal/publications", {
        documentId: conclusionId,
        title: proposal.title,
        body: proposal.body,
        visibleUntil: addDays(today, 13),
      });
      assert.equal(short.status, 400);
      assert.equal(short.body.code, "PUBLICATION_WINDOW");
      assert.match(short.body.message, /ít nhất 15 ngày liên tục/);
      assert.equal(await count(), before);
      const refusals = await sql<{ n: number }>`
        select count(*)::int as n from audit_event where action = 'portal.publication.refused' and entity_id = ${conclusionId}`.execute(
        dbq(),
      );
      assert.equal(Number(refusals.rows[0]!.n), 5);
      assert.equal(
        (
          await viewer.post("/api/portal/publications", {
            documentId: conclusionId,
            title: proposal.title,
            body: proposal.body,
            visibleUntil: proposal.minVisibleUntil,
          })
        ).status,
        403,
      );
    });

    test("published: on the portal, found without accents, its text free of the denouncer; once only", async () => {
      const proposal = (await resolver.get(`/api/portal/publications/documents/${conclusionId}/proposal`)).body;
      const published = await resolver.post("/api/portal/publications", {
        documentId: conclusionId,
        title: proposal.title,
        body: `${proposal.body}\nKết luận được công khai trên cổng thông tin.`,
        visibleUntil: proposal.minVisibleUntil,
      });
      assert.equal(published.status, 201, JSON.stringify(published.body));
      assert.equal(published.body.status, "shown");
      assert.equal(published.body.publishedOn, today);
      publicationId = published.body.id;
      const audit = await sql<{ n: number }>`
        select count(*)::int as n from audit_event where action = 'portal.publication.published' and entity_id = ${publicationId}`.execute(
        dbq(),
      );
      assert.equal(Number(audit.rows[0]!.n), 1);

      const again = await resolver.post("/api/portal/publications", {
        documentId: conclusionId,
        title: proposal.title,
        body: proposal.body,
        visibleUntil: proposal.minVisibleUntil,
      });
      assert.equal(again.status, 409);
      assert.equal(again.body.code, "PUBLICATION_EXISTS");

      const list = await portal("/cong-dan/cong-khai?q=ha+van+cuong+cho+coc+leu");
      assert.equal(list.statusCode, 200);
      assert.match(textOf(list.body), /Tìm thấy 1 kết quả/);
      assert.ok(list.body.includes(`/cong-dan/cong-khai/${publicationId}`));
      const none = await portal("/cong-dan/cong-khai?q=khong+co+tu+nay+xyz");
      assert.match(textOf(none.body), /Không có kết quả nào phù hợp/);
      const detail = await portal(`/cong-dan/cong-khai/${publicationId}`);
      assert.equal(detail.statusCode, 200);
      const text = textOf(detail.body);
      assert.match(text, /Hà Văn Cường/);
      assert.match(text, /Ngày công khai/);
      assertNoDenouncer(text);
      assertNoDenouncer(textOf(list.body));

      const mine = await leader.get("/api/portal/publications");
      assert.equal(mine.status, 200);
      assert.ok(mine.body.some((p: { id: string }) => p.id === publicationId));
      const theirs = await otherAgency.get("/api/portal/publications");
      assert.equal(theirs.status, 200);
      assert.ok(!theirs.body.some((p: { id: string }) => p.id === publicationId));
    });

    test("past its window or withdrawn, a publication is not reachable", async () => {
      await sql`update portal_publication set visible_until = ${addDays(today, -1)}, published_on = ${addDays(today, -15)}
        where id = ${publicationId}`.execute(dbq());
      assert.equal((await portal(`/cong-dan/cong-khai/${publicationId}`)).statusCode, 404);
      assert.ok(!(await portal("/cong-dan/cong-khai")).body.includes(publicationId));
      const listed = (await resolver.get("/api/portal/publications")).body.find(
        (p: { id: string }) => p.id === publicationId,
      );
      assert.equal(listed.status, "expired");
      await sql`update portal_publication set visible_until = ${addDays(today, 20)}, published_on = ${today}
        where id = ${publicationId}`.execute(dbq());
      assert.equal((await portal(`/cong-dan/cong-khai/${publicationId}`)).statusCode, 200);

      assert.equal(
        (await otherAgency.post(`/api/portal/publications/${publicationId}/withdraw`, { reason: "Thử." })).status,
        403,
      );
      const empty = await resolver.post(`/api/portal/publications/${publicationId}/withdraw`, { reason: " " });
      assert.equal(empty.status, 400);
      assert.match(empty.body.message, /lý do rút công khai/i);
      const withdrawn = await resolver.post(`/api/portal/publications/${publicationId}/withdraw`, {
        reason: "Quyết định xử lý kỷ luật được sửa đổi.",
      });
      assert.equal(withdrawn.status, 200, JSON.stringify(withdrawn.body));
      assert.equal(withdrawn.body.status, "withdrawn");
      assert.equal((await portal(`/cong-dan/cong-khai/${publicationId}`)).statusCode, 404);
      assert.ok(!(await portal("/cong-dan/cong-khai?q=cuong")).body.includes(publicationId));
      const twice = await resolver.post(`/api/portal/publications/${publicationId}/withdraw`, { reason: "Lần nữa." });
      assert.equal(twice.body.code, "PUBLICATION_WITHDRAWN");
      // A withdrawn one may be followed by a corrected publication.
      const proposal = (await resolver.get(`/api/portal/publications/documents/${conclusionId}/proposal`)).body;
      assert.equal(proposal.live, null);
      // Nothing else answers on the portal: a made-up id, a malformed one.
      assert.equal((await portal("/cong-dan/cong-khai/00000000-0000-4000-8000-000000000000")).statusCode, 404);
      assert.equal((await portal("/cong-dan/cong-khai/'%20or%201=1")).statusCode, 404);
    });

    test("open data: counts per agency from the reports' indicators, JSON and CSV, nothing per record", async () => {
      const json = await t.app.inject({
        method: "GET",
        url: "/api/public/open-data/petitions?coQuan=LC.SCT&from=2026-01-01&to=2026-12-31",
        remoteAddress: "10.44.0.2",
      });
      assert.equal(json.statusCode, 200, json.body);
      const data = json.json();
      assert.equal(data.rows.length, 1);
      const row = data.rows[0];
      assert.equal(row.agencyCode, "LC.SCT");
      // The same figures as the reports engine's own counts for the agency and year.
      const expected = await sql<{ received: number }>`
        select count(*)::int as received from petition p, agency a
        where a.id = p.agency_id and a.code = 'LC.SCT' and p.received_on between '2026-01-01' and '2026-12-31'`.execute(
        dbq(),
      );
      assert.equal(row.petitionsReceived, Number(expected.rows[0]!.received));
      assert.ok(row.casesResolved >= 1, JSON.stringify(row));
      assert.deepEqual(
        data.indicators.map((i: { code: string }) => i.code),
        [
          "petitions_received",
          "petitions_handled",
          "complaints_resolved",
          "denunciations_resolved",
          "complaints_on_time",
          "denunciations_on_time",
        ],
      );
      assert.doesNotMatch(json.body, /LC\.SCT-\d{4}-|Vương|Cường/);
      const csv = await t.app.inject({
        method: "GET",
        url: "/api/public/open-data/petitions.csv?coQuan=LC.SCT&from=2026-01-01&to=2026-12-31",
        remoteAddress: "10.44.0.2",
      });
      assert.equal(csv.statusCode, 200);
      assert.match(String(csv.headers["content-type"]), /text\/csv/);
      const lines = csv.body
        .replace(/^\uFEFF/, "")
        .trim()
        .split("\r\n");
      assert.equal(lines.length, 2);
      assert.ok(lines[1]!.startsWith(`LC.SCT,`));
      assert.ok(
        lines[1]!.endsWith(
          `,${row.petitionsReceived},${row.petitionsHandled},${row.casesResolved},${row.casesResolvedOnTime}`,
        ),
      );
      const unknown = await t.app.inject({
        method: "GET",
        url: "/api/public/open-data/petitions?coQuan=NOPE",
        remoteAddress: "10.44.0.2",
      });
      assert.equal(unknown.statusCode, 404);
      const reversed = await t.app.inject({
        method: "GET",
        url: "/api/public/open-data/petitions?from=2026-12-31&to=2026-01-01",
        remoteAddress: "10.44.0.2",
      });
      assert.equal(reversed.statusCode, 400);
      assert.match(reversed.json().message, /Từ ngày/);
      const page = await portal("/cong-dan/du-lieu-mo");
      assert.equal(page.statusCode, 200);
      assert.ok(page.body.includes("/api/public/open-data/petitions.csv"));
      assert.ok(page.body.includes("/api/public/inspection-plans.csv"));
    });

    test("questions and answers: written by the agency's officers, shown while published, searched", async () => {
      const sct = (await sql<{ id: string }>`select id from agency where code = 'LC.SCT'`.execute(dbq())).rows[0]!.id;
      const created = await reception.post("/api/portal/faq", {
        agencyId: sct,
        question: "Tôi có thể gửi đơn khiếu nại qua mạng không?",
        answer: "Có. Gửi đơn trên trang Gửi đơn của cổng và giữ mã tra cứu 16 chữ số.",
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      assert.equal((await viewer.post("/api/portal/faq", { agencyId: sct, question: "A?", answer: "B." })).status, 403);
      const empty = await reception.post("/api/portal/faq", { agencyId: sct, question: " ", answer: "B." });
      assert.equal(empty.status, 400);
      assert.match(empty.body.message, /câu hỏi/i);

      const found = await portal("/cong-dan/hoi-dap?q=khieu+nai+qua+mang");
      assert.match(textOf(found.body), /gửi đơn khiếu nại qua mạng/);
      const hidden = await reception.put(`/api/portal/faq/${created.body.id}`, {
        question: created.body.question,
        answer: created.body.answer,
        position: 1,
        published: false,
        version: created.body.version,
      });
      assert.equal(hidden.status, 200, JSON.stringify(hidden.body));
      assert.doesNotMatch(textOf((await portal("/cong-dan/hoi-dap?q=qua+mang")).body), /gửi đơn khiếu nại qua mạng/);
      const stale = await reception.put(`/api/portal/faq/${created.body.id}`, {
        question: "X?",
        answer: "Y.",
        position: 1,
        published: true,
        version: created.body.version,
      });
      assert.equal(stale.status, 409);
      const list = await reception.get("/api/portal/faq");
      assert.ok(list.body.some((f: { id: string; published: boolean }) => f.id === created.body.id && !f.published));
    });
  });
}
