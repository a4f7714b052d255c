/**
 * Enforcement of a case's decision (modules/cases/enforcement.ts), on both databases: who may
 * record it, the order of its steps, amounts within what the decision orders, dates neither in
 * the future nor before the decision, each refused with a Vietnamese message naming the field and
 * nothing half-saved; every write audited.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { startTestApp, testDatabases, type TestApp, type TestClient } from "../src/testing.ts";
import { caseWithDecision, NOTHING } from "./support/enforcement-world.ts";

for (const db of testDatabases()) {
  describe(`enforcement of a case's decision (${db.kind})`, () => {
    let t: TestApp;
    let resolver: TestClient;
    let officer: TestClient;
    let other: TestClient;
    const ids: Record<string, string> = {};

    before(async () => {
      t = await startTestApp({ db, listen: false });
      const kdb = t.system.database.db;
      const sct = (await kdb.selectFrom("agency").select("id").where("code", "=", "LC.SCT").executeTakeFirstOrThrow())
        .id;
      ids.assigned = await caseWithDecision(kdb, sct, "A1", "complaint", "2023-01-10", "xacminh");
      ids.notAssigned = await caseWithDecision(kdb, sct, "A2", "complaint", "2023-01-10", "xacminh2");
      ids.undecided = await caseWithDecision(kdb, sct, "A3", "complaint", null, "xacminh");
      ids.denunciation = await caseWithDecision(kdb, sct, "A4", "denunciation", "2023-02-01");
      // The follow-up officer of the Department, the demo account (a role of its own: case.read and
      // case.enforce).
      resolver = await t.login("xacminh");
      officer = await t.login("thihanh");
      other = await t.login("xulydon.snnmt");
    });
    after(() => t?.close());

    const plan = {
      responsible: "UBND xã Bắc Hà",
      dueOn: "2023-03-31",
      ...NOTHING,
      moneyToState: 10_000_000,
      landToOthers: 120.5,
    };

    test("the assigned resolver records what the decision orders; the view shows what is left", async () => {
      const res = await resolver.post(`/api/cases/${ids.assigned}/enforcement`, plan);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.deepEqual(res.body.decision, { on: "2023-01-10", number: "A1/QĐ-SCT" });
      assert.equal(res.body.record.state, "not_started");
      assert.equal(res.body.record.due.moneyToState, 10_000_000);
      assert.equal(res.body.record.outstanding.landToOthers, 120.5);
      assert.equal(res.body.canWrite, true);
      const again = await resolver.post(`/api/cases/${ids.assigned}/enforcement`, plan);
      assert.equal(again.status, 409);
      assert.equal(again.body.code, "ENFORCEMENT_EXISTS");
    });

    test("steps in order, amounts within the decision, dates checked: each error names its field", async () => {
      const base = `/api/cases/${ids.assigned}/enforcement`;
      let version = (await resolver.get(base)).body.record.version;
      const step = (body: Record<string, unknown>) =>
        resolver.post(`${base}/steps`, { version, ...NOTHING, kind: "partial", onDate: "2023-01-20", ...body });

      const first = await step({ kind: "partial" });
      assert.equal(first.status, 409);
      assert.equal(first.body.code, "ENFORCEMENT_STEP_ORDER");
      assert.equal(first.body.field, "kind");
      assert.match(first.body.message, /Bước đầu tiên phải là bắt đầu/);

      const future = await step({ kind: "started", onDate: "2099-01-01" });
      assert.equal(future.status, 400);
      assert.equal(future.body.field, "onDate");
      assert.match(future.body.message, /sau ngày hôm nay/);

      const early = await step({ kind: "started", onDate: "2023-01-09" });
      assert.equal(early.status, 400);
      assert.equal(early.body.field, "onDate");
      assert.match(early.body.message, /10\/01\/2023/);

      const over = await step({ kind: "started", moneyToState: 10_000_001 });
      assert.equal(over.status, 400);
      assert.equal(over.body.code, "ENFORCEMENT_OVER_DUE");
      assert.equal(over.body.field, "moneyToState");
      assert.match(over.body.message, /10\.000\.001 đồng.*10\.000\.000 đồng/);

      const negative = await step({ kind: "started", moneyToState: -5 });
      assert.equal(negative.status, 400);
      assert.equal(negative.body.field, "moneyToState");
      assert.match(negative.body.message, /không được âm/);

      const fraction = await step({ kind: "started", moneyToState: 1.5 });
      assert.equal(fraction.status, 400);
      assert.equal(fraction.body.field, "moneyToState");

      // None of the refused steps was kept.
      const still = await resolver.get(base);
      assert.equal(still.body.record.steps.length, 0);
      assert.equal(still.body.record.version, version);

      const started = await step({ kind: "started", moneyToState: 4_000_000 });
      assert.equal(started.status, 200, JSON.stringify(started.body));
      assert.equal(started.body.record.state, "in_progress");
      assert.equal(started.body.record.startedOn, "2023-01-20");
      version = started.body.record.version;

      const stale = await resolver.post(`${base}/steps`, {
        ...NOTHING,
        version: version - 1,
        kind: "partial",
        onDate: "2023-02-01",
      });
      assert.equal(stale.status, 409);
      assert.equal(stale.body.code, "VERSION_CONFLICT");

      const secondStart = await step({ kind: "started", onDate: "2023-02-01" });
      assert.equal(secondStart.body.code, "ENFORCEMENT_STEP_ORDER");

      const before = await step({ kind: "partial", onDate: "2023-01-15" });
      assert.equal(before.status, 400);
      assert.equal(before.body.field, "onDate");
      assert.match(before.body.message, /20\/01\/2023/);

      // 4.000.000 + 6.000.001 exceeds 10.000.000 by one đồng.
      const cumulative = await step({ kind: "partial", onDate: "2023-02-01", moneyToState: 6_000_001 });
      assert.equal(cumulative.body.code, "ENFORCEMENT_OVER_DUE");
      assert.equal(cumulative.body.field, "moneyToState");

      const land = await step({ kind: "partial", onDate: "2023-02-01", landToOthers: 120.51 });
      assert.equal(land.body.field, "landToOthers");

      // Done while land is still to return: the reason is required.
      const unexplained = await step({ kind: "done", onDate: "2023-02-01", moneyToState: 6_000_000 });
      assert.equal(unexplained.status, 400);
      assert.equal(unexplained.body.code, "ENFORCEMENT_DONE_UNEXPLAINED");
      assert.equal(unexplained.body.field, "evidence");

      const done = await step({
        kind: "done",
        onDate: "2023-02-01",
        moneyToState: 6_000_000,
        landToOthers: 120.5,
        evidence: "Biên lai nộp ngân sách số 12",
      });
      assert.equal(done.status, 200, JSON.stringify(done.body));
      assert.equal(done.body.record.state, "done");
      assert.equal(done.body.record.doneOn, "2023-02-01");
      assert.equal(done.body.record.done.moneyToState, 10_000_000);
      assert.equal(done.body.record.outstanding.landToOthers, 0);
      assert.deepEqual(
        done.body.record.steps.map((s: { kind: string }) => s.kind),
        ["started", "done"],
      );
      version = done.body.record.version;

      const afterDone = await step({ kind: "partial", onDate: "2023-02-02" });
      assert.equal(afterDone.body.code, "ENFORCEMENT_STEP_ORDER");

      // Correcting the plan below what was done is refused.
      const lower = await resolver.put(base, { ...plan, version, moneyToState: 9_000_000 });
      assert.equal(lower.status, 400);
      assert.equal(lower.body.field, "moneyToState");

      const audit = await t.system.database.db
        .selectFrom("audit_event")
        .select("action")
        .where("entity_id", "=", ids.assigned!)
        .where("action", "like", "case.enforcement.%")
        .orderBy("id")
        .execute();
      assert.deepEqual(
        audit.map((a) => a.action),
        ["case.enforcement.created", "case.enforcement.step", "case.enforcement.step"],
      );
    });

    test("a resolver not assigned to the case may read but not record; the follow-up officer may", async () => {
      const refused = await resolver.post(`/api/cases/${ids.notAssigned}/enforcement`, plan);
      assert.equal(refused.status, 403);
      assert.equal(refused.body.code, "ENFORCEMENT_NOT_ALLOWED");
      const read = await resolver.get(`/api/cases/${ids.notAssigned}/enforcement`);
      assert.equal(read.status, 200);
      assert.equal(read.body.canWrite, false);
      assert.equal(read.body.record, null);
      const byOfficer = await officer.post(`/api/cases/${ids.notAssigned}/enforcement`, plan);
      assert.equal(byOfficer.status, 200, JSON.stringify(byOfficer.body));
      assert.equal(byOfficer.body.canWrite, true);
      const denunciation = await officer.post(`/api/cases/${ids.denunciation}/enforcement`, {
        ...plan,
        dueOn: null,
        landToOthers: 0,
        investigationMatters: 1,
        investigationPersons: 2,
      });
      assert.equal(denunciation.status, 200, JSON.stringify(denunciation.body));
      assert.deepEqual(denunciation.body.decision, { on: "2023-02-01", number: "A4/QĐ-XL" });
    });

    test("no decision yet, a due date before the decision, another agency: refused", async () => {
      const undecided = await resolver.post(`/api/cases/${ids.undecided}/enforcement`, plan);
      assert.equal(undecided.status, 409);
      assert.equal(undecided.body.code, "ENFORCEMENT_NO_DECISION");
      const early = await officer.post(`/api/cases/${ids.assigned}/enforcement`, plan);
      assert.equal(early.status, 409);
      const dueBefore = await resolver.post(`/api/cases/${ids.undecided}/enforcement`, {
        ...plan,
        dueOn: "2022-01-01",
      });
      assert.equal(dueBefore.status, 409);
      const kdb = t.system.database.db;
      const sct = (await kdb.selectFrom("agency").select("id").where("code", "=", "LC.SCT").executeTakeFirstOrThrow())
        .id;
      const fresh = await caseWithDecision(kdb, sct, "A5", "complaint", "2023-05-10");
      const due = await officer.post(`/api/cases/${fresh}/enforcement`, { ...plan, dueOn: "2023-05-09" });
      assert.equal(due.status, 400);
      assert.equal(due.body.field, "dueOn");
      assert.match(due.body.message, /10\/05\/2023/);
      const outside = await other.get(`/api/cases/${ids.assigned}/enforcement`);
      assert.equal(outside.status, 403);
      const outsideWrite = await other.post(`/api/cases/${fresh}/enforcement`, plan);
      assert.equal(outsideWrite.status, 403);
      const anonymous = await t.anonymous().get(`/api/cases/${ids.assigned}/enforcement`);
      assert.equal(anonymous.status, 401);
    });
  });
}
