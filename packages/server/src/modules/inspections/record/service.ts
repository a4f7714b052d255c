/**
 * One inspection or specialised check from its decision to its conclusion (issue 17; docs/LAW.md
 * §8): proposed by an inspector, decided by a leader of the agency (team, conflicts of interest,
 * the ad hoc overlap rule of Chỉ thị 20/CT-TTg), then each step on the procedure kit
 * (platform/procedure.ts): permission first, the domain's rule (inspection-machine.ts), the row,
 * its tracked deadlines, its timeline event and its audit event in one transaction.
 */
import {
  AD_HOC_TRIGGER_LABELS,
  allowedInspectionActions,
  AWAITING_LABELS,
  awaitingPaper,
  checkInspectionStep,
  signedStepOf,
  SIGNED_STEP_FORMS,
  type SignedStep,
  BODY_LEVEL_LABELS,
  bodyLevelOf,
  DomainError,
  durationsFrom,
  findingsEditable,
  followUpStatus,
  FOLLOW_UP_STATUS_LABELS,
  formatMillions,
  INSPECTION_DURATIONS_KEY,
  INSPECTION_KIND_LABELS,
  INSPECTION_STEPS,
  inspectionDues,
  inspectionStateLabel,
  inspectionTransition,
  levelRuleOverrides,
  needsViolationSign,
  normalizeForMatch,
  OVERLAP_KIND_LABELS,
  proposedFacts,
  RECOMMENDATION_TYPE_LABELS,
  REINSPECTION_GROUND_LABELS,
  STEP_ACTOR_LABELS,
  timelineActionLabel,
  todayInVietnam,
  VIOLATION_KIND_LABELS,
  type BodyLevel,
  type InspectionAction,
  type InspectionDurations,
  type InspectionFacts,
  type InspectionKind,
  type InspectionStepInput,
  type LevelDurations,
  type RecommendationType,
  type ViolationKind,
} from "@minhbach/domain";
import {
  computeDeadline,
  configureRules,
  DEFAULT_RULES,
  explanationLines,
  type RuleSet,
} from "@minhbach/domain/deadlines/index";
import type {
  CreateInspectionBody,
  DecideInspectionBody,
  InspectionListQuery,
  InspectionOverlapCheckBody,
  InspectionStepBody,
} from "@minhbach/domain/api/inspections";
import { sql, type Kysely, type Transaction } from "kysely";
import type { DB } from "../../../db/schema.ts";
import { assertAgencyInScope, inScope, scopeOf, type AuthContext } from "../../../platform/access.ts";
import { recordAudit, type Actor } from "../../../platform/audit.ts";
import { fail } from "../../../platform/errors.ts";
import { bumpVersion, readTimeline, runStep, writeEvent, type Procedure } from "../../../platform/procedure.ts";
import {
  allowCancel,
  onDraftCancelled,
  onPaperIssued,
  type CancelledPaper,
  type IssuedPaper,
} from "../../documents/service.ts";
import { registerAttachmentOwner } from "../../attachments/service.ts";
import { protectedRecord } from "../../identity/protected-records.ts";
import { currentCalendar, trackDeadline } from "../../calendar/service.ts";
import { findOverlaps, writeOccurrences, type OverlapView } from "../overlaps.ts";
import { assertActor, isDecider } from "./access.ts";
import { maskerFor, originalRow, readerOf, sealInsertedTexts, storedTexts, type InspectionTexts } from "./at-rest.ts";
import {
  draftAnnouncement,
  draftConclusion,
  draftDecision,
  draftDirective,
  draftExtension,
  draftPublication,
} from "./documents.ts";

type Db = Kysely<DB> | Transaction<DB>;

export type InspectionRow = Awaited<ReturnType<typeof loadInspection>>;

export async function loadInspection(db: Db, id: string, lock = false) {
  let q = db.selectFrom("inspection").selectAll().where("id", "=", id);
  if (lock) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) fail("INSPECTION_NOT_FOUND", "id");
  // A case-triggered inspection's texts as typed (at-rest.ts): the steps and papers read these.
  return originalRow(row);
}

function textsOf(row: InspectionTexts): InspectionTexts {
  return {
    title: row.title,
    content: row.content,
    trigger_note: row.trigger_note,
    violation_sign: row.violation_sign,
  };
}

/** The text columns after a change of the ground: masked and sealed again for a protected row. */
async function changedTexts(db: Db, row: InspectionRow, change: Partial<InspectionTexts>) {
  const mask = await maskerFor(db, row.trigger_case_id);
  const texts = { ...textsOf(row), ...change };
  if (!mask) return change;
  const stored = storedTexts(mask, texts, row.id);
  return {
    ...Object.fromEntries(Object.keys(change).map((k) => [k, stored[k as keyof InspectionTexts]])),
    texts_sealed: stored.texts_sealed,
  };
}

export function factsOf(row: InspectionRow): InspectionFacts {
  return row.facts as InspectionFacts;
}

/** The configured durations per level (app_setting), over the defaults [U]. */
export async function inspectionDurations(db: Db): Promise<InspectionDurations> {
  const row = await db
    .selectFrom("app_setting")
    .select("value")
    .where("key", "=", INSPECTION_DURATIONS_KEY)
    .executeTakeFirst();
  return durationsFrom(row?.value);
}

function rulesFor(d: LevelDurations): RuleSet {
  return configureRules(DEFAULT_RULES, levelRuleOverrides(d));
}

/** An ad hoc decision for the overlap rule: ad hoc, re-inspection, a check outside any plan. */
function isAdHoc(row: Pick<InspectionRow, "kind" | "plan_item_id">): boolean {
  return row.kind !== "planned" && row.plan_item_id === null;
}

function activityOf(kind: InspectionKind): "inspection" | "check" {
  return kind === "specialised_check" ? "check" : "inspection";
}

async function subjectsOf(db: Db, inspectionId: string) {
  return db
    .selectFrom("inspection_target as t")
    .innerJoin("inspection_subject as s", "s.id", "t.subject_id")
    .select(["s.id", "s.kind", "s.name", "s.tax_code"])
    .where("t.inspection_id", "=", inspectionId)
    .orderBy("t.position")
    .execute();
}

async function overlapsOf(db: Db, row: InspectionRow): Promise<OverlapView[]> {
  const subjects = await subjectsOf(db, row.id);
  return findOverlaps(
    db,
    subjects.map((s) => ({
      subjectId: s.id,
      year: row.year,
      activity: activityOf(row.kind),
      contentField: row.content_field,
      adHoc: isAdHoc(row),
      carriesOut: row.plan_item_id,
    })),
    { source: "inspection", sourceId: row.id },
  );
}

/**
 * What a step's timeline entry keeps of its input. The announcement's minutes name the inspected
 * party's representative (a person: personal data) and their opinions: the minutes are a paper of
 * the record (the entry links it), so the timeline keeps only that they were drafted and where the
 * announcement was held. Entries written before keep their minutes; they are read through this too.
 */
function stepEventData(data: Record<string, unknown>): Record<string, unknown> {
  const { minutes, version: _version, ...rest } = data;
  if (!minutes || typeof minutes !== "object") return rest;
  const place = (minutes as { place?: unknown }).place;
  return { ...rest, minutes: { drafted: true, ...(typeof place === "string" ? { place } : {}) } };
}

// ---- Tracked deadlines ----------------------------------------------------------------------

/** The statutory due dates still to meet are tracked (a calendar change moves them). */
async function syncDeadlines(trx: Transaction<DB>, row: InspectionRow, facts: InspectionFacts) {
  const ttcp = row.body_level === "central";
  const statutory = inspectionDues(facts, { ttcp }).filter((d) => !d.configured && d.open);
  await trx
    .updateTable("tracked_deadline")
    .set({ open: false, updated_at: new Date() })
    .where("entity_type", "=", "inspection")
    .where("entity_id", "=", row.id)
    .where("rule_id", "not in", statutory.length ? statutory.map((d) => d.input.rule) : [""])
    .execute();
  for (const d of statutory)
    await trackDeadline(trx, {
      agencyId: row.agency_id,
      entityType: "inspection",
      entityId: row.id,
      label: `Cuộc thanh tra ${row.code}: ${d.label}`,
      input: d.input,
    });
}

