/**
 * An inspection conclusion published on the portal (issue 20), on both databases: the proposal
 * masks the individual inspected (name, address, personal tax number) and every phone, e-mail and
 * identity number by its shape, keeps the enterprise's name; publishing refuses the individual's
 * name typed back; a planned first day keeps it off the portal until then, the window counted from
 * it; the public list filters by agency (a GET form, no JavaScript).
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { todayInVietnam } from "@minhbach/domain";
import { addDays } from "@minhbach/domain/calendar/iso-date";
import { sql } from "kysely";
import { startTestApp, testDatabases, type TestApp } from "../src/testing.ts";
import {
  awaitingDocument,
  createSubject,
  decidedInspection,
  inspectionWorld,
  signPaper,
  step,
  walkToAppraised,
  type InspectionWorld,
} from "./support/inspections.ts";

const PERSON = "Vàng Văn Dũng";
const PERSON_TAX = "010085012345";
const COMPANY = "Công ty TNHH Nông sản Mường Khương";

function textOf(page: string): string {
  return page
    .replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
}

for (const db of testDatabases()) {
  describe(`portal: an inspection conclusion published (${db.kind})`, () => {
    let t: TestApp;
    let w: InspectionWorld;
    let conclusionId: string;
    const today = todayInVietnam();
    const portal = (url: string) => t.app.inject({ method: "GET", url, remoteAddress: "10.45.0.1" });

    before(async () => {
      t = await startTestApp({ db, listen: false });
      w = await inspectionWorld(t);
      const person = await createSubject(w.db, w.tt, { name: PERSON, kind: "individual", taxCode: PERSON_TAX });
      const company = await createSubject(w.db, w.tt, { name: COMPANY });
      const { id, version } = await decidedInspection(w, [person, company], 2026, "2026-02-02");
      let v = await walkToAppraised(w, id, version, {
        plan: "2026-02-04",
        announce: "2026-02-09",
        endOnsite: "2026-03-13",
        report: "2026-03-16",
        assign: "2026-03-18",
        draft: "2026-03-27",
        appraise: "2026-03-31",
      });
      for (const [subjectId, description, money] of [
        [
          person,
          `Ông ${PERSON} (điện thoại 0912 345 678, CCCD 001085012345, thư vangdung@example.vn) nhận hỗ trợ giống cây trồng hai lần`,
          18_500_000,
        ],
        [company, `${COMPANY} kê khai khống khối lượng nghiệm thu`, 240_000_000],
      ] as const) {
        const added = await w.long.post(`/api/inspections/${id}/violations`, {
          version: v,
          subjectId,
          kind: "budget",
          description,
          money,
        });
        assert.equal(added.status, 201, JSON.stringify(added.body));
        v = added.body.version;
      }
      const signing = await step(w.head, id, v, { action: "sign" });
      assert.equal(signing.status, 200, JSON.stringify(signing.body));
      conclusionId = awaitingDocument(signing.body);
      const issued = await signPaper(w, conclusionId, "2026-04-06");
      assert.equal(issued.status, 200, JSON.stringify(issued.body));
    });
    after(() => t.close());

    test("proposed masked by the inspected individual and by shape; the enterprise named", async () => {
      const proposal = await w.head.get(`/api/portal/publications/documents/${conclusionId}/proposal`);
      assert.equal(proposal.status, 200, JSON.stringify(proposal.body));
      assert.equal(proposal.body.kind, "inspection_conclusion");
      const body = proposal.body.body as string;
      assert.match(body, /Mường Khương/);
      assert.match(body, /\[thông tin cá nhân đã được che\]/);
      for (const needle of [PERSON, PERSON_TAX, "0912 345 678", "001085012345", "vangdung@example.vn"])
        assert.ok(!body.includes(needle), `"${needle}" left in the proposal`);
    });

    test("the individual's name typed back is refused; a past first day too; nothing saved", async () => {
      const proposal = (await w.head.get(`/api/portal/publications/documents/${conclusionId}/proposal`)).body;
      const typedBack = await w.head.post("/api/portal/publications", {
        documentId: conclusionId,
        title: proposal.title,
        body: `${proposal.body}\nÔng ${PERSON} đã nộp lại tiền.`,
        visibleUntil: proposal.minVisibleUntil,
      });
      assert.equal(typedBack.status, 400);
      assert.equal(typedBack.body.code, "PUBLICATION_PERSONAL_DATA");
      assert.ok(!String(typedBack.body.message).includes(PERSON));
      const past = await w.head.post("/api/portal/publications", {
        documentId: conclusionId,
        title: proposal.title,
        body: proposal.body,
        publishedOn: addDays(today, -1),
        visibleUntil: addDays(today, 20),
      });
      assert.equal(past.status, 400);
      assert.equal(past.body.field, "publishedOn");
      assert.match(past.body.message, /Ngày bắt đầu công khai: không được trước hôm nay/);
      // Planned for a later day: the least window counts from it, not from today.
      const short = await w.head.post("/api/portal/publications", {
        documentId: conclusionId,
        title: proposal.title,
        body: proposal.body,
        publishedOn: addDays(today, 5),
        visibleUntil: addDays(today, 18),
      });
      assert.equal(short.status, 400);
      assert.equal(short.body.field, "visibleUntil");
      const n = await sql<{ n: number }>`select count(*)::int as n from portal_publication`.execute(w.db);
      assert.equal(Number(n.rows[0]!.n), 0);
    });

    test("planned: not shown before its first day; then shown, found by agency", async () => {
      const proposal = (await w.head.get(`/api/portal/publications/documents/${conclusionId}/proposal`)).body;
      const planned = await w.head.post("/api/portal/publications", {
        documentId: conclusionId,
        title: proposal.title,
        body: proposal.body,
        publishedOn: addDays(today, 5),
        visibleUntil: addDays(today, 19),
      });
      assert.equal(planned.status, 201, JSON.stringify(planned.body));
      assert.equal(planned.body.status, "scheduled");
      assert.equal(planned.body.publishedOn, addDays(today, 5));
      const id = planned.body.id as string;
      assert.equal((await portal(`/cong-dan/cong-khai/${id}`)).statusCode, 404);
      assert.ok(!(await portal("/cong-dan/cong-khai")).body.includes(id));

      // Its first day comes (moved back in the database, as the calendar would).
      await sql`update portal_publication set published_on = ${today}, visible_until = ${addDays(today, 14)}
        where id = ${id}`.execute(w.db);
      const list = await portal("/cong-dan/cong-khai");
      assert.ok(list.body.includes(`/cong-dan/cong-khai/${id}`));
      // The agency filter: a select of the agencies with results, in a GET form.
      assert.match(list.body, /<form method="get" action="\/cong-dan\/cong-khai"/);
      assert.match(list.body, /<select id="coQuan" name="coQuan">/);
      assert.match(list.body, /<option value="LC\.TT"\s*>/);
      const mine = await portal("/cong-dan/cong-khai?coQuan=LC.TT");
      assert.ok(mine.body.includes(`/cong-dan/cong-khai/${id}`));
      assert.match(mine.body, /<option value="LC\.TT" selected>/);
      const other = await portal("/cong-dan/cong-khai?coQuan=LC.SCT");
      assert.ok(!other.body.includes(`/cong-dan/cong-khai/${id}`));
      assert.match(textOf(other.body), /Không có kết quả nào phù hợp/);
      const detail = textOf((await portal(`/cong-dan/cong-khai/${id}`)).body);
      assert.match(detail, /Mường Khương/);
      assert.ok(!detail.includes(PERSON));
      assert.ok(!detail.includes("0912 345 678"));
    });

    test("the reception schedule on the portal: chosen by agency in a GET form, with its iCal feed", async () => {
      const tiepdan = await t.login("tiepdan");
      const starts = new Date(Date.now() + 3 * 24 * 3600_000);
      const created = await tiepdan.post("/api/reception/schedule", {
        leaderName: "Nguyễn Văn Thành",
        leaderTitle: "Giám đốc Sở",
        startsAt: starts.toISOString(),
        endsAt: new Date(starts.getTime() + 3 * 3600_000).toISOString(),
        place: "Phòng tiếp công dân, số 2 đường Hoàng Liên",
        kind: "periodic",
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const choose = await portal("/cong-dan/lich-tiep");
      assert.equal(choose.statusCode, 200);
      assert.match(choose.body, /<form method="get" action="\/cong-dan\/lich-tiep"/);
      assert.match(choose.body, /<option value="LC\.SCT"\s*>Sở Công Thương tỉnh Lào Cai<\/option>/);
      // A draft is not public.
      assert.doesNotMatch(
        textOf((await portal("/cong-dan/lich-tiep?coQuan=LC.SCT")).body),
        /Phòng tiếp công dân, số 2/,
      );
      const published = await tiepdan.post(`/api/reception/schedule/${created.body.id}/publish`, {
        version: created.body.version,
      });
      assert.equal(published.status, 200, JSON.stringify(published.body));
      const shown = await portal("/cong-dan/lich-tiep?coQuan=LC.SCT");
      const text = textOf(shown.body);
      assert.match(text, /Nguyễn Văn Thành, Giám đốc Sở · Phòng tiếp công dân, số 2 đường Hoàng Liên/);
      assert.match(text, /Tiếp định kỳ/);
      assert.match(shown.body, /href="\/api\/public\/reception-schedule\.ics\?agency=LC\.SCT"/);
      const ics = await portal("/api/public/reception-schedule.ics?agency=LC.SCT");
      assert.equal(ics.statusCode, 200);
      assert.match(ics.body, /BEGIN:VCALENDAR/);
      assert.equal((await portal("/cong-dan/lich-tiep?coQuan=KHONG.CO")).statusCode, 404);
      // The portal's home links the page (not the feed without an agency, which would be refused).
      const home = await portal("/cong-dan");
      assert.match(home.body, /href="\/cong-dan\/lich-tiep"/);
    });
  });
}
