/**
 * Demo complaint and denunciation cases for the Department of Industry and Trade (LC.SCT), so that
 * a fresh `npm start` shows the resolution work: three complaints (just opened, being verified and
 * due within days, decided) and three denunciations (in initial processing, especially complex
 * with one extension, overdue), all assigned to the demo resolver "xacminh".
 *
 * Letters come from the domain's seeded generator; every step goes through the services the API
 * uses, with the bodies the API schemas validate and an AuthContext of the demo handler, leader and
 * resolver, so each case carries its timeline, documents, deadlines and audit events. Dates are
 * counted back from `today` onto working days and are never later than today. Each step's paper is
 * submitted to the leader and signed on the step's day, as officers do, so its number comes from the
 * register; the steps of all cases run in date order, since the register numbers in order of issue.
 */
import { addDays, toDayNumber } from "@minhbach/domain/legal-clock";
import { ELIGIBLE_ANSWERS, todayInVietnam, type CaseKind } from "@minhbach/domain";
import { caseActionBody, openCaseBody } from "@minhbach/domain/api/cases";
import { applyOutcomeBody, classifyPetitionBody, createPetitionBody } from "@minhbach/domain/api/petitions";
import { PetitionGenerator, petitionBodyOf, type GeneratedPetition } from "@minhbach/domain/generate/index";
import type { Kysely } from "kysely";
import type { DB } from "../db/schema.ts";
import { SYSTEM_ACTOR, type Actor } from "../platform/audit.ts";
import { currentCalendar } from "../modules/calendar/service.ts";
import { applyCaseAction, openCase } from "../modules/cases/service.ts";
import { issueDocument, submitDocument } from "../modules/documents/service.ts";
import { receiveMany } from "../modules/petitions/intake.ts";
import { applyOutcome, classifyPetition } from "../modules/petitions/workflow.ts";
import { authOf } from "./seed-auth.ts";

const ACTOR: Actor = { ...SYSTEM_ACTOR, name: "Dữ liệu trình diễn" };

interface DemoStep {
  /** Days before today the step is dated (moved back to a working day, never before the previous step). */
  ago: number;
  body: (on: string, receivedOn: string) => Record<string, unknown>;
}

interface DemoCase {
  kind: CaseKind;
  /** Generator seed: the same letter on every fresh install. */
  seed: number;
  receivedAgo: number;
  proposedAgo: number;
  steps: DemoStep[];
}

const TEAM = { kind: "team", name: "Phạm Thu Hằng", members: ["Đinh Văn Khoa"] } as const;

const PLAN: DemoCase[] = [
  // Complaint just opened: the 10-day acceptance clock runs (Điều 27 Luật Khiếu nại 2011).
  { kind: "complaint", seed: 501, receivedAgo: 3, proposedAgo: 1, steps: [] },
  // Complaint accepted 27 days ago, verification running: the 30-day limit ends within days.
  {
    kind: "complaint",
    seed: 502,
    receivedAgo: 33,
    proposedAgo: 31,
    steps: [
      {
        ago: 27,
        body: (on, receivedOn) => ({
          action: "accept",
          on,
          learnedOn: addDays(receivedOn, -20),
          grounds: [],
        }),
      },
      {
        ago: 24,
        body: (on) => ({
          action: "assign_verification",
          on,
          assignee: TEAM,
          plan: "Xác minh hồ sơ xử phạt, hóa đơn và chứng từ của hàng hóa bị tạm giữ.",
        }),
      },
    ],
  },
  // Complaint decided on time.
  {
    kind: "complaint",
    seed: 503,
    receivedAgo: 45,
    proposedAgo: 43,
    steps: [
      {
        ago: 40,
        body: (on, receivedOn) => ({
          action: "accept",
          on,
          learnedOn: addDays(receivedOn, -15),
          grounds: [],
        }),
      },
      {
        ago: 38,
        body: (on) => ({ action: "assign_verification", on, assignee: TEAM }),
      },
      {
        ago: 22,
        body: (on) => ({
          action: "record_verification",
          on,
          summary: "Người khiếu nại xuất trình đủ hóa đơn, chứng từ hợp lệ của toàn bộ hàng hóa bị tạm giữ.",
          differsFromDemand: false,
        }),
      },
      {
        ago: 15,
        body: (on) => ({
          action: "decide",
          date: on,
          outcome: "right",
          summary: "Khiếu nại đúng: hủy quyết định xử phạt, trả lại hàng hóa bị tạm giữ.",
          amounts: { restoredIndividuals: 1 },
        }),
      },
    ],
  },
  // Denunciation in initial processing (7 working days, Điều 24 Luật Tố cáo 2018).
  { kind: "denunciation", seed: 504, receivedAgo: 2, proposedAgo: 1, steps: [] },
  // Especially complex denunciation (two criteria of Điều 3 Nghị định 31/2019), extended once.
  {
    kind: "denunciation",
    seed: 505,
    receivedAgo: 40,
    proposedAgo: 38,
    steps: [
      {
        ago: 34,
        body: (on) => ({
          action: "accept",
          on,
          conditions: { withinCompetence: true, denouncerIdentified: true, basisToVerify: true },
        }),
      },
      { ago: 32, body: (on) => ({ action: "assign_verification", on, assignee: TEAM }) },
      {
        ago: 30,
        body: () => ({
          action: "set_complexity",
          criteria: ["a", "c"],
          note: "Phải xác minh tại nhiều cơ sở kinh doanh; nội dung liên quan đến quyền lợi của nhiều người.",
        }),
      },
      {
        ago: 8,
        body: (on) => ({
          action: "extend",
          decisionDate: on,
          reason: "Vụ việc đặc biệt phức tạp: phải xác minh tại nhiều địa điểm và trưng cầu giám định.",
        }),
      },
    ],
  },
  // Denunciation accepted 40 days ago, still being verified: past its 30 days.
  {
    kind: "denunciation",
    seed: 506,
    receivedAgo: 45,
    proposedAgo: 43,
    steps: [
      {
        ago: 40,
        body: (on) => ({
          action: "accept",
          on,
          conditions: { withinCompetence: true, denouncerIdentified: true, basisToVerify: true },
        }),
      },
      { ago: 37, body: (on) => ({ action: "assign_verification", on, assignee: TEAM }) },
    ],
  },
];

