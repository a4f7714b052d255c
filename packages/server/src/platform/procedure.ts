/**
 * The procedure kit: one step of a procedure (a petition, a case, a reception visit) runs the same
 * sequence everywhere. Read the row, check that the caller may act on it, ask the domain for the
 * transition, then in one transaction: write the row if its version is still the one the caller
 * read (VERSION_CONFLICT otherwise), the step's own writes (drafts, assignments), the tracked
 * deadlines, the timeline event and the audit event. A rule broken or a version changed leaves
 * nothing behind.
 *
 * A procedure plugs in with a `Procedure` (its table, audit entity type, timeline, how a row is
 * read, how its deadlines follow its facts) and describes each step with a `Step` given to
 * `runStep`. A step already inside another transaction (a petition handed over to the case being
 * opened) uses the parts: `bumpVersion`, `writeEvent`, the procedure's `syncDeadlines`.
 *
 * Concurrency: by default a step reads and rules outside the transaction and the write checks the
 * version (optimistic). With `lock`, the row is read again FOR UPDATE in the transaction and its
 * version checked before the rule runs, so the rule judges the row as it will be written over
 * (reception visits).
 *
 * At rest: a procedure whose typed texts may quote a protected person (a denunciation case)
 * declares it with `keepAtRest`. Then every write of its row's `facts` (bumpVersion, so every step)
 * and of its timeline's `data` (writeEvent, whoever writes the entry) stores the masked copy in
 * clear and the original sealed under the key ring, bound to its row.
 */
import type { AuditAction, TimelineAction } from "@minhbach/domain";
import type { Kysely, Selectable, Transaction, Updateable } from "kysely";
import type { DB, EventTable } from "../db/schema.ts";
import { recordAudit, type Actor } from "./audit.ts";
import { fail } from "./errors.ts";
import type { SealedColumn } from "./sealed-columns.ts";
import { keyRing } from "./vault.ts";

// ---- Timelines ------------------------------------------------------------------------------

/** The procedures with a timeline; each has its event table of the one shape (EventTable). */
export type Timeline = "petition" | "case" | "inspection";

/** One entry of a timeline as written. */
export interface TimelineEvent {
  /** A code of the catalogue TIMELINE_ACTIONS (labels for officers). */
  action: TimelineAction;
  from?: string | null;
  to?: string | null;
  data?: Record<string, unknown>;
  documentId?: string | null;
}

/** One entry of a timeline as the detail views show it. */
export interface TimelineEntry {
  at: string;
  actorName: string | null;
  action: string;
  fromState: string | null;
  toState: string | null;
  data: unknown;
  documentId: string | null;
}

// ---- At rest --------------------------------------------------------------------------------

/** The copy of a protected row's text kept in clear: the protected people's personal data masked. */
export type Masker = (value: unknown) => unknown;

/** How a procedure keeps its protected rows' typed texts at rest (module comment). */
export interface AtRest {
  table: ProcedureTable;
  timeline: Timeline;
  /** Where the row's original `facts` are sealed. */
  facts: SealedColumn;
  /** Where a timeline entry's original `data` is sealed. */
  eventData: SealedColumn;
  /** The masker of the row's texts when the row is protected; null when it is not. */
  masker(db: Kysely<DB> | Transaction<DB>, id: string): Promise<Masker | null>;
}

const atRestByTable = new Map<ProcedureTable, AtRest>();
const atRestByTimeline = new Map<Timeline, AtRest>();

/** Declares that a procedure's rows keep their texts sealed at rest when protected. */
export function keepAtRest(spec: AtRest): void {
  // The case (0040) and inspection (0046) timelines have a column for their entries' sealed data.
  if (spec.timeline === "petition")
    throw new Error(`keepAtRest: no sealed data column for the ${spec.timeline} timeline`);
  atRestByTable.set(spec.table, spec);
  atRestByTimeline.set(spec.timeline, spec);
}

/** A JSON value sealed for the row `id` of a sealed column. */
export function sealValue(column: SealedColumn, id: string, value: unknown): string {
  return keyRing().seal(JSON.stringify(value), column.context(String(id)));
}

/** A sealed JSON value opened (its row's id is part of the seal: copied elsewhere, it fails). */
export function openValue<T>(column: SealedColumn, id: string, sealed: string): T {
  return JSON.parse(keyRing().open(sealed, column.context(String(id)))) as T;
}

