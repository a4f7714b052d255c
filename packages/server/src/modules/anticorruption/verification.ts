/**
 * Verification of declarations (Luật PCTN 2018 Điều 41; Nghị định 130/2020 Điều 15–16; docs/LAW.md
 * §10.1): the yearly plan (before 31/01), the random selection by a reproducible lottery (domain:
 * drawLottery, exclusionOf) held before witnesses and recorded with its inputs, algorithm and
 * result, its minutes (.docx) and input list (.xlsx), and each verification's conclusion.
 */
import {
  drawLottery,
  exclusionOf,
  LOTTERY_ALGORITHM,
  LOTTERY_ALGORITHM_VERSION,
  MIN_PERSON_PERCENT,
  MIN_UNIT_PERCENT,
  MIN_UNIT_PERCENT_NAMED_BODY,
  sha256Hex,
  type ExclusionReason,
  type ExemptionKind,
  type LotteryCandidate,
  type LotteryResult,
  type LotteryUnit,
} from "@minhbach/domain";
import type { conclusionBody, lotteryBody, planBody } from "@minhbach/domain/api/anticorruption";
import { computeDue } from "@minhbach/domain/legal-clock";
import type { Kysely, Transaction } from "kysely";
import type { z } from "zod";
import type { DB } from "../../db/schema.ts";
import { assertAgencyInScope, type AuthContext } from "../../platform/access.ts";
import { canonicalJson, recordAudit, type Actor } from "../../platform/audit.ts";
import { fail } from "../../platform/errors.ts";
import { tableWorkbook } from "../../platform/excel.ts";
import { currentCalendar } from "../calendar/service.ts";
import { loadIssuingAgency } from "../documents/letterhead.ts";
import { renderDocument } from "../documents/render.ts";
import { composeModel } from "../documents/service.ts";
import { findTemplate } from "../documents/templates.ts";
import type { LotteryMinutesFields } from "../documents/templates-anticorruption.ts";
import { notAfterToday } from "./campaigns.ts";

type Db = Kysely<DB> | Transaction<DB>;

interface Exclusion {
  code: string;
  name: string;
  unitCode: string;
  reason: ExclusionReason;
  detail: string;
}

interface LotteryInputs {
  year: number;
  unitPercent: number;
  personPercent: number;
  units: LotteryUnit[];
  candidates: LotteryCandidate[];
  exclusions: Exclusion[];
}

export async function createPlan(db: Kysely<DB>, auth: AuthContext, actor: Actor, body: z.infer<typeof planBody>) {
  const agencyId = auth.agencyId;
  await assertAgencyInScope(db, auth, "anticorruption.write", agencyId);
  notAfterToday(body.issuedOn, "issuedOn", "Ngày ban hành kế hoạch");
  const minUnits = body.namedBody ? MIN_UNIT_PERCENT_NAMED_BODY : MIN_UNIT_PERCENT;
  if (body.unitPercent < minUnits)
    fail("AC_PLAN_RATE_TOO_LOW", "unitPercent", `Tỷ lệ đơn vị: ít nhất ${minUnits} % (Điều 41 Luật PCTN 2018).`);
  if (body.personPercent < MIN_PERSON_PERCENT)
    fail(
      "AC_PLAN_RATE_TOO_LOW",
      "personPercent",
      `Tỷ lệ người được xác minh: ít nhất ${MIN_PERSON_PERCENT} % (Điều 41 Luật PCTN 2018).`,
    );
  const existing = await db
    .selectFrom("ac_verification_plan")
    .select("id")
    .where("agency_id", "=", agencyId)
    .where("year", "=", body.year)
    .executeTakeFirst();
  if (existing) fail("AC_PLAN_EXISTS", "year");
  const id = await db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto("ac_verification_plan")
      .values({
        agency_id: agencyId,
        year: body.year,
        issued_on: body.issuedOn,
        named_body: body.namedBody,
        unit_percent: body.unitPercent,
        person_percent: body.personPercent,
        created_by: actor.userId,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: "anticorruption.plan.created",
      entityType: "ac_plan",
      entityId: row.id,
      summary: { year: body.year, on: body.issuedOn },
    });
    return row.id;
  });
  return getPlan(db, auth, id);
}

async function planInScope(db: Db, auth: AuthContext, id: string, write = false) {
  const row = await db.selectFrom("ac_verification_plan").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row) fail("AC_PLAN_NOT_FOUND");
  await assertAgencyInScope(
    db as Kysely<DB>,
    auth,
    write ? "anticorruption.write" : "anticorruption.read",
    row.agency_id,
  );
  return row;
}

