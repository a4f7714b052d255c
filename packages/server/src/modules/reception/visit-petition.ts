/**
 * One click from the reception desk to petition handling: the letter a visitor hands in becomes a
 * petition received in person (channel in_person), carrying the visitors as its writers, the
 * summary as its content, the field and the day of the visit. The petition is created by the
 * petitions module's own service (its permission check, numbering, duplicate keys, clock and
 * audit); the visit then points at it, audited as a change of the visit.
 *
 * createPetition runs its own transaction, so the visit is linked right after it. Two clicks at
 * the same moment could both pass the first check; the second then finds the visit linked and
 * answers VISIT_ALREADY_PETITION, and its petition shows as a duplicate in petition handling.
 */
import type { VisitHandling } from "@minhbach/domain";
import { createPetitionBody } from "@minhbach/domain/api/petitions";
import type { VisitView } from "@minhbach/domain/api/reception-views";
import { firstIssue } from "@minhbach/domain/api/zod-vi";
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import type { AuthContext } from "../../platform/access.ts";
import { recordAudit, type Actor } from "../../platform/audit.ts";
import { fail } from "../../platform/errors.ts";
import { createPetition } from "../petitions/intake.ts";
import { maySeeIdentityOf } from "../identity/visits.ts";
import { toDomainVisit } from "./visit-rows.ts";
import { loadVisit, viewOf, VISIT_IDENTITY_PROTECTED } from "./visits.ts";

/** A petition field named in an error, as the field of the visit it came from. */
function visitField(field: string): string {
  if (field.startsWith("petitioners.")) return field.replace(/^petitioners\.(\d+)/, "visitors.$1");
  if (field === "content" || field === "summary") return "contentSummary";
  return field;
}

export async function visitToPetition(
  db: Kysely<DB>,
  auth: AuthContext,
  actor: Actor,
  id: string,
  body: { version: number },
): Promise<{ visit: VisitView; petition: { id: string; code: string } }> {
  const row = await loadVisit(db, auth, id, "reception.write");
  if (row.version !== body.version) fail("VERSION_CONFLICT", "version");
  if (row.petition_id) fail("VISIT_ALREADY_PETITION", "petitionId");
  // The petition would carry the denouncer's identity to someone not entitled to it.
  if (!(await maySeeIdentityOf(db, auth, row))) fail("IDENTITY_PROTECTED", undefined, VISIT_IDENTITY_PROTECTED);
  const visit = toDomainVisit(row);
  if (visit.handling?.route === "refused") {
    fail("VISIT_PETITION_NOT_ALLOWED", "handling.route", "Lượt tiếp đã bị từ chối tiếp nên không chuyển thành đơn.");
  }
  if (!visit.contentSummary.trim()) {
    fail(
      "VISIT_PETITION_NOT_ALLOWED",
      "contentSummary",
      "contentSummary: Ghi tóm tắt nội dung trước khi chuyển thành đơn.",
    );
  }
  const summary = visit.contentSummary.trim();
  const parsed = createPetitionBody.safeParse({
    channel: "in_person",
    receivedOn: visit.receivedOn,
    visitId: row.id,
    petitioners: visit.visitors.map((v) => ({
      kind: "person",
      fullName: v.fullName,
      address: v.address ?? "",
      identity: v.identity ?? null,
      phone: v.phone ?? null,
      email: v.email ?? null,
    })),
    // Who is complained about or denounced, as the citizen named them at the desk.
    respondents: visit.respondentName ? [{ name: visit.respondentName, address: visit.respondentAddress ?? null }] : [],
    summary: summary.length <= 1000 ? summary : null,
    content: summary,
    fieldCode: visit.fieldCode ?? null,
  });
  if (!parsed.success) {
    const issue = firstIssue(parsed.error);
    const field = visitField(issue.field);
    fail(
      "VALIDATION_FAILED",
      field || undefined,
      field ? `${field}: ${issue.message.replace(/^[^:]*: /, "")}` : issue.message,
    );
  }

  const petition = await createPetition(db, auth, actor, parsed.data);

  await db.transaction().execute(async (trx) => {
    // The stored handling: for a denunciation its refusal explanation is the masked one.
    const stored = (row.handling ?? null) as VisitHandling | null;
    const handling = stored ? JSON.stringify({ ...stored, petitionId: petition.id }) : null;
    const result = await trx
      .updateTable("reception_visit")
      .set((eb) => ({
        petition_id: petition.id,
        ...(handling ? { handling } : {}),
        version: eb("version", "+", 1),
        updated_at: new Date(),
      }))
      .where("id", "=", id)
      .where("petition_id", "is", null)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) fail("VISIT_ALREADY_PETITION", "petitionId");
    await recordAudit(trx, actor, {
      action: "reception.visit.petition_created",
      entityType: "reception_visit",
      entityId: id,
      summary: { seqNo: row.seq_no, year: row.register_year, petitionId: petition.id, petitionCode: petition.code },
    });
  });
  return { visit: await viewOf(db, auth, id), petition };
}
