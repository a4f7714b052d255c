/**
 * The registry of inspection subjects (one for the installation): every agency reads it, users
 * with inspection.write add and edit subjects, a duplicate is merged into its survivor by the
 * agency that registered it or one above it. Merging keeps the duplicate's row (merged_into_id)
 * and moves its occurrences, plan items, overlap resolutions and inspections to the survivor, audited.
 */
import { normalizeForMatch, SUBJECT_KINDS, type SubjectKind } from "@minhbach/domain";
import { firstIssue } from "@minhbach/domain/api/zod-vi";
import {
  createSubjectBody,
  type CreateSubjectBody,
  type SubjectImportReport,
  type SubjectListQuery,
  type SubjectView,
  type UpdateSubjectBody,
} from "@minhbach/domain/api/inspection-plans";
import type { Kysely, Transaction } from "kysely";
import type { DB } from "../../../db/schema.ts";
import { assertAgencyInScope, can, scopeOf, type AuthContext } from "../../../platform/access.ts";
import { recordAudit, type Actor } from "../../../platform/audit.ts";
import { fail } from "../../../platform/errors.ts";
import { bumpVersion } from "../../../platform/procedure.ts";
import { tableWorkbook } from "../../../platform/excel.ts";
import { readSheet, restoreLeadingZero } from "./sheet.ts";

type Db = Kysely<DB> | Transaction<DB>;

export function subjectSearchText(s: { name: string; taxCode?: string | null; address?: string | null }): string {
  return normalizeForMatch([s.name, s.taxCode ?? "", s.address ?? ""].join(" "));
}

const COLUMNS = [
  "s.id",
  "s.kind",
  "s.name",
  "s.tax_code",
  "s.address",
  "s.agency_id",
  "s.registered_by_agency_id",
  "s.merged_into_id",
  "s.version",
  "a.name as agency_name",
  "r.name as registered_by_name",
  "r.path as registered_by_path",
] as const;

function baseQuery(db: Db) {
  return db
    .selectFrom("inspection_subject as s")
    .leftJoin("agency as a", "a.id", "s.agency_id")
    .innerJoin("agency as r", "r.id", "s.registered_by_agency_id");
}

type Row = {
  id: string;
  kind: SubjectKind;
  name: string;
  tax_code: string | null;
  address: string | null;
  agency_id: string | null;
  registered_by_agency_id: string;
  merged_into_id: string | null;
  version: number;
  agency_name: string | null;
  registered_by_name: string;
  registered_by_path: string;
};

/** Whether the caller may merge a subject registered by this agency (its own, or below it with subtree scope). */
function mayMerge(auth: AuthContext, row: Pick<Row, "registered_by_agency_id" | "registered_by_path">): boolean {
  const scope = scopeOf(auth, "inspection.write");
  if (!scope) return false;
  if (row.registered_by_agency_id === auth.agencyId) return true;
  return scope === "subtree" && row.registered_by_path.startsWith(auth.agencyPath);
}

function viewOf(auth: AuthContext, r: Row): SubjectView {
  const open = r.merged_into_id === null;
  return {
    id: r.id,
    kind: r.kind,
    kindLabel: SUBJECT_KINDS[r.kind],
    name: r.name,
    taxCode: r.tax_code,
    address: r.address,
    agencyId: r.agency_id,
    agencyName: r.agency_name,
    registeredByAgencyId: r.registered_by_agency_id,
    registeredByAgencyName: r.registered_by_name,
    mergedIntoId: r.merged_into_id,
    version: r.version,
    canEdit: open && can(auth, "inspection.write"),
    canMerge: open && mayMerge(auth, r),
  };
}

async function readRow(db: Db, id: string): Promise<Row> {
  const row = await baseQuery(db).select(COLUMNS).where("s.id", "=", id).executeTakeFirst();
  if (!row) fail("SUBJECT_NOT_FOUND");
  return row as Row;
}

