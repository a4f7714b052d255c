/**
 * The overlap check as the plan form calls it while the user types, the resolution log (who
 * decided, outcome, reason: shown to both agencies), the province's board of the year's overlaps
 * counted by kind of subject, and the import of the State Audit's plan (docs/LAW.md §9.3).
 */
import {
  checkTaxCode,
  SUBJECT_KIND_COUNT_WORDS,
  SUBJECT_KIND_LIST,
  type ResolutionOutcome,
  type SubjectKind,
} from "@minhbach/domain";
import type { SubjectImportReport } from "@minhbach/domain/api/inspection-plans";
import { sql, type Kysely } from "kysely";
import type { DB } from "../../../db/schema.ts";
import { assertAgencyInScope, inScope, type AuthContext } from "../../../platform/access.ts";
import { recordAudit, type Actor } from "../../../platform/audit.ts";
import { fail } from "../../../platform/errors.ts";
import { writeOccurrences } from "../overlaps.ts";
import { readSheet, restoreLeadingZero } from "../subjects/sheet.ts";
import { subjectSearchText } from "../subjects/service.ts";
import { resolutionOf, resolutionsQuery } from "./service.ts";
import { overlapViews } from "./overlap-views.ts";
import { resolutionList } from "./service.ts";

async function planOf(db: Kysely<DB>, id: string) {
  const plan = await db
    .selectFrom("inspection_plan")
    .select(["id", "agency_id", "year"])
    .where("id", "=", id)
    .executeTakeFirst();
  if (!plan) fail("PLAN_NOT_FOUND", "planId");
  return plan;
}

export async function checkOverlaps(
  db: Kysely<DB>,
  auth: AuthContext,
  body: {
    planId: string;
    itemId?: string | undefined;
    subjectIds: string[];
    activity: "inspection" | "check";
    field?: string | undefined;
  },
) {
  const plan = await planOf(db, body.planId);
  await assertAgencyInScope(db, auth, "inspection.read", plan.agency_id, "planId");
  const [overlaps] = await overlapViews(db, {
    year: plan.year,
    agencyId: plan.agency_id,
    candidates: [
      { itemId: body.itemId ?? null, subjectIds: body.subjectIds, activity: body.activity, field: body.field ?? null },
    ],
  });
  return { overlaps: overlaps!, blocking: overlaps!.some((o) => o.blocking) };
}

export async function resolveOverlap(
  db: Kysely<DB>,
  auth: AuthContext,
  actor: Actor,
  body: {
    planId: string;
    subjectId: string;
    otherSource: "plan_item" | "inspection" | "state_audit_plan";
    otherSourceId: string;
    outcome: ResolutionOutcome;
    reason?: string | undefined;
  },
) {
  const plan = await planOf(db, body.planId);
  await assertAgencyInScope(db, auth, "inspection.write", plan.agency_id, "planId");
  const id = await db.transaction().execute(async (trx) => {
    const other = await trx
      .selectFrom("inspection_occurrence")
      .select(["agency_id"])
      .where("source", "=", body.otherSource)
      .where("source_id", "=", body.otherSourceId)
      .where("subject_id", "=", body.subjectId)
      .where("year", "=", plan.year)
      .where("cancelled", "=", false)
      .executeTakeFirst();
    if (!other) fail("OVERLAP_NOT_FOUND", "otherSourceId");
    const row = await trx
      .insertInto("inspection_overlap_resolution")
      .values({
        year: plan.year,
        subject_id: body.subjectId,
        agency_id: plan.agency_id,
        plan_id: plan.id,
        other_source: body.otherSource,
        other_source_id: body.otherSourceId,
        other_agency_id: other.agency_id,
        outcome: body.outcome,
        reason: body.reason ?? null,
        decided_by: auth.userId,
        decided_by_name: auth.fullName,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: "inspection.overlap.resolved",
      entityType: "inspection_overlap_resolution",
      entityId: row.id,
      summary: {
        year: plan.year,
        subjectId: body.subjectId,
        otherAgencyId: other.agency_id,
        outcome: body.outcome,
        reason: body.reason ?? null,
      },
    });
    return row.id;
  });
  const list = await resolutionList(db, { agencyId: plan.agency_id, year: plan.year });
  return list.find((r) => r.id === id)!;
}

const pad2 = (n: number) => String(n).padStart(2, "0");

/** "40 đối tượng bị trùng lặp, trong đó 04 cơ quan, đơn vị nhà nước và 36 doanh nghiệp". */
export function overlapSentence(total: number, byKind: Record<SubjectKind, number>): string {
  if (total === 0) return "Không có đối tượng bị trùng lặp.";
  const order: SubjectKind[] = ["state_body", "enterprise", "household", "individual"];
  const parts = order.filter((k) => byKind[k] > 0).map((k) => `${pad2(byKind[k])} ${SUBJECT_KIND_COUNT_WORDS[k]}`);
  const list = parts.length > 1 ? `${parts.slice(0, -1).join(", ")} và ${parts.at(-1)}` : parts[0];
  return `${pad2(total)} đối tượng bị trùng lặp, trong đó ${list}.`;
}

