/**
 * The follow-up of a conclusion's recommendations across years (docs/LAW.md §8.5; issue 17):
 * partial recoveries with date, amount and evidence, urging letters and direct follow-up checks,
 * closing by decision; the status computed (domain follow-up.ts, the same rule in SQL for the
 * list's filters); the list of every recommendation in scope (filters, sort, Excel), and the
 * figures of a period: recommended vs recovered, and recovered from earlier years' conclusions,
 * exact to the đồng.
 */
import {
  checkRecovery,
  DomainError,
  FOLLOW_UP_STATUS_LABELS,
  formatDong,
  formatMillions,
  RECOMMENDATION_TYPE_LABELS,
  todayInVietnam,
  type FollowUpStatus,
} from "@minhbach/domain";
import type { FollowUpListQuery, RecoveryBody } from "@minhbach/domain/api/inspections";
import { sql, type ExpressionBuilder, type Kysely, type Transaction } from "kysely";
import type { DB } from "../../../db/schema.ts";
import { assertAgencyInScope, inScope, scopeOf, type AuthContext } from "../../../platform/access.ts";
import { recordAudit, type Actor } from "../../../platform/audit.ts";
import { fail } from "../../../platform/errors.ts";
import { tableWorkbook } from "../../../platform/excel.ts";
import { writeEvent } from "../../../platform/procedure.ts";
import { registerAttachmentOwner } from "../../attachments/service.ts";
import { readersOf } from "../record/at-rest.ts";
import { recommendationViewOf } from "../record/service.ts";

type Db = Kysely<DB> | Transaction<DB>;

async function loadRecommendation(db: Db, id: string, lock = false) {
  let q = db
    .selectFrom("inspection_recommendation as r")
    .innerJoin("inspection as i", "i.id", "r.inspection_id")
    .innerJoin("agency as a", "a.id", "r.agency_id")
    .selectAll("r")
    .select([
      "i.code as inspection_code",
      "i.title as inspection_title",
      "i.conclusion_number",
      "i.trigger_case_id",
      "a.name as agency_name",
    ])
    .where("r.id", "=", id);
  if (lock) q = q.forUpdate("r");
  const row = await q.executeTakeFirst();
  if (!row) fail("RECOMMENDATION_NOT_FOUND", "id");
  return row;
}

type RecommendationRow = Awaited<ReturnType<typeof loadRecommendation>>;

function itemOf(r: RecommendationRow & { actions?: number | string | null }, today: string) {
  const view = recommendationViewOf(r, Number(r.actions ?? r.urged ?? 0), today);
  return {
    ...view,
    inspectionCode: r.inspection_code,
    inspectionTitle: r.inspection_title,
    agencyId: r.agency_id,
    agencyName: r.agency_name,
    conclusionNumber: r.conclusion_number,
    overdue: view.status === "overdue",
  };
}

/** The attachments' owner type of a recovery's evidence. */
export const RECOVERY_EVIDENCE = "inspection_recovery";

/**
 * A partial recovery holds its evidence files (receipt, bank slip) through the attachments
 * module: its agency's inspection scope reads and writes them, with the module's content checks,
 * limits and audit; a recommendation closed by decision takes no more.
 */
registerAttachmentOwner(RECOVERY_EVIDENCE, {
  read: "inspection.read",
  write: "inspection.follow_up",
  notFound: "Không tìm thấy lần thu hồi.",
  locked: "Kiến nghị đã kết thúc theo dõi theo quyết định: không thêm, xóa chứng từ được nữa.",
  async load(db, id) {
    const row = await db
      .selectFrom("inspection_recovery as x")
      .innerJoin("inspection_recommendation as r", "r.id", "x.recommendation_id")
      .select(["x.agency_id", "r.closed_on"])
      .where("x.id", "=", id)
      .executeTakeFirst();
    return row ? { agencyId: row.agency_id, open: row.closed_on === null, petition: null } : null;
  },
});