/** The first open due date (lists, dashboard), computed with the level's configured durations. */
async function mainDue(db: Db, row: Pick<InspectionRow, "body_level">, facts: InspectionFacts) {
  const durations = (await inspectionDurations(db))[row.body_level];
  const calendar = await currentCalendar(db);
  const open = inspectionDues(facts, { ttcp: row.body_level === "central" }).filter((d) => d.open);
  if (!open.length) return { due_on: null, due_rule: null };
  const results = open.map((d) => ({
    rule: d.input.rule,
    due: computeDeadline(d.input, { calendar, rules: rulesFor(durations), explain: false }).due,
  }));
  results.sort((a, b) => (a.due < b.due ? -1 : 1));
  return { due_on: results[0]!.due, due_rule: results[0]!.rule };
}

const INSPECTION: Procedure<"inspection", InspectionRow, InspectionFacts> = {
  table: "inspection",
  entityType: "inspection",
  timeline: "inspection",
  load: loadInspection,
  syncDeadlines,
};

// ---- Proposing ------------------------------------------------------------------------------

async function nextCode(trx: Transaction<DB>, agencyId: string, year: number, kind: InspectionKind) {
  const agency = await trx.selectFrom("agency").select(["code"]).where("id", "=", agencyId).executeTakeFirstOrThrow();
  const prefix = `${kind === "specialised_check" ? "KT" : "TTr"}-${agency.code}-${year}-`;
  const last = await trx
    .selectFrom("inspection")
    .select("code")
    .where("code", "like", `${prefix}%`)
    .orderBy("code", "desc")
    .limit(1)
    .executeTakeFirst();
  const n = last ? Number(last.code.slice(prefix.length)) + 1 : 1;
  return `${prefix}${String(n).padStart(3, "0")}`;
}

/** The registry's subjects (a merged one is followed to its survivor); fails naming the item. */
async function resolveSubjects(db: Db, ids: readonly string[]) {
  const rows = await db
    .selectFrom("inspection_subject")
    .select(["id", "name", "merged_into_id"])
    .where("id", "in", [...ids])
    .execute();
  const out: { id: string; name: string }[] = [];
  for (const [i, id] of ids.entries()) {
    let row = rows.find((r) => r.id === id);
    if (!row) fail("INSPECTION_SUBJECT_INVALID", `subjectIds.${i}`);
    for (let hop = 0; row.merged_into_id && hop < 10; hop++) {
      const next = await db
        .selectFrom("inspection_subject")
        .select(["id", "name", "merged_into_id"])
        .where("id", "=", row.merged_into_id)
        .executeTakeFirst();
      if (!next) break;
      row = next;
    }
    if (!out.some((o) => o.id === row.id)) out.push({ id: row.id, name: row.name });
  }
  return out;
}

