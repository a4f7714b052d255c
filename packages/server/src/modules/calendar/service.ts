/**
 * The legal clock's server face: each year's official notice stored as data (the shipped 2025
 * and 2026 notices are inserted when missing), the calendar built from it, deadlines computed
 * on it, and — when an administrator changes a year — every open tracked due date recomputed,
 * the moves recorded for the officers and the change audited, in one transaction.
 */
import {
  buildCalendar,
  computeDeadline,
  computeDue,
  DEFAULT_DUE_SOON_DAYS,
  DEFAULT_RULES,
  diffCalendars,
  ruleInForce,
  SEED_NOTICES,
  validateYearNotice,
  type DeadlineInput,
  type DeadlineResult,
  type WorkCalendar,
  type YearNotice,
} from "@minhbach/domain/legal-clock";
import { todayInVietnam } from "@minhbach/domain";
import { sql, type Kysely, type Transaction } from "kysely";
import type { DB } from "../../db/schema.ts";
import { inScope, type AuthContext } from "../../platform/access.ts";
import { recordAudit, type Actor } from "../../platform/audit.ts";
import { fail } from "../../platform/errors.ts";

interface Cached {
  stamp: string;
  calendar: WorkCalendar;
}
const cache = new WeakMap<Kysely<DB>, Cached>();

/** Inserts the shipped official notices for years the database does not have yet. */
export async function ensureSeedNotices(db: Kysely<DB>): Promise<void> {
  for (const notice of SEED_NOTICES) {
    await db
      .insertInto("calendar_year")
      .values({ year: notice.year, source: notice.source, days: JSON.stringify(notice) })
      .onConflict((oc) => oc.column("year").doNothing())
      .execute();
  }
}

async function stampOf(db: Kysely<DB>): Promise<string> {
  const row = await db
    .selectFrom("calendar_year")
    .select([
      sql<number>`count(*)`.as("n"),
      sql<number>`coalesce(sum(version), 0)`.as("v"),
      sql<string>`coalesce(max(updated_at)::text, '')`.as("t"),
    ])
    .executeTakeFirstOrThrow();
  return `${row.n}:${row.v}:${row.t}`;
}

async function readNotices(db: Kysely<DB>): Promise<YearNotice[]> {
  const rows = await db.selectFrom("calendar_year").select(["days"]).orderBy("year").execute();
  return rows.map((r) => r.days as YearNotice);
}

/**
 * The status a list shows beside a due date: overdue, due soon (within the default number of
 * working days of the deadline engine), or on time. Without a calendar the caller has already
 * kept only what is due soon.
 */
export function listDueStatus(due: string, today: string, calendar: WorkCalendar | null) {
  if (due < today) return "overdue" as const;
  if (!calendar) return "due_soon" as const;
  return due <= calendar.addWorkingDays(today, DEFAULT_DUE_SOON_DAYS) ? ("due_soon" as const) : ("on_time" as const);
}

/** The calendar as the database holds it now (cached until a notice changes). */
export async function currentCalendar(db: Kysely<DB>): Promise<WorkCalendar> {
  const stamp = await stampOf(db);
  const hit = cache.get(db);
  if (hit && hit.stamp === stamp) return hit.calendar;
  const calendar = buildCalendar(await readNotices(db));
  cache.set(db, { stamp, calendar });
  return calendar;
}

export async function calendarYear(db: Kysely<DB>, year: number) {
  const calendar = await currentCalendar(db);
  const listing = calendar.yearListing(year);
  const row = await db
    .selectFrom("calendar_year")
    .select(["source", "version", "updated_at"])
    .where("year", "=", year)
    .executeTakeFirst();
  const notice = calendar.noticeFor(year);
  return {
    ...listing,
    source: row?.source ?? null,
    note: notice.note ?? null,
    noticeDays: notice.days.map((d) => ({
      date: d.date,
      kind: d.kind,
      name: d.name,
      ...(d.note ? { note: d.note } : {}),
    })),
    version: row?.version ?? 0,
    updatedAt: row ? new Date(row.updated_at).toISOString() : null,
  };
}

export interface MovedDeadlineView {
  trackedId: string;
  entityType: string;
  entityId: string;
  label: string;
  ruleId: string;
  oldDue: string;
  newDue: string;
}

/**
 * Replaces (or adds) a year's notice. Validates it, recomputes every open tracked deadline
 * whose period could touch that year, stores the moves and audits the change.
 */
