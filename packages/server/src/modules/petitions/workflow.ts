/**
 * Petition handling after intake (xử lý đơn, Thông tư 05/2021/TT-TTCP): classification and the
 * eligibility checklist, each outcome with its guard and its official document, the steps after it
 * (acceptance, dispatch, urging, feedback, closing, destruction), the transfer to another agency of
 * the installation, the hand-over to a case, the list awaiting an answer, and confirmed duplicates
 * joining one matter. The rules are the domain's (petitionTransition and friends); this file loads
 * facts, applies them and stores the result, each change with its timeline event, its tracked
 * deadline and its audit event in one transaction.
 */
import {
  awaitingAnswers,
  formFor,
  petitionTransition,
  todayInVietnam,
  type PetitionActionInput,
  type PetitionFacts,
  type PetitionKind,
  type PetitionState,
} from "@minhbach/domain";
import type { ApplyOutcomeBody, ClassifyPetitionBody, CreatePetitionBody } from "@minhbach/domain/api/petitions";
import type { WorkCalendar } from "@minhbach/domain/legal-clock";
import type { Kysely, Transaction } from "kysely";
import type { DB } from "../../db/schema.ts";
import { assertAgencyInScope, inScope, type AuthContext } from "../../platform/access.ts";
import { recordAudit, type Actor } from "../../platform/audit.ts";
import { fail } from "../../platform/errors.ts";
import { throwProblems } from "../../platform/problems.ts";
import { currentCalendar } from "../calendar/service.ts";
import { createDraft } from "../documents/service.ts";
import { documentFields } from "./documents.ts";
import { mayBeDenunciation } from "../identity/access.ts";
import { letterColumns } from "./facts.ts";
import { retentionAnniversary, URGE_REPORT_WORKING_DAYS } from "@minhbach/domain/law/periods";
import { urgeDocumentFields } from "./follow-up-documents.ts";
import { insertPetition } from "./intake.ts";
import { openLetterTexts } from "../identity/letter-texts.ts";
import { readParties } from "../identity/parties.ts";
import { getPetition } from "./read.ts";
import { bumpVersion, runStep, writeEvent } from "../../platform/procedure.ts";
import { factsOf, loadRow, PETITION, syncDeadlines, withHistory, withoutHistory, type PetitionRow } from "./rows.ts";
import { rememberWords } from "./search/vocabulary.ts";

// ---- Classification -------------------------------------------------------------------------

export async function classifyPetition(
  db: Kysely<DB>,
  auth: AuthContext,
  actor: Actor,
  id: string,
  body: ClassifyPetitionBody,
) {
  const { version, eligibilityAnswers, ...classification } = body;
  let columns: ReturnType<typeof letterColumns> | null = null;
  await runStep(db, actor, PETITION, {
    id,
    version,
    authorize: (row) => assertAgencyInScope(db, auth, "petition.write", row.agency_id),
    transition: async (row) => {
      const facts = await withHistory(db, row);
      const classified = petitionTransition(facts, { action: "classify", classification });
      throwProblems(classified.problems);
      const afterClassify: PetitionFacts = { ...facts, status: classified.to!, classification };
      const assessed = petitionTransition(afterClassify, { action: "assess", answers: eligibilityAnswers });
      throwProblems(
        assessed.problems.map((p) => ({ ...p, field: p.field.replace(/^answers\./, "eligibilityAnswers.") })),
      );
      const parties = await readParties(db, id);
      // A denunciation keeps its texts sealed and is searched and listed by them masked; any other
      // kind goes back to its texts in clear, writers included.
      columns = letterColumns(row, openLetterTexts(row), classification.kind, parties);
      return { ...afterClassify, status: assessed.to!, eligibility: assessed.eligibility ?? null };
    },
    workFirst: true,
    work: async (trx) => {
      if (!mayBeDenunciation(classification.kind)) await rememberWords(trx, columns!.search_text);
    },
    changes: (_trx, row, next) => ({
      ...columns!,
      kind: classification.kind,
      competence: classification.competence,
      field_code: classification.fieldCode,
      eligible: next.eligibility?.eligible ?? null,
      state: next.status,
      facts: JSON.stringify({ ...(row.facts as object), ...next }),
    }),
    event: (row, next) => ({
      action: "classified",
      from: row.state,
      to: next.status,
      data: {
        kind: classification.kind,
        competence: classification.competence,
        eligible: next.eligibility?.eligible ?? null,
        failed: next.eligibility?.failed?.map((f) => f.id) ?? [],
      },
    }),
    audit: (row, next) => ({
      action: "petition.classified",
      summary: {
        code: row.code,
        before: { state: row.state },
        after: { state: next.status, kind: classification.kind, competence: classification.competence },
      },
    }),
  });
  return getPetition(db, auth, id);
}

