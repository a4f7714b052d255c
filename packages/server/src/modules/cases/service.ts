/**
 * Complaint and denunciation cases (giải quyết khiếu nại, tố cáo): opened from a petition proposed
 * for acceptance, worked by the people assigned to them, each step checked by the domain's case
 * rules (caseTransition), stored with its timeline event, its official document draft, its
 * tracked deadline and its audit event in one transaction. The denouncer's identity is not here:
 * it stays sealed with the petition's writers and has its own audited route (identity.ts).
 */
import {
  allowedCaseActions,
  CASE_ACTIONS,
  CASE_STATES,
  caseDeadlines,
  caseMainDue,
  caseTransition,
  FINAL_STATES,
  normalizeForMatch,
  openCase as openCaseFacts,
  timelineActionLabel,
  todayInVietnam,
  type CaseActionInput,
  type CaseFacts,
  type CaseState,
  type OpenCaseInput,
} from "@minhbach/domain";
import type { CaseActionBody, CaseListQuery, OpenCaseBody } from "@minhbach/domain/api/cases";
import { addDays, computeDeadline } from "@minhbach/domain/legal-clock";
import { sql, type Kysely, type Transaction } from "kysely";
import type { DB } from "../../db/schema.ts";
import { assertAgencyInScope, can, inScope, scopeOf, type AuthContext } from "../../platform/access.ts";
import { recordAudit, type Actor } from "../../platform/audit.ts";
import { fail } from "../../platform/errors.ts";
import { readTimeline, runStep, writeEvent, type Procedure } from "../../platform/procedure.ts";
import { throwProblems } from "../../platform/problems.ts";
import { currentCalendar, listDueStatus, trackDeadline } from "../calendar/service.ts";
import { createDraft } from "../documents/service.ts";
import { handOverToCase } from "../petitions/workflow.ts";
import { excerptOf, publicTexts } from "../identity/masks.ts";
import { readParties, readRespondents } from "../identity/parties.ts";
import { caseDocumentFields } from "./documents.ts";
import { assertPapersIssued } from "./papers.ts";
import { writeCaseFigures } from "./figures.ts";
import { identityAccess, isAssigned } from "../identity/access.ts";
import { maskDeep, protectedRecord } from "../identity/protected-records.ts";
import { originalFacts, sealCaseTexts } from "./at-rest.ts";

type CaseRow = Awaited<ReturnType<typeof loadCase>>;

async function loadCase(db: Kysely<DB> | Transaction<DB>, id: string) {
  const row = await db.selectFrom("resolution_case").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row) fail("CASE_NOT_FOUND");
  return row;
}

/** The facts as typed (opened when sealed): what the rules and the papers read. */
function factsOf(row: CaseRow): CaseFacts {
  return originalFacts(row);
}

/** A case as a procedure of the kit (platform/procedure.ts). */
const CASE: Procedure<"resolution_case", CaseRow, CaseFacts> = {
  table: "resolution_case",
  entityType: "case",
  timeline: "case",
  load: loadCase,
  syncDeadlines: (trx, row, facts) => syncDeadlines(trx, row.id, row.agency_id, row.code, facts),
  writeFigures: (trx, row, facts) => writeCaseFigures(trx, { id: row.id, agency_id: row.agency_id, facts }),
};

async function context(db: Kysely<DB> | Transaction<DB>, today = todayInVietnam()) {
  return { calendar: await currentCalendar(db), today };
}

// ---- Opening --------------------------------------------------------------------------------

/** Users who may be assigned: active, of the case's agency, holding a role with case.write. */
async function checkAssignees(db: Kysely<DB> | Transaction<DB>, agencyId: string, ids: readonly string[]) {
  if (!ids.length) return;
  const rows = await db
    .selectFrom("app_user")
    .select(["id", "roles", "agency_id", "disabled"])
    .where("id", "in", [...ids])
    .execute();
  for (const [i, id] of ids.entries()) {
    const user = rows.find((r) => r.id === id);
    const roles = (user?.roles ?? []) as string[];
    if (!user || user.agency_id !== agencyId || user.disabled || !roles.includes("resolver"))
      fail("CASE_ASSIGNEE_INVALID", `assignees.${i}`);
  }
}

