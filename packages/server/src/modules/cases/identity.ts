/**
 * Who may see a denouncer's identity, and the only ways to see it (Điều 9 khoản 1, Điều 47–48
 * Luật Tố cáo 2018; LEGAL-RULES §6.6):
 * - the people assigned to the case opened from the letter;
 * - before a case exists, the petition handlers of the receiving agency, who must check the
 *   denouncer's identity during initial processing (Điều 24 khoản 1);
 * - anyone else in scope only through a request that a leader with `case.approve_reveal` approved,
 *   for that case, for a limited time.
 * Every view is an audit event (what was viewed and on what ground, never the identity itself).
 * The identity never travels with a detail, a list, a search or an export: it has its own route.
 */
import type { Petitioner } from "@minhbach/domain";
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import { assertAgencyInScope, can, inScope, scopeOf, type AuthContext } from "../../platform/access.ts";
import { recordAudit, type Actor } from "../../platform/audit.ts";
import { fail } from "../../platform/errors.ts";
import { writeEvent } from "../../platform/procedure.ts";
import { handlesLettersOf } from "../petitions/facts.ts";
import { readParties } from "../petitions/parties.ts";

/** How long an approved request lets its requester see the identity. */
export const APPROVAL_HOURS = 72;

export type IdentityGround = "not_protected" | "assigned" | "approved" | "initial_handling";

export interface IdentityAccess {
  /** The writer is a denouncer: the identity is protected. */
  protected: boolean;
  canView: boolean;
  ground: IdentityGround | null;
  /** May ask a leader for access (in scope, not already allowed, a case exists). */
  canRequest: boolean;
  pendingRequestId: string | null;
  caseId: string | null;
}

interface PetitionRef {
  id: string;
  agency_id: string;
  kind: string | null;
}

export async function isAssigned(db: Kysely<DB>, caseId: string, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom("case_assignment")
    .select("user_id")
    .where("case_id", "=", caseId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return row !== undefined;
}

async function approvedRequest(db: Kysely<DB>, caseId: string, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom("identity_request")
    .select("id")
    .where("case_id", "=", caseId)
    .where("requested_by", "=", userId)
    .where("status", "=", "approved")
    .where("expires_at", ">", new Date())
    .executeTakeFirst();
  return row !== undefined;
}

async function pendingRequest(db: Kysely<DB>, caseId: string, userId: string): Promise<string | null> {
  const row = await db
    .selectFrom("identity_request")
    .select("id")
    .where("case_id", "=", caseId)
    .where("requested_by", "=", userId)
    .where("status", "=", "pending")
    .executeTakeFirst();
  return row?.id ?? null;
}

/** The caller's access to the writers of a petition (the caller is already in the petition's scope). */
export async function identityAccess(
  db: Kysely<DB>,
  auth: AuthContext,
  petition: PetitionRef,
): Promise<IdentityAccess> {
  const kase = await db
    .selectFrom("resolution_case")
    .select(["id", "kind"])
    .where("petition_id", "=", petition.id)
    .executeTakeFirst();
  const denunciation = petition.kind === "denunciation" || kase?.kind === "denunciation";
  const none = { pendingRequestId: null, caseId: kase?.id ?? null };
  // A letter not yet classified may be a denunciation: only its handlers read its writer.
  if (petition.kind === null && !kase) {
    const handler = handlesLettersOf(auth, petition.agency_id);
    return {
      protected: !handler,
      canView: handler,
      ground: handler ? "not_protected" : null,
      canRequest: false,
      ...none,
    };
  }
  if (!denunciation) return { protected: false, canView: true, ground: "not_protected", canRequest: false, ...none };
  if (kase) {
    if (await isAssigned(db, kase.id, auth.userId))
      return { protected: true, canView: true, ground: "assigned", canRequest: false, ...none };
    if (await approvedRequest(db, kase.id, auth.userId))
      return { protected: true, canView: true, ground: "approved", canRequest: false, ...none };
    const pending = await pendingRequest(db, kase.id, auth.userId);
    return {
      protected: true,
      canView: false,
      ground: null,
      canRequest: pending === null && (can(auth, "case.read") || can(auth, "petition.read")),
      pendingRequestId: pending,
      caseId: kase.id,
    };
  }
  // Initial processing: the handlers of the receiving agency itself (not a supervising level).
  const handler = scopeOf(auth, "petition.write") !== null && auth.agencyId === petition.agency_id;
  return { protected: true, canView: handler, ground: handler ? "initial_handling" : null, canRequest: false, ...none };
}

/** The writers of a petition, for someone allowed to see them; a denouncer's view is audited. */
export async function revealWriters(
  db: Kysely<DB>,
  auth: AuthContext,
  actor: Actor,
  petitionId: string,
  purpose: "petition" | "case",
): Promise<{ petitioners: Petitioner[]; ground: IdentityGround }> {
  const petition = await db
    .selectFrom("petition")
    .select(["id", "agency_id", "kind", "code"])
    .where("id", "=", petitionId)
    .executeTakeFirst();
  if (!petition) fail("NOT_FOUND");
  await assertAgencyInScope(db, auth, purpose === "case" ? "case.read" : "petition.read", petition.agency_id);
  const access = await identityAccess(db, auth, petition);
  if (!access.canView || !access.ground) {
    // A refused look is recorded too: repeated attempts are what an auditor wants to see.
    await db.transaction().execute((trx) =>
      recordAudit(trx, actor, {
        action: "identity.view_refused",
        entityType: access.caseId ? "case" : "petition",
        entityId: access.caseId ?? petition.id,
        summary: { petition: petition.code },
      }),
    );
    fail("IDENTITY_PROTECTED");
  }
  const { petitioners } = await readParties(db, petition.id);
  if (access.protected) {
    await db.transaction().execute((trx) =>
      recordAudit(trx, actor, {
        action: "identity.view",
        entityType: access.caseId ? "case" : "petition",
        entityId: access.caseId ?? petition.id,
        summary: { petition: petition.code, ground: access.ground, writers: petitioners.length },
      }),
    );
  }
  return { petitioners, ground: access.ground };
}

/** The writers of a case's petition (GET /cases/:id/identity): the case found, then as above. */
export async function revealCaseWriters(db: Kysely<DB>, auth: AuthContext, actor: Actor, caseId: string) {
  const kase = await db.selectFrom("resolution_case").select("petition_id").where("id", "=", caseId).executeTakeFirst();
  if (!kase) fail("CASE_NOT_FOUND");
  return revealWriters(db, auth, actor, kase.petition_id, "case");
}

// ---- Requests to see an identity, decided by a leader ---------------------------------------

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
