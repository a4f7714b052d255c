/**
 * Consolidated reports (docs/LAW.md §11.8–§11.10): a unit and the units reporting to it on the
 * period's last day (the reporting graph), or an emulation cluster ("toàn Cụm"). One row per
 * contributing unit, then the total:
 * - a unit that sent the report of this form and period (its latest revision submitted or
 *   accepted) contributes its frozen snapshot's figures, not a recount, so what the superior sends
 *   up equals what its units sent; a snapshot of "the unit and its units" covers those units too;
 * - a unit that did not send is computed live from the records and marked so; a cluster member
 *   that did not send is its own consolidated report (its units that sent by their snapshots,
 *   §11.14), and a member inside another member's subtree is that member's;
 * - the total is the plain sum of the rows minus the petitions transferred between two units of
 *   the scope (domain reports/rollup.ts), the duplicates counted from the records whichever way
 *   each row was obtained (a snapshot keeps its sender's and its receiver's petitions, exactly like
 *   a live row, so the same records-based adjustment applies), except a transfer between two units
 *   of one sent report of "the unit and its units": that report's figures are after its own
 *   duplicates, so it is not taken off again (dedupedGroups);
 * - last year's figures for the same period, each row with the units merged into it
 *   (agency_lineage), by the period's rule (lastYearSources): an agency whose report of the form
 *   for last year's period was sent (latest revision submitted or accepted; an uploaded Excel form
 *   too, the only figures of a unit not on the system then) counts with its frozen figures, a
 *   report of "the unit and its units" standing for the units reporting to it on last year's last
 *   day; the other agencies are counted from the records, in the same pass as the period's
 *   (compute.ts). Last year's duplicates are the records', as the period's are (above).
 */
import {
  consolidate,
  INDICATORS,
  membersOn,
  predecessorsOf,
  reportingSubtreeOn,
  rollupOf,
  SUBMISSION_STATUS_LABELS,
  type FormDefinition,
  type IndicatorCode,
  type SubmissionStatus,
} from "@minhbach/domain/reports/index";
import type { ConsolidationView, ReportScope } from "@minhbach/domain/api/reports";
import { sql, type Kysely, type RawBuilder } from "kysely";
import type { DB } from "../../db/schema.ts";
import type { AuthContext } from "../../platform/access.ts";
import { fail } from "../../platform/errors.ts";
import { indicatorWhere } from "./aggregate.ts";
import { TOTAL_ROW, type ReportRequest, type ResolvedReport } from "./compute.ts";
import { assertClusterReadable, loadCluster, loadGraph, type loadLineage, type LoadedGraph } from "./graph.ts";

type Ref = { id: string; code: string; name: string };

export type Snapshot = {
  id: string;
  revision: number;
  status: string;
  subtree: boolean;
  indicators: Record<string, number>;
  /** Computed from the records, or read from an uploaded Excel form (no records behind it). */
  origin: "computed" | "upload";
  /** The records behind its figures were kept at its save (drilldown.ts freezeRecords). */
  recordsFrozen: boolean;
};

export interface Contributor {
  agency: Ref;
  /** The agencies whose records the row holds (the unit, or the unit and its units). */
  covers: Ref[];
  snapshot: Snapshot | null;
  /**
   * A live row's units that sent their report (a cluster member that has not sent, counted as its
   * own consolidated report counts): their frozen figures stand for the agencies they cover.
   */
  sent?: { agency: Ref; covers: string[]; snapshot: Snapshot }[];
  note: string | null;
}

/** The row of the sum of the units, and the row of the duplicates taken off. */
export const SUM_ROW = "cong_don_vi";
export const ADJUSTMENT_ROW = "tru_trung";

export const UNSENT_NOTE = "chưa gửi báo cáo — số liệu tính từ hồ sơ";

/** The latest revision of each unit's report of the form and period, when submitted or accepted. */
async function sentSnapshots(db: Kysely<DB>, form: string, from: string, to: string, ids: readonly string[]) {
  return (await sentReports(db, [form], from, to, ids)).get(form) ?? new Map<string, Snapshot>();
}

/**
 * sentSnapshots for several forms at once (a whole periodic report's last year): form → agency →
 * the latest revision of its report of the period, when submitted or accepted; one query.
 */
