/**
 * Yearly plans (docs/LAW.md §8.6, §9): one per agency and year, drafted, issued by a numbered
 * decision (an official .docx from modules/documents), then adjusted, each adjustment a version
 * with its reason and its own decision; the items of each issued version are kept as issued.
 *
 * Every item writes its occurrences (source 'plan_item'), so the other agencies' plans and
 * inspections meet it; saving an item over an unresolved overlap is refused, naming the subject,
 * the other agency and the basis. A cancelled item cancels its occurrences.
 *
 * Scope: reading needs inspection.read on the plan's agency; changing needs inspection.write on
 * it; issuing also needs document.issue there (the documents module checks it).
 */
import {
  PLAN_ACTIVITIES,
  PLAN_ITEM_KINDS,
  PLAN_STATUSES,
  plannedTimeLabel,
  RESOLUTION_OUTCOMES,
  todayInVietnam,
  type PlanStatus,
  type ResolutionOutcome,
} from "@minhbach/domain";
import type { PlanDetail, PlanItemBody, PlanItemView, UpdatePlanItemBody } from "@minhbach/domain/api/inspection-plans";
import type { Kysely, Transaction } from "kysely";
import type { DB } from "../../../db/schema.ts";
import { assertAgencyInScope, can, inScope, scopeOf, type AuthContext } from "../../../platform/access.ts";
import { recordAudit, type Actor } from "../../../platform/audit.ts";
import { fail } from "../../../platform/errors.ts";
import { headTitleOf } from "../../cases/documents.ts";
import { loadIssuingAgency } from "../../documents/letterhead.ts";
import { periodText, type PlanDecisionFields } from "../../documents/templates-inspection-plans.ts";
import { createDraft, markCancelled, onPaperIssued, type IssuedPaper } from "../../documents/service.ts";
import { cancelOccurrences, writeOccurrences } from "../overlaps.ts";
import { openSubjects } from "../subjects/service.ts";
import { overlapViews } from "./overlap-views.ts";

type Db = Kysely<DB> | Transaction<DB>;

interface PlanRow {
  id: string;
  agency_id: string;
  agency_name: string;
  agency_path: string;
  year: number;
  title: string;
  status: PlanStatus;
  revision: number;
  version: number;
}

async function readPlan(db: Db, id: string, lock = false): Promise<PlanRow> {
  let q = db
    .selectFrom("inspection_plan as p")
    .innerJoin("agency as a", "a.id", "p.agency_id")
    .select([
      "p.id",
      "p.agency_id",
      "a.name as agency_name",
      "a.path as agency_path",
      "p.year",
      "p.title",
      "p.status",
      "p.revision",
      "p.version",
    ])
    .where("p.id", "=", id);
  if (lock) q = q.forUpdate("p");
  const row = await q.executeTakeFirst();
  if (!row) fail("PLAN_NOT_FOUND");
  return row as PlanRow;
}

function mayWrite(auth: AuthContext, plan: Pick<PlanRow, "agency_id" | "agency_path">): boolean {
  const scope = scopeOf(auth, "inspection.write");
  if (!scope) return false;
  return plan.agency_id === auth.agencyId || (scope === "subtree" && plan.agency_path.startsWith(auth.agencyPath));
}

/** The plan read for a change: in the caller's write scope, editable, at the version the caller read. */
async function planForChange(trx: Transaction<DB>, auth: AuthContext, id: string, version: number, editable = true) {
  const plan = await readPlan(trx, id, true);
  await assertAgencyInScope(trx, auth, "inspection.write", plan.agency_id);
  if (editable && plan.status === "issued") fail("PLAN_WRONG_STATUS");
  if (plan.version !== version) fail("VERSION_CONFLICT");
  // The decision's draft lists the items as they were when it was drafted: they stay as listed
  // until it is issued or withdrawn.
  if (editable && (await pendingDecisionOf(trx, plan.id, plan.revision))) fail("PLAN_DECISION_PENDING");
  return plan;
}

interface PendingDecision {
  versionId: string;
  documentId: string;
  status: "draft" | "submitted";
  signerName: string | null;
  returnedNote: string | null;
}

