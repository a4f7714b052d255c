/**
 * Accounts. Administrators create, change and disable users inside their scope; passwords are
 * hashed with argon2id and never leave this module; a disabled user's sessions end at once.
 */
import { isRoleCode, type RoleCode } from "@minhbach/domain";
import type { CreateUserBody, UpdateUserBody, User, UserListQuery } from "@minhbach/domain/api/users";
import { sql, type Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import { assertAgencyInScope, inScope, type AuthContext } from "../../platform/access.ts";
import { recordAudit, type Actor } from "../../platform/audit.ts";
import { fail } from "../../platform/errors.ts";
import { hashPassword } from "../../platform/passwords.ts";
import { destroyUserSessions } from "../../platform/sessions.ts";

function baseQuery(db: Kysely<DB>) {
  return db
    .selectFrom("app_user as u")
    .innerJoin("agency as a", "a.id", "u.agency_id")
    .select([
      "u.id",
      "u.username",
      "u.full_name",
      "u.position",
      "u.email",
      "u.agency_id",
      "a.name as agency_name",
      "u.roles",
      "u.disabled",
      "u.last_login_at",
      "u.created_at",
      "u.version",
    ]);
}

type UserRow = Awaited<ReturnType<ReturnType<typeof baseQuery>["executeTakeFirstOrThrow"]>>;

function present(row: UserRow): User {
  return {
    id: row.id,
    username: row.username,
    fullName: row.full_name,
    position: row.position,
    email: row.email,
    agencyId: row.agency_id,
    agencyName: row.agency_name,
    roles: row.roles.filter(isRoleCode),
    disabled: row.disabled,
    lastLoginAt: row.last_login_at ? new Date(row.last_login_at).toISOString() : null,
    createdAt: new Date(row.created_at).toISOString(),
    version: row.version,
  };
}

const SORT_COLUMNS = {
  username: "u.username",
  fullName: "u.full_name",
  createdAt: "u.created_at",
  lastLoginAt: "u.last_login_at",
} as const;

export async function listUsers(db: Kysely<DB>, auth: AuthContext, query: UserListQuery) {
  if (query.agencyId) await assertAgencyInScope(db, auth, "user.read", query.agencyId, "agencyId");
  let q = baseQuery(db).where(inScope(auth, "user.read", "u.agency_id"));
  if (query.agencyId) q = q.where("u.agency_id", "=", query.agencyId);
  if (query.q) {
    const needle = `%${query.q.toLowerCase().replace(/[\\%_]/g, (c) => "\\" + c)}%`;
    q = q.where((eb) =>
      eb.or([
        eb(sql`f_unaccent(lower(u.full_name))`, "like", sql`f_unaccent(${needle})`),
        eb("u.username", "like", needle),
        eb(sql`lower(coalesce(u.email, ''))`, "like", needle),
      ]),
    );
  }
  if (query.role) q = q.where(sql<boolean>`${query.role} = any(u.roles)`);
  if (query.status) q = q.where("u.disabled", "=", query.status === "disabled");
  const countRow = await q
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  const rows = await q
    .orderBy(SORT_COLUMNS[query.sort], query.order)
    .orderBy("u.id")
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  return { items: rows.map(present), total: Number(countRow.n), page: query.page, pageSize: query.pageSize };
}

export async function getUser(db: Kysely<DB>, auth: AuthContext, id: string): Promise<User> {
  const row = await baseQuery(db).where("u.id", "=", id).executeTakeFirst();
  if (!row) fail("USER_NOT_FOUND");
  await assertAgencyInScope(db, auth, "user.read", row.agency_id);
  return present(row);
}

export async function createUser(
  db: Kysely<DB>,
  auth: AuthContext,
  actor: Actor,
  input: CreateUserBody,
): Promise<User> {
  await assertAgencyInScope(db, auth, "user.manage", input.agencyId, "agencyId");
  const id = await insertUser(db, actor, { ...input, mustChangePassword: true });
  return getUser(db, auth, id);
}

/** Shared by the API, the CLI and the demo seed: validates uniqueness, hashes, audits. */
export async function insertUser(
  db: Kysely<DB>,
  actor: Actor,
  input: {
    username: string;
    fullName: string;
    position?: string | null | undefined;
    email?: string | null | undefined;
    agencyId: string;
    roles: RoleCode[];
    password: string;
    mustChangePassword: boolean;
  },
): Promise<string> {
  const username = input.username.toLowerCase();
  const taken = await db.selectFrom("app_user").select("id").where("username", "=", username).executeTakeFirst();
  if (taken) fail("USERNAME_TAKEN", "username");
  const agency = await db.selectFrom("agency").select("id").where("id", "=", input.agencyId).executeTakeFirst();
  if (!agency) fail("AGENCY_NOT_FOUND", "agencyId");
  const passwordHash = await hashPassword(input.password);
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto("app_user")
      .values({
        username,
        full_name: input.fullName,
        position: input.position || null,
        email: input.email ?? null,
        agency_id: input.agencyId,
        roles: [...new Set(input.roles)],
        password_hash: passwordHash,
        must_change_password: input.mustChangePassword,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: "user.created",
      entityType: "user",
      entityId: row.id,
      summary: { after: { username, fullName: input.fullName, agencyId: input.agencyId, roles: input.roles } },
    });
    return row.id;
  });
}

