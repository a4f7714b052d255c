/**
 * The identity module: the protection of the people who write or bring a letter that is, or may
 * yet be, a denunciation (Điều 9 khoản 1, Điều 47–48 Luật Tố cáo 2018; docs/LAW.md §6.6). Every
 * other module asks it who may see a writer and gets from it the masked copy for everyone else;
 * it imports only platform, db and domain, so petitions, cases, documents, attachments and
 * reception can all stand on it.
 * - access.ts (this file): who may see a letter's writers, and the only routes that show them;
 * - requests.ts: requests to see an identity, decided by a leader;
 * - masks.ts: what lists and texts show in place of a protected writer;
 * - parties.ts, letter-texts.ts: a letter's writers and texts, sealed at rest;
 * - protected-records.ts: the documents and files of a record whose writer is protected;
 * - visits.ts: the people of a reception visit and what they said.
 * The columns these files seal are listed with every other in platform/sealed-columns.ts, which
 * key rotation reads.
 *
 * Who may see a denouncer's identity, and the only ways to see it:
 * - the people assigned to the case opened from the letter;
 * - before a case exists, the petition handlers of the receiving agency, who must check the
 *   denouncer's identity during initial processing (Điều 24 khoản 1);
 * - anyone else in scope only through a request that a leader with `case.approve_reveal` approved,
 *   for that case, for a limited time (requests.ts).
 * Every view is an audit event (what was viewed and on what ground, never the identity itself).
 * The identity never travels with a detail, a list, a search or an export: it has its own route.
 */
import type { Petitioner } from "@minhbach/domain";
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import { assertAgencyInScope, can, scopeOf, type AuthContext } from "../../platform/access.ts";
import { recordAudit, type Actor } from "../../platform/audit.ts";
import { fail } from "../../platform/errors.ts";
import { readParties } from "./parties.ts";

/**
 * Whether the caller handles the letters of an agency (petition.write there): the only people who
 * read a letter before it is classified, since it may turn out to be a denunciation.
 */
export function handlesLettersOf(
  auth: { agencyId: string; grants: readonly { permission: string }[] },
  agencyId: string,
) {
  return auth.agencyId === agencyId && auth.grants.some((g) => g.permission === "petition.write");
}

/**
 * Whether a letter of this kind may be, or is, a denunciation: not yet classified, or classified
 * as one. Its writer is protected (Điều 9 khoản 1 Luật Tố cáo 2018) and its texts sealed.
 */
export function mayBeDenunciation(kind: string | null): boolean {
  return kind === null || kind === "denunciation";
}

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
