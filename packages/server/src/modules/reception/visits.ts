/**
 * Reception visits (lượt tiếp công dân, docs/LAW.md §3): recording, editing, handling (OPEN →
 * HANDLED → FOLLOWED_UP by the domain state machine), listing and search. The rules live in
 * @minhbach/domain/reception; this file applies them to stored rows with the options of the
 * installation (the "đoàn đông người" threshold, the current year for birth years).
 *
 * Confidentiality of denouncers (Điều 9 khoản 1 Luật Tố cáo 2018; docs/LAW.md §3.4, §6.6): when a
 * visit's content is a denunciation, the people who came and what they said about themselves are
 * shown only to the officer who received them and the people assigned to the case opened from the
 * visit (identity/visits.ts). Everyone else, leaders included, gets masked people and masked texts;
 * the search columns hold only masked texts, so a search by a denouncer's name, number or contact
 * finds nothing. An unmasked read of one denunciation visit is audited.
 */
import { randomUUID } from "node:crypto";
import {
  checkVisitHandling,
  checkVisitRecord,
  DEFAULT_CROWD_THRESHOLD,
  fieldByCode,
  normalizeForMatch,
  todayInVietnam,
  visitIdentityProtected,
  visitTransition,
  withoutMasks,
  type Problem,
  type ReceptionVisit,
  type VisitHandling,
  type VisitRecordOptions,
  type VisitState,
  type VisitTexts,
} from "@minhbach/domain";
import type { VisitListQuery } from "@minhbach/domain/api/reception";
import type { CreateVisitRequest, UpdateVisitRequest, VisitView } from "@minhbach/domain/api/reception-views";
import { sql, type Kysely, type Transaction } from "kysely";
import type { DB } from "../../db/schema.ts";
import { assertAgencyInScope, inScope, type AuthContext } from "../../platform/access.ts";
import { recordAudit, type Actor } from "../../platform/audit.ts";
import { fail } from "../../platform/errors.ts";
import { bumpVersion, runStep, type Procedure } from "../../platform/procedure.ts";
import { takeRegisterNumber } from "../../platform/registers.ts";
import { identityVisibleFor, maySeeIdentityOf, sealedPeople, textColumns } from "../identity/visits.ts";
import { toDomainVisit, visitQuery, withExplanation, type DomainVisit, type VisitRow } from "./visit-rows.ts";
import { presentVisit } from "./visit-view.ts";

/** app_setting key of the "đoàn đông người" threshold (docs/LAW.md §3.5: a parameter, default 5). */
export const CROWD_THRESHOLD_SETTING = "reception.crowd_threshold";

const VISIT_NOT_FOUND = "Không tìm thấy lượt tiếp công dân.";
export const VISIT_IDENTITY_PROTECTED =
  "Lượt tiếp có nội dung tố cáo: chỉ người tiếp công dân và người được giao giải quyết vụ việc mới được xem, sửa người đến và nội dung hoặc chuyển thành đơn.";

// ---------------------------------------------------------------------------------------------
// Reading.

/** What a step of the visit's state machine leads to. */
interface VisitStep {
  visit: DomainVisit;
  to: VisitState;
  /** The handling given by the step (with the stored petition link), null for a follow-up. */
  handling: VisitHandling | null;
}

/** A visit as a procedure of the kit (platform/procedure.ts): no timeline, no tracked deadline. */
const VISIT: Procedure<"reception_visit", VisitRow, VisitStep> = {
  table: "reception_visit",
  entityType: "reception_visit",
  async load(db, id, lock) {
    const query = visitQuery(db).where("v.id", "=", id);
    const row = await (lock ? query.forUpdate("v") : query).executeTakeFirst();
    if (!row) fail("NOT_FOUND", undefined, VISIT_NOT_FOUND);
    return row;
  },
};

/** Loads one visit the caller may read (404 when missing, 403 outside the scope). */
export async function loadVisit(
  db: Kysely<DB>,
  auth: AuthContext,
  id: string,
  permission: "reception.read" | "reception.write" = "reception.read",
): Promise<VisitRow> {
  const row = await VISIT.load(db, id);
  await assertAgencyInScope(db, auth, permission, row.agency_id);
  return row;
}

