/**
 * A reception visit as stored: the query every reader of the module starts from, and the row as the
 * domain sees a visit (its people and free texts as written, opened from their seals).
 */
import type { ReceptionVisit, VisitHandling, VisitState } from "@minhbach/domain";
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import { peopleOf, textsOf } from "../identity/visits.ts";

export function visitQuery(db: Kysely<DB>) {
  return db
    .selectFrom("reception_visit as v")
    .innerJoin("agency as a", "a.id", "v.agency_id")
    .select([
      "v.id",
      "v.agency_id",
      "a.name as agency_name",
      "a.path as agency_path",
      "v.register_year",
      "v.seq_no",
      "v.received_on",
      "v.received_at",
      "v.kind",
      "v.receiver_name",
      "v.receiver_id",
      "v.presiding_head",
      "v.people_count",
      "v.is_crowd",
      "v.representatives",
      "v.written_appointment",
      "v.visitors",
      "v.people_sealed",
      "v.content_summary",
      "v.content_kind",
      "v.field_code",
      "v.competence",
      "v.previous_resolver",
      "v.respondent_name",
      "v.respondent_address",
      "v.documents_received",
      "v.handling",
      "v.handling_route",
      "v.petition_id",
      "v.state",
      "v.follow_up",
      "v.notes",
      "v.texts_sealed",
      "v.version",
      "v.created_by",
      "v.created_at",
      "v.updated_at",
    ]);
}

export type VisitRow = Awaited<ReturnType<ReturnType<typeof visitQuery>["executeTakeFirstOrThrow"]>>;

export interface DocumentReceived {
  name: string;
  pages?: number | null | undefined;
}

export type DomainVisit = ReceptionVisit & { documentsReceived: DocumentReceived[] };

/**
 * The handling with the refusal's explanation put back (a free text: for a denunciation the clear
 * column holds it masked, the seal as written). Unchanged when `explanation` is undefined.
 */
export function withExplanation(
  handling: VisitHandling | null,
  explanation: string | null | undefined,
): VisitHandling | null {
  if (!handling?.refusal || explanation === undefined) return handling;
  return { ...handling, refusal: { ...handling.refusal, explanation } };
}

/** The stored row as the domain sees a visit: people and free texts as written. */
export function toDomainVisit(row: VisitRow): DomainVisit {
  const people = peopleOf(row);
  const texts = textsOf(row);
  const handling = (row.handling ?? null) as VisitHandling | null;
  return {
    id: row.id,
    kind: row.kind as ReceptionVisit["kind"],
    receivedOn: row.received_on,
    receiverName: row.receiver_name,
    presidingHead: row.presiding_head,
    visitors: people.visitors,
    peopleCount: row.people_count,
    representatives: people.representatives,
    writtenAppointment: row.written_appointment,
    contentSummary: texts.contentSummary,
    contentKind: row.content_kind as ReceptionVisit["contentKind"],
    fieldCode: row.field_code,
    competence: row.competence as ReceptionVisit["competence"],
    previousResolver: row.previous_resolver,
    respondentName: row.respondent_name,
    respondentAddress: row.respondent_address,
    status: row.state as VisitState,
    handling: withExplanation(handling, texts.refusalExplanation),
    followUp: texts.followUp,
    notes: texts.notes,
    documentsReceived: texts.documentsReceived,
  };
}
