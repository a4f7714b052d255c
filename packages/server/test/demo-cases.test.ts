/**
 * The demo's complaint and denunciation cases (seed/demo-cases.ts), on both databases: a fresh demo
 * start has them, the leader lists them and the dashboard counts them, each one opens and its state
 * and due date agree with its facts, and seeding again changes nothing.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { todayInVietnam } from "@minhbach/domain";
import { addDays } from "@minhbach/domain/legal-clock";
import { seedDemoCases } from "../src/seed/demo-cases.ts";
import { startTestApp, testDatabases, type TestApp, type TestClient } from "../src/testing.ts";

interface ListItem {
  id: string;
  code: string;
  kind: "complaint" | "denunciation";
  state: string;
  dueOn: string | null;
  holder: string | null;
}

for (const db of testDatabases()) {
  describe(`demo cases (${db.kind})`, () => {
    let t: TestApp;
    let leader: TestClient;
    let resolver: TestClient;
    let items: ListItem[];
    const today = todayInVietnam();

    before(async () => {
      t = await startTestApp({ db, listen: false, demoPetitions: true });
      leader = await t.login("lanhdao");
      resolver = await t.login("xacminh");
      const list = await leader.get("/api/cases?pageSize=100&sort=due_on&order=asc");
      assert.equal(list.status, 200, JSON.stringify(list.body));
      items = list.body.items;
    });
    after(() => t.close());

    test("a demo start has three complaints and three denunciations, all assigned to xacminh", () => {
      assert.equal(items.length, 6);
      const states = (kind: string) =>
        items
          .filter((i) => i.kind === kind)
          .map((i) => i.state)
          .sort();
      assert.deepEqual(states("complaint"), ["AWAITING_ACCEPTANCE", "DECIDED", "VERIFYING"]);
      assert.deepEqual(states("denunciation"), ["INITIAL_PROCESSING", "VERIFYING", "VERIFYING"]);
      for (const i of items) {
        assert.equal(i.holder, "Phạm Thu Hằng");
        assert.match(i.code, i.kind === "complaint" ? /^KN-LC\.SCT-/ : /^TC-LC\.SCT-/);
      }
    });

    test("the dashboard counts them; one is overdue, one complaint is due within days", async () => {
      const dashboard = await leader.get("/api/cases/dashboard?days=7");
      assert.equal(dashboard.status, 200, JSON.stringify(dashboard.body));
      assert.equal(dashboard.body.open, 6);
      assert.deepEqual(dashboard.body.byKind, { complaint: 3, denunciation: 3 });
      assert.equal(dashboard.body.overdue, 1);
      assert.ok(dashboard.body.dueSoon >= 1, JSON.stringify(dashboard.body));
      const hang = dashboard.body.perResolver.find((r: { name: string }) => r.name === "Phạm Thu Hằng");
      assert.equal(hang?.open, 6);
      assert.equal(hang?.overdue, 1);
      const overdue = items.filter((i) => i.dueOn !== null && i.dueOn < today);
      assert.equal(overdue.length, 1);
      assert.equal(overdue[0]!.kind, "denunciation");
      const verifying = items.find((i) => i.kind === "complaint" && i.state === "VERIFYING")!;
      assert.ok(verifying.dueOn! >= today && verifying.dueOn! <= addDays(today, 7), verifying.dueOn!);
      const reminders = await resolver.get("/api/cases/reminders?days=7");
      assert.equal(reminders.status, 200);
      assert.ok(reminders.body.items.some((r: { overdue: boolean }) => r.overdue));
    });

    test("every case opens, its due date is its running deadline's, no date is later than today", async () => {
      for (const item of items) {
        const res = await resolver.get(`/api/cases/${item.id}`);
        assert.equal(res.status, 200, JSON.stringify(res.body));
        const c = res.body;
        assert.equal(c.state, item.state);
        assert.equal(c.dueOn, c.mainDeadline?.due ?? null, `${c.code}: list due date vs running deadline`);
        assert.ok(c.receivedOn <= today);
        if (c.acceptedOn) assert.ok(c.receivedOn <= c.acceptedOn && c.acceptedOn <= today, c.code);
        for (const h of c.facts.history as { on: string }[]) assert.ok(h.on <= today, `${c.code}: ${h.on}`);
        assert.ok(c.allowedActions.length > 0, `${c.code}: the resolver can go on`);
        if (c.kind === "denunciation") assert.equal(c.petitioner, "Người tố cáo (thông tin được bảo mật)");
        const open = c.deadlines.filter((d: { open: boolean }) => d.open);
        if (c.state === "DECIDED") {
          assert.equal(c.dueOn, null);
          assert.equal(c.outcome, "right");
          assert.ok(c.documents.some((d: { formCode: string }) => d.formCode === "KN-QD"));
        } else {
          assert.equal(open.length, 1, `${c.code}: one running clock`);
          assert.equal(open[0].due, c.dueOn);
        }
      }
      const extended = await Promise.all(
        items
          .filter((i) => i.kind === "denunciation")
          .map(async (i) => (await resolver.get(`/api/cases/${i.id}`)).body),
      );
      const complex = extended.filter((c) => c.facts.extensions.length === 1);
      assert.equal(complex.length, 1);
      assert.deepEqual(complex[0].facts.complexityCriteria, ["a", "c"]);
      assert.ok(complex[0].dueOn > today);
    });

    test("seeding again does nothing", async () => {
      assert.equal(await seedDemoCases(t.system.database.db), 0);
      assert.equal((await leader.get("/api/cases?pageSize=100")).body.total, 6);
    });
  });
}