/** One visit as the caller may see it. */
export async function viewOf(db: Kysely<DB>, auth: AuthContext, id: string): Promise<VisitView> {
  const row = await loadVisit(db, auth, id);
  return presentVisit(auth, row, await maySeeIdentityOf(db, auth, row));
}

/** GET /reception/visits/:id. Showing a denouncer's identity is recorded in the audit trail. */
export async function getVisit(db: Kysely<DB>, auth: AuthContext, actor: Actor, id: string): Promise<VisitView> {
  const row = await loadVisit(db, auth, id);
  const view = presentVisit(auth, row, await maySeeIdentityOf(db, auth, row));
  if (visitIdentityProtected(row.content_kind) && !view.identityMasked) {
    await db.transaction().execute((trx) =>
      recordAudit(trx, actor, {
        action: "reception.visit.identity_viewed",
        entityType: "reception_visit",
        entityId: id,
        summary: { seqNo: row.seq_no, year: row.register_year },
      }),
    );
  }
  return view;
}

const SORTS = {
  receivedOn: ["v.received_on", "v.seq_no"],
  peopleCount: ["v.people_count", "v.received_on"],
  status: ["v.state", "v.received_on"],
} as const;

/** The filters of GET /reception/visits (also used by its Excel export). */
export function filteredVisits(db: Kysely<DB>, auth: AuthContext, query: VisitListQuery) {
  let q = visitQuery(db).where(inScope(auth, "reception.read", "v.agency_id"));
  if (query.status?.length) q = q.where("v.state", "in", query.status);
  if (query.kind?.length) q = q.where("v.kind", "in", query.kind);
  if (query.route?.length) q = q.where("v.handling_route", "in", query.route);
  if (query.contentKind?.length) q = q.where("v.content_kind", "in", query.contentKind);
  if (query.fieldCode) q = q.where("v.field_code", "=", query.fieldCode);
  if (query.from) q = q.where("v.received_on", ">=", query.from);
  if (query.to) q = q.where("v.received_on", "<=", query.to);
  if (query.crowd !== undefined) q = q.where("v.is_crowd", "=", query.crowd);
  const words = query.q ? normalizeForMatch(query.q) : "";
  if (words) {
    const needle = `%${words.replace(/[\\%_]/g, (c) => "\\" + c)}%`;
    // A denunciation's search text holds neither its people nor their data (see searchTexts).
    q = q.where("v.search_text", "like", needle);
  }
  return q;
}

