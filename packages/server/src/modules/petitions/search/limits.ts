/**
 * The limits a search counts and pages its matches by, and what makes a match common. The figures
 * behind them are in bench/results.jsonl (bench/scenarios/petitions.ts measures the search at a
 * million letters; BENCH_SEARCH_LIMITS runs it with other limits).
 */

/**
 * A search counts up to `cap` matches and says "more than" beyond it: each match counted is a
 * read of its row, and a search that finds more is refined, not read to the end. Up to the cap the
 * page is sorted out of the counted matches. Beyond it, `beyondCap` says how the page is found:
 * "estimate" (the default) judges from the count how common the match is, and either sorts all
 * the matches (a name shared by a few thousand letters) or walks the list's index in order until
 * the page is full (a subject in one letter of ten); tests force "sort" or "walk" to compare them.
 */
export const SEARCH_LIMITS: {
  cap: number;
  beyondCap: "estimate" | "sort" | "walk";
  /** The share of the newest letters a match is in from which it is common (see SAMPLE). */
  commonShare: number;
  /**
   * What testing one row costs in a walk down the list's index, against reading one match through
   * a bitmap of a search index. The walk reads the table nearly in its physical order (letters
   * are stored as they arrive) and tests the text kept in the row; the bitmap reads matches
   * scattered over the table. Of the values benchmarked, 0,3 suited names and mistyped names best,
   * 1 common subjects.
   */
  walkedRowCost: number;
  /**
   * How many matches a search reads at once, counting and sorting them in one scan, when none of
   * the newest letters matched, or their share of the table's letters is no more than this. Such
   * a match is in fewer than about one letter in a hundred; names shared by a few thousand letters
   * are sorted faster than walked.
   */
  sortUpTo: number;
} = {
  cap: 1_000,
  beyondCap: "estimate",
  commonShare: 0.2,
  walkedRowCost: 0.3,
  sortUpTo: 8_000,
};

/**
 * How many of the newest letters a search tests itself on before it uses its indexes. A match in
 * SEARCH_LIMITS.commonShare of them is common: for a word in a fifth of the letters, building the
 * bitmap of its index takes longer than walking the list for the first thousand matches; for a
 * word in one letter of ten, the walk is the slower.
 */
export const SAMPLE = { rows: 200 };

/**
 * Whether a match is common enough to be counted by walking the list (SEARCH_LIMITS.commonShare):
 * in the sample of the scope's newest letters, or in the whole table by the planner's statistics
 * where the sample agrees within half. 200 letters tell a share of a fifth within about three
 * points, so a phrase in a fifth of the table may show a little less in the sample and still be
 * walked. A match common in the table but rare in the scope's letters (another agency's field) is
 * not.
 */
export function isCommonMatch(sampleShare: number, overallShare: number): boolean {
  const threshold = SEARCH_LIMITS.commonShare;
  return sampleShare >= threshold || (overallShare >= threshold && sampleShare >= threshold / 2);
}