export async function getFollowUp(db: Kysely<DB>, auth: AuthContext, id: string, today = todayInVietnam()) {
  const row = await loadRecommendation(db, id);
  await assertAgencyInScope(db, auth, "inspection.read", row.agency_id);
  const [recoveries, actions, subject] = await Promise.all([
    db
      .selectFrom("inspection_recovery as x")
      .leftJoin("app_user as u", "u.id", "x.created_by")
      .select(["x.id", "x.recovered_on", "x.amount", "x.land_m2", "x.note", "x.evidence", "u.full_name"])
      .where("x.recommendation_id", "=", id)
      .orderBy("x.recovered_on")
      .orderBy("x.created_at")
      .execute(),
    db
      .selectFrom("inspection_follow_up")
      .select(["id", "kind", "on_date", "note", "document_id"])
      .where("recommendation_id", "=", id)
      .orderBy("on_date")
      .orderBy("created_at")
      .execute(),
    row.subject_id
      ? db.selectFrom("inspection_subject").select("name").where("id", "=", row.subject_id).executeTakeFirst()
      : undefined,
  ]);
  // The evidence files of each recovery (receipts, bank slips): names and sizes; the content is
  // downloaded through the attachments module, with its scope check and audit.
  const files = recoveries.length
    ? await db
        .selectFrom("attachment")
        .select(["id", "entity_id", "file_name", "size"])
        .where("entity_type", "=", RECOVERY_EVIDENCE)
        .where(
          "entity_id",
          "in",
          recoveries.map((x) => x.id),
        )
        .orderBy("created_at")
        .orderBy("id")
        .execute()
    : [];
  const item = itemOf({ ...row, actions: actions.length }, today);
  // A recommendation of an inspection grounded on a denunciation case may quote the denouncer in
  // its texts, as the inspection's own do (record/at-rest.ts): masked for those who may not see it.
  const shown = (await readersOf(db, auth, [row]))(row.inspection_id);
  return shown({
    ...item,
    subjectName: subject?.name ?? null,
    recoveries: recoveries.map((x) => ({
      id: x.id,
      recoveredOn: x.recovered_on,
      amount: Number(x.amount),
      amountText: formatDong(Number(x.amount)),
      landM2: Number(x.land_m2),
      note: x.note,
      evidence: x.evidence,
      createdBy: x.full_name,
      files: files
        .filter((f) => f.entity_id === x.id)
        .map((f) => ({ id: f.id, fileName: f.file_name, size: Number(f.size) })),
    })),
    actions: actions.map((a) => ({
      id: a.id,
      kind: a.kind,
      kindLabel: a.kind === "urge" ? "Đôn đốc thực hiện" : "Kiểm tra việc thực hiện",
      onDate: a.on_date,
      note: a.note,
      documentId: a.document_id,
    })),
    mayWrite: scopeOf(auth, "inspection.follow_up") !== null && auth.agencyId === row.agency_id,
  });
}

/**
 * One write on a recommendation: the inspection's agency in the user's inspection.follow_up scope,
 * the conclusion signed, the row read FOR UPDATE and its version checked, then the change, the
 * inspection's timeline event and the audit event, all in one transaction.
 */
async function followUpWrite(
  db: Kysely<DB>,
  auth: AuthContext,
  actor: Actor,
  id: string,
  version: number,
  write: (
    trx: Transaction<DB>,
    row: RecommendationRow,
  ) => Promise<{
    action: "recovery_recorded" | "urged" | "follow_up_checked" | "recommendation_closed";
    summary: Record<string, unknown>;
  }>,
) {
  const read = await loadRecommendation(db, id);
  await assertAgencyInScope(db, auth, "inspection.follow_up", read.agency_id);
  await db.transaction().execute(async (trx) => {
    const row = await loadRecommendation(trx, id, true);
    if (row.version !== version) fail("VERSION_CONFLICT", "version");
    if (row.concluded_on === null)
      throw new DomainError(
        "INSPECTION_STEP_OUT_OF_ORDER",
        "Kết luận thanh tra chưa được ký: chưa theo dõi thực hiện kiến nghị được.",
        "id",
      );
    const done = await write(trx, row);
    await trx
      .updateTable("inspection_recommendation")
      .set((eb) => ({ version: eb("version", "+", 1), updated_at: new Date() }))
      .where("id", "=", id)
      .execute();
    await writeEvent(trx, "inspection", row.inspection_id, actor, {
      action: `inspection.${done.action}`,
      data: { recommendationId: id, ...done.summary },
    });
    await recordAudit(trx, actor, {
      action: `inspection.${done.action}`,
      entityType: "inspection_recommendation",
      entityId: id,
      summary: { inspection: row.inspection_code, ...done.summary },
    });
  });
  return getFollowUp(db, auth, id);
}

