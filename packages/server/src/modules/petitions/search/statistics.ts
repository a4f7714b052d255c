/**
 * The search's figures from the planner's statistics: how common each common word and syllable
 * pair is, and how many letters there are. They order a needle's words (the rarest through the
 * index) and its typo corrections, and tell how many matches a search should expect.
 */
import { sql, type Kysely } from "kysely";
import type { DB } from "../../../db/schema.ts";

export interface SearchStatistics {
  /** The share of the letters holding each of the commonest words and pairs. */
  shares: Map<string, number>;
  /** The planner's estimate of the petitions in the table (0 before its first analyze). */
  rows: number;
}

/** The search's figures from the planner's statistics, by database. */
const statisticsCache = new WeakMap<Kysely<DB>, { at: number; statistics: Promise<SearchStatistics> }>();

/**
 * The share of the letters holding each of the commonest words of the search text and of its
 * syllable pairs ("xang_dau"; a few hundred of each, each in at least about one letter in two
 * hundred), as the last analyze of the petitions found it; one not listed is rarer; and the number
 * of letters. Read again every ten minutes.
 */
export async function searchStatistics(db: Kysely<DB>): Promise<SearchStatistics> {
  const cached = statisticsCache.get(db);
  if (cached && Date.now() - cached.at < 600_000) return cached.statistics;
  const shares = sql<{ word: string; share: number }>`
    select u.word, u.share from pg_stats s,
      unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) as u (word, share)
    where s.schemaname = current_schema() and s.tablename = 'petition'
      and s.attname in ('search_tsv', 'search_pairs') and u.word is not null`
    .execute(db)
    .then(({ rows }) => new Map(rows.map((r) => [r.word, Number(r.share)])))
    // Without statistics every syllable counts as rare: the search stays right, only slower.
    .catch(() => new Map<string, number>());
  const rows = sql<{ rows: number | string }>`
    select greatest(reltuples, 0) as rows from pg_class where oid = 'petition'::regclass`
    .execute(db)
    .then(({ rows }) => Number(rows[0]?.rows ?? 0))
    .catch(() => 0);
  const statistics = Promise.all([shares, rows]).then(([shares, rows]) => ({ shares, rows }));
  statisticsCache.set(db, { at: Date.now(), statistics });
  return statistics;
}

/** Reads the statistics again at the next search (after a bulk load and its analyze). */
export function forgetSearchStatistics(db: Kysely<DB>): void {
  statisticsCache.delete(db);
}