export async function openCase(db: Kysely<DB>, auth: AuthContext, actor: Actor, body: OpenCaseBody) {
  const petition = await db.selectFrom("petition").selectAll().where("id", "=", body.petitionId).executeTakeFirst();
  if (!petition) fail("NOT_FOUND", "petitionId", "Không tìm thấy đơn.");
  // A leader opens and assigns; a resolver may open a case and take it.
  const permission = can(auth, "case.assign") ? "case.assign" : "case.write";
  await assertAgencyInScope(db, auth, permission, petition.agency_id, "petitionId");
  const existing = await db
    .selectFrom("resolution_case")
    .select("id")
    .where("petition_id", "=", petition.id)
    .executeTakeFirst();
  if (existing) fail("CASE_EXISTS", "petitionId");
  if (petition.state !== "PROPOSED_FOR_ACCEPTANCE") fail("CASE_PETITION_NOT_READY", "petitionId");
  if (petition.kind !== "complaint" && petition.kind !== "denunciation")
    fail(
      "CASE_PETITION_NOT_READY",
      "petitionId",
      "Chỉ đơn đã phân loại là khiếu nại hoặc tố cáo mới mở vụ việc giải quyết.",
    );
  const { petitionId: _petitionId, assignees: requested, ...rest } = body;
  const assignees = requested?.length ? requested : can(auth, "case.write") ? [auth.userId] : [];
  if (!assignees.length) fail("CASE_ASSIGNEE_INVALID", "assignees", "Chọn người được giao giải quyết vụ việc.");
  await checkAssignees(db, petition.agency_id, assignees);

  // The earlier case a second instance or a repeated denunciation refers to, when it is here.
  const linked = { firstCaseId: rest.firstInstance?.caseId ?? null, repeatedOfId: rest.repeatedOf ?? null };
  for (const [key, value] of [
    ["firstInstance.caseId", linked.firstCaseId],
    ["repeatedOf", linked.repeatedOfId],
  ] as const) {
    if (!value) continue;
    const other = await db
      .selectFrom("resolution_case")
      .select(["agency_id"])
      .where("id", "=", value)
      .executeTakeFirst();
    if (!other) fail("CASE_NOT_FOUND", key);
    await assertAgencyInScope(db, auth, "case.read", other.agency_id, key);
  }

  const ctx = await context(db);
  const opened = openCaseFacts(
    { ...rest, kind: petition.kind, receivedOn: petition.received_on } as OpenCaseInput,
    ctx,
  );
  throwProblems(opened.problems);
  const facts = opened.facts!;
  const respondents = await readRespondents(db, petition.id);
  const prefix = petition.kind === "complaint" ? "KN" : "TC";
  const code = `${prefix}-${petition.code}`;
  // The title lists show: a denunciation's with the denouncer's data masked.
  const title = excerptOf(
    publicTexts(
      { summary: petition.summary, content: petition.content },
      petition.kind,
      petition.kind === "denunciation" ? (await readParties(db, petition.id)).petitioners : [],
    ),
  );
  const main = caseMainDue(facts, ctx.calendar);
  const id = await db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto("resolution_case")
      .values({
        agency_id: petition.agency_id,
        petition_id: petition.id,
        matter_id: petition.matter_id,
        code,
        kind: petition.kind as "complaint" | "denunciation",
        instance: facts.instance,
        state: facts.state,
        facts: JSON.stringify(facts),
        received_on: petition.received_on,
        accepted_on: facts.acceptedOn,
        due_on: main?.due ?? null,
        due_rule: main?.ruleId ?? null,
        outcome: facts.outcome,
        holder_id: assignees[0]!,
        first_case_id: linked.firstCaseId,
        repeated_of_id: linked.repeatedOfId,
        title,
        respondent_display: respondents.map((r) => r.name).join("; "),
        search_text: normalizeForMatch([code, respondents.map((r) => r.name).join(" "), title].join(" \u2022 ")),
        created_by: actor.userId,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    // A denunciation's facts: masked in clear, the original sealed (at-rest.ts).
    await sealCaseTexts(trx, row.id);
    await trx
      .insertInto("case_assignment")
      .values(
        assignees.map((userId, i) => ({
          case_id: row.id,
          user_id: userId,
          role: i === 0 ? ("lead" as const) : ("member" as const),
          assigned_by: actor.userId,
        })),
      )
      .execute();
    await handOverToCase(trx, actor, petition.id, code);
    await syncDeadlines(trx, row.id, petition.agency_id, code, facts);
    await writeCaseFigures(trx, { id: row.id, agency_id: petition.agency_id, facts });
    await writeEvent(trx, "case", row.id, actor, {
      action: "opened",
      to: facts.state,
      data: { petition: petition.code, assignees },
    });
    await recordAudit(trx, actor, {
      action: "case.opened",
      entityType: "case",
      entityId: row.id,
      summary: { code, kind: petition.kind, petition: petition.code, assignees },
    });
    return row.id;
  });
  return getCase(db, auth, id);
}

