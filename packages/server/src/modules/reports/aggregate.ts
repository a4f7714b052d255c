/**
 * Counting the catalogue's indicators from the records (docs/LAW.md §11.7). Each indicator is a
 * window on its source's dates and a few conditions (domain reports/indicators.ts); the same
 * definition becomes the WHERE of a drill-down list (`indicatorWhere`) and a figure here.
 *
 * One pass per source, whatever the number of indicators, periods and agencies asked for:
 * 1. the rows are grouped by agency and by what the indicators look at, each column reduced to
 *    the class of its value. A date column keeps only where its value lies against the dates the
 *    indicators compare it with (before a period's first day, on it, between it and the last day,
 *    on the last day, after it), as a representative date of that class; a number compared with
 *    thresholds likewise; a column only tested for being empty keeps only that. A petition of
 *    17/01 and one of 02/02 in a quarter from 15/12 to 14/03 are one group: every condition of
 *    every indicator holds for both or for neither. A province's million petitions become a few
 *    thousand groups, counted once, in parallel on a PostgreSQL server;
 * 2. each indicator then adds up the groups its own conditions select, the same conditions
 *    applied to the representative values, so every figure is exactly the records' count or sum.
 * A matter ("vụ việc") is counted once however many of its petitions are counted: a matter of
 * one petition is that petition, so only the petitions whose matter holds several
 * (petition.matter_shared, kept by a trigger) are kept apart by matter in the groups.
 */
import {
  dataYearStart,
  SOURCE_COLUMNS,
  SOURCE_DATES,
  type Condition,
  type Indicator,
  type IndicatorSource,
  type IndicatorWindow,
} from "@minhbach/domain/reports/index";
import { addDays } from "@minhbach/domain/calendar/iso-date";
import { sql, type Kysely, type RawBuilder } from "kysely";
import type { DB } from "../../db/schema.ts";
import { SOURCE_TABLES } from "./sources.ts";

function col(source: IndicatorSource, name: string, alias = SOURCE_TABLES[source].alias): RawBuilder<unknown> {
  const allowed: readonly string[] = SOURCE_COLUMNS[source];
  const dates = SOURCE_DATES[source];
  if (
    !allowed.includes(name) &&
    name !== dates.start &&
    name !== dates.end &&
    !SOURCE_TABLES[source].summable.includes(name) &&
    name !== SOURCE_TABLES[source].matter &&
    !Object.values(SOURCE_TABLES[source].dimensions ?? {}).includes(name)
  ) {
    throw new Error(`reports: column ${source}.${name} is not in the catalogue`);
  }
  return sql.ref(`${alias}.${name}`);
}

function condition(source: IndicatorSource, c: Condition, from: string, to: string, alias?: string) {
  const ref = col(source, c.col, alias);
  if ("period" in c) return sql<boolean>`${ref} = ${c.period === "from" ? from : to}::date`;
  if ("before" in c) return sql<boolean>`${ref} < ${dataYearStart(from)}::date`;
  if ("eq" in c) return sql<boolean>`${ref} = ${c.eq}`;
  if ("in" in c) return sql<boolean>`${ref} in (${sql.join(c.in.map((v) => sql`${v}`))})`;
  if ("gt" in c) return sql<boolean>`${ref} > ${c.gt}`;
  if ("lte" in c) return sql<boolean>`${ref} <= ${c.lte}`;
  return c.isNull ? sql<boolean>`${ref} is null` : sql<boolean>`${ref} is not null`;
}

/** The source's start and end columns a window reads. */
function windowColumns(source: IndicatorSource, window: IndicatorWindow): { start?: string; end?: string } {
  const { start, end } = SOURCE_DATES[source];
  if (end === null || window === "started") return { start };
  if (window === "ended") return { end };
  return { start, end };
}

/** The time window of §11.7 on a source's start and end dates. */
function windowOf(source: IndicatorSource, window: IndicatorWindow, from: string, to: string, alias?: string) {
  const { start: s, end: e } = SOURCE_DATES[source];
  const start = col(source, s, alias);
  const end = e === null ? null : col(source, e, alias);
  const startedIn = sql<boolean>`${start} between ${from}::date and ${to}::date`;
  if (end === null) {
    if (window !== "started") throw new Error(`reports: ${source} has only events`);
    return startedIn;
  }
  switch (window) {
    case "started":
      return startedIn;
    case "ended":
      return sql<boolean>`${end} between ${from}::date and ${to}::date`;
    case "carried_over":
      return sql<boolean>`(${start} < ${from}::date and (${end} is null or ${end} >= ${from}::date))`;
    case "in_play":
      return sql<boolean>`(${start} <= ${to}::date and (${end} is null or ${end} >= ${from}::date))`;
    case "open_at_end":
      return sql<boolean>`(${start} <= ${to}::date and (${end} is null or ${end} > ${to}::date))`;
  }
}

