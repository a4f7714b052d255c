/**
 * Report submissions (docs/LAW.md §11.3): a unit saves its report (computed now, the result frozen
 * in the row), submits it to its superior (the reporting graph on the period's last day, graph.ts:
 * a reporting line in force then, else the parent agency), which returns it with a reason or
 * accepts it; acceptance locks it. The rules of who may do what and in which state are the
 * domain's (reports/submission.ts); this file reads the rows, asks the domain, and writes the step
 * with the row's version checked, the audit event in the same transaction.
 */
import {
  draftStep,
  INDICATORS,
  SUBMISSION_STATUS_LABELS,
  submissionStep,
  superiorOn,
  type SubmissionPowers,
  type SubmissionSide,
  type SubmissionStatus,
} from "@minhbach/domain/reports/index";
import type {
  CreateSubmissionBody,
  DrilldownView,
  ReportView,
  SubmissionDrilldownQuery,
  SubmissionSummary,
  SubmissionView,
} from "@minhbach/domain/api/reports";
import { sql, type Kysely, type Selectable } from "kysely";
import type { DB, ReportSubmissionTable } from "../../db/schema.ts";
import { can, type AuthContext } from "../../platform/access.ts";
import { recordAudit, type Actor } from "../../platform/audit.ts";
import { fail } from "../../platform/errors.ts";
import { computeReport, resolveReport, TOTAL_ROW } from "./compute.ts";
import { drilldown, freezeRecords, listParts } from "./drilldown.ts";
import { ADJUSTMENT_ROW, statusText, SUM_ROW } from "./rollup.ts";
import { loadGraph } from "./graph.ts";

export type Row = Selectable<ReportSubmissionTable> & {
  agency_code: string;
  agency_name: string;
  agency_parent_id: string | null;
  latest: boolean;
};

/** The latest revision of a unit's report as the domain's steps (draftStep, uploadStep) read it. */
export function latestRevision(
  row: { status: string; revision: number; original_file_id: string | null } | undefined,
): { status: SubmissionStatus; revision: number; original: boolean } | null {
  return row
    ? { status: row.status as SubmissionStatus, revision: row.revision, original: row.original_file_id !== null }
    : null;
}

export function powersOf(auth: AuthContext): SubmissionPowers {
  return { write: can(auth, "report.write"), submit: can(auth, "report.submit") };
}

export function sideOf(auth: AuthContext, agencyId: string, parentId: string | null): SubmissionSide {
  if (agencyId === auth.agencyId) return "own";
  if (parentId !== null && parentId === auth.agencyId) return "superior";
  return "other";
}