export async function sentReports(
  db: Kysely<DB>,
  forms: readonly string[],
  from: string,
  to: string,
  ids: readonly string[],
): Promise<Map<string, Map<string, Snapshot>>> {
  const out = new Map<string, Map<string, Snapshot>>();
  if (ids.length === 0 || forms.length === 0) return out;
  const rows = await db
    .selectFrom("report_submission as rs")
    .select([
      "rs.id",
      "rs.agency_id",
      "rs.form",
      "rs.revision",
      "rs.status",
      "rs.subtree",
      "rs.snapshot",
      "rs.origin",
      "rs.records_frozen",
    ])
    .where("rs.agency_id", "in", ids)
    .where("rs.form", "in", forms)
    .where("rs.period_from", "=", from)
    .where("rs.period_to", "=", to)
    .where(
      sql<boolean>`not exists (select 1 from report_submission r2 where r2.agency_id = rs.agency_id
        and r2.form = rs.form and r2.period_from = rs.period_from and r2.period_to = rs.period_to
        and r2.revision > rs.revision)`,
    )
    .where("rs.status", "in", ["submitted", "accepted"])
    .execute();
  for (const r of rows) {
    const snapshot = (typeof r.snapshot === "string" ? JSON.parse(r.snapshot) : r.snapshot) as {
      indicators?: Record<string, unknown>;
    } | null;
    const indicators: Record<string, number> = {};
    for (const [code, value] of Object.entries(snapshot?.indicators ?? {})) indicators[code] = Number(value) || 0;
    const byAgency = out.get(r.form) ?? new Map<string, Snapshot>();
    byAgency.set(r.agency_id, {
      id: r.id,
      revision: r.revision,
      status: r.status,
      subtree: r.subtree,
      indicators,
      origin: r.origin,
      recordsFrozen: r.records_frozen,
    });
    out.set(r.form, byAgency);
  }
  return out;
}

/** A submission's state as a sentence says it ("đã gửi, chờ cấp trên xem xét"). */
export function statusText(status: string): string {
  return (SUBMISSION_STATUS_LABELS[status as SubmissionStatus] ?? status).toLowerCase();
}

function sentNote(snapshot: NonNullable<Contributor["snapshot"]>, units: number): string {
  const scope = units > 1 ? `, gồm ${units} đơn vị` : "";
  return `số liệu theo báo cáo đã gửi (lần ${snapshot.revision}, ${statusText(snapshot.status)}${scope})`;
}

const validOn = (graph: LoadedGraph, id: string, date: string) => {
  const a = graph.byId.get(id);
  return a !== undefined && a.validFrom <= date && (a.validTo === null || a.validTo >= date);
};

