/**
 * Public consultation on an agency's draft regulations (issue 20): the back office keeps the
 * consultation, its phases and versions, moderates the comments citizens post on the portal and
 * writes the handling summary; the portal reads what is public. Every write is one transaction,
 * audited, after the agency scope of `consultation.manage` is checked.
 */
import { randomUUID } from "node:crypto";
import { todayInVietnam } from "@minhbach/domain";
import type {
  ConsultationSummary,
  ConsultationView,
  addResponseBody,
  createConsultationBody,
  moderateCommentBody,
  updateConsultationBody,
  addVersionBody,
} from "@minhbach/domain/api/routes/consultations";
import {
  checkComment,
  checkPhaseDates,
  comparePassages,
  passagesOf,
  PHASE_LABELS,
  phaseOn,
  RESPONSE_OUTCOME_LABELS,
  type CommentProblem,
  type Passage,
  type PassageChange,
  type Phase,
  type PhaseState,
  type ResponseOutcome,
} from "@minhbach/domain/consultations/index";
import type { z } from "@minhbach/domain/api/zod-vi";
import { sql, type Kysely, type Selectable, type Transaction } from "kysely";
import type { ConsultationTable, DB } from "../../db/schema.ts";
import { assertAgencyInScope, inScope, type AuthContext } from "../../platform/access.ts";
import { recordAudit, type Actor } from "../../platform/audit.ts";
import { fail } from "../../platform/errors.ts";
import { SEALED } from "../../platform/sealed-columns.ts";
import { keyRing } from "../../platform/vault.ts";

const PERMISSION = "consultation.manage" as const;

type Row = Selectable<ConsultationTable>;

function stateOf(c: Row): PhaseState {
  return {
    opensOn: c.opens_on,
    closesOn: c.closes_on,
    summaryDueOn: c.summary_due_on,
    openedAt: c.opened_at?.toISOString() ?? null,
    closedAt: c.closed_at?.toISOString() ?? null,
    summaryPublishedAt: c.summary_published_at?.toISOString() ?? null,
  };
}

export function phaseOf(c: Row, today = todayInVietnam()): Phase {
  return phaseOn(stateOf(c), today);
}

function datesOrFail(d: { opensOn: string; closesOn: string; summaryDueOn?: string | null | undefined }): void {
  const problem = checkPhaseDates({ opensOn: d.opensOn, closesOn: d.closesOn, summaryDueOn: d.summaryDueOn ?? null });
  if (problem) fail("VALIDATION_FAILED", problem.field, problem.message);
}

/** The consultation row, locked, after the caller's scope is checked. */
async function lockInScope(trx: Transaction<DB>, auth: AuthContext, id: string): Promise<Row> {
  const c = await trx.selectFrom("consultation").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
  if (!c) fail("NOT_FOUND", "id", "Không tìm thấy dự thảo lấy ý kiến.");
  await assertAgencyInScope(trx, auth, PERMISSION, c.agency_id);
  return c;
}

async function currentVersion(db: Kysely<DB>, id: string): Promise<{ number: number; body: string }> {
  return db
    .selectFrom("consultation_version")
    .select(["number", "body"])
    .where("consultation_id", "=", id)
    .orderBy("number", "desc")
    .limit(1)
    .executeTakeFirstOrThrow();
}

// ---- Back office ------------------------------------------------------------------------------

export async function listConsultations(
  db: Kysely<DB>,
  auth: AuthContext,
  query: { phase?: Phase | undefined },
): Promise<{ items: ConsultationSummary[] }> {
  const rows = await db
    .selectFrom("consultation as c")
    .innerJoin("agency as a", "a.id", "c.agency_id")
    .selectAll("c")
    .select([
      "a.name as agency_name",
      (eb) =>
        eb
          .selectFrom("consultation_version as v")
          .select(sql<number>`max(v.number)`.as("n"))
          .whereRef("v.consultation_id", "=", "c.id")
          .as("current_version"),
      (eb) =>
        eb
          .selectFrom("consultation_comment as m")
          .select(sql<number>`count(*)::int`.as("n"))
          .whereRef("m.consultation_id", "=", "c.id")
          .as("comment_count"),
      (eb) =>
        eb
          .selectFrom("consultation_comment as m")
          .select(sql<number>`count(*)::int`.as("n"))
          .whereRef("m.consultation_id", "=", "c.id")
          .where("m.status", "=", "pending")
          .as("pending_count"),
    ])
    .where(inScope(auth, PERMISSION, "c.agency_id"))
    .orderBy("c.opens_on", "desc")
    .orderBy("c.id")
    .limit(500)
    .execute();
  const today = todayInVietnam();
  const items = rows.map((r) => summaryOf(r, r.agency_name, Number(r.current_version ?? 1), r, today));
  return { items: query.phase ? items.filter((i) => i.phase === query.phase) : items };
}