// ---- Outcomes -------------------------------------------------------------------------------

export async function applyOutcome(
  db: Kysely<DB>,
  auth: AuthContext,
  actor: Actor,
  id: string,
  body: ApplyOutcomeBody,
) {
  const { version, ...input } = body;
  let targetAgency: { id: string; name: string } | null = null;
  let form: ReturnType<typeof formFor> = null;
  const { work: documentId } = await runStep(db, actor, PETITION, {
    id,
    version,
    authorize: (row) =>
      assertAgencyInScope(
        db,
        auth,
        body.outcome === "transfer" ? "petition.transfer" : "petition.write",
        row.agency_id,
      ),
    transition: async (row) => {
      if (body.on > todayInVietnam())
        fail("VALIDATION_FAILED", "on", "on: Ngày quyết định hướng xử lý không được sau ngày hôm nay.");
      const facts = await withHistory(db, row);
      const calendar = await currentCalendar(db);
      const result = petitionTransition(facts, { action: "outcome", input } as PetitionActionInput, { calendar });
      throwProblems(result.problems);
      if (input.outcome === "transfer" && input.targetAgencyId) {
        const target = await db
          .selectFrom("agency")
          .select(["id", "name", "valid_to"])
          .where("id", "=", input.targetAgencyId)
          .executeTakeFirst();
        if (!target || (target.valid_to && target.valid_to < todayInVietnam()))
          fail("AGENCY_NOT_FOUND", "targetAgencyId");
        if (target.id === row.agency_id)
          fail("VALIDATION_FAILED", "targetAgencyId", "targetAgencyId: Không thể chuyển đơn cho chính cơ quan mình.");
        targetAgency = { id: target.id, name: target.name };
      }
      form = formFor(input.outcome, row.kind as PetitionKind | null);
      return {
        ...facts,
        status: result.to!,
        outcome: { outcome: input.outcome, on: input.on, targetBody: "targetBody" in input ? input.targetBody : null },
        ...(input.outcome === "archive" ? { filedOn: input.on, archiveReason: input.reason } : {}),
      };
    },
    changes: (_trx, row, next) => ({
      state: next.status,
      outcome: input.outcome,
      outcome_on: input.on,
      retention_until: input.outcome === "archive" ? retentionAnniversary(input.on) : null,
      facts: JSON.stringify({ ...(row.facts as object), ...withoutHistory(next), outcomeInput: input, targetAgency }),
    }),
    work: async (trx, row) => {
      if (!form) return null;
      const fields = await documentFields(trx, row, form, input, targetAgency?.name ?? null);
      const doc = await createDraft(trx, actor, {
        agencyId: row.agency_id,
        entityType: "petition",
        entityId: id,
        formCode: form,
        fields,
      });
      return doc.id;
    },
    event: (row, next, docId) => ({
      action: `outcome.${input.outcome}`,
      from: row.state,
      to: next.status,
      data: { on: input.on, form, targetAgencyId: targetAgency?.id ?? null },
      documentId: docId,
    }),
    audit: (row, next) => ({
      action: `petition.outcome.${input.outcome}`,
      summary: {
        code: row.code,
        before: { state: row.state },
        after: { state: next.status, form, targetAgency: targetAgency?.name ?? null },
      },
    }),
  });
  return { petition: await getPetition(db, auth, id), documentId };
}

// ---- After the outcome ----------------------------------------------------------------------

type StepInput =
  | { action: "dispatch"; body: { version: number; documentNumber: string; sentOn: string } }
  | { action: "urge"; body: { version: number; on: string; documentNumber?: string | null | undefined } }
  | {
      action: "record_feedback";
      body: { version: number; receivedOn: string; result: string; documentNumber?: string | null | undefined };
    }
  | { action: "close_guided"; body: { version: number; note?: string | null | undefined } };

