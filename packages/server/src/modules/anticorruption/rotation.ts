/**
 * Periodic job rotation (docs/LAW.md §10.2): the tenure clock of everyone holding a rotation
 * position of the catalogue (domain: rotationClock), the deferrals with evidence and end date, and
 * the execution of the year's plan as dated records (ac_rotation) the 01/PCTN figures count.
 */
import { addDays } from "@minhbach/domain/legal-clock";
import {
  rotationClock,
  rotationOutcomeDate,
  todayInVietnam,
  type DeferralKind,
  type RotationStatus,
} from "@minhbach/domain";
import type {
  deferralBody,
  rotationAnnouncementBody,
  RotationOutcomeBody,
  rotationPlanBody,
} from "@minhbach/domain/api/anticorruption";
import type { Kysely, Transaction } from "kysely";
import type { z } from "zod";
import type { DB } from "../../db/schema.ts";
import { assertAgencyInScope, type AuthContext } from "../../platform/access.ts";
import { recordAudit, type Actor } from "../../platform/audit.ts";
import { fail } from "../../platform/errors.ts";
import { officialInScope } from "./officials.ts";

export async function addDeferral(
  db: Kysely<DB>,
  auth: AuthContext,
  actor: Actor,
  officialId: string,
  body: z.infer<typeof deferralBody>,
) {
  await officialInScope(db, auth, officialId, true);
  const rotation = await db
    .selectFrom("ac_official_position as h")
    .innerJoin("ac_position as p", "p.id", "h.position_id")
    .select("h.id")
    .where("h.official_id", "=", officialId)
    .where("p.rotation", "=", true)
    .where("h.from_date", "<=", body.to)
    .where((eb) => eb.or([eb("h.to_date", "is", null), eb("h.to_date", ">=", body.from)]))
    .executeTakeFirst();
  if (!rotation) fail("AC_NOT_ROTATION_POSITION");
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto("ac_rotation_deferral")
      .values({
        official_id: officialId,
        kind: body.kind,
        from_date: body.from,
        to_date: body.to,
        evidence: body.evidence,
        created_by: actor.userId,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: "anticorruption.rotation.deferred",
      entityType: "ac_official",
      entityId: officialId,
      summary: { kind: body.kind, from: body.from, to: body.to },
    });
    return { id: row.id };
  });
}

/** Everyone of the caller's agency in a rotation position on `on`, with the clock's verdict. */
export async function rotationList(db: Kysely<DB>, auth: AuthContext, on = todayInVietnam()) {
  await assertAgencyInScope(db, auth, "anticorruption.read", auth.agencyId);
  const [held, deferrals] = await Promise.all([
    db
      .selectFrom("ac_official_position as h")
      .innerJoin("ac_position as p", "p.id", "h.position_id")
      .innerJoin("ac_official as o", "o.id", "h.official_id")
      .innerJoin("agency as u", "u.id", "o.unit_agency_id")
      .select([
        "o.id",
        "o.code",
        "o.full_name",
        "o.expected_retirement",
        "u.name as unit_name",
        "p.name as position_name",
        "p.sector",
        "p.rotation_months",
        "h.from_date",
      ])
      .where("o.agency_id", "=", auth.agencyId)
      .where((eb) => eb.or([eb("o.left_on", "is", null), eb("o.left_on", ">", on)]))
      .where("p.rotation", "=", true)
      .where("h.from_date", "<=", on)
      .where((eb) => eb.or([eb("h.to_date", "is", null), eb("h.to_date", ">=", on)]))
      .orderBy("u.name")
      .orderBy("o.full_name")
      .execute(),
    db
      .selectFrom("ac_rotation_deferral as d")
      .innerJoin("ac_official as o", "o.id", "d.official_id")
      .select(["d.official_id", "d.kind", "d.from_date", "d.to_date"])
      .where("o.agency_id", "=", auth.agencyId)
      .execute(),
  ]);
  const byOfficial = new Map<string, { kind: DeferralKind; from: string; to: string }[]>();
  for (const d of deferrals)
    byOfficial.set(d.official_id, [
      ...(byOfficial.get(d.official_id) ?? []),
      { kind: d.kind, from: d.from_date, to: d.to_date },
    ]);
  const counts: Partial<Record<RotationStatus, number>> = {};
  const items = held.map((h) => {
    const clock = rotationClock(
      {
        position: {
          name: h.position_name,
          from: h.from_date,
          periodMonths: h.rotation_months ?? 60,
          sector: h.sector ?? "",
        },
        expectedRetirement: h.expected_retirement,
        deferrals: byOfficial.get(h.id) ?? [],
      },
      on,
    );
    counts[clock.status] = (counts[clock.status] ?? 0) + 1;
    return {
      officialId: h.id,
      officialCode: h.code,
      fullName: h.full_name,
      unitName: h.unit_name,
      positionName: h.position_name,
      sector: h.sector ?? "",
      from: h.from_date,
      ...clock,
    };
  });
  return { on, counts, items };
}