// ---- Reading --------------------------------------------------------------------------------

async function syncDeadlines(trx: Transaction<DB>, caseId: string, agencyId: string, code: string, facts: CaseFacts) {
  const all = caseDeadlines(facts);
  const open = all.filter((d) => d.open);
  await trx
    .updateTable("tracked_deadline")
    .set({ open: false, updated_at: new Date() })
    .where("entity_type", "=", "case")
    .where("entity_id", "=", caseId)
    .where("rule_id", "not in", open.length ? open.map((d) => d.ruleId) : [""])
    .execute();
  for (const d of open) {
    await trackDeadline(trx, {
      agencyId,
      entityType: "case",
      entityId: caseId,
      label: `Vụ việc ${code}: ${d.label}`,
      input: d.input,
    });
  }
}

export async function getCase(db: Kysely<DB>, auth: AuthContext, id: string, today = todayInVietnam()) {
  const row = await loadCase(db, id);
  await assertAgencyInScope(db, auth, "case.read", row.agency_id);
  const facts = factsOf(row);
  const petition = await db
    .selectFrom("petition")
    .select(["id", "code", "kind", "agency_id", "received_on", "channel", "summary", "content", "petitioner_display"])
    .where("id", "=", row.petition_id)
    .executeTakeFirstOrThrow();
  // Those who may see the identity read the texts as typed (opened from their seals), everyone
  // else the masked copies kept in clear.
  const identity = await identityAccess(db, auth, petition);
  const [events, assignments, documents, deadlines, respondents, requests] = await Promise.all([
    readTimeline(db, "case", id, identity.canView),
    db
      .selectFrom("case_assignment as ca")
      .innerJoin("app_user as u", "u.id", "ca.user_id")
      .select(["ca.user_id", "ca.role", "ca.assigned_at", "u.full_name"])
      .where("ca.case_id", "=", id)
      .orderBy("ca.role")
      .orderBy("u.full_name")
      .execute(),
    db
      .selectFrom("official_document")
      .select(["id", "form_code", "title", "status", "symbol", "issued_on"])
      .where("entity_type", "=", "case")
      .where("entity_id", "=", id)
      .orderBy("created_at")
      .execute(),
    db
      .selectFrom("tracked_deadline")
      .select(["rule_id", "label", "due", "open", "input"])
      .where("entity_type", "=", "case")
      .where("entity_id", "=", id)
      .execute(),
    readRespondents(db, petition.id),
    db
      .selectFrom("identity_request as r")
      .innerJoin("app_user as u", "u.id", "r.requested_by")
      .select(["r.id", "r.status", "r.reason", "r.created_at", "r.decided_at", "r.expires_at", "u.full_name"])
      .where("r.case_id", "=", id)
      .orderBy("r.created_at", "desc")
      .execute(),
  ]);
  const ctx = await context(db, today);
  const assigned = assignments.some((a) => a.user_id === auth.userId);
  const mayAct = assigned && can(auth, "case.write");
  const main = caseMainDue(facts, ctx.calendar);
  const mainDeadline = main ? computeDeadline(main.input, { calendar: ctx.calendar, today }) : null;
  const approver = can(auth, "case.approve_reveal");
  // What the resolvers typed (a verification note, the findings, a reason) may quote the denouncer:
  // those who may not see the identity read the case's texts with the writers' personal data
  // masked, as they read its papers (identity/protected-records.ts).
  const record = identity.protected && !identity.canView ? await protectedRecord(db, "case", id) : null;
  const shown = <T>(value: T): T => (record ? maskDeep(value, record.redact) : value);
  return {
    id: row.id,
    code: row.code,
    agencyId: row.agency_id,
    kind: row.kind,
    instance: row.instance,
    state: row.state,
    stateLabel: CASE_STATES[row.state as CaseState] ?? row.state,
    receivedOn: row.received_on,
    acceptedOn: row.accepted_on,
    dueOn: row.due_on,
    outcome: row.outcome,
    title: shown(row.title),
    respondents: respondents.map((r) => ({ name: r.name, address: r.address ?? null })),
    // Lists and details show the petition's display name: masked for a denunciation.
    petitioner: petition.petitioner_display,
    petition: { id: petition.id, code: petition.code, receivedOn: petition.received_on, channel: petition.channel },
    firstCaseId: row.first_case_id,
    repeatedOfId: row.repeated_of_id,
    facts: (record ? shown(row.facts) : facts) as unknown as Record<string, unknown>,
    assignments: assignments.map((a) => ({ userId: a.user_id, name: a.full_name, role: a.role })),
    holder: assignments.find((a) => a.role === "lead")?.full_name ?? null,
    events: events.map((e) => ({
      at: e.at,
      actorName: e.actorName,
      action: e.action,
      actionLabel: timelineActionLabel(e.action),
      fromState: e.fromState,
      toState: e.toState,
      data: shown(e.data) as Record<string, unknown>,
      documentId: e.documentId,
    })),
    documents: documents.map((d) => ({
      id: d.id,
      formCode: d.form_code,
      title: d.title,
      status: d.status,
      symbol: d.symbol,
      issuedOn: d.issued_on,
    })),
    deadlines: deadlines.map((d) => ({ ruleId: d.rule_id, label: d.label, due: d.due, open: d.open, input: d.input })),
    mainDeadline,
    identity: {
      protected: identity.protected,
      canView: identity.canView,
      canRequest: identity.canRequest,
      pendingRequestId: identity.pendingRequestId,
      caseId: identity.caseId,
    },
    // Who asked to see the identity is visible to the assigned people and to approvers; the
    // reasons are theirs to read, the identity never appears here.
    identityRequests:
      assigned || approver
        ? requests.map((r) => ({
            id: r.id,
            requester: r.full_name,
            reason: r.reason,
            status: r.status,
            at: new Date(r.created_at).toISOString(),
            decidedAt: r.decided_at ? new Date(r.decided_at).toISOString() : null,
            expiresAt: r.expires_at ? new Date(r.expires_at).toISOString() : null,
          }))
        : [],
    assigned,
    allowedActions: mayAct
      ? allowedCaseActions(facts, ctx).map((a) => ({
          action: a,
          label: CASE_ACTIONS[a].label,
          basis: CASE_ACTIONS[a].basis,
        }))
      : [],
    canAssign: scopeOf(auth, "case.assign") !== null,
    version: row.version,
  };
}

