/**
 * A search of the list (its q): which letters match the needle, and what the list needs to count
 * and page them. The needle is tried tier by tier (tiers.ts), with a mistyped word corrected
 * (typos.ts) before its words anywhere, and last as the nearest known words (vocabulary.ts); the
 * newest letters in reach tell how common the match is (limits.ts), which decides how the list
 * reads it.
 */
import type { SearchedAs } from "@minhbach/domain/api/petition-views";
import { sql, type Kysely, type RawBuilder } from "kysely";
import type { DB } from "../../../db/schema.ts";
import { can, type AuthContext } from "../../../platform/access.ts";
import { writerNeedleKeys } from "../../identity/letter-texts.ts";
import {
  countWithPage,
  orderedIds,
  scopeCondition,
  scopedRows,
  type Counted,
  type Counting,
  type FilteredPetitions,
  type ScopedRows,
} from "../list-rows.ts";
import { isCommonMatch, SAMPLE } from "./limits.ts";
import { besideBitmaps, throughBitmaps } from "./scans.ts";
import { searchStatistics } from "./statistics.ts";
import { searchTiers, textHolds, throughIndex, type SearchTier } from "./tiers.ts";
import { correctedNeedle } from "./typos.ts";
import { isKnown, knownWords, nearestByTrigrams } from "./vocabulary.ts";

/** What the list needs to read a search's matches, beside the matches themselves. */
export interface SearchPlan {
  /**
   * The same search with its match tested on each row only (SearchTier.row), for walking the
   * list's index in order: through the search index too, the planner would gather every match.
   */
  walk: ScopedRows;
  /** Whether the match is common (SEARCH_LIMITS.commonShare): counted by walking the list. */
  common: boolean;
  /**
   * How many matches to expect, from the sample of the newest letters and the table's size
   * (0 when none of them holds the match, or none was tested: a correction).
   */
  expected: { matches: number; rows: number };
  /**
   * What the search's probe counted for the list's page. A match none of the newest letters holds
   * is probed through its index before the list counts it: the probe is that count, and the
   * bitmap is not built twice.
   */
  probed: { reads: number; counted: Counted } | null;
  /** How the search found its matches (see SearchedAs); null when it found none. */
  searchedAs: SearchedAs | null;
}

/**
 * The rows of the scope matching the list's other filters and the search, and how the list reads
 * them (filteredPetitions).
 */