/**
 * All of an indicator's conditions, window included, as one boolean over the source's rows (or,
 * with `alias`, over rows of the same columns under that name: the groups of `aggregateSources`).
 */
export function indicatorWhere(ind: Indicator, from: string, to: string, alias?: string): RawBuilder<boolean> {
  const parts = [
    windowOf(ind.source, ind.window, from, to, alias),
    ...ind.where.map((c) => condition(ind.source, c, from, to, alias)),
  ];
  return sql<boolean>`(${sql.join(parts, sql` and `)})`;
}

/** Rows that can count in any window of the period (an index-friendly pre-filter). */
export function relevant(source: IndicatorSource, from: string, to: string): RawBuilder<boolean> {
  const { start: s, end: e } = SOURCE_DATES[source];
  const start = col(source, s);
  if (e === null) return sql<boolean>`${start} between ${from}::date and ${to}::date`;
  const end = col(source, e);
  return sql<boolean>`((${start} <= ${to}::date or ${end} <= ${to}::date) and (${end} is null or ${end} >= ${from}::date))`;
}

/**
 * The days the wanted windows read, as few disjoint spans (overlapping or touching ones joined):
 * this period and the same period last year are two spans, so the months between them are not
 * read.
 */
function spans(list: readonly Wanted[]): [string, string][] {
  const windows = list.map((w): [string, string] => (w.from <= w.to ? [w.from, w.to] : [w.to, w.from]));
  windows.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const out: [string, string][] = [];
  for (const [a, b] of windows) {
    const last = out.at(-1);
    if (last && a <= addDays(last[1], 1)) {
      if (b > last[1]) last[1] = b;
    } else out.push([a, b]);
  }
  return out;
}

/** An indicator asked for, under its own name, over its own days (and agencies, when given). */
export interface Wanted {
  name: string;
  ind: Indicator;
  from: string;
  to: string;
  /** Add up only these agencies' records (a subset of the call's); all of them by default. */
  agencies?: readonly string[];
  /** The day "as of the period start" for the sources that need one (sources.ts); the call's `asOf` by default. */
  asOf?: string;
}

export interface Aggregated {
  /** agency id → indicator name → value; "" holds the grand total. */
  byAgency: Map<string, Record<string, number>>;
  /** With a grouping dimension: its value (NO_VALUE when empty) → indicator name → value. */
  byDimension: Map<string, Record<string, number>>;
}

/** The key of the records whose dimension column is empty (a petition without a field). */
export const NO_VALUE = "-";

/** What the groups of a source keep of each column the indicators read. */
interface Layout {
  /** Columns compared with dates or numbers: the values they are compared with. */
  ordered: Map<string, { kind: "date" | "number"; at: Set<string | number> }>;
  /** Columns compared for equality only: kept as they are (a kind, a state, a yes/no). */
  raw: Set<string>;
  /** Columns only tested for being empty. */
  emptiness: Set<string>;
  /** Columns some indicator adds up. */
  sums: Set<string>;
  /** Whether some indicator counts matters. */
  matters: boolean;
}

function layoutOf(list: readonly Wanted[]): Layout {
  const ordered: Layout["ordered"] = new Map();
  const equal = new Map<string, (string | number | boolean)[]>();
  const emptiness = new Set<string>();
  const sums = new Set<string>();
  let matters = false;
  const order = (name: string, kind: "date" | "number", value: string | number) => {
    const entry = ordered.get(name) ?? { kind, at: new Set() };
    if (entry.kind !== kind) throw new Error(`reports: column ${name} compared with a date and a number`);
    entry.at.add(value);
    ordered.set(name, entry);
  };
  for (const { ind, from, to } of list) {
    const { start, end } = windowColumns(ind.source, ind.window);
    for (const name of [start, end]) {
      if (name === undefined) continue;
      order(name, "date", from);
      order(name, "date", to);
    }
    for (const c of ind.where) {
      if ("period" in c) order(c.col, "date", c.period === "from" ? from : to);
      else if ("before" in c) order(c.col, "date", dataYearStart(from));
      else if ("gt" in c) order(c.col, "number", c.gt);
      else if ("lte" in c) order(c.col, "number", c.lte);
      else if ("eq" in c) equal.set(c.col, [...(equal.get(c.col) ?? []), c.eq]);
      else if ("in" in c) equal.set(c.col, [...(equal.get(c.col) ?? []), ...c.in]);
      else emptiness.add(c.col);
    }
    if (ind.measure === "matters") matters = true;
    else if (typeof ind.measure === "object") sums.add(ind.measure.sum);
  }
  const raw = new Set<string>();
  for (const [name, values] of equal) {
    const entry = ordered.get(name);
    // Compared for equality and by order: the values it must equal are classes of their own.
    if (!entry) raw.add(name);
    else
      for (const v of values) {
        if (typeof v === "boolean") throw new Error(`reports: column ${name} compared with yes/no and by order`);
        entry.at.add(v);
      }
  }
  for (const name of [...ordered.keys(), ...raw]) emptiness.delete(name);
  return { ordered, raw, emptiness, sums, matters };
}

