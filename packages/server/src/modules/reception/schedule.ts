/**
 * The heads' reception schedule (lịch tiếp công dân định kỳ, đột xuất của người đứng đầu,
 * docs/LAW.md §3.2): entries are drafted, published (the law requires the schedule to be posted
 * publicly: the public page and the iCal feed show published entries), then held or cancelled.
 * A held reception ends with the head's notice of conclusions (thông báo kết luận tiếp công dân,
 * Thông tư 04/2021/TT-TTCP), drafted here as an official document of form TCD-KL.
 *
 * draft ──publish──▶ published ──(conclusion or PATCH status)──▶ held
 *   └──────────────────┴──(PATCH status)──▶ cancelled
 */
import { todayInVietnam } from "@minhbach/domain";
import { addDays } from "@minhbach/domain/calendar/iso-date";
import type { OfficialDocument } from "@minhbach/domain/api/documents";
import type {
  CreateScheduleBody,
  PublicSchedule,
  PublicScheduleQuery,
  ScheduleAction,
  ScheduleConclusionBody,
  ScheduleKind,
  ScheduleListQuery,
  ScheduleStatus,
  ScheduleView,
  UpdateScheduleBody,
} from "@minhbach/domain/api/reception-views";
import { sql, type Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import { assertAgencyInScope, inScope, scopeOf, type AuthContext } from "../../platform/access.ts";
import { recordAudit, type Actor } from "../../platform/audit.ts";
import { fail } from "../../platform/errors.ts";
import { createDraft, getDocument } from "../documents/service.ts";
import { buildICalendar, type ICalEntry } from "./ical.ts";
import { mayWriteAgency } from "./visit-view.ts";

const SCHEDULE_NOT_FOUND = "Không tìm thấy lịch tiếp công dân.";

function scheduleQuery(db: Kysely<DB>) {
  return db
    .selectFrom("reception_schedule as s")
    .innerJoin("agency as a", "a.id", "s.agency_id")
    .select([
      "s.id",
      "s.agency_id",
      "a.name as agency_name",
      "a.path as agency_path",
      "s.leader_name",
      "s.leader_title",
      "s.starts_at",
      "s.ends_at",
      "s.place",
      "s.kind",
      "s.note",
      "s.status",
      "s.published_at",
      "s.conclusion_document_id",
      "s.version",
      "s.created_at",
      "s.updated_at",
    ]);
}

type ScheduleRow = Awaited<ReturnType<ReturnType<typeof scheduleQuery>["executeTakeFirstOrThrow"]>>;

const iso = (value: Date | string) => new Date(value).toISOString();

/** Whether the caller's document.issue scope reaches the agency. */
function mayDraft(auth: AuthContext, row: ScheduleRow): boolean {
  const scope = scopeOf(auth, "document.issue");
  if (scope === null) return false;
  return row.agency_id === auth.agencyId || (scope === "subtree" && row.agency_path.startsWith(auth.agencyPath));
}

function actionsOf(auth: AuthContext, row: ScheduleRow): ScheduleAction[] {
  if (!mayWriteAgency(auth, row.agency_id, row.agency_path)) return [];
  const actions: ScheduleAction[] = [];
  if (row.status === "draft" || row.status === "published") actions.push("edit", "cancel");
  if (row.status === "draft") actions.push("publish");
  if (row.status === "published") actions.push("hold");
  if (
    (row.status === "published" || row.status === "held") &&
    row.conclusion_document_id === null &&
    new Date(row.starts_at).getTime() <= Date.now() &&
    mayDraft(auth, row)
  ) {
    actions.push("conclude");
  }
  return actions;
}

function present(auth: AuthContext, row: ScheduleRow): ScheduleView {
  return {
    id: row.id,
    agencyId: row.agency_id,
    agencyName: row.agency_name,
    leaderName: row.leader_name,
    leaderTitle: row.leader_title,
    startsAt: iso(row.starts_at),
    endsAt: iso(row.ends_at),
    place: row.place,
    kind: row.kind as ScheduleKind,
    note: row.note,
    status: row.status as ScheduleStatus,
    publishedAt: row.published_at ? iso(row.published_at) : null,
    conclusionDocumentId: row.conclusion_document_id,
    version: row.version,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    actions: actionsOf(auth, row),
  };
}

async function loadSchedule(
  db: Kysely<DB>,
  auth: AuthContext,
  id: string,
  permission: "reception.read" | "reception.write",
): Promise<ScheduleRow> {
  const row = await scheduleQuery(db).where("s.id", "=", id).executeTakeFirst();
  if (!row) fail("NOT_FOUND", undefined, SCHEDULE_NOT_FOUND);
  await assertAgencyInScope(db, auth, permission, row.agency_id);
  return row;
}

export async function getSchedule(db: Kysely<DB>, auth: AuthContext, id: string): Promise<ScheduleView> {
  return present(auth, await loadSchedule(db, auth, id, "reception.read"));
}

/** Start of a Vietnamese calendar day as an instant. */
const dayStart = (date: string) => new Date(`${date}T00:00:00+07:00`);

const SORTS = {
  startsAt: "s.starts_at",
  leaderName: "s.leader_name",
  status: "s.status",
} as const;

function filteredSchedule(db: Kysely<DB>, auth: AuthContext, query: ScheduleListQuery) {
  let q = scheduleQuery(db).where(inScope(auth, "reception.read", "s.agency_id"));
  if (query.from) q = q.where("s.starts_at", ">=", dayStart(query.from));
  if (query.to) q = q.where("s.starts_at", "<", dayStart(addDays(query.to, 1)));
  if (query.status?.length) q = q.where("s.status", "in", query.status);
  if (query.kind) q = q.where("s.kind", "=", query.kind);
  if (query.q) {
    const needle = `%${query.q.toLowerCase().replace(/[\\%_]/g, (c) => "\\" + c)}%`;
    q = q.where(
      sql<boolean>`f_unaccent(lower(s.leader_name || ' ' || s.leader_title || ' ' || s.place)) like f_unaccent(${needle})`,
    );
  }
  return q;
}

/** GET /reception/schedule: the calendar of the agencies in scope. */
export async function listSchedule(db: Kysely<DB>, auth: AuthContext, query: ScheduleListQuery) {
  const q = filteredSchedule(db, auth, query);
  const countRow = await q
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  const rows = await q
    .orderBy(SORTS[query.sort], query.order)
    .orderBy("s.starts_at", query.order)
    .orderBy("s.id")
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  return {
    items: rows.map((row) => present(auth, row)),
    total: Number(countRow.n),
    page: query.page,
    pageSize: query.pageSize,
  };
}

export async function allSchedule(db: Kysely<DB>, auth: AuthContext, query: ScheduleListQuery, limit: number) {
  const rows = await filteredSchedule(db, auth, query)
    .orderBy(SORTS[query.sort], query.order)
    .orderBy("s.starts_at", query.order)
    .orderBy("s.id")
    .limit(limit)
    .execute();
  return rows.map((row) => present(auth, row));
}

/** What the audit trail keeps of an entry (the head's name is public, but not needed there). */
const auditFacts = (kind: string, startsAt: Date | string, status: string) => ({
  kind,
  startsAt: iso(startsAt),
  status,
});

/** POST /reception/schedule: a draft entry of the caller's agency. */
export async function createSchedule(
  db: Kysely<DB>,
  auth: AuthContext,
  actor: Actor,
  body: CreateScheduleBody,
): Promise<ScheduleView> {
  await assertAgencyInScope(db, auth, "reception.write", auth.agencyId);
  const id = await db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto("reception_schedule")
      .values({
        agency_id: auth.agencyId,
        leader_name: body.leaderName,
        leader_title: body.leaderTitle,
        starts_at: body.startsAt,
        ends_at: body.endsAt,
        place: body.place,
        kind: body.kind,
        note: body.note ?? null,
        created_by: actor.userId,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: "reception.schedule.created",
      entityType: "reception_schedule",
      entityId: row.id,
      summary: auditFacts(body.kind, body.startsAt, "draft"),
    });
    return row.id;
  });
  return getSchedule(db, auth, id);
}