function checkDate(row: RecommendationRow, on: string, field: string) {
  if (on > todayInVietnam()) fail("INSPECTION_DATE_INVALID", field, "Ngày không được sau ngày hôm nay.");
  if (row.concluded_on && on < row.concluded_on)
    fail(
      "INSPECTION_DATE_INVALID",
      field,
      `Ngày không được trước ngày ký kết luận thanh tra (${row.concluded_on.split("-").reverse().join("/")}).`,
    );
}

export async function recordRecovery(db: Kysely<DB>, auth: AuthContext, actor: Actor, id: string, body: RecoveryBody) {
  let recoveryId = "";
  const detail = await followUpWrite(db, auth, actor, id, body.version, async (trx, row) => {
    checkDate(row, body.recoveredOn, "recoveredOn");
    const state = {
      amount: Number(row.amount),
      recovered: Number(row.recovered),
      landM2: Number(row.land_m2),
      landRecovered: Number(row.land_recovered),
      closedOn: row.closed_on,
      doneOn: row.done_on,
    };
    if (row.done_on) throw new DomainError("RECOMMENDATION_CLOSED", undefined, "amount");
    checkRecovery(state, { amount: body.amount, landM2: body.landM2, done: body.done });
    await trx
      .insertInto("inspection_recovery")
      .values({
        recommendation_id: row.id,
        agency_id: row.agency_id,
        recovered_on: body.recoveredOn,
        amount: body.amount,
        land_m2: body.landM2,
        note: body.note ?? null,
        evidence: body.evidence ?? null,
        created_by: actor.userId,
      })
      .returning("id")
      .executeTakeFirstOrThrow()
      .then((r) => (recoveryId = r.id));
    const recovered = state.recovered + body.amount;
    const land = Math.round((state.landRecovered + body.landM2) * 100) / 100;
    const quantified = state.amount > 0 || state.landM2 > 0;
    const complete = body.done || (quantified && recovered >= state.amount && land >= state.landM2);
    await trx
      .updateTable("inspection_recommendation")
      .set({
        recovered,
        land_recovered: land,
        last_progress_on: body.recoveredOn,
        done_on: complete ? body.recoveredOn : null,
      })
      .where("id", "=", row.id)
      .execute();
    return {
      action: "recovery_recorded",
      summary: { recoveredOn: body.recoveredOn, amount: body.amount, landM2: body.landM2, done: complete },
    };
  });
  return { ...detail, recoveryId };
}

export async function recordFollowUpAction(
  db: Kysely<DB>,
  auth: AuthContext,
  actor: Actor,
  id: string,
  body: { version: number; kind: "urge" | "check"; onDate: string; note?: string | undefined },
  makeDocument?: (trx: Transaction<DB>, row: RecommendationRow) => Promise<string | null>,
) {
  return followUpWrite(db, auth, actor, id, body.version, async (trx, row) => {
    checkDate(row, body.onDate, "onDate");
    if (row.closed_on || row.done_on) throw new DomainError("RECOMMENDATION_CLOSED", undefined, "kind");
    const documentId = body.kind === "urge" && makeDocument ? await makeDocument(trx, row) : null;
    await trx
      .insertInto("inspection_follow_up")
      .values({
        recommendation_id: row.id,
        kind: body.kind,
        on_date: body.onDate,
        note: body.note ?? null,
        document_id: documentId,
        created_by: actor.userId,
      })
      .execute();
    await trx
      .updateTable("inspection_recommendation")
      .set((eb) =>
        body.kind === "urge"
          ? { urged: eb("urged", "+", 1) }
          : {
              last_progress_on: sql<string>`greatest(coalesce(last_progress_on, ${body.onDate}::date), ${body.onDate}::date)`,
            },
      )
      .where("id", "=", row.id)
      .execute();
    return {
      action: body.kind === "urge" ? "urged" : "follow_up_checked",
      summary: { onDate: body.onDate, documentId },
    };
  });
}