/** The decision drafted for the plan's current version and not issued (nor withdrawn) yet. */
async function pendingDecisionOf(db: Db, planId: string, revision: number): Promise<PendingDecision | null> {
  const row = await db
    .selectFrom("inspection_plan_version as v")
    .innerJoin("official_document as d", "d.id", "v.document_id")
    .leftJoin("app_user as u", "u.id", "d.signer_id")
    .select(["v.id", "v.document_id", "d.status", "d.returned_note", "u.full_name"])
    .where("v.plan_id", "=", planId)
    .where("v.revision", "=", revision)
    .where("v.status", "=", "draft")
    .where("d.status", "in", ["draft", "submitted"])
    .executeTakeFirst();
  if (!row) return null;
  return {
    versionId: row.id,
    documentId: row.document_id!,
    status: row.status as "draft" | "submitted",
    signerName: row.full_name,
    returnedNote: row.returned_note,
  };
}

async function bumpPlan(trx: Transaction<DB>, id: string, changes: { status?: PlanStatus; revision?: number } = {}) {
  await trx
    .updateTable("inspection_plan")
    .set((eb) => ({ ...changes, version: eb("version", "+", 1), updated_at: new Date() }))
    .where("id", "=", id)
    .execute();
}

export function defaultPlanTitle(agencyKind: string | null, year: number): string {
  return agencyKind === "department" ? `Kế hoạch kiểm tra chuyên ngành năm ${year}` : `Kế hoạch thanh tra năm ${year}`;
}

// ---- Reading -----------------------------------------------------------------------------------

export async function listPlans(db: Kysely<DB>, auth: AuthContext, query: { year?: number | undefined }) {
  let q = db
    .selectFrom("inspection_plan as p")
    .innerJoin("agency as a", "a.id", "p.agency_id")
    .leftJoin("inspection_plan_version as v", (j) => j.onRef("v.plan_id", "=", "p.id").on("v.status", "=", "issued"))
    .select((eb) => [
      "p.id",
      "p.agency_id",
      "a.name as agency_name",
      "p.year",
      "p.title",
      "p.status",
      "p.revision",
      "p.version",
      "v.decision_symbol",
      eb
        .selectFrom("inspection_plan_item as i")
        .select((e) => e.fn.countAll<number>().as("n"))
        .whereRef("i.plan_id", "=", "p.id")
        .where("i.cancelled", "=", false)
        .as("item_count"),
    ])
    .where(inScope(auth, "inspection.read", "p.agency_id"));
  if (query.year) q = q.where("p.year", "=", query.year);
  const rows = await q.orderBy("p.year", "desc").orderBy("a.name").execute();
  return {
    items: rows.map((r) => ({
      id: r.id,
      agencyId: r.agency_id,
      agencyName: r.agency_name,
      year: r.year,
      title: r.title,
      status: r.status,
      statusLabel: PLAN_STATUSES[r.status],
      revision: r.revision,
      decisionSymbol: r.decision_symbol,
      itemCount: Number(r.item_count ?? 0),
      version: r.version,
    })),
  };
}

interface ItemRow {
  id: string;
  seq: number;
  activity: "inspection" | "check";
  kind: "planned" | "standby";
  content: string;
  field: string | null;
  period_from: string | null;
  period_to: string | null;
  quarter: number | null;
  month_from: number | null;
  month_to: number | null;
  leading_unit: string | null;
  note: string | null;
  cancelled: boolean;
  cancel_reason: string | null;
  added_in_revision: number;
  version: number;
}

const dateText = (d: unknown): string | null =>
  d === null || d === undefined ? null : d instanceof Date ? d.toISOString().slice(0, 10) : String(d).slice(0, 10);

async function itemsOf(db: Db, planId: string) {
  const rows = (await db
    .selectFrom("inspection_plan_item")
    .select([
      "id",
      "seq",
      "activity",
      "kind",
      "content",
      "field",
      "period_from",
      "period_to",
      "quarter",
      "month_from",
      "month_to",
      "leading_unit",
      "note",
      "cancelled",
      "cancel_reason",
      "added_in_revision",
      "version",
    ])
    .where("plan_id", "=", planId)
    .orderBy("seq")
    .execute()) as ItemRow[];
  const links = rows.length
    ? await db
        .selectFrom("inspection_plan_item_subject as l")
        .innerJoin("inspection_subject as s", "s.id", "l.subject_id")
        .select(["l.item_id", "s.id", "s.name", "s.tax_code", "s.kind"])
        .where(
          "l.item_id",
          "in",
          rows.map((r) => r.id),
        )
        .orderBy("s.name")
        .execute()
    : [];
  return rows.map((r) => ({
    ...r,
    period_from: dateText(r.period_from),
    period_to: dateText(r.period_to),
    subjects: links
      .filter((l) => l.item_id === r.id)
      .map((l) => ({ id: l.id, name: l.name, taxCode: l.tax_code, kind: l.kind as string })),
  }));
}

