/**
 * How the list's filtered rows are read (by the list, its search and its Excel export): the
 * caller's scope resolved to agencies, the ids in the list's order (merged per agency in a
 * subtree), and the matches counted with their page in one scan.
 */
import type { PetitionListQuery } from "@minhbach/domain/api/petitions";
import { sql, type Kysely, type Transaction } from "kysely";
import type { DB } from "../../db/schema.ts";
import { scopeOf, type AuthContext } from "../../platform/access.ts";
import { throughBitmaps } from "./search/scans.ts";

/** The petitions (as p), for the list's filters to narrow. */
export function selectPetitions(db: Kysely<DB>) {
  return db.selectFrom("petition as p");
}

/** The petitions (as p) narrowed by the list's filters. */
export type FilteredPetitions = ReturnType<typeof selectPetitions>;

/** Filtered rows of the caller's scope, with what the per-agency merge of a subtree needs. */
export interface ScopedRows {
  q: FilteredPetitions;
  /** The same filters without the scope, for the per-agency merge of a subtree (see orderedIds). */
  perAgency: { db: Kysely<DB>; agencies: readonly string[]; unscoped: FilteredPetitions } | null;
}

/** The filters kept to the scope's agencies (scopeAgencies). */
export function scopedRows(db: Kysely<DB>, unscoped: FilteredPetitions, agencies: readonly string[]): ScopedRows {
  return {
    q: unscoped.where(scopeCondition(agencies)),
    perAgency: agencies.length > 1 ? { db, agencies, unscoped } : null,
  };
}

/** The list's sort keys and the columns they sort by (each with its ordered index). */
const SORTS = {
  receivedOn: "received_on",
  due: "due_on",
  status: "state",
  kind: "kind",
} as const;

/**
 * The agencies whose rows `inScope(auth, "petition.read", "p.agency_id")` keeps, resolved first
 * (one small query on agency): the planner then sees `agency_id = $1` (or a short list) and walks
 * the (agency_id, sort column, id) indexes in order, instead of a semi-join it cannot estimate
 * followed by a sort of every row of the scope.
 */
export async function scopeAgencies(db: Kysely<DB>, auth: AuthContext): Promise<string[]> {
  const scope = scopeOf(auth, "petition.read");
  if (scope === null) return [];
  if (scope === "own") return [auth.agencyId];
  const rows = await db
    .selectFrom("agency")
    .select("id")
    .where("path", "like", auth.agencyPath + "%")
    .orderBy("id")
    .execute();
  return rows.map((r) => r.id);
}

export function scopeCondition(agencies: readonly string[]) {
  if (!agencies.length) return sql<boolean>`false`;
  if (agencies.length === 1) return sql<boolean>`p.agency_id = ${agencies[0]}`;
  return sql<boolean>`p.agency_id in (${sql.join(agencies)})`;
}

/** Up to this many agencies, a scope's list is merged from one ordered index scan per agency. */
const MERGE_MAX_AGENCIES = 64;

/** A list's page, for a search's probe to count the matches as listPetitions would (countWithPage). */
export interface Counting {
  query: PetitionListQuery;
  offset: number;
  /** How many matches to count at most (+ 1). */
  reads: number;
}

/** The ids of the matches in the list's order (sort column, then id). */
export function orderedIds(
  rows: ScopedRows,
  query: Pick<PetitionListQuery, "sort" | "order">,
  /** How many rows the caller reads at most (offset + page size): lets a subtree merge per agency. */
  upTo?: number,
) {
  const column = SORTS[query.sort];
  const direction = query.order;
  const single = rows.q
    .select("p.id")
    .$call((qb) =>
      column === "due_on"
        ? qb.orderBy("p.due_on", (ob) => (direction === "asc" ? ob.asc().nullsLast() : ob.desc().nullsLast()))
        : qb.orderBy(`p.${column}`, direction),
    )
    .orderBy("p.id", direction);
  const split = rows.perAgency;
  if (!split || upTo === undefined || split.agencies.length > MERGE_MAX_AGENCIES) return single;
  // A subtree of several agencies: one branch per agency, each reading its first `upTo` rows in
  // order from its (agency_id, sort column, id) index, merged (Merge Append) up to the page; the
  // same rows in the same order as the single query, without sorting the whole scope.
  const dir = direction === "asc" ? sql`asc` : sql`desc`;
  const nulls = column === "due_on" ? sql`nulls last` : sql``;
  const branches = split.agencies.map(
    (id) =>
      sql`(${split.unscoped
        .where("p.agency_id", "=", id)
        .select(["p.id", sql.ref(`p.${column}`).as("k")])
        .orderBy(sql`${sql.ref(`p.${column}`)} ${dir} ${nulls}`)
        .orderBy(sql`p.id ${dir}`)
        .limit(upTo)})`,
  );
  const merged = split.db
    .selectFrom(sql<{ id: string; k: unknown }>`(${sql.join(branches, sql` union all `)})`.as("u"))
    .select(sql<string>`u.id`.as("id"))
    .orderBy(sql`u.k ${dir} ${nulls}`)
    .orderBy(sql`u.id ${dir}`);
  return merged as unknown as typeof single;
}