// ---- The execution of the yearly rotation plan ------------------------------------------------

type Db = Kysely<DB> | Transaction<DB>;

function rotationRows(db: Db) {
  return db
    .selectFrom("ac_rotation as r")
    .innerJoin("ac_official as o", "o.id", "r.official_id")
    .innerJoin("agency as u", "u.id", "o.unit_agency_id")
    .innerJoin("ac_position as fp", "fp.id", "r.from_position_id")
    .leftJoin("ac_position as tp", "tp.id", "r.to_position_id")
    .leftJoin("ac_rotation_deferral as d", "d.id", "r.deferral_id")
    .select([
      "r.id",
      "r.agency_id",
      "r.official_id",
      "o.code",
      "o.full_name",
      "u.name as unit_name",
      "r.year",
      "r.planned_on",
      "r.plan_reference",
      "fp.name as from_position_name",
      "r.outcome",
      "r.outcome_on",
      "tp.name as to_position_name",
      "r.decision_number",
      "r.decided_on",
      "r.reason",
      "d.kind as deferral_kind",
      "d.from_date as deferral_from",
      "d.to_date as deferral_to",
      "r.version",
    ]);
}

type RotationRow = Awaited<ReturnType<ReturnType<typeof rotationRows>["executeTakeFirstOrThrow"]>>;

function rotationItem(r: RotationRow) {
  return {
    id: r.id,
    officialId: r.official_id,
    officialCode: r.code,
    fullName: r.full_name,
    unitName: r.unit_name,
    year: Number(r.year),
    plannedOn: r.planned_on,
    planReference: r.plan_reference,
    fromPositionName: r.from_position_name,
    outcome: r.outcome,
    outcomeOn: r.outcome_on,
    toPositionName: r.to_position_name,
    decisionNumber: r.decision_number,
    decidedOn: r.decided_on,
    reason: r.reason,
    deferral:
      r.deferral_kind && r.deferral_from && r.deferral_to
        ? { kind: r.deferral_kind, from: r.deferral_from, to: r.deferral_to }
        : null,
    version: r.version,
  };
}

async function rotationItemById(db: Db, id: string) {
  return rotationItem(await rotationRows(db).where("r.id", "=", id).executeTakeFirstOrThrow());
}

/** The year's plan of the caller's agency with each person's outcome, and the four counts. */
export async function listRotations(db: Kysely<DB>, auth: AuthContext, year: number) {
  await assertAgencyInScope(db, auth, "anticorruption.read", auth.agencyId);
  const rows = await rotationRows(db)
    .where("r.agency_id", "=", auth.agencyId)
    .where("r.year", "=", year)
    .orderBy("u.name")
    .orderBy("o.full_name")
    .orderBy("o.code")
    .execute();
  const items = rows.map(rotationItem);
  const count = (outcome: string) => items.filter((i) => i.outcome === outcome).length;
  const announced = await announcementOf(db, auth.agencyId, year);
  return {
    year,
    announcement: announced
      ? {
          announcedOn: announced.announced_on,
          form: announced.form,
          place: announced.place,
          announcedBy: announced.announced_by,
          version: announced.version,
        }
      : null,
    counts: { planned: items.length, done: count("done"), exempted: count("exempted"), deferred: count("deferred") },
    items,
  };
}

async function announcementOf(db: Db, agencyId: string, year: number) {
  return db
    .selectFrom("ac_rotation_announcement")
    .selectAll()
    .where("agency_id", "=", agencyId)
    .where("year", "=", year)
    .executeTakeFirst();
}

/**
 * Records (or corrects) how the caller's agency made its year's rotation plan public (LAW.md
 * §10.7). Not after today; a correction may not move the day after a rotation already carried out.
 */