export async function getPlan(db: Db, auth: AuthContext, id: string): Promise<PlanDetail> {
  const plan = await readPlan(db, id);
  await assertAgencyInScope(db as Kysely<DB>, auth, "inspection.read", plan.agency_id);
  const items = await itemsOf(db, id);
  const live = items.filter((i) => !i.cancelled);
  const overlaps = await overlapViews(db, {
    year: plan.year,
    agencyId: plan.agency_id,
    candidates: live.map((i) => ({
      itemId: i.id,
      subjectIds: i.subjects.map((s) => s.id),
      activity: i.activity,
      field: i.field,
    })),
  });
  const overlapOf = new Map(live.map((i, n) => [i.id, overlaps[n]!]));
  const versions = await db
    .selectFrom("inspection_plan_version")
    .select([
      "revision",
      "status",
      "reason",
      "decision_symbol",
      "document_id",
      "issued_on",
      "items",
      "signer",
      "issued_outside",
    ])
    .where("plan_id", "=", id)
    .orderBy("revision")
    .execute();
  const resolutions = await resolutionList(db, { planId: id, agencyId: plan.agency_id, year: plan.year });
  const pending = plan.status === "issued" ? null : await pendingDecisionOf(db, id, plan.revision);
  const editable = plan.status !== "issued" && pending === null;
  const canEdit = mayWrite(auth, plan);
  const actions: PlanDetail["actions"] = [];
  if (canEdit && editable) actions.push("add_item");
  if (canEdit && editable && can(auth, "document.issue")) actions.push("issue");
  if (canEdit && pending?.status === "draft" && can(auth, "document.issue")) actions.push("withdraw_decision");
  if (canEdit && plan.status === "issued") actions.push("adjust");
  const views: PlanItemView[] = items.map((i) => ({
    id: i.id,
    seq: i.seq,
    subjects: i.subjects,
    activity: i.activity,
    kind: i.kind,
    content: i.content,
    field: i.field,
    periodFrom: i.period_from,
    periodTo: i.period_to,
    quarter: i.quarter,
    monthFrom: i.month_from,
    monthTo: i.month_to,
    timeLabel: plannedTimeLabel({ quarter: i.quarter, monthFrom: i.month_from, monthTo: i.month_to }),
    leadingUnit: i.leading_unit,
    note: i.note,
    cancelled: i.cancelled,
    cancelReason: i.cancel_reason,
    addedInRevision: i.added_in_revision,
    version: i.version,
    overlaps: overlapOf.get(i.id) ?? [],
  }));
  const issued = versions.filter((v) => v.status === "issued").at(-1);
  return {
    id: plan.id,
    agencyId: plan.agency_id,
    agencyName: plan.agency_name,
    year: plan.year,
    title: plan.title,
    status: plan.status,
    statusLabel: PLAN_STATUSES[plan.status],
    revision: plan.revision,
    decisionSymbol: issued?.decision_symbol ?? null,
    itemCount: live.length,
    version: plan.version,
    items: views,
    versions: versions.map((v) => ({
      revision: v.revision,
      status: v.status,
      reason: v.reason,
      decisionSymbol: v.decision_symbol,
      documentId: v.document_id,
      issuedOn: dateText(v.issued_on),
      itemCount: Array.isArray(parseJson(v.items)) ? (parseJson(v.items) as unknown[]).length : live.length,
      signer: v.signer,
      issuedOutside: v.issued_outside,
    })),
    resolutions,
    canEdit,
    actions,
    pendingDecision: pending && {
      documentId: pending.documentId,
      status: pending.status,
      statusLabel: pending.status === "submitted" ? "Đang trình ký" : pending.returnedNote ? "Bị trả lại" : "Dự thảo",
      signerName: pending.signerName,
      returnedNote: pending.returnedNote,
    },
  };
}

function parseJson(value: unknown): unknown {
  return typeof value === "string" ? JSON.parse(value) : value;
}

/** The overlap resolutions with their subject's and both agencies' names: the one query both lists read. */
export function resolutionsQuery(db: Db) {
  return db
    .selectFrom("inspection_overlap_resolution as r")
    .innerJoin("inspection_subject as s", "s.id", "r.subject_id")
    .innerJoin("agency as a", "a.id", "r.agency_id")
    .innerJoin("agency as o", "o.id", "r.other_agency_id")
    .select([
      "r.id",
      "r.year",
      "r.subject_id",
      "s.name as subject_name",
      "r.agency_id",
      "a.name as agency_name",
      "r.other_agency_id",
      "o.name as other_agency_name",
      "r.outcome",
      "r.reason",
      "r.decided_by_name",
      "r.created_at",
    ]);
}

