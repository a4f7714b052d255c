/**
 * Corruption cases detected (docs/LAW.md §10.3; form 02/PCTN): which agency recorded the case,
 * where it happened, who handles it, the channel that detected it (an inspection record or a
 * complaint/denunciation case of this system linked when there is one), the persons involved
 * (officials of the registry or named persons) and how each was handled, damage and recovered
 * money and land, transfer to an investigation body, heads held responsible. Rows keep the
 * recording agency and the detection date so a report period counts them.
 *
 * A denunciation case is linked by its id only: nothing of the denouncer is copied here.
 */
import { CASE_CHANNEL_LABELS, formatDong, PERSON_HANDLING_LABELS, todayInVietnam } from "@minhbach/domain";
import { formatVietnameseDate } from "@minhbach/domain/calendar/iso-date";
import type { CorruptionCaseBody, CorruptionCaseListQuery } from "@minhbach/domain/api/anticorruption-records";
import { sql, type Kysely, type RawBuilder, type Selectable, type Transaction } from "kysely";
import type { AcCorruptionCaseTable, DB } from "../../db/schema.ts";
import { assertAgencyInScope, type AuthContext } from "../../platform/access.ts";
import { recordAudit, type Actor } from "../../platform/audit.ts";
import { fail } from "../../platform/errors.ts";
import { tableWorkbook } from "../../platform/excel.ts";
import { listRegister, type RegisterSpec } from "./list-register.ts";

type Db = Kysely<DB> | Transaction<DB>;

function checkNotFuture(body: CorruptionCaseBody) {
  const today = todayInVietnam();
  if (body.detectedOn > today) fail("AC_DATE_IN_FUTURE", "detectedOn", "Ngày phát hiện: không được sau ngày hôm nay.");
  if (body.transferredOn && body.transferredOn > today)
    fail("AC_DATE_IN_FUTURE", "transferredOn", "Ngày chuyển cơ quan điều tra: không được sau ngày hôm nay.");
  body.persons.forEach((p, i) => {
    if (p.handledOn && p.handledOn > today)
      fail("AC_DATE_IN_FUTURE", `persons.${i}.handledOn`, "Ngày xử lý: không được sau ngày hôm nay.");
  });
}

/** Descendants of an agency and itself, by its path. */
function underAgency(path: string, column: string) {
  return sql<boolean>`${sql.ref(column)} in (select id from agency where path like ${path + "%"})`;
}

/**
 * The inspections the officer may link a case to: those of his agency and the agencies under it
 * (the rule checkLinks enforces), newest first, searched by code or title.
 */
export async function caseInspections(db: Kysely<DB>, auth: AuthContext, query: { q?: string | undefined }) {
  await assertAgencyInScope(db, auth, "anticorruption.write", auth.agencyId);
  const agency = await db.selectFrom("agency").select("path").where("id", "=", auth.agencyId).executeTakeFirstOrThrow();
  let q = db
    .selectFrom("inspection")
    .select(["id", "code", "title", "year"])
    .where(underAgency(agency.path, "agency_id"));
  if (query.q) {
    const like = `%${query.q.toLowerCase()}%`;
    q = q.where((eb) =>
      eb.or([eb(eb.fn("lower", ["code"]), "like", like), eb(eb.fn("lower", ["title"]), "like", like)]),
    );
  }
  const rows = await q.orderBy("year", "desc").orderBy("code", "desc").limit(50).execute();
  return { items: rows };
}

