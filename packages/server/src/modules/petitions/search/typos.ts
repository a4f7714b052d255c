/**
 * Typo correction: a needle no letter holds as typed is read again with its mistyped words one
 * slip away from known words (vocabulary.ts), the words around each slip choosing the reading.
 */
import type { Transaction } from "kysely";
import type { DB } from "../../../db/schema.ts";
import { isKnown, knownWords } from "./vocabulary.ts";

/** The letters and digits of an accent-free needle (normalizeForMatch). */
const NEEDLE_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
/**
 * How many corrected needles a search tries at most (the first few in a query of their own), and
 * how many mistyped words it corrects.
 */
const CORRECTIONS = { needles: 60, words: 2, firstBatch: 12 };

/**
 * The readings of a mistyped word one slip away: a letter dropped ("àng" for "hàng"), added,
 * replaced or swapped, and two words run together ("côngty"). Accent-free, as the needle is.
 */
export function slipsOf(word: string): string[] {
  const out = new Set<string>();
  for (let i = 0; i <= word.length; i++) {
    const head = word.slice(0, i);
    const tail = word.slice(i);
    if (tail) out.add(head + tail.slice(1));
    if (tail.length > 1) out.add(head + tail[1] + tail[0] + tail.slice(2));
    for (const c of NEEDLE_ALPHABET) {
      out.add(head + c + tail);
      if (tail) out.add(head + c + tail.slice(1));
    }
    if (head && tail) out.add(`${head} ${tail}`);
  }
  out.delete(word);
  out.delete("");
  return [...out];
}

/**
 * The needle with its mistyped words corrected, or null. A word no letter holds is mistyped; when
 * every word is known but the phrase is nowhere, the words with no known neighbour are. Each is
 * replaced by its readings one slip away that are known words (syllables of the letters'
 * search texts), and the first reading that makes the whole needle a phrase some letter holds is
 * the correction: the words around a slip tell "cửa hàng" from "cửa sàng".
 */
export async function correctedNeedle(
  db: Transaction<DB>,
  needle: string,
  /** The needle's words the vocabulary holds (knownWords). */
  known: ReadonlySet<string>,
  /** Which of these needles some letter within the search's reach holds as a phrase. */
  found: (needles: string[]) => Promise<Set<string>>,
  /** Which of these pairs of words the newest letters hold (sampleShares). */
  pairsSeen: (pairs: string[]) => Promise<Set<string>>,
  /** The commonest words' shares of the letters (searchStatistics). */
  shares: ReadonlyMap<string, number>,
  /** Whether some letter within reach holds this one needle as a phrase (probed on its own). */
  foundAlone: (needle: string) => Promise<boolean>,
): Promise<string | null> {
  const words = needle.split(" ");
  let suspects = words.map((w, i) => i).filter((i) => !isKnown(known, words[i]!));
  if (!suspects.length && words.length > 1) {
    // Every word is known: the slip made another word ("ang", "ich"). Suspect the words that
    // pair with neither neighbour. A pair in many letters is nearly always among the newest.
    const pairs = words.slice(1).map((w, i) => `${words[i]} ${w}`);
    const seenPairs = await pairsSeen(pairs);
    const unseen = pairs.filter((p) => !seenPairs.has(p));
    const paired = new Set([...seenPairs, ...(unseen.length ? await found(unseen) : [])]);
    // A slip inside the needle leaves both its pairs nowhere, one at either end only its one: the
    // words unpaired on both sides first ("bà V Thị Thư": "v" before "bà", whose sixty readings
    // filled the tries before "vũ" was reached).
    const unpairedSides = (i: number) =>
      Number(i > 0 && !paired.has(pairs[i - 1]!)) + Number(i < words.length - 1 && !paired.has(pairs[i]!));
    suspects = words
      .map((w, i) => i)
      .filter((i) => (i === 0 || !paired.has(pairs[i - 1]!)) && (i === words.length - 1 || !paired.has(pairs[i]!)))
      .sort((a, b) => unpairedSides(b) - unpairedSides(a) || a - b);
    if (!suspects.length && words.length > 2) {
      // Each pair is in some letter, but not the whole ("bà Tần Thị Lý": "bà tần" and "tần thị"
      // are both names somewhere). Suspect the words of the runs of three no letter holds, those
      // in the most of them first.
      const runs = words.slice(2).map((w, i) => `${words[i]} ${words[i + 1]} ${w}`);
      const held = await found(runs);
      const unheld = (i: number) => runs.filter((r, j) => !held.has(r) && j <= i && i <= j + 2).length;
      suspects = words
        .map((w, i) => i)
        .filter((i) => unheld(i) > 0)
        .sort((a, b) => unheld(b) - unheld(a) || a - b);
    }
  }
  suspects = suspects.slice(0, CORRECTIONS.words);
  if (!suspects.length) return null;
  const slips = new Map(suspects.map((i) => [i, slipsOf(words[i]!)]));
  const lookup = [...new Set([...slips.values()].flat().flatMap((s) => s.split(" ")))];
  const vocabulary = new Set(await knownWords(db, lookup));
  // How common the pairs are that a reading makes with the words around it, and within itself.
  const pairing = (i: number, r: string) => {
    const run = [words[i - 1], ...r.split(" "), words[i + 1]].filter((w) => w !== undefined);
    return run.slice(1).reduce((sum, w, j) => sum + (shares.get(`${run[j]}_${w}`) ?? 0), 0);
  };
  const readings = suspects.map((i) =>
    slips
      .get(i)!
      .filter((s) => s.split(" ").every((w) => vocabulary.has(w)))
      .map((r) => ({ r, pairing: pairing(i, r) }))
      // The reading that pairs most often with the words around it first ("cửa hàng", in a sixth
      // of the letters, before "cửa dang" for "cửa àng"); then two words run together before a
      // letter dropped or added ("cong ty" for "congty"); then the commoner word ("tịch" before
      // "bích" for "ịch").
      .sort(
        (a, b) =>
          b.pairing - a.pairing ||
          Number(b.r.includes(" ")) - Number(a.r.includes(" ")) ||
          (shares.get(b.r) ?? 0) - (shares.get(a.r) ?? 0),
      )
      .map(({ r }) => r),
  );
  // One slip in one suspect first, then one in each; only the latter when two words are in no
  // letter (either left as it is would still be nowhere).
  const reading = (c: string[], i: number, r: string) => c.map((w, j) => (j === i ? r : w));
  const twoUnknown = suspects.filter((i) => !isKnown(known, words[i]!)).length > 1;
  const single = twoUnknown ? [] : suspects.flatMap((i, k) => readings[k]!.map((r) => reading(words, i, r)));
  const both =
    suspects.length > 1
      ? suspects.reduce((cs, i, k) => cs.flatMap((c) => readings[k]!.map((r) => reading(c, i, r))), [words])
      : [];
  const needles = [...new Set([...single, ...both].map((c) => c.join(" ")))].slice(0, CORRECTIONS.needles);
  if (!needles.length) return null;
  // The likeliest reading alone (the right one, mostly, and its probe may be the search's count),
  // then the next likeliest in a query of their own: each reading tested costs its probe.
  if (await foundAlone(needles[0]!)) return needles[0]!;
  const rest = needles.slice(1);
  for (const batch of [rest.slice(0, CORRECTIONS.firstBatch - 1), rest.slice(CORRECTIONS.firstBatch - 1)]) {
    if (!batch.length) continue;
    const held = await found(batch);
    const first = batch.find((n) => held.has(n));
    if (first) return first;
  }
  return null;
}