/**
 * A value reduced to its class against sorted thresholds t0 < t1 < … : below t0, equal to one,
 * strictly between two, above the last. Each class is given a value inside it (t0 − 1, the
 * threshold itself, the one after ti, the one after the last), found by halving the thresholds,
 * so that every comparison with a threshold gives the same answer for the class as for the value.
 * Between two consecutive days there is no day: that class is never reached.
 */
function classOf(ref: RawBuilder<unknown>, kind: "date" | "number", at: Set<string | number>): RawBuilder<unknown> {
  const t = kind === "date" ? [...at].map(String).sort() : [...at].map(Number).sort((a, b) => a - b);
  const literal = (v: string | number) => (kind === "date" ? sql`${v}::date` : sql`${v}::numeric`);
  /** A value of class i: below t0 (i = 0), between t[i - 1] and t[i], above the last (i = t.length). */
  const inside = (i: number): string | number => {
    if (kind === "date") return i === 0 ? addDays(String(t[0]), -1) : addDays(String(t[i - 1]), 1);
    if (i === 0) return Number(t[0]) - 1;
    if (i === t.length) return Number(t[i - 1]) + 1;
    return (Number(t[i - 1]) + Number(t[i])) / 2;
  };
  // The values above t[i - 1] and below t[j] (no bound at 0 and at t.length).
  const between = (i: number, j: number): RawBuilder<unknown> => {
    if (i === j) return literal(inside(i));
    const mid = (i + j) >> 1;
    const m = literal(t[mid]!);
    return sql`case when ${ref} < ${m} then ${between(i, mid)} when ${ref} = ${m} then ${m} else ${between(mid + 1, j)} end`;
  };
  return sql`case when ${ref} is null then null else ${between(0, t.length)} end`;
}

const COUNT = "n__";
const MATTER = "matter__";
const sumName = (name: string) => `sum__${name}`;

/**
 * One query per source: every wanted indicator per agency and in total (and per value of the
 * dimension `by`, a column of the catalogue's sources.ts `dimensions`, when given). Only the days
 * of the wanted windows are read. `asOf` is the day "as of the period start" of the indicators
 * that do not name their own. `progress` is told each source once it is counted.
 */
export async function aggregateSources(
  db: Kysely<DB>,
  agencyIds: readonly string[],
  wanted: readonly Wanted[],
  asOf: string,
  by?: string,
  progress?: (source: IndicatorSource) => Promise<void>,
): Promise<Aggregated> {
  const byAgency = new Map<string, Record<string, number>>();
  const byDimension = new Map<string, Record<string, number>>();
  if (agencyIds.length === 0) return { byAgency, byDimension };
  // A source whose rows depend on the day "as of the period start" is read once per such day.
  const bySource = new Map<IndicatorSource, Map<string, Wanted[]>>();
  for (const w of wanted) {
    const day = SOURCE_TABLES[w.ind.source].asOfStart ? (w.asOf ?? asOf) : asOf;
    const days = bySource.get(w.ind.source) ?? new Map<string, Wanted[]>();
    days.set(day, [...(days.get(day) ?? []), w]);
    bySource.set(w.ind.source, days);
  }
  const read = async (source: IndicatorSource, day: string, list: readonly Wanted[]) => {
    for (const row of await aggregateSource(db, source, day, agencyIds, list, by)) {
      const perDimension = Number(row.no_dim) === 0;
      const key = perDimension ? String(row.dim ?? NO_VALUE) : Number(row.total) === 1 ? "" : String(row.agency_id);
      const target = perDimension ? byDimension : byAgency;
      const values = target.get(key) ?? {};
      list.forEach((w, i) => (values[w.name] = Number(row[`i${i}`] ?? 0)));
      target.set(key, values);
    }
  };
  await Promise.all(
    [...bySource].map(async ([source, days]) => {
      await Promise.all([...days].map(([day, list]) => read(source, day, list)));
      await progress?.(source);
    }),
  );
  return { byAgency, byDimension };
}