const CLOSING: Record<"held" | "cancelled", readonly string[]> = {
  held: ["published"],
  cancelled: ["draft", "published"],
};

/** PATCH /reception/schedule/:id: edits a draft or published entry, or marks it held or cancelled. */
export async function updateSchedule(
  db: Kysely<DB>,
  auth: AuthContext,
  actor: Actor,
  id: string,
  body: UpdateScheduleBody,
): Promise<ScheduleView> {
  const before = await loadSchedule(db, auth, id, "reception.write");
  const { version, status, ...fields } = body;
  const editing = Object.values(fields).some((v) => v !== undefined);
  if (editing && before.status !== "draft" && before.status !== "published") {
    fail("SCHEDULE_WRONG_STATUS", "status", "Lịch đã tiếp hoặc đã hủy: không sửa được.");
  }
  if (status && !CLOSING[status].includes(before.status)) {
    fail(
      "SCHEDULE_WRONG_STATUS",
      "status",
      status === "held" ? "Chỉ ghi đã tiếp cho lịch đã công bố." : "Lịch đã tiếp hoặc đã hủy: không hủy được.",
    );
  }
  const startsAt = fields.startsAt ?? iso(before.starts_at);
  const endsAt = fields.endsAt ?? iso(before.ends_at);
  if (Date.parse(endsAt) <= Date.parse(startsAt)) {
    fail("VALIDATION_FAILED", "endsAt", "endsAt: Giờ kết thúc phải sau giờ bắt đầu.");
  }
  await db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable("reception_schedule")
      .set((eb) => ({
        ...(fields.leaderName !== undefined ? { leader_name: fields.leaderName } : {}),
        ...(fields.leaderTitle !== undefined ? { leader_title: fields.leaderTitle } : {}),
        ...(fields.startsAt !== undefined ? { starts_at: fields.startsAt } : {}),
        ...(fields.endsAt !== undefined ? { ends_at: fields.endsAt } : {}),
        ...(fields.place !== undefined ? { place: fields.place } : {}),
        ...(fields.kind !== undefined ? { kind: fields.kind } : {}),
        ...(fields.note !== undefined ? { note: fields.note } : {}),
        ...(status ? { status } : {}),
        version: eb("version", "+", 1),
        updated_at: new Date(),
      }))
      .where("id", "=", id)
      .where("version", "=", version)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) fail("VERSION_CONFLICT", "version");
    await recordAudit(trx, actor, {
      action:
        status === "cancelled"
          ? "reception.schedule.cancelled"
          : status === "held"
            ? "reception.schedule.held"
            : "reception.schedule.updated",
      entityType: "reception_schedule",
      entityId: id,
      summary: {
        ...auditFacts(fields.kind ?? before.kind, startsAt, status ?? before.status),
        fieldsChanged: Object.keys(fields).filter((k) => fields[k as keyof typeof fields] !== undefined),
      },
    });
  });
  return getSchedule(db, auth, id);
}

