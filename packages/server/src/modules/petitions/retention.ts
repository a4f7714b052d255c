/**
 * Filed petitions past their year of retention, and their destruction by one decision of the
 * head of the body (Điều 28 khoản 2 Thông tư 05/2021/TT-TTCP): the decision (QD-HUY) is drafted
 * once for the batch, every petition moves FILED → DESTROYED through the domain's rule, all in
 * one transaction — one refused petition and nothing is destroyed.
 */
import {
  checkDestructionDraft,
  petitionTransition,
  retentionUntil,
  todayInVietnam,
  type PetitionFacts,
  type PetitionState,
} from "@minhbach/domain";
import type { WorkCalendar } from "@minhbach/domain/legal-clock";
import type { RetentionDueItem } from "@minhbach/domain/api/petition-follow-up";
import { randomUUID } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import type { DB } from "../../db/schema.ts";
import { assertAgencyInScope, inScope, type AuthContext } from "../../platform/access.ts";
import { recordAudit, type Actor } from "../../platform/audit.ts";
import { fail } from "../../platform/errors.ts";
import { RuleViolation, throwProblems } from "../../platform/problems.ts";
import { currentCalendar } from "../calendar/service.ts";
import { allowCancel, createDraft, onPaperIssued, type IssuedPaper } from "../documents/service.ts";
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
  const held = await pendingDecisions(
    db,
    rows.map((r) => r.id),
  );
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
        pendingDecision: held.get(r.id) ?? null,
      };
    });
}

interface DestroyInput {
  ids: readonly string[];
  issuedOutside?: boolean | null | undefined;
  decisionNumber?: string | null | undefined;
  decisionDate?: string | null | undefined;
  decidedBy?: string | null | undefined;
  deciderTitle?: string | null | undefined;
}

/**
 * POST /petitions/destroy: one decision for petitions of one agency, all or none. The decision
 * (QD-HUY) is drafted, and holds its petitions until a leader signs and issues it; the issue then
 * destroys them with the register's number (recordIssuedDecision). Only a decision issued outside
 * the system is typed, and destroys them at once. Rows are locked in id order (two batches sharing
 * petitions wait for each other instead of deadlocking); a refused petition names itself in the
 * error's field ("ids.3"). `version` is the single-petition step's optimistic lock.
 */
export async function destroyPetitions(
  db: Kysely<DB>,
  auth: AuthContext,
  actor: Actor,
  body: DestroyInput,
  version?: number,
): Promise<{ documentId: string | null; destroyed: Coded[]; pending: Coded[] }> {
  const today = todayInVietnam();
  const outside = body.issuedOutside === true;
  if (!outside) {
    // Typing the number or the decider of a paper the register numbers would give two numbers.
    for (const field of ["decisionNumber", "decidedBy", "decisionDate"] as const) {
      if (body[field]) fail("NUMBER_FROM_REGISTER", field);
    }
  } else if (body.decisionDate && body.decisionDate > today) {
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
    if (version !== undefined && ordered[0]!.version !== version) fail("VERSION_CONFLICT", "version");

    const held = await pendingDecisions(trx, ids);
    ordered.forEach((row, i) => {
      const pending = held.get(row.id);
      if (pending)
        throw new RuleViolation(
          "DESTRUCTION_PENDING",
          `Đơn ${row.code} đã có dự thảo quyết định tiêu hủy đang chờ ký; hủy dự thảo đó trước khi lập quyết định khác.`,
          `ids.${i}`,
        );
    });

    const batchId = randomUUID();
    if (outside) {
      const input = {
        decisionNumber: body.decisionNumber ?? "",
        decisionDate: body.decisionDate ?? "",
        decidedBy: body.decidedBy ?? "",
      };
      const destroyed = await destroyRows(trx, actor, ordered, input, { batchId, documentId: null, calendar });
      return { documentId: null, destroyed, pending: [] };
    }

    ordered.forEach((row, i) => {
      const problems = checkDestructionDraft(factsOf(row), today, { calendar });
      throwProblems(
        problems.map((p) => ({ ...p, message: `Đơn ${row.code}: ${p.message}` })),
        `ids.${i}`,
      );
    });
    const doc = await createDraft(trx, actor, {
      agencyId,
      entityType: DESTRUCTION_ENTITY,
      entityId: batchId,
      formCode: "QD-HUY",
      fields: destructionDocumentFields(ordered, { deciderTitle: body.deciderTitle ?? undefined }),
    });
    await trx
      .insertInto("petition_destruction_item")
      .values(ordered.map((r) => ({ document_id: doc.id, petition_id: r.id })))
      .execute();
    const pending = ordered.map((r) => ({ id: r.id, code: r.code }));
    await recordAudit(trx, actor, {
      action: "petition.destruction_drafted",
      entityType: DESTRUCTION_ENTITY,
      entityId: batchId,
      summary: { agencyId, count: ordered.length, documentId: doc.id, codes: pending.map((r) => r.code) },
    });
    return { documentId: doc.id, destroyed: [], pending };
  });
}

