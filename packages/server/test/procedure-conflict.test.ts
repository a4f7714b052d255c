/**
 * The procedure kit (platform/procedure.ts) on its own: a step writes its row, its work, its
 * timeline event and its audit event together or not at all; a changed version is a
 * VERSION_CONFLICT; a locked step checks the version before its rule runs. The procedures that use
 * it are tested through their routes (cases.test.ts, reception.test.ts).
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { DomainError, encodePersonalId, todayInVietnam } from "@minhbach/domain";
import type { Kysely } from "kysely";
import type { DB } from "../src/db/schema.ts";
import { SYSTEM_ACTOR } from "../src/platform/audit.ts";
import { fail } from "../src/platform/errors.ts";
import { readTimeline, runStep, writeEvent, type Procedure, type Step } from "../src/platform/procedure.ts";
import { startTestApp, testDatabases, type TestApp, type TestClient } from "../src/testing.ts";

interface Row {
  id: string;
  version: number;
  notes: string | null;
}

/** A reception visit seen by the kit: only its notes move (no check constraint to meet). */
const VISIT: Procedure<"reception_visit", Row, string> = {
  table: "reception_visit",
  entityType: "reception_visit",
  async load(db, id, lock) {
    const query = db.selectFrom("reception_visit").select(["id", "version", "notes"]).where("id", "=", id);
    const row = await (lock ? query.forUpdate() : query).executeTakeFirst();
    if (!row) fail("NOT_FOUND");
    return row;
  },
};

const conflict = (e: unknown) => e instanceof DomainError && e.code === "VERSION_CONFLICT";

