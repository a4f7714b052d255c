/**
 * The yearly asset-declaration campaign (docs/LAW.md §10.1): the obligated list computed from the
 * positions held (domain: computeObligations), the officer's adjustments with their reasons,
 * receipts with their dates, late ones against the deadline engine's limits, reminders and the
 * publication at the workplace. Lists carry names and status only, never a declaration's content.
 */
import {
  appointmentDue,
  computeObligations,
  DECLARATION_DEADLINE_RULES,
  supplementaryDuty,
  todayInVietnam,
  type DeclarationKind,
  type Obligation,
  type OfficialFacts,
  type PositionFacts,
} from "@minhbach/domain";
import type { obligationAdjustBody, publicationBody, receiveBody } from "@minhbach/domain/api/anticorruption";
import { computeDeadline, computeDue, type WorkCalendar } from "@minhbach/domain/legal-clock";
import type { Kysely, Transaction } from "kysely";
import type { z } from "zod";
import type { DB } from "../../db/schema.ts";
import { assertAgencyInScope, type AuthContext } from "../../platform/access.ts";
import { recordAudit, type Actor } from "../../platform/audit.ts";
import { fail } from "../../platform/errors.ts";
import { currentCalendar } from "../calendar/service.ts";
import { loadOfficial } from "./officials.ts";
import { ensurePositionCatalogue } from "./positions.ts";
import { declarationTotals } from "./sealed-declaration.ts";

type Db = Kysely<DB> | Transaction<DB>;

/** The facts the domain needs about every official of an agency, read in three queries. */
export async function officialFacts(db: Db, agencyId: string, year: number): Promise<OfficialFacts[]> {
  const [officials, held, earlier] = await Promise.all([
    db
      .selectFrom("ac_official")
      .select(["id", "left_on", "declared_before"])
      .where("agency_id", "=", agencyId)
      .orderBy("code")
      .execute(),
    db
      .selectFrom("ac_official_position as h")
      .innerJoin("ac_official as o", "o.id", "h.official_id")
      .select(["h.official_id", "h.position_id", "h.from_date", "h.to_date"])
      .where("o.agency_id", "=", agencyId)
      .execute(),
    db
      .selectFrom("ac_declaration")
      .select("official_id")
      .distinct()
      .where("agency_id", "=", agencyId)
      .where("declared_on", "<", `${year}-01-01`)
      .execute(),
  ]);
  const byOfficial = new Map<string, { positionId: string; from: string; to: string | null }[]>();
  for (const h of held) {
    const list = byOfficial.get(h.official_id) ?? [];
    list.push({ positionId: h.position_id, from: h.from_date, to: h.to_date });
    byOfficial.set(h.official_id, list);
  }
  const declared = new Set(earlier.map((r) => r.official_id));
  return officials.map((o) => ({
    id: o.id,
    leftOn: o.left_on,
    positions: byOfficial.get(o.id) ?? [],
    declaredBefore: o.declared_before || declared.has(o.id),
  }));
}

export async function positionFacts(db: Db): Promise<Map<string, PositionFacts>> {
  const rows = await db
    .selectFrom("ac_position")
    .select(["id", "name", "declares_annually", "declaration_basis"])
    .where("active", "=", true)
    .execute();
  return new Map(
    rows.map((r) => [
      r.id,
      { id: r.id, name: r.name, declaresAnnually: r.declares_annually, declarationBasis: r.declaration_basis },
    ]),
  );
}

/** The due date of a kind (the deadline engine's rule), from its start event. */
function dueOf(calendar: WorkCalendar, kind: DeclarationKind, from: string, year: number) {
  if (kind === "appointment") return { due: appointmentDue(from), rule: null };
  const rule = DECLARATION_DEADLINE_RULES[kind];
  // Fixed-date rules take the year of their start: the campaign's year.
  const start = kind === "first_time" ? from : `${year}-01-01`;
  return { due: computeDue({ rule, from: start }, { calendar }), rule };
}

