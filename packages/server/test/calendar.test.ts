import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { trackDeadline } from "../src/modules/calendar/service.ts";
import { verifyAuditChain } from "../src/platform/audit.ts";
import { startTestApp, testDatabases, type TestApp, type TestClient } from "../src/testing.ts";

for (const db of testDatabases()) {
  describe(`calendar and deadlines (${db.kind})`, () => {
    let t: TestApp;
    let admin: TestClient;
    before(async () => {
      t = await startTestApp({ db, listen: false });
      admin = await t.login("admin");
    });
    after(() => t.close());

    test("2026 comes from the shipped official notice and lists Tết; 2031 is provisional", async () => {
      const y2026 = await admin.get("/api/calendar/2026");
      assert.equal(y2026.status, 200);
      assert.equal(y2026.body.provisional, false);
      const tet = y2026.body.days.find((d: { date: string }) => d.date === "2026-02-17");
      assert.equal(tet.kind, "holiday");
      // Hùng Kings' day 2026 falls on Sunday 26/04: Monday 27/04 is the compensatory day off.
      assert.equal(y2026.body.days.find((d: { date: string }) => d.date === "2026-04-27").kind, "compensatory");
      const y2031 = await (await t.login("xem")).get("/api/calendar/2031");
      assert.equal(y2031.body.provisional, true);
      assert.ok(y2031.body.days.some((d: { date: string }) => d.date === "2031-09-02"));
    });

    test("compute: hand-checked cases with their explanation", async () => {
      // 30 calendar days from Monday 02/03/2026: day 1 is 03/03, day 30 is Wednesday 01/04.
      const first = await admin.post("/api/deadlines/compute", { rule: "complaint.resolve.first", from: "2026-03-02" });
      assert.equal(first.status, 200, JSON.stringify(first.body));
      assert.equal(first.body.due, "2026-04-01");
      assert.match(first.body.basis, /Luật Khiếu nại/);
      // 7 working days from Thursday 12/02/2026: Fri 13/02 (1), Tết off 14–22/02,
      // 23, 24, 25, 26, 27/02 (2–6), Monday 02/03 (7).
      const initial = await admin.post("/api/deadlines/compute", { rule: "denunciation.initial", from: "2026-02-12" });
      assert.equal(initial.body.due, "2026-03-02");
      assert.ok(initial.body.explanation.some((s: { kind: string }) => s.kind === "skipped_day"));
      assert.ok(initial.body.explanation.every((s: { text: string }) => s.text.length > 0));
    });

    test("compute: bad input names the field", async () => {
      const cases: [unknown, string][] = [
        [{ rule: "khong.co", from: "2026-01-01" }, "rule"],
        [{ rule: "complaint.accept", from: "2026-02-30" }, "from"],
        [{ rule: "denunciation.resolve", from: "2026-01-05", extensions: 3 }, "extensions"],
        [
          { rule: "denunciation.resolve", from: "2026-01-05", suspensions: [{ from: "2026-01-20", to: "2026-01-10" }] },
          "suspensions.0.to",
        ],
      ];
      for (const [body, field] of cases) {
        const res = await admin.post("/api/deadlines/compute", body);
        assert.equal(res.status, 400, JSON.stringify(res.body));
        assert.equal(res.body.field, field, JSON.stringify(res.body));
        assert.ok(res.body.message.length > 5);
      }
    });

    test("changing a year's notice moves the open due dates that depend on it, and says which", async () => {
      const { db: kdb } = t.system.database;
      const agency = await kdb.selectFrom("agency").select("id").where("code", "=", "LC.SCT").executeTakeFirstOrThrow();
      // 10 working days from Monday 07/12/2026: 08..11/12 (4), 14..18/12 (9), Monday 21/12 (10).
      const dueBefore = await kdb.transaction().execute((trx) =>
        trackDeadline(trx, {
          agencyId: agency.id,
          entityType: "petition",
          entityId: "DEMO-1",
          label: "Đơn số DEMO-1: hạn xử lý đơn",
          input: { rule: "petition.handle", from: "2026-12-07" },
        }),
      );
      assert.equal(dueBefore, "2026-12-21");
      const current = (await admin.get("/api/calendar/2026")).body;
      const days = [
        ...current.noticeDays,
        { date: "2026-12-15", kind: "swap_off", name: "Nghỉ đột xuất (thử nghiệm)" },
      ];
      const saved = await admin.put("/api/calendar/2026", { source: "Thông báo thử nghiệm số 1/TB", days });
      assert.equal(saved.status, 200, JSON.stringify(saved.body));
      assert.equal(saved.body.changedDays, 1);
      assert.deepEqual(
        saved.body.movedDeadlines.map((m: { entityId: string; oldDue: string; newDue: string }) => [
          m.entityId,
          m.oldDue,
          m.newDue,
        ]),
        [["DEMO-1", "2026-12-21", "2026-12-22"]],
      );
      const changes = await (await t.login("xulydon")).get("/api/deadlines/changes");
      assert.equal(changes.body.items[0].newDue, "2026-12-22");
      const audit = await admin.get("/api/audit?action=calendar.updated");
      assert.equal(audit.body.total, 1);
      assert.equal((await verifyAuditChain(kdb)).ok, true);
    });

    test("a malformed or duplicated calendar is refused and nothing is saved", async () => {
      const before = (await admin.get("/api/calendar/2026")).body;
      const dup = await admin.put("/api/calendar/2026", {
        source: "X",
        days: [
          { date: "2026-01-01", kind: "holiday", name: "Tết Dương lịch" },
          { date: "2026-01-01", kind: "holiday", name: "Trùng" },
        ],
      });
      assert.equal(dup.status, 400);
      assert.match(dup.body.message, /trùng/);
      const bad = await admin.put("/api/calendar/2026", {
        source: "X",
        days: [{ date: "2026-02-30", kind: "holiday", name: "Sai" }],
      });
      assert.equal(bad.status, 400);
      assert.match(bad.body.message, /2026-02-30/);
      const wrongYear = await admin.put("/api/calendar/2026", {
        source: "X",
        days: [{ date: "2027-01-01", kind: "holiday", name: "Năm khác" }],
      });
      assert.equal(wrongYear.status, 400);
      const after = (await admin.get("/api/calendar/2026")).body;
      assert.deepEqual(after.days, before.days);
      assert.equal(after.version, before.version);
    });

    test("only calendar managers change the calendar", async () => {
      const leader = await t.login("lanhdao");
      const res = await leader.put("/api/calendar/2026", { source: "X", days: [] });
      assert.equal(res.status, 403);
    });
  });
}