function summaryOf(
  c: Row,
  agencyName: string,
  version: number,
  counts: { comment_count: number | null; pending_count: number | null },
  today: string,
): ConsultationSummary {
  const phase = phaseOf(c, today);
  return {
    id: c.id,
    agencyId: c.agency_id,
    agencyName,
    title: c.title,
    field: c.field,
    opensOn: c.opens_on,
    closesOn: c.closes_on,
    summaryDueOn: c.summary_due_on,
    phase,
    phaseLabel: PHASE_LABELS[phase],
    currentVersion: version,
    comments: Number(counts.comment_count ?? 0),
    pending: Number(counts.pending_count ?? 0),
  };
}

export async function getConsultation(
  db: Kysely<DB>,
  auth: AuthContext,
  actor: Actor,
  id: string,
): Promise<ConsultationView> {
  const c = await db.selectFrom("consultation").selectAll().where("id", "=", id).executeTakeFirst();
  if (!c) fail("NOT_FOUND", "id", "Không tìm thấy dự thảo lấy ý kiến.");
  await assertAgencyInScope(db, auth, PERMISSION, c.agency_id);
  const view = await viewOf(db, c);
  // The commenters' contacts are opened for the officer: each reading is in the audit trail.
  const withContact = view.commentList.filter((m) => m.contact !== null).map((m) => m.number);
  if (withContact.length)
    await db.transaction().execute((trx) =>
      recordAudit(trx, actor, {
        action: "consultation.contacts_read",
        entityType: "consultation",
        entityId: c.id,
        summary: { comments: withContact },
      }),
    );
  return view;
}

async function viewOf(db: Kysely<DB>, c: Row): Promise<ConsultationView> {
  const agency = await db.selectFrom("agency").select("name").where("id", "=", c.agency_id).executeTakeFirstOrThrow();
  const versions = await db
    .selectFrom("consultation_version")
    .select(["number", "note", "created_at", "body"])
    .where("consultation_id", "=", c.id)
    .orderBy("number")
    .execute();
  const current = versions[versions.length - 1]!;
  const passages = passagesOf(current.body);
  const labels = new Map(passages.map((p) => [p.anchor, p.label]));
  const comments = await db
    .selectFrom("consultation_comment")
    .selectAll()
    .where("consultation_id", "=", c.id)
    .orderBy("number")
    .execute();
  const responses = await db
    .selectFrom("consultation_response")
    .selectAll()
    .where("consultation_id", "=", c.id)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  const ring = keyRing();
  const phase = phaseOf(c);
  const summaryOpen = phase !== "summary_published";
  const view: ConsultationView = {
    ...summaryOf(
      c,
      agency.name,
      current.number,
      {
        comment_count: comments.length,
        pending_count: comments.filter((m) => m.status === "pending").length,
      },
      todayInVietnam(),
    ),
    openedAt: c.opened_at?.toISOString() ?? null,
    closedAt: c.closed_at?.toISOString() ?? null,
    summaryPublishedAt: c.summary_published_at?.toISOString() ?? null,
    versions: versions.map((v) => ({ number: v.number, note: v.note, createdAt: v.created_at.toISOString() })),
    text: current.body,
    passages,
    commentList: comments.map((m) => ({
      id: m.id,
      number: m.number,
      versionNumber: m.version_number,
      anchor: m.anchor,
      passageLabel: labels.get(m.anchor) ?? null,
      quote: m.quote,
      body: m.body,
      authorName: m.author_name,
      contact: m.contact_sealed ? ring.open(m.contact_sealed, SEALED.consultationContact.context(m.id)) : null,
      status: m.status,
      moderationReason: m.moderation_reason,
      moderatedAt: m.moderated_at?.toISOString() ?? null,
      responseId: m.response_id,
      createdAt: m.created_at.toISOString(),
    })),
    responses: responses.map((r) => ({
      id: r.id,
      outcome: r.outcome,
      outcomeLabel: RESPONSE_OUTCOME_LABELS[r.outcome],
      explanation: r.explanation,
      commentNumbers: comments.filter((m) => m.response_id === r.id).map((m) => m.number),
      createdAt: r.created_at.toISOString(),
    })),
    actions: {
      edit: summaryOpen,
      addVersion: summaryOpen,
      open: c.opened_at === null,
      close: phase === "open",
      moderate: summaryOpen,
      respond: summaryOpen,
      publishSummary: phase === "closed",
    },
  };
  return view;
}