for (const db of testDatabases()) {
  describe(`procedure kit (${db.kind})`, () => {
    let t: TestApp;
    let kdb: Kysely<DB>;
    let tiepdan: TestClient;

    before(async () => {
      t = await startTestApp({ db, listen: false });
      kdb = t.system.database.db;
      tiepdan = await t.login("tiepdan");
    });
    after(() => t.close());

    async function newVisit(): Promise<Row> {
      const res = await tiepdan.post("/api/reception/visits", {
        kind: "regular",
        receivedOn: todayInVietnam(),
        receiverName: "Trần Thị Hoa",
        visitors: [
          {
            fullName: "Nguyễn Văn Bình",
            address: "Phường Lào Cai, tỉnh Lào Cai",
            identity: {
              kind: "cccd",
              number: encodePersonalId("010", 1975, "male", 123456),
              birthYear: 1975,
              gender: "male",
            },
          },
        ],
        peopleCount: 1,
        contentSummary: "Kiến nghị về việc cấp điện sinh hoạt cho khu dân cư mới",
        contentKind: "recommendation",
      });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      return VISIT.load(kdb, res.body.id);
    }

    const auditHead = async () =>
      Number((await kdb.selectFrom("audit_head").select("last_id").executeTakeFirstOrThrow()).last_id);

    /** A step writing `to` in the notes, recording the order its parts ran in. */
    function step(row: Row, to: string, calls: string[], over: Partial<Step<"reception_visit", Row, string, string>>) {
      return {
        id: row.id,
        version: row.version,
        authorize: async () => void calls.push("authorize"),
        transition: () => (calls.push("transition"), to),
        changes: () => (calls.push("changes"), { notes: to }),
        work: async () => (calls.push("work"), "done"),
        audit: (_row: Row, next: string, work: string) => ({
          action: "reception.visit.updated",
          summary: { from: _row.notes, to: next, work },
        }),
        ...over,
      } satisfies Step<"reception_visit", Row, string, string>;
    }

    test("a step writes the row under its version and audits it, in order", async () => {
      const row = await newVisit();
      const calls: string[] = [];
      const head = await auditHead();
      const result = await runStep(kdb, SYSTEM_ACTOR, VISIT, step(row, "HANDLED", calls, {}));
      assert.deepEqual(calls, ["authorize", "transition", "changes", "work"]);
      assert.deepEqual(result, { row, next: "HANDLED", work: "done" });
      const stored = await VISIT.load(kdb, row.id);
      assert.deepEqual(stored, { id: row.id, version: row.version + 1, notes: "HANDLED" });
      const audit = await kdb.selectFrom("audit_event").selectAll().where("id", ">", head).execute();
      assert.equal(audit.length, 1);
      assert.equal(audit[0]!.action, "reception.visit.updated");
      assert.equal(audit[0]!.entity_type, "reception_visit");
      assert.equal(audit[0]!.entity_id, row.id);
      assert.deepEqual(audit[0]!.summary, { from: null, to: "HANDLED", work: "done" });

      const first: string[] = [];
      await runStep(kdb, SYSTEM_ACTOR, VISIT, step(stored, "FOLLOWED_UP", first, { workFirst: true }));
      assert.deepEqual(first, ["authorize", "transition", "work", "changes"]);
    });

    test("a changed version is a VERSION_CONFLICT and leaves nothing behind", async () => {
      const row = await newVisit();
      const head = await auditHead();
      const calls: string[] = [];
      await assert.rejects(
        runStep(kdb, SYSTEM_ACTOR, VISIT, step({ ...row, version: row.version - 1 }, "HANDLED", calls, {})),
        conflict,
      );
      assert.equal(await auditHead(), head);
      assert.deepEqual(await VISIT.load(kdb, row.id), row);
    });

    test("a step failing after the write rolls the write back", async () => {
      const row = await newVisit();
      const head = await auditHead();
      await assert.rejects(
        runStep(
          kdb,
          SYSTEM_ACTOR,
          VISIT,
          step(row, "HANDLED", [], {
            work: async () => fail("VISIT_WRONG_STATE"),
          }),
        ),
        (e: unknown) => e instanceof DomainError && e.code === "VISIT_WRONG_STATE",
      );
      assert.equal(await auditHead(), head);
      assert.deepEqual(await VISIT.load(kdb, row.id), row);
    });

    test("a locked step checks the version before its rule runs", async () => {
      const row = await newVisit();
      const calls: string[] = [];
      await assert.rejects(
        runStep(kdb, SYSTEM_ACTOR, VISIT, step({ ...row, version: row.version + 1 }, "HANDLED", calls, { lock: true })),
        conflict,
      );
      assert.deepEqual(calls, ["authorize"], "the rule did not run");
      const ran: string[] = [];
      await runStep(kdb, SYSTEM_ACTOR, VISIT, step(row, "HANDLED", ran, { lock: true }));
      assert.deepEqual(ran, ["authorize", "transition", "changes", "work"]);
      assert.equal((await VISIT.load(kdb, row.id)).version, row.version + 1);
    });

    test("one event shape: written with defaults, read back in order", async () => {
      const handler = await t.login("xulydon");
      const created = await handler.post("/api/petitions", {
        channel: "post",
        receivedOn: todayInVietnam(),
        petitioners: [{ kind: "person", fullName: "Lương Văn Bình", address: "Xã Bảo Thắng, tỉnh Lào Cai" }],
        respondents: [{ name: "Giám đốc Sở Công Thương" }],
        content: "Tôi đề nghị xem xét việc cấp giấy phép kinh doanh cho cửa hàng của tôi đã quá hạn.",
        fieldCode: "CT.QUAN_LY_THI_TRUONG",
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const id = created.body.id as string;
      const before = await readTimeline(kdb, "petition", id);
      await kdb.transaction().execute(async (trx) => {
        await writeEvent(trx, "petition", id, SYSTEM_ACTOR, { action: "urge" });
        await writeEvent(trx, "petition", id, SYSTEM_ACTOR, {
          action: "record_feedback",
          from: "A",
          to: "B",
          data: { n: 1 },
        });
      });
      const timeline = await readTimeline(kdb, "petition", id);
      assert.equal(timeline.length, before.length + 2);
      const [noted, moved] = timeline.slice(-2);
      assert.deepEqual(
        { ...noted, at: undefined },
        {
          at: undefined,
          actorName: "Hệ thống",
          action: "urge",
          fromState: null,
          toState: null,
          data: {},
          documentId: null,
        },
      );
      assert.match(noted!.at, /^\d{4}-\d\d-\d\dT/);
      assert.deepEqual(
        [moved!.action, moved!.fromState, moved!.toState, moved!.data],
        ["record_feedback", "A", "B", { n: 1 }],
      );
      // The detail view reads the same timeline.
      const detail = (await handler.get(`/api/petitions/${id}`)).body;
      assert.deepEqual(
        detail.events.map((e: { action: string }) => e.action),
        timeline.map((e) => e.action),
      );
    });
  });
}