export async function getSubjectView(db: Db, auth: AuthContext, id: string): Promise<SubjectView> {
  return viewOf(auth, await readRow(db, id));
}

export async function listSubjects(db: Kysely<DB>, auth: AuthContext, query: SubjectListQuery) {
  let q = baseQuery(db);
  if (!query.withMerged) q = q.where("s.merged_into_id", "is", null);
  if (query.kind) q = q.where("s.kind", "=", query.kind);
  if (query.q) {
    const needle = normalizeForMatch(query.q);
    if (needle) q = q.where("s.search_text", "like", `%${needle}%`);
  }
  const counted = await q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  const rows = await q
    .select(COLUMNS)
    .orderBy("s.name")
    .orderBy("s.id")
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  return {
    items: rows.map((r) => viewOf(auth, r as Row)),
    total: Number(counted.n),
    page: query.page,
    pageSize: query.pageSize,
  };
}

export async function getSubject(db: Kysely<DB>, auth: AuthContext, id: string) {
  const view = await getSubjectView(db, auth, id);
  const occurrences = await db
    .selectFrom("inspection_occurrence as o")
    .innerJoin("agency as a", "a.id", "o.agency_id")
    .select(["o.year", "o.activity", "o.source", "o.cancelled", "a.name as agency_name"])
    .where("o.subject_id", "=", id)
    .orderBy("o.year", "desc")
    .execute();
  const merged = await db
    .selectFrom("inspection_subject")
    .select(["id", "name", "tax_code"])
    .where("merged_into_id", "=", id)
    .orderBy("name")
    .execute();
  return {
    ...view,
    occurrences: occurrences.map((o) => ({
      year: o.year,
      activity: o.activity,
      source: o.source,
      agencyName: o.agency_name,
      cancelled: o.cancelled,
    })),
    merged: merged.map((m) => ({ id: m.id, name: m.name, taxCode: m.tax_code })),
  };
}

/** The one open subject with this tax code or agency, other than `except`. */
async function clash(db: Db, body: { taxCode?: string | undefined; agencyId?: string | undefined }, except?: string) {
  if (body.taxCode) {
    let q = db
      .selectFrom("inspection_subject")
      .select("id")
      .where("tax_code", "=", body.taxCode)
      .where("merged_into_id", "is", null);
    if (except) q = q.where("id", "<>", except);
    if (await q.executeTakeFirst())
      fail("SUBJECT_TAX_CODE_TAKEN", "taxCode", `Mã số thuế ${body.taxCode} đã có trong danh mục đối tượng.`);
  }
  if (body.agencyId) {
    const agency = await db.selectFrom("agency").select("id").where("id", "=", body.agencyId).executeTakeFirst();
    if (!agency) fail("AGENCY_NOT_FOUND", "agencyId");
    let q = db
      .selectFrom("inspection_subject")
      .select("id")
      .where("agency_id", "=", body.agencyId)
      .where("merged_into_id", "is", null);
    if (except) q = q.where("id", "<>", except);
    if (await q.executeTakeFirst()) fail("SUBJECT_AGENCY_TAKEN", "agencyId");
  }
}