/** Linked records must exist and belong to the recording agency or one under it. */
async function checkLinks(db: Db, agencyId: string, body: CorruptionCaseBody) {
  const agency = await db.selectFrom("agency").select("path").where("id", "=", agencyId).executeTakeFirstOrThrow();
  const under = (column: string) => underAgency(agency.path, column);
  if (body.concernedAgencyId) {
    const found = await db
      .selectFrom("agency")
      .select("id")
      .where("id", "=", body.concernedAgencyId)
      .executeTakeFirst();
    if (!found) fail("AC_LINK_INVALID", "concernedAgencyId", "Cơ quan xảy ra vụ việc không có trong danh mục cơ quan.");
  }
  if (body.inspectionId) {
    const found = await db
      .selectFrom("inspection")
      .select("id")
      .where("id", "=", body.inspectionId)
      .where(under("agency_id"))
      .executeTakeFirst();
    if (!found) fail("AC_LINK_INVALID", "inspectionId", "Cuộc thanh tra không có hoặc không thuộc cơ quan.");
  }
  if (body.resolutionCaseId) {
    const found = await db
      .selectFrom("resolution_case")
      .select("id")
      .where("id", "=", body.resolutionCaseId)
      .where(under("agency_id"))
      .executeTakeFirst();
    if (!found)
      fail("AC_LINK_INVALID", "resolutionCaseId", "Vụ việc khiếu nại, tố cáo không có hoặc không thuộc cơ quan.");
  }
  const officialIds = [...new Set(body.persons.map((p) => p.officialId).filter((x): x is string => !!x))];
  if (officialIds.length) {
    const found = await db
      .selectFrom("ac_official")
      .select("id")
      .where("id", "in", officialIds)
      .where(under("agency_id"))
      .execute();
    const known = new Set(found.map((r) => r.id));
    body.persons.forEach((p, i) => {
      if (p.officialId && !known.has(p.officialId)) fail("AC_OFFICIAL_NOT_FOUND", `persons.${i}.officialId`);
    });
  }
}

function caseColumns(body: CorruptionCaseBody) {
  return {
    name: body.name,
    concerned_agency_id: body.concernedAgencyId ?? null,
    concerned_name: body.concernedName,
    handling_body: body.handlingBody,
    summary: body.summary,
    detected_on: body.detectedOn,
    channel: body.channel,
    inspection_id: body.inspectionId ?? null,
    resolution_case_id: body.resolutionCaseId ?? null,
    damage_money: body.damageMoney,
    damage_land_m2: body.damageLandM2,
    recovered_money: body.recoveredMoney,
    recovered_land_m2: body.recoveredLandM2,
    transferred_on: body.transferredOn ?? null,
    transferred_to: body.transferredTo ?? null,
    heads_responsible: body.headsResponsible,
    note: body.note ?? null,
  };
}

async function writePersons(trx: Transaction<DB>, caseId: string, body: CorruptionCaseBody) {
  await trx.deleteFrom("ac_corruption_person").where("case_id", "=", caseId).execute();
  if (body.persons.length)
    await trx
      .insertInto("ac_corruption_person")
      .values(
        body.persons.map((p, i) => ({
          case_id: caseId,
          position: i + 1,
          official_id: p.officialId ?? null,
          full_name: p.fullName,
          job_title: p.jobTitle ?? null,
          handling: p.handling,
          discipline_form: p.disciplineForm ?? null,
          handled_on: p.handledOn ?? null,
          is_head: p.isHead,
        })),
      )
      .execute();
}

function auditSummary(body: CorruptionCaseBody) {
  return {
    name: body.name,
    channel: CASE_CHANNEL_LABELS[body.channel],
    persons: body.persons.length,
    damage: formatDong(body.damageMoney),
    recovered: formatDong(body.recoveredMoney),
    transferredTo: body.transferredTo ?? null,
  };
}

export async function createCase(db: Kysely<DB>, auth: AuthContext, actor: Actor, body: CorruptionCaseBody) {
  await assertAgencyInScope(db, auth, "anticorruption.write", auth.agencyId);
  checkNotFuture(body);
  await checkLinks(db, auth.agencyId, body);
  const id = await db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto("ac_corruption_case")
      .values({ ...caseColumns(body), agency_id: auth.agencyId, created_by: actor.userId })
      .returning("id")
      .executeTakeFirstOrThrow();
    await writePersons(trx, row.id, body);
    await recordAudit(trx, actor, {
      action: "anticorruption.case.created",
      entityType: "ac_corruption_case",
      entityId: row.id,
      summary: auditSummary(body),
    });
    return row.id;
  });
  return getCase(db, auth, id);
}

export async function updateCase(
  db: Kysely<DB>,
  auth: AuthContext,
  actor: Actor,
  id: string,
  version: number,
  body: CorruptionCaseBody,
) {
  const row = await db.selectFrom("ac_corruption_case").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row) fail("AC_CASE_NOT_FOUND");
  await assertAgencyInScope(db, auth, "anticorruption.write", row.agency_id);
  checkNotFuture(body);
  await checkLinks(db, row.agency_id, body);
  await db.transaction().execute(async (trx) => {
    const done = await trx
      .updateTable("ac_corruption_case")
      .set({ ...caseColumns(body), version: row.version + 1, updated_at: new Date() })
      .where("id", "=", id)
      .where("version", "=", version)
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) fail("VERSION_CONFLICT", "version");
    await writePersons(trx, id, body);
    await recordAudit(trx, actor, {
      action: "anticorruption.case.updated",
      entityType: "ac_corruption_case",
      entityId: id,
      summary: {
        ...auditSummary(body),
        before: { damage: formatDong(row.damage_money), recovered: formatDong(row.recovered_money) },
      },
    });
  });
  return getCase(db, auth, id);
}