function baseQuery(db: Kysely<DB>) {
  return db
    .selectFrom("report_submission as rs")
    .innerJoin("agency as a", "a.id", "rs.agency_id")
    .selectAll("rs")
    .select([
      "a.code as agency_code",
      "a.name as agency_name",
      "a.parent_id as agency_parent_id",
      sql<boolean>`not exists (select 1 from report_submission r2 where r2.agency_id = rs.agency_id
        and r2.form = rs.form and r2.period_from = rs.period_from and r2.period_to = rs.period_to
        and r2.revision > rs.revision)`.as("latest"),
    ]);
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
const who = (name: string | null, at: Date | null) => (at ? { name, at: iso(at)! } : null);

function summary(row: Row, auth: AuthContext): SubmissionSummary {
  const side = sideOf(auth, row.agency_id, row.agency_parent_id);
  const powers = powersOf(auth);
  const status = row.status as SubmissionStatus;
  const stepOk = (action: "submit" | "accept") =>
    submissionStep({ action, status, side, powers, latest: row.latest }).ok;
  return {
    id: row.id,
    agency: { id: row.agency_id, code: row.agency_code, name: row.agency_name },
    form: row.form,
    from: row.period_from,
    to: row.period_to,
    subtree: row.subtree,
    kind: row.kind,
    revision: row.revision,
    latest: row.latest,
    status,
    statusLabel: SUBMISSION_STATUS_LABELS[status],
    correctionReason: row.correction_reason,
    returnReason: row.return_reason,
    drafted: who(row.drafted_by_name, row.drafted_at),
    submitted: who(row.submitted_by_name, row.submitted_at),
    returned: who(row.returned_by_name, row.returned_at),
    accepted: who(row.accepted_by_name, row.accepted_at),
    version: row.version,
    canSubmit: stepOk("submit"),
    canDecide: stepOk("accept"),
    origin: row.origin,
  };
}

function view(row: Row, auth: AuthContext): SubmissionView {
  const snapshot = (typeof row.snapshot === "string" ? JSON.parse(row.snapshot) : row.snapshot) as ReportView;
  return { ...summary(row, auth), snapshot };
}

/**
 * The superior of each row's unit on the period's last day, from the reporting graph (graph.ts):
 * a line in force then, else the parent in the agency tree. Kept in `agency_parent_id`.
 */
async function withSuperiors(db: Kysely<DB>, rows: Row[]): Promise<Row[]> {
  if (rows.length === 0) return rows;
  const graph = await loadGraph(db);
  return rows.map((r) => ({ ...r, agency_parent_id: superiorOn(graph, r.agency_id, r.period_to) }));
}

/** A submission the user may see: their own agency's, or one of the units reporting to them. */
export async function readVisible(db: Kysely<DB>, auth: AuthContext, id: string): Promise<Row> {
  const found = (await baseQuery(db).where("rs.id", "=", id).executeTakeFirst()) as Row | undefined;
  if (!found) fail("REPORT_SUBMISSION_NOT_FOUND", "id");
  const [row] = (await withSuperiors(db, [found])) as [Row];
  if (sideOf(auth, row.agency_id, row.agency_parent_id) === "other") fail("OUT_OF_SCOPE", "id");
  return row;
}

export async function getSubmission(db: Kysely<DB>, auth: AuthContext, id: string): Promise<SubmissionView> {
  return view(await readVisible(db, auth, id), auth);
}

/**
 * The records behind a figure of a sent report, as it was sent (docs/LAW.md §11.7): those kept at
 * its save (drilldown.ts freezeRecords), shown as they are now; a figure of a unit that sent its
 * Excel form has none, and a report saved before the records were kept lists today's records by
 * the same definition. `sources` says which.
 */
export async function submissionDrilldown(
  db: Kysely<DB>,
  auth: AuthContext,
  id: string,
  q: SubmissionDrilldownQuery,
): Promise<DrilldownView> {
  const row = await readVisible(db, auth, id);
  const snapshot = view(row, auth).snapshot;
  const dot = q.cell.lastIndexOf(".");
  const rowKey = q.cell.slice(0, dot);
  const column = snapshot.columns.find((c) => c.no === Number(q.cell.slice(dot + 1)));
  if (!column || rowKey === SUM_ROW || rowKey === ADJUSTMENT_ROW || !snapshot.rows.some((r) => r.key === rowKey))
    fail("REPORT_CELL_UNKNOWN", "cell");
  const ind = INDICATORS[column.indicator];
  if (!ind) fail("REPORT_CELL_UNKNOWN", "cell");
  const own = {
    agencyCode: row.agency_code,
    agencyName: row.agency_name,
    revision: row.revision,
    status: statusText(row.status),
  };
  const page = { page: q.page, pageSize: q.pageSize };
  const base = { indicator: ind.code, name: ind.name, counts: ind.counts, row: rowKey, ...page };
  if (row.origin === "upload") return { ...base, sources: [{ ...own, kind: "upload" }], items: [], total: 0 };
  if (!row.records_frozen) {
    const live = await drilldown(db, auth, {
      form: row.form,
      agencyId: row.agency_id,
      from: row.period_from,
      to: row.period_to,
      subtree: row.subtree,
      kind: row.kind as "periodic" | "adhoc",
      cell: q.cell,
      ...page,
    });
    return { ...live, sources: [{ ...own, kind: "today" }, ...live.sources] };
  }
  // The units of a consolidated report that sent their Excel form: their figures have no records.
  const units = (snapshot.consolidation?.units ?? []).filter(
    (u) => u.submission !== null && (rowKey === TOTAL_ROW || u.key === rowKey),
  );
  const uploads =
    units.length === 0
      ? []
      : await db
          .selectFrom("report_submission")
          .select("id")
          .where(
            "id",
            "in",
            units.map((u) => u.submission!.id),
          )
          .where("origin", "=", "upload")
          .execute();
  const uploaded = new Set(uploads.map((u) => u.id));
  const sources = units
    .filter((u) => uploaded.has(u.submission!.id))
    .map((u) => ({
      agencyCode: u.agency.code,
      agencyName: u.agency.name,
      revision: u.submission!.revision,
      status: statusText(u.submission!.status),
      kind: "upload" as const,
    }));
  const listed = await listParts(
    db,
    ind,
    [{ frozen: row.id, subtree: row.subtree, ...(rowKey === TOTAL_ROW ? {} : { row: rowKey }) }],
    { from: row.period_from, to: row.period_to, ...page },
  );
  return { ...base, sources: [{ ...own, kind: "frozen" }, ...sources], ...listed };
}

export async function listSubmissions(
  db: Kysely<DB>,
  auth: AuthContext,
  q: { page: number; pageSize: number; agencyId?: string; form?: string; status?: SubmissionStatus },
): Promise<{ items: SubmissionSummary[]; total: number; page: number; pageSize: number }> {
  // Candidates: own, the tree's children, the units with a reporting line to the user's agency;
  // which of them reported to it in each row's period is the graph's answer (withSuperiors).
  let query = baseQuery(db).where((eb) =>
    eb.or([
      eb("rs.agency_id", "=", auth.agencyId),
      eb("a.parent_id", "=", auth.agencyId),
      eb(
        "rs.agency_id",
        "in",
        eb.selectFrom("reporting_line").select("agency_id").where("reports_to_id", "=", auth.agencyId),
      ),
    ]),
  );
  if (q.agencyId) query = query.where("rs.agency_id", "=", q.agencyId);
  if (q.form) query = query.where("rs.form", "=", q.form);
  if (q.status) query = query.where("rs.status", "=", q.status);
  const rows = (
    await withSuperiors(
      db,
      (await query
        .orderBy("rs.period_from", "desc")
        .orderBy("a.code")
        .orderBy("rs.form")
        .orderBy("rs.revision", "desc")
        .execute()) as Row[],
    )
  ).filter((r) => r.agency_id === auth.agencyId || r.agency_parent_id === auth.agencyId);
  const start = (q.page - 1) * q.pageSize;
  return {
    items: rows.slice(start, start + q.pageSize).map((r) => summary(r, auth)),
    total: rows.length,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/**
 * Saves a report of the user's own agency: computes it now and freezes the result. The first save
 * is revision 1; saving again a draft (or a returned report) takes its snapshot again; saving a
 * report already submitted or accepted makes a new revision, with the reason for the correction.
 */
export async function createSubmission(
  db: Kysely<DB>,
  auth: AuthContext,
  actor: Actor,
  body: CreateSubmissionBody,
  now = new Date(),
): Promise<SubmissionView> {
  if (body.agencyId !== auth.agencyId) fail("REPORT_SUBMISSION_NOT_OWN", "agencyId");
  if (!can(auth, "report.write")) fail("FORBIDDEN");
  const request = {
    form: body.form,
    agencyId: body.agencyId,
    from: body.from,
    to: body.to,
    subtree: body.subtree,
    kind: body.kind,
  };
  const computed = await computeReport(db, auth, request, now);
  const id = await db.transaction().execute(async (trx) => {
    // One writer at a time per agency: the revision number is read and written under this lock.
    await trx.selectFrom("agency").select("id").where("id", "=", body.agencyId).forUpdate().executeTakeFirst();
    const latest = await trx
      .selectFrom("report_submission")
      .select(["id", "status", "revision", "version", "original_file_id"])
      .where("agency_id", "=", body.agencyId)
      .where("form", "=", body.form)
      .where("period_from", "=", body.from)
      .where("period_to", "=", body.to)
      .orderBy("revision", "desc")
      .limit(1)
      .executeTakeFirst();
    const decision = draftStep({
      side: "own",
      powers: powersOf(auth),
      latest: latestRevision(latest),
      reason: body.reason,
    });
    if (!decision.ok) fail(decision.code, decision.field);
    const snapshot = JSON.stringify(computed);
    // The records behind the figures are kept with them (drilldown.ts), in this transaction.
    const resolved = await resolveReport(trx, auth, request);
    const by = { drafted_by: actor.userId, drafted_by_name: actor.name, drafted_at: now };
    if (decision.mode === "refresh") {
      if (body.version !== latest!.version) fail("VERSION_CONFLICT", "version");
      const updated = await trx
        .updateTable("report_submission")
        .set({
          snapshot,
          subtree: body.subtree,
          kind: body.kind,
          status: "draft",
          // A draft refreshed here never held an uploaded original (draftStep: that is a new revision).
          origin: "computed",
          ...by,
          version: latest!.version + 1,
          updated_at: now,
        })
        .where("id", "=", latest!.id)
        .where("version", "=", latest!.version)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1) fail("VERSION_CONFLICT", "version");
      await freezeRecords(trx, latest!.id, resolved, body.from, body.to);
      await recordAudit(trx, actor, {
        action: "report.submission.drafted",
        entityType: "report_submission",
        entityId: latest!.id,
        summary: { form: body.form, from: body.from, to: body.to, revision: decision.revision, refreshed: true },
      });
      return latest!.id;
    }
    const inserted = await trx
      .insertInto("report_submission")
      .values({
        agency_id: body.agencyId,
        form: body.form,
        period_from: body.from,
        period_to: body.to,
        subtree: body.subtree,
        kind: body.kind,
        revision: decision.revision,
        snapshot,
        correction_reason: decision.mode === "correction" ? body.reason!.trim() : null,
        return_reason: null,
        submitted_by: null,
        submitted_by_name: null,
        returned_by: null,
        returned_by_name: null,
        accepted_by: null,
        accepted_by_name: null,
        ...by,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await freezeRecords(trx, inserted.id, resolved, body.from, body.to);
    await recordAudit(trx, actor, {
      action: decision.mode === "correction" ? "report.submission.corrected" : "report.submission.drafted",
      entityType: "report_submission",
      entityId: inserted.id,
      summary: {
        form: body.form,
        from: body.from,
        to: body.to,
        revision: decision.revision,
        ...(decision.mode === "correction" ? { reason: body.reason!.trim() } : {}),
      },
    });
    return inserted.id;
  });
  return getSubmission(db, auth, id);
}

const STEP_AUDIT = {
  submit: "report.submission.submitted",
  return: "report.submission.returned",
  accept: "report.submission.accepted",
} as const;

/** Submit (own unit), return with a reason or accept (the superior): one step, version checked. */
export async function submissionAction(
  db: Kysely<DB>,
  auth: AuthContext,
  actor: Actor,
  id: string,
  action: "submit" | "return" | "accept",
  body: { version: number; reason?: string },
  now = new Date(),
): Promise<SubmissionView> {
  const row = await readVisible(db, auth, id);
  const decision = submissionStep({
    action,
    status: row.status as SubmissionStatus,
    side: sideOf(auth, row.agency_id, row.agency_parent_id),
    powers: powersOf(auth),
    latest: row.latest,
    reason: body.reason,
  });
  if (!decision.ok) fail(decision.code, decision.field);
  if (body.version !== row.version) fail("VERSION_CONFLICT", "version");
  const stamp =
    action === "submit"
      ? { submitted_by: actor.userId, submitted_by_name: actor.name, submitted_at: now }
      : action === "return"
        ? {
            returned_by: actor.userId,
            returned_by_name: actor.name,
            returned_at: now,
            return_reason: body.reason!.trim(),
          }
        : { accepted_by: actor.userId, accepted_by_name: actor.name, accepted_at: now };
  await db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable("report_submission")
      .set({ ...stamp, status: decision.to, version: row.version + 1, updated_at: now })
      .where("id", "=", id)
      .where("version", "=", row.version)
      .where("status", "=", row.status)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) fail("VERSION_CONFLICT", "version");
    await recordAudit(trx, actor, {
      action: STEP_AUDIT[action],
      entityType: "report_submission",
      entityId: id,
      summary: {
        form: row.form,
        agency: row.agency_code,
        from: row.period_from,
        to: row.period_to,
        revision: row.revision,
        status: { from: row.status, to: decision.to },
        ...(action === "return" ? { reason: body.reason!.trim() } : {}),
      },
    });
  });
  return getSubmission(db, auth, id);
}
