/**
 * Officials as records of the agency that controls their assets and income (docs/LAW.md §10.1):
 * the unit they work in, rank, date of birth, expected retirement, the position history, the
 * years they were verified, the legal exemptions from verification, and the user account that
 * lets the declarant read his own declarations. Users of the system or not.
 */
import { normalizeForMatch, todayInVietnam } from "@minhbach/domain";
import type { exemptionBody, OfficialBody, officialListQuery } from "@minhbach/domain/api/anticorruption";
import { sql, type Kysely, type Transaction } from "kysely";
import type { z } from "zod";
import type { DB } from "../../db/schema.ts";
import { assertAgencyInScope, inScope, type AuthContext } from "../../platform/access.ts";
import { recordAudit, type Actor } from "../../platform/audit.ts";
import { fail } from "../../platform/errors.ts";
import { ensurePositionCatalogue } from "./positions.ts";

type Db = Kysely<DB> | Transaction<DB>;

export async function loadOfficial(db: Db, id: string) {
  const row = await db.selectFrom("ac_official").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row) fail("AC_OFFICIAL_NOT_FOUND");
  return row;
}

/** The official's record if the caller may read (or, with write, change) the agency's records. */
export async function officialInScope(db: Db, auth: AuthContext, id: string, write = false) {
  const row = await loadOfficial(db, id);
  await assertAgencyInScope(
    db as Kysely<DB>,
    auth,
    write ? "anticorruption.write" : "anticorruption.read",
    row.agency_id,
  );
  return row;
}

/** The unit must be the controlling agency or one under it. */
export async function checkUnit(db: Db, agencyId: string, unitId: string, field = "unitAgencyId") {
  const ok = await db
    .selectFrom("agency as u")
    .innerJoin("agency as a", (j) => j.onTrue())
    .select("u.id")
    .where("u.id", "=", unitId)
    .where("a.id", "=", agencyId)
    .where(sql<boolean>`u.path like a.path || '%'`)
    .executeTakeFirst();
  if (!ok) fail("AC_UNIT_INVALID", field);
}

async function checkUser(db: Db, userId: string | null | undefined, officialId?: string) {
  if (!userId) return;
  const user = await db.selectFrom("app_user").select("id").where("id", "=", userId).executeTakeFirst();
  if (!user) fail("AC_USER_INVALID", "userId");
  let q = db.selectFrom("ac_official").select("id").where("user_id", "=", userId);
  if (officialId) q = q.where("id", "<>", officialId);
  if (await q.executeTakeFirst()) fail("AC_USER_INVALID", "userId");
}

async function checkPositions(db: Db, body: OfficialBody) {
  const ids = [...new Set(body.positions.map((p) => p.positionId))];
  if (!ids.length) return;
  const found = await db.selectFrom("ac_position").select("id").where("id", "in", ids).execute();
  const known = new Set(found.map((r) => r.id));
  body.positions.forEach((p, i) => {
    if (!known.has(p.positionId)) fail("AC_POSITION_NOT_FOUND", `positions.${i}.positionId`);
  });
}

function checkDates(body: OfficialBody) {
  const today = todayInVietnam();
  if (body.birthDate && body.birthDate > today)
    fail("AC_DATE_IN_FUTURE", "birthDate", "Ngày sinh: không được sau ngày hôm nay.");
}

function officialColumns(body: OfficialBody) {
  return {
    code: body.code,
    full_name: body.fullName,
    search_text: normalizeForMatch(`${body.code} ${body.fullName}`),
    unit_agency_id: body.unitAgencyId,
    birth_date: body.birthDate ?? null,
    rank: body.rank ?? null,
    expected_retirement: body.expectedRetirement ?? null,
    user_id: body.userId ?? null,
    declared_before: body.declaredBefore,
    verified_years: [...new Set(body.verifiedYears)].sort(),
    left_on: body.leftOn ?? null,
    email: body.email ?? null,
    phone: body.phone ?? null,
  };
}

async function writePositions(trx: Transaction<DB>, officialId: string, body: OfficialBody) {
  await trx.deleteFrom("ac_official_position").where("official_id", "=", officialId).execute();
  if (body.positions.length)
    await trx
      .insertInto("ac_official_position")
      .values(
        body.positions.map((p) => ({
          official_id: officialId,
          position_id: p.positionId,
          from_date: p.from,
          to_date: p.to ?? null,
        })),
      )
      .execute();
}

async function codeFree(db: Db, agencyId: string, code: string, except?: string, field = "code") {
  let q = db.selectFrom("ac_official").select("id").where("agency_id", "=", agencyId).where("code", "=", code);
  if (except) q = q.where("id", "<>", except);
  if (await q.executeTakeFirst()) fail("AC_OFFICIAL_CODE_TAKEN", field);
}

export async function createOfficial(db: Kysely<DB>, auth: AuthContext, actor: Actor, body: OfficialBody) {
  await ensurePositionCatalogue(db);
  const agencyId = auth.agencyId;
  await assertAgencyInScope(db, auth, "anticorruption.write", agencyId);
  checkDates(body);
  await checkUnit(db, agencyId, body.unitAgencyId);
  await checkUser(db, body.userId);
  await checkPositions(db, body);
  await codeFree(db, agencyId, body.code);
  const id = await db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto("ac_official")
      .values({ ...officialColumns(body), agency_id: agencyId, created_by: actor.userId })
      .returning("id")
      .executeTakeFirstOrThrow();
    await writePositions(trx, row.id, body);
    await recordAudit(trx, actor, {
      action: "anticorruption.official.created",
      entityType: "ac_official",
      entityId: row.id,
      summary: { code: body.code, fullName: body.fullName },
    });
    return row.id;
  });
  return getOfficial(db, auth, id);
}