/** The rows of a consolidated report: who contributes, with which records or which snapshot. */
export async function contributorsOf(
  db: Kysely<DB>,
  auth: AuthContext | null,
  q: ReportRequest & { scope: Exclude<ReportScope, "unit"> },
  agency: Ref,
): Promise<{ contributors: Contributor[]; group: Ref | null }> {
  const asOf = q.to;
  const graph = await loadGraph(db);
  const ref = (id: string): Ref => {
    const a = graph.byId.get(id)!;
    return { id, code: a.code, name: a.name };
  };
  const covered = new Set<string>();
  /** The ids not yet in another row, now marked as taken. */
  const take = (ids: readonly string[]) => {
    const fresh = ids.filter((id) => !covered.has(id));
    for (const id of fresh) covered.add(id);
    return fresh;
  };
  const byCode = (a: Contributor, b: Contributor) => (a.agency.code < b.agency.code ? -1 : 1);

  if (q.scope === "subtree") {
    const order = reportingSubtreeOn(graph, agency.id, asOf);
    const snapshots = await sentSnapshots(db, q.form, q.from, q.to, order.slice(1));
    const out: Contributor[] = [];
    for (const id of order) {
      if (covered.has(id)) continue;
      if (id === agency.id) {
        out.push({ agency: ref(id), covers: take([id]).map(ref), snapshot: null, note: null });
        continue;
      }
      const snapshot = snapshots.get(id) ?? null;
      const covers = take(snapshot?.subtree ? reportingSubtreeOn(graph, id, asOf) : [id]).map(ref);
      const note = snapshot ? sentNote(snapshot, covers.length) : validOn(graph, id, asOf) ? UNSENT_NOTE : null;
      out.push({ agency: ref(id), covers, snapshot, note });
    }
    return { contributors: [out[0]!, ...out.slice(1).sort(byCode)], group: null };
  }

  if (!q.groupId) fail("REPORT_SCOPE_GROUP_REQUIRED", "groupId");
  const cluster = await loadCluster(db, q.groupId);
  const members = auth ? await assertClusterReadable(db, auth, cluster, asOf) : membersOn(cluster.members, asOf);
  const subtrees = new Map(members.map((id) => [id, reportingSubtreeOn(graph, id, asOf)]));
  // A member inside another member's reporting subtree is counted in that member's row, once.
  const inner = new Set(
    members.filter((id) => members.some((other) => other !== id && subtrees.get(other)!.includes(id))),
  );
  const tops = members.filter((id) => !inner.has(id)).sort((a, b) => (ref(a).code < ref(b).code ? -1 : 1));
  const snapshots = await sentSnapshots(db, q.form, q.from, q.to, [
    ...new Set(tops.flatMap((id) => subtrees.get(id)!)),
  ]);
  const out: Contributor[] = [];
  for (const id of tops) {
    if (covered.has(id)) continue;
    const subtree = subtrees.get(id)!;
    const own = snapshots.get(id);
    // A member's report counts for the cluster when it covers the member's units (or it has none).
    if (own && (own.subtree || subtree.length === 1)) {
      const covers = take(subtree).map(ref);
      out.push({ agency: ref(id), covers, snapshot: own, note: sentNote(own, covers.length) });
      continue;
    }
    // Not sent: the member's row is its own consolidated report (subtree scope above) added up —
    // its units that sent count with their frozen figures, the others from the records.
    const sent: NonNullable<Contributor["sent"]> = [];
    const ids = take([id]);
    for (const unit of subtree.slice(1)) {
      if (covered.has(unit)) continue;
      const snapshot = snapshots.get(unit);
      const part = take(snapshot?.subtree ? reportingSubtreeOn(graph, unit, asOf) : [unit]);
      ids.push(...part);
      if (snapshot) sent.push({ agency: ref(unit), covers: part, snapshot });
    }
    const note =
      sent.length === 0
        ? UNSENT_NOTE
        : `${UNSENT_NOTE}; theo báo cáo đã gửi: ${sent
            .map((p) => `${p.agency.name} (lần ${p.snapshot.revision}, ${statusText(p.snapshot.status)})`)
            .join(", ")}`;
    out.push({ agency: ref(id), covers: ids.map(ref), snapshot: null, ...(sent.length ? { sent } : {}), note });
  }
  return { contributors: out, group: { id: cluster.id, code: cluster.code, name: cluster.name } };
}

/**
 * The agencies of a sent report of "the unit and its units" a consolidated report stands on: that
 * report counted the transfers among them once already (its total is after its own duplicates),
 * so the consolidated total must not take them off again (docs/LAW.md §11.10).
 */
export function dedupedGroups(contributors: readonly Contributor[]): string[][] {
  const groups: string[][] = [];
  for (const c of contributors) {
    if (c.snapshot?.subtree && c.covers.length > 1) groups.push(c.covers.map((a) => a.id));
    for (const p of c.sent ?? []) if (p.snapshot.subtree && p.covers.length > 1) groups.push([...p.covers]);
  }
  return groups;
}

/** dedupedGroups of last year's rows: the sent reports of "the unit and its units" they stand on. */
export function lastYearGroups(rows: readonly LastYearRow[]): string[][] {
  const reports = new Set(rows.flatMap((r) => r.sent));
  return [...reports].filter((s) => s.snapshot.subtree && s.covers.length > 1).map((s) => [...s.covers]);
}

/**
 * Per indicator counted once (rollup.ts), the petitions of the scope whose receiving petition is
 * in the scope too and counted by the same indicator in the same period, unless both are in one of
 * `groups` (a sent report that counted them once already, dedupedGroups). The inner `petition p`
 * shadows the outer one, so one indicator definition tests both the sender and its receiver.
 */
export function duplicateCondition(
  code: IndicatorCode,
  ids: readonly string[],
  from: string,
  to: string,
  groups: readonly (readonly string[])[] = [],
) {
  const ind = INDICATORS[code]!;
  const list = sql.join(ids.map((id) => sql`${id}`));
  const counted = indicatorWhere(ind, from, to);
  if (groups.length === 0)
    return sql<boolean>`(${counted} and p.id in (select p.transferred_from_id from petition p
      where p.transferred_from_id is not null and p.agency_id in (${list}) and ${counted}))`;
  const cases = groups.flatMap((g, i) => g.map((id) => sql`when ${id}::uuid then ${sql.lit(i)}`));
  const groupOf = (alias: string) => sql`(case ${sql.ref(`${alias}.agency_id`)} ${sql.join(cases, sql` `)} end)`;
  return sql<boolean>`(${counted} and p.id in (select r.transferred_from_id from petition r
    where r.transferred_from_id is not null and r.agency_id in (${list}) and ${indicatorWhere(ind, from, to, "r")}
      and not coalesce(${groupOf("r")} = ${groupOf("p")}, false)))`;
}

