/**
 * One list for every register of anti-corruption records (loophole documents, prevention
 * documents, gifts, trainings, corruption cases): the rows of the reader's scope, filtered by
 * agency, by the period of the date each row counts on and by a text search, newest first and
 * paged, with the agency's name and the count of all rows the filter selects (and any totals the
 * register sums over them).
 */
import { sql, type Kysely, type RawBuilder } from "kysely";
import type { DB } from "../../db/schema.ts";
import { inScope, type AuthContext } from "../../platform/access.ts";

export type RegisterTable =
  "ac_loophole_document" | "ac_prevention_document" | "ac_gift" | "ac_training" | "ac_corruption_case";

export interface RegisterQuery {
  agencyId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  q?: string | undefined;
  page: number;
  pageSize: number;
}

export interface RegisterSpec {
  /** The table, read under the alias `r` (its agency joined as `a`). */
  table: RegisterTable;
  /** The column of the date a row counts on: the period filter and the order. */
  date: string;
  /** Text expressions on `r` that `q` searches (lower-cased; a row matches when one does). */
  search: readonly RawBuilder<string>[];
  /** The register's own filters, on `r`. */
  filters?: readonly RawBuilder<boolean>[];
  /** More columns of each row beside `r.*` and `agency_name` ("… as name"). */
  columns?: RawBuilder<unknown>;
  /** Sums over all rows the filter selects beside the count ("… as name"). */
  totals?: RawBuilder<unknown>;
  /** Oldest first (an export) rather than newest first. */
  ascending?: boolean;
}

export interface RegisterPage<Row, Totals> {
  rows: (Row & { agency_name: string })[];
  total: number;
  totals: Totals;
}

/**
 * The rows of one register for the reader. `paged: false` gives every row the filter selects (an
 * export); otherwise the page of `query`.
 */
export async function listRegister<Row, Totals = Record<string, never>>(
  db: Kysely<DB>,
  auth: AuthContext,
  query: RegisterQuery,
  spec: RegisterSpec,
  options: { paged?: boolean } = {},
): Promise<RegisterPage<Row, Totals>> {
  const date = sql.ref(`r.${spec.date}`);
  const conditions: RawBuilder<boolean>[] = [inScope(auth, "anticorruption.read", "r.agency_id")];
  if (query.agencyId) conditions.push(sql<boolean>`r.agency_id = ${query.agencyId}`);
  if (query.from) conditions.push(sql<boolean>`${date} >= ${query.from}`);
  if (query.to) conditions.push(sql<boolean>`${date} <= ${query.to}`);
  if (query.q) {
    const like = `%${query.q.toLowerCase()}%`;
    conditions.push(
      sql<boolean>`(${sql.join(
        spec.search.map((text) => sql`lower(${text}) like ${like}`),
        sql` or `,
      )})`,
    );
  }
  conditions.push(...(spec.filters ?? []));
  const where = sql.join(conditions, sql` and `);
  const from = sql`${sql.table(spec.table)} as r inner join agency as a on a.id = r.agency_id`;
  const order = spec.ascending ? sql`asc` : sql`desc`;
  const paging =
    options.paged === false ? sql`` : sql` limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}`;
  const [counted, listed] = await Promise.all([
    sql<
      Totals & { n: number }
    >`select count(*)::int as n${spec.totals ? sql`, ${spec.totals}` : sql``} from ${from} where ${where}`.execute(db),
    sql<
      Row & { agency_name: string }
    >`select r.*, a.name as agency_name${spec.columns ? sql`, ${spec.columns}` : sql``} from ${from} where ${where} order by ${date} ${order}, r.id${paging}`.execute(
      db,
    ),
  ]);
  const { n, ...totals } = counted.rows[0]!;
  return { rows: listed.rows, total: Number(n), totals: totals as Totals };
}
