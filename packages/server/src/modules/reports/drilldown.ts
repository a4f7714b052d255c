/**
 * The records behind one figure of a form (a cell "<row>.<column>" or an indicator), in the
 * caller's scope: the same definition that counted them (compute.ts indicatorWhere), so the list
 * holds exactly the records the figure counts. A "vụ việc" figure lists its petitions (several
 * petitions of one matter appear, the figure counts the matter once). Texts are the masked ones
 * the lists show (a denunciation's excerpt without the denouncer).
 *
 * A consolidated report's row that stands on a unit's sent report (rollup.ts) holds the figures
 * frozen at the save (docs/LAW.md §11.7): its list is the records kept with that report then
 * (freezeRecords, below; migration 0050), shown as they are now, with what each added to a sum
 * then. A unit that uploaded its Excel form has no records here, and a report saved before the
 * records were kept has none either; the answer says so (`sources`) instead of a list that does
 * not add up to the figure.
 */
import {
  formIndicators,
  INDICATORS,
  rollupOf,
  type Indicator,
  type IndicatorCode,
  type IndicatorSource,
} from "@minhbach/domain/reports/index";
import type { DrilldownQuery, DrilldownView } from "@minhbach/domain/api/reports";
import { sql, type Kysely, type RawBuilder } from "kysely";
import type { DB } from "../../db/schema.ts";
import type { AuthContext } from "../../platform/access.ts";
import { fail } from "../../platform/errors.ts";
import { indicatorWhere, NO_VALUE, relevant } from "./aggregate.ts";
import { resolveAgencies, resolveReport, TOTAL_ROW, type ResolvedReport } from "./compute.ts";
import { dedupedGroups, duplicateCondition, statusText, type Contributor } from "./rollup.ts";
import { SOURCE_TABLES } from "./sources.ts";

interface Row {
  id: string;
  kind: IndicatorSource;
  code: string;
  date: string;
  title: string;
  state: string;
  agency_code: string;
  amount: string | number;
  n: string | number;
}

/** Where a list's records come from: the records of some agencies now, or a sent report's kept ones. */
export type Part = { live: readonly string[] } | { frozen: string; subtree: boolean; row?: string };

/**
 * What an indicator counts of its source (the alias of sources.ts): the WHERE (a sum lists only the
 * records that add something to it: a resolved case without money adds nothing) and what each
 * record adds (1 for a count).
 */
function countedBy(ind: Indicator, from: string, to: string, group?: { column: string; value: string }) {
  const alias = SOURCE_TABLES[ind.source].alias;
  const measure = ind.measure;
  const where1 = indicatorWhere(ind, from, to);
  // A dashboard point grouped by a dimension lists the records of its value (NO_VALUE: none).
  const grouped =
    group === undefined
      ? null
      : group.value === NO_VALUE
        ? sql`${sql.ref(`${alias}.${group.column}`)} is null`
        : sql`${sql.ref(`${alias}.${group.column}`)} = ${group.value}`;
  const counted = grouped === null ? where1 : sql`(${where1} and ${grouped})`;
  const where =
    typeof measure === "object" ? sql`(${counted} and ${sql.ref(`${alias}.${measure.sum}`)} <> 0)` : counted;
  const amount: RawBuilder<unknown> =
    typeof measure === "object"
      ? measure.per
        ? sql`${sql.ref(`${alias}.${measure.sum}`)}::numeric / ${sql.lit(measure.per)}`
        : sql.ref(`${alias}.${measure.sum}`)
      : sql`1`;
  return { where, amount };
}