export async function duplicates(
  db: Kysely<DB>,
  codes: readonly IndicatorCode[],
  ids: readonly string[],
  from: string,
  to: string,
  groups: readonly (readonly string[])[] = [],
): Promise<Record<IndicatorCode, number>> {
  const once = codes.filter((c) => rollupOf(c) === "once");
  if (once.length === 0 || ids.length === 0) return {};
  const list = sql.join(ids.map((id) => sql`${id}`));
  const columns = once.map((code, i) => {
    const dup = duplicateCondition(code, ids, from, to, groups);
    const measure: RawBuilder<number> =
      INDICATORS[code]!.measure === "matters"
        ? sql<number>`count(distinct p.matter_id) filter (where ${dup})`
        : sql<number>`count(*) filter (where ${dup})`;
    return sql`${measure} as ${sql.ref(`d${i}`)}`;
  });
  const result = await sql<Record<string, unknown>>`select ${sql.join(columns)} from petition p
    where p.agency_id in (${list}) and p.id in (select transferred_from_id from petition
      where transferred_from_id is not null and agency_id in (${list}))`.execute(db);
  const row = result.rows[0] ?? {};
  return Object.fromEntries(once.map((code, i) => [code, Number(row[`d${i}`] ?? 0)]));
}

/** The same day a year earlier (29/02 → 28/02). */
export function yearBefore(date: string): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y - 1, m, 0)).getUTCDate();
  return `${y - 1}-${String(m).padStart(2, "0")}-${String(Math.min(d, last)).padStart(2, "0")}`;
}

function sumOver(
  byAgency: Map<string, Record<string, number>>,
  ids: readonly string[],
  codes: readonly IndicatorCode[],
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const code of codes) {
    const sum = ids.reduce((s, id) => s + (byAgency.get(id)?.[code] ?? 0), 0);
    out[code] = Math.round(sum * 1e6) / 1e6;
  }
  return out;
}

function cellsOf(form: FormDefinition, key: string, values: Record<string, number>, into: Record<string, number>) {
  for (const column of form.columns) into[`${key}.${column.no}`] = values[column.indicator] ?? 0;
}

export const ADJUSTMENT_NOTE =
  "Tổng cộng = cộng các đơn vị trừ số đơn trùng: đơn một đơn vị trong phạm vi đã chuyển cho một đơn vị khác cũng trong phạm vi chỉ tính một lần, tại đơn vị nhận và giải quyết (tiếp nhận, phân loại, đã xử lý, đang xử lý). Số đơn chuyển đi vẫn tính ở đơn vị chuyển; số liệu của từng đơn vị giữ nguyên.";

/**
 * Each row's agencies last year: its own and the units merged into it (agency_lineage), each
 * merged unit in the first row that claims it, none counted twice.
 */
export function lastYearCovers(
  lineage: Awaited<ReturnType<typeof loadLineage>>,
  contributors: readonly Contributor[],
): { ids: string[]; merged: string[] }[] {
  const claimed = new Set(contributors.flatMap((c) => c.covers.map((a) => a.id)));
  return contributors.map((c) => {
    const ids = c.covers.map((a) => a.id);
    const merged = [...new Set(ids.flatMap((id) => predecessorsOf(lineage, id)))].filter((id) => !claimed.has(id));
    for (const id of merged) claimed.add(id);
    return { ids: [...ids, ...merged], merged };
  });
}

/** A report of last year's period, sent, whose frozen figures a consolidated report's last year uses. */
export interface LastYearSent {
  agency: Ref;
  snapshot: Snapshot;
  /** The agencies it stands for: the unit, or the units reporting to it on last year's last day. */
  covers: string[];
  /** The row (index in the contributors) whose last-year figures hold it: the row counting its unit. */
  row: number;
}