/** POST /reception/schedule/:id/publish: draft → published (shown on the public page and feed). */
export async function publishSchedule(
  db: Kysely<DB>,
  auth: AuthContext,
  actor: Actor,
  id: string,
  body: { version: number },
): Promise<ScheduleView> {
  const before = await loadSchedule(db, auth, id, "reception.write");
  if (before.status !== "draft") fail("SCHEDULE_WRONG_STATUS", "status", "Chỉ công bố lịch đang ở trạng thái dự kiến.");
  await db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable("reception_schedule")
      .set((eb) => ({
        status: "published",
        published_at: new Date(),
        version: eb("version", "+", 1),
        updated_at: new Date(),
      }))
      .where("id", "=", id)
      .where("version", "=", body.version)
      .where("status", "=", "draft")
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) fail("VERSION_CONFLICT", "version");
    await recordAudit(trx, actor, {
      action: "reception.schedule.published",
      entityType: "reception_schedule",
      entityId: id,
      summary: auditFacts(before.kind, before.starts_at, "published"),
    });
  });
  return getSchedule(db, auth, id);
}

/**
 * POST /reception/schedule/:id/conclusion: drafts the head's notice of conclusions (form TCD-KL)
 * linked to the entry, and marks the entry held — in one transaction.
 */
export async function concludeSchedule(
  db: Kysely<DB>,
  auth: AuthContext,
  actor: Actor,
  id: string,
  body: ScheduleConclusionBody,
): Promise<{ schedule: ScheduleView; document: OfficialDocument }> {
  const before = await loadSchedule(db, auth, id, "reception.write");
  await assertAgencyInScope(db, auth, "document.issue", before.agency_id);
  if (before.status !== "published" && before.status !== "held") {
    fail("SCHEDULE_WRONG_STATUS", "status", "Chỉ lập thông báo kết luận cho buổi tiếp đã công bố hoặc đã tiếp.");
  }
  if (before.conclusion_document_id) fail("SCHEDULE_CONCLUSION_EXISTS", "conclusionDocumentId");
  if (new Date(before.starts_at).getTime() > Date.now()) fail("SCHEDULE_NOT_HELD_YET", "startsAt");
  const receptionDate = todayInVietnam(new Date(before.starts_at));
  // The head's instructions carry a deadline after the reception (Thông tư 04/2021/TT-TTCP).
  body.assignments?.forEach((a, i) => {
    if (a.dueOn < receptionDate) {
      fail(
        "VALIDATION_FAILED",
        `assignments.${i}.dueOn`,
        `assignments.${i}.dueOn: Thời hạn hoàn thành không được trước ngày tiếp công dân.`,
      );
    }
  });
  const { version, ...given } = body;
  const fields = {
    ...given,
    chairedBy: given.chairedBy ?? { name: before.leader_name, position: before.leader_title },
    receptionDate,
    receptionKind: before.kind,
    place: given.place ?? before.place,
  };
  const documentId = await db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable("reception_schedule")
      .set((eb) => ({ status: "held", version: eb("version", "+", 1), updated_at: new Date() }))
      .where("id", "=", id)
      .where("version", "=", version)
      .where("conclusion_document_id", "is", null)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) fail("VERSION_CONFLICT", "version");
    const document = await createDraft(trx, actor, {
      agencyId: before.agency_id,
      entityType: "reception_schedule",
      entityId: id,
      formCode: "TCD-KL",
      fields,
    });
    await trx
      .updateTable("reception_schedule")
      .set({ conclusion_document_id: document.id })
      .where("id", "=", id)
      .execute();
    await recordAudit(trx, actor, {
      action: "reception.schedule.concluded",
      entityType: "reception_schedule",
      entityId: id,
      summary: { ...auditFacts(before.kind, before.starts_at, "held"), documentId: document.id, formCode: "TCD-KL" },
    });
    return document.id;
  });
  return { schedule: await getSchedule(db, auth, id), document: await getDocument(db, auth, documentId) };
}

