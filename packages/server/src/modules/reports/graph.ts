/**
 * The reporting graph in the database (docs/LAW.md §11.8): the lines "unit X reports to Y from D",
 * read into the domain's graph (reports/graph.ts) to answer who reports to whom on a date, and
 * their administration: a system administrator (`agency.manage`) of a unit's agency adds a line
 * or closes one, with the basis (decision, plan), audited in the same transaction. Clusters
 * (agency_group) with their dated members and the merge lineage are read here too.
 */
import {
  checkNewLine,
  membersOn,
  superiorOn,
  type ReportingGraph,
  type ReportingLine,
} from "@minhbach/domain/reports/index";
import type { CloseLineBody, CreateLineBody, ReportingLineView } from "@minhbach/domain/api/routes/reports";
import type { Kysely, Transaction } from "kysely";
import type { DB } from "../../db/schema.ts";
import { assertAgencyInScope, inScope, type AuthContext } from "../../platform/access.ts";
import { recordAudit, type Actor } from "../../platform/audit.ts";
import { fail } from "../../platform/errors.ts";

export interface GraphAgencyInfo {
  id: string;
  code: string;
  name: string;
  kind: string;
  parentId: string | null;
  validFrom: string;
  validTo: string | null;
}

export interface LoadedGraph extends ReportingGraph {
  agencies: readonly GraphAgencyInfo[];
  byId: Map<string, GraphAgencyInfo>;
}

function lineOf(r: {
  id: string;
  agency_id: string;
  reports_to_id: string;
  valid_from: string;
  valid_to: string | null;
}) {
  return {
    id: r.id,
    agencyId: r.agency_id,
    reportsToId: r.reports_to_id,
    validFrom: r.valid_from,
    validTo: r.valid_to,
  } satisfies ReportingLine;
}

/** Every agency (with its tree parent) and every reporting line: the graph of any date. */
export async function loadGraph(db: Kysely<DB>): Promise<LoadedGraph> {
  const [agencies, lines] = await Promise.all([
    db.selectFrom("agency").select(["id", "code", "name", "kind", "parent_id", "valid_from", "valid_to"]).execute(),
    db.selectFrom("reporting_line").select(["id", "agency_id", "reports_to_id", "valid_from", "valid_to"]).execute(),
  ]);
  const list = agencies.map((a) => ({
    id: a.id,
    code: a.code,
    name: a.name,
    kind: a.kind,
    parentId: a.parent_id,
    validFrom: a.valid_from,
    validTo: a.valid_to,
  }));
  return { agencies: list, byId: new Map(list.map((a) => [a.id, a])), lines: lines.map(lineOf) };
}

/** The unit's superior on a date (the graph's line, else the tree parent). */
export async function superiorOf(db: Kysely<DB>, agencyId: string, date: string): Promise<string | null> {
  return superiorOn(await loadGraph(db), agencyId, date);
}

export interface ClusterInfo {
  id: string;
  code: string;
  name: string;
  leadAgencyId: string | null;
  members: { agencyId: string; validFrom: string; validTo: string | null }[];
}

export async function loadCluster(db: Kysely<DB>, groupId: string): Promise<ClusterInfo> {
  const group = await db
    .selectFrom("agency_group")
    .select(["id", "code", "name", "lead_agency_id"])
    .where("id", "=", groupId)
    .executeTakeFirst();
  if (!group) fail("AGENCY_GROUP_NOT_FOUND", "groupId");
  const members = await db
    .selectFrom("agency_group_member")
    .select(["agency_id", "valid_from", "valid_to"])
    .where("group_id", "=", groupId)
    .execute();
  return {
    id: group.id,
    code: group.code,
    name: group.name,
    leadAgencyId: group.lead_agency_id,
    members: members.map((m) => ({ agencyId: m.agency_id, validFrom: m.valid_from, validTo: m.valid_to })),
  };
}

/**
 * Who may read a cluster's report (README "Reports"): the users of the cluster's lead agency (or
 * whose report scope holds it), and the users whose report scope holds every member on the date.
 */
export async function assertClusterReadable(
  db: Kysely<DB>,
  auth: AuthContext,
  cluster: ClusterInfo,
  date: string,
): Promise<string[]> {
  const members = membersOn(cluster.members, date);
  const visible = new Set(
    (
      await db
        .selectFrom("agency")
        .select("id")
        .where(inScope(auth, "report.read", "agency.id"))
        .execute()
    ).map((a) => a.id),
  );
  const lead = cluster.leadAgencyId !== null && visible.has(cluster.leadAgencyId);
  if (!lead && !(members.length > 0 && members.every((m) => visible.has(m)))) fail("OUT_OF_SCOPE", "groupId");
  return members;
}

/** The clusters the user may read a report of (for the page's choice). */
export async function readableClusters(db: Kysely<DB>, auth: AuthContext, date: string) {
  const groups = await db.selectFrom("agency_group").select(["id", "code", "name", "kind"]).orderBy("name").execute();
  const out = [];
  for (const g of groups) {
    const cluster = await loadCluster(db, g.id);
    try {
      const members = await assertClusterReadable(db, auth, cluster, date);
      out.push({ id: g.id, code: g.code, name: g.name, kind: g.kind, members: members.length });
    } catch {
      // not readable by this user
    }
  }
  return out;
}

/** The merge lineage (predecessor → successor): last year's figures of merged units. */
export async function loadLineage(db: Kysely<DB>) {
  const rows = await db.selectFrom("agency_lineage").select(["predecessor_id", "successor_id"]).execute();
  return rows.map((r) => ({ predecessorId: r.predecessor_id, successorId: r.successor_id }));
}

// ---- Administration ---------------------------------------------------------------------------