// ---- Lists and the leader's dashboard -------------------------------------------------------

const SORTS = { due_on: "c.due_on", accepted_on: "c.accepted_on", received_on: "c.received_on" } as const;

export async function listCases(db: Kysely<DB>, auth: AuthContext, query: CaseListQuery, today = todayInVietnam()) {
  let q = db.selectFrom("resolution_case as c").where(inScope(auth, "case.read", "c.agency_id"));
  if (query.kind) q = q.where("c.kind", "=", query.kind);
  if (query.state?.length) q = q.where("c.state", "in", query.state);
  if (query.instance) q = q.where("c.instance", "=", query.instance);
  if (query.overdue) q = q.where("c.due_on", "<", today);
  if (query.dueWithinDays !== undefined)
    q = q.where("c.due_on", ">=", today).where("c.due_on", "<=", addDays(today, query.dueWithinDays));
  if (query.assignedToMe)
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom("case_assignment as ca")
          .select("ca.case_id")
          .whereRef("ca.case_id", "=", "c.id")
          .where("ca.user_id", "=", auth.userId),
      ),
    );
  if (query.holderId) q = q.where("c.holder_id", "=", query.holderId);
  if (query.awaitingSignature) q = q.where(awaitingSignature());
  if (query.q) {
    const needle = normalizeForMatch(query.q);
    if (needle) q = q.where("c.search_text", "like", `%${needle}%`);
  }
  const counted = await q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  const column = SORTS[query.sort];
  const rows = await q
    .innerJoin("petition as p", "p.id", "c.petition_id")
    .leftJoin("app_user as h", "h.id", "c.holder_id")
    .select([
      "c.id",
      "c.code",
      "c.kind",
      "c.instance",
      "c.state",
      "c.received_on",
      "c.accepted_on",
      "c.due_on",
      "c.outcome",
      "c.title",
      "c.respondent_display",
      "c.agency_id",
      "c.version",
      "p.petitioner_display",
      "h.full_name as holder_name",
    ])
    .orderBy(column, (ob) => (query.order === "asc" ? ob.asc().nullsLast() : ob.desc().nullsLast()))
    .orderBy("c.id")
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  const calendar = await currentCalendar(db);
  return {
    items: rows.map((r) => ({
      id: r.id,
      code: r.code,
      kind: r.kind,
      instance: r.instance,
      state: r.state,
      stateLabel: CASE_STATES[r.state as CaseState] ?? r.state,
      receivedOn: r.received_on,
      acceptedOn: r.accepted_on,
      dueOn: r.due_on,
      dueStatus: r.due_on ? listDueStatus(r.due_on, today, calendar) : null,
      outcome: r.outcome,
      title: r.title,
      respondent: r.respondent_display,
      petitioner: r.petitioner_display,
      holder: r.holder_name,
      agencyId: r.agency_id,
      version: r.version,
    })),
    total: Number(counted.n),
    page: query.page,
    pageSize: query.pageSize,
  };
}

