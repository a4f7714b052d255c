/**
 * The field catalogue (danh mục lĩnh vực) as the administrators keep it: name, group, report
 * group, active and order may change; the code is a field's identity and never does. A field
 * under which a petition or a reception visit was filed is deactivated, never deleted (reports
 * of past years still count under it); the fields shipped with the program come back at each
 * start, so they too can only be deactivated.
 *
 * The catalogue is installation-wide: reading it takes petition.read (or agency.manage, for the
 * administrators who keep it); changing it takes agency.manage held at the top of the agency tree
 * (an administrator of one department cannot rename a field every other department uses).
 */
import { installFieldCatalog, PETITION_FIELDS, type FieldGroup, type ReportFieldGroup } from "@minhbach/domain";
import type {
  CreatePetitionFieldBody,
  PetitionFieldView,
  UpdatePetitionFieldBody,
} from "@minhbach/domain/api/petition-follow-up";
import { sql, type Kysely, type Transaction } from "kysely";
import type { DB } from "../../db/schema.ts";
import { can, scopeOf, type AuthContext } from "../../platform/access.ts";
import { recordAudit, type Actor } from "../../platform/audit.ts";
import { fail } from "../../platform/errors.ts";
import { RuleViolation } from "../../platform/problems.ts";

const BUILT_IN = new Set(PETITION_FIELDS.map((f) => f.code));

/** Inserts the fields (lĩnh vực) shipped with the program that the catalogue does not have yet. */
export async function ensureFieldCatalog(db: Kysely<DB>): Promise<void> {
  const rows = PETITION_FIELDS.map((f, i) => ({
    code: f.code,
    name: f.name,
    field_group: f.group,
    report_group: f.reportGroup,
    active: !f.retired,
    sort: i,
  }));
  await db
    .insertInto("field_catalog")
    .values(rows)
    .onConflict((oc) => oc.column("code").doNothing())
    .execute();
  await loadFieldCatalog(db);
}

/** Installs the installation's catalogue (as administrators keep it) for every check and label. */
export async function loadFieldCatalog(db: Kysely<DB> | Transaction<DB>): Promise<void> {
  const rows = await db.selectFrom("field_catalog").selectAll().orderBy("sort").orderBy("code").execute();
  installFieldCatalog(
    rows.map((r) => ({
      code: r.code,
      name: r.name,
      group: r.field_group as FieldGroup,
      reportGroup: r.report_group as ReportFieldGroup,
      ...(r.active ? {} : { retired: true }),
    })),
  );
}

/** Changing the installation's catalogue: agency.manage over the whole tree (a root agency). */
function assertCatalogueAdmin(auth: AuthContext): void {
  if (scopeOf(auth, "agency.manage") === null) fail("FORBIDDEN");
  const depth = auth.agencyPath.split("/").filter(Boolean).length;
  if (scopeOf(auth, "agency.manage") !== "subtree" || depth !== 1) {
    fail(
      "OUT_OF_SCOPE",
      undefined,
      "Chỉ quản trị viên của cơ quan cấp cao nhất được sửa danh mục lĩnh vực dùng chung.",
    );
  }
}

/** How many petitions and reception visits are filed under each field. */
async function usage(db: Kysely<DB> | Transaction<DB>, code?: string): Promise<Map<string, number>> {
  const petitions = db
    .selectFrom("petition")
    .select(["field_code as code", sql<number>`count(*)`.as("n")])
    .where("field_code", "is not", null)
    .$if(code !== undefined, (qb) => qb.where("field_code", "=", code!))
    .groupBy("field_code");
  const visits = db
    .selectFrom("reception_visit")
    .select(["field_code as code", sql<number>`count(*)`.as("n")])
    .where("field_code", "is not", null)
    .$if(code !== undefined, (qb) => qb.where("field_code", "=", code!))
    .groupBy("field_code");
  const rows = [...(await petitions.execute()), ...(await visits.execute())];
  const out = new Map<string, number>();
  for (const r of rows) if (r.code) out.set(r.code, (out.get(r.code) ?? 0) + Number(r.n));
  return out;
}

function view(
  row: { code: string; name: string; field_group: string; report_group: string; active: boolean; sort: number },
  inUse: number,
): PetitionFieldView {
  return {
    code: row.code,
    name: row.name,
    group: row.field_group,
    reportGroup: row.report_group,
    active: row.active,
    sort: row.sort,
    inUse,
    builtIn: BUILT_IN.has(row.code),
  };
}

