/**
 * The vocabulary of the letters' search texts (search_word, 0016_search_vocabulary.sql): every
 * syllable some letter held, kept to tell a mistyped word from a known one and to find the known
 * word nearest to it.
 */
import { sql, type Transaction } from "kysely";
import type { DB } from "../../../db/schema.ts";
import { besideBitmaps } from "./scans.ts";

/** Adds the words of a search text to the vocabulary used to correct typos. */
export async function rememberWords(trx: Transaction<DB>, text: string): Promise<void> {
  const words = [...new Set(text.split(" ").filter((w) => w.length >= 2 && w.length <= 40))];
  if (!words.length) return;
  await trx
    .insertInto("search_word")
    .values(words.map((word) => ({ word })))
    .onConflict((oc) => oc.column("word").doNothing())
    .execute();
}

/**
 * Whether a word is in the vocabulary, or one it does not keep (rememberWords: a single letter or
 * digit, or a word longer than 40), which is then taken as known.
 */
export function isKnown(known: ReadonlySet<string>, word: string): boolean {
  return known.has(word) || word.length < 2 || word.length > 40;
}

/**
 * Which of these words the vocabulary holds, through its primary key. Through bitmaps (the
 * search's transaction keeps the planner to them, throughBitmaps), the planner took the trigram
 * index, which answers equality too but is far slower for a thousand words at once: for this
 * query alone, plain index scans and no bitmaps.
 */
export async function knownWords(trx: Transaction<DB>, words: readonly string[]): Promise<string[]> {
  if (!words.length) return [];
  const rows = await besideBitmaps(trx, { indexscan: true, bitmapscan: false }, () =>
    trx.selectFrom("search_word").select("word").where("word", "in", words).execute(),
  );
  return rows.map((r) => r.word);
}

/**
 * Each unknown word of the needle replaced by the most similar known word. In the caller's
 * transaction, which keeps the planner off a scan of the whole vocabulary.
 */
export async function nearestByTrigrams(
  trx: Transaction<DB>,
  words: readonly string[],
  /** The needle's words the vocabulary holds (knownWords). */
  known: ReadonlySet<string>,
): Promise<string | null> {
  let changed = false;
  const out: string[] = [];
  for (const word of words) {
    if (known.has(word) || word.length < 3) {
      out.push(word);
      continue;
    }
    // Through the vocabulary's trigram index: left alone, the planner (PGlite's especially) reads
    // the whole vocabulary computing the similarity of every word.
    const nearest = await trx
      .selectFrom("search_word")
      .select("word")
      .where(sql<boolean>`word % ${word}`)
      .orderBy(sql`word <-> ${word}`)
      .limit(1)
      .executeTakeFirst();
    if (!nearest) return null;
    out.push(nearest.word);
    changed = true;
  }
  return changed ? out.join(" ") : null;
}
