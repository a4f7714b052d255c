/**
 * Reports of units not on the system (issue 19, docs/LAW.md §11.11): the blank official form of a
 * unit and period (excel.ts in its blank mode), and the filled form uploaded back. The upload is
 * checked as a file (an .xlsx by its content, the attachment module's inspector and size limit),
 * then as the form (domain reports/upload.ts: form, regime, unit, period, header, every number
 * cell, the sums, the reconciliation with the previous period's report). A valid upload becomes a
 * `report_submission` whose snapshot is a ReportView built from the cells, so the workflow, the
 * timeliness panel and the roll-up treat it as a computed one; the original file is kept in the
 * attachment store, attached to its revision: a re-upload is a new revision with its reason, and
 * every earlier original stays downloadable with its own revision (docs/LAW.md §11.15). A unit on
 * the system (an active account of its own) reports from its records: its form is refused.
 * Refusals save nothing but their audit event (with the error count).
 */
import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { DomainError } from "@minhbach/domain";
import { addDays } from "@minhbach/domain/calendar/iso-date";
import {
  INDICATORS,
  previousPeriod,
  UPLOAD_LAYOUT_VERSION,
  UPLOAD_META_KEYS,
  UPLOAD_META_SHEET,
  uploadStep,
  validateUpload,
  type UploadMeta,
  type UploadSheet,
  type UploadValue,
} from "@minhbach/domain/reports/index";
import type {
  BlankFormQuery,
  ReportView,
  UploadErrorView,
  UploadReportBody,
  UploadReportView,
} from "@minhbach/domain/api/reports";
import { sql, type Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import { type AuthContext } from "../../platform/access.ts";
import { recordAudit, type Actor } from "../../platform/audit.ts";
import { fail } from "../../platform/errors.ts";
import { cleanFileName, receiveFile, type Received } from "../attachments/service.ts";
import type { FileStorage } from "../attachments/storage.ts";
import { resolveReport, TOTAL_ROW, type ResolvedReport } from "./compute.ts";
import { reportWorkbook } from "./excel.ts";
import { superiorOf } from "./graph.ts";
import { getSubmission, latestRevision, powersOf, readVisible, sideOf } from "./submissions.ts";

export interface UploadDeps {
  db: Kysely<DB>;
  storage: FileStorage;
  maxUploadBytes: number;
  encrypt: boolean;
}

/** The report asked for, checked (form, period, scope), with the user's side of it. */
async function resolveUnit(db: Kysely<DB>, auth: AuthContext, q: BlankFormQuery) {
  const resolved = await resolveReport(db, auth, { ...q, subtree: false });
  // The superior on the period's last day, from the reporting graph (as the submissions use).
  const superior = await superiorOf(db, resolved.agency.id, q.to);
  return { ...resolved, side: sideOf(auth, resolved.agency.id, superior) };
}

function metaOf(r: ResolvedReport, q: { from: string; to: string }): UploadMeta {
  return {
    form: r.form.code,
    regime: r.period?.regime ?? "",
    unit: r.agency.code,
    from: q.from,
    to: q.to,
    layout: UPLOAD_LAYOUT_VERSION,
  };
}

/** The view of a report with no figures yet: the layout the blank form prints. */
function viewOf(r: ResolvedReport, q: { from: string; to: string }, cells: Record<string, number>): ReportView {
  const before = r.period ? previousPeriod(r.period) : null;
  return {
    form: r.form.code,
    title: r.form.title,
    agency: { id: r.agency.id, code: r.agency.code, name: r.agency.name },
    from: q.from,
    to: q.to,
    subtree: false,
    period: r.period ? { kind: r.period.kind, label: r.period.label, regime: r.period.regime } : null,
    rows: [{ key: TOTAL_ROW, label: r.agency.name }],
    columns: r.form.columns.map((c) => ({ ...c, unit: INDICATORS[c.indicator]!.unit })),
    groups: [...r.form.groups],
    cells,
    indicators: {},
    reconciliation: { previousFrom: before?.from ?? null, previousTo: addDays(q.from, -1), checks: [], holds: true },
    computedAt: new Date().toISOString(),
  };
}

/**
 * A unit on the system reports from its records, not on an uploaded form (docs/LAW.md §11.15).
 * Being on the system is dated: for a period, a unit is on it when it has an active user account
 * of its own that existed on the period's first day, or any petition or reception visit received in
 * the period. A unit that joined later still owes the reports of the periods before, on the form.
 * Refused with the unit's name.
 */
async function refuseUnitOnSystem(
  db: Kysely<DB>,
  agency: { id: string; code: string; name: string },
  period: { from: string; to: string },
) {
  const found = await sql<{ on: boolean }>`select exists (select 1 from app_user u
      where u.agency_id = ${agency.id} and not u.disabled
        and ((u.created_at at time zone 'Asia/Ho_Chi_Minh')::date <= ${period.from}::date
          or exists (select 1 from petition p where p.agency_id = ${agency.id}
            and p.received_on between ${period.from}::date and ${period.to}::date)
          or exists (select 1 from reception_visit v where v.agency_id = ${agency.id}
            and v.received_on between ${period.from}::date and ${period.to}::date))) as on`.execute(db);
  if (found.rows[0]?.on)
    fail(
      "REPORT_UPLOAD_UNIT_ON_SYSTEM",
      "agencyId",
      `Đơn vị “${agency.name}” (${agency.code}) đã dùng hệ thống trong kỳ này (có tài khoản người dùng đang hoạt động từ đầu kỳ, hoặc có hồ sơ trong kỳ): báo cáo của đơn vị được lập từ hồ sơ trên hệ thống, không nhận biểu mẫu Excel tải lên.`,
    );
}

/** The blank form of a unit (the user's own, or one of its direct units) and a period. */
export async function blankForm(
  db: Kysely<DB>,
  auth: AuthContext,
  actor: Actor,
  q: BlankFormQuery,
): Promise<{ fileName: string; bytes: Buffer }> {
  const r = await resolveUnit(db, auth, q);
  if (r.side === "other") fail("REPORT_UPLOAD_NOT_ALLOWED", "agencyId");
  await refuseUnitOnSystem(db, r.agency, q);
  const file = await reportWorkbook(viewOf(r, q, {}), { blank: metaOf(r, q) });
  await db.transaction().execute((trx) =>
    recordAudit(trx, actor, {
      action: "report.blank.downloaded",
      entityType: "report",
      entityId: r.agency.id,
      summary: { form: r.form.code, agency: r.agency.code, from: q.from, to: q.to },
    }),
  );
  return file;
}

// ---- Reading the workbook ----------------------------------------------------------------------

function valueOf(v: ExcelJS.CellValue | undefined): UploadValue {
  if (v === null || v === undefined) return { kind: "empty" };
  if (typeof v === "number") return { kind: "number", value: v };
  if (typeof v === "string") return v.trim() ? { kind: "text", text: v } : { kind: "empty" };
  if (typeof v === "boolean") return { kind: "text", text: v ? "TRUE" : "FALSE" };
  if (v instanceof Date) return { kind: "text", text: v.toISOString().slice(0, 10) };
  if ("formula" in v || "sharedFormula" in v) {
    const f = v as ExcelJS.CellFormulaValue & { sharedFormula?: string };
    const result = f.result;
    if (result === undefined || result === null)
      return { kind: "formula", formula: f.formula ?? f.sharedFormula ?? "" };
    return valueOf(result as ExcelJS.CellValue);
  }
  if ("richText" in v) return valueOf(v.richText.map((t) => t.text).join(""));
  if ("error" in v) return { kind: "text", text: String(v.error) };
  if ("text" in v) return valueOf(String(v.text));
  return { kind: "text", text: String(v) };
}

function textCell(v: ExcelJS.CellValue | undefined): string {
  const value = valueOf(v);
  if (value.kind === "text") return value.text.trim();
  if (value.kind === "number") return String(value.value);
  return "";
}

async function readWorkbook(bytes: Buffer): Promise<{ meta: Partial<UploadMeta> | null; sheets: UploadSheet[] }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const metaSheet = workbook.getWorksheet(UPLOAD_META_SHEET);
  let meta: Partial<UploadMeta> | null = null;
  if (metaSheet) {
    meta = {};
    for (let r = 1; r <= 20; r++) {
      const key = textCell(metaSheet.getCell(r, 1).value);
      if ((UPLOAD_META_KEYS as readonly string[]).includes(key))
        meta[key as keyof UploadMeta] = textCell(metaSheet.getCell(r, 2).value);
    }
  }
  const sheets = workbook.worksheets
    .filter((s) => s.name !== UPLOAD_META_SHEET)
    .map((s) => ({ name: s.name, cell: (row: number, column: number) => valueOf(s.getCell(row, column).value) }));
  return { meta, sheets };
}