/** Read by those who file petitions under it and by the administrators who keep it. */
export async function listFieldCatalog(db: Kysely<DB>, auth: AuthContext): Promise<PetitionFieldView[]> {
  if (!can(auth, "petition.read") && !can(auth, "agency.manage")) fail("FORBIDDEN");
  const rows = await db.selectFrom("field_catalog").selectAll().orderBy("sort").orderBy("code").execute();
  const used = await usage(db);
  return rows.map((r) => view(r, used.get(r.code) ?? 0));
}

async function one(db: Kysely<DB> | Transaction<DB>, code: string): Promise<PetitionFieldView> {
  const row = await db.selectFrom("field_catalog").selectAll().where("code", "=", code).executeTakeFirst();
  if (!row) fail("NOT_FOUND", "code", "Không tìm thấy lĩnh vực.");
  return view(row, (await usage(db, code)).get(code) ?? 0);
}

export async function createField(
  db: Kysely<DB>,
  auth: AuthContext,
  actor: Actor,
  body: CreatePetitionFieldBody,
): Promise<PetitionFieldView> {
  assertCatalogueAdmin(auth);
  const created = await db.transaction().execute(async (trx) => {
    const taken = await trx.selectFrom("field_catalog").select("code").where("code", "=", body.code).executeTakeFirst();
    if (taken) throw new RuleViolation("FIELD_CODE_TAKEN", "Mã lĩnh vực đã có trong danh mục.", "code");
    const last = await trx
      .selectFrom("field_catalog")
      .select((eb) => eb.fn.max("sort").as("max"))
      .executeTakeFirst();
    await trx
      .insertInto("field_catalog")
      .values({
        code: body.code,
        name: body.name,
        field_group: body.group,
        report_group: body.reportGroup,
        active: body.active,
        sort: body.sort ?? Number(last?.max ?? 0) + 1,
      })
      .execute();
    await recordAudit(trx, actor, {
      action: "petition_field.created",
      entityType: "petition_field",
      summary: { code: body.code, after: { name: body.name, group: body.group, reportGroup: body.reportGroup } },
    });
    return one(trx, body.code);
  });
  await loadFieldCatalog(db);
  return created;
}

export async function updateField(
  db: Kysely<DB>,
  auth: AuthContext,
  actor: Actor,
  code: string,
  body: UpdatePetitionFieldBody,
): Promise<PetitionFieldView> {
  assertCatalogueAdmin(auth);
  const updated = await db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom("field_catalog")
      .selectAll()
      .where("code", "=", code)
      .forUpdate()
      .executeTakeFirst();
    if (!before) fail("NOT_FOUND", "code", "Không tìm thấy lĩnh vực.");
    const changes = {
      ...(body.name !== undefined ? { name: body.name } : {}),
      ...(body.group !== undefined ? { field_group: body.group } : {}),
      ...(body.reportGroup !== undefined ? { report_group: body.reportGroup } : {}),
      ...(body.active !== undefined ? { active: body.active } : {}),
      ...(body.sort !== undefined ? { sort: body.sort } : {}),
    };
    await trx.updateTable("field_catalog").set(changes).where("code", "=", code).execute();
    await recordAudit(trx, actor, {
      action: "petition_field.updated",
      entityType: "petition_field",
      summary: {
        code,
        before: Object.fromEntries(Object.keys(changes).map((k) => [k, before[k as keyof typeof before]])),
        after: changes,
      },
    });
    return one(trx, code);
  });
  await loadFieldCatalog(db);
  return updated;
}

export async function deleteField(db: Kysely<DB>, auth: AuthContext, actor: Actor, code: string): Promise<void> {
  assertCatalogueAdmin(auth);
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom("field_catalog")
      .select("code")
      .where("code", "=", code)
      .forUpdate()
      .executeTakeFirst();
    if (!row) fail("NOT_FOUND", "code", "Không tìm thấy lĩnh vực.");
    if (BUILT_IN.has(code)) {
      throw new RuleViolation(
        "FIELD_BUILT_IN",
        "Lĩnh vực có sẵn của chương trình không xóa được; chỉ ngừng sử dụng.",
        "code",
      );
    }
    const used = (await usage(trx, code)).get(code) ?? 0;
    if (used > 0) {
      throw new RuleViolation(
        "FIELD_IN_USE",
        `Lĩnh vực đã được dùng cho ${used} đơn, lượt tiếp: không xóa được, chỉ ngừng sử dụng.`,
        "code",
      );
    }
    await trx.deleteFrom("field_catalog").where("code", "=", code).execute();
    await recordAudit(trx, actor, {
      action: "petition_field.deleted",
      entityType: "petition_field",
      summary: { code },
    });
  });
  await loadFieldCatalog(db);
}
