/**
 * A visit as the API shows it to one caller: the actions the caller may take, and the people and free
 * texts masked when the content is a denunciation the caller is not entitled to (identity/visits.ts).
 */
import { allowedVisitActions, MASKED_DENOUNCER, type ReceptionVisit } from "@minhbach/domain";
import type { VisitAction, VisitorView, VisitView } from "@minhbach/domain/api/reception-views";
import { can, scopeOf, type AuthContext } from "../../platform/access.ts";
import { maskedTextsOf } from "../identity/visits.ts";
import { toDomainVisit, withExplanation, type VisitRow } from "./visit-rows.ts";

/** Whether the caller's reception.write scope reaches the agency (own, or below it). */
export function mayWriteAgency(auth: AuthContext, agencyId: string, agencyPath: string): boolean {
  const scope = scopeOf(auth, "reception.write");
  if (scope === null) return false;
  if (agencyId === auth.agencyId) return true;
  return scope === "subtree" && agencyPath.startsWith(auth.agencyPath);
}

const MASKED_VISITOR: VisitorView = {
  fullName: MASKED_DENOUNCER,
  address: "",
  identity: null,
  gender: null,
  capacity: "self",
  authorisationPaper: null,
  phone: null,
  email: null,
};

/**
 * Someone with reception.write who may not see a denouncer handles the visit and records its
 * follow-up, but does not edit it (the form would show the people and texts) nor turn it into a
 * petition (the petition would carry them).
 */
function actionsOf(auth: AuthContext, row: VisitRow, visit: ReceptionVisit, hidden: boolean): VisitAction[] {
  if (!mayWriteAgency(auth, row.agency_id, row.agency_path)) return [];
  const actions: VisitAction[] = hidden ? [] : ["edit"];
  for (const action of allowedVisitActions(visit)) actions.push(action);
  if (
    !hidden &&
    row.petition_id === null &&
    row.handling_route !== "refused" &&
    visit.contentSummary.trim() !== "" &&
    can(auth, "petition.write")
  ) {
    actions.push("create_petition");
  }
  return actions;
}

/** `identityVisible`: from identityVisibleFor (always true for a visit that is not a denunciation). */
export function presentVisit(auth: AuthContext, row: VisitRow, identityVisible: boolean): VisitView {
  const visit = toDomainVisit(row);
  const hidden = !identityVisible;
  const written = {
    contentSummary: visit.contentSummary,
    notes: visit.notes ?? null,
    followUp: visit.followUp ?? null,
    documentsReceived: visit.documentsReceived,
    refusalExplanation: visit.handling?.refusal?.explanation ?? null,
  };
  const texts = hidden ? maskedTextsOf(written, visit) : written;
  const visitors: VisitorView[] = hidden
    ? visit.visitors.map(() => MASKED_VISITOR)
    : visit.visitors.map((v) => ({
        fullName: v.fullName,
        address: v.address ?? "",
        identity: v.identity ?? null,
        gender: v.gender ?? null,
        capacity: v.capacity ?? "self",
        authorisationPaper: v.authorisationPaper ?? null,
        phone: v.phone ?? null,
        email: v.email ?? null,
      }));
  return {
    id: row.id,
    agencyId: row.agency_id,
    agencyName: row.agency_name,
    registerYear: row.register_year,
    seqNo: row.seq_no,
    receivedOn: row.received_on,
    receivedAt: row.received_at ? new Date(row.received_at).toISOString() : null,
    kind: visit.kind,
    receiverName: row.receiver_name,
    receiverId: row.receiver_id,
    presidingHead: row.presiding_head,
    peopleCount: row.people_count,
    isCrowd: row.is_crowd,
    identityMasked: hidden,
    visitors,
    representatives: hidden
      ? visit.representatives.map(() => ({ fullName: MASKED_DENOUNCER, idNumber: null }))
      : visit.representatives.map((r) => ({ fullName: r.fullName, idNumber: r.idNumber ?? null })),
    writtenAppointment: row.written_appointment,
    contentSummary: texts.contentSummary,
    contentKind: row.content_kind,
    fieldCode: row.field_code,
    competence: row.competence,
    previousResolver: row.previous_resolver,
    respondentName: row.respondent_name,
    respondentAddress: row.respondent_address,
    // A paper's title ("Đơn tố cáo của ông …") can name the denouncer: masked like the other texts.
    documentsReceived: texts.documentsReceived.map((d) => ({ name: d.name, pages: d.pages ?? null })),
    handling: hidden ? withExplanation(visit.handling ?? null, texts.refusalExplanation) : (visit.handling ?? null),
    petitionId: row.petition_id,
    status: visit.status,
    followUp: texts.followUp,
    notes: texts.notes,
    version: row.version,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
    actions: actionsOf(auth, row, visit, hidden),
  };
}