// ---- Upload ------------------------------------------------------------------------------------

const fileError = (message: string): UploadErrorView => ({ cell: null, column: null, message });

/**
 * Checks a filled form and, when it has no error, records it as the unit's report of the period.
 * Refused: every error, nothing saved (the stored copy is removed), the refusal audited.
 */
export async function uploadReport(
  deps: UploadDeps,
  auth: AuthContext,
  actor: Actor,
  body: UploadReportBody,
  now = new Date(),
): Promise<UploadReportView> {
  const { db } = deps;
  const r = await resolveUnit(db, auth, body);
  if (r.side === "other") fail("REPORT_UPLOAD_NOT_ALLOWED", "agencyId");
  await refuseUnitOnSystem(db, r.agency, body);

  const bytes = Buffer.from(body.contentBase64.replace(/\s+/g, ""), "base64");
  let received: Received | null = null;
  const discard = async () => {
    if (received) await deps.storage.delete(received.id).catch(() => {});
  };
  const refuse = async (errors: UploadErrorView[]): Promise<UploadReportView> => {
    await discard();
    await db.transaction().execute((trx) =>
      recordAudit(trx, actor, {
        action: "report.upload.refused",
        entityType: "report",
        entityId: r.agency.id,
        summary: { form: r.form.code, agency: r.agency.code, from: body.from, to: body.to, errors: errors.length },
      }),
    );
    return { accepted: false, errors, submission: null };
  };

  // The file: an .xlsx by its content (the name's extension must agree), within the size limit.
  try {
    received = await receiveFile(deps.storage, cleanFileName(body.fileName), Readable.from([bytes]), {
      maxBytes: deps.maxUploadBytes,
      encrypt: deps.encrypt,
    });
  } catch (error) {
    if (error instanceof DomainError) return refuse([fileError(error.message)]);
    throw error;
  }
  if (received.kind.code !== "xlsx")
    return refuse([
      fileError(
        `Tệp “${body.fileName}” là ${received.kind.label}, không phải tệp Excel (.xlsx) của biểu mẫu. Dùng nút “Tải biểu mẫu trống” để có tệp đúng mẫu.`,
      ),
    ]);
  let workbook: Awaited<ReturnType<typeof readWorkbook>>;
  try {
    workbook = await readWorkbook(bytes);
  } catch {
    return refuse([
      fileError(`Không đọc được tệp Excel “${body.fileName}”: tệp bị hỏng hoặc không đúng định dạng .xlsx.`),
    ]);
  }

  // The unit's report of the previous period, computed or uploaded, for the reconciliation.
  const before = r.period ? previousPeriod(r.period) : null;
  const previousRow = before
    ? await db
        .selectFrom("report_submission")
        .select(["snapshot"])
        .where("agency_id", "=", r.agency.id)
        .where("form", "=", r.form.code)
        .where("period_from", "=", before.from)
        .where("period_to", "=", before.to)
        .orderBy("revision", "desc")
        .limit(1)
        .executeTakeFirst()
    : undefined;
  const previousSnapshot = previousRow
    ? ((typeof previousRow.snapshot === "string"
        ? JSON.parse(previousRow.snapshot)
        : previousRow.snapshot) as ReportView)
    : null;

  const outcome = validateUpload({
    expected: {
      form: r.form,
      regime: r.period?.regime ?? null,
      unitCode: r.agency.code,
      from: body.from,
      to: body.to,
    },
    meta: workbook.meta,
    sheets: workbook.sheets,
    previous: previousSnapshot && before ? { label: before.label, indicators: previousSnapshot.indicators } : null,
  });
  if (!outcome.ok) return refuse(outcome.errors);

  // The snapshot: the unit's row as the form's total, each column's indicator filled from it.
  const cells: Record<string, number> = {};
  const indicators: Record<string, number> = {};
  for (const column of r.form.columns) {
    const value = outcome.values[column.no] ?? 0;
    cells[`${TOTAL_ROW}.${column.no}`] = value;
    if (indicators[column.indicator] === undefined) indicators[column.indicator] = value;
  }
  const view = viewOf(r, body, cells);
  view.rows = [{ key: TOTAL_ROW, label: "Tổng cộng" }];
  view.indicators = indicators;
  view.reconciliation.checks = outcome.checks;
  view.reconciliation.holds = outcome.checks.every((c) => c.holds);
  view.computedAt = now.toISOString();
  const file = received;

  let id: string;
  try {
    id = await db.transaction().execute(async (trx) => {
      // One writer at a time per agency, as for a computed report (submissions.ts).
      await trx.selectFrom("agency").select("id").where("id", "=", r.agency.id).forUpdate().executeTakeFirst();
      const latest = await trx
        .selectFrom("report_submission")
        .select(["id", "status", "revision", "version", "original_file_id"])
        .where("agency_id", "=", r.agency.id)
        .where("form", "=", r.form.code)
        .where("period_from", "=", body.from)
        .where("period_to", "=", body.to)
        .orderBy("revision", "desc")
        .limit(1)
        .executeTakeFirst();
      const decision = uploadStep({
        side: r.side,
        powers: powersOf(auth),
        latest: latestRevision(latest),
        reason: body.reason,
      });
      if (!decision.ok) fail(decision.code, decision.field);
      // A refresh only ever replaces a computed draft (draftStep): no earlier original is left behind.
      const submissionId = decision.mode === "refresh" ? latest!.id : randomUUID();
      await trx
        .insertInto("attachment")
        .values({
          id: file.id,
          agency_id: r.agency.id,
          entity_type: "report_submission",
          entity_id: submissionId,
          file_name: file.fileName,
          mime_type: file.kind.mime,
          size: file.size,
          sha256: file.sha256,
          description: null,
          created_by: actor.userId,
          created_at: sql<Date>`now()`,
          encrypted: file.encryption !== null,
          key_id: file.encryption?.keyId ?? null,
          iv: file.encryption?.iv ?? null,
          auth_tag: file.encryption?.authTag ?? null,
        })
        .execute();
      const status = decision.status;
      const stamps = {
        drafted_by: actor.userId,
        drafted_by_name: actor.name,
        drafted_at: now,
        ...(status === "submitted"
          ? { submitted_by: actor.userId, submitted_by_name: actor.name, submitted_at: now }
          : {}),
      };
      const snapshot = JSON.stringify(view);
      if (decision.mode === "refresh") {
        const updated = await trx
          .updateTable("report_submission")
          .set({
            snapshot,
            subtree: false,
            kind: body.kind,
            status,
            origin: "upload",
            original_file_id: file.id,
            ...stamps,
            version: latest!.version + 1,
            updated_at: now,
          })
          .where("id", "=", latest!.id)
          .where("version", "=", latest!.version)
          .executeTakeFirst();
        if (Number(updated.numUpdatedRows) !== 1) fail("VERSION_CONFLICT", "version");
      } else {
        await trx
          .insertInto("report_submission")
          .values({
            id: submissionId,
            agency_id: r.agency.id,
            form: r.form.code,
            period_from: body.from,
            period_to: body.to,
            subtree: false,
            kind: body.kind,
            revision: decision.revision,
            status,
            snapshot,
            origin: "upload",
            original_file_id: file.id,
            correction_reason: decision.mode === "correction" ? body.reason!.trim() : null,
            return_reason: null,
            submitted_by: null,
            submitted_by_name: null,
            returned_by: null,
            returned_by_name: null,
            accepted_by: null,
            accepted_by_name: null,
            ...stamps,
          })
          .execute();
      }
      await recordAudit(trx, actor, {
        action: "report.upload.accepted",
        entityType: "report_submission",
        entityId: submissionId,
        summary: {
          form: r.form.code,
          agency: r.agency.code,
          from: body.from,
          to: body.to,
          revision: decision.revision,
          status,
          file: { size: file.size, sha256: file.sha256 },
          ...(decision.mode === "correction" ? { reason: body.reason!.trim() } : {}),
        },
      });
      return submissionId;
    });
  } catch (error) {
    await discard();
    throw error;
  }
  return { accepted: true, errors: [], submission: await getSubmission(db, auth, id) };
}

/** The uploaded original of a report, for those who may read the report; audited. */
export async function openOriginal(deps: UploadDeps, auth: AuthContext, actor: Actor, id: string) {
  const row = await readVisible(deps.db, auth, id);
  if (!row.original_file_id) fail("REPORT_ORIGINAL_NOT_FOUND", "id");
  const file = await deps.db
    .selectFrom("attachment")
    .selectAll()
    .where("id", "=", row.original_file_id)
    .executeTakeFirstOrThrow();
  const stream = await deps.storage.get(
    file.id,
    file.encrypted ? { keyId: file.key_id!, iv: file.iv!, authTag: file.auth_tag! } : null,
  );
  if (!stream) fail("REPORT_ORIGINAL_NOT_FOUND", "id");
  await deps.db.transaction().execute((trx) =>
    recordAudit(trx, actor, {
      action: "report.upload.original_downloaded",
      entityType: "report_submission",
      entityId: row.id,
      summary: {
        form: row.form,
        agency: row.agency_code,
        from: row.period_from,
        to: row.period_to,
        revision: row.revision,
      },
    }),
  );
  return { stream, fileName: file.file_name, size: Number(file.size), mimeType: file.mime_type };
}