/**
 * Dispatch of the transfer slip, urging, feedback, closing. Acceptance is not a step
 * of the petition: a petition proposed for acceptance is accepted by opening its case
 * (handOverToCase), which carries the resolution clock from then on.
 */
export async function petitionStep(db: Kysely<DB>, auth: AuthContext, actor: Actor, id: string, step: StepInput) {
  const { version, ...rest } = step.body;
  let calendar: WorkCalendar | null = null;
  const { work } = await runStep(db, actor, PETITION, {
    id,
    version,
    authorize: (row) =>
      assertAgencyInScope(db, auth, step.action === "dispatch" ? "petition.transfer" : "petition.write", row.agency_id),
    transition: async (row) => {
      for (const key of ["sentOn", "on", "receivedOn", "decisionDate"] as const) {
        const value = (rest as Record<string, unknown>)[key];
        if (typeof value === "string" && value > todayInVietnam())
          fail("VALIDATION_FAILED", key, `${key}: Ngày không được sau ngày hôm nay.`);
      }
      const facts = await withHistory(db, row);
      calendar = await currentCalendar(db);
      const result = petitionTransition(facts, { action: step.action, ...rest } as PetitionActionInput, { calendar });
      throwProblems(result.problems);
      const next: PetitionFacts = { ...facts, status: result.to! };
      if (step.action === "dispatch") next.dispatchedOn = step.body.sentOn;
      if (step.action === "urge") next.urgedOn = [...(facts.urgedOn ?? []), step.body.on];
      return next;
    },
    changes: (_trx, row, next) => ({
      state: next.status,
      facts: JSON.stringify({ ...(row.facts as object), ...withoutHistory(next) }),
    }),
    work: async (trx, row, next) => {
      const stored = row.facts as { targetAgency?: { id: string; name: string } | null };
      let transferredTo: { id: string; code: string } | null = null;
      // Transfer inside the installation: the petition lands in the competent agency's inbox
      // with its parties, content and documents; nothing is typed twice.
      if (step.action === "dispatch" && stored.targetAgency) {
        transferredTo = await transferInside(trx, actor, row, stored.targetAgency.id, step.body);
      }
      // Urging writes its paper, as outcomes do: a draft to complete and issue (destruction is a
      // batch of its own, retention.ts).
      const draft = async (formCode: string, fields: unknown) => {
        const doc = await createDraft(trx, actor, {
          agencyId: row.agency_id,
          entityType: "petition",
          entityId: id,
          formCode,
          fields,
        });
        return doc.id;
      };
      let documentId: string | null = null;
      if (step.action === "urge") {
        const reportBy = calendar!.addWorkingDays(step.body.on, URGE_REPORT_WORKING_DAYS);
        const urgeCount = next.urgedOn?.length ?? 1;
        documentId = await draft("DD", await urgeDocumentFields(trx, row, { on: step.body.on, reportBy, urgeCount }));
      }
      return { transferredTo, documentId };
    },
    event: (row, next, { transferredTo, documentId }) => ({
      action: step.action,
      from: row.state,
      to: next.status,
      data: { ...rest, transferredTo },
      documentId,
    }),
    audit: (row, next, { transferredTo }) => ({
      action: `petition.${step.action}`,
      summary: { code: row.code, before: { state: row.state }, after: { state: next.status, transferredTo } },
    }),
  });
  return { petition: await getPetition(db, auth, id), transferredTo: work.transferredTo, documentId: work.documentId };
}

async function transferInside(
  trx: Transaction<DB>,
  actor: Actor,
  row: PetitionRow,
  targetAgencyId: string,
  dispatch: { documentNumber: string; sentOn: string },
): Promise<{ id: string; code: string }> {
  const source = await trx
    .selectFrom("agency")
    .select(["name"])
    .where("id", "=", row.agency_id)
    .executeTakeFirstOrThrow();
  const parties = await readParties(trx, row.id);
  const body: CreatePetitionBody = {
    channel: "transferred",
    receivedOn: dispatch.sentOn,
    writtenOn: row.written_on,
    forwardedBy: { agencyName: source.name, documentNumber: dispatch.documentNumber, documentDate: dispatch.sentOn },
    petitioners: parties.petitioners,
    anonymous: row.anonymous,
    impersonated: row.impersonated,
    respondents: parties.respondents,
    ...openLetterTexts(row),
    fieldCode: row.field_code,
    language: row.language as "vi" | "other",
    attachments:
      (row.facts as { intake?: { attachments?: CreatePetitionBody["attachments"] } }).intake?.attachments ?? [],
  };
  const created = await insertPetition(trx, actor, targetAgencyId, body, row.id);
  // The documents of the source petition travel with it (the issued slip first of all).
  const docs = await trx
    .selectFrom("official_document")
    .select(["id"])
    .where("entity_type", "=", "petition")
    .where("entity_id", "=", row.id)
    .where("status", "=", "issued")
    .execute();
  await writeEvent(trx, "petition", created.id, actor, {
    action: "transferred_in",
    to: "REGISTERED",
    data: { fromCode: row.code, fromAgency: source.name, documents: docs.map((d) => d.id) },
  });
  return created;
}

