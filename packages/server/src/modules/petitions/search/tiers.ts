/**
 * How a search needle is matched: the tiers it is tried in (phrase, prefix, words anywhere), each
 * as a condition through a search index and as a test of one row, over the search columns that
 * intake and classification write (identity/letter-texts.ts).
 */
import { normalizeForMatch } from "@minhbach/domain";
import { sql, type RawBuilder } from "kysely";

/**
 * One way of matching a needle: `index` finds the matches through a search index (all of them,
 * and only them when `exact`), `row` tests one row alone, for a walk down the list's own index
 * and where the index is not exact.
 */
export interface SearchTier {
  index: RawBuilder<boolean>;
  exact: boolean;
  row: RawBuilder<boolean>;
  /** The needle's words anywhere, not as a phrase. */
  scattered: boolean;
  /**
   * The share of all letters the tier matches, from the planner's statistics, where its index
   * looks up one lexeme (one syllable, or the pair of a two-syllable phrase); null otherwise.
   */
  share: number | null;
}

/**
 * The ways a search needle is tried, most precise first; the first that finds anything is the
 * search (searchPetitions tries a corrected phrase before the scattered tier). Vietnamese words
 * are written syllable by syllable, and "văn" alone is in half the letters, so a needle of several
 * syllables is a phrase: first as typed, then with its last syllable as a prefix ("nguyen van a"
 * finds "Nguyễn Văn Anh"), then, when the phrase is nowhere, all its syllables anywhere ("xăng
 * dầu Minh Phát bán thiếu" finds "… Minh Phát tại xã Bắc Hà bán xăng thiếu lít"). One syllable is
 * itself, then (a code's number, an identity number) a prefix from three characters on. The text
 * searched holds names, codes and document numbers as well as the letter.
 *
 * A phrase is found through its syllable pairs (0015_search_syllable_pairs.sql): two syllables
 * are one pair, which the index decides alone; three or more are then tested in the names and the
 * text. Both are normalised as the needle is (words of letters and digits, one space apart), so a
 * phrase is a space-bounded substring of them.
 */
export function searchTiers(needle: string, shares: ReadonlyMap<string, number> = new Map()): SearchTier[] {
  // Lexemes are the needle's own syllables (letters and digits only), quoted for tsquery.
  const words = needle.split(" ");
  // Names first: search_names is short and kept in the row, where search_text is read from the
  // TOAST table; most phrases of three syllables or more are names, and the text is then not read.
  const inText = (prefix: boolean) =>
    prefix
      ? sql<boolean>`(strpos(' ' || p.search_names, ${` ${needle}`}) > 0
          or strpos(' ' || p.search_text, ${` ${needle}`}) > 0)`
      : sql<boolean>`(strpos(' ' || p.search_names || ' ', ${` ${needle} `}) > 0
          or strpos(' ' || p.search_text || ' ', ${` ${needle} `}) > 0)`;
  if (words.length === 1) {
    // The syllable itself, then as a prefix: a prefix reads every word it begins.
    const whole: SearchTier = {
      index: sql<boolean>`p.search_tsv @@ ${`'${needle}'`}::tsquery`,
      exact: true,
      row: inText(false),
      scattered: false,
      share: shares.get(needle) ?? 0,
    };
    if (needle.length < 3) return [whole];
    return [
      whole,
      {
        index: sql<boolean>`p.search_tsv @@ ${`'${needle}':*`}::tsquery`,
        exact: true,
        row: inText(true),
        scattered: false,
        share: null,
      },
    ];
  }
  const phrase = (lastAsPrefix: boolean): SearchTier => {
    const pairs = words.slice(1).map((w, i) => `'${words[i]}_${w}'`);
    return {
      index: sql<boolean>`p.search_pairs @@ ${pairs.join(" & ") + (lastAsPrefix ? ":*" : "")}::tsquery`,
      exact: words.length === 2,
      row: inText(lastAsPrefix),
      scattered: false,
      share: words.length === 2 && !lastAsPrefix ? (shares.get(`${words[0]}_${words[1]}`) ?? 0) : null,
    };
  };
  // Through the index, the rarest syllables only: the bitmap of many common ones ("công", "xã",
  // "UBND", each in a third of the letters or more) is slow to build and narrows little. On the
  // row, every syllable is looked for in the text, read once (the tsvector is in the TOAST table,
  // the text compressed in the row).
  const distinct = [...new Set(words)];
  const rarest = [...distinct].sort((a, b) => (shares.get(a) ?? 0) - (shares.get(b) ?? 0)).slice(0, SCATTERED_INDEXED);
  const anywhere: SearchTier = {
    index: sql<boolean>`p.search_tsv @@ plainto_tsquery('simple', ${rarest.join(" ")})`,
    exact: rarest.length === distinct.length,
    row: sql<boolean>`(' ' || p.search_text || ' ') like all (${sql.val(distinct.map((w) => `% ${w} %`))}::text[])`,
    scattered: true,
    share: null,
  };
  return [phrase(false), phrase(true), anywhere];
}

/** How many of a needle's syllables, the rarest, find its scattered matches through the index. */
const SCATTERED_INDEXED = 3;

/** Whether the row's search text holds this phrase (normalised as the needle is). */
export function textHolds(phrase: string): RawBuilder<boolean> {
  return sql<boolean>`strpos(' ' || p.search_text || ' ', ${` ${phrase} `}) > 0`;
}

/** A search tier's condition through its index, tested on the row where the index is not exact. */
export function throughIndex(tier: SearchTier): RawBuilder<boolean> {
  return tier.exact ? tier.index : sql<boolean>`(${tier.index} and ${tier.row})`;
}

/** The search needle as the search columns hold text: accent-free, lower-case, no punctuation. */
export function normalizeNeedle(q: string): string {
  return normalizeForMatch(q);
}