async function insertObligations(
  trx: Transaction<DB>,
  campaignId: string,
  agencyId: string,
  year: number,
  list: readonly Obligation[],
  calendar: WorkCalendar,
): Promise<number> {
  let inserted = 0;
  for (let i = 0; i < list.length; i += 1000) {
    const chunk = list.slice(i, i + 1000).map((o) => {
      const { due, rule } = dueOf(calendar, o.kind, o.dueFrom, year);
      return {
        campaign_id: campaignId,
        agency_id: agencyId,
        official_id: o.officialId,
        kind: o.kind,
        reason: o.reason,
        source: "computed" as const,
        due_on: due,
        due_rule: rule,
      };
    });
    const result = await trx
      .insertInto("ac_obligation")
      .values(chunk)
      .onConflict((oc) => oc.columns(["campaign_id", "official_id", "kind"]).doNothing())
      .executeTakeFirst();
    inserted += Number(result.numInsertedOrUpdatedRows ?? 0);
  }
  return inserted;
}

/**
 * Computes the obligated list of an agency for a year (the benchmark times this): the positions'
 * duties, then the supplementary duty of whoever's declarations on record changed by 300 million
 * đồng or more within the year and is not an annual declarant of it (LAW.md §10.6). Only the
 * declarations of people who declared in the year are opened, for their totals; nothing of them
 * leaves this function but the duty and its reason.
 */
export async function computeAgencyObligations(db: Db, agencyId: string, year: number): Promise<Obligation[]> {
  await ensurePositionCatalogue(db as Kysely<DB>);
  const [officials, positions, totals] = await Promise.all([
    officialFacts(db, agencyId, year),
    positionFacts(db),
    declarationTotals(db, agencyId, year),
  ]);
  const list = computeObligations(officials, year, positions);
  const annual = new Set(list.filter((o) => o.kind === "annual").map((o) => o.officialId));
  for (const [officialId, declarations] of totals) {
    const duty = supplementaryDuty(
      officialId,
      year,
      declarations.map((d) => ({ ...d, kind: d.kind as DeclarationKind })),
      annual.has(officialId),
    );
    if (duty) list.push(duty);
  }
  return list;
}

/**
 * After a declaration is saved: when it makes the year's change reach 300 million đồng (LAW.md
 * §10.6) and the agency's campaign of that year is open, the supplementary duty joins the list
 * at once, in the same transaction, with its reason (no amount) and its own audit event.
 */
export async function addSupplementaryIfDue(
  trx: Transaction<DB>,
  actor: Actor,
  agencyId: string,
  officialId: string,
  declaredOn: string,
): Promise<void> {
  const year = Number(declaredOn.slice(0, 4));
  const campaign = await trx
    .selectFrom("ac_campaign")
    .select("id")
    .where("agency_id", "=", agencyId)
    .where("year", "=", year)
    .executeTakeFirst();
  if (!campaign) return;
  const annual = await trx
    .selectFrom("ac_obligation")
    .select("id")
    .where("campaign_id", "=", campaign.id)
    .where("official_id", "=", officialId)
    .where("kind", "=", "annual")
    .where("removed", "=", false)
    .executeTakeFirst();
  const declarations = (await declarationTotals(trx, agencyId, year, officialId)).get(officialId) ?? [];
  const duty = supplementaryDuty(
    officialId,
    year,
    declarations.map((d) => ({ ...d, kind: d.kind as DeclarationKind })),
    annual !== undefined,
  );
  if (!duty) return;
  const n = await insertObligations(trx, campaign.id, agencyId, year, [duty], await currentCalendar(trx));
  if (n)
    await recordAudit(trx, actor, {
      action: "anticorruption.obligation.added",
      entityType: "ac_campaign",
      entityId: campaign.id,
      summary: { year, kind: "supplementary", computed: true },
    });
}

export async function openCampaign(db: Kysely<DB>, auth: AuthContext, actor: Actor, year: number) {
  const agencyId = auth.agencyId;
  await assertAgencyInScope(db, auth, "anticorruption.write", agencyId);
  const existing = await db
    .selectFrom("ac_campaign")
    .select("id")
    .where("agency_id", "=", agencyId)
    .where("year", "=", year)
    .executeTakeFirst();
  if (existing) fail("AC_CAMPAIGN_EXISTS", "year");
  const list = await computeAgencyObligations(db, agencyId, year);
  const calendar = await currentCalendar(db);
  const id = await db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto("ac_campaign")
      .values({ agency_id: agencyId, year, created_by: actor.userId })
      .returning("id")
      .executeTakeFirstOrThrow();
    const n = await insertObligations(trx, row.id, agencyId, year, list, calendar);
    await recordAudit(trx, actor, {
      action: "anticorruption.campaign.opened",
      entityType: "ac_campaign",
      entityId: row.id,
      summary: { year, rows: n },
    });
    return row.id;
  });
  return getCampaign(db, auth, id);
}