export async function closeRecommendation(
  db: Kysely<DB>,
  auth: AuthContext,
  actor: Actor,
  id: string,
  body: { version: number; closedOn: string; reason: string },
) {
  return followUpWrite(db, auth, actor, id, body.version, async (trx, row) => {
    checkDate(row, body.closedOn, "closedOn");
    if (row.closed_on || row.done_on) throw new DomainError("RECOMMENDATION_CLOSED", undefined, "closedOn");
    await trx
      .updateTable("inspection_recommendation")
      .set({ closed_on: body.closedOn, closed_reason: body.reason })
      .where("id", "=", row.id)
      .execute();
    return { action: "recommendation_closed", summary: { closedOn: body.closedOn } };
  });
}

// ---- The list -------------------------------------------------------------------------------

/**
 * The rows of one status (domain followUpStatus) as conditions the list's indexes serve. It
 * relies on what the writes keep: a recommendation recovered in full gets its done_on
 * (recordRecovery), and checks set last_progress_on.
 */
function statusWhere(status: FollowUpStatus, today: string) {
  return (eb: ExpressionBuilder<DB & { r: DB["inspection_recommendation"] }, "r">) => {
    if (status === "closed") return eb("r.closed_on", "is not", null);
    const open = [eb("r.closed_on", "is", null)];
    if (status === "done") return eb.and([...open, eb("r.done_on", "is not", null)]);
    open.push(eb("r.done_on", "is", null));
    if (status === "overdue") return eb.and([...open, eb("r.due_key", "<", today)]);
    open.push(eb("r.due_key", ">=", today));
    const recovered = eb.or([eb("r.recovered", ">", 0), eb("r.land_recovered", ">", 0)]);
    if (status === "partly_done") return eb.and([...open, recovered]);
    open.push(eb.not(recovered));
    const acted = eb.or([eb("r.urged", ">", 0), eb("r.last_progress_on", "is not", null)]);
    return eb.and([...open, status === "in_progress" ? acted : eb.not(acted)]);
  };
}

const SORTS = {
  // No due date last in ascending order (due_key: the due date, or 9999-12-31).
  due_on: "r.due_key",
  outstanding: "r.outstanding",
  concluded_on: "r.concluded_on",
  amount: "r.amount",
} as const;

function filtered(db: Kysely<DB>, auth: AuthContext, query: FollowUpListQuery, today: string) {
  let q = db
    .selectFrom("inspection_recommendation as r")
    .where(inScope(auth, "inspection.read", "r.agency_id"))
    .where("r.concluded_on", "is not", null);
  if (query.agencyId) q = q.where("r.agency_id", "=", query.agencyId);
  if (query.inspectionId) q = q.where("r.inspection_id", "=", query.inspectionId);
  if (query.year)
    q = q.where("r.concluded_on", ">=", `${query.year}-01-01`).where("r.concluded_on", "<=", `${query.year}-12-31`);
  if (query.type) q = q.where("r.type", "=", query.type);
  if (query.minOutstanding !== undefined) q = q.where("r.outstanding", ">=", query.minOutstanding);
  if (query.overdue)
    q = q
      .where("r.closed_on", "is", null)
      .where("r.done_on", "is", null)
      // A recommendation recovered in full has its done_on set by the recovery (recordRecovery).
      .where("r.due_key", "<", today);
  if (query.status) q = q.where(statusWhere(query.status, today));
  return q;
}

/** Lists count matches exactly up to this many and say "more than" beyond it. */
export const FOLLOW_UP_COUNT_CAP = 10_000;

/**
 * The ids of one page, walking the sort's index (the row id breaks ties in the same direction,
 * so that a descending order is the index read backwards), then only those rows read whole.
 */
