/**
 * Findings per subject and the conclusion's recommendations (issue 17): written by the team
 * leader while the conclusion is not signed, each write one step of the kit (version, timeline,
 * audit). A sanction's payment may be recorded after signing by an inspector of the agency.
 */
import { recommendationProblem } from "@minhbach/domain";
import type { z } from "zod";
import type {
  recommendationBody,
  sanctionBody,
  sanctionPaidBody,
  violationBody,
} from "@minhbach/domain/api/inspections";
import type { Kysely, Transaction } from "kysely";
import type { DB } from "../../../db/schema.ts";
import type { AuthContext } from "../../../platform/access.ts";
import type { Actor } from "../../../platform/audit.ts";
import { fail } from "../../../platform/errors.ts";
import { draftSanction } from "./documents.ts";
import { findingsStep } from "./service.ts";

async function assertSubjectOf(trx: Transaction<DB>, inspectionId: string, subjectId: string, field = "subjectId") {
  const row = await trx
    .selectFrom("inspection_target")
    .select("subject_id")
    .where("inspection_id", "=", inspectionId)
    .where("subject_id", "=", subjectId)
    .executeTakeFirst();
  if (!row)
    fail(
      "INSPECTION_SUBJECT_INVALID",
      field,
      "Đối tượng này không thuộc cuộc thanh tra (chọn trong danh sách đối tượng).",
    );
}

