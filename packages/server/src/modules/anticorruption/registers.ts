/**
 * The simple registers 01/PCTN counts (docs/LAW.md §10.3, §11.6 H), per agency and date:
 * documents with loopholes found through anti-corruption work and their remedy (03/PCTN),
 * documents issued or amended to prevent corruption, gifts handed in, training and propaganda
 * sessions (classes and participations). Each row keeps its agency and the date it counts on.
 */
import { formatDong, todayInVietnam } from "@minhbach/domain";
import type { z } from "zod";
import type {
  giftBody,
  loopholeBody,
  preventionDocumentBody,
  RecordListQuery,
  trainingBody,
} from "@minhbach/domain/api/anticorruption-records";
import { sql, type Kysely, type Selectable } from "kysely";
import type {
  AcGiftTable,
  AcLoopholeDocumentTable,
  AcPreventionDocumentTable,
  AcTrainingTable,
  DB,
} from "../../db/schema.ts";
import { assertAgencyInScope, type AuthContext } from "../../platform/access.ts";
import { recordAudit, type Actor } from "../../platform/audit.ts";
import { fail } from "../../platform/errors.ts";
import { listRegister } from "./list-register.ts";

type LoopholeBody = z.infer<typeof loopholeBody>;

function notFuture(value: string | null | undefined, field: string, label: string) {
  if (value && value > todayInVietnam()) fail("AC_DATE_IN_FUTURE", field, `${label}: không được sau ngày hôm nay.`);
}

/** A register's page as the API answers it. */
function page<T>(items: T[], total: number, query: RecordListQuery) {
  return { items, total, page: query.page, pageSize: query.pageSize };
}

// ---- Loophole documents (03/PCTN) -----------------------------------------------------------

function loopholeOut(row: Selectable<AcLoopholeDocumentTable> & { agency_name: string }) {
  return {
    id: row.id,
    agencyId: row.agency_id,
    agencyName: row.agency_name,
    title: row.title,
    numberSymbol: row.number_symbol,
    issuedOn: row.issued_on,
    issuingBody: row.issuing_body,
    loophole: row.loophole,
    foundOn: row.found_on,
    remediedOn: row.remedied_on,
    remedy: row.remedy,
    notRemediedReason: row.not_remedied_reason,
    version: row.version,
  };
}

function loopholeColumns(body: LoopholeBody) {
  notFuture(body.issuedOn, "issuedOn", "Ngày ban hành");
  notFuture(body.foundOn, "foundOn", "Ngày phát hiện");
  notFuture(body.remediedOn, "remediedOn", "Ngày khắc phục");
  return {
    title: body.title,
    number_symbol: body.numberSymbol ?? null,
    issued_on: body.issuedOn ?? null,
    issuing_body: body.issuingBody,
    loophole: body.loophole,
    found_on: body.foundOn,
    remedied_on: body.remediedOn ?? null,
    remedy: body.remedy ?? null,
    not_remedied_reason: body.notRemediedReason ?? null,
  };
}

async function getLoophole(db: Kysely<DB>, id: string) {
  const row = await db
    .selectFrom("ac_loophole_document as d")
    .innerJoin("agency as a", "a.id", "d.agency_id")
    .selectAll("d")
    .select("a.name as agency_name")
    .where("d.id", "=", id)
    .executeTakeFirst();
  if (!row) fail("AC_RECORD_NOT_FOUND");
  return row;
}

export async function listLoopholes(db: Kysely<DB>, auth: AuthContext, query: RecordListQuery) {
  const { rows, total } = await listRegister<Selectable<AcLoopholeDocumentTable>>(db, auth, query, {
    table: "ac_loophole_document",
    date: "found_on",
    search: [sql`r.title`],
  });
  return page(rows.map(loopholeOut), total, query);
}

export async function createLoophole(db: Kysely<DB>, auth: AuthContext, actor: Actor, body: LoopholeBody) {
  await assertAgencyInScope(db, auth, "anticorruption.write", auth.agencyId);
  const columns = loopholeColumns(body);
  const id = await db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto("ac_loophole_document")
      .values({ ...columns, agency_id: auth.agencyId, created_by: actor.userId })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: "anticorruption.loophole.created",
      entityType: "ac_loophole_document",
      entityId: row.id,
      summary: { name: body.title, symbol: body.numberSymbol ?? null, remediedOn: body.remediedOn ?? null },
    });
    return row.id;
  });
  return loopholeOut(await getLoophole(db, id));
}

export async function updateLoophole(
  db: Kysely<DB>,
  auth: AuthContext,
  actor: Actor,
  id: string,
  version: number,
  body: LoopholeBody,
) {
  const row = await getLoophole(db, id);
  await assertAgencyInScope(db, auth, "anticorruption.write", row.agency_id);
  const columns = loopholeColumns(body);
  await db.transaction().execute(async (trx) => {
    const done = await trx
      .updateTable("ac_loophole_document")
      .set({ ...columns, version: row.version + 1, updated_at: new Date() })
      .where("id", "=", id)
      .where("version", "=", version)
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) fail("VERSION_CONFLICT", "version");
    await recordAudit(trx, actor, {
      action: "anticorruption.loophole.updated",
      entityType: "ac_loophole_document",
      entityId: id,
      summary: {
        name: body.title,
        before: { remediedOn: row.remedied_on },
        after: { remediedOn: body.remediedOn ?? null },
      },
    });
  });
  return loopholeOut(await getLoophole(db, id));
}

// ---- Documents issued or amended to prevent corruption --------------------------------------

