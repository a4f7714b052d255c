/**
 * Login, logout and password changes. A wrong password and an unknown user get the same answer
 * in the same time; five failures in a row lock the account for fifteen minutes.
 */
import { grantsOf, isRoleCode } from "@minhbach/domain";
import type { Me } from "@minhbach/domain/api/auth";
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import type { AuthContext } from "../../platform/access.ts";
import { recordAudit, type Actor } from "../../platform/audit.ts";
import { fail } from "../../platform/errors.ts";
import { burnVerifyTime, hashPassword, verifyPassword } from "../../platform/passwords.ts";
import { createSession, destroySession, destroyUserSessions, type NewSession } from "../../platform/sessions.ts";

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

export interface LoginResult {
  session: NewSession;
  userId: string;
}

export async function login(
  db: Kysely<DB>,
  input: { username: string; password: string },
  client: { ip: string | null; userAgent: string | null },
): Promise<LoginResult> {
  const username = input.username.trim().toLowerCase();
  const user = await db.selectFrom("app_user").selectAll().where("username", "=", username).executeTakeFirst();
  const actorOf = (u?: typeof user): Actor => ({
    userId: u?.id ?? null,
    name: u?.full_name ?? null,
    agencyId: u?.agency_id ?? null,
    clientIp: client.ip,
  });
  if (!user) {
    await burnVerifyTime(input.password);
    await db.transaction().execute((trx) =>
      recordAudit(trx, actorOf(), {
        action: "auth.login_failed",
        entityType: "user",
        summary: { username, reason: "unknown_user" },
      }),
    );
    fail("INVALID_CREDENTIALS");
  }
  if (user.locked_until && new Date(user.locked_until).getTime() > Date.now()) {
    await burnVerifyTime(input.password);
    fail("ACCOUNT_LOCKED");
  }
  const valid = await verifyPassword(user.password_hash, input.password);
  if (!valid || user.disabled) {
    await db.transaction().execute(async (trx) => {
      const failed = valid ? user.failed_logins : user.failed_logins + 1;
      const lock = failed >= MAX_FAILED_LOGINS;
      await trx
        .updateTable("app_user")
        .set({
          failed_logins: lock ? 0 : failed,
          locked_until: lock ? new Date(Date.now() + LOCK_MINUTES * 60_000) : user.locked_until,
        })
        .where("id", "=", user.id)
        .execute();
      await recordAudit(trx, actorOf(user), {
        action: lock ? "auth.locked" : "auth.login_failed",
        entityType: "user",
        entityId: user.id,
        summary: { username, reason: user.disabled ? "disabled" : "wrong_password", failedLogins: failed },
      });
    });
    fail("INVALID_CREDENTIALS");
  }
  return db.transaction().execute(async (trx) => {
    await trx
      .updateTable("app_user")
      .set({ failed_logins: 0, locked_until: null, last_login_at: new Date() })
      .where("id", "=", user.id)
      .execute();
    const session = await createSession(trx, user.id, client.ip, client.userAgent);
    await recordAudit(trx, actorOf(user), {
      action: "auth.login",
      entityType: "user",
      entityId: user.id,
      summary: { username },
    });
    return { session, userId: user.id };
  });
}

export async function logout(db: Kysely<DB>, auth: AuthContext, actor: Actor): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await destroySession(trx, auth.sessionId);
    await recordAudit(trx, actor, { action: "auth.logout", entityType: "user", entityId: auth.userId });
  });
}

export async function describeMe(db: Kysely<DB>, userId: string, csrfToken: string): Promise<Me> {
  const row = await db
    .selectFrom("app_user as u")
    .innerJoin("agency as a", "a.id", "u.agency_id")
    .select([
      "u.id",
      "u.username",
      "u.full_name",
      "u.email",
      "u.roles",
      "u.must_change_password",
      "a.id as agency_id",
      "a.code as agency_code",
      "a.name as agency_name",
    ])
    .where("u.id", "=", userId)
    .executeTakeFirst();
  if (!row) fail("UNAUTHENTICATED");
  const roles = row.roles.filter(isRoleCode);
  return {
    user: {
      id: row.id,
      username: row.username,
      fullName: row.full_name,
      email: row.email,
      roles,
      mustChangePassword: row.must_change_password,
    },
    agency: { id: row.agency_id, code: row.agency_code, name: row.agency_name },
    permissions: grantsOf(roles),
    csrfToken,
  };
}

export async function changePassword(
  db: Kysely<DB>,
  auth: AuthContext,
  actor: Actor,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const user = await db
    .selectFrom("app_user")
    .select(["password_hash"])
    .where("id", "=", auth.userId)
    .executeTakeFirstOrThrow();
  if (!(await verifyPassword(user.password_hash, input.currentPassword)))
    fail("WRONG_CURRENT_PASSWORD", "currentPassword");
  if (input.currentPassword === input.newPassword) {
    fail("WEAK_PASSWORD", "newPassword", "Mật khẩu mới phải khác mật khẩu hiện tại.");
  }
  const hash = await hashPassword(input.newPassword);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("app_user")
      .set((eb) => ({
        password_hash: hash,
        must_change_password: false,
        password_changed_at: new Date(),
        updated_at: new Date(),
        version: eb("version", "+", 1),
      }))
      .where("id", "=", auth.userId)
      .execute();
    // Other sessions of this user end: a changed password must lock out whoever else had it.
    await destroyUserSessions(trx, auth.userId, auth.sessionId);
    await recordAudit(trx, actor, { action: "user.password_changed", entityType: "user", entityId: auth.userId });
  });
}