export async function listPlans(db: Kysely<DB>, auth: AuthContext) {
  const rows = await db
    .selectFrom("ac_verification_plan")
    .select(["id", "year", "issued_on"])
    .where("agency_id", "=", auth.agencyId)
    .orderBy("year", "desc")
    .execute();
  return { items: rows.map((r) => ({ id: r.id, year: r.year, issuedOn: r.issued_on })) };
}

/**
 * The draw's inputs for a plan of `year` held on `on`: the annual declarants of the year before
 * (the campaign of year − 1), each eligible or excluded with the reason; the units they work in.
 */
export async function lotteryInputs(
  db: Db,
  agencyId: string,
  year: number,
  on: string,
  unitPercent: number,
  personPercent: number,
): Promise<LotteryInputs> {
  const campaign = await db
    .selectFrom("ac_campaign")
    .select("id")
    .where("agency_id", "=", agencyId)
    .where("year", "=", year - 1)
    .executeTakeFirst();
  if (!campaign) fail("AC_LOTTERY_NO_CANDIDATES");
  const [people, verified, exemptions] = await Promise.all([
    db
      .selectFrom("ac_obligation as b")
      .innerJoin("ac_official as o", "o.id", "b.official_id")
      .innerJoin("agency as u", "u.id", "o.unit_agency_id")
      .select([
        "o.id",
        "o.code",
        "o.full_name",
        "o.verified_years",
        "u.code as unit_code",
        "u.name as unit_name",
        "b.received_on",
      ])
      .where("b.campaign_id", "=", campaign.id)
      .where("b.kind", "=", "annual")
      .where("b.removed", "=", false)
      .orderBy("o.code")
      .execute(),
    db
      .selectFrom("ac_verification")
      .select(["official_id", "year"])
      .where("agency_id", "=", agencyId)
      .where("year", "<", year)
      .execute(),
    db
      .selectFrom("ac_exemption as e")
      .innerJoin("ac_official as o", "o.id", "e.official_id")
      .select(["e.official_id", "e.kind", "e.from_date", "e.to_date"])
      .where("o.agency_id", "=", agencyId)
      .execute(),
  ]);
  const verifiedBy = new Map<string, number[]>();
  for (const v of verified) verifiedBy.set(v.official_id, [...(verifiedBy.get(v.official_id) ?? []), v.year]);
  const exemptBy = new Map<string, { kind: ExemptionKind; from: string; to: string | null }[]>();
  for (const e of exemptions)
    exemptBy.set(e.official_id, [
      ...(exemptBy.get(e.official_id) ?? []),
      { kind: e.kind, from: e.from_date, to: e.to_date },
    ]);
  const units = new Map<string, LotteryUnit>();
  const candidates: LotteryCandidate[] = [];
  const exclusions: Exclusion[] = [];
  for (const p of people) {
    const out = exclusionOf(
      {
        code: p.code,
        received: p.received_on !== null,
        verifiedYears: [...(p.verified_years ?? []).map(Number), ...(verifiedBy.get(p.id) ?? [])],
        exemptions: exemptBy.get(p.id) ?? [],
      },
      year,
      on,
    );
    if (out) {
      exclusions.push({ code: p.code, name: p.full_name, unitCode: p.unit_code, ...out });
      continue;
    }
    units.set(p.unit_code, { code: p.unit_code, name: p.unit_name });
    candidates.push({ code: p.code, name: p.full_name, unitCode: p.unit_code });
  }
  return {
    year,
    unitPercent,
    personPercent,
    units: [...units.values()].sort((a, b) => (a.code < b.code ? -1 : 1)),
    candidates,
    exclusions,
  };
}

/** The digest the minutes print: SHA-256 of the canonical JSON of the units and candidates. */
export function inputsDigest(inputs: Pick<LotteryInputs, "units" | "candidates">): string {
  return sha256Hex(canonicalJson({ units: inputs.units, candidates: inputs.candidates }));
}