type ResolutionRow = Awaited<ReturnType<ReturnType<typeof resolutionsQuery>["execute"]>>[number];

export function resolutionOf(r: ResolutionRow) {
  return {
    id: r.id,
    year: r.year,
    subjectId: r.subject_id,
    subjectName: r.subject_name,
    agencyId: r.agency_id,
    agencyName: r.agency_name,
    otherAgencyId: r.other_agency_id,
    otherAgencyName: r.other_agency_name,
    outcome: r.outcome as ResolutionOutcome,
    outcomeLabel: RESOLUTION_OUTCOMES[r.outcome as ResolutionOutcome],
    reason: r.reason,
    decidedByName: r.decided_by_name,
    at: new Date(r.created_at).toISOString(),
  };
}

/** The resolutions recorded by the plan's agency, or against its items by others (both agencies see them). */
export async function resolutionList(db: Db, input: { planId?: string; agencyId: string; year: number }) {
  const rows = await resolutionsQuery(db)
    .where("r.year", "=", input.year)
    .where((eb) => eb.or([eb("r.agency_id", "=", input.agencyId), eb("r.other_agency_id", "=", input.agencyId)]))
    .orderBy("r.created_at", "desc")
    .execute();
  return rows.map(resolutionOf);
}

// ---- Creating, items -----------------------------------------------------------------------------