export async function addViolation(
  db: Kysely<DB>,
  auth: AuthContext,
  actor: Actor,
  id: string,
  body: z.infer<typeof violationBody>,
) {
  return findingsStep(
    db,
    auth,
    actor,
    id,
    body.version,
    "violation_added",
    async (trx, row) => {
      await assertSubjectOf(trx, row.id, body.subjectId);
      return trx
        .insertInto("inspection_violation")
        .values({
          inspection_id: row.id,
          subject_id: body.subjectId,
          kind: body.kind,
          description: body.description,
          money: body.money,
          land_m2: body.landM2,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
    },
    (w) => ({ violationId: w.id, kind: body.kind, money: body.money, landM2: body.landM2 }),
  );
}

export async function removeViolation(
  db: Kysely<DB>,
  auth: AuthContext,
  actor: Actor,
  id: string,
  itemId: string,
  version: number,
) {
  return findingsStep(
    db,
    auth,
    actor,
    id,
    version,
    "violation_removed",
    async (trx, row) => {
      const gone = await trx
        .deleteFrom("inspection_violation")
        .where("id", "=", itemId)
        .where("inspection_id", "=", row.id)
        .returning(["id", "money"])
        .executeTakeFirst();
      if (!gone) fail("NOT_FOUND", "itemId", "Không tìm thấy vi phạm.");
      return gone;
    },
    (w) => ({ violationId: w.id, money: Number(w.money) }),
  );
}

/**
 * An administrative sanction decision. By default it is drafted (TTr-XP) for the competent person
 * to sign and kept pending in the record's facts: it becomes a sanction (a row the reports count)
 * when the paper is issued, with the register's number and date (`sanctionPaperIssued`). Only a
 * decision signed on paper (`issuedOutside`) is recorded at once with its typed number and date.
 */
export async function addSanction(
  db: Kysely<DB>,
  auth: AuthContext,
  actor: Actor,
  id: string,
  body: z.infer<typeof sanctionBody>,
) {
  if (body.issuedOutside === true) return addIssuedSanction(db, auth, actor, id, body);
  if (body.number) fail("NUMBER_FROM_REGISTER", "number");
  if (body.issuedOn)
    fail(
      "NUMBER_FROM_REGISTER",
      "issuedOn",
      "Ngày quyết định xử phạt là ngày người có thẩm quyền ký ban hành trong hệ thống; chỉ nhập khi quyết định đã ban hành ngoài hệ thống.",
    );
  if (body.paid || body.paidOn)
    fail(
      "VALIDATION_FAILED",
      "paidOn",
      "Quyết định xử phạt chưa ban hành: ghi nhận nộp phạt sau khi quyết định được ký.",
    );
  const need = (value: string | undefined, field: string, label: string) => {
    if (!value) fail("VALIDATION_FAILED", field, `Nhập ${label} để lập dự thảo quyết định xử phạt.`);
    return value;
  };
  const violation = need(body.violation, "violation", "hành vi vi phạm hành chính");
  const rule = need(body.rule, "rule", "quy định bị vi phạm (điểm, khoản, điều)");
  const sanctionDecree = need(body.sanctionDecree, "sanctionDecree", "nghị định quy định xử phạt");
  const recordNumber = need(body.recordNumber, "recordNumber", "số biên bản vi phạm hành chính");
  const recordDate = need(body.recordDate, "recordDate", "ngày lập biên bản vi phạm hành chính");
  return findingsStep(
    db,
    auth,
    actor,
    id,
    body.version,
    "sanction_drafted",
    async (trx, row, next) => {
      await assertSubjectOf(trx, row.id, body.subjectId);
      const documentId = await draftSanction(trx, actor, row, {
        subjectId: body.subjectId,
        targetKind: body.targetKind,
        targetName: body.targetName,
        fine: body.fine,
        additionalMeasures: body.additionalMeasures ?? null,
        violation,
        rule,
        sanctionDecree,
        record: { number: recordNumber, date: recordDate },
      });
      next.pendingSanctions = [
        ...(next.pendingSanctions ?? []),
        {
          documentId,
          subjectId: body.subjectId,
          targetKind: body.targetKind,
          targetName: body.targetName,
          fine: body.fine,
          additionalMeasures: body.additionalMeasures ?? null,
        },
      ];
      return { documentId };
    },
    (w) => ({ documentId: w.documentId, fine: body.fine }),
    { writesFacts: true },
  );
}

/** A sanction decision signed on paper: recorded at once with its typed number and date. */
async function addIssuedSanction(
  db: Kysely<DB>,
  auth: AuthContext,
  actor: Actor,
  id: string,
  body: z.infer<typeof sanctionBody>,
) {
  if (!body.number)
    fail("VALIDATION_FAILED", "number", "Nhập số của quyết định xử phạt đã ban hành ngoài hệ thống (ký trên giấy).");
  if (!body.issuedOn)
    fail(
      "VALIDATION_FAILED",
      "issuedOn",
      "Nhập ngày của quyết định xử phạt đã ban hành ngoài hệ thống (ký trên giấy).",
    );
  const { number, issuedOn } = body;
  if (body.paid && !body.paidOn) fail("VALIDATION_FAILED", "paidOn", "Đã nộp phạt: nhập ngày nộp phạt.");
  if (body.paidOn && body.paidOn < issuedOn)
    fail("VALIDATION_FAILED", "paidOn", "Ngày nộp phạt không được trước ngày quyết định xử phạt.");
  return findingsStep(
    db,
    auth,
    actor,
    id,
    body.version,
    "sanction_added",
    async (trx, row) => {
      await assertSubjectOf(trx, row.id, body.subjectId);
      return trx
        .insertInto("inspection_sanction")
        .values({
          inspection_id: row.id,
          subject_id: body.subjectId,
          number,
          issued_on: issuedOn,
          target_kind: body.targetKind,
          target_name: body.targetName,
          fine: body.fine,
          additional_measures: body.additionalMeasures ?? null,
          paid: body.paid || !!body.paidOn,
          paid_on: body.paidOn ?? null,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
    },
    (w) => ({ sanctionId: w.id, number, fine: body.fine, issuedOutside: true }),
  );
}

export async function markSanctionPaid(
  db: Kysely<DB>,
  auth: AuthContext,
  actor: Actor,
  id: string,
  itemId: string,
  body: z.infer<typeof sanctionPaidBody>,
) {
  return findingsStep(
    db,
    auth,
    actor,
    id,
    body.version,
    "sanction_paid",
    async (trx, row) => {
      const s = await trx
        .selectFrom("inspection_sanction")
        .select(["id", "issued_on", "paid"])
        .where("id", "=", itemId)
        .where("inspection_id", "=", row.id)
        .executeTakeFirst();
      if (!s) fail("NOT_FOUND", "itemId", "Không tìm thấy quyết định xử phạt.");
      if (s.paid) fail("VALIDATION_FAILED", "paidOn", "Quyết định xử phạt này đã được ghi nhận nộp phạt.");
      if (body.paidOn < s.issued_on)
        fail("VALIDATION_FAILED", "paidOn", "Ngày nộp phạt không được trước ngày quyết định xử phạt.");
      await trx
        .updateTable("inspection_sanction")
        .set({ paid: true, paid_on: body.paidOn })
        .where("id", "=", s.id)
        .execute();
      return s;
    },
    (w) => ({ sanctionId: w.id, paidOn: body.paidOn }),
    { afterSigning: true },
  );
}

export async function addRecommendation(
  db: Kysely<DB>,
  auth: AuthContext,
  actor: Actor,
  id: string,
  body: z.infer<typeof recommendationBody>,
) {
  const problem = recommendationProblem(body);
  if (problem) fail("VALIDATION_FAILED", problem.field, problem.message);
  // Only the fields of its type are kept (a land recommendation carries no money …).
  const money = body.type === "recover_money" || body.type === "other_economic";
  return findingsStep(
    db,
    auth,
    actor,
    id,
    body.version,
    "recommendation_added",
    async (trx, row) => {
      if (body.subjectId) await assertSubjectOf(trx, row.id, body.subjectId);
      const last = await trx
        .selectFrom("inspection_recommendation")
        .select((eb) => eb.fn.max("position").as("p"))
        .where("inspection_id", "=", row.id)
        .executeTakeFirst();
      return trx
        .insertInto("inspection_recommendation")
        .values({
          inspection_id: row.id,
          agency_id: row.agency_id,
          subject_id: body.subjectId ?? null,
          position: Number(last?.p ?? 0) + 1,
          type: body.type,
          content: body.content,
          amount: money ? body.amount : 0,
          land_m2: body.type === "recover_land" ? body.landM2 : 0,
          collectives: body.type === "discipline" ? body.collectives : 0,
          individuals: body.type === "discipline" || body.type === "investigation" ? body.individuals : 0,
          persons: JSON.stringify(body.type === "discipline" || body.type === "investigation" ? body.persons : []),
          matters: body.type === "investigation" ? body.matters : 0,
          responsible_unit: body.responsibleUnit,
          due_on: body.dueOn ?? null,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
    },
    (w) => ({ recommendationId: w.id, type: body.type, amount: money ? body.amount : 0 }),
  );
}

export async function removeRecommendation(
  db: Kysely<DB>,
  auth: AuthContext,
  actor: Actor,
  id: string,
  itemId: string,
  version: number,
) {
  return findingsStep(
    db,
    auth,
    actor,
    id,
    version,
    "recommendation_removed",
    async (trx, row) => {
      const gone = await trx
        .deleteFrom("inspection_recommendation")
        .where("id", "=", itemId)
        .where("inspection_id", "=", row.id)
        .returning(["id", "type"])
        .executeTakeFirst();
      if (!gone) fail("RECOMMENDATION_NOT_FOUND", "itemId");
      return gone;
    },
    (w) => ({ recommendationId: w.id, type: w.type }),
  );
}