async function insertSubject(trx: Transaction<DB>, auth: AuthContext, body: CreateSubjectBody): Promise<string> {
  const row = await trx
    .insertInto("inspection_subject")
    .values({
      kind: body.kind,
      name: body.name,
      tax_code: body.taxCode ?? null,
      address: body.address ?? null,
      agency_id: body.agencyId ?? null,
      registered_by_agency_id: auth.agencyId,
      search_text: subjectSearchText(body),
      created_by: auth.userId,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function createSubject(
  db: Kysely<DB>,
  auth: AuthContext,
  actor: Actor,
  body: CreateSubjectBody,
): Promise<SubjectView> {
  const id = await db.transaction().execute(async (trx) => {
    await clash(trx, body);
    const id = await insertSubject(trx, auth, body);
    await recordAudit(trx, actor, {
      action: "inspection.subject.created",
      entityType: "inspection_subject",
      entityId: id,
      summary: { kind: body.kind, name: body.name, taxCode: body.taxCode ?? null },
    });
    return id;
  });
  return getSubjectView(db, auth, id);
}

export async function updateSubject(
  db: Kysely<DB>,
  auth: AuthContext,
  actor: Actor,
  id: string,
  body: UpdateSubjectBody,
): Promise<SubjectView> {
  await db.transaction().execute(async (trx) => {
    const before = await readRow(trx, id);
    if (before.merged_into_id) fail("SUBJECT_MERGED");
    await clash(trx, body, id);
    const result = await trx
      .updateTable("inspection_subject")
      .set((eb) => ({
        kind: body.kind,
        name: body.name,
        tax_code: body.taxCode ?? null,
        address: body.address ?? null,
        agency_id: body.agencyId ?? null,
        search_text: subjectSearchText(body),
        version: eb("version", "+", 1),
        updated_at: new Date(),
      }))
      .where("id", "=", id)
      .where("version", "=", body.version)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) fail("VERSION_CONFLICT");
    await recordAudit(trx, actor, {
      action: "inspection.subject.updated",
      entityType: "inspection_subject",
      entityId: id,
      summary: {
        before: { kind: before.kind, name: before.name, taxCode: before.tax_code, address: before.address },
        after: { kind: body.kind, name: body.name, taxCode: body.taxCode ?? null, address: body.address ?? null },
      },
    });
  });
  return getSubjectView(db, auth, id);
}

/**
 * Merges the duplicate `id` into `intoId`: the duplicate stays, marked merged; what pointed at it
 * (occurrences, plan items, overlap resolutions, inspections with their findings) points at the
 * survivor. Where both were already in the same plan item, source or inspection, the duplicate's
 * row is dropped (the survivor's stands for both).
 */
export async function mergeSubject(
  db: Kysely<DB>,
  auth: AuthContext,
  actor: Actor,
  id: string,
  body: { intoId: string; version: number },
): Promise<SubjectView> {
  if (body.intoId === id) fail("VALIDATION_FAILED", "intoId", "Đối tượng giữ lại phải khác đối tượng bị gộp.");
  await db.transaction().execute(async (trx) => {
    const dup = await readRow(trx, id);
    if (!mayMerge(auth, dup)) {
      if (!can(auth, "inspection.write")) fail("FORBIDDEN");
      fail(
        "OUT_OF_SCOPE",
        undefined,
        "Chỉ cơ quan đã nhập đối tượng này (hoặc cơ quan cấp trên của cơ quan đó) mới được gộp nó vào đối tượng khác.",
      );
    }
    if (dup.merged_into_id) fail("SUBJECT_MERGED");
    const into = await readRow(trx, body.intoId).catch(() => fail("SUBJECT_NOT_FOUND", "intoId"));
    if (into.merged_into_id) fail("SUBJECT_MERGED", "intoId");
    const result = await trx
      .updateTable("inspection_subject")
      .set((eb) => ({ merged_into_id: body.intoId, version: eb("version", "+", 1), updated_at: new Date() }))
      .where("id", "=", id)
      .where("version", "=", body.version)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) fail("VERSION_CONFLICT");

    await trx
      .deleteFrom("inspection_occurrence as o")
      .where("o.subject_id", "=", id)
      .where(({ exists, selectFrom }) =>
        exists(
          selectFrom("inspection_occurrence as k")
            .select("k.id")
            .whereRef("k.source", "=", "o.source")
            .whereRef("k.source_id", "=", "o.source_id")
            .where("k.subject_id", "=", body.intoId),
        ),
      )
      .execute();
    const occurrences = await trx
      .updateTable("inspection_occurrence")
      .set({ subject_id: body.intoId })
      .where("subject_id", "=", id)
      .executeTakeFirst();
    await trx
      .deleteFrom("inspection_plan_item_subject as p")
      .where("p.subject_id", "=", id)
      .where(({ exists, selectFrom }) =>
        exists(
          selectFrom("inspection_plan_item_subject as k")
            .select("k.item_id")
            .whereRef("k.item_id", "=", "p.item_id")
            .where("k.subject_id", "=", body.intoId),
        ),
      )
      .execute();
    const items = await trx
      .updateTable("inspection_plan_item_subject")
      .set({ subject_id: body.intoId })
      .where("subject_id", "=", id)
      .executeTakeFirst();
    await trx
      .updateTable("inspection_overlap_resolution")
      .set({ subject_id: body.intoId })
      .where("subject_id", "=", id)
      .execute();
    // The inspections of the duplicate are the survivor's, with their findings: an inspection
    // that already targets both keeps one target (in the survivor's place).
    await trx
      .deleteFrom("inspection_target as t")
      .where("t.subject_id", "=", id)
      .where(({ exists, selectFrom }) =>
        exists(
          selectFrom("inspection_target as k")
            .select("k.inspection_id")
            .whereRef("k.inspection_id", "=", "t.inspection_id")
            .where("k.subject_id", "=", body.intoId),
        ),
      )
      .execute();
    const inspections = await trx
      .updateTable("inspection_target")
      .set({ subject_id: body.intoId })
      .where("subject_id", "=", id)
      .executeTakeFirst();
    for (const table of ["inspection_violation", "inspection_sanction", "inspection_recommendation"] as const)
      await trx.updateTable(table).set({ subject_id: body.intoId }).where("subject_id", "=", id).execute();
    const pendingMoved = await movePendingSanctions(trx, id, body.intoId);
    await recordAudit(trx, actor, {
      action: "inspection.subject.merged",
      entityType: "inspection_subject",
      entityId: id,
      summary: {
        name: dup.name,
        taxCode: dup.tax_code,
        mergedInto: { id: into.id, name: into.name, taxCode: into.tax_code },
        occurrencesMoved: Number(occurrences.numUpdatedRows),
        planItemsMoved: Number(items.numUpdatedRows),
        inspectionsMoved: Number(inspections.numUpdatedRows),
        pendingSanctionsMoved: pendingMoved,
      },
    });
  });
  return getSubjectView(db, auth, id);
}

/**
 * A sanction decision drafted and not yet signed is held in its inspection's facts (issued, it
 * becomes an inspection_sanction row, moved above): it names the survivor too, or it would be
 * recorded against the merged duplicate when signed. Each inspection so changed takes a new version.
 */
async function movePendingSanctions(trx: Transaction<DB>, from: string, to: string): Promise<number> {
  // A pending sanction's subject is one of its inspection's targets (moved to the survivor above).
  const rows = await trx
    .selectFrom("inspection as i")
    .innerJoin("inspection_target as t", "t.inspection_id", "i.id")
    .select(["i.id", "i.version", "i.facts"])
    .where("t.subject_id", "=", to)
    .execute();
  let moved = 0;
  for (const row of rows) {
    const facts = (typeof row.facts === "string" ? JSON.parse(row.facts) : row.facts) as {
      pendingSanctions?: { subjectId: string }[];
    };
    const hits = (facts.pendingSanctions ?? []).filter((p) => p.subjectId === from).length;
    if (!hits) continue;
    const next = {
      ...facts,
      pendingSanctions: facts.pendingSanctions!.map((p) => (p.subjectId === from ? { ...p, subjectId: to } : p)),
    };
    await bumpVersion(trx, "inspection", row.id, row.version, { facts: JSON.stringify(next) });
    moved += hits;
  }
  return moved;
}

// ---- Import ----------------------------------------------------------------------------------

const KIND_WORDS: [RegExp, SubjectKind][] = [
  [/\bho kinh doanh\b|^hkd$/, "household"],
  [/\bca nhan\b/, "individual"],
  [/\bco quan\b|\bdon vi\b|\bnha nuoc\b|\bubnd\b|\bso\b/, "state_body"],
  [/\bdoanh nghiep\b|\bcong ty\b|^dn$|\bhop tac xa\b|\bto chuc\b/, "enterprise"],
];

/** "Doanh nghiệp", "Hộ kinh doanh", "Cơ quan nhà nước", "Cá nhân" (or the codes) → the kind. */
export function kindOfText(value: string): SubjectKind | null {
  const v = normalizeForMatch(value);
  if (!v) return "enterprise";
  if ((Object.keys(SUBJECT_KINDS) as string[]).includes(value.trim())) return value.trim() as SubjectKind;
  for (const [re, kind] of KIND_WORDS) if (re.test(v)) return kind;
  return null;
}

export const SUBJECT_COLUMNS = {
  name: ["ten doi tuong", "ten", "ten doanh nghiep", "ten don vi", "doi tuong"],
  taxCode: ["ma so thue", "mst", "ma so doanh nghiep", "ma so thue ma so doanh nghiep"],
  kind: ["loai doi tuong", "loai"],
  address: ["dia chi", "dia chi tru so"],
} as const;

const FIELD_WORDS: Record<string, string> = {
  name: "Tên đối tượng",
  taxCode: "Mã số thuế",
  kind: "Loại đối tượng",
  address: "Địa chỉ",
};

/**
 * Imports subjects from a file: every row checked as the form checks it; refused rows reported
 * with the reason (and not saved); rows naming a subject already in the registry (same tax code)
 * counted, not created twice; all accepted rows saved in one transaction with the report.
 */
export async function importSubjects(
  db: Kysely<DB>,
  auth: AuthContext,
  actor: Actor,
  file: { fileName: string; content: string },
): Promise<SubjectImportReport> {
  const rows = await readSheet(file.fileName, file.content, SUBJECT_COLUMNS, ["name"], FIELD_WORDS);
  const refused: SubjectImportReport["refused"] = [];
  const accepted: { row: number; body: CreateSubjectBody }[] = [];
  const seen = new Map<string, number>();
  for (const { row, values } of rows) {
    const kind = kindOfText(values.kind ?? "");
    if (!kind) {
      refused.push({ row, field: FIELD_WORDS.kind!, message: `Loại đối tượng “${values.kind}” không hợp lệ.`, values });
      continue;
    }
    const parsed = createSubjectBody.safeParse({
      kind,
      name: values.name ?? "",
      taxCode: restoreLeadingZero(values.taxCode ?? ""),
      address: values.address ?? "",
    });
    if (!parsed.success) {
      const issue = firstIssue(parsed.error);
      const key = issue.field.split(".")[0] ?? "";
      refused.push({
        row,
        field: FIELD_WORDS[key] ?? key,
        message: issue.message.replace(/^[\w.]+: /, ""),
        values,
      });
      continue;
    }
    const key =
      parsed.data.taxCode ??
      `name:${normalizeForMatch(parsed.data.name)}|${normalizeForMatch(parsed.data.address ?? "")}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      refused.push({ row, field: FIELD_WORDS.taxCode!, message: `Trùng với dòng ${earlier} của tệp.`, values });
      continue;
    }
    seen.set(key, row);
    accepted.push({ row, body: parsed.data });
  }
  return db.transaction().execute(async (trx) => {
    const codes = accepted.map((a) => a.body.taxCode).filter((c): c is string => !!c);
    const known = new Set<string>();
    for (let i = 0; i < codes.length; i += 1000) {
      const found = await trx
        .selectFrom("inspection_subject")
        .select("tax_code")
        .where("tax_code", "in", codes.slice(i, i + 1000))
        .where("merged_into_id", "is", null)
        .execute();
      for (const f of found) known.add(f.tax_code!);
    }
    const fresh = accepted.filter((a) => !a.body.taxCode || !known.has(a.body.taxCode));
    for (let i = 0; i < fresh.length; i += 500) {
      await trx
        .insertInto("inspection_subject")
        .values(
          fresh.slice(i, i + 500).map(({ body }) => ({
            kind: body.kind,
            name: body.name,
            tax_code: body.taxCode ?? null,
            address: body.address ?? null,
            registered_by_agency_id: auth.agencyId,
            search_text: subjectSearchText(body),
            created_by: auth.userId,
          })),
        )
        .execute();
    }
    const report = await trx
      .insertInto("inspection_subject_import")
      .values({
        agency_id: auth.agencyId,
        file_name: file.fileName,
        rows: rows.length,
        created: fresh.length,
        existing: accepted.length - fresh.length,
        refused: JSON.stringify(refused),
        created_by: auth.userId,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: "inspection.subject.imported",
      entityType: "inspection_subject_import",
      entityId: report.id,
      summary: {
        fileName: file.fileName,
        rows: rows.length,
        created: fresh.length,
        existing: accepted.length - fresh.length,
        refused: refused.length,
      },
    });
    return {
      id: report.id,
      fileName: file.fileName,
      rows: rows.length,
      created: fresh.length,
      existing: accepted.length - fresh.length,
      refused,
    };
  });
}

/** The report of an import as an Excel file: the refused rows, why, and what they held. */
export async function importReportFile(db: Kysely<DB>, auth: AuthContext, id: string) {
  const row = await db
    .selectFrom("inspection_subject_import as i")
    .innerJoin("agency as a", "a.id", "i.agency_id")
    .select(["i.agency_id", "i.file_name", "i.rows", "i.created", "i.existing", "i.refused", "i.created_at", "a.name"])
    .where("i.id", "=", id)
    .executeTakeFirst();
  if (!row) fail("NOT_FOUND", undefined, "Không tìm thấy lần nhập danh mục.");
  await assertAgencyInScope(db, auth, "inspection.read", row.agency_id);
  const refused = (
    typeof row.refused === "string" ? JSON.parse(row.refused) : row.refused
  ) as SubjectImportReport["refused"];
  const file = await tableWorkbook({
    sheetName: "Bao cao nhap",
    agencyName: row.name,
    title: `BÁO CÁO NHẬP DANH MỤC ĐỐI TƯỢNG TỪ TỆP ${row.file_name}`,
    subtitle: `${row.rows} dòng: thêm mới ${row.created}, đã có trong danh mục ${row.existing}, bị từ chối ${refused.length}`,
    columns: [
      { header: "Dòng", width: 8 },
      { header: "Trường", width: 18 },
      { header: "Lý do từ chối", width: 50 },
      { header: "Tên đối tượng", width: 36 },
      { header: "Mã số thuế", width: 18 },
      { header: "Loại", width: 16 },
      { header: "Địa chỉ", width: 36 },
    ],
    rows: refused.map((r) => [
      r.row,
      r.field,
      r.message,
      r.values.name ?? "",
      r.values.taxCode ?? "",
      r.values.kind ?? "",
      r.values.address ?? "",
    ]),
  });
  return { file, fileName: `bao-cao-nhap-doi-tuong-${id.slice(0, 8)}.xlsx` };
}

/** Subject ids that exist and are not merged (refused otherwise, naming the field). */
export async function openSubjects(db: Db, ids: readonly string[], field = "subjectIds") {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom("inspection_subject")
    .select(["id", "name", "kind", "tax_code", "merged_into_id"])
    .where("id", "in", [...ids])
    .execute();
  for (const id of ids) {
    const row = rows.find((r) => r.id === id);
    if (!row) fail("SUBJECT_NOT_FOUND", field, "Đối tượng thanh tra: không tìm thấy đối tượng đã chọn.");
    if (row.merged_into_id)
      fail(
        "SUBJECT_MERGED",
        field,
        `Đối tượng “${row.name}” đã được gộp vào đối tượng khác: chọn đối tượng được giữ lại.`,
      );
  }
  return rows;
}