function listQuery(
  ind: Indicator,
  part: Part,
  from: string,
  to: string,
  leaveOut: RawBuilder<boolean> | null,
  group?: { column: string; value: string },
) {
  const source = SOURCE_TABLES[ind.source];
  const alias = source.alias;
  const l = source.list;
  const tail = leaveOut ? sql` and not ${leaveOut}` : sql``;
  // The list's expressions are constants of sources.ts (no input reaches them).
  const columns = (amount: RawBuilder<unknown>) => sql`${sql.raw(l.id)} as id, ${ind.source}::text as kind,
      ${sql.raw(l.code)} as code, ${sql.raw(l.date)} as date, ${sql.raw(l.title)} as title,
      ${sql.raw(l.state)} as state, a.code as agency_code, ${amount} as amount`;
  const body = sql`from ${source.from(from)} as ${sql.table(alias)} ${sql.raw(l.joins ?? "")}
      join agency a on a.id = ${sql.ref(`${alias}.agency_id`)}`;
  if ("frozen" in part) {
    // A report of "the unit and its units" counted a petition sent between two of them once, at
    // the receiver (its total is after its own duplicates): its list leaves the sender out too.
    const within =
      part.subtree && rollupOf(ind.code) === "once"
        ? sql` and not exists (select 1 from petition r where r.transferred_from_id = ${sql.raw(l.id)}
            and exists (select 1 from report_submission_record k2 where k2.submission_id = k.submission_id
              and k2.record_id = r.id::text and ${ind.code} = any (k2.indicators)
              ${part.row === undefined ? sql`` : sql`and k2.row_key = k.row_key`}))`
        : sql``;
    // The records kept at the save (one row of the report, or all), with what each added then.
    const row = part.row === undefined ? sql`` : sql` and k.row_key = ${part.row}`;
    const added = sql`coalesce((k.amounts ->> ${ind.code}::text)::numeric, 1)`;
    return sql`select ${columns(added)} ${body}
      join report_submission_record k on ${sql.raw(l.id)} = ${l.textId ? sql`k.record_id` : sql`k.record_id::uuid`}
    where k.submission_id = ${part.frozen} and ${ind.code} = any (k.indicators)${row}${within}${tail}`;
  }
  const { where, amount } = countedBy(ind, from, to, group);
  const ids = sql.join(part.live.map((id) => sql`${id}`));
  return sql`select ${columns(amount)} ${body}
    where ${sql.ref(`${alias}.agency_id`)} in (${ids}) and ${where}${tail}`;
}

/**
 * The records of some agencies that the indicators of one source count, each once with the
 * indicators that count it and, for sums, what it adds to each, as freezeRecords keeps them: one
 * pass over the source, each record's conditions tested in its row (no row per indicator).
 */
function keptQuery(inds: readonly Indicator[], ids: readonly string[], from: string, to: string) {
  const source = SOURCE_TABLES[inds[0]!.source];
  const alias = source.alias;
  const counted = inds.map((ind) => ({ ind, ...countedBy(ind, from, to) }));
  const codes = counted.map(({ ind, where }) => sql`case when ${where} then ${ind.code}::text end`);
  const sums = counted
    .filter(({ ind }) => typeof ind.measure === "object")
    .map(({ ind, where, amount }) => sql`${ind.code}::text, case when ${where} then (${amount})::numeric end`);
  const agencies = sql.join(ids.map((id) => sql`${id}`));
  return sql`select * from (select (${sql.raw(source.list.id)})::text as id, ${sql.ref(`${alias}.agency_id`)} as agency_id,
        array_remove(array[${sql.join(codes)}], null) as indicators,
        ${sums.length ? sql`jsonb_strip_nulls(jsonb_build_object(${sql.join(sums)}))` : sql`null::jsonb`} as amounts
      from ${source.from(from)} as ${sql.table(alias)} ${sql.raw(source.list.joins ?? "")}
      where ${sql.ref(`${alias}.agency_id`)} in (${agencies}) and ${relevant(inds[0]!.source, from, to)}) as x
    where cardinality(x.indicators) > 0`;
}

type Source = DrilldownView["sources"][number];

/**
 * A consolidated row's agencies and the sent reports it stands on. `live`: the agencies counted
 * from the records now; an uploaded form has no records, and a report saved before the records
 * were kept lends none, so its agencies count now too (the nearest there is).
 */