/** One row's last year: lastYearCovers, split between the sent reports and the records. */
export interface LastYearRow {
  ids: string[];
  merged: string[];
  /** The row's agencies no sent report stands for: counted from the records. */
  counted: string[];
  /** The sent reports whose figures this row holds. */
  own: LastYearSent[];
  /** The sent reports standing for some of the row's agencies, held here or in another row. */
  sent: LastYearSent[];
  /** "snapshot": every agency of the row that existed then is in a sent report; "mixed": some. */
  source: "snapshot" | "live" | "mixed";
}

/**
 * Where each row's last-year figures come from (docs/LAW.md §11.9, the same rule as the period's
 * rows): an agency a row counts last year (lastYearCovers: the unit and the units merged into it)
 * whose report of the form for last year's period was sent (`snapshots`, sentReports) counts with
 * that report's frozen figures — an upload included, the only figures of a unit that was not on
 * the system then; a report of "the unit and its units" stands for the units reporting to it on
 * last year's last day (reportingSubtreeOn), whole (its figures cannot be split by unit), so a
 * report inside another sent report's subtree is not used and those units are not counted again
 * from the records, in whatever row they are. The rest is counted from the records. `unitOnly`
 * (the consolidator's own row of a "unit and its units" report) uses only reports of the unit
 * alone: as for the period, the consolidator's row is the consolidator itself, and its report of
 * last year's whole subtree is the report this one compares with, not one of its rows.
 */
export function lastYearSources(
  graph: LoadedGraph,
  covers: ReturnType<typeof lastYearCovers>,
  snapshots: ReadonlyMap<string, Snapshot>,
  period: { from: string; to: string },
  unitOnly: number | null,
): LastYearRow[] {
  const ref = (id: string): Ref => {
    const a = graph.byId.get(id);
    return { id, code: a?.code ?? id, name: a?.name ?? id };
  };
  const candidates: LastYearSent[] = [];
  covers.forEach((c, row) => {
    for (const id of c.ids) {
      const snapshot = snapshots.get(id);
      if (!snapshot || (snapshot.subtree && row === unitOnly)) continue;
      const held = snapshot.subtree ? reportingSubtreeOn(graph, id, period.to) : [id];
      candidates.push({ agency: ref(id), snapshot, covers: held, row });
    }
  });
  // A unit's report inside another unit's sent report of "the unit and its units" is in its figures.
  const used = candidates.filter(
    (c) => !candidates.some((o) => o !== c && o.snapshot.subtree && o.covers.includes(c.agency.id)),
  );
  const holder = new Map<string, LastYearSent>();
  for (const s of used) for (const id of s.covers) holder.set(id, s);
  const existed = (id: string) => {
    const a = graph.byId.get(id);
    return a !== undefined && a.validFrom <= period.to && (a.validTo === null || a.validTo >= period.from);
  };
  return covers.map((c, row) => {
    const counted = c.ids.filter((id) => !holder.has(id));
    const sent = [...new Set(c.ids.flatMap((id) => holder.get(id) ?? []))];
    const source = sent.length === 0 ? "live" : counted.some(existed) ? "mixed" : "snapshot";
    return { ...c, counted, own: used.filter((s) => s.row === row), sent, source };
  });
}

/** The figures a consolidated report reads beside the period's own, counted once for all its forms. */
export interface ConsolidationFigures {
  /** Duplicates of the scope this period and last year (duplicates above), by indicator. */
  dup: Record<IndicatorCode, number>;
  lyDup: Record<IndicatorCode, number>;
  /** The same period last year (yearBefore). */
  lyFrom: string;
  lyTo: string;
  /** Last year's figures, agency id → indicator → value. */
  lyByAgency: Map<string, Record<string, number>>;
  /** The names of the agencies counted last year (the merged units named in the report). */
  names: Map<string, string>;
}

/**
 * What a consolidated report needs beside the period's own aggregate: the duplicates of the scope,
 * and last year's figures of each row (its agencies and the units merged into it, `lySources`,
 * lastYearSources of its contributors): its sent reports' frozen figures plus the records of the
 * rest. The duplicates stay the records' (lyDup), as for the period: a sent report holds the same
 * sender and receiver petitions a count of the records would (docs/LAW.md §11.10), but for the
 * transfers inside a sent report of "the unit and its units" (lastYearGroups).
 */