// ---------------------------------------------------------------------------------------------
// Public (no session): what the agency has published, nothing about citizens or staff.

const PUBLIC_PAST_DAYS = 90;
const PUBLIC_AHEAD_DAYS = 366;
const PUBLIC_LIMIT = 500;

async function publishedEntries(db: Kysely<DB>, query: PublicScheduleQuery) {
  const agency = await db
    .selectFrom("agency")
    .select(["id", "code", "name"])
    .where("code", "=", query.agency)
    .executeTakeFirst();
  if (!agency) fail("AGENCY_NOT_FOUND", "agency");
  const today = todayInVietnam();
  const from = query.from ?? addDays(today, -PUBLIC_PAST_DAYS);
  const to = query.to ?? addDays(today, PUBLIC_AHEAD_DAYS);
  const rows = await db
    .selectFrom("reception_schedule")
    .select([
      "id",
      "leader_name",
      "leader_title",
      "starts_at",
      "ends_at",
      "place",
      "kind",
      "status",
      "version",
      "updated_at",
    ])
    .where("agency_id", "=", agency.id)
    .where("published_at", "is not", null)
    .where("starts_at", ">=", dayStart(from))
    .where("starts_at", "<", dayStart(addDays(to, 1)))
    .orderBy("starts_at")
    .orderBy("id")
    .limit(PUBLIC_LIMIT)
    .execute();
  return { agency, rows };
}

/** GET /public/reception-schedule?agency=CODE. */
export async function publicSchedule(db: Kysely<DB>, query: PublicScheduleQuery): Promise<PublicSchedule> {
  const { agency, rows } = await publishedEntries(db, query);
  return {
    agencyCode: agency.code,
    agencyName: agency.name,
    items: rows.map((r) => ({
      id: r.id,
      leaderName: r.leader_name,
      leaderTitle: r.leader_title,
      startsAt: iso(r.starts_at),
      endsAt: iso(r.ends_at),
      place: r.place,
      kind: r.kind as ScheduleKind,
      status: r.status as "published" | "held" | "cancelled",
    })),
  };
}

/** GET /public/reception-schedule.ics?agency=CODE. */
export async function publicScheduleICal(db: Kysely<DB>, query: PublicScheduleQuery): Promise<string> {
  const { agency, rows } = await publishedEntries(db, query);
  const entries: ICalEntry[] = rows.map((r) => ({
    id: r.id,
    leaderName: r.leader_name,
    leaderTitle: r.leader_title,
    startsAt: new Date(r.starts_at),
    endsAt: new Date(r.ends_at),
    place: r.place,
    kind: r.kind as ScheduleKind,
    status: r.status as ICalEntry["status"],
    version: r.version,
    updatedAt: new Date(r.updated_at),
  }));
  return buildICalendar({ agencyCode: agency.code, agencyName: agency.name, entries });
}