async function campaignInScope(db: Db, auth: AuthContext, id: string, write = false) {
  const row = await db.selectFrom("ac_campaign").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row) fail("AC_CAMPAIGN_NOT_FOUND");
  await assertAgencyInScope(
    db as Kysely<DB>,
    auth,
    write ? "anticorruption.write" : "anticorruption.read",
    row.agency_id,
  );
  return row;
}

export async function recomputeCampaign(db: Kysely<DB>, auth: AuthContext, actor: Actor, id: string) {
  const campaign = await campaignInScope(db, auth, id, true);
  const list = await computeAgencyObligations(db, campaign.agency_id, campaign.year);
  const calendar = await currentCalendar(db);
  await db.transaction().execute(async (trx) => {
    const n = await insertObligations(trx, id, campaign.agency_id, campaign.year, list, calendar);
    await trx
      .updateTable("ac_campaign")
      .set((eb) => ({ computed_at: new Date(), version: eb("version", "+", 1), updated_at: new Date() }))
      .where("id", "=", id)
      .execute();
    await recordAudit(trx, actor, {
      action: "anticorruption.campaign.recomputed",
      entityType: "ac_campaign",
      entityId: id,
      summary: { year: campaign.year, rows: n },
    });
  });
  return getCampaign(db, auth, id);
}

export async function adjustCampaign(
  db: Kysely<DB>,
  auth: AuthContext,
  actor: Actor,
  id: string,
  body: z.infer<typeof obligationAdjustBody>,
) {
  const campaign = await campaignInScope(db, auth, id, true);
  const calendar = await currentCalendar(db);
  await db.transaction().execute(async (trx) => {
    if (body.action === "remove") {
      const row = await trx
        .selectFrom("ac_obligation")
        .selectAll()
        .where("id", "=", body.obligationId)
        .where("campaign_id", "=", id)
        .forUpdate()
        .executeTakeFirst();
      if (!row) fail("AC_OBLIGATION_NOT_FOUND", "obligationId");
      if (row.removed) fail("AC_OBLIGATION_REMOVED", "obligationId");
      await trx
        .updateTable("ac_obligation")
        .set({ removed: true, removed_reason: body.reason, version: row.version + 1, updated_at: new Date() })
        .where("id", "=", row.id)
        .execute();
      await recordAudit(trx, actor, {
        action: "anticorruption.obligation.removed",
        entityType: "ac_obligation",
        entityId: row.id,
        summary: { year: campaign.year, kind: row.kind, reason: body.reason },
      });
      return;
    }
    const official = await loadOfficial(trx, body.officialId);
    if (official.agency_id !== campaign.agency_id) fail("AC_OFFICIAL_NOT_FOUND", "officialId");
    const existing = await trx
      .selectFrom("ac_obligation")
      .select(["kind", "removed"])
      .where("campaign_id", "=", id)
      .where("official_id", "=", official.id)
      .execute();
    if (existing.some((o) => o.kind === body.kind)) fail("AC_OBLIGATION_EXISTS", "kind");
    // Điều 36 khoản 2 Luật PCTN 2018: an annual declarant of the year owes no supplementary one.
    if (body.kind === "supplementary" && existing.some((o) => o.kind === "annual" && !o.removed))
      fail("AC_SUPPLEMENTARY_ANNUAL", "kind");
    if (body.kind === "appointment" && !body.expectedOn) fail("AC_APPOINTMENT_DATE_REQUIRED", "expectedOn");
    const from = body.expectedOn ?? todayInVietnam();
    const { due, rule } = dueOf(calendar, body.kind, from, campaign.year);
    const row = await trx
      .insertInto("ac_obligation")
      .values({
        campaign_id: id,
        agency_id: campaign.agency_id,
        official_id: official.id,
        kind: body.kind,
        reason: body.reason,
        source: "adjusted",
        adjustment_reason: body.reason,
        due_on: due,
        due_rule: rule,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: "anticorruption.obligation.added",
      entityType: "ac_obligation",
      entityId: row.id,
      summary: { year: campaign.year, kind: body.kind, code: official.code, reason: body.reason },
    });
  });
  return getCampaign(db, auth, id);
}