async function reload(db: Kysely<DB>, id: string): Promise<ConsultationView> {
  return viewOf(db, await db.selectFrom("consultation").selectAll().where("id", "=", id).executeTakeFirstOrThrow());
}

export async function createConsultation(
  db: Kysely<DB>,
  auth: AuthContext,
  actor: Actor,
  body: z.output<typeof createConsultationBody>,
): Promise<ConsultationView> {
  datesOrFail(body);
  const id = randomUUID();
  await db.transaction().execute(async (trx) => {
    const agency = await trx.selectFrom("agency").select("id").where("id", "=", body.agencyId).executeTakeFirst();
    if (!agency) fail("AGENCY_NOT_FOUND", "agencyId");
    await assertAgencyInScope(trx, auth, PERMISSION, agency.id, "agencyId");
    await trx
      .insertInto("consultation")
      .values({
        id,
        agency_id: agency.id,
        title: body.title,
        field: body.field ?? null,
        opens_on: body.opensOn,
        closes_on: body.closesOn,
        summary_due_on: body.summaryDueOn ?? null,
        created_by: auth.userId,
      })
      .execute();
    await trx
      .insertInto("consultation_version")
      .values({ consultation_id: id, number: 1, body: body.text, note: null, created_by: auth.userId })
      .execute();
    await recordAudit(trx, actor, {
      action: "consultation.created",
      entityType: "consultation",
      entityId: id,
      summary: { title: body.title, opensOn: body.opensOn, closesOn: body.closesOn },
    });
  });
  return reload(db, id);
}

function refuseAfterSummary(c: Row, what: string): void {
  if (c.summary_published_at)
    fail("VALIDATION_FAILED", "id", `Kết quả tiếp thu, giải trình đã công bố: không thể ${what}.`);
}

export async function updateConsultation(
  db: Kysely<DB>,
  auth: AuthContext,
  actor: Actor,
  id: string,
  body: z.output<typeof updateConsultationBody>,
): Promise<ConsultationView> {
  datesOrFail(body);
  await db.transaction().execute(async (trx) => {
    const c = await lockInScope(trx, auth, id);
    refuseAfterSummary(c, "sửa dự thảo");
    await trx
      .updateTable("consultation")
      .set({
        title: body.title,
        field: body.field ?? null,
        opens_on: body.opensOn,
        closes_on: body.closesOn,
        summary_due_on: body.summaryDueOn ?? null,
      })
      .where("id", "=", id)
      .execute();
    await recordAudit(trx, actor, {
      action: "consultation.updated",
      entityType: "consultation",
      entityId: id,
      summary: {
        before: { title: c.title, opensOn: c.opens_on, closesOn: c.closes_on, summaryDueOn: c.summary_due_on },
        after: { title: body.title, opensOn: body.opensOn, closesOn: body.closesOn, summaryDueOn: body.summaryDueOn },
      },
    });
  });
  return reload(db, id);
}

