/** A signed-in user as platform/sessions.ts builds one, for the demo seeds' calls to the services (no session exists). */
import { grantsOf, isRoleCode } from "@minhbach/domain";
import type { Kysely } from "kysely";
import type { DB } from "../db/schema.ts";
import type { AuthContext } from "../platform/access.ts";

export async function authOf(db: Kysely<DB>, username: string): Promise<AuthContext | null> {
  const row = await db
    .selectFrom("app_user as u")
    .innerJoin("agency as a", "a.id", "u.agency_id")
    .select(["u.id", "u.username", "u.full_name", "u.agency_id", "a.path", "u.roles"])
    .where("u.username", "=", username)
    .where("u.disabled", "=", false)
    .executeTakeFirst();
  if (!row) return null;
  const roles = row.roles.filter(isRoleCode);
  return {
    sessionId: "demo-seed",
    csrfToken: "demo-seed",
    userId: row.id,
    username: row.username,
    fullName: row.full_name,
    agencyId: row.agency_id,
    agencyPath: row.path,
    roles,
    grants: grantsOf(roles),
  };
}