function awaitingSignature() {
  return sql<boolean>`exists (select 1 from official_document d where d.entity_type = 'case' and d.entity_id = c.id::text and d.status = 'submitted')`;
}

/** The leader's dashboard: overdue, due soon, per resolver, awaiting signature; each opens its list. */
export async function caseDashboard(
  db: Kysely<DB>,
  auth: AuthContext,
  dueWithinDays: number,
  today = todayInVietnam(),
) {
  // Open cases: not in a final state (a suspended case is open but has no running due date).
  const base = db
    .selectFrom("resolution_case as c")
    .where(inScope(auth, "case.read", "c.agency_id"))
    .where("c.state", "not in", [...FINAL_STATES]);
  const [overdue, dueSoon, awaiting, perHolder, byKind, pending] = await Promise.all([
    base
      .where("c.due_on", "<", today)
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow(),
    base
      .where("c.due_on", ">=", today)
      .where("c.due_on", "<=", addDays(today, dueWithinDays))
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow(),
    db
      .selectFrom("resolution_case as c")
      .where(inScope(auth, "case.read", "c.agency_id"))
      .where(awaitingSignature())
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow(),
    base
      .innerJoin("app_user as u", "u.id", "c.holder_id")
      .select((eb) => [
        "u.id as user_id",
        "u.full_name",
        eb.fn.countAll<number>().as("open"),
        eb.fn.sum<number>(sql`case when c.due_on is not null and c.due_on < ${today} then 1 else 0 end`).as("overdue"),
      ])
      .groupBy(["u.id", "u.full_name"])
      .orderBy("u.full_name")
      .execute(),
    base
      .select((eb) => ["c.kind", eb.fn.countAll<number>().as("n")])
      .groupBy("c.kind")
      .execute(),
    db
      .selectFrom("identity_request as r")
      .where(inScope(auth, "case.approve_reveal", "r.agency_id"))
      .where("r.status", "=", "pending")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow(),
  ]);
  return {
    today,
    dueWithinDays,
    overdue: Number(overdue.n),
    dueSoon: Number(dueSoon.n),
    awaitingSignature: Number(awaiting.n),
    pendingIdentityRequests: Number(pending.n),
    open: byKind.reduce((s, r) => s + Number(r.n), 0),
    byKind: Object.fromEntries(byKind.map((r) => [r.kind, Number(r.n)])),
    perResolver: perHolder.map((r) => ({
      userId: r.user_id,
      name: r.full_name,
      open: Number(r.open),
      overdue: Number(r.overdue ?? 0),
    })),
  };
}