async function selectItems(
  db: Kysely<DB>,
  auth: AuthContext,
  query: FollowUpListQuery,
  today: string,
  limit: number,
  offset: number,
) {
  const dir = query.order;
  const ids = (
    await filtered(db, auth, query, today)
      .select("r.id")
      .orderBy(SORTS[query.sort], dir)
      .orderBy("r.id", dir)
      .limit(limit)
      .offset(offset)
      .execute()
  ).map((r) => r.id);
  if (!ids.length) return [];
  const rows = await db
    .selectFrom("inspection_recommendation as r")
    .innerJoin("inspection as i", "i.id", "r.inspection_id")
    .innerJoin("agency as a", "a.id", "r.agency_id")
    .selectAll("r")
    .select([
      "i.code as inspection_code",
      "i.title as inspection_title",
      "i.conclusion_number",
      "i.trigger_case_id",
      "a.name as agency_name",
    ])
    .where("r.id", "in", ids)
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)!);
}

export async function listFollowUp(
  db: Kysely<DB>,
  auth: AuthContext,
  query: FollowUpListQuery,
  today = todayInVietnam(),
) {
  const [counted, rows] = await Promise.all([
    db
      .selectFrom(
        filtered(db, auth, query, today)
          .select(sql<number>`1`.as("one"))
          .limit(FOLLOW_UP_COUNT_CAP + 1)
          .as("c"),
      )
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow(),
    selectItems(db, auth, query, today, query.pageSize, (query.page - 1) * query.pageSize),
  ]);
  const n = Number(counted.n);
  const shownOf = await readersOf(db, auth, rows);
  return {
    items: rows.map((r) => shownOf(r.inspection_id)(itemOf(r, today))),
    total: Math.min(n, FOLLOW_UP_COUNT_CAP),
    totalCapped: n > FOLLOW_UP_COUNT_CAP,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** Rows an export writes at most. */
export const FOLLOW_UP_EXPORT_LIMIT = 50_000;

export async function exportFollowUp(
  db: Kysely<DB>,
  auth: AuthContext,
  actor: Actor,
  query: FollowUpListQuery,
  today = todayInVietnam(),
) {
  const selected = await selectItems(db, auth, query, today, FOLLOW_UP_EXPORT_LIMIT, 0);
  const shownOf = await readersOf(db, auth, selected);
  const rows = selected.map((r) => shownOf(r.inspection_id)(itemOf(r, today)));
  const agency = await db.selectFrom("agency").select("name").where("id", "=", auth.agencyId).executeTakeFirstOrThrow();
  const date = (d: string | null) => (d ? d.split("-").reverse().join("/") : "");
  const buffer = await tableWorkbook({
    sheetName: "Theo dõi kiến nghị",
    agencyName: agency.name,
    title: "DANH SÁCH THEO DÕI THỰC HIỆN KIẾN NGHỊ SAU THANH TRA",
    subtitle: `Ngày lập: ${date(today)}; số tiền tính bằng đồng`,
    columns: [
      { header: "STT", width: 6 },
      { header: "Cuộc thanh tra", width: 20 },
      { header: "Kết luận số", width: 16 },
      { header: "Ngày kết luận", width: 12 },
      { header: "Cơ quan", width: 24 },
      { header: "Loại kiến nghị", width: 28 },
      { header: "Nội dung", width: 40 },
      { header: "Đơn vị thực hiện", width: 24 },
      { header: "Số tiền kiến nghị (đồng)", width: 18 },
      { header: "Đã thu hồi (đồng)", width: 18 },
      { header: "Còn phải thu hồi (đồng)", width: 18 },
      { header: "Hạn thực hiện", width: 12 },
      { header: "Tình trạng", width: 18 },
    ],
    rows: rows.map((r, i) => [
      i + 1,
      r.inspectionCode,
      r.conclusionNumber ?? "",
      date(r.concludedOn),
      r.agencyName,
      RECOMMENDATION_TYPE_LABELS[r.type],
      r.content,
      r.responsibleUnit,
      r.amount,
      r.recovered,
      r.outstanding,
      date(r.dueOn),
      FOLLOW_UP_STATUS_LABELS[r.status],
    ]),
  });
  await db.transaction().execute((trx) =>
    recordAudit(trx, actor, {
      action: "inspection.follow_up_exported",
      entityType: "inspection_recommendation",
      summary: { rows: rows.length, filters: { ...query, page: undefined, pageSize: undefined } },
    }),
  );
  return { buffer, rows: rows.length, fileName: `theo-doi-kien-nghi-${today}.xlsx` };
}

// ---- The figures of a period ----------------------------------------------------------------

/**
 * For a period [from, to] (dates, inclusive): money recommended for recovery in the conclusions
 * signed in it; recovered in it, split into what comes from those conclusions and what comes from
 * conclusions signed in earlier years (before 1 January of `from`'s year: "đã thu hồi … từ kết
 * luận của các năm trước"); and what is still to recover at its end. Exact sums in đồng (bigint).
 * For a period that starts after 1 January, recoveries from conclusions signed between 1 January
 * and `from` count in the total only.
 */
export async function followUpSummary(
  db: Kysely<DB>,
  auth: AuthContext,
  query: { from: string; to: string; agencyId?: string | undefined },
) {
  const { from, to } = query;
  const yearStart = `${from.slice(0, 4)}-01-01`;
  const scope = (column: string) =>
    query.agencyId
      ? sql<boolean>`${inScope(auth, "inspection.read", column)} and ${sql.ref(column)} = ${query.agencyId}`
      : inScope(auth, "inspection.read", column);
  // Outstanding at the end: recommended up to then, less recovered up to then, both without the
  // recommendations closed by decision by then.
  const [recommended, recoveries, recommendedToEnd, recoveredToEnd] = await Promise.all([
    db
      .selectFrom("inspection_recommendation as r")
      .select(sql<string>`coalesce(sum(r.amount), 0)::bigint`.as("total"))
      .where(scope("r.agency_id"))
      .where("r.concluded_on", ">=", from)
      .where("r.concluded_on", "<=", to)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom("inspection_recovery as x")
      .innerJoin("inspection_recommendation as r", "r.id", "x.recommendation_id")
      .select([
        sql<string>`coalesce(sum(x.amount), 0)::bigint`.as("total"),
        sql<string>`coalesce(sum(case when r.concluded_on < ${yearStart}::date then x.amount else 0 end), 0)::bigint`.as(
          "earlier",
        ),
        sql<string>`coalesce(sum(case when r.concluded_on >= ${from}::date then x.amount else 0 end), 0)::bigint`.as(
          "current",
        ),
      ])
      .where(scope("x.agency_id"))
      .where("x.recovered_on", ">=", from)
      .where("x.recovered_on", "<=", to)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom("inspection_recommendation as r")
      .select(sql<string>`coalesce(sum(r.amount), 0)::bigint`.as("total"))
      .where(scope("r.agency_id"))
      .where("r.concluded_on", "<=", to)
      .where((eb) => eb.or([eb("r.closed_on", "is", null), eb("r.closed_on", ">", to)]))
      .executeTakeFirstOrThrow(),
    db
      .selectFrom("inspection_recovery as x")
      .innerJoin("inspection_recommendation as r", "r.id", "x.recommendation_id")
      .select(sql<string>`coalesce(sum(x.amount), 0)::bigint`.as("total"))
      .where(scope("x.agency_id"))
      .where("x.recovered_on", "<=", to)
      .where((eb) => eb.or([eb("r.closed_on", "is", null), eb("r.closed_on", ">", to)]))
      .executeTakeFirstOrThrow(),
  ]);
  const figures = {
    recommended: Number(recommended.total),
    recoveredFromPeriod: Number(recoveries.current),
    recoveredFromEarlierYears: Number(recoveries.earlier),
    recoveredInPeriod: Number(recoveries.total),
    outstandingAtEnd: Number(recommendedToEnd.total) - Number(recoveredToEnd.total),
  };
  return {
    from,
    to,
    ...figures,
    text: {
      recommended: formatMillions(figures.recommended),
      recoveredFromPeriod: formatMillions(figures.recoveredFromPeriod),
      recoveredFromEarlierYears: formatMillions(figures.recoveredFromEarlierYears),
      recoveredInPeriod: formatMillions(figures.recoveredInPeriod),
      outstandingAtEnd: formatMillions(figures.outstandingAtEnd),
    },
  };
}
