/**
 * A petition's detail (GET /petitions/:id): its letter, parties, timeline, clocks and documents,
 * and the outcomes its handler may choose. A denouncer's identity never travels with it.
 */
import { allowedOutcomes, PETITION_STATES, type PetitionKind, type PetitionState } from "@minhbach/domain";
import type { CreatePetitionBody } from "@minhbach/domain/api/petitions";
import type { DeadlineInputView, PetitionDetail } from "@minhbach/domain/api/petition-views";
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import { assertAgencyInScope, scopeOf, type AuthContext } from "../../platform/access.ts";
import { identityAccess } from "../identity/access.ts";
import { writerShown } from "../identity/masks.ts";
import { openLetterTexts } from "../identity/letter-texts.ts";
import { readParties, readRespondents } from "../identity/parties.ts";
import { loadRow, withHistory } from "./rows.ts";

export async function getPetition(db: Kysely<DB>, auth: AuthContext, id: string) {
  const row = await loadRow(db, id);
  await assertAgencyInScope(db, auth, "petition.read", row.agency_id);
  // A denouncer's identity never travels with the detail: it has its own audited route.
  const identity = await identityAccess(db, auth, row);
  const hidden = identity.protected && !identity.canView;
  // Writers are returned only when not protected; one who may see a protected writer uses its
  // route. The clear columns of a protected letter are its masked texts; the original is sealed.
  const parties = identity.protected
    ? { petitioners: [], respondents: await readRespondents(db, id) }
    : await readParties(db, id);
  const texts = hidden ? { title: row.title, summary: row.summary, content: row.content } : openLetterTexts(row);
  const events = await db
    .selectFrom("petition_event")
    .selectAll()
    .where("petition_id", "=", id)
    .orderBy("id")
    .execute();
  const deadlines = await db
    .selectFrom("tracked_deadline")
    .select(["rule_id", "label", "due", "open", "input"])
    .where("entity_type", "=", "petition")
    .where("entity_id", "=", id)
    .execute();
  // Its own documents, and the issued ones of the petition it was transferred from.
  const documents = await db
    .selectFrom("official_document")
    .select(["id", "form_code", "title", "status", "symbol", "issued_on"])
    .where("entity_type", "=", "petition")
    .where((eb) =>
      row.transferred_from_id
        ? eb.or([
            eb("entity_id", "=", id),
            eb.and([eb("entity_id", "=", row.transferred_from_id), eb("status", "=", "issued")]),
          ])
        : eb("entity_id", "=", id),
    )
    .orderBy("created_at")
    .execute();
  const facts = await withHistory(db, row);
  // What the reception officer recorded of a letter handed in at the desk: the classification
  // starts from it rather than asking it again.
  const visit = row.visit_id
    ? await db
        .selectFrom("reception_visit")
        .select(["content_kind", "competence"])
        .where("id", "=", row.visit_id)
        .executeTakeFirst()
    : undefined;
  const kind = row.kind as PetitionKind | null;
  const canWrite = scopeOf(auth, "petition.write") !== null;
  const outcomes = allowedOutcomes(facts);
  return {
    id: row.id,
    agencyId: row.agency_id,
    code: row.code,
    seqNo: row.seq_no,
    receivedOn: row.received_on,
    writtenOn: row.written_on,
    channel: row.channel,
    visitId: row.visit_id,
    fromReception: visit ? { contentKind: visit.content_kind, competence: visit.competence } : null,
    forwardedBy: row.forwarded_by as CreatePetitionBody["forwardedBy"],
    transferredFromId: row.transferred_from_id,
    anonymous: row.anonymous,
    impersonated: row.impersonated,
    title: texts.title,
    summary: texts.summary,
    content: texts.content,
    language: row.language,
    fieldCode: row.field_code,
    kind,
    competence: row.competence,
    eligible: row.eligible,
    state: row.state as PetitionState,
    stateLabel: PETITION_STATES[row.state as PetitionState],
    outcome: row.outcome,
    outcomeOn: row.outcome_on,
    dueOn: row.due_on,
    retentionUntil: row.retention_until,
    matterId: row.matter_id,
    // Stored masked until classification; its handlers see the writer.
    petitionerDisplay:
      row.kind === null && !hidden
        ? writerShown({ anonymous: row.anonymous, petitioners: (await readParties(db, id)).petitioners })
        : row.petitioner_display,
    petitioners: parties.petitioners,
    identity: {
      protected: identity.protected,
      canView: identity.canView,
      canRequest: identity.canRequest,
      pendingRequestId: identity.pendingRequestId,
      caseId: identity.caseId,
    },
    respondents: parties.respondents,
    classification: facts.classification ?? null,
    eligibility: facts.eligibility ?? null,
    events: events.map((e) => ({
      at: new Date(e.at).toISOString(),
      actorName: e.actor_name,
      action: e.action,
      fromState: e.from_state,
      toState: e.to_state,
      // The step's data, an object as writeEvent stored it (jsonb).
      data: e.data as PetitionDetail["events"][number]["data"],
      documentId: e.document_id,
    })),
    deadlines: deadlines.map((d) => ({
      ruleId: d.rule_id,
      label: d.label,
      due: d.due,
      open: d.open,
      input: d.input as DeadlineInputView,
    })),
    documents: documents.map((d) => ({
      id: d.id,
      formCode: d.form_code,
      title: d.title,
      status: d.status,
      symbol: d.symbol,
      issuedOn: d.issued_on,
    })),
    allowedOutcomes: canWrite ? outcomes.allowed.map((a) => ({ outcome: a.outcome, form: a.form, to: a.to })) : [],
    refusedOutcomes: canWrite ? outcomes.notAllowed : [],
    version: row.version,
  };
}
