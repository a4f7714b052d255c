/**
 * The portal's satisfaction survey (issue 20): answers from a petitioner with a receipt code once
 * their matter is handled (once per petition) and from visitors of an agency's reception, stored
 * per agency and date with no identity, and counted per agency and period for the back office
 * and the periodic reports.
 */
import { randomUUID } from "node:crypto";
import { FINAL_STATES, todayInVietnam, type CaseState, type PetitionState } from "@minhbach/domain";
import type { SurveyCountsView } from "@minhbach/domain/api/routes/portal";
import { countSurvey, SURVEY_PETITION_STATES, type SurveyAnswer } from "@minhbach/domain/portal/index";
import type { Kysely, Transaction } from "kysely";
import type { DB } from "../../db/schema.ts";
import { assertAgencyInScope, type AuthContext } from "../../platform/access.ts";
import { recordAudit } from "../../platform/audit.ts";
import { fail } from "../../platform/errors.ts";
import { citizenActor } from "./service.ts";

/** Where the survey stands for a petition's code holder. */
export type PetitionSurvey = "not_yet" | "offered" | "answered";

/** Whether a petition's handling is over (its own state, or its case's final state). */
async function handled(db: Kysely<DB>, petitionId: string, state: string): Promise<boolean> {
  if (SURVEY_PETITION_STATES.includes(state as PetitionState)) return true;
  const kase = await db
    .selectFrom("resolution_case")
    .select("state")
    .where("petition_id", "=", petitionId)
    .executeTakeFirst();
  return kase ? FINAL_STATES.includes(kase.state as CaseState) : false;
}

export async function petitionSurvey(db: Kysely<DB>, petitionId: string): Promise<PetitionSurvey> {
  const answered = await db
    .selectFrom("portal_survey_answer")
    .select("id")
    .where("petition_id", "=", petitionId)
    .executeTakeFirst();
  if (answered) return "answered";
  const p = await db.selectFrom("petition").select("state").where("id", "=", petitionId).executeTakeFirstOrThrow();
  return (await handled(db, petitionId, p.state)) ? "offered" : "not_yet";
}

/** The petitioner's answer (the code was checked by the caller): once, and only when handled. */
export async function answerForPetition(
  db: Kysely<DB>,
  petitionId: string,
  answer: SurveyAnswer,
  clientIp: string,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const p = await trx
      .selectFrom("petition")
      .select(["id", "agency_id", "state"])
      .where("id", "=", petitionId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (!(await handled(trx, p.id, p.state)))
      fail(
        "VALIDATION_FAILED",
        "rating",
        "Mức độ hài lòng: đơn chưa được xử lý xong, phiếu khảo sát mở khi cơ quan kết thúc xử lý đơn.",
      );
    const done = await trx
      .selectFrom("portal_survey_answer")
      .select("id")
      .where("petition_id", "=", p.id)
      .executeTakeFirst();
    if (done)
      fail("VALIDATION_FAILED", "rating", "Mức độ hài lòng: bạn đã gửi đánh giá cho đơn này (mỗi đơn một lần).");
    await insertAnswer(trx, p.agency_id, "petition", p.id, answer, clientIp);
  });
}

/** A visitor's answer about an agency's reception; the agency is given by its code. */
export async function answerForReception(
  db: Kysely<DB>,
  agencyId: string,
  answer: SurveyAnswer,
  clientIp: string,
): Promise<void> {
  await db.transaction().execute((trx) => insertAnswer(trx, agencyId, "reception", null, answer, clientIp));
}

async function insertAnswer(
  trx: Transaction<DB>,
  agencyId: string,
  source: "petition" | "reception",
  petitionId: string | null,
  answer: SurveyAnswer,
  clientIp: string,
): Promise<void> {
  const id = randomUUID();
  await trx
    .insertInto("portal_survey_answer")
    .values({
      id,
      agency_id: agencyId,
      answered_on: todayInVietnam(),
      source,
      petition_id: petitionId,
      rating: answer.rating,
      comment: answer.comment,
    })
    .execute();
  // The audit trail keeps the address (as for every portal posting), never the rating's author.
  await recordAudit(trx, citizenActor(agencyId, clientIp), {
    action: "portal.survey_answered",
    entityType: "portal_survey_answer",
    entityId: id,
    summary: { source },
  });
}

/** The agency a visitor's survey page names by its code (e.g. LC.SCT), if it exists today. */
export async function surveyAgency(db: Kysely<DB>, code: string): Promise<{ id: string; name: string } | null> {
  if (!code || code.length > 40) return null;
  const today = todayInVietnam();
  const row = await db
    .selectFrom("agency")
    .select(["id", "name"])
    .where("code", "=", code)
    .where("valid_from", "<=", today)
    .where((eb) => eb.or([eb("valid_to", "is", null), eb("valid_to", ">=", today)]))
    .executeTakeFirst();
  return row ?? null;
}

/** The agencies a visitor may rate (those in existence today, not the units inside a department). */
export async function surveyAgencies(db: Kysely<DB>): Promise<{ code: string; name: string }[]> {
  const today = todayInVietnam();
  return db
    .selectFrom("agency")
    .select(["code", "name"])
    .where("valid_from", "<=", today)
    .where((eb) => eb.or([eb("valid_to", "is", null), eb("valid_to", ">=", today)]))
    .where("kind", "<>", "department_unit")
    .orderBy("path")
    .execute();
}

/** The counts for one agency and period (dates of the answers, inclusive). */
export async function surveyCounts(
  db: Kysely<DB>,
  auth: AuthContext,
  query: { agencyId: string; from: string; to: string },
): Promise<SurveyCountsView> {
  if (query.from > query.to) fail("VALIDATION_FAILED", "to", "Đến ngày: phải cùng hoặc sau Từ ngày.");
  const agency = await db
    .selectFrom("agency")
    .select(["id", "name"])
    .where("id", "=", query.agencyId)
    .executeTakeFirst();
  if (!agency) fail("AGENCY_NOT_FOUND", "agencyId");
  await assertAgencyInScope(db, auth, "report.read", agency.id, "agencyId");
  const rows = await db
    .selectFrom("portal_survey_answer")
    .select(["rating", "source"])
    .where("agency_id", "=", agency.id)
    .where("answered_on", ">=", query.from)
    .where("answered_on", "<=", query.to)
    .execute();
  const counts = countSurvey(rows.map((r) => Number(r.rating)));
  return {
    agencyId: agency.id,
    agencyName: agency.name,
    from: query.from,
    to: query.to,
    ...counts,
    fromPetitioners: rows.filter((r) => r.source === "petition").length,
    fromVisitors: rows.filter((r) => r.source === "reception").length,
  };
}