/** A letter of the wanted kind within the department's remit (fields "CT."), received on `day`. */
function letterOf(kind: CaseKind, seed: number, day: string): GeneratedPetition {
  const generator = new PetitionGenerator(seed, {
    from: day,
    to: day,
    duplicateShare: 0,
    anonymousShare: 0,
    multiSignerShare: 0,
    withinCompetenceShare: 1,
  });
  for (let i = 0; i < 5000; i++) {
    const g = generator.next();
    if (g.kind === kind && g.fieldCode.startsWith("CT.") && g.respondents.length > 0) return g;
  }
  throw new Error(`Không sinh được đơn ${kind} mẫu (seed ${seed}).`);
}

/**
 * Creates the demo cases when the database has none and the demo accounts exist; returns how
 * many were created.
 */
export async function seedDemoCases(db: Kysely<DB>, today = todayInVietnam()): Promise<number> {
  if (await db.selectFrom("resolution_case").select("id").limit(1).executeTakeFirst()) return 0;
  const agency = await db.selectFrom("agency").select("id").where("code", "=", "LC.SCT").executeTakeFirst();
  const [handler, leader, resolver] = await Promise.all(["xulydon", "lanhdao", "xacminh"].map((u) => authOf(db, u)));
  if (!agency || !handler || !leader || !resolver) return 0;
  const calendar = await currentCalendar(db);
  const workdayOnOrBefore = (date: string) => {
    let d = date;
    for (let i = 0; i < 30 && !calendar.isWorkingDay(d); i++) d = addDays(d, -1);
    return d;
  };
  const ago = (n: number) => addDays(today, -n);
  let created = 0;
  const steps: { caseId: string; on: string; receivedOn: string; step: DemoStep }[] = [];
  for (const plan of PLAN) {
    const letter = letterOf(plan.kind, plan.seed, workdayOnOrBefore(ago(plan.receivedAgo)));
    const [petition] = await receiveMany(db, ACTOR, agency.id, [createPetitionBody.parse(petitionBodyOf(letter))]);
    const receivedOn = letter.receivedOn;
    // Each step on a working day, not before the previous one (a long holiday may fold two together).
    let last = receivedOn;
    const at = (n: number) => {
      const day = workdayOnOrBefore(ago(n));
      last = toDayNumber(day) > toDayNumber(last) ? day : last;
      return last;
    };
    const row = await db
      .selectFrom("petition")
      .select("version")
      .where("id", "=", petition!.id)
      .executeTakeFirstOrThrow();
    const classified = await classifyPetition(
      db,
      handler,
      ACTOR,
      petition!.id,
      classifyPetitionBody.parse({
        version: row.version,
        kind: plan.kind,
        competence: "within",
        fieldCode: letter.fieldCode,
        ...(plan.kind === "complaint" ? { complaintAcceptable: true } : {}),
        eligibilityAnswers: ELIGIBLE_ANSWERS,
      }),
    );
    await applyOutcome(
      db,
      handler,
      ACTOR,
      petition!.id,
      applyOutcomeBody.parse({ version: classified.version, outcome: "propose_acceptance", on: at(plan.proposedAgo) }),
    );
    const kase = await openCase(
      db,
      leader,
      ACTOR,
      openCaseBody.parse({
        petitionId: petition!.id,
        ...(plan.kind === "complaint" ? { instance: 1 } : {}),
        assignees: [resolver.userId],
      }),
    );
    for (const step of plan.steps) steps.push({ caseId: kase.id, on: at(step.ago), receivedOn, step });
    created++;
  }
  // Every case's steps in date order; each paper signed on its step's day.
  steps.sort((a, b) => toDayNumber(a.on) - toDayNumber(b.on));
  for (const { caseId, on, receivedOn, step } of steps) {
    const version = (
      await db.selectFrom("resolution_case").select("version").where("id", "=", caseId).executeTakeFirstOrThrow()
    ).version;
    const body = caseActionBody.parse({ ...step.body(on, receivedOn), version });
    const kase = await applyCaseAction(db, resolver, ACTOR, caseId, body);
    for (const paper of kase.documents.filter((d) => d.status === "draft")) {
      const draft = await db
        .selectFrom("official_document")
        .select("version")
        .where("id", "=", paper.id)
        .executeTakeFirstOrThrow();
      await submitDocument(db, resolver, ACTOR, paper.id, { version: draft.version, signerId: leader.userId });
      await issueDocument(db, leader, { ...ACTOR, userId: leader.userId, name: leader.fullName }, paper.id, {
        issuedOn: on,
      });
    }
  }
  return created;
}