export async function createPlan(
  db: Kysely<DB>,
  auth: AuthContext,
  actor: Actor,
  body: { agencyId?: string | undefined; year: number; title?: string | undefined },
): Promise<PlanDetail> {
  const agencyId = body.agencyId ?? auth.agencyId;
  await assertAgencyInScope(db, auth, "inspection.write", agencyId, "agencyId");
  const id = await db.transaction().execute(async (trx) => {
    const agency = await trx.selectFrom("agency").select(["id", "kind"]).where("id", "=", agencyId).executeTakeFirst();
    if (!agency) fail("AGENCY_NOT_FOUND", "agencyId");
    const exists = await trx
      .selectFrom("inspection_plan")
      .select("id")
      .where("agency_id", "=", agencyId)
      .where("year", "=", body.year)
      .executeTakeFirst();
    if (exists) fail("PLAN_EXISTS", "year", `Cơ quan đã có kế hoạch thanh tra, kiểm tra năm ${body.year}.`);
    const plan = await trx
      .insertInto("inspection_plan")
      .values({
        agency_id: agencyId,
        year: body.year,
        title: body.title ?? defaultPlanTitle(agency.kind, body.year),
        created_by: auth.userId,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await trx
      .insertInto("inspection_plan_version")
      .values({
        plan_id: plan.id,
        revision: 0,
        reason: null,
        document_id: null,
        decision_symbol: null,
        created_by: auth.userId,
      })
      .execute();
    await recordAudit(trx, actor, {
      action: "inspection.plan.created",
      entityType: "inspection_plan",
      entityId: plan.id,
      summary: { agencyId, year: body.year },
    });
    return plan.id;
  });
  return getPlan(db, auth, id);
}

type ItemInput = Omit<PlanItemBody, "planVersion">;

function itemColumns(b: ItemInput) {
  return {
    activity: b.activity,
    kind: b.kind,
    content: b.content,
    field: b.field ?? null,
    period_from: b.periodFrom ?? null,
    period_to: b.periodTo ?? null,
    quarter: b.quarter ?? null,
    month_from: b.monthFrom ?? null,
    month_to: b.monthTo ?? null,
    leading_unit: b.leadingUnit ?? null,
    note: b.note ?? null,
  };
}

/** Refuses the item when an overlap still blocks it, naming the subject, the other agency and the basis. */
async function assertNoBlockingOverlap(trx: Transaction<DB>, plan: PlanRow, itemId: string | null, b: ItemInput) {
  const [views] = await overlapViews(trx, {
    year: plan.year,
    agencyId: plan.agency_id,
    candidates: [{ itemId, subjectIds: b.subjectIds, activity: b.activity, field: b.field ?? null }],
  });
  const blocking = views!.find((v) => v.blocking);
  if (blocking) fail("PLAN_OVERLAP", "subjectIds", blocking.message);
}

async function writeItemSubjects(trx: Transaction<DB>, plan: PlanRow, itemId: string, b: ItemInput) {
  await trx.deleteFrom("inspection_plan_item_subject").where("item_id", "=", itemId).execute();
  await trx
    .insertInto("inspection_plan_item_subject")
    .values(b.subjectIds.map((subject_id) => ({ item_id: itemId, subject_id })))
    .execute();
  await writeOccurrences(
    trx,
    { source: "plan_item", sourceId: itemId, agencyId: plan.agency_id },
    b.subjectIds.map((subjectId) => ({
      subjectId,
      year: plan.year,
      activity: b.activity,
      contentField: b.field ?? null,
      adHoc: false,
    })),
  );
}

export async function addPlanItem(
  db: Kysely<DB>,
  auth: AuthContext,
  actor: Actor,
  planId: string,
  body: PlanItemBody,
): Promise<PlanDetail> {
  const { planVersion, ...item } = body;
  await db.transaction().execute(async (trx) => {
    const plan = await planForChange(trx, auth, planId, planVersion);
    await openSubjects(trx, item.subjectIds);
    await assertNoBlockingOverlap(trx, plan, null, item);
    const seq = await trx
      .selectFrom("inspection_plan_item")
      .select((eb) => eb.fn.max("seq").as("m"))
      .where("plan_id", "=", planId)
      .executeTakeFirst();
    const row = await trx
      .insertInto("inspection_plan_item")
      .values({
        plan_id: planId,
        seq: Number(seq?.m ?? 0) + 1,
        ...itemColumns(item),
        added_in_revision: plan.revision,
        created_by: auth.userId,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await writeItemSubjects(trx, plan, row.id, item);
    await bumpPlan(trx, planId);
    await recordAudit(trx, actor, {
      action: "inspection.plan.item_added",
      entityType: "inspection_plan",
      entityId: planId,
      summary: { itemId: row.id, content: item.content, subjects: item.subjectIds.length, activity: item.activity },
    });
  });
  return getPlan(db, auth, planId);
}

async function itemForChange(trx: Transaction<DB>, planId: string, itemId: string, version: number) {
  const item = await trx
    .selectFrom("inspection_plan_item")
    .select(["id", "content", "cancelled", "version"])
    .where("id", "=", itemId)
    .where("plan_id", "=", planId)
    .forUpdate()
    .executeTakeFirst();
  if (!item) fail("PLAN_ITEM_NOT_FOUND");
  if (item.version !== version) fail("VERSION_CONFLICT");
  if (item.cancelled) fail("PLAN_WRONG_STATUS", undefined, "Cuộc này đã bị hủy khỏi kế hoạch.");
  return item;
}

export async function updatePlanItem(
  db: Kysely<DB>,
  auth: AuthContext,
  actor: Actor,
  planId: string,
  itemId: string,
  body: UpdatePlanItemBody,
): Promise<PlanDetail> {
  const { planVersion, version, ...item } = body;
  await db.transaction().execute(async (trx) => {
    const plan = await planForChange(trx, auth, planId, planVersion);
    const before = await itemForChange(trx, planId, itemId, version);
    await openSubjects(trx, item.subjectIds);
    await assertNoBlockingOverlap(trx, plan, itemId, item);
    await trx
      .updateTable("inspection_plan_item")
      .set((eb) => ({ ...itemColumns(item), version: eb("version", "+", 1), updated_at: new Date() }))
      .where("id", "=", itemId)
      .execute();
    await writeItemSubjects(trx, plan, itemId, item);
    await bumpPlan(trx, planId);
    await recordAudit(trx, actor, {
      action: "inspection.plan.item_updated",
      entityType: "inspection_plan",
      entityId: planId,
      summary: { itemId, before: { content: before.content }, after: { content: item.content } },
    });
  });
  return getPlan(db, auth, planId);
}

export async function cancelPlanItem(
  db: Kysely<DB>,
  auth: AuthContext,
  actor: Actor,
  planId: string,
  itemId: string,
  body: { planVersion: number; version: number; reason: string },
): Promise<PlanDetail> {
  await db.transaction().execute(async (trx) => {
    await planForChange(trx, auth, planId, body.planVersion);
    const item = await itemForChange(trx, planId, itemId, body.version);
    await trx
      .updateTable("inspection_plan_item")
      .set((eb) => ({
        cancelled: true,
        cancel_reason: body.reason,
        version: eb("version", "+", 1),
        updated_at: new Date(),
      }))
      .where("id", "=", itemId)
      .execute();
    await cancelOccurrences(trx, "plan_item", itemId);
    await bumpPlan(trx, planId);
    await recordAudit(trx, actor, {
      action: "inspection.plan.item_cancelled",
      entityType: "inspection_plan",
      entityId: planId,
      summary: { itemId, content: item.content, reason: body.reason },
    });
  });
  return getPlan(db, auth, planId);
}

// ---- Issue and adjust ----------------------------------------------------------------------------

/** The tax code a plan may print: not an individual's, nor a personal identification number. */
export function publishableTaxCode(s: { kind: string; taxCode: string | null }): string | null {
  if (!s.taxCode || s.kind === "individual" || /^\d{12}$/.test(s.taxCode)) return null;
  return s.taxCode;
}

function subjectsText(subjects: readonly { name: string; taxCode: string | null; kind: string }[]): string {
  return subjects
    .map((s) => {
      const code = publishableTaxCode(s);
      return code ? `${s.name} (MST ${code})` : s.name;
    })
    .join("; ");
}

type Snapshot = {
  seq: number;
  subjects: string;
  subjectList: { name: string; taxCode: string | null; kind: string }[];
  activity: string;
  kind: string;
  content: string;
  field: string | null;
  period: string;
  time: string;
  leadingUnit: string | null;
  cancelled: boolean;
}[];

/** Refuses while a live item of the plan still meets an unresolved blocking overlap. */
async function assertPlanClear(trx: Transaction<DB>, plan: PlanRow) {
  const live = (await itemsOf(trx, plan.id)).filter((i) => !i.cancelled);
  if (live.length === 0) fail("PLAN_EMPTY");
  const overlaps = await overlapViews(trx, {
    year: plan.year,
    agencyId: plan.agency_id,
    candidates: live.map((i) => ({
      itemId: i.id,
      subjectIds: i.subjects.map((s) => s.id),
      activity: i.activity,
      field: i.field,
    })),
  });
  const blocking = overlaps.flat().find((o) => o.blocking);
  if (blocking) fail("PLAN_OVERLAP", "items", blocking.message);
  return live;
}

/** The decision's fields and the items as it lists them (kept with the version once issued). */
async function decisionOf(trx: Transaction<DB>, plan: PlanRow) {
  const items = await itemsOf(trx, plan.id);
  const live = await assertPlanClear(trx, plan);
  const agency = await loadIssuingAgency(trx, plan.agency_id);
  const current = await trx
    .selectFrom("inspection_plan_version")
    .select(["id", "revision", "reason"])
    .where("plan_id", "=", plan.id)
    .where("revision", "=", plan.revision)
    .executeTakeFirstOrThrow();
  const previous = await trx
    .selectFrom("inspection_plan_version")
    .select(["id", "decision_symbol", "issued_on"])
    .where("plan_id", "=", plan.id)
    .where("status", "=", "issued")
    .executeTakeFirst();
  const activities = new Set(live.map((i) => i.activity));
  // An adjustment lists every item, those taken out marked as such; the first issue only the live ones.
  const listed = plan.revision > 0 ? items.filter((i) => !i.cancelled || i.added_in_revision < plan.revision) : live;
  const snapshot: Snapshot = listed.map((i, n) => ({
    seq: n + 1,
    subjects: subjectsText(i.subjects),
    subjectList: i.subjects.map((s) => ({ name: s.name, taxCode: publishableTaxCode(s), kind: s.kind })),
    activity: PLAN_ACTIVITIES[i.activity],
    kind: PLAN_ITEM_KINDS[i.kind],
    content: i.content,
    field: i.field,
    period: periodText(i.period_from, i.period_to),
    time: plannedTimeLabel({ quarter: i.quarter, monthFrom: i.month_from, monthTo: i.month_to }),
    leadingUnit: i.leading_unit,
    cancelled: i.cancelled,
  }));
  const fields: PlanDecisionFields = {
    authority: headTitleOf(agency.name, agency.shortName),
    year: plan.year,
    activity: activities.size === 2 ? "both" : live[0]!.activity,
    adjustment:
      plan.revision > 0
        ? {
            revision: plan.revision,
            previous: previous?.decision_symbol
              ? `${previous.decision_symbol}${previous.issued_on ? ` ngày ${textDateOf(dateText(previous.issued_on)!)}` : ""}`
              : null,
            reason: current.reason ?? "",
          }
        : null,
    items: snapshot.map((s) => ({
      seq: s.seq,
      subjects: s.subjects,
      content: s.content,
      period: s.period,
      time: s.time,
      leadingUnit: s.leadingUnit,
      standby: s.kind === PLAN_ITEM_KINDS.standby,
      cancelled: s.cancelled,
    })),
  };
  return { fields, snapshot, current, previous, live };
}

/** The version takes its decision's number, date and signer; the one it adjusts is superseded. */
async function markIssued(
  trx: Transaction<DB>,
  actor: Actor,
  plan: PlanRow,
  decision: {
    versionId: string;
    previousId: string | null;
    documentId: string | null;
    symbol: string;
    issuedOn: string;
    signer: string;
    outside: boolean;
    snapshot: unknown;
    items: number;
  },
) {
  if (decision.previousId)
    await trx
      .updateTable("inspection_plan_version")
      .set({ status: "superseded" })
      .where("id", "=", decision.previousId)
      .execute();
  await trx
    .updateTable("inspection_plan_version")
    .set({
      status: "issued",
      document_id: decision.documentId,
      decision_symbol: decision.symbol,
      issued_on: decision.issuedOn,
      signer: decision.signer,
      issued_outside: decision.outside,
      items: JSON.stringify(decision.snapshot),
    })
    .where("id", "=", decision.versionId)
    .execute();
  await bumpPlan(trx, plan.id, { status: "issued" });
  await recordAudit(trx, actor, {
    action: "inspection.plan.issued",
    entityType: "inspection_plan",
    entityId: plan.id,
    summary: {
      year: plan.year,
      revision: plan.revision,
      symbol: decision.symbol,
      signer: decision.signer,
      issuedOutside: decision.outside,
      items: decision.items,
    },
  });
}

/**
 * The plan's issue step. By default it drafts the decision (KH-TT-QD) from the items: the drafter
 * submits it to a leader, who signs and issues it in the system (documents); the plan is issued
 * then, with the register's number and the signer (`planDecisionIssued`). Until then the items
 * stay as the draft lists them. A decision signed outside the system is recorded with its typed
 * number, date and signer, and issues the plan at once.
 */
export async function issuePlan(
  db: Kysely<DB>,
  auth: AuthContext,
  actor: Actor,
  planId: string,
  body: {
    version: number;
    issuedOutside?: boolean | null | undefined;
    decisionNumber?: string | undefined;
    issuedOn?: string | undefined;
    signer?: { authority?: string | undefined; position: string; name: string } | undefined;
  },
): Promise<PlanDetail> {
  await db.transaction().execute(async (trx) => {
    const plan = await planForChange(trx, auth, planId, body.version);
    await assertAgencyInScope(trx, auth, "document.issue", plan.agency_id);
    const { fields, snapshot, current, previous, live } = await decisionOf(trx, plan);
    if (body.issuedOutside === true) {
      const issuedOn = body.issuedOn!;
      if (issuedOn > todayInVietnam()) fail("DOCUMENT_ISSUE_DATE_IN_FUTURE", "issuedOn");
      const signer = body.signer!;
      await markIssued(trx, actor, plan, {
        versionId: current.id,
        previousId: previous?.id ?? null,
        documentId: null,
        symbol: body.decisionNumber!,
        issuedOn,
        signer: [signer.name, signer.position.toLocaleLowerCase("vi").replace(/^./u, (c) => c.toLocaleUpperCase("vi"))]
          .filter(Boolean)
          .join(", "),
        outside: true,
        snapshot,
        items: live.length,
      });
      return;
    }
    const draft = await createDraft(trx, actor, {
      agencyId: plan.agency_id,
      entityType: "inspection_plan",
      entityId: planId,
      formCode: "KH-TT-QD",
      fields,
    });
    await trx
      .updateTable("inspection_plan_version")
      .set({ document_id: draft.id, items: JSON.stringify(snapshot) })
      .where("id", "=", current.id)
      .execute();
    await bumpPlan(trx, planId);
    await recordAudit(trx, actor, {
      action: "inspection.plan.decision_drafted",
      entityType: "inspection_plan",
      entityId: planId,
      summary: { year: plan.year, revision: plan.revision, documentId: draft.id, items: live.length },
    });
  });
  return getPlan(db, auth, planId);
}

/**
 * Withdraws the decision's draft (never submitted, or returned by the signer): the draft is
 * cancelled with its reason (kept in the record, unnumbered) and the plan can be edited again.
 */
export async function withdrawPlanDecision(
  db: Kysely<DB>,
  auth: AuthContext,
  actor: Actor,
  planId: string,
  body: { version: number; reason?: string | undefined },
): Promise<PlanDetail> {
  await db.transaction().execute(async (trx) => {
    const plan = await planForChange(trx, auth, planId, body.version, false);
    await assertAgencyInScope(trx, auth, "document.issue", plan.agency_id);
    const pending = plan.status === "issued" ? null : await pendingDecisionOf(trx, planId, plan.revision);
    if (!pending) fail("PLAN_NO_PENDING_DECISION");
    if (pending.status === "submitted") fail("DOCUMENT_SUBMITTED");
    await trx
      .updateTable("inspection_plan_version")
      .set({ document_id: null, items: null })
      .where("id", "=", pending.versionId)
      .execute();
    // A draft never numbered is cancelled, not removed: the register is untouched, the record keeps it.
    const reason = body.reason ?? "Rút dự thảo quyết định để sửa kế hoạch";
    if (!(await markCancelled(trx, pending.documentId, reason))) fail("DOCUMENT_SUBMITTED");
    await bumpPlan(trx, planId);
    await recordAudit(trx, actor, {
      action: "inspection.plan.decision_withdrawn",
      entityType: "inspection_plan",
      entityId: planId,
      summary: { year: plan.year, revision: plan.revision, documentId: pending.documentId, reason },
    });
  });
  return getPlan(db, auth, planId);
}

/**
 * When the decision is signed and issued in the system (in the issue's transaction): the plan's
 * version takes the register's number and the signer, the plan is issued. An overlap that arose
 * since the draft (another agency's item of the same subject) refuses the issue, naming it.
 */
async function planDecisionIssued(trx: Transaction<DB>, actor: Actor, paper: IssuedPaper): Promise<void> {
  const version = await trx
    .selectFrom("inspection_plan_version")
    .select(["id", "plan_id", "revision", "items"])
    .where("document_id", "=", paper.id)
    .where("status", "=", "draft")
    .executeTakeFirst();
  if (!version) return;
  const plan = await readPlan(trx, version.plan_id, true);
  if (plan.status === "issued" || plan.revision !== version.revision) return;
  const live = await assertPlanClear(trx, plan);
  const previous = await trx
    .selectFrom("inspection_plan_version")
    .select(["id"])
    .where("plan_id", "=", plan.id)
    .where("status", "=", "issued")
    .executeTakeFirst();
  await markIssued(trx, actor, plan, {
    versionId: version.id,
    previousId: previous?.id ?? null,
    documentId: paper.id,
    symbol: paper.symbol,
    issuedOn: paper.issuedOn,
    signer: paper.signer,
    outside: false,
    snapshot: parseJson(version.items),
    items: live.length,
  });
}

onPaperIssued("inspection_plan", planDecisionIssued);

function textDateOf(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${d}/${m}/${y}`;
}

export async function adjustPlan(
  db: Kysely<DB>,
  auth: AuthContext,
  actor: Actor,
  planId: string,
  body: { version: number; reason: string },
): Promise<PlanDetail> {
  await db.transaction().execute(async (trx) => {
    const plan = await planForChange(trx, auth, planId, body.version, false);
    if (plan.status !== "issued")
      fail(
        "PLAN_WRONG_STATUS",
        undefined,
        "Chỉ điều chỉnh kế hoạch đã ban hành; bản đang dự thảo hoặc đang điều chỉnh thì sửa trực tiếp.",
      );
    const revision = plan.revision + 1;
    await trx
      .insertInto("inspection_plan_version")
      .values({
        plan_id: planId,
        revision,
        reason: body.reason,
        document_id: null,
        decision_symbol: null,
        created_by: auth.userId,
      })
      .execute();
    await bumpPlan(trx, planId, { status: "adjusting", revision });
    await recordAudit(trx, actor, {
      action: "inspection.plan.adjustment_opened",
      entityType: "inspection_plan",
      entityId: planId,
      summary: { revision, reason: body.reason },
    });
  });
  return getPlan(db, auth, planId);
}

export async function getPlanVersion(db: Kysely<DB>, auth: AuthContext, planId: string, revision: number) {
  const plan = await readPlan(db, planId);
  await assertAgencyInScope(db, auth, "inspection.read", plan.agency_id);
  const v = await db
    .selectFrom("inspection_plan_version")
    .select(["revision", "status", "reason", "decision_symbol", "document_id", "issued_on", "items"])
    .where("plan_id", "=", planId)
    .where("revision", "=", revision)
    .executeTakeFirst();
  if (!v) fail("NOT_FOUND", "revision", "Kế hoạch không có phiên bản này.");
  const items = (parseJson(v.items) ?? []) as {
    seq: number;
    subjects: string;
    activity: string;
    kind: string;
    content: string;
    field: string | null;
    period: string;
    time: string;
    leadingUnit: string | null;
    cancelled: boolean;
  }[];
  return {
    revision: v.revision,
    status: v.status,
    reason: v.reason,
    decisionSymbol: v.decision_symbol,
    documentId: v.document_id,
    issuedOn: dateText(v.issued_on),
    itemCount: items.length,
    items,
  };
}
