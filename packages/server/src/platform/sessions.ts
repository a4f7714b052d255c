/**
 * Server-side sessions. The browser holds a random token in an httpOnly, SameSite=Strict
 * cookie; the database holds its SHA-256, the user and a CSRF token. A session slides forward
 * while used (idle limit) and ends at an absolute limit whatever happens.
 */
import { createHash, randomBytes } from "node:crypto";
import { grantsOf, isRoleCode } from "@minhbach/domain";
import type { FastifyInstance, FastifyReply } from "fastify";
import type { Kysely } from "kysely";
import type { DB } from "../db/schema.ts";
import type { AuthContext } from "./access.ts";

export const SESSION_COOKIE = "mb_session";
const IDLE_MS = 8 * 60 * 60 * 1000;
const ABSOLUTE_MS = 24 * 60 * 60 * 1000;
const TOUCH_EVERY_MS = 60 * 1000;

function digest(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export interface NewSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

export async function createSession(
  db: Kysely<DB>,
  userId: string,
  clientIp: string | null,
  userAgent: string | null,
): Promise<NewSession> {
  const token = randomBytes(32).toString("base64url");
  const csrfToken = randomBytes(24).toString("base64url");
  const expiresAt = new Date(Date.now() + IDLE_MS);
  await db
    .insertInto("user_session")
    .values({
      id: digest(token),
      user_id: userId,
      csrf_token: csrfToken,
      expires_at: expiresAt,
      client_ip: clientIp,
      // Text in PostgreSQL cannot hold U+0000, which a header sent through a proxy might carry.
      user_agent: userAgent?.replaceAll("\u0000", "").slice(0, 300) ?? null,
    })
    .execute();
  return { token, csrfToken, expiresAt };
}

export async function destroySession(db: Kysely<DB>, sessionId: string): Promise<void> {
  await db.deleteFrom("user_session").where("id", "=", sessionId).execute();
}

export async function destroyUserSessions(db: Kysely<DB>, userId: string, except?: string): Promise<void> {
  let query = db.deleteFrom("user_session").where("user_id", "=", userId);
  if (except) query = query.where("id", "<>", except);
  await query.execute();
}

export function setSessionCookie(reply: FastifyReply, token: string, secure: boolean): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: "/",
    httpOnly: true,
    sameSite: "strict",
    secure,
    maxAge: ABSOLUTE_MS / 1000,
  });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(SESSION_COOKIE, { path: "/", httpOnly: true, sameSite: "strict", secure });
}

/** Loads the session named by the cookie, if any and still valid, into `request.auth`. */
export function registerSessionLoader(app: FastifyInstance, db: Kysely<DB>): void {
  app.decorateRequest("auth", null);
  app.addHook("onRequest", async (request) => {
    if (!request.url.startsWith("/api/")) return;
    const token = request.cookies[SESSION_COOKIE];
    if (!token || token.length > 100) return;
    const id = digest(token);
    const row = await db
      .selectFrom("user_session as s")
      .innerJoin("app_user as u", "u.id", "s.user_id")
      .innerJoin("agency as a", "a.id", "u.agency_id")
      .select([
        "s.id",
        "s.csrf_token",
        "s.created_at",
        "s.last_seen_at",
        "s.expires_at",
        "u.id as user_id",
        "u.username",
        "u.full_name",
        "u.agency_id",
        "a.path as agency_path",
        "u.roles",
        "u.disabled",
      ])
      .where("s.id", "=", id)
      .executeTakeFirst();
    if (!row) return;
    const now = Date.now();
    const expired =
      new Date(row.expires_at).getTime() <= now || new Date(row.created_at).getTime() + ABSOLUTE_MS <= now;
    if (expired || row.disabled) {
      await destroySession(db, id);
      return;
    }
    if (now - new Date(row.last_seen_at).getTime() > TOUCH_EVERY_MS) {
      const expiresAt = new Date(Math.min(now + IDLE_MS, new Date(row.created_at).getTime() + ABSOLUTE_MS));
      await db
        .updateTable("user_session")
        .set({ last_seen_at: new Date(now), expires_at: expiresAt })
        .where("id", "=", id)
        .execute();
    }
    const roles = row.roles.filter(isRoleCode);
    const auth: AuthContext = {
      sessionId: id,
      csrfToken: row.csrf_token,
      userId: row.user_id,
      username: row.username,
      fullName: row.full_name,
      agencyId: row.agency_id,
      agencyPath: row.agency_path,
      roles,
      grants: grantsOf(roles),
    };
    request.auth = auth;
  });
}