export async function searchPetitions(
  db: Kysely<DB>,
  auth: AuthContext,
  /** The list's other filters, not yet kept to the scope. */
  q: FilteredPetitions,
  scope: readonly string[],
  /** The search as typed, and as the search columns hold text (normalizeNeedle). */
  typed: string,
  needle: string,
  /** The list's page, when a search's probe is to count the matches for it (SearchPlan.probed). */
  counting: Counting | undefined,
): Promise<{ rows: ScopedRows; search: SearchPlan }> {
  // A letter not yet classified is searched by text only by those who handle it: it may be a
  // denunciation, whose writer a search must not reveal.
  const handled = can(auth, "petition.write")
    ? sql<boolean>`(p.kind is not null or p.agency_id = ${auth.agencyId})`
    : sql<boolean>`p.kind is not null`;
  // Its search text leaves an unclassified letter's writers out; its handlers find it by a
  // writer's full name, number or e-mail through the writers' keyed hashes.
  const byWriter = can(auth, "petition.write") ? await unclassifiedByWriter(db, auth.agencyId, typed) : [];
  const { shares, rows } = await searchStatistics(db);
  const tiers = searchTiers(needle, shares);
  const words = needle.split(" ");
  // The newest letters in reach first: a phrase found among them is common, and is then
  // counted by walking the list (listPetitions), never through a bitmap of its index.
  const phrases = tiers.filter((t) => !t.scattered);
  const sampled = await sampleShares(
    db,
    q.where(handled),
    scope,
    phrases.map((t) => t.row),
  );
  const sample = new Map(phrases.map((t, i) => [t, sampled[i]!]));
  // What a probe counted for the list's page, by tier.
  const counts = new Map<SearchTier, Counted>();
  // Every probe below goes through the search indexes (bitmaps only). Asked whether one row
  // exists, the planner walks the agency's index testing each row's tsvector, expecting a
  // match soon: for a phrase no letter holds, that reads the whole agency.
  // The match, and how it was found (for the list to say so).
  const searched = await db.transaction().execute(async (trx): Promise<FoundMatch | null> => {
    const foundAs = (way: SearchedAs["way"], as: string, tier: SearchTier | null) =>
      tier && { tier, as: { way, needle: as } };
    await throughBitmaps(trx);
    const found = async (tier: SearchTier) => {
      const matches = q.where(scopeCondition(scope)).where(throughIndex(tier)).where(handled);
      if (!counting) return (await trx.executeQuery(matches.select("p.id").limit(1).compile())).rows.length > 0;
      // The list counts the match next, through the same bitmap: the probe is that count.
      const counted = await countWithPage(db, matches, counting.query, counting.offset, counting.reads, trx);
      counts.set(tier, counted);
      return counted.n > 0;
    };
    const firstFound = async (candidates: SearchTier[]) => {
      for (const tier of candidates) if ((sample.get(tier) ?? 0) > 0 || (await found(tier))) return tier;
      return null;
    };
    // The phrase first; then the phrase with a mistyped word corrected, before its words
    // anywhere: "Chủ ịch UBND xã Tân Tiến" means "Chủ tịch UBND xã Tân Tiến", not every
    // letter holding "chủ", "ích", "UBND", "xã", "tân" and "tiến" somewhere (a thousand).
    // Last, the nearest known words by trigrams.
    const [exact, prefix] = phrases;
    if (await firstFound([exact!])) return foundAs("phrase", needle, exact!);
    // A word before the last that no letter holds: no phrase begins with the needle either,
    // and the prefix's index probe (every pair the last syllable begins) is spared.
    const known = new Set(await knownWords(trx, words));
    const broken = words.length > 1 && words.slice(0, -1).some((w) => !isKnown(known, w));
    if (prefix && !broken && (await firstFound([prefix]))) return foundAs("prefix", needle, prefix);
    // Which of these needles are found as a phrase within the search's reach, in one query.
    const phrasesFound = async (needles: string[]) => {
      const probes = needles.map(
        (n, i) =>
          sql`select ${sql.lit(i)} as i where exists (${q
            .where(scopeCondition(scope))
            .where(throughIndex(searchTiers(n)[0]!))
            .where(handled)
            .select(sql`1`.as("one"))})`,
      );
      const { rows } = await sql<{ i: number }>`${sql.join(probes, sql` union all `)}`.execute(trx);
      return new Set(rows.map((r) => needles[Number(r.i)]!));
    };
    // Which pairs of words the newest letters hold, tested on them (a common pair, such as
    // "ubnd xa" in one letter of six, is slow to find through its index).
    const pairsSeen = async (pairs: string[]) => {
      const seen = await besideBitmaps(trx, { indexscan: true }, () =>
        sampleShares(trx, q.where(handled), scope, pairs.map(textHolds)),
      );
      return new Set(pairs.filter((_, i) => seen[i]! > 0));
    };
    // The likeliest reading is probed alone, by the count when the list wants one.
    const readings = new Map<string, SearchTier>();
    const readingFound = async (reading: string) => {
      const tier = searchTiers(reading)[0]!;
      readings.set(reading, tier);
      return found(tier);
    };
    const corrected = await correctedNeedle(trx, needle, known, phrasesFound, pairsSeen, shares, readingFound);
    // Found as a phrase: no second probe.
    if (corrected) return foundAs("corrected", corrected, readings.get(corrected) ?? searchTiers(corrected)[0]!);
    const scattered = await firstFound(tiers.filter((t) => t.scattered));
    if (scattered) return foundAs("words", needle, scattered);
    const nearest = await nearestByTrigrams(trx, words, known);
    return nearest ? foundAs("nearest", nearest, await firstFound(searchTiers(nearest, shares))) : null;
  });
  const match = searched?.tier ?? null;
  const none = sql<boolean>`false`;
  // The same search tested on each row alone, for a walk down the list's own index.
  const orWriter = (found: RawBuilder<boolean>) =>
    byWriter.length ? sql<boolean>`(${found} or p.id in (${sql.join(byWriter)}))` : found;
  const walk = q.where(orWriter(match?.row ?? none)).where(handled);
  const matched = q.where(orWriter(match ? throughIndex(match) : none)).where(handled);
  const share = match ? (sample.get(match) ?? 0) : 0;
  const counted = match && !byWriter.length && counts.get(match);
  return {
    rows: scopedRows(db, matched, scope),
    search: {
      walk: scopedRows(db, walk, scope),
      common: isCommonMatch(share, match?.share ?? 0) && !byWriter.length,
      // How many matches to expect: none of the newest letters holds the match (few), or the
      // share of the table they make; a table never analysed has no size to tell.
      expected: {
        matches: share === 0 ? 0 : rows > 0 ? share * rows : Infinity,
        rows,
      },
      probed: counting && counted ? { reads: counting.reads, counted } : null,
      searchedAs: searched?.as ?? null,
    },
  };
}

/** A search's match, and how it was found (for the list to say so). */
interface FoundMatch {
  tier: SearchTier;
  as: SearchedAs;
}

/** The agency's unclassified letters one of whose writers the needle names (identity/letter-texts.ts writerKeys). */
async function unclassifiedByWriter(db: Kysely<DB>, agencyId: string, needle: string): Promise<string[]> {
  const keys = writerNeedleKeys(needle);
  if (!keys.length) return [];
  const rows = await db
    .selectFrom("petition")
    .select("id")
    .where("kind", "is", null)
    .where("agency_id", "=", agencyId)
    .where(sql<boolean>`writer_keys && ${sql.val(keys)}::text[]`)
    .limit(SEARCH_BY_WRITER_LIMIT)
    .execute();
  return rows.map((r) => r.id);
}

/** How many unclassified letters a search by one writer finds at most (a writer, not a crowd). */
const SEARCH_BY_WRITER_LIMIT = 200;

/**
 * The share of the newest SAMPLE.rows letters within the scope and filters that passes each test
 * (one query; on its own executor, or in a transaction that keeps to bitmaps).
 */
async function sampleShares(
  db: Kysely<DB>,
  unscoped: FilteredPetitions,
  scope: readonly string[],
  tests: readonly RawBuilder<boolean>[],
): Promise<number[]> {
  if (!scope.length || !tests.length) return tests.map(() => 0);
  const base = scopedRows(db, unscoped, scope);
  const newest = orderedIds(base, { sort: "receivedOn", order: "desc" }, SAMPLE.rows).limit(SAMPLE.rows);
  const { rows } = await sql<Record<string, number | string>>`
    select count(*) as n, ${sql.join(tests.map((test, i) => sql`count(*) filter (where ${test}) as ${sql.ref(`k${i}`)}`))}
    from petition p where p.id in (${newest})`.execute(db);
  const row = rows[0] ?? {};
  const n = Number(row.n ?? 0);
  return tests.map((_, i) => (n ? Number(row[`k${i}`]) / n : 0));
}
