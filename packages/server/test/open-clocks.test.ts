/**
 * No matter is left without an owner and a due date: on a demo start (its generated petitions in
 * every state, its cases), every petition the body still has to act on has an open tracked
 * deadline, and every case not yet final has a holder and, unless its state stops or ends the clocks, an open
 * tracked deadline. The states are the domain's (PETITION_CLOSED_STATES, PETITION_OPEN_WITHOUT_CLOCK,
 * FINAL_STATES, CASE_OPEN_WITHOUT_CLOCK).
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import {
  CASE_OPEN_WITHOUT_CLOCK,
  FINAL_STATES,
  PETITION_CLOSED_STATES,
  PETITION_OPEN_WITHOUT_CLOCK,
} from "@minhbach/domain";
import { sql } from "kysely";
import { repairPetitionClocks } from "../src/modules/petitions/repair.ts";
import { proposedPetition } from "./support/petitions.ts";
import { startTestApp, testDatabases, type TestApp } from "../src/testing.ts";

for (const db of testDatabases()) {
  describe(`every open matter has a clock (${db.kind})`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp({ db, listen: false, demoPetitions: true });
    });
    after(() => t.close());

    const withoutClock = (table: "petition" | "resolution_case", entity: string, states: readonly string[]) =>
      t.system.database.db
        .selectFrom(table)
        .select(["code", "state"])
        .where("state", "not in", states as string[])
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom("tracked_deadline")
                .select("tracked_deadline.id")
                .where("tracked_deadline.entity_type", "=", entity)
                .where(sql<boolean>`tracked_deadline.entity_id = ${sql.ref(`${table}.id`)}::text`)
                .where("tracked_deadline.open", "=", true),
            ),
          ),
        )
        .orderBy("code")
        .execute();

    test("petitions: every open one has a running time limit", async () => {
      const open = await t.system.database.db
        .selectFrom("petition")
        .select(({ fn }) => fn.countAll<string>().as("n"))
        .where("state", "not in", [...PETITION_CLOSED_STATES])
        .executeTakeFirstOrThrow();
      assert.ok(Number(open.n) > 20, `the demo has open petitions (${open.n})`);
      const missing = await withoutClock("petition", "petition", [
        ...PETITION_CLOSED_STATES,
        ...Object.keys(PETITION_OPEN_WITHOUT_CLOCK),
      ]);
      assert.deepEqual(missing, []);
    });

    test("cases: every one not final has a holder and a running time limit", async () => {
      const missing = await withoutClock("resolution_case", "case", [
        ...FINAL_STATES,
        ...Object.keys(CASE_OPEN_WITHOUT_CLOCK),
      ]);
      assert.deepEqual(missing, []);
      const ownerless = await t.system.database.db
        .selectFrom("resolution_case")
        .select(["code", "state"])
        .where("state", "not in", [...FINAL_STATES])
        .where("holder_id", "is", null)
        .execute();
      assert.deepEqual(ownerless, []);
    });

    test("a petition an earlier version marked accepted without a case goes back to wait for its case, once", async () => {
      const db = t.system.database.db;
      const handler = await t.login("xulydon");
      const proposed = await proposedPetition(
        handler,
        {
          channel: "post",
          receivedOn: "2026-11-02",
          petitioners: [{ kind: "person", fullName: "Lương Văn Bình", address: "xã Bảo Thắng, tỉnh Lào Cai" }],
          respondents: [{ name: "Giám đốc Sở Công Thương" }],
          content:
            "Tôi khiếu nại Quyết định số 210/QĐ-SCT ngày 15/10/2026 xử phạt vi phạm hành chính cửa hàng của tôi.",
          fieldCode: "CT.QUAN_LY_THI_TRUONG",
        },
        "complaint",
        "2026-11-05",
      );
      // What the removed "Thụ lý giải quyết" step of a petition left behind: accepted, no case, no clock.
      // Acceptance is no longer a step of the petition: only opening its case accepts it.
      const step = await handler.post(`/api/petitions/${proposed.id}/accept`, {
        version: 3,
        decisionNumber: "1/TB-SCT",
        decisionDate: "2026-11-05",
      });
      assert.equal(step.status, 404, JSON.stringify(step.body));
      const { facts } = await db
        .selectFrom("petition")
        .select("facts")
        .where("id", "=", proposed.id)
        .executeTakeFirstOrThrow();
      await db
        .updateTable("petition")
        .set({ state: "ACCEPTED", facts: JSON.stringify({ ...(facts as object), status: "ACCEPTED" }) })
        .where("id", "=", proposed.id)
        .execute();
      await db
        .updateTable("tracked_deadline")
        .set({ open: false })
        .where("entity_type", "=", "petition")
        .where("entity_id", "=", proposed.id)
        .execute();
      await db.deleteFrom("app_setting").where("key", "=", "repair.petition_clocks.v1").execute();

      assert.deepEqual(await repairPetitionClocks(db), { reopened: 1, resynced: 0 });
      const row = await db.selectFrom("petition").selectAll().where("id", "=", proposed.id).executeTakeFirstOrThrow();
      assert.equal(row.state, "PROPOSED_FOR_ACCEPTANCE");
      assert.equal((row.facts as { status: string }).status, "PROPOSED_FOR_ACCEPTANCE");
      const clocks = await db
        .selectFrom("tracked_deadline")
        .select("rule_id")
        .where("entity_type", "=", "petition")
        .where("entity_id", "=", proposed.id)
        .where("open", "=", true)
        .execute();
      assert.ok(clocks.length > 0, "its acceptance clock runs again");
      const event = await db
        .selectFrom("petition_event")
        .select(["action", "from_state", "to_state"])
        .where("petition_id", "=", proposed.id)
        .orderBy("id", "desc")
        .executeTakeFirstOrThrow();
      assert.deepEqual(event, {
        action: "reopened_for_case",
        from_state: "ACCEPTED",
        to_state: "PROPOSED_FOR_ACCEPTANCE",
      });
      const audit = await db
        .selectFrom("audit_event")
        .select("action")
        .where("entity_id", "=", proposed.id)
        .where("action", "=", "petition.reopened_for_case")
        .execute();
      assert.equal(audit.length, 1);
      // Done once: a second start does not look again.
      assert.equal(await repairPetitionClocks(db), null);
    });
  });
}
