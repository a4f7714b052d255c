/**
 * Demo data of inspections (issue 17): the accounts an Inspectorate needs (a head who decides and
 * signs, inspectors for a team) and a Department's inspector, then inspections at every step of
 * the procedure, with findings, sanctions, recommendations and partial recoveries across two years.
 */
import type { Kysely } from "kysely";
import type { RoleCode } from "@minhbach/domain";
import type { DB } from "../db/schema.ts";
import { SYSTEM_ACTOR } from "../platform/audit.ts";
import { insertUser } from "../modules/users/service.ts";
import { DEMO_PASSWORD } from "./demo.ts";

export const INSPECTION_ACCOUNTS: readonly { username: string; fullName: string; agency: string; roles: RoleCode[] }[] =
  [
    { username: "lanhdao.tt", fullName: "Lê Quang Vinh", agency: "LC.TT", roles: ["leader"] },
    { username: "thanhtra2", fullName: "Ngô Thị Thu", agency: "LC.TT", roles: ["inspector"] },
    { username: "thanhtra3", fullName: "Trương Văn Sơn", agency: "LC.TT", roles: ["inspector"] },
    { username: "thanhtra.sct", fullName: "Mai Xuân Trường", agency: "LC.SCT", roles: ["inspector"] },
  ];

/** Creates the inspection accounts that are missing (idempotent). */
export async function ensureInspectionUsers(db: Kysely<DB>): Promise<number> {
  let created = 0;
  for (const account of INSPECTION_ACCOUNTS) {
    const existing = await db
      .selectFrom("app_user")
      .select("id")
      .where("username", "=", account.username)
      .executeTakeFirst();
    if (existing) continue;
    const agency = await db.selectFrom("agency").select("id").where("code", "=", account.agency).executeTakeFirst();
    if (!agency) continue;
    await insertUser(db, SYSTEM_ACTOR, {
      username: account.username,
      fullName: account.fullName,
      agencyId: agency.id,
      roles: account.roles,
      password: DEMO_PASSWORD,
      mustChangePassword: false,
    });
    created++;
  }
  return created;
}