/**
 * Counts the matches up to the cap + 1 in one scan that also keeps their sort key, and sorts the
 * page out of them: exact when there are no more than the cap (the same order as orderedIds:
 * sort column, then id).
 */
export async function countWithPage(
  db: Kysely<DB>,
  q: FilteredPetitions,
  query: PetitionListQuery,
  offset: number,
  /** Count up to cap + 1 matches; null counts them all. */
  cap: number | null,
  /** A search's transaction already kept to bitmaps (throughBitmaps) to count in. */
  inBitmaps?: Transaction<DB>,
): Promise<Counted> {
  const column = SORTS[query.sort];
  const dir = query.order === "asc" ? sql`asc` : sql`desc`;
  const nulls = column === "due_on" ? sql`nulls last` : sql``;
  // With each match of a search, the table block it lies in (ctid): how far into the table the
  // count had to go. Not for the other filters: the ctid takes a read of the row, where their
  // count is an index-only scan.
  const block = query.q ? sql<number>`(p.ctid::text::point)[0]` : sql<number>`null::int`;
  const matches = q
    .select(["p.id", sql.ref(`p.${column}`).as("k"), block.as("b")])
    .$if(cap !== null, (qb) => qb.limit(cap! + 1));
  const counted = sql<{
    n: number | string;
    ids: string[] | string | null;
    last_block: number | null;
    blocks: number | string;
    rows: number | string;
  }>`
    with m as materialized (${matches})
    select (select count(*) from m)::int as n,
      (select json_agg(s.id order by s.k ${dir} ${nulls}, s.id ${dir}) from (
        select m.id, m.k from m order by m.k ${dir} ${nulls}, m.id ${dir} limit ${query.pageSize} offset ${offset}
      ) s) as ids,
      (select max(m.b) from m) as last_block,
      pg_relation_size('petition') / current_setting('block_size')::int as blocks,
      (select greatest(reltuples, 0) from pg_class where oid = 'petition'::regclass) as rows`;
  // A search counts through bitmaps only. A common word ("điện" is in a third of the letters)
  // makes a scan of the whole table look cheap to the planner, which does not know that testing a
  // row reads its tsvector from the TOAST table; through the search index it is several times
  // faster. And a bitmap reads the table in order, which the estimate of listPetitions relies on.
  const { rows } = inBitmaps
    ? await counted.execute(inBitmaps)
    : query.q
      ? await db.transaction().execute(async (trx) => {
          await throughBitmaps(trx);
          return counted.execute(trx);
        })
      : await counted.execute(db);
  const row = rows[0]!;
  const ids = typeof row.ids === "string" ? (JSON.parse(row.ids) as string[]) : (row.ids ?? []);
  const blocks = Number(row.blocks);
  return {
    n: Number(row.n),
    ids,
    reach: row.last_block === null || !blocks ? 0 : (Number(row.last_block) + 1) / blocks,
    rows: Number(row.rows),
  };
}

/** The matches countWithPage counted (up to its cap + 1), and the page sorted out of them. */
export interface Counted {
  n: number;
  ids: string[];
  /** The share of the table's blocks the count read (in order, on a bitmap scan). */
  reach: number;
  /** The planner's estimate of the table's rows (0 before its first analyze). */
  rows: number;
}