type Coded = { id: string; code: string };

/** The destruction decisions drafted or submitted, not issued, that hold these petitions. */
async function pendingDecisions(
  db: Kysely<DB> | Transaction<DB>,
  petitionIds: readonly string[],
): Promise<Map<string, { documentId: string; status: "draft" | "submitted" }>> {
  if (petitionIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("petition_destruction_item as i")
    .innerJoin("official_document as d", "d.id", "i.document_id")
    .select(["i.petition_id", "d.id", "d.status"])
    .where("i.petition_id", "in", petitionIds)
    .where("d.status", "in", ["draft", "submitted"])
    .execute();
  return new Map(rows.map((r) => [r.petition_id, { documentId: r.id, status: r.status as "draft" | "submitted" }]));
}

/** FILED → DESTROYED through the domain's rule for each row, with its event and audit, and the batch's audit. */
async function destroyRows(
  trx: Transaction<DB>,
  actor: Actor,
  ordered: readonly PetitionRow[],
  input: { decisionNumber: string; decisionDate: string; decidedBy: string },
  ctx: { batchId: string; documentId: string | null; calendar: WorkCalendar },
): Promise<Coded[]> {
  const nexts = ordered.map((row, i) => {
    const facts = factsOf(row);
    const result = petitionTransition(facts, { action: "destroy", ...input }, { calendar: ctx.calendar });
    throwProblems(
      result.problems.map((p) => ({ ...p, message: `Đơn ${row.code}: ${p.message}` })),
      `ids.${i}`,
    );
    return { ...facts, status: result.to as PetitionState } satisfies PetitionFacts;
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
      data: { ...input, batchId: ctx.batchId },
      documentId: ctx.documentId,
    });
    await recordAudit(trx, actor, {
      action: "petition.destroy",
      entityType: "petition",
      entityId: row.id,
      summary: { code: row.code, before: { state: row.state }, after: { state: next.status }, batchId: ctx.batchId },
    });
  }
  const codes = ordered.map((r) => r.code);
  // One entry for the batch: the decision (signed in the system, or typed from paper) and its petitions.
  await recordAudit(trx, actor, {
    action: "petition.destroy_batch",
    entityType: DESTRUCTION_ENTITY,
    entityId: ctx.batchId,
    summary: {
      agencyId: ordered[0]!.agency_id,
      count: ordered.length,
      ...input,
      ...(ctx.documentId ? { documentId: ctx.documentId } : { issuedOutside: true }),
      codes,
    },
  });
  return ordered.map((r) => ({ id: r.id, code: r.code }));
}

/**
 * The leader signed and issued a destruction decision: its petitions are destroyed with the
 * register's number, the issue date and the signer, in the transaction (a petition that
 * may no longer be destroyed refuses the issue, and nothing changes).
 */
async function recordIssuedDecision(trx: Transaction<DB>, actor: Actor, paper: IssuedPaper): Promise<void> {
  const items = await trx
    .selectFrom("petition_destruction_item")
    .select("petition_id")
    .where("document_id", "=", paper.id)
    .execute();
  if (items.length === 0) return;
  const rows = (await trx
    .selectFrom("petition")
    .selectAll()
    .where(
      "id",
      "in",
      items.map((i) => i.petition_id),
    )
    .orderBy("id")
    .forUpdate()
    .execute()) as PetitionRow[];
  const input = { decisionNumber: paper.symbol, decisionDate: paper.issuedOn, decidedBy: paper.signer };
  const calendar = await currentCalendar(trx);
  await destroyRows(trx, actor, rows, input, { batchId: paper.entityId, documentId: paper.id, calendar });
}

onPaperIssued(DESTRUCTION_ENTITY, recordIssuedDecision);
// A destruction draft may be dropped: its batch is then free for another decision.
allowCancel(DESTRUCTION_ENTITY);