export async function addVersion(
  db: Kysely<DB>,
  auth: AuthContext,
  actor: Actor,
  id: string,
  body: z.output<typeof addVersionBody>,
): Promise<ConsultationView> {
  await db.transaction().execute(async (trx) => {
    const c = await lockInScope(trx, auth, id);
    refuseAfterSummary(c, "đăng phiên bản mới");
    if (c.closed_at || (c.opened_at && todayInVietnam() > c.closes_on))
      fail("VALIDATION_FAILED", "text", "Toàn văn dự thảo: đã hết thời gian lấy ý kiến, không đăng thêm phiên bản.");
    if (!passagesOf(body.text).length) fail("VALIDATION_FAILED", "text", "Nhập toàn văn dự thảo.");
    const last = await currentVersion(trx, id);
    const number = last.number + 1;
    await trx
      .insertInto("consultation_version")
      .values({ consultation_id: id, number, body: body.text, note: body.note ?? null, created_by: auth.userId })
      .execute();
    await recordAudit(trx, actor, {
      action: "consultation.version_added",
      entityType: "consultation",
      entityId: id,
      summary: { number },
    });
  });
  return reload(db, id);
}

export async function openConsultation(
  db: Kysely<DB>,
  auth: AuthContext,
  actor: Actor,
  id: string,
): Promise<ConsultationView> {
  await db.transaction().execute(async (trx) => {
    const c = await lockInScope(trx, auth, id);
    if (c.opened_at) fail("VALIDATION_FAILED", "id", "Dự thảo đã được đăng lên cổng để lấy ý kiến.");
    if (todayInVietnam() > c.closes_on)
      fail(
        "VALIDATION_FAILED",
        "closesOn",
        "Ngày kết thúc lấy ý kiến: đã qua, sửa ngày của các giai đoạn trước khi đăng dự thảo.",
      );
    await trx.updateTable("consultation").set({ opened_at: new Date() }).where("id", "=", id).execute();
    await recordAudit(trx, actor, { action: "consultation.opened", entityType: "consultation", entityId: id });
  });
  return reload(db, id);
}

export async function closeConsultation(
  db: Kysely<DB>,
  auth: AuthContext,
  actor: Actor,
  id: string,
): Promise<ConsultationView> {
  await db.transaction().execute(async (trx) => {
    const c = await lockInScope(trx, auth, id);
    if (phaseOf(c) !== "open")
      fail("VALIDATION_FAILED", "id", "Dự thảo không ở giai đoạn đang lấy ý kiến: không có gì để kết thúc.");
    await trx.updateTable("consultation").set({ closed_at: new Date() }).where("id", "=", id).execute();
    await recordAudit(trx, actor, {
      action: "consultation.closed",
      entityType: "consultation",
      entityId: id,
      summary: { plannedCloseOn: c.closes_on },
    });
  });
  return reload(db, id);
}

export async function moderateComment(
  db: Kysely<DB>,
  auth: AuthContext,
  actor: Actor,
  id: string,
  commentId: string,
  body: z.output<typeof moderateCommentBody>,
): Promise<ConsultationView> {
  await db.transaction().execute(async (trx) => {
    const c = await lockInScope(trx, auth, id);
    refuseAfterSummary(c, "duyệt góp ý");
    const m = await trx
      .selectFrom("consultation_comment")
      .select(["id", "status", "number", "response_id"])
      .where("id", "=", commentId)
      .where("consultation_id", "=", id)
      .executeTakeFirst();
    if (!m) fail("NOT_FOUND", "commentId", "Không tìm thấy góp ý trong dự thảo này.");
    const reason = body.reason ?? null;
    if (body.decision === "hide" && !reason) fail("VALIDATION_FAILED", "reason", "Lý do: nhập lý do ẩn góp ý.");
    // An answered comment is part of the handling summary: hiding it would leave an answer to nothing.
    if (body.decision === "hide" && m.response_id)
      fail(
        "VALIDATION_FAILED",
        "decision",
        `Góp ý số ${m.number} đã có nội dung tiếp thu, giải trình: không ẩn được góp ý đã được trả lời.`,
      );
    const status = body.decision === "publish" ? "published" : "hidden";
    await trx
      .updateTable("consultation_comment")
      .set({ status, moderation_reason: reason, moderated_by: auth.userId, moderated_at: new Date() })
      .where("id", "=", m.id)
      .execute();
    await recordAudit(trx, actor, {
      action: status === "published" ? "consultation.comment_published" : "consultation.comment_hidden",
      entityType: "consultation_comment",
      entityId: m.id,
      summary: { consultationId: id, number: m.number, before: m.status, after: status, reason },
    });
  });
  return reload(db, id);
}

