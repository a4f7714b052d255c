/**
 * The home page's figures (the officers' path: the dashboard said "1 overdue" while 62 petitions
 * were overdue, because it counted cases only). On both databases with the demo's petitions and
 * visits: each petition and reception figure is the total of the list its tile opens, a department
 * officer sees only their department's, and a resolver newly assigned a case is told at once, not
 * only when its due date comes near.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { PETITION_OPEN_STATES as OPEN_PETITION_STATES, todayInVietnam } from "@minhbach/domain";
import { addDays } from "@minhbach/domain/legal-clock";
import { startTestApp, testDatabases, type TestApp, type TestClient } from "../src/testing.ts";
import { proposedPetition } from "./support/petitions.ts";

for (const db of testDatabases()) {
  describe(`home page figures (${db.kind})`, () => {
    let t: TestApp;
    let leader: TestClient;
    const today = todayInVietnam();
    const weekStart = addDays(today, -6);

    before(async () => {
      t = await startTestApp({ db, listen: false, demoPetitions: true });
      leader = await t.login("lanhdao");
    });
    after(() => t.close());

    const total = async (who: TestClient, url: string) => {
      const res = await who.get(url);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      return res.body.total as number;
    };

    test("petitions: open, overdue, due soon and new this week are the totals of their lists", async () => {
      const res = await leader.get("/api/petitions/overview");
      assert.equal(res.status, 200, JSON.stringify(res.body));
      const o = res.body;
      assert.equal(o.weekStart, weekStart);
      assert.equal(o.open.n, await total(leader, `/api/petitions?pageSize=1&status=${OPEN_PETITION_STATES.join(",")}`));
      assert.equal(o.overdue.n, await total(leader, "/api/petitions?pageSize=1&overdue=true"));
      assert.equal(o.dueSoon.n, await total(leader, "/api/petitions?pageSize=1&dueSoon=true"));
      assert.equal(o.newThisWeek.n, await total(leader, `/api/petitions?pageSize=1&from=${weekStart}&to=${today}`));
      assert.ok(o.open.n > 0 && o.overdue.n > 0, JSON.stringify(o));
      // More overdue petitions than the cases' one: the figure the dashboard used to show alone.
      const cases = (await leader.get("/api/cases/dashboard?days=7")).body;
      assert.ok(o.overdue.n > cases.overdue, `${o.overdue.n} petitions vs ${cases.overdue} cases overdue`);
    });

    test("reception: this week, being received and crowds are the totals of their lists", async () => {
      const res = await leader.get("/api/reception/overview");
      assert.equal(res.status, 200, JSON.stringify(res.body));
      const o = res.body;
      assert.equal(o.thisWeek, await total(leader, `/api/reception/visits?pageSize=1&from=${weekStart}&to=${today}`));
      assert.equal(o.open, await total(leader, "/api/reception/visits?pageSize=1&status=OPEN"));
      assert.equal(
        o.crowdThisWeek,
        await total(leader, `/api/reception/visits?pageSize=1&from=${weekStart}&to=${today}&crowd=true`),
      );
    });

    test("another department's officer counts only their own; a user without the right gets 403", async () => {
      const other = await t.login("xulydon.snnmt");
      const theirs = (await other.get("/api/petitions/overview")).body;
      assert.equal(
        theirs.open.n,
        await total(other, `/api/petitions?pageSize=1&status=${OPEN_PETITION_STATES.join(",")}`),
      );
      const mine = (await leader.get("/api/petitions/overview")).body;
      assert.notEqual(theirs.open.n, mine.open.n);
      const admin = await t.login("admin.snnmt");
      assert.equal((await admin.get("/api/reception/overview")).status, 403);
    });

    test("a case assigned today is on the resolver's reminders at once, though due later than the week", async () => {
      const handler = await t.login("xulydon");
      const resolver = await t.login("xacminh2");
      const resolverId = (await resolver.get("/api/auth/me")).body.user.id;
      const petition = await proposedPetition(
        handler,
        {
          channel: "post",
          receivedOn: today,
          petitioners: [{ kind: "person", fullName: "Hà Thị Lụa", address: "xã Bảo Yên, tỉnh Lào Cai" }],
          respondents: [{ name: "Chi cục Quản lý thị trường" }],
          content: "Tôi khiếu nại Quyết định xử phạt số 77/QĐ-XPHC ngày 20/11/2026 đối với cửa hàng của tôi.",
        },
        "complaint",
        today,
      );
      const before = (await resolver.get("/api/cases/reminders?days=7")).body.items as { id: string }[];
      const opened = await leader.post("/api/cases", { petitionId: petition.id, instance: 1, assignees: [resolverId] });
      assert.equal(opened.status, 201, JSON.stringify(opened.body));
      assert.ok(opened.body.dueOn > addDays(today, 7), `due ${opened.body.dueOn}: beyond the week`);
      const items = (await resolver.get("/api/cases/reminders?days=7")).body.items as {
        id: string;
        newlyAssigned: boolean;
        assignedOn: string;
      }[];
      const mine = items.find((i) => i.id === opened.body.id);
      assert.ok(mine, "the new case is on the reminders");
      assert.equal(mine.newlyAssigned, true);
      assert.equal(mine.assignedOn, today);
      assert.ok(!before.some((i) => i.id === opened.body.id));
    });
  });
}
