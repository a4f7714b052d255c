/**
 * Requests to see a denouncer's identity, by someone in scope who may not see it otherwise
 * (access.ts): a leader with `case.approve_reveal` approves one for a limited time or refuses it.
 * Each step is a case event and an audit event.
 */
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import { assertAgencyInScope, inScope, type AuthContext } from "../../platform/access.ts";
import { recordAudit, type Actor } from "../../platform/audit.ts";
import { writeEvent } from "../../platform/procedure.ts";
import { fail } from "../../platform/errors.ts";
import { identityAccess } from "./access.ts";

/** How long an approved request lets its requester see the identity. */
export const APPROVAL_HOURS = 72;

async function caseForRequest(db: Kysely<DB>, caseId: string) {
  const row = await db
    .selectFrom("resolution_case")
    .select(["id", "agency_id", "petition_id", "kind", "code"])
    .where("id", "=", caseId)
    .executeTakeFirst();
  if (!row) fail("CASE_NOT_FOUND");
  return row;
}

/** Someone in scope who is not assigned asks to see the denouncer's identity of one case. */
export async function requestIdentity(db: Kysely<DB>, auth: AuthContext, actor: Actor, caseId: string, reason: string) {
  const kase = await caseForRequest(db, caseId);
  await assertAgencyInScope(db, auth, "case.read", kase.agency_id);
  const access = await identityAccess(db, auth, { id: kase.petition_id, agency_id: kase.agency_id, kind: kase.kind });
  if (!access.protected || access.canView) fail("IDENTITY_NOT_NEEDED");
  if (access.pendingRequestId) fail("IDENTITY_REQUEST_PENDING");
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto("identity_request")
      .values({ case_id: kase.id, agency_id: kase.agency_id, requested_by: auth.userId, reason, status: "pending" })
      .returning(["id"])
      .executeTakeFirstOrThrow();
    await writeEvent(trx, "case", kase.id, actor, { action: "identity_requested", data: { requestId: row.id } });
    await recordAudit(trx, actor, {
      action: "identity.requested",
      entityType: "case",
      entityId: kase.id,
      summary: { code: kase.code, requestId: row.id },
    });
    return { id: row.id, status: "pending" as const };
  });
}

/** A leader with case.approve_reveal approves (for APPROVAL_HOURS) or refuses; never their own request. */
export async function decideIdentityRequest(
  db: Kysely<DB>,
  auth: AuthContext,
  actor: Actor,
  requestId: string,
  body: { approve: boolean; note?: string | null | undefined },
) {
  const request = await db.selectFrom("identity_request").selectAll().where("id", "=", requestId).executeTakeFirst();
  if (!request) fail("NOT_FOUND", "id", "Không tìm thấy yêu cầu.");
  await assertAgencyInScope(db, auth, "case.approve_reveal", request.agency_id);
  if (request.requested_by === auth.userId) fail("IDENTITY_REQUEST_SELF");
  const kase = await caseForRequest(db, request.case_id);
  const status = body.approve ? ("approved" as const) : ("refused" as const);
  const expiresAt = body.approve ? new Date(Date.now() + APPROVAL_HOURS * 3600_000) : null;
  await db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable("identity_request")
      .set({
        status,
        decided_by: auth.userId,
        decided_at: new Date(),
        decision_note: body.note ?? null,
        expires_at: expiresAt,
      })
      .where("id", "=", requestId)
      .where("status", "=", "pending")
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) fail("IDENTITY_REQUEST_NOT_PENDING");
    await writeEvent(trx, "case", kase.id, actor, {
      action: body.approve ? "identity_approved" : "identity_refused",
      data: { requestId },
    });
    await recordAudit(trx, actor, {
      action: body.approve ? "identity.request_approved" : "identity.request_refused",
      entityType: "case",
      entityId: kase.id,
      summary: { code: kase.code, requestId, requestedBy: request.requested_by, expiresAt },
    });
  });
  return { id: requestId, status, expiresAt: expiresAt?.toISOString() ?? null };
}

/** Requests waiting for (or decided by) the leaders in scope. */
export async function listIdentityRequests(
  db: Kysely<DB>,
  auth: AuthContext,
  status: "pending" | "approved" | "refused",
) {
  const rows = await db
    .selectFrom("identity_request as r")
    .innerJoin("resolution_case as c", "c.id", "r.case_id")
    .innerJoin("app_user as u", "u.id", "r.requested_by")
    .select(["r.id", "r.case_id", "c.code", "u.full_name", "r.reason", "r.status", "r.created_at"])
    .where(inScope(auth, "case.approve_reveal", "r.agency_id"))
    .where("r.status", "=", status)
    .orderBy("r.created_at", "desc")
    .limit(200)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    caseId: r.case_id,
    caseCode: r.code,
    requester: r.full_name,
    reason: r.reason,
    status: r.status,
    at: new Date(r.created_at).toISOString(),
  }));
}
