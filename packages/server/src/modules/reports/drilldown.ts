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
import { indicatorWhere, resolveReport, TOTAL_ROW } from "./compute.ts";
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
) {
  const source = SOURCE_TABLES[ind.source];
  const alias = source.alias;
  const counted = indicatorWhere(ind, from, to);
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
  const { form, agencies, contributors, scope } = await resolveReport(db, auth, q);
  let row = TOTAL_ROW;
  let code = q.indicator;
  if (q.cell !== undefined) {
    const dot = q.cell.lastIndexOf(".");
    row = q.cell.slice(0, dot);
    const column = form.columns.find((c) => c.no === Number(q.cell!.slice(dot + 1)));
    if (!column) fail("REPORT_CELL_UNKNOWN", "cell");
    if (row !== TOTAL_ROW && !contributors.some((c) => c.agency.code === row)) fail("REPORT_CELL_UNKNOWN", "cell");
    code = column.indicator;
  }
  const ind = code === undefined ? undefined : INDICATORS[code];
  if (!ind) fail("REPORT_CELL_UNKNOWN", "indicator");
  // A unit row lists the records of the agencies it covers; the consolidated total leaves out the
  // senders' petitions it counts once, at the receiving unit (rollup.ts), as the figure does.
  const ids =
    row === TOTAL_ROW
      ? agencies.map((a) => a.id)
      : contributors.find((c) => c.agency.code === row)!.covers.map((a) => a.id);
  const offset = (q.page - 1) * q.pageSize;
  const once = scope !== "unit" && row === TOTAL_ROW && rollupOf(ind.code) === "once";
  const base = listQuery(ind, ids, q.from, q.to, once ? duplicateCondition(ind.code, ids, q.from, q.to) : null);
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
