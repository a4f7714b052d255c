/**
 * The portal's satisfaction survey (issue 20): answers from a petitioner with a receipt code once
 * their matter is handled (once per petition) and from visitors of an agency's reception, stored
 * per agency and date with no identity, and counted per agency and period for the back office
 * and the periodic reports.
 */
import { randomUUID } from "node:crypto";
import { FINAL_STATES, todayInVietnam, type CaseState, type PetitionState } from "@minhbach/domain";
import type { SurveyCommentsView, SurveyCountsView } from "@minhbach/domain/api/routes/portal";
import { countSurvey, SURVEY_PETITION_STATES, type SurveyAnswer } from "@minhbach/domain/portal/index";
import { proposePublicText } from "@minhbach/domain/portal/publication";
import type { Kysely, Transaction } from "kysely";
import type { DB } from "../../db/schema.ts";
import { assertAgencyInScope, type AuthContext } from "../../platform/access.ts";
import { recordAudit, type Actor } from "../../platform/audit.ts";
import { fail } from "../../platform/errors.ts";
import { SEALED } from "../../platform/sealed-columns.ts";
import { keyRing } from "../../platform/vault.ts";
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
      // The comment may name the answerer or an officer: sealed, bound to the answer (0045).
      comment: null,
      comment_sealed: answer.comment ? keyRing().seal(answer.comment, SEALED.surveyComment.context(id)) : null,
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

/** At most this many comments are shown for one period (the newest). */
export const SURVEY_COMMENTS_LIMIT = 500;

/**
 * The comments left with the answers of an agency in a period, for its officers (report.read,
 * agency scope): opened from their seal and shown with every phone, e-mail and identity number
 * masked by its shape — a comment is the citizen's own words, not a record of the person. The
 * read is audited (who, which agency and period, how many), never the comments themselves.
 */
export async function surveyComments(
  db: Kysely<DB>,
  auth: AuthContext,
  actor: Actor,
  query: { agencyId: string; from: string; to: string },
): Promise<SurveyCommentsView> {
  if (query.from > query.to) fail("VALIDATION_FAILED", "to", "Đến ngày: phải cùng hoặc sau Từ ngày.");
  const agency = await db.selectFrom("agency").select("id").where("id", "=", query.agencyId).executeTakeFirst();
  if (!agency) fail("AGENCY_NOT_FOUND", "agencyId");
  await assertAgencyInScope(db, auth, "report.read", agency.id, "agencyId");
  const rows = await db
    .selectFrom("portal_survey_answer")
    .select(["id", "answered_on", "source", "rating", "comment_sealed"])
    .where("agency_id", "=", agency.id)
    .where("answered_on", ">=", query.from)
    .where("answered_on", "<=", query.to)
    .where("comment_sealed", "is not", null)
    .orderBy("answered_on", "desc")
    .orderBy("created_at", "desc")
    .limit(SURVEY_COMMENTS_LIMIT + 1)
    .execute();
  const shown = rows.slice(0, SURVEY_COMMENTS_LIMIT);
  await db.transaction().execute((trx) =>
    recordAudit(trx, actor, {
      action: "portal.survey_comments_viewed",
      entityType: "agency",
      entityId: agency.id,
      summary: { from: query.from, to: query.to, comments: shown.length },
    }),
  );
  return {
    items: shown.map((r) => ({
      id: r.id,
      answeredOn: String(r.answered_on),
      source: r.source,
      rating: Number(r.rating),
      comment: proposePublicText(keyRing().open(r.comment_sealed!, SEALED.surveyComment.context(r.id)), []),
    })),
    truncated: rows.length > SURVEY_COMMENTS_LIMIT,
  };
}

/** Seals the comments an earlier version stored in clear (at start, with the key ring loaded). */
export async function sealClearSurveyComments(db: Kysely<DB>): Promise<number> {
  const rows = await db
    .selectFrom("portal_survey_answer")
    .select(["id", "comment"])
    .where("comment", "is not", null)
    .execute();
  if (!rows.length) return 0;
  await db.transaction().execute(async (trx) => {
    for (const r of rows)
      await trx
        .updateTable("portal_survey_answer")
        .set({ comment_sealed: keyRing().seal(r.comment!, SEALED.surveyComment.context(r.id)), comment: null })
        .where("id", "=", r.id)
        .execute();
  });
  return rows.length;
}