export async function announceRotationPlan(
  db: Kysely<DB>,
  auth: AuthContext,
  actor: Actor,
  body: z.infer<typeof rotationAnnouncementBody>,
) {
  await assertAgencyInScope(db, auth, "anticorruption.write", auth.agencyId);
  if (body.announcedOn > todayInVietnam()) fail("AC_DATE_IN_FUTURE", "announcedOn");
  const agencyId = auth.agencyId;
  const executedBefore = await db
    .selectFrom("ac_rotation")
    .select("id")
    .where("agency_id", "=", agencyId)
    .where("year", "=", body.year)
    .where("outcome", "=", "done")
    .where("outcome_on", "<", body.announcedOn)
    .executeTakeFirst();
  if (executedBefore) fail("AC_ROTATION_BEFORE_ANNOUNCEMENT", "announcedOn");
  await db.transaction().execute(async (trx) => {
    const existing = await announcementOf(trx, agencyId, body.year);
    const columns = {
      announced_on: body.announcedOn,
      form: body.form,
      place: body.place,
      announced_by: body.announcedBy,
    };
    if (existing) {
      const done = await trx
        .updateTable("ac_rotation_announcement")
        .set({ ...columns, version: existing.version + 1, updated_at: new Date() })
        .where("id", "=", existing.id)
        .where("version", "=", body.version ?? -1)
        .executeTakeFirst();
      if (Number(done.numUpdatedRows) !== 1) fail("VERSION_CONFLICT", "version");
    } else
      await trx
        .insertInto("ac_rotation_announcement")
        .values({ ...columns, agency_id: agencyId, year: body.year, created_by: actor.userId })
        .onConflict((oc) => oc.columns(["agency_id", "year"]).doNothing())
        .execute();
    await recordAudit(trx, actor, {
      action: "anticorruption.rotation.announced",
      entityType: "agency",
      entityId: agencyId,
      summary: { year: body.year, on: body.announcedOn, form: body.form, corrected: existing !== undefined },
    });
  });
  return listRotations(db, auth, body.year);
}

/** The rotation position the official holds on `on`, if any. */
async function rotationPositionOn(db: Db, officialId: string, on: string) {
  return db
    .selectFrom("ac_official_position as h")
    .innerJoin("ac_position as p", "p.id", "h.position_id")
    .select(["h.id", "h.position_id", "h.from_date", "h.to_date"])
    .where("h.official_id", "=", officialId)
    .where("p.rotation", "=", true)
    .where("h.from_date", "<=", on)
    .where((eb) => eb.or([eb("h.to_date", "is", null), eb("h.to_date", ">=", on)]))
    .orderBy("h.from_date", "desc")
    .executeTakeFirst();
}

/** Puts an official holding a rotation position in the year's plan, dated the day it was approved. */
export async function planRotation(
  db: Kysely<DB>,
  auth: AuthContext,
  actor: Actor,
  body: z.infer<typeof rotationPlanBody>,
) {
  const official = await officialInScope(db, auth, body.officialId, true);
  if (body.plannedOn > todayInVietnam()) fail("AC_DATE_IN_FUTURE", "plannedOn");
  const held = await rotationPositionOn(db, official.id, body.plannedOn);
  if (!held || (official.left_on !== null && official.left_on <= body.plannedOn))
    fail("AC_NOT_ROTATION_POSITION", "officialId");
  const taken = await db
    .selectFrom("ac_rotation")
    .select("id")
    .where("official_id", "=", official.id)
    .where("year", "=", body.year)
    .executeTakeFirst();
  if (taken) fail("AC_ROTATION_EXISTS", "officialId");
  const id = await db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto("ac_rotation")
      .values({
        agency_id: official.agency_id,
        official_id: official.id,
        year: body.year,
        planned_on: body.plannedOn,
        plan_reference: body.planReference ?? null,
        from_position_id: held.position_id,
        created_by: actor.userId,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: "anticorruption.rotation.planned",
      entityType: "ac_official",
      entityId: official.id,
      summary: { year: body.year, plannedOn: body.plannedOn, rotation: row.id },
    });
    return row.id;
  });
  return rotationItemById(db, id);
}

/**
 * Closes a plan row with its event. Rotated: the position left ends the day before the execution
 * and the new one starts on it (the tenure clock restarts); deferred: the deferral is recorded as
 * those added on the official (it then holds the clock); not rotated: the day and the reason.
 */
