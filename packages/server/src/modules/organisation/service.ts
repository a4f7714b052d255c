/**
 * Organisation: the effective-dated agency tree, merge lineage and agency groups. Lists show
 * only agencies in the caller's scope; names of predecessor units are public facts and shown.
 */
import { DISTRICT_LEVEL_ENDS, districtLevelAllowed, formatDateVn, todayInVietnam } from "@minhbach/domain";
import type { Agency, CreateAgencyBody, updateAgencyBody } from "@minhbach/domain/api/agencies";
import type { z } from "zod";
import { sql, type Kysely, type RawBuilder } from "kysely";
import type { AgencyRow, DB } from "../../db/schema.ts";
import { assertAgencyInScope, inScope, type AuthContext } from "../../platform/access.ts";
import { recordAudit, type Actor } from "../../platform/audit.ts";
import { fail } from "../../platform/errors.ts";

export async function listAgencies(
  db: Kysely<DB>,
  auth: AuthContext,
  options: { at?: string | undefined; includeEnded?: boolean },
): Promise<Agency[]> {
  const today = todayInVietnam();
  const historical = options.includeEnded || (options.at !== undefined && options.at < today);
  let query = db
    .selectFrom("agency")
    .selectAll()
    .where(historical ? inScopeWithHistory(auth) : inScope(auth, "agency.read", "agency.id"));
  if (!options.includeEnded) {
    const at = options.at ?? today;
    query = query
      .where("valid_from", "<=", at)
      .where((eb) => eb.or([eb("valid_to", "is", null), eb("valid_to", ">=", at)]));
  }
  const rows = await query.execute();
  return withLineage(db, rows, historical ? sql<boolean>`true` : inScope(auth, "agency.read", "l.successor_id"));
}

/**
 * The user's scope extended into the past: the units their agencies were formed from (merge
 * lineage, transitively) and everything below those units. The administrator of the province
 * formed on 01/07/2025 sees the two provinces it was merged from, as they were.
 */
function inScopeWithHistory(auth: AuthContext): RawBuilder<boolean> {
  return sql<boolean>`agency.id in (
    with recursive visible(id, path) as (
      select a.id, a.path from agency a where ${inScope(auth, "agency.read", "a.id")}
      union
      select p.id, p.path from agency_lineage l
        join visible v on l.successor_id = v.id
        join agency p on p.id = l.predecessor_id
    )
    select x.id from agency x where exists (select 1 from visible v where x.path like v.path || '%')
  )`;
}

/** Adds predecessors to agency rows; `successors` limits the lineage read to the rows' scope. */
async function withLineage(db: Kysely<DB>, rows: AgencyRow[], successors: RawBuilder<boolean>): Promise<Agency[]> {
  if (rows.length === 0) return [];
  const lineage = await db
    .selectFrom("agency_lineage as l")
    .innerJoin("agency as p", "p.id", "l.predecessor_id")
    .select(["l.successor_id", "p.id", "p.code", "p.name", "p.valid_to"])
    .where(successors)
    .execute();
  return rows.map((r) => {
    const predecessors = lineage
      .filter((l) => l.successor_id === r.id)
      .map((l) => ({ id: l.id, code: l.code, name: l.name, validTo: l.valid_to }));
    return {
      id: r.id,
      code: r.code,
      name: r.name,
      shortName: r.short_name,
      kind: r.kind as Agency["kind"],
      parentId: r.parent_id,
      validFrom: r.valid_from,
      validTo: r.valid_to,
      predecessorIds: predecessors.map((p) => p.id),
      predecessors,
      docAbbreviation: r.doc_abbreviation,
      docPlace: r.doc_place,
      docParentName: r.doc_parent_name,
      version: r.version,
    };
  });
}

export async function getAgency(db: Kysely<DB>, auth: AuthContext, id: string): Promise<Agency> {
  const row = await db.selectFrom("agency").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row) fail("AGENCY_NOT_FOUND");
  await assertAgencyInScope(db, auth, "agency.read", row.id);
  const [agency] = await withLineage(db, [row], sql<boolean>`l.successor_id = ${row.id}`);
  return agency!;
}

