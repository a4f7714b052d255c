/**
 * Who is asking and what they may do. Routes declare the permission they need in their config
 * (`config: { permission: "user.read" }`) and a hook enforces it before the handler runs; a route
 * without a permission must say `public: true`, or the server refuses to start. Agency scope is
 * checked in the service, where the target agency is known, with `assertAgencyInScope`.
 */
import { timingSafeEqual } from "node:crypto";
import type { Grant, Permission, RoleCode, Scope } from "@minhbach/domain";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { sql, type Kysely, type RawBuilder } from "kysely";
import type { DB } from "../db/schema.ts";
import type { Actor } from "./audit.ts";
import { fail } from "./errors.ts";

export interface AuthContext {
  sessionId: string;
  csrfToken: string;
  userId: string;
  username: string;
  fullName: string;
  agencyId: string;
  /** Materialised path of the user's agency ('/root/…/own/'). */
  agencyPath: string;
  roles: RoleCode[];
  grants: Grant[];
}

declare module "fastify" {
  interface FastifyRequest {
    auth: AuthContext | null;
  }
  interface FastifyContextConfig {
    /** The permission the route needs; "session" = any signed-in user. */
    permission?: Permission | "session";
    public?: boolean;
    /** Allow a state-changing request without the CSRF header (only login). */
    skipCsrf?: boolean;
  }
}

export function scopeOf(auth: AuthContext, permission: Permission): Scope | null {
  return auth.grants.find((g) => g.permission === permission)?.scope ?? null;
}

export function can(auth: AuthContext, permission: Permission): boolean {
  return scopeOf(auth, permission) !== null;
}

export function requireAuth(request: FastifyRequest): AuthContext {
  if (!request.auth) fail("UNAUTHENTICATED");
  return request.auth;
}

export function actorOf(request: FastifyRequest): Actor {
  return {
    userId: request.auth?.userId ?? null,
    name: request.auth?.fullName ?? null,
    agencyId: request.auth?.agencyId ?? null,
    clientIp: request.ip ?? null,
  };
}

/** The agency and all its descendants (at any time), by materialised path. */
export async function subtreeIds(db: Kysely<DB>, rootId: string): Promise<string[]> {
  const rows = await db
    .selectFrom("agency")
    .select("id")
    .where(
      "path",
      "like",
      db
        .selectFrom("agency")
        .select(sql<string>`path || '%'`.as("p"))
        .where("id", "=", rootId),
    )
    .execute();
  return rows.map((r) => r.id);
}

/** The agencies whose data the user may touch with this permission. */
export async function agenciesInScope(db: Kysely<DB>, auth: AuthContext, permission: Permission): Promise<string[]> {
  const scope = scopeOf(auth, permission);
  if (scope === null) return [];
  if (scope === "own") return [auth.agencyId];
  return subtreeIds(db, auth.agencyId);
}

/**
 * A WHERE condition keeping rows whose agency column is in the user's scope for this
 * permission, evaluated inside the query (one indexed prefix match, no id list sent).
 */
export function inScope(auth: AuthContext, permission: Permission, column: string): RawBuilder<boolean> {
  const scope = scopeOf(auth, permission);
  if (scope === null) return sql<boolean>`false`;
  if (scope === "own") return sql<boolean>`${sql.ref(column)} = ${auth.agencyId}`;
  return sql<boolean>`${sql.ref(column)} in (select id from agency where path like ${auth.agencyPath + "%"})`;
}

export async function assertAgencyInScope(
  db: Kysely<DB>,
  auth: AuthContext,
  permission: Permission,
  agencyId: string,
  field?: string,
): Promise<void> {
  const scope = scopeOf(auth, permission);
  if (scope === null) fail("FORBIDDEN");
  if (agencyId === auth.agencyId) return;
  if (scope === "subtree") {
    const inside = await db
      .selectFrom("agency")
      .select("id")
      .where("id", "=", agencyId)
      .where("path", "like", auth.agencyPath + "%")
      .executeTakeFirst();
    if (inside) return;
  }
  fail("OUT_OF_SCOPE", field);
}

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export interface DeclaredRoute {
  method: string;
  url: string;
  permission: Permission | "session" | null;
  /** The id of its entry in the route table (the schema's operationId), if any. */
  operationId: string | null;
  /** The statuses its response schema declares. */
  responses: string[];
}

/** Every API route declared in this process with what it needs (the tests walk this list). */
export const declaredRoutes = new Map<string, DeclaredRoute>();

/**
 * Installs the route-config checks: authentication, permission, CSRF. They run when the request
 * arrives (after the session loader), before its body is read: a request without a session
 * gets 401 whatever it sends, and no body of someone not allowed is ever parsed.
 */
export function registerAccessControl(app: FastifyInstance): void {
  app.addHook("onRoute", (route) => {
    if (!route.url.startsWith("/api/")) return;
    const config = route.config as { permission?: Permission | "session"; public?: boolean } | undefined;
    const schema = route.schema as { operationId?: string; response?: Record<string, unknown> } | undefined;
    for (const method of [route.method].flat()) {
      if (method === "HEAD") continue;
      declaredRoutes.set(`${method} ${route.url}`, {
        method,
        url: route.url,
        permission: config?.permission ?? null,
        operationId: schema?.operationId ?? null,
        responses: Object.keys(schema?.response ?? {}),
      });
    }
    if (!config?.permission && !config?.public && !route.url.startsWith("/api/docs")) {
      throw new Error(`Route ${route.method} ${route.url} declares neither a permission nor public: true`);
    }
  });
  app.addHook("onRequest", async (request) => {
    const config = request.routeOptions.config;
    if (config.public) return;
    if (!config.permission) return;
    const auth = requireAuth(request);
    if (UNSAFE.has(request.method) && !config.skipCsrf) {
      const header = request.headers["x-csrf-token"];
      if (typeof header !== "string" || !sameToken(header, auth.csrfToken)) fail("CSRF_INVALID");
    }
    if (config.permission !== "session" && !can(auth, config.permission)) fail("FORBIDDEN");
  });
}
