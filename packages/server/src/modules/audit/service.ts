import type { AuditEvent, AuditQuery } from "@minhbach/domain/api/audit";
import { sql, type Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import { inScope, type AuthContext } from "../../platform/access.ts";

/** Audit events of the agencies in scope; system events (no agency) only for a root's admin. */
export async function listAuditEvents(db: Kysely<DB>, auth: AuthContext, query: AuditQuery) {
  const own = await db.selectFrom("agency").select("parent_id").where("id", "=", auth.agencyId).executeTakeFirst();
  const seesSystem = own !== undefined && own.parent_id === null;
  let q = db
    .selectFrom("audit_event as e")
    .leftJoin("agency as a", "a.id", "e.agency_id")
    .where((eb) =>
      seesSystem
        ? eb.or([inScope(auth, "audit.read", "e.agency_id"), eb("e.agency_id", "is", null)])
        : inScope(auth, "audit.read", "e.agency_id"),
    );
  // Dates are Vietnam calendar days: [from 00:00, to+1 00:00) at UTC+7.
  if (query.from) q = q.where("e.at", ">=", new Date(`${query.from}T00:00:00+07:00`));
  if (query.to) q = q.where("e.at", "<", new Date(new Date(`${query.to}T00:00:00+07:00`).getTime() + 86_400_000));
  if (query.action) q = q.where("e.action", "=", query.action);
  if (query.entityType) q = q.where("e.entity_type", "=", query.entityType);
  if (query.actorId) q = q.where("e.actor_id", "=", query.actorId);
  if (query.q) {
    const needle = `%${query.q.toLowerCase().replace(/[\\%_]/g, (c) => "\\" + c)}%`;
    q = q.where((eb) =>
      eb.or([
        eb(sql`f_unaccent(lower(coalesce(e.actor_name, '')))`, "like", sql`f_unaccent(${needle})`),
        eb("e.entity_id", "like", needle),
        eb("e.action", "like", needle),
      ]),
    );
  }
  const total = await q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  const rows = await q
    .select([
      "e.id",
      "e.at",
      "e.actor_id",
      "e.actor_name",
      "e.agency_id",
      "a.name as agency_name",
      "e.action",
      "e.entity_type",
      "e.entity_id",
      "e.summary",
      "e.client_ip",
      "e.hash",
    ])
    .orderBy("e.id", "desc")
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  const items: AuditEvent[] = rows.map((r) => ({
    id: Number(r.id),
    at: new Date(r.at).toISOString(),
    actorId: r.actor_id,
    actorName: r.actor_name,
    agencyId: r.agency_id,
    agencyName: r.agency_name,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    // JSON as recorded (recordAudit stores an object).
    summary: r.summary as AuditEvent["summary"],
    clientIp: r.client_ip,
    hash: r.hash,
  }));
  return { items, total: Number(total.n), page: query.page, pageSize: query.pageSize };
}