export async function createAgency(
  db: Kysely<DB>,
  auth: AuthContext,
  actor: Actor,
  input: CreateAgencyBody,
): Promise<Agency> {
  if (input.parentId) {
    await assertAgencyInScope(db, auth, "agency.manage", input.parentId, "parentId");
  } else {
    // A new root (another province of the installation) only from an administrator of a root.
    const own = await db.selectFrom("agency").select("parent_id").where("id", "=", auth.agencyId).executeTakeFirst();
    if (own?.parent_id) fail("OUT_OF_SCOPE", "parentId");
  }
  if (input.kind === "district_committee" && !districtLevelAllowed(input.validFrom)) {
    fail(
      "VALIDATION_FAILED",
      "kind",
      `Từ ${formatDateVn(DISTRICT_LEVEL_ENDS)} không còn cấp huyện; không thể tạo đơn vị cấp huyện mới.`,
    );
  }
  const taken = await db.selectFrom("agency").select("id").where("code", "=", input.code).executeTakeFirst();
  if (taken) fail("AGENCY_CODE_TAKEN", "code");
  const id = await db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto("agency")
      .values({
        code: input.code,
        name: input.name,
        short_name: input.shortName ?? null,
        kind: input.kind,
        parent_id: input.parentId,
        valid_from: input.validFrom,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    for (const predecessorId of input.predecessorIds) {
      const predecessor = await trx
        .selectFrom("agency")
        .select("id")
        .where("id", "=", predecessorId)
        .executeTakeFirst();
      if (!predecessor) fail("AGENCY_NOT_FOUND", "predecessorIds");
      await trx
        .insertInto("agency_lineage")
        .values({ successor_id: row.id, predecessor_id: predecessorId, effective_date: input.validFrom })
        .execute();
    }
    await recordAudit(trx, actor, {
      action: "agency.created",
      entityType: "agency",
      entityId: row.id,
      summary: { after: input },
    });
    return row.id;
  });
  return getAgency(db, auth, id);
}

export async function updateAgency(
  db: Kysely<DB>,
  auth: AuthContext,
  actor: Actor,
  id: string,
  input: z.infer<typeof updateAgencyBody>,
): Promise<Agency> {
  const before = await db.selectFrom("agency").selectAll().where("id", "=", id).executeTakeFirst();
  if (!before) fail("AGENCY_NOT_FOUND");
  await assertAgencyInScope(db, auth, "agency.manage", id);
  if (input.validTo && input.validTo < before.valid_from) {
    fail("VALIDATION_FAILED", "validTo", "Ngày kết thúc không được trước ngày bắt đầu hiệu lực.");
  }
  await db.transaction().execute(async (trx) => {
    const changes = {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.shortName !== undefined ? { short_name: input.shortName } : {}),
      ...(input.validTo !== undefined ? { valid_to: input.validTo } : {}),
      ...(input.docAbbreviation !== undefined ? { doc_abbreviation: input.docAbbreviation || null } : {}),
      ...(input.docPlace !== undefined ? { doc_place: input.docPlace || null } : {}),
      ...(input.docParentName !== undefined ? { doc_parent_name: input.docParentName || null } : {}),
    };
    const result = await trx
      .updateTable("agency")
      .set((eb) => ({ ...changes, updated_at: new Date(), version: eb("version", "+", 1) }))
      .where("id", "=", id)
      .where("version", "=", input.version)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) fail("VERSION_CONFLICT", "version");
    await recordAudit(trx, actor, {
      action: "agency.updated",
      entityType: "agency",
      entityId: id,
      summary: {
        before: { name: before.name, shortName: before.short_name, validTo: before.valid_to },
        after: changes,
      },
    });
  });
  return getAgency(db, auth, id);
}

/**
 * Every agency of the installation in force today: names of public bodies, for pickers such as
 * the target of a transfer. No scope applies; nothing but the name, code and kind is shown.
 */
export async function agencyDirectory(db: Kysely<DB>, today = todayInVietnam()) {
  const rows = await db
    .selectFrom("agency")
    .select(["id", "code", "name", "kind", "parent_id"])
    .where("valid_from", "<=", today)
    .where((eb) => eb.or([eb("valid_to", "is", null), eb("valid_to", ">=", today)]))
    .orderBy("name")
    .execute();
  return rows.map((r) => ({ id: r.id, code: r.code, name: r.name, kind: r.kind, parentId: r.parent_id }));
}

export async function listGroups(db: Kysely<DB>) {
  const groups = await db.selectFrom("agency_group").selectAll().orderBy("name").execute();
  const members = await db
    .selectFrom("agency_group_member as m")
    .innerJoin("agency as a", "a.id", "m.agency_id")
    .select(["m.group_id", "a.id", "a.name"])
    .execute();
  return groups.map((g) => {
    const own = members.filter((m) => m.group_id === g.id);
    return {
      id: g.id,
      code: g.code,
      name: g.name,
      kind: g.kind,
      memberIds: own.map((m) => m.id),
      memberNames: own.map((m) => m.name),
    };
  });
}