export async function listVisits(db: Kysely<DB>, auth: AuthContext, query: VisitListQuery) {
  const q = filteredVisits(db, auth, query);
  const countRow = await q
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  const [first, second] = SORTS[query.sort];
  const rows = await q
    .orderBy(first, query.order)
    .orderBy(second, query.order)
    .orderBy("v.id")
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  const visible = await identityVisibleFor(db, auth, rows);
  return {
    items: rows.map((row) => presentVisit(auth, row, visible.has(row.id))),
    total: Number(countRow.n),
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** Every visit matching the filters, in list order, for the Excel export (at most `limit`). */
export async function allVisits(db: Kysely<DB>, auth: AuthContext, query: VisitListQuery, limit: number) {
  const [first, second] = SORTS[query.sort];
  const rows = await filteredVisits(db, auth, query)
    .orderBy(first, query.order)
    .orderBy(second, query.order)
    .orderBy("v.id")
    .limit(limit)
    .execute();
  const visible = await identityVisibleFor(db, auth, rows);
  return rows.map((row) => presentVisit(auth, row, visible.has(row.id)));
}

// ---------------------------------------------------------------------------------------------
// Checks that need the database or the clock.

/** The options the domain rules take here: the configured crowd threshold and this year. */
export async function ruleOptions(db: Kysely<DB>): Promise<VisitRecordOptions & { threshold: number }> {
  const row = await db
    .selectFrom("app_setting")
    .select("value")
    .where("key", "=", CROWD_THRESHOLD_SETTING)
    .executeTakeFirst();
  const value = Number(row?.value);
  const threshold = Number.isInteger(value) && value >= 2 && value <= 1000 ? value : DEFAULT_CROWD_THRESHOLD;
  return { threshold, referenceYear: Number(todayInVietnam().slice(0, 4)) };
}

/** Stops at the first error of a domain check, naming its field. */
function failOnProblems(problems: readonly Problem[]): void {
  const first = problems.find((p) => p.severity === "error");
  if (!first) return;
  if (first.code === "WRONG_STATE" || first.code === "REFUSED_NO_FOLLOW_UP") {
    fail("VISIT_WRONG_STATE", first.field || undefined, first.message);
  }
  fail("VALIDATION_FAILED", first.field || undefined, first.field ? `${first.field}: ${first.message}` : first.message);
}

/** Dates a person could not have written yet: the visit day and the refusal notice (not after today). */
function checkDates(
  receivedOn: string,
  receivedAt: string | null | undefined,
  handling: VisitHandling | null | undefined,
): void {
  const today = todayInVietnam();
  if (receivedOn > today) fail("VISIT_DATE_IN_FUTURE", "receivedOn");
  if (receivedAt) {
    if (todayInVietnam(new Date(receivedAt)) !== receivedOn) {
      fail("VALIDATION_FAILED", "receivedAt", "receivedAt: Giờ tiếp phải thuộc ngày tiếp (giờ Việt Nam).");
    }
    if (Date.parse(receivedAt) > Date.now() + 5 * 60_000) fail("VISIT_DATE_IN_FUTURE", "receivedAt");
  }
  const notice = handling?.refusal?.refusalNotice;
  if (notice && notice.date > today) fail("REFUSAL_NOTICE_DATE_IN_FUTURE", "handling.refusal.refusalNotice.date");
}

/** A petition is linked only by turning the visit into one (POST …/petition), never typed in. */
function keepPetitionLink(handling: VisitHandling | null | undefined, stored: string | null): VisitHandling | null {
  if (!handling) return null;
  if (handling.petitionId && handling.petitionId !== stored) {
    fail(
      "VALIDATION_FAILED",
      "handling.petitionId",
      "handling.petitionId: Đơn được gắn khi chuyển lượt tiếp thành đơn, không nhập trực tiếp.",
    );
  }
  return { ...handling, petitionId: stored };
}

/** Identity numbers as the rules normalise them (no spaces, passports in capitals). */
function normaliseVisitors(visitors: CreateVisitRequest["visitors"]): CreateVisitRequest["visitors"] {
  return visitors.map((v) => {
    if (!v.identity) return v;
    const number =
      v.identity.kind === "other"
        ? v.identity.number.trim().replace(/\s+/g, " ")
        : v.identity.number.replace(/\s+/g, "").toUpperCase();
    return { ...v, identity: { ...v.identity, number } };
  });
}

/**
 * What a visit is found by. For a denunciation, neither its people nor their data: only the texts
 * as stored in the clear (masked, without the masks' words), so a search by a name, a number or a
 * contact never reveals a denouncer, whoever searches.
 */
function searchTexts(visit: ReceptionVisit, texts: VisitTexts): { all: string; content: string } {
  const people = visitIdentityProtected(visit.contentKind)
    ? []
    : [
        ...visit.visitors.flatMap((v) => [
          v.fullName,
          v.address,
          v.identity?.number ?? "",
          v.phone ?? "",
          v.email ?? "",
        ]),
        ...visit.representatives.map((r) => r.fullName),
      ];
  const summary = withoutMasks(texts.contentSummary);
  const field = visit.fieldCode ? (fieldByCode(visit.fieldCode)?.name ?? "") : "";
  const content = normalizeForMatch([summary, visit.previousResolver ?? "", field].join(" "));
  const all = normalizeForMatch(
    [
      ...people,
      summary,
      visit.previousResolver ?? "",
      visit.respondentName ?? "",
      field,
      visit.receiverName,
      visit.presidingHead ?? "",
    ]
      .filter(Boolean)
      .join(" "),
  );
  return { all, content };
}

/**
 * The columns of a visit's free texts and its search columns: for a denunciation the texts sealed
 * and masked in the clear (identity/visits.ts), the search built from the masked texts.
 */
function storedTexts(id: string, visit: ReceptionVisit, documentsReceived: DomainVisit["documentsReceived"]) {
  const texts: VisitTexts = {
    contentSummary: visit.contentSummary,
    notes: visit.notes ?? null,
    followUp: visit.followUp ?? null,
    documentsReceived,
    refusalExplanation: visit.handling?.refusal?.explanation ?? null,
  };
  const { columns, searchable } = textColumns(id, visit.contentKind, texts, visit);
  const search = searchTexts(visit, searchable);
  const handling = withExplanation(visit.handling ?? null, searchable.refusalExplanation ?? null);
  return {
    ...columns,
    handling: handling ? JSON.stringify(handling) : null,
    search_text: search.all,
    search_content: search.content,
  };
}

/** Seals the free texts of denunciation visits an earlier version stored in clear (at start). */
export async function sealClearVisitTexts(db: Kysely<DB>): Promise<number> {
  const rows = await visitQuery(db)
    .where("v.content_kind", "=", "denunciation")
    .where("v.texts_sealed", "is", null)
    .execute();
  for (const row of rows) {
    const visit = toDomainVisit(row);
    await db
      .updateTable("reception_visit")
      .set(storedTexts(row.id, visit, visit.documentsReceived))
      .where("id", "=", row.id)
      .execute();
  }
  return rows.length;
}

/** The user named as receiver, when exactly one account of the agency has that name (the caller first). */
async function receiverIdOf(db: Kysely<DB>, auth: AuthContext, agencyId: string, name: string) {
  if (normalizeForMatch(name) === normalizeForMatch(auth.fullName)) return auth.userId;
  const rows = await db
    .selectFrom("app_user")
    .select("id")
    .where("agency_id", "=", agencyId)
    .where("disabled", "=", false)
    .where(sql<boolean>`f_unaccent(lower(full_name)) = f_unaccent(lower(${name.trim()}))`)
    .limit(2)
    .execute();
  return rows.length === 1 ? rows[0]!.id : null;
}

/** Takes the next number of the agency's reception register for the year. */
function takeSeq(trx: Transaction<DB>, agencyId: string, year: number): Promise<number> {
  return takeRegisterNumber(trx, "reception", { agencyId, year });
}

/** What the audit trail keeps of a visit: its number and classification, no personal data. */
function auditFacts(visit: ReceptionVisit, seqNo: number, year: number) {
  return {
    seqNo,
    year,
    kind: visit.kind,
    peopleCount: visit.peopleCount,
    contentKind: visit.contentKind ?? null,
    route: visit.handling?.route ?? null,
    status: visit.status,
  };
}

// ---------------------------------------------------------------------------------------------
// Writing.

/** POST /reception/visits: a visit of the caller's agency, numbered in its register. */
export async function createVisit(
  db: Kysely<DB>,
  auth: AuthContext,
  actor: Actor,
  body: CreateVisitRequest,
): Promise<VisitView> {
  const agencyId = auth.agencyId;
  await assertAgencyInScope(db, auth, "reception.write", agencyId);
  checkDates(body.receivedOn, body.receivedAt, body.handling);
  const options = await ruleOptions(db);
  const handling = keepPetitionLink(body.handling, null);
  const followUp = body.followUp?.trim() || null;
  const status: VisitState = !handling ? "OPEN" : followUp ? "FOLLOWED_UP" : "HANDLED";
  const visit: ReceptionVisit = {
    kind: body.kind,
    receivedOn: body.receivedOn,
    receiverName: body.receiverName,
    presidingHead: body.presidingHead ?? null,
    visitors: normaliseVisitors(body.visitors),
    peopleCount: body.peopleCount,
    representatives: body.representatives,
    writtenAppointment: body.writtenAppointment ?? null,
    contentSummary: body.contentSummary,
    contentKind: body.contentKind ?? null,
    fieldCode: body.fieldCode ?? null,
    competence: body.competence ?? null,
    previousResolver: body.previousResolver ?? null,
    respondentName: body.respondentName ?? null,
    respondentAddress: body.respondentAddress ?? null,
    status,
    handling,
    followUp,
    notes: body.notes ?? null,
  };
  failOnProblems(handling ? checkVisitHandling(visit, handling, options) : checkVisitRecord(visit, options));
  if (followUp && !handling) {
    fail("VISIT_WRONG_STATE", "followUp", "Lượt tiếp chưa được xử lý nên chưa có kết quả để theo dõi.");
  }
  if (followUp && handling?.route === "refused") {
    fail("VISIT_WRONG_STATE", "followUp", "Lượt tiếp đã bị từ chối nên không có kết quả giải quyết để theo dõi.");
  }

  const receivedAt =
    body.receivedAt !== undefined ? body.receivedAt : body.receivedOn === todayInVietnam() ? new Date() : null;
  const receiverId = await receiverIdOf(db, auth, agencyId, body.receiverName);
  const year = Number(body.receivedOn.slice(0, 4));

  const id = await db.transaction().execute(async (trx) => {
    const seqNo = await takeSeq(trx, agencyId, year);
    const visitId = randomUUID();
    const row = await trx
      .insertInto("reception_visit")
      .values({
        id: visitId,
        ...sealedPeople(visitId, visit),
        agency_id: agencyId,
        register_year: year,
        seq_no: seqNo,
        received_on: visit.receivedOn,
        received_at: receivedAt,
        kind: visit.kind,
        receiver_name: visit.receiverName,
        receiver_id: receiverId,
        presiding_head: visit.presidingHead ?? null,
        people_count: visit.peopleCount,
        is_crowd: visit.peopleCount >= options.threshold,
        written_appointment: visit.writtenAppointment ?? null,
        ...storedTexts(visitId, visit, body.documentsReceived),
        content_kind: visit.contentKind ?? null,
        field_code: visit.fieldCode ?? null,
        competence: visit.competence ?? null,
        previous_resolver: visit.previousResolver ?? null,
        respondent_name: visit.respondentName ?? null,
        respondent_address: visit.respondentAddress ?? null,
        handling_route: handling?.route ?? null,
        state: status,
        created_by: actor.userId,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: "reception.visit.created",
      entityType: "reception_visit",
      entityId: row.id,
      summary: auditFacts(visit, seqNo, year),
    });
    return row.id;
  });
  return viewOf(db, auth, id);
}

/** What a visitor said or handed in, and who they are: what someone not entitled may not rewrite. */
const IDENTITY_FIELDS = [
  "visitors",
  "representatives",
  "contentSummary",
  "notes",
  "documentsReceived",
  "followUp",
] as const satisfies readonly (keyof UpdateVisitRequest)[];

/**
 * Someone who may not see a denouncer does not edit the people or the free texts of the visit (the
 * form would show them), nor turn it into something else than a denunciation (that would unmask it).
 */
async function assertMayEditIdentity(db: Kysely<DB>, auth: AuthContext, row: VisitRow, body: UpdateVisitRequest) {
  if (!visitIdentityProtected(row.content_kind) || (await maySeeIdentityOf(db, auth, row))) return;
  const field =
    IDENTITY_FIELDS.find((key) => body[key] !== undefined) ??
    (body.contentKind !== undefined && body.contentKind !== row.content_kind ? "contentKind" : undefined);
  if (field) fail("IDENTITY_PROTECTED", field, VISIT_IDENTITY_PROTECTED);
}

/**
 * PATCH /reception/visits/:id: corrects the record. The whole merged record is checked again (as
 * recorded while OPEN, as handled afterwards). Handling is first given by POST …/handle and the
 * follow-up by POST …/follow-up; here they can only be corrected once they exist.
 */
export async function updateVisit(
  db: Kysely<DB>,
  auth: AuthContext,
  actor: Actor,
  id: string,
  body: UpdateVisitRequest,
): Promise<VisitView> {
  const row = await loadVisit(db, auth, id, "reception.write");
  await assertMayEditIdentity(db, auth, row, body);
  const before = toDomainVisit(row);
  if (body.handling !== undefined && before.status === "OPEN") {
    fail(
      "VISIT_WRONG_STATE",
      "handling",
      "Lượt tiếp chưa được xử lý: dùng thao tác Xử lý lượt tiếp để ghi hướng xử lý.",
    );
  }
  if (body.handling === null && before.status !== "OPEN") {
    fail("VISIT_WRONG_STATE", "handling", "Lượt tiếp đã được xử lý: không xóa hướng xử lý, chỉ sửa cho đúng.");
  }
  if (body.followUp !== undefined && before.status !== "FOLLOWED_UP") {
    fail("VISIT_WRONG_STATE", "followUp", "Ghi kết quả theo dõi bằng thao tác Theo dõi kết quả.");
  }
  const receivedOn = body.receivedOn ?? before.receivedOn;
  if (Number(receivedOn.slice(0, 4)) !== row.register_year) fail("VISIT_YEAR_LOCKED", "receivedOn");
  const handling =
    body.handling !== undefined ? keepPetitionLink(body.handling, row.petition_id) : (before.handling ?? null);
  checkDates(receivedOn, body.receivedAt, body.handling);
  if (body.receivedOn && body.receivedAt === undefined && row.received_at) {
    // The stored time must still fall on the (changed) day.
    checkDates(receivedOn, new Date(row.received_at).toISOString(), null);
  }

  const visit: ReceptionVisit = {
    ...before,
    kind: body.kind ?? before.kind,
    receivedOn,
    receiverName: body.receiverName ?? before.receiverName,
    presidingHead: body.presidingHead !== undefined ? body.presidingHead : before.presidingHead,
    visitors: body.visitors !== undefined ? normaliseVisitors(body.visitors) : before.visitors,
    peopleCount: body.peopleCount ?? before.peopleCount,
    representatives: body.representatives ?? before.representatives,
    writtenAppointment: body.writtenAppointment !== undefined ? body.writtenAppointment : before.writtenAppointment,
    contentSummary: body.contentSummary ?? before.contentSummary,
    contentKind: body.contentKind !== undefined ? body.contentKind : before.contentKind,
    fieldCode: body.fieldCode !== undefined ? body.fieldCode : before.fieldCode,
    competence: body.competence !== undefined ? body.competence : before.competence,
    previousResolver: body.previousResolver !== undefined ? body.previousResolver : before.previousResolver,
    respondentName: body.respondentName !== undefined ? body.respondentName : before.respondentName,
    respondentAddress: body.respondentAddress !== undefined ? body.respondentAddress : before.respondentAddress,
    handling,
    followUp: body.followUp !== undefined ? body.followUp?.trim() || null : before.followUp,
    notes: body.notes !== undefined ? body.notes : before.notes,
  };
  if (visit.status === "FOLLOWED_UP" && !visit.followUp) {
    fail("VALIDATION_FAILED", "followUp", "followUp: Ghi tiến độ hoặc kết quả giải quyết.");
  }
  if (handling?.route === "refused" && row.petition_id) {
    fail("VISIT_WRONG_STATE", "handling.route", "Lượt tiếp đã được chuyển thành đơn nên không ghi là từ chối tiếp.");
  }
  const options = await ruleOptions(db);
  failOnProblems(handling ? checkVisitHandling(visit, handling, options) : checkVisitRecord(visit, options));

  const changed = Object.keys(body).filter((key) => key !== "version");
  const documentsReceived = body.documentsReceived ?? before.documentsReceived;
  const receiverId =
    body.receiverName !== undefined ? await receiverIdOf(db, auth, row.agency_id, visit.receiverName) : row.receiver_id;
  await db.transaction().execute(async (trx) => {
    await bumpVersion(trx, "reception_visit", id, body.version, {
      received_on: visit.receivedOn,
      ...(body.receivedAt !== undefined ? { received_at: body.receivedAt } : {}),
      kind: visit.kind,
      receiver_name: visit.receiverName,
      receiver_id: receiverId,
      presiding_head: visit.presidingHead ?? null,
      people_count: visit.peopleCount,
      is_crowd: visit.peopleCount >= options.threshold,
      ...sealedPeople(id, visit),
      ...storedTexts(id, visit, documentsReceived),
      written_appointment: visit.writtenAppointment ?? null,
      content_kind: visit.contentKind ?? null,
      field_code: visit.fieldCode ?? null,
      competence: visit.competence ?? null,
      previous_resolver: visit.previousResolver ?? null,
      respondent_name: visit.respondentName ?? null,
      respondent_address: visit.respondentAddress ?? null,
      handling_route: handling?.route ?? null,
    });
    await recordAudit(trx, actor, {
      action: "reception.visit.updated",
      entityType: "reception_visit",
      entityId: id,
      // Which fields changed, not their content (it holds personal data).
      summary: { ...auditFacts(visit, row.seq_no, row.register_year), fieldsChanged: changed },
    });
  });
  return viewOf(db, auth, id);
}

/**
 * One transition of the state machine. The visit is locked and its version checked before the rule
 * runs: the rule reads the stored handling, which the lock keeps from changing under it.
 */
async function transition(
  db: Kysely<DB>,
  auth: AuthContext,
  actor: Actor,
  id: string,
  version: number,
  input: Parameters<typeof visitTransition>[1],
): Promise<VisitView> {
  const options = await ruleOptions(db);
  await runStep(db, actor, VISIT, {
    id,
    version,
    lock: true,
    authorize: (row) => assertAgencyInScope(db, auth, "reception.write", row.agency_id),
    transition: (row) => {
      const visit = toDomainVisit(row);
      const result = visitTransition(visit, input, options);
      failOnProblems(result.problems);
      const handling = input.action === "handle" ? keepPetitionLink(input.handling, row.petition_id) : null;
      if (handling) checkDates(visit.receivedOn, null, handling);
      return { visit, to: result.to as VisitState, handling };
    },
    changes: (_trx, _row, { visit, to, handling }) => ({
      state: to,
      // The follow-up and a refusal's explanation are free texts: sealed and masked with the others
      // for a denunciation.
      ...(handling
        ? { ...storedTexts(id, { ...visit, handling }, visit.documentsReceived), handling_route: handling.route }
        : {}),
      ...(input.action === "follow_up"
        ? storedTexts(id, { ...visit, followUp: input.followUp.followUp.trim() }, visit.documentsReceived)
        : {}),
    }),
    audit: (row, { visit, to, handling }) => ({
      action: input.action === "handle" ? "reception.visit.handled" : "reception.visit.followed_up",
      summary: {
        ...auditFacts({ ...visit, status: to, handling: handling ?? visit.handling }, row.seq_no, row.register_year),
        from: visit.status,
        ...(handling?.refusal ? { refusalReason: handling.refusal.reason } : {}),
      },
    }),
  });
  return viewOf(db, auth, id);
}

/** POST /reception/visits/:id/handle: OPEN → HANDLED (accepted, guided, transferred or refused). */
export function handleVisit(
  db: Kysely<DB>,
  auth: AuthContext,
  actor: Actor,
  id: string,
  body: { version: number; handling: VisitHandling },
): Promise<VisitView> {
  return transition(db, auth, actor, id, body.version, { action: "handle", handling: body.handling });
}

/** POST /reception/visits/:id/follow-up: records progress or the outcome (register column 11). */
export function followUpVisit(
  db: Kysely<DB>,
  auth: AuthContext,
  actor: Actor,
  id: string,
  body: { version: number; followUp: string },
): Promise<VisitView> {
  return transition(db, auth, actor, id, body.version, { action: "follow_up", followUp: { followUp: body.followUp } });
}