/** Writes one event on the timeline of a petition, a case or an inspection, in the caller's transaction. */
export async function writeEvent(
  trx: Transaction<DB>,
  timeline: Timeline,
  ownerId: string,
  actor: Actor,
  event: TimelineEvent,
): Promise<void> {
  const data = event.data ?? {};
  const rest = atRestByTimeline.get(timeline);
  const mask = rest ? await rest.masker(trx, ownerId) : null;
  const columns = {
    actor_id: actor.userId,
    actor_name: actor.name,
    action: event.action,
    from_state: event.from ?? null,
    to_state: event.to ?? null,
    data: JSON.stringify(mask ? mask(data) : data),
    document_id: event.documentId ?? null,
  };
  if (timeline === "case") {
    const row = await trx
      .insertInto("case_event")
      .values({ case_id: ownerId, ...columns })
      .returning("id")
      .executeTakeFirstOrThrow();
    // The seal names the entry's id, known once it is inserted.
    if (mask && rest)
      await trx
        .updateTable("case_event")
        .set({ data_sealed: sealValue(rest.eventData, String(row.id), data) })
        .where("id", "=", row.id)
        .execute();
  } else if (timeline === "inspection") {
    const row = await trx
      .insertInto("inspection_event")
      .values({ inspection_id: ownerId, ...columns })
      .returning("id")
      .executeTakeFirstOrThrow();
    if (mask && rest)
      await trx
        .updateTable("inspection_event")
        .set({ data_sealed: sealValue(rest.eventData, String(row.id), data) })
        .where("id", "=", row.id)
        .execute();
  } else
    await trx
      .insertInto("petition_event")
      .values({ petition_id: ownerId, ...columns })
      .execute();
}

/**
 * The timeline of a petition or a case, oldest first. A protected entry's data is its masked copy,
 * or with `original` (for those who may see the protected people) the original opened.
 */
export async function readTimeline(
  db: Kysely<DB>,
  timeline: Timeline,
  ownerId: string,
  original = false,
): Promise<TimelineEntry[]> {
  const rest = original ? atRestByTimeline.get(timeline) : undefined;
  const rows: (Selectable<EventTable> & { data_sealed?: string | null })[] =
    timeline === "case"
      ? await db.selectFrom("case_event").selectAll().where("case_id", "=", ownerId).orderBy("id").execute()
      : timeline === "inspection"
        ? await db
            .selectFrom("inspection_event")
            .selectAll()
            .where("inspection_id", "=", ownerId)
            .orderBy("id")
            .execute()
        : await db.selectFrom("petition_event").selectAll().where("petition_id", "=", ownerId).orderBy("id").execute();
  return rows.map((e) => ({
    at: new Date(e.at).toISOString(),
    actorName: e.actor_name,
    action: e.action,
    fromState: e.from_state,
    toState: e.to_state,
    data: rest && e.data_sealed ? openValue(rest.eventData, String(e.id), e.data_sealed) : e.data,
    documentId: e.document_id,
  }));
}

// ---- Versioned rows -------------------------------------------------------------------------

/** The tables of the procedures' rows: each has an id, a version and an updated_at. */
export type ProcedureTable = "petition" | "resolution_case" | "reception_visit" | "inspection";

interface VersionedColumns {
  id: string;
  version: number;
  updated_at: Date;
}

/** Writes the row if nobody changed it since `version` was read; VERSION_CONFLICT otherwise. */
export async function bumpVersion<T extends ProcedureTable>(
  trx: Transaction<DB>,
  table: T,
  id: string,
  version: number,
  changes: Updateable<DB[T]>,
): Promise<void> {
  const rest = atRestByTable.get(table);
  const typed = changes as Record<string, unknown>;
  if (rest && typeof typed.facts === "string") {
    // A protected row's facts: the masked copy in clear, the original sealed (keepAtRest).
    const mask = await rest.masker(trx, id);
    const facts: unknown = JSON.parse(typed.facts);
    changes = {
      ...typed,
      facts: mask ? JSON.stringify(mask(facts)) : typed.facts,
      [rest.facts.column]: mask ? sealValue(rest.facts, id, facts) : null,
    } as unknown as Updateable<DB[T]>;
  }
  // The builder types no column of a union of tables: it sees the one table by its shared columns.
  const versioned = trx as unknown as Transaction<{ procedure_row: VersionedColumns }>;
  const result = await versioned
    .updateTable(table as unknown as "procedure_row")
    .set(changes as Updateable<VersionedColumns>)
    .set((eb) => ({ version: eb("version", "+", 1), updated_at: new Date() }))
    .where("id", "=", id)
    .where("version", "=", version)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) fail("VERSION_CONFLICT", "version");
}