export async function getCase(db: Kysely<DB>, auth: AuthContext, id: string) {
  const row = await db
    .selectFrom("ac_corruption_case as c")
    .innerJoin("agency as a", "a.id", "c.agency_id")
    .selectAll("c")
    .select("a.name as agency_name")
    .where("c.id", "=", id)
    .executeTakeFirst();
  if (!row) fail("AC_CASE_NOT_FOUND");
  await assertAgencyInScope(db, auth, "anticorruption.read", row.agency_id);
  const persons = await db
    .selectFrom("ac_corruption_person as p")
    .leftJoin("ac_official as o", "o.id", "p.official_id")
    .selectAll("p")
    .select("o.code as official_code")
    .where("p.case_id", "=", id)
    .orderBy("p.position")
    .execute();
  const inspection = row.inspection_id
    ? await db
        .selectFrom("inspection")
        .select(["id", "code", "title"])
        .where("id", "=", row.inspection_id)
        .executeTakeFirst()
    : undefined;
  return {
    id: row.id,
    agencyId: row.agency_id,
    agencyName: row.agency_name,
    name: row.name,
    concernedAgencyId: row.concerned_agency_id,
    concernedName: row.concerned_name,
    handlingBody: row.handling_body,
    summary: row.summary,
    detectedOn: row.detected_on,
    channel: row.channel,
    inspectionId: row.inspection_id,
    inspection: inspection ?? null,
    resolutionCaseId: row.resolution_case_id,
    damageMoney: Number(row.damage_money),
    damageLandM2: Number(row.damage_land_m2),
    recoveredMoney: Number(row.recovered_money),
    recoveredLandM2: Number(row.recovered_land_m2),
    transferredOn: row.transferred_on,
    transferredTo: row.transferred_to,
    headsResponsible: row.heads_responsible,
    note: row.note,
    persons: persons.map((p) => ({
      officialId: p.official_id,
      officialCode: p.official_code ?? null,
      fullName: p.full_name,
      jobTitle: p.job_title,
      handling: p.handling,
      disciplineForm: p.discipline_form,
      handledOn: p.handled_on,
      isHead: p.is_head,
    })),
    version: row.version,
  };
}

/** The 02/PCTN register: the filters of its own beside the period and the search. */
function caseSpec(query: CorruptionCaseListQuery, ascending = false): RegisterSpec {
  const filters: RawBuilder<boolean>[] = [];
  if (query.channel) filters.push(sql<boolean>`r.channel = ${query.channel}`);
  if (query.transferred === "yes") filters.push(sql<boolean>`r.transferred_on is not null`);
  if (query.transferred === "no") filters.push(sql<boolean>`r.transferred_on is null`);
  return {
    table: "ac_corruption_case",
    date: "detected_on",
    search: [sql`r.name`, sql`r.concerned_name`],
    filters,
    ascending,
  };
}

const personCount = sql<number>`(select count(*) from ac_corruption_person p where p.case_id = r.id)::int`;

interface CaseTotals {
  persons: number;
  damage: string;
  recovered: string;
  transferred: number;
}