export async function listPreventionDocuments(db: Kysely<DB>, auth: AuthContext, query: RecordListQuery) {
  const { rows, total } = await listRegister<Selectable<AcPreventionDocumentTable>>(db, auth, query, {
    table: "ac_prevention_document",
    date: "issued_on",
    search: [sql`r.title`],
  });
  return page(
    rows.map((r) => ({
      id: r.id,
      agencyId: r.agency_id,
      agencyName: r.agency_name,
      kind: r.kind,
      action: r.action,
      numberSymbol: r.number_symbol,
      title: r.title,
      issuedOn: r.issued_on,
    })),
    total,
    query,
  );
}

export async function createPreventionDocument(
  db: Kysely<DB>,
  auth: AuthContext,
  actor: Actor,
  body: z.infer<typeof preventionDocumentBody>,
) {
  await assertAgencyInScope(db, auth, "anticorruption.write", auth.agencyId);
  notFuture(body.issuedOn, "issuedOn", "Ngày ban hành");
  const row = await db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto("ac_prevention_document")
      .values({
        agency_id: auth.agencyId,
        kind: body.kind,
        action: body.action,
        number_symbol: body.numberSymbol ?? null,
        title: body.title,
        issued_on: body.issuedOn,
        created_by: actor.userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: "anticorruption.prevention_document.created",
      entityType: "ac_prevention_document",
      entityId: inserted.id,
      summary: { name: body.title, symbol: body.numberSymbol ?? null, issuedOn: body.issuedOn },
    });
    return inserted;
  });
  const agency = await db.selectFrom("agency").select("name").where("id", "=", row.agency_id).executeTakeFirstOrThrow();
  return {
    id: row.id,
    agencyId: row.agency_id,
    agencyName: agency.name,
    kind: row.kind,
    action: row.action,
    numberSymbol: row.number_symbol,
    title: row.title,
    issuedOn: row.issued_on,
  };
}

// ---- Gifts handed in ------------------------------------------------------------------------

export async function listGifts(db: Kysely<DB>, auth: AuthContext, query: RecordListQuery) {
  const { rows, total } = await listRegister<Selectable<AcGiftTable>>(db, auth, query, {
    table: "ac_gift",
    date: "handed_on",
    search: [sql`r.full_name || ' ' || r.description`],
  });
  return page(
    rows.map((r) => ({
      id: r.id,
      agencyId: r.agency_id,
      agencyName: r.agency_name,
      officialId: r.official_id,
      fullName: r.full_name,
      handedOn: r.handed_on,
      description: r.description,
      value: Number(r.value),
      handling: r.handling,
    })),
    total,
    query,
  );
}

export async function createGift(db: Kysely<DB>, auth: AuthContext, actor: Actor, body: z.infer<typeof giftBody>) {
  await assertAgencyInScope(db, auth, "anticorruption.write", auth.agencyId);
  notFuture(body.handedOn, "handedOn", "Ngày nộp lại");
  if (body.officialId) {
    const official = await db
      .selectFrom("ac_official")
      .select("id")
      .where("id", "=", body.officialId)
      .where("agency_id", "=", auth.agencyId)
      .executeTakeFirst();
    if (!official) fail("AC_OFFICIAL_NOT_FOUND", "officialId");
  }
  const row = await db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto("ac_gift")
      .values({
        agency_id: auth.agencyId,
        official_id: body.officialId ?? null,
        full_name: body.fullName,
        handed_on: body.handedOn,
        description: body.description,
        value: body.value,
        handling: body.handling ?? null,
        created_by: actor.userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: "anticorruption.gift.created",
      entityType: "ac_gift",
      entityId: inserted.id,
      summary: { fullName: body.fullName, on: body.handedOn, value: formatDong(body.value) },
    });
    return inserted;
  });
  const agency = await db.selectFrom("agency").select("name").where("id", "=", row.agency_id).executeTakeFirstOrThrow();
  return {
    id: row.id,
    agencyId: row.agency_id,
    agencyName: agency.name,
    officialId: row.official_id,
    fullName: row.full_name,
    handedOn: row.handed_on,
    description: row.description,
    value: Number(row.value),
    handling: row.handling,
  };
}

// ---- Training and propaganda ----------------------------------------------------------------

export async function listTrainings(db: Kysely<DB>, auth: AuthContext, query: RecordListQuery) {
  const { rows, total } = await listRegister<Selectable<AcTrainingTable>>(db, auth, query, {
    table: "ac_training",
    date: "held_on",
    search: [sql`r.title`],
  });
  return page(
    rows.map((r) => ({
      id: r.id,
      agencyId: r.agency_id,
      agencyName: r.agency_name,
      kind: r.kind,
      title: r.title,
      heldOn: r.held_on,
      sessions: r.sessions,
      participants: r.participants,
    })),
    total,
    query,
  );
}

export async function createTraining(
  db: Kysely<DB>,
  auth: AuthContext,
  actor: Actor,
  body: z.infer<typeof trainingBody>,
) {
  await assertAgencyInScope(db, auth, "anticorruption.write", auth.agencyId);
  notFuture(body.heldOn, "heldOn", "Ngày tổ chức");
  const row = await db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto("ac_training")
      .values({
        agency_id: auth.agencyId,
        kind: body.kind,
        title: body.title,
        held_on: body.heldOn,
        sessions: body.sessions,
        participants: body.participants,
        created_by: actor.userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: "anticorruption.training.created",
      entityType: "ac_training",
      entityId: inserted.id,
      summary: { name: body.title, on: body.heldOn, sessions: body.sessions, participants: body.participants },
    });
    return inserted;
  });
  const agency = await db.selectFrom("agency").select("name").where("id", "=", row.agency_id).executeTakeFirstOrThrow();
  return {
    id: row.id,
    agencyId: row.agency_id,
    agencyName: agency.name,
    kind: row.kind,
    title: row.title,
    heldOn: row.held_on,
    sessions: row.sessions,
    participants: row.participants,
  };
}