// ---- Steps ----------------------------------------------------------------------------------

export interface Procedure<T extends ProcedureTable, Row extends { id: string; version: number }, Facts> {
  table: T;
  /** The entity type of its audit events. */
  entityType: string;
  timeline?: Timeline;
  /** Reads one row (failing with the procedure's "not found"); `lock` reads it FOR UPDATE in `db`. */
  load(db: Kysely<DB>, id: string, lock?: boolean): Promise<Row>;
  /** Opens the deadlines the facts run and closes those that stopped. */
  syncDeadlines?(trx: Transaction<DB>, row: Row, facts: Facts): Promise<void>;
  /** Rewrites what is derived from the facts for counting (the report figures), in the same transaction. */
  writeFigures?(trx: Transaction<DB>, row: Row, facts: Facts): Promise<void>;
}

/** What the audit trail keeps of a step (the entity is the step's row). */
export interface StepAudit {
  action: AuditAction;
  summary: Record<string, unknown>;
}

export interface Step<T extends ProcedureTable, Row extends { id: string; version: number }, Facts, Work = void> {
  id: string;
  /** The version the caller read. */
  version: number;
  lock?: boolean;
  /** Fails when the caller may not take this step on the row (agency scope, assignment). */
  authorize(row: Row): Promise<void>;
  /** The domain's rule: the facts after the step, or its first problem thrown. */
  transition(row: Row): Facts | Promise<Facts>;
  /** The row's new columns (the version and updated_at are the kit's). */
  changes(trx: Transaction<DB>, row: Row, next: Facts): Updateable<DB[T]> | Promise<Updateable<DB[T]>>;
  /** The step's own writes in the transaction, after the row's (before with `workFirst`). */
  work?(trx: Transaction<DB>, row: Row, next: Facts): Promise<Work>;
  workFirst?: boolean;
  /** False for a step that moves no clock (the procedure's deadlines are synced otherwise). */
  deadlines?: boolean;
  event?(row: Row, next: Facts, work: Work): TimelineEvent;
  audit(row: Row, next: Facts, work: Work): StepAudit;
}

/** Runs one step of a procedure; returns the row as read, the facts after it and its work's result. */
export async function runStep<T extends ProcedureTable, Row extends { id: string; version: number }, Facts, Work>(
  db: Kysely<DB>,
  actor: Actor,
  procedure: Procedure<T, Row, Facts>,
  step: Step<T, Row, Facts, Work>,
): Promise<{ row: Row; next: Facts; work: Work }> {
  const read = await procedure.load(db, step.id);
  await step.authorize(read);
  const ruled = step.lock ? null : { row: read, next: await step.transition(read) };
  return db.transaction().execute(async (trx) => {
    let row = read;
    let next: Facts;
    if (ruled) {
      next = ruled.next;
    } else {
      row = await procedure.load(trx, step.id, true);
      if (row.version !== step.version) fail("VERSION_CONFLICT", "version");
      next = await step.transition(row);
    }
    const done = step.workFirst && step.work ? await step.work(trx, row, next) : undefined;
    await bumpVersion(trx, procedure.table, row.id, step.version, await step.changes(trx, row, next));
    const work = (step.workFirst || !step.work ? done : await step.work(trx, row, next)) as Work;
    if (procedure.syncDeadlines && step.deadlines !== false) await procedure.syncDeadlines(trx, row, next);
    if (procedure.writeFigures) await procedure.writeFigures(trx, row, next);
    if (procedure.timeline && step.event)
      await writeEvent(trx, procedure.timeline, row.id, actor, step.event(row, next, work));
    await recordAudit(trx, actor, {
      entityType: procedure.entityType,
      entityId: row.id,
      ...step.audit(row, next, work),
    });
    return { row, next, work };
  });
}
