/**
 * Enforcement of a case's decision (tổ chức thi hành; docs/LAW.md §5.6, issue 19 05/KQTH): one
 * record per case whose complaint decision or denunciation handling decision was issued, its steps
 * in order, each checked by the domain (cases/enforcement.ts) and written with its audit event in
 * one transaction. Who may write: a resolver assigned to the case, or an enforcement officer of the
 * case's agency (`case.enforce` in scope); anyone who may read the case reads it, with the typed texts
 * masked like the case's own when the reader may not see a denouncer's identity.
 */
import {
  checkEnforcementPlan,
  checkEnforcementStep,
  enforcedDecision,
  enforcementDone,
  enforcementOutstanding,
  enforcementState,
  ENFORCEMENT_STATE_LABELS,
  ENFORCEMENT_STEP_LABELS,
  todayInVietnam,
  type EnforcementItems,
  type EnforcementStep,
} from "@minhbach/domain";
import type {
  EnforcementPlanBody,
  EnforcementStepBody,
  EnforcementUpdateBody,
  EnforcementView,
} from "@minhbach/domain/api/case-enforcement";
import type { Kysely, Transaction } from "kysely";
import type { DB } from "../../db/schema.ts";
import { assertAgencyInScope, can, scopeOf, type AuthContext } from "../../platform/access.ts";
import { recordAudit, type Actor } from "../../platform/audit.ts";
import { fail } from "../../platform/errors.ts";
import { identityAccess, isAssigned } from "../identity/access.ts";
import { maskDeep, protectedRecord } from "../identity/protected-records.ts";
import { originalFacts } from "./at-rest.ts";

type Db = Kysely<DB> | Transaction<DB>;

async function loadCase(db: Db, id: string) {
  const row = await db
    .selectFrom("resolution_case")
    .select(["id", "code", "kind", "agency_id", "petition_id", "facts", "facts_sealed"])
    .where("id", "=", id)
    .executeTakeFirst();
  if (!row) fail("CASE_NOT_FOUND");
  return row;
}
type CaseRow = Awaited<ReturnType<typeof loadCase>>;

/** An assigned resolver, or an enforcement officer whose scope holds the case's agency. */
async function mayWrite(db: Db, auth: AuthContext, row: CaseRow): Promise<boolean> {
  if (!can(auth, "case.enforce")) return false;
  const officer = auth.roles.includes("enforcement_officer");
  if (officer) {
    if (row.agency_id === auth.agencyId) return true;
    if (scopeOf(auth, "case.enforce") !== "subtree") return false;
    const inside = await db
      .selectFrom("agency")
      .select("id")
      .where("id", "=", row.agency_id)
      .where("path", "like", auth.agencyPath + "%")
      .executeTakeFirst();
    if (inside) return true;
  }
  return can(auth, "case.write") && (await isAssigned(db as Kysely<DB>, row.id, auth.userId));
}

function toItems(r: {
  money_to_state: number | string;
  money_to_others: number | string;
  land_to_state: number | string;
  land_to_others: number | string;
}): Pick<EnforcementItems, "moneyToState" | "moneyToOthers" | "landToState" | "landToOthers"> {
  return {
    moneyToState: Number(r.money_to_state),
    moneyToOthers: Number(r.money_to_others),
    landToState: Number(r.land_to_state),
    landToOthers: Number(r.land_to_others),
  };
}

async function loadRecord(db: Db, caseId: string) {
  const record = await db.selectFrom("case_enforcement").selectAll().where("case_id", "=", caseId).executeTakeFirst();
  if (!record) return null;
  const steps = await db
    .selectFrom("case_enforcement_step as s")
    .leftJoin("app_user as u", "u.id", "s.created_by")
    .selectAll("s")
    .select("u.full_name")
    .where("s.enforcement_id", "=", record.id)
    .orderBy("s.seq")
    .execute();
  const due: EnforcementItems = {
    ...toItems(record),
    discipline: record.persons_to_discipline,
    investigationMatters: record.matters_to_transfer,
    investigationPersons: record.persons_to_transfer,
    rightsRestored: record.rights_to_restore,
  };
  const stepList = steps.map((s) => ({
    seq: s.seq,
    kind: s.kind,
    on: s.on_date,
    evidence: s.evidence,
    createdBy: s.full_name,
    ...toItems(s),
    discipline: s.persons_disciplined,
    investigationMatters: s.matters_transferred,
    investigationPersons: s.persons_transferred,
    rightsRestored: s.rights_restored,
  }));
  return { record, due, steps: stepList };
}