export async function runLottery(
  db: Kysely<DB>,
  auth: AuthContext,
  actor: Actor,
  id: string,
  body: z.infer<typeof lotteryBody>,
) {
  const plan = await planInScope(db, auth, id, true);
  notAfterToday(body.heldOn, "heldOn", "Ngày bốc thăm");
  if (body.heldOn < plan.issued_on)
    fail("VALIDATION_FAILED", "heldOn", "Ngày bốc thăm: không được trước ngày ban hành kế hoạch.");
  const done = await db.selectFrom("ac_lottery").select("id").where("plan_id", "=", id).executeTakeFirst();
  if (done) fail("AC_LOTTERY_DONE");
  const inputs = await lotteryInputs(
    db,
    plan.agency_id,
    plan.year,
    body.heldOn,
    Number(plan.unit_percent),
    Number(plan.person_percent),
  );
  const result = drawLottery({ seed: body.seed, ...inputs });
  const byCode = new Map(
    (
      await db
        .selectFrom("ac_official")
        .select(["id", "code"])
        .where("agency_id", "=", plan.agency_id)
        .where(
          "code",
          "in",
          result.persons
            .filter((p) => p.selected)
            .map((p) => p.code)
            .concat([""]),
        )
        .execute()
    ).map((r) => [r.code, r.id]),
  );
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("ac_lottery")
      .values({
        plan_id: id,
        agency_id: plan.agency_id,
        seed: body.seed,
        held_on: body.heldOn,
        place: body.place,
        witnesses: JSON.stringify(body.witnesses),
        algorithm: LOTTERY_ALGORITHM_VERSION,
        inputs: JSON.stringify(inputs),
        inputs_sha256: inputsDigest(inputs),
        result: JSON.stringify(result),
        created_by: actor.userId,
      })
      .execute();
    const selected = result.persons.filter((p) => p.selected);
    for (let i = 0; i < selected.length; i += 1000) {
      await trx
        .insertInto("ac_verification")
        .values(
          selected.slice(i, i + 1000).map((p) => ({
            plan_id: id,
            agency_id: plan.agency_id,
            official_id: byCode.get(p.code)!,
            year: plan.year,
            ground: "lottery" as const,
          })),
        )
        .execute();
    }
    await recordAudit(trx, actor, {
      action: "anticorruption.lottery.drawn",
      entityType: "ac_plan",
      entityId: id,
      summary: {
        year: plan.year,
        on: body.heldOn,
        units: result.selectedUnits,
        rows: result.selectedPersons,
        sha256: inputsDigest(inputs),
      },
    });
  });
  return getPlan(db, auth, id);
}

async function lotteryOf(db: Db, planId: string) {
  const row = await db.selectFrom("ac_lottery").selectAll().where("plan_id", "=", planId).executeTakeFirst();
  if (!row) return null;
  const inputs = row.inputs as LotteryInputs;
  const result = row.result as LotteryResult;
  return {
    id: row.id,
    seed: row.seed,
    heldOn: row.held_on,
    place: row.place,
    witnesses: row.witnesses as { fullName: string; organisation: string }[],
    algorithm: row.algorithm,
    algorithmText: LOTTERY_ALGORITHM,
    inputsSha256: row.inputs_sha256,
    units: result.units,
    persons: result.persons.filter((p) => p.selected),
    exclusions: inputs.exclusions,
    selectedUnits: result.selectedUnits,
    selectedPersons: result.selectedPersons,
    documentId: null,
    inputs,
    result,
  };
}

export async function getPlan(db: Kysely<DB>, auth: AuthContext, id: string) {
  const plan = await planInScope(db, auth, id);
  const lottery = await lotteryOf(db, id);
  const verifications = await db
    .selectFrom("ac_verification as v")
    .innerJoin("ac_official as o", "o.id", "v.official_id")
    .innerJoin("agency as u", "u.id", "o.unit_agency_id")
    .select([
      "v.id",
      "v.official_id",
      "o.code",
      "o.full_name",
      "u.name as unit_name",
      "v.ground",
      "v.conclusion",
      "v.concluded_on",
      "v.handling",
      "v.version",
    ])
    .where("v.plan_id", "=", id)
    .orderBy("u.name")
    .orderBy("o.full_name")
    .execute();
  const calendar = await currentCalendar(db);
  const planDue = computeDue({ rule: "asset.verification.plan", from: `${plan.year}-01-01` }, { calendar });
  const selectionDue = computeDue({ rule: "asset.verification.selection", from: plan.issued_on }, { calendar });
  let lotteryOut = null;
  if (lottery) {
    const { inputs: _inputs, result: _result, ...shown } = lottery;
    lotteryOut = shown;
  }
  return {
    id: plan.id,
    agencyId: plan.agency_id,
    year: plan.year,
    issuedOn: plan.issued_on,
    late: plan.issued_on > planDue,
    namedBody: plan.named_body,
    unitPercent: Number(plan.unit_percent),
    personPercent: Number(plan.person_percent),
    selectionDue,
    lottery: lotteryOut,
    verifications: verifications.map((v) => ({
      id: v.id,
      officialId: v.official_id,
      officialCode: v.code,
      fullName: v.full_name,
      unitName: v.unit_name,
      ground: v.ground,
      conclusion: v.conclusion,
      concludedOn: v.concluded_on,
      handling: v.handling,
      version: v.version,
    })),
    version: plan.version,
  };
}