export async function recordRotationOutcome(
  db: Kysely<DB>,
  auth: AuthContext,
  actor: Actor,
  id: string,
  body: RotationOutcomeBody,
) {
  const row = await db.selectFrom("ac_rotation").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row) fail("AC_ROTATION_NOT_FOUND");
  const official = await officialInScope(db, auth, row.official_id, true);
  if (row.outcome !== "planned") fail("AC_ROTATION_CLOSED");
  const today = todayInVietnam();
  const outcomeOn = rotationOutcomeDate(body);
  if (body.outcome === "done") {
    if (body.decidedOn! > today) fail("AC_DATE_IN_FUTURE", "decidedOn");
    if (body.executedOn! > today) fail("AC_DATE_IN_FUTURE", "executedOn");
    const to = await db.selectFrom("ac_position").select("id").where("id", "=", body.toPositionId!).executeTakeFirst();
    if (!to) fail("AC_POSITION_NOT_FOUND", "toPositionId");
    if (to.id === row.from_position_id) fail("AC_ROTATION_SAME_POSITION", "toPositionId");
    // The plan is carried out once made public in the agency, not before (LAW.md §10.7).
    const announced = await announcementOf(db, row.agency_id, row.year);
    if (!announced) fail("AC_ROTATION_PLAN_NOT_ANNOUNCED");
    if (body.executedOn! < announced.announced_on) fail("AC_ROTATION_BEFORE_ANNOUNCEMENT", "executedOn");
  } else if (body.outcome === "exempted") {
    if (body.on! > today) fail("AC_DATE_IN_FUTURE", "on");
  } else if (body.from! > today) fail("AC_DATE_IN_FUTURE", "from");
  await db.transaction().execute(async (trx) => {
    let deferralId: string | null = null;
    if (body.outcome === "done") {
      const executedOn = body.executedOn!;
      const left = await trx
        .selectFrom("ac_official_position")
        .select(["id", "from_date"])
        .where("official_id", "=", official.id)
        .where("position_id", "=", row.from_position_id)
        .where("from_date", "<=", executedOn)
        .where((eb) => eb.or([eb("to_date", "is", null), eb("to_date", ">=", executedOn)]))
        .executeTakeFirst();
      if (left) {
        if (left.from_date >= executedOn) fail("AC_ROTATION_DATE_ORDER", "executedOn");
        await trx
          .updateTable("ac_official_position")
          .set({ to_date: addDays(executedOn, -1) })
          .where("id", "=", left.id)
          .execute();
      }
      await trx
        .insertInto("ac_official_position")
        .values({ official_id: official.id, position_id: body.toPositionId!, from_date: executedOn })
        .execute();
      await trx
        .updateTable("ac_official")
        .set({ version: official.version + 1, updated_at: new Date() })
        .where("id", "=", official.id)
        .execute();
    } else if (body.outcome === "deferred") {
      deferralId = (
        await trx
          .insertInto("ac_rotation_deferral")
          .values({
            official_id: official.id,
            kind: body.kind!,
            from_date: body.from!,
            to_date: body.to!,
            evidence: body.evidence!,
            created_by: actor.userId,
          })
          .returning("id")
          .executeTakeFirstOrThrow()
      ).id;
    }
    const done = await trx
      .updateTable("ac_rotation")
      .set({
        outcome: body.outcome,
        outcome_on: outcomeOn,
        to_position_id: body.outcome === "done" ? body.toPositionId! : null,
        decision_number: body.decisionNumber ?? null,
        decided_on: body.outcome === "done" ? body.decidedOn! : null,
        reason: body.outcome === "exempted" ? body.reason! : body.outcome === "deferred" ? body.evidence! : null,
        deferral_id: deferralId,
        version: row.version + 1,
        updated_at: new Date(),
      })
      .where("id", "=", id)
      .where("version", "=", body.version)
      .where("outcome", "=", "planned")
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) fail("VERSION_CONFLICT", "version");
    await recordAudit(trx, actor, {
      action: "anticorruption.rotation.recorded",
      entityType: "ac_official",
      entityId: official.id,
      summary: { rotation: id, year: row.year, outcome: body.outcome, on: outcomeOn },
    });
  });
  return rotationItemById(db, id);
}