export async function getEnforcement(db: Kysely<DB>, auth: AuthContext, caseId: string): Promise<EnforcementView> {
  const row = await loadCase(db, caseId);
  await assertAgencyInScope(db, auth, "case.read", row.agency_id);
  const decision = enforcedDecision(originalFacts(row));
  const loaded = await loadRecord(db, caseId);
  const view: EnforcementView = {
    caseId: row.id,
    caseCode: row.code,
    kind: row.kind,
    decision,
    canWrite: decision !== null && (await mayWrite(db, auth, row)),
    record: loaded && {
      id: loaded.record.id,
      responsible: loaded.record.responsible,
      dueOn: loaded.record.due_on,
      note: loaded.record.note,
      state: loaded.record.state,
      stateLabel: ENFORCEMENT_STATE_LABELS[loaded.record.state],
      startedOn: loaded.record.started_on,
      doneOn: loaded.record.done_on,
      version: loaded.record.version,
      due: loaded.due,
      done: enforcementDone(loaded.steps),
      outstanding: enforcementOutstanding(loaded.due, loaded.steps),
      steps: loaded.steps.map((s) => ({
        seq: s.seq,
        kind: s.kind,
        kindLabel: ENFORCEMENT_STEP_LABELS[s.kind],
        onDate: s.on,
        evidence: s.evidence,
        createdBy: s.createdBy,
        moneyToState: s.moneyToState,
        moneyToOthers: s.moneyToOthers,
        landToState: s.landToState,
        landToOthers: s.landToOthers,
        discipline: s.discipline,
        investigationMatters: s.investigationMatters,
        investigationPersons: s.investigationPersons,
        rightsRestored: s.rightsRestored,
      })),
    },
  };
  if (!view.record || row.kind !== "denunciation") return view;
  // What the officers typed (who must act, the evidence) may quote the denouncer: masked for
  // those who may not see the identity, as the case's own texts are (cases/service.ts getCase).
  const petition = await db
    .selectFrom("petition")
    .select(["id", "code", "kind", "agency_id", "received_on", "channel", "summary", "content", "petitioner_display"])
    .where("id", "=", row.petition_id)
    .executeTakeFirstOrThrow();
  const identity = await identityAccess(db, auth, petition);
  if (identity.canView) return view;
  const protectedCase = await protectedRecord(db, "case", row.id);
  if (!protectedCase) return view;
  return { ...view, record: maskDeep(view.record, protectedCase.redact) };
}

function planValues(body: EnforcementPlanBody) {
  return {
    responsible: body.responsible,
    due_on: body.dueOn ?? null,
    note: body.note ?? null,
    money_to_state: body.moneyToState,
    money_to_others: body.moneyToOthers,
    land_to_state: body.landToState,
    land_to_others: body.landToOthers,
    persons_to_discipline: body.discipline,
    matters_to_transfer: body.investigationMatters,
    persons_to_transfer: body.investigationPersons,
    rights_to_restore: body.rightsRestored,
  };
}

const itemsOf = (body: EnforcementItems): EnforcementItems => ({
  moneyToState: body.moneyToState,
  moneyToOthers: body.moneyToOthers,
  landToState: body.landToState,
  landToOthers: body.landToOthers,
  discipline: body.discipline,
  investigationMatters: body.investigationMatters,
  investigationPersons: body.investigationPersons,
  rightsRestored: body.rightsRestored,
});

/** The case, its decision and the write permission, or the error that names why not. */
async function writableCase(db: Db, auth: AuthContext, caseId: string) {
  const row = await loadCase(db, caseId);
  await assertAgencyInScope(db as Kysely<DB>, auth, "case.read", row.agency_id);
  if (!(await mayWrite(db, auth, row))) fail("ENFORCEMENT_NOT_ALLOWED");
  const decision = enforcedDecision(originalFacts(row));
  if (!decision) fail("ENFORCEMENT_NO_DECISION");
  return { row, decision };
}

