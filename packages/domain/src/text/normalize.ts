/**
 * Vietnamese text normalisation for matching: "Nguyễn Văn A, Xã X" and "nguyen van a , xa x"
 * must compare equal. The database does the same with f_unaccent(); this is the copy the
 * application uses before a value reaches SQL.
 */
export function unaccent(value: string): string {
  return value.normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/g, "d").replace(/Đ/g, "D");
}

/** Lower-case, accent-free, punctuation folded to single spaces. */
export function normalizeForMatch(value: string): string {
  return foldLatin(value) ?? normalizeSlowly(value);
}

/**
 * A normalised phrase (what a search looked for) written back as one of these texts writes it (the
 * letters it found: "chu tich ubnd" reads "Chủ tịch UBND" in "… Chủ tịch UBND xã …"), or else with
 * the words as they were typed, where a typed word folds to the same word ("Chủ ịch UBND" reads
 * "Chủ tich UBND"); the words no typed word folds to stay as they are.
 */
export function respell(typed: string, normalised: string, texts: readonly string[] = []): string {
  for (const text of texts) {
    const span = spanOf(text, normalised);
    if (span) return span;
  }
  const words = typed.split(/\s+/).flatMap((w) => {
    const folded = normalizeForMatch(w);
    // "xã," keeps its punctuation out; "ô-tô" folds to two words, kept as typed only whole.
    return folded && !folded.includes(" ")
      ? [{ typed: w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ""), folded }]
      : [];
  });
  const used = new Set<number>();
  return normalised
    .split(" ")
    .map((word) => {
      const i = words.findIndex((w, j) => !used.has(j) && w.folded === word);
      if (i < 0) return word;
      used.add(i);
      return words[i]!.typed;
    })
    .join(" ");
}

function normalizeSlowly(value: string): string {
  return unaccent(value)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/**
 * normalizeForMatch one character at a time, for text in Latin script (Vietnamese, with its
 * precomposed letters or combining marks): each character's folding is computed once by the
 * definition above and remembered. The duplicate check normalises a hundred letters per intake,
 * and whole-string NFD and Unicode-class regular expressions were half its time in Node. Other
 * scripts (Greek lower-cases by context) go the slow way: null.
 */
function foldLatin(value: string): string | null {
  let out = "";
  let gap = false;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (!(code < 0x250 || (code >= 0x300 && code < 0x370) || (code >= 0x1e00 && code < 0x1f00))) return null;
    let folded = LATIN_FOLD[code];
    if (folded === undefined) {
      const char = String.fromCharCode(code);
      folded = LATIN_FOLD[code] = normalizeSlowly(char) || (/\p{M}/u.test(char) ? "" : " ");
    }
    if (folded === " ") gap = true;
    else if (folded) {
      if (gap && out) out += " ";
      gap = false;
      out += folded;
    }
  }
  return out;
}

/** The folding of each Latin character met so far: " " for punctuation and spaces, "" for marks. */
const LATIN_FOLD: (string | undefined)[] = [];

const collator = new Intl.Collator("vi", { sensitivity: "base", numeric: true });

/** Sort Vietnamese strings in dictionary order (PGlite has no Vietnamese collation). */
export function compareVietnamese(a: string, b: string): number {
  return collator.compare(a, b);
}

/** The first run of words of a text that normalises to this phrase, as the text writes it. */
function spanOf(text: string, normalised: string): string | null {
  const target = normalised.split(" ");
  const words = [...text.matchAll(/[\p{L}\p{M}\p{N}]+/gu)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    folded: normalizeForMatch(m[0]),
  }));
  for (let i = 0; i + target.length <= words.length; i++) {
    if (target.every((w, k) => words[i + k]!.folded === w)) {
      return text.slice(words[i]!.start, words[i + target.length - 1]!.end);
    }
  }
  return null;
}