export async function updateUser(
  db: Kysely<DB>,
  auth: AuthContext,
  actor: Actor,
  id: string,
  input: UpdateUserBody,
): Promise<User> {
  const before = await db.selectFrom("app_user").selectAll().where("id", "=", id).executeTakeFirst();
  if (!before) fail("USER_NOT_FOUND");
  await assertAgencyInScope(db, auth, "user.manage", before.agency_id);
  if (input.agencyId && input.agencyId !== before.agency_id) {
    await assertAgencyInScope(db, auth, "user.manage", input.agencyId, "agencyId");
  }
  if (input.disabled === true && id === auth.userId) fail("CANNOT_DISABLE_SELF", "disabled");
  const changes = {
    ...(input.fullName !== undefined ? { full_name: input.fullName } : {}),
    ...(input.position !== undefined ? { position: input.position || null } : {}),
    ...(input.email !== undefined ? { email: input.email } : {}),
    ...(input.agencyId !== undefined ? { agency_id: input.agencyId } : {}),
    ...(input.roles !== undefined ? { roles: [...new Set(input.roles)] } : {}),
    ...(input.disabled !== undefined ? { disabled: input.disabled } : {}),
  };
  await db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable("app_user")
      .set((eb) => ({ ...changes, updated_at: new Date(), version: eb("version", "+", 1) }))
      .where("id", "=", id)
      .where("version", "=", input.version)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) fail("VERSION_CONFLICT", "version");
    // Disabling, or changing roles or agency, takes effect now: the user signs in again.
    if (input.disabled === true || input.roles !== undefined || input.agencyId !== undefined) {
      await destroyUserSessions(trx, id);
    }
    await recordAudit(trx, actor, {
      action: input.disabled === true ? "user.disabled" : input.disabled === false ? "user.enabled" : "user.updated",
      entityType: "user",
      entityId: id,
      summary: {
        before: {
          fullName: before.full_name,
          position: before.position,
          email: before.email,
          agencyId: before.agency_id,
          roles: before.roles,
          disabled: before.disabled,
        },
        after: {
          fullName: input.fullName,
          position: input.position,
          email: input.email,
          agencyId: input.agencyId,
          roles: input.roles,
          disabled: input.disabled,
        },
      },
    });
  });
  return getUser(db, auth, id);
}

export async function resetPassword(
  db: Kysely<DB>,
  auth: AuthContext,
  actor: Actor,
  id: string,
  newPassword: string,
): Promise<void> {
  const user = await db.selectFrom("app_user").select(["agency_id"]).where("id", "=", id).executeTakeFirst();
  if (!user) fail("USER_NOT_FOUND");
  await assertAgencyInScope(db, auth, "user.manage", user.agency_id);
  const passwordHash = await hashPassword(newPassword);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("app_user")
      .set((eb) => ({
        password_hash: passwordHash,
        must_change_password: true,
        failed_logins: 0,
        locked_until: null,
        password_changed_at: new Date(),
        version: eb("version", "+", 1),
      }))
      .where("id", "=", id)
      .execute();
    await destroyUserSessions(trx, id);
    await recordAudit(trx, actor, { action: "user.password_reset", entityType: "user", entityId: id });
  });
}
