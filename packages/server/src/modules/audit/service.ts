import type { AuditEvent, AuditQuery } from "@minhbach/domain/api/audit";
import { sql, type Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import { inScope, type AuthContext } from "../../platform/access.ts";
import { findTemplate } from "../documents/templates.ts";

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
  const names = await entityNames(
    db,
    rows.map((r) => ({ type: r.entity_type, id: r.entity_id })),
  );
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
    entityLabel: r.entity_id ? (names.get(`${r.entity_type}:${r.entity_id}`) ?? null) : null,
    // JSON as recorded (recordAudit stores an object).
    summary: r.summary as AuditEvent["summary"],
    clientIp: r.client_ip,
    hash: r.hash,
  }));
  return { items, total: Number(total.n), page: query.page, pageSize: query.pageSize };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function ddmmyyyy(d: Date | string): string {
  const vn = new Date(new Date(d).getTime() + 7 * 3_600_000);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${p(vn.getUTCDate())}/${p(vn.getUTCMonth() + 1)}/${vn.getUTCFullYear()}`;
}

/**
 * The objects of a page of events as officers know them: a petition or a case by its code, a
 * user by account name, a document by its symbol and form, not by an internal id.
 * Keys are "type:id"; an object since removed keeps no name (the page then shows the type only).
 */
async function entityNames(db: Kysely<DB>, refs: { type: string; id: string | null }[]): Promise<Map<string, string>> {
  const ids = (type: string) => [
    ...new Set(refs.filter((r) => r.type === type && r.id && UUID.test(r.id)).map((r) => r.id!)),
  ];
  const names = new Map<string, string>();
  const put = (type: string, id: string, name: string) => names.set(`${type}:${id}`, name);
  const petitions = ids("petition");
  if (petitions.length)
    for (const r of await db.selectFrom("petition").select(["id", "code"]).where("id", "in", petitions).execute())
      put("petition", r.id, `Đơn số ${r.code}`);
  const cases = ids("case");
  if (cases.length)
    for (const r of await db.selectFrom("resolution_case").select(["id", "code"]).where("id", "in", cases).execute())
      put("case", r.id, `Vụ việc số ${r.code}`);
  // A user by their account name: the trail keeps no person's name (a reminder's addressee, say).
  const users = ids("user");
  if (users.length)
    for (const r of await db.selectFrom("app_user").select(["id", "username"]).where("id", "in", users).execute())
      put("user", r.id, `Tài khoản ${r.username}`);
  const agencies = ids("agency");
  if (agencies.length)
    for (const r of await db.selectFrom("agency").select(["id", "name"]).where("id", "in", agencies).execute())
      put("agency", r.id, r.name);
  const documents = ids("document");
  if (documents.length)
    for (const r of await db
      .selectFrom("official_document")
      .select(["id", "symbol", "form_code"])
      .where("id", "in", documents)
      .execute())
      // Never the title: it may name the writers, whom the trail does not carry.
      put("document", r.id, `${r.symbol ?? "Dự thảo"} – ${findTemplate(r.form_code)?.name ?? r.form_code}`);
  // An attachment keeps no name here: a file's name may name a denouncer.
  const attachments = ids("attachment");
  if (attachments.length)
    for (const r of await db
      .selectFrom("attachment")
      .select(["id", "entity_type", "entity_id"])
      .where("id", "in", attachments)
      .execute()) {
      const owner =
        r.entity_type === "petition"
          ? await db.selectFrom("petition").select("code").where("id", "=", r.entity_id).executeTakeFirst()
          : r.entity_type === "case"
            ? await db.selectFrom("resolution_case").select("code").where("id", "=", r.entity_id).executeTakeFirst()
            : undefined;
      if (owner) put("attachment", r.id, `Của ${r.entity_type === "case" ? "vụ việc" : "đơn"} số ${owner.code}`);
    }
  const visits = ids("reception_visit");
  if (visits.length)
    for (const r of await db
      .selectFrom("reception_visit")
      .select(["id", "seq_no", "register_year"])
      .where("id", "in", visits)
      .execute())
      put("reception_visit", r.id, `Lượt tiếp số ${r.seq_no}/${r.register_year}`);
  const schedules = ids("reception_schedule");
  if (schedules.length)
    for (const r of await db
      .selectFrom("reception_schedule")
      .select(["id", "starts_at", "leader_name"])
      .where("id", "in", schedules)
      .execute())
      put("reception_schedule", r.id, `Buổi tiếp ngày ${ddmmyyyy(r.starts_at)} (${r.leader_name})`);
  for (const r of refs) {
    if (!r.id) continue;
    if (r.type === "calendar_year") put(r.type, r.id, `Năm ${r.id}`);
    if (r.type === "petition_field") put(r.type, r.id, `Mã ${r.id}`);
  }
  return names;
}