export async function createEnforcement(
  db: Kysely<DB>,
  auth: AuthContext,
  actor: Actor,
  caseId: string,
  body: EnforcementPlanBody,
): Promise<EnforcementView> {
  await db.transaction().execute(async (trx) => {
    const { row, decision } = await writableCase(trx, auth, caseId);
    const existing = await trx
      .selectFrom("case_enforcement")
      .select("id")
      .where("case_id", "=", caseId)
      .executeTakeFirst();
    if (existing) fail("ENFORCEMENT_EXISTS");
    const problem = checkEnforcementPlan({ ...itemsOf(body), dueOn: body.dueOn ?? null }, decision.on, []);
    if (problem) fail(problem.code, problem.field, problem.message);
    const created = await trx
      .insertInto("case_enforcement")
      .values({
        case_id: row.id,
        agency_id: row.agency_id,
        kind: row.kind,
        decision_number: decision.number,
        decided_on: decision.on,
        ...planValues(body),
        created_by: actor.userId,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: "case.enforcement.created",
      entityType: "case",
      entityId: row.id,
      summary: { case: row.code, enforcement: created.id, decidedOn: decision.on, due: itemsOf(body) },
    });
  });
  return getEnforcement(db, auth, caseId);
}

async function lockedRecord(trx: Transaction<DB>, caseId: string, version: number) {
  const record = await trx
    .selectFrom("case_enforcement")
    .selectAll()
    .where("case_id", "=", caseId)
    .forUpdate()
    .executeTakeFirst();
  if (!record) fail("ENFORCEMENT_NOT_FOUND");
  if (record.version !== version) fail("VERSION_CONFLICT", "version");
  return record;
}

export async function updateEnforcement(
  db: Kysely<DB>,
  auth: AuthContext,
  actor: Actor,
  caseId: string,
  body: EnforcementUpdateBody,
): Promise<EnforcementView> {
  await db.transaction().execute(async (trx) => {
    const { row } = await writableCase(trx, auth, caseId);
    const record = await lockedRecord(trx, caseId, body.version);
    const loaded = (await loadRecord(trx, caseId))!;
    const problem = checkEnforcementPlan(
      { ...itemsOf(body), dueOn: body.dueOn ?? null },
      record.decided_on,
      loaded.steps,
    );
    if (problem) fail(problem.code, problem.field, problem.message);
    await trx
      .updateTable("case_enforcement")
      .set({ ...planValues(body), version: record.version + 1, updated_at: new Date() })
      .where("id", "=", record.id)
      .execute();
    await recordAudit(trx, actor, {
      action: "case.enforcement.updated",
      entityType: "case",
      entityId: row.id,
      summary: { case: row.code, before: loaded.due, after: itemsOf(body), dueOn: body.dueOn ?? null },
    });
  });
  return getEnforcement(db, auth, caseId);
}

export async function recordEnforcementStep(
  db: Kysely<DB>,
  auth: AuthContext,
  actor: Actor,
  caseId: string,
  body: EnforcementStepBody,
  today = todayInVietnam(),
): Promise<EnforcementView> {
  await db.transaction().execute(async (trx) => {
    const { row } = await writableCase(trx, auth, caseId);
    const record = await lockedRecord(trx, caseId, body.version);
    const loaded = (await loadRecord(trx, caseId))!;
    const step: EnforcementStep = {
      kind: body.kind,
      on: body.onDate,
      evidence: body.evidence ?? null,
      ...itemsOf(body),
    };
    const problem = checkEnforcementStep({ decidedOn: record.decided_on, due: loaded.due }, loaded.steps, step, today);
    if (problem) fail(problem.code, problem.field, problem.message);
    await trx
      .insertInto("case_enforcement_step")
      .values({
        enforcement_id: record.id,
        agency_id: record.agency_id,
        seq: loaded.steps.length + 1,
        kind: body.kind,
        on_date: body.onDate,
        money_to_state: body.moneyToState,
        money_to_others: body.moneyToOthers,
        land_to_state: body.landToState,
        land_to_others: body.landToOthers,
        persons_disciplined: body.discipline,
        matters_transferred: body.investigationMatters,
        persons_transferred: body.investigationPersons,
        rights_restored: body.rightsRestored,
        evidence: body.evidence ?? null,
        created_by: actor.userId,
      })
      .execute();
    const state = enforcementState([...loaded.steps, step]);
    await trx
      .updateTable("case_enforcement")
      .set({
        state,
        started_on: record.started_on ?? body.onDate,
        done_on: state === "done" ? body.onDate : null,
        version: record.version + 1,
        updated_at: new Date(),
      })
      .where("id", "=", record.id)
      .execute();
    await recordAudit(trx, actor, {
      action: "case.enforcement.step",
      entityType: "case",
      entityId: row.id,
      summary: { case: row.code, kind: body.kind, onDate: body.onDate, done: itemsOf(body), state },
    });
  });
  return getEnforcement(db, auth, caseId);
}
