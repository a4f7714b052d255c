/**
 * The records behind one figure of a form (a cell "<row>.<column>" or an indicator), in the
 * caller's scope: the same definition that counted them (compute.ts indicatorWhere), so the list
 * holds exactly the records the figure counts. A "vụ việc" figure lists its petitions (several
 * petitions of one matter appear, the figure counts the matter once). Texts are the masked ones
 * the lists show (a denunciation's excerpt without the denouncer).
 */
import { INDICATORS, rollupOf, type Indicator, type IndicatorSource } from "@minhbach/domain/reports/index";
import type { DrilldownQuery } from "@minhbach/domain/api/reports";
import { sql, type Kysely, type RawBuilder } from "kysely";
import type { DB } from "../../db/schema.ts";
import type { AuthContext } from "../../platform/access.ts";
import { fail } from "../../platform/errors.ts";
import { indicatorWhere, NO_VALUE } from "./aggregate.ts";
import { resolveAgencies, resolveReport, TOTAL_ROW } from "./compute.ts";
import { duplicateCondition } from "./rollup.ts";
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

function listQuery(
  ind: Indicator,
  agencyIds: readonly string[],
  from: string,
  to: string,
  leaveOut: RawBuilder<boolean> | null,
  group?: { column: string; value: string },
) {
  const source = SOURCE_TABLES[ind.source];
  const alias = source.alias;
  const where1 = indicatorWhere(ind, from, to);
  // A dashboard point grouped by a dimension lists the records of its value (NO_VALUE: none).
  const grouped =
    group === undefined
      ? null
      : group.value === NO_VALUE
        ? sql`${sql.ref(`${alias}.${group.column}`)} is null`
        : sql`${sql.ref(`${alias}.${group.column}`)} = ${group.value}`;
  const counted = grouped === null ? where1 : sql`(${where1} and ${grouped})`;
  const measure = ind.measure;
  // A sum lists the records that add something to it (a resolved case without money adds nothing).
  const where =
    typeof measure === "object" ? sql`(${counted} and ${sql.ref(`${alias}.${measure.sum}`)} <> 0)` : counted;
  const ids = sql.join(agencyIds.map((id) => sql`${id}`));
  const amount: RawBuilder<unknown> =
    typeof measure === "object"
      ? measure.per
        ? sql`${sql.ref(`${alias}.${measure.sum}`)}::numeric / ${sql.lit(measure.per)}`
        : sql.ref(`${alias}.${measure.sum}`)
      : sql`1`;
  const l = source.list;
  // The list's expressions are constants of sources.ts (no input reaches them).
  return sql`select ${sql.raw(l.id)} as id, ${ind.source}::text as kind, ${sql.raw(l.code)} as code,
      ${sql.raw(l.date)} as date, ${sql.raw(l.title)} as title, ${sql.raw(l.state)} as state,
      a.code as agency_code, ${amount} as amount
    from ${source.from(from)} as ${sql.table(alias)} ${sql.raw(l.joins ?? "")}
      join agency a on a.id = ${sql.ref(`${alias}.agency_id`)}
    where ${sql.ref(`${alias}.agency_id`)} in (${ids}) and ${where}${leaveOut ? sql` and not ${leaveOut}` : sql``}`;
}

export async function drilldown(db: Kysely<DB>, auth: AuthContext | null, q: DrilldownQuery) {
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
  // A unit row lists the records of the agencies it covers; the consolidated total leaves out the
  // senders' petitions it counts once, at the receiving unit (rollup.ts), as the figure does.
  const unit = contributors.find((c) => c.agency.code === row);
  const ids =
    row === TOTAL_ROW
      ? agencies.map((a) => a.id)
      : unit
        ? unit.covers.map((a) => a.id)
        : agencies.filter((a) => a.code === row).map((a) => a.id);
  const offset = (q.page - 1) * q.pageSize;
  const once = scope !== "unit" && row === TOTAL_ROW && rollupOf(ind.code) === "once";
  const base = listQuery(ind, ids, q.from, q.to, once ? duplicateCondition(ind.code, ids, q.from, q.to) : null, group);
  const result = await sql<Row>`select *, count(*) over () as n from (${base}) as l
    order by l.date, l.code, l.id limit ${q.pageSize} offset ${offset}`.execute(db);
  let total = Number(result.rows[0]?.n ?? 0);
  if (result.rows.length === 0 && q.page > 1) {
    const counted = await sql<{ n: string | number }>`select count(*) as n from (${base}) as l`.execute(db);
    total = Number(counted.rows[0]?.n ?? 0);
  }
  return {
    indicator: ind.code,
    name: ind.name,
    counts: ind.counts,
    row,
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
    page: q.page,
    pageSize: q.pageSize,
  };
}
