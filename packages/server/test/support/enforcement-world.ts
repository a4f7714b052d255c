/**
 * Cases with an issued decision for the enforcement tests (case-enforcement.test.ts,
 * report-forms-05-06.test.ts): a petition received through the service, then a case stored with
 * the facts the enforcement reads (a complaint's decision, a denunciation's handling decision).
 */
import type { Kysely } from "kysely";
import type { DB } from "../../src/db/schema.ts";
import { receiveMany } from "../../src/modules/petitions/intake.ts";
import { SYSTEM_ACTOR } from "../../src/platform/audit.ts";

export async function caseWithDecision(
  kdb: Kysely<DB>,
  agencyId: string,
  key: string,
  kind: "complaint" | "denunciation",
  decidedOn: string | null,
  assignee?: string,
): Promise<string> {
  const [petition] = await receiveMany(kdb, SYSTEM_ACTOR, agencyId, [
    {
      channel: "post" as const,
      receivedOn: "2026-03-02",
      petitioners: [{ kind: "person" as const, fullName: `Người viết ${key}`, address: "xã Bắc Hà" }],
      anonymous: false,
      impersonated: false,
      respondents: [{ name: "Sở Công Thương" }],
      content: `Đơn của vụ việc ${key}.`,
      language: "vi" as const,
      attachments: [],
    },
  ]);
  await kdb.updateTable("petition").set({ kind }).where("id", "=", petition!.id).execute();
  const facts =
    kind === "complaint"
      ? { kind, decision: decidedOn ? { date: decidedOn, number: `${key}/QĐ-SCT` } : null, conclusionHandling: null }
      : {
          kind,
          decision: null,
          conclusionHandling: decidedOn ? { on: decidedOn, documentNumber: `${key}/QĐ-XL` } : null,
        };
  const row = await kdb
    .insertInto("resolution_case")
    .values({
      agency_id: agencyId,
      petition_id: petition!.id,
      code: `VV-${key}`,
      kind,
      instance: kind === "complaint" ? 1 : null,
      state: decidedOn ? "CLOSED" : "RESOLVING",
      facts: JSON.stringify(facts),
      received_on: "2022-10-01",
      accepted_on: "2022-10-05",
      title: `Vụ việc ${key}`,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  if (assignee) {
    const user = await kdb
      .selectFrom("app_user")
      .select("id")
      .where("username", "=", assignee)
      .executeTakeFirstOrThrow();
    await kdb.insertInto("case_assignment").values({ case_id: row.id, user_id: user.id, role: "lead" }).execute();
  }
  return row.id;
}

/** Nothing ordered or done: the bodies start from it. */
export const NOTHING = {
  moneyToState: 0,
  moneyToOthers: 0,
  landToState: 0,
  landToOthers: 0,
  discipline: 0,
  investigationMatters: 0,
  investigationPersons: 0,
  rightsRestored: 0,
};