export async function createInspection(db: Kysely<DB>, auth: AuthContext, actor: Actor, body: CreateInspectionBody) {
  // An inspector proposes for their own agency.
  const agencyId = auth.agencyId;
  await assertAgencyInScope(db, auth, "inspection.write", agencyId);
  const kind = body.kind;
  if (kind === "ad_hoc") {
    if (!body.trigger)
      fail(
        "VALIDATION_FAILED",
        "trigger",
        "Thanh tra đột xuất: chọn căn cứ (dấu hiệu vi phạm, cấp trên giao, vụ việc).",
      );
    if (body.trigger === "case" && !body.triggerCaseId)
      fail("VALIDATION_FAILED", "triggerCaseId", "Chọn vụ việc khiếu nại, tố cáo làm căn cứ thanh tra đột xuất.");
    if (body.trigger === "violation_sign" && !body.violationSign && !body.triggerNote)
      fail("VALIDATION_FAILED", "violationSign", "Ghi rõ dấu hiệu vi phạm làm căn cứ thanh tra đột xuất.");
  }
  if (kind === "re_inspection") {
    if (!body.reinspectsId) fail("VALIDATION_FAILED", "reinspectsId", "Chọn cuộc thanh tra được thanh tra lại.");
    if (!body.reinspectionGround) fail("VALIDATION_FAILED", "reinspectionGround", "Chọn căn cứ thanh tra lại.");
  }
  if (kind === "planned" && !body.planItemId)
    fail("VALIDATION_FAILED", "planItemId", "Thanh tra theo kế hoạch: chọn mục của kế hoạch thanh tra năm.");
  let triggerCaseId: string | null = null;
  if (kind === "ad_hoc" && body.trigger === "case") {
    const c = await db
      .selectFrom("resolution_case")
      .select(["id", "agency_id"])
      .where("id", "=", body.triggerCaseId!)
      .executeTakeFirst();
    if (!c) fail("INSPECTION_LINK_INVALID", "triggerCaseId", "Không tìm thấy vụ việc khiếu nại, tố cáo.");
    // The ground is a case of an agency the proposer inspects for (inspection.write), or one the
    // proposer may read anyway (case.read): an inspector needs no access to every case of the
    // agency to name its own agency's case, and never names another agency's (docs/LAW.md §8.10).
    const readable = await db
      .selectFrom("resolution_case as c")
      .select("c.id")
      .where("c.id", "=", c.id)
      .where(
        sql<boolean>`(${inScope(auth, "inspection.write", "c.agency_id")} or ${inScope(auth, "case.read", "c.agency_id")})`,
      )
      .executeTakeFirst();
    if (!readable)
      fail(
        "OUT_OF_SCOPE",
        "triggerCaseId",
        "Vụ việc làm căn cứ thuộc cơ quan ngoài phạm vi bạn được xem; chọn vụ việc của cơ quan mình.",
      );
    triggerCaseId = c.id;
  }
  let reinspectsId: string | null = null;
  if (kind === "re_inspection") {
    const earlier = await db
      .selectFrom("inspection")
      .select(["id", "signed_on"])
      .where("id", "=", body.reinspectsId!)
      .executeTakeFirst();
    if (!earlier) fail("INSPECTION_LINK_INVALID", "reinspectsId", "Không tìm thấy cuộc thanh tra được thanh tra lại.");
    if (!earlier.signed_on)
      fail("INSPECTION_LINK_INVALID", "reinspectsId", "Chỉ thanh tra lại cuộc thanh tra đã có kết luận.");
    reinspectsId = earlier.id;
  }
  // The plan item carried out: of this agency's plan of the year, issued, not cancelled.
  if (body.planItemId) {
    const item = await db
      .selectFrom("inspection_plan_item as i")
      .innerJoin("inspection_plan as p", "p.id", "i.plan_id")
      .select(["i.cancelled", "p.agency_id", "p.year", "p.revision", "p.status", "i.added_in_revision"])
      .where("i.id", "=", body.planItemId)
      .executeTakeFirst();
    if (!item || item.agency_id !== agencyId)
      fail("INSPECTION_LINK_INVALID", "planItemId", "Không tìm thấy cuộc này trong kế hoạch của cơ quan.");
    if (item.year !== body.year)
      fail(
        "INSPECTION_LINK_INVALID",
        "planItemId",
        `Cuộc này thuộc kế hoạch năm ${item.year}, không phải năm ${body.year}.`,
      );
    if (item.cancelled) fail("INSPECTION_LINK_INVALID", "planItemId", "Cuộc này đã bị đưa ra khỏi kế hoạch.");
    const issuedWithItem =
      item.status === "issued" ? item.added_in_revision <= item.revision : item.added_in_revision < item.revision;
    if (!issuedWithItem) fail("INSPECTION_LINK_INVALID", "planItemId", "Cuộc này chưa có trong kế hoạch đã ban hành.");
  }
  const subjects = await resolveSubjects(db, body.subjectIds);
  const agency = await db.selectFrom("agency").select(["kind"]).where("id", "=", agencyId).executeTakeFirstOrThrow();
  const facts = proposedFacts();
  // Typed from a denunciation case's file, the texts are kept masked in clear (at-rest.ts).
  const mask = await maskerFor(db, triggerCaseId);
  const texts: InspectionTexts = {
    title: body.title,
    content: body.content,
    trigger_note: body.triggerNote ?? null,
    violation_sign: body.violationSign ?? null,
  };
  const { texts_sealed: _none, ...clear } = storedTexts(mask, texts);
  const id = await db.transaction().execute(async (trx) => {
    const code = await nextCode(trx, agencyId, body.year, kind);
    const subjectDisplay = subjects.map((s) => s.name).join("; ");
    const row = await trx
      .insertInto("inspection")
      .values({
        agency_id: agencyId,
        code,
        year: body.year,
        kind,
        trigger: kind === "ad_hoc" ? (body.trigger ?? null) : null,
        trigger_case_id: triggerCaseId,
        trigger_note: clear.trigger_note,
        reinspects_id: reinspectsId,
        reinspection_ground: kind === "re_inspection" ? (body.reinspectionGround ?? null) : null,
        plan_item_id: body.planItemId ?? null,
        online: body.online,
        title: clear.title,
        content: clear.content,
        content_field: body.contentField ?? null,
        period_covered: body.periodCovered ?? null,
        violation_sign: clear.violation_sign,
        body_level: bodyLevelOf(agency.kind),
        state: facts.state,
        facts: JSON.stringify(facts),
        subject_display: subjectDisplay,
        search_text: normalizeForMatch(`${code} ${clear.title} ${subjectDisplay}`),
        created_by: actor.userId,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    if (mask) await sealInsertedTexts(trx, row.id, texts);
    await trx
      .insertInto("inspection_target")
      .values(subjects.map((s, i) => ({ inspection_id: row.id, subject_id: s.id, position: i })))
      .execute();
    await writeEvent(trx, "inspection", row.id, actor, {
      action: "inspection.proposed",
      to: facts.state,
      data: { code, kind, subjects: subjects.map((s) => s.name) },
    });
    await recordAudit(trx, actor, {
      action: "inspection.proposed",
      entityType: "inspection",
      entityId: row.id,
      summary: { code, kind, subjects: subjects.length },
    });
    return row.id;
  });
  return getInspection(db, auth, id);
}

/**
 * The overlaps a proposal would meet, while it is typed (nothing written): the same subjects in
 * the year in any agency's plan or inspection, and whether an ad hoc decision needs its clear
 * sign of violation (the same rule the decision applies).
 */
export async function checkProposalOverlaps(db: Kysely<DB>, auth: AuthContext, body: InspectionOverlapCheckBody) {
  await assertAgencyInScope(db, auth, "inspection.write", auth.agencyId);
  const ids = [...new Set(body.subjectIds)];
  if (ids.length === 0) return { overlaps: [], needsViolationSign: false };
  const subjects = await db.selectFrom("inspection_subject").select(["id", "name"]).where("id", "in", ids).execute();
  const planItemId = body.kind === "planned" ? (body.planItemId ?? null) : null;
  const adHoc = body.kind !== "planned" && !planItemId;
  const overlaps = await findOverlaps(
    db,
    subjects.map((s) => ({
      subjectId: s.id,
      year: body.year,
      activity: activityOf(body.kind),
      contentField: body.contentField ?? null,
      adHoc,
      carriesOut: planItemId,
    })),
  );
  const names = new Map(subjects.map((s) => [s.id, s.name]));
  return {
    overlaps: overlaps.map((o) => ({
      kind: o.kind,
      kindLabel: OVERLAP_KIND_LABELS[o.kind],
      weight: o.weight,
      subjectId: o.other.subjectId,
      subjectName: names.get(o.other.subjectId) ?? "",
      year: o.other.year,
      activity: o.other.activity,
      source: o.other.source,
      agencyName: o.agencyName,
      basis: o.basis,
    })),
    needsViolationSign: adHoc && needsViolationSign(overlaps),
  };
}

// ---- Deciding -------------------------------------------------------------------------------

/** Team members: active users of the agency who are inspectors (the supervisor may be a leader). */
async function checkTeam(db: Db, agencyId: string, body: DecideInspectionBody) {
  const people: { id: string; role: "leader" | "member" | "supervisor"; field: string }[] = [
    { id: body.leaderId, role: "leader", field: "leaderId" },
    ...body.memberIds.map((id, i) => ({ id, role: "member" as const, field: `memberIds.${i}` })),
    ...(body.supervisorId ? [{ id: body.supervisorId, role: "supervisor" as const, field: "supervisorId" }] : []),
  ];
  const seen = new Set<string>();
  for (const p of people) {
    if (seen.has(p.id)) fail("INSPECTION_TEAM_INVALID", p.field, "Mỗi người chỉ giữ một vai trò trong Đoàn thanh tra.");
    seen.add(p.id);
  }
  const users = await db
    .selectFrom("app_user")
    .select(["id", "roles", "agency_id", "disabled", "full_name"])
    .where("id", "in", [...seen])
    .execute();
  for (const p of people) {
    const u = users.find((x) => x.id === p.id);
    const roles = (u?.roles ?? []) as string[];
    const fits =
      p.role === "supervisor" ? roles.includes("inspector") || roles.includes("leader") : roles.includes("inspector");
    if (!u || u.agency_id !== agencyId || u.disabled || !fits) fail("INSPECTION_TEAM_INVALID", p.field);
  }
  // Each person of the team declares conflicts of interest (xung đột lợi ích) before the decision.
  for (const [i, p] of people.entries()) {
    const d = body.declarations.find((x) => x.userId === p.id);
    const name = users.find((u) => u.id === p.id)!.full_name;
    if (!d) fail("INSPECTION_TEAM_INVALID", `declarations.${i}`, `Chưa có bản kê khai xung đột lợi ích của ${name}.`);
    if (d.hasConflict)
      fail(
        "INSPECTION_CONFLICT_OF_INTEREST",
        `declarations.${body.declarations.indexOf(d)}`,
        `${name} kê khai có xung đột lợi ích với đối tượng thanh tra: không được tham gia Đoàn thanh tra.`,
      );
  }
  return people.map((p) => ({ ...p, note: body.declarations.find((d) => d.userId === p.id)?.note ?? null }));
}

/** A paper signed outside the system: its number and date are typed, and both are required. */
function typedPaper(body: {
  issuedOutside?: boolean | undefined;
  number?: string | undefined;
  date?: string | undefined;
}) {
  if (body.issuedOutside === true) {
    if (!body.date)
      fail("VALIDATION_FAILED", "date", "Nhập ngày ký của văn bản đã ban hành ngoài hệ thống (ký trên giấy).");
    if (!body.number)
      fail("VALIDATION_FAILED", "number", "Nhập số của văn bản đã ban hành ngoài hệ thống (ký trên giấy).");
    return { date: body.date, number: body.number };
  }
  // Typing the number (or the date) of a paper the register numbers when a leader signs it would
  // give it two numbers.
  if (body.number) fail("NUMBER_FROM_REGISTER", "number");
  if (body.date)
    fail(
      "NUMBER_FROM_REGISTER",
      "date",
      "Ngày ký là ngày lãnh đạo ký ban hành trong hệ thống; chỉ nhập khi văn bản đã ban hành ngoài hệ thống.",
    );
  return null;
}

/**
 * The facts as they stand: a paper awaiting signature whose draft was cancelled no longer holds
 * the record, which is back where it was (the documents module cancels; the record reads it).
 */
export async function liveFacts(db: Db, row: InspectionRow): Promise<InspectionFacts> {
  const facts = factsOf(row);
  const held = [facts.awaiting?.documentId, ...(facts.pendingSanctions ?? []).map((p) => p.documentId)].filter(
    (x): x is string => !!x,
  );
  if (!held.length) return facts;
  const docs = await db.selectFrom("official_document").select(["id", "status"]).where("id", "in", held).execute();
  const open = new Set(docs.filter((d) => d.status === "draft" || d.status === "submitted").map((d) => d.id));
  return {
    ...facts,
    awaiting: facts.awaiting && open.has(facts.awaiting.documentId) ? facts.awaiting : null,
    // A sanction whose draft was cancelled is dropped; one issued is a row of inspection_sanction.
    ...(facts.pendingSanctions
      ? { pendingSanctions: facts.pendingSanctions.filter((p) => open.has(p.documentId)) }
      : {}),
  };
}

/** Chỉ thị 20/CT-TTg, NQ 198/2025: an ad hoc decision over a subject already inspected or checked this year records the clear sign of violation that justifies it. */
async function assertViolationSign(db: Db, row: InspectionRow, violationSign: string | null) {
  if (!isAdHoc(row) || violationSign) return;
  const overlaps = await overlapsOf(db, row);
  if (!needsViolationSign(overlaps)) return;
  const first = overlaps.find((o) => o.weight === "needs_violation_sign")!;
  throw new DomainError(
    "INSPECTION_VIOLATION_SIGN_REQUIRED",
    `Đối tượng đã có trong kế hoạch hoặc cuộc thanh tra, kiểm tra năm ${row.year} của ${first.agencyName}: ` +
      "quyết định thanh tra đột xuất phải ghi rõ dấu hiệu vi phạm rõ ràng (Chỉ thị 20/CT-TTg).",
    "violationSign",
  );
}

function assertDecisionYear(row: InspectionRow, date: string, field: string) {
  if (Number(date.slice(0, 4)) !== row.year)
    throw new DomainError(
      "INSPECTION_DATE_INVALID",
      `Ngày quyết định phải thuộc năm ${row.year} của cuộc thanh tra.`,
      field,
    );
}

/**
 * Every decided inspection writes its occurrences, a planned one too (naming the item it carries
 * out, so that the two count as one activity): the overlap check sees it whatever becomes of the item.
 */
async function writeDecidedOccurrences(trx: Transaction<DB>, row: InspectionRow) {
  const subjects = await subjectsOf(trx, row.id);
  await writeOccurrences(
    trx,
    { source: "inspection", sourceId: row.id, agencyId: row.agency_id },
    subjects.map((s) => ({
      subjectId: s.id,
      year: row.year,
      activity: activityOf(row.kind),
      contentField: row.content_field,
      adHoc: isAdHoc(row),
      carriesOut: row.plan_item_id,
    })),
  );
}

/**
 * The decision step. By default the team is checked and recorded and the decision (TTr-QD) is
 * drafted from the record: the inspection waits for a leader to sign it in the system, and is
 * decided then, with the register's number and the signing date (`inspectionPaperIssued`). A
 * decision signed on paper (`issuedOutside`) is recorded with its typed number and date at once.
 */
export async function decideInspection(
  db: Kysely<DB>,
  auth: AuthContext,
  actor: Actor,
  id: string,
  body: DecideInspectionBody,
) {
  const durations = await inspectionDurations(db);
  const typed = typedPaper(body);
  const today = todayInVietnam();
  let team: Awaited<ReturnType<typeof checkTeam>> = [];
  let violationSign: string | null = null;
  await runStep(db, actor, INSPECTION, {
    id,
    version: body.version,
    workFirst: true,
    authorize: async (row) => {
      await assertActor(db, auth, row, "decider");
    },
    transition: async (row) => {
      const facts = await liveFacts(db, row);
      let next: InspectionFacts;
      if (typed) {
        next = inspectionTransition(
          facts,
          { action: "decide", date: typed.date, number: typed.number },
          { today, durations: durations[row.body_level] },
        );
        assertDecisionYear(row, typed.date, "date");
      } else {
        checkInspectionStep(facts, "decide", durations[row.body_level]);
        next = awaitingPaper(facts, {
          action: "decide",
          documentId: "",
          draftedOn: today,
          violationSignBefore: row.violation_sign,
        });
      }
      team = await checkTeam(db, row.agency_id, body);
      violationSign = body.violationSign ?? row.violation_sign;
      await assertViolationSign(db, row, violationSign);
      return next;
    },
    work: async (trx, row, next) => {
      await trx.deleteFrom("inspection_member").where("inspection_id", "=", row.id).execute();
      await trx
        .insertInto("inspection_member")
        .values(
          team.map((p) => ({
            inspection_id: row.id,
            user_id: p.id,
            role: p.role,
            conflict_declared: true,
            conflict_note: p.note,
          })),
        )
        .execute();
      if (typed) {
        await writeDecidedOccurrences(trx, row);
        return null;
      }
      // The decision's draft, for a leader to sign; the register numbers it when issued.
      const documentId = await draftDecision(
        trx,
        actor,
        { ...row, violation_sign: violationSign },
        durations[row.body_level].onsiteDays,
      );
      next.awaiting!.documentId = documentId;
      return documentId;
    },
    changes: async (trx, row, next) => ({
      state: next.state,
      facts: JSON.stringify(next),
      decision_number: next.decisionNumber,
      decided_on: next.decidedOn,
      ...(await changedTexts(trx, row, { violation_sign: violationSign })),
      ...(await mainDue(trx, row, next)),
    }),
    event: (row, next, documentId) => ({
      action: typed ? "inspection.decide" : "inspection.paper_drafted",
      from: row.state,
      to: next.state,
      data: {
        ...(typed ? { number: typed.number, date: typed.date, issuedOutside: true } : { step: "decide" }),
        team: team.map((p) => ({ userId: p.id, role: p.role })),
      },
      documentId,
    }),
    audit: (row, next, documentId) => ({
      action: typed ? "inspection.decide" : "inspection.paper_drafted",
      summary: {
        code: row.code,
        ...(typed ? { number: typed.number, issuedOutside: true } : { step: "decide", documentId }),
        before: { state: row.state },
        after: { state: next.state },
        violationSign: violationSign ? "có" : "không",
      },
    }),
  });
  return getInspection(db, auth, id);
}

// ---- Steps ----------------------------------------------------------------------------------

/**
 * A step of the procedure. The extension (TTr-GH) and the conclusion (TTr-KL) are papers a leader
 * signs: by default the step drafts its paper and the record waits for the signature (the step is
 * taken when the paper is issued, `inspectionPaperIssued`); typed with `issuedOutside` they are
 * recorded at once. The others are recorded at once, the publication drafting its notice.
 */
export async function takeStep(db: Kysely<DB>, auth: AuthContext, actor: Actor, id: string, body: InspectionStepBody) {
  const { version, ...input } = body;
  const durations = await inspectionDurations(db);
  const step = INSPECTION_STEPS[input.action];
  const today = todayInVietnam();
  const signed = input.action === "extend" || input.action === "sign" || input.action === "direct";
  const typed = signed ? typedPaper(input) : null;
  const drafted = signed && !typed;
  await runStep(db, actor, INSPECTION, {
    id,
    version,
    workFirst: drafted,
    authorize: (row) => assertActor(db, auth, row, step.actor),
    transition: async (row) => {
      const facts = await liveFacts(db, row);
      const d = durations[row.body_level];
      if (drafted) {
        checkInspectionStep(facts, input.action, d);
        return awaitingPaper(facts, {
          action: input.action as "extend" | "sign" | "direct",
          documentId: "",
          draftedOn: today,
          ...(input.action === "extend" ? { ground: input.ground, note: input.note ?? null } : {}),
        });
      }
      const stepInput = (typed ? { ...input, ...typed } : input) as InspectionStepInput;
      return inspectionTransition(facts, stepInput, { today, durations: d });
    },
    changes: async (trx, row, next) => ({
      state: next.state,
      facts: JSON.stringify(next),
      signed_on: next.signedOn,
      conclusion_number: next.conclusionNumber,
      ...(await mainDue(trx, row, next)),
    }),
    work: async (trx, row, next) => {
      const d = durations[row.body_level];
      if (drafted) {
        // The paper for a leader to sign; the step is taken when it is issued.
        const documentId =
          input.action === "extend"
            ? await draftExtension(trx, actor, row, next, { onsite: d.onsiteDays, extension: d.extensionDays }, input)
            : input.action === "direct"
              ? await draftDirective(trx, actor, row, next, input)
              : await draftConclusion(trx, actor, row, next);
        next.awaiting!.documentId = documentId;
        return documentId;
      }
      if (input.action === "publish") return draftPublication(trx, actor, row, next, input);
      if (input.action === "announce" && input.minutes)
        return draftAnnouncement(trx, actor, row, next, { date: input.date, minutes: input.minutes });
      // Signing fixes the period the recommendations count in (follow-up across years).
      if (input.action === "sign") await concludeRecommendations(trx, row.id, next.signedOn!);
      return null;
    },
    event: (row, next, documentId) => ({
      action: drafted ? "inspection.paper_drafted" : `inspection.${input.action}`,
      from: row.state,
      to: next.state,
      data: drafted
        ? { step: input.action }
        : stepEventData({ ...input, ...(typed ? { ...typed, issuedOutside: true } : {}) }),
      documentId,
    }),
    audit: (row, next, documentId) => ({
      action: drafted ? "inspection.paper_drafted" : `inspection.${input.action}`,
      summary: {
        code: row.code,
        before: { state: row.state },
        after: { state: next.state },
        ...(drafted ? { step: input.action, documentId } : { date: typed?.date ?? input.date }),
        ...(typed ? { number: typed.number, issuedOutside: true } : {}),
      },
    }),
  });
  return getInspection(db, auth, id);
}

async function concludeRecommendations(trx: Transaction<DB>, id: string, signedOn: string) {
  await trx
    .updateTable("inspection_recommendation")
    .set({ concluded_on: signedOn })
    .where("inspection_id", "=", id)
    .execute();
}

// ---- A paper signed in the system -------------------------------------------------------------

/**
 * A paper of an inspection was signed and issued (in the transaction). The decision, the
 * extension and the conclusion that hold the record take their step now, with the register's
 * number, the signing date and the signer; the domain's rule is applied again, and a guard that
 * fails now (a step dated before the last, an overlap that arose since the draft without a sign
 * of violation) refuses the issue, so nothing changes. The publication notice writes its number
 * back to the record.
 */
export async function inspectionPaperIssued(trx: Transaction<DB>, actor: Actor, paper: IssuedPaper): Promise<void> {
  const row = await loadInspection(trx, paper.entityId, true);
  const facts = factsOf(row);
  if (paper.formCode === "TTr-TBCK") {
    const next = { ...facts, publicationNumber: paper.symbol };
    await bumpVersion(trx, "inspection", row.id, row.version, { facts: JSON.stringify(next) });
    await writeEvent(trx, "inspection", row.id, actor, {
      action: "inspection.paper_issued",
      from: row.state,
      to: row.state,
      data: { formCode: paper.formCode, number: paper.symbol, date: paper.issuedOn },
      documentId: paper.id,
    });
    return;
  }
  if (paper.formCode === "TTr-XP") return sanctionPaperIssued(trx, actor, row, facts, paper);
  const action = signedStepOf(paper.formCode);
  const awaiting = facts.awaiting;
  if (!action || !awaiting || awaiting.documentId !== paper.id) return;
  const durations = (await inspectionDurations(trx))[row.body_level];
  // A sanction whose draft was cancelled since no longer waits (the conclusion checks it again).
  const { pendingSanctions } = await liveFacts(trx, row);
  const base: InspectionFacts = { ...facts, awaiting: null, ...(pendingSanctions ? { pendingSanctions } : {}) };
  const date = paper.issuedOn;
  const stepInput: InspectionStepInput =
    action === "decide"
      ? { action, date, number: paper.symbol }
      : action === "extend"
        ? { action, date, ground: awaiting.ground!, note: awaiting.note ?? null, number: paper.symbol }
        : { action, date, number: paper.symbol };
  const next = inspectionTransition(base, stepInput, { today: todayInVietnam(), durations });
  if (action === "decide") {
    assertDecisionYear(row, date, "issuedOn");
    await assertViolationSign(trx, row, row.violation_sign);
    next.decisionSigner = paper.signer;
    await writeDecidedOccurrences(trx, row);
  }
  if (action === "sign") {
    next.conclusionSigner = paper.signer;
    await concludeRecommendations(trx, row.id, date);
  }
  await bumpVersion(trx, "inspection", row.id, row.version, {
    state: next.state,
    facts: JSON.stringify(next),
    decision_number: next.decisionNumber,
    decided_on: next.decidedOn,
    signed_on: next.signedOn,
    conclusion_number: next.conclusionNumber,
    ...(await mainDue(trx, row, next)),
  });
  await syncDeadlines(trx, row, next);
  await writeEvent(trx, "inspection", row.id, actor, {
    action: `inspection.${action}`,
    from: row.state,
    to: next.state,
    data: { number: paper.symbol, date, signer: paper.signer },
    documentId: paper.id,
  });
  await recordAudit(trx, actor, {
    action: `inspection.${action}`,
    entityType: "inspection",
    entityId: row.id,
    summary: {
      code: row.code,
      number: paper.symbol,
      date,
      signer: paper.signer,
      documentId: paper.id,
      before: { state: row.state },
      after: { state: next.state },
    },
  });
}

/**
 * A sanction decision (TTr-XP) drafted by `addSanction` was signed: the sanction is recorded now,
 * with the register's number and the signing date, and counts from then (reports read
 * `inspection_sanction`). A paper not pending on the record (drafted elsewhere) changes nothing.
 */
async function sanctionPaperIssued(
  trx: Transaction<DB>,
  actor: Actor,
  row: InspectionRow,
  facts: InspectionFacts,
  paper: IssuedPaper,
): Promise<void> {
  const pending = (facts.pendingSanctions ?? []).find((p) => p.documentId === paper.id);
  if (!pending) return;
  const sanction = await trx
    .insertInto("inspection_sanction")
    .values({
      inspection_id: row.id,
      subject_id: pending.subjectId,
      number: paper.symbol,
      issued_on: paper.issuedOn,
      target_kind: pending.targetKind,
      target_name: pending.targetName,
      fine: pending.fine,
      additional_measures: pending.additionalMeasures,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const next: InspectionFacts = {
    ...facts,
    pendingSanctions: (facts.pendingSanctions ?? []).filter((p) => p.documentId !== paper.id),
  };
  await bumpVersion(trx, "inspection", row.id, row.version, { facts: JSON.stringify(next) });
  const data = {
    sanctionId: sanction.id,
    number: paper.symbol,
    date: paper.issuedOn,
    signer: paper.signer,
    fine: pending.fine,
  };
  await writeEvent(trx, "inspection", row.id, actor, {
    action: "inspection.sanction_issued",
    from: row.state,
    to: row.state,
    data,
    documentId: paper.id,
  });
  await recordAudit(trx, actor, {
    action: "inspection.sanction_issued",
    entityType: "inspection",
    entityId: row.id,
    summary: { code: row.code, ...data, documentId: paper.id },
  });
}

onPaperIssued("inspection", inspectionPaperIssued);
// A drafted paper may be dropped: the record it held is back where it was (liveFacts). The
// publication notice and the announcement minutes are the papers of steps already recorded (the
// publication, the announcement): cancelling them would leave the step without its paper, so the
// officer corrects the draft instead, as for a case's papers.
allowCancel("inspection", (formCode) =>
  formCode === "TTr-TBCK"
    ? "Thông báo công khai kết luận thanh tra là văn bản của bước công khai đã ghi nhận: không hủy được; sửa dự thảo rồi trình ký."
    : formCode === "TTr-BBCB"
      ? "Biên bản công bố quyết định thanh tra là văn bản của bước công bố: không hủy được; sửa dự thảo rồi trình ký."
      : null,
);

/**
 * The decision's draft was cancelled: the team it named and the clear sign of violation it wrote
 * belonged to it, so they go with it (the sign recorded before it is put back) and the record is
 * a proposal again, without members, until a new decision is drafted. Audited on the inspection.
 */
export async function inspectionDraftCancelled(
  trx: Transaction<DB>,
  actor: Actor,
  paper: CancelledPaper,
): Promise<void> {
  if (paper.formCode !== SIGNED_STEP_FORMS.decide) return;
  const row = await loadInspection(trx, paper.entityId, true);
  const facts = factsOf(row);
  if (facts.awaiting?.action !== "decide" || facts.awaiting.documentId !== paper.id) return;
  const restored = facts.awaiting.violationSignBefore;
  const members = await trx.deleteFrom("inspection_member").where("inspection_id", "=", row.id).executeTakeFirst();
  const next: InspectionFacts = { ...facts, awaiting: null };
  await bumpVersion(trx, "inspection", row.id, row.version, {
    facts: JSON.stringify(next),
    ...(restored !== undefined ? await changedTexts(trx, row, { violation_sign: restored }) : {}),
  });
  const data = { step: "decide", membersRemoved: Number(members.numDeletedRows) };
  await writeEvent(trx, "inspection", row.id, actor, {
    action: "inspection.paper_cancelled",
    from: row.state,
    to: row.state,
    data,
    documentId: paper.id,
  });
  await recordAudit(trx, actor, {
    action: "inspection.paper_cancelled",
    entityType: "inspection",
    entityId: row.id,
    summary: { code: row.code, ...data, documentId: paper.id },
  });
}

onDraftCancelled("inspection", inspectionDraftCancelled);

// The inspection's own files (minutes of the work, documents gathered) through the attachments
// module: the agency's inspection scope reads and writes them, with its checks, limits and audit.
registerAttachmentOwner("inspection", {
  read: "inspection.read",
  write: "inspection.write",
  notFound: "Không tìm thấy cuộc thanh tra, kiểm tra.",
  locked: "Cuộc thanh tra không nhận thêm tệp đính kèm.",
  async load(db, id) {
    const row = await db.selectFrom("inspection").select("agency_id").where("id", "=", id).executeTakeFirst();
    if (!row) return null;
    // A case-triggered inspection's files are protected as the case's are: a copy of the letter
    // or the minutes of a meeting with the denouncer show who they are.
    const record = await protectedRecord(db, "inspection", id);
    return { agencyId: row.agency_id, open: true, petition: record?.petition ?? null };
  },
});

// ---- Findings (the conclusion's content: the team leader only, until signing) ---------------

/**
 * Runs one write on the findings as a step of the kit: the team leader of the inspection, the
 * record decided and not yet signed, the inspection's version bumped, timeline and audit.
 */
export async function findingsStep<W>(
  db: Kysely<DB>,
  auth: AuthContext,
  actor: Actor,
  id: string,
  version: number,
  action:
    | "violation_added"
    | "violation_removed"
    | "sanction_added"
    | "sanction_drafted"
    | "sanction_paid"
    | "recommendation_added"
    | "recommendation_removed",
  work: (trx: Transaction<DB>, row: InspectionRow, next: InspectionFacts) => Promise<W>,
  summary: (w: W) => Record<string, unknown>,
  options: { afterSigning?: boolean; writesFacts?: boolean } = {},
) {
  await runStep(db, actor, INSPECTION, {
    id,
    version,
    // A write that changes the facts (a sanction drafted) does its work first, then saves them.
    workFirst: options.writesFacts === true,
    authorize: (row) => assertActor(db, auth, row, options.afterSigning ? "inspector" : "team_leader"),
    transition: async (row) => {
      const facts = await liveFacts(db, row);
      if (!options.afterSigning && !findingsEditable(facts)) {
        if (facts.awaiting?.action === "sign")
          throw new DomainError(
            "INSPECTION_FINDINGS_LOCKED",
            "Kết luận thanh tra đang trình lãnh đạo ký: muốn sửa kết quả thanh tra, hủy dự thảo kết luận trước.",
            "id",
          );
        if (facts.decidedOn === null)
          throw new DomainError(
            "INSPECTION_STEP_OUT_OF_ORDER",
            "Chưa có quyết định thanh tra: chưa ghi nhận kết quả thanh tra được.",
            "action",
          );
        throw new DomainError("INSPECTION_FINDINGS_LOCKED", undefined, "id");
      }
      return facts;
    },
    changes: (_trx, _row, next) => (options.writesFacts ? { facts: JSON.stringify(next) } : {}),
    work,
    deadlines: false,
    event: (row, _next, w) => ({
      action: `inspection.${action}`,
      from: row.state,
      to: row.state,
      data: summary(w),
    }),
    audit: (row, _next, w) => ({ action: `inspection.${action}`, summary: { code: row.code, ...summary(w) } }),
  });
  return getInspection(db, auth, id);
}

// ---- Reading --------------------------------------------------------------------------------

const ROLE_LABELS = { leader: "Trưởng đoàn", member: "Thành viên", supervisor: "Người giám sát" } as const;

const STEP_FACT: Partial<Record<InspectionAction, keyof InspectionFacts>> = {
  decide: "decidedOn",
  approve_plan: "planApprovedOn",
  announce: "announcedOn",
  end_onsite: "onsiteEndedOn",
  report: "reportedOn",
  assign_draft: "draftAssignedOn",
  submit_draft: "draftReceivedOn",
  appraise: "appraisedOn",
  sign: "signedOn",
  publish: "publishedOn",
  direct: "directiveOn",
};

export async function getInspection(db: Kysely<DB>, auth: AuthContext, id: string, today = todayInVietnam()) {
  const row = await loadInspection(db, id);
  await assertAgencyInScope(db, auth, "inspection.read", row.agency_id);
  // Typed from a denunciation case's file, the texts may quote the denouncer: those who may not
  // see the identity read them masked (at-rest.ts), the others as typed.
  const reader = await readerOf(db, auth, id);
  const { shown } = reader;
  const facts = await liveFacts(db, row);
  const level = row.body_level as BodyLevel;
  const durations = (await inspectionDurations(db))[level];
  const rules = rulesFor(durations);
  const calendar = await currentCalendar(db);
  const [agency, subjects, team, events, documents, violations, sanctions, recommendations, links, overlaps] =
    await Promise.all([
      db.selectFrom("agency").select("name").where("id", "=", row.agency_id).executeTakeFirstOrThrow(),
      subjectsOf(db, id),
      db
        .selectFrom("inspection_member as m")
        .innerJoin("app_user as u", "u.id", "m.user_id")
        .select(["m.user_id", "m.role", "m.conflict_declared", "m.conflict_note", "u.full_name"])
        .where("m.inspection_id", "=", id)
        .execute(),
      readTimeline(db, "inspection", id, reader.canView),
      db
        .selectFrom("official_document")
        .select(["id", "form_code", "title", "status", "symbol", "issued_on"])
        .where("entity_type", "=", "inspection")
        .where("entity_id", "=", id)
        .orderBy("created_at")
        .execute(),
      db
        .selectFrom("inspection_violation as v")
        .innerJoin("inspection_subject as s", "s.id", "v.subject_id")
        .select(["v.id", "v.subject_id", "s.name", "v.kind", "v.description", "v.money", "v.land_m2"])
        .where("v.inspection_id", "=", id)
        .orderBy("v.created_at")
        .execute(),
      db
        .selectFrom("inspection_sanction as x")
        .innerJoin("inspection_subject as s", "s.id", "x.subject_id")
        .select([
          "x.id",
          "x.subject_id",
          "s.name",
          "x.number",
          "x.issued_on",
          "x.target_kind",
          "x.target_name",
          "x.fine",
          "x.additional_measures",
          "x.paid",
          "x.paid_on",
        ])
        .where("x.inspection_id", "=", id)
        .orderBy("x.created_at")
        .execute(),
      recommendationsOf(db, id, today),
      Promise.all([
        row.trigger_case_id
          ? db.selectFrom("resolution_case").select("code").where("id", "=", row.trigger_case_id).executeTakeFirst()
          : undefined,
        row.reinspects_id
          ? db.selectFrom("inspection").select("code").where("id", "=", row.reinspects_id).executeTakeFirst()
          : undefined,
      ]),
      overlapsOf(db, row),
    ]);
  const subjectName = new Map(subjects.map((s) => [s.id, s.name]));
  const heldBy = facts.awaiting ? documents.find((d) => d.id === facts.awaiting!.documentId) : undefined;
  const held = heldBy
    ? await db
        .selectFrom("official_document as d")
        .leftJoin("app_user as u", "u.id", "d.signer_id")
        .select(["d.status", "d.returned_note", "u.full_name as signer_name"])
        .where("d.id", "=", heldBy.id)
        .executeTakeFirstOrThrow()
    : undefined;
  const myRole = team.find((m) => m.user_id === auth.userId)?.role ?? null;
  const decider = isDecider(auth, row);
  const inspector = scopeOf(auth, "inspection.write") !== null && auth.agencyId === row.agency_id;
  const allowed = allowedInspectionActions(facts, durations).filter((a) => {
    const who = INSPECTION_STEPS[a].actor;
    return who === "decider" ? decider : who === "team_leader" ? inspector && myRole === "leader" : inspector;
  });
  const dues = inspectionDues(facts, { ttcp: level === "central" }).map((d) => {
    const result = computeDeadline(d.input, { calendar, rules, today });
    return {
      step: d.step,
      label: d.label,
      ruleTitle: result.title,
      basis: result.basis,
      due: result.due,
      open: d.open,
      overdue: d.open && result.due < today,
      configured: d.configured,
      metOn: d.metOn,
      explanation: [
        ...explanationLines(result),
        ...(d.configured
          ? [
              `Số ngày là cấu hình của cơ quan cho cấp «${BODY_LEVEL_LABELS[level]}» (chưa đối chiếu văn bản gốc), không phải số ngày luật định đã xác minh.`,
            ]
          : []),
      ],
    };
  });
  const violationMoney = violations.reduce((s, v) => s + Number(v.money), 0);
  const recommendedMoney = recommendations.reduce((s, r) => s + r.amount, 0);
  const recovered = recommendations.reduce((s, r) => s + r.recovered, 0);
  const fines = sanctions.reduce((s, x) => s + Number(x.fine), 0);
  return {
    id: row.id,
    code: row.code,
    agencyId: row.agency_id,
    agencyName: agency.name,
    year: row.year,
    kind: row.kind,
    kindLabel: INSPECTION_KIND_LABELS[row.kind],
    trigger: row.trigger,
    triggerLabel: row.trigger ? AD_HOC_TRIGGER_LABELS[row.trigger] : null,
    triggerCaseId: row.trigger_case_id,
    triggerCaseCode: links[0]?.code ?? null,
    triggerNote: shown(row.trigger_note),
    reinspectsId: row.reinspects_id,
    reinspectsCode: links[1]?.code ?? null,
    reinspectionGround: row.reinspection_ground,
    reinspectionGroundLabel: row.reinspection_ground
      ? ((REINSPECTION_GROUND_LABELS as Record<string, string>)[row.reinspection_ground] ?? row.reinspection_ground)
      : null,
    planItemId: row.plan_item_id,
    online: row.online,
    title: shown(row.title),
    content: shown(row.content),
    contentField: row.content_field,
    periodCovered: row.period_covered,
    violationSign: shown(row.violation_sign),
    bodyLevel: level,
    bodyLevelLabel: BODY_LEVEL_LABELS[level],
    state: row.state,
    stateLabel: facts.awaiting ? AWAITING_LABELS[facts.awaiting.action] : inspectionStateLabel(row.state),
    decisionNumber: row.decision_number,
    decidedOn: row.decided_on,
    signedOn: row.signed_on,
    conclusionNumber: row.conclusion_number,
    dueOn: row.due_on,
    awaiting:
      facts.awaiting && held
        ? {
            action: facts.awaiting.action,
            label: AWAITING_LABELS[facts.awaiting.action],
            documentId: facts.awaiting.documentId,
            status: held.status,
            signerName: held.signer_name ?? null,
            returnedNote: held.returned_note,
          }
        : null,
    facts: shown(facts),
    subjects: subjects.map((s) => ({ id: s.id, kind: s.kind, name: s.name, taxCode: s.tax_code })),
    team: team
      .sort(
        (a, b) =>
          ["leader", "member", "supervisor"].indexOf(a.role) - ["leader", "member", "supervisor"].indexOf(b.role),
      )
      .map((m) => ({
        userId: m.user_id,
        name: m.full_name,
        role: m.role,
        roleLabel: ROLE_LABELS[m.role],
        conflictDeclared: m.conflict_declared,
        conflictNote: m.conflict_note,
      })),
    steps: (Object.keys(INSPECTION_STEPS) as InspectionAction[]).map((a) => {
      const fact = STEP_FACT[a];
      const s = INSPECTION_STEPS[a];
      return {
        action: a,
        label: s.label,
        actor: s.actor,
        actorLabel: STEP_ACTOR_LABELS[s.actor],
        basis: s.basis,
        doneOn: fact ? ((facts[fact] as string | null) ?? null) : null,
        allowed: allowed.includes(a),
      };
    }),
    dues,
    overlaps: overlaps.map((o) => ({
      kind: o.kind,
      kindLabel: OVERLAP_KIND_LABELS[o.kind],
      weight: o.weight,
      subjectId: o.other.subjectId,
      subjectName: subjectName.get(o.other.subjectId) ?? "",
      year: o.other.year,
      activity: o.other.activity,
      source: o.other.source,
      agencyName: o.agencyName,
      basis: o.basis,
    })),
    violations: violations.map((v) => ({
      id: v.id,
      subjectId: v.subject_id,
      subjectName: v.name,
      kind: v.kind,
      kindLabel: VIOLATION_KIND_LABELS[v.kind as ViolationKind] ?? v.kind,
      description: shown(v.description),
      money: Number(v.money),
      moneyText: formatMillions(Number(v.money)),
      landM2: Number(v.land_m2),
    })),
    sanctions: sanctions.map((x) => ({
      id: x.id,
      subjectId: x.subject_id,
      subjectName: x.name,
      number: x.number,
      issuedOn: x.issued_on,
      targetKind: x.target_kind,
      targetName: shown(x.target_name),
      fine: Number(x.fine),
      fineText: formatMillions(Number(x.fine)),
      additionalMeasures: shown(x.additional_measures),
      paid: x.paid,
      paidOn: x.paid_on,
    })),
    pendingSanctions: (facts.pendingSanctions ?? []).map((p) => ({
      documentId: p.documentId,
      subjectId: p.subjectId,
      subjectName: subjects.find((x) => x.id === p.subjectId)?.name ?? "",
      targetKind: p.targetKind,
      targetName: shown(p.targetName),
      fine: p.fine,
      fineText: formatMillions(p.fine),
      additionalMeasures: shown(p.additionalMeasures),
    })),
    recommendations: recommendations.map((r) => ({
      ...shown(r),
      subjectName: r.subjectId ? (subjectName.get(r.subjectId) ?? null) : null,
    })),
    totals: {
      violationMoney,
      violationLandM2: violations.reduce((s, v) => s + Number(v.land_m2), 0),
      recommendedMoney,
      recovered,
      outstanding: recommendedMoney - recovered,
      fines,
      text: {
        violationMoney: formatMillions(violationMoney),
        recommendedMoney: formatMillions(recommendedMoney),
        recovered: formatMillions(recovered),
        fines: formatMillions(fines),
      },
    },
    events: events.map((e) => ({
      at: e.at,
      actorName: e.actorName,
      action: e.action,
      actionLabel: timelineActionLabel(e.action),
      fromState: e.fromState,
      toState: e.toState,
      data: shown(
        e.action === "inspection.announce" ? stepEventData((e.data ?? {}) as Record<string, unknown>) : (e.data ?? {}),
      ) as Record<string, never>,
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
    me: {
      decider,
      teamLeader: myRole === "leader",
      member: myRole !== null,
      inspector,
      mayEditFindings: inspector && myRole === "leader" && findingsEditable(facts),
    },
    allowedActions: allowed.map((a) => ({ action: a, label: INSPECTION_STEPS[a].label })),
    /** Whether the texts quote a protected denouncer, and whether the caller reads them as typed. */
    identity: { protected: reader.protected, canView: reader.canView },
    version: row.version,
  };
}

/**
 * GET /inspections/:id: the detail; a protected inspection read as typed (by those assigned to
 * its case) is an audit event, as any view of a denouncer's identity is.
 */
export async function readInspection(db: Kysely<DB>, auth: AuthContext, actor: Actor, id: string) {
  const detail = await getInspection(db, auth, id);
  if (detail.identity.protected && detail.identity.canView)
    await db.transaction().execute((trx) =>
      recordAudit(trx, actor, {
        action: "identity.view",
        entityType: "inspection",
        entityId: id,
        summary: { inspection: detail.code, case: detail.triggerCaseCode, texts: true },
      }),
    );
  return detail;
}

/** The recommendations of one inspection with their computed status. */
export async function recommendationsOf(db: Db, inspectionId: string, today: string) {
  const rows = await db
    .selectFrom("inspection_recommendation as r")
    .selectAll("r")
    .select((eb) =>
      eb
        .selectFrom("inspection_follow_up as f")
        .select((e) => e.fn.countAll<number>().as("n"))
        .whereRef("f.recommendation_id", "=", "r.id")
        .as("actions"),
    )
    .where("r.inspection_id", "=", inspectionId)
    .orderBy("r.position")
    .execute();
  return rows.map((r) => recommendationViewOf(r, Number(r.actions ?? 0), today));
}

export function recommendationViewOf(
  r: {
    id: string;
    inspection_id: string;
    subject_id: string | null;
    type: RecommendationType;
    content: string;
    amount: number;
    land_m2: string | number;
    collectives: number;
    individuals: number;
    persons: unknown;
    matters: number;
    responsible_unit: string;
    due_on: string | null;
    concluded_on: string | null;
    recovered: number;
    land_recovered: string | number;
    outstanding: number;
    done_on: string | null;
    last_progress_on: string | null;
    closed_on: string | null;
    closed_reason: string | null;
    urged: number;
    version: number;
  },
  actions: number,
  today: string,
) {
  const amount = Number(r.amount);
  const recovered = Number(r.recovered);
  const status = followUpStatus(
    {
      amount,
      recovered,
      landM2: Number(r.land_m2),
      landRecovered: Number(r.land_recovered),
      dueOn: r.due_on,
      doneOn: r.done_on,
      closedOn: r.closed_on,
      lastProgressOn: r.last_progress_on,
      actions,
    },
    today,
  );
  return {
    id: r.id,
    inspectionId: r.inspection_id,
    subjectId: r.subject_id,
    subjectName: null as string | null,
    type: r.type,
    typeLabel: RECOMMENDATION_TYPE_LABELS[r.type],
    content: r.content,
    amount,
    landM2: Number(r.land_m2),
    collectives: Number(r.collectives),
    individuals: Number(r.individuals),
    persons: (Array.isArray(r.persons) ? r.persons : []) as string[],
    matters: Number(r.matters),
    responsibleUnit: r.responsible_unit,
    dueOn: r.due_on,
    concludedOn: r.concluded_on,
    recovered,
    landRecovered: Number(r.land_recovered),
    outstanding: Number(r.outstanding),
    outstandingText: formatMillions(Number(r.outstanding)),
    doneOn: r.done_on,
    closedOn: r.closed_on,
    closedReason: r.closed_reason,
    urged: Number(r.urged),
    status,
    statusLabel: FOLLOW_UP_STATUS_LABELS[status],
    version: r.version,
  };
}

// ---- The list -------------------------------------------------------------------------------

export async function listInspections(
  db: Kysely<DB>,
  auth: AuthContext,
  query: InspectionListQuery,
  today = todayInVietnam(),
) {
  // The paper a step drafted, if it still waits for a signature (a cancelled or issued one does not).
  let q = db
    .selectFrom("inspection as i")
    .leftJoin("official_document as w", (join) =>
      join
        .on(sql<boolean>`w.id = nullif(i.facts -> 'awaiting' ->> 'documentId', '')::uuid`)
        .on("w.status", "in", ["draft", "submitted"]),
    )
    .where(inScope(auth, "inspection.read", "i.agency_id"));
  if (query.awaiting !== undefined) q = q.where("w.id", query.awaiting ? "is not" : "is", null);
  if (query.year) q = q.where("i.year", "=", query.year);
  if (query.kind) q = q.where("i.kind", "=", query.kind);
  if (query.state) q = q.where("i.state", "=", query.state);
  if (query.overdue) q = q.where("i.due_on", "<", today);
  if (query.q) {
    const needle = normalizeForMatch(query.q);
    if (needle) q = q.where("i.search_text", "like", `%${needle}%`);
  }
  const counted = await q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  const column = query.sort === "code" ? "i.code" : query.sort === "due_on" ? "i.due_on" : "i.decided_on";
  const rows = await q
    .innerJoin("agency as a", "a.id", "i.agency_id")
    .select([
      "i.id",
      "i.code",
      "i.agency_id",
      "a.name as agency_name",
      "i.year",
      "i.kind",
      "i.online",
      "i.title",
      "i.subject_display",
      "i.state",
      "i.decision_number",
      "i.decided_on",
      "i.signed_on",
      "i.due_on",
      "i.due_rule",
      "i.version",
      "w.id as awaiting_document",
      sql<string | null>`i.facts -> 'awaiting' ->> 'action'`.as("awaiting_action"),
    ])
    .orderBy(column, (ob) => (query.order === "asc" ? ob.asc().nullsLast() : ob.desc().nullsLast()))
    .orderBy("i.code", "desc")
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  return {
    items: rows.map((r) => ({
      id: r.id,
      code: r.code,
      agencyId: r.agency_id,
      agencyName: r.agency_name,
      year: r.year,
      kind: r.kind,
      kindLabel: INSPECTION_KIND_LABELS[r.kind],
      online: r.online,
      title: r.title,
      subjects: r.subject_display,
      state: r.state,
      stateLabel:
        r.awaiting_document && r.awaiting_action
          ? (AWAITING_LABELS[r.awaiting_action as SignedStep] ?? inspectionStateLabel(r.state))
          : inspectionStateLabel(r.state),
      decisionNumber: r.decision_number,
      decidedOn: r.decided_on,
      signedOn: r.signed_on,
      dueOn: r.due_on,
      dueRule: r.due_rule,
      overdue: r.due_on !== null && r.due_on < today,
      awaiting: r.awaiting_document !== null,
      version: r.version,
    })),
    total: Number(counted.n),
    page: query.page,
    pageSize: query.pageSize,
  };
}