export async function addResponse(
  db: Kysely<DB>,
  auth: AuthContext,
  actor: Actor,
  id: string,
  body: z.output<typeof addResponseBody>,
): Promise<ConsultationView> {
  await db.transaction().execute(async (trx) => {
    const c = await lockInScope(trx, auth, id);
    refuseAfterSummary(c, "thêm nội dung tiếp thu");
    const wanted = [...new Set(body.commentIds)];
    const comments = await trx
      .selectFrom("consultation_comment")
      .select(["id", "number", "status", "response_id"])
      .where("consultation_id", "=", id)
      .where("id", "in", wanted)
      .execute();
    if (comments.length !== wanted.length)
      fail("VALIDATION_FAILED", "commentIds", "Góp ý được trả lời: có góp ý không thuộc dự thảo này.");
    const notPublished = comments.find((m) => m.status !== "published");
    if (notPublished)
      fail(
        "VALIDATION_FAILED",
        "commentIds",
        `Góp ý được trả lời: góp ý số ${notPublished.number} chưa được duyệt đăng hoặc đã bị ẩn.`,
      );
    const answered = comments.find((m) => m.response_id !== null);
    if (answered)
      fail(
        "VALIDATION_FAILED",
        "commentIds",
        `Góp ý được trả lời: góp ý số ${answered.number} đã có nội dung tiếp thu.`,
      );
    const responseId = randomUUID();
    await trx
      .insertInto("consultation_response")
      .values({
        id: responseId,
        consultation_id: id,
        outcome: body.outcome,
        explanation: body.explanation,
        created_by: auth.userId,
      })
      .execute();
    await trx.updateTable("consultation_comment").set({ response_id: responseId }).where("id", "in", wanted).execute();
    await recordAudit(trx, actor, {
      action: "consultation.response_added",
      entityType: "consultation",
      entityId: id,
      summary: { responseId, outcome: body.outcome, comments: comments.map((m) => m.number).sort((a, b) => a - b) },
    });
  });
  return reload(db, id);
}

export async function publishSummary(
  db: Kysely<DB>,
  auth: AuthContext,
  actor: Actor,
  id: string,
): Promise<ConsultationView> {
  await db.transaction().execute(async (trx) => {
    const c = await lockInScope(trx, auth, id);
    const phase = phaseOf(c);
    if (phase === "summary_published") fail("VALIDATION_FAILED", "id", "Kết quả tiếp thu, giải trình đã công bố.");
    if (phase !== "closed")
      fail("VALIDATION_FAILED", "id", "Chỉ công bố kết quả tiếp thu, giải trình sau khi kết thúc lấy ý kiến.");
    const open = await trx
      .selectFrom("consultation_comment")
      .select([
        sql<number>`count(*) filter (where status = 'pending')::int`.as("pending"),
        sql<number>`count(*) filter (where status = 'published' and response_id is null)::int`.as("unanswered"),
      ])
      .where("consultation_id", "=", id)
      .executeTakeFirstOrThrow();
    if (Number(open.pending) > 0)
      fail("VALIDATION_FAILED", "id", `Còn ${open.pending} góp ý chờ duyệt: duyệt đăng hoặc ẩn trước khi công bố.`);
    if (Number(open.unanswered) > 0)
      fail("VALIDATION_FAILED", "id", `Còn ${open.unanswered} góp ý đã đăng chưa có nội dung tiếp thu, giải trình.`);
    await trx.updateTable("consultation").set({ summary_published_at: new Date() }).where("id", "=", id).execute();
    await recordAudit(trx, actor, {
      action: "consultation.summary_published",
      entityType: "consultation",
      entityId: id,
    });
  });
  return reload(db, id);
}

// ---- Portal (no account) ----------------------------------------------------------------------