type Status = "pending" | "received" | "late_received" | "overdue" | "removed";

export function statusOf(o: { removed: boolean; received_on: string | null; due_on: string }, today: string): Status {
  if (o.removed) return "removed";
  if (o.received_on) return o.received_on > o.due_on ? "late_received" : "received";
  return today > o.due_on ? "overdue" : "pending";
}

export async function getCampaign(db: Kysely<DB>, auth: AuthContext, id: string) {
  const campaign = await campaignInScope(db, auth, id);
  const today = todayInVietnam();
  const rows = await db
    .selectFrom("ac_obligation as b")
    .innerJoin("ac_official as o", "o.id", "b.official_id")
    .innerJoin("agency as u", "u.id", "o.unit_agency_id")
    .leftJoin("ac_declaration as d", "d.obligation_id", "b.id")
    .select([
      "b.id",
      "b.official_id",
      "o.code",
      "o.full_name",
      "o.unit_agency_id",
      "u.name as unit_name",
      "b.kind",
      "b.reason",
      "b.source",
      "b.removed",
      "b.removed_reason",
      "b.due_on",
      "b.received_on",
      "b.reminders",
      "b.last_reminded_at",
      "b.publication_place",
      "b.published_from",
      "b.published_to",
      "d.id as declaration_id",
      "b.version",
    ])
    .where("b.campaign_id", "=", id)
    .orderBy("u.name")
    .orderBy("o.full_name")
    .orderBy("o.code")
    .execute();
  const items = rows.map((r) => ({
    id: r.id,
    officialId: r.official_id,
    officialCode: r.code,
    fullName: r.full_name,
    unitAgencyId: r.unit_agency_id,
    unitName: r.unit_name,
    kind: r.kind,
    reason: r.reason,
    source: r.source,
    removed: r.removed,
    removedReason: r.removed_reason,
    dueOn: r.due_on,
    receivedOn: r.received_on,
    status: statusOf(r, today),
    reminders: r.reminders,
    lastRemindedAt: r.last_reminded_at ? new Date(r.last_reminded_at).toISOString() : null,
    publication:
      r.publication_place && r.published_from && r.published_to
        ? { place: r.publication_place, from: r.published_from, to: r.published_to }
        : null,
    declarationId: r.declaration_id,
    version: r.version,
  }));
  const units = new Map<
    string,
    { unitAgencyId: string; unitName: string; obligated: number; received: number; late: number; pending: number }
  >();
  const totals = { obligated: 0, received: 0, late: 0, pending: 0 };
  for (const item of items) {
    if (item.status === "removed") continue;
    const u = units.get(item.unitAgencyId) ?? {
      unitAgencyId: item.unitAgencyId,
      unitName: item.unitName,
      obligated: 0,
      received: 0,
      late: 0,
      pending: 0,
    };
    u.obligated++;
    totals.obligated++;
    if (item.status === "received" || item.status === "late_received") {
      u.received++;
      totals.received++;
    } else {
      u.pending++;
      totals.pending++;
    }
    if (item.status === "late_received" || item.status === "overdue") {
      u.late++;
      totals.late++;
    }
    units.set(item.unitAgencyId, u);
  }
  const deadline = computeDeadline(
    { rule: DECLARATION_DEADLINE_RULES.annual, from: `${campaign.year}-01-01` },
    { calendar: await currentCalendar(db), explain: false },
  );
  return {
    id: campaign.id,
    agencyId: campaign.agency_id,
    year: campaign.year,
    computedAt: new Date(campaign.computed_at).toISOString(),
    deadline: { rule: deadline.rule, basis: deadline.basis, due: deadline.due },
    totals,
    units: [...units.values()],
    items,
    version: campaign.version,
  };
}