function rowParts(c: Contributor) {
  const sent = c.snapshot
    ? [{ agency: c.agency, covers: c.covers.map((a) => a.id), snapshot: c.snapshot }]
    : (c.sent ?? []);
  const held = new Set(
    sent.filter((p) => p.snapshot.origin === "upload" || p.snapshot.recordsFrozen).flatMap((p) => p.covers),
  );
  const frozen = (p: (typeof sent)[number]) => p.snapshot.origin !== "upload" && p.snapshot.recordsFrozen;
  return { live: c.covers.map((a) => a.id).filter((id) => !held.has(id)), sent, frozen };
}

/**
 * A consolidated report's row as parts of a list: the records of its agencies counted now, and for
 * each sent report the records kept with it; `sources` says which (rowParts).
 */
function partsOf(c: Contributor, sources: Source[]): Part[] {
  const { live, sent, frozen } = rowParts(c);
  const parts: Part[] = live.length > 0 ? [{ live }] : [];
  for (const p of sent) {
    const kind = p.snapshot.origin === "upload" ? "upload" : frozen(p) ? "frozen" : "today";
    sources.push({
      agencyCode: p.agency.code,
      agencyName: p.agency.name,
      revision: p.snapshot.revision,
      status: statusText(p.snapshot.status),
      kind,
    });
    if (kind === "frozen") parts.push({ frozen: p.snapshot.id, subtree: p.snapshot.subtree });
  }
  return parts;
}

export async function drilldown(db: Kysely<DB>, auth: AuthContext | null, q: DrilldownQuery): Promise<DrilldownView> {
  // A cell needs its form (checked with its period); an indicator alone (a dashboard point) does not.
  const { form, agencies, contributors, scope } =
    q.form !== undefined
      ? await resolveReport(db, auth, { ...q, form: q.form })
      : {
          form: null,
          contributors: [],
          scope: "unit" as const,
          ...(await resolveAgencies(db, auth, q.agencyId, q.subtree, q.to)),
        };
  let row = TOTAL_ROW;
  let code = q.indicator;
  if (q.cell !== undefined && form !== null) {
    const dot = q.cell.lastIndexOf(".");
    row = q.cell.slice(0, dot);
    const column = form.columns.find((c) => c.no === Number(q.cell!.slice(dot + 1)));
    if (!column) fail("REPORT_CELL_UNKNOWN", "cell");
    if (row !== TOTAL_ROW && !contributors.some((c) => c.agency.code === row)) fail("REPORT_CELL_UNKNOWN", "cell");
    code = column.indicator;
  }
  const ind = code === undefined ? undefined : INDICATORS[code];
  if (!ind) fail("REPORT_CELL_UNKNOWN", "indicator");
  let group: { column: string; value: string } | undefined;
  if (q.dimension === "area") {
    // An area is an agency of the subtree: its row.
    if (!agencies.some((a) => a.code === q.value) || (row !== TOTAL_ROW && row !== q.value))
      fail("REPORT_CELL_UNKNOWN", "value");
    row = q.value!;
  } else if (q.dimension !== undefined) {
    const column = SOURCE_TABLES[ind.source].dimensions?.[q.dimension];
    if (column === undefined) fail("REPORT_CELL_UNKNOWN", "dimension");
    group = { column, value: q.value! };
  }
  // A unit row lists the records its figures stand on (its agencies now, or its sent report's);
  // the consolidated total leaves out the senders' petitions it counts once, at the receiving
  // unit (rollup.ts), as the figure does.
  const sources: Source[] = [];
  const unit = contributors.find((c) => c.agency.code === row);
  // (A dashboard point grouped by a dimension is always counted from the records now.)
  const frozenRows = group === undefined;
  const parts: Part[] =
    row === TOTAL_ROW
      ? contributors.length > 0 && frozenRows
        ? contributors.flatMap((c) => partsOf(c, sources))
        : [{ live: agencies.map((a) => a.id) }]
      : unit && frozenRows
        ? partsOf(unit, sources)
        : unit
          ? [{ live: unit.covers.map((a) => a.id) }]
          : [{ live: agencies.filter((a) => a.code === row).map((a) => a.id) }];
  const once = scope !== "unit" && row === TOTAL_ROW && rollupOf(ind.code) === "once";
  const scopeIds = agencies.map((a) => a.id);
  const leaveOut = once ? duplicateCondition(ind.code, scopeIds, q.from, q.to, dedupedGroups(contributors)) : null;
  const view = {
    indicator: ind.code,
    name: ind.name,
    counts: ind.counts,
    row,
    sources,
    page: q.page,
    pageSize: q.pageSize,
  };
  return { ...view, ...(await listParts(db, ind, parts, q, leaveOut, group)) };
}