export function consolidationInputs(
  codes: readonly IndicatorCode[],
  figures: ConsolidationFigures & { lySources: LastYearRow[] },
) {
  const { dup, lyDup, lyFrom, lyTo, lyByAgency, names, lySources } = figures;
  const lyRows = lySources.map((c) => {
    const values = sumOver(lyByAgency, c.counted, codes);
    for (const s of c.own)
      for (const code of codes)
        values[code] = Math.round((values[code]! + (s.snapshot.indicators[code] ?? 0)) * 1e6) / 1e6;
    return values;
  });
  return { dup, lyFrom, lyTo, lySources, lyRows, lyTotal: consolidate(codes, lyRows, lyDup).total, names };
}

/** The rows, cells, total and consolidation block of a consolidated report. */
export function consolidatedReport(
  resolved: ResolvedReport,
  codes: readonly IndicatorCode[],
  byAgency: Map<string, Record<string, number>>,
  inputs: ReturnType<typeof consolidationInputs>,
  q: ReportRequest,
) {
  const { form, contributors } = resolved;
  const { dup, lyFrom, lyTo, lySources, lyRows, lyTotal, names } = inputs;
  const rowValues = contributors.map((c) => {
    if (c.snapshot) return Object.fromEntries(codes.map((code) => [code, c.snapshot!.indicators[code] ?? 0]));
    const frozen = new Set((c.sent ?? []).flatMap((p) => p.covers));
    const live = sumOver(
      byAgency,
      c.covers.map((a) => a.id).filter((id) => !frozen.has(id)),
      codes,
    );
    for (const p of c.sent ?? [])
      for (const code of codes) live[code] = Math.round((live[code]! + (p.snapshot.indicators[code] ?? 0)) * 1e6) / 1e6;
    return live;
  });
  const { plainSum, adjustment, total } = consolidate(codes, rowValues, dup);

  const cells: Record<string, number> = {};
  const lyCells: Record<string, number> = {};
  const rows = [{ key: TOTAL_ROW, label: "Tổng cộng" }];
  cellsOf(form, TOTAL_ROW, total, cells);
  cellsOf(form, TOTAL_ROW, lyTotal, lyCells);
  contributors.forEach((c, i) => {
    rows.push({ key: c.agency.code, label: c.note ? `${c.agency.name} (${c.note})` : c.agency.name });
    cellsOf(form, c.agency.code, rowValues[i]!, cells);
    cellsOf(form, c.agency.code, lyRows[i]!, lyCells);
  });
  // The two lines that explain a total which is not the plain sum, when a column of the form has one.
  if (form.columns.some((c) => (adjustment[c.indicator] ?? 0) !== 0)) {
    rows.push({ key: SUM_ROW, label: "Cộng các đơn vị (chưa trừ trùng)" });
    cellsOf(form, SUM_ROW, plainSum, cells);
    rows.push({ key: ADJUSTMENT_ROW, label: "Trừ: đơn chuyển giữa các đơn vị trong phạm vi (chỉ tính một lần)" });
    cellsOf(form, ADJUSTMENT_ROW, adjustment, cells);
  }

  const consolidation: ConsolidationView = {
    scope: resolved.scope === "cluster" ? "cluster" : "subtree",
    asOf: q.to,
    group: resolved.group,
    units: contributors.map((c, i) => ({
      key: c.agency.code,
      agency: c.agency,
      source: c.snapshot ? "snapshot" : "live",
      submission: c.snapshot
        ? { id: c.snapshot.id, revision: c.snapshot.revision, status: c.snapshot.status, subtree: c.snapshot.subtree }
        : null,
      agencies: c.covers.length,
      note: c.note,
      indicators: rowValues[i]!,
    })),
    plainSum,
    adjustment,
    adjustmentNote: ADJUSTMENT_NOTE,
    lastYear: {
      from: lyFrom,
      to: lyTo,
      cells: lyCells,
      indicators: lyTotal,
      successors: contributors
        .map((c, i) => ({ key: c.agency.code, predecessors: lySources[i]!.merged.map((id) => names.get(id) ?? id) }))
        .filter((s) => s.predecessors.length > 0),
      units: contributors.map((c, i) => ({
        key: c.agency.code,
        source: lySources[i]!.source,
        submissions: lySources[i]!.sent.map((s) => ({
          id: s.snapshot.id,
          agency: s.agency,
          revision: s.snapshot.revision,
          status: s.snapshot.status,
          subtree: s.snapshot.subtree,
          row: contributors[s.row]!.agency.code,
        })),
      })),
    },
  };
  return { rows, cells, indicators: total, consolidation };
}
