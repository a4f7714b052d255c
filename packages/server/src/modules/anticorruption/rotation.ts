/**
 * Periodic job rotation (docs/LAW.md §10.2): the tenure clock of everyone holding a rotation
 * position of the catalogue (domain: rotationClock), the deferrals with evidence and end date.
 */
import { rotationClock, todayInVietnam, type DeferralKind, type RotationStatus } from "@minhbach/domain";
import type { deferralBody } from "@minhbach/domain/api/anticorruption";
import type { Kysely } from "kysely";
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
