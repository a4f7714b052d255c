/**
 * Who may act on an inspection (issue 17): every step checks permission first. The decider is a
 * leader of the inspecting agency itself (người ra quyết định thanh tra); the team leader is the
 * member of the decision's team with that role; any inspector of the agency (inspection.write in
 * its scope) records the other steps. A member of the team who is not its leader may not edit the
 * conclusion's content (findings, recommendations).
 */
import type { Kysely } from "kysely";
import type { DB } from "../../../db/schema.ts";
import { assertAgencyInScope, can, type AuthContext } from "../../../platform/access.ts";
import { fail } from "../../../platform/errors.ts";
import type { StepActor } from "@minhbach/domain";

export interface Ownership {
  id: string;
  agency_id: string;
}

export function isDecider(auth: AuthContext, row: Ownership): boolean {
  return auth.roles.includes("leader") && auth.agencyId === row.agency_id && can(auth, "inspection.read");
}

export async function teamRoleOf(db: Kysely<DB>, inspectionId: string, userId: string) {
  const row = await db
    .selectFrom("inspection_member")
    .select("role")
    .where("inspection_id", "=", inspectionId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return row?.role ?? null;
}

/** Fails unless the user may take a step of this actor on the inspection. */
export async function assertActor(db: Kysely<DB>, auth: AuthContext, row: Ownership, actor: StepActor, field = "id") {
  if (actor === "decider") {
    await assertAgencyInScope(db, auth, "inspection.read", row.agency_id, field);
    if (!isDecider(auth, row)) fail("INSPECTION_NOT_DECIDER", field);
    return;
  }
  await assertAgencyInScope(db, auth, "inspection.write", row.agency_id, field);
  if (actor === "team_leader" && (await teamRoleOf(db, row.id, auth.userId)) !== "leader")
    fail("INSPECTION_NOT_TEAM_LEADER", field);
}
