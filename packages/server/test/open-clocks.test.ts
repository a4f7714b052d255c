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
  });
}