/** How long a new assignment stays on the assignee's reminders, whatever its due date. */
export const NEW_ASSIGNMENT_DAYS = 7;

/**
 * The current user's cases due within the next days, and those assigned to them in the last
 * NEW_ASSIGNMENT_DAYS days: the in-app reminders, so that a resolver learns of a new case at once,
 * not only when its due date comes near.
 */
export async function myReminders(db: Kysely<DB>, auth: AuthContext, days: number, today = todayInVietnam()) {
  const since = addDays(today, -(NEW_ASSIGNMENT_DAYS - 1));
  const assignedOn = sql<string>`to_char(ca.assigned_at at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD')`;
  const rows = await db
    .selectFrom("resolution_case as c")
    .innerJoin("case_assignment as ca", "ca.case_id", "c.id")
    .select(["c.id", "c.code", "c.kind", "c.state", "c.due_on", "c.title", assignedOn.as("assigned_on")])
    .where("ca.user_id", "=", auth.userId)
    .where("c.state", "not in", [...FINAL_STATES])
    .where((eb) =>
      eb.or([
        eb.and([eb("c.due_on", "is not", null), eb("c.due_on", "<=", addDays(today, days))]),
        eb(assignedOn, ">=", since),
      ]),
    )
    .orderBy(sql`c.due_on nulls last`)
    .limit(100)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    kind: r.kind,
    state: r.state,
    stateLabel: CASE_STATES[r.state as CaseState] ?? r.state,
    dueOn: r.due_on,
    overdue: r.due_on !== null && r.due_on < today,
    title: r.title,
    assignedOn: r.assigned_on,
    newlyAssigned: r.assigned_on >= since,
  }));
}

// ---- Working a case -------------------------------------------------------------------------

/** Only the people assigned to a case act on it (and only with case.write in its scope). */
async function assertMayAct(db: Kysely<DB>, auth: AuthContext, row: CaseRow) {
  await assertAgencyInScope(db, auth, "case.write", row.agency_id);
  if (!(await isAssigned(db, row.id, auth.userId))) fail("CASE_NOT_ASSIGNED");
}