export async function listCampaigns(db: Kysely<DB>, auth: AuthContext) {
  const rows = await db
    .selectFrom("ac_campaign as c")
    .select((eb) => [
      "c.id",
      "c.year",
      eb
        .selectFrom("ac_obligation")
        .select(eb.fn.countAll<string>().as("n"))
        .whereRef("campaign_id", "=", "c.id")
        .where("removed", "=", false)
        .as("obligated"),
      eb
        .selectFrom("ac_obligation")
        .select(eb.fn.countAll<string>().as("n"))
        .whereRef("campaign_id", "=", "c.id")
        .where("removed", "=", false)
        .where("received_on", "is not", null)
        .as("received"),
    ])
    .where("c.agency_id", "=", auth.agencyId)
    .orderBy("c.year", "desc")
    .execute();
  return {
    items: rows.map((r) => ({
      id: r.id,
      year: r.year,
      obligated: Number(r.obligated ?? 0),
      received: Number(r.received ?? 0),
    })),
  };
}

export async function remindCampaign(db: Kysely<DB>, auth: AuthContext, actor: Actor, id: string) {
  const campaign = await campaignInScope(db, auth, id, true);
  return db.transaction().execute(async (trx) => {
    const rows = await trx
      .updateTable("ac_obligation as b")
      .set((eb) => ({ reminders: eb("b.reminders", "+", 1), last_reminded_at: new Date() }))
      .from("ac_official as o")
      .whereRef("o.id", "=", "b.official_id")
      .where("b.campaign_id", "=", id)
      .where("b.removed", "=", false)
      .where("b.received_on", "is", null)
      .returning(["o.full_name"])
      .execute();
    await recordAudit(trx, actor, {
      action: "anticorruption.campaign.reminded",
      entityType: "ac_campaign",
      entityId: id,
      summary: { year: campaign.year, rows: rows.length },
    });
    return { reminded: rows.length, names: rows.map((r) => r.full_name).sort((a, b) => a.localeCompare(b, "vi")) };
  });
}

export async function obligationInScope(db: Db, auth: AuthContext, id: string) {
  const row = await db.selectFrom("ac_obligation").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row) fail("AC_OBLIGATION_NOT_FOUND");
  await assertAgencyInScope(db as Kysely<DB>, auth, "anticorruption.write", row.agency_id);
  return row;
}

export function notAfterToday(date: string, field: string, label: string) {
  if (date > todayInVietnam()) fail("AC_DATE_IN_FUTURE", field, `${label}: không được sau ngày hôm nay.`);
}

export async function receiveDeclaration(
  db: Kysely<DB>,
  auth: AuthContext,
  actor: Actor,
  id: string,
  body: z.infer<typeof receiveBody>,
) {
  const row = await obligationInScope(db, auth, id);
  if (row.removed) fail("AC_OBLIGATION_REMOVED");
  notAfterToday(body.receivedOn, "receivedOn", "Ngày nhận bản kê khai");
  return db.transaction().execute(async (trx) => {
    const done = await trx
      .updateTable("ac_obligation")
      .set({ received_on: body.receivedOn, version: row.version + 1, updated_at: new Date() })
      .where("id", "=", id)
      .where("version", "=", body.version)
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) fail("VERSION_CONFLICT", "version");
    await recordAudit(trx, actor, {
      action: "anticorruption.declaration.received",
      entityType: "ac_obligation",
      entityId: id,
      summary: { kind: row.kind, receivedOn: body.receivedOn },
    });
    return { id, version: row.version + 1 };
  });
}

export async function recordPublication(
  db: Kysely<DB>,
  auth: AuthContext,
  actor: Actor,
  id: string,
  body: z.infer<typeof publicationBody>,
) {
  const row = await obligationInScope(db, auth, id);
  if (row.removed) fail("AC_OBLIGATION_REMOVED");
  notAfterToday(body.from, "from", "Công khai từ ngày");
  return db.transaction().execute(async (trx) => {
    const done = await trx
      .updateTable("ac_obligation")
      .set({
        publication_place: body.place,
        published_from: body.from,
        published_to: body.to,
        version: row.version + 1,
        updated_at: new Date(),
      })
      .where("id", "=", id)
      .where("version", "=", body.version)
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) fail("VERSION_CONFLICT", "version");
    await recordAudit(trx, actor, {
      action: "anticorruption.declaration.published",
      entityType: "ac_obligation",
      entityId: id,
      summary: { from: body.from, to: body.to },
    });
    return { id, version: row.version + 1 };
  });
}
