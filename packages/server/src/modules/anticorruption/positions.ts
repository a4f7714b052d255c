/**
 * The position catalogue (docs/LAW.md §10.1–10.2): seeded once from the domain's list, then data
 * the anti-corruption officer edits. Every agency reads the whole catalogue; an entry an agency
 * added is edited by that agency's officers, a built-in one by any of them.
 */
import { POSITION_SEEDS } from "@minhbach/domain";
import type { PositionBody } from "@minhbach/domain/api/anticorruption";
import type { Kysely, Selectable } from "kysely";
import type { AcPositionTable, DB } from "../../db/schema.ts";
import { assertAgencyInScope, type AuthContext } from "../../platform/access.ts";
import { recordAudit, type Actor } from "../../platform/audit.ts";
import { fail } from "../../platform/errors.ts";

const seeded = new WeakSet<object>();

/** Inserts the built-in entries not yet in the database (once per process and database). */
export async function ensurePositionCatalogue(db: Kysely<DB>): Promise<void> {
  if (seeded.has(db)) return;
  await db
    .insertInto("ac_position")
    .values(
      POSITION_SEEDS.map((p) => ({
        agency_id: null,
        code: p.code,
        name: p.name,
        kind: p.kind,
        declares_annually: p.declaresAnnually,
        declaration_basis: p.declarationBasis,
        rotation: p.rotation,
        sector: p.sector,
        rotation_months: p.rotationMonths,
        rotation_basis: p.rotationBasis,
      })),
    )
    .onConflict((oc) => oc.column("code").doNothing())
    .execute();
  seeded.add(db);
}

export function positionOut(row: Selectable<AcPositionTable>) {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    kind: row.kind,
    declaresAnnually: row.declares_annually,
    declarationBasis: row.declaration_basis,
    rotation: row.rotation,
    sector: row.sector,
    rotationMonths: row.rotation_months,
    rotationBasis: row.rotation_basis,
    active: row.active,
    builtIn: row.agency_id === null,
    version: row.version,
  };
}

export async function listPositions(db: Kysely<DB>) {
  await ensurePositionCatalogue(db);
  const rows = await db.selectFrom("ac_position").selectAll().orderBy("name").execute();
  return { items: rows.map(positionOut) };
}

function columns(body: PositionBody) {
  return {
    code: body.code,
    name: body.name,
    kind: body.kind,
    declares_annually: body.declaresAnnually,
    declaration_basis: body.declarationBasis,
    rotation: body.rotation,
    sector: body.sector ?? null,
    rotation_months: body.rotation ? (body.rotationMonths ?? null) : null,
    rotation_basis: body.rotationBasis ?? null,
    active: body.active,
  };
}

async function codeFree(db: Kysely<DB>, code: string, except?: string) {
  let q = db.selectFrom("ac_position").select("id").where("code", "=", code);
  if (except) q = q.where("id", "<>", except);
  if (await q.executeTakeFirst()) fail("AC_POSITION_CODE_TAKEN", "code");
}

export async function createPosition(db: Kysely<DB>, auth: AuthContext, actor: Actor, body: PositionBody) {
  await ensurePositionCatalogue(db);
  await codeFree(db, body.code);
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto("ac_position")
      .values({ ...columns(body), agency_id: auth.agencyId })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: "anticorruption.position.created",
      entityType: "ac_position",
      entityId: row.id,
      summary: { code: row.code, name: row.name },
    });
    return positionOut(row);
  });
}

export async function updatePosition(
  db: Kysely<DB>,
  auth: AuthContext,
  actor: Actor,
  id: string,
  version: number,
  body: PositionBody,
) {
  const row = await db.selectFrom("ac_position").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row) fail("AC_POSITION_NOT_FOUND");
  if (row.agency_id) await assertAgencyInScope(db, auth, "anticorruption.write", row.agency_id);
  await codeFree(db, body.code, id);
  return db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable("ac_position")
      .set({ ...columns(body), version: row.version + 1, updated_at: new Date() })
      .where("id", "=", id)
      .where("version", "=", version)
      .returningAll()
      .executeTakeFirst();
    if (!updated) fail("VERSION_CONFLICT", "version");
    await recordAudit(trx, actor, {
      action: "anticorruption.position.updated",
      entityType: "ac_position",
      entityId: id,
      summary: { code: updated.code, before: { name: row.name }, after: { name: updated.name } },
    });
    return positionOut(updated);
  });
}
