/**
 * The manual cells of a form (docs/LAW.md §11.12, issue 19 06/QLKNTC): entered by a unit for one
 * period of the regime and kept in report_manual_cell; the form counts them like any other figure
 * (source "manual" of sources.ts), a subtree adds them up, a submission freezes them in its
 * snapshot. Reading needs `report.read`, writing `report.write`, both on the agency's scope; every
 * change is audited with the values before and after, in the transaction that makes it.
 */
import {
  classifyPeriod,
  FORMS,
  manualCellsOf,
  parseManualValue,
  type ReportPeriod,
} from "@minhbach/domain/reports/index";
import type { ManualCellsBody, ManualCellsQuery, ManualCellsView } from "@minhbach/domain/api/report-manual-cells";
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import { assertAgencyInScope, can, type AuthContext } from "../../platform/access.ts";
import { recordAudit, type Actor } from "../../platform/audit.ts";
import { fail } from "../../platform/errors.ts";

/** The form (with manual cells), a period of a regime that has it, the agency in scope. */
async function resolve(db: Kysely<DB>, auth: AuthContext, q: ManualCellsQuery) {
  const form = FORMS[q.form];
  const cells = manualCellsOf(q.form);
  if (!form || cells.length === 0) fail("REPORT_MANUAL_CELL_UNKNOWN", "form");
  // As the form itself: a periodic report takes a regime's period, an ad hoc one any days.
  const period: ReportPeriod | null = classifyPeriod(q.from, q.to);
  if (q.kind === "periodic") {
    if (!period) fail("REPORT_PERIOD_INVALID", "from");
    if (!form.regimes.includes(period.regime)) fail("REPORT_FORM_NOT_IN_REGIME", "form");
  }
  const agency = await db
    .selectFrom("agency")
    .select(["id", "code", "name"])
    .where("id", "=", q.agencyId)
    .executeTakeFirst();
  if (!agency) fail("AGENCY_NOT_FOUND", "agencyId");
  await assertAgencyInScope(db, auth, "report.read", agency.id, "agencyId");
  return { form, cells, period, agency };
}

async function canWrite(db: Kysely<DB>, auth: AuthContext, agencyId: string): Promise<boolean> {
  if (!can(auth, "report.write")) return false;
  try {
    await assertAgencyInScope(db, auth, "report.write", agencyId);
    return true;
  } catch {
    return false;
  }
}

export async function getManualCells(db: Kysely<DB>, auth: AuthContext, q: ManualCellsQuery): Promise<ManualCellsView> {
  const { form, cells, period, agency } = await resolve(db, auth, q);
  const stored = await db
    .selectFrom("report_manual_cell")
    .selectAll()
    .where("agency_id", "=", agency.id)
    .where("form", "=", form.code)
    .where("period_from", "=", q.from)
    .where("period_to", "=", q.to)
    .execute();
  return {
    form: form.code,
    agency,
    from: q.from,
    to: q.to,
    period: period ? { label: period.label, regime: period.regime } : null,
    canWrite: await canWrite(db, auth, agency.id),
    cells: cells.map((c) => {
      const row = stored.find((s) => s.cell === c.code);
      return {
        cell: c.code,
        no: form.columns.find((col) => col.indicator === c.code)?.no ?? 0,
        name: c.name,
        unit: c.unit,
        integer: c.integer,
        value: row ? Number(row.value) : null,
        note: row?.note ?? null,
        updatedBy: row?.updated_by_name ?? null,
        updatedAt: row ? new Date(row.updated_at).toISOString() : null,
      };
    }),
  };
}

export async function saveManualCells(
  db: Kysely<DB>,
  auth: AuthContext,
  actor: Actor,
  body: ManualCellsBody,
): Promise<ManualCellsView> {
  const { form, cells, agency } = await resolve(db, auth, body);
  await assertAgencyInScope(db, auth, "report.write", agency.id, "agencyId");
  // Every entry checked before anything is written: one wrong cell saves nothing.
  const entries = body.cells.map((entry, i) => {
    const cell = cells.find((c) => c.code === entry.cell);
    if (!cell) fail("REPORT_MANUAL_CELL_UNKNOWN", `cells.${i}.cell`);
    const parsed = parseManualValue(cell, entry.value);
    if (!parsed.ok) fail("REPORT_MANUAL_CELL_INVALID", `cells.${i}.value`, parsed.message);
    return { cell, value: parsed.value, note: entry.note ?? null };
  });
  const seen = new Set<string>();
  entries.forEach((e, i) => {
    if (seen.has(e.cell.code))
      fail("REPORT_MANUAL_CELL_INVALID", `cells.${i}.cell`, `Ô "${e.cell.name}" được nhập hai lần.`);
    seen.add(e.cell.code);
  });
  await db.transaction().execute(async (trx) => {
    const key = (q: typeof trx) =>
      q
        .selectFrom("report_manual_cell")
        .select(["cell", "value"])
        .where("agency_id", "=", agency.id)
        .where("form", "=", form.code)
        .where("period_from", "=", body.from)
        .where("period_to", "=", body.to);
    const before = await key(trx).execute();
    const changes: Record<string, { before: number | null; after: number | null }> = {};
    for (const e of entries) {
      const old = before.find((b) => b.cell === e.cell.code);
      changes[e.cell.code] = { before: old ? Number(old.value) : null, after: e.value };
      if (e.value === null) {
        await trx
          .deleteFrom("report_manual_cell")
          .where("agency_id", "=", agency.id)
          .where("form", "=", form.code)
          .where("period_from", "=", body.from)
          .where("period_to", "=", body.to)
          .where("cell", "=", e.cell.code)
          .execute();
        continue;
      }
      const values = {
        value: e.value,
        note: e.note,
        updated_by: actor.userId,
        updated_by_name: actor.name,
        updated_at: new Date(),
      };
      await trx
        .insertInto("report_manual_cell")
        .values({
          agency_id: agency.id,
          form: form.code,
          period_from: body.from,
          period_to: body.to,
          cell: e.cell.code,
          ...values,
        })
        .onConflict((oc) => oc.columns(["agency_id", "form", "period_from", "period_to", "cell"]).doUpdateSet(values))
        .execute();
    }
    await recordAudit(trx, actor, {
      action: "report.manual_cells.saved",
      entityType: "report",
      entityId: agency.id,
      summary: { form: form.code, from: body.from, to: body.to, cells: changes },
    });
  });
  return getManualCells(db, auth, body);
}