/**
 * The subjects planned or decided more than once in the year (or also in the State Audit's plan),
 * where at least one of the occurrences is of an agency in the caller's inspection.read scope: a
 * province leader (subtree) sees them all, an agency its own.
 */
export async function overlapBoard(db: Kysely<DB>, auth: AuthContext, year: number) {
  const subjects = await db
    .selectFrom("inspection_occurrence as o")
    .select("o.subject_id")
    .where("o.year", "=", year)
    .where("o.cancelled", "=", false)
    .groupBy("o.subject_id")
    // A planned inspection and the item it carries out are one activity, not two.
    .having(sql<boolean>`count(distinct coalesce(o.carries_out, o.source_id)) > 1`)
    .having(sql<boolean>`bool_or(${inScope(auth, "inspection.read", "o.agency_id")})`)
    .execute();
  const ids = subjects.map((s) => s.subject_id);
  const byKind = Object.fromEntries(SUBJECT_KIND_LIST.map((k) => [k, 0])) as Record<SubjectKind, number>;
  if (ids.length === 0)
    return { year, subjects: 0, byKind, sentence: overlapSentence(0, byKind), resolved: 0, items: [] };
  const rows = [];
  for (let i = 0; i < ids.length; i += 1000) {
    rows.push(
      ...(await db
        .selectFrom("inspection_occurrence as o")
        .innerJoin("inspection_subject as s", "s.id", "o.subject_id")
        .innerJoin("agency as a", "a.id", "o.agency_id")
        .leftJoin("inspection_plan_item as i", (j) =>
          j.onRef("i.id", "=", "o.source_id").on("o.source", "=", "plan_item"),
        )
        .select([
          "o.subject_id",
          "s.name as subject_name",
          "s.kind as subject_kind",
          "s.tax_code",
          "a.name as agency_name",
          "o.activity",
          "o.source",
          "o.ad_hoc",
          "o.source_id",
          "o.carries_out",
          "i.content",
        ])
        .where("o.subject_id", "in", ids.slice(i, i + 1000))
        .where("o.year", "=", year)
        .where("o.cancelled", "=", false)
        .orderBy("s.name")
        .execute()),
    );
  }
  // Every overlapping subject's resolutions, a thousand subjects a read like the occurrences
  // above (the board once read only the first thousand, so the rest showed as unresolved).
  const resolutions = [];
  for (let i = 0; i < ids.length; i += 1000)
    resolutions.push(
      ...(await resolutionsQuery(db)
        .where("r.year", "=", year)
        .where("r.subject_id", "in", ids.slice(i, i + 1000))
        .orderBy("r.created_at", "desc")
        .orderBy("r.id", "desc")
        .execute()),
    );
  const items = new Map<
    string,
    {
      subjectId: string;
      subjectName: string;
      subjectKind: string;
      taxCode: string | null;
      entries: { agencyName: string; activity: string; source: string; label: string }[];
      resolutions: ReturnType<typeof resolutionOf>[];
    }
  >();
  // A planned inspection and the plan item it carries out are one activity: one entry, the
  // item's, saying it was decided (the count above already takes them as one).
  const planned = new Set(rows.filter((r) => r.source === "plan_item").map((r) => `${r.subject_id}:${r.source_id}`));
  const decidedItems = new Set(
    rows.filter((r) => r.source === "inspection" && r.carries_out).map((r) => `${r.subject_id}:${r.carries_out}`),
  );
  for (const r of rows) {
    if (r.source === "inspection" && r.carries_out && planned.has(`${r.subject_id}:${r.carries_out}`)) continue;
    let item = items.get(r.subject_id);
    if (!item) {
      item = {
        subjectId: r.subject_id,
        subjectName: r.subject_name,
        subjectKind: r.subject_kind,
        taxCode: r.tax_code,
        entries: [],
        resolutions: [],
      };
      items.set(r.subject_id, item);
      byKind[r.subject_kind] += 1;
    }
    const label =
      r.source === "state_audit_plan"
        ? "Kế hoạch kiểm toán của Kiểm toán nhà nước"
        : (r.content ?? (r.ad_hoc ? "Thanh tra, kiểm tra đột xuất" : "Thanh tra, kiểm tra đã quyết định"));
    const decided = r.source === "plan_item" && decidedItems.has(`${r.subject_id}:${r.source_id}`);
    item.entries.push({
      agencyName: r.agency_name,
      activity: r.activity,
      source: r.source,
      label: decided ? `${label} (đã có quyết định thanh tra, kiểm tra)` : label,
    });
  }
  for (const r of resolutions) items.get(r.subject_id)?.resolutions.push(resolutionOf(r));
  const list = [...items.values()];
  return {
    year,
    subjects: list.length,
    byKind,
    sentence: overlapSentence(list.length, byKind),
    resolved: list.filter((i) => i.resolutions.length > 0).length,
    items: list.slice(0, 2000),
  };
}