export async function concludeVerification(
  db: Kysely<DB>,
  auth: AuthContext,
  actor: Actor,
  id: string,
  body: z.infer<typeof conclusionBody>,
) {
  const row = await db.selectFrom("ac_verification").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row) fail("AC_VERIFICATION_NOT_FOUND");
  await assertAgencyInScope(db, auth, "anticorruption.write", row.agency_id);
  notAfterToday(body.concludedOn, "concludedOn", "Ngày kết luận");
  if (body.conclusion === "dishonest" && !body.handling) fail("AC_HANDLING_REQUIRED", "handling");
  await db.transaction().execute(async (trx) => {
    const done = await trx
      .updateTable("ac_verification")
      .set({
        conclusion: body.conclusion,
        concluded_on: body.concludedOn,
        handling: body.handling ?? null,
        version: row.version + 1,
        updated_at: new Date(),
      })
      .where("id", "=", id)
      .where("version", "=", body.version)
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) fail("VERSION_CONFLICT", "version");
    await recordAudit(trx, actor, {
      action: "anticorruption.verification.concluded",
      entityType: "ac_verification",
      entityId: id,
      summary: { year: row.year, status: body.conclusion, on: body.concludedOn },
    });
  });
  if (!row.plan_id) fail("AC_PLAN_NOT_FOUND");
  return getPlan(db, auth, row.plan_id);
}

export async function lotteryMinutes(db: Kysely<DB>, auth: AuthContext, actor: Actor, id: string) {
  const plan = await planInScope(db, auth, id);
  const lottery = await lotteryOf(db, id);
  if (!lottery) fail("AC_LOTTERY_NOT_DONE");
  const fields: LotteryMinutesFields = {
    year: plan.year,
    heldOn: lottery.heldOn,
    place: lottery.place,
    seed: lottery.seed,
    unitPercent: Number(plan.unit_percent),
    personPercent: Number(plan.person_percent),
    witnesses: lottery.witnesses,
    inputsSha256: lottery.inputsSha256,
    candidates: lottery.inputs.candidates.length,
    exclusions: lottery.exclusions.map((e) => ({ code: e.code, name: e.name, detail: e.detail })),
    units: lottery.units.map((u) => ({
      code: u.code,
      name: u.name,
      hash: u.hash,
      selected: u.selected,
      toSelect: u.toSelect,
    })),
    persons: lottery.persons.map((p) => ({ code: p.code, name: p.name, unitCode: p.unitCode, hash: p.hash })),
    chair: auth.fullName,
  };
  const template = findTemplate("PCTN-BB-BT")!;
  const agency = await loadIssuingAgency(db, plan.agency_id);
  const model = composeModel(template.build(fields, agency), agency, template.series, { draftYear: plan.year });
  // The minutes are signed on paper at the session: the file is the text to print, not a draft.
  model.draft = false;
  const bytes = await renderDocument(model);
  await db.transaction().execute((trx) =>
    recordAudit(trx, actor, {
      action: "anticorruption.minutes.downloaded",
      entityType: "ac_plan",
      entityId: id,
      summary: { year: plan.year },
    }),
  );
  return { bytes, fileName: `Bien-ban-boc-tham-${plan.year}.docx` };
}

/** The full input list with every digest, so that anyone can re-run the draw. */
export async function lotteryInputsFile(db: Kysely<DB>, auth: AuthContext, id: string) {
  const plan = await planInScope(db, auth, id);
  const lottery = await lotteryOf(db, id);
  if (!lottery) fail("AC_LOTTERY_NOT_DONE");
  const ranked = new Map(lottery.result.persons.map((p) => [p.code, p]));
  const rows = lottery.inputs.candidates.map((c, i) => {
    const drawn = ranked.get(c.code);
    return [
      i + 1,
      c.code,
      c.name,
      c.unitCode,
      drawn?.hash ?? "",
      drawn ? (drawn.selected ? "Được chọn" : "") : "Đơn vị không được chọn",
    ];
  });
  const bytes = await tableWorkbook({
    sheetName: "Đầu vào",
    agencyName: (await loadIssuingAgency(db, plan.agency_id)).name,
    title: `DANH SÁCH ĐẦU VÀO BỐC THĂM XÁC MINH TÀI SẢN, THU NHẬP NĂM ${plan.year}`,
    subtitle: `Mã số ngẫu nhiên: ${lottery.seed}; SHA-256 đầu vào: ${lottery.inputsSha256}`,
    columns: [
      { header: "STT", width: 6 },
      { header: "Mã người kê khai", width: 18 },
      { header: "Họ và tên", width: 28 },
      { header: "Mã đơn vị", width: 16 },
      { header: "H = SHA-256(mã số|NG|mã người)", width: 70 },
      { header: "Kết quả", width: 22 },
    ],
    rows,
  });
  return { bytes, fileName: `Dau-vao-boc-tham-${plan.year}.xlsx` };
}