/** One page of the records of some parts (their union), in date order, with their number. */
export async function listParts(
  db: Kysely<DB>,
  ind: Indicator,
  parts: readonly Part[],
  q: { from: string; to: string; page: number; pageSize: number },
  leaveOut: RawBuilder<boolean> | null = null,
  group?: { column: string; value: string },
): Promise<Pick<DrilldownView, "items" | "total">> {
  if (parts.length === 0) return { items: [], total: 0 };
  const offset = (q.page - 1) * q.pageSize;
  const base = sql.join(
    parts.map((part) => sql`(${listQuery(ind, part, q.from, q.to, leaveOut, group)})`),
    sql` union all `,
  );
  const result = await sql<Row>`select *, count(*) over () as n from (${base}) as l
    order by l.date, l.code, l.id limit ${q.pageSize} offset ${offset}`.execute(db);
  let total = Number(result.rows[0]?.n ?? 0);
  if (result.rows.length === 0 && q.page > 1) {
    const counted = await sql<{ n: string | number }>`select count(*) as n from (${base}) as l`.execute(db);
    total = Number(counted.rows[0]?.n ?? 0);
  }
  return {
    items: result.rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      code: r.code,
      date: r.date,
      title: r.title,
      state: r.state,
      agencyCode: r.agency_code,
      amount: Number(r.amount),
    })),
    total,
  };
}

/**
 * Keeps, with a report being saved, the records each of its indicators counts, row by row
 * (migration 0050): a unit's own report under the total row; a consolidated report's unit rows
 * from the records now, or, for a unit that sent its report, the records kept with that report.
 * Runs in the save's transaction: the report row and its records are written together.
 */
export async function freezeRecords(
  trx: Kysely<DB>,
  submissionId: string,
  resolved: ResolvedReport,
  from: string,
  to: string,
): Promise<void> {
  await trx.deleteFrom("report_submission_record").where("submission_id", "=", submissionId).execute();
  const codes: IndicatorCode[] = formIndicators(resolved.form);
  const rows: { key: string; live: string[]; sent: string[] }[] =
    resolved.contributors.length === 0
      ? [{ key: TOTAL_ROW, live: [resolved.agency.id], sent: [] }]
      : resolved.contributors.map((c) => {
          const { live, sent, frozen } = rowParts(c);
          return { key: c.agency.code, live, sent: sent.filter(frozen).map((p) => p.snapshot.id) };
        });
  const live = rows.flatMap((r) => r.live.map((id) => ({ id, key: r.key })));
  if (live.length > 0) {
    const keys = sql.join(live.map((r) => sql`(${r.id}::uuid, ${r.key}::text)`));
    const bySource = new Map<IndicatorSource, Indicator[]>();
    for (const code of codes) {
      const ind = INDICATORS[code]!;
      bySource.set(ind.source, [...(bySource.get(ind.source) ?? []), ind]);
    }
    for (const inds of bySource.values())
      await sql`insert into report_submission_record (submission_id, row_key, record_id, indicators, amounts)
        select ${submissionId}, m.row_key, l.id, l.indicators, l.amounts
        from (${keptQuery(
          inds,
          live.map((r) => r.id),
          from,
          to,
        )}) as l
          join (values ${keys}) as m (agency_id, row_key) on m.agency_id = l.agency_id
        on conflict do nothing`.execute(trx);
  }
  for (const r of rows)
    for (const id of r.sent)
      await sql`insert into report_submission_record (submission_id, row_key, record_id, indicators, amounts)
        select ${submissionId}, ${r.key}, record_id, indicators, amounts from report_submission_record
        where submission_id = ${id}
        on conflict do nothing`.execute(trx);
  await trx.updateTable("report_submission").set({ records_frozen: true }).where("id", "=", submissionId).execute();
}
