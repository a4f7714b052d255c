/**
 * Filed petitions past their year of retention, and their destruction by one decision of the
 * head of the body (Điều 28 khoản 2 Thông tư 05/2021/TT-TTCP): the decision (QD-HUY) is drafted
 * once for the batch, every petition moves FILED → DESTROYED through the domain's rule, all in
 * one transaction — one refused petition and nothing is destroyed.
 */
import {
  petitionTransition,
  retentionUntil,
  todayInVietnam,
  type PetitionFacts,
  type PetitionState,
} from "@minhbach/domain";
import type { DestroyBatchBody, RetentionDueItem } from "@minhbach/domain/api/petition-follow-up";
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import { assertAgencyInScope, inScope, type AuthContext } from "../../platform/access.ts";
import { recordAudit, type Actor } from "../../platform/audit.ts";
import { fail } from "../../platform/errors.ts";
import { RuleViolation, throwProblems } from "../../platform/problems.ts";
import { currentCalendar } from "../calendar/service.ts";
import { createDraft } from "../documents/service.ts";
import { archiveReasonLabel, destructionDocumentFields } from "./follow-up-documents.ts";
import { bumpVersion, writeEvent } from "../../platform/procedure.ts";
import { factsOf, syncDeadlines, withoutHistory, type PetitionRow } from "./rows.ts";

/** A batch decision's document belongs to no single petition: it is filed under this entity. */
export const DESTRUCTION_ENTITY = "petition_destruction";

const LIMIT = 2000;

/**
 * GET /petitions/retention-due: filed petitions of the caller's scope that may be destroyed
 * today. The domain's guard wants the decision after the last day of retention (the year is
 * counted as the civil code counts it, a holiday moving the end), so "due" means that day is
 * past: retention_until < today, checked again with the domain's own computation.
 */
export async function listRetentionDue(
  db: Kysely<DB>,
  auth: AuthContext,
  today = todayInVietnam(),
): Promise<RetentionDueItem[]> {
  const rows = await db
    .selectFrom("petition as p")
    .innerJoin("agency as a", "a.id", "p.agency_id")
    .select([
      "p.id",
      "p.code",
      "p.agency_id",
      "a.name as agency_name",
      "p.received_on",
      "p.retention_until",
      "p.kind",
      "p.facts",
      "p.petitioner_display",
      "p.version",
    ])
    .where(inScope(auth, "petition.read", "p.agency_id"))
    .where("p.state", "=", "FILED")
    .where("p.retention_until", "<", today)
    .orderBy("p.retention_until")
    .orderBy("p.code")
    .limit(LIMIT)
    .execute();
  const calendar = await currentCalendar(db);
  return rows
    .filter((r) => {
      const filedOn = (r.facts as PetitionFacts).filedOn;
      return !filedOn || retentionUntil(filedOn, calendar) < today;
    })
    .map((r) => {
      const facts = r.facts as PetitionFacts;
      return {
        id: r.id,
        code: r.code,
        agencyId: r.agency_id,
        agencyName: r.agency_name,
        receivedOn: r.received_on,
        filedOn: facts.filedOn ?? null,
        archiveReason: facts.archiveReason ?? null,
        archiveReasonLabel: archiveReasonLabel(facts.archiveReason),
        retentionUntil: r.retention_until!,
        kind: r.kind,
        petitioner: r.petitioner_display,
        version: r.version,
      };
    });
}

/**
 * POST /petitions/destroy: one decision for petitions of one agency, all destroyed or none.
 * Rows are locked in id order (two batches sharing petitions wait for each other instead of
 * deadlocking); a refused petition names itself in the error's field ("ids.3").
 */
export async function destroyPetitions(db: Kysely<DB>, auth: AuthContext, actor: Actor, body: DestroyBatchBody) {
  if (body.decisionDate > todayInVietnam()) {
    fail("VALIDATION_FAILED", "decisionDate", "decisionDate: Ngày quyết định không được sau ngày hôm nay.");
  }
  const calendar = await currentCalendar(db);
  const ids = [...body.ids].sort();
  return db.transaction().execute(async (trx) => {
    const rows = (await trx
      .selectFrom("petition")
      .selectAll()
      .where("id", "in", ids)
      .orderBy("id")
      .forUpdate()
      .execute()) as PetitionRow[];
    const byId = new Map(rows.map((r) => [r.id, r]));
    const missing = body.ids.findIndex((id) => !byId.has(id));
    if (missing >= 0) fail("NOT_FOUND", `ids.${missing}`, "Không tìm thấy đơn.");
    const agencies = new Set(rows.map((r) => r.agency_id));
    if (agencies.size > 1) {
      throw new RuleViolation(
        "DESTRUCTION_MIXED_AGENCIES",
        "Mỗi quyết định tiêu hủy chỉ gồm đơn của một cơ quan.",
        "ids",
      );
    }
    const agencyId = rows[0]!.agency_id;
    await assertAgencyInScope(trx, auth, "petition.write", agencyId, "ids");

    const ordered = body.ids.map((id) => byId.get(id)!);
    const input = { decisionNumber: body.decisionNumber, decisionDate: body.decisionDate, decidedBy: body.decidedBy };
    const nexts = ordered.map((row, i) => {
      const facts = factsOf(row);
      const result = petitionTransition(facts, { action: "destroy", ...input }, { calendar });
      throwProblems(
        result.problems.map((p) => ({ ...p, message: `Đơn ${row.code}: ${p.message}` })),
        `ids.${i}`,
      );
      return { ...facts, status: result.to as PetitionState } satisfies PetitionFacts;
    });

    const batchId = randomUUID();
    const doc = await createDraft(trx, actor, {
      agencyId,
      entityType: DESTRUCTION_ENTITY,
      entityId: batchId,
      formCode: "QD-HUY",
      fields: destructionDocumentFields(ordered, body),
    });
    for (const [i, row] of ordered.entries()) {
      const next = nexts[i]!;
      await bumpVersion(trx, "petition", row.id, row.version, {
        state: next.status,
        facts: JSON.stringify({ ...(row.facts as object), ...withoutHistory(next) }),
      });
      await syncDeadlines(trx, row.id, row.agency_id, row.code, next);
      await writeEvent(trx, "petition", row.id, actor, {
        action: "destroy",
        from: row.state,
        to: next.status,
        data: { ...input, batchId },
        documentId: doc.id,
      });
      await recordAudit(trx, actor, {
        action: "petition.destroy",
        entityType: "petition",
        entityId: row.id,
        summary: { code: row.code, before: { state: row.state }, after: { state: next.status }, batchId },
      });
    }
    await recordAudit(trx, actor, {
      action: "petition.destroy_batch",
      entityType: DESTRUCTION_ENTITY,
      entityId: batchId,
      summary: {
        agencyId,
        count: ordered.length,
        decisionNumber: body.decisionNumber,
        decisionDate: body.decisionDate,
        documentId: doc.id,
        codes: ordered.map((r) => r.code),
      },
    });
    return { documentId: doc.id, destroyed: ordered.map((r) => ({ id: r.id, code: r.code })) };
  });
}