async function aggregateSource(
  db: Kysely<DB>,
  source: IndicatorSource,
  asOf: string,
  agencyIds: readonly string[],
  list: readonly Wanted[],
  by: string | undefined,
) {
  const { from: fromItem, alias, dimensions, matter } = SOURCE_TABLES[source];
  const layout = layoutOf(list);
  const read = spans(list);
  const dimension = by === undefined ? undefined : dimensions?.[by];
  if (dimension !== undefined) {
    layout.raw.add(dimension);
    layout.ordered.delete(dimension);
    layout.emptiness.delete(dimension);
  }
  const keys: RawBuilder<unknown>[] = [sql`${sql.ref(`${alias}.agency_id`)} as agency_id`];
  for (const [name, { kind, at }] of layout.ordered)
    keys.push(sql`${classOf(col(source, name), kind, at)} as ${sql.ref(name)}`);
  for (const name of layout.raw) keys.push(sql`${col(source, name)} as ${sql.ref(name)}`);
  for (const name of layout.emptiness)
    keys.push(sql`case when ${col(source, name)} is null then null else 0 end as ${sql.ref(name)}`);
  const shared = SOURCE_TABLES[source].matterShared;
  if (layout.matters) {
    if (matter === null || shared === undefined) throw new Error(`reports: ${source} has no matter`);
    // The matter of a row whose matter holds other rows; none for a matter of its own.
    keys.push(sql`case when ${sql.ref(`${alias}.${shared}`)} then ${col(source, matter)} end as ${sql.ref(MATTER)}`);
  }
  const measures = [
    sql`count(*) as ${sql.ref(COUNT)}`,
    ...[...layout.sums].map((name) => sql`sum(${col(source, name)}) as ${sql.ref(sumName(name))}`),
  ];
  const groups = sql`(select ${sql.join(keys)}, ${sql.join(measures)}
    from ${fromItem(asOf)} as ${sql.table(alias)}
    where ${sql.ref(`${alias}.agency_id`)} in (${sql.join(agencyIds.map((id) => sql`${id}`))})
      and (${sql.join(
        read.map(([a, b]) => relevant(source, a, b)),
        sql` or `,
      )})
    group by ${sql.join(keys.map((_, i) => sql.raw(String(i + 1))))})`;

  const columns = list.map((w, i) => {
    const where = within(indicatorWhere(w.ind, w.from, w.to, "g"), w, "g");
    let value: RawBuilder<unknown>;
    if (w.ind.measure === "count") value = sql`coalesce(sum(g.${sql.ref(COUNT)}) filter (where ${where}), 0)`;
    // A matter of one petition is that petition; a matter of several is counted once.
    else if (w.ind.measure === "matters")
      value = sql`coalesce(sum(g.${sql.ref(COUNT)}) filter (where ${where} and g.${sql.ref(MATTER)} is null), 0)
        + count(distinct g.${sql.ref(MATTER)}) filter (where ${where})`;
    else {
      const total = sql`coalesce(sum(g.${sql.ref(sumName(w.ind.measure.sum))}) filter (where ${where}), 0)`;
      // Added up first, divided once (đồng → triệu đồng): exact decimals, no drift from row to row.
      value = w.ind.measure.per ? sql`(${total})::numeric / ${sql.lit(w.ind.measure.per)}` : total;
    }
    return sql`${value} as ${sql.ref(`i${i}`)}`;
  });
  const agency = sql.ref("g.agency_id");
  const extra = dimension === undefined ? null : sql.ref(`g.${dimension}`);
  // A report runs a few heavy aggregates: memory enough to count the groups in a hash table (the
  // planner cannot foresee how few groups there are), in this transaction only.
  return db.transaction().execute(async (trx) => {
    await sql`set local work_mem = '64MB'`.execute(trx);
    // The groups are counted on their own (a hash table), then added up per agency: planned as one
    // query, the sorted order the totals want made PostgreSQL sort every row instead.
    const result = await sql<Record<string, unknown>>`
      with g as materialized ${groups}
      select ${agency} as agency_id, grouping(${agency}) as total,
        ${extra === null ? sql`null` : extra} as dim, ${extra === null ? sql`1` : sql`grouping(${extra})`} as no_dim,
        ${sql.join(columns)}
      from g
      group by grouping sets ((${agency}), ${extra === null ? sql`` : sql`(${extra}),`} ())`.execute(trx);
    return result.rows;
  });
}

/** The indicator's condition, within its own agencies when it has some. */
function within(where: RawBuilder<boolean>, w: Wanted, alias: string): RawBuilder<boolean> {
  if (!w.agencies) return where;
  const ids = sql.join(w.agencies.map((id) => sql`${id}`));
  return sql<boolean>`(${where} and ${sql.ref(`${alias}.agency_id`)} in (${ids}))`;
}