export async function updateOfficial(
  db: Kysely<DB>,
  auth: AuthContext,
  actor: Actor,
  id: string,
  version: number,
  body: OfficialBody,
) {
  const row = await officialInScope(db, auth, id, true);
  checkDates(body);
  await checkUnit(db, row.agency_id, body.unitAgencyId);
  await checkUser(db, body.userId, id);
  await checkPositions(db, body);
  await codeFree(db, row.agency_id, body.code, id);
  await db.transaction().execute(async (trx) => {
    const done = await trx
      .updateTable("ac_official")
      .set({ ...officialColumns(body), version: row.version + 1, updated_at: new Date() })
      .where("id", "=", id)
      .where("version", "=", version)
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) fail("VERSION_CONFLICT", "version");
    await writePositions(trx, id, body);
    await recordAudit(trx, actor, {
      action: "anticorruption.official.updated",
      entityType: "ac_official",
      entityId: id,
      summary: { code: body.code, fullName: body.fullName },
    });
  });
  return getOfficial(db, auth, id);
}

export async function addExemption(
  db: Kysely<DB>,
  auth: AuthContext,
  actor: Actor,
  id: string,
  body: z.infer<typeof exemptionBody>,
) {
  await officialInScope(db, auth, id, true);
  if (body.kind === "abroad") {
    // Điều 16 Nghị định 130/2020: only a stay abroad of 12 months or more exempts.
    const [y, m, d] = body.from.split("-").map(Number) as [number, number, number];
    const twelve = `${y + 1}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
    if (!body.to || body.to < twelve) fail("AC_EXEMPTION_TOO_SHORT", "to");
  }
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto("ac_exemption")
      .values({
        official_id: id,
        kind: body.kind,
        from_date: body.from,
        to_date: body.to ?? null,
        evidence: body.evidence,
        created_by: actor.userId,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: "anticorruption.official.exemption_added",
      entityType: "ac_official",
      entityId: id,
      summary: { kind: body.kind, from: body.from, to: body.to ?? null, exemption: row.id },
    });
  });
  return getOfficial(db, auth, id);
}

export async function getOfficial(db: Kysely<DB>, auth: AuthContext, id: string) {
  const row = await officialInScope(db, auth, id);
  const [unit, positions, exemptions] = await Promise.all([
    db.selectFrom("agency").select("name").where("id", "=", row.unit_agency_id).executeTakeFirstOrThrow(),
    db
      .selectFrom("ac_official_position as h")
      .innerJoin("ac_position as p", "p.id", "h.position_id")
      .select(["h.position_id", "p.name", "h.from_date", "h.to_date"])
      .where("h.official_id", "=", id)
      .orderBy("h.from_date")
      .execute(),
    db.selectFrom("ac_exemption").selectAll().where("official_id", "=", id).orderBy("from_date").execute(),
  ]);
  const current = positions.filter((p) => p.to_date === null).at(-1);
  return {
    id: row.id,
    agencyId: row.agency_id,
    code: row.code,
    fullName: row.full_name,
    unitAgencyId: row.unit_agency_id,
    unitName: unit.name,
    rank: row.rank,
    birthDate: row.birth_date,
    expectedRetirement: row.expected_retirement,
    currentPosition: current?.name ?? null,
    linkedUser: row.user_id !== null,
    userId: row.user_id,
    declaredBefore: row.declared_before,
    verifiedYears: (row.verified_years ?? []).map(Number),
    leftOn: row.left_on,
    email: row.email,
    phone: row.phone,
    positions: positions.map((p) => ({
      positionId: p.position_id,
      positionName: p.name,
      from: p.from_date,
      to: p.to_date,
    })),
    exemptions: exemptions.map((e) => ({
      id: e.id,
      kind: e.kind,
      from: e.from_date,
      to: e.to_date,
      evidence: e.evidence,
    })),
    version: row.version,
  };
}

export async function listOfficials(db: Kysely<DB>, auth: AuthContext, query: z.infer<typeof officialListQuery>) {
  let q = db
    .selectFrom("ac_official as o")
    .innerJoin("agency as u", "u.id", "o.unit_agency_id")
    .where(inScope(auth, "anticorruption.read", "o.agency_id"));
  if (query.q) q = q.where("o.search_text", "like", `%${normalizeForMatch(query.q)}%`);
  if (query.unitAgencyId) q = q.where("o.unit_agency_id", "=", query.unitAgencyId);
  const total = await q.select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow();
  const rows = await q
    .select([
      "o.id",
      "o.code",
      "o.full_name",
      "o.unit_agency_id",
      "u.name as unit_name",
      "o.rank",
      "o.birth_date",
      "o.expected_retirement",
      "o.user_id",
      sql<string | null>`(select p.name from ac_official_position h join ac_position p on p.id = h.position_id
        where h.official_id = o.id and h.to_date is null order by h.from_date desc limit 1)`.as("current_position"),
    ])
    .orderBy("o.full_name")
    .orderBy("o.code")
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  return {
    items: rows.map((r) => ({
      id: r.id,
      code: r.code,
      fullName: r.full_name,
      unitAgencyId: r.unit_agency_id,
      unitName: r.unit_name,
      rank: r.rank,
      birthDate: r.birth_date,
      expectedRetirement: r.expected_retirement,
      currentPosition: r.current_position,
      linkedUser: r.user_id !== null,
    })),
    total: Number(total.n),
    page: query.page,
    pageSize: query.pageSize,
  };
}
