/**
 * The audit trail. `recordAudit` runs inside the caller's transaction, so an event exists if and
 * only if the change it describes was committed. Events form a hash chain: each hash covers the
 * event's content and the previous hash; `verifyAuditChain` walks it and names the first break.
 */
import { createHash } from "node:crypto";
import type { AuditAction } from "@minhbach/domain";
import type { Kysely, Transaction } from "kysely";
import type { DB } from "../db/schema.ts";

export interface Actor {
  userId: string | null;
  name: string | null;
  agencyId: string | null;
  clientIp: string | null;
}

export const SYSTEM_ACTOR: Actor = { userId: null, name: "Hệ thống", agencyId: null, clientIp: null };

export interface AuditInput {
  /** A code of the catalogue AUDIT_ACTIONS: a code without its label for officers does not compile. */
  action: AuditAction;
  entityType: string;
  entityId?: string | null;
  /** Before/after of what changed. Never passwords, never a denouncer's identity. */
  summary?: Record<string, unknown>;
}

interface HashedFields {
  id: number;
  at: string;
  actorId: string | null;
  actorName: string | null;
  agencyId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  summary: unknown;
  clientIp: string | null;
}

/** JSON with object keys sorted at every level, so the hash does not depend on key order. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

export function eventHash(prevHash: string, fields: HashedFields): string {
  return createHash("sha256").update(prevHash).update("\n").update(canonicalJson(fields)).digest("hex");
}

export async function recordAudit(trx: Transaction<DB>, actor: Actor, input: AuditInput): Promise<number> {
  // The row lock on audit_head orders concurrent writers: ids stay gapless and each event
  // links to the one committed before it.
  const head = await trx
    .selectFrom("audit_head")
    .select(["last_id", "last_hash"])
    .where("id", "=", 1)
    .forUpdate()
    .executeTakeFirstOrThrow();
  const id = Number(head.last_id) + 1;
  const fields: HashedFields = {
    id,
    at: new Date().toISOString(),
    actorId: actor.userId,
    actorName: actor.name,
    agencyId: actor.agencyId,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId ?? null,
    summary: JSON.parse(canonicalJson(input.summary ?? {})),
    clientIp: actor.clientIp,
  };
  const hash = eventHash(head.last_hash, fields);
  await trx
    .insertInto("audit_event")
    .values({
      id,
      at: fields.at,
      actor_id: fields.actorId,
      actor_name: fields.actorName,
      agency_id: fields.agencyId,
      action: fields.action,
      entity_type: fields.entityType,
      entity_id: fields.entityId,
      summary: JSON.stringify(fields.summary),
      client_ip: fields.clientIp,
      prev_hash: head.last_hash,
      hash,
    })
    .execute();
  await trx.updateTable("audit_head").set({ last_id: id, last_hash: hash }).where("id", "=", 1).execute();
  return id;
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  firstBroken: { id: number; reason: string } | null;
}

/** Walks the whole chain in id order, in pages, and reports the first event that does not fit. */
export async function verifyAuditChain(db: Kysely<DB>, onProgress?: (checked: number) => void): Promise<VerifyResult> {
  let prevHash = "GENESIS";
  let expectedId = 1;
  let checked = 0;
  const pageSize = 2000;
  for (;;) {
    const rows = await db
      .selectFrom("audit_event")
      .selectAll()
      .where("id", ">=", expectedId)
      .orderBy("id")
      .limit(pageSize)
      .execute();
    for (const row of rows) {
      const id = Number(row.id);
      if (id !== expectedId) {
        return {
          ok: false,
          checked,
          firstBroken: { id: expectedId, reason: `Thiếu sự kiện số ${expectedId} (đã bị xóa)` },
        };
      }
      if (row.prev_hash !== prevHash) {
        return { ok: false, checked, firstBroken: { id, reason: "Liên kết với sự kiện trước không khớp" } };
      }
      const hash = eventHash(prevHash, {
        id,
        at: new Date(row.at).toISOString(),
        actorId: row.actor_id,
        actorName: row.actor_name,
        agencyId: row.agency_id,
        action: row.action,
        entityType: row.entity_type,
        entityId: row.entity_id,
        summary: row.summary,
        clientIp: row.client_ip,
      });
      if (hash !== row.hash) {
        return {
          ok: false,
          checked,
          firstBroken: { id, reason: "Nội dung sự kiện đã bị thay đổi (mã băm không khớp)" },
        };
      }
      prevHash = row.hash;
      expectedId++;
      checked++;
    }
    onProgress?.(checked);
    if (rows.length < pageSize) break;
  }
  const head = await db.selectFrom("audit_head").select(["last_id", "last_hash"]).executeTakeFirst();
  if (head && Number(head.last_id) !== checked) {
    return {
      ok: false,
      checked,
      firstBroken: {
        id: checked + 1,
        reason: `Nhật ký dừng ở sự kiện ${checked}, nhưng đầu chuỗi ghi ${head.last_id}`,
      },
    };
  }
  return { ok: true, checked, firstBroken: null };
}