export async function listCases(db: Kysely<DB>, auth: AuthContext, query: CorruptionCaseListQuery) {
  const { rows, total, totals } = await listRegister<
    Selectable<AcCorruptionCaseTable> & { persons: number },
    CaseTotals
  >(db, auth, query, {
    ...caseSpec(query),
    columns: sql`${personCount} as persons`,
    totals: sql`coalesce(sum(${personCount}), 0)::int as persons, coalesce(sum(r.damage_money), 0)::text as damage,
        coalesce(sum(r.recovered_money), 0)::text as recovered, count(r.transferred_on)::int as transferred`,
  });
  return {
    items: rows.map((r) => ({
      id: r.id,
      agencyId: r.agency_id,
      agencyName: r.agency_name,
      name: r.name,
      concernedName: r.concerned_name,
      handlingBody: r.handling_body,
      detectedOn: r.detected_on,
      channel: r.channel,
      persons: Number(r.persons),
      damageMoney: Number(r.damage_money),
      recoveredMoney: Number(r.recovered_money),
      transferredOn: r.transferred_on,
      transferredTo: r.transferred_to,
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
    totals: {
      cases: total,
      persons: Number(totals.persons),
      damageMoney: Number(totals.damage),
      recoveredMoney: Number(totals.recovered),
      transferredCases: Number(totals.transferred),
    },
  };
}

/** The 02/PCTN list as a workbook: every case the filter selects (no paging), with its persons. */
export async function exportCases(db: Kysely<DB>, auth: AuthContext, actor: Actor, query: CorruptionCaseListQuery) {
  await assertAgencyInScope(db, auth, "anticorruption.read", auth.agencyId);
  const { rows } = await listRegister<Selectable<AcCorruptionCaseTable>>(db, auth, query, caseSpec(query, true), {
    paged: false,
  });
  const persons = rows.length
    ? await db
        .selectFrom("ac_corruption_person")
        .selectAll()
        .where(
          "case_id",
          "in",
          rows.map((r) => r.id),
        )
        .orderBy("case_id")
        .orderBy("position")
        .execute()
    : [];
  const byCase = new Map<string, typeof persons>();
  for (const p of persons) byCase.set(p.case_id, [...(byCase.get(p.case_id) ?? []), p]);
  const agency = await db.selectFrom("agency").select("name").where("id", "=", auth.agencyId).executeTakeFirstOrThrow();
  const period =
    query.from || query.to
      ? `Phát hiện ${query.from ? `từ ngày ${formatVietnameseDate(query.from)}` : ""}${query.from && query.to ? " " : ""}${query.to ? `đến ngày ${formatVietnameseDate(query.to)}` : ""}`
      : "Tất cả vụ việc đã ghi nhận";
  const bytes = await tableWorkbook({
    sheetName: "02-PCTN",
    agencyName: agency.name,
    title: "DANH SÁCH VỤ VIỆC THAM NHŨNG ĐƯỢC PHÁT HIỆN",
    subtitle: period,
    columns: [
      { header: "STT", width: 6 },
      { header: "Tên vụ việc", width: 36 },
      { header: "Cơ quan, đơn vị xảy ra vụ việc", width: 28 },
      { header: "Cơ quan thụ lý, xử lý", width: 24 },
      { header: "Ngày phát hiện", width: 13 },
      { header: "Nguồn phát hiện", width: 24 },
      { header: "Người có hành vi tham nhũng, hình thức xử lý", width: 40 },
      { header: "Thiệt hại (đồng)", width: 18 },
      { header: "Đã thu hồi (đồng)", width: 18 },
      { header: "Chuyển cơ quan điều tra", width: 28 },
      { header: "Tóm tắt nội dung, ghi chú", width: 40 },
    ],
    rows: rows.map((r, i) => [
      i + 1,
      r.name,
      r.concerned_name,
      r.handling_body,
      formatVietnameseDate(r.detected_on),
      CASE_CHANNEL_LABELS[r.channel],
      (byCase.get(r.id) ?? [])
        .map(
          (p) =>
            `${p.full_name}${p.job_title ? ` (${p.job_title})` : ""}: ${PERSON_HANDLING_LABELS[p.handling]}${p.discipline_form ? ` — ${p.discipline_form}` : ""}`,
        )
        .join("\n"),
      formatDong(Number(r.damage_money)).replace(/ đồng$/, ""),
      formatDong(Number(r.recovered_money)).replace(/ đồng$/, ""),
      r.transferred_on ? `${formatVietnameseDate(r.transferred_on)}, ${r.transferred_to ?? ""}` : "",
      [r.summary, r.note].filter(Boolean).join("\n"),
    ]),
  });
  await db.transaction().execute((trx) =>
    recordAudit(trx, actor, {
      action: "anticorruption.cases.exported",
      entityType: "ac_corruption_case",
      summary: { rows: rows.length, from: query.from ?? null, to: query.to ?? null },
    }),
  );
  return { fileName: "Danh sách vụ việc tham nhũng.xlsx", bytes };
}