export interface PublicConsultation {
  id: string;
  agencyName: string;
  title: string;
  field: string | null;
  opensOn: string;
  closesOn: string;
  summaryDueOn: string | null;
  phase: Phase;
  summaryPublishedAt: Date | null;
  versionNumber: number;
  versions: number[];
  passages: Passage[];
  /** Published comments, in their order; the contact is never read here. */
  comments: {
    number: number;
    anchor: string;
    quote: string | null;
    body: string;
    authorName: string | null;
    createdAt: Date;
    responseId: string | null;
  }[];
  responses: { id: string; outcome: ResponseOutcome; explanation: string; commentNumbers: number[] }[];
}

/** The consultations shown on the portal (put there by an officer), newest first. */
export async function publicConsultations(db: Kysely<DB>) {
  const rows = await db
    .selectFrom("consultation as c")
    .innerJoin("agency as a", "a.id", "c.agency_id")
    .selectAll("c")
    .select("a.name as agency_name")
    .where("c.opened_at", "is not", null)
    .orderBy("c.opens_on", "desc")
    .orderBy("c.id")
    .limit(200)
    .execute();
  const today = todayInVietnam();
  return rows.map((r) => ({
    id: r.id,
    agencyName: r.agency_name,
    title: r.title,
    field: r.field,
    opensOn: r.opens_on,
    closesOn: r.closes_on,
    phase: phaseOf(r, today),
  }));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One public consultation, in its current version or the one asked for; null when not public. */
export async function publicConsultation(
  db: Kysely<DB>,
  id: string,
  versionNumber: number | null = null,
): Promise<PublicConsultation | null> {
  if (!UUID.test(id)) return null;
  const c = await db
    .selectFrom("consultation as c")
    .innerJoin("agency as a", "a.id", "c.agency_id")
    .selectAll("c")
    .select("a.name as agency_name")
    .where("c.id", "=", id)
    .where("c.opened_at", "is not", null)
    .executeTakeFirst();
  if (!c) return null;
  const versions = await db
    .selectFrom("consultation_version")
    .select(["number", "body"])
    .where("consultation_id", "=", id)
    .orderBy("number")
    .execute();
  const shown = versions.find((v) => v.number === versionNumber) ?? versions[versions.length - 1]!;
  const comments = await db
    .selectFrom("consultation_comment")
    .select(["number", "anchor", "quote", "body", "author_name", "created_at", "response_id"])
    .where("consultation_id", "=", id)
    .where("status", "=", "published")
    .orderBy("number")
    .execute();
  const phase = phaseOf(c);
  const responses =
    phase === "summary_published"
      ? await db
          .selectFrom("consultation_response")
          .select(["id", "outcome", "explanation"])
          .where("consultation_id", "=", id)
          .orderBy("created_at")
          .orderBy("id")
          .execute()
      : [];
  return {
    id: c.id,
    agencyName: c.agency_name,
    title: c.title,
    field: c.field,
    opensOn: c.opens_on,
    closesOn: c.closes_on,
    summaryDueOn: c.summary_due_on,
    phase,
    summaryPublishedAt: c.summary_published_at,
    versionNumber: shown.number,
    versions: versions.map((v) => v.number),
    passages: passagesOf(shown.body),
    comments: comments.map((m) => ({
      number: m.number,
      anchor: m.anchor,
      quote: m.quote,
      body: m.body,
      authorName: m.author_name,
      createdAt: m.created_at,
      responseId: phase === "summary_published" ? m.response_id : null,
    })),
    responses: responses.map((r) => ({
      id: r.id,
      outcome: r.outcome,
      explanation: r.explanation,
      commentNumbers: comments.filter((m) => m.response_id === r.id).map((m) => m.number),
    })),
  };
}

export type CommentResult = { ok: true; number: number } | { ok: false; problems: CommentProblem[] };

/**
 * A citizen's comment (the proof of work was checked by the caller; `powId` is the solved
 * challenge). Held for moderation; the contact is sealed. Checked against the phase and the
 * anchors of the current version inside the transaction that writes it.
 */
export async function postComment(
  db: Kysely<DB>,
  id: string,
  input: Record<string, unknown>,
  powId: string,
  clientIp: string,
): Promise<CommentResult> {
  return db.transaction().execute(async (trx): Promise<CommentResult> => {
    const c = await trx
      .selectFrom("consultation")
      .selectAll()
      .where("id", "=", id)
      .where("opened_at", "is not", null)
      .forUpdate()
      .executeTakeFirst();
    if (!c) fail("NOT_FOUND", "consultation", "Không tìm thấy dự thảo lấy ý kiến.");
    const version = await currentVersion(trx, id);
    const anchors = new Set(passagesOf(version.body).map((p) => p.anchor));
    const check = checkComment(input, phaseOf(c), anchors);
    if (!check.ok) return check;
    const used = await trx
      .selectFrom("consultation_comment")
      .select("id")
      .where("pow_id", "=", powId)
      .executeTakeFirst();
    if (used)
      return {
        ok: false,
        problems: [
          { field: "consultation", message: "Bước chống gửi tự động đã được dùng: vui lòng tải lại trang và gửi lại." },
        ],
      };
    const last = await trx
      .selectFrom("consultation_comment")
      .select(sql<number>`coalesce(max(number), 0)::int`.as("n"))
      .where("consultation_id", "=", id)
      .executeTakeFirstOrThrow();
    const number = Number(last.n) + 1;
    const commentId = randomUUID();
    const v = check.value;
    await trx
      .insertInto("consultation_comment")
      .values({
        id: commentId,
        consultation_id: id,
        number,
        version_number: version.number,
        anchor: v.anchor,
        quote: v.quote,
        body: v.body,
        author_name: v.authorName,
        contact_sealed: v.contact ? keyRing().seal(v.contact, SEALED.consultationContact.context(commentId)) : null,
        pow_id: powId,
      })
      .execute();
    // The audit trail keeps the address (as every portal posting), never the contact.
    await recordAudit(
      trx,
      { userId: null, name: "Công dân (cổng trực tuyến)", agencyId: c.agency_id, clientIp },
      {
        action: "consultation.comment_received",
        entityType: "consultation_comment",
        entityId: commentId,
        summary: { consultationId: id, number, anchor: v.anchor, version: version.number },
      },
    );
    return { ok: true, number };
  });
}

/** Two versions of a draft on the portal, compared passage by passage (consultations/text.ts). */
export interface PublicComparison {
  id: string;
  title: string;
  agencyName: string;
  versions: number[];
  from: number;
  to: number;
  changes: PassageChange[];
}

/**
 * The comparison of two versions of a draft put on the portal; by default the one before the
 * latest with the latest. Null when the draft is not on the portal or has one version only.
 */
export async function publicComparison(
  db: Kysely<DB>,
  id: string,
  wanted: { from: number | null; to: number | null },
): Promise<PublicComparison | null> {
  if (!UUID.test(id)) return null;
  const c = await db
    .selectFrom("consultation as c")
    .innerJoin("agency as a", "a.id", "c.agency_id")
    .select(["c.id", "c.title", "a.name as agency_name"])
    .where("c.id", "=", id)
    .where("c.opened_at", "is not", null)
    .executeTakeFirst();
  if (!c) return null;
  const versions = await db
    .selectFrom("consultation_version")
    .select(["number", "body"])
    .where("consultation_id", "=", id)
    .orderBy("number")
    .execute();
  if (versions.length < 2) return null;
  const numbers = versions.map((v) => v.number);
  const last = numbers[numbers.length - 1]!;
  const to = wanted.to !== null && numbers.includes(wanted.to) ? wanted.to : last;
  const fallbackFrom = numbers.filter((n) => n < to).pop() ?? numbers[0]!;
  const from = wanted.from !== null && numbers.includes(wanted.from) ? wanted.from : fallbackFrom;
  const body = (n: number) => versions.find((v) => v.number === n)!.body;
  return {
    id: c.id,
    title: c.title,
    agencyName: c.agency_name,
    versions: numbers,
    from,
    to,
    changes: comparePassages(passagesOf(body(from)), passagesOf(body(to))),
  };
}