const STATE_AUDIT_COLUMNS = {
  taxCode: ["ma so thue", "mst", "ma so doanh nghiep"],
  name: ["ten doi tuong", "ten", "ten doanh nghiep", "ten don vi", "don vi duoc kiem toan"],
  address: ["dia chi"],
} as const;

/**
 * Imports the State Audit's plan of a year: each row a subject by tax code (added to the registry
 * when it is not there and the row names it), written as occurrences of this import (source
 * 'state_audit_plan'), so plan items meet them as "coordinate" overlaps. Refused rows are reported.
 */
export async function importStateAuditPlan(
  db: Kysely<DB>,
  auth: AuthContext,
  actor: Actor,
  body: { year: number; fileName: string; content: string },
) {
  const rows = await readSheet(body.fileName, body.content, STATE_AUDIT_COLUMNS, ["taxCode"], {
    taxCode: "Mã số thuế",
  });
  const refused: SubjectImportReport["refused"] = [];
  const wanted: { row: number; taxCode: string; name: string; address: string; values: Record<string, string> }[] = [];
  const seen = new Set<string>();
  for (const { row, values } of rows) {
    const checked = checkTaxCode(restoreLeadingZero(values.taxCode ?? ""));
    if (!checked.ok) {
      refused.push({ row, field: "Mã số thuế", message: checked.message.replace(/^Mã số thuế:?\s*/, ""), values });
      continue;
    }
    if (seen.has(checked.value)) continue;
    seen.add(checked.value);
    wanted.push({
      row,
      taxCode: checked.value,
      name: (values.name ?? "").trim(),
      address: (values.address ?? "").trim(),
      values,
    });
  }
  return db.transaction().execute(async (trx) => {
    const known = new Map<string, string>();
    const codes = wanted.map((w) => w.taxCode);
    for (let i = 0; i < codes.length; i += 1000) {
      const found = await trx
        .selectFrom("inspection_subject")
        .select(["id", "tax_code"])
        .where("tax_code", "in", codes.slice(i, i + 1000))
        .where("merged_into_id", "is", null)
        .execute();
      for (const f of found) known.set(f.tax_code!, f.id);
    }
    let created = 0;
    const subjectIds: string[] = [];
    for (const w of wanted) {
      const id = known.get(w.taxCode);
      if (id) {
        subjectIds.push(id);
        continue;
      }
      if (!w.name) {
        refused.push({
          row: w.row,
          field: "Tên đối tượng",
          message: `Mã số thuế ${w.taxCode} chưa có trong danh mục đối tượng: ghi tên đơn vị để thêm vào danh mục.`,
          values: w.values,
        });
        continue;
      }
      const inserted = await trx
        .insertInto("inspection_subject")
        .values({
          kind: w.taxCode.length === 12 ? "individual" : "enterprise",
          name: w.name,
          tax_code: w.taxCode,
          address: w.address || null,
          registered_by_agency_id: auth.agencyId,
          search_text: subjectSearchText({ name: w.name, taxCode: w.taxCode, address: w.address }),
          created_by: auth.userId,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      created++;
      subjectIds.push(inserted.id);
    }
    const record = await trx
      .insertInto("state_audit_import")
      .values({
        agency_id: auth.agencyId,
        year: body.year,
        file_name: body.fileName,
        rows: rows.length,
        refused: JSON.stringify(refused),
        created_by: auth.userId,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await writeOccurrences(
      trx,
      { source: "state_audit_plan", sourceId: record.id, agencyId: auth.agencyId },
      subjectIds.map((subjectId) => ({
        subjectId,
        year: body.year,
        activity: "state_audit" as const,
        contentField: null,
        adHoc: false,
      })),
    );
    let flagged = 0;
    for (let i = 0; i < subjectIds.length; i += 1000) {
      const r = await trx
        .selectFrom("inspection_occurrence")
        .select((eb) => eb.fn.count<number>("subject_id").distinct().as("n"))
        .where("subject_id", "in", subjectIds.slice(i, i + 1000))
        .where("year", "=", body.year)
        .where("source", "<>", "state_audit_plan")
        .where("cancelled", "=", false)
        .executeTakeFirst();
      flagged += Number(r?.n ?? 0);
    }
    await recordAudit(trx, actor, {
      action: "inspection.state_audit.imported",
      entityType: "state_audit_import",
      entityId: record.id,
      summary: { year: body.year, fileName: body.fileName, rows: rows.length, subjects: subjectIds.length, flagged },
    });
    return {
      id: record.id,
      year: body.year,
      rows: rows.length,
      matched: subjectIds.length - created,
      created,
      flagged,
      refused,
    };
  });
}