export async function saveYearNotice(
  db: Kysely<DB>,
  actor: Actor,
  year: number,
  input: unknown,
): Promise<{ moved: MovedDeadlineView[]; failed: number; changedDays: number }> {
  const validation = validateYearNotice(input);
  if (!validation.ok) fail("CALENDAR_INVALID", "days", validation.errors.slice(0, 5).join("; "));
  const notice = validation.notice;
  if (notice.year !== year)
    fail("CALENDAR_INVALID", "year", `Năm trong tệp (${notice.year}) khác năm đang sửa (${year}).`);
  const before = await currentCalendar(db);
  const after = before.withNotice(notice);
  return db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom("calendar_year")
      .select(["days"])
      .where("year", "=", year)
      .forUpdate()
      .executeTakeFirst();
    await trx
      .insertInto("calendar_year")
      .values({ year, source: notice.source, days: JSON.stringify(notice), updated_by: actor.userId })
      .onConflict((oc) =>
        oc.column("year").doUpdateSet((eb) => ({
          source: notice.source,
          days: JSON.stringify(notice),
          updated_by: actor.userId,
          updated_at: new Date(),
          version: eb("calendar_year.version", "+", 1),
        })),
      )
      .execute();
    const moved = await recomputeOpenDeadlines(trx, before, after, `Lịch làm việc năm ${year} thay đổi`);
    const oldDays = new Map(
      ((existing?.days as YearNotice | undefined)?.days ?? before.noticeFor(year).days).map((d) => [d.date, d.kind]),
    );
    const newDays = new Map(notice.days.map((d) => [d.date, d.kind]));
    const changed = [...new Set([...oldDays.keys(), ...newDays.keys()])]
      .filter((d) => oldDays.get(d) !== newDays.get(d))
      .sort();
    await recordAudit(trx, actor, {
      action: "calendar.updated",
      entityType: "calendar_year",
      entityId: String(year),
      summary: {
        source: notice.source,
        changedDays: changed.map((d) => ({ date: d, before: oldDays.get(d) ?? null, after: newDays.get(d) ?? null })),
        movedDeadlines: moved.moved.length,
      },
    });
    return { moved: moved.moved, failed: moved.failed, changedDays: changed.length };
  });
}

async function recomputeOpenDeadlines(trx: Transaction<DB>, before: WorkCalendar, after: WorkCalendar, reason: string) {
  const open = await trx
    .selectFrom("tracked_deadline")
    .select(["id", "agency_id", "entity_type", "entity_id", "label", "rule_id", "input", "due"])
    .where("open", "=", true)
    .execute();
  const byId = new Map(open.map((d) => [d.id, d]));
  const diff = diffCalendars(
    before,
    after,
    open.map((d) => ({ id: d.id, input: d.input as DeadlineInput })),
  );
  const moved: MovedDeadlineView[] = [];
  for (const m of diff.moved) {
    const row = byId.get(m.id)!;
    await trx
      .updateTable("tracked_deadline")
      .set({ due: m.after, updated_at: new Date() })
      .where("id", "=", m.id)
      .execute();
    await trx
      .insertInto("deadline_change")
      .values({ tracked_deadline_id: m.id, agency_id: row.agency_id, old_due: m.before, new_due: m.after, reason })
      .execute();
    moved.push({
      trackedId: m.id,
      entityType: row.entity_type,
      entityId: row.entity_id,
      label: row.label,
      ruleId: row.rule_id,
      oldDue: m.before,
      newDue: m.after,
    });
  }
  return { moved, failed: diff.failed.length };
}

export async function compute(db: Kysely<DB>, input: DeadlineInput, today = todayInVietnam()): Promise<DeadlineResult> {
  return computeDeadline(input, { calendar: await currentCalendar(db), today });
}

/**
 * For the modules that run statutory clocks: registers (or updates) the due date of one step
 * of one case, so a later calendar change moves it. Runs inside the caller's transaction.
 */
export async function trackDeadline(
  trx: Transaction<DB>,
  entry: { agencyId: string; entityType: string; entityId: string; label: string; input: DeadlineInput },
): Promise<string> {
  const calendar = await currentCalendar(trx);
  const due = computeDue(entry.input, { calendar });
  const rule = ruleInForce(DEFAULT_RULES, entry.input.rule, entry.input.from)!;
  await trx
    .insertInto("tracked_deadline")
    .values({
      agency_id: entry.agencyId,
      entity_type: entry.entityType,
      entity_id: entry.entityId,
      label: entry.label,
      rule_id: entry.input.rule,
      rule_version: rule.version,
      input: JSON.stringify(entry.input),
      due,
    })
    .onConflict((oc) =>
      oc.columns(["entity_type", "entity_id", "rule_id"]).doUpdateSet({
        input: JSON.stringify(entry.input),
        due,
        rule_version: rule.version,
        label: entry.label,
        open: true,
        updated_at: new Date(),
      }),
    )
    .execute();
  return due;
}

/** Due dates moved by calendar changes, newest first, in the user's scope. */
export async function listDeadlineChanges(db: Kysely<DB>, auth: AuthContext, limit = 100) {
  const rows = await db
    .selectFrom("deadline_change as c")
    .innerJoin("tracked_deadline as d", "d.id", "c.tracked_deadline_id")
    .select([
      "c.id",
      "c.at",
      "c.old_due",
      "c.new_due",
      "c.reason",
      "d.label",
      "d.entity_type",
      "d.entity_id",
      "d.rule_id",
    ])
    .where(inScope(auth, "calendar.read", "c.agency_id"))
    .orderBy("c.id", "desc")
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: Number(r.id),
    at: new Date(r.at).toISOString(),
    oldDue: r.old_due,
    newDue: r.new_due,
    reason: r.reason,
    label: r.label,
    entityType: r.entity_type,
    entityId: r.entity_id,
    ruleId: r.rule_id,
  }));
}