async function viewOf(db: Kysely<DB> | Transaction<DB>, ids?: string[]): Promise<ReportingLineView[]> {
  let query = db
    .selectFrom("reporting_line as l")
    .innerJoin("agency as a", "a.id", "l.agency_id")
    .innerJoin("agency as s", "s.id", "l.reports_to_id")
    .select([
      "l.id",
      "l.valid_from",
      "l.valid_to",
      "l.basis",
      "l.close_basis",
      "l.version",
      "a.id as agency_id",
      "a.code as agency_code",
      "a.name as agency_name",
      "s.id as to_id",
      "s.code as to_code",
      "s.name as to_name",
    ])
    .orderBy("a.code")
    .orderBy("l.valid_from");
  if (ids) query = query.where("l.id", "in", ids);
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    agency: { id: r.agency_id, code: r.agency_code, name: r.agency_name },
    reportsTo: { id: r.to_id, code: r.to_code, name: r.to_name },
    validFrom: r.valid_from,
    validTo: r.valid_to,
    basis: r.basis,
    closeBasis: r.close_basis,
    version: r.version,
  }));
}

/** The lines of the units in the user's scope (the unit or its superior in scope). */
export async function listLines(db: Kysely<DB>, auth: AuthContext): Promise<{ items: ReportingLineView[] }> {
  const visible = await db
    .selectFrom("reporting_line as l")
    .select("l.id")
    .where((eb) =>
      eb.or([inScope(auth, "agency.read", "l.agency_id"), inScope(auth, "agency.read", "l.reports_to_id")]),
    )
    .execute();
  if (visible.length === 0) return { items: [] };
  return {
    items: await viewOf(
      db,
      visible.map((v) => v.id),
    ),
  };
}

function isOverlap(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return e?.code === "23P01" || String(e?.message ?? "").includes("reporting_line_overlap");
}

/** Adds a line "agency reports to reportsTo from validFrom (until validTo)", with its basis. */
export async function addLine(
  db: Kysely<DB>,
  auth: AuthContext,
  actor: Actor,
  body: CreateLineBody,
): Promise<ReportingLineView> {
  const agencies = await db
    .selectFrom("agency")
    .select(["id", "code"])
    .where("id", "in", [body.agencyId, body.reportsToId])
    .execute();
  const unit = agencies.find((a) => a.id === body.agencyId);
  if (!unit) fail("AGENCY_NOT_FOUND", "agencyId");
  const superior = agencies.find((a) => a.id === body.reportsToId);
  if (!superior) fail("AGENCY_NOT_FOUND", "reportsToId");
  await assertAgencyInScope(db, auth, "agency.manage", unit.id, "agencyId");
  const line: ReportingLine = {
    agencyId: body.agencyId,
    reportsToId: body.reportsToId,
    validFrom: body.validFrom,
    validTo: body.validTo ?? null,
  };
  try {
    const id = await db.transaction().execute(async (trx) => {
      // One writer per unit: the unit's lines are read and the new one written under this lock.
      await trx.selectFrom("agency").select("id").where("id", "=", unit.id).forUpdate().executeTakeFirst();
      const existing = (
        await trx
          .selectFrom("reporting_line")
          .select(["id", "agency_id", "reports_to_id", "valid_from", "valid_to"])
          .where("agency_id", "=", unit.id)
          .execute()
      ).map(lineOf);
      const problem = checkNewLine(existing, line);
      if (problem) fail(problem.code, problem.field);
      const row = await trx
        .insertInto("reporting_line")
        .values({
          agency_id: line.agencyId,
          reports_to_id: line.reportsToId,
          valid_from: line.validFrom,
          valid_to: line.validTo,
          basis: body.basis.trim(),
          created_by: actor.userId,
          closed_by: null,
          close_basis: null,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await recordAudit(trx, actor, {
        action: "report.line.added",
        entityType: "reporting_line",
        entityId: row.id,
        summary: {
          agency: unit.code,
          reportsTo: superior.code,
          validFrom: line.validFrom,
          validTo: line.validTo,
          basis: body.basis.trim(),
        },
      });
      return row.id;
    });
    return (await viewOf(db, [id]))[0]!;
  } catch (error) {
    if (isOverlap(error)) fail("REPORTING_LINE_OVERLAP", "validFrom");
    throw error;
  }
}

/** Ends a line on `validTo` (its last day), with the basis; a line ends once. */
export async function closeLine(
  db: Kysely<DB>,
  auth: AuthContext,
  actor: Actor,
  id: string,
  body: CloseLineBody,
  now = new Date(),
): Promise<ReportingLineView> {
  const row = await db.selectFrom("reporting_line").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row) fail("REPORTING_LINE_NOT_FOUND", "id");
  await assertAgencyInScope(db, auth, "agency.manage", row.agency_id, "id");
  if (row.valid_to !== null) fail("REPORTING_LINE_CLOSED", "id");
  if (body.validTo < row.valid_from) fail("REPORTING_LINE_RANGE", "validTo");
  if (body.version !== row.version) fail("VERSION_CONFLICT", "version");
  await db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable("reporting_line")
      .set({
        valid_to: body.validTo,
        close_basis: body.basis.trim(),
        closed_by: actor.userId,
        closed_at: now,
        version: row.version + 1,
      })
      .where("id", "=", id)
      .where("version", "=", row.version)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) fail("VERSION_CONFLICT", "version");
    await recordAudit(trx, actor, {
      action: "report.line.closed",
      entityType: "reporting_line",
      entityId: id,
      summary: { validFrom: row.valid_from, validTo: body.validTo, basis: body.basis.trim() },
    });
  });
  return (await viewOf(db, [id]))[0]!;
}