export async function applyCaseAction(
  db: Kysely<DB>,
  auth: AuthContext,
  actor: Actor,
  id: string,
  body: CaseActionBody,
) {
  const { version, paperOverride, ...input } = body;
  let documentForm: ReturnType<typeof caseTransition>["documentForm"] = null;
  let override: Awaited<ReturnType<typeof assertPapersIssued>> = null;
  await runStep(db, actor, CASE, {
    id,
    version,
    authorize: async (row) => {
      await assertMayAct(db, auth, row);
      override = await assertPapersIssued(db, row.id, input.action, paperOverride);
    },
    transition: async (row) => {
      const result = caseTransition(factsOf(row), input as CaseActionInput, await context(db));
      throwProblems(result.problems);
      documentForm = result.documentForm;
      return result.facts!;
    },
    workFirst: true,
    work: async (trx, row, next) => {
      if (!documentForm) return null;
      const fields = await caseDocumentFields(trx, row, next, documentForm, input as CaseActionInput);
      const doc = await createDraft(trx, actor, {
        agencyId: row.agency_id,
        entityType: "case",
        entityId: row.id,
        formCode: documentForm,
        fields,
      });
      return doc.id;
    },
    changes: async (trx, _row, next) => {
      const main = caseMainDue(next, await currentCalendar(trx));
      return {
        state: next.state,
        facts: JSON.stringify(next),
        accepted_on: next.acceptedOn,
        outcome: next.outcome,
        due_on: main?.due ?? null,
        due_rule: main?.ruleId ?? null,
      };
    },
    event: (row, next, documentId) => ({
      action: input.action,
      from: row.state,
      to: next.state,
      data: { ...eventData(input), ...(override ? { paperOverride: override } : {}) },
      documentId,
    }),
    audit: (row, next, documentId) => ({
      action: `case.${input.action}`,
      summary: {
        code: row.code,
        before: { state: row.state },
        after: { state: next.state },
        documentId,
        // Went ahead of papers not yet issued: why, and which.
        ...(override ? { paperOverride: override } : {}),
      },
    }),
  });
  return getCase(db, auth, id);
}

/** What the timeline keeps of an action's input: everything but long texts (those are in the facts). */
function eventData(input: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(input)) {
    if (k === "action") continue;
    if (typeof v === "string" && v.length > 300) out[k] = `${v.slice(0, 300)}…`;
    else out[k] = v;
  }
  return out;
}

export async function setAssignments(
  db: Kysely<DB>,
  auth: AuthContext,
  actor: Actor,
  id: string,
  body: { version: number; leadId: string; memberIds: string[] },
) {
  const ids = [body.leadId, ...body.memberIds.filter((m) => m !== body.leadId)];
  let before: { user_id: string; role: "lead" | "member" }[] = [];
  await runStep(db, actor, CASE, {
    id,
    version: body.version,
    authorize: async (row) => {
      await assertAgencyInScope(db, auth, "case.assign", row.agency_id);
      await checkAssignees(db, row.agency_id, ids);
    },
    // Who held the case is what the audit trail keeps; the facts do not change.
    transition: async (row) => {
      before = await db.selectFrom("case_assignment").select(["user_id", "role"]).where("case_id", "=", id).execute();
      return factsOf(row);
    },
    changes: () => ({ holder_id: body.leadId }),
    work: async (trx) => {
      await trx.deleteFrom("case_assignment").where("case_id", "=", id).execute();
      await trx
        .insertInto("case_assignment")
        .values(
          ids.map((userId, i) => ({
            case_id: id,
            user_id: userId,
            role: i === 0 ? ("lead" as const) : ("member" as const),
            assigned_by: actor.userId,
          })),
        )
        .execute();
    },
    deadlines: false,
    event: (row) => ({
      action: "assigned",
      from: row.state,
      to: row.state,
      data: { lead: body.leadId, members: ids.slice(1) },
    }),
    audit: (row) => ({ action: "case.assigned", summary: { code: row.code, before, after: ids } }),
  });
  return getCase(db, auth, id);
}