/**
 * A case opened from a petition proposed for acceptance takes it over: the petition moves to
 * ACCEPTED through its own rule, inside the opening transaction. The caller (cases/service.ts)
 * has checked the opener's permission on the agency.
 */
export async function handOverToCase(trx: Transaction<DB>, actor: Actor, petitionId: string, caseCode: string) {
  const row = await loadRow(trx as unknown as Kysely<DB>, petitionId);
  const facts = factsOf(row);
  const result = petitionTransition(facts, {
    action: "accept",
    decisionNumber: caseCode,
    decisionDate: todayInVietnam(),
  });
  throwProblems(result.problems);
  const next: PetitionFacts = { ...facts, status: result.to! };
  await bumpVersion(trx, "petition", petitionId, row.version, {
    state: next.status,
    facts: JSON.stringify({ ...(row.facts as object), ...withoutHistory(next) }),
  });
  await syncDeadlines(trx, petitionId, row.agency_id, row.code, next);
  await writeEvent(trx, "petition", petitionId, actor, {
    action: "handed_to_case",
    from: row.state,
    to: next.status,
    data: { caseCode },
  });
}

/** Transferred or guided petitions still waiting for an answer (đôn đốc). */
export async function listAwaiting(db: Kysely<DB>, auth: AuthContext, today = todayInVietnam()) {
  const rows = await db
    .selectFrom("petition")
    .select(["id", "code", "state", "facts", "petitioner_display", "agency_id", "version"])
    .where(inScope(auth, "petition.read", "petition.agency_id"))
    .where("state", "in", ["TRANSFERRED", "AWAITING_FEEDBACK", "GUIDED", "GUIDED_MULTI"])
    .orderBy("outcome_on")
    .limit(1000)
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  const calendar = await currentCalendar(db);
  const awaiting = awaitingAnswers(
    rows.map((r) => ({ ...(r.facts as PetitionFacts), id: r.id, status: r.state as PetitionState })),
    today,
    { calendar },
  );
  return awaiting.map((a) => ({
    ...a,
    // Always set: every fact passed in carries its row's id.
    petitionId: a.petitionId ?? "",
    code: byId.get(a.petitionId!)?.code ?? "",
    petitioner: byId.get(a.petitionId!)?.petitioner_display ?? "",
    // The list urges straight from a row: the version the step needs.
    version: byId.get(a.petitionId!)?.version ?? 0,
  }));
}

// ---- Same matter ------------------------------------------------------------------------------

/** Confirms that two petitions are the same matter: this one joins the other's matter. */
export async function joinMatter(
  db: Kysely<DB>,
  auth: AuthContext,
  actor: Actor,
  id: string,
  otherId: string,
  version: number,
) {
  const row = await loadRow(db, id);
  const other = await loadRow(db, otherId);
  await assertAgencyInScope(db, auth, "petition.write", row.agency_id);
  await assertAgencyInScope(db, auth, "petition.read", other.agency_id, "petitionId");
  if (row.matter_id === other.matter_id) return;
  await db.transaction().execute(async (trx) => {
    // Joining moves no clock and has an early return above: the kit's parts, not a whole step.
    await bumpVersion(trx, "petition", id, version, { matter_id: other.matter_id });
    await writeEvent(trx, "petition", id, actor, {
      action: "joined_matter",
      from: row.state,
      to: row.state,
      data: { otherId, otherCode: other.code },
    });
    await recordAudit(trx, actor, {
      action: "petition.joined_matter",
      entityType: "petition",
      entityId: id,
      summary: { before: { matterId: row.matter_id }, after: { matterId: other.matter_id, sameAs: other.code } },
    });
  });
}
